//! Built-in role-plays: a scenario, the roles, the skill practised, how to run it safely,
//! and debrief questions.

use super::Builtin;
use crate::techniques::TechniqueKind::RolePlay;

pub(super) const REFUSING: Builtin = Builtin {
    id: super::REFUSING_A_DRINK,
    kind: RolePlay,
    title: "Refusing a drink",
    purpose: "Practise turning down an offered drink or drug clearly and calmly, in a safe \
              setting, so the words are ready when the moment comes.",
    minutes: 40,
    sections: &[
        (
            "Scenario",
            &[
                "At a family barbecue or a work party, a friend hands you a drink and says one \
                 will not hurt.",
                "Members may swap in a situation from their own lives: a message from someone \
                 they used with, a partner's offer, a celebration.",
            ],
        ),
        (
            "Roles",
            &[
                "The person in recovery turns the offer down.",
                "The person offering is friendly, then persistent (offers two or three times), \
                 never hostile.",
                "Observers watch eye contact, tone of voice, and what made the refusal \
                 convincing.",
            ],
        ),
        (
            "Skill practised",
            &[
                "A clear, early 'No, thanks', with eye contact and a steady voice.",
                "Offering something else: a soft drink, another topic, leaving.",
                "No need to explain or apologise; repeating the refusal when pressed.",
            ],
        ),
        (
            "How to run it",
            &[
                "Agree first that anyone may pause or step out of a role at any time.",
                "Run each scene for two to three minutes, then swap so everyone practises \
                 refusing.",
                "After each round, observers name one thing that worked before any suggestion.",
                "End by stepping out of role: each person says their own name and one thing \
                 about their day.",
            ],
        ),
        (
            "Debrief questions",
            &[
                "What did it feel like to say no? What made it easier or harder?",
                "Which words will you actually use next time?",
                "Where might you meet an offer in the coming week, and what is your plan?",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Refusing a drink role-play: the member's participation, the refusal \
                      skills they showed, and their confidence in using them:",
};

pub(super) const ASKING: Builtin = Builtin {
    id: super::ASKING_FOR_SUPPORT,
    kind: RolePlay,
    title: "Asking for support",
    purpose: "Practise asking another person for specific help, which many people in recovery \
              find harder than offering it.",
    minutes: 40,
    sections: &[
        (
            "Scenario",
            &[
                "After a hard week, you want to ask a friend, sponsor or family member to meet \
                 up or to check in on you.",
                "Members may choose their own request: a lift to group, company on a difficult \
                 date, someone to call during a craving.",
            ],
        ),
        (
            "Roles",
            &[
                "The person asking makes one specific request.",
                "The person asked answers warmly the first time; in a second round they say \
                 they cannot help this time.",
                "Observers notice how clear and specific the request was.",
            ],
        ),
        (
            "Skill practised",
            &[
                "Saying what you need in one or two sentences: what, when and how.",
                "Taking a 'no' without deciding that nobody will help, and asking someone else.",
                "Thanking the person and saying what their help meant.",
            ],
        ),
        (
            "How to run it",
            &[
                "Each member writes down a real request before the scene.",
                "Run each scene for about two minutes, then swap roles.",
                "Step out of role at the end and check how everyone is feeling.",
            ],
        ),
        (
            "Debrief questions",
            &[
                "What stops you from asking for help?",
                "How did the 'no' feel, and what did you do next?",
                "Who will you ask this week, and for what?",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Asking for support role-play: the member's request, how they handled a \
                      'no', and the support they plan to ask for:",
};

pub(super) const FAMILY: Builtin = Builtin {
    id: super::FAMILY_CONVERSATION,
    kind: RolePlay,
    title: "A hard conversation with family",
    purpose: "Prepare and rehearse a difficult conversation with a family member, using calm \
              'I' statements and listening as well as speaking.",
    minutes: 50,
    sections: &[
        (
            "Scenario",
            &[
                "You want to tell a parent, partner or grown child something hard to say: an \
                 apology, a limit you are setting, or news about your treatment.",
                "Because of the past, the family member may be hurt, angry or doubtful.",
            ],
        ),
        (
            "Roles",
            &[
                "The member opens the conversation and says the one thing that matters most.",
                "A partner plays the family member as the member expects them to react, guided \
                 by the member's description; the facilitator may coach.",
                "Observers watch for blaming words, for listening, and for staying calm.",
            ],
        ),
        (
            "Skill practised",
            &[
                "Choosing a good time and place, and opening gently.",
                "'I' statements: I feel …, when …, and I would like ….",
                "Listening and naming the other person's feelings before answering them.",
                "Ending calmly if it turns into a fight, and agreeing to continue later.",
            ],
        ),
        (
            "How to run it",
            &[
                "The member describes the person and the conversation briefly; keep other \
                 people's private details to what the scene needs.",
                "If the family member has been violent or abusive, plan with a clinician first: \
                 some conversations are not safe to have in person.",
                "Rehearse the opening sentence, then run the scene for three to five minutes.",
                "Pause to coach when the member gets stuck, and replay the hard moment another \
                 way.",
                "Step out of role and take a breath together before the debrief.",
            ],
        ),
        (
            "Debrief questions",
            &[
                "What did you want the other person to understand?",
                "What happened in your body when they reacted?",
                "Is it safe to have this conversation, and if so when and where? If not, what \
                 else could help?",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Family conversation role-play: the conversation rehearsed, the \
                      communication skills the member showed, and their plan:",
};
