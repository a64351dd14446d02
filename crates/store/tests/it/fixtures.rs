//! Small builders for the story: fixed times, accounts, organizations, places and groups.

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::{DisplayName, Email, NewAccount, PasswordHash};
use kindred_domain::auth::{AuthSession, SecretToken};
use kindred_domain::groups::{
    Audience, EnrollmentMode, Facilitator, FocusArea, Format, Group, GroupKind, Language,
    PaymentOption,
};
use kindred_domain::ids::{
    AccountId, AuthSessionId, GroupId, LocationId, OrgId, ProgramId, SessionId,
};
use kindred_domain::locations::{Location, LocationKind};
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::programs::{LevelOfCare, Program};
use kindred_domain::sessions::{GroupSession, SessionStatus};

/// The story's "now": whole seconds, so every backend's timestamp precision keeps it exactly.
pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

pub fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

pub fn account(email: &str, name: &str) -> NewAccount {
    NewAccount {
        id: AccountId::new(),
        email: Email::parse(email).unwrap(),
        display_name: DisplayName::parse(name).unwrap(),
        password_hash: PasswordHash(format!("hash-of-{name}")),
        created_at: t0(),
    }
}

pub fn org(name: &str) -> Organization {
    Organization {
        id: OrgId::new(),
        name: name.into(),
        created_at: t0(),
    }
}

pub fn session(account: AccountId) -> AuthSession {
    AuthSession {
        id: AuthSessionId::new(),
        account_id: account,
        token_hash: SecretToken::generate().hash(),
        csrf_token: "csrf".into(),
        created_at: t0(),
        last_seen_at: t0(),
        idle_timeout_secs: 900,
    }
}

pub fn program(org: OrgId, name: &str) -> Program {
    Program {
        id: ProgramId::new(),
        org_id: org,
        name: name.into(),
        level_of_care: LevelOfCare::IntensiveOutpatient,
        part2: true,
        description: "Evenings, three times a week.".into(),
        on_call_id: None,
        created_at: t0(),
        archived_at: None,
    }
}

pub fn location(org: OrgId, name: &str) -> Location {
    Location {
        id: LocationId::new(),
        org_id: org,
        name: name.into(),
        kind: LocationKind::Physical,
        address: "1 Main St".into(),
        city: "Springfield".into(),
        postcode: "01101".into(),
        latitude: Some(42.1015),
        longitude: Some(-72.5898),
        created_at: t0(),
        archived_at: None,
    }
}

pub fn facilitator(account: AccountId, role: Role, lead: bool) -> Facilitator {
    // The stored display name comes from the account; this one is ignored on write.
    Facilitator {
        account_id: account,
        display_name: String::new(),
        role,
        lead,
    }
}

pub fn group(program: &Program, location: &Location, name: &str) -> Group {
    Group {
        id: GroupId::new(),
        org_id: program.org_id,
        program_id: program.id,
        location_id: location.id,
        name: name.into(),
        description: "A place to practise skills together.".into(),
        kind: GroupKind::Skills,
        enrollment: EnrollmentMode::Rolling,
        format: Format::Hybrid,
        capacity: 12,
        min_size: 3,
        language: Language::Spanish,
        time_zone: chrono_tz::America::New_York,
        focus_areas: vec![FocusArea::Stress, FocusArea::Depression],
        payment_options: vec![PaymentOption::Free, PaymentOption::Medicaid],
        audiences: vec![Audience::Adults],
        facilitators: Vec::new(),
        offer_hours: 0,
        billing_code: String::new(),
        billing_modifier: String::new(),
        created_at: t0(),
        archived_at: None,
    }
}

/// A scheduled 90-minute session of `group` starting at `at(minutes)`.
pub fn scheduled_session(group: GroupId, minutes: i64) -> GroupSession {
    GroupSession {
        id: SessionId::new(),
        group_id: group,
        starts_at: at(minutes),
        ends_at: at(minutes + 90),
        status: SessionStatus::Scheduled,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    }
}
