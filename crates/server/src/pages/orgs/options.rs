//! Choices for selects and checkbox lists, with what the person already picked marked.

use kindred_domain::fields::Choice;

pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Every value of a vocabulary; `picked` holds the codes chosen so far.
pub fn vocabulary<T: Choice>(picked: &[&str]) -> Vec<SelectOption> {
    T::ALL
        .iter()
        .map(|c| SelectOption {
            value: c.code().into(),
            label: c.label().into(),
            selected: picked.contains(&c.code()),
        })
        .collect()
}

/// Options from records (programs, locations, staff): value, label, and whether picked.
pub fn records<I: IntoIterator<Item = (String, String)>>(
    items: I,
    picked: &[String],
) -> Vec<SelectOption> {
    items
        .into_iter()
        .map(|(value, label)| {
            let selected = picked.contains(&value);
            SelectOption {
                value,
                label,
                selected,
            }
        })
        .collect()
}

/// `&[String]` as `&[&str]` for [`vocabulary`].
pub fn strs(values: &[String]) -> Vec<&str> {
    values.iter().map(|v| v.trim()).collect()
}
