//! Keeps open rooms true to the roster and the clock: a member taken off the session's
//! list (their enrollment ended, their registration withdrawn) is disconnected at the next
//! round, within [`EVERY`]; a room whose time is over closes; an empty, closed room is
//! forgotten.

use std::time::Duration;

use super::{LiveRoom, NOT_ON_ROSTER, TIME_UP};
use crate::app::AppState;

/// How often rooms are checked. Removal must close a connection within 5 seconds.
pub const EVERY: Duration = Duration::from_secs(3);

/// Runs until the server stops.
pub async fn sweep(state: AppState) {
    let mut every = tokio::time::interval(EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        for room in state.rooms.all() {
            check(&state, &room).await;
        }
    }
}

async fn check(state: &AppState, room: &LiveRoom) {
    let now = state.now();
    // An ended room stays known until its time is over, so nobody re-enters it.
    if now >= room.closes_at {
        if room.connection_count() > 0 {
            room.close_all(TIME_UP);
        } else {
            state.rooms.forget(room.session_id);
        }
        return;
    }
    let members = room.members_present();
    if members.is_empty() {
        return;
    }
    let roster = match state.store().session_roster(room.session_id).await {
        Ok(roster) => roster,
        Err(e) => {
            tracing::warn!(session = %room.session_id, error = %e, "room roster check failed");
            return;
        }
    };
    for member in members {
        let listed = roster
            .iter()
            .any(|line| line.account_id == member && (line.enrolled || line.registered));
        if !listed {
            tracing::info!(session = %room.session_id, account = %member, "closing the room for a member off the roster");
            room.close_for(member, NOT_ON_ROSTER);
        }
    }
}
