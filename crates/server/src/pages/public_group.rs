use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use kindred_domain::attendance::{self, rules::check_in_window, rules::CheckInWindow};
use kindred_domain::enrollments::{self, EnrollmentStatus, MyPlace};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::Format;
use kindred_domain::groups::{self, PublicGroup};
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::Error;

use super::{render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    layout: Layout,
    view: PublicGroup,
    signed_in: bool,
    place: Option<MyPlace>,
    /// Why the last request was refused (already on the list, offer expired, …).
    notice: Option<String>,
    registered: Vec<SessionId>,
    now: DateTime<Utc>,
}

impl GroupPage {
    fn is_registered(&self, session: &SessionId) -> bool {
        self.registered.contains(session)
    }

    /// Active members of online and hybrid groups check in from 15 minutes before the
    /// start to the end.
    fn can_check_in(&self, session: &GroupSession) -> bool {
        let active = self
            .place
            .as_ref()
            .is_some_and(|p| p.enrollment.status == EnrollmentStatus::Active);
        active
            && self.view.group.format != Format::InPerson
            && session.status != SessionStatus::Cancelled
            && check_in_window(session, self.now) == CheckInWindow::Open
    }
}

/// The public page of one group: who leads it, how and where it meets, whether there is
/// room, and where the signed-in person stands.
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(group_id): Path<String>,
) -> PageResult {
    let id = group_id.parse().map_err(|_| Error::NotFound)?;
    page_with_notice(&state, &auth, id, None).await
}

async fn page_with_notice(
    state: &AppState,
    auth: &Auth,
    id: GroupId,
    notice: Option<String>,
) -> PageResult {
    let now = state.now();
    let view = groups::public_group(state.store(), &auth.actor, now, id).await?;
    let place = enrollments::my_place(state.store(), &auth.actor, id, now).await?;
    let registered = attendance::my_registrations(state.store(), &auth.actor, id).await?;
    let status = if notice.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    render_with(
        status,
        GroupPage {
            layout: Layout::new(auth, view.group.name.clone()),
            signed_in: auth.actor.signed_in().is_some(),
            view,
            place,
            notice,
            registered,
            now,
        },
    )
}

/// After a member's action on the group (join, leave, an offer, a session): back to the
/// group's page; a refusal by the rules is shown there in plain words.
pub(super) async fn back_to_group(
    state: &AppState,
    auth: &Auth,
    group: GroupId,
    result: Result<(), Error>,
) -> PageResult {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/groups/{group}")).into_response()),
        Err(Error::Conflict(message)) => page_with_notice(state, auth, group, Some(message)).await,
        Err(Error::Invalid(fields)) => {
            let message = fields.0.into_values().next().unwrap_or_default();
            page_with_notice(state, auth, group, Some(message)).await
        }
        Err(other) => Err(other.into()),
    }
}
