//! RFC 5545 content lines: escaping, folding at 75 octets, CRLF, and value formats.
//!
//! Written by hand: `icalendar` 0.17 has no VTIMEZONE component (only a doc-hidden `Other`),
//! and TZID-qualified times are only valid next to the VTIMEZONE they name.

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

/// Octets on one line, not counting its CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// An iCalendar stream, built one content line at a time.
pub(super) struct ContentLines {
    out: String,
    line: String,
}

impl ContentLines {
    pub(super) fn new() -> Self {
        Self {
            out: String::new(),
            line: String::new(),
        }
    }

    pub(super) fn begin(&mut self, component: &str) {
        self.value("BEGIN", component);
    }

    pub(super) fn end(&mut self, component: &str) {
        self.value("END", component);
    }

    /// A TEXT property: the value is escaped.
    pub(super) fn text(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        push_escaped_text(&mut self.line, value);
        self.flush();
    }

    /// A property whose value type has no escaping (dates, numbers, offsets, URIs).
    pub(super) fn value(&mut self, name: &str, value: &str) {
        self.param_value(name, &[], value);
    }

    /// Like [`Self::value`], with parameters such as `TZID`.
    pub(super) fn param_value(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        self.line.clear();
        self.line.push_str(name);
        for (key, param) in params {
            self.line.push(';');
            self.line.push_str(key);
            self.line.push('=');
            push_param_value(&mut self.line, param);
        }
        self.line.push(':');
        // A line break in a caller's value (a URL, say) would start a property of its own.
        self.line.extend(value.chars().filter(|c| !c.is_control()));
        self.flush();
    }

    pub(super) fn finish(self) -> String {
        self.out
    }

    fn flush(&mut self) {
        push_folded(&mut self.out, &self.line);
    }
}

/// Appends `line` and its CRLF, folded so no physical line passes 75 octets; a continuation
/// line starts with a space, and a fold never splits a UTF-8 character.
fn push_folded(out: &mut String, line: &str) {
    let mut room = MAX_LINE_OCTETS;
    for c in line.chars() {
        let octets = c.len_utf8();
        if octets > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
        }
        out.push(c);
        room -= octets;
    }
    out.push_str("\r\n");
}

/// TEXT escaping (RFC 5545 §3.3.11). Any line break becomes `\n`; other control characters
/// but tab are not allowed in TEXT and are dropped.
fn push_escaped_text(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A parameter value is quoted when it holds `:`, `;` or `,`; it can never hold a quote.
fn push_param_value(out: &mut String, value: &str) {
    let clean = value.chars().filter(|&c| c != '"' && !c.is_control());
    if value.contains([':', ';', ',']) {
        out.push('"');
        out.extend(clean);
        out.push('"');
    } else {
        out.extend(clean);
    }
}

/// A floating DATE-TIME, `20261103T180000`, to be read with a TZID. Sub-seconds are dropped.
pub(super) fn local_date_time(at: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// A UTC DATE-TIME, `20261103T230000Z`.
pub(super) fn utc_date_time(at: DateTime<Utc>) -> String {
    let mut text = local_date_time(at.naive_utc());
    text.push('Z');
    text
}

/// A UTC-OFFSET, `-0500`, or `+053728` when the offset has seconds. Zero is `+0000`: RFC 5545
/// forbids `-0000`.
pub(super) fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (hours, minutes, secs) = (abs / 3600, abs / 60 % 60, abs % 60);
    if secs == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{secs:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_text(name: &str, value: &str) -> String {
        let mut lines = ContentLines::new();
        lines.text(name, value);
        lines.finish()
    }

    #[test]
    fn escapes_text_specials_and_line_breaks() {
        assert_eq!(
            one_text("LOCATION", "a\\b;c,d\ne\r\nf\rg\u{7}h\ti"),
            "LOCATION:a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti\r\n"
        );
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let value = "é".repeat(100);
        let out = one_text("SUMMARY", &value);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        assert!(lines[1..].iter().all(|line| line.starts_with(' ')));
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let out = one_text("SUMMARY", &"x".repeat(MAX_LINE_OCTETS - "SUMMARY:".len()));
        assert_eq!(out.len(), MAX_LINE_OCTETS + 2);
        assert!(!out.contains("\r\n "));
    }

    #[test]
    fn values_lose_control_characters_and_params_are_quoted_when_needed() {
        let mut lines = ContentLines::new();
        lines.value("URL", "https://x.test/a\r\nSTATUS:CANCELLED");
        lines.param_value("X-A", &[("P", "a:b\"c")], "v");
        assert_eq!(
            lines.finish(),
            "URL:https://x.test/aSTATUS:CANCELLED\r\nX-A;P=\"a:bc\":v\r\n"
        );
    }

    #[test]
    fn formats_offsets() {
        assert_eq!(utc_offset(-5 * 3600), "-0500");
        assert_eq!(utc_offset(5 * 3600 + 30 * 60), "+0530");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-(4 * 3600 + 56 * 60 + 2)), "-045602");
    }
}
