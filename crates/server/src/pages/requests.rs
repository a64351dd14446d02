//! Asking to join a group: the request form on the group's public page.
//!
//! A visitor creates a member account or signs in on the same form, so answers of a
//! self-screening posted here from the screening result page (as hidden fields) survive
//! the sign-in. Posting without `intent=submit` (as the screening result page does) shows
//! the form with the screening attached; posting with it sends the request.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use kindred_domain::accounts::{self, SignInInput, SignUpInput};
use kindred_domain::auth::{self, Actor, SignedInSession};
use kindred_domain::groups::{self, PublicGroup};
use kindred_domain::ids::GroupId;
use kindred_domain::intake::{self, RequestInput};
use kindred_domain::{Error, FieldErrors};

use super::{render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{session_cookie, sign_in_throttled, AppError, Auth, ClientAddr, Form};

/// The fields of the form itself; other posted fields that are answers of the screen make
/// the attached screening.
const FORM_FIELDS: [&str; 10] = [
    "csrf_token",
    "intent",
    "name",
    "contact",
    "availability",
    "keep_screening",
    "account",
    "email",
    "display_name",
    "password",
];

/// What the form posts, read from its fields.
#[derive(Debug, Default, Clone)]
struct RequestForm {
    submit: bool,
    name: String,
    contact: String,
    availability: String,
    keep_screening: bool,
    /// `new` (create an account) or `existing` (sign in); visitors only.
    account: String,
    email: String,
    display_name: String,
    password: String,
    answers: BTreeMap<String, String>,
}

impl RequestForm {
    fn read(fields: Vec<(String, String)>) -> Self {
        let mut form = RequestForm::default();
        let mut keep = None;
        for (key, value) in fields {
            match key.as_str() {
                "intent" => form.submit = value == "submit",
                "name" => form.name = value,
                "contact" => form.contact = value,
                "availability" => form.availability = value,
                "keep_screening" => keep = Some(matches!(value.as_str(), "on" | "true" | "1")),
                "account" => form.account = value,
                "email" => form.email = value,
                "display_name" => form.display_name = value,
                "password" => form.password = value,
                other if FORM_FIELDS.contains(&other) => {}
                _ => {
                    form.answers.insert(key, value);
                }
            }
        }
        // Only the screen's own answers are carried; anything else posted is dropped.
        form.answers = intake::answers_among(&form.answers);
        // Arriving from the screening result, the result is attached unless unticked.
        form.keep_screening = keep.unwrap_or(!form.submit);
        form
    }

    fn input(&self) -> RequestInput {
        RequestInput {
            name: self.name.clone(),
            contact: self.contact.clone(),
            availability: self.availability.clone(),
            screening: (self.keep_screening && !self.answers.is_empty())
                .then(|| self.answers.clone()),
        }
    }
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage {
    layout: Layout,
    view: PublicGroup,
    form: RequestForm,
    /// A visitor: the form asks for an account too.
    visitor: bool,
    errors: FieldErrors,
    notice: Option<String>,
}

impl RequestPage {
    fn new_account(&self) -> bool {
        self.form.account != "existing"
    }
}

fn group_id(raw: &str) -> Result<GroupId, Error> {
    raw.parse().map_err(|_| Error::NotFound)
}

/// What a page shows besides the group.
struct Shown {
    layout: Layout,
    visitor: bool,
    form: RequestForm,
    errors: FieldErrors,
    notice: Option<String>,
}

impl Shown {
    fn new(layout: Layout, visitor: bool, form: RequestForm) -> Self {
        Shown {
            layout,
            visitor,
            form,
            errors: FieldErrors::new(),
            notice: None,
        }
    }

    fn errors(self, errors: FieldErrors) -> Self {
        Shown { errors, ..self }
    }

    fn notice(self, notice: String) -> Self {
        Shown {
            notice: Some(notice),
            ..self
        }
    }
}

async fn page(state: &AppState, group: GroupId, status: StatusCode, shown: Shown) -> PageResult {
    let view = groups::public_group(state.store(), &Actor::Visitor, state.now(), group).await?;
    let mut form = shown.form;
    form.password.clear();
    render_with(
        status,
        RequestPage {
            layout: shown.layout,
            view,
            form,
            visitor: shown.visitor,
            errors: shown.errors,
            notice: shown.notice,
        },
    )
}

fn title(view_name: &str) -> String {
    format!("Request to join {view_name}")
}

/// The request form, empty.
pub async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path(group): Path<String>,
) -> PageResult {
    let group = group_id(&group)?;
    let view = groups::public_group(state.store(), &auth.actor, state.now(), group).await?;
    let layout = Layout::new(&auth, title(&view.group.name));
    let visitor = auth.actor.signed_in().is_none();
    let shown = Shown::new(layout, visitor, RequestForm::default());
    page(&state, group, StatusCode::OK, shown).await
}

/// Creates the account or signs in, as the visitor chose.
async fn account_step(
    state: &AppState,
    auth: &Auth,
    client: Option<std::net::IpAddr>,
    form: &RequestForm,
) -> Result<SignedInSession, Result<FieldErrors, AppError>> {
    let now = state.now();
    if form.account == "existing" {
        let input = SignInInput {
            email: form.email.clone(),
            password: form.password.clone(),
        };
        let previous = auth.session.as_ref().map(|s| s.id);
        return match sign_in_throttled(state, &input, previous, client).await {
            Ok(session) => Ok(session),
            Err(AppError::Domain(Error::Unauthenticated)) => Err(Ok(FieldErrors::single(
                "email",
                "That email and password do not match an account. Check both, or create an \
                 account instead.",
            ))),
            Err(e @ AppError::TooManyAttempts(_)) => {
                Err(Ok(FieldErrors::single("email", e.problem().message)))
            }
            Err(other) => Err(Err(other)),
        };
    }
    let input = SignUpInput {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        password: form.password.clone(),
    };
    let account = match accounts::sign_up(state.store(), state.hasher(), now, &input).await {
        Ok(account) => account,
        Err(Error::Invalid(errors)) => return Err(Ok(errors)),
        Err(other) => return Err(Err(other.into())),
    };
    auth::start_session(state.store(), &account, now)
        .await
        .map_err(|e| Err(e.into()))
}

fn with_cookie(cookie: Option<(HeaderName, HeaderValue)>, response: Response) -> Response {
    match cookie {
        Some(cookie) => ([cookie], response).into_response(),
        None => response,
    }
}

/// Shows the form with a screening attached (from the screening result page), or sends
/// the request, signing the visitor in or up on the way.
pub async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    ClientAddr(client): ClientAddr,
    Path(group): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    let group = group_id(&group)?;
    let view = groups::public_group(state.store(), &auth.actor, state.now(), group).await?;
    let form = RequestForm::read(fields);
    let visitor = auth.actor.signed_in().is_none();
    let title = title(&view.group.name);
    if !form.submit {
        let shown = Shown::new(Layout::new(&auth, title), visitor, form);
        return page(&state, group, StatusCode::OK, shown).await;
    }
    let input = form.input();
    if let Err(Error::Invalid(errors)) = intake::parse_request(&input) {
        let shown = Shown::new(Layout::new(&auth, title), visitor, form).errors(errors);
        return page(&state, group, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
    }
    // A visitor becomes a signed-in member first; the request is theirs.
    let (actor, layout, cookie) = if visitor {
        match account_step(&state, &auth, client, &form).await {
            Ok(session) => {
                let cookie = session_cookie(&state.config, session.token.expose());
                let now_signed_in = Auth::for_new_session(&session);
                (
                    now_signed_in.actor.clone(),
                    Layout::new(&now_signed_in, title),
                    Some(cookie),
                )
            }
            Err(Ok(errors)) => {
                let shown = Shown::new(Layout::new(&auth, title), true, form).errors(errors);
                return page(&state, group, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
            }
            Err(Err(other)) => return Err(other.into()),
        }
    } else {
        (auth.actor.clone(), Layout::new(&auth, title), None)
    };
    let result = intake::request_to_join(state.store(), &actor, group, &input, state.now()).await;
    let response = match result {
        Ok(_) => Redirect::to("/dashboard#requests").into_response(),
        Err(Error::Invalid(errors)) => {
            let shown = Shown::new(layout, false, form).errors(errors);
            page(&state, group, StatusCode::UNPROCESSABLE_ENTITY, shown).await?
        }
        Err(Error::Conflict(message)) => {
            let shown = Shown::new(layout, false, form).notice(message);
            page(&state, group, StatusCode::CONFLICT, shown).await?
        }
        // The account made on the way stays signed in, whatever went wrong after it.
        Err(other) => super::PageError(AppError::from(other)).into_response(),
    };
    Ok(with_cookie(cookie, response))
}
