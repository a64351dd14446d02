//! A session's online room: the live page for those let in (chat, who is here, hands, the
//! check-in round, the guided exercise, the facilitator's controls), or a plain page that
//! says why not and when. The live part runs in `static/room.js` over the room's websocket.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use kindred_domain::groups::Group;
use kindred_domain::ids::{OrgId, SessionId, SessionPlanItemId};
use kindred_domain::rooms::{Refusal, RoomRefused, Seat};
use kindred_domain::{techniques, Error};

use super::{render_with, when, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;
use crate::rooms::service::{self, Inside};

/// A guided exercise the facilitator can start from the session plan.
struct ExerciseChoice {
    id: SessionPlanItemId,
    title: String,
    minutes: u32,
}

#[derive(Template)]
#[template(path = "room.html")]
struct RoomPage {
    layout: Layout,
    group: Group,
    session_id: SessionId,
    starts: String,
    facilitator: bool,
    name: String,
    exercises: Vec<ExerciseChoice>,
}

#[derive(Template)]
#[template(path = "room_closed.html")]
struct RoomClosedPage {
    layout: Layout,
    group: Group,
    starts: String,
    message: &'static str,
    /// When the person may come, in the group's time zone, if they may.
    come_back: Option<String>,
    /// The agreement to sign first, when that is the reason.
    agreement_of: Option<OrgId>,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(session): Path<String>,
) -> PageResult {
    let session: SessionId = session.parse().map_err(|_| Error::NotFound)?;
    match service::enter(&state, &auth.actor, session).await? {
        Ok(inside) => live(&state, &auth, inside).await,
        Err(refused) => closed(&auth, refused),
    }
}

async fn live(state: &AppState, auth: &Auth, inside: Inside) -> PageResult {
    let facilitator = inside.seat == Seat::Facilitator;
    let exercises = if facilitator {
        techniques::session_plan(
            state.store(),
            &auth.actor,
            inside.room.group.org_id,
            inside.room.session_id,
        )
        .await?
        .into_iter()
        .filter(|item| !item.snapshot.steps.is_empty())
        .map(|item| ExerciseChoice {
            id: item.id,
            minutes: item
                .snapshot
                .steps
                .iter()
                .map(|s| s.seconds)
                .sum::<u32>()
                .div_ceil(60),
            title: item.snapshot.title,
        })
        .collect()
    } else {
        Vec::new()
    };
    let group = inside.room.group.clone();
    render_with(
        StatusCode::OK,
        RoomPage {
            layout: Layout::new(auth, format!("{} online", group.name)),
            starts: when(&inside.room.session.starts_at, &group.time_zone),
            session_id: inside.room.session_id,
            group,
            facilitator,
            name: inside.name,
            exercises,
        },
    )
}

fn closed(auth: &Auth, refused: RoomRefused) -> PageResult {
    let zone = refused.group.time_zone;
    let come_back = match refused.refusal {
        Refusal::NotYetOpen { opens_at } => Some(when(&opens_at, &zone)),
        _ => None,
    };
    let agreement_of = matches!(refused.refusal, Refusal::AgreementUnsigned { .. })
        .then_some(refused.group.org_id);
    let status = match refused.refusal {
        Refusal::NotInGroup | Refusal::Removed => StatusCode::FORBIDDEN,
        _ => StatusCode::CONFLICT,
    };
    render_with(
        status,
        RoomClosedPage {
            layout: Layout::new(auth, format!("{} online", refused.group.name)),
            starts: when(&refused.session.starts_at, &zone),
            message: refused.refusal.message(),
            come_back,
            agreement_of,
            group: refused.group,
        },
    )
}
