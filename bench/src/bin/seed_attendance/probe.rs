//! The group report's two reads, run straight on the seeded file with the same SQLite the
//! server links: their query plans and timings, so a slow page can be traced to its SQL.
//!
//! The statements are copies of `FACTS_OF_GROUP` and `SPANS` in
//! `crates/store/src/sql/reports.rs` (crate-private there); keep them in step.

use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use serde_json::{json, Value};

use crate::db::{ts, Db};
use crate::Result;

const FACTS_OF_GROUP: &str = "SELECT s.id AS session_id, s.starts_at, s.ends_at, g.time_zone, \
     g.id AS group_id, g.name AS group_name, g.kind, p.level_of_care, g.billing_code, \
     g.billing_modifier, \
     COALESCE((SELECT fa.display_name FROM group_facilitators f \
       JOIN accounts fa ON fa.id = f.account_id \
       WHERE f.group_id = g.id AND f.lead LIMIT 1), '') AS facilitator_name, \
     a.account_id, m.display_name AS member_name, a.status, a.minutes \
     FROM group_sessions s \
     JOIN groups g ON g.id = s.group_id \
     JOIN programs p ON p.id = g.program_id \
     JOIN attendance a ON a.session_id = s.id \
     JOIN accounts m ON m.id = a.account_id \
     WHERE g.org_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 AND s.group_id = $4 \
     ORDER BY s.starts_at, s.id, m.display_name, a.account_id";

const SPANS: &str = "SELECT e.account_id, a.display_name AS member_name, \
     e.active_from, e.active_until FROM enrollments e JOIN accounts a ON a.id = e.account_id \
     WHERE e.group_id = $1 AND e.active_from IS NOT NULL ORDER BY e.active_from, e.id";

/// Plans and timings of the report's reads for `group` of `org` over `from..=to`, with the
/// bounds the use case passes (midnight UTC a day before `from` and two days after `to`).
pub fn report_queries(
    db: &Db,
    org: &str,
    group: &str,
    from: NaiveDate,
    to: NaiveDate,
    runs: usize,
) -> Result<Value> {
    let midnight = |d: NaiveDate| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN));
    let lower = ts(midnight(from - Duration::days(1)));
    let upper = ts(midnight(to + Duration::days(2)));
    let facts_params: [&dyn rusqlite::ToSql; 4] = [&org, &lower, &upper, &group];
    let spans_params: [&dyn rusqlite::ToSql; 1] = [&group];
    Ok(json!({
        "facts_of_group": probe(db, FACTS_OF_GROUP, &facts_params, runs)?,
        "enrollment_spans": probe(db, SPANS, &spans_params, runs)?,
    }))
}

fn probe(db: &Db, sql: &str, params: &[&dyn rusqlite::ToSql], runs: usize) -> Result<Value> {
    let mut plan = Vec::new();
    {
        let mut statement = db.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let mut rows = statement.query(params)?;
        let mut depth: Vec<(i64, usize)> = Vec::new();
        while let Some(row) = rows.next()? {
            let (id, parent, detail): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(3)?);
            while depth.last().is_some_and(|(p, _)| *p != parent) {
                depth.pop();
            }
            let level = depth.last().map_or(0, |(_, l)| l + 1);
            depth.push((id, level));
            plan.push(format!("{}{detail}", "  ".repeat(level)));
        }
    }
    let mut statement = db.conn.prepare(sql)?;
    let columns = statement.column_count();
    let mut times = Vec::with_capacity(runs);
    let mut rows_read = 0usize;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let mut rows = statement.query(params)?;
        let mut n = 0usize;
        while let Some(row) = rows.next()? {
            for c in 0..columns {
                let _ = row.get_ref(c)?;
            }
            n += 1;
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        rows_read = n;
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let index = ((q * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1;
        times.get(index).copied().unwrap_or(f64::NAN)
    };
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    Ok(json!({
        "rows": rows_read,
        "runs": times.len(),
        "p50_ms": round(at(0.5)),
        "max_ms": round(at(1.0)),
        "plan": plan,
    }))
}
