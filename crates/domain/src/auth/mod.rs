//! Who is asking: secret tokens, signed-in sessions and the actor every use case receives.

mod actor;
mod session;
mod throttle;
mod token;

pub use actor::{Actor, SignedIn};
pub use session::{
    end_session, resolve_api_token, resolve_session, sign_out_everywhere, start_session,
    still_usable, AuthSession, SessionContext, SignedInSession, ABSOLUTE_LIFETIME, MEMBER_IDLE,
    STAFF_IDLE,
};
pub use throttle::{SignInAttempts, MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW};
pub use token::{SecretToken, TokenHash};
