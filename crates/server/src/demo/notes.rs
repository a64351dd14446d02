//! Demo group notes: each past session gets the note its lead facilitator would have
//! written, signed through the same use case staff use, except each group's most recent
//! session, which is left to write (so the missing-documentation lists have something
//! true to show). A peer specialist's latest signed note waits for a clinician.

use chrono::{DateTime, Duration, Utc};
use kindred_domain::audit::Trail;
use kindred_domain::auth::{Actor, SignedIn};
use kindred_domain::groups::Group;
use kindred_domain::notes::{sign_note, MemberInput, NoteInput, NoteScreen};
use kindred_domain::orgs::Role;
use kindred_domain::sessions::SessionStatus;
use kindred_domain::{Error, Store};

/// Topics a group works through week by week; none names anyone.
const TOPICS: [(&str, &str); 4] = [
    (
        "Noticing early warning signs",
        "Members compared the first signs of a hard week: poor sleep, skipped meals, pulling back from people.",
    ),
    (
        "Asking for support",
        "The group practised asking for help in plain words and talked about what makes it hard.",
    ),
    (
        "Coping with stress at work",
        "Members shared what helps after a difficult shift and chose one skill to try.",
    ),
    (
        "Planning for the weekend",
        "The group made simple plans for unstructured time and named who they could call.",
    ),
];

/// Writes and signs the notes of a group's past sessions.
pub(super) async fn write(
    store: &dyn Store,
    group: &Group,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(lead) = group.lead() else {
        return Ok(());
    };
    let actor = Actor::SignedIn(SignedIn {
        account_id: lead.account_id,
        display_name: kindred_domain::accounts::DisplayName::from_trusted(
            lead.display_name.clone(),
        ),
        roles: store.roles_of(lead.account_id).await?,
        auth_session: None,
    });
    let past: Vec<_> = store
        .sessions_of_group(group.id, now - Duration::weeks(5), 200)
        .await?
        .into_iter()
        .filter(|s| s.ends_at <= now && s.status == SessionStatus::Held)
        .collect();
    // The latest is left to write; a peer specialist's others wait for a co-signature
    // only while no clinician has got to them (the last one before it).
    let Some((_, written)) = past.split_last() else {
        return Ok(());
    };
    let trail = Trail {
        request_id: "demo".into(),
        client_addr: String::new(),
    };
    for (week, session) in written.iter().enumerate() {
        let at = session.ends_at + Duration::hours(2);
        let screen =
            kindred_domain::notes::note_screen(store, &actor, group.org_id, session.id, &trail, at)
                .await?;
        let input = note(&screen, week);
        sign_note(store, &actor, group.org_id, session.id, &input, &trail, at).await?;
        if lead.role == Role::PeerSpecialist && week + 1 < written.len() {
            cosign(store, group, session.id, &trail, at).await?;
        }
    }
    Ok(())
}

/// A clinician of the organization co-signs the peer specialist's note.
async fn cosign(
    store: &dyn Store,
    group: &Group,
    session: kindred_domain::ids::SessionId,
    trail: &Trail,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    let staff = store.staff_of(group.org_id).await?;
    let Some(clinician) = staff.iter().find(|s| s.role == Role::Clinician) else {
        return Ok(());
    };
    let actor = Actor::SignedIn(SignedIn {
        account_id: clinician.account_id,
        display_name: kindred_domain::accounts::DisplayName::from_trusted(
            clinician.display_name.clone(),
        ),
        roles: store.roles_of(clinician.account_id).await?,
        auth_session: None,
    });
    kindred_domain::notes::cosign_note(
        store,
        &actor,
        group.org_id,
        session,
        trail,
        at + Duration::hours(20),
    )
    .await?;
    Ok(())
}

fn note(screen: &NoteScreen, week: usize) -> NoteInput {
    let (topic, themes) = TOPICS[week % TOPICS.len()];
    NoteInput {
        topic: topic.into(),
        techniques: "Check-in round; psychoeducation; check-out round".into(),
        themes: themes.into(),
        observations: "Members listened well and gave each other room to speak.".into(),
        members: screen
            .attending
            .iter()
            .enumerate()
            .map(|(i, line)| MemberInput {
                member_id: line.account_id.to_string(),
                data: DATA[(week + i) % DATA.len()].into(),
                assessment: ASSESSMENT[(week + i) % ASSESSMENT.len()].into(),
                plan: "Continue weekly group; practise the skill from today before next session."
                    .into(),
                response: RESPONSE[(week + i) % RESPONSE.len()].into(),
                risk_level: "none".into(),
                risk_notes: String::new(),
            })
            .collect(),
    }
}

const DATA: [&str; 3] = [
    "Shared a recent stressful situation and how they handled it.",
    "Spoke briefly in the check-in; listened closely during the discussion.",
    "Described using a coping skill twice this week.",
];

const ASSESSMENT: [&str; 3] = [
    "Engaged and reflective; mood appeared stable.",
    "Quieter than usual but attentive; no concerns observed.",
    "Making steady progress toward their group goal.",
];

const RESPONSE: [&str; 3] = [
    "Took part in the exercise and said it was useful.",
    "Tried the skill with some prompting.",
    "Named one step to practise before next week.",
];
