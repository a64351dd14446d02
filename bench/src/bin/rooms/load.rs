//! Running one phase's schedule (see `plan.rs`): each message is handed to its sender's
//! socket when it is due, whatever the server has answered so far (open loop). A message
//! carries the time it was due, so a late generator or a slow server both show in the
//! latency; how late the generator itself was is recorded apart (`send_lag`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::connect::Outgoing;
use crate::frames::MessageId;
use crate::hub::Hub;
use crate::tally::Outcome;

/// A moment to set up before the first message is due.
const LEAD_IN: Duration = Duration::from_millis(100);

/// Runs phase `phase` of the hub, waits `grace` for the last copies, and gives its figures.
pub async fn run(
    hub: &Arc<Hub>,
    phase: usize,
    links: &[Option<mpsc::UnboundedSender<Outgoing>>],
    grace: Duration,
) -> Option<Outcome> {
    let tally = hub.phases.get(phase)?;
    let plan = tally.plan;
    hub.set_current(phase);
    let start = Instant::now() + LEAD_IN;
    let start_ns = hub.ns_at(start);
    tally.begin(start_ns);
    let total = plan.messages();
    let mut k = 0;
    while k < total {
        tokio::time::sleep_until((start + plan.due(k)).into()).await;
        let now = Instant::now();
        while k < total && start + plan.due(k) <= now {
            let due = plan.due(k);
            tally
                .lag
                .record(u64::try_from((now - (start + due)).as_nanos()).unwrap_or(u64::MAX));
            let id = MessageId {
                phase: plan.letter(),
                k,
                due_ns: start_ns + u64::try_from(due.as_nanos()).unwrap_or(u64::MAX),
            };
            let outgoing = Outgoing {
                phase,
                k,
                text: id.say_frame(),
            };
            let handed = links
                .get(plan.sender(k))
                .and_then(Option::as_ref)
                .is_some_and(|link| link.send(outgoing).is_ok());
            if !handed {
                tally.send_failed();
            }
            k += 1;
        }
    }
    tokio::time::sleep(grace).await;
    Some(tally.outcome())
}
