use chrono::{DateTime, Utc};

use super::{Email, Password, PasswordHash, PasswordHasher};
use crate::auth::{self, SignedInSession};
use crate::ids::AuthSessionId;
use crate::{Error, Store};

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct SignInInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

/// Checks credentials and opens a new session, ending the `previous` one of this browser if
/// any (a fresh token at every sign-in). Unknown email and wrong password fail the same way,
/// after the same work.
pub async fn sign_in(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    now: DateTime<Utc>,
    input: &SignInInput,
    previous: Option<AuthSessionId>,
) -> Result<SignedInSession, Error> {
    let password = Password::attempt(&input.password);
    let account = match Email::parse(&input.email) {
        Ok(email) => store.account_by_email(&email).await?,
        Err(_) => None,
    };
    let Some(account) = account else {
        hasher
            .verify(password, PasswordHash(PasswordHash::DUMMY.into()))
            .await;
        return Err(Error::Unauthenticated);
    };
    if !hasher.verify(password, account.password_hash.clone()).await {
        return Err(Error::Unauthenticated);
    }
    if let Some(previous) = previous {
        store.delete_auth_session(previous).await?;
    }
    auth::start_session(store, &account, now).await
}
