//! The signed-in person's notifications, with marking them read.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::notifications::{self, Notification};
use kindred_domain::Error;

use super::auth::NoFields;
use super::{render, Layout, PageResult};
use crate::app::AppState;
use crate::http::{Auth, Form};

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    layout: Layout,
    items: Vec<Notification>,
}

impl NotificationsPage {
    fn unread(&self) -> usize {
        self.items.iter().filter(|n| n.is_unread()).count()
    }
}

pub async fn list(State(state): State<AppState>, auth: Auth) -> PageResult {
    let items = notifications::my_notifications(state.store(), &auth.actor, false).await?;
    render(NotificationsPage {
        layout: Layout::new(&auth, "Notifications"),
        items,
    })
}

pub async fn read(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let id = id.parse().map_err(|_| Error::NotFound)?;
    notifications::mark_read(state.store(), &auth.actor, id, state.now()).await?;
    Ok(Redirect::to("/notifications").into_response())
}

pub async fn read_all(
    State(state): State<AppState>,
    auth: Auth,
    Form(_): Form<NoFields>,
) -> PageResult {
    notifications::mark_all_read(state.store(), &auth.actor, state.now()).await?;
    Ok(Redirect::to("/notifications").into_response())
}
