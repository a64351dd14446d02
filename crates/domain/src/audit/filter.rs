//! The audit view's filters as typed into the form or the query string, and their parsing
//! with a message at each field that does not parse.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::event::AuditAction;
use crate::accounts::Email;
use crate::fields::Choice;
use crate::ids::AccountId;
use crate::{Error, FieldErrors};

/// Filters as text; blank means "any".
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilterInput {
    /// Who acted: an email address or an account id.
    #[serde(default)]
    pub actor: String,
    /// The member concerned: an email address or an account id.
    #[serde(default)]
    pub member: String,
    /// An action code (`note_view`, `audit_export`, …).
    #[serde(default)]
    pub action: String,
    /// First day, YYYY-MM-DD (inclusive, UTC).
    #[serde(default)]
    pub from: String,
    /// Last day, YYYY-MM-DD (inclusive, UTC).
    #[serde(default)]
    pub to: String,
    /// Only events older than this sequence number: the `next_before` of the page before.
    #[serde(default)]
    pub before: String,
}

/// A person named in a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonRef {
    Id(AccountId),
    Email(Email),
}

/// Checked filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub actor: Option<PersonRef>,
    pub member: Option<PersonRef>,
    pub action: Option<AuditAction>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub before: Option<i64>,
}

impl AuditFilter {
    /// The first instant the filter covers (midnight UTC of `from`).
    pub fn from_instant(&self) -> Option<DateTime<Utc>> {
        self.from.map(midnight)
    }

    /// The first instant after the filter (midnight UTC after `to`).
    pub fn to_instant(&self) -> Option<DateTime<Utc>> {
        self.to
            .and_then(|d| d.checked_add_signed(Duration::days(1)))
            .map(midnight)
    }
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

impl AuditFilterInput {
    pub fn parse(&self) -> Result<AuditFilter, Error> {
        let mut errors = FieldErrors::new();
        let actor = person(&mut errors, "actor", &self.actor);
        let member = person(&mut errors, "member", &self.member);
        let action = action(&mut errors, &self.action);
        let from = day(&mut errors, "from", &self.from);
        let to = day(&mut errors, "to", &self.to);
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.add("to", "The last day is before the first day.");
            }
        }
        let before = before(&mut errors, &self.before);
        errors.into_result(AuditFilter {
            actor,
            member,
            action,
            from,
            to,
            before,
        })
    }
}

fn person(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<PersonRef> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Ok(id) = raw.parse::<AccountId>() {
        return Some(PersonRef::Id(id));
    }
    if raw.contains('@') {
        return match Email::parse(raw) {
            Ok(email) => Some(PersonRef::Email(email)),
            Err(message) => {
                errors.add(field, message);
                None
            }
        };
    }
    errors.add(
        field,
        "Give an email address (name@example.org) or an account id.",
    );
    None
}

fn action(errors: &mut FieldErrors, raw: &str) -> Option<AuditAction> {
    let code = raw.trim();
    if code.is_empty() {
        return None;
    }
    let parsed = AuditAction::from_code(code);
    if parsed.is_none() {
        let known: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        errors.add(
            "action",
            format!(
                "Unknown action \"{}\"; use one of: {}.",
                code.chars().take(40).collect::<String>(),
                known.join(", ")
            ),
        );
    }
    parsed
}

fn day(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.add(field, "Give a date as YYYY-MM-DD, for example 2026-03-01.");
    }
    parsed
}

fn before(errors: &mut FieldErrors, raw: &str) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(seq) if seq > 0 => Some(seq),
        _ => {
            errors.add("before", "Use the link to older events to page back.");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(pairs: &[(&str, &str)]) -> AuditFilterInput {
        let mut input = AuditFilterInput::default();
        for (key, value) in pairs {
            let value = (*value).to_owned();
            match *key {
                "actor" => input.actor = value,
                "member" => input.member = value,
                "action" => input.action = value,
                "from" => input.from = value,
                "to" => input.to = value,
                "before" => input.before = value,
                other => panic!("no field {other}"),
            }
        }
        input
    }

    fn errors(pairs: &[(&str, &str)]) -> FieldErrors {
        match input(pairs).parse() {
            Err(Error::Invalid(errors)) => errors,
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn blank_filters_mean_everything() {
        assert_eq!(input(&[]).parse().unwrap(), AuditFilter::default());
        assert_eq!(
            input(&[("actor", "  "), ("action", "")]).parse().unwrap(),
            AuditFilter::default()
        );
    }

    #[test]
    fn people_are_named_by_email_or_id() {
        let id = AccountId::new();
        let filter = input(&[("actor", " Dana@Clinic.TEST "), ("member", &id.to_string())])
            .parse()
            .unwrap();
        assert_eq!(
            filter.actor,
            Some(PersonRef::Email(Email::from_trusted(
                "dana@clinic.test".into()
            )))
        );
        assert_eq!(filter.member, Some(PersonRef::Id(id)));
        let errors = errors(&[("actor", "dana"), ("member", "a@b")]);
        assert!(errors.get("actor").unwrap().contains("email address"));
        assert!(errors.get("member").is_some());
    }

    #[test]
    fn actions_are_codes_and_unknown_ones_are_named() {
        let filter = input(&[("action", "note_view")]).parse().unwrap();
        assert_eq!(filter.action, Some(AuditAction::NoteView));
        let message = errors(&[("action", "note_burn")])
            .get("action")
            .unwrap()
            .to_owned();
        assert!(message.contains("note_burn"), "{message}");
        assert!(message.contains("audit_export"), "{message}");
    }

    #[test]
    fn dates_are_days_in_order_covering_whole_days() {
        let filter = input(&[("from", "2030-03-01"), ("to", "2030-03-01")])
            .parse()
            .unwrap();
        assert_eq!(
            filter.from_instant().unwrap().to_rfc3339(),
            "2030-03-01T00:00:00+00:00"
        );
        assert_eq!(
            filter.to_instant().unwrap().to_rfc3339(),
            "2030-03-02T00:00:00+00:00"
        );
        let errors1 = errors(&[("from", "March 1"), ("to", "2030-02-30")]);
        assert!(errors1.get("from").unwrap().contains("YYYY-MM-DD"));
        assert!(errors1.get("to").is_some());
        let errors2 = errors(&[("from", "2030-03-02"), ("to", "2030-03-01")]);
        assert_eq!(
            errors2.get("to"),
            Some("The last day is before the first day.")
        );
    }

    #[test]
    fn paging_takes_a_positive_sequence_number() {
        assert_eq!(input(&[("before", "41")]).parse().unwrap().before, Some(41));
        assert!(errors(&[("before", "-1")]).get("before").is_some());
        assert!(errors(&[("before", "x")]).get("before").is_some());
    }
}
