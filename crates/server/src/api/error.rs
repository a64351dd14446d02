use std::collections::BTreeMap;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::http::AppError;

/// Every API error has this shape; `errors` names the fields that need attention.
#[derive(Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// An [`AppError`] rendered as JSON.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl From<kindred_domain::Error> for ApiError {
    fn from(e: kindred_domain::Error) -> Self {
        Self(AppError::Domain(e))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.0)
    }
}

pub fn error_response(error: AppError) -> Response {
    let problem = error.problem();
    let body = ApiErrorBody {
        error: problem.message,
        errors: problem.fields.0,
        request_id: problem.request_id.clone(),
    };
    let mut response = (problem.status, Json(body)).into_response();
    if let Some(id) = problem
        .request_id
        .and_then(|id| HeaderValue::from_str(&id).ok())
    {
        response.headers_mut().insert("x-request-id", id);
    }
    if problem.status == axum::http::StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

/// Path ids that do not parse name nothing that exists: the same 404 as an unknown id.
pub fn parse_id<T: std::str::FromStr>(raw: &str) -> Result<T, ApiError> {
    raw.parse()
        .map_err(|_| ApiError(AppError::Domain(kindred_domain::Error::NotFound)))
}

pub(crate) type ApiResult<T> = Result<T, ApiError>;
