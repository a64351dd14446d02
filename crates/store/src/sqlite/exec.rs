//! Running the shared SQL texts on a rusqlite connection: statements come from the
//! connection's prepared-statement cache, and `$n` parameters are bound by name.

use kindred_domain::StoreError;
use rusqlite::types::FromSql;
use rusqlite::{CachedStatement, Connection, Statement, ToSql};

use super::values::Cols;
use crate::errors::sqlite as err;
use crate::rows::SqliteRow;

type R<T> = Result<T, StoreError>;

/// The values for `$1, $2, …`, in that order.
pub(crate) type Params<'a> = &'a [&'a dyn ToSql];

/// Parameter names by position; no statement of the Store binds more.
const NAMES: [&str; 20] = [
    "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15",
    "$16", "$17", "$18", "$19", "$20",
];

/// Binds `params[i]` to `$<i+1>`. SQLite treats `$n` as a named parameter and numbers names
/// in order of first appearance, so `… SET b = $2 WHERE a = $1` has `$2` first: binding by
/// name makes the order in the text irrelevant. The statement must use exactly `$1…$N`.
pub(crate) fn bind(stmt: &mut Statement<'_>, params: Params<'_>) -> rusqlite::Result<()> {
    if stmt.parameter_count() != params.len() {
        return Err(rusqlite::Error::InvalidParameterCount(
            params.len(),
            stmt.parameter_count(),
        ));
    }
    for (position, value) in params.iter().enumerate() {
        let name = NAMES
            .get(position)
            .ok_or_else(|| rusqlite::Error::InvalidParameterName(format!("${}", position + 1)))?;
        let index = stmt
            .parameter_index(name)?
            .ok_or_else(|| rusqlite::Error::InvalidParameterName((*name).to_owned()))?;
        stmt.raw_bind_parameter(index, *value)?;
    }
    Ok(())
}

/// A statement run many times in a row (one per planned session): prepared once, with the
/// position of each `$n` looked up once instead of by name on every run.
pub(crate) struct Repeated<'c> {
    stmt: CachedStatement<'c>,
    positions: Vec<usize>,
}

impl<'c> Repeated<'c> {
    /// `count` is the number of parameters, `$1` to `$count`.
    pub(crate) fn new(conn: &'c Connection, sql: &str, count: usize) -> R<Self> {
        let stmt = conn.prepare_cached(sql).map_err(err)?;
        let positions = NAMES
            .iter()
            .take(count)
            .map(|name| {
                stmt.parameter_index(name)?
                    .ok_or_else(|| rusqlite::Error::InvalidParameterName((*name).to_owned()))
            })
            .collect::<rusqlite::Result<Vec<usize>>>()
            .map_err(err)?;
        if positions.len() != count || stmt.parameter_count() != count {
            return Err(err(rusqlite::Error::InvalidParameterCount(
                count,
                stmt.parameter_count(),
            )));
        }
        Ok(Repeated { stmt, positions })
    }

    /// Runs it with `params` for `$1, $2, …`; the number of rows it changed.
    pub(crate) fn run(&mut self, params: Params<'_>) -> R<usize> {
        if params.len() != self.positions.len() {
            return Err(err(rusqlite::Error::InvalidParameterCount(
                params.len(),
                self.positions.len(),
            )));
        }
        for (position, value) in self.positions.iter().zip(params) {
            self.stmt
                .raw_bind_parameter(*position, *value)
                .map_err(err)?;
        }
        self.stmt.raw_execute().map_err(err)
    }
}

fn prepared<'c>(conn: &'c Connection, sql: &str, params: Params<'_>) -> R<CachedStatement<'c>> {
    let mut stmt = conn.prepare_cached(sql).map_err(err)?;
    bind(&mut stmt, params).map_err(err)?;
    Ok(stmt)
}

/// Every row, read by `T`.
pub(crate) fn all<T: SqliteRow>(conn: &Connection, sql: &str, params: Params<'_>) -> R<Vec<T>> {
    let mut stmt = prepared(conn, sql, params)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(err)? {
        out.push(T::read(&mut Cols::new(row)).map_err(err)?);
    }
    Ok(out)
}

/// The first column of every row, an id stored as text; `column` names it in errors.
pub(crate) fn ids<T: std::str::FromStr>(
    conn: &Connection,
    sql: &str,
    params: Params<'_>,
    column: &str,
) -> R<Vec<T>> {
    let mut stmt = prepared(conn, sql, params)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(err)? {
        let raw: String = row.get(0).map_err(err)?;
        out.push(crate::errors::id(column, &raw)?);
    }
    Ok(out)
}

/// The first row, if any.
pub(crate) fn optional<T: SqliteRow>(
    conn: &Connection,
    sql: &str,
    params: Params<'_>,
) -> R<Option<T>> {
    let mut stmt = prepared(conn, sql, params)?;
    let mut rows = stmt.raw_query();
    match rows.next().map_err(err)? {
        Some(row) => T::read(&mut Cols::new(row)).map(Some).map_err(err),
        None => Ok(None),
    }
}

/// Whether the query returns a row.
pub(crate) fn exists(conn: &Connection, sql: &str, params: Params<'_>) -> R<bool> {
    let mut stmt = prepared(conn, sql, params)?;
    let mut rows = stmt.raw_query();
    Ok(rows.next().map_err(err)?.is_some())
}

/// The first column of the one row the query returns.
pub(crate) fn scalar<T: FromSql>(conn: &Connection, sql: &str, params: Params<'_>) -> R<T> {
    let mut stmt = prepared(conn, sql, params)?;
    let mut rows = stmt.raw_query();
    match rows.next().map_err(err)? {
        Some(row) => row.get(0).map_err(err),
        None => Err(StoreError::NotFound),
    }
}

/// Runs a statement that returns no rows; the number of rows it changed.
pub(crate) fn execute(conn: &Connection, sql: &str, params: Params<'_>) -> R<usize> {
    prepared(conn, sql, params)?.raw_execute().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> Connection {
        let conn = Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        conn.execute_batch("CREATE TABLE t (a TEXT, b INTEGER)")
            .unwrap_or_else(|e| panic!("{e}"));
        conn
    }

    #[test]
    fn dollar_parameters_bind_by_number_whatever_their_order_in_the_text() {
        let conn = conn();
        execute(&conn, "INSERT INTO t (a, b) VALUES ($1, $2)", &[&"x", &1]).unwrap();
        // `$2` appears first, so SQLite gives it index 1; the value for `$1` still goes to `$1`.
        let changed = execute(&conn, "UPDATE t SET b = $2 WHERE a = $1", &[&"x", &7]).unwrap();
        assert_eq!(changed, 1);
        let b: i64 = scalar(&conn, "SELECT b FROM t WHERE a = $1", &[&"x"]).unwrap();
        assert_eq!(b, 7);
        // A parameter used twice is bound once.
        let n: i64 = scalar(&conn, "SELECT $1 + $1 * $2", &[&2, &10]).unwrap();
        assert_eq!(n, 22);
    }

    struct Pair {
        a: String,
        b: i64,
    }

    impl SqliteRow for Pair {
        fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
            Ok(Pair {
                a: c.get("a")?,
                b: c.get("b")?,
            })
        }
    }

    #[test]
    fn rows_are_read_by_position_and_the_names_are_checked() {
        let conn = conn();
        execute(&conn, "INSERT INTO t (a, b) VALUES ($1, $2)", &[&"x", &1]).unwrap();
        let pair: Pair = optional(&conn, "SELECT a, b FROM t", &[]).unwrap().unwrap();
        assert_eq!((pair.a.as_str(), pair.b), ("x", 1));
        // Columns out of order are a mistake the tests catch (names are checked in debug).
        let swapped = all::<Pair>(&conn, "SELECT b, a FROM t", &[]);
        if cfg!(debug_assertions) {
            assert!(matches!(swapped, Err(StoreError::Backend(_))));
        }
    }

    #[test]
    fn a_repeated_statement_binds_by_number_on_every_run() {
        let conn = conn();
        let mut insert = Repeated::new(&conn, "INSERT INTO t (b, a) VALUES ($2, $1)", 2).unwrap();
        for (a, b) in [("x", 1), ("y", 2)] {
            assert_eq!(insert.run(&[&a, &b]).unwrap(), 1);
        }
        assert!(matches!(insert.run(&[&"z"]), Err(StoreError::Backend(_))));
        drop(insert);
        let b: i64 = scalar(&conn, "SELECT b FROM t WHERE a = $1", &[&"y"]).unwrap();
        assert_eq!(b, 2);
        assert!(Repeated::new(&conn, "SELECT $1, $2", 3).is_err());
    }

    #[test]
    fn a_wrong_number_of_values_is_refused() {
        let conn = conn();
        let fewer = execute(&conn, "INSERT INTO t (a, b) VALUES ($1, $2)", &[&"x"]);
        assert!(matches!(fewer, Err(StoreError::Backend(_))), "{fewer:?}");
        let more = execute(&conn, "INSERT INTO t (a) VALUES ($1)", &[&"x", &1]);
        assert!(matches!(more, Err(StoreError::Backend(_))), "{more:?}");
        // `$1` and `$3` with two values: `$2` is missing, so there is no name to bind to.
        let gap = execute(&conn, "INSERT INTO t (a, b) VALUES ($1, $3)", &[&"x", &1]);
        assert!(matches!(gap, Err(StoreError::Backend(_))), "{gap:?}");
    }
}
