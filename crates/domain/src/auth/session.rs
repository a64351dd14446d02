use chrono::{DateTime, Duration, Utc};

use super::{Actor, SecretToken, SignedIn, TokenHash};
use crate::accounts::Account;
use crate::ids::{AccountId, AuthSessionId};
use crate::orgs::OrgRole;
use crate::{Error, Store};

/// Staff see many people's records: their sessions end sooner when left alone.
pub const STAFF_IDLE: Duration = Duration::minutes(15);
pub const MEMBER_IDLE: Duration = Duration::minutes(30);
/// No session lives longer than a working day, active or not.
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(12);
/// Activity is written back at most this often, so reads do not all become writes.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// A signed-in browser session, stored under the hash of its token.
#[derive(Debug, Clone)]
pub struct AuthSession {
    pub id: AuthSessionId,
    pub account_id: AccountId,
    pub token_hash: TokenHash,
    /// Per-session secret that every form posts back.
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub idle_timeout_secs: i64,
}

impl AuthSession {
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.is_live_with_idle(now, Duration::seconds(self.idle_timeout_secs))
    }

    /// Live under the stricter of the session's own idle limit and `idle`.
    pub fn is_live_with_idle(&self, now: DateTime<Utc>, idle: Duration) -> bool {
        let idle = idle.min(Duration::seconds(self.idle_timeout_secs));
        now < self.created_at + ABSOLUTE_LIFETIME && now < self.last_seen_at + idle
    }
}

/// What a request's cookie leads to: the session, its account and the account's staff roles,
/// read together by [`Store::session_context`] (one snapshot, one look-up per request).
#[derive(Debug, Clone)]
pub struct SessionContext {
    pub session: AuthSession,
    pub account: Account,
    pub roles: Vec<OrgRole>,
}

/// A session just opened: the token goes into the cookie once.
#[derive(Debug, Clone)]
pub struct SignedInSession {
    pub token: SecretToken,
    pub session: AuthSession,
    pub account: Account,
    pub roles: Vec<OrgRole>,
}

impl SignedInSession {
    /// The person this new session signs in, as the rest of the request acts for them.
    pub fn signed_in(&self) -> SignedIn {
        SignedIn {
            account_id: self.account.id,
            display_name: self.account.display_name.clone(),
            roles: self.roles.clone(),
            auth_session: Some(self.session.id),
        }
    }
}

/// Opens a session for an account whose credentials were just checked.
pub async fn start_session(
    store: &dyn Store,
    account: &Account,
    now: DateTime<Utc>,
) -> Result<SignedInSession, Error> {
    let roles = store.roles_of(account.id).await?;
    let idle = if roles.is_empty() {
        MEMBER_IDLE
    } else {
        STAFF_IDLE
    };
    let token = SecretToken::generate();
    let session = AuthSession {
        id: AuthSessionId::new(),
        account_id: account.id,
        token_hash: token.hash(),
        csrf_token: SecretToken::generate().expose().to_owned(),
        created_at: now,
        last_seen_at: now,
        idle_timeout_secs: idle.num_seconds(),
    };
    store.create_auth_session(session.clone()).await?;
    Ok(SignedInSession {
        token,
        session,
        account: account.clone(),
        roles,
    })
}

/// Finds the live session behind a cookie. An expired one is deleted and treated as absent.
pub async fn resolve_session(
    store: &dyn Store,
    now: DateTime<Utc>,
    token: &SecretToken,
) -> Result<Option<(SignedIn, AuthSession)>, Error> {
    let Some(SessionContext {
        mut session,
        account,
        roles,
    }) = store.session_context(&token.hash()).await?
    else {
        return Ok(None);
    };
    let me = SignedIn {
        account_id: account.id,
        display_name: account.display_name,
        roles,
        auth_session: Some(session.id),
    };
    let live = is_live(&me, &session, now);
    if !live {
        store.delete_auth_session(session.id).await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_EVERY {
        store.touch_auth_session(session.id, now).await?;
        session.last_seen_at = now;
    }
    Ok(Some((me, session)))
}

/// Whether the session is within its limits at `now`. A member who became staff since
/// signing in gets the staff idle limit at once.
fn is_live(me: &SignedIn, session: &AuthSession, now: DateTime<Utc>) -> bool {
    if me.is_staff() {
        session.is_live_with_idle(now, STAFF_IDLE)
    } else {
        session.is_live(now)
    }
}

/// Whether a session resolved earlier may be used again as it is at `now`: still live and
/// with no activity write due. Otherwise the caller resolves it again through the store.
pub fn still_usable(me: &SignedIn, session: &AuthSession, now: DateTime<Utc>) -> bool {
    is_live(me, session, now) && now - session.last_seen_at < TOUCH_EVERY
}

/// Finds the account behind a personal access token that has not been revoked.
pub async fn resolve_api_token(
    store: &dyn Store,
    now: DateTime<Utc>,
    token: &SecretToken,
) -> Result<Option<SignedIn>, Error> {
    let Some(api_token) = store.api_token_by_hash(&token.hash()).await? else {
        return Ok(None);
    };
    if api_token.revoked_at.is_some() {
        return Ok(None);
    }
    if api_token
        .last_used_at
        .is_none_or(|t| now - t >= TOUCH_EVERY)
    {
        store.touch_api_token(api_token.id, now).await?;
    }
    load_signed_in(store, api_token.account_id, None).await
}

async fn load_signed_in(
    store: &dyn Store,
    account_id: AccountId,
    auth_session: Option<AuthSessionId>,
) -> Result<Option<SignedIn>, Error> {
    let Some(account) = store.account_by_id(account_id).await? else {
        return Ok(None);
    };
    Ok(Some(SignedIn {
        account_id,
        display_name: account.display_name,
        roles: store.roles_of(account_id).await?,
        auth_session,
    }))
}

/// Signs out this session only.
pub async fn end_session(store: &dyn Store, session: AuthSessionId) -> Result<(), Error> {
    Ok(store.delete_auth_session(session).await?)
}

/// Signs out every session of the caller's account, this one included.
pub async fn sign_out_everywhere(store: &dyn Store, actor: &Actor) -> Result<(), Error> {
    let me = actor.signed_in().ok_or(Error::Unauthenticated)?;
    store.delete_auth_sessions_of(me.account_id, None).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(idle: Duration) -> AuthSession {
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        AuthSession {
            id: AuthSessionId::new(),
            account_id: AccountId::new(),
            token_hash: TokenHash(String::new()),
            csrf_token: String::new(),
            created_at: t0,
            last_seen_at: t0,
            idle_timeout_secs: idle.num_seconds(),
        }
    }

    #[test]
    fn idle_timeout_ends_a_quiet_session() {
        let s = session(STAFF_IDLE);
        assert!(s.is_live(s.created_at + Duration::minutes(14)));
        assert!(!s.is_live(s.created_at + Duration::minutes(15)));
    }

    #[test]
    fn a_member_made_staff_gets_the_staff_limit() {
        let s = session(MEMBER_IDLE);
        let at = s.created_at + Duration::minutes(20);
        assert!(s.is_live(at));
        assert!(!s.is_live_with_idle(at, STAFF_IDLE));
    }

    #[test]
    fn absolute_lifetime_ends_an_active_session() {
        let mut s = session(MEMBER_IDLE);
        s.last_seen_at = s.created_at + Duration::hours(11) + Duration::minutes(59);
        assert!(s.is_live(s.created_at + Duration::hours(11) + Duration::minutes(59)));
        assert!(!s.is_live(s.created_at + Duration::hours(12)));
    }
}
