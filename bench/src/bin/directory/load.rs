//! Writing the seeded world fast: SQLite through one rusqlite transaction of prepared inserts,
//! PostgreSQL through COPY.
//!
//! SQLite: foreign keys are off on this one connection (they are a per-connection setting)
//! and `data.rs` orders each group's tags, facilitators and schedule before the group, so the
//! directory triggers build each group's search row once, when the group arrives.
//! PostgreSQL: `session_replication_role = replica` holds the triggers (and foreign-key
//! checks) back during COPY; then the search rows are built in one statement, the same one
//! migration 0003 runs for groups that exist already.

use std::path::Path;

use rusqlite::types::Value;
use sqlx::{Connection, Executor, PgConnection};

use super::data::{Cell, Table};

fn sqlite_value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) => Value::Text(s.clone()),
        Cell::Int(i) => Value::Integer(*i),
        Cell::Real(r) => Value::Real(*r),
        Cell::Bool(b) => Value::Integer(i64::from(*b)),
        Cell::Time(t) => Value::Text(t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()),
        Cell::Null => Value::Null,
    }
}

pub fn sqlite(path: &Path, tables: &[Table]) -> Result<(), String> {
    let mut conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;")
        .map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    for table in tables {
        let marks = vec!["?"; table.columns.len()].join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            table.name,
            table.columns.join(", ")
        );
        let mut stmt = tx.prepare(&sql).map_err(|e| e.to_string())?;
        for row in &table.rows {
            let values: Vec<Value> = row.iter().map(sqlite_value).collect();
            stmt.execute(rusqlite::params_from_iter(values))
                .map_err(|e| format!("{}: {e}", table.name))?;
        }
    }
    tx.commit().map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA synchronous = NORMAL;")
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn csv_field(cell: &Cell, out: &mut String) {
    match cell {
        Cell::Text(s) => {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        }
        Cell::Int(i) => out.push_str(&i.to_string()),
        Cell::Real(r) => out.push_str(&r.to_string()),
        Cell::Bool(b) => out.push(if *b { 't' } else { 'f' }),
        Cell::Time(t) => out.push_str(&t.to_rfc3339()),
        Cell::Null => {}
    }
}

pub async fn postgres(url: &str, tables: &[Table]) -> Result<(), String> {
    let mut conn = PgConnection::connect(url)
        .await
        .map_err(|e| e.to_string())?;
    conn.execute("SET session_replication_role = replica")
        .await
        .map_err(|e| e.to_string())?;
    for table in tables {
        let statement = format!(
            "COPY {} ({}) FROM STDIN WITH (FORMAT csv)",
            table.name,
            table.columns.join(", ")
        );
        let mut copy = conn
            .copy_in_raw(&statement)
            .await
            .map_err(|e| e.to_string())?;
        for chunk in table.rows.chunks(5_000) {
            let mut text = String::new();
            for row in chunk {
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    csv_field(cell, &mut text);
                }
                text.push('\n');
            }
            copy.send(text.into_bytes())
                .await
                .map_err(|e| format!("{}: {e}", table.name))?;
        }
        copy.finish()
            .await
            .map_err(|e| format!("{}: {e}", table.name))?;
    }
    conn.execute("SET session_replication_role = origin")
        .await
        .map_err(|e| e.to_string())?;
    conn.execute("INSERT INTO directory_entries SELECT * FROM directory_source")
        .await
        .map_err(|e| e.to_string())?;
    conn.execute("ANALYZE").await.map_err(|e| e.to_string())?;
    conn.close().await.map_err(|e| e.to_string())?;
    Ok(())
}
