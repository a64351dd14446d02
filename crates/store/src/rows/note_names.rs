//! The names a session's members are known by, for the name check.

use kindred_domain::attendance::RosterLine;
use kindred_domain::ids::AccountId;
use kindred_domain::notes::KnownNames;
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::id;
use crate::sqlite::values::Cols;

type R<T> = Result<T, StoreError>;

#[derive(sqlx::FromRow)]
pub(crate) struct NameRow {
    account_id: String,
    name: String,
}

impl SqliteRow for NameRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(NameRow {
            account_id: c.get("account_id")?,
            name: c.get("name")?,
        })
    }
}

/// The names each roster member gave on requests to join (their display names come with
/// the roster; [`with_display_names`] adds them).
pub(crate) fn known_names(roster: &[RosterLine], rows: Vec<NameRow>) -> R<Vec<KnownNames>> {
    let mut known: Vec<KnownNames> = roster
        .iter()
        .map(|l| KnownNames {
            member: l.account_id,
            names: Vec::new(),
        })
        .collect();
    for row in rows {
        let member: AccountId = id("intake_requests.account_id", &row.account_id)?;
        if let Some(k) = known.iter_mut().find(|k| k.member == member) {
            k.names.push(row.name);
        }
    }
    Ok(known)
}

/// Each member's names with their display name first.
pub(crate) fn with_display_names(
    roster: &[RosterLine],
    mut known: Vec<KnownNames>,
) -> Vec<KnownNames> {
    for k in &mut known {
        if let Some(line) = roster.iter().find(|l| l.account_id == k.member) {
            k.names.insert(0, line.display_name.clone());
        }
    }
    known
}
