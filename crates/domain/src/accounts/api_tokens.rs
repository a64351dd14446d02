use chrono::{DateTime, Utc};

use crate::auth::{SecretToken, SignedIn, TokenHash};
use crate::fields::required_text;
use crate::ids::{AccountId, ApiTokenId};
use crate::{Error, FieldErrors, Store};

/// A personal access token for the API. Only its hash is stored.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ApiToken {
    pub id: ApiTokenId,
    #[serde(skip)]
    pub account_id: AccountId,
    pub name: String,
    #[serde(skip)]
    pub token_hash: TokenHash,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct NewApiTokenInput {
    #[serde(default)]
    pub name: String,
}

/// The token as created: the secret is shown this once and never again.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CreatedApiToken {
    #[serde(flatten)]
    pub token: ApiToken,
    #[schema(value_type = String)]
    pub secret: SecretToken,
}

pub async fn create_api_token(
    store: &dyn Store,
    now: DateTime<Utc>,
    me: &SignedIn,
    input: &NewApiTokenInput,
) -> Result<CreatedApiToken, Error> {
    let mut errors = FieldErrors::new();
    let name = required_text(&mut errors, "name", &input.name, 80);
    errors.into_result(())?;
    let secret = SecretToken::generate_prefixed("kdr_");
    let token = ApiToken {
        id: ApiTokenId::new(),
        account_id: me.account_id,
        name,
        token_hash: secret.hash(),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    store.create_api_token(token.clone()).await?;
    Ok(CreatedApiToken { token, secret })
}

pub async fn list_api_tokens(store: &dyn Store, me: &SignedIn) -> Result<Vec<ApiToken>, Error> {
    Ok(store.api_tokens_of(me.account_id).await?)
}

/// Revokes one of the caller's own tokens; someone else's token looks like no token.
pub async fn revoke_api_token(
    store: &dyn Store,
    now: DateTime<Utc>,
    me: &SignedIn,
    id: ApiTokenId,
) -> Result<(), Error> {
    if store.revoke_api_token(me.account_id, id, now).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
