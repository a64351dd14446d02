//! THE table: every route of the server, who may use it, and a body that succeeds for
//! someone who may. `policy.rs` walks it for every role; a route missing here fails there.

use serde_json::{json, Value};

use crate::support::{group_json, technique_json, Fixture, PASSWORD};

/// Who may use a route, after `kindred_domain::policy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    Public,
    OwnAccount,
    /// Staff of the organization in the path.
    ViewOrg,
    /// The organization's administrator.
    ManageOrg,
    /// The account that owns the object in the path (the member's token).
    Owner,
    /// The group's facilitators and the organization's administrator (the therapy group is
    /// led by the clinician).
    RunGroup,
    /// The organization's clinicians and administrator.
    ClinicalOrg,
    /// The person the object is about, and staff of its organization.
    OwnerOrStaff,
    /// Those in the session: the member on its roster and those who run the group.
    InSession,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Api,
    Page,
}

/// The ids a path or body refers to, for one call.
pub struct Ids {
    pub org: String,
    pub program: String,
    pub location: String,
    pub group: String,
    pub account: String,
    pub token: String,
    /// The member's enrollment in the therapy group.
    pub enrollment: String,
    /// A live calendar feed of the member, and its secret file name (`<token>.ics`).
    pub feed: String,
    /// The fixture member, enrolled in the therapy group.
    pub member: String,
    /// Tomorrow's session of the therapy group.
    pub session: String,
    /// The therapy group's weekly schedule.
    pub schedule: String,
    pub feed_file: String,
    pub setup: String,
    pub file: String,
    /// The member's request to join the peer group.
    pub request: String,
    /// A notification of the member, made anew for each call.
    pub notification: String,
    /// The organization's own plan in the technique library.
    pub technique: String,
    /// An item of the session's plan, attached anew for each call.
    pub plan_item: String,
    /// The member's signed note from a past session of the therapy group.
    pub member_note: String,
    /// An open safety alert about the member in the therapy group, raised anew for each
    /// call (acknowledging spends it).
    pub alert: String,
    /// Makes emails and names of this call unique.
    pub unique: String,
}

pub type BodyFn = fn(&Fixture, &Ids) -> Value;

pub struct Row {
    pub method: &'static str,
    pub path: &'static str,
    pub grant: Grant,
    pub body: Option<BodyFn>,
    /// The answer depends on state the walk does not set up (an offer to accept, a person
    /// on the waitlist): for those allowed, a refusal by the rules (409, 422) passed the
    /// policy and counts as success.
    pub state_dependent: bool,
}

impl Row {
    pub fn kind(&self) -> Kind {
        if self.path.starts_with("/api/") {
            Kind::Api
        } else {
            Kind::Page
        }
    }

    pub fn concrete(&self, ids: &Ids) -> String {
        self.path
            .replace("{org_id}", &ids.org)
            .replace("{program_id}", &ids.program)
            .replace("{location_id}", &ids.location)
            .replace("{group_id}", &ids.group)
            .replace("{account_id}", &ids.account)
            .replace("{token_id}", &ids.token)
            .replace("{enrollment_id}", &ids.enrollment)
            .replace("{feed_id}", &ids.feed)
            .replace("{member_id}", &ids.member)
            .replace("{session_id}", &ids.session)
            .replace("{seq}", "1")
            .replace("{schedule_id}", &ids.schedule)
            .replace("{feed_file}", &ids.feed_file)
            .replace("{token}", &ids.setup)
            .replace("{file}", &ids.file)
            .replace("{request_id}", &ids.request)
            .replace("{notification_id}", &ids.notification)
            .replace("{technique_id}", &ids.technique)
            .replace("{item_id}", &ids.plan_item)
            .replace("{note_id}", &ids.member_note)
            .replace("{alert_id}", &ids.alert)
    }

    /// Archiving runs last, so it cannot spoil the rows that edit the same objects.
    pub fn archives(&self) -> bool {
        self.path.ends_with("/archive")
    }
}

const fn row(method: &'static str, path: &'static str, grant: Grant, body: Option<BodyFn>) -> Row {
    Row {
        method,
        path,
        grant,
        body,
        state_dependent: false,
    }
}

const fn stateful(
    method: &'static str,
    path: &'static str,
    grant: Grant,
    body: Option<BodyFn>,
) -> Row {
    Row {
        state_dependent: true,
        ..row(method, path, grant, body)
    }
}

fn sign_up(_: &Fixture, ids: &Ids) -> Value {
    json!({"email": format!("new-{}@example.org", ids.unique), "display_name": "New Person", "password": PASSWORD})
}
fn sign_in(fx: &Fixture, _: &Ids) -> Value {
    json!({"email": fx.member.email, "password": PASSWORD})
}
fn setup(_: &Fixture, ids: &Ids) -> Value {
    json!({"token": ids.setup, "org_name": format!("Org {}", ids.unique),
        "email": format!("setup-{}@example.org", ids.unique), "display_name": "First Admin", "password": PASSWORD})
}
fn password(_: &Fixture, _: &Ids) -> Value {
    json!({"current_password": PASSWORD, "new_password": PASSWORD})
}
fn token(_: &Fixture, ids: &Ids) -> Value {
    json!({"name": format!("token {}", ids.unique)})
}
/// A complete self-screen, every answer at its least concern.
fn screening_answers(_: &Fixture, _: &Ids) -> Value {
    let mut answers = serde_json::Map::new();
    for instrument in kindred_domain::instruments::ALL {
        for item in instrument.items {
            let key = format!("{}.{}", instrument.code, item.code);
            answers.insert(key, json!(item.options[0].code));
        }
    }
    for question in kindred_domain::screening::QUESTIONS {
        answers.insert(question.code.to_owned(), json!(question.options[0].code));
    }
    Value::Object(answers)
}
fn nothing(_: &Fixture, _: &Ids) -> Value {
    json!({})
}
fn staff(_: &Fixture, _: &Ids) -> Value {
    json!({"email": "leaver@clinic.test", "role": "peer_specialist"})
}
fn program(_: &Fixture, ids: &Ids) -> Value {
    json!({"name": format!("Program {}", ids.unique), "level_of_care": "outpatient", "part2": false, "description": ""})
}
fn location(_: &Fixture, ids: &Ids) -> Value {
    json!({"name": format!("Site {}", ids.unique), "kind": "physical", "address": "1 Main St", "city": "Hartford", "postcode": "", "latitude": "", "longitude": ""})
}
fn group(fx: &Fixture, ids: &Ids) -> Value {
    group_json(
        fx,
        &format!("Group {}", ids.unique),
        "therapy",
        "in_person",
        fx.clinician.id,
    )
}

fn feed(_: &Fixture, _: &Ids) -> Value {
    json!({"kind": "member", "show_group_names": false})
}
fn schedule(_: &Fixture, _: &Ids) -> Value {
    json!({"days": ["thu"], "start_time": "19:00", "duration_minutes": "60", "every_weeks": "1",
        "first_date": "2030-03-20", "end": "count", "count": "4", "room": ""})
}
fn cancel(_: &Fixture, _: &Ids) -> Value {
    json!({"reason": "The clinic is closed for snow"})
}
fn move_to(_: &Fixture, _: &Ids) -> Value {
    json!({"date": "2030-03-29", "start_time": "17:00", "duration_minutes": "90", "room": ""})
}
fn sheet(_: &Fixture, _: &Ids) -> Value {
    json!({"everyone": "present", "reason": ""})
}
fn staff_change(_: &Fixture, ids: &Ids) -> Value {
    json!({"enrollment_id": ids.enrollment, "action": "remove", "reason": "Moved away"})
}
fn join_request(_: &Fixture, ids: &Ids) -> Value {
    json!({"name": format!("Walker {}", ids.unique), "contact": "555-0100", "availability": "Evenings"})
}
/// The request form as a visitor sends it: the request and a new account.
fn join_request_form(_: &Fixture, ids: &Ids) -> Value {
    json!({"intent": "submit", "name": format!("Walker {}", ids.unique), "contact": "555-0100",
        "availability": "", "account": "new", "email": format!("walker-{}@example.org", ids.unique),
        "display_name": "Walker", "password": PASSWORD})
}
fn contacted(_: &Fixture, _: &Ids) -> Value {
    json!({"action": "contacted", "note": "Left a voicemail"})
}
fn technique(_: &Fixture, ids: &Ids) -> Value {
    technique_json(&format!("Plan {}", ids.unique))
}
fn attach(_: &Fixture, _: &Ids) -> Value {
    json!({"technique_id": kindred_domain::techniques::builtins::CHECK_IN.to_string()})
}
fn move_down(_: &Fixture, _: &Ids) -> Value {
    json!({"direction": "down"})
}
fn reorder(_: &Fixture, ids: &Ids) -> Value {
    json!({"enrollment_id": ids.enrollment, "position": "1", "reason": "Priority referral"})
}

pub fn table() -> Vec<Row> {
    use Grant::*;
    let mut rows = vec![
        row("GET", "/healthz", Public, None),
        row("GET", "/api/openapi.json", Public, None),
        row("POST", "/api/v1/auth/signup", Public, Some(sign_up)),
        row("POST", "/api/v1/auth/login", Public, Some(sign_in)),
        row("POST", "/api/v1/auth/logout", Public, None),
        row("POST", "/api/v1/auth/logout-everywhere", OwnAccount, None),
        row("POST", "/api/v1/setup", Public, Some(setup)),
        row("GET", "/api/v1/me", OwnAccount, None),
        row("GET", "/api/v1/me/groups", OwnAccount, None),
        row("POST", "/api/v1/me/password", OwnAccount, Some(password)),
        row("GET", "/api/v1/me/tokens", OwnAccount, None),
        row("POST", "/api/v1/me/tokens", OwnAccount, Some(token)),
        row("DELETE", "/api/v1/me/tokens/{token_id}", Owner, None),
        row("GET", "/api/v1/groups", Public, None),
        row("POST", "/api/v1/screening", Public, Some(screening_answers)),
        row("GET", "/api/v1/meeting-guide.json", Public, None),
        row("GET", "/api/v1/groups/{group_id}", Public, None),
        row("GET", "/api/v1/directory", Public, None),
        row("GET", "/api/v1/orgs/{org_id}", ViewOrg, None),
        row("GET", "/api/v1/orgs/{org_id}/staff", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/staff",
            ManageOrg,
            Some(staff),
        ),
        row(
            "DELETE",
            "/api/v1/orgs/{org_id}/staff/{account_id}",
            ManageOrg,
            None,
        ),
        row("GET", "/api/v1/orgs/{org_id}/programs", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/programs",
            ManageOrg,
            Some(program),
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/programs/{program_id}",
            ViewOrg,
            None,
        ),
        row(
            "PUT",
            "/api/v1/orgs/{org_id}/programs/{program_id}",
            ManageOrg,
            Some(program),
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/programs/{program_id}/archive",
            ManageOrg,
            None,
        ),
        row("GET", "/api/v1/orgs/{org_id}/locations", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/locations",
            ManageOrg,
            Some(location),
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/locations/{location_id}",
            ViewOrg,
            None,
        ),
        row(
            "PUT",
            "/api/v1/orgs/{org_id}/locations/{location_id}",
            ManageOrg,
            Some(location),
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/locations/{location_id}/archive",
            ManageOrg,
            None,
        ),
        row("GET", "/api/v1/orgs/{org_id}/groups", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/groups",
            ManageOrg,
            Some(group),
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}",
            ViewOrg,
            None,
        ),
        row(
            "PUT",
            "/api/v1/orgs/{org_id}/groups/{group_id}",
            ManageOrg,
            Some(group),
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/groups/{group_id}/archive",
            ManageOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/groups/{group_id}/enrollment",
            OwnAccount,
            None,
        ),
        row(
            "GET",
            "/api/v1/groups/{group_id}/enrollment",
            OwnAccount,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/groups/{group_id}/enrollment/accept-offer",
            OwnAccount,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/groups/{group_id}/enrollment/decline-offer",
            OwnAccount,
            None,
        ),
        stateful(
            "DELETE",
            "/api/v1/groups/{group_id}/enrollment",
            OwnAccount,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster",
            ViewOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster/reorder",
            RunGroup,
            Some(reorder),
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/groups/{group_id}/roster/changes",
            RunGroup,
            Some(staff_change),
        ),
        row(
            "GET",
            "/api/v1/enrollments/{enrollment_id}/history",
            OwnerOrStaff,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}/attendance-report",
            RunGroup,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/members/{member_id}/hours",
            ClinicalOrg,
            None,
        ),
        row("GET", "/api/v1/orgs/{org_id}/billing", ManageOrg, None),
        row("GET", "/api/v1/me/attendance", OwnAccount, None),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/check-in",
            OwnAccount,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/registration",
            OwnAccount,
            None,
        ),
        stateful(
            "DELETE",
            "/api/v1/sessions/{session_id}/registration",
            OwnAccount,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/attendance",
            ViewOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/attendance",
            RunGroup,
            Some(sheet),
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules",
            ViewOrg,
            None,
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules",
            RunGroup,
            Some(schedule),
        ),
        row(
            "PUT",
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}",
            RunGroup,
            Some(schedule),
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/archive",
            RunGroup,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}/sessions",
            ViewOrg,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/groups/{group_id}/warnings",
            ViewOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/cancel",
            RunGroup,
            Some(cancel),
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/restore",
            RunGroup,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/move",
            RunGroup,
            Some(move_to),
        ),
        row("GET", "/api/v1/me/calendar-feeds", OwnAccount, None),
        row("POST", "/api/v1/me/calendar-feeds", OwnAccount, Some(feed)),
        row("DELETE", "/api/v1/me/calendar-feeds/{feed_id}", Owner, None),
        row("GET", "/calendar/{feed_file}", Public, None),
        stateful(
            "POST",
            "/api/v1/groups/{group_id}/requests",
            OwnAccount,
            Some(join_request),
        ),
        row("GET", "/api/v1/me/requests", OwnAccount, None),
        row("GET", "/api/v1/me/requests/{request_id}", Owner, None),
        row("GET", "/api/v1/me/notifications", OwnAccount, None),
        row(
            "POST",
            "/api/v1/me/notifications/read-all",
            OwnAccount,
            None,
        ),
        row(
            "POST",
            "/api/v1/me/notifications/{notification_id}/read",
            Owner,
            None,
        ),
        row("GET", "/api/v1/orgs/{org_id}/intake", ClinicalOrg, None),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/intake/{request_id}",
            ClinicalOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/intake/{request_id}/transitions",
            ClinicalOrg,
            Some(contacted),
        ),
        row("GET", "/groups/{group_id}/request", Public, None),
        stateful(
            "POST",
            "/groups/{group_id}/request",
            Public,
            Some(join_request_form),
        ),
        row("GET", "/notifications", OwnAccount, None),
        row("POST", "/notifications/read-all", OwnAccount, Some(nothing)),
        row(
            "POST",
            "/notifications/{notification_id}/read",
            Owner,
            Some(nothing),
        ),
        row("GET", "/orgs/{org_id}/intake", ClinicalOrg, None),
        row(
            "GET",
            "/orgs/{org_id}/intake/{request_id}",
            ClinicalOrg,
            None,
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/intake/{request_id}/transitions",
            ClinicalOrg,
            Some(contacted),
        ),
        // Pages
        row("GET", "/", Public, None),
        row("GET", "/find", Public, None),
        row("GET", "/account/calendar", OwnAccount, None),
        row("GET", "/account/attendance", OwnAccount, None),
        row("POST", "/account/calendar", OwnAccount, Some(feed)),
        row(
            "POST",
            "/account/calendar/{feed_id}/revoke",
            Owner,
            Some(nothing),
        ),
        row("GET", "/static/{file}", Public, None),
        row("GET", "/screening", Public, None),
        row("POST", "/screening", Public, Some(screening_answers)),
        row("GET", "/groups/{group_id}", Public, None),
        stateful("POST", "/groups/{group_id}/join", OwnAccount, Some(nothing)),
        stateful(
            "POST",
            "/groups/{group_id}/accept-offer",
            OwnAccount,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/groups/{group_id}/decline-offer",
            OwnAccount,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/groups/{group_id}/leave",
            OwnAccount,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/groups/{group_id}/sessions/{session_id}/register",
            OwnAccount,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/groups/{group_id}/sessions/{session_id}/unregister",
            OwnAccount,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/groups/{group_id}/sessions/{session_id}/check-in",
            OwnAccount,
            Some(nothing),
        ),
        row("GET", "/signup", Public, None),
        row("POST", "/signup", Public, Some(sign_up)),
        row("GET", "/login", Public, None),
        row("POST", "/login", Public, Some(sign_in)),
        row("POST", "/logout", Public, Some(nothing)),
        row("POST", "/logout-everywhere", OwnAccount, Some(nothing)),
        row("GET", "/dashboard", OwnAccount, None),
        row("GET", "/account", OwnAccount, None),
        row("POST", "/account/password", OwnAccount, Some(password)),
        row("POST", "/account/tokens", OwnAccount, Some(token)),
        row(
            "POST",
            "/account/tokens/{token_id}/revoke",
            Owner,
            Some(nothing),
        ),
        row("GET", "/setup/{token}", Public, None),
        row("POST", "/setup/{token}", Public, Some(setup)),
        row("GET", "/orgs/{org_id}", ViewOrg, None),
        row("GET", "/orgs/{org_id}/staff", ViewOrg, None),
        row("POST", "/orgs/{org_id}/staff", ManageOrg, Some(staff)),
        row(
            "POST",
            "/orgs/{org_id}/staff/{account_id}/remove",
            ManageOrg,
            Some(nothing),
        ),
    ];
    for (plural, id, body) in [
        ("programs", "{program_id}", program as BodyFn),
        ("locations", "{location_id}", location as BodyFn),
        ("groups", "{group_id}", group as BodyFn),
    ] {
        let base: &'static str = Box::leak(format!("/orgs/{{org_id}}/{plural}").into_boxed_str());
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        rows.push(row("GET", base, ViewOrg, None));
        rows.push(row("GET", leak(format!("{base}/new")), ManageOrg, None));
        rows.push(row("POST", base, ManageOrg, Some(body)));
        rows.push(row(
            "GET",
            leak(format!("{base}/{id}/edit")),
            ManageOrg,
            None,
        ));
        rows.push(row(
            "POST",
            leak(format!("{base}/{id}")),
            ManageOrg,
            Some(body),
        ));
        rows.push(row(
            "POST",
            leak(format!("{base}/{id}/archive")),
            ManageOrg,
            Some(nothing),
        ));
    }
    rows.push(row(
        "GET",
        "/orgs/{org_id}/groups/{group_id}",
        ViewOrg,
        None,
    ));
    rows.push(row(
        "GET",
        "/orgs/{org_id}/groups/{group_id}/roster",
        ViewOrg,
        None,
    ));
    rows.push(row(
        "GET",
        "/orgs/{org_id}/sessions/{session_id}",
        ViewOrg,
        None,
    ));
    rows.extend([
        row(
            "GET",
            "/orgs/{org_id}/groups/{group_id}/sessions",
            ViewOrg,
            None,
        ),
        row(
            "POST",
            "/orgs/{org_id}/groups/{group_id}/schedules",
            RunGroup,
            Some(schedule),
        ),
        row(
            "POST",
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}",
            RunGroup,
            Some(schedule),
        ),
        row(
            "GET",
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/edit",
            ViewOrg,
            None,
        ),
        row(
            "POST",
            "/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/archive",
            RunGroup,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/cancel",
            RunGroup,
            Some(cancel),
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/restore",
            RunGroup,
            Some(nothing),
        ),
        row(
            "GET",
            "/orgs/{org_id}/sessions/{session_id}/move",
            ViewOrg,
            None,
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/move",
            RunGroup,
            Some(move_to),
        ),
    ]);
    rows.push(stateful(
        "POST",
        "/orgs/{org_id}/sessions/{session_id}/attendance",
        RunGroup,
        Some(sheet),
    ));
    for (path, grant) in [
        ("/orgs/{org_id}/groups/{group_id}/report", RunGroup),
        ("/orgs/{org_id}/groups/{group_id}/report.csv", RunGroup),
        ("/orgs/{org_id}/members/{member_id}/hours", ClinicalOrg),
        ("/orgs/{org_id}/members/{member_id}/hours.csv", ClinicalOrg),
        ("/orgs/{org_id}/billing", ManageOrg),
        ("/orgs/{org_id}/billing.csv", ManageOrg),
        ("/orgs/{org_id}/audit", ManageOrg),
        ("/orgs/{org_id}/audit.csv", ManageOrg),
        ("/api/v1/orgs/{org_id}/audit", ManageOrg),
        ("/api/v1/orgs/{org_id}/audit.csv", ManageOrg),
    ] {
        rows.push(row("GET", path, grant, None));
    }
    rows.push(stateful(
        "POST",
        "/orgs/{org_id}/groups/{group_id}/roster/reorder",
        RunGroup,
        Some(reorder),
    ));
    rows.push(stateful(
        "POST",
        "/orgs/{org_id}/groups/{group_id}/roster/changes",
        RunGroup,
        Some(staff_change),
    ));
    rows.extend(technique_rows());
    rows.extend(agreement_rows());
    rows.extend(alert_rows());
    rows.extend(note_rows());
    // The rooms come first, while the member is still on the session's roster: later rows
    // take them off it.
    let mut rows: Vec<Row> = room_rows().into_iter().chain(rows).collect();
    rows.sort_by_key(Row::archives);
    rows
}

/// The technique library (read by staff, written by clinicians and administrators) and
/// session plans (those who run the group).
fn signature(_: &Fixture, _: &Ids) -> Value {
    json!({"version": 1, "typed_name": "Signer", "confirm": true})
}

fn new_agreement(_: &Fixture, _: &Ids) -> Value {
    json!({"replaces": 1, "title": "Agreement", "body": "Text"})
}

/// The group agreement: anyone reads it, anyone signed in signs it, staff see the
/// signatures, administrators publish (a second publication of version 2 is refused).
fn agreement_rows() -> Vec<Row> {
    use Grant::*;
    vec![
        row("GET", "/api/v1/orgs/{org_id}/agreement", Public, None),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/agreement/status",
            OwnAccount,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/agreement/signatures",
            ViewOrg,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/agreement/signatures",
            OwnAccount,
            Some(signature),
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/agreement/versions",
            ManageOrg,
            Some(new_agreement),
        ),
        row("GET", "/orgs/{org_id}/agreement", Public, None),
        stateful(
            "POST",
            "/orgs/{org_id}/agreement/sign",
            OwnAccount,
            Some(signature),
        ),
        row("GET", "/orgs/{org_id}/agreement/edit", ManageOrg, None),
        stateful(
            "POST",
            "/orgs/{org_id}/agreement/edit",
            ManageOrg,
            Some(new_agreement),
        ),
    ]
}

fn alert_note(_: &Fixture, _: &Ids) -> Value {
    json!({"note": "Called the member."})
}

/// Safety alerts: staff list those they may see; those who read the group's notes (here
/// the clinician who leads it and the administrator) acknowledge.
fn alert_rows() -> Vec<Row> {
    use Grant::*;
    vec![
        row("GET", "/api/v1/orgs/{org_id}/alerts", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/alerts/{alert_id}/acknowledge",
            ClinicalOrg,
            Some(alert_note),
        ),
        row("GET", "/orgs/{org_id}/alerts", ViewOrg, None),
        row(
            "POST",
            "/orgs/{org_id}/alerts/{alert_id}/acknowledge",
            ClinicalOrg,
            Some(alert_note),
        ),
    ]
}

fn room_message(_: &Fixture, ids: &Ids) -> Value {
    json!({"client_id": format!("walk-{}", ids.unique), "body": "Hello"})
}

fn hide_reason(_: &Fixture, _: &Ids) -> Value {
    json!({"reason": "Shared a phone number"})
}

fn raise_hand(_: &Fixture, _: &Ids) -> Value {
    json!({"type": "raise_hand"})
}

fn exercise(_: &Fixture, ids: &Ids) -> Value {
    json!({"item_id": ids.plan_item})
}

/// A session's online room: for those in the session. The walk's clock is a day before the
/// session, so the room is not open yet and those let in meet that rule (409).
fn room_rows() -> Vec<Row> {
    use Grant::*;
    vec![
        stateful("GET", "/api/v1/sessions/{session_id}/room", InSession, None),
        stateful(
            "GET",
            "/api/v1/sessions/{session_id}/room/messages",
            InSession,
            None,
        ),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/room/messages",
            InSession,
            Some(room_message),
        ),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/room/messages/{seq}/hide",
            InSession,
            Some(hide_reason),
        ),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/room/commands",
            InSession,
            Some(raise_hand),
        ),
        stateful(
            "POST",
            "/api/v1/sessions/{session_id}/room/exercise",
            InSession,
            Some(exercise),
        ),
        stateful(
            "GET",
            "/api/v1/sessions/{session_id}/room/socket",
            InSession,
            None,
        ),
        stateful("GET", "/sessions/{session_id}/room", InSession, None),
    ]
}

fn technique_rows() -> Vec<Row> {
    use Grant::*;
    vec![
        row("GET", "/api/v1/orgs/{org_id}/techniques", ViewOrg, None),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/techniques",
            ClinicalOrg,
            Some(technique),
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/techniques/{technique_id}",
            ViewOrg,
            None,
        ),
        row(
            "PUT",
            "/api/v1/orgs/{org_id}/techniques/{technique_id}",
            ClinicalOrg,
            Some(technique),
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/techniques/{technique_id}/copy",
            ClinicalOrg,
            None,
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/techniques/{technique_id}/archive",
            ClinicalOrg,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan",
            RunGroup,
            None,
        ),
        // A cancelled session (the walk cancels it) takes no plan: 409.
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan",
            RunGroup,
            Some(attach),
        ),
        row(
            "DELETE",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}",
            RunGroup,
            None,
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/move",
            RunGroup,
            Some(move_down),
        ),
        row("GET", "/orgs/{org_id}/techniques", ViewOrg, None),
        row(
            "POST",
            "/orgs/{org_id}/techniques",
            ClinicalOrg,
            Some(technique),
        ),
        row("GET", "/orgs/{org_id}/techniques/new", ClinicalOrg, None),
        row(
            "GET",
            "/orgs/{org_id}/techniques/{technique_id}",
            ViewOrg,
            None,
        ),
        row(
            "POST",
            "/orgs/{org_id}/techniques/{technique_id}",
            ClinicalOrg,
            Some(technique),
        ),
        row(
            "GET",
            "/orgs/{org_id}/techniques/{technique_id}/edit",
            ClinicalOrg,
            None,
        ),
        row(
            "POST",
            "/orgs/{org_id}/techniques/{technique_id}/copy",
            ClinicalOrg,
            Some(nothing),
        ),
        row(
            "POST",
            "/orgs/{org_id}/techniques/{technique_id}/archive",
            ClinicalOrg,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/plan",
            RunGroup,
            Some(attach),
        ),
        row(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/remove",
            RunGroup,
            Some(nothing),
        ),
        row(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/move",
            RunGroup,
            Some(move_down),
        ),
    ]
}

fn addendum(_: &Fixture, ids: &Ids) -> Value {
    json!({"body": format!("Addendum {}", ids.unique), "session_id": ids.session})
}
fn save_draft(_: &Fixture, _: &Ids) -> Value {
    json!({"action": "save", "topic": "Draft"})
}

/// Group notes and charts. The therapy group is led by the clinician, so those who run it
/// (`RunGroup`) and those who read its notes (its facilitators and the organization's
/// clinicians) are the same people as `ClinicalOrg`: the clinician and the administrator.
/// The fixture session is tomorrow's, so writing its note is refused by the rules.
fn note_rows() -> Vec<Row> {
    use Grant::*;
    vec![
        row("GET", "/api/v1/me/undocumented-sessions", OwnAccount, None),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/undocumented-sessions",
            ManageOrg,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/cosign-queue",
            ClinicalOrg,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/members/{member_id}/chart",
            ClinicalOrg,
            None,
        ),
        row(
            "GET",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note",
            ClinicalOrg,
            None,
        ),
        stateful(
            "PUT",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note",
            RunGroup,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note/sign",
            RunGroup,
            Some(nothing),
        ),
        stateful(
            "POST",
            "/api/v1/orgs/{org_id}/sessions/{session_id}/note/cosign",
            ClinicalOrg,
            None,
        ),
        row(
            "POST",
            "/api/v1/orgs/{org_id}/member-notes/{note_id}/addenda",
            ClinicalOrg,
            Some(addendum),
        ),
        row("GET", "/orgs/{org_id}/cosign", ClinicalOrg, None),
        row(
            "GET",
            "/orgs/{org_id}/members/{member_id}",
            ClinicalOrg,
            None,
        ),
        row(
            "GET",
            "/orgs/{org_id}/sessions/{session_id}/note",
            ClinicalOrg,
            None,
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/note",
            RunGroup,
            Some(save_draft),
        ),
        stateful(
            "POST",
            "/orgs/{org_id}/sessions/{session_id}/note/cosign",
            ClinicalOrg,
            Some(nothing),
        ),
        row(
            "POST",
            "/orgs/{org_id}/member-notes/{note_id}/addenda",
            ClinicalOrg,
            Some(addendum),
        ),
    ]
}
