use axum::extract::{RawQuery, State};
use axum::Json;
use kindred_domain::finder::{self, DirectoryInput, DirectoryPage};
use kindred_domain::Error;

use super::{ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::Auth;
use crate::pages::find::pairs;

/// The directory's query parameters (documentation only: the handler reads the raw query so
/// it can name unknown parameters). Lists repeat (`focus=a&focus=b`) or take commas (`a,b`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DirectoryParams {
    /// Words that must all appear in the name, focus areas or description.
    q: Option<String>,
    /// Focus area codes (`alcohol_use`, `anxiety`, …).
    focus: Option<Vec<String>>,
    /// `peer` or `clinician`.
    led: Option<String>,
    /// `in_person`, `online`, `hybrid`.
    format: Option<Vec<String>>,
    /// `mon` … `sun`.
    day: Option<Vec<String>>,
    /// `morning` (before 12:00), `afternoon` (12–17), `evening` (from 17:00), `weekend`; in
    /// the group's own time zone.
    time: Option<Vec<String>>,
    /// A language code (`en`, `es`, …).
    language: Option<String>,
    /// `medicaid`, `medicare`, `private_insurance`, `sliding_scale`, `free`.
    payment: Option<Vec<String>>,
    /// Audience codes (`adults`, `veterans`, …).
    audience: Option<Vec<String>>,
    /// Level of care: `peer_support`, `outpatient`, `intensive_outpatient`,
    /// `partial_hospitalization`.
    care: Option<Vec<String>>,
    /// `open` (seats free now) or `waitlist` (full).
    seats: Option<String>,
    /// A US city ("Hartford, CT") or ZIP code; `lat` + `lon` win over it.
    near: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    /// Kilometres from the place, 1–500 (default 40).
    within: Option<f64>,
    /// 1-based; 20 results a page.
    page: Option<u32>,
}

/// Searches every organization's listed groups; no sign-in, nothing recorded. Ranked by
/// distance when a place is given, by how well the words match when words are, else by
/// name; each result says why it fits.
#[utoipa::path(get, path = "/api/v1/directory", tag = "public", params(DirectoryParams),
    responses((status = 200, body = DirectoryPage),
        (status = 422, description = "An unknown parameter or value, named in `errors`", body = ApiErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<DirectoryPage>> {
    let input = DirectoryInput::from_pairs(pairs(raw.as_deref()).map_err(Error::Invalid)?);
    let (_, page) = finder::search(
        state.store(),
        &auth.actor,
        crate::places::gazetteer(),
        &input,
    )
    .await?;
    Ok(Json(page))
}
