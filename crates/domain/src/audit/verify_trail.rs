//! Verifying the whole trail (`kindred audit verify`): the chain read in batches, oldest
//! first, through the streaming verifier, and checked against the head.

use super::verifier::{BrokenLink, ChainVerifier, IntactChain};
use crate::{Error, Store};

/// Events read at once.
pub const VERIFY_BATCH: i64 = 1000;

/// Checks every event up to the head, read before the events so that events appended while
/// the check runs are left for the next one; then looks for events past the head that no
/// append accounts for. `Ok(Err(_))` is a broken chain; `Err(_)` a storage failure.
///
/// `recorded` is a head printed by an earlier check and kept elsewhere, which the chain must
/// still pass through (see [`ChainVerifier::through`]).
///
/// For the operator: no actor, no policy (the command line has the database itself).
pub async fn verify_trail(
    store: &dyn Store,
    recorded: Option<(i64, [u8; 32])>,
) -> Result<Result<IntactChain, BrokenLink>, Error> {
    let head = store.audit_head().await?;
    let stop = head.map(|(seq, _)| seq);
    let mut verifier = ChainVerifier::new().through(recorded);
    // After a batch fails to read, events are read one at a time to name the bad one.
    let mut careful = false;
    loop {
        let after = verifier.last_seq();
        let batch_size = if careful { 1 } else { VERIFY_BATCH };
        let want = stop.map_or(batch_size, |s| (s - after).clamp(0, batch_size));
        if want == 0 {
            break;
        }
        let batch = match store.audit_chain(after, want).await {
            Ok(batch) => batch,
            Err(error) if careful => {
                // The database still answers, so it is this event that does not read.
                store.audit_head().await?;
                return Ok(Err(BrokenLink {
                    seq: after + 1,
                    reason: format!("its stored values cannot be read ({error})"),
                }));
            }
            Err(_) => {
                careful = true;
                continue;
            }
        };
        if let Err(broken) = verifier.push_all(&batch) {
            return Ok(Err(broken));
        }
        if (batch.len() as i64) < want {
            break;
        }
    }
    let intact = match verifier.finish(head) {
        Ok(intact) => intact,
        Err(broken) => return Ok(Err(broken)),
    };
    // An event past the head is either appended since the head was read (the head has
    // moved on with it) or was put there without one.
    if let Some(next) = store.audit_chain(intact.events, 1).await?.first() {
        let moved = store.audit_head().await?.map_or(0, |(seq, _)| seq);
        if moved < next.seq {
            return Ok(Err(BrokenLink {
                seq: next.seq,
                reason: format!(
                    "event {} lies past the head, which records {moved} events",
                    next.seq
                ),
            }));
        }
    }
    Ok(Ok(intact))
}
