//! Body extractors. Each checks the content type, reads UTF-8, parses into the input type and
//! checks the CSRF token before the handler runs, so no handler can forget to.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use axum::response::Response;
use serde::de::DeserializeOwned;

use super::{respond, AppError, Auth};
use crate::app::AppState;

/// An HTML form post (`application/x-www-form-urlencoded`) carrying `csrf_token`.
pub struct Form<T>(pub T);

/// A JSON body for the API. Cookie-authenticated callers must send the CSRF header.
pub struct JsonBody<T>(pub T);

/// A JSON body for the requests that open a session (sign-in, sign-up, setup): there is
/// no session token to check yet; the origin check still applies.
pub struct PublicJson<T>(pub T);

/// An API write without a body (logout, archive, revoke): only the CSRF check.
pub struct ApiWrite;

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf_token: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Form<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = request.uri().path().to_owned();
        let (mut parts, body) = request.into_parts();
        let auth = Auth::from_request_parts(&mut parts, state).await?;
        let request = Request::from_parts(parts.clone(), body);
        let parsed = async {
            let bytes = read(&parts, request, "application/x-www-form-urlencoded", state).await?;
            let csrf: CsrfField = serde_html_form::from_bytes(&bytes).map_err(|_| {
                AppError::BadRequest(
                    "The form could not be read. Reload the page and try again.".into(),
                )
            })?;
            auth.check_form_token(&csrf.csrf_token)?;
            serde_html_form::from_bytes::<T>(&bytes)
                .map_err(|e| AppError::BadRequest(format!("The form could not be read: {e}.")))
        };
        parsed.await.map(Form).map_err(|e| respond(&path, e))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = request.uri().path().to_owned();
        let (mut parts, body) = request.into_parts();
        let auth = Auth::from_request_parts(&mut parts, state).await?;
        let request = Request::from_parts(parts.clone(), body);
        let parsed = async {
            auth.check_api_write()?;
            let bytes = read(&parts, request, "application/json", state).await?;
            parse_json(&bytes)
        };
        parsed.await.map(JsonBody).map_err(|e| respond(&path, e))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for PublicJson<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = request.uri().path().to_owned();
        let (parts, body) = request.into_parts();
        let request = Request::from_parts(parts.clone(), body);
        let parsed = async {
            let bytes = read(&parts, request, "application/json", state).await?;
            parse_json(&bytes)
        };
        parsed.await.map(PublicJson).map_err(|e| respond(&path, e))
    }
}

impl FromRequestParts<AppState> for ApiWrite {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let auth = Auth::from_request_parts(parts, state).await?;
        auth.check_api_write()
            .map(|()| ApiWrite)
            .map_err(|e| respond(parts.uri.path(), e))
    }
}

/// Parses JSON; syntax errors are 400, well-formed JSON of the wrong shape is 422 at `body`.
fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => AppError::Domain(kindred_domain::Error::invalid(
            "body",
            format!("The request body does not match the schema: {e}."),
        )),
        _ => AppError::BadRequest(format!("The request body is not valid JSON: {e}.")),
    })
}

async fn read(
    parts: &Parts,
    request: Request,
    expected: &'static str,
    state: &AppState,
) -> Result<Bytes, AppError> {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime::Mime>().ok());
    if content_type.as_ref().map(mime::Mime::essence_str) != Some(expected) {
        return Err(AppError::UnsupportedMediaType(expected));
    }
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest("The request body could not be read.".into())
            }
        })?;
    if std::str::from_utf8(&bytes).is_err() {
        return Err(AppError::BadRequest(
            "The request body is not valid UTF-8 text.".into(),
        ));
    }
    Ok(bytes)
}
