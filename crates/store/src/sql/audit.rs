//! The audit trail: appending to the chain, its head, and the organization's view.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::store::AuditQuery;

/// The head row. PostgreSQL appends read it with `FOR UPDATE` (`HEAD_FOR_UPDATE`), which
/// SQLite has no need for: its one writer already takes appends one at a time.
pub(crate) const HEAD: &str = "SELECT seq, hash FROM audit_head WHERE id = 1";

/// PostgreSQL only: the head row, locked until the append's transaction ends.
pub(crate) const HEAD_FOR_UPDATE: &str = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";

pub(crate) const INSERT: &str = "INSERT INTO audit_events (seq, at, actor_id, org_id, \
     member_id, action, object_kind, object_id, outcome, request_id, client_addr, prev_hash, \
     hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

/// Moves the head on from the sequence number the append read (`$3`): no row changes if
/// anything else moved it meanwhile, and the append fails instead of forking the chain.
pub(crate) const SET_HEAD: &str =
    "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1 AND seq = $3";

pub(crate) const CHAIN: &str = "SELECT seq, at, actor_id, org_id, member_id, action, \
     object_kind, object_id, outcome, request_id, client_addr, prev_hash, hash \
     FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2";

const TRAIL_SELECT: &str = "SELECT e.seq, e.at, e.actor_id, a.display_name AS actor_name, \
     a.email AS actor_email, e.org_id, e.member_id, m.display_name AS member_name, \
     m.email AS member_email, e.action, e.object_kind, e.object_id, e.outcome, e.request_id, \
     e.client_addr FROM audit_events e \
     LEFT JOIN accounts a ON a.id = e.actor_id LEFT JOIN accounts m ON m.id = e.member_id \
     WHERE e.org_id = $1";

/// A value for the view's statement, bound by each backend its own way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Time(DateTime<Utc>),
    Int(i64),
}

/// The organization's events newest first, with only the filters in use in the statement,
/// so each filter's index serves it: `(org_id, actor_id, seq)`, `(org_id, member_id, seq)`
/// or `(org_id, seq)`. At most 2⁶ texts, so prepared-statement caches keep them.
pub(crate) fn trail(q: &AuditQuery) -> (String, Vec<Value>) {
    let mut sql = String::from(TRAIL_SELECT);
    let mut values = vec![Value::Text(q.org.to_string())];
    let mut and = |condition: &str, value: Value| {
        values.push(value);
        sql.push_str(&format!(" AND {condition} ${}", values.len()));
    };
    if let Some(actor) = q.actor {
        and("e.actor_id =", Value::Text(actor.to_string()));
    }
    if let Some(member) = q.member {
        and("e.member_id =", Value::Text(member.to_string()));
    }
    if let Some(action) = q.action {
        and("e.action =", Value::Text(action.code().to_owned()));
    }
    if let Some(from) = q.from {
        and("e.at >=", Value::Time(from));
    }
    if let Some(to) = q.to {
        and("e.at <", Value::Time(to));
    }
    if let Some(before) = q.before_seq {
        and("e.seq <", Value::Int(before));
    }
    values.push(Value::Int(q.limit));
    sql.push_str(&format!(" ORDER BY e.seq DESC LIMIT ${}", values.len()));
    (sql, values)
}

#[cfg(test)]
mod tests {
    use kindred_domain::audit::AuditAction;
    use kindred_domain::ids::{AccountId, OrgId};

    use super::*;

    #[test]
    fn only_the_filters_in_use_are_in_the_statement_numbered_in_order() {
        let org = OrgId::new();
        let query = AuditQuery {
            org,
            actor: None,
            member: None,
            action: None,
            from: None,
            to: None,
            before_seq: None,
            limit: 51,
        };
        let (sql, values) = trail(&query);
        assert!(
            sql.ends_with("WHERE e.org_id = $1 ORDER BY e.seq DESC LIMIT $2"),
            "{sql}"
        );
        assert_eq!(values, vec![Value::Text(org.to_string()), Value::Int(51)]);

        let member = AccountId::new();
        let (sql, values) = trail(&AuditQuery {
            member: Some(member),
            action: Some(AuditAction::NoteView),
            before_seq: Some(9),
            ..query
        });
        assert!(
            sql.ends_with(
                "WHERE e.org_id = $1 AND e.member_id = $2 AND e.action = $3 AND e.seq < $4 \
                 ORDER BY e.seq DESC LIMIT $5"
            ),
            "{sql}"
        );
        assert_eq!(values[1], Value::Text(member.to_string()));
        assert_eq!(values[2], Value::Text("note_view".into()));
        assert_eq!(values[3], Value::Int(9));
    }
}
