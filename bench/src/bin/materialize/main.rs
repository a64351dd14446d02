//! Benchmark: make one year of sessions for 10,000 groups, on SQLite and on PostgreSQL.
//!
//! For each backend: a fresh database, one organization with `--groups` groups in four time
//! zones, each with a weekly schedule (`--days`: Tuesday by default, a group meeting once a
//! week; `--days tue,thu` doubles the sessions) and no sessions yet. Then, timed:
//!   - the baseline: planning the same year for every schedule in memory (the domain's
//!     `plan_sessions`, no storage), which is the work any design has to do;
//!   - the figure: `materialize_until(now, now + 365 days)`, the background job's code path,
//!     planning and storing every session.
//!
//! Prints one JSON line per backend and a table; exits 2 when a backend takes 10 s or more.
//!
//!   cargo run --release -p kindred-bench --bin materialize -- [--postgres-url URL]

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use clap::Parser;
use kindred_domain::groups::{
    Audience, EnrollmentMode, FocusArea, Format, Group, GroupKind, Language, PaymentOption,
};
use kindred_domain::ids::{GroupId, LocationId, OrgId, ProgramId};
use kindred_domain::locations::{Location, LocationKind};
use kindred_domain::orgs::Organization;
use kindred_domain::programs::{LevelOfCare, Program};
use kindred_domain::schedules::{materialize_until, plan_sessions, Schedule, ScheduleInput};
use kindred_domain::Store;
use kindred_store::testing::{fresh_postgres, fresh_sqlite};

const GOAL: Duration = Duration::from_secs(10);
const ZONES: [chrono_tz::Tz; 4] = [
    chrono_tz::America::New_York,
    chrono_tz::America::Chicago,
    chrono_tz::America::Los_Angeles,
    chrono_tz::Europe::Berlin,
];

#[derive(Parser)]
struct Args {
    /// Groups, one weekly schedule each.
    #[arg(long, default_value_t = 10_000)]
    groups: usize,
    /// Days each schedule meets on.
    #[arg(long, default_value = "tue")]
    days: String,
    /// PostgreSQL to measure too (a fresh schema is made and left for the next run to drop).
    #[arg(long, env = "KINDRED_TEST_POSTGRES_URL")]
    postgres_url: Option<String>,
}

struct Run {
    backend: &'static str,
    seed: Duration,
    plan_only: Duration,
    planned: usize,
    materialize: Duration,
    inserted: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run_all(&args)) {
        Ok(runs) => report(&runs),
        Err(e) => {
            eprintln!("benchmark failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run_all(args: &Args) -> Result<Vec<Run>, String> {
    let days: Vec<String> = args.days.split(',').map(|d| d.trim().to_owned()).collect();
    let mut runs = Vec::new();
    let sqlite = fresh_sqlite().await;
    runs.push(run_one("sqlite", sqlite.store(), args.groups, &days).await?);
    sqlite.close().await;
    match &args.postgres_url {
        Some(url) => {
            let postgres = fresh_postgres(url).await;
            runs.push(run_one("postgres", postgres.store(), args.groups, &days).await?);
            postgres.close().await;
        }
        None => eprintln!("no --postgres-url (or KINDRED_TEST_POSTGRES_URL): SQLite only"),
    }
    Ok(runs)
}

async fn run_one(
    backend: &'static str,
    store: Arc<dyn Store>,
    groups: usize,
    days: &[String],
) -> Result<Run, String> {
    let now = Utc::now();
    let until = now + TimeDelta::days(365);
    eprintln!("[{backend}] seeding {groups} groups with a schedule each");
    let started = Instant::now();
    let schedules = seed(&store, groups, days, now).await?;
    let seed_time = started.elapsed();

    let started = Instant::now();
    let planned: usize = schedules
        .iter()
        .map(|(schedule, zone)| plan_sessions(schedule, *zone, &[], now, until).insert.len())
        .sum();
    let plan_only = started.elapsed();

    eprintln!("[{backend}] materializing one year");
    let started = Instant::now();
    let applied = materialize_until(store.as_ref(), now, until)
        .await
        .map_err(|e| format!("materialize: {e}"))?;
    let materialize = started.elapsed();
    Ok(Run {
        backend,
        seed: seed_time,
        plan_only,
        planned,
        materialize,
        inserted: applied.inserted,
    })
}

/// One organization, its program and site, the groups and their schedules; no sessions.
async fn seed(
    store: &Arc<dyn Store>,
    groups: usize,
    days: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<(Schedule, chrono_tz::Tz)>, String> {
    let fail = |what: &str| {
        let what = what.to_owned();
        move |e: kindred_domain::StoreError| format!("{what}: {e}")
    };
    let org = Organization {
        id: OrgId::new(),
        name: "Benchmark Health".into(),
        created_at: now,
    };
    store
        .create_organization(org.clone())
        .await
        .map_err(fail("organization"))?;
    let program = Program {
        id: ProgramId::new(),
        org_id: org.id,
        name: "Intensive Outpatient".into(),
        level_of_care: LevelOfCare::IntensiveOutpatient,
        part2: false,
        description: String::new(),
        on_call_id: None,
        created_at: now,
        archived_at: None,
    };
    store
        .insert_program(program.clone())
        .await
        .map_err(fail("program"))?;
    let site = Location {
        id: LocationId::new(),
        org_id: org.id,
        name: "Main Clinic".into(),
        kind: LocationKind::Physical,
        address: "1 Main St".into(),
        city: "Hartford".into(),
        postcode: "06106".into(),
        latitude: None,
        longitude: None,
        created_at: now,
        archived_at: None,
    };
    store
        .insert_location(site.clone())
        .await
        .map_err(fail("location"))?;

    // A few writers at once, as a busy server would have.
    let writers = 4;
    let mut tasks = Vec::new();
    for w in 0..writers {
        let store = Arc::clone(store);
        let (org, program, site, days) = (org.id, program.id, site.id, days.to_vec());
        tasks.push(tokio::spawn(async move {
            let mut made = Vec::new();
            for i in (w..groups).step_by(writers) {
                let zone = ZONES[i % ZONES.len()];
                let group = Group {
                    id: GroupId::new(),
                    org_id: org,
                    program_id: program,
                    location_id: site,
                    name: format!("Group {i:05}"),
                    description: String::new(),
                    kind: GroupKind::Therapy,
                    enrollment: EnrollmentMode::Rolling,
                    format: Format::InPerson,
                    capacity: 12,
                    min_size: 3,
                    language: Language::English,
                    time_zone: zone,
                    focus_areas: vec![FocusArea::Anxiety],
                    payment_options: vec![PaymentOption::Medicaid],
                    audiences: vec![Audience::Adults],
                    facilitators: Vec::new(),
                    offer_hours: 0,
                    billing_code: String::new(),
                    billing_modifier: String::new(),
                    created_at: now,
                    archived_at: None,
                };
                store
                    .insert_group(group.clone())
                    .await
                    .map_err(|e| format!("group: {e}"))?;
                let input = ScheduleInput {
                    days: days.clone(),
                    start_time: format!("{:02}:{:02}", 8 + i % 12, (i % 4) * 15),
                    duration_minutes: "90".into(),
                    first_date: now.date_naive().to_string(),
                    room: format!("Room {}", i % 20),
                    ..ScheduleInput::default()
                };
                let schedule = input
                    .parse()
                    .map_err(|e| format!("schedule input: {e:?}"))?
                    .into_new(group.id, now);
                store
                    .insert_schedule(schedule.clone())
                    .await
                    .map_err(|e| format!("schedule: {e}"))?;
                made.push((schedule, zone));
            }
            Ok::<_, String>(made)
        }));
    }
    let mut all = Vec::with_capacity(groups);
    for task in tasks {
        all.extend(task.await.map_err(|e| format!("seed task: {e}"))??);
    }
    Ok(all)
}

fn report(runs: &[Run]) -> ExitCode {
    let mut met = true;
    println!();
    println!(
        "{:10} {:>10} {:>12} {:>16} {:>12} {:>14} {:>10}",
        "backend", "seed s", "sessions", "plan only s", "stored s", "sessions/s", "goal"
    );
    for r in runs {
        let ok = r.materialize < GOAL && r.inserted == r.planned;
        met &= ok;
        println!(
            "{{\"backend\":\"{}\",\"seed_s\":{:.3},\"planned\":{},\"inserted\":{},\"plan_only_s\":{:.3},\"materialize_s\":{:.3}}}",
            r.backend,
            r.seed.as_secs_f64(),
            r.planned,
            r.inserted,
            r.plan_only.as_secs_f64(),
            r.materialize.as_secs_f64(),
        );
        println!(
            "{:10} {:>10.2} {:>12} {:>16.3} {:>12.2} {:>14.0} {:>10}",
            r.backend,
            r.seed.as_secs_f64(),
            r.inserted,
            r.plan_only.as_secs_f64(),
            r.materialize.as_secs_f64(),
            r.inserted as f64 / r.materialize.as_secs_f64().max(1e-9),
            if ok { "MET" } else { "MISSED" },
        );
    }
    println!();
    println!(
        "goal: one year of sessions for every group stored in under {} s on each backend; \
         baseline: the same year planned in memory, no storage",
        GOAL.as_secs()
    );
    if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
