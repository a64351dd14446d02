//! Built-in psychoeducation plans: a topic, objectives, key points, questions for the group
//! and a handout members take home.

use super::Builtin;
use crate::techniques::TechniqueKind::Psychoeducation;

pub(super) const STRESS: Builtin = Builtin {
    id: super::STRESS_AND_THE_BODY,
    kind: Psychoeducation,
    title: "Stress and the body",
    purpose: "Help members recognise how stress shows up in their own bodies and practise two \
              quick ways to settle the stress response.",
    minutes: 45,
    sections: &[
        (
            "Topic",
            &["How the body responds to stress, and what helps it settle."],
        ),
        (
            "Objectives",
            &[
                "Name three signs of stress in your own body.",
                "Explain in your own words what the stress response is for.",
                "Practise one breathing skill and one grounding skill to use outside the group.",
            ],
        ),
        (
            "Key points",
            &[
                "The stress response gets the body ready to act: the heart speeds up, breathing \
                 quickens and muscles tense.",
                "It helps in short bursts; switched on for weeks, it wears down sleep, mood, \
                 digestion and concentration.",
                "Many people reach for alcohol, drugs or other quick fixes to turn the feeling \
                 down; the relief is short and the stress comes back.",
                "Slow breathing with a longer out-breath is one of the few direct ways to tell \
                 the body it is safe.",
                "Stress noticed early, while it is small, is easier to manage.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "Where in your body do you notice stress first?",
                "What do you usually do when you feel it building, and how well does that work?",
            ],
        ),
        (
            "Handout",
            &[
                "My stress signals: two in my body, two in my thoughts, two in what I do.",
                "Slow breathing: in for a count of four, out for a count of six, for two minutes.",
                "Grounding: name five things you can see, four you can hear, three you can touch.",
                "One thing I will try this week, and when:",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Stress and the body: the member's engagement, the stress signals they \
                      named and the calming skill they practised:",
};

pub(super) const SLEEP: Builtin = Builtin {
    id: super::SLEEP_AND_RECOVERY,
    kind: Psychoeducation,
    title: "Sleep and recovery",
    purpose: "Explain how sleep, mood and substance use affect each other, and help each \
              member choose one change to their sleep routine.",
    minutes: 45,
    sections: &[
        ("Topic", &["Sleep, and how it changes in recovery."]),
        (
            "Objectives",
            &[
                "Describe how alcohol and other substances disturb sleep, even when they seem \
                 to help at first.",
                "Know that poor sleep is common early in recovery and usually improves over \
                 weeks to months.",
                "Choose one sleep habit to try this week.",
            ],
        ),
        (
            "Key points",
            &[
                "Alcohol can help people fall asleep but breaks sleep up later in the night, so \
                 they wake less rested.",
                "Stimulants, nicotine and caffeine late in the day delay sleep; withdrawal from \
                 some substances disturbs sleep for a while.",
                "Getting up at the same time every day, even after a bad night, is one of the \
                 strongest ways to steady sleep.",
                "Screens, work and worrying in bed teach the body that bed is a place to be alert.",
                "If sleep does not come after about twenty minutes, get up, do something calm in \
                 dim light, and go back to bed when sleepy.",
                "Sleep problems that last, loud snoring with pauses in breathing, or thoughts of \
                 harm at night are worth raising with a clinician or a doctor.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "What gets in the way of sleep for you right now?",
                "What has helped you sleep in the past without using?",
            ],
        ),
        (
            "Handout",
            &[
                "A week's sleep diary: bedtime, wake time, how rested I felt from 0 to 10.",
                "My wind-down: three calm things to do in the last hour before bed.",
                "My one change this week:",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Sleep and recovery: the member's current sleep, their understanding of how \
                      substances affect it, and the change they chose:",
};

pub(super) const CRAVING: Builtin = Builtin {
    id: super::CYCLE_OF_CRAVING,
    kind: Psychoeducation,
    title: "The cycle of craving",
    purpose: "Help members understand a craving as a wave that rises and passes, map their own \
              triggers, and rehearse ways to ride a craving out.",
    minutes: 50,
    sections: &[
        (
            "Topic",
            &["What a craving is, what sets it off, and how it passes."],
        ),
        (
            "Objectives",
            &[
                "Describe the cycle: trigger, thoughts, craving, decision, and what follows.",
                "Name at least two personal triggers: people, places, feelings or times of day.",
                "Choose two ways to get through a craving without using.",
            ],
        ),
        (
            "Key points",
            &[
                "A craving is learned: the brain links certain cues with using and sends a \
                 strong urge when it meets them again.",
                "Cravings rise, peak and fall, often within 15 to 30 minutes, whether or not \
                 they are acted on.",
                "Each craving that passes without using weakens the link between the cue and \
                 the urge a little.",
                "Triggers can be outside (a place, payday, a person) or inside (boredom, anger, \
                 loneliness, tiredness, celebrating).",
                "Thoughts such as 'just one' or 'I deserve it' are part of the cycle; they can be \
                 noticed and answered.",
                "Delaying, distracting, reaching out and remembering your reasons for change \
                 work for many people.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "Think of a recent craving: what came before it?",
                "What has helped you let a craving pass?",
            ],
        ),
        (
            "Handout",
            &[
                "My trigger map: outside triggers, inside triggers, high-risk times.",
                "Urge surfing: notice where the craving sits in your body, breathe, and rate it \
                 every few minutes as it rises and falls.",
                "My plan for the next craving: wait 20 minutes, do two things from my list, \
                 and call someone.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "The cycle of craving: the triggers the member identified and the coping \
                      steps they chose:",
};

pub(super) const ANXIETY: Builtin = Builtin {
    id: super::UNDERSTANDING_ANXIETY,
    kind: Psychoeducation,
    title: "Understanding anxiety",
    purpose: "Explain what anxiety is and how avoidance keeps it going, and introduce small, \
              planned steps toward what members fear.",
    minutes: 45,
    sections: &[
        (
            "Topic",
            &["Anxiety as the body's alarm, and why avoiding it keeps it loud."],
        ),
        (
            "Objectives",
            &[
                "Describe anxiety in the body, in thoughts and in behaviour.",
                "Explain how avoidance brings quick relief but keeps anxiety going.",
                "Identify one small step toward something you have been avoiding.",
            ],
        ),
        (
            "Key points",
            &[
                "Anxiety is the body's alarm: unpleasant, but not dangerous, and it comes down \
                 on its own.",
                "Common signs are a racing heart, a tight chest, shallow breathing, worry that \
                 is hard to stop, and wanting to escape.",
                "Avoiding what we fear brings relief now, which teaches the brain the thing was \
                 dangerous, so the fear grows.",
                "Facing fears in small, planned steps lets the alarm learn that the situation \
                 can be managed.",
                "Alcohol and sedatives can quiet anxiety for a few hours and make it worse \
                 afterwards.",
                "New chest pain or fainting should always be checked by a doctor.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "What does anxiety feel like for you, in your body and in your thoughts?",
                "What do you avoid because of anxiety, and what has that cost you?",
            ],
        ),
        (
            "Handout",
            &[
                "Anxiety in three parts: body, thoughts, actions, with my own examples.",
                "My step ladder: five steps, easiest to hardest, toward one thing I avoid.",
                "Calming breath: in through the nose for four, out slowly for six.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Understanding anxiety: how the member describes their anxiety, what they \
                      avoid, and the first step they chose:",
};

pub(super) const RELAPSE: Builtin = Builtin {
    id: super::RELAPSE_WARNING_SIGNS,
    kind: Psychoeducation,
    title: "Early warning signs of relapse",
    purpose: "Help members see that a return to use usually starts well before using, name \
              their own early warning signs, and decide who will help them act on them.",
    minutes: 45,
    sections: &[
        (
            "Topic",
            &["Relapse as a process with emotional, mental and physical stages."],
        ),
        (
            "Objectives",
            &[
                "Describe relapse as a process with early signs rather than a single event.",
                "List three personal early warning signs.",
                "Agree one action and one person to contact when a sign appears.",
            ],
        ),
        (
            "Key points",
            &[
                "Early signs are often emotional: isolating, skipping groups or meetings, poor \
                 sleep and eating, bottling feelings up.",
                "Later, thoughts of using come back: missing the old life, bargaining, planning \
                 how it could be done safely.",
                "Noticing the early signs leaves the most room to change course.",
                "A slip is a signal to get more support, not proof that recovery has failed.",
                "After time without using, tolerance drops: using the amount used before carries \
                 a high risk of overdose. Keep naloxone at hand if opioids are part of your \
                 history.",
            ],
        ),
        (
            "Questions for the group",
            &[
                "Looking back, what were the first signs before a past return to use?",
                "Who notices when you are not doing well, and how could they tell you?",
            ],
        ),
        (
            "Handout",
            &[
                "My warning signs: feelings, thoughts, behaviours.",
                "When I notice a sign, I will:",
                "People I can call, with their numbers:",
                "In a crisis: call or text 988 (US); in an emergency call 911.",
            ],
        ),
    ],
    steps: &[],
    response_prompt: "Early warning signs of relapse: the signs the member identified, their \
                      plan, and the supports they named:",
};
