//! Built-in opening and closing rounds.

use super::Builtin;
use crate::techniques::TechniqueKind::{CheckIn, CheckOut};

pub(super) const CHECK_IN: Builtin = Builtin {
    id: super::CHECK_IN,
    kind: CheckIn,
    title: "Opening check-in round",
    purpose: "Start the session with a short turn for each member to say how they are \
              arriving, and help the facilitator see who needs attention today.",
    minutes: 15,
    sections: &[
        (
            "How to run it",
            &[
                "Go around the circle; each member takes one or two minutes. Anyone may pass.",
                "Others listen without comment or advice; there is time to talk later.",
                "In a new group, the facilitator gives a short check-in first as an example.",
            ],
        ),
        (
            "Prompts",
            &[
                "Your name, or the name you use here, and how you are today in one word or a \
                 number from 0 to 10.",
                "One thing that went well since the last session, and one thing that was hard.",
                "Anything you would like time for in today's group.",
                "In recovery groups: any use or close calls since last time, if you are willing \
                 to share.",
            ],
        ),
        (
            "Facilitator notes",
            &[
                "Note who seems distressed, withdrawn or intoxicated, and any mention of \
                 self-harm, suicide, violence or a crisis.",
                "Follow up on risk at once or in private after the round; do not leave it to the \
                 end of the session.",
                "Keep the round short enough to leave time for the main work.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Check-in: the member's reported mood and events since the last session, \
                      and any concerns followed up:",
};

pub(super) const CHECK_OUT: Builtin = Builtin {
    id: super::CHECK_OUT,
    kind: CheckOut,
    title: "Closing check-out round",
    purpose: "Close the session with a short round in which each member names what they take \
              away, so everyone leaves settled.",
    minutes: 10,
    sections: &[
        (
            "How to run it",
            &[
                "Go around the circle; each member takes under a minute. Anyone may pass.",
                "Start the round with enough time left, and open no new topics.",
            ],
        ),
        (
            "Prompts",
            &[
                "One thing you are taking away from today.",
                "How you are leaving, in one word or a number from 0 to 10.",
                "One thing you will do for yourself before the next session.",
            ],
        ),
        (
            "Facilitator notes",
            &[
                "Notice anyone leaving more distressed than they arrived, and check in with them \
                 privately before they go.",
                "Remind members of crisis resources and of how to reach the program between \
                 sessions.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Check-out: the member's take-away, how they left the session, and their \
                      plan until the next one:",
};
