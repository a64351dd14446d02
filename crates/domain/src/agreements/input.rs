use crate::{Error, FieldErrors};

/// Longest typed name accepted as a signature.
const NAME_MAX: usize = 120;
const TITLE_MAX: usize = 200;
const BODY_MAX: usize = 20_000;

/// Signing: the version the person read, the name they typed, and their confirmation.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SignInput {
    /// The version shown to them; signing fails if a newer one was published meanwhile.
    pub version: i32,
    pub typed_name: String,
    /// "I have read this agreement and will keep it."
    #[serde(default, deserialize_with = "crate::fields::checkbox")]
    pub confirm: bool,
}

impl SignInput {
    /// The typed name, trimmed; every problem at once.
    pub(super) fn parse(&self) -> Result<String, Error> {
        let mut errors = FieldErrors::new();
        let name = self.typed_name.trim();
        if name.is_empty() {
            errors.add("typed_name", "Type your name to sign.");
        } else if name.chars().count() > NAME_MAX {
            errors.add(
                "typed_name",
                format!("Use at most {NAME_MAX} characters for your name."),
            );
        }
        if !self.confirm {
            errors.add(
                "confirm",
                "Tick the box to confirm you have read the agreement and will keep it.",
            );
        }
        if self.version < 1 {
            errors.add("version", "Sign the version shown on the page.");
        }
        errors.into_result(name.to_owned())
    }
}

/// A new version of the organization's agreement.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct PublishInput {
    /// The version this one replaces (the current one when the editor opened); publishing
    /// fails if someone else published meanwhile.
    pub replaces: i32,
    pub title: String,
    pub body: String,
}

impl PublishInput {
    /// Title and body, trimmed.
    pub(super) fn parse(&self) -> Result<(String, String), Error> {
        let mut errors = FieldErrors::new();
        let (title, body) = (self.title.trim(), self.body.trim());
        if self.replaces < 1 {
            errors.add(
                "replaces",
                "Start from the version in effect: its number is what this one replaces.",
            );
        }
        if title.is_empty() {
            errors.add("title", "Give the agreement a title.");
        } else if title.chars().count() > TITLE_MAX {
            errors.add("title", format!("Use at most {TITLE_MAX} characters."));
        }
        if body.is_empty() {
            errors.add("body", "Write the agreement's text.");
        } else if body.chars().count() > BODY_MAX {
            errors.add("body", format!("Use at most {BODY_MAX} characters."));
        }
        errors.into_result((title.to_owned(), body.to_owned()))
    }
}
