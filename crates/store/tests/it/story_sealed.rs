//! Encryption at rest on every backend: intake free text never reaches the disk in the
//! clear (a canary scan of the raw SQLite file and of a PostgreSQL dump), rotation moves
//! every value to the new key in batches, and text written before sealing is sealed later.

use std::collections::BTreeMap;

use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::intake::{
    parse_request, parse_step, rules, JoinRequest, RequestInput, TransitionInput,
};
use kindred_domain::Store;
use kindred_store::testing::{all_backends, raw_contains, raw_execute};
use kindred_store::{Database, Keyring};

use crate::fixtures::{account, at, group, location, org, program};

const A: [u8; 32] = [0xa1; 32];
const B: [u8; 32] = [0xb2; 32];

fn ring(keys: &[[u8; 32]]) -> Keyring {
    use base64::Engine as _;
    let text: Vec<String> = keys
        .iter()
        .map(|k| base64::engine::general_purpose::STANDARD.encode(k))
        .collect();
    Keyring::parse(&text.join("\n")).unwrap()
}

/// Where requests go: an organization, one group (its name given), and the ids needed.
struct Place {
    org: OrgId,
    group: kindred_domain::groups::Group,
    staff: AccountId,
}

async fn place(store: &dyn Store, group_name: &str) -> Place {
    let clinic = org("Sealed Clinic");
    store.create_organization(clinic.clone()).await.unwrap();
    let p = program(clinic.id, "IOP");
    let l = location(clinic.id, "Quay St");
    store.insert_program(p.clone()).await.unwrap();
    store.insert_location(l.clone()).await.unwrap();
    let mut g = group(&p, &l, group_name);
    g.facilitators.clear();
    store.insert_group(g.clone()).await.unwrap();
    let staff = account("sealed-intake@example.org", "Ivo Intake");
    store.create_account(staff.clone()).await.unwrap();
    Place {
        org: clinic.id,
        group: g,
        staff: staff.id,
    }
}

/// A request from a new account, with a screening answer and a staff step whose note,
/// referral and message are all set.
async fn request(
    store: &dyn Store,
    at_place: &Place,
    n: usize,
    name: &str,
    text: &str,
) -> JoinRequest {
    let asker = account(&format!("asker{n}@example.org"), &format!("Asker {n}"));
    store.create_account(asker.clone()).await.unwrap();
    let mut screening = BTreeMap::new();
    screening.insert("phq-9.q1".to_owned(), "2".to_owned());
    let spec = parse_request(&RequestInput {
        name: name.into(),
        contact: format!("reach me at {text}"),
        availability: format!("{text} on weekday evenings"),
        screening: None,
    })
    .unwrap();
    let (mut request, event, notes) = rules::submit(
        spec,
        at_place.org,
        at_place.group.id,
        &at_place.group.name,
        asker.id,
        &[at_place.staff],
        at(0),
    );
    // Answers stored as the domain attaches them; their content is not checked here.
    request.screening = Some(screening);
    store
        .submit_request(request.clone(), event, notes)
        .await
        .unwrap();
    let step = parse_step(&TransitionInput {
        action: "refer".into(),
        referral: format!("Referred to {text} clinic"),
        message: String::new(),
        note: format!("Called back; {text}"),
    })
    .unwrap();
    let s = at_place.staff;
    store
        .change_request(
            request.id,
            Box::new(move |r, roster| rules::transition(r, roster, &step, s, at(1))),
        )
        .await
        .unwrap()
        .unwrap()
        .request
}

#[tokio::test]
async fn intake_free_text_never_reaches_the_disk_in_the_clear() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let canary = format!("canary{}", uuid::Uuid::new_v4().simple());
        let group_name = format!("Group{}", uuid::Uuid::new_v4().simple());
        let display_name = format!("Person{}", uuid::Uuid::new_v4().simple());
        let at_place = place(store.as_ref(), &group_name).await;
        let written = request(store.as_ref(), &at_place, 1, &display_name, &canary).await;

        let read = store.join_request(written.id).await.unwrap().unwrap();
        assert_eq!(read, written, "{backend}: the request opens as written");
        assert!(read.contact.contains(&canary) && read.referral.contains(&canary));
        let history = store.request_events(written.id).await.unwrap();
        assert!(history[1].note.contains(&canary), "{backend}");

        assert!(
            !raw_contains(&database, &canary),
            "{backend}: the canary is stored in the clear"
        );
        // Controls: the scan sees what is stored in the clear.
        assert!(
            raw_contains(&database, &group_name),
            "{backend}: group name"
        );
        assert!(raw_contains(&database, &display_name), "{backend}: name");
        database.close().await;
    }
}

async fn all_requests(database: &Database, org: OrgId) -> Result<Vec<JoinRequest>, String> {
    let store = database.store();
    let requests = store
        .requests_of_org(org, None)
        .await
        .map_err(|e| e.to_string())?;
    for r in &requests {
        store
            .request_events(r.id)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(requests)
}

#[tokio::test]
async fn rotation_moves_every_value_to_the_new_key_and_the_old_key_can_go() {
    // More rows than one batch, so the walk goes on past the first 500.
    const REQUESTS: usize = 260;
    for (backend, database) in all_backends().await {
        let under_a = database.with_keys(ring(&[A]));
        let store = under_a.store();
        let at_place = place(store.as_ref(), "Rotation group").await;
        let mut written = Vec::new();
        for n in 0..REQUESTS {
            written.push(request(store.as_ref(), &at_place, n, "R", &format!("text {n}")).await);
        }
        written.sort_by_key(|r| r.id.to_string());

        let both = under_a.clone().with_keys(ring(&[A, B]));
        let report = both.rotate_keys().await.unwrap();
        // Five request columns (screening attached) and two steps' notes each.
        assert_eq!(report.resealed, (REQUESTS * 7) as u64, "{backend}");
        assert_eq!(report.plain_sealed, 0, "{backend}");
        assert_eq!(report.active_id, Keyring::id_of(&B));
        assert_eq!(report.key_ids_in_use, vec![Keyring::id_of(&B)], "{backend}");
        assert!(report.only_active_key_in_use());

        let only_b = under_a.clone().with_keys(ring(&[B]));
        let mut read = all_requests(&only_b, at_place.org).await.unwrap();
        read.sort_by_key(|r| r.id.to_string());
        assert_eq!(
            read, written,
            "{backend}: the new key alone opens everything"
        );
        let notes = only_b.store().request_events(written[0].id).await.unwrap();
        assert!(notes[1].note.starts_with("Called back; text "), "{backend}");

        let only_a = under_a.clone().with_keys(ring(&[A]));
        let refused = all_requests(&only_a, at_place.org).await.unwrap_err();
        assert!(
            refused.contains(&Keyring::id_of(&B)) && refused.contains("not in the key ring"),
            "{backend}: {refused}"
        );

        let again = both.rotate_keys().await.unwrap();
        assert_eq!((again.resealed, again.plain_sealed), (0, 0), "{backend}");
        under_a.close().await;
    }
}

#[tokio::test]
async fn text_written_before_sealing_reads_and_is_sealed_on_the_next_pass() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let at_place = place(store.as_ref(), "Legacy group").await;
        let r = request(store.as_ref(), &at_place, 1, "L", "sealed text").await;
        // As a release before sealing wrote it: text in the clear, no sealed value.
        let legacy = format!("legacy{}", uuid::Uuid::new_v4().simple());
        raw_execute(
            &database,
            &format!(
                "UPDATE intake_requests SET contact = 'call {legacy}', contact_sealed = NULL, \
                 screening = '{{\"phq-9.q1\":\"3\"}}', screening_sealed = NULL \
                 WHERE id = '{}'; \
                 UPDATE intake_request_events SET note = 'old {legacy}', note_sealed = NULL \
                 WHERE request_id = '{}';",
                r.id, r.id
            ),
        )
        .await;
        let read = store.join_request(r.id).await.unwrap().unwrap();
        assert_eq!(read.contact, format!("call {legacy}"), "{backend}");
        assert_eq!(read.screening.unwrap()["phq-9.q1"], "3");
        assert_eq!(
            read.availability, r.availability,
            "sealed columns still open"
        );

        // Contact, screening and both steps' notes.
        assert_eq!(database.seal_pending().await.unwrap(), 4, "{backend}");
        assert_eq!(database.seal_pending().await.unwrap(), 0, "{backend}");
        let read = store.join_request(r.id).await.unwrap().unwrap();
        assert_eq!(read.contact, format!("call {legacy}"), "{backend}");
        assert_eq!(read.screening.unwrap()["phq-9.q1"], "3");
        let notes = store.request_events(r.id).await.unwrap();
        assert!(notes.iter().all(|n| n.note == format!("old {legacy}")));

        // The text columns are empty now: a ring without the key cannot read the request.
        let other = database
            .clone()
            .with_keys(Keyring::single(Keyring::generate_key()));
        assert!(other.store().join_request(r.id).await.is_err(), "{backend}");
        let none = database.clone().with_keys(Keyring::none());
        let refused = none.store().join_request(r.id).await.unwrap_err();
        assert!(refused.to_string().contains("no data key"), "{refused}");
        assert!(none.rotate_keys().await.is_err());
        database.close().await;
    }
}
