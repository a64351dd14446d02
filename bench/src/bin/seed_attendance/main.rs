//! `seed_attendance`: a year of attendance in a fresh `kindred demo` SQLite database, for
//! `bench/run-attendance.sh`.
//!
//! Run it once the demo server answers (it may keep running: the file is in WAL mode and
//! the writes go in large transactions with a busy timeout). It gives
//!
//! 1. the demo's own groups a year of weekly held sessions before the demo's four weeks,
//!    current members who joined through the year in the seats of former members, and a
//!    mark (with its log entry) for everyone on each held session's roster, up to a day
//!    ago; `member@demo.kindred.test` has been in each of their groups all year;
//! 2. a generated organization of copies of those groups (own members, facilitators,
//!    sessions a year back and eight weeks ahead, seats changing hands) until the database
//!    holds `--target-rows` attendance rows.
//!
//! Progress goes to stderr; one JSON line on stdout tells what was written, the exact row
//! count, the report group's ids and range, and the plans and timings of the report's SQL.

mod db;
mod demo;
mod generated;
mod history;
mod rng;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use clap::Parser;
use serde_json::json;

use crate::db::{ts, Db};
use crate::history::Clock;
use crate::rng::Rng;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T> = std::result::Result<T, Error>;

#[derive(Parser, Debug)]
#[command(
    name = "seed_attendance",
    about = "Add a year of attendance to a kindred demo SQLite database"
)]
struct Args {
    /// The demo's SQLite file.
    #[arg(long)]
    database: PathBuf,
    /// Attendance rows the database should hold at the end (at least; the last group is
    /// completed).
    #[arg(long, default_value_t = 1_000_000)]
    target_rows: u64,
    /// Weeks of history before today.
    #[arg(long, default_value_t = 53)]
    weeks: i64,
    /// The member whose history must be realistic: in each of their groups all year.
    #[arg(long, default_value = "member@demo.kindred.test")]
    member: String,
    /// The demo group whose report is measured.
    #[arg(long, default_value = "Self-Management Recovery Peer Group")]
    report_group: String,
    /// Attendance rows per transaction.
    #[arg(long, default_value_t = 100_000)]
    batch_rows: u64,
    /// Seed of the generator: the same seed, the same history (ids apart).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Run ANALYZE at the end (the server never does, so by default it is not run).
    #[arg(long)]
    analyze: bool,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seed_attendance: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<()> {
    if args.weeks < 5 {
        return Err("--weeks must be at least 5 (the demo already has four)".into());
    }
    let started = Instant::now();
    let mut db = Db::open(&args.database, args.batch_rows)?;
    let existing = u64::try_from(db.count("SELECT COUNT(*) FROM attendance")?).unwrap_or(0);
    if existing > 0 {
        return Err(format!(
            "the database already holds {existing} attendance rows; seed a fresh demo"
        )
        .into());
    }
    let (member, password_hash): (String, String) = db
        .conn
        .query_row(
            "SELECT id, password_hash FROM accounts WHERE email = ?1",
            [&args.member],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| format!("member {}: {e}", args.member))?;
    let templates = demo::load_groups(&db)?;
    let report = templates
        .iter()
        .find(|g| g.name == args.report_group)
        .ok_or_else(|| format!("no group named {:?}", args.report_group))?;

    let now = Utc::now();
    let clock = Clock {
        now,
        weeks: args.weeks,
        weeks_ahead: 8,
        mark_cutoff: now - Duration::days(1),
    };
    let mut rng = Rng::new(args.seed);

    db.begin()?;
    let t = Instant::now();
    let demo = demo::seed(&mut db, &mut rng, &clock, &templates, &member)?;
    eprintln!(
        "seed: demo groups: {} groups, {} sessions added, {} former members, {} marks in {:.1} s",
        demo.groups,
        demo.sessions_added,
        demo.former_members,
        demo.marks,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let generated = generated::seed(
        &mut db,
        &mut rng,
        &clock,
        &templates,
        &password_hash,
        existing + demo.marks,
        args.target_rows,
    )?;
    db.commit()?;
    eprintln!(
        "seed: {}: {} groups, {} sessions, {} members, {} facilitators, {} enrollments, \
         {} marks in {:.1} s ({} transactions)",
        generated::ORG_NAME,
        generated.groups,
        generated.sessions,
        generated.members,
        generated.facilitators,
        generated.enrollments,
        generated.marks,
        t.elapsed().as_secs_f64(),
        db.commits
    );
    if args.analyze {
        let t = Instant::now();
        db.conn.execute_batch("ANALYZE")?;
        eprintln!("seed: ANALYZE in {:.1} s", t.elapsed().as_secs_f64());
    }
    // Fold the WAL back into the file, as an idle server would soon.
    let (busy, _, _): (i64, i64, i64) =
        db.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;

    let rows = db.count("SELECT COUNT(*) FROM attendance")?;
    let member_marks: i64 = db.conn.query_row(
        "SELECT COUNT(*) FROM attendance WHERE account_id = ?1",
        [&member],
        |r| r.get(0),
    )?;
    let member_groups: i64 = db.conn.query_row(
        "SELECT COUNT(DISTINCT s.group_id) FROM attendance a \
         JOIN group_sessions s ON s.id = a.session_id WHERE a.account_id = ?1",
        [&member],
        |r| r.get(0),
    )?;
    // The report's year: 365 days up to today in the group's zone (the longest range the
    // report takes is 366 days).
    let to = now.with_timezone(&report.zone).date_naive();
    let from = to - Duration::days(364);
    // The bounds the report's use case reads between.
    let midnight = |d: NaiveDate| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN));
    let (marks_in_range, sessions_in_range, members_in_range): (i64, i64, i64) =
        db.conn.query_row(
            "SELECT COUNT(*), COUNT(DISTINCT a.session_id), COUNT(DISTINCT a.account_id) \
             FROM attendance a JOIN group_sessions s ON s.id = a.session_id \
             WHERE s.group_id = ?1 AND s.starts_at >= ?2 AND s.starts_at < ?3",
            (
                &report.id,
                ts(midnight(from - Duration::days(1))),
                ts(midnight(to + Duration::days(2))),
            ),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    // Who runs the report: the organization's first administrator.
    let admin: String = db.conn.query_row(
        "SELECT a.email FROM org_staff s JOIN accounts a ON a.id = s.account_id \
         WHERE s.org_id = ?1 AND s.role = 'org_admin' ORDER BY a.created_at, a.email LIMIT 1",
        [&report.org_id],
        |r| r.get(0),
    )?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "seed: {rows} attendance rows in the database; {marks_in_range} marks on \
         {sessions_in_range} sessions of {:?} this year; {seconds:.1} s in all",
        report.name
    );
    let summary = json!({
        "attendance_rows": rows,
        "demo": {
            "groups": demo.groups,
            "sessions_added": demo.sessions_added,
            "former_members": demo.former_members,
            "marks": demo.marks,
        },
        "generated": {
            "org_id": generated.org_id,
            "groups": generated.groups,
            "sessions": generated.sessions,
            "members": generated.members,
            "facilitators": generated.facilitators,
            "enrollments": generated.enrollments,
            "marks": generated.marks,
        },
        "group_sessions": db.count("SELECT COUNT(*) FROM group_sessions")?,
        "enrollments": db.count("SELECT COUNT(*) FROM enrollments")?,
        "accounts": db.count("SELECT COUNT(*) FROM accounts")?,
        "member": {"email": args.member, "marks": member_marks, "groups": member_groups},
        "report": {
            "org_id": report.org_id,
            "group_id": report.id,
            "group": report.name,
            "admin_email": admin,
            "from": from.to_string(),
            "to": to.to_string(),
            "marks": marks_in_range,
            "sessions": sessions_in_range,
            "members": members_in_range,
        },
        "analyzed": args.analyze,
        "wal_checkpoint_busy": busy,
        "transactions": db.commits,
        "seconds": (seconds * 10.0).round() / 10.0,
    });
    println!("{summary}");
    Ok(())
}
