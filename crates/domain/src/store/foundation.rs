//! Storage of the foundation: accounts, sign-in sessions, tokens, organizations, programs,
//! locations, groups, and the sessions and enrollments that "my groups" shows.

use chrono::{DateTime, Utc};

use crate::accounts::{Account, ApiToken, Email, NewAccount, PasswordHash};
use crate::auth::{AuthSession, SessionContext, TokenHash};
use crate::enrollments::{Enrollment, MyGroup};
use crate::groups::{Group, GroupCard};
use crate::ids::{
    AccountId, ApiTokenId, AuthSessionId, GroupId, LocationId, OrgId, ProgramId, SessionId,
};
use crate::locations::Location;
use crate::orgs::{OrgRole, Organization, Role, StaffMember};
use crate::programs::Program;
use crate::sessions::GroupSession;
use crate::StoreError;

type R<T> = Result<T, StoreError>;

#[async_trait::async_trait]
pub trait FoundationStore: Send + Sync {
    // Accounts
    /// Fails with `Duplicate` when the email is taken.
    async fn create_account(&self, account: NewAccount) -> R<Account>;
    async fn account_by_email(&self, email: &Email) -> R<Option<Account>>;
    async fn account_by_id(&self, id: AccountId) -> R<Option<Account>>;
    /// Sets the password and deletes every session of the account except `keep`, together.
    async fn set_password(
        &self,
        id: AccountId,
        hash: PasswordHash,
        keep: Option<AuthSessionId>,
    ) -> R<()>;
    /// The account's staff roles, one per organization, ordered by organization name.
    async fn roles_of(&self, id: AccountId) -> R<Vec<OrgRole>>;

    // Signed-in sessions
    async fn create_auth_session(&self, session: AuthSession) -> R<()>;
    async fn auth_session_by_token(&self, hash: &TokenHash) -> R<Option<AuthSession>>;
    /// The session behind a token with its account and the account's roles (ordered as in
    /// `roles_of`), read in one snapshot: what every signed-in request needs, in one call.
    /// `None` when no session has this token. Liveness is the caller's to judge.
    async fn session_context(&self, hash: &TokenHash) -> R<Option<SessionContext>>;
    async fn touch_auth_session(&self, id: AuthSessionId, now: DateTime<Utc>) -> R<()>;
    async fn delete_auth_session(&self, id: AuthSessionId) -> R<()>;
    async fn delete_auth_sessions_of(
        &self,
        account: AccountId,
        except: Option<AuthSessionId>,
    ) -> R<()>;

    // Personal access tokens
    async fn create_api_token(&self, token: ApiToken) -> R<()>;
    /// Newest first, revoked ones included.
    async fn api_tokens_of(&self, account: AccountId) -> R<Vec<ApiToken>>;
    async fn api_token_by_hash(&self, hash: &TokenHash) -> R<Option<ApiToken>>;
    /// `false` when the token is not the account's or was already revoked.
    async fn revoke_api_token(
        &self,
        account: AccountId,
        id: ApiTokenId,
        now: DateTime<Utc>,
    ) -> R<bool>;
    async fn touch_api_token(&self, id: ApiTokenId, now: DateTime<Utc>) -> R<()>;

    // First-run setup
    async fn has_organizations(&self) -> R<bool>;
    async fn create_setup_token(&self, hash: &TokenHash, now: DateTime<Utc>) -> R<()>;
    async fn setup_token_is_open(&self, hash: &TokenHash) -> R<bool>;
    /// Spends the token, creates the organization, the account and its role, together.
    /// `NotFound` when the token is unknown or spent; `Duplicate` when the email is taken.
    async fn complete_setup(
        &self,
        token: &TokenHash,
        now: DateTime<Utc>,
        org: Organization,
        admin: NewAccount,
        role: Role,
    ) -> R<Account>;

    // Organizations and staff
    async fn create_organization(&self, org: Organization) -> R<()>;
    async fn organization(&self, id: OrgId) -> R<Option<Organization>>;
    /// Grants the role, replacing any other role the account had in the organization.
    async fn set_staff_role(&self, org: OrgId, account: AccountId, role: Role) -> R<()>;
    async fn remove_staff_role(&self, org: OrgId, account: AccountId) -> R<bool>;
    /// Ordered by display name.
    async fn staff_of(&self, org: OrgId) -> R<Vec<StaffMember>>;

    // Programs (ordered by name; archived included)
    async fn insert_program(&self, program: Program) -> R<()>;
    async fn update_program(&self, program: Program) -> R<()>;
    async fn program(&self, org: OrgId, id: ProgramId) -> R<Option<Program>>;
    async fn programs_of(&self, org: OrgId) -> R<Vec<Program>>;

    // Locations (ordered by name; archived included)
    async fn insert_location(&self, location: Location) -> R<()>;
    async fn update_location(&self, location: Location) -> R<()>;
    async fn location(&self, org: OrgId, id: LocationId) -> R<Option<Location>>;
    async fn locations_of(&self, org: OrgId) -> R<Vec<Location>>;

    // Groups: the row, its vocabularies and facilitators are written together.
    async fn insert_group(&self, group: Group) -> R<()>;
    async fn update_group(&self, group: Group) -> R<()>;
    async fn group(&self, id: GroupId) -> R<Option<Group>>;
    /// Ordered by name; archived included.
    async fn group_cards_of_org(&self, org: OrgId) -> R<Vec<GroupCard>>;
    /// Groups that are not archived and whose program is not archived, in every organization.
    async fn public_group_cards(&self) -> R<Vec<GroupCard>>;
    async fn active_member_count(&self, group: GroupId) -> R<i32>;

    // Sessions
    async fn insert_session(&self, session: GroupSession) -> R<()>;
    /// Sessions ending after `from`, earliest first.
    async fn sessions_of_group(
        &self,
        group: GroupId,
        from: DateTime<Utc>,
        limit: i64,
    ) -> R<Vec<GroupSession>>;
    async fn session(&self, id: SessionId) -> R<Option<GroupSession>>;

    // Enrollments
    async fn insert_enrollment(&self, enrollment: Enrollment) -> R<()>;
    /// The member's current enrollments (requested, waitlisted, active) with each group's
    /// next session after `now` that is not held (cancelled ones included, so members see them).
    async fn groups_of_member(&self, account: AccountId, now: DateTime<Utc>) -> R<Vec<MyGroup>>;
}
