//! Server-rendered HTML pages (askama, auto-escaped). Every page works with plain forms and
//! links; no JavaScript is needed.

mod account;
mod assets;
pub(crate) mod auth;
pub(crate) mod calendar;
mod dashboard;
mod enrollment;
mod error;
pub(crate) mod find;
mod format;
mod home;
mod layout;
mod my_attendance;
mod notifications;
mod orgs;
mod public_group;
mod requests;
mod return_to;
mod room;
mod screening;
mod session_actions;
mod setup;

use axum::routing::{get, post};
use axum::Router;

pub use error::{error_response, not_found, PageError};
pub(crate) use format::when;
pub(crate) use layout::{form_status, render, render_with, Layout, PageResult};
pub use return_to::remember_where;

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/find", get(find::show))
        .route("/static/{file}", get(assets::serve))
        .route("/screening", get(screening::form).post(screening::submit))
        .route("/groups/{group_id}", get(public_group::show))
        .route(
            "/groups/{group_id}/request",
            get(requests::form).post(requests::submit),
        )
        .route("/groups/{group_id}/join", post(enrollment::join))
        .route("/groups/{group_id}/leave", post(enrollment::leave))
        .route(
            "/groups/{group_id}/accept-offer",
            post(enrollment::accept_offer),
        )
        .route(
            "/groups/{group_id}/decline-offer",
            post(enrollment::decline_offer),
        )
        .route(
            "/groups/{group_id}/sessions/{session_id}/register",
            post(session_actions::register),
        )
        .route(
            "/groups/{group_id}/sessions/{session_id}/unregister",
            post(session_actions::unregister),
        )
        .route(
            "/groups/{group_id}/sessions/{session_id}/check-in",
            post(session_actions::check_in),
        )
        .route("/sessions/{session_id}/room", get(room::show))
        .route("/signup", get(auth::sign_up_form).post(auth::sign_up))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/logout-everywhere", post(auth::logout_everywhere))
        .route("/dashboard", get(dashboard::show))
        .route("/notifications", get(notifications::list))
        .route("/notifications/read-all", post(notifications::read_all))
        .route(
            "/notifications/{notification_id}/read",
            post(notifications::read),
        )
        .route("/account", get(account::show))
        .route("/account/attendance", get(my_attendance::show))
        .route("/account/password", post(account::change_password))
        .route(
            "/account/calendar",
            get(calendar::show).post(calendar::create),
        )
        .route("/account/calendar/{feed_id}/revoke", post(calendar::revoke))
        .route("/account/tokens", post(account::create_token))
        .route(
            "/account/tokens/{token_id}/revoke",
            post(account::revoke_token),
        )
        .route("/setup/{token}", get(setup::form).post(setup::submit))
        .merge(orgs::routes())
}
