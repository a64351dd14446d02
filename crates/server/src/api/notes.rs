//! Group notes, co-signing, addenda, missing documentation and the member chart. Every
//! read or write of note text is audited by the use case, with this request's id.

use axum::extract::{Path, State};
use axum::Json;
use kindred_domain::chart::{self, Chart};
use kindred_domain::notes::{
    self, Addendum, AddendumInput, CosignItem, GroupNote, NoteInput, NoteScreen,
    UndocumentedSession,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, AuditTrail, Auth, JsonBody};

/// The session's note screen: who attended, the note (if any), and what the caller may do.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/note", tag = "notes",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    responses((status = 200, body = NoteScreen), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
) -> ApiResult<Json<NoteScreen>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        notes::note_screen(
            state.store(),
            &auth.actor,
            org,
            session,
            &trail,
            state.now(),
        )
        .await?,
    ))
}

/// Saves the note as a draft (any field may be empty). One section per attending member.
#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/note", tag = "notes",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    request_body = NoteInput,
    responses((status = 200, body = GroupNote), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn save(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<NoteInput>,
) -> ApiResult<Json<GroupNote>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        notes::save_note(
            state.store(),
            &auth.actor,
            org,
            session,
            &input,
            &trail,
            state.now(),
        )
        .await?,
    ))
}

/// Signs the note: every required field filled, one section per attending member, no other
/// member's name in a section. A peer specialist's note then waits for a co-signature.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/note/sign", tag = "notes",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    request_body = NoteInput,
    responses((status = 200, body = GroupNote), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn sign(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<NoteInput>,
) -> ApiResult<Json<GroupNote>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        notes::sign_note(
            state.store(),
            &auth.actor,
            org,
            session,
            &input,
            &trail,
            state.now(),
        )
        .await?,
    ))
}

/// A clinician co-signs a peer specialist's signed note.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/note/cosign", tag = "notes",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    responses((status = 200, body = GroupNote), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn cosign(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
) -> ApiResult<Json<GroupNote>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        notes::cosign_note(
            state.store(),
            &auth.actor,
            org,
            session,
            &trail,
            state.now(),
        )
        .await?,
    ))
}

/// Adds an addendum to a signed member note.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/member-notes/{note_id}/addenda", tag = "notes",
    params(("org_id" = String, Path), ("note_id" = String, Path)),
    request_body = AddendumInput,
    responses((status = 200, body = Addendum), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_addendum(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, note_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<AddendumInput>,
) -> ApiResult<Json<Addendum>> {
    let (org, note) = (parse_id(&org_id)?, parse_id(&note_id)?);
    let (addendum, _) = notes::add_addendum(
        state.store(),
        &auth.actor,
        org,
        note,
        &input,
        &trail,
        state.now(),
    )
    .await?;
    Ok(Json(addendum))
}

/// Notes of the organization waiting for a clinician's co-signature, oldest first.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/cosign-queue", tag = "notes",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<CosignItem>), (status = 404, body = ApiErrorBody)))]
pub async fn cosign_queue(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<CosignItem>>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        notes::cosign_queue(state.store(), &auth.actor, org).await?,
    ))
}

/// The organization's sessions that ended over 24 hours ago without a signed note.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/undocumented-sessions", tag = "notes",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<UndocumentedSession>), (status = 404, body = ApiErrorBody)))]
pub async fn undocumented_in_org(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<UndocumentedSession>>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        notes::undocumented_in_org(state.store(), &auth.actor, org, state.now()).await?,
    ))
}

/// The caller's own groups' sessions that ended over 24 hours ago without a signed note.
#[utoipa::path(get, path = "/api/v1/me/undocumented-sessions", tag = "notes",
    responses((status = 200, body = Vec<UndocumentedSession>), (status = 401, body = ApiErrorBody)))]
pub async fn my_undocumented(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Vec<UndocumentedSession>>> {
    Ok(Json(
        notes::undocumented_for_facilitator(state.store(), &auth.actor, state.now()).await?,
    ))
}

/// One member's chart in the organization: enrollments, attendance, signed notes with
/// their addenda, and requests to join.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/members/{member_id}/chart", tag = "notes",
    params(("org_id" = String, Path), ("member_id" = String, Path)),
    responses((status = 200, body = Chart), (status = 404, body = ApiErrorBody)))]
pub async fn member_chart(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, member_id)): Path<(String, String)>,
) -> ApiResult<Json<Chart>> {
    let (org, member) = (parse_id(&org_id)?, parse_id(&member_id)?);
    Ok(Json(
        chart::member_chart(state.store(), &auth.actor, org, member, &trail, state.now()).await?,
    ))
}
