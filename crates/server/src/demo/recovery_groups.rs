//! The recovery center's groups: peer-led, free, in person, online and both.

use chrono::Weekday::{Sat, Sun, Thu, Tue};
use kindred_domain::enrollments::EnrollmentStatus::{Active, Waitlisted};
use kindred_domain::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};

use super::plan::{GroupPlan, Meeting, Roster};
use super::recovery_center::Harbor;

pub(super) fn plans(h: &Harbor) -> Vec<GroupPlan> {
    vec![
        GroupPlan {
            name: "Recovery Circle",
            description: "An open circle for anyone in or thinking about recovery from alcohol \
                or drugs, whatever path you are on. We go round, share if we want to, and \
                listen. Coffee from 10. Come as often as you like; you never need to explain \
                why you missed a week.",
            program: h.peer_support,
            location: h.drop_in_center,
            kind: GroupKind::PeerSupport,
            enrollment: EnrollmentMode::DropIn,
            format: Format::InPerson,
            capacity: 25,
            min_size: 1,
            language: Language::English,
            focus_areas: &[
                FocusArea::SubstanceUse,
                FocusArea::AlcoholUse,
                FocusArea::CoOccurring,
            ],
            payment_options: &[PaymentOption::Free],
            audiences: &[Audience::Adults],
            lead: h.marcus,
            co_facilitators: Vec::new(),
            // The one cancelled session: members of this group see the reason on their dashboard.
            meeting: Meeting {
                days: &[Sat],
                hour: 10,
                minute: 30,
                minutes: 90,
                cancel_next: true,
            },
            roster: Roster {
                headline: Some(Active),
                offset: 12,
                active: 12,
                waitlisted: 0,
                requested: 0,
            },
        },
        GroupPlan {
            name: "Self-Management Recovery Peer Group",
            description: "A practical peer group for changing your relationship \
                with alcohol, drugs or other habits. We use simple tools (weighing pros and \
                cons, planning for urges, setting your own goals) and nobody is asked to take \
                on a label.",
            program: h.peer_support,
            location: h.online,
            kind: GroupKind::PeerSupport,
            enrollment: EnrollmentMode::Rolling,
            format: Format::Online,
            capacity: 15,
            min_size: 3,
            language: Language::English,
            focus_areas: &[
                FocusArea::AlcoholUse,
                FocusArea::SubstanceUse,
                FocusArea::RelapsePrevention,
            ],
            payment_options: &[PaymentOption::Free],
            audiences: &[Audience::Adults],
            lead: h.marcus,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Thu],
                hour: 19,
                minute: 0,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: Some(Active),
                offset: 22,
                active: 10,
                waitlisted: 0,
                requested: 2,
            },
        },
        GroupPlan {
            name: "Wellness and Life Skills Workshop",
            description: "Eight people, twelve weeks, one topic each week: sleep, budgeting, \
                cooking on little money, talking to an employer, building a week that supports \
                your recovery. At the center or by video. The current round is full; join the \
                waitlist for the next one.",
            program: h.peer_support,
            location: h.drop_in_center,
            kind: GroupKind::Skills,
            enrollment: EnrollmentMode::ClosedCohort,
            format: Format::Hybrid,
            capacity: 8,
            min_size: 4,
            language: Language::English,
            focus_areas: &[
                FocusArea::Stress,
                FocusArea::SelfEsteem,
                FocusArea::RelapsePrevention,
            ],
            payment_options: &[PaymentOption::Free],
            audiences: &[Audience::Adults, Audience::OlderAdults],
            lead: h.marcus,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Tue],
                hour: 14,
                minute: 0,
                minutes: 90,
                cancel_next: false,
            },
            roster: Roster {
                headline: Some(Waitlisted),
                offset: 27,
                active: 8,
                waitlisted: 2,
                requested: 0,
            },
        },
        GroupPlan {
            name: "Young Adults in Recovery Hangout",
            description: "A relaxed Sunday-evening video hangout for people aged 18 to 25 in \
                recovery or curious about it. Talk about the week ahead, school, work, friends \
                and staying well. Camera optional; drop in when you can.",
            program: h.peer_support,
            location: h.online,
            kind: GroupKind::PeerSupport,
            enrollment: EnrollmentMode::DropIn,
            format: Format::Online,
            capacity: 20,
            min_size: 1,
            language: Language::English,
            focus_areas: &[
                FocusArea::SubstanceUse,
                FocusArea::Anxiety,
                FocusArea::Depression,
            ],
            payment_options: &[PaymentOption::Free],
            audiences: &[Audience::YoungAdults],
            lead: h.marcus,
            co_facilitators: Vec::new(),
            meeting: Meeting {
                days: &[Sun],
                hour: 19,
                minute: 0,
                minutes: 60,
                cancel_next: false,
            },
            roster: Roster {
                headline: None,
                offset: 5,
                active: 6,
                waitlisted: 0,
                requested: 0,
            },
        },
    ]
}
