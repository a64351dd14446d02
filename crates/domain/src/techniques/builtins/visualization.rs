//! Built-in guided visualizations: how to prepare the group, the script in timed steps
//! (which a live room plays one step after another), and how to close.

use super::Builtin;
use crate::techniques::TechniqueKind::GuidedVisualization;

pub(super) const SAFE_PLACE: Builtin = Builtin {
    id: super::SAFE_PLACE,
    kind: GuidedVisualization,
    title: "Safe place",
    purpose: "Guide members to imagine a calm, safe place they can return to in their minds \
              when they are distressed.",
    minutes: 15,
    sections: &[
        (
            "Before you begin",
            &[
                "Explain the exercise, and that there is no right way to do it.",
                "Invite members to close their eyes or to rest their gaze on the floor; both \
                 are fine.",
                "Anyone may open their eyes, move or stop at any time. If the place brings up \
                 something painful, they can choose another place or simply notice their \
                 breathing.",
            ],
        ),
        (
            "After the script",
            &[
                "Give a minute to come back to the room: move fingers and toes, look around.",
                "Invite a few words from each member about what it was like; nobody has to \
                 describe their place.",
                "Suggest a word or image that brings the place back, to use during the week.",
            ],
        ),
    ],
    steps: &[
        (
            45,
            "Settle into your chair. Let your feet rest on the floor and your hands in your \
              lap. Close your eyes if that feels right, or let them rest on a spot on the floor.",
        ),
        (
            60,
            "Take a few slow breaths. Breathe in through your nose, and let the breath out \
              slowly, a little longer than the in-breath.",
        ),
        (
            60,
            "Now bring to mind a place where you feel calm and safe. It can be a place you \
              know, a place you have seen, or somewhere you imagine. There is no right answer.",
        ),
        (
            75,
            "Look around your place. Notice the colours, the light and the shapes, what is \
              near you and what is far away.",
        ),
        (
            60,
            "Listen. What can you hear in your place? Perhaps quiet, perhaps water, wind or \
              birds.",
        ),
        (
            60,
            "Notice what you can feel: the air on your skin, the ground under your feet, \
              anything you are touching.",
        ),
        (45, "If there is a smell in your place, notice that too."),
        (
            90,
            "Let yourself rest here. Notice how your body feels when you are somewhere safe. \
              Let your shoulders drop and your breathing slow.",
        ),
        (
            60,
            "If you like, choose a word or an image that reminds you of this place. You can \
              use it to come back here whenever you need to.",
        ),
        (
            45,
            "This place is yours, and you can return to it at any time.",
        ),
        (
            60,
            "Now slowly bring your attention back to the room. Notice the chair under you and \
              the sounds around you.",
        ),
        (
            30,
            "When you are ready, open your eyes or lift your gaze, and take a moment before \
              you move.",
        ),
    ],
    response_prompt: "Safe place visualization: the member's participation, how they felt \
                      afterwards, and any distress noticed:",
};

pub(super) const BODY_SCAN: Builtin = Builtin {
    id: super::BODY_SCAN,
    kind: GuidedVisualization,
    title: "Body scan",
    purpose: "Build awareness of sensations in the body without judging them, as a way to \
              notice stress early and to settle.",
    minutes: 20,
    sections: &[
        (
            "Before you begin",
            &[
                "Members can sit or, where the room allows, lie down.",
                "Explain that the aim is to notice, not to relax on purpose; any sensation, or \
                 none, is fine.",
                "Members who find attention on the body distressing may keep their eyes open, \
                 stay with their hands or feet only, or stop.",
            ],
        ),
        (
            "After the script",
            &[
                "Invite members to share what they noticed: tension, ease, numbness, \
                 restlessness.",
                "Link it to daily life: a two-minute scan before bed or during a craving.",
            ],
        ),
    ],
    steps: &[
        (
            60,
            "Find a comfortable position. Let your eyes close or rest on the floor. Notice \
              that you are breathing, without changing it.",
        ),
        (
            60,
            "Bring your attention to your feet. Notice whatever is there: warmth, coolness, \
              pressure, tingling, or nothing much.",
        ),
        (
            60,
            "Move your attention up to your ankles, shins and calves. If your mind wanders, \
              notice where it went and gently come back.",
        ),
        (
            60,
            "Notice your knees and thighs, and the weight of your legs on the chair or the \
              floor.",
        ),
        (
            60,
            "Bring your attention to your hips and lower back. If you notice tension, simply \
              name it: tension is here.",
        ),
        (75, "Notice your belly rising and falling with each breath."),
        (
            60,
            "Move to your chest and upper back. Notice the breath in your chest, and your \
              heartbeat if you can feel it.",
        ),
        (
            75,
            "Bring your attention to your hands, then your wrists, forearms and elbows.",
        ),
        (
            60,
            "Notice your upper arms and shoulders. Shoulders often hold tension; let them be \
              as they are, or let them soften if they want to.",
        ),
        (60, "Notice your neck and throat."),
        (
            75,
            "Bring your attention to your face: your jaw, your mouth, your cheeks, your eyes \
              and your forehead.",
        ),
        (60, "Notice the top of your head."),
        (
            90,
            "Now take in your whole body at once, breathing in and out, from your feet to the \
              top of your head.",
        ),
        (
            45,
            "Begin to move your fingers and toes. Notice the room around you.",
        ),
        (
            30,
            "When you are ready, open your eyes and take your time before moving on.",
        ),
    ],
    response_prompt: "Body scan: the member's participation, what they noticed in their body, \
                      and how they felt afterwards:",
};

pub(super) const LEAVES: Builtin = Builtin {
    id: super::LEAVES_ON_A_STREAM,
    kind: GuidedVisualization,
    title: "Leaves on a stream",
    purpose: "Practise stepping back from thoughts: watching them come and go instead of \
              arguing with them or acting on them.",
    minutes: 15,
    sections: &[
        (
            "Before you begin",
            &[
                "Explain that the aim is to watch thoughts, not to stop them or to relax; a \
                 busy mind is fine.",
                "Eyes may be closed or resting on the floor; anyone may stop at any time.",
            ],
        ),
        (
            "After the script",
            &[
                "Ask what members noticed: were some thoughts sticky? Did anyone get carried \
                 downstream?",
                "Connect the skill to cravings and worries: a thought about using is a thought, \
                 and it can pass without being acted on.",
            ],
        ),
    ],
    steps: &[
        (
            45,
            "Sit comfortably and let your eyes close or rest on a spot on the floor. Take a \
              couple of slow breaths.",
        ),
        (
            60,
            "Imagine you are sitting beside a gently flowing stream. Leaves float past on the \
              water, one after another.",
        ),
        (
            60,
            "Now start to notice your thoughts. Each time a thought comes, whether words, a \
              picture or a worry, place it on a leaf and let it float away.",
        ),
        (
            120,
            "Keep going at your own pace. If a thought comes back, put it on another leaf. \
               There is no need to hurry the stream.",
        ),
        (
            60,
            "If you notice you have been carried off by a thought, that is normal. Gently come \
              back to the bank and start again with the next thought.",
        ),
        (
            60,
            "Feelings can go on leaves too: boredom, impatience, an urge. Place each one on a \
              leaf and watch it drift.",
        ),
        (
            120,
            "Continue placing thoughts and feelings on leaves and watching them float \
               downstream.",
        ),
        (
            45,
            "Now let the stream fade. Notice your breath, your feet on the floor and the \
              sounds in the room.",
        ),
        (30, "When you are ready, open your eyes or lift your gaze."),
    ],
    response_prompt: "Leaves on a stream: the member's participation, how they related to their \
                      thoughts, and how they felt afterwards:",
};
