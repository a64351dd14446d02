//! An organization's own plan as typed into the form or sent to the API, and its parsing.
//!
//! Sections are one text: a line starting with `#` starts a heading, every other non-empty
//! line is an item of the heading above it (a leading `- ` or `* ` is dropped). Steps are one
//! line each, `<seconds> <text>`; a guided visualization needs at least one.

use super::{PlanSection, Technique, TechniqueKind, TimedStep};
use crate::fields::{choice, lenient_string, required_text, Choice};
use crate::ids::{OrgId, TechniqueId};
use crate::FieldErrors;

pub const TITLE_MAX: usize = 120;
pub const PURPOSE_MAX: usize = 1000;
pub const PROMPT_MAX: usize = 500;
pub const MINUTES_MAX: u32 = 240;
pub const LINE_MAX: usize = 500;
pub const SECTIONS_MAX: usize = 20;
pub const ITEMS_MAX: usize = 30;
pub const STEPS_MAX: usize = 60;
pub const STEP_SECONDS: (u32, u32) = (5, 1800);
/// Of the sections text and of the steps text.
pub const TEXT_MAX: usize = 20_000;

/// A plan as typed into the form or sent to the API.
#[derive(Debug, Default, Clone, PartialEq, serde::Deserialize, utoipa::ToSchema)]
pub struct TechniqueInput {
    #[serde(default)]
    pub title: String,
    /// One of the technique kinds (`psychoeducation`, `role_play`, …).
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub purpose: String,
    /// Whole minutes, 1 to 240.
    #[serde(default, deserialize_with = "lenient_string")]
    pub minutes: String,
    /// A line starting with `#` starts a heading; other non-empty lines are its items.
    #[serde(default)]
    pub sections: String,
    /// One step a line, `<seconds> <text>`; needed for a guided visualization only.
    #[serde(default)]
    pub steps: String,
    /// Pre-fills a member note's "response to the intervention".
    #[serde(default)]
    pub response_prompt: String,
}

/// A plan's content after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechniqueSpec {
    pub kind: TechniqueKind,
    pub title: String,
    pub purpose: String,
    pub minutes: u32,
    pub sections: Vec<PlanSection>,
    pub steps: Vec<TimedStep>,
    pub response_prompt: String,
}

impl TechniqueInput {
    /// Every field that needs another look is named, each with what to do.
    pub fn parse(&self) -> Result<TechniqueSpec, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = single_line(&mut errors, "title", &self.title, TITLE_MAX);
        let kind = choice::<TechniqueKind>(&mut errors, "kind", &self.kind);
        let purpose = required_text(&mut errors, "purpose", &self.purpose, PURPOSE_MAX);
        let minutes = minutes(&mut errors, &self.minutes);
        let sections = sections(&mut errors, &self.sections);
        let steps = steps(&mut errors, &self.steps);
        let response_prompt = required_text(
            &mut errors,
            "response_prompt",
            &self.response_prompt,
            PROMPT_MAX,
        );
        if let Some(kind) = kind {
            if kind.needs_steps() && steps.is_empty() {
                errors.add(
                    "steps",
                    "A guided visualization needs its script: one step a line, the seconds \
                     first, like \"60 Breathe in slowly.\"",
                );
            }
            if !kind.needs_steps() && sections.is_empty() {
                errors.add(
                    "sections",
                    "Add at least one heading (a line starting with #) with its items below it.",
                );
            }
        }
        if let Some(minutes) = minutes {
            let total: u32 = steps.iter().map(|s| s.seconds).sum();
            if total > minutes * 60 {
                errors.add(
                    "steps",
                    format!(
                        "The steps take {} in all, longer than the plan's {minutes} minutes; \
                         shorten them or give the plan more minutes.",
                        super::clock(total)
                    ),
                );
            }
        }
        match (kind, minutes) {
            (Some(kind), Some(minutes)) if errors.is_empty() => Ok(TechniqueSpec {
                kind,
                title,
                purpose,
                minutes,
                sections,
                steps,
                response_prompt,
            }),
            _ => Err(errors),
        }
    }
}

impl TechniqueSpec {
    /// A new plan of `org`.
    pub fn into_new(self, org: OrgId) -> Technique {
        let kind = self.kind;
        self.apply(Technique {
            id: TechniqueId::new(),
            org_id: Some(org),
            kind,
            title: String::new(),
            purpose: String::new(),
            minutes: 0,
            sections: Vec::new(),
            steps: Vec::new(),
            response_prompt: String::new(),
            archived: false,
        })
    }

    /// Writes the parsed content over a plan, keeping its identity, owner and archiving.
    pub fn apply(self, technique: Technique) -> Technique {
        Technique {
            kind: self.kind,
            title: self.title,
            purpose: self.purpose,
            minutes: self.minutes,
            sections: self.sections,
            steps: self.steps,
            response_prompt: self.response_prompt,
            ..technique
        }
    }
}

impl From<&Technique> for TechniqueInput {
    /// The form filled with a plan, so that parsing it gives the same plan back.
    fn from(t: &Technique) -> Self {
        Self {
            title: t.title.clone(),
            kind: t.kind.code().to_owned(),
            purpose: t.purpose.clone(),
            minutes: t.minutes.to_string(),
            sections: sections_text(&t.sections),
            steps: steps_text(&t.steps),
            response_prompt: t.response_prompt.clone(),
        }
    }
}

/// Sections as the form shows them: `# Heading`, then `- item` lines, a blank line between.
pub fn sections_text(sections: &[PlanSection]) -> String {
    sections
        .iter()
        .map(|s| {
            let mut block = format!("# {}", s.heading);
            for item in &s.items {
                block.push_str("\n- ");
                block.push_str(item);
            }
            block
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Steps as the form shows them: `<seconds> <text>` a line.
pub fn steps_text(steps: &[TimedStep]) -> String {
    steps
        .iter()
        .map(|s| format!("{} {}", s.seconds, s.text))
        .collect::<Vec<_>>()
        .join("\n")
}

fn single_line(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) -> String {
    let text = required_text(errors, field, raw, max);
    if text.contains(['\n', '\r']) {
        errors.add(field, "Keep this on one line.");
    }
    text
}

fn minutes(errors: &mut FieldErrors, raw: &str) -> Option<u32> {
    match raw.trim().parse::<u32>() {
        Ok(n) if (1..=MINUTES_MAX).contains(&n) => Some(n),
        _ => {
            errors.add(
                "minutes",
                format!("Enter the minutes as a whole number from 1 to {MINUTES_MAX}."),
            );
            None
        }
    }
}

/// A line's text checked like any text field; the message names the line.
fn line_problem(text: &str) -> Option<String> {
    if text.chars().count() > LINE_MAX {
        Some(format!("use at most {LINE_MAX} characters on a line"))
    } else if text.chars().any(|c| c.is_control() && c != '\t') {
        Some("remove the control characters".into())
    } else {
        None
    }
}

fn too_long(errors: &mut FieldErrors, field: &str, raw: &str) -> bool {
    if raw.chars().count() > TEXT_MAX {
        errors.add(field, format!("Use at most {TEXT_MAX} characters in all."));
        true
    } else {
        false
    }
}

fn problem(errors: &mut FieldErrors, n: usize, message: &str) {
    errors.add("sections", format!("Line {n}: {message}."));
}

fn sections(errors: &mut FieldErrors, raw: &str) -> Vec<PlanSection> {
    let mut sections: Vec<PlanSection> = Vec::new();
    if too_long(errors, "sections", raw) {
        return sections;
    }
    for (index, line) in raw.lines().enumerate() {
        let n = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            if heading.is_empty() {
                problem(errors, n, "write the heading after the #");
            } else if let Some(message) = line_problem(heading) {
                problem(errors, n, &message);
            } else if sections.len() == SECTIONS_MAX {
                problem(
                    errors,
                    n,
                    &format!("a plan has at most {SECTIONS_MAX} headings"),
                );
            } else {
                sections.push(PlanSection {
                    heading: heading.to_owned(),
                    items: Vec::new(),
                });
            }
            continue;
        }
        let item = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .unwrap_or(line)
            .trim();
        let Some(section) = sections.last_mut() else {
            problem(
                errors,
                n,
                "start with a heading, a line beginning with # (like \"# Key points\")",
            );
            continue;
        };
        if item.is_empty() {
            continue;
        }
        if let Some(message) = line_problem(item) {
            problem(errors, n, &message);
        } else if section.items.len() == ITEMS_MAX {
            problem(
                errors,
                n,
                &format!("a heading has at most {ITEMS_MAX} items"),
            );
        } else {
            section.items.push(item.to_owned());
        }
    }
    if let Some(empty) = sections.iter().find(|s| s.items.is_empty()) {
        errors.add(
            "sections",
            format!(
                "The heading \"{}\" has no items; add lines below it or remove it.",
                empty.heading.chars().take(40).collect::<String>()
            ),
        );
    }
    sections
}

fn steps(errors: &mut FieldErrors, raw: &str) -> Vec<TimedStep> {
    let mut steps = Vec::new();
    if too_long(errors, "steps", raw) {
        return steps;
    }
    let (min, max) = STEP_SECONDS;
    for (index, line) in raw.lines().enumerate() {
        let n = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (seconds, text) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let text = text.trim();
        let message = match seconds.parse::<u32>() {
            Err(_) => Some(
                "start with the step's length in seconds, then its text, like \"60 Breathe in \
                 slowly.\""
                    .to_owned(),
            ),
            Ok(s) if !(min..=max).contains(&s) => {
                Some(format!("a step lasts from {min} to {max} seconds"))
            }
            Ok(_) if text.is_empty() => Some("write what to say after the seconds".into()),
            Ok(_) if steps.len() == STEPS_MAX => {
                Some(format!("a script has at most {STEPS_MAX} steps"))
            }
            Ok(_) => line_problem(text),
        };
        match (message, seconds.parse::<u32>()) {
            (Some(message), _) => errors.add("steps", format!("Line {n}: {message}.")),
            (None, Ok(seconds)) => steps.push(TimedStep {
                seconds,
                text: text.to_owned(),
            }),
            (None, Err(_)) => {}
        }
    }
    steps
}
