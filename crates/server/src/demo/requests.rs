//! Requests to join in the demo clinic's intake queue: one new with a self-screening
//! attached, one the program has already been in touch about.

use std::collections::BTreeMap;

use chrono::Duration;
use kindred_domain::accounts::Account;
use kindred_domain::groups::Group;
use kindred_domain::instruments;
use kindred_domain::intake::{request_to_join, transition_request, RequestInput, TransitionInput};
use kindred_domain::screening::QUESTIONS;
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
    // A complete screen: every questionnaire item one step above "not at all", the plain
    // questions at their first option.
    let mut screening = BTreeMap::new();
    for instrument in instruments::ALL {
        for item in instrument.items {
            let choice = item.options.get(1).or(item.options.first());
            if let Some(choice) = choice {
                screening.insert(
                    format!("{}.{}", instrument.code, item.code),
                    choice.code.to_owned(),
                );
            }
        }
    }
    for question in QUESTIONS {
        if let Some(choice) = question.options.first() {
            screening.insert(question.code.to_owned(), choice.code.to_owned());
        }
    }
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
