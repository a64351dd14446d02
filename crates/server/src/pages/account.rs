use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::accounts::{self, ApiToken, ChangePasswordInput, NewApiTokenInput};
use kindred_domain::{Error, FieldErrors};

use super::auth::NoFields;
use super::{render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{Auth, Form};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    tokens: Vec<ApiToken>,
    errors: FieldErrors,
    notice: Option<&'static str>,
    /// A token just created: its secret is shown on this response and never again.
    new_secret: Option<String>,
    token_name: String,
}

async fn page(
    state: &AppState,
    auth: &Auth,
    status: StatusCode,
    errors: FieldErrors,
    notice: Option<&'static str>,
    new_secret: Option<String>,
) -> PageResult {
    let tokens = accounts::list_api_tokens(state.store(), auth.signed_in()?).await?;
    let layout = Layout::new(auth, "Account");
    render_with(
        status,
        AccountPage {
            layout,
            tokens,
            errors,
            notice,
            new_secret,
            token_name: String::new(),
        },
    )
}

#[derive(serde::Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: String,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    query: axum::extract::Query<Notice>,
) -> PageResult {
    let notice = match query.done.as_str() {
        "password" => Some("Your password was changed. You were signed out on every other device."),
        "revoked" => {
            Some("The token was revoked. Programs using it can no longer sign in with it.")
        }
        _ => None,
    };
    page(
        &state,
        &auth,
        StatusCode::OK,
        FieldErrors::new(),
        notice,
        None,
    )
    .await
}

pub async fn change_password(
    State(state): State<AppState>,
    auth: Auth,
    Form(input): Form<ChangePasswordInput>,
) -> PageResult {
    match accounts::change_password(state.store(), state.hasher(), auth.signed_in()?, &input).await
    {
        Ok(()) => Ok(Redirect::to("/account?done=password").into_response()),
        Err(Error::Invalid(errors)) => {
            page(
                &state,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                None,
                None,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn create_token(
    State(state): State<AppState>,
    auth: Auth,
    Form(input): Form<NewApiTokenInput>,
) -> PageResult {
    match accounts::create_api_token(state.store(), state.now(), auth.signed_in()?, &input).await {
        Ok(created) => {
            let secret = Some(created.secret.expose().to_owned());
            page(
                &state,
                &auth,
                StatusCode::CREATED,
                FieldErrors::new(),
                None,
                secret,
            )
            .await
        }
        Err(Error::Invalid(errors)) => {
            page(
                &state,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                None,
                None,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    Path(token_id): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let id = token_id.parse().map_err(|_| Error::NotFound)?;
    accounts::revoke_api_token(state.store(), state.now(), auth.signed_in()?, id).await?;
    Ok(Redirect::to("/account?done=revoked").into_response())
}
