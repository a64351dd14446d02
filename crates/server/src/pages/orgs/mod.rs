//! Staff pages of one organization: its front page, programs, locations, groups and staff.

mod agreement;
mod alerts;
mod attendance;
mod audit;
mod chart;
mod dashboard;
mod group_form;
mod groups;
mod intake;
mod locations;
mod notes;
mod options;
mod programs;
mod reports;
mod resource;
mod roster;
mod schedule;
mod session_plan;
mod staff;
mod techniques;

use axum::routing::{get, post};
use axum::Router;
use kindred_domain::auth::Actor;
use kindred_domain::ids::OrgId;
use kindred_domain::policy::{authorize, Access};

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org_id}", get(dashboard::show))
        .route(
            "/orgs/{org_id}/programs",
            get(programs::list).post(programs::create),
        )
        .route("/orgs/{org_id}/programs/new", get(programs::new_form))
        .route(
            "/orgs/{org_id}/programs/{program_id}",
            post(programs::update),
        )
        .route(
            "/orgs/{org_id}/programs/{program_id}/edit",
            get(programs::edit_form),
        )
        .route(
            "/orgs/{org_id}/programs/{program_id}/archive",
            post(programs::archive),
        )
        .route(
            "/orgs/{org_id}/locations",
            get(locations::list).post(locations::create),
        )
        .route("/orgs/{org_id}/locations/new", get(locations::new_form))
        .route(
            "/orgs/{org_id}/locations/{location_id}",
            post(locations::update),
        )
        .route(
            "/orgs/{org_id}/locations/{location_id}/edit",
            get(locations::edit_form),
        )
        .route(
            "/orgs/{org_id}/locations/{location_id}/archive",
            post(locations::archive),
        )
        .route(
            "/orgs/{org_id}/groups",
            get(groups::list).post(groups::create),
        )
        .route("/orgs/{org_id}/groups/new", get(groups::new_form))
        .route(
            "/orgs/{org_id}/groups/{group_id}",
            get(groups::show).post(groups::update),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/edit",
            get(groups::edit_form),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/archive",
            post(groups::archive),
        )
        .route("/orgs/{org_id}/groups/{group_id}/roster", get(roster::show))
        .route(
            "/orgs/{org_id}/groups/{group_id}/roster/changes",
            post(roster::change),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/roster/reorder",
            post(roster::reorder),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/report",
            get(reports::group_report),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/report.csv",
            get(reports::group_report_csv),
        )
        .route(
            "/orgs/{org_id}/members/{member_id}/hours",
            get(reports::member_hours),
        )
        .route(
            "/orgs/{org_id}/members/{member_id}/hours.csv",
            get(reports::member_hours_csv),
        )
        .route("/orgs/{org_id}/billing", get(reports::billing))
        .route("/orgs/{org_id}/billing.csv", get(reports::billing_csv))
        .route("/orgs/{org_id}/alerts", get(alerts::list))
        .route(
            "/orgs/{org_id}/alerts/{alert_id}/acknowledge",
            post(alerts::acknowledge),
        )
        .route("/orgs/{org_id}/audit", get(audit::show))
        .route("/orgs/{org_id}/audit.csv", get(audit::csv))
        .route(
            "/orgs/{org_id}/groups/{group_id}/sessions",
            get(schedule::show),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/schedules",
            post(schedule::create),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}",
            post(schedule::update),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/edit",
            get(schedule::edit_form),
        )
        .route(
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/archive",
            post(schedule::archive),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/cancel",
            post(schedule::cancel),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/restore",
            post(schedule::restore),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/move",
            get(schedule::move_form).post(schedule::move_session),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}",
            get(attendance::show),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/attendance",
            post(attendance::mark),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/note",
            get(notes::show).post(notes::submit),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/note/cosign",
            post(notes::cosign),
        )
        .route(
            "/orgs/{org_id}/member-notes/{note_id}/addenda",
            post(notes::add_addendum),
        )
        .route("/orgs/{org_id}/cosign", get(notes::cosign_queue))
        .route("/orgs/{org_id}/members/{member_id}", get(chart::show))
        .route(
            "/orgs/{org_id}/sessions/{session_id}/plan",
            post(session_plan::attach),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/remove",
            post(session_plan::remove),
        )
        .route(
            "/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/move",
            post(session_plan::move_item),
        )
        .route("/orgs/{org_id}/agreement", get(agreement::show))
        .route("/orgs/{org_id}/agreement/sign", post(agreement::sign))
        .route(
            "/orgs/{org_id}/agreement/edit",
            get(agreement::publish_form).post(agreement::publish),
        )
        .route(
            "/orgs/{org_id}/techniques",
            get(techniques::list).post(techniques::create),
        )
        .route("/orgs/{org_id}/techniques/new", get(techniques::new_form))
        .route(
            "/orgs/{org_id}/techniques/{technique_id}",
            get(techniques::show).post(techniques::update),
        )
        .route(
            "/orgs/{org_id}/techniques/{technique_id}/edit",
            get(techniques::edit_form),
        )
        .route(
            "/orgs/{org_id}/techniques/{technique_id}/copy",
            post(techniques::copy),
        )
        .route(
            "/orgs/{org_id}/techniques/{technique_id}/archive",
            post(techniques::archive),
        )
        .route("/orgs/{org_id}/intake", get(intake::queue))
        .route("/orgs/{org_id}/intake/{request_id}", get(intake::show))
        .route(
            "/orgs/{org_id}/intake/{request_id}/transitions",
            post(intake::transition),
        )
        .route("/orgs/{org_id}/staff", get(staff::list).post(staff::add))
        .route(
            "/orgs/{org_id}/staff/{account_id}/remove",
            post(staff::remove),
        )
}

/// Whether to show edit and archive controls. The use cases check again on every write.
pub(super) fn can_manage(actor: &Actor, org: OrgId) -> bool {
    authorize(actor, Access::ManageOrg(org)).is_ok()
}

/// After a create or update: on success go to `next`; on bad input show the form again with
/// the person's input and a message at each field; anything else is an error page.
pub(super) async fn after_save<T, Fut>(
    result: Result<T, kindred_domain::Error>,
    next: impl FnOnce(&T) -> String,
    form_again: impl FnOnce(kindred_domain::FieldErrors) -> Fut,
) -> crate::pages::PageResult
where
    Fut: std::future::Future<Output = crate::pages::PageResult>,
{
    use axum::response::{IntoResponse, Redirect};
    match result {
        Ok(saved) => Ok(Redirect::to(&next(&saved)).into_response()),
        Err(kindred_domain::Error::Invalid(errors)) => form_again(errors).await,
        Err(other) => Err(other.into()),
    }
}

/// Path ids that do not parse name nothing: the same page as an unknown id.
pub(super) fn id<T: std::str::FromStr>(raw: &str) -> Result<T, crate::pages::PageError> {
    raw.parse()
        .map_err(|_| kindred_domain::Error::NotFound.into())
}
