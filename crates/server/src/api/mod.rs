//! The JSON API under `/api/v1`, described by `/api/openapi.json`. Every handler calls the
//! same domain use case as the page that does the same thing.

mod account;
mod agreements;
mod alerts;
mod attendance;
mod audit;
mod auth;
mod calendar;
mod directory;
mod enrollments;
mod error;
mod groups;
mod intake;
mod locations;
mod me;
mod meeting_guide;
mod notes;
mod openapi;
mod org_resource;
mod orgs;
mod programs;
mod public;
mod reports;
mod rooms;
mod schedules;
mod screening;
mod setup;
mod techniques;

use axum::routing::{delete, get, post, put};
use axum::Router;

pub use error::{error_response, ApiError, ApiErrorBody};
pub(crate) use error::{parse_id, ApiResult};
pub use openapi::ApiDoc;

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/auth/signup", post(auth::sign_up))
        .route("/api/v1/auth/login", post(auth::login))
        .route("/api/v1/auth/logout", post(auth::logout))
        .route(
            "/api/v1/auth/logout-everywhere",
            post(auth::logout_everywhere),
        )
        .route("/api/v1/setup", post(setup::complete))
        .route("/api/v1/me", get(me::me))
        .route("/api/v1/me/groups", get(me::my_groups))
        .route("/api/v1/me/requests", get(intake::mine))
        .route("/api/v1/me/requests/{request_id}", get(intake::my_request))
        .route("/api/v1/me/notifications", get(intake::notifications))
        .route("/api/v1/me/notifications/read-all", post(intake::read_all))
        .route(
            "/api/v1/me/notifications/{notification_id}/read",
            post(intake::read),
        )
        .route("/api/v1/groups/{group_id}/requests", post(intake::create))
        .route("/api/v1/orgs/{org_id}/intake", get(intake::queue))
        .route(
            "/api/v1/orgs/{org_id}/intake/{request_id}",
            get(intake::show),
        )
        .route(
            "/api/v1/orgs/{org_id}/intake/{request_id}/transitions",
            post(intake::transition),
        )
        .route("/api/v1/me/password", post(account::change_password))
        .route(
            "/api/v1/me/tokens",
            get(account::list_tokens).post(account::create_token),
        )
        .route(
            "/api/v1/me/tokens/{token_id}",
            delete(account::revoke_token),
        )
        .route(
            "/api/v1/me/calendar-feeds",
            get(calendar::list).post(calendar::create),
        )
        .route(
            "/api/v1/me/calendar-feeds/{feed_id}",
            delete(calendar::revoke),
        )
        .route("/api/v1/me/attendance", get(attendance::mine))
        .route(
            "/api/v1/me/undocumented-sessions",
            get(notes::my_undocumented),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note",
            get(notes::show).put(notes::save),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note/sign",
            post(notes::sign),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note/cosign",
            post(notes::cosign),
        )
        .route(
            "/api/v1/orgs/{org_id}/member-notes/{note_id}/addenda",
            post(notes::add_addendum),
        )
        .route(
            "/api/v1/orgs/{org_id}/cosign-queue",
            get(notes::cosign_queue),
        )
        .route(
            "/api/v1/orgs/{org_id}/undocumented-sessions",
            get(notes::undocumented_in_org),
        )
        .route(
            "/api/v1/orgs/{org_id}/members/{member_id}/chart",
            get(notes::member_chart),
        )
        .route(
            "/api/v1/sessions/{session_id}/check-in",
            post(attendance::check_in),
        )
        .route(
            "/api/v1/sessions/{session_id}/registration",
            post(attendance::register).delete(attendance::unregister),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules",
            get(schedules::list).post(schedules::create),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}",
            put(schedules::update),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/archive",
            post(schedules::archive),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/sessions",
            get(schedules::sessions),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/warnings",
            get(schedules::warnings),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/cancel",
            post(schedules::cancel),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/restore",
            post(schedules::restore),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/move",
            post(schedules::move_session),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/attendance",
            get(attendance::sheet).post(attendance::mark),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan",
            get(techniques::plan).post(techniques::attach),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}",
            delete(techniques::detach),
        )
        .route(
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/move",
            post(techniques::move_item),
        )
        .route(
            "/api/v1/orgs/{org_id}/techniques",
            get(techniques::list).post(techniques::create),
        )
        .route(
            "/api/v1/orgs/{org_id}/techniques/{technique_id}",
            get(techniques::show).put(techniques::update),
        )
        .route(
            "/api/v1/orgs/{org_id}/techniques/{technique_id}/copy",
            post(techniques::copy),
        )
        .route(
            "/api/v1/orgs/{org_id}/techniques/{technique_id}/archive",
            post(techniques::archive),
        )
        .route("/api/v1/orgs/{org_id}/alerts", get(alerts::list))
        .route(
            "/api/v1/orgs/{org_id}/alerts/{alert_id}/acknowledge",
            post(alerts::acknowledge),
        )
        .route("/api/v1/orgs/{org_id}/agreement", get(agreements::current))
        .route(
            "/api/v1/orgs/{org_id}/agreement/status",
            get(agreements::status),
        )
        .route(
            "/api/v1/orgs/{org_id}/agreement/signatures",
            get(agreements::signatures).post(agreements::sign),
        )
        .route(
            "/api/v1/orgs/{org_id}/agreement/versions",
            post(agreements::publish),
        )
        .route("/api/v1/sessions/{session_id}/room", get(rooms::entry))
        .route(
            "/api/v1/sessions/{session_id}/room/messages",
            get(rooms::messages).post(rooms::post_message),
        )
        .route(
            "/api/v1/sessions/{session_id}/room/messages/{seq}/hide",
            post(rooms::hide),
        )
        .route(
            "/api/v1/sessions/{session_id}/room/commands",
            post(rooms::command),
        )
        .route(
            "/api/v1/sessions/{session_id}/room/exercise",
            post(rooms::start_exercise),
        )
        .route(
            "/api/v1/sessions/{session_id}/room/socket",
            get(crate::rooms::socket::upgrade),
        )
        .route("/api/v1/screening", post(screening::assess))
        .route("/api/v1/meeting-guide.json", get(meeting_guide::feed))
        .route("/api/v1/groups", get(public::groups))
        .route("/api/v1/directory", get(directory::search))
        .route("/api/v1/groups/{group_id}", get(public::group))
        .route("/api/v1/orgs/{org_id}", get(orgs::dashboard))
        .route(
            "/api/v1/orgs/{org_id}/staff",
            get(orgs::staff).post(orgs::add_staff),
        )
        .route(
            "/api/v1/orgs/{org_id}/staff/{account_id}",
            delete(orgs::remove_staff),
        )
        .route(
            "/api/v1/orgs/{org_id}/programs",
            get(programs::list).post(programs::create),
        )
        .route(
            "/api/v1/orgs/{org_id}/programs/{program_id}",
            get(programs::show).put(programs::update),
        )
        .route(
            "/api/v1/orgs/{org_id}/programs/{program_id}/archive",
            post(programs::archive),
        )
        .route(
            "/api/v1/orgs/{org_id}/locations",
            get(locations::list).post(locations::create),
        )
        .route(
            "/api/v1/orgs/{org_id}/locations/{location_id}",
            get(locations::show).put(locations::update),
        )
        .route(
            "/api/v1/orgs/{org_id}/locations/{location_id}/archive",
            post(locations::archive),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups",
            get(groups::list).post(groups::create),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}",
            get(groups::show).put(groups::update),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/archive",
            post(groups::archive),
        )
        .route(
            "/api/v1/groups/{group_id}/enrollment",
            get(enrollments::mine)
                .post(enrollments::join)
                .delete(enrollments::leave),
        )
        .route(
            "/api/v1/groups/{group_id}/enrollment/accept-offer",
            post(enrollments::accept_offer),
        )
        .route(
            "/api/v1/groups/{group_id}/enrollment/decline-offer",
            post(enrollments::decline_offer),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster",
            get(enrollments::roster),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster/changes",
            post(enrollments::change),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster/reorder",
            post(enrollments::reorder),
        )
        .route(
            "/api/v1/orgs/{org_id}/groups/{group_id}/attendance-report",
            get(reports::group_report),
        )
        .route(
            "/api/v1/orgs/{org_id}/members/{member_id}/hours",
            get(reports::member_hours),
        )
        .route("/api/v1/orgs/{org_id}/billing", get(reports::billing))
        .route("/api/v1/orgs/{org_id}/audit", get(audit::list))
        .route("/api/v1/orgs/{org_id}/audit.csv", get(audit::csv))
        .route(
            "/api/v1/enrollments/{enrollment_id}/history",
            get(enrollments::history),
        )
}
