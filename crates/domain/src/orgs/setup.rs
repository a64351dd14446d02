use chrono::{DateTime, Utc};

use super::{organization::parse_org_name, Organization, Role};
use crate::accounts::{Account, DisplayName, Email, NewAccount, Password, PasswordHasher};
use crate::auth::SecretToken;
use crate::ids::{AccountId, OrgId};
use crate::{Error, FieldErrors, Store};

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
    let email = Email::parse(&input.email)
        .map_err(|m| errors.add("email", m))
        .ok();
    let display_name = DisplayName::parse(&input.display_name)
        .map_err(|m| errors.add("display_name", m))
        .ok();
    let password = Password::parse(&input.password)
        .map_err(|m| errors.add("password", m))
        .ok();
    let (Some(email), Some(display_name), Some(password)) = (email, display_name, password) else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result(())?;
    let org = Organization {
        id: OrgId::new(),
        name: org_name,
        created_at: now,
    };
    let admin = NewAccount {
        id: AccountId::new(),
        email,
        display_name,
        password_hash: hasher.hash(password).await?,
        created_at: now,
    };
    let account = store
        .complete_setup(&token.hash(), now, org.clone(), admin, Role::OrgAdmin)
        .await?;
    Ok((org, account))
}
