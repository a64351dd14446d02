//! Measuring the detector on labelled sentences, one per line as `label<TAB>sentence` with
//! the label `crisis` or `safe`. Blank lines and lines starting with `#` are skipped.

use std::fmt;

use super::detect;

/// Our evaluation set: sentences written for this detector, about 45% crisis.
pub const LABELLED: &str = include_str!("labelled.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Crisis,
    Safe,
}

/// A sentence the detector got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misclassified {
    /// 1-based line in the labelled text.
    pub line: usize,
    pub expected: Label,
    pub sentence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evaluation {
    pub true_positives: usize,
    pub false_positives: usize,
    pub true_negatives: usize,
    pub false_negatives: usize,
    pub misclassified: Vec<Misclassified>,
    /// Lines that are neither blank, a comment, nor a label, a tab and a sentence.
    pub unreadable: Vec<usize>,
}

impl Evaluation {
    pub fn total(&self) -> usize {
        self.true_positives + self.false_positives + self.true_negatives + self.false_negatives
    }

    /// Share of hits that were crisis sentences; 1 when nothing was flagged (no false alarm).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of crisis sentences that were hits; 1 when there were none.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let crisis = self.true_positives + self.false_negatives;
        let safe = self.true_negatives + self.false_positives;
        writeln!(
            f,
            "{} sentences ({crisis} crisis, {safe} safe)",
            self.total()
        )?;
        writeln!(
            f,
            "precision {:.3}, recall {:.3}",
            self.precision(),
            self.recall()
        )?;
        write!(
            f,
            "true positives {}, false positives {}, true negatives {}, false negatives {}",
            self.true_positives, self.false_positives, self.true_negatives, self.false_negatives
        )
    }
}

/// Runs [`detect`] over every labelled sentence and counts what it got right and wrong.
pub fn evaluate(labelled: &str) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for (index, line) in labelled.lines().enumerate() {
        let line_number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let expected = match line.split_once('\t') {
            Some(("crisis", sentence)) => (Label::Crisis, sentence),
            Some(("safe", sentence)) => (Label::Safe, sentence),
            _ => {
                evaluation.unreadable.push(line_number);
                continue;
            }
        };
        let (label, sentence) = expected;
        let hit = detect(sentence).is_hit();
        match (label, hit) {
            (Label::Crisis, true) => evaluation.true_positives += 1,
            (Label::Crisis, false) => evaluation.false_negatives += 1,
            (Label::Safe, true) => evaluation.false_positives += 1,
            (Label::Safe, false) => evaluation.true_negatives += 1,
        }
        if hit != (label == Label::Crisis) {
            evaluation.misclassified.push(Misclassified {
                line: line_number,
                expected: label,
                sentence: sentence.to_owned(),
            });
        }
    }
    evaluation
}
