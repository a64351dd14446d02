//! The cast most tests need: an organization with one person in every role, a member, and
//! a second organization with its own administrator. Built through the domain's use cases.

use kindred_domain::accounts::{sign_up, Account, SignUpInput};
use kindred_domain::auth::{start_session, Actor, SignedIn};
use kindred_domain::enrollments::join_group;
use kindred_domain::groups::{create_group, GroupInput};
use kindred_domain::ids::{
    AccountId, EnrollmentId, GroupId, LocationId, OrgId, ProgramId, RequestId, ScheduleId,
    SessionId, TechniqueId,
};
use kindred_domain::intake::{request_to_join, RequestInput};
use kindred_domain::locations::{create_location, LocationInput};
use kindred_domain::orgs::{create_organization, Role};
use kindred_domain::programs::{create_program, ProgramInput};
use kindred_domain::schedules::{create_schedule, ScheduleInput};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::techniques::{create_technique, TechniqueInput};
use serde_json::{json, Value};

use super::{Client, TestApp};

/// Every fixture account's password (real argon2id hashes).
pub const PASSWORD: &str = "correct horse battery staple";

#[derive(Debug, Clone)]
pub struct Person {
    pub id: AccountId,
    pub email: String,
    pub name: String,
}

pub struct Fixture {
    pub org: OrgId,
    pub org_name: String,
    pub other_org: OrgId,
    pub admin: Person,
    pub clinician: Person,
    pub peer: Person,
    pub member: Person,
    pub other_admin: Person,
    pub program: ProgramId,
    /// A physical site.
    pub clinic: LocationId,
    pub online: LocationId,
    /// Therapy, in person at the clinic, led by the clinician.
    pub therapy_group: GroupId,
    /// Peer support, online, led by the peer specialist.
    pub peer_group: GroupId,
    /// The member's active enrollment in the therapy group.
    pub member_enrollment: EnrollmentId,
    /// Tomorrow's session of the therapy group; the member is on its roster.
    pub session: SessionId,
    /// The therapy group's weekly schedule (Tuesdays, 18:00 New York time).
    pub schedule: ScheduleId,
    /// The member's new request to join the peer group (no screening attached).
    pub member_request: RequestId,
    /// A plan of the organization's own in the technique library.
    pub technique: TechniqueId,
}

impl TestApp {
    /// A member account made by the real sign-up use case.
    pub async fn account(&self, email: &str, name: &str) -> Person {
        let input = SignUpInput {
            email: email.into(),
            display_name: name.into(),
            password: PASSWORD.into(),
        };
        let account = sign_up(self.store(), self.state.hasher(), self.state.now(), &input)
            .await
            .unwrap();
        person(&account)
    }

    /// A client signed in as `person` through a session opened directly (no password
    /// check, so no argon2 cost): for tests about what a signed-in person may do.
    pub async fn client_for(&self, person: &Person) -> Client<'_> {
        let account = self
            .store()
            .account_by_id(person.id)
            .await
            .unwrap()
            .unwrap();
        let opened = start_session(self.store(), &account, self.state.now())
            .await
            .unwrap();
        Client::with_session(self, opened.token.expose(), &opened.session.csrf_token)
    }

    /// Signs in through the sign-in form, as a person would.
    pub async fn login(&self, email: &str, password: &str) -> Client<'_> {
        let client = self.visitor();
        let resp = client
            .post_form("/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            resp.location(),
            Some("/dashboard"),
            "sign-in failed: {}",
            resp.status
        );
        client
    }

    /// Signs up through the form (which signs the person in) and returns the client.
    pub async fn sign_up_and_login(&self, email: &str, name: &str) -> Client<'_> {
        let client = self.visitor();
        client.get("/signup").await;
        let resp = client
            .post_form(
                "/signup",
                &[
                    ("email", email),
                    ("display_name", name),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(
            resp.location(),
            Some("/dashboard"),
            "sign-up failed: {}",
            resp.text()
        );
        assert!(client.cookie().is_some(), "sign-up did not sign in");
        client
    }

    pub async fn actor(&self, person: &Person) -> Actor {
        let account = self
            .store()
            .account_by_id(person.id)
            .await
            .unwrap()
            .unwrap();
        Actor::SignedIn(SignedIn {
            account_id: account.id,
            display_name: account.display_name,
            roles: self.store().roles_of(account.id).await.unwrap(),
            auth_session: None,
        })
    }

    pub async fn fixture(&self) -> Fixture {
        let now = self.state.now();
        let store = self.store();
        let org = create_organization(store, now, "Riverside Test Clinic")
            .await
            .unwrap();
        let other = create_organization(store, now, "Other Recovery Center")
            .await
            .unwrap();
        let admin = self
            .staff(org.id, "admin@clinic.test", "Dana Admin", Role::OrgAdmin)
            .await;
        let clinician = self
            .staff(
                org.id,
                "clinician@clinic.test",
                "Maya Clinician",
                Role::Clinician,
            )
            .await;
        let peer = self
            .staff(org.id, "peer@clinic.test", "Sam Peer", Role::PeerSpecialist)
            .await;
        let member = self.account("member@clinic.test", "Robin Member").await;
        let other_admin = self
            .staff(other.id, "admin@other.test", "Olu Other", Role::OrgAdmin)
            .await;

        let actor = self.actor(&admin).await;
        let program = ProgramInput {
            name: "Intensive Outpatient".into(),
            level_of_care: "intensive_outpatient".into(),
            part2: true,
            description: "Three evenings a week.".into(),
            on_call_id: String::new(),
        };
        let program = create_program(store, &actor, now, org.id, &program)
            .await
            .unwrap();
        let clinic = LocationInput {
            name: "Main Clinic".into(),
            kind: "physical".into(),
            address: "85 Riverbend Avenue".into(),
            city: "Hartford".into(),
            postcode: "06106".into(),
            latitude: "41.758".into(),
            longitude: "-72.679".into(),
        };
        let clinic = create_location(store, &actor, now, org.id, &clinic)
            .await
            .unwrap();
        let online = LocationInput {
            name: "Online".into(),
            kind: "online".into(),
            ..LocationInput::default()
        };
        let online = create_location(store, &actor, now, org.id, &online)
            .await
            .unwrap();

        let mut fx = Fixture {
            org: org.id,
            org_name: org.name,
            other_org: other.id,
            admin,
            clinician,
            peer,
            member,
            other_admin,
            program: program.id,
            clinic: clinic.id,
            online: online.id,
            therapy_group: GroupId::new(),
            peer_group: GroupId::new(),
            member_enrollment: EnrollmentId::new(),
            session: SessionId::new(),
            schedule: ScheduleId::new(),
            member_request: RequestId::new(),
            technique: TechniqueId::new(),
        };
        let therapy: GroupInput = serde_json::from_value(group_json(
            &fx,
            "Evening Process Group",
            "therapy",
            "in_person",
            fx.clinician.id,
        ))
        .unwrap();
        fx.therapy_group = create_group(store, &actor, now, org.id, &therapy)
            .await
            .unwrap()
            .id;
        let peer: GroupInput = serde_json::from_value(group_json(
            &fx,
            "Tuesday Peer Circle",
            "peer_support",
            "online",
            fx.peer.id,
        ))
        .unwrap();
        fx.peer_group = create_group(store, &actor, now, org.id, &peer)
            .await
            .unwrap()
            .id;
        let starts_at = now + chrono::Duration::days(1);
        store
            .insert_session(GroupSession {
                id: fx.session,
                group_id: fx.therapy_group,
                starts_at,
                ends_at: starts_at + chrono::Duration::minutes(90),
                status: SessionStatus::Scheduled,
                cancel_reason: String::new(),
                schedule_id: None,
                occurrence_date: None,
                moved: false,
                room: String::new(),
            })
            .await
            .unwrap();
        let weekly = ScheduleInput {
            days: vec!["tue".into()],
            start_time: "18:00".into(),
            duration_minutes: "90".into(),
            first_date: now.date_naive().to_string(),
            ..ScheduleInput::default()
        };
        fx.schedule = create_schedule(store, &actor, org.id, fx.therapy_group, &weekly, now)
            .await
            .unwrap()
            .schedule
            .id;
        let member = self.actor(&fx.member).await;
        fx.member_enrollment = join_group(store, &member, fx.therapy_group, now)
            .await
            .unwrap()
            .id;
        let request = RequestInput {
            name: "Robin".into(),
            contact: "robin@example.org, evenings".into(),
            availability: "Tuesday evenings".into(),
            screening: None,
        };
        fx.member_request = request_to_join(store, &member, fx.peer_group, &request, now)
            .await
            .unwrap()
            .id;
        fx.technique = create_technique(store, &actor, now, org.id, &technique_input("Routines"))
            .await
            .unwrap()
            .id;
        fx
    }

    async fn staff(&self, org: OrgId, email: &str, name: &str, role: Role) -> Person {
        let person = self.account(email, name).await;
        self.store()
            .set_staff_role(org, person.id, role)
            .await
            .unwrap();
        person
    }
}

fn person(account: &Account) -> Person {
    Person {
        id: account.id,
        email: account.email.as_str().to_owned(),
        name: account.display_name.as_str().to_owned(),
    }
}

/// A valid group body for the fixture organization; the location follows the format.
pub fn group_json(fx: &Fixture, name: &str, kind: &str, format: &str, lead: AccountId) -> Value {
    let location = if format == "online" {
        fx.online
    } else {
        fx.clinic
    };
    json!({
        "name": name,
        "description": "We meet to practise skills and support each other.",
        "program_id": fx.program.to_string(),
        "location_id": location.to_string(),
        "kind": kind,
        "enrollment": "rolling",
        "format": format,
        "capacity": 10,
        "min_size": 3,
        "language": "en",
        "time_zone": "America/New_York",
        "focus_areas": ["anxiety", "depression"],
        "payment_options": ["medicaid", "sliding_scale"],
        "audiences": ["adults"],
        "lead_facilitator_id": lead.to_string(),
        "co_facilitator_ids": [],
    })
}

/// A valid plan of the technique library (a short psychoeducation plan).
pub fn technique_input(title: &str) -> TechniqueInput {
    TechniqueInput {
        title: title.into(),
        kind: "psychoeducation".into(),
        purpose: "Show how daily routines support recovery.".into(),
        minutes: "30".into(),
        sections: "# Key points\n- Routines lower stress.\n- Plan the evenings.\n# Handout\n- My \
                   week"
            .into(),
        steps: String::new(),
        response_prompt: "Routines: what the member planned for their week:".into(),
    }
}

/// The same plan as a JSON body.
pub fn technique_json(title: &str) -> Value {
    let input = technique_input(title);
    json!({
        "title": input.title, "kind": input.kind, "purpose": input.purpose,
        "minutes": input.minutes, "sections": input.sections, "steps": input.steps,
        "response_prompt": input.response_prompt,
    })
}
