//! The directory search on SQLite: FTS5 for the words, `directory_km` (registered on every
//! connection, see `pool.rs`) for the exact distance.

use kindred_domain::fields::Choice;
use kindred_domain::finder::{haversine_km, DirectoryFilter, DirectoryHit};
use kindred_domain::store::DirectoryStore;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, ToSql};

use super::exec::all;
use super::{SqliteStore, R};
use crate::rows::DirectoryRow;
use crate::sql::directory as sql;
use crate::Backend;

/// Registers `directory_km(lat1, lon1, lat2, lon2)`: the haversine distance in km, NULL when
/// any argument is.
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "directory_km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let mut v = [0.0_f64; 4];
            for (i, slot) in v.iter_mut().enumerate() {
                match ctx.get::<Option<f64>>(i)? {
                    Some(x) => *slot = x,
                    None => return Ok(None),
                }
            }
            Ok(Some(haversine_km(v[0], v[1], v[2], v[3])))
        },
    )
}

#[async_trait::async_trait]
impl DirectoryStore for SqliteStore {
    async fn directory_search(&self, filter: &DirectoryFilter) -> R<Vec<DirectoryHit>> {
        let text = sql::search(Backend::Sqlite, filter);
        let led = filter.led.map(|l| l.code()).unwrap_or_default();
        let language = filter.language.map(|l| l.code()).unwrap_or_default();
        let seats = filter.seats.map(|s| s.code()).unwrap_or_default();
        let query = sql::fts5_query(&filter.terms, filter.area.as_ref());
        let mut params: Vec<&dyn ToSql> = vec![
            &filter.focus,
            &led,
            &filter.formats,
            &language,
            &filter.days,
            &filter.times,
            &filter.payments,
            &filter.audiences,
            &filter.care,
            &seats,
            &filter.limit,
            &filter.offset,
        ];
        if !filter.terms.is_empty() {
            params.push(&query);
        }
        if let Some(a) = &filter.area {
            params.extend([
                &a.latitude as &dyn ToSql,
                &a.longitude,
                &a.min_lat,
                &a.max_lat,
                &a.min_lon,
                &a.max_lon,
                &a.within_km,
            ]);
        }
        self.read(|c| {
            all::<DirectoryRow>(c, &text, &params)?
                .into_iter()
                .map(DirectoryHit::try_from)
                .collect()
        })
    }
}
