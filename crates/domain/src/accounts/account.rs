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
