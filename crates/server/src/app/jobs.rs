//! Background work of a running server: sessions are materialized ahead as time passes,
//! and seat offers that expired hand the seat on. Each pass is idempotent, so a pass cut
//! short by shutdown is finished by the next one (or the next server).

use std::time::Duration;

use kindred_domain::enrollments::settle_expired_offers;
use kindred_domain::schedules::materialize_due;

use super::AppState;

/// How often a pass runs. Offers are held for hours, so a minute late is nothing.
pub const EVERY: Duration = Duration::from_secs(60);

/// Runs a pass now and then every [`EVERY`], until the task is dropped.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        run_once(&state).await;
    }
}

/// One pass; failures are logged and retried on the next pass.
pub async fn run_once(state: &AppState) {
    let now = state.now();
    match materialize_due(state.store(), now).await {
        Ok(0) => {}
        Ok(schedules) => tracing::info!(schedules, "sessions made ahead"),
        Err(e) => tracing::error!(error = %e, "making sessions ahead failed"),
    }
    match settle_expired_offers(state.store(), now).await {
        Ok(0) => {}
        Ok(groups) => tracing::info!(groups, "expired seat offers handed on"),
        Err(e) => tracing::error!(error = %e, "handing on expired seat offers failed"),
    }
}
