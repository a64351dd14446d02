use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    account, agreements, alerts, attendance, audit, auth, calendar, directory, enrollments, groups,
    intake, locations, me, meeting_guide, notes, orgs, programs, public, reports, rooms, schedules,
    screening, setup, techniques,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kindred API",
        description = "Groups, programs and accounts of Kindred. Authenticate with the session cookie \
            (send the session's CSRF token as `X-CSRF-Token` with writes) or a personal access \
            token (`Authorization: Bearer …`). Errors carry `error` and, for input, `errors` by field.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        crate::app::healthz,
        auth::sign_up, auth::login, auth::logout, auth::logout_everywhere,
        setup::complete,
        me::me, me::my_groups,
        account::change_password, account::list_tokens, account::create_token, account::revoke_token,
        public::groups, public::group, directory::search,
        screening::assess, meeting_guide::feed,
        orgs::dashboard, orgs::staff, orgs::add_staff, orgs::remove_staff,
        programs::list, programs::create, programs::show, programs::update, programs::archive,
        locations::list, locations::create, locations::show, locations::update, locations::archive,
        groups::list, groups::create, groups::show, groups::update, groups::archive,
        enrollments::join, enrollments::mine, enrollments::leave, enrollments::accept_offer,
        enrollments::decline_offer, enrollments::roster, enrollments::change, enrollments::reorder,
        enrollments::history,
        intake::create, intake::mine, intake::my_request, intake::queue, intake::show,
        intake::transition, intake::notifications, intake::read, intake::read_all,
        calendar::list, calendar::create, calendar::revoke,
        reports::group_report, reports::member_hours, reports::billing,
        audit::list, audit::csv,
        attendance::sheet, attendance::mark, attendance::check_in, attendance::register,
        attendance::unregister, attendance::mine,
        notes::show, notes::save, notes::sign, notes::cosign, notes::add_addendum,
        notes::cosign_queue, notes::undocumented_in_org, notes::my_undocumented,
        notes::member_chart,
        schedules::list, schedules::create, schedules::update, schedules::archive,
        schedules::sessions, schedules::warnings, schedules::cancel, schedules::restore,
        schedules::move_session,
        techniques::list, techniques::create, techniques::show, techniques::update,
        techniques::copy, techniques::archive, techniques::plan, techniques::attach,
        techniques::detach, techniques::move_item,
        agreements::current, agreements::status, agreements::sign, agreements::signatures,
        agreements::publish,
        alerts::list, alerts::acknowledge,
        rooms::entry, rooms::messages, rooms::post_message, rooms::hide, rooms::command,
        rooms::start_exercise, crate::rooms::socket::upgrade,
    ),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("__Host-kindred_session"))),
        );
    }
}

/// The OpenAPI 3.1 description of every route.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
