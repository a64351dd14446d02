//! The printed figures: Kindred beside the baseline, then each target (the floors)
//! MET or MISSED. Only Kindred's figures decide a target; the baseline shows what the same
//! load costs with nothing but a broadcast.

use crate::histogram::Percentiles;
use crate::run::Run;

/// Target 1: delivery p99 at 10,000 deliveries per second, nothing lost or duplicated.
pub const DELIVERY_P99_MS: f64 = 50.0;
/// Target 2: idle memory per connection.
pub const IDLE_KIB_PER_CONNECTION: f64 = 16.0;
/// Target 3: acknowledged (stored) messages per second.
pub const ACKED_PER_SEC: f64 = 2_000.0;

pub struct Verdict {
    pub name: &'static str,
    pub goal: String,
    pub kindred: String,
    pub baseline: String,
    pub met: bool,
}

/// The targets, judged on Kindred's run (`members`: connections there should be).
pub fn verdicts(kindred: &Run, baseline: Option<&Run>, members: usize) -> Vec<Verdict> {
    let delivery = |r: &Run| {
        format!(
            "p99 {:.1} ms, {} lost, {} dup, {:.0}/s",
            r.delivery.latency_ms.p99,
            r.delivery.lost,
            r.delivery.duplicated,
            r.delivery.deliveries_per_sec
        )
    };
    let memory = |r: &Run| format!("{:.1} KiB", r.idle_per_connection.total_kib);
    let acked = |r: &Run| {
        let t = &r.throughput;
        format!(
            "{:.0}/s ({} of {} unacked)",
            t.acked_per_sec, t.unacked, t.sent
        )
    };
    let or_none = |f: &dyn Fn(&Run) -> String| baseline.map_or_else(|| "-".to_owned(), f);
    let d = &kindred.delivery;
    vec![
        Verdict {
            name: "1 delivery, 10k members",
            goal: format!("p99 <= {DELIVERY_P99_MS} ms, 0 lost, 0 dup"),
            kindred: delivery(kindred),
            baseline: or_none(&delivery),
            met: kindred.connect.connected == members
                && d.sent as usize == d.messages
                && d.latency_ms.count > 0
                && d.latency_ms.p99 <= DELIVERY_P99_MS
                && d.lost == 0
                && d.duplicated == 0,
        },
        Verdict {
            name: "2 idle memory / connection",
            goal: format!("<= {IDLE_KIB_PER_CONNECTION} KiB"),
            kindred: memory(kindred),
            baseline: or_none(&memory),
            met: kindred.connect.connected == members
                && kindred.idle_per_connection.total_kib <= IDLE_KIB_PER_CONNECTION,
        },
        Verdict {
            name: "3 acknowledged messages",
            goal: format!(">= {ACKED_PER_SEC:.0}/s"),
            kindred: acked(kindred),
            baseline: or_none(&acked),
            met: kindred.throughput.acked_per_sec >= ACKED_PER_SEC,
        },
    ]
}

pub fn print(runs: &[&Run], verdicts: &[Verdict]) {
    println!();
    print!("{:<40}", "figure");
    for run in runs {
        print!(" {:>28}", run.target);
    }
    println!();
    let row = |label: &str, f: &dyn Fn(&Run) -> String| {
        print!("{label:<40}");
        for run in runs {
            print!(" {:>28}", f(run));
        }
        println!();
    };
    let pct = |p: &Percentiles| format!("{:.1} / {:.1} / {:.1}", p.p50, p.p99, p.max);
    row("connected (failed, retries)", &|r| {
        format!(
            "{} ({}, {})",
            r.connect.connected, r.connect.failed, r.connect.retries
        )
    });
    row("connect s total; per socket p50/p99/max ms", &|r| {
        format!("{:.1}; {}", r.connect.seconds, pct(&r.connect.time_ms))
    });
    row("server RSS before -> idle (MiB)", &|r| {
        format!(
            "{:.1} -> {:.1}",
            r.rss_before.total_kib as f64 / 1024.0,
            r.rss_idle.total_kib as f64 / 1024.0
        )
    });
    row("idle KiB/connection (anon + file)", &|r| {
        let m = &r.idle_per_connection;
        format!("{:.2} ({:.2} + {:.2})", m.total_kib, m.anon_kib, m.file_kib)
    });
    row("delivery: deliveries/s (offered)", &|r| {
        let d = &r.delivery;
        format!(
            "{:.0} ({:.0})",
            d.deliveries_per_sec, d.offered_deliveries_per_sec
        )
    });
    row("delivery latency p50/p90/p99 ms", &|r| {
        let p = &r.delivery.latency_ms;
        format!("{:.2} / {:.2} / {:.2}", p.p50, p.p90, p.p99)
    });
    row("delivery latency max ms", &|r| {
        format!("{:.1}", r.delivery.latency_ms.max)
    });
    row("delivery msgs sent / copies lost / dup", &|r| {
        let d = &r.delivery;
        format!("{} / {} / {}", d.sent, d.lost, d.duplicated)
    });
    row("delivery send lag p50/p99/max ms", &|r| {
        pct(&r.delivery.send_lag_ms)
    });
    row("delivery cores: server, generator", &|r| {
        format!(
            "{:.2}, {:.2}",
            r.delivery_cpu.server, r.delivery_cpu.generator
        )
    });
    row("throughput: offered / acked msgs/s", &|r| {
        let t = &r.throughput;
        format!("{:.0} / {:.0}", t.offered_per_sec, t.acked_per_sec)
    });
    row("ack latency p50/p99/max ms", &|r| {
        pct(&r.throughput.ack_latency_ms)
    });
    row("throughput deliveries/s; p99 ms", &|r| {
        let t = &r.throughput;
        format!("{:.0}; {:.1}", t.deliveries_per_sec, t.latency_ms.p99)
    });
    row("throughput sent / lost (unacked +grace)", &|r| {
        let t = &r.throughput;
        format!("{} / {}", t.sent, t.unacked)
    });
    row("throughput copies lost / dup", &|r| {
        let t = &r.throughput;
        format!("{} / {}", t.lost, t.duplicated)
    });
    row("rate-limited / error frames", &|r| {
        format!(
            "{} / {}",
            r.delivery.rate_limited + r.throughput.rate_limited,
            r.delivery.errors + r.throughput.errors
        )
    });
    row("throughput send lag p50/p99/max ms", &|r| {
        pct(&r.throughput.send_lag_ms)
    });
    row("throughput cores: server, generator", &|r| {
        format!(
            "{:.2}, {:.2}",
            r.throughput_cpu.server, r.throughput_cpu.generator
        )
    });
    row("server RSS after load (MiB)", &|r| {
        format!("{:.1}", r.rss_after_load.total_kib as f64 / 1024.0)
    });
    row("server busy after sockets closed (s)", &|r| {
        format!("{:.0}", r.busy_after_load_secs)
    });
    row("dropped sockets / welcomed again", &|r| {
        format!("{} / {}", r.dropped, r.welcomed_again)
    });
    for run in runs {
        for (phase, cpu) in [
            ("delivery", &run.delivery_cpu),
            ("throughput", &run.throughput_cpu),
        ] {
            println!(
                "{} busiest threads, {phase}: {}",
                run.target,
                cpu.server_threads.join(", ")
            );
        }
    }
    for run in runs {
        if let Some(problem) = &run.first_problem {
            println!("{}: first problem frame: {problem}", run.target);
        }
        if let Some(error) = &run.connect.first_error {
            println!("{}: first connect error: {error}", run.target);
        }
    }
    println!();
    println!(
        "{:<28} {:<30} {:<36} {:<36} result",
        "target", "goal", "kindred", "baseline"
    );
    for v in verdicts {
        println!(
            "{:<28} {:<30} {:<36} {:<36} {}",
            v.name,
            v.goal,
            v.kindred,
            v.baseline,
            if v.met { "MET" } else { "MISSED" }
        );
    }
}
