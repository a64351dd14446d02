//! The Store trait on [`SqliteStore`]: reads through `read`/`read_snapshot`, writes through
//! `write` (one statement) or `write_tx` (several, in one transaction).

use chrono::{DateTime, Utc};
use kindred_domain::accounts::{Account, ApiToken, Email, NewAccount, PasswordHash};
use kindred_domain::auth::{AuthSession, SessionContext, TokenHash};
use kindred_domain::enrollments::{Enrollment, MyGroup};
use kindred_domain::groups::{Group, GroupCard};
use kindred_domain::ids::{
    AccountId, ApiTokenId, AuthSessionId, GroupId, LocationId, OrgId, ProgramId, SessionId,
};
use kindred_domain::locations::Location;
use kindred_domain::orgs::{OrgRole, Organization, Role, StaffMember};
use kindred_domain::programs::Program;
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::FoundationStore;

use super::{accounts, auth, cards, groups, orgs, places, sessions, setup, tokens, SqliteStore, R};

#[async_trait::async_trait]
impl FoundationStore for SqliteStore {
    async fn create_account(&self, account: NewAccount) -> R<Account> {
        self.write(move |c| {
            accounts::insert_account(c, &account)?;
            tracing::debug!(account_id = %account.id, "account created");
            Ok(account.into())
        })
        .await
    }
    async fn account_by_email(&self, email: &Email) -> R<Option<Account>> {
        self.read(|c| accounts::account_by_email(c, email))
    }
    async fn account_by_id(&self, id: AccountId) -> R<Option<Account>> {
        self.read(|c| accounts::account_by_id(c, id))
    }
    async fn set_password(
        &self,
        id: AccountId,
        hash: PasswordHash,
        keep: Option<AuthSessionId>,
    ) -> R<()> {
        self.write_tx(move |c| accounts::set_password(c, id, &hash, keep))
            .await?;
        tracing::info!(account_id = %id, "password changed; other sessions ended");
        Ok(())
    }
    async fn roles_of(&self, id: AccountId) -> R<Vec<OrgRole>> {
        self.read(|c| accounts::roles_of(c, id))
    }

    async fn create_auth_session(&self, session: AuthSession) -> R<()> {
        self.write(move |c| auth::create_auth_session(c, &session))
            .await
    }
    async fn auth_session_by_token(&self, hash: &TokenHash) -> R<Option<AuthSession>> {
        self.read(|c| auth::auth_session_by_token(c, hash))
    }
    async fn session_context(&self, hash: &TokenHash) -> R<Option<SessionContext>> {
        self.read(|c| auth::session_context(c, hash))
    }
    async fn touch_auth_session(&self, id: AuthSessionId, now: DateTime<Utc>) -> R<()> {
        self.write(move |c| auth::touch_auth_session(c, id, now))
            .await
    }
    async fn delete_auth_session(&self, id: AuthSessionId) -> R<()> {
        self.write(move |c| auth::delete_auth_session(c, id)).await
    }
    async fn delete_auth_sessions_of(
        &self,
        account: AccountId,
        except: Option<AuthSessionId>,
    ) -> R<()> {
        self.write(move |c| auth::delete_sessions_of(c, account, except))
            .await
    }

    async fn create_api_token(&self, token: ApiToken) -> R<()> {
        self.write(move |c| tokens::create_api_token(c, &token))
            .await
    }
    async fn api_tokens_of(&self, account: AccountId) -> R<Vec<ApiToken>> {
        self.read(|c| tokens::api_tokens_of(c, account))
    }
    async fn api_token_by_hash(&self, hash: &TokenHash) -> R<Option<ApiToken>> {
        self.read(|c| tokens::api_token_by_hash(c, hash))
    }
    async fn revoke_api_token(
        &self,
        account: AccountId,
        id: ApiTokenId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        self.write(move |c| tokens::revoke_api_token(c, account, id, now))
            .await
    }
    async fn touch_api_token(&self, id: ApiTokenId, now: DateTime<Utc>) -> R<()> {
        self.write(move |c| tokens::touch_api_token(c, id, now))
            .await
    }

    async fn has_organizations(&self) -> R<bool> {
        self.read(setup::has_organizations)
    }
    async fn create_setup_token(&self, hash: &TokenHash, now: DateTime<Utc>) -> R<()> {
        let hash = hash.clone();
        self.write(move |c| setup::create_setup_token(c, &hash, now))
            .await
    }
    async fn setup_token_is_open(&self, hash: &TokenHash) -> R<bool> {
        self.read(|c| setup::setup_token_is_open(c, hash))
    }
    async fn complete_setup(
        &self,
        token: &TokenHash,
        now: DateTime<Utc>,
        org: Organization,
        admin: NewAccount,
        role: Role,
    ) -> R<Account> {
        let token = token.clone();
        let (org_id, admin_id) = (org.id, admin.id);
        let admin = self
            .write_tx(move |c| {
                setup::complete_setup(c, &token, now, &org, &admin, role)?;
                Ok(admin)
            })
            .await?;
        tracing::info!(org_id = %org_id, account_id = %admin_id, "setup completed");
        Ok(admin.into())
    }

    async fn create_organization(&self, org: Organization) -> R<()> {
        self.write(move |c| orgs::insert_organization(c, &org))
            .await
    }
    async fn organization(&self, id: OrgId) -> R<Option<Organization>> {
        self.read(|c| orgs::organization(c, id))
    }
    async fn set_staff_role(&self, org: OrgId, account: AccountId, role: Role) -> R<()> {
        self.write(move |c| orgs::set_staff_role(c, org, account, role))
            .await
    }
    async fn remove_staff_role(&self, org: OrgId, account: AccountId) -> R<bool> {
        self.write(move |c| orgs::remove_staff_role(c, org, account))
            .await
    }
    async fn staff_of(&self, org: OrgId) -> R<Vec<StaffMember>> {
        self.read(|c| orgs::staff_of(c, org))
    }

    async fn insert_program(&self, program: Program) -> R<()> {
        self.write(move |c| places::insert_program(c, &program))
            .await
    }
    async fn update_program(&self, program: Program) -> R<()> {
        self.write(move |c| places::update_program(c, &program))
            .await
    }
    async fn program(&self, org: OrgId, id: ProgramId) -> R<Option<Program>> {
        self.read(|c| places::program(c, org, id))
    }
    async fn programs_of(&self, org: OrgId) -> R<Vec<Program>> {
        self.read(|c| places::programs_of(c, org))
    }

    async fn insert_location(&self, location: Location) -> R<()> {
        self.write(move |c| places::insert_location(c, &location))
            .await
    }
    async fn update_location(&self, location: Location) -> R<()> {
        self.write(move |c| places::update_location(c, &location))
            .await
    }
    async fn location(&self, org: OrgId, id: LocationId) -> R<Option<Location>> {
        self.read(|c| places::location(c, org, id))
    }
    async fn locations_of(&self, org: OrgId) -> R<Vec<Location>> {
        self.read(|c| places::locations_of(c, org))
    }

    async fn insert_group(&self, group: Group) -> R<()> {
        let (id, org) = (group.id, group.org_id);
        self.write_tx(move |c| groups::insert_group(c, &group))
            .await?;
        tracing::debug!(group_id = %id, org_id = %org, "group created");
        Ok(())
    }
    async fn update_group(&self, group: Group) -> R<()> {
        let (id, org) = (group.id, group.org_id);
        self.write_tx(move |c| groups::update_group(c, &group))
            .await?;
        tracing::debug!(group_id = %id, org_id = %org, "group updated");
        Ok(())
    }
    async fn group(&self, id: GroupId) -> R<Option<Group>> {
        self.read_snapshot(|c| groups::group(c, id))
    }
    async fn group_cards_of_org(&self, org: OrgId) -> R<Vec<GroupCard>> {
        self.read(|c| cards::group_cards_of_org(c, org))
    }
    async fn public_group_cards(&self) -> R<Vec<GroupCard>> {
        self.read(cards::public_group_cards)
    }
    async fn active_member_count(&self, group: GroupId) -> R<i32> {
        self.read(|c| cards::active_member_count(c, group))
    }

    async fn insert_session(&self, session: GroupSession) -> R<()> {
        self.write(move |c| sessions::insert_session(c, &session))
            .await
    }
    async fn sessions_of_group(
        &self,
        group: GroupId,
        from: DateTime<Utc>,
        limit: i64,
    ) -> R<Vec<GroupSession>> {
        self.read(|c| sessions::sessions_of_group(c, group, from, limit))
    }
    async fn session(&self, id: SessionId) -> R<Option<GroupSession>> {
        self.read(|c| sessions::session(c, id))
    }

    async fn insert_enrollment(&self, enrollment: Enrollment) -> R<()> {
        self.write(move |c| cards::insert_enrollment(c, &enrollment))
            .await
    }
    async fn groups_of_member(&self, account: AccountId, now: DateTime<Utc>) -> R<Vec<MyGroup>> {
        self.read(|c| cards::groups_of_member(c, account, now))
    }
}
