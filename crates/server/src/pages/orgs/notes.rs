//! The one-screen group note: the shared part and a DAP section per attending member,
//! saved as a draft or signed in one go; signed notes read-only with their addenda; the
//! co-sign queue.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::{self, Group};
use kindred_domain::ids::{AccountId, OrgId, SessionId};
use kindred_domain::notes::{
    self, AddendumInput, CosignItem, MemberSection, NoteInput, NoteScreen, RiskLevel,
};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{AuditTrail, Auth, Form};
use crate::pages::{render, render_with, Layout, PageResult};

/// What the form shows for one member: their section as saved, sent or pre-filled.
struct SectionForm {
    member_id: AccountId,
    name: String,
    data: String,
    assessment: String,
    plan: String,
    response: String,
    risk_level: String,
    risk_notes: String,
}

impl SectionForm {
    fn field(&self, name: &str) -> String {
        format!("member.{}.{name}", self.member_id)
    }
}

#[derive(Template)]
#[template(path = "orgs/note.html")]
struct NotePage {
    layout: Layout,
    org: Organization,
    group: Group,
    screen: NoteScreen,
    topic: String,
    techniques: String,
    themes: String,
    observations: String,
    sections: Vec<SectionForm>,
    errors: FieldErrors,
    saved: bool,
}

impl NotePage {
    fn risk_levels(&self) -> Vec<(&'static str, &'static str)> {
        RiskLevel::ALL
            .iter()
            .map(|r| (r.code(), r.label()))
            .collect()
    }

    fn addenda_of(&self, section: &MemberSection) -> Vec<&notes::Addendum> {
        self.screen
            .note
            .iter()
            .flat_map(|n| n.addenda.iter())
            .filter(|a| a.member_note_id == section.id)
            .collect()
    }
}

/// How the page is shown: after a save, or again with problems.
struct Shown {
    errors: FieldErrors,
    status: StatusCode,
    saved: bool,
}

impl Shown {
    fn problems(errors: FieldErrors, status: StatusCode) -> Self {
        Shown {
            errors,
            status,
            saved: false,
        }
    }
}

/// Which text the form starts from.
enum Source<'a> {
    Stored,
    Sent(&'a NoteInput),
}

fn section_forms(screen: &NoteScreen, source: &Source<'_>) -> Vec<SectionForm> {
    screen
        .attending
        .iter()
        .map(|line| {
            let stored = screen
                .note
                .as_ref()
                .and_then(|n| n.section_of(line.account_id));
            let sent = match source {
                Source::Sent(input) => input
                    .members
                    .iter()
                    .find(|m| m.member_id == line.account_id.to_string()),
                Source::Stored => None,
            };
            match (sent, stored) {
                (Some(m), _) => SectionForm {
                    member_id: line.account_id,
                    name: line.display_name.clone(),
                    data: m.data.clone(),
                    assessment: m.assessment.clone(),
                    plan: m.plan.clone(),
                    response: m.response.clone(),
                    risk_level: m.risk_level.clone(),
                    risk_notes: m.risk_notes.clone(),
                },
                (None, Some(s)) => SectionForm {
                    member_id: line.account_id,
                    name: line.display_name.clone(),
                    data: s.data.clone(),
                    assessment: s.assessment.clone(),
                    plan: s.plan.clone(),
                    response: s.response.clone(),
                    risk_level: s
                        .risk_level
                        .map(|r| r.code().to_owned())
                        .unwrap_or_default(),
                    risk_notes: s.risk_notes.clone(),
                },
                (None, None) => SectionForm {
                    member_id: line.account_id,
                    name: line.display_name.clone(),
                    data: String::new(),
                    assessment: String::new(),
                    plan: String::new(),
                    response: screen.prefill.response_prompt.clone(),
                    risk_level: String::new(),
                    risk_notes: String::new(),
                },
            }
        })
        .collect()
}

async fn page(
    state: &AppState,
    auth: &Auth,
    trail: &kindred_domain::audit::Trail,
    (org, session): (OrgId, SessionId),
    source: Source<'_>,
    shown: Shown,
) -> PageResult {
    let Shown {
        errors,
        status,
        saved,
    } = shown;
    let screen =
        notes::note_screen(state.store(), &auth.actor, org, session, trail, state.now()).await?;
    let group = groups::group(state.store(), &auth.actor, org, screen.group_id).await?;
    let shared = screen.note.as_ref().map(|n| n.shared.clone());
    let (topic, techniques, themes, observations) = match (&source, shared) {
        (Source::Sent(input), _) => (
            input.topic.clone(),
            input.techniques.clone(),
            input.themes.clone(),
            input.observations.clone(),
        ),
        (Source::Stored, Some(s)) => (s.topic, s.techniques, s.themes, s.observations),
        (Source::Stored, None) => (
            screen.prefill.topic.clone(),
            screen.prefill.techniques_used.clone(),
            String::new(),
            String::new(),
        ),
    };
    let sections = section_forms(&screen, &source);
    render_with(
        status,
        NotePage {
            layout: Layout::new(auth, format!("Group note: {}", group.name)),
            org: orgs::organization(state.store(), &auth.actor, org).await?,
            group,
            screen,
            topic,
            techniques,
            themes,
            observations,
            sections,
            errors,
            saved,
        },
    )
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> PageResult {
    let key = (id(&org_id)?, id(&session_id)?);
    let saved = q.saved == "1";
    page(
        &state,
        &auth,
        &trail,
        key,
        Source::Stored,
        Shown {
            errors: FieldErrors::new(),
            status: StatusCode::OK,
            saved,
        },
    )
    .await
}

/// Saves the draft or signs, as the pressed button says; bad input or a name found shows
/// the form again with what was typed and a message at each field.
pub async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let input = NoteInput::from_form(&pairs);
    let signing = pairs.iter().any(|(k, v)| k == "action" && v == "sign");
    let now = state.now();
    let result = if signing {
        notes::sign_note(
            state.store(),
            &auth.actor,
            org,
            session,
            &input,
            &trail,
            now,
        )
        .await
    } else {
        notes::save_note(
            state.store(),
            &auth.actor,
            org,
            session,
            &input,
            &trail,
            now,
        )
        .await
    };
    let (errors, status) = match result {
        Ok(_) => {
            let next = format!("/orgs/{org}/sessions/{session}/note?saved=1");
            return Ok(Redirect::to(&next).into_response());
        }
        Err(Error::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(Error::Conflict(message)) => {
            (FieldErrors::single("note", message), StatusCode::CONFLICT)
        }
        Err(other) => return Err(other.into()),
    };
    page(
        &state,
        &auth,
        &trail,
        (org, session),
        Source::Sent(&input),
        Shown::problems(errors, status),
    )
    .await
}

pub async fn cosign(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(_): Form<Vec<(String, String)>>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    match notes::cosign_note(
        state.store(),
        &auth.actor,
        org,
        session,
        &trail,
        state.now(),
    )
    .await
    {
        Ok(_) => {
            let next = format!("/orgs/{org}/sessions/{session}/note?saved=1");
            Ok(Redirect::to(&next).into_response())
        }
        Err(Error::Conflict(message)) => {
            let errors = FieldErrors::single("note", message);
            page(
                &state,
                &auth,
                &trail,
                (org, session),
                Source::Stored,
                Shown::problems(errors, StatusCode::CONFLICT),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AddendumForm {
    #[serde(default)]
    body: String,
    /// The note page the form was on, to show it again with a problem.
    #[serde(default)]
    session_id: String,
}

pub async fn add_addendum(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, note_id)): Path<(String, String)>,
    Form(form): Form<AddendumForm>,
) -> PageResult {
    let org: OrgId = id(&org_id)?;
    let input = AddendumInput { body: form.body };
    let result = notes::add_addendum(
        state.store(),
        &auth.actor,
        org,
        id(&note_id)?,
        &input,
        &trail,
        state.now(),
    )
    .await;
    let (errors, status) = match result {
        Ok((_, session)) => {
            let next = format!("/orgs/{org}/sessions/{session}/note?saved=1");
            return Ok(Redirect::to(&next).into_response());
        }
        Err(Error::Invalid(errors)) => (
            FieldErrors::single(
                &format!("addendum.{note_id}"),
                errors.get("body").unwrap_or("Write the addendum."),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(Error::Conflict(message)) => {
            (FieldErrors::single("note", message), StatusCode::CONFLICT)
        }
        Err(other) => return Err(other.into()),
    };
    page(
        &state,
        &auth,
        &trail,
        (org, id(&form.session_id)?),
        Source::Stored,
        Shown::problems(errors, status),
    )
    .await
}

#[derive(Template)]
#[template(path = "orgs/cosign.html")]
struct CosignPage {
    layout: Layout,
    org: Organization,
    items: Vec<CosignItem>,
}

pub async fn cosign_queue(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org: OrgId = id(&org_id)?;
    let items = notes::cosign_queue(state.store(), &auth.actor, org).await?;
    render(CosignPage {
        layout: Layout::new(&auth, "Notes to co-sign"),
        org: orgs::organization(state.store(), &auth.actor, org).await?,
        items,
    })
}
