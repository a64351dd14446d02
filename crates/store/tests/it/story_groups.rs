//! The story's middle: organizations, staff, programs, locations and groups.

use kindred_domain::groups::{Audience, FocusArea, GroupKind, PaymentOption};
use kindred_domain::ids::{GroupId, LocationId, ProgramId};
use kindred_domain::orgs::Role;
use kindred_domain::{Store, StoreError};

use crate::fixtures::{account, at, facilitator, group, location, org, program, session};
use crate::story::Cast;

pub async fn organizations_and_places(backend: &str, store: &dyn Store, cast: &Cast) {
    // Organization A is the clinic from setup; B is a second tenant.
    let beacon = org("Beacon House");
    store.create_organization(beacon.clone()).await.unwrap();
    let stored = store.organization(beacon.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.name.as_str(), stored.created_at),
        ("Beacon House", beacon.created_at)
    );
    assert!(store
        .organization(kindred_domain::ids::OrgId::new())
        .await
        .unwrap()
        .is_none());

    let zoe = account("zoe@example.org", "Zoe");
    let ben = account("ben@example.org", "ben");
    let cy = account("cy@example.org", "Cy");
    for a in [&zoe, &ben, &cy] {
        store.create_account(a.clone()).await.unwrap();
    }
    let clinic = cast.clinic.id;
    store
        .set_staff_role(clinic, zoe.id, Role::PeerSpecialist)
        .await
        .unwrap();
    store
        .set_staff_role(clinic, zoe.id, Role::Clinician)
        .await
        .unwrap(); // replaces
    store
        .set_staff_role(clinic, ben.id, Role::PeerSpecialist)
        .await
        .unwrap();
    store
        .set_staff_role(clinic, cy.id, Role::PeerSpecialist)
        .await
        .unwrap();
    store
        .set_staff_role(beacon.id, zoe.id, Role::OrgAdmin)
        .await
        .unwrap();

    let roles = store.roles_of(zoe.id).await.unwrap();
    let roles: Vec<_> = roles
        .iter()
        .map(|r| (r.org_name.as_str(), r.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("Beacon House", Role::OrgAdmin),
            ("Riverside Clinic", Role::Clinician)
        ],
        "{backend}: one role per organization, by organization name"
    );
    // A session of someone with two roles resolves with both, in the same order.
    let zoes = session(zoe.id);
    store.create_auth_session(zoes.clone()).await.unwrap();
    let context = store
        .session_context(&zoes.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((context.session.id, context.account.id), (zoes.id, zoe.id));
    assert_eq!(context.account.email, zoe.email);
    assert_eq!(
        context.roles,
        store.roles_of(zoe.id).await.unwrap(),
        "{backend}: the session's roles are the account's"
    );
    store.delete_auth_session(zoes.id).await.unwrap();
    let staff = store.staff_of(clinic).await.unwrap();
    let names: Vec<_> = staff
        .iter()
        .map(|s| (s.display_name.as_str(), s.role))
        .collect();
    assert_eq!(
        names,
        [
            ("Ana", Role::OrgAdmin),
            ("ben", Role::PeerSpecialist),
            ("Cy", Role::PeerSpecialist),
            ("Zoe", Role::Clinician)
        ],
        "{backend}: staff by display name"
    );
    assert_eq!(staff[3].email, "zoe@example.org");
    assert!(store.remove_staff_role(clinic, cy.id).await.unwrap());
    assert!(!store.remove_staff_role(clinic, cy.id).await.unwrap());
    assert_eq!(store.staff_of(clinic).await.unwrap().len(), 3);
    assert_eq!(
        store.staff_of(beacon.id).await.unwrap().len(),
        1,
        "{backend}: tenants apart"
    );

    // Programs: ordered by name, archived included, never another organization's.
    let evenings = program(clinic, "Evening IOP");
    let mut adults = program(clinic, "Adult outpatient");
    let theirs = program(beacon.id, "Beacon peer program");
    for p in [&evenings, &adults, &theirs] {
        store.insert_program(p.clone()).await.unwrap();
    }
    let dup = store.insert_program(evenings.clone()).await;
    assert!(
        matches!(dup, Err(StoreError::Duplicate(_))),
        "{backend}: {dup:?}"
    );
    adults.description = "Weekly.".into();
    adults.archived_at = Some(at(5));
    adults.on_call_id = Some(zoe.id);
    store.update_program(adults.clone()).await.unwrap();
    let listed = store.programs_of(clinic).await.unwrap();
    let names: Vec<_> = listed.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Adult outpatient", "Evening IOP"],
        "{backend}: only A's programs"
    );
    assert_eq!(listed[0].archived_at, Some(at(5)));
    assert_eq!(listed[0].description, "Weekly.");
    assert_eq!(
        listed[0].on_call_id,
        Some(zoe.id),
        "{backend}: on-call kept"
    );
    let got = store.program(clinic, evenings.id).await.unwrap().unwrap();
    assert_eq!(
        (got.level_of_care, got.part2, got.on_call_id),
        (evenings.level_of_care, true, None)
    );
    assert!(
        store
            .program(beacon.id, evenings.id)
            .await
            .unwrap()
            .is_none(),
        "{backend}: isolation"
    );
    assert!(store
        .program(clinic, ProgramId::new())
        .await
        .unwrap()
        .is_none());
    let mut stolen = theirs.clone();
    stolen.org_id = clinic;
    let moved = store.update_program(stolen).await;
    assert!(
        matches!(moved, Err(StoreError::NotFound)),
        "{backend}: {moved:?}"
    );

    // Locations, likewise, with coordinates kept exactly.
    let main = location(clinic, "Main Street");
    let mut online = location(clinic, "Online room");
    let beacon_site = location(beacon.id, "Beacon site");
    for l in [&main, &online, &beacon_site] {
        store.insert_location(l.clone()).await.unwrap();
    }
    online.kind = kindred_domain::locations::LocationKind::Online;
    online.address.clear();
    online.latitude = None;
    online.longitude = None;
    store.update_location(online.clone()).await.unwrap();
    let listed = store.locations_of(clinic).await.unwrap();
    let names: Vec<_> = listed.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Main Street", "Online room"],
        "{backend}: only A's locations"
    );
    assert_eq!(listed[1].latitude, None);
    let got = store.location(clinic, main.id).await.unwrap().unwrap();
    assert_eq!(
        (got.latitude, got.longitude),
        (Some(42.1015), Some(-72.5898))
    );
    assert_eq!(
        (got.city.as_str(), got.postcode.as_str()),
        ("Springfield", "01101")
    );
    assert!(
        store.location(beacon.id, main.id).await.unwrap().is_none(),
        "{backend}: isolation"
    );
    assert!(store
        .location(clinic, LocationId::new())
        .await
        .unwrap()
        .is_none());
    let mut stolen = beacon_site.clone();
    stolen.org_id = clinic;
    assert!(matches!(
        store.update_location(stolen).await,
        Err(StoreError::NotFound)
    ));

    let places = Places {
        evenings,
        adults,
        theirs,
        main,
        online,
        beacon_site,
    };
    groups_sessions_and_enrollments(backend, store, cast, &places, [zoe.id, ben.id, cy.id]).await;
}

struct Places {
    evenings: kindred_domain::programs::Program,
    adults: kindred_domain::programs::Program,
    theirs: kindred_domain::programs::Program,
    main: kindred_domain::locations::Location,
    online: kindred_domain::locations::Location,
    beacon_site: kindred_domain::locations::Location,
}

async fn groups_sessions_and_enrollments(
    backend: &str,
    store: &dyn Store,
    cast: &Cast,
    p: &Places,
    [zoe, ben, cy]: [kindred_domain::ids::AccountId; 3],
) {
    let clinic = cast.clinic.id;
    // Facilitators in a muddled order; the store returns lead first, then by display name.
    let mut skills = group(&p.evenings, &p.main, "Skills for calm");
    skills.facilitators = vec![
        facilitator(cy, Role::PeerSpecialist, false),
        facilitator(zoe, Role::Clinician, true),
        facilitator(ben, Role::PeerSpecialist, false),
    ];
    let mut archived = group(&p.evenings, &p.online, "Archived circle");
    archived.archived_at = Some(at(1));
    let in_archived_program = group(&p.adults, &p.main, "Adults on Mondays");
    let theirs = group(&p.theirs, &p.beacon_site, "Beacon peers");
    for g in [&skills, &archived, &in_archived_program, &theirs] {
        store.insert_group(g.clone()).await.unwrap();
    }

    let got = store.group(skills.id).await.unwrap().unwrap();
    assert_eq!(
        got.focus_areas,
        [FocusArea::Depression, FocusArea::Stress],
        "{backend}"
    );
    assert_eq!(
        got.payment_options,
        [PaymentOption::Medicaid, PaymentOption::Free]
    );
    assert_eq!(got.audiences, [Audience::Adults]);
    let order: Vec<_> = got
        .facilitators
        .iter()
        .map(|f| (f.display_name.as_str(), f.lead))
        .collect();
    assert_eq!(
        order,
        [("Zoe", true), ("ben", false), ("Cy", false)],
        "{backend}"
    );
    assert_eq!(got.facilitators[0].role, Role::Clinician);
    assert_eq!(
        (got.name.as_str(), got.capacity, got.min_size),
        ("Skills for calm", 12, 3)
    );
    assert_eq!(
        (got.kind, got.format, got.language),
        (skills.kind, skills.format, skills.language)
    );
    assert_eq!(
        (got.enrollment, got.time_zone),
        (skills.enrollment, chrono_tz::America::New_York)
    );
    assert_eq!(
        (got.program_id, got.location_id, got.org_id),
        (p.evenings.id, p.main.id, clinic)
    );
    assert_eq!((got.created_at, got.archived_at), (skills.created_at, None));
    assert!(store.group(GroupId::new()).await.unwrap().is_none());

    // The database refuses what the domain should never send: a second lead, another
    // organization's program, a duplicate id.
    let mut two_leads = group(&p.evenings, &p.main, "Two leads");
    two_leads.facilitators = vec![
        facilitator(zoe, Role::Clinician, true),
        facilitator(ben, Role::PeerSpecialist, true),
    ];
    assert!(
        store.insert_group(two_leads.clone()).await.is_err(),
        "{backend}: two leads"
    );
    assert!(
        store.group(two_leads.id).await.unwrap().is_none(),
        "{backend}: nothing half-written"
    );
    let cross = group(&p.theirs, &p.main, "Cross-tenant");
    let cross = kindred_domain::groups::Group {
        org_id: clinic,
        ..cross
    };
    assert!(
        store.insert_group(cross).await.is_err(),
        "{backend}: program of another org"
    );
    assert!(matches!(
        store.insert_group(skills.clone()).await,
        Err(StoreError::Duplicate(_))
    ));

    // Updating replaces the vocabularies and facilitators together.
    let mut edited = skills.clone();
    edited.name = "Calm skills".into();
    edited.kind = GroupKind::PeerSupport;
    edited.focus_areas = vec![FocusArea::Anxiety];
    edited.payment_options = Vec::new();
    edited.audiences = vec![Audience::Veterans, Audience::YoungAdults];
    edited.facilitators = vec![
        facilitator(ben, Role::PeerSpecialist, true),
        facilitator(zoe, Role::Clinician, false),
    ];
    store.update_group(edited.clone()).await.unwrap();
    let got = store.group(skills.id).await.unwrap().unwrap();
    assert_eq!(
        (got.name.as_str(), got.kind),
        ("Calm skills", GroupKind::PeerSupport)
    );
    assert_eq!(got.focus_areas, [FocusArea::Anxiety]);
    assert!(got.payment_options.is_empty());
    assert_eq!(
        got.audiences,
        [Audience::YoungAdults, Audience::Veterans],
        "{backend}"
    );
    let order: Vec<_> = got
        .facilitators
        .iter()
        .map(|f| (f.display_name.as_str(), f.lead))
        .collect();
    assert_eq!(order, [("ben", true), ("Zoe", false)], "{backend}");
    let elsewhere = kindred_domain::groups::Group {
        org_id: p.theirs.org_id,
        ..edited.clone()
    };
    assert!(matches!(
        store.update_group(elsewhere).await,
        Err(StoreError::NotFound)
    ));

    crate::story_members::sessions_and_members(backend, store, cast, &edited, &archived).await;

    // Cards: the organization sees all its groups, archived marked; the public sees open ones.
    let cards = store.group_cards_of_org(clinic).await.unwrap();
    let names: Vec<_> = cards
        .iter()
        .map(|c| (c.name.as_str(), c.archived))
        .collect();
    assert_eq!(
        names,
        [
            ("Adults on Mondays", false),
            ("Archived circle", true),
            ("Calm skills", false)
        ],
        "{backend}: by name, archived included, other tenants excluded"
    );
    let calm = &cards[2];
    assert_eq!(
        calm.lead_role,
        Some(Role::PeerSpecialist),
        "{backend}: lead's role"
    );
    assert_eq!(calm.active_members, 2, "{backend}: active enrollments only");
    assert_eq!(
        (calm.org_name.as_str(), calm.program_name.as_str()),
        ("Riverside Clinic", "Evening IOP")
    );
    assert_eq!(
        (calm.location_name.as_str(), calm.capacity),
        ("Main Street", 12)
    );
    assert_eq!(calm.time_zone, chrono_tz::America::New_York);
    assert_eq!(cards[0].lead_role, None);
    let public = store.public_group_cards().await.unwrap();
    let names: Vec<_> = public.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Beacon peers", "Calm skills"],
        "{backend}: open groups of open programs"
    );
}
