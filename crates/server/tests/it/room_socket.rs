//! The live room over its websocket, on every backend, against a real server on a port:
//! messages stored and delivered once in order; a reconnect after a server restart gets
//! exactly the missed messages; retries store nothing twice; bad frames, big frames, a
//! foreign origin and a fast sender are refused; a facilitator hides, removes and starts a
//! guided exercise; a member taken off the roster is disconnected; crisis language brings
//! the author help.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use futures_util::{SinkExt as _, StreamExt as _};
use kindred_server::app::ManualClock;
use kindred_server::cli::{ServeArgs, Server};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest as _;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::support::{each_backend, Fixture, TestApp, SESSION_COOKIE};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A `kindred serve` on a free port over the test's store and clock.
struct Live {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    serving: tokio::task::JoinHandle<()>,
}

impl Live {
    async fn start(app: &TestApp) -> Live {
        let args = ServeArgs {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: "sqlite://unused-by-bind.db".to_owned(),
            public_url: None,
            data_key_file: None,
        };
        let clock: Arc<ManualClock> = app.clock.clone();
        let server = Server::bind_with_clock(&args, app.state.store.clone(), clock)
            .await
            .unwrap();
        let addr = server.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = tokio::spawn(server.run(async {
            let _ = stopped.await;
        }));
        Live {
            addr,
            stop: Some(stop),
            serving,
        }
    }

    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.serving).await.unwrap();
    }

    /// Opens the room's socket as the holder of `cookie`, from `origin`.
    async fn connect_from(
        &self,
        origin: &str,
        cookie: &str,
        session: impl std::fmt::Display,
        after: i64,
    ) -> Result<Socket, StatusCode> {
        let url = format!(
            "ws://{}/api/v1/sessions/{session}/room/socket?after={after}",
            self.addr
        );
        let mut request = url.into_client_request().unwrap();
        let headers = request.headers_mut();
        headers.insert("origin", origin.parse().unwrap());
        headers.insert(
            "cookie",
            format!("{SESSION_COOKIE}={cookie}").parse().unwrap(),
        );
        match tokio_tungstenite::connect_async(request).await {
            Ok((socket, _)) => Ok(socket),
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                Err(StatusCode::from_u16(response.status().as_u16()).unwrap())
            }
            Err(e) => panic!("websocket connect failed: {e}"),
        }
    }

    /// Opens the room's socket from the start and waits for its welcome.
    async fn enter(&self, cookie: &str, session: impl std::fmt::Display) -> Socket {
        let mut socket = self.connect(cookie, session, 0).await;
        until(&mut socket, of_type("welcome")).await;
        socket
    }

    async fn connect(&self, cookie: &str, session: impl std::fmt::Display, after: i64) -> Socket {
        self.connect_from(&self.origin(), cookie, session, after)
            .await
            .unwrap()
    }
}

/// The next text frame as JSON (pings and pongs skipped); `None` once the socket closed.
async fn next(socket: &mut Socket) -> Option<Value> {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("a frame within 10 s");
        match frame {
            Some(Ok(Message::Text(text))) => return Some(serde_json::from_str(&text).unwrap()),
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
            Some(Ok(_)) => continue,
        }
    }
}

/// Reads frames until one matches; panics if the socket closes first.
async fn until(socket: &mut Socket, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        match next(socket).await {
            Some(frame) if wanted(&frame) => return frame,
            Some(_) => continue,
            None => panic!("the socket closed before the frame came"),
        }
    }
}

fn of_type(kind: &'static str) -> impl Fn(&Value) -> bool {
    move |frame| frame["type"] == kind
}

fn event(kind: &'static str) -> impl Fn(&Value) -> bool {
    move |frame| frame["type"] == "event" && frame["event"]["type"] == kind
}

/// The chat messages (their seq) a socket gets until it is quiet for a moment.
async fn messages_until_quiet(socket: &mut Socket) -> Vec<i64> {
    let mut seqs = Vec::new();
    while let Ok(frame) = tokio::time::timeout(Duration::from_millis(400), socket.next()).await {
        match frame {
            Some(Ok(Message::Text(text))) => {
                let frame: Value = serde_json::from_str(&text).unwrap();
                if frame["type"] == "message" {
                    seqs.push(frame["message"]["seq"].as_i64().unwrap());
                }
            }
            Some(Ok(_)) => continue,
            _ => break,
        }
    }
    seqs
}

async fn say(socket: &mut Socket, client_id: &str, body: &str) {
    let frame = json!({"type": "say", "client_id": client_id, "body": body});
    socket
        .send(Message::Text(frame.to_string().into()))
        .await
        .unwrap();
}

async fn send(socket: &mut Socket, frame: Value) {
    socket
        .send(Message::Text(frame.to_string().into()))
        .await
        .unwrap();
}

/// The member signs the agreement, the clock goes to ten minutes before the session, and
/// both the member and the group's clinician hold session cookies.
async fn ready(app: &TestApp, fx: &Fixture) -> (String, String) {
    let member = app.client_for(&fx.member).await;
    member
        .post_json(
            &format!("/api/v1/orgs/{}/agreement/signatures", fx.org),
            &json!({"version": 1, "typed_name": "Robin", "confirm": true}),
        )
        .await
        .expect(StatusCode::CREATED);
    let session = app.store().session(fx.session).await.unwrap().unwrap();
    app.advance(session.starts_at - app.state.now() - chrono::Duration::minutes(10));
    // Sessions opened now, so a day on the clock has not timed them out.
    let member = app.client_for(&fx.member).await;
    let lead = app.client_for(&fx.clinician).await;
    (member.cookie().unwrap(), lead.cookie().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_arrive_once_in_order_across_a_server_restart() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, lead_cookie) = ready(&app, &fx).await;
        let live = Live::start(&app).await;

        // Another site cannot open the room with the member's cookie.
        let foreign = live
            .connect_from("http://evil.example", &member_cookie, fx.session, 0)
            .await;
        assert_eq!(foreign.err(), Some(StatusCode::FORBIDDEN));

        let mut lead = live.connect(&lead_cookie, fx.session, 0).await;
        let welcome = until(&mut lead, of_type("welcome")).await;
        assert_eq!(welcome["you"]["seat"], "facilitator");
        let mut member = live.connect(&member_cookie, fx.session, 0).await;
        let welcome = until(&mut member, of_type("welcome")).await;
        assert_eq!(welcome["you"]["name"], fx.member.name.as_str());
        let member_name = fx.member.name.clone();
        until(&mut lead, move |f| {
            f["type"] == "event"
                && f["event"]["type"] == "joined"
                && f["event"]["person"]["name"] == member_name.as_str()
        })
        .await;

        // Stored, then sent to both, with the first number.
        say(&mut member, "m-1", "Hello, everyone.").await;
        for socket in [&mut member, &mut lead] {
            let got = until(socket, of_type("message")).await;
            assert_eq!(got["message"]["seq"], 1);
            assert_eq!(got["message"]["body"], "Hello, everyone.");
            assert_eq!(got["message"]["author_name"], fx.member.name.as_str());
        }
        // A retry of the same message stores nothing and delivers nothing new.
        say(&mut member, "m-1", "Hello, everyone.").await;
        say(&mut member, "m-2", "Second.").await;
        assert_eq!(messages_until_quiet(&mut lead).await, vec![2]);
        assert_eq!(messages_until_quiet(&mut member).await, vec![2]);

        // The server restarts: both are told to reconnect.
        let stopping = tokio::spawn(live.stop());
        let closing = until(&mut member, of_type("closing")).await;
        assert_eq!(closing["reconnect"], true);
        stopping.await.unwrap();
        drop(lead);

        // While the member is away, two messages are posted over the API.
        let lead_api = app.client_for(&fx.clinician).await;
        for (id, body) in [("l-1", "Welcome back."), ("l-2", "We start at the hour.")] {
            let posted = lead_api
                .post_json(
                    &format!("/api/v1/sessions/{}/room/messages", fx.session),
                    &json!({"client_id": id, "body": body}),
                )
                .await;
            posted.expect(StatusCode::CREATED);
        }

        // Back on the new server from message 2: exactly 3 and 4, then live 5.
        let live = Live::start(&app).await;
        let mut member = live.connect(&member_cookie, fx.session, 2).await;
        until(&mut member, of_type("welcome")).await;
        assert_eq!(messages_until_quiet(&mut member).await, vec![3, 4]);
        say(&mut member, "m-3", "Thanks, I'm back.").await;
        assert_eq!(messages_until_quiet(&mut member).await, vec![5]);

        // Everything is stored once, in order, with no gap.
        let all = lead_api
            .get(&format!(
                "/api/v1/sessions/{}/room/messages?after=0",
                fx.session
            ))
            .await;
        let seqs: Vec<i64> = all
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["seq"].as_i64().unwrap())
            .collect();
        assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
        live.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_frames_big_frames_and_fast_senders_are_refused() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, _) = ready(&app, &fx).await;
        let live = Live::start(&app).await;
        let mut member = live.enter(&member_cookie, fx.session).await;

        // Unreadable frames get an error frame; the connection stays.
        member.send(Message::Text("not json".into())).await.unwrap();
        let error = until(&mut member, of_type("error")).await;
        assert_eq!(error["code"], "bad_frame");
        send(&mut member, json!({"type": "dance"})).await;
        let error = until(&mut member, of_type("error")).await;
        assert_eq!(error["message"], "There is no \"dance\" frame.");
        say(&mut member, "m-1", "   ").await;
        let error = until(&mut member, of_type("error")).await;
        assert_eq!(
            (error["code"].as_str(), error["field"].as_str()),
            (Some("invalid"), Some("body"))
        );
        // A member cannot use a facilitator's controls.
        send(&mut member, json!({"type": "end"})).await;
        let error = until(&mut member, of_type("error")).await;
        assert_eq!(error["message"], "Only a facilitator can do that.");

        // Ten at once, then the limit: the eleventh is refused with a notice.
        for i in 0..11 {
            say(&mut member, &format!("burst-{i}"), "ok").await;
        }
        let limited = until(&mut member, of_type("rate_limited")).await;
        assert!(limited["retry_after_ms"].as_i64().unwrap() > 0);
        assert!(limited["message"]
            .as_str()
            .unwrap()
            .contains("very quickly"));
        let stored = app
            .store()
            .messages_after(fx.session, 0, 100)
            .await
            .unwrap();
        assert_eq!(stored.len(), 10);

        // A frame over 16 KiB is refused: the server says why and closes with "too big".
        let big = "x".repeat(17 * 1024);
        let _ = member.send(Message::Text(big.into())).await;
        let closing = until(&mut member, of_type("closing")).await;
        assert_eq!(closing["reason"], "Frames over 16 KiB are refused.");
        let mut closed_with = None;
        while let Ok(Some(Ok(frame))) =
            tokio::time::timeout(Duration::from_secs(5), member.next()).await
        {
            if let Message::Close(Some(close)) = frame {
                closed_with = Some(u16::from(close.code));
            }
        }
        assert_eq!(closed_with, Some(1009));
        // Nothing of it was stored.
        assert_eq!(
            app.store()
                .messages_after(fx.session, 0, 100)
                .await
                .unwrap()
                .len(),
            10
        );
        live.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facilitators_hide_remove_and_guide_and_the_roster_is_kept() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, lead_cookie) = ready(&app, &fx).await;
        // A guided visualization in the session plan.
        let lead_api = app.client_for(&fx.clinician).await;
        let techniques = lead_api
            .get(&format!("/api/v1/orgs/{}/techniques", fx.org))
            .await
            .json();
        let guided = techniques
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"] == "guided_visualization")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let attached = lead_api
            .post_json(
                &format!("/api/v1/orgs/{}/sessions/{}/plan", fx.org, fx.session),
                &json!({"technique_id": guided}),
            )
            .await;
        attached.expect(StatusCode::CREATED);
        let item = attached.json()["id"].clone();

        // The program's on-call clinician: the administrator, who does not run the group.
        app.client_for(&fx.admin)
            .await
            .put_json(
                &format!("/api/v1/orgs/{}/programs/{}", fx.org, fx.program),
                &json!({"name": "Intensive Outpatient", "level_of_care": "intensive_outpatient",
                    "part2": true, "description": "", "on_call_id": fx.admin.id.to_string()}),
            )
            .await
            .expect(StatusCode::OK);

        let live = Live::start(&app).await;
        let mut lead = live.enter(&lead_cookie, fx.session).await;
        let mut member = live.enter(&member_cookie, fx.session).await;

        // The exercise starts for both from the same moment.
        send(
            &mut lead,
            json!({"type": "start_exercise", "item_id": item}),
        )
        .await;
        let started = until(&mut member, event("exercise_started")).await;
        assert!(!started["event"]["exercise"]["steps"]
            .as_array()
            .unwrap()
            .is_empty());
        let seen_by_lead = until(&mut lead, event("exercise_started")).await;
        assert_eq!(
            seen_by_lead["event"]["exercise"]["started_at"],
            started["event"]["exercise"]["started_at"]
        );

        // A raised hand reaches the facilitator; a private signal reaches only them.
        send(&mut member, json!({"type": "raise_hand"})).await;
        let hands = until(&mut lead, event("hands")).await;
        assert_eq!(hands["event"]["queue"][0], fx.member.id.to_string());
        send(&mut member, json!({"type": "need_a_moment"})).await;
        until(&mut lead, event("needs_a_moment")).await;

        // Crisis language: the author gets help at once, the facilitator an alert.
        say(&mut member, "m-1", "I want to kill myself tonight").await;
        let help = until(&mut member, of_type("crisis_resources")).await;
        assert!(help["resources"][0]["href"]
            .as_str()
            .unwrap()
            .starts_with("tel:"));
        let raised = until(&mut lead, of_type("alert")).await;
        assert_eq!(raised["alert"]["member_name"], fx.member.name.as_str());
        assert_eq!(raised["alert"]["message_seq"], 1);
        assert!(raised["alert"]["acknowledged"].is_null());
        let alert_id = raised["alert"]["id"].as_str().unwrap().to_owned();
        alerts_are_kept_until_acknowledged(&app, &fx, &alert_id, &mut lead).await;

        // Hidden: both see the reason, nobody the text.
        send(
            &mut lead,
            json!({"type": "hide", "seq": 1, "reason": "Moved to a private call"}),
        )
        .await;
        for socket in [&mut member, &mut lead] {
            let changed = until(socket, |f| {
                f["type"] == "message" && !f["message"]["hidden"].is_null()
            })
            .await;
            assert_eq!(changed["message"]["body"], "");
            assert_eq!(
                changed["message"]["hidden"]["reason"],
                "Moved to a private call"
            );
        }

        // Removed from the room: the connection closes, and re-entry is refused.
        send(&mut lead, json!({"type": "remove", "member": fx.member.id})).await;
        let closing = until(&mut member, of_type("closing")).await;
        assert_eq!(closing["reconnect"], false);
        assert!(next(&mut member).await.is_none());
        let again = live
            .connect_from(&live.origin(), &member_cookie, fx.session, 0)
            .await;
        assert_eq!(again.err(), Some(StatusCode::CONFLICT));
        // Also after a restart: the removal is kept.
        live.stop().await;
        let live = Live::start(&app).await;
        let again = live
            .connect_from(&live.origin(), &member_cookie, fx.session, 0)
            .await;
        assert_eq!(again.err(), Some(StatusCode::CONFLICT));
        live.stop().await;
    })
    .await;
}

/// The alert is listed for those who act on it and no one else, is told to the clinician,
/// and is acknowledged once.
async fn alerts_are_kept_until_acknowledged(
    app: &TestApp,
    fx: &Fixture,
    alert_id: &str,
    lead: &mut Socket,
) {
    let alerts = format!("/api/v1/orgs/{}/alerts", fx.org);
    let lead_api = app.client_for(&fx.clinician).await;
    let listed = lead_api.get(&alerts).await.json();
    assert_eq!(listed[0]["id"], alert_id);
    let told = lead_api.get("/api/v1/me/notifications").await.text();
    assert!(
        told.contains("Safety alert in Evening Process Group"),
        "{told}"
    );
    assert!(
        !told.contains("kill"),
        "the notification carries no words of the message"
    );
    // The on-call clinician is told too; staff who do not run the group are not.
    let admin_api = app.client_for(&fx.admin).await;
    let told = admin_api.get("/api/v1/me/notifications").await.text();
    assert!(
        told.contains("Safety alert in Evening Process Group"),
        "{told}"
    );
    let peer_api = app.client_for(&fx.peer).await;
    let told = peer_api.get("/api/v1/me/notifications").await.text();
    assert!(!told.contains("Safety alert"), "{told}");
    // Not for a member, nor for staff who do not run the group or read its notes.
    let member_api = app.client_for(&fx.member).await;
    member_api.get(&alerts).await.expect(StatusCode::NOT_FOUND);
    assert_eq!(peer_api.get(&alerts).await.json(), json!([]));
    let acknowledge = format!("{alerts}/{alert_id}/acknowledge");
    peer_api
        .post_json(&acknowledge, &json!({"note": "seen"}))
        .await
        .expect(StatusCode::NOT_FOUND);
    // A note too long is refused and the alert stays open.
    let refused = lead_api
        .post_json(&acknowledge, &json!({"note": "x".repeat(1001)}))
        .await;
    refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.json()["errors"]["note"].is_string(),
        "{}",
        refused.text()
    );
    assert!(lead_api.get(&alerts).await.json()[0]["acknowledged"].is_null());
    // The facilitator acknowledges from the room; the administrator, a moment later, is
    // told it is done already, and the note stays the facilitator's.
    send(
        lead,
        json!({"type": "acknowledge_alert", "alert_id": alert_id, "note": "Called Robin; safe at home."}),
    )
    .await;
    let done = until(lead, |f| {
        f["type"] == "alert" && !f["alert"]["acknowledged"].is_null()
    })
    .await;
    assert_eq!(
        done["alert"]["acknowledged"]["by_name"],
        fx.clinician.name.as_str()
    );
    let late = admin_api
        .post_json(&acknowledge, &json!({"note": "me too"}))
        .await;
    late.expect(StatusCode::CONFLICT);
    assert!(late.text().contains("acknowledged this alert already"));
    let listed = admin_api.get(&alerts).await.json();
    assert_eq!(
        listed[0]["acknowledged"]["note"],
        "Called Robin; safe at home."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_taken_off_the_roster_is_disconnected_within_five_seconds() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, _) = ready(&app, &fx).await;
        let live = Live::start(&app).await;
        let mut member = live.enter(&member_cookie, fx.session).await;

        let lead_api = app.client_for(&fx.clinician).await;
        lead_api
            .post_json(
                &format!(
                    "/api/v1/orgs/{}/groups/{}/roster/changes",
                    fx.org, fx.therapy_group
                ),
                &json!({"enrollment_id": fx.member_enrollment.to_string(), "action": "remove",
                    "reason": "Moved to another program"}),
            )
            .await
            .expect(StatusCode::NO_CONTENT);
        let removed_at = std::time::Instant::now();
        let closing = until(&mut member, of_type("closing")).await;
        assert!(
            removed_at.elapsed() < Duration::from_secs(5),
            "{:?}",
            removed_at.elapsed()
        );
        assert_eq!(closing["reconnect"], false);
        live.stop().await;
    })
    .await;
}

/// The member's mark on the session's sheet, once it has online minutes (the stay is
/// recorded as the connection closes).
async fn online_mark(app: &TestApp, fx: &Fixture, at_least: i64) -> Value {
    let lead_api = app.client_for(&fx.clinician).await;
    let sheet = format!("/api/v1/orgs/{}/sessions/{}/attendance", fx.org, fx.session);
    for _ in 0..100 {
        let view = lead_api.get(&sheet).await.json();
        let mark = view["roster"]
            .as_array()
            .unwrap()
            .iter()
            .find(|line| line["account_id"] == fx.member.id.to_string())
            .map(|line| line["mark"].clone())
            .unwrap_or(Value::Null);
        if mark["online_minutes"].as_i64().unwrap_or(0) >= at_least {
            return mark;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no mark with {at_least} online minutes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_in_the_room_becomes_minutes_attended_online() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, _) = ready(&app, &fx).await;
        let live = Live::start(&app).await;

        // In from ten minutes before the start until half an hour in: 30 minutes count.
        let mut member = live.enter(&member_cookie, fx.session).await;
        app.advance(chrono::Duration::minutes(40));
        member.close(None).await.unwrap();
        let mark = online_mark(&app, &fx, 30).await;
        assert_eq!(
            (
                mark["status"].as_str(),
                mark["minutes"].as_i64(),
                mark["source"].as_str()
            ),
            (Some("left_early"), Some(30), Some("room"))
        );

        // Back twenty minutes later for twenty more: one record of 50 minutes online.
        app.advance(chrono::Duration::minutes(20));
        // An hour on the clock: the member signs in again.
        let member_cookie = app.client_for(&fx.member).await.cookie().unwrap();
        let mut member = live.enter(&member_cookie, fx.session).await;
        app.advance(chrono::Duration::minutes(20));
        member.close(None).await.unwrap();
        let mark = online_mark(&app, &fx, 50).await;
        assert_eq!(mark["minutes"], 50);
        live.stop().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mute_holds_across_a_restart_until_its_time_is_up() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let (member_cookie, lead_cookie) = ready(&app, &fx).await;
        let live = Live::start(&app).await;
        let mut lead = live.enter(&lead_cookie, fx.session).await;
        let mut member = live.enter(&member_cookie, fx.session).await;
        send(
            &mut lead,
            json!({"type": "mute", "member": fx.member.id, "minutes": 10}),
        )
        .await;
        until(&mut member, event("muted")).await;

        // The server restarts; the mute is still there, in the welcome and when posting.
        let stopping = tokio::spawn(live.stop());
        until(&mut member, of_type("closing")).await;
        stopping.await.unwrap();
        let live = Live::start(&app).await;
        let mut member = live.connect(&member_cookie, fx.session, 0).await;
        let welcome = until(&mut member, of_type("welcome")).await;
        assert!(welcome["room"]["muted_until"].is_string(), "{welcome}");
        say(&mut member, "m-1", "Can I talk now?").await;
        let refused = until(&mut member, of_type("error")).await;
        assert!(
            refused["message"]
                .as_str()
                .unwrap()
                .starts_with("You are muted until"),
            "{refused}"
        );

        // Ten minutes on, the member posts again.
        app.advance(chrono::Duration::minutes(11));
        say(&mut member, "m-2", "Thank you for waiting.").await;
        let posted = until(&mut member, of_type("message")).await;
        assert_eq!(posted["message"]["client_id"], "m-2");
        live.stop().await;
    })
    .await;
}
