//! The domain's one error type, and the error type of the storage port.

use std::collections::BTreeMap;

/// Messages keyed by the input field they concern (`"email"`, `"capacity"`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    /// Records the first message for a field; later ones would only repeat the problem.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Turns collected messages into a result: `Ok(value)` only when nothing was wrong.
    pub fn into_result<T>(self, value: T) -> Result<T, Error> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(Error::Invalid(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that does not parse into domain types; nothing was changed.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The caller is not signed in and must be to do this.
    #[error("sign-in required")]
    Unauthenticated,
    /// The object does not exist, or the caller may not see it: the two look the same.
    #[error("not found")]
    NotFound,
    /// The request conflicts with the current state (used setup link, duplicate email, …).
    #[error("{0}")]
    Conflict(String),
    /// Storage failed; the message is for logs only, never for the caller.
    #[error("storage failure: {0}")]
    Storage(String),
}

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(FieldErrors::single(field, message))
    }
}

/// What a [`Store`](crate::Store) implementation can report.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was violated; the string names the constraint in plain words.
    #[error("already exists: {0}")]
    Duplicate(String),
    /// The row to change does not exist.
    #[error("not found")]
    NotFound,
    /// Anything else: connection, SQL, decoding.
    #[error("{0}")]
    Backend(String),
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Duplicate(what) => Error::Conflict(what),
            StoreError::NotFound => Error::NotFound,
            StoreError::Backend(message) => Error::Storage(message),
        }
    }
}
