//! The members file `rooms seed` writes: `<session id> <cookie value>` per line, a room's
//! members on consecutive lines. Member `i` is seat `i % size` of room `i / size`.

use std::path::Path;

use crate::tally::MAX_ROOM_SIZE;
use crate::Error;

pub struct Roster {
    /// Each room's session id, in file order.
    pub sessions: Vec<String>,
    /// Members per room (every room has as many).
    pub size: usize,
    pub cookies: Vec<String>,
}

impl Roster {
    pub fn load(path: &Path) -> Result<Roster, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the members file {}: {e}", path.display()))?;
        let mut sessions: Vec<String> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut cookies = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let (session, cookie) = line.split_once(' ').ok_or_else(|| {
                format!("{}:{}: not `session cookie`", path.display(), number + 1)
            })?;
            if sessions.last().map(String::as_str) != Some(session) {
                sessions.push(session.to_owned());
                counts.push(0);
            }
            if let Some(count) = counts.last_mut() {
                *count += 1;
            }
            cookies.push(cookie.to_owned());
        }
        let size = counts.first().copied().unwrap_or(0);
        if size == 0 || counts.iter().any(|&c| c != size) {
            return Err("every room of the members file must have the same members".into());
        }
        if size > MAX_ROOM_SIZE {
            return Err(format!("rooms of at most {MAX_ROOM_SIZE} members, not {size}").into());
        }
        Ok(Roster {
            sessions,
            size,
            cookies,
        })
    }

    pub fn members(&self) -> usize {
        self.cookies.len()
    }

    pub fn rooms(&self) -> usize {
        self.sessions.len()
    }
}
