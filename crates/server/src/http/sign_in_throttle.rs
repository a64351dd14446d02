//! Failed sign-ins per email and client address (rules in `kindred_domain::auth`). Keyed by
//! both, so someone guessing one person's password from one place is slowed down without
//! locking that person out everywhere. Unknown and known emails are counted alike, so the
//! answer never tells whether an account exists.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::{self, SignInInput};
use kindred_domain::auth::{SignInAttempts, SignedInSession};
use kindred_domain::ids::AuthSessionId;
use kindred_domain::Error;
use sha2::{Digest as _, Sha256};

use super::AppError;
use crate::app::AppState;

#[derive(Default)]
pub struct SignInThrottle {
    attempts: Mutex<HashMap<String, SignInAttempts>>,
}

impl SignInThrottle {
    /// Past this many records, expired ones are dropped before adding another.
    const PRUNE_AT: usize = 100_000;

    /// A key that holds no email in memory dumps.
    fn key(email: &str, client: Option<IpAddr>) -> String {
        let who = format!(
            "{}|{}",
            email.trim().to_lowercase(),
            client.map(|ip| ip.to_string()).unwrap_or_default()
        );
        hex::encode(Sha256::digest(who.as_bytes()))
    }

    fn wait(&self, key: &str, now: DateTime<Utc>) -> Option<Duration> {
        self.attempts.lock().ok()?.get(key)?.wait(now)
    }

    fn failed(&self, key: String, now: DateTime<Utc>) {
        let Ok(mut attempts) = self.attempts.lock() else {
            return;
        };
        if attempts.len() >= Self::PRUNE_AT {
            attempts.retain(|_, a| !a.expired(now));
        }
        attempts
            .entry(key)
            .or_insert_with(|| SignInAttempts::new(now))
            .failed(now);
    }

    fn succeeded(&self, key: &str) {
        if let Ok(mut attempts) = self.attempts.lock() {
            attempts.remove(key);
        }
    }
}

/// Signs in through the domain use case unless this email and client have failed too often.
pub async fn sign_in_throttled(
    state: &AppState,
    input: &SignInInput,
    previous: Option<AuthSessionId>,
    client: Option<IpAddr>,
) -> Result<SignedInSession, AppError> {
    let now = state.now();
    let key = SignInThrottle::key(&input.email, client);
    if let Some(wait) = state.sign_ins.wait(&key, now) {
        return Err(AppError::TooManyAttempts(wait));
    }
    match accounts::sign_in(state.store(), state.hasher(), now, input, previous).await {
        Ok(signed_in) => {
            state.sign_ins.succeeded(&key);
            Ok(signed_in)
        }
        Err(Error::Unauthenticated) => {
            state.sign_ins.failed(key, now);
            Err(AppError::Domain(Error::Unauthenticated))
        }
        Err(other) => Err(other.into()),
    }
}
