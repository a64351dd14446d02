//! The public directory on every backend: each filter, combinations, distance ordering, text
//! ranking, archived groups hidden, pages, and the search rows kept up to date by edits.

use chrono::{NaiveDate, NaiveTime, Weekday};
use kindred_domain::enrollments::{Enrollment, EnrollmentStatus};
use kindred_domain::fields::Choice;
use kindred_domain::finder::{self, DirectoryInput, DirectoryPage, Gazetteer, Place};
use kindred_domain::groups::{
    Audience, FocusArea, Format, Group, GroupKind, Language, PaymentOption,
};
use kindred_domain::ids::{AccountId, ScheduleId};
use kindred_domain::locations::{Location, LocationKind};
use kindred_domain::orgs::Role;
use kindred_domain::programs::{LevelOfCare, Program};
use kindred_domain::schedules::{Schedule, ScheduleEnd};
use kindred_domain::Store;
use kindred_store::testing::all_backends;

use crate::fixtures::{account, facilitator, group, location, org, program, t0};

struct Towns;

impl Gazetteer for Towns {
    fn locate(&self, text: &str) -> Option<Place> {
        (text == "Hartford, CT").then(|| Place {
            latitude: 41.7658,
            longitude: -72.6734,
            label: "Hartford, CT".into(),
        })
    }
}

async fn page(store: &dyn Store, query: &str) -> DirectoryPage {
    let pairs: Vec<(String, String)> = serde_pairs(query);
    let query = DirectoryInput::from_pairs(pairs).parse(&Towns).unwrap();
    finder::run(store, &query).await.unwrap()
}

async fn names(store: &dyn Store, query: &str) -> Vec<String> {
    page(store, query)
        .await
        .results
        .into_iter()
        .map(|r| r.group.name)
        .collect()
}

/// `a=b&c=d` → pairs (the test queries need no escapes but `+` for a space).
fn serde_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_owned(), v.replace('+', " "))
        })
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn place(
    org: &kindred_domain::orgs::Organization,
    name: &str,
    city: &str,
    at: (f64, f64),
) -> Location {
    Location {
        city: city.into(),
        latitude: Some(at.0),
        longitude: Some(at.1),
        ..location(org.id, name)
    }
}

fn online(org: &kindred_domain::orgs::Organization) -> Location {
    Location {
        kind: LocationKind::Online,
        address: String::new(),
        city: String::new(),
        postcode: String::new(),
        latitude: None,
        longitude: None,
        ..location(org.id, "Online")
    }
}

fn schedule(group: &Group, days: &[Weekday], h: u32, m: u32) -> Schedule {
    Schedule {
        id: ScheduleId::new(),
        group_id: group.id,
        days: days.to_vec(),
        start_time: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        duration_minutes: 90,
        interval_weeks: 1,
        first_date: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        end: ScheduleEnd::Never,
        room: String::new(),
        created_at: t0(),
        archived_at: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn listed(
    program: &Program,
    location: &Location,
    name: &str,
    format: Format,
    lead: (AccountId, Role),
    focus: &[FocusArea],
    payment: &[PaymentOption],
    audience: &[Audience],
) -> Group {
    Group {
        description: "Meet people who understand.".into(),
        kind: GroupKind::PeerSupport,
        format,
        capacity: 10,
        language: Language::English,
        focus_areas: focus.to_vec(),
        payment_options: payment.to_vec(),
        audiences: audience.to_vec(),
        facilitators: vec![facilitator(lead.0, lead.1, true)],
        ..group(program, location, name)
    }
}

const CIRCLE: &str = "Evening Alcohol Recovery Circle";
const ANXIETY: &str = "Morning Anxiety Skills";
const GRIEF: &str = "Weekend Grief Support";
const BOSTON: &str = "Boston Drinking Less";

#[tokio::test]
async fn directory_on_every_backend() {
    for (backend, database) in all_backends().await {
        eprintln!("--- backend: {backend}");
        let store = database.store();
        let s = store.as_ref();

        let riverside = org("Riverside Clinic");
        let harbor = org("Harbor Recovery");
        for o in [&riverside, &harbor] {
            s.create_organization(o.clone()).await.unwrap();
        }
        let peer = account("peer@example.org", "Pat Peer");
        let clin = account("clin@example.org", "Cleo Clinician");
        let member = account("m@example.org", "Mo Member");
        let member2 = account("m2@example.org", "Mia Member");
        for a in [&peer, &clin, &member, &member2] {
            s.create_account(a.clone()).await.unwrap();
        }
        let peer_lead = (peer.id, Role::PeerSpecialist);
        let clin_lead = (clin.id, Role::Clinician);

        let peer_prog = Program {
            level_of_care: LevelOfCare::PeerSupport,
            ..program(riverside.id, "Peer support")
        };
        let iop = Program {
            level_of_care: LevelOfCare::IntensiveOutpatient,
            ..program(riverside.id, "Evening IOP")
        };
        let outpatient = Program {
            level_of_care: LevelOfCare::Outpatient,
            ..program(harbor.id, "Outpatient groups")
        };
        let closing = Program {
            level_of_care: LevelOfCare::Outpatient,
            ..program(harbor.id, "Closing program")
        };
        for p in [&peer_prog, &iop, &outpatient, &closing] {
            s.insert_program(p.clone()).await.unwrap();
        }
        let hartford = place(&riverside, "Main clinic", "Hartford", (41.7658, -72.6734));
        let web = online(&riverside);
        let new_haven = place(&harbor, "Harbor House", "New Haven", (41.3083, -72.9279));
        let boston = place(&harbor, "Boston office", "Boston", (42.3601, -71.0589));
        let harbor_web = online(&harbor);
        for l in [&hartford, &web, &new_haven, &boston, &harbor_web] {
            s.insert_location(l.clone()).await.unwrap();
        }

        let circle = listed(
            &peer_prog,
            &web,
            CIRCLE,
            Format::Online,
            peer_lead,
            &[FocusArea::AlcoholUse],
            &[PaymentOption::Free],
            &[Audience::Adults],
        );
        let anxiety = Group {
            kind: GroupKind::Skills,
            ..listed(
                &iop,
                &hartford,
                ANXIETY,
                Format::InPerson,
                clin_lead,
                &[FocusArea::Anxiety],
                &[PaymentOption::Medicaid],
                &[Audience::Adults],
            )
        };
        let grief = Group {
            capacity: 2,
            language: Language::Spanish,
            ..listed(
                &outpatient,
                &new_haven,
                GRIEF,
                Format::Hybrid,
                peer_lead,
                &[FocusArea::Grief],
                &[PaymentOption::SlidingScale],
                &[Audience::Veterans],
            )
        };
        let drinking = Group {
            kind: GroupKind::Therapy,
            description: "For people who want to cut down on alcohol.".into(),
            ..listed(
                &outpatient,
                &boston,
                BOSTON,
                Format::InPerson,
                clin_lead,
                &[FocusArea::AlcoholUse, FocusArea::RelapsePrevention],
                &[PaymentOption::PrivateInsurance],
                &[Audience::Adults],
            )
        };
        let archived = Group {
            archived_at: Some(t0()),
            ..listed(
                &peer_prog,
                &web,
                "Archived alcohol group",
                Format::Online,
                peer_lead,
                &[FocusArea::AlcoholUse],
                &[PaymentOption::Free],
                &[Audience::Adults],
            )
        };
        let in_closing = listed(
            &closing,
            &harbor_web,
            "Alcohol group of a closing program",
            Format::Online,
            peer_lead,
            &[FocusArea::AlcoholUse],
            &[PaymentOption::Free],
            &[Audience::Adults],
        );
        for g in [&circle, &anxiety, &grief, &drinking, &archived, &in_closing] {
            s.insert_group(g.clone()).await.unwrap();
        }
        let circle_schedule = schedule(&circle, &[Weekday::Tue], 18, 30);
        for sc in [
            circle_schedule.clone(),
            schedule(&anxiety, &[Weekday::Mon, Weekday::Wed], 9, 0),
            schedule(&grief, &[Weekday::Sat], 13, 0),
            schedule(&drinking, &[Weekday::Thu], 19, 0),
        ] {
            s.insert_schedule(sc).await.unwrap();
        }
        for m in [&member, &member2] {
            s.insert_enrollment(Enrollment::recorded(
                grief.id,
                m.id,
                EnrollmentStatus::Active,
                t0(),
                0,
            ))
            .await
            .unwrap();
        }
        // The closing program is archived after its group was listed: the group leaves.
        s.update_program(Program {
            archived_at: Some(t0()),
            ..closing.clone()
        })
        .await
        .unwrap();

        // Everything listed, by name; archived groups and groups of archived programs never.
        assert_eq!(
            names(s, "").await,
            [BOSTON, CIRCLE, ANXIETY, GRIEF],
            "{backend}: by name"
        );

        // Each filter.
        let cases: [(&str, &[&str]); 16] = [
            ("focus=alcohol_use", &[BOSTON, CIRCLE]),
            ("focus=grief,anxiety", &[ANXIETY, GRIEF]),
            ("led=peer", &[CIRCLE, GRIEF]),
            ("led=clinician", &[BOSTON, ANXIETY]),
            ("format=online", &[CIRCLE]),
            ("format=in_person&format=hybrid", &[BOSTON, ANXIETY, GRIEF]),
            ("day=sat", &[GRIEF]),
            ("day=mon,thu", &[BOSTON, ANXIETY]),
            ("time=evening", &[BOSTON, CIRCLE]),
            ("time=weekend", &[GRIEF]),
            ("time=morning", &[ANXIETY]),
            ("language=es", &[GRIEF]),
            ("payment=medicaid,free", &[CIRCLE, ANXIETY]),
            ("audience=veterans", &[GRIEF]),
            ("care=outpatient", &[BOSTON, GRIEF]),
            ("seats=waitlist", &[GRIEF]),
        ];
        for (query, expected) in cases {
            assert_eq!(names(s, query).await, expected, "{backend}: {query}");
        }
        assert_eq!(
            names(s, "seats=open").await,
            [BOSTON, CIRCLE, ANXIETY],
            "{backend}: seats open = capacity - active members"
        );
        assert_eq!(names(s, "time=afternoon").await, [GRIEF]);
        assert_eq!(names(s, "care=intensive_outpatient").await, [ANXIETY]);

        // Combinations narrow.
        assert_eq!(
            names(s, "focus=alcohol_use&time=evening&led=peer").await,
            [CIRCLE],
            "{backend}"
        );
        assert!(names(s, "focus=alcohol_use&format=online&language=es")
            .await
            .is_empty());

        // Distance: nearest first, online groups have no place, the radius holds.
        let near = page(s, "near=Hartford,+CT&within=200").await;
        let found: Vec<(&str, f64)> = near
            .results
            .iter()
            .map(|r| (r.group.name.as_str(), r.group.distance_km.unwrap()))
            .collect();
        assert_eq!(
            found.iter().map(|f| f.0).collect::<Vec<_>>(),
            [ANXIETY, GRIEF, BOSTON],
            "{backend}: nearest first"
        );
        assert!(found[0].1 < 0.01);
        assert!((54.0..57.0).contains(&found[1].1), "{backend}: {found:?}");
        assert!((140.0..160.0).contains(&found[2].1), "{backend}: {found:?}");
        assert_eq!(
            near.results[1].reasons[0],
            finder::reasons::distance(found[1].1),
            "{backend}: the distance is the first reason"
        );
        assert_eq!(
            names(s, "near=Hartford,+CT&within=60").await,
            [ANXIETY, GRIEF]
        );
        assert_eq!(names(s, "lat=42.36&lon=-71.06&within=5").await, [BOSTON]);
        assert_eq!(
            names(s, "near=Hartford,+CT&within=200&focus=alcohol_use").await,
            [BOSTON]
        );

        // Text: every word must match; a match in the name ranks above one in the
        // description; stems match ("drinks" finds "Drinking").
        assert_eq!(
            names(s, "q=alcohol").await,
            [CIRCLE, BOSTON],
            "{backend}: ranking"
        );
        assert_eq!(names(s, "q=drinks").await, [BOSTON], "{backend}: stemming");
        assert_eq!(names(s, "q=grief+support").await, [GRIEF]);
        assert!(names(s, "q=alcohol+grief").await.is_empty());
        // Text, three filters and distance together.
        assert_eq!(
            names(
                s,
                "q=alcohol&led=clinician&time=evening&seats=open&near=Hartford,+CT&within=200"
            )
            .await,
            [BOSTON]
        );

        // Pages: one more row than a page tells whether another follows.
        let mut filter = finder::DirectoryQuery::everything().filter();
        filter.limit = 3;
        let first = s.directory_search(&filter).await.unwrap();
        filter.offset = 3;
        let rest = s.directory_search(&filter).await.unwrap();
        assert_eq!(first.len(), 3);
        assert_eq!(
            rest.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(),
            [GRIEF]
        );
        assert!(!page(s, "").await.has_next);

        // The search rows follow every edit, in the same transaction.
        let renamed = Group {
            name: "Tuesday Sober Circle".into(),
            focus_areas: vec![FocusArea::AlcoholUse, FocusArea::Stress],
            ..circle.clone()
        };
        s.update_group(renamed.clone()).await.unwrap();
        assert_eq!(
            names(s, "q=sober").await,
            ["Tuesday Sober Circle"],
            "{backend}"
        );
        assert!(
            names(s, "q=evening+recovery").await.is_empty(),
            "{backend}: old name gone"
        );
        assert_eq!(names(s, "focus=stress").await, ["Tuesday Sober Circle"]);
        assert_eq!(
            names(s, "q=stress").await,
            ["Tuesday Sober Circle"],
            "{backend}: focus text"
        );

        // A new lead changes who leads it.
        s.update_group(Group {
            facilitators: vec![facilitator(clin.id, Role::Clinician, true)],
            ..renamed.clone()
        })
        .await
        .unwrap();
        assert_eq!(
            names(s, "led=peer").await,
            [GRIEF],
            "{backend}: lead changed"
        );

        // A schedule moved to the morning.
        s.update_schedule(Schedule {
            start_time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            ..circle_schedule.clone()
        })
        .await
        .unwrap();
        assert_eq!(
            names(s, "time=morning").await,
            [ANXIETY, "Tuesday Sober Circle"],
            "{backend}: schedule edit"
        );
        // The view files each start time as the domain's rule does, boundaries included.
        for (days, finder_days) in [
            (vec![Weekday::Tue], vec![finder::Day::Tue]),
            (vec![Weekday::Sat], vec![finder::Day::Sat]),
        ] {
            for (h, m) in [(11, 59), (12, 0), (16, 59), (17, 0)] {
                let start = NaiveTime::from_hms_opt(h, m, 0).unwrap();
                s.update_schedule(Schedule {
                    days: days.clone(),
                    start_time: start,
                    ..circle_schedule.clone()
                })
                .await
                .unwrap();
                let expected = finder::times_of_day(&finder_days, start);
                for time in finder::TimeOfDay::ALL {
                    let listed = names(s, &format!("time={}", time.code()))
                        .await
                        .contains(&"Tuesday Sober Circle".to_owned());
                    assert_eq!(
                        listed,
                        expected.contains(time),
                        "{backend}: {days:?} at {start} as {time:?}"
                    );
                }
            }
        }

        // An ended schedule no longer counts.
        s.update_schedule(Schedule {
            archived_at: Some(t0()),
            start_time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            ..circle_schedule.clone()
        })
        .await
        .unwrap();
        assert_eq!(names(s, "day=tue").await, Vec::<String>::new(), "{backend}");

        // The location moves: distances follow.
        s.update_location(Location {
            latitude: Some(41.31),
            longitude: Some(-72.93),
            ..hartford.clone()
        })
        .await
        .unwrap();
        assert_eq!(
            names(s, "near=Hartford,+CT&within=30").await,
            Vec::<String>::new(),
            "{backend}: location moved away"
        );
        assert_eq!(
            sorted(names(s, "lat=41.31&lon=-72.93&within=5").await),
            [ANXIETY, GRIEF],
            "{backend}"
        );

        // A seat more: the full group has room again (seats are counted at query time).
        assert_eq!(names(s, "seats=waitlist").await, [GRIEF]);
        s.update_group(Group {
            capacity: 3,
            ..grief.clone()
        })
        .await
        .unwrap();
        assert!(names(s, "seats=waitlist").await.is_empty(), "{backend}");
        assert!(names(s, "seats=open").await.contains(&GRIEF.to_owned()));

        // Archiving the group, or its organization, takes it out.
        s.update_group(Group {
            archived_at: Some(t0()),
            ..drinking.clone()
        })
        .await
        .unwrap();
        assert_eq!(
            names(s, "focus=relapse_prevention").await,
            Vec::<String>::new()
        );
        assert_eq!(names(s, "").await.len(), 3, "{backend}");

        // An archived location's address is not published: its groups leave the directory.
        s.update_location(Location {
            archived_at: Some(t0()),
            latitude: Some(41.31),
            longitude: Some(-72.93),
            ..hartford.clone()
        })
        .await
        .unwrap();
        assert_eq!(
            names(s, "lat=41.31&lon=-72.93&within=5").await,
            [GRIEF],
            "{backend}: the group at the archived location left"
        );

        database.close().await;
    }
}
