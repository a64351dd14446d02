//! A quick check, ignored by default, of how long the job takes to make one year of sessions
//! for 10,000 groups with a schedule each, on every backend. Run it optimized:
//!
//! ```text
//! KINDRED_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test \
//!   cargo test -p kindred-store --release --test it -- --ignored materialize_speed --nocapture
//! ```
//!
//! `KINDRED_SPEED_GROUPS` changes the number of groups, `KINDRED_SPEED_DAYS` the days each
//! schedule meets on (comma-separated codes, `tue,thu` by default).

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use kindred_domain::groups::Group;
use kindred_domain::schedules::{materialize_until, ScheduleInput};
use kindred_domain::Store;
use kindred_store::testing::fresh_postgres;
use kindred_store::Database;

use crate::fixtures::{group, location, org, program};

const ZONES: [chrono_tz::Tz; 4] = [
    chrono_tz::America::New_York,
    chrono_tz::America::Chicago,
    chrono_tz::America::Los_Angeles,
    chrono_tz::Europe::Berlin,
];

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// Groups and their schedules, written by a few tasks at once; no session is made yet.
async fn seed(store: &Arc<dyn Store>, groups: usize, days: &[String], now: DateTime<Utc>) {
    let clinic = org("Speed Clinic");
    store.create_organization(clinic.clone()).await.unwrap();
    let p = program(clinic.id, "IOP");
    let l = location(clinic.id, "Main St");
    store.insert_program(p.clone()).await.unwrap();
    store.insert_location(l.clone()).await.unwrap();
    let writers = 4;
    let mut tasks = Vec::new();
    for w in 0..writers {
        let store = Arc::clone(store);
        let (p, l, days) = (p.clone(), l.clone(), days.to_vec());
        tasks.push(tokio::spawn(async move {
            for i in (w..groups).step_by(writers) {
                let mut g: Group = group(&p, &l, &format!("Group {i:05}"));
                g.time_zone = ZONES[i % ZONES.len()];
                store.insert_group(g.clone()).await.unwrap();
                let input = ScheduleInput {
                    days: days.clone(),
                    start_time: format!("{:02}:{:02}", 8 + i % 12, (i % 4) * 15),
                    duration_minutes: "90".into(),
                    first_date: "2026-10-05".into(),
                    room: format!("Room {}", i % 20),
                    ..Default::default()
                };
                let schedule = input.parse().unwrap().into_new(g.id, now);
                store.insert_schedule(schedule).await.unwrap();
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a timing check: run it optimized, on its own"]
async fn materialize_speed() {
    let groups: usize = env_or("KINDRED_SPEED_GROUPS", "10000").parse().unwrap();
    let days: Vec<String> = env_or("KINDRED_SPEED_DAYS", "tue,thu")
        .split(',')
        .map(str::to_owned)
        .collect();
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap();
    let until = now + TimeDelta::weeks(52);
    // Its own files and schema, removed afterwards: each run leaves half a gigabyte.
    let path = std::env::temp_dir().join(format!("kindred-speed-{}.db", uuid::Uuid::new_v4()));
    let mut backends = vec![(
        "sqlite",
        Database::connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap(),
    )];
    if let Ok(url) = std::env::var("KINDRED_TEST_POSTGRES_URL") {
        backends.push(("postgres", fresh_postgres(url.trim()).await));
    }
    for (backend, database) in backends {
        database.migrate().await.unwrap();
        let store = database.store();
        let seeding = Instant::now();
        seed(&store, groups, &days, now).await;
        let seeded = seeding.elapsed();
        let (own, server) = (cpu_seconds(Some("self")), cpu_seconds(None));
        let written = written_bytes();
        let started = Instant::now();
        let done = materialize_until(store.as_ref(), now, until).await.unwrap();
        let took = started.elapsed();
        let (own, server) = (cpu_seconds(Some("self")) - own, cpu_seconds(None) - server);
        let written = (written_bytes() - written) / 1_000_000;
        let server = if backend == "postgres" {
            format!(", {server:.2} s in PostgreSQL")
        } else {
            format!("; {written} MB written")
        };
        println!(
            "{backend}: {} sessions for {} schedules ({} days a week) in {:.2} s; CPU time \
             {own:.2} s here{server} (seeding took {:.1} s)",
            done.inserted,
            done.schedules,
            days.len(),
            took.as_secs_f64(),
            seeded.as_secs_f64()
        );
        assert_eq!(done.schedules, groups, "{backend}");
        assert!(
            done.inserted >= groups * days.len() * 50,
            "{backend}: {done:?}"
        );
        // Once more: nothing is due, and it takes no time.
        let again = Instant::now();
        let done = materialize_until(store.as_ref(), now, until).await.unwrap();
        assert_eq!(done.inserted, 0, "{backend}");
        println!(
            "{backend}: a second run found nothing due in {:.3} s",
            again.elapsed().as_secs_f64()
        );
        database.reset().await.unwrap();
        database.close().await;
        if backend == "sqlite" {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}

/// CPU time (user and system) in seconds of this process (`Some("self")`) or of every
/// `postgres` process (`None`), from Linux's `/proc`: on a machine shared with other work,
/// CPU time says more than the wall clock. 0 where `/proc` cannot be read.
fn cpu_seconds(pid: Option<&str>) -> f64 {
    let ticks = |stat: &str| -> Option<(String, f64)> {
        let (head, rest) = stat.rsplit_once(')')?;
        let comm = head.split_once('(')?.1.to_owned();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // After the command: state is field 3, utime and stime are fields 14 and 15.
        let utime: f64 = fields.get(11)?.parse().ok()?;
        let stime: f64 = fields.get(12)?.parse().ok()?;
        Some((comm, (utime + stime) / 100.0))
    };
    let read = |p: &str| std::fs::read_to_string(format!("/proc/{p}/stat")).ok();
    match pid {
        Some(p) => read(p).and_then(|s| ticks(&s)).map_or(0.0, |(_, t)| t),
        None => std::fs::read_dir("/proc")
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter_map(|e| read(&e.file_name().to_string_lossy()))
                    .filter_map(|s| ticks(&s))
                    .filter(|(comm, _)| comm == "postgres")
                    .map(|(_, t)| t)
                    .sum()
            })
            .unwrap_or(0.0),
    }
}

/// Bytes this process has handed to `write` calls so far (Linux's `/proc/self/io`), 0 where
/// it cannot be read: SQLite's writes, a measure that other work on the machine does not
/// change.
fn written_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/io")
        .ok()
        .and_then(|io| {
            io.lines()
                .find_map(|l| l.strip_prefix("wchar:"))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(0)
}
