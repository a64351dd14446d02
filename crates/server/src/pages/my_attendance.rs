//! A member's own attendance: every session they were marked at, newest first.

use askama::Template;
use axum::extract::State;
use kindred_domain::attendance::{self, MyMark};
use kindred_domain::fields::Choice as _;

use super::{render, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

#[derive(Template)]
#[template(path = "my_attendance.html")]
struct MyAttendancePage {
    layout: Layout,
    marks: Vec<MyMark>,
}

pub async fn show(State(state): State<AppState>, auth: Auth) -> PageResult {
    let marks = attendance::my_attendance(state.store(), &auth.actor).await?;
    render(MyAttendancePage {
        layout: Layout::new(&auth, "Your attendance"),
        marks,
    })
}
