use super::{Password, PasswordHasher};
use crate::auth::SignedIn;
use crate::{Error, FieldErrors, Store};

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ChangePasswordInput {
    #[serde(default)]
    pub current_password: String,
    #[serde(default)]
    pub new_password: String,
}

/// Sets a new password after checking the current one, and ends every other session of
/// the account in the same transaction: whoever knew the old password is signed out.
pub async fn change_password(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    me: &SignedIn,
    input: &ChangePasswordInput,
) -> Result<(), Error> {
    let mut errors = FieldErrors::new();
    let new_password = Password::parse_into(&mut errors, "new_password", &input.new_password);
    let account = store
        .account_by_id(me.account_id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    if !hasher
        .verify(
            Password::attempt(&input.current_password),
            account.password_hash.clone(),
        )
        .await
    {
        errors.add("current_password", "This is not your current password.");
    }
    let (Some(new_password), true) = (new_password, errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let hash = hasher.hash(new_password).await?;
    store
        .set_password(me.account_id, hash, me.auth_session)
        .await?;
    Ok(())
}
