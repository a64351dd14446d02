//! Which code a group's attendance is billed under, and how units are counted.
//!
//! Defaults by group kind: therapy, psychoeducation and skills groups are group
//! psychotherapy (CPT 90853, no modifier, one unit per member per session); skills groups go
//! with therapy because they are clinician- or peer-led structured group treatment with no
//! code of their own here. Peer support groups are H0038 with modifier HQ (group setting), in
//! 15-minute units. Groups of an intensive outpatient program are billed per member-day
//! (H0015), whatever their kind. An organization's override on a group replaces the code and
//! modifier only: units keep the rule of the group's kind (15-minute units for peer support,
//! one per session otherwise), and an intensive outpatient group with an override is billed
//! per session like any other group.

use super::facts::BillingCode;
use crate::groups::GroupKind;
use crate::programs::LevelOfCare;

/// Group psychotherapy (other than of a multiple-family group).
pub const GROUP_PSYCHOTHERAPY: &str = "90853";
/// Peer support services, per 15 minutes.
pub const PEER_SUPPORT_SERVICES: &str = "H0038";
/// The modifier for a service delivered in a group setting.
pub const GROUP_SETTING_MODIFIER: &str = "HQ";
/// Alcohol and/or drug services, intensive outpatient, per diem.
pub const INTENSIVE_OUTPATIENT_PER_DIEM: &str = "H0015";
/// Attended minutes a member needs in one day of intensive outpatient groups to bill H0015.
pub const INTENSIVE_OUTPATIENT_DAY_MINUTES: i32 = 180;

/// How a session's units are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRule {
    /// One unit per member per session.
    OnePerSession,
    /// One unit per 15 minutes attended; see [`fifteen_minute_units`].
    FifteenMinutes,
}

/// How a group's attendance is billed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BillingMethod {
    /// A row per member per session attended.
    PerSession { code: BillingCode, units: UnitRule },
    /// One H0015 row per member per day with enough intensive outpatient minutes.
    PerMemberDay,
}

/// The billing of a group from its kind, its program's level of care and its override.
pub fn billing_method(
    kind: GroupKind,
    level_of_care: LevelOfCare,
    billing_override: Option<&BillingCode>,
) -> BillingMethod {
    let units = match kind {
        GroupKind::PeerSupport => UnitRule::FifteenMinutes,
        GroupKind::Therapy | GroupKind::Psychoeducation | GroupKind::Skills => {
            UnitRule::OnePerSession
        }
    };
    if let Some(code) = billing_override {
        return BillingMethod::PerSession {
            code: code.clone(),
            units,
        };
    }
    if level_of_care == LevelOfCare::IntensiveOutpatient {
        return BillingMethod::PerMemberDay;
    }
    let code = match kind {
        GroupKind::PeerSupport => BillingCode::new(PEER_SUPPORT_SERVICES, GROUP_SETTING_MODIFIER),
        GroupKind::Therapy | GroupKind::Psychoeducation | GroupKind::Skills => {
            BillingCode::new(GROUP_PSYCHOTHERAPY, "")
        }
    };
    BillingMethod::PerSession { code, units }
}

/// 15-minute units of `minutes`, where a unit needs at least 8 minutes (the midpoint rule):
/// 7 → 0, 8 → 1, 22 → 1, 23 → 2, 90 → 6. No minutes, no units.
pub fn fifteen_minute_units(minutes: i32) -> i32 {
    if minutes <= 0 {
        0
    } else {
        minutes.saturating_add(7) / 15
    }
}

/// Units for `minutes` attended under `rule`.
pub fn units_of(rule: UnitRule, minutes: i32) -> i32 {
    match rule {
        UnitRule::OnePerSession => 1,
        UnitRule::FifteenMinutes => fifteen_minute_units(minutes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_minute_units_need_eight_minutes() {
        let table: Vec<(i32, i32)> = [0, 7, 8, 22, 23, 37, 38, 90, -5]
            .into_iter()
            .map(|m| (m, fifteen_minute_units(m)))
            .collect();
        assert_eq!(
            table,
            vec![
                (0, 0),
                (7, 0),
                (8, 1),
                (22, 1),
                (23, 2),
                (37, 2),
                (38, 3),
                (90, 6),
                (-5, 0)
            ]
        );
    }

    #[test]
    fn defaults_by_kind() {
        for kind in [
            GroupKind::Therapy,
            GroupKind::Psychoeducation,
            GroupKind::Skills,
        ] {
            assert_eq!(
                billing_method(kind, LevelOfCare::Outpatient, None),
                BillingMethod::PerSession {
                    code: BillingCode::new("90853", ""),
                    units: UnitRule::OnePerSession
                }
            );
        }
        assert_eq!(
            billing_method(GroupKind::PeerSupport, LevelOfCare::PeerSupport, None),
            BillingMethod::PerSession {
                code: BillingCode::new("H0038", "HQ"),
                units: UnitRule::FifteenMinutes
            }
        );
    }

    #[test]
    fn intensive_outpatient_is_per_day_unless_overridden() {
        for kind in [GroupKind::Therapy, GroupKind::PeerSupport] {
            assert_eq!(
                billing_method(kind, LevelOfCare::IntensiveOutpatient, None),
                BillingMethod::PerMemberDay
            );
        }
        let code = BillingCode::new("S9480", "");
        assert_eq!(
            billing_method(
                GroupKind::Therapy,
                LevelOfCare::IntensiveOutpatient,
                Some(&code)
            ),
            BillingMethod::PerSession {
                code,
                units: UnitRule::OnePerSession
            }
        );
    }

    #[test]
    fn override_keeps_the_unit_rule_of_the_kind() {
        let code = BillingCode::new("H0038", "U1");
        assert_eq!(
            billing_method(GroupKind::PeerSupport, LevelOfCare::Outpatient, Some(&code)),
            BillingMethod::PerSession {
                code,
                units: UnitRule::FifteenMinutes
            }
        );
    }
}
