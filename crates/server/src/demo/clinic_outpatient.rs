//! The clinic's weekly outpatient groups: skills, family education, and two therapy groups,
//! one of them in Spanish.

use chrono::Weekday::{Fri, Tue, Wed};
use kindred_domain::enrollments::EnrollmentStatus::Active;
use kindred_domain::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};

use super::clinic::Riverside;
use super::names::SPANISH_SPEAKERS;
use super::plan::{GroupPlan, Meeting, Roster};

pub(super) fn plans(r: &Riverside) -> Vec<GroupPlan> {
    vec![
        GroupPlan {
            name: "Coping Skills for Anxiety (DBT-informed)",
            description: "Twelve weeks of practical tools for worry, panic and overwhelming \
                feelings, drawn from dialectical behavior therapy: calming the body, riding out \
                an urge, and asking for what you need. The group starts and ends together; \
                requests now are for the next round.",
            program: r.outpatient,
            location: r.online,
            kind: GroupKind::Skills,
            enrollment: EnrollmentMode::ClosedCohort,
            format: Format::Online,
            capacity: 10,
            min_size: 4,
            language: Language::English,
            focus_areas: &[
                FocusArea::Anxiety,
                FocusArea::EmotionRegulation,
                FocusArea::Stress,
            ],
            payment_options: &[
                PaymentOption::Medicaid,
                PaymentOption::PrivateInsurance,
                PaymentOption::SlidingScale,
            ],
            audiences: &[Audience::Adults, Audience::YoungAdults],
            lead: r.luis,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Wed],
                hour: 17,
                minute: 30,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: Some(Active),
                offset: 17,
                active: 7,
                waitlisted: 0,
                requested: 1,
            },
        },
        GroupPlan {
            name: "Family Education Night",
            description: "For parents, partners and friends of someone in treatment. Each week \
                a clinician explains one topic (how recovery works, what helps and what does \
                not, looking after yourself) and there is time for questions. Free; come when \
                you can, no sign-up needed.",
            program: r.outpatient,
            location: r.main_clinic,
            kind: GroupKind::Psychoeducation,
            enrollment: EnrollmentMode::DropIn,
            format: Format::InPerson,
            capacity: 30,
            min_size: 1,
            language: Language::English,
            focus_areas: &[
                FocusArea::Relationships,
                FocusArea::SubstanceUse,
                FocusArea::CoOccurring,
            ],
            payment_options: &[PaymentOption::Free],
            audiences: &[Audience::FamilyMembers, Audience::Parents],
            lead: r.maya,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Wed],
                hour: 18,
                minute: 30,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: 24,
                active: 5,
                waitlisted: 0,
                requested: 0,
            },
        },
        GroupPlan {
            name: "Grupo de Apoyo: Ánimo y Bienestar",
            description: "Un grupo en español para personas que se sienten tristes, sin \
                energía o preocupadas. Hablamos de lo que pasa en la semana y practicamos \
                maneras de cuidarnos. Puede venir a la clínica o conectarse por video. \
                Se puede empezar cualquier semana.",
            program: r.outpatient,
            location: r.main_clinic,
            kind: GroupKind::Therapy,
            enrollment: EnrollmentMode::Rolling,
            format: Format::Hybrid,
            capacity: 10,
            min_size: 3,
            language: Language::Spanish,
            focus_areas: &[FocusArea::Depression, FocusArea::Anxiety, FocusArea::Stress],
            payment_options: &[PaymentOption::Medicaid, PaymentOption::SlidingScale],
            audiences: &[Audience::Adults],
            lead: r.luis,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Tue],
                hour: 17,
                minute: 30,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: SPANISH_SPEAKERS,
                active: 5,
                waitlisted: 0,
                requested: 1,
            },
        },
        GroupPlan {
            name: "Women's Trauma Recovery Group",
            description: "A small, steady group for women living with the effects of trauma. \
                We focus on safety and coping in the present, not on retelling what happened. \
                Twelve weeks, same members throughout, so trust can grow.",
            program: r.outpatient,
            location: r.main_clinic,
            kind: GroupKind::Therapy,
            enrollment: EnrollmentMode::ClosedCohort,
            format: Format::InPerson,
            capacity: 8,
            min_size: 4,
            language: Language::English,
            focus_areas: &[
                FocusArea::Trauma,
                FocusArea::SelfEsteem,
                FocusArea::EmotionRegulation,
            ],
            payment_options: &[PaymentOption::Medicaid, PaymentOption::PrivateInsurance],
            audiences: &[Audience::Women, Audience::Adults],
            lead: r.maya,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Fri],
                hour: 12,
                minute: 0,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: 3,
                active: 8,
                waitlisted: 1,
                requested: 0,
            },
        },
    ]
}
