//! `rooms baseline-server`: the bare broadcast server Kindred is compared with. No sign-in,
//! no storage, no rate limit: one tokio broadcast channel per room (the request path names
//! the room, so the generator uses the same URLs as for Kindred), a `welcome` frame on
//! connecting, then every text frame a member sends goes unchanged to everyone in the room,
//! the sender included (that copy is its acknowledgement).
//!
//! It runs in its own process, started by `bench/run-rooms.sh`: the generator holds 10,000
//! sockets of its own and the fd limit is per process. Its sockets are set up as Kindred's
//! (4 KiB read buffer, frames written at once, same frame limits and broadcast backlog), so
//! the difference measured is what Kindred does, not buffer sizes.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt as _, StreamExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

use crate::Error;

/// As Kindred's room backlog and frame limit.
const BACKLOG: usize = 64;
const MAX_FRAME: usize = 16 * 1024;
const READ_BUFFER: usize = 4 * 1024;

const WELCOME: &str = r#"{"type":"welcome"}"#;

type Rooms = Arc<Mutex<HashMap<String, broadcast::Sender<Utf8Bytes>>>>;

pub async fn serve(addr: SocketAddr) -> Result<(), Error> {
    let listener = TcpListener::bind(addr).await?;
    eprintln!("baseline server listening on {addr}");
    let rooms: Rooms = Arc::default();
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            // Out of file descriptors, for instance: the next accept may work.
            Err(e) => {
                eprintln!("baseline accept: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        let rooms = Arc::clone(&rooms);
        tokio::spawn(async move {
            let _ = connection(stream, rooms).await;
        });
    }
}

async fn connection(stream: TcpStream, rooms: Rooms) -> Result<(), Error> {
    stream.set_nodelay(true)?;
    let config = WebSocketConfig::default()
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_message_size(Some(MAX_FRAME))
        .max_frame_size(Some(MAX_FRAME));
    let mut path = String::new();
    // The shape of tungstenite's handshake callback, large error type included.
    #[allow(clippy::result_large_err)]
    let read_path = |request: &Request, response: Response| {
        path = request.uri().path().to_owned();
        Ok(response)
    };
    let mut ws =
        tokio_tungstenite::accept_hdr_async_with_config(stream, read_path, Some(config)).await?;
    let room = {
        let mut rooms = rooms.lock().unwrap_or_else(|e| e.into_inner());
        rooms
            .entry(path)
            .or_insert_with(|| broadcast::channel(BACKLOG).0)
            .clone()
    };
    let mut updates = room.subscribe();
    ws.send(Message::text(WELCOME)).await?;
    loop {
        tokio::select! {
            incoming = ws.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    let _ = room.send(text);
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return Ok(()),
                Some(Ok(_)) => {}
            },
            update = updates.recv() => match update {
                Ok(text) => ws.send(Message::Text(text)).await?,
                // A slow member misses frames; the benchmark counts them as lost.
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return Ok(()),
            },
        }
    }
}
