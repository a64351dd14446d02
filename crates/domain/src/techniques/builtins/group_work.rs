//! Built-in plans for working together: an active listening drill, collaborative problem
//! solving, and the group agreement.

use super::Builtin;
use crate::techniques::TechniqueKind::{ActiveListening, GroupAgreement, ProblemSolving};

pub(super) const LISTENING: Builtin = Builtin {
    id: super::ACTIVE_LISTENING,
    kind: ActiveListening,
    title: "Active listening in pairs",
    purpose: "Practise listening that helps the other person feel heard: reflecting feelings, \
              paraphrasing what was said and summarizing.",
    minutes: 40,
    sections: &[
        (
            "Set-up",
            &[
                "Members work in pairs, a speaker and a listener; a third person may observe.",
                "The speaker talks for three minutes about an everyday difficulty, not a crisis \
                 or a trauma.",
                "The listener gives no advice, tells no story of their own and asks no 'why'; \
                 they only reflect, paraphrase and summarize.",
                "Swap roles after each round; the facilitator keeps time.",
            ],
        ),
        (
            "Reflect: name the feeling",
            &[
                "It sounds like you felt …",
                "You seem … about that.",
                "I'm hearing a lot of frustration in that.",
            ],
        ),
        (
            "Paraphrase: the content in your own words",
            &[
                "So what happened was …",
                "If I've got it right, you …",
                "You're saying that …",
            ],
        ),
        (
            "Summarize: pull the main points together",
            &[
                "Let me check I have the main things: …",
                "So far you've talked about …, … and …. Is that right?",
                "What stands out is … Did I miss anything?",
            ],
        ),
        (
            "Debrief questions",
            &[
                "Speakers: what did the listener do that helped you feel heard?",
                "Listeners: what was hard about not giving advice?",
                "Where could you use this with people in your life this week?",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Active listening drill: the member's use of reflecting, paraphrasing and \
                      summarizing, and what they noticed as speaker and listener:",
};

pub(super) const PROBLEM_SOLVING: Builtin = Builtin {
    id: super::PROBLEM_SOLVING,
    kind: ProblemSolving,
    title: "Solving a problem together",
    purpose: "Work through one real problem as a group with five steps members can use on \
              their own: define, options, choose, plan, review.",
    minutes: 50,
    sections: &[
        (
            "Define",
            &[
                "A member volunteers a current, concrete problem and agrees to the group \
                 working on it.",
                "State it in one specific sentence about something within the member's \
                 control: not 'my life is a mess' but 'I have no way to get to group on \
                 Thursdays'.",
                "Ask what a good outcome would look like.",
            ],
        ),
        (
            "Options",
            &[
                "Brainstorm as many options as possible for five minutes and write them all \
                 down.",
                "No judging during the brainstorm; unlikely ideas can lead to good ones.",
            ],
        ),
        (
            "Choose",
            &[
                "The member goes through the options: what is good about each, what is hard, \
                 and is it possible now?",
                "The member chooses one option, or a mix, they are willing to try.",
            ],
        ),
        (
            "Plan",
            &[
                "Break the choice into steps: what, when, with whom, and what might get in the \
                 way.",
                "Decide the first step the member will take before the next session.",
            ],
        ),
        (
            "Review",
            &[
                "At the next session, ask how it went without judging: what worked, what did \
                 not, what was learned.",
                "If it did not work, go back to the list of options and try another.",
            ],
        ),
        (
            "Facilitator notes",
            &[
                "Keep the focus on the volunteer's own choices: the group offers ideas, not \
                 instructions.",
                "Other members practise the steps on their own problem as homework.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Collaborative problem solving: the problem the member worked on or \
                      contributed to, the option chosen, and their first step:",
};

pub(super) const AGREEMENT: Builtin = Builtin {
    id: super::GROUP_AGREEMENT,
    kind: GroupAgreement,
    title: "Group agreement and mutual respect review",
    purpose: "Review the group's agreement together so every member knows what to expect from \
              the group and from each other, and can add to it.",
    minutes: 20,
    sections: &[
        (
            "When to use it",
            &[
                "At a new member's first session, at the start of a cohort, or whenever trust \
                 in the group has been tested.",
            ],
        ),
        (
            "Points to review",
            &[
                "Confidentiality: what is said here, and who was here, stays in the group.",
                "Its limits: staff must act when someone is at risk of serious harm to \
                 themselves or others, or a child or vulnerable adult is at risk.",
                "Respect: one person speaks at a time; no put-downs, threats or \
                 discrimination.",
                "Speak for yourself: use 'I', and share only your own story.",
                "The right to pass: nobody has to speak, and silence is welcome.",
                "Come to group sober; if you have used, tell the facilitator, who will talk with \
                 you about joining that day.",
                "Phones silent and away, except for emergencies.",
                "Contact between members outside the group is each person's choice; bring \
                 concerns about it to the facilitator.",
            ],
        ),
        (
            "Process",
            &[
                "Read each point aloud, or invite members to take turns reading.",
                "After each point, ask whether anyone has a question or wants to change it.",
                "Invite new points, agree changes together, and record them.",
                "Ask each member to say aloud that they agree.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "What helps you feel safe enough to speak here?",
                "What should happen when the agreement is broken?",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Group agreement review: the member's participation, their agreement, and \
                      any concerns they raised:",
};
