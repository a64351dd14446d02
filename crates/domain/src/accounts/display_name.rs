use crate::FieldErrors;

/// The name a person shows in peer spaces: often a pseudonym, never required to be legal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 60;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let name: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err("Enter the name others in your groups will see; a first name or a pseudonym is fine.".into());
        }
        if name.chars().count() > Self::MAX {
            return Err(format!("Use at most {} characters.", Self::MAX));
        }
        if name
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>' | '{' | '}' | '\\'))
        {
            return Err("Use letters, numbers, spaces and simple punctuation.".into());
        }
        Ok(Self(name))
    }

    pub(crate) fn parse_into(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<Self> {
        Self::parse(raw).map_err(|m| errors.add(field, m)).ok()
    }

    pub fn from_trusted(value: String) -> Self {
        Self(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::DisplayName;

    #[test]
    fn collapses_inner_whitespace() {
        assert_eq!(
            DisplayName::parse("  River   S. ").unwrap().as_str(),
            "River S."
        );
    }

    #[test]
    fn refuses_empty_long_and_markup() {
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"x".repeat(61)).is_err());
        assert!(DisplayName::parse("<script>").is_err());
    }
}
