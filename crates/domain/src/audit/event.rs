use chrono::{DateTime, Utc};

use crate::auth::Actor;
use crate::ids::{AccountId, OrgId};
use crate::vocabulary;

vocabulary!(
    /// What was done to clinical content.
    AuditAction {
        ChartView => ("chart_view", "Viewed a member chart"),
        NoteView => ("note_view", "Viewed a group note"),
        NoteSave => ("note_save", "Saved a draft group note"),
        NoteSign => ("note_sign", "Signed a group note"),
        NoteCosign => ("note_cosign", "Co-signed a group note"),
        AddendumAdd => ("addendum_add", "Added an addendum"),
        RequestView => ("request_view", "Viewed a request to join"),
        ReportView => ("report_view", "Viewed an attendance or billing report"),
        ReportExport => ("report_export", "Downloaded an attendance or billing report"),
        AuditView => ("audit_view", "Viewed the audit trail"),
        AuditExport => ("audit_export", "Exported the audit trail"),
    }
);

vocabulary!(
    /// How the access ended.
    Outcome {
        Success => ("success", "Allowed"),
        Denied => ("denied", "Refused"),
    }
);

/// Where a request came from: its id (also in the server's logs and error pages) and the
/// client's address when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trail {
    pub request_id: String,
    /// Empty when unknown (in-process calls, the command line).
    pub client_addr: String,
}

/// The object an event concerns: its kind (`"group_note"`, `"member_note"`, `"chart"`,
/// `"join_request"`, `"group_report"`, `"member_report"`, `"billing"`, `"audit_trail"`)
/// and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditObject {
    pub kind: &'static str,
    pub id: String,
}

/// One audit event before it is chained: who did what to which object, when, from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: DateTime<Utc>,
    /// `None` for a visitor (refused before sign-in) or the command line.
    pub actor: Option<AccountId>,
    pub org: Option<OrgId>,
    /// The member whose clinical content it is, when it concerns one.
    pub member: Option<AccountId>,
    pub action: AuditAction,
    pub object: AuditObject,
    pub outcome: Outcome,
    pub request_id: String,
    pub client_addr: String,
}

impl AuditEvent {
    pub fn new(
        at: DateTime<Utc>,
        actor: Option<AccountId>,
        action: AuditAction,
        object: AuditObject,
        trail: &Trail,
    ) -> Self {
        Self {
            at,
            actor,
            org: None,
            member: None,
            action,
            object,
            outcome: Outcome::Success,
            request_id: trail.request_id.clone(),
            client_addr: trail.client_addr.clone(),
        }
    }

    /// What the person behind `actor` (nobody, for a visitor) does in the organization.
    pub fn by(
        actor: &Actor,
        org: OrgId,
        action: AuditAction,
        object: AuditObject,
        trail: &Trail,
        now: DateTime<Utc>,
    ) -> Self {
        Self::new(
            now,
            actor.signed_in().map(|me| me.account_id),
            action,
            object,
            trail,
        )
        .in_org(org)
    }

    pub fn in_org(mut self, org: OrgId) -> Self {
        self.org = Some(org);
        self
    }

    pub fn about(mut self, member: AccountId) -> Self {
        self.member = Some(member);
        self
    }

    pub fn denied(mut self) -> Self {
        self.outcome = Outcome::Denied;
        self
    }
}
