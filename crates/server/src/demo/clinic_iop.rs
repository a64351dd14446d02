//! The clinic's intensive outpatient groups. An IOP means 9–19 hours a week, so these meet
//! three times a week for two and a half to three hours.

use chrono::Weekday::{Fri, Mon, Thu, Tue, Wed};
use kindred_domain::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};

use super::clinic::Riverside;
use super::plan::{GroupPlan, Meeting, Roster};

pub(super) fn plans(r: &Riverside) -> Vec<GroupPlan> {
    vec![
        GroupPlan {
            name: "Evening IOP Process Group",
            description: "The heart of the evening IOP track. We check in, talk through what \
                came up since last time, and practise handling cravings, stress and hard \
                conversations. New members join any week after an intake with the IOP team. \
                What is said in the group stays in the group.",
            program: r.iop,
            location: r.main_clinic,
            kind: GroupKind::Therapy,
            enrollment: EnrollmentMode::Rolling,
            format: Format::InPerson,
            capacity: 12,
            min_size: 4,
            language: Language::English,
            focus_areas: &[
                FocusArea::SubstanceUse,
                FocusArea::CoOccurring,
                FocusArea::RelapsePrevention,
            ],
            payment_options: &[
                PaymentOption::Medicaid,
                PaymentOption::PrivateInsurance,
                PaymentOption::SlidingScale,
            ],
            audiences: &[Audience::Adults],
            lead: r.maya,
            co_facilitators: vec![r.sam],
            meeting: Meeting {
                days: &[Mon, Tue, Thu],
                hour: 18,
                minute: 0,
                minutes: 180,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: 0,
                active: 9,
                waitlisted: 1,
                requested: 1,
            },
        },
        GroupPlan {
            name: "Daytime IOP Recovery Skills",
            description: "A morning IOP track for people who work evenings or care for family. \
                Each session practises one concrete skill: planning for high-risk times, \
                saying no, sleep, money stress, rebuilding routines. Join in the room or by \
                video from home.",
            program: r.iop,
            location: r.main_clinic,
            kind: GroupKind::Skills,
            enrollment: EnrollmentMode::Rolling,
            format: Format::Hybrid,
            capacity: 14,
            min_size: 4,
            language: Language::English,
            focus_areas: &[
                FocusArea::SubstanceUse,
                FocusArea::AlcoholUse,
                FocusArea::RelapsePrevention,
                FocusArea::Stress,
            ],
            payment_options: &[
                PaymentOption::Medicaid,
                PaymentOption::Medicare,
                PaymentOption::PrivateInsurance,
            ],
            audiences: &[Audience::Adults, Audience::Parents],
            // Skills groups may be peer-led; a clinician co-leads for the clinical parts.
            lead: r.sam,
            co_facilitators: vec![r.luis],
            meeting: Meeting {
                days: &[Mon, Wed, Fri],
                hour: 10,
                minute: 0,
                minutes: 150,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: 9,
                active: 8,
                waitlisted: 0,
                requested: 2,
            },
        },
    ]
}
