//! One line of the audit view: an event as stored, with the names of the people it names
//! where their accounts still exist.

use chrono::{DateTime, SecondsFormat, Utc};

use super::event::{AuditAction, Outcome};
use crate::fields::Choice as _;
use crate::ids::{AccountId, OrgId};

/// An event of the trail as an organization's administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    /// The event's place in the chain of the whole database: 1, 2, 3, …
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// `None` for a visitor or the command line.
    pub actor_id: Option<AccountId>,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub org_id: Option<OrgId>,
    /// The member whose clinical content it concerned, if one.
    pub member_id: Option<AccountId>,
    pub member_name: Option<String>,
    pub member_email: Option<String>,
    pub action: AuditAction,
    /// `group_note`, `member_note`, `chart`, `audit_trail`, …
    pub object_kind: String,
    pub object_id: String,
    pub outcome: Outcome,
    pub request_id: String,
    /// Empty when unknown.
    pub client_addr: String,
}

/// The CSV columns of the audit export, in order.
pub fn audit_csv_header() -> &'static [&'static str] {
    &[
        "seq",
        "time",
        "actor",
        "actor id",
        "organization",
        "member",
        "member id",
        "action",
        "object kind",
        "object id",
        "outcome",
        "request id",
        "client address",
    ]
}

impl AuditEntry {
    /// "Name <email>", the name alone, or empty when the account is gone or there is none.
    pub fn actor_label(&self) -> String {
        person(self.actor_name.as_deref(), self.actor_email.as_deref())
    }

    pub fn member_label(&self) -> String {
        person(self.member_name.as_deref(), self.member_email.as_deref())
    }

    /// The cells of one CSV row, in the order of [`audit_csv_header`]. Names and every
    /// free-text cell are guarded against spreadsheet formulas.
    pub fn csv_fields(&self) -> Vec<String> {
        let id = |v: Option<String>| v.unwrap_or_default();
        vec![
            self.seq.to_string(),
            self.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            crate::reports::csv_cells::text(&self.actor_label()),
            id(self.actor_id.map(|a| a.to_string())),
            id(self.org_id.map(|o| o.to_string())),
            crate::reports::csv_cells::text(&self.member_label()),
            id(self.member_id.map(|m| m.to_string())),
            self.action.code().to_owned(),
            crate::reports::csv_cells::text(&self.object_kind),
            crate::reports::csv_cells::text(&self.object_id),
            self.outcome.code().to_owned(),
            crate::reports::csv_cells::text(&self.request_id),
            crate::reports::csv_cells::text(&self.client_addr),
        ]
    }
}

fn person(name: Option<&str>, email: Option<&str>) -> String {
    match (name, email) {
        (Some(name), Some(email)) => format!("{name} <{email}>"),
        (Some(name), None) => name.to_owned(),
        (None, Some(email)) => email.to_owned(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_have_a_cell_per_column_and_defuse_formulas() {
        let entry = AuditEntry {
            seq: 7,
            at: DateTime::from_timestamp(1_900_000_000, 5_000).unwrap_or_default(),
            actor_id: Some(AccountId::new()),
            actor_name: Some("=cmd".into()),
            actor_email: Some("dana@clinic.test".into()),
            org_id: Some(OrgId::new()),
            member_id: None,
            member_name: None,
            member_email: None,
            action: AuditAction::AuditView,
            object_kind: "audit_trail".into(),
            object_id: "x".into(),
            outcome: Outcome::Denied,
            request_id: "r-1".into(),
            client_addr: String::new(),
        };
        let cells = entry.csv_fields();
        assert_eq!(cells.len(), audit_csv_header().len());
        assert_eq!(cells[1], "2030-03-17T17:46:40.000005Z");
        assert_eq!(cells[2], "'=cmd <dana@clinic.test>");
        assert_eq!(cells[5], "");
        assert_eq!(cells[7], "audit_view");
        assert_eq!(cells[10], "denied");
    }
}
