//! The anonymous self-screen: one calm form, and a result page that puts crisis resources
//! first whenever they are needed. Nothing is stored; answers are never logged. The
//! answers travel on only if the person chooses to attach them to a request to join.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use kindred_domain::groups;
use kindred_domain::ids::GroupId;
use kindred_domain::instruments::{self, Choice, Scored};
use kindred_domain::screening::{self, answers, Assessment, QUESTIONS};
use kindred_domain::FieldErrors;

use super::{render, render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{Auth, Form};

/// The group a person came from, when they want to check whether it fits them.
pub struct GroupContext {
    pub id: GroupId,
    pub name: String,
}

/// One questionnaire (or the plain questions) on the form.
pub struct Section {
    pub id: &'static str,
    pub heading: &'static str,
    pub preamble: &'static str,
    pub credit: &'static str,
    pub questions: Vec<Question>,
}

pub struct Question {
    /// The answer key, also the form field and the anchor of its message.
    pub key: String,
    pub text: &'static str,
    pub options: &'static [Choice],
}

#[derive(Template)]
#[template(path = "screening.html")]
struct FormPage {
    layout: Layout,
    sections: Vec<Section>,
    answers: BTreeMap<String, String>,
    errors: FieldErrors,
    group: Option<GroupContext>,
    /// PHQ-9 item 9 above 0 among incomplete answers: the crisis resources still come first.
    urgent: bool,
}

impl FormPage {
    fn checked(&self, key: &str, code: &str) -> bool {
        self.answers.get(key).is_some_and(|a| a.trim() == code)
    }

    fn error(&self, key: &str) -> Option<&str> {
        self.errors.get(key)
    }

    fn sex_is(&self, code: &str) -> bool {
        self.answers.get(answers::SEX).map_or("", |a| a.trim()) == code
    }
}

/// One score as the result page shows it.
pub struct ScoreLine {
    pub name: &'static str,
    pub total: i32,
    pub max: i32,
    /// The band or screen in plain words.
    pub summary: String,
}

#[derive(Template)]
#[template(path = "screening_result.html")]
struct ResultPage {
    layout: Layout,
    assessment: Assessment,
    scores: Vec<ScoreLine>,
    /// The answers only, for the request form's hidden fields.
    answers: BTreeMap<String, String>,
    group: Option<GroupContext>,
}

#[derive(serde::Deserialize)]
pub struct GroupQuery {
    #[serde(default)]
    group: String,
}

/// The form, optionally in the context of one group (`?group=<id>`).
pub async fn form(
    State(state): State<AppState>,
    auth: Auth,
    query: Result<Query<GroupQuery>, QueryRejection>,
) -> PageResult {
    let raw = query.map(|Query(q)| q.group).unwrap_or_default();
    let group = group_context(&state, &auth, &raw).await;
    render(FormPage {
        layout: Layout::new(&auth, "Check what kind of support fits"),
        sections: sections(),
        answers: BTreeMap::new(),
        errors: FieldErrors::new(),
        group,
        urgent: false,
    })
}

/// Scores the answers and shows the result, or the form again with a message at every
/// question that needs an answer (422).
pub async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Form(fields): Form<BTreeMap<String, String>>,
) -> PageResult {
    let group = group_context(&state, &auth, fields.get("group").map_or("", |g| g)).await;
    let answers = screening::answers_only(&fields);
    match screening::assess(&answers) {
        Ok(assessment) => render(ResultPage {
            layout: Layout::new(&auth, "Your screening result"),
            scores: assessment.scores.iter().map(score_line).collect(),
            assessment,
            answers,
            group,
        }),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            FormPage {
                layout: Layout::new(&auth, "Check what kind of support fits"),
                sections: sections(),
                urgent: screening::urgent(&answers),
                answers,
                errors,
                group,
            },
        ),
    }
}

/// The group named by a link, if it is open; anything else just means no group context.
async fn group_context(state: &AppState, auth: &Auth, raw: &str) -> Option<GroupContext> {
    let id: GroupId = raw.trim().parse().ok()?;
    let view = groups::public_group(state.store(), &auth.actor, state.now(), id)
        .await
        .ok()?;
    Some(GroupContext {
        id,
        name: view.group.name,
    })
}

fn sections() -> Vec<Section> {
    let mut sections: Vec<Section> = instruments::ALL
        .iter()
        .map(|instrument| Section {
            id: instrument.code,
            heading: topic(instrument.code),
            preamble: instrument.preamble,
            credit: instrument.licence_note,
            questions: instrument
                .items
                .iter()
                .map(|item| Question {
                    key: answers::key(instrument, item),
                    text: item.text,
                    options: item.options,
                })
                .collect(),
        })
        .collect();
    sections.push(Section {
        id: "about-you",
        heading: "A few more questions",
        preamble: "These help point you to the right amount of support.",
        credit: "",
        questions: QUESTIONS
            .iter()
            .map(|q| Question {
                key: q.code.to_owned(),
                text: q.text,
                options: q.options,
            })
            .collect(),
    });
    sections
}

/// A plain heading for each questionnaire, with its name.
fn topic(code: &str) -> &'static str {
    match code {
        "phq-9" => "Your mood (PHQ-9)",
        "gad-7" => "Worry and anxiety (GAD-7)",
        "audit-c" => "Alcohol (AUDIT-C)",
        "taps-1" => "Tobacco, alcohol and drugs (TAPS)",
        _ => "Questions",
    }
}

fn score_line(scored: &Scored) -> ScoreLine {
    let instrument = instruments::by_code(scored.instrument);
    let name = instrument.map_or(scored.instrument, |i| i.name);
    let max = instrument.map_or(0, |i| i.total_range().1);
    let summary = if let Some(band) = &scored.band {
        format!("{} range", band.label)
    } else if !scored.positive_items.is_empty() {
        let names: Vec<&str> = scored
            .positive_items
            .iter()
            .map(|item| substance(item))
            .collect();
        format!("any use in the past year of: {}", names.join(", "))
    } else {
        match scored.positive {
            Some(true) => "at or above the screening cutoff".to_owned(),
            Some(false) if scored.instrument == instruments::taps::TAPS.code => {
                "no use in the past year".to_owned()
            }
            Some(false) => "below the screening cutoff".to_owned(),
            None => String::new(),
        }
    };
    ScoreLine {
        name,
        total: scored.total,
        max,
        summary,
    }
}

fn substance(item: &str) -> &'static str {
    match item {
        "tobacco" => "tobacco",
        "alcohol" => "heavy drinking",
        "drugs" => "drugs",
        "prescription" => "prescription medication not as prescribed",
        _ => "other",
    }
}
