//! Report rows on SQLite.

use kindred_domain::audit::AuditEvent;
use kindred_domain::ids::{AccountId, GroupId, OrgId};
use kindred_domain::reports::{AttendanceFact, EnrollmentSpan};
use kindred_domain::store::{FactQuery, FactScope, ReportStore};

use super::exec::{all, exists};
use super::values::ts;
use super::{SqliteStore, R};
use crate::rows::{FactRow, SpanRow};
use crate::sql::reports as sql;

#[async_trait::async_trait]
impl ReportStore for SqliteStore {
    async fn attendance_facts(&self, q: FactQuery, event: AuditEvent) -> R<Vec<AttendanceFact>> {
        let (org, from, to) = (q.org.to_string(), ts(q.from), ts(q.to));
        let rows = self
            .read_audited(move |c| {
                let rows = match q.scope {
                    FactScope::Organization => {
                        all::<FactRow>(c, sql::FACTS_OF_ORG, &[&org, &from, &to])?
                    }
                    FactScope::Group(g) => {
                        all::<FactRow>(c, sql::FACTS_OF_GROUP, &[&org, &from, &to, &g.to_string()])?
                    }
                    FactScope::Member(m) => all::<FactRow>(
                        c,
                        sql::FACTS_OF_MEMBER,
                        &[&org, &from, &to, &m.to_string()],
                    )?,
                };
                Ok((rows, Some(event)))
            })
            .await?;
        rows.into_iter().map(AttendanceFact::try_from).collect()
    }

    async fn ever_enrolled_in_org(&self, account: AccountId, org: OrgId) -> R<bool> {
        self.read(|c| {
            exists(
                c,
                sql::EVER_ENROLLED_IN_ORG,
                &[&account.to_string(), &org.to_string()],
            )
        })
    }

    async fn enrollment_spans(&self, group: GroupId) -> R<Vec<EnrollmentSpan>> {
        self.read(|c| {
            all::<SpanRow>(c, sql::SPANS, &[&group.to_string()])?
                .into_iter()
                .map(EnrollmentSpan::try_from)
                .collect()
        })
    }
}
