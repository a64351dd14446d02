//! Small parsers shared by every input type: trimmed text with limits, choices from a list.

use crate::FieldErrors;

/// Trimmed text of 1..=max characters without control characters; records a message otherwise.
pub fn required_text(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) -> String {
    let text = raw.trim();
    if text.is_empty() {
        errors.add(field, "This field is required.");
    } else if text.chars().count() > max {
        errors.add(field, format!("Use at most {max} characters."));
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "Remove the control characters.");
    }
    text.to_owned()
}

/// Like [`required_text`] but empty is allowed.
pub fn optional_text(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) -> String {
    if raw.trim().is_empty() {
        return String::new();
    }
    required_text(errors, field, raw, max)
}

/// A value every selectable vocabulary implements: a stable code and a label for people.
pub trait Choice: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Parses one choice; the message lists what is accepted.
pub fn choice<T: Choice>(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<T> {
    let code = raw.trim();
    if code.is_empty() {
        errors.add(field, "Choose one of the options.");
        return None;
    }
    let parsed = T::from_code(code);
    if parsed.is_none() {
        errors.add(
            field,
            format!(
                "Unknown value \"{}\"; use one of: {}.",
                shorten(code),
                codes::<T>()
            ),
        );
    }
    parsed
}

/// Parses a list of choices, dropping duplicates and keeping the vocabulary's order.
pub fn choices<T: Choice + PartialEq>(
    errors: &mut FieldErrors,
    field: &str,
    raw: &[String],
) -> Vec<T> {
    let mut unknown = Vec::new();
    for code in raw {
        if T::from_code(code.trim()).is_none() {
            unknown.push(shorten(code.trim()));
        }
    }
    if !unknown.is_empty() {
        errors.add(
            field,
            format!(
                "Unknown value \"{}\"; use any of: {}.",
                unknown.join("\", \""),
                codes::<T>()
            ),
        );
    }
    T::ALL
        .iter()
        .copied()
        .filter(|c| raw.iter().any(|r| r.trim() == c.code()))
        .collect()
}

fn codes<T: Choice>() -> String {
    T::ALL
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Echoing a huge or hostile value back is never useful.
fn shorten(value: &str) -> String {
    value.chars().take(40).collect()
}

/// Declares an enum whose variants have a stable code and a label, with serde and OpenAPI.
#[macro_export]
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $crate::fields::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::fields::Choice::label(*self))
            }
        }
    };
}

/// Accepts a JSON string, number, boolean or null, and form text alike, as text: numeric
/// fields are parsed later with a message at the field instead of a generic body error.
pub fn lenient_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text or a number")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_none<E>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    d.deserialize_any(Visitor)
}

/// A checkbox: HTML forms send "on" when ticked and nothing otherwise; JSON sends a boolean.
pub fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let text = lenient_string(d)?;
    match text.as_str() {
        "on" | "true" | "1" | "yes" => Ok(true),
        "" | "off" | "false" | "0" | "no" => Ok(false),
        _ => Err(serde::de::Error::custom("expected true or false")),
    }
}

/// A whole number within bounds, with a message at the field otherwise.
pub fn number_in(errors: &mut FieldErrors, field: &str, raw: &str, min: i32, max: i32) -> i32 {
    match raw.trim().parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.add(field, format!("Enter a whole number from {min} to {max}."));
            min
        }
    }
}

/// Parses an id typed or selected by a person; unknown formats get a field message.
pub fn id<T: std::str::FromStr>(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.add(field, "Choose one of the options.");
        return None;
    }
    let parsed = raw.parse().ok();
    if parsed.is_none() {
        errors.add(field, "This is not one of the options.");
    }
    parsed
}
