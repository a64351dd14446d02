use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::PageError;
use kindred_domain::Error;

/// Static files are compiled into the binary: one file to deploy, nothing to misconfigure.
const FILES: &[(&str, &str, &str)] = &[
    (
        "kindred.css",
        "text/css; charset=utf-8",
        include_str!("../../static/kindred.css"),
    ),
    (
        "locate.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/locate.js"),
    ),
    (
        "room.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/room.js"),
    ),
];

pub async fn serve(Path(file): Path<String>) -> Result<Response, PageError> {
    let (_, mime, body) = FILES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or(Error::NotFound)?;
    Ok(([(header::CONTENT_TYPE, *mime)], *body).into_response())
}
