use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::auth::{self, SecretToken};
use kindred_domain::orgs::{self, SetupInput};
use kindred_domain::{Error, FieldErrors};

use super::{render, render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{session_cookie, Auth, Form};

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    layout: Layout,
    token: String,
    input: SetupInput,
    errors: FieldErrors,
}

/// The one-time setup link: a used or unknown token is simply not found.
pub async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path(token): Path<String>,
) -> PageResult {
    if !orgs::setup_token_is_open(state.store(), &SecretToken::presented(&token)).await? {
        return Err(Error::NotFound.into());
    }
    render(SetupPage {
        layout: Layout::new(&auth, "Set up Kindred"),
        token,
        input: SetupInput::default(),
        errors: FieldErrors::new(),
    })
}

pub async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Path(token): Path<String>,
    Form(input): Form<SetupInput>,
) -> PageResult {
    let now = state.now();
    let secret = SecretToken::presented(&token);
    match orgs::complete_setup(state.store(), state.hasher(), now, &secret, &input).await {
        Ok((org, admin)) => {
            let signed_in = auth::start_session(state.store(), &admin, now).await?;
            let target = format!("/orgs/{}", org.id);
            Ok((
                [session_cookie(&state.config, signed_in.token.expose())],
                Redirect::to(&target),
            )
                .into_response())
        }
        Err(Error::Invalid(errors)) => {
            let input = SetupInput {
                password: String::new(),
                ..input
            };
            let layout = Layout::new(&auth, "Set up Kindred");
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                SetupPage {
                    layout,
                    token,
                    input,
                    errors,
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}
