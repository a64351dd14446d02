//! Programs, locations and groups share one API shape inside an organization: list, create,
//! show, update, archive. One macro writes the five handlers (with their OpenAPI description)
//! so the shape cannot drift between them; each resource names its own use cases and types.

macro_rules! org_resource {
    (
        tag: $tag:literal,
        collection: $collection:literal,
        item: $item:literal,
        archive: $archive:literal,
        id: $id:literal,
        listed: $Listed:ty,
        entity: $Entity:ty,
        input: $Input:ty,
        use_cases: ($list:path, $show:path, $create:path, $update:path, $archive_fn:path) $(,)?
    ) => {
        use axum::extract::{Path, State};
        use axum::http::StatusCode;
        use axum::Json;

        use super::{parse_id, ApiErrorBody, ApiResult};
        use crate::app::AppState;
        use crate::http::{ApiWrite, Auth, JsonBody};

        #[utoipa::path(get, path = $collection, tag = $tag,
            params(("org_id" = String, Path)),
            responses((status = 200, body = Vec<$Listed>), (status = 404, body = ApiErrorBody)))]
        pub async fn list(
            State(state): State<AppState>,
            auth: Auth,
            Path(org_id): Path<String>,
        ) -> ApiResult<Json<Vec<$Listed>>> {
            Ok(Json($list(state.store(), &auth.actor, parse_id(&org_id)?).await?))
        }

        #[utoipa::path(post, path = $collection, tag = $tag,
            params(("org_id" = String, Path)), request_body = $Input,
            responses((status = 201, body = $Entity), (status = 404, body = ApiErrorBody),
                (status = 422, body = ApiErrorBody)))]
        pub async fn create(
            State(state): State<AppState>,
            auth: Auth,
            Path(org_id): Path<String>,
            JsonBody(input): JsonBody<$Input>,
        ) -> ApiResult<(StatusCode, Json<$Entity>)> {
            let org = parse_id(&org_id)?;
            let created = $create(state.store(), &auth.actor, state.now(), org, &input).await?;
            Ok((StatusCode::CREATED, Json(created)))
        }

        #[utoipa::path(get, path = $item, tag = $tag,
            params(("org_id" = String, Path), ($id = String, Path)),
            responses((status = 200, body = $Entity), (status = 404, body = ApiErrorBody)))]
        pub async fn show(
            State(state): State<AppState>,
            auth: Auth,
            Path((org_id, id)): Path<(String, String)>,
        ) -> ApiResult<Json<$Entity>> {
            let (org, id) = (parse_id(&org_id)?, parse_id(&id)?);
            Ok(Json($show(state.store(), &auth.actor, org, id).await?))
        }

        #[utoipa::path(put, path = $item, tag = $tag,
            params(("org_id" = String, Path), ($id = String, Path)), request_body = $Input,
            responses((status = 200, body = $Entity), (status = 404, body = ApiErrorBody),
                (status = 422, body = ApiErrorBody)))]
        pub async fn update(
            State(state): State<AppState>,
            auth: Auth,
            Path((org_id, id)): Path<(String, String)>,
            JsonBody(input): JsonBody<$Input>,
        ) -> ApiResult<Json<$Entity>> {
            let (org, id) = (parse_id(&org_id)?, parse_id(&id)?);
            Ok(Json($update(state.store(), &auth.actor, state.now(), org, id, &input).await?))
        }

        /// Archived records leave public pages and choices; their history stays.
        #[utoipa::path(post, path = $archive, tag = $tag,
            params(("org_id" = String, Path), ($id = String, Path)),
            responses((status = 200, body = $Entity), (status = 404, body = ApiErrorBody)))]
        pub async fn archive(
            State(state): State<AppState>,
            auth: Auth,
            _write: ApiWrite,
            Path((org_id, id)): Path<(String, String)>,
        ) -> ApiResult<Json<$Entity>> {
            let (org, id) = (parse_id(&org_id)?, parse_id(&id)?);
            Ok(Json($archive_fn(state.store(), &auth.actor, state.now(), org, id).await?))
        }
    };
}

pub(super) use org_resource;
