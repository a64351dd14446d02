//! The seeded world: 5,000 organizations over the US with 20 groups each (100,000 groups),
//! as rows per table, written to either backend by `load.rs`. Deterministic (a fixed seed).

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::groups::{Audience, FocusArea, PaymentOption};
use kindred_domain::programs::LevelOfCare;
use uuid::Uuid;

use crate::places::metro;
use crate::rng::Rng;
use crate::words::{ADJECTIVES, SENTENCES, SHAPES, TOPICS};

/// A value of a cell.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Int(i64),
    Real(f64),
    Bool(bool),
    Time(DateTime<Utc>),
    Null,
}

pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn id() -> String {
    Uuid::new_v4().to_string()
}

pub struct World {
    pub tables: Vec<Table>,
    pub group_ids: Vec<String>,
}

/// Builds every row. `members_per_group`: active enrollments on average.
pub fn world(orgs: usize, groups_per_org: usize, now: DateTime<Utc>) -> World {
    let mut rng = Rng::new(0x006b_696e_6472_6564);
    let mut organizations = Vec::new();
    let mut accounts = Vec::new();
    let mut staff = Vec::new();
    let mut programs = Vec::new();
    let mut locations = Vec::new();
    let mut groups = Vec::new();
    let mut tags = Vec::new();
    let mut facilitators = Vec::new();
    let mut schedules = Vec::new();
    let mut enrollments = Vec::new();
    let mut group_ids = Vec::new();
    // Members shared across the country: enrollments pick from them.
    let members: Vec<String> = (0..20_000).map(|_| id()).collect();
    for (i, m) in members.iter().enumerate() {
        accounts.push(vec![
            text(m.clone()),
            text(format!("member{i}@bench.test")),
            text(format!("Member {i}")),
            text("x"),
            Cell::Time(now),
        ]);
    }
    let levels = LevelOfCare::ALL;
    for o in 0..orgs {
        let org = id();
        let (city, state, lat, lon, _) = *metro(&mut rng);
        organizations.push(vec![
            text(org.clone()),
            text(format!("{city} Recovery Services {o}")),
            Cell::Time(now),
            Cell::Null,
        ]);
        let peer = id();
        let clinician = id();
        for (who, role) in [(&peer, "peer_specialist"), (&clinician, "clinician")] {
            accounts.push(vec![
                text(who.clone()),
                text(format!("{role}{o}@bench.test")),
                text(format!("Staff {o} {role}")),
                text("x"),
                Cell::Time(now),
            ]);
            staff.push(vec![text(org.clone()), text(who.clone()), text(role)]);
        }
        let org_programs: Vec<(String, LevelOfCare)> = (0..2)
            .map(|p| {
                let level = levels[(o + p) % levels.len()];
                let pid = id();
                programs.push(vec![
                    text(pid.clone()),
                    text(org.clone()),
                    text(format!("{} program", level.label())),
                    text(level.code()),
                    Cell::Bool(p == 1),
                    text("Groups for adults."),
                    Cell::Time(now),
                    Cell::Null,
                ]);
                (pid, level)
            })
            .collect();
        let mut sites = Vec::new();
        for s in 0..3 {
            let lid = id();
            let (la, lo) = (
                lat + (rng.unit() - 0.5) * 0.5,
                lon + (rng.unit() - 0.5) * 0.6,
            );
            locations.push(vec![
                text(lid.clone()),
                text(org.clone()),
                text(format!("Site {s}")),
                text("physical"),
                text(format!("{} Main St", 10 + s)),
                text(format!("{city}, {state}")),
                text(""),
                Cell::Real(la),
                Cell::Real(lo),
                Cell::Time(now),
                Cell::Null,
            ]);
            sites.push(lid);
        }
        let online = id();
        locations.push(vec![
            text(online.clone()),
            text(org.clone()),
            text("Online"),
            text("online"),
            text(""),
            text(""),
            text(""),
            Cell::Null,
            Cell::Null,
            Cell::Time(now),
            Cell::Null,
        ]);
        for _ in 0..groups_per_org {
            let gid = id();
            let (topic, focus) = *rng.pick(&TOPICS);
            let name = format!("{} {} {}", rng.pick(&ADJECTIVES), topic, rng.pick(&SHAPES));
            let description = format!("{} {}", rng.pick(&SENTENCES), rng.pick(&SENTENCES));
            let r = rng.below(100);
            let format = if r < 60 {
                "in_person"
            } else if r < 85 {
                "online"
            } else {
                "hybrid"
            };
            let location = if format == "online" {
                online.clone()
            } else {
                rng.pick(&sites).clone()
            };
            let peer_led = rng.below(2) == 0;
            let kind = if peer_led {
                "peer_support"
            } else {
                *rng.pick(&["therapy", "psychoeducation", "skills"])
            };
            let r = rng.below(100);
            let language = if r < 85 {
                "en"
            } else if r < 95 {
                "es"
            } else {
                *rng.pick(&["zh", "vi", "ko", "ru"])
            };
            let (program, _) = rng.pick(&org_programs).clone();
            let capacity = 8 + rng.below(12) as i64;
            groups.push(vec![
                text(gid.clone()),
                text(org.clone()),
                text(program),
                text(location),
                text(name),
                text(description),
                text(kind),
                text("rolling"),
                text(format),
                Cell::Int(capacity),
                Cell::Int(3),
                text(language),
                text("America/New_York"),
                Cell::Time(now),
                Cell::Null,
            ]);
            let mut focus_codes = vec![focus];
            for _ in 0..rng.below(3) {
                focus_codes.push(*rng.pick(FocusArea::ALL));
            }
            focus_codes.sort();
            focus_codes.dedup();
            for f in focus_codes {
                tags.push(vec![text(gid.clone()), text("focus_area"), text(f.code())]);
            }
            let mut pays: Vec<PaymentOption> = (0..1 + rng.below(3))
                .map(|_| *rng.pick(PaymentOption::ALL))
                .collect();
            pays.sort();
            pays.dedup();
            for p in pays {
                tags.push(vec![
                    text(gid.clone()),
                    text("payment_option"),
                    text(p.code()),
                ]);
            }
            let mut auds: Vec<Audience> = (0..1 + rng.below(2))
                .map(|_| *rng.pick(Audience::ALL))
                .collect();
            auds.sort();
            auds.dedup();
            for a in auds {
                tags.push(vec![text(gid.clone()), text("audience"), text(a.code())]);
            }
            let (lead, role) = if peer_led {
                (&peer, "peer_specialist")
            } else {
                (&clinician, "clinician")
            };
            facilitators.push(vec![
                text(gid.clone()),
                text(lead.clone()),
                text(role),
                Cell::Bool(true),
            ]);
            let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            let first = rng.below(7);
            let day_list = if rng.below(3) == 0 {
                format!("{},{}", days[first], days[(first + 2) % 7])
            } else {
                days[first].to_owned()
            };
            let hour = 8 + rng.below(13);
            let minute = [0, 15, 30, 45][rng.below(4)];
            schedules.push(vec![
                text(id()),
                text(gid.clone()),
                text(day_list),
                text(format!("{hour:02}:{minute:02}")),
                Cell::Int(90),
                Cell::Int(1),
                text("2026-01-05"),
                text("never"),
                Cell::Null,
                Cell::Null,
                text(""),
                Cell::Time(now),
                Cell::Null,
                Cell::Null,
            ]);
            let active = rng.below(capacity as usize + 4).min(capacity as usize);
            let start = rng.below(members.len());
            for k in 0..active {
                let member = &members[(start + k * 7) % members.len()];
                enrollments.push(vec![
                    text(id()),
                    text(gid.clone()),
                    text(member.clone()),
                    text("active"),
                    Cell::Time(now),
                    Cell::Time(now),
                    Cell::Time(now),
                ]);
            }
            group_ids.push(gid);
        }
    }
    let tables = vec![
        Table {
            name: "organizations",
            columns: &["id", "name", "created_at", "archived_at"],
            rows: organizations,
        },
        Table {
            name: "accounts",
            columns: &["id", "email", "display_name", "password_hash", "created_at"],
            rows: accounts,
        },
        Table {
            name: "org_staff",
            columns: &["org_id", "account_id", "role"],
            rows: staff,
        },
        Table {
            name: "programs",
            columns: &[
                "id",
                "org_id",
                "name",
                "level_of_care",
                "part2",
                "description",
                "created_at",
                "archived_at",
            ],
            rows: programs,
        },
        Table {
            name: "locations",
            columns: &[
                "id",
                "org_id",
                "name",
                "kind",
                "address",
                "city",
                "postcode",
                "latitude",
                "longitude",
                "created_at",
                "archived_at",
            ],
            rows: locations,
        },
        // Children before their groups: on SQLite each group's search row is then built once,
        // when the group itself arrives (see load.rs).
        Table {
            name: "group_tags",
            columns: &["group_id", "tag_kind", "value"],
            rows: tags,
        },
        Table {
            name: "group_facilitators",
            columns: &["group_id", "account_id", "role", "lead"],
            rows: facilitators,
        },
        Table {
            name: "schedules",
            columns: &[
                "id",
                "group_id",
                "days",
                "start_time",
                "duration_minutes",
                "interval_weeks",
                "first_date",
                "end_kind",
                "until_date",
                "end_count",
                "room",
                "created_at",
                "archived_at",
                "materialized_until",
            ],
            rows: schedules,
        },
        Table {
            name: "groups",
            columns: &[
                "id",
                "org_id",
                "program_id",
                "location_id",
                "name",
                "description",
                "kind",
                "enrollment",
                "format",
                "capacity",
                "min_size",
                "language",
                "time_zone",
                "created_at",
                "archived_at",
            ],
            rows: groups,
        },
        Table {
            name: "enrollments",
            columns: &[
                "id",
                "group_id",
                "account_id",
                "status",
                "created_at",
                "active_from",
                "updated_at",
            ],
            rows: enrollments,
        },
    ];
    World { tables, group_ids }
}
