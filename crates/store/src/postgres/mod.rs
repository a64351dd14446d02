//! The Store on PostgreSQL with sqlx: one pool, the shared SQL texts of `crate::sql`.

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
use kindred_domain::StoreError;
use sqlx::{PgPool, Postgres};

mod accounts;
mod agreements;
mod alerts;
mod attendance;
pub(crate) mod audit;
mod auth;
mod calendar;
mod cards;
mod directory;
mod enrollments;
mod groups;
mod intake;
mod locations;
mod notes;
mod orgs;
mod programs;
mod reports;
mod rooms;
mod rotation;
mod schedules;
mod sessions;
mod setup;
mod techniques;
mod tokens;

type Db = Postgres;
type R<T> = Result<T, StoreError>;
type Tx = sqlx::Transaction<'static, Db>;
/// A statement with its parameters bound so far.
type Query<'q> = sqlx::query::Query<'q, Db, sqlx::postgres::PgArguments>;

/// Reads and writes share one pool; PostgreSQL's MVCC needs no single writer.
#[derive(Clone)]
pub(crate) struct PgStore {
    pub(crate) pool: PgPool,
    /// The data keys sealed columns are written and read with.
    pub(crate) keys: std::sync::Arc<crate::crypto::Keyring>,
}

impl PgStore {
    async fn begin_write(&self) -> R<Tx> {
        self.pool.begin().await.map_err(crate::errors::db)
    }

    /// A read-only transaction for reads that span several queries: one snapshot.
    async fn begin_read(&self) -> R<Tx> {
        let mut tx = self.pool.begin().await.map_err(crate::errors::db)?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(crate::errors::db)?;
        Ok(tx)
    }
}

async fn commit(tx: Tx) -> R<()> {
    tx.commit().await.map_err(crate::errors::db)
}

#[async_trait::async_trait]
impl FoundationStore for PgStore {
    async fn create_account(&self, account: NewAccount) -> R<Account> {
        accounts::create_account(self, account).await
    }
    async fn account_by_email(&self, email: &Email) -> R<Option<Account>> {
        accounts::account_by_email(self, email).await
    }
    async fn account_by_id(&self, id: AccountId) -> R<Option<Account>> {
        accounts::account_by_id(self, id).await
    }
    async fn set_password(
        &self,
        id: AccountId,
        hash: PasswordHash,
        keep: Option<AuthSessionId>,
    ) -> R<()> {
        accounts::set_password(self, id, hash, keep).await
    }
    async fn roles_of(&self, id: AccountId) -> R<Vec<OrgRole>> {
        accounts::roles_of(&self.pool, id).await
    }

    async fn create_auth_session(&self, session: AuthSession) -> R<()> {
        auth::create_auth_session(self, session).await
    }
    async fn auth_session_by_token(&self, hash: &TokenHash) -> R<Option<AuthSession>> {
        auth::auth_session_by_token(self, hash).await
    }
    async fn session_context(&self, hash: &TokenHash) -> R<Option<SessionContext>> {
        auth::session_context(self, hash).await
    }
    async fn touch_auth_session(&self, id: AuthSessionId, now: DateTime<Utc>) -> R<()> {
        auth::touch_auth_session(self, id, now).await
    }
    async fn delete_auth_session(&self, id: AuthSessionId) -> R<()> {
        auth::delete_auth_session(self, id).await
    }
    async fn delete_auth_sessions_of(
        &self,
        account: AccountId,
        except: Option<AuthSessionId>,
    ) -> R<()> {
        auth::delete_sessions_of(&self.pool, account, except).await
    }

    async fn create_api_token(&self, token: ApiToken) -> R<()> {
        tokens::create_api_token(self, token).await
    }
    async fn api_tokens_of(&self, account: AccountId) -> R<Vec<ApiToken>> {
        tokens::api_tokens_of(self, account).await
    }
    async fn api_token_by_hash(&self, hash: &TokenHash) -> R<Option<ApiToken>> {
        tokens::api_token_by_hash(self, hash).await
    }
    async fn revoke_api_token(
        &self,
        account: AccountId,
        id: ApiTokenId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        tokens::revoke_api_token(self, account, id, now).await
    }
    async fn touch_api_token(&self, id: ApiTokenId, now: DateTime<Utc>) -> R<()> {
        tokens::touch_api_token(self, id, now).await
    }

    async fn has_organizations(&self) -> R<bool> {
        setup::has_organizations(self).await
    }
    async fn create_setup_token(&self, hash: &TokenHash, now: DateTime<Utc>) -> R<()> {
        setup::create_setup_token(self, hash, now).await
    }
    async fn setup_token_is_open(&self, hash: &TokenHash) -> R<bool> {
        setup::setup_token_is_open(self, hash).await
    }
    async fn complete_setup(
        &self,
        token: &TokenHash,
        now: DateTime<Utc>,
        org: Organization,
        admin: NewAccount,
        role: Role,
    ) -> R<Account> {
        setup::complete_setup(self, token, now, org, admin, role).await
    }

    async fn create_organization(&self, org: Organization) -> R<()> {
        orgs::insert_organization(&self.pool, &org).await
    }
    async fn organization(&self, id: OrgId) -> R<Option<Organization>> {
        orgs::organization(self, id).await
    }
    async fn set_staff_role(&self, org: OrgId, account: AccountId, role: Role) -> R<()> {
        orgs::set_staff_role(&self.pool, org, account, role).await
    }
    async fn remove_staff_role(&self, org: OrgId, account: AccountId) -> R<bool> {
        orgs::remove_staff_role(self, org, account).await
    }
    async fn staff_of(&self, org: OrgId) -> R<Vec<StaffMember>> {
        orgs::staff_of(self, org).await
    }

    async fn insert_program(&self, program: Program) -> R<()> {
        programs::insert_program(self, program).await
    }
    async fn update_program(&self, program: Program) -> R<()> {
        programs::update_program(self, program).await
    }
    async fn program(&self, org: OrgId, id: ProgramId) -> R<Option<Program>> {
        programs::program(self, org, id).await
    }
    async fn programs_of(&self, org: OrgId) -> R<Vec<Program>> {
        programs::programs_of(self, org).await
    }

    async fn insert_location(&self, location: Location) -> R<()> {
        locations::insert_location(self, location).await
    }
    async fn update_location(&self, location: Location) -> R<()> {
        locations::update_location(self, location).await
    }
    async fn location(&self, org: OrgId, id: LocationId) -> R<Option<Location>> {
        locations::location(self, org, id).await
    }
    async fn locations_of(&self, org: OrgId) -> R<Vec<Location>> {
        locations::locations_of(self, org).await
    }

    async fn insert_group(&self, group: Group) -> R<()> {
        groups::insert_group(self, group).await
    }
    async fn update_group(&self, group: Group) -> R<()> {
        groups::update_group(self, group).await
    }
    async fn group(&self, id: GroupId) -> R<Option<Group>> {
        groups::group(self, id).await
    }
    async fn group_cards_of_org(&self, org: OrgId) -> R<Vec<GroupCard>> {
        cards::group_cards_of_org(self, org).await
    }
    async fn public_group_cards(&self) -> R<Vec<GroupCard>> {
        cards::public_group_cards(self).await
    }
    async fn active_member_count(&self, group: GroupId) -> R<i32> {
        cards::active_member_count(self, group).await
    }

    async fn insert_session(&self, session: GroupSession) -> R<()> {
        sessions::insert_session(self, session).await
    }
    async fn sessions_of_group(
        &self,
        group: GroupId,
        from: DateTime<Utc>,
        limit: i64,
    ) -> R<Vec<GroupSession>> {
        sessions::sessions_of_group(self, group, from, limit).await
    }
    async fn session(&self, id: SessionId) -> R<Option<GroupSession>> {
        sessions::session(self, id).await
    }

    async fn insert_enrollment(&self, enrollment: Enrollment) -> R<()> {
        enrollments::insert_enrollment(self, enrollment).await
    }
    async fn groups_of_member(&self, account: AccountId, now: DateTime<Utc>) -> R<Vec<MyGroup>> {
        enrollments::groups_of_member(self, account, now).await
    }
}
