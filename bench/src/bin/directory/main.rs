//! Benchmark: the public directory with 100,000 groups across 5,000 organizations.
//!
//! For each backend (SQLite always; PostgreSQL with `--postgres-url`, in a fresh schema that
//! is dropped at the end): seed the groups (places spread over 40 US metro areas, focus
//! areas, payment, audiences, one weekly schedule each, active members), then time, one
//! after the other in the same loop:
//!   - the figure: a directory search with words, three filters (time of day, format,
//!     payment) and a place with a distance, first page, through the store as the server
//!     runs it (`finder::run`);
//!   - the baseline: one group read by primary key through the same store (`Store::group`).
//!
//! Prints a JSON line per backend and a table with p50/p99; exits 2 when a p99 is over 20 ms.
//!
//!   cargo run --release -p kindred-bench --bin directory -- [--postgres-url URL]

mod data;
mod load;
mod places;
mod rng;
mod words;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::Parser;
use kindred_domain::finder::{self, DirectoryInput, DirectoryQuery, Gazetteer, Place};
use kindred_domain::ids::GroupId;
use kindred_store::Database;
use serde_json::json;
use sqlx::{Connection, Executor, PgConnection};

#[path = "../../stats.rs"]
#[allow(dead_code)]
mod stats;

use places::METROS;
use rng::Rng;
use stats::Samples;

const GOAL_P99_MS: f64 = 20.0;
const WORDS: [&str; 6] = [
    "alcohol", "recovery", "anxiety", "support", "skills", "grief",
];

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 5_000)]
    orgs: usize,
    #[arg(long, default_value_t = 20)]
    groups_per_org: usize,
    /// Timed searches (and as many baseline reads) per backend.
    #[arg(long, default_value_t = 3_000)]
    iterations: usize,
    /// PostgreSQL to measure too, e.g. postgres://postgres@127.0.0.1:5432/test.
    #[arg(long)]
    postgres_url: Option<String>,
    /// Measure PostgreSQL only.
    #[arg(long)]
    skip_sqlite: bool,
    /// Leave the PostgreSQL schema in place (its name is printed) to look at query plans.
    #[arg(long)]
    keep_schema: bool,
}

/// The metro areas by name ("Chicago, IL").
struct Metros;

impl Gazetteer for Metros {
    fn locate(&self, text: &str) -> Option<Place> {
        METROS
            .iter()
            .find(|m| format!("{}, {}", m.0, m.1) == text)
            .map(|m| Place {
                latitude: m.2,
                longitude: m.3,
                label: text.to_owned(),
            })
    }
}

/// The searches to cycle through: each word in each metro area.
fn queries() -> Result<Vec<DirectoryQuery>, String> {
    let mut out = Vec::new();
    for (i, m) in METROS.iter().enumerate() {
        for word in WORDS {
            let pairs = vec![
                ("q".to_owned(), word.to_owned()),
                (
                    "time".to_owned(),
                    if i % 2 == 0 {
                        "evening"
                    } else {
                        "morning,afternoon"
                    }
                    .to_owned(),
                ),
                ("format".to_owned(), "in_person,hybrid".to_owned()),
                ("payment".to_owned(), "medicaid,sliding_scale".to_owned()),
                ("near".to_owned(), format!("{}, {}", m.0, m.1)),
                ("within".to_owned(), "40".to_owned()),
            ];
            let query = DirectoryInput::from_pairs(pairs)
                .parse(&Metros)
                .map_err(|e| format!("query does not parse: {:?}", e.0))?;
            out.push(query);
        }
    }
    Ok(out)
}

struct Outcome {
    backend: &'static str,
    seed: Duration,
    search: stats::Summary,
    baseline: stats::Summary,
    mean_results: f64,
}

async fn measure(
    backend: &'static str,
    db: &Database,
    group_ids: &[String],
    iterations: usize,
    seed: Duration,
) -> Result<Outcome, String> {
    let store = db.store();
    let queries = queries()?;
    let ids: Vec<GroupId> = group_ids
        .iter()
        .map(|s| s.parse().map_err(|_| "bad id".to_owned()))
        .collect::<Result<_, _>>()?;
    let mut rng = Rng::new(42);
    // Warm the caches and the prepared statements.
    for q in queries.iter().take(200) {
        finder::run(store.as_ref(), q)
            .await
            .map_err(|e| e.to_string())?;
    }
    let (mut search, mut baseline) = (Samples::default(), Samples::default());
    let mut results = 0usize;
    for i in 0..iterations {
        let q = &queries[(i * 7) % queries.len()];
        let started = Instant::now();
        let page = finder::run(store.as_ref(), q)
            .await
            .map_err(|e| e.to_string())?;
        search.push(started.elapsed().as_micros() as u64);
        results += page.results.len();

        let id = ids[rng.below(ids.len())];
        let started = Instant::now();
        let group = store.group(id).await.map_err(|e| e.to_string())?;
        baseline.push(started.elapsed().as_micros() as u64);
        if group.is_none() {
            return Err("a seeded group is missing".into());
        }
    }
    Ok(Outcome {
        backend,
        seed,
        search: search.summary(),
        baseline: baseline.summary(),
        mean_results: results as f64 / iterations.max(1) as f64,
    })
}

async fn sqlite(args: &Args) -> Result<Outcome, String> {
    let path = std::env::temp_dir().join(format!(
        "kindred-directory-{}.db",
        uuid::Uuid::new_v4().simple()
    ));
    let url = format!("sqlite://{}", path.display());
    let result = async {
        let db = Database::connect(&url).await.map_err(|e| e.to_string())?;
        db.migrate().await.map_err(|e| e.to_string())?;
        db.close().await;
        let world = data::world(args.orgs, args.groups_per_org, Utc::now());
        let started = Instant::now();
        load::sqlite(&path, &world.tables)?;
        let seed = started.elapsed();
        let db = Database::connect(&url).await.map_err(|e| e.to_string())?;
        let outcome = measure("sqlite", &db, &world.group_ids, args.iterations, seed).await;
        db.close().await;
        outcome
    }
    .await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    result
}

async fn postgres(args: &Args, base: &str) -> Result<Outcome, String> {
    let schema = format!("bench_directory_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(base)
        .await
        .map_err(|e| e.to_string())?;
    admin
        .execute(format!("CREATE SCHEMA {schema}").as_str())
        .await
        .map_err(|e| e.to_string())?;
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options[search_path]={schema}");
    let result = async {
        let db = Database::connect(&url).await.map_err(|e| e.to_string())?;
        db.migrate().await.map_err(|e| e.to_string())?;
        let world = data::world(args.orgs, args.groups_per_org, Utc::now());
        let started = Instant::now();
        load::postgres(&url, &world.tables).await?;
        let seed = started.elapsed();
        let outcome = measure("postgres", &db, &world.group_ids, args.iterations, seed).await;
        db.close().await;
        outcome
    }
    .await;
    if args.keep_schema {
        eprintln!("kept schema {schema}; drop it with DROP SCHEMA {schema} CASCADE");
    } else if let Err(e) = admin
        .execute(format!("DROP SCHEMA {schema} CASCADE").as_str())
        .await
    {
        eprintln!("could not drop schema {schema}: {e}");
    }
    let _ = admin.close().await;
    result
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcomes = runtime.block_on(async {
        let mut out = Vec::new();
        if !args.skip_sqlite {
            out.push(sqlite(&args).await);
        }
        if let Some(url) = &args.postgres_url {
            out.push(postgres(&args, url).await);
        }
        out
    });
    let mut ok = true;
    println!(
        "\n{} groups in {} organizations; search = words + time of day + format + payment + 40 km, first page",
        args.orgs * args.groups_per_org,
        args.orgs
    );
    println!("backend   | seed s | search p50 | search p99 | baseline p50 | baseline p99 | results/page | goal p99 <= {GOAL_P99_MS} ms");
    for outcome in outcomes {
        match outcome {
            Ok(o) => {
                let met = o.search.p99 <= GOAL_P99_MS;
                ok &= met;
                println!(
                    "{}",
                    json!({"backend": o.backend, "seed_s": o.seed.as_secs_f64(), "search_ms": o.search.to_json(),
                           "baseline_pk_ms": o.baseline.to_json(), "mean_results": o.mean_results})
                );
                println!(
                    "{:<9} | {:>6.1} | {:>10.3} | {:>10.3} | {:>12.3} | {:>12.3} | {:>12.1} | {}",
                    o.backend,
                    o.seed.as_secs_f64(),
                    o.search.p50,
                    o.search.p99,
                    o.baseline.p50,
                    o.baseline.p99,
                    o.mean_results,
                    if met { "met" } else { "MISSED" }
                );
            }
            Err(e) => {
                ok = false;
                eprintln!("benchmark failed: {e}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
