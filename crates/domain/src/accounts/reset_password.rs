use super::{Email, Password, PasswordHasher};
use crate::{Error, FieldErrors, Store};

/// Sets a new password for the account with this email and ends every one of its sessions.
/// For operators (`kindred admin reset-password`), who act outside the web's policy.
pub async fn reset_password(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    email: &str,
    new_password: &str,
) -> Result<(), Error> {
    let mut errors = FieldErrors::new();
    let email = Email::parse_into(&mut errors, "email", email);
    let password = Password::parse_into(&mut errors, "password", new_password);
    let (Some(email), Some(password)) = (email, password) else {
        return Err(Error::Invalid(errors));
    };
    let account = store
        .account_by_email(&email)
        .await?
        .ok_or_else(|| Error::invalid("email", "No account uses this email."))?;
    let hash = hasher.hash(password).await?;
    store.set_password(account.id, hash, None).await?;
    Ok(())
}
