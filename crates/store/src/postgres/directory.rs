//! The directory search on PostgreSQL: the weighted tsvector for the words, the
//! `directory_km` SQL function (migration 0003) for the exact distance.

use kindred_domain::fields::Choice;
use kindred_domain::finder::{DirectoryFilter, DirectoryHit};
use kindred_domain::store::DirectoryStore;

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::DirectoryRow;
use crate::sql::directory as sql;
use crate::Backend;

#[async_trait::async_trait]
impl DirectoryStore for PgStore {
    async fn directory_search(&self, filter: &DirectoryFilter) -> R<Vec<DirectoryHit>> {
        let text = sql::search(Backend::Postgres, filter);
        // Not a cached prepared statement: planned with the values each time, so the planner
        // knows the actual words and box when it chooses between the GIN and the position
        // index (a generic plan cannot).
        let mut query = sqlx::query_as::<Db, DirectoryRow>(&text)
            .persistent(false)
            .bind(filter.focus)
            .bind(filter.led.map(|l| l.code()).unwrap_or_default())
            .bind(filter.formats)
            .bind(filter.language.map(|l| l.code()).unwrap_or_default())
            .bind(filter.days)
            .bind(filter.times)
            .bind(filter.payments)
            .bind(filter.audiences)
            .bind(filter.care)
            .bind(filter.seats.map(|s| s.code()).unwrap_or_default())
            .bind(filter.limit)
            .bind(filter.offset);
        if !filter.terms.is_empty() {
            query = query.bind(sql::tsquery(&filter.terms));
        }
        if let Some(a) = &filter.area {
            query = query
                .bind(a.latitude)
                .bind(a.longitude)
                .bind(a.min_lat)
                .bind(a.max_lat)
                .bind(a.min_lon)
                .bind(a.max_lon)
                .bind(a.within_km);
        }
        query
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(DirectoryHit::try_from)
            .collect()
    }
}
