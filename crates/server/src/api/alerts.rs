//! Safety alerts of an organization: the same use cases as the alerts page.

use axum::extract::{Path, State};
use axum::Json;
use kindred_domain::alerts::{self, AcknowledgeInput, Alert};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{Auth, JsonBody};

/// The alerts the caller may see, open ones first: all of them for clinicians and
/// administrators, those of their own groups for other facilitators.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/alerts", tag = "alerts",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<Alert>), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<Alert>>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        alerts::alerts_of_org(state.store(), &auth.actor, org).await?,
    ))
}

/// Acknowledges an open alert with what was done. One already acknowledged is refused (409)
/// with who did it and when.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/alerts/{alert_id}/acknowledge", tag = "alerts",
    params(("org_id" = String, Path), ("alert_id" = String, Path)),
    request_body = AcknowledgeInput,
    responses((status = 200, body = Alert), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, alert_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<AcknowledgeInput>,
) -> ApiResult<Json<Alert>> {
    let (org, alert) = (parse_id(&org_id)?, parse_id(&alert_id)?);
    Ok(Json(
        alerts::acknowledge(state.store(), &auth.actor, org, alert, &input, state.now()).await?,
    ))
}
