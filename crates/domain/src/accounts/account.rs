use chrono::{DateTime, Utc};

use super::{DisplayName, Email, PasswordHash};
use crate::ids::AccountId;
use crate::orgs::OrgRole;

/// A person's sign-in account. The password hash never leaves the server.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: AccountId,
    pub email: Email,
    pub display_name: DisplayName,
    pub password_hash: PasswordHash,
    pub created_at: DateTime<Utc>,
}

/// What storage needs to create an account.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub id: AccountId,
    pub email: Email,
    pub display_name: DisplayName,
    pub password_hash: PasswordHash,
    pub created_at: DateTime<Utc>,
}

impl From<NewAccount> for Account {
    fn from(n: NewAccount) -> Self {
        Self {
            id: n.id,
            email: n.email,
            display_name: n.display_name,
            password_hash: n.password_hash,
            created_at: n.created_at,
        }
    }
}

/// The signed-in person as the API shows them: account and roles per organization.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: AccountId,
    #[schema(value_type = String)]
    pub email: Email,
    #[schema(value_type = String)]
    pub display_name: DisplayName,
    pub roles: Vec<OrgRole>,
}

/// The signed-in person's own account and roles.
pub async fn me(store: &dyn crate::Store, actor: &crate::auth::Actor) -> Result<Me, crate::Error> {
    let signed_in = crate::policy::authorize(actor, crate::policy::Access::OwnAccount)?
        .ok_or(crate::Error::Unauthenticated)?;
    let account = store
        .account_by_id(signed_in.account_id)
        .await?
        .ok_or(crate::Error::Unauthenticated)?;
    Ok(Me::new(&account, signed_in.roles.clone()))
}

impl Me {
    pub fn new(account: &Account, roles: Vec<OrgRole>) -> Self {
        Self {
            id: account.id,
            email: account.email.clone(),
            display_name: account.display_name.clone(),
            roles,
        }
    }
}
