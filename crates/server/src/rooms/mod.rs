//! Live rooms in this server process: each open room's state and broadcast
//! ([`LiveRoom`]), the websocket that connects a person to it ([`socket`]), and the steps
//! the page, the API and the websocket share ([`service`]). Chat messages are stored before
//! anyone sees them; the rest of a room's state lives here, in memory, while it is open.

pub mod frames;
mod live_room;
pub mod service;
pub mod socket;
mod sweep;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use kindred_domain::ids::SessionId;
use kindred_domain::rooms::RoomPass;
use tokio::sync::watch;

pub use live_room::{Closes, LiveRoom, Outbound, PostRefused, ENDED, NOT_ON_ROSTER, TIME_UP};
pub use sweep::sweep;

/// The rooms open in this process.
pub struct Rooms {
    open: Mutex<HashMap<SessionId, Arc<LiveRoom>>>,
    /// Connections still running, their last writes (a stay's attendance) included.
    running: Arc<AtomicUsize>,
    /// Becomes `true` when the server stops: every connection says so and closes, and
    /// clients reconnect to the next server.
    stopping: watch::Sender<bool>,
}

impl Default for Rooms {
    fn default() -> Self {
        Rooms {
            open: Mutex::new(HashMap::new()),
            running: Arc::new(AtomicUsize::new(0)),
            stopping: watch::Sender::new(false),
        }
    }
}

impl Rooms {
    fn open_rooms(&self) -> std::sync::MutexGuard<'_, HashMap<SessionId, Arc<LiveRoom>>> {
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The room `pass` lets into, opened on first use; `true` when it was opened now.
    pub fn open(&self, pass: &RoomPass) -> (Arc<LiveRoom>, bool) {
        let mut open = self.open_rooms();
        match open.get(&pass.session.id) {
            Some(room) => (Arc::clone(room), false),
            None => {
                let room = Arc::new(LiveRoom::new(pass));
                open.insert(pass.session.id, Arc::clone(&room));
                (room, true)
            }
        }
    }

    /// Every room open now.
    pub fn all(&self) -> Vec<Arc<LiveRoom>> {
        self.open_rooms().values().cloned().collect()
    }

    /// Forgets a room nobody is connected to.
    pub fn forget(&self, session: SessionId) {
        let mut open = self.open_rooms();
        if open
            .get(&session)
            .is_some_and(|room| room.connection_count() == 0)
        {
            open.remove(&session);
        }
    }

    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }

    /// Tells every connection the server is stopping; they close and clients reconnect.
    /// Waits (up to `within`) for them to finish, so their stays are recorded.
    pub async fn stop(&self, within: std::time::Duration) {
        self.stopping.send_replace(true);
        let deadline = tokio::time::Instant::now() + within;
        while self.running.load(Ordering::Acquire) > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Counts a connection as running until the guard is dropped.
    pub fn connection_opened(&self) -> Running {
        self.running.fetch_add(1, Ordering::AcqRel);
        Running(Arc::clone(&self.running))
    }
}

/// A running connection; see [`Rooms::connection_opened`].
pub struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}
