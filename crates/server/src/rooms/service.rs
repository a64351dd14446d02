//! The steps of a room that the page, the JSON API and the websocket share: entering,
//! posting a message, hiding one, starting a guided exercise, reading what was missed.

use std::sync::Arc;

use kindred_domain::alerts::{self, AcknowledgeInput, AlertSource, NewAlert};
use kindred_domain::auth::Actor;
use kindred_domain::crisis_language;
use kindred_domain::ids::{AccountId, AlertId, RoomMessageId, SessionId, SessionPlanItemId};
use kindred_domain::rooms::{
    self, hide_reason, ChatMessage, Command, MessageInput, NewMessage, Present, RoomError,
    RoomRefused, RoomWindow, Seat,
};
use kindred_domain::screening::US_CRISIS_RESOURCES;
use kindred_domain::techniques;
use kindred_domain::Error;

use super::frames::ServerFrame;
use super::{LiveRoom, PostRefused};
use crate::app::AppState;
use crate::http::AppError;

/// Most messages one catch-up read returns; a client asks again from the last one.
pub const CATCH_UP_LIMIT: i64 = 500;

/// Said privately to the author of a message that read as a crisis.
pub const CRISIS_WORDS: &str = "What you wrote sounds really hard. You do not have to wait \
     for the group: you can reach someone right now. Your facilitator has been let know too.";

/// Someone in a room: how they take part, and the room (which holds the session and the
/// group once for all its connections).
#[derive(Clone)]
pub struct Inside {
    pub room: Arc<LiveRoom>,
    pub account_id: AccountId,
    pub seat: Seat,
    /// The name they use in the group.
    pub name: String,
    pub window: RoomWindow,
    /// Who they are, for the use cases the room leads to (acknowledging an alert).
    pub actor: Actor,
}

impl Inside {
    pub fn present(&self) -> Present {
        Present {
            account_id: self.account_id,
            name: self.name.clone(),
            seat: self.seat,
        }
    }
}

/// Lets the signed-in person into the session's room, or says why not.
pub async fn enter(
    state: &AppState,
    actor: &Actor,
    session: SessionId,
) -> Result<Result<Inside, RoomRefused>, AppError> {
    let me = actor.signed_in().ok_or(Error::Unauthenticated)?;
    // Removals and an early end are kept in the store, so they hold after a restart too.
    let (removed, ended_at) = state
        .store()
        .room_exit(session, me.account_id)
        .await
        .map_err(Error::from)?;
    let decided = rooms::enter(
        state.store(),
        actor,
        session,
        removed,
        ended_at,
        state.now(),
    )
    .await?;
    let pass = match decided {
        Ok(pass) => pass,
        Err(refused) => return Ok(Err(refused)),
    };
    let (room, opened) = state.rooms.open(&pass);
    if opened {
        // Mutes set before a restart still hold.
        let mutes = state
            .store()
            .mutes(pass.session.id, state.now())
            .await
            .map_err(Error::from)?;
        room.restore_mutes(mutes);
    }
    Ok(Ok(Inside {
        room,
        account_id: me.account_id,
        seat: pass.seat,
        name: pass.name,
        window: pass.window,
        actor: actor.clone(),
    }))
}

/// As [`enter`], for the steps that need the person inside: a refusal is an error that
/// says why (409).
pub async fn inside(
    state: &AppState,
    actor: &Actor,
    session: SessionId,
) -> Result<Inside, AppError> {
    enter(state, actor, session)
        .await?
        .map_err(|refused| AppError::Domain(Error::Conflict(refused.refusal.message().to_owned())))
}

/// Stores a message and sends it to the room; a crisis reading sends the author help now
/// and tells the facilitators.
pub async fn say(
    state: &AppState,
    inside: &Inside,
    input: &MessageInput,
) -> Result<ChatMessage, AppError> {
    let (client_id, body) = input.parse()?;
    let now = state.now();
    inside
        .room
        .may_post(inside.account_id, now)
        .map_err(|refused| match refused {
            PostRefused::Room(e) => refused_by_room(&e),
            PostRefused::RateLimited(wait) => AppError::RateLimited(wait),
        })?;
    let message = state
        .store()
        .append_message(NewMessage {
            id: RoomMessageId::new(),
            session_id: inside.room.session_id,
            client_id,
            author_id: inside.account_id,
            body,
            sent_at: now,
        })
        .await
        .map_err(Error::from)?;
    inside.room.publish_message(&message);
    if let Some(hit) = crisis_language::detect(&message.body).hit() {
        // The category and the message's number only: never its text.
        tracing::warn!(session = %message.session_id, seq = message.seq,
            category = hit.category.code(), "crisis language in a room message");
        inside.room.tell(
            inside.account_id,
            &ServerFrame::CrisisResources {
                message: CRISIS_WORDS,
                resources: US_CRISIS_RESOURCES,
            },
        );
        // The group as it is now: facilitators may have changed since the room opened.
        let group = state
            .store()
            .group(inside.room.group.id)
            .await
            .map_err(Error::from)?
            .unwrap_or_else(|| inside.room.group.clone());
        let raised = alerts::raise(
            state.store(),
            &group,
            NewAlert {
                org_id: inside.room.group.org_id,
                group_id: inside.room.group.id,
                session_id: Some(message.session_id),
                member_id: message.author_id,
                source: AlertSource::RoomMessage,
                message_seq: Some(message.seq),
                category: hit.category.code(),
            },
            now,
        )
        .await?;
        tracing::warn!(alert = %raised.id, session = %message.session_id, "safety alert raised");
        inside
            .room
            .tell_facilitators(&ServerFrame::Alert { alert: &raised });
    }
    Ok(message)
}

/// Acknowledges a safety alert from the room; the other facilitators see it is handled.
pub async fn acknowledge_alert(
    state: &AppState,
    inside: &Inside,
    alert: AlertId,
    note: String,
) -> Result<(), AppError> {
    let done = alerts::acknowledge(
        state.store(),
        &inside.actor,
        inside.room.group.org_id,
        alert,
        &AcknowledgeInput { note },
        state.now(),
    )
    .await?;
    inside
        .room
        .tell_facilitators(&ServerFrame::Alert { alert: &done });
    Ok(())
}

/// A facilitator hides message `seq` with a reason the room sees.
pub async fn hide(
    state: &AppState,
    inside: &Inside,
    seq: i64,
    reason: &str,
) -> Result<ChatMessage, AppError> {
    if inside.seat != Seat::Facilitator {
        return Err(refused_by_room(&RoomError::FacilitatorsOnly));
    }
    let reason = hide_reason(reason)?;
    let hidden = state
        .store()
        .hide_message(
            inside.room.session_id,
            seq,
            inside.account_id,
            reason,
            state.now(),
        )
        .await
        .map_err(Error::from)?
        .ok_or(Error::NotFound)?;
    inside.room.publish_changed(&hidden);
    Ok(hidden)
}

/// A facilitator starts the guided exercise `item` of the session plan.
pub async fn start_exercise(
    state: &AppState,
    inside: &Inside,
    item: SessionPlanItemId,
) -> Result<(), AppError> {
    if inside.seat != Seat::Facilitator {
        return Err(refused_by_room(&RoomError::FacilitatorsOnly));
    }
    let plan = techniques::session_plan(
        state.store(),
        &inside.actor,
        inside.room.group.org_id,
        inside.room.session_id,
    )
    .await?;
    let item = plan
        .into_iter()
        .find(|i| i.id == item)
        .ok_or_else(|| Error::invalid("item_id", "That plan is not in this session's plan."))?;
    inside
        .room
        .start_exercise(
            inside.account_id,
            item.snapshot.title,
            item.snapshot.steps,
            state.now(),
        )
        .map_err(|e| refused_by_room(&e))
}

/// The room's messages after `after_seq`, at most [`CATCH_UP_LIMIT`].
pub async fn messages_after(
    state: &AppState,
    inside: &Inside,
    after_seq: i64,
) -> Result<Vec<ChatMessage>, AppError> {
    Ok(state
        .store()
        .messages_after(inside.room.session_id, after_seq.max(0), CATCH_UP_LIMIT)
        .await
        .map_err(Error::from)?)
}

/// What of a command outlasts this server process.
enum Kept {
    Removal(AccountId),
    End,
    Mute(AccountId),
    Nothing,
}

/// Applies one of the room's commands; a removal, an end and a mute are also stored, so
/// they outlast this server process.
pub async fn command(state: &AppState, inside: &Inside, command: Command) -> Result<(), AppError> {
    let now = state.now();
    let kept = match &command {
        Command::Remove { member } => Kept::Removal(*member),
        Command::End => Kept::End,
        Command::Mute { member, .. } | Command::Unmute { member } => Kept::Mute(*member),
        _ => Kept::Nothing,
    };
    let notices = inside
        .room
        .apply(inside.account_id, command, now)
        .map_err(|e| refused_by_room(&e))?;
    // Stored before anyone is told (and the removed member's connection closes), so a
    // quick reconnect meets the removal.
    let store = state.store();
    let session = inside.room.session_id;
    let stored = match kept {
        Kept::Removal(member) => {
            store
                .record_removal(session, member, inside.account_id, now)
                .await
        }
        Kept::End => store.record_end(session, inside.account_id, now).await,
        Kept::Mute(member) => {
            let until = inside.room.muted_until(member, now);
            store.record_mute(session, member, until).await
        }
        Kept::Nothing => Ok(()),
    };
    inside.room.publish(notices);
    stored.map_err(Error::from)?;
    Ok(())
}

/// A room's refusal, for the person who asked.
pub fn refused_by_room(e: &RoomError) -> AppError {
    AppError::Domain(Error::Conflict(e.to_string()))
}
