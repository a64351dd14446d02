use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::accounts::{self, SignInInput, SignUpInput};
use kindred_domain::{auth, Error, FieldErrors};

use super::{render, render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{
    clear_session_cookie, session_cookie, sign_in_throttled, AppError, Auth, ClientAddr, Form,
};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    /// Where to go after signing in (a local path), carried through the form.
    next: String,
    /// Why the last try did not sign in; the same words for an unknown email and a wrong
    /// password.
    problem: Option<String>,
    /// Always empty: sign-in never says which field was wrong.
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignUpPage {
    layout: Layout,
    input: SignUpInput,
    errors: FieldErrors,
}

/// The sign-in form: the credentials and where to go afterwards.
#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(serde::Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
}

/// Where a successful sign-in leads: back to the page that asked for it, else "My groups".
fn destination(next: &str) -> String {
    super::return_to::safe_next(next)
        .unwrap_or("/dashboard")
        .to_owned()
}

/// A form post with no fields of its own (only the CSRF token).
#[derive(serde::Deserialize)]
pub struct NoFields {}

pub async fn login_form(
    auth: Auth,
    query: Result<Query<LoginQuery>, QueryRejection>,
) -> PageResult {
    // A malformed query only loses the way back, never the sign-in page.
    let next = query
        .map(|Query(q)| destination(&q.next))
        .unwrap_or_else(|_| destination(""));
    if auth.actor.signed_in().is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    render(LoginPage {
        layout: Layout::new(&auth, "Sign in"),
        email: String::new(),
        next,
        problem: None,
        errors: FieldErrors::new(),
    })
}

const MISMATCH: &str = "That email and password do not match an account. Check both and try again.";

/// Unknown email and wrong password render the very same page.
pub async fn login(
    State(state): State<AppState>,
    auth: Auth,
    ClientAddr(client): ClientAddr,
    Form(form): Form<LoginForm>,
) -> PageResult {
    let input = SignInInput {
        email: form.email,
        password: form.password,
    };
    let next = destination(&form.next);
    let previous = auth.session.as_ref().map(|s| s.id);
    match sign_in_throttled(&state, &input, previous, client).await {
        Ok(signed_in) => Ok((
            [session_cookie(&state.config, signed_in.token.expose())],
            Redirect::to(&next),
        )
            .into_response()),
        Err(e @ (AppError::Domain(Error::Unauthenticated) | AppError::TooManyAttempts(_))) => {
            let problem = e.problem();
            let message = match e {
                AppError::TooManyAttempts(_) => problem.message,
                _ => MISMATCH.to_owned(),
            };
            let page = LoginPage {
                layout: Layout::new(&auth, "Sign in"),
                email: input.email.trim().to_owned(),
                next,
                problem: Some(message),
                errors: FieldErrors::new(),
            };
            render_with(problem.status, page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn sign_up_form(auth: Auth) -> PageResult {
    render(SignUpPage {
        layout: Layout::new(&auth, "Create an account"),
        input: SignUpInput::default(),
        errors: FieldErrors::new(),
    })
}

/// Creates the account and signs the person in straight away.
pub async fn sign_up(
    State(state): State<AppState>,
    auth: Auth,
    Form(input): Form<SignUpInput>,
) -> PageResult {
    let now = state.now();
    match accounts::sign_up(state.store(), state.hasher(), now, &input).await {
        Ok(account) => {
            let signed_in = auth::start_session(state.store(), &account, now).await?;
            Ok((
                [session_cookie(&state.config, signed_in.token.expose())],
                Redirect::to("/dashboard"),
            )
                .into_response())
        }
        Err(Error::Invalid(errors)) => {
            let input = SignUpInput {
                password: String::new(),
                ..input
            };
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                SignUpPage {
                    layout: Layout::new(&auth, "Create an account"),
                    input,
                    errors,
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    auth: Auth,
    Form(_): Form<NoFields>,
) -> PageResult {
    if let Some(session) = &auth.session {
        auth::end_session(state.store(), session.id).await?;
    }
    Ok(([clear_session_cookie(&state.config)], Redirect::to("/")).into_response())
}

pub async fn logout_everywhere(
    State(state): State<AppState>,
    auth: Auth,
    Form(_): Form<NoFields>,
) -> PageResult {
    auth::sign_out_everywhere(state.store(), &auth.actor).await?;
    Ok((
        [clear_session_cookie(&state.config)],
        Redirect::to("/login"),
    )
        .into_response())
}
