use axum::http::StatusCode;
use axum::response::Response;
use kindred_domain::{Error, FieldErrors};

/// The server layer's one error type. Pages render it as HTML, the API as JSON; both use
/// [`Problem`] so the status and message are the same on either surface.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(#[from] Error),
    /// The body could not be read as the declared format.
    #[error("{0}")]
    BadRequest(String),
    #[error("unsupported content type")]
    UnsupportedMediaType(&'static str),
    /// Too many failed sign-ins from this client for this email; try again after the wait.
    #[error("too many sign-in attempts")]
    TooManyAttempts(chrono::Duration),
    /// A member sent room messages faster than the limit; the next may go after these seconds.
    #[error("too many messages")]
    RateLimited(f64),
    #[error("request body too large")]
    TooLarge,
    /// Origin or CSRF token check failed.
    #[error("cross-site request refused")]
    CrossSite,
    #[error("{0}")]
    Internal(String),
}

/// What the caller is told: status, a plain message, and messages per field.
pub struct Problem {
    pub status: StatusCode,
    pub message: String,
    pub fields: FieldErrors,
    /// Set for 5xx: the id the log line carries, so support can find it.
    pub request_id: Option<String>,
}

impl AppError {
    pub fn problem(&self) -> Problem {
        let simple = |status: StatusCode, message: &str| Problem {
            status,
            message: message.to_owned(),
            fields: FieldErrors::new(),
            request_id: None,
        };
        match self {
            AppError::Domain(Error::Invalid(fields)) => Problem {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                message: "Some answers need another look.".into(),
                fields: fields.clone(),
                request_id: None,
            },
            AppError::Domain(Error::Unauthenticated) => {
                simple(StatusCode::UNAUTHORIZED, "Please sign in to continue.")
            }
            AppError::Domain(Error::NotFound) => {
                simple(StatusCode::NOT_FOUND, "We could not find that page.")
            }
            AppError::Domain(Error::Conflict(message)) => simple(StatusCode::CONFLICT, message),
            AppError::BadRequest(message) => simple(StatusCode::BAD_REQUEST, message),
            AppError::UnsupportedMediaType(expected) => simple(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                &format!("Send the body as {expected}."),
            ),
            AppError::TooManyAttempts(wait) => {
                let minutes = (wait.num_seconds() + 59) / 60;
                let unit = if minutes == 1 { "minute" } else { "minutes" };
                simple(
                    StatusCode::TOO_MANY_REQUESTS,
                    &format!("Too many sign-in attempts. Wait {minutes} {unit} and try again, or ask your program to reset your password."),
                )
            }
            AppError::RateLimited(wait) => {
                simple(StatusCode::TOO_MANY_REQUESTS, &rate_limited_message(*wait))
            }
            AppError::TooLarge => simple(
                StatusCode::PAYLOAD_TOO_LARGE,
                "That is more than we accept in one request. Shorten the text and try again.",
            ),
            AppError::CrossSite => simple(
                StatusCode::FORBIDDEN,
                "This request did not come from a Kindred page. Reload the page and try again.",
            ),
            AppError::Domain(Error::Storage(_)) | AppError::Internal(_) => {
                // The id the response carries in `x-request-id` and the request's log span.
                let request_id = super::trail::current_request_id()
                    .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
                // The detail goes to the log only; it may name tables or hosts.
                tracing::error!(request_id = %request_id, error = %self, "request failed");
                Problem {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    message: "Something went wrong on our side. Nothing you entered was lost; please try again.".into(),
                    fields: FieldErrors::new(),
                    request_id: Some(request_id),
                }
            }
        }
    }
}

/// What a member who sends messages too quickly is told.
pub fn rate_limited_message(wait_seconds: f64) -> String {
    let seconds = wait_seconds.ceil().max(1.0);
    let unit = if seconds <= 1.0 { "second" } else { "seconds" };
    format!("You are sending messages very quickly. Your next message can go in {seconds} {unit}.")
}

/// Renders an error where the handler is not known yet (extractors, middleware): JSON under
/// `/api/`, an HTML page elsewhere.
pub fn respond(path: &str, error: AppError) -> Response {
    if path.starts_with("/api/") {
        crate::api::error_response(error)
    } else {
        crate::pages::error_response(error)
    }
}
