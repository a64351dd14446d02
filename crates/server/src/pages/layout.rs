use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use kindred_domain::ids::OrgId;

use super::PageError;
use crate::http::{AppError, Auth};

/// What every page's frame needs: who is signed in, the CSRF token for forms, and the
/// organizations they work in (for the navigation).
pub struct Layout {
    pub title: String,
    pub signed_in_as: Option<String>,
    pub csrf_token: String,
    pub staff_orgs: Vec<(OrgId, String)>,
    /// Error pages do not know who is asking: their navigation fits everyone.
    pub neutral: bool,
}

impl Layout {
    pub fn new(auth: &Auth, title: impl Into<String>) -> Self {
        let me = auth.actor.signed_in();
        Self {
            title: title.into(),
            signed_in_as: me.map(|m| m.display_name.as_str().to_owned()),
            csrf_token: auth.csrf_token().to_owned(),
            staff_orgs: me
                .map(|m| {
                    m.roles
                        .iter()
                        .map(|r| (r.org_id, r.org_name.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            neutral: false,
        }
    }

    /// For error pages, rendered without knowing who is signed in.
    pub fn neutral(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            signed_in_as: None,
            csrf_token: String::new(),
            staff_orgs: Vec::new(),
            neutral: true,
        }
    }
}

pub type PageResult = Result<Response, PageError>;

/// Renders a template into an HTML response; a template failure is a 500 with a request id.
pub fn render(template: impl Template) -> PageResult {
    template
        .render()
        .map(|html| Html(html).into_response())
        .map_err(|e| PageError(AppError::Internal(format!("template: {e}"))))
}

/// A form page answers 422 when it shows problems, 200 otherwise.
pub fn form_status(errors: &kindred_domain::FieldErrors) -> axum::http::StatusCode {
    if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The same page with another status (422 for a form with problems).
pub fn render_with(status: axum::http::StatusCode, template: impl Template) -> PageResult {
    render(template).map(|r| (status, r).into_response())
}
