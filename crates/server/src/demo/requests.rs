//! Requests to join in the demo clinic's intake queue: one new with a self-screening
//! attached, one the program has already been in touch about.

use std::collections::BTreeMap;

use chrono::Duration;
use kindred_domain::accounts::Account;
use kindred_domain::groups::Group;
use kindred_domain::intake::{request_to_join, transition_request, RequestInput, TransitionInput};
use kindred_domain::{Error, Store};

use super::plan::Site;
use super::{accounts, Seed};

/// Two members ask to join `group` (skipping anyone already on its list).
pub(super) async fn seed_requests(
    seed: &Seed<'_>,
    site: &Site,
    group: &Group,
    askers: &[Account],
) -> Result<(), Error> {
    let store: &dyn Store = seed.store;
    let screening = BTreeMap::from(
        [
            ("phq-9.q1", "2"),
            ("phq-9.q2", "1"),
            ("phq-9.q9", "0"),
            ("gad-7.q1", "2"),
            ("audit-c.q1", "1"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned())),
    );
    let plans = [
        (
            "Jordan",
            "Text 555-0134 after 5pm",
            "Weekday evenings",
            Some(screening),
        ),
        (
            "K.",
            "k.demo@example.test, any time",
            "Mornings before work",
            None,
        ),
    ];
    for (n, (asker, (name, contact, availability, screening))) in
        askers.iter().zip(plans).enumerate()
    {
        let actor = accounts::actor(seed, asker).await?;
        let input = RequestInput {
            name: name.into(),
            contact: contact.into(),
            availability: availability.into(),
            screening,
        };
        let when = seed.now - Duration::hours(30 - 6 * i64::try_from(n).unwrap_or(0));
        let request = match request_to_join(store, &actor, group.id, &input, when).await {
            Ok(request) => request,
            Err(Error::Conflict(_)) => continue,
            Err(other) => return Err(other),
        };
        if n == 1 {
            let step = TransitionInput {
                action: "contacted".into(),
                note: "Called; they will come to the open evening.".into(),
                ..TransitionInput::default()
            };
            let later = when + Duration::hours(2);
            transition_request(store, &site.admin, site.org.id, request.id, &step, later).await?;
        }
    }
    Ok(())
}
