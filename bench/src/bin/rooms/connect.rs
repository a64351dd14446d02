//! Opening every member's websocket, a bounded number at a time and with retries, and the
//! task that then runs each one: it hands received text frames to the [`Hub`] and writes
//! the frames the schedule gives it. Closing the schedule's channel closes the socket.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt as _, StreamExt as _};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

use crate::frames::{classify, Incoming};
use crate::histogram::{Histogram, Percentiles};
use crate::hub::Hub;
use crate::roster::Roster;
use crate::Error;

type Socket = WebSocketStream<TcpStream>;

/// Kindred's session cookie on a loopback or https address.
const COOKIE: &str = "__Host-kindred_session";
/// Longest wait for one attempt: connect, upgrade and the `welcome` frame.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);

/// A server under test.
#[derive(Debug, Clone)]
pub struct Target {
    pub name: &'static str,
    pub addr: SocketAddr,
    pub pid: u32,
}

impl Target {
    /// Kindred checks `Origin` against its public URL: `http://<addr>` by default.
    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// A frame for a member's socket to send: message `k` of phase `phase`.
pub struct Outgoing {
    pub phase: usize,
    pub k: usize,
    pub text: String,
}

/// The open sockets: member `i`'s sender, `None` if it never connected.
pub struct Connected {
    pub links: Vec<Option<mpsc::UnboundedSender<Outgoing>>>,
    tasks: JoinSet<()>,
    pub figures: ConnectFigures,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ConnectFigures {
    pub connected: usize,
    pub failed: usize,
    pub retries: u64,
    pub seconds: f64,
    /// Per member, from the first attempt to its `welcome` (retries included).
    pub time_ms: Percentiles,
    pub first_error: Option<String>,
}

pub async fn open_all(
    target: &Target,
    roster: &Roster,
    hub: &Arc<Hub>,
    concurrency: usize,
    attempts: u32,
) -> Connected {
    let started = Instant::now();
    let times = Histogram::default();
    let mut links: Vec<Option<mpsc::UnboundedSender<Outgoing>>> =
        (0..roster.members()).map(|_| None).collect();
    let mut tasks = JoinSet::new();
    let mut opening = JoinSet::new();
    let (mut next, mut connected, mut failed, mut retries) = (0, 0, 0, 0u64);
    let mut first_error = None;
    while next < roster.members() || !opening.is_empty() {
        while next < roster.members() && opening.len() < concurrency.max(1) {
            let (target, member) = (target.clone(), next);
            let session = roster.sessions.get(member / roster.size).cloned();
            let cookie = roster.cookies.get(member).cloned();
            opening.spawn(async move {
                let (session, cookie) = (session.unwrap_or_default(), cookie.unwrap_or_default());
                (member, open(&target, &session, &cookie, attempts).await)
            });
            next += 1;
        }
        let Some(Ok((member, result))) = opening.join_next().await else {
            continue;
        };
        match result {
            Ok((socket, took, tries)) => {
                times.record(u64::try_from(took.as_nanos()).unwrap_or(u64::MAX));
                retries += u64::from(tries - 1);
                let (tx, rx) = mpsc::unbounded_channel();
                if let Some(slot) = links.get_mut(member) {
                    *slot = Some(tx);
                }
                tasks.spawn(drive(socket, member, Arc::clone(hub), rx));
                connected += 1;
            }
            Err(e) => {
                failed += 1;
                retries += u64::from(attempts.saturating_sub(1));
                first_error.get_or_insert_with(|| e.to_string());
            }
        }
        let done = connected + failed;
        if done % 2_000 == 0 {
            eprintln!(
                "   {}: {done} of {} connections tried",
                target.name,
                roster.members()
            );
        }
    }
    let figures = ConnectFigures {
        connected,
        failed,
        retries,
        seconds: started.elapsed().as_secs_f64(),
        time_ms: times.percentiles(),
        first_error,
    };
    Connected {
        links,
        tasks,
        figures,
    }
}

impl Connected {
    /// Closes every socket (the tasks send a close frame) and waits for the tasks to end.
    pub async fn close(mut self) {
        self.links.clear();
        let all_done = async { while self.tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(Duration::from_secs(20), all_done)
            .await
            .is_err()
        {
            self.tasks.abort_all();
        }
    }
}

/// One member's socket, up to `attempts` tries: the socket, the time from the first try,
/// and the tries it took.
async fn open(
    target: &Target,
    session: &str,
    cookie: &str,
    attempts: u32,
) -> Result<(Socket, Duration, u32), Error> {
    let started = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let attempt = tokio::time::timeout(ATTEMPT_TIMEOUT, attempt(target, session, cookie)).await;
        let error = match attempt {
            Ok(Ok(socket)) => return Ok((socket, started.elapsed(), tries)),
            Ok(Err(e)) => e,
            Err(_) => "no welcome within 30 s".into(),
        };
        if tries >= attempts {
            return Err(error);
        }
        tokio::time::sleep(Duration::from_millis(200 * u64::from(tries))).await;
    }
}

async fn attempt(target: &Target, session: &str, cookie: &str) -> Result<Socket, Error> {
    let url = format!(
        "ws://{}/api/v1/sessions/{session}/room/socket?after=0",
        target.addr
    );
    let mut request = url.into_client_request()?;
    let headers = request.headers_mut();
    headers.insert("origin", HeaderValue::from_str(&target.origin())?);
    headers.insert(
        "cookie",
        HeaderValue::from_str(&format!("{COOKIE}={cookie}"))?,
    );
    let stream = TcpStream::connect(target.addr).await?;
    stream.set_nodelay(true)?;
    // Small buffers: 10,000 sockets in one process, and chat frames are small.
    let config = WebSocketConfig::default()
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0);
    let (mut socket, _) =
        tokio_tungstenite::client_async_with_config(request, stream, Some(config)).await?;
    loop {
        match socket.next().await {
            Some(Ok(Message::Text(text))) if classify(text.as_str()) == Incoming::Welcome => {
                return Ok(socket)
            }
            Some(Ok(Message::Text(text))) => {
                return Err(format!("a frame before the welcome: {}", text.as_str()).into())
            }
            Some(Ok(Message::Close(frame))) => {
                return Err(format!("closed before the welcome: {frame:?}").into())
            }
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(e.into()),
            None => return Err("closed before the welcome".into()),
        }
    }
}

/// Runs one member's socket until the schedule's channel closes or the server closes it.
async fn drive(
    mut socket: Socket,
    member: usize,
    hub: Arc<Hub>,
    mut outgoing: mpsc::UnboundedReceiver<Outgoing>,
) {
    loop {
        tokio::select! {
            frame = socket.next() => match frame {
                Some(Ok(Message::Text(text))) => hub.on_text(member, text.as_str()),
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => {
                    hub.dropped.fetch_add(1, Ordering::Relaxed);
                    return;
                }
                Some(Ok(_)) => {}
            },
            out = outgoing.recv() => match out {
                Some(out) => {
                    let tally = hub.phases.get(out.phase);
                    let sent = socket.send(Message::text(out.text)).await;
                    if let Some(tally) = tally {
                        match sent {
                            Ok(()) => tally.sent(out.k),
                            Err(_) => tally.send_failed(),
                        }
                    }
                    if sent.is_err() {
                        hub.dropped.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                }
                None => {
                    let _ = socket.close(None).await;
                    return;
                }
            },
        }
    }
}
