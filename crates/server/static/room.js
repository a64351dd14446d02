// The live part of a session's online room. One websocket to the server; every message
// the server stored comes back here with its sequence number. On reconnecting (a dropped
// network, a server restart) the page asks for the messages after the last one it has, so
// nothing is missed and nothing shows twice. Messages typed while disconnected wait in an
// outbox with their own id and go when the connection is back; the server stores each once.
// Text from people is only ever set as textContent.

const root = document.getElementById("room");
const session = root.dataset.session;
const facilitator = root.dataset.seat === "facilitator";
const $ = (id) => document.getElementById(id);

let socket = null;
let lastSeq = 0;
let me = null;
let attempts = 0;
let reconnect = true;
let clockOffset = 0; // server time minus this device's time, in ms
let exercise = null;
let room = { present: [], hands: [], speaking: null, talking_piece: false, piece_holder: null };
const outbox = new Map(); // client_id -> frame

// A message's own id; randomUUID needs a secure context, random bytes do not.
function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function status(text) {
  $("connection").textContent = text;
}

function notice(text) {
  const el = $("room-notice");
  el.textContent = text;
  el.hidden = !text;
}

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(frame));
    return true;
  }
  return false;
}

function nameOf(id) {
  const person = room.present.find((p) => p.account_id === id);
  return person ? person.name : "Someone who left";
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/sessions/${session}/room/socket?after=${lastSeq}`);
  status(attempts ? "Reconnecting…" : "Connecting…");
  socket.addEventListener("open", () => {
    attempts = 0;
    status("Connected.");
    for (const frame of outbox.values()) socket.send(JSON.stringify(frame));
  });
  socket.addEventListener("message", (e) => {
    let frame;
    try {
      frame = JSON.parse(e.data);
    } catch {
      return;
    }
    receive(frame);
  });
  socket.addEventListener("close", () => {
    socket = null;
    if (!reconnect) return;
    // Exponential backoff with jitter, so a restarted server is not met by everyone at once.
    const ceiling = Math.min(30000, 500 * 2 ** attempts);
    const wait = ceiling / 2 + Math.random() * (ceiling / 2);
    attempts += 1;
    status(`Connection lost. Trying again in ${Math.ceil(wait / 1000)} s…`);
    setTimeout(connect, wait);
  });
}

function receive(frame) {
  switch (frame.type) {
    case "welcome":
      me = frame.you;
      clockOffset = Date.parse(frame.server_time) - Date.now();
      room = frame.room;
      renderPresent();
      renderHands();
      renderPiece();
      renderCheckIn(frame.room.check_in);
      exercise = frame.room.exercise;
      renderExercise();
      if (frame.room.muted_until) notice(`You are muted until ${localTime(frame.room.muted_until)}.`);
      break;
    case "message":
      showMessage(frame.message);
      break;
    case "event":
      applyEvent(frame.event);
      break;
    case "error":
      notice(frame.message);
      break;
    case "rate_limited":
      notice(frame.message);
      break;
    case "crisis_resources":
      showCrisis(frame);
      break;
    case "alert":
      showAlert(frame.alert);
      break;
    case "closing":
      reconnect = frame.reconnect;
      status(frame.reason);
      if (!frame.reconnect) disableRoom();
      break;
  }
}

function localTime(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
}

function showMessage(m) {
  outbox.delete(m.client_id);
  lastSeq = Math.max(lastSeq, m.seq);
  let li = document.querySelector(`#messages li[data-seq="${m.seq}"]`);
  const fresh = !li;
  if (fresh) {
    li = document.createElement("li");
    li.dataset.seq = String(m.seq);
  }
  li.replaceChildren();
  const who = document.createElement("span");
  who.className = "author";
  who.textContent = m.author_name;
  const at = document.createElement("time");
  at.dateTime = m.sent_at;
  at.textContent = localTime(m.sent_at);
  const body = document.createElement("p");
  if (m.hidden) {
    li.classList.add("hidden-message");
    body.textContent = `Hidden by a facilitator: ${m.hidden.reason}`;
  } else {
    body.textContent = m.body;
  }
  li.append(who, " ", at, body);
  if (facilitator && !m.hidden) li.append(hideForm(m.seq));
  if (fresh) {
    // Messages arrive in order; one replayed after a reconnect goes in its place.
    const later = [...$("messages").children].find((el) => Number(el.dataset.seq) > m.seq);
    $("messages").insertBefore(li, later || null);
    li.scrollIntoView({ block: "nearest" });
  }
}

function hideForm(seq) {
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "Hide";
  const form = document.createElement("form");
  const label = document.createElement("label");
  label.textContent = "Reason the room will see";
  const input = document.createElement("input");
  input.required = true;
  input.maxLength = 300;
  input.name = "reason";
  label.append(" ", input);
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Hide this message";
  form.append(label, button);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "hide", seq, reason: input.value });
  });
  details.append(summary, form);
  return details;
}

function applyEvent(ev) {
  switch (ev.type) {
    case "joined":
      room.present = room.present.filter((p) => p.account_id !== ev.person.account_id);
      room.present.push(ev.person);
      renderPresent();
      break;
    case "left":
      room.present = room.present.filter((p) => p.account_id !== ev.account_id);
      renderPresent();
      break;
    case "hands":
      room.hands = ev.queue;
      room.speaking = ev.speaking;
      renderHands();
      break;
    case "talking_piece":
      room.talking_piece = ev.on;
      room.piece_holder = ev.holder;
      renderPiece();
      break;
    case "check_in_opened":
      renderCheckIn([]);
      break;
    case "checked_in":
      addCheckIn(ev.entry);
      break;
    case "check_in_closed":
      renderCheckIn(null);
      break;
    case "exercise_started":
      exercise = ev.exercise;
      renderExercise();
      break;
    case "exercise_stopped":
      exercise = null;
      renderExercise();
      break;
    case "muted":
      notice(`A facilitator muted you until ${localTime(ev.until)}.`);
      break;
    case "unmuted":
      notice("You can post again.");
      break;
    case "removed":
      room.present = room.present.filter((p) => p.account_id !== ev.account_id);
      renderPresent();
      break;
    case "needs_a_moment":
      if (facilitator) {
        const li = document.createElement("li");
        li.textContent = `${ev.name} needs a moment.`;
        $("moments").append(li);
      }
      break;
    case "ended":
      status("The session has ended.");
      break;
  }
}

function renderPresent() {
  const list = $("present");
  list.replaceChildren();
  for (const p of room.present) {
    const li = document.createElement("li");
    li.dataset.account = p.account_id;
    li.textContent = p.name + (p.seat === "facilitator" ? " (facilitator)" : "");
    if (facilitator && me && p.account_id !== me.account_id && p.seat === "member") {
      li.append(" ", control("Give the floor", { type: "give_floor", to: p.account_id }));
      li.append(" ", control("Pass the piece", { type: "pass_piece", to: p.account_id }));
      li.append(" ", muteControl(p));
      const remove = control(`Remove ${p.name}`, { type: "remove", member: p.account_id });
      remove.dataset.remove = p.account_id;
      li.append(" ", remove);
    }
    list.append(li);
  }
  renderHands();
}

// Mute for a chosen number of minutes (the room allows 1 to 120).
function muteControl(person) {
  const wrap = document.createElement("span");
  const select = document.createElement("select");
  select.setAttribute("aria-label", `Minutes to mute ${person.name}`);
  for (const minutes of [5, 10, 15, 30, 60, 120]) {
    const option = document.createElement("option");
    option.value = String(minutes);
    option.textContent = `${minutes} min`;
    select.append(option);
  }
  const b = document.createElement("button");
  b.type = "button";
  b.className = "small";
  b.textContent = `Mute ${person.name}`;
  b.addEventListener("click", () =>
    send({ type: "mute", member: person.account_id, minutes: Number(select.value) }),
  );
  wrap.append(select, " ", b);
  return wrap;
}

function control(label, frame) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "small";
  b.textContent = label;
  b.addEventListener("click", () => send(frame));
  return b;
}

function renderHands() {
  const list = $("hands");
  list.replaceChildren();
  for (const id of room.hands) {
    const li = document.createElement("li");
    li.textContent = `${nameOf(id)} raised a hand`;
    list.append(li);
  }
  $("speaking").textContent = room.speaking ? `${nameOf(room.speaking)} has the floor.` : "Nobody has the floor.";
  const mine = me && room.hands.includes(me.account_id);
  $("raise-hand").hidden = mine;
  $("lower-hand").hidden = !mine;
  $("end-turn").hidden = !(me && room.speaking === me.account_id);
}

function renderPiece() {
  const p = $("piece");
  p.hidden = !room.talking_piece;
  p.textContent = room.piece_holder
    ? `Talking piece: ${nameOf(room.piece_holder)} holds it; only they post now.`
    : "Talking piece is on: the facilitator passes it round.";
  if (facilitator) {
    $("piece-on").hidden = room.talking_piece;
    $("piece-off").hidden = !room.talking_piece;
  }
}

function renderCheckIn(entries) {
  $("check-in").hidden = entries === null || entries === undefined;
  $("check-ins").replaceChildren();
  for (const entry of entries || []) addCheckIn(entry);
}

function addCheckIn(entry) {
  $("check-in").hidden = false;
  const list = $("check-ins");
  const existing = list.querySelector(`li[data-account="${entry.account_id}"]`);
  const li = existing || document.createElement("li");
  li.dataset.account = entry.account_id;
  li.textContent = `${entry.name}: ${entry.mood} of 5, “${entry.word}”`;
  if (!existing) list.append(li);
}

function renderExercise() {
  $("exercise").hidden = !exercise;
  if (exercise) $("exercise-title").textContent = exercise.title;
  tick();
}

// One countdown for everyone: each client counts from the start the server gave, on the
// server's clock.
function tick() {
  if (!exercise) return;
  let elapsed = Math.max(0, Math.floor((Date.now() + clockOffset - Date.parse(exercise.started_at)) / 1000));
  for (const [i, step] of exercise.steps.entries()) {
    if (elapsed < step.seconds) {
      const left = step.seconds - elapsed;
      $("exercise-step").textContent = `Step ${i + 1} of ${exercise.steps.length}: ${step.text}`;
      $("exercise-countdown").textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      return;
    }
    elapsed -= step.seconds;
  }
  $("exercise-step").textContent = "The exercise is complete.";
  $("exercise-countdown").textContent = "0:00";
}
setInterval(tick, 250);

function showCrisis(frame) {
  $("crisis-words").textContent = frame.message;
  const list = $("crisis-resources");
  list.replaceChildren();
  for (const r of frame.resources) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = r.href;
    a.textContent = r.name;
    li.append(a, `: ${r.action}`);
    list.append(li);
  }
  $("crisis").hidden = false;
  $("crisis").focus?.();
}

// A safety alert, to facilitators: who and what kind, and a button to say it is handled.
function showAlert(alert) {
  if (!facilitator) return;
  $("alerts-box").hidden = false;
  let li = document.querySelector(`#alerts li[data-alert="${alert.id}"]`);
  if (!li) {
    li = document.createElement("li");
    li.dataset.alert = alert.id;
    $("alerts").prepend(li);
  }
  li.replaceChildren();
  const what = document.createElement("p");
  what.textContent = `${alert.category_label}: ${alert.member_name} (message ${alert.message_seq ?? ""})`;
  li.append(what);
  if (alert.acknowledged) {
    const done = document.createElement("p");
    done.textContent = `Acknowledged by ${alert.acknowledged.by_name}.`;
    li.append(done);
    return;
  }
  const form = document.createElement("form");
  const label = document.createElement("label");
  label.textContent = "What are you doing about it? (optional)";
  const note = document.createElement("input");
  note.name = "note";
  note.maxLength = 1000;
  label.append(" ", note);
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Acknowledge";
  form.append(label, button);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "acknowledge_alert", alert_id: alert.id, note: note.value });
  });
  li.append(form);
}

function disableRoom() {
  for (const el of root.querySelectorAll("button, textarea, input")) el.disabled = true;
}

$("crisis-close").addEventListener("click", () => {
  $("crisis").hidden = true;
});

$("say").addEventListener("submit", (e) => {
  e.preventDefault();
  const body = $("say-body").value.trim();
  if (!body) return;
  const frame = { type: "say", client_id: newId(), body };
  outbox.set(frame.client_id, frame);
  send(frame);
  notice("");
  $("say-body").value = "";
});

$("check-in-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  send({ type: "check_in", mood: Number(form.get("mood")), word: String(form.get("word") || "") });
});

for (const button of root.querySelectorAll("button[data-command]")) {
  button.addEventListener("click", () => {
    const frame = { type: button.dataset.command };
    if (button.dataset.on) frame.on = button.dataset.on === "true";
    send(frame);
  });
}

for (const button of root.querySelectorAll("button[data-exercise]")) {
  button.addEventListener("click", () => send({ type: "start_exercise", item_id: button.dataset.exercise }));
}

connect();
