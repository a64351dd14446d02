use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use kindred_domain::Error;

use super::Layout;
use crate::http::AppError;

/// An [`AppError`] rendered as a page. A visitor who needs to sign in is sent to the
/// sign-in page instead.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        Self(AppError::Domain(e))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_response(self.0)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    message: String,
    request_id: Option<String>,
}

pub fn error_response(error: AppError) -> Response {
    if matches!(error, AppError::Domain(Error::Unauthenticated)) {
        return Redirect::to("/login").into_response();
    }
    let problem = error.problem();
    let title = match problem.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::FORBIDDEN => "Request refused",
        s if s.is_server_error() => "Something went wrong",
        _ => "Please check your request",
    };
    let page = ErrorPage {
        layout: Layout::neutral(title),
        message: problem.message,
        request_id: problem.request_id,
    };
    let html = page.render().unwrap_or_else(|_| {
        "<!doctype html><title>Error</title><p>Something went wrong.</p>".into()
    });
    (
        problem.status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Html(html),
    )
        .into_response()
}

/// Any path we do not serve.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    crate::http::respond(uri.path(), AppError::Domain(Error::NotFound))
}
