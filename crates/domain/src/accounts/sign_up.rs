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

/// A new account's email, display name and password, parsed.
pub(crate) struct Credentials {
    email: Email,
    display_name: DisplayName,
    password: Password,
}

/// Parses the three fields every new account has (sign-up and first-run setup); messages
/// go to `errors` under `email`, `display_name` and `password`.
pub(crate) fn parse_credentials(
    errors: &mut FieldErrors,
    email: &str,
    display_name: &str,
    password: &str,
) -> Option<Credentials> {
    let email = Email::parse_into(errors, "email", email);
    let display_name = DisplayName::parse_into(errors, "display_name", display_name);
    let password = Password::parse_into(errors, "password", password);
    Some(Credentials {
        email: email?,
        display_name: display_name?,
        password: password?,
    })
}

impl Credentials {
    pub(crate) async fn into_new_account(
        self,
        hasher: &dyn PasswordHasher,
        now: DateTime<Utc>,
    ) -> Result<NewAccount, Error> {
        Ok(NewAccount {
            id: AccountId::new(),
            email: self.email,
            display_name: self.display_name,
            password_hash: hasher.hash(self.password).await?,
            created_at: now,
        })
    }
}

/// The message for an email that already has an account.
pub(crate) const EMAIL_TAKEN: &str =
    "An account with this email already exists. Sign in, or reset your password with your program.";

/// Creates a member account. Anyone may sign up; staff roles are granted separately.
pub async fn sign_up(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    now: DateTime<Utc>,
    input: &SignUpInput,
) -> Result<Account, Error> {
    let mut errors = FieldErrors::new();
    let credentials = parse_credentials(
        &mut errors,
        &input.email,
        &input.display_name,
        &input.password,
    );
    let Some(credentials) = credentials.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let account = credentials.into_new_account(hasher, now).await?;
    match store.create_account(account).await {
        Ok(account) => Ok(account),
        Err(StoreError::Duplicate(_)) => Err(Error::invalid("email", EMAIL_TAKEN)),
        Err(other) => Err(other.into()),
    }
}
