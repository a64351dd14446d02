//! Accounts: who a person is, how they prove it, and the use cases around it.

mod account;
mod api_tokens;
mod change_password;
mod display_name;
mod email;
mod password;
mod reset_password;
mod sign_in;
mod sign_up;

pub use account::{me, Account, Me, NewAccount};
pub use api_tokens::{
    create_api_token, list_api_tokens, revoke_api_token, ApiToken, CreatedApiToken,
    NewApiTokenInput,
};
pub use change_password::{change_password, ChangePasswordInput};
pub use display_name::DisplayName;
pub use email::Email;
pub use password::{Password, PasswordHash, PasswordHasher};
pub use reset_password::reset_password;
pub use sign_in::{sign_in, SignInInput};
pub(crate) use sign_up::{parse_credentials, EMAIL_TAKEN};
pub use sign_up::{sign_up, SignUpInput};
