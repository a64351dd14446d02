use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use axum::response::Response;
use kindred_domain::auth::{self, Actor, AuthSession, SecretToken, SignedIn, SignedInSession};
use kindred_domain::Error;
use subtle::ConstantTimeEq as _;

use super::{session_cookie_name, AppError, CSRF_HEADER};
use crate::app::AppState;

/// Who is asking: from the session cookie, or from a personal access token
/// (`Authorization: Bearer …`). Absent or expired credentials make a visitor; a bearer
/// token that is not valid is refused outright, so a typo never looks like "signed out".
#[derive(Debug, Clone)]
pub struct Auth {
    pub actor: Actor,
    /// The browser session, when the request came with the cookie.
    pub session: Option<AuthSession>,
    /// The CSRF header sent with an API request, if any.
    csrf_header: Option<String>,
}

impl Auth {
    pub fn signed_in(&self) -> Result<&SignedIn, AppError> {
        self.actor
            .signed_in()
            .ok_or(AppError::Domain(Error::Unauthenticated))
    }

    /// Forms carry the session's CSRF token; a mismatch means the form did not come from us.
    pub fn check_form_token(&self, submitted: &str) -> Result<(), AppError> {
        match &self.session {
            Some(session)
                if bool::from(session.csrf_token.as_bytes().ct_eq(submitted.as_bytes())) =>
            {
                Ok(())
            }
            Some(_) => Err(AppError::CrossSite),
            None => Ok(()),
        }
    }

    /// API writes authenticated by cookie must echo the session's token in a header;
    /// bearer-token requests carry no ambient credential and need none.
    pub fn check_api_write(&self) -> Result<(), AppError> {
        self.check_form_token(self.csrf_header.as_deref().unwrap_or(""))
    }

    /// The request's identity once it has signed someone in itself (a form that creates an
    /// account on the way): what the next request's cookie will resolve to.
    pub fn for_new_session(session: &SignedInSession) -> Self {
        Self {
            actor: Actor::SignedIn(session.signed_in()),
            session: Some(session.session.clone()),
            csrf_header: None,
        }
    }

    pub fn csrf_token(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.csrf_token.as_str())
    }
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(cached) = parts.extensions.get::<Auth>() {
            return Ok(cached.clone());
        }
        let auth = resolve(parts, state)
            .await
            .map_err(|e| super::error::respond(parts.uri.path(), e))?;
        // Body extractors ask again for the CSRF check; resolve the session once per request.
        parts.extensions.insert(auth.clone());
        Ok(auth)
    }
}

async fn resolve(parts: &Parts, state: &AppState) -> Result<Auth, AppError> {
    let now = state.now();
    let csrf_header = parts
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let auth = if let Some(token) = bearer(parts) {
        let me = auth::resolve_api_token(state.store(), now, &SecretToken::presented(token))
            .await?
            .ok_or(AppError::Domain(Error::Unauthenticated))?;
        Auth {
            actor: Actor::SignedIn(me),
            session: None,
            csrf_header,
        }
    } else if let Some(token) = session_cookie(parts, state) {
        match signed_in_session(state, now, &SecretToken::presented(&token)).await? {
            Some((me, session)) => Auth {
                actor: Actor::SignedIn(me),
                session: Some(session),
                csrf_header,
            },
            None => Auth {
                actor: Actor::Visitor,
                session: None,
                csrf_header,
            },
        }
    } else {
        Auth {
            actor: Actor::Visitor,
            session: None,
            csrf_header,
        }
    };
    Ok(auth)
}

/// The session behind a cookie: from the cache when it was resolved moments ago, else from
/// the store (and then kept for the next request).
async fn signed_in_session(
    state: &AppState,
    now: chrono::DateTime<chrono::Utc>,
    token: &SecretToken,
) -> Result<Option<(SignedIn, AuthSession)>, AppError> {
    let hash = token.hash();
    if let Some(hit) = state.sessions.get(&hash, now) {
        return Ok(Some(hit));
    }
    let generation = state.sessions.generation();
    let resolved = auth::resolve_session(state.store(), now, token).await?;
    match &resolved {
        Some((me, session)) => {
            let (me, session) = (me.clone(), session.clone());
            state.sessions.put(generation, hash, me, session, now);
        }
        None => state.sessions.forget(&hash),
    }
    Ok(resolved)
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn session_cookie(parts: &Parts, state: &AppState) -> Option<String> {
    let name = session_cookie_name(&state.config);
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name && !c.value().is_empty())
        .map(|c| c.value().to_owned())
}
