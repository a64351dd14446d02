use chrono::{DateTime, Utc};

use super::{Account, DisplayName, Email, NewAccount, Password, PasswordHasher};
use crate::ids::AccountId;
use crate::{Error, FieldErrors, Store, StoreError};

/// What a person types to create a member account.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct SignUpInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
}

/// Creates a member account. Anyone may sign up; staff roles are granted separately.
pub async fn sign_up(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    now: DateTime<Utc>,
    input: &SignUpInput,
) -> Result<Account, Error> {
    let mut errors = FieldErrors::new();
    let email = Email::parse_into(&mut errors, "email", &input.email);
    let display_name = DisplayName::parse_into(&mut errors, "display_name", &input.display_name);
    let password = Password::parse_into(&mut errors, "password", &input.password);
    let (Some(email), Some(display_name), Some(password)) = (email, display_name, password) else {
        return Err(Error::Invalid(errors));
    };
    let account = NewAccount {
        id: AccountId::new(),
        email,
        display_name,
        password_hash: hasher.hash(password).await?,
        created_at: now,
    };
    match store.create_account(account).await {
        Ok(account) => Ok(account),
        Err(StoreError::Duplicate(_)) => Err(Error::invalid(
            "email",
            "An account with this email already exists. Sign in, or reset your password with your program.",
        )),
        Err(other) => Err(other.into()),
    }
}
