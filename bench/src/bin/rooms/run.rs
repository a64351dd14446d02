//! Measuring one server: connect every member, let them sit idle and read the server's
//! memory, then the delivery phase and the throughput phase, then close everything. Kindred
//! and the baseline go through exactly this, with the same settings.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::connect::{self, ConnectFigures, Target};
use crate::hub::Hub;
use crate::memory::{self, PerConnection, Rss};
use crate::plan::Plan;
use crate::roster::Roster;
use crate::tally::{Outcome, Tally};
use crate::{cpu, load, threads, Error, RunArgs};

/// The server's age before its memory is first read. Kindred builds its place-name tables
/// on a blocking-pool thread at start-up; that thread exits after 10 s idle, and only then
/// does the allocator hand its ~25 MB of temporaries back. Read earlier, "before" would
/// hold them and the connections would seem to cost less than nothing.
const SETTLED_AFTER: Duration = Duration::from_secs(15);

const DELIVERY: usize = 0;
const THROUGHPUT: usize = 1;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Run {
    pub target: &'static str,
    pub connect: ConnectFigures,
    pub rss_before: Rss,
    pub rss_idle: Rss,
    pub idle_per_connection: PerConnection,
    pub delivery: Outcome,
    pub throughput: Outcome,
    pub delivery_cpu: PhaseCpu,
    pub throughput_cpu: PhaseCpu,
    pub rss_after_load: Rss,
    /// Seconds the server stayed busy after its sockets closed (working off a backlog),
    /// until it used under 5% of a core for a second; the next server waits for that.
    pub busy_after_load_secs: f64,
    /// Connections the server closed or broke while measured.
    pub dropped: u64,
    pub welcomed_again: u64,
    pub first_problem: Option<String>,
}

/// Cores used during a phase and its grace period (1.0 = one core busy all along).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PhaseCpu {
    pub server: f64,
    pub generator: f64,
    /// The server's busiest threads, "name cores".
    pub server_threads: Vec<String>,
}

pub async fn measure(target: &Target, roster: &Roster, args: &RunArgs) -> Result<Run, Error> {
    let (rooms, size) = (roster.rooms(), roster.size);
    let hub = Arc::new(Hub::new(vec![
        Tally::new(Plan::delivery(rooms, size, args.warmup, args.duration)),
        Tally::new(Plan::throughput(
            rooms,
            size,
            args.senders,
            args.warmup,
            args.duration,
        )),
    ]));
    if let Some(age) = memory::age(target.pid) {
        if age < SETTLED_AFTER {
            eprintln!("== {}: letting the server settle", target.name);
            tokio::time::sleep(SETTLED_AFTER - age).await;
        }
    }
    let rss_before = memory::read(target.pid)?;
    eprintln!(
        "== {}: connecting {} members in {rooms} rooms",
        target.name,
        roster.members()
    );
    let connected = connect::open_all(
        target,
        roster,
        &hub,
        args.connect_concurrency,
        args.connect_attempts,
    )
    .await;
    let figures = connected.figures.clone();
    eprintln!(
        "   {} connected, {} failed, in {:.1} s",
        figures.connected, figures.failed, figures.seconds
    );
    tokio::time::sleep(Duration::from_secs_f64(args.idle)).await;
    let rss_idle = memory::read(target.pid)?;
    let grace = Duration::from_secs_f64(args.grace);

    eprintln!(
        "== {}: delivery, {} s + {} s warm-up",
        target.name, args.duration, args.warmup
    );
    let (delivery, delivery_cpu) = timed(target.pid, async {
        load::run(&hub, DELIVERY, &connected.links, grace).await
    })
    .await;
    tokio::time::sleep(Duration::from_secs_f64(args.pause)).await;
    let senders = hub.phases.get(THROUGHPUT).map_or(0, |t| t.plan.per_second);
    eprintln!("== {}: throughput, {senders} senders", target.name);
    let (throughput, throughput_cpu) = timed(target.pid, async {
        load::run(&hub, THROUGHPUT, &connected.links, grace).await
    })
    .await;
    let rss_after_load = memory::read(target.pid)?;
    connected.close().await;
    let busy_after = quiet(target.pid).await;

    let first_problem = hub
        .first_problem
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    Ok(Run {
        target: target.name,
        idle_per_connection: memory::per_connection(rss_before, rss_idle, figures.connected),
        connect: figures,
        rss_before,
        rss_idle,
        delivery: delivery.ok_or("no delivery phase")?,
        throughput: throughput.ok_or("no throughput phase")?,
        delivery_cpu,
        throughput_cpu,
        rss_after_load,
        busy_after_load_secs: busy_after,
        dropped: hub.dropped.load(std::sync::atomic::Ordering::Relaxed),
        welcomed_again: hub
            .welcomed_again
            .load(std::sync::atomic::Ordering::Relaxed),
        first_problem,
    })
}

/// Waits until the server is quiet (under 5% of a core for a second, at most 5 minutes): a
/// server still storing a backlog must not share the machine with the next measurement.
/// The seconds waited.
async fn quiet(pid: u32) -> f64 {
    let started = Instant::now();
    let mut last = cpu::cpu_seconds(Some(pid));
    while started.elapsed() < Duration::from_secs(300) {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let now = cpu::cpu_seconds(Some(pid));
        match (last, now) {
            (Some(a), Some(b)) if b - a < 0.05 => break,
            (_, None) => break,
            _ => last = now,
        }
    }
    started.elapsed().as_secs_f64()
}

/// Runs `work`; with the cores the server (`pid`) and this process used meanwhile.
async fn timed<T>(pid: u32, work: impl std::future::Future<Output = T>) -> (T, PhaseCpu) {
    let started = Instant::now();
    let (server0, self0) = (cpu::cpu_seconds(Some(pid)), cpu::cpu_seconds(None));
    let threads0 = threads::snapshot(pid);
    let out = work.await;
    let wall = started.elapsed().as_secs_f64().max(1e-9);
    let used = |before: Option<f64>, after: Option<f64>| match (before, after) {
        (Some(b), Some(a)) => (a - b) / wall,
        _ => f64::NAN,
    };
    let cpu = PhaseCpu {
        server: used(server0, cpu::cpu_seconds(Some(pid))),
        generator: used(self0, cpu::cpu_seconds(None)),
        server_threads: threads::busiest(&threads0, &threads::snapshot(pid), wall, 4),
    };
    (out, cpu)
}
