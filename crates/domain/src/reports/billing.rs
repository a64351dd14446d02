//! Billing rows: what to claim for whom, from attendance marks.
//!
//! Only present, late and left early are billable. Codes and units follow
//! [`billing_method`](super::billing_rules::billing_method). Per-session rows carry the
//! session id and, as `participant_count`, the members who attended that session (absent and
//! excused not counted; a peer support member whose minutes make no unit still counts).
//!
//! Intensive outpatient member-days (H0015) add up a member's attended minutes across the
//! day's intensive outpatient sessions billed per day (those with an override are billed per
//! session and left out) and are billed, one unit, when they reach 180 minutes. Such a row
//! has no session id; its `group_name` lists the groups attended that day in start order,
//! joined with ", "; `group_id` and `facilitator_name` are those of the first session
//! attended that day; `participant_count` is the number of members with an H0015 row on that
//! date. Facts carry no program id, so pass one program's (or one organization's) facts to
//! count per program; a member's minutes in two intensive outpatient programs on one day make
//! one H0015 day.
//!
//! Rows are sorted by date, member name and group name (then account, start time, session).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::billing_rules::{
    billing_method, units_of, BillingMethod, INTENSIVE_OUTPATIENT_DAY_MINUTES,
    INTENSIVE_OUTPATIENT_PER_DIEM,
};
use super::csv_cells;
use super::facts::AttendanceFact;
use super::numbers::count;
use crate::ids::{AccountId, GroupId, SessionId};

/// One line of a claim: a member, a day, a code and its units.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BillingRow {
    pub member_name: String,
    pub account_id: AccountId,
    pub date: NaiveDate,
    pub group_name: String,
    pub group_id: GroupId,
    pub code: String,
    /// `""` when there is none.
    pub modifier: String,
    pub units: i32,
    pub facilitator_name: String,
    /// Members who attended the session (per-day rows: members billed H0015 that date).
    pub participant_count: i32,
    /// `None` for per-day rows.
    pub session_id: Option<SessionId>,
}

/// Sort key: date, member name, group name, then what keeps the order stable.
type RowKey = (
    NaiveDate,
    String,
    String,
    AccountId,
    DateTime<Utc>,
    Option<SessionId>,
);

fn key_of(row: &BillingRow, starts_at: DateTime<Utc>) -> RowKey {
    (
        row.date,
        row.member_name.clone(),
        row.group_name.clone(),
        row.account_id,
        starts_at,
        row.session_id,
    )
}

/// The billing rows of the given attendance facts.
pub fn billing_rows(facts: &[AttendanceFact]) -> Vec<BillingRow> {
    let attended: Vec<&AttendanceFact> = facts.iter().filter(|f| f.status.attended()).collect();

    let mut participants: HashMap<SessionId, HashSet<AccountId>> = HashMap::new();
    for fact in &attended {
        participants
            .entry(fact.session_id)
            .or_default()
            .insert(fact.account_id);
    }

    let mut rows: Vec<(RowKey, BillingRow)> = Vec::new();
    let mut member_days: BTreeMap<(NaiveDate, AccountId), Vec<&AttendanceFact>> = BTreeMap::new();
    for fact in attended {
        match billing_method(
            fact.group_kind,
            fact.level_of_care,
            fact.billing_override.as_ref(),
        ) {
            BillingMethod::PerSession { code, units: rule } => {
                let units = units_of(rule, fact.attended_minutes());
                if units == 0 {
                    continue;
                }
                let row = BillingRow {
                    member_name: fact.member_name.clone(),
                    account_id: fact.account_id,
                    date: fact.session_date,
                    group_name: fact.group_name.clone(),
                    group_id: fact.group_id,
                    code: code.code,
                    modifier: code.modifier,
                    units,
                    facilitator_name: fact.facilitator_name.clone(),
                    participant_count: participants
                        .get(&fact.session_id)
                        .map_or(0, |p| count(p.len())),
                    session_id: Some(fact.session_id),
                };
                rows.push((key_of(&row, fact.session_starts_at), row));
            }
            BillingMethod::PerMemberDay => member_days
                .entry((fact.session_date, fact.account_id))
                .or_default()
                .push(fact),
        }
    }

    let day_rows: Vec<(RowKey, BillingRow)> = member_days
        .into_values()
        .filter_map(|day| member_day_row(&day))
        .collect();
    let mut billed_per_date: HashMap<NaiveDate, i32> = HashMap::new();
    for (_, row) in &day_rows {
        *billed_per_date.entry(row.date).or_default() += 1;
    }
    rows.extend(day_rows.into_iter().map(|(key, row)| {
        let participant_count = billed_per_date.get(&row.date).copied().unwrap_or(0);
        (
            key,
            BillingRow {
                participant_count,
                ..row
            },
        )
    }));

    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The H0015 row of one member's attended intensive outpatient sessions on one day, if the
/// day reaches the minimum. `participant_count` is filled in by the caller.
fn member_day_row(day: &[&AttendanceFact]) -> Option<(RowKey, BillingRow)> {
    let minutes: i32 = day.iter().map(|f| f.attended_minutes()).sum();
    if minutes < INTENSIVE_OUTPATIENT_DAY_MINUTES {
        return None;
    }
    let mut ordered: Vec<&AttendanceFact> = day.to_vec();
    ordered.sort_by_key(|f| (f.session_starts_at, f.session_id));
    let first = ordered.first()?;
    let mut group_names: Vec<&str> = Vec::new();
    for fact in &ordered {
        if !group_names.contains(&fact.group_name.as_str()) {
            group_names.push(&fact.group_name);
        }
    }
    let row = BillingRow {
        member_name: first.member_name.clone(),
        account_id: first.account_id,
        date: first.session_date,
        group_name: group_names.join(", "),
        group_id: first.group_id,
        code: INTENSIVE_OUTPATIENT_PER_DIEM.to_owned(),
        modifier: String::new(),
        units: 1,
        facilitator_name: first.facilitator_name.clone(),
        participant_count: 0,
        session_id: None,
    };
    Some((key_of(&row, first.session_starts_at), row))
}

/// Column names of the billing CSV, matching [`BillingRow::csv_fields`].
pub fn billing_csv_header() -> &'static [&'static str] {
    &[
        "member_name",
        "account_id",
        "date",
        "group_name",
        "group_id",
        "code",
        "modifier",
        "units",
        "facilitator_name",
        "participant_count",
        "session_id",
    ]
}

impl BillingRow {
    /// The row's CSV cells; names are guarded against spreadsheet formulas and a per-day
    /// row's session id is an empty cell.
    pub fn csv_fields(&self) -> Vec<String> {
        vec![
            csv_cells::text(&self.member_name),
            self.account_id.to_string(),
            csv_cells::date(self.date),
            csv_cells::text(&self.group_name),
            self.group_id.to_string(),
            csv_cells::text(&self.code),
            csv_cells::text(&self.modifier),
            self.units.to_string(),
            csv_cells::text(&self.facilitator_name),
            self.participant_count.to_string(),
            csv_cells::optional(self.session_id),
        ]
    }
}
