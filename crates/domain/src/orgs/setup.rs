use chrono::{DateTime, Utc};

use super::{organization::parse_org_name, Organization, Role};
use crate::accounts::{parse_credentials, Account, PasswordHasher, EMAIL_TAKEN};
use crate::auth::SecretToken;
use crate::ids::OrgId;
use crate::{Error, FieldErrors, Store, StoreError};

/// What the first person types on the setup page.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct SetupInput {
    #[serde(default)]
    pub org_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
}

/// On an empty installation, issues a one-time setup token; otherwise `None`.
pub async fn begin_setup(
    store: &dyn Store,
    now: DateTime<Utc>,
) -> Result<Option<SecretToken>, Error> {
    if store.has_organizations().await? {
        return Ok(None);
    }
    let token = SecretToken::generate();
    store.create_setup_token(&token.hash(), now).await?;
    Ok(Some(token))
}

/// Whether a setup link is still usable (for showing the form).
pub async fn setup_token_is_open(store: &dyn Store, token: &SecretToken) -> Result<bool, Error> {
    Ok(store.setup_token_is_open(&token.hash()).await?)
}

/// Creates the first organization and its administrator, and spends the token, in one
/// transaction: a link can be used once.
pub async fn complete_setup(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    now: DateTime<Utc>,
    token: &SecretToken,
    input: &SetupInput,
) -> Result<(Organization, Account), Error> {
    if !store.setup_token_is_open(&token.hash()).await? {
        return Err(Error::NotFound);
    }
    let mut errors = FieldErrors::new();
    let org_name = parse_org_name(&mut errors, &input.org_name);
    let credentials = parse_credentials(
        &mut errors,
        &input.email,
        &input.display_name,
        &input.password,
    );
    let Some(credentials) = credentials.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let admin = credentials.into_new_account(hasher, now).await?;
    let org = Organization {
        id: OrgId::new(),
        name: org_name,
        created_at: now,
    };
    match store
        .complete_setup(&token.hash(), now, org.clone(), admin, Role::OrgAdmin)
        .await
    {
        Ok(account) => Ok((org, account)),
        Err(StoreError::Duplicate(_)) => Err(Error::invalid("email", EMAIL_TAKEN)),
        Err(other) => Err(other.into()),
    }
}
