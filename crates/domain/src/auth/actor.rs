use crate::accounts::DisplayName;
use crate::ids::{AccountId, AuthSessionId, OrgId};
use crate::orgs::{OrgRole, Role};

/// Who performs a use case.
#[derive(Debug, Clone)]
pub enum Actor {
    Visitor,
    SignedIn(SignedIn),
}

/// A signed-in person with their roles, loaded once per request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account_id: AccountId,
    pub display_name: DisplayName,
    pub roles: Vec<OrgRole>,
    /// The browser session in use; `None` when the request came with an API token.
    pub auth_session: Option<AuthSessionId>,
}

impl SignedIn {
    pub fn role_in(&self, org: OrgId) -> Option<Role> {
        self.roles.iter().find(|r| r.org_id == org).map(|r| r.role)
    }

    pub fn is_staff(&self) -> bool {
        !self.roles.is_empty()
    }
}

impl Actor {
    pub fn signed_in(&self) -> Option<&SignedIn> {
        match self {
            Actor::Visitor => None,
            Actor::SignedIn(s) => Some(s),
        }
    }
}
