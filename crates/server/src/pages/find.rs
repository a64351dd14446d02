//! `GET /find`: the public directory. A filter form (every part a labelled fieldset), the
//! results as cards saying why each fits, and page links that keep the search. Bad input
//! shows the form again with a message at each parameter, never an empty list.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use kindred_domain::fields::Choice;
use kindred_domain::finder::{
    self, format_km, Day, DirectoryInput, DirectoryPage, Led, Seats, TimeOfDay,
};
use kindred_domain::groups::{Audience, FocusArea, Format, Language, PaymentOption};
use kindred_domain::programs::LevelOfCare;
use kindred_domain::{Error, FieldErrors};

use super::{render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

pub struct Opt {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// One fieldset of choices: checkboxes, or radios with an "Any" first.
pub struct Choices {
    pub name: &'static str,
    pub legend: &'static str,
    pub radio: bool,
    pub options: Vec<Opt>,
    pub error: Option<String>,
}

impl Choices {
    fn any_selected(&self) -> bool {
        self.options.iter().any(|o| o.selected)
    }
}

#[derive(Template)]
#[template(path = "find.html")]
struct FindPage {
    layout: Layout,
    q: String,
    near: String,
    lat: String,
    lon: String,
    language: Vec<Opt>,
    choices: Vec<Choices>,
    /// Messages by parameter, shown at their field.
    errors: FieldErrors,
    /// Every message for the summary on top, with the field to jump to when the form has one.
    problems: Vec<(Option<String>, String)>,
    results: Option<DirectoryPage>,
    prev: Option<String>,
    next: Option<String>,
    within_options: Vec<KmOpt>,
}

pub struct KmOpt {
    pub value: String,
    pub selected: bool,
}

impl FindPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

/// The raw parameters, split like the domain splits them, to fill the form in again.
struct Raw(Vec<(String, String)>);

impl Raw {
    fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    fn one(&self, name: &str) -> String {
        self.all(name)
            .first()
            .copied()
            .unwrap_or_default()
            .to_owned()
    }

    fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }
}

fn options<T: Choice>(picked: &[&str]) -> Vec<Opt> {
    T::ALL
        .iter()
        .map(|c| Opt {
            value: c.code(),
            label: c.label(),
            selected: picked.contains(&c.code()),
        })
        .collect()
}

fn fieldset<T: Choice>(
    raw: &Raw,
    errors: &FieldErrors,
    name: &'static str,
    legend: &'static str,
    radio: bool,
) -> Choices {
    Choices {
        name,
        legend,
        radio,
        options: options::<T>(&raw.all(name)),
        error: errors.get(name).map(str::to_owned),
    }
}

/// Parses the query string into pairs; text that is not a query string is one message.
pub(crate) fn pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, FieldErrors> {
    serde_html_form::from_str::<Vec<(String, String)>>(raw.unwrap_or_default()).map_err(|_| {
        FieldErrors::single(
            "query",
            "This search could not be read. Start a new search.",
        )
    })
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let parsed = pairs(raw.as_deref());
    let raw = Raw(parsed.clone().unwrap_or_default());
    let outcome = match parsed {
        Ok(pairs) => {
            let input = DirectoryInput::from_pairs(pairs);
            finder::search(
                state.store(),
                &auth.actor,
                crate::places::gazetteer(),
                &input,
            )
            .await
        }
        Err(errors) => Err(Error::Invalid(errors)),
    };
    let (status, errors, results, query) = match outcome {
        Ok((query, page)) => (StatusCode::OK, FieldErrors::new(), Some(page), Some(query)),
        Err(Error::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None, None),
        Err(other) => return Err(other.into()),
    };
    let (prev, next) = match (&query, &results) {
        (Some(q), Some(page)) => (
            (page.page > 1).then(|| q.query_string(page.page - 1)),
            page.has_next.then(|| q.query_string(page.page + 1)),
        ),
        _ => (None, None),
    };
    let within = raw.one("within");
    let choices = vec![
        fieldset::<FocusArea>(&raw, &errors, "focus", "What it is about", false),
        fieldset::<Led>(&raw, &errors, "led", "Led by", true),
        fieldset::<Format>(&raw, &errors, "format", "How it meets", false),
        fieldset::<Day>(&raw, &errors, "day", "Days", false),
        fieldset::<TimeOfDay>(&raw, &errors, "time", "Time of day", false),
        fieldset::<PaymentOption>(&raw, &errors, "payment", "Payment", false),
        fieldset::<Audience>(&raw, &errors, "audience", "Who it is for", false),
        fieldset::<LevelOfCare>(&raw, &errors, "care", "Level of care", false),
        fieldset::<Seats>(&raw, &errors, "seats", "Room in the group", true),
    ];
    let default_km = format_km(finder::DEFAULT_WITHIN_KM);
    let mut within_options: Vec<KmOpt> = ["5", "10", "25", "40", "80", "160"]
        .into_iter()
        .map(|km| KmOpt {
            value: km.to_owned(),
            selected: within == km || (within.is_empty() && km == default_km),
        })
        .collect();
    // A distance from a link that the list does not offer stays chosen.
    if !within.is_empty()
        && errors.get("within").is_none()
        && !within_options.iter().any(|o| o.selected)
    {
        within_options.push(KmOpt {
            value: within.clone(),
            selected: true,
        });
    }
    let title = if results.as_ref().is_some_and(|p| p.page > 1) {
        format!(
            "Find a group (page {})",
            results.as_ref().map_or(1, |p| p.page)
        )
    } else {
        "Find a group".to_owned()
    };
    let problems = errors
        .0
        .iter()
        .map(|(field, message)| {
            let known = finder::PARAMETERS.contains(&field.as_str()) && field != "page";
            (known.then(|| field.clone()), message.clone())
        })
        .collect();
    render_with(
        status,
        FindPage {
            problems,
            layout: Layout::new(&auth, title),
            q: raw.text("q"),
            near: raw.text("near"),
            lat: raw.one("lat"),
            lon: raw.one("lon"),
            language: options::<Language>(&raw.all("language")),
            choices,
            errors,
            results,
            prev,
            next,
            within_options,
        },
    )
}
