//! One load run: open the connections, warm up, measure, tally.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::{mpsc, Mutex};
use tokio::time::{sleep, sleep_until, Instant};

use crate::cpu::cpu_seconds;
use crate::stats::{Samples, Summary};
use crate::target::{Connection, Target};
use crate::{Args, Error};

/// How long an open-loop run may run past its window to work off a backlog. Requests still
/// unsent then count as missed, with their wait so far as a lower bound on their latency.
const GRACE: Duration = Duration::from_secs(2);

struct Plan {
    start: Instant,
    measure_from: Instant,
    end: Instant,
    cutoff: Instant,
}

impl Plan {
    /// Open loop: request `index` is due at `start + index / rate`.
    fn due(&self, index: u64, rate: f64) -> Instant {
        self.start + Duration::from_secs_f64(index as f64 / rate)
    }
}

/// Open loop: the due times of requests not yet taken by a connection, in order.
type Tickets = Arc<Mutex<mpsc::UnboundedReceiver<Instant>>>;

/// Releases each request at its due time, from a thread of its own: the runtime's timer
/// works in whole milliseconds, which would add up to a millisecond to every latency.
/// Requests nobody is free to take wait in the channel, and that wait counts.
fn pace(plan: &Plan, rate: f64, tickets: &mpsc::UnboundedSender<Instant>) {
    for index in 0.. {
        let due = plan.due(index, rate);
        if due >= plan.end {
            break;
        }
        let wait = due.saturating_duration_since(Instant::now());
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
        if tickets.send(due).is_err() {
            break;
        }
    }
}

#[derive(Default)]
struct Tally {
    /// From when the request was due (open loop) or sent (closed loop) to the whole answer.
    latency: Samples,
    /// From when the request was sent to the whole answer.
    service: Samples,
    ok: u64,
    non_2xx: u64,
    errors: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.latency.extend(other.latency);
        self.service.extend(other.service);
        self.ok += other.ok;
        self.non_2xx += other.non_2xx;
        self.errors += other.errors;
    }
}

pub struct Report {
    label: String,
    url: String,
    connections: usize,
    duration: f64,
    rate: Option<f64>,
    ok: u64,
    non_2xx: u64,
    errors: u64,
    missed: u64,
    latency: Summary,
    service: Summary,
    loadgen_cpu: Option<f64>,
    server_cpu: Option<f64>,
}

impl Report {
    fn rps(&self) -> f64 {
        self.ok as f64 / self.duration
    }

    fn mode(&self) -> &'static str {
        if self.rate.is_some() {
            "rate"
        } else {
            "saturation"
        }
    }

    pub fn to_json(&self) -> Value {
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        let server_us_per_request = self
            .server_cpu
            .filter(|_| self.ok > 0)
            .map(|s| round(s * 1e6 / self.ok as f64));
        json!({
            "label": self.label,
            "url": self.url,
            "mode": self.mode(),
            "connections": self.connections,
            "duration_s": self.duration,
            "target_rps": self.rate,
            "ok": self.ok,
            "non_2xx": self.non_2xx,
            "errors": self.errors,
            "missed": self.missed,
            "rps": round(self.rps()),
            "latency_ms": self.latency.to_json(),
            "service_ms": self.service.to_json(),
            "loadgen_cpu_s": self.loadgen_cpu.map(round),
            "server_cpu_s": self.server_cpu.map(round),
            "server_cpu_us_per_request": server_us_per_request,
        })
    }

    pub fn summary(&self) -> String {
        let target = self
            .rate
            .map_or_else(String::new, |r| format!(" at {r} req/s"));
        format!(
            "{label}{sep}{mode}{target}, {conns} connections, {dur} s: {rps:.0} req/s; \
             latency p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms; \
             non-2xx {non_2xx}, errors {errors}, missed {missed}",
            label = self.label,
            sep = if self.label.is_empty() { "" } else { ": " },
            mode = self.mode(),
            conns = self.connections,
            dur = self.duration,
            rps = self.rps(),
            p50 = self.latency.p50,
            p99 = self.latency.p99,
            max = self.latency.max,
            non_2xx = self.non_2xx,
            errors = self.errors,
            missed = self.missed,
        )
    }
}

pub async fn run(args: &Args) -> Result<Report, Error> {
    let target = Target::parse(&args.url, args.cookie.as_deref())?;
    preflight(&target, args).await?;

    let mut connections = Vec::with_capacity(args.connections);
    for _ in 0..args.connections {
        connections.push(target.connect().await?);
    }
    let start = Instant::now();
    let measure_from = start + args.warmup();
    let end = measure_from + args.duration();
    let plan = Arc::new(Plan {
        start,
        measure_from,
        end,
        cutoff: end + GRACE,
    });

    let server_pid = args.server_pid;
    let cpu = tokio::spawn(async move {
        sleep_until(measure_from).await;
        let before = (
            cpu_seconds(None),
            server_pid.and_then(|p| cpu_seconds(Some(p))),
        );
        sleep_until(end).await;
        let after = (
            cpu_seconds(None),
            server_pid.and_then(|p| cpu_seconds(Some(p))),
        );
        let delta = |a: Option<f64>, b: Option<f64>| Some(b? - a?);
        (delta(before.0, after.0), delta(before.1, after.1))
    });

    let (tickets, pacer) = match args.rate {
        Some(rate) => {
            let (send, receive) = mpsc::unbounded_channel();
            let pacing = Arc::clone(&plan);
            let pacer = tokio::task::spawn_blocking(move || pace(&pacing, rate, &send));
            (Some(Arc::new(Mutex::new(receive))), Some(pacer))
        }
        None => (None, None),
    };
    let workers: Vec<_> = connections
        .into_iter()
        .map(|connection| {
            let plan = Arc::clone(&plan);
            let target = target.clone();
            let tickets = tickets.clone();
            tokio::spawn(worker(plan, tickets, target, connection))
        })
        .collect();
    let mut tally = Tally::default();
    for worker in workers {
        tally.merge(worker.await?);
    }
    if let Some(pacer) = pacer {
        pacer.await?;
    }
    let (loadgen_cpu, server_cpu) = cpu.await?;

    // Requests due in the window that no connection got to before the cutoff: their wait
    // so far is a lower bound of their latency.
    let mut missed = 0;
    if let Some(tickets) = tickets {
        let mut tickets = tickets.lock().await;
        while let Ok(due) = tickets.try_recv() {
            if due >= plan.measure_from {
                tally
                    .latency
                    .push(micros(plan.cutoff.saturating_duration_since(due)));
                missed += 1;
            }
        }
    }

    Ok(Report {
        label: args.label.clone(),
        url: args.url.clone(),
        connections: args.connections,
        duration: args.duration,
        rate: args.rate,
        ok: tally.ok,
        non_2xx: tally.non_2xx,
        errors: tally.errors,
        missed,
        latency: tally.latency.summary(),
        service: tally.service.summary(),
        loadgen_cpu,
        server_cpu,
    })
}

/// One request before the run: a redirect to sign-in or an error page would make every
/// figure meaningless.
async fn preflight(target: &Target, args: &Args) -> Result<(), Error> {
    let mut connection = target
        .connect()
        .await
        .map_err(|e| format!("cannot connect for {}: {e}", args.url))?;
    let response = connection.get().await?;
    if response.status != 200 {
        return Err(format!(
            "GET {} answered {} before the run (not 200); is the cookie valid?",
            args.url, response.status
        )
        .into());
    }
    if let Some(expected) = &args.expect {
        let body = String::from_utf8_lossy(&response.body);
        if !body.contains(expected.as_str()) {
            return Err(format!(
                "GET {} answered 200, but the body does not contain {expected:?}",
                args.url
            )
            .into());
        }
    }
    Ok(())
}

async fn worker(
    plan: Arc<Plan>,
    tickets: Option<Tickets>,
    target: Target,
    connection: Connection,
) -> Tally {
    let mut tally = Tally::default();
    let mut connection = Some(connection);
    loop {
        let due = match &tickets {
            Some(tickets) => {
                if Instant::now() >= plan.cutoff {
                    break;
                }
                let next = tickets.lock().await.recv().await;
                match next {
                    Some(due) => due,
                    None => break,
                }
            }
            None => {
                let now = Instant::now();
                if now >= plan.end {
                    break;
                }
                now
            }
        };
        let counted = due >= plan.measure_from;
        if connection.is_none() {
            match target.connect().await {
                Ok(fresh) => connection = Some(fresh),
                Err(_) => {
                    tally.errors += u64::from(counted);
                    sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let Some(open) = connection.as_mut() else {
            continue;
        };
        let sent = Instant::now();
        let result = open.get().await;
        let done = Instant::now();
        // A closed loop counts what completed inside the window; an open loop counts every
        // request that was due inside it, however late its answer.
        let counted = counted && (tickets.is_some() || done <= plan.end);
        match result {
            Ok(response) if counted && (200..300).contains(&response.status) => {
                tally.ok += 1;
                tally.latency.push(micros(done - due));
                tally.service.push(micros(done - sent));
            }
            Ok(_) if counted => tally.non_2xx += 1,
            Ok(_) => {}
            Err(_) => {
                tally.errors += u64::from(counted);
                connection = None;
            }
        }
    }
    tally
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}
