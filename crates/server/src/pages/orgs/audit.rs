//! The organization's audit trail for its administrators: a filtered page of events, newest
//! first, and the same filters as a CSV file. Both are recorded in the trail they show.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use kindred_domain::audit::{
    self, audit_csv_header, AuditAction, AuditEntry, AuditFilterInput, EXPORT_MAX_ROWS,
};
use kindred_domain::fields::Choice as _;
use kindred_domain::ids::OrgId;
use kindred_domain::orgs::{self, Organization};
use kindred_domain::{Error, FieldErrors};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::id;
use super::options::{vocabulary, SelectOption};
use crate::app::AppState;
use crate::http::{csv_download, AuditTrail, Auth};
use crate::pages::{render_with, Layout, PageError, PageResult};

#[derive(Template)]
#[template(path = "orgs/audit.html")]
struct AuditTrailPage {
    layout: Layout,
    org: Organization,
    input: AuditFilterInput,
    actions: Vec<SelectOption>,
    entries: Vec<AuditEntry>,
    next_before: Option<i64>,
    errors: FieldErrors,
    filtered: bool,
    /// `?filters` for the CSV link ("" without filters).
    csv_query: String,
    /// `?filters&` for the next page's link, which adds `before=`.
    page_query: String,
    export_max: i64,
}

/// What a query value keeps as it is: letters, digits and `-._~` (RFC 3986 unreserved).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The filters in use as query pairs, for links that keep them.
fn filter_pairs(input: &AuditFilterInput) -> String {
    [
        ("actor", &input.actor),
        ("member", &input.member),
        ("action", &input.action),
        ("from", &input.from),
        ("to", &input.to),
    ]
    .iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(key, value)| format!("{key}={}", utf8_percent_encode(value.trim(), QUERY_VALUE)))
    .collect::<Vec<_>>()
    .join("&")
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(input): Query<AuditFilterInput>,
) -> PageResult {
    let org: OrgId = id(&org_id)?;
    let result =
        audit::audit_view(state.store(), &auth.actor, org, &input, &trail, state.now()).await;
    let (entries, next_before, errors, status) = match result {
        Ok(page) => (
            page.entries,
            page.next_before,
            FieldErrors::new(),
            StatusCode::OK,
        ),
        Err(Error::Invalid(errors)) => (Vec::new(), None, errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(other) => return Err(other.into()),
    };
    let pairs = filter_pairs(&input);
    let org = orgs::organization(state.store(), &auth.actor, org).await?;
    render_with(
        status,
        AuditTrailPage {
            layout: Layout::new(&auth, "Audit trail"),
            org,
            actions: vocabulary::<AuditAction>(&[input.action.trim()]),
            entries,
            next_before,
            errors,
            filtered: !pairs.is_empty(),
            csv_query: if pairs.is_empty() {
                String::new()
            } else {
                format!("?{pairs}")
            },
            page_query: if pairs.is_empty() {
                "?".into()
            } else {
                format!("?{pairs}&")
            },
            export_max: EXPORT_MAX_ROWS,
            input,
        },
    )
}

pub async fn csv(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(input): Query<AuditFilterInput>,
) -> Result<Response, PageError> {
    let org: OrgId = id(&org_id)?;
    let page =
        audit::audit_export(state.store(), &auth.actor, org, &input, &trail, state.now()).await?;
    Ok(csv_download(
        &format!("audit-{org}.csv"),
        audit_csv_header(),
        page.entries.iter().map(AuditEntry::csv_fields),
    )?)
}
