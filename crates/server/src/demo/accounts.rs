//! Demo accounts: created with the real sign-up use case, so they pass the same rules and
//! hashing as anyone's.

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::{sign_up, Account, SignUpInput};
use kindred_domain::auth::{Actor, SignedIn};
use kindred_domain::fields::Choice;
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::Error;

use super::names::MEMBER_NAMES;
use super::{DemoAccount, Seed};

async fn sign_up_as(
    seed: &Seed<'_>,
    email: &str,
    display_name: &str,
    at: DateTime<Utc>,
) -> Result<Account, Error> {
    let input = SignUpInput {
        email: email.to_owned(),
        display_name: display_name.to_owned(),
        password: seed.password.to_owned(),
    };
    sign_up(seed.store, seed.hasher, at, &input).await
}

/// A staff member: a signed-up account given a role in the organization.
pub(super) async fn staff(
    seed: &Seed<'_>,
    org: &Organization,
    email: &str,
    display_name: &str,
    role: Role,
) -> Result<(Account, DemoAccount), Error> {
    let account = sign_up_as(seed, email, display_name, seed.setup_time()).await?;
    seed.store.set_staff_role(org.id, account.id, role).await?;
    let listed = DemoAccount {
        email: account.email.as_str().to_owned(),
        role: role.code(),
        organization: org.name.clone(),
    };
    Ok((account, listed))
}

/// The actor a signed-in administrator would be, roles loaded from the store as on a request.
pub(super) async fn actor(seed: &Seed<'_>, account: &Account) -> Result<Actor, Error> {
    Ok(Actor::SignedIn(SignedIn {
        account_id: account.id,
        display_name: account.display_name.clone(),
        roles: seed.store.roles_of(account.id).await?,
        auth_session: None,
    }))
}

/// The email of the n-th member (0-based): `member@…` first, then `member2@…`, `member3@…`.
fn member_email(n: usize) -> String {
    match n {
        0 => "member@demo.kindred.test".to_owned(),
        _ => format!("member{}@demo.kindred.test", n + 1),
    }
}

/// Every demo member, in the order of [`MEMBER_NAMES`]. They signed up 75 to 45 days ago,
/// a day apart, as people trickle into a program, before any of their enrollments.
pub(super) async fn members(seed: &Seed<'_>) -> Result<Vec<Account>, Error> {
    let mut members = Vec::with_capacity(MEMBER_NAMES.len());
    for (n, name) in MEMBER_NAMES.iter().enumerate() {
        let days_ago = 75 - i64::try_from(n).unwrap_or(0).min(30);
        members.push(
            sign_up_as(
                seed,
                &member_email(n),
                name,
                seed.now - Duration::days(days_ago),
            )
            .await?,
        );
    }
    Ok(members)
}
