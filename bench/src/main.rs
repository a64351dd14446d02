//! `loadgen`: an HTTP/1.1 load generator for Kindred's benchmarks.
//!
//! One run, one URL, keep-alive connections:
//!
//! * without `--rate`, a closed loop: every connection sends its next request as soon as the
//!   last one is answered (saturation; the figure is requests per second);
//! * with `--rate R`, an open loop: request `i` is due at `start + i/R`; whichever connection
//!   is free takes the next due request, and latency is measured from the moment it was due,
//!   not from when it could be sent, so a slow server cannot hide its queue (no coordinated
//!   omission).
//!
//! A warm-up precedes the measured window and is not counted. The result is one JSON line on
//! stdout (a summary goes to stderr); `bench/run-dashboard.sh` composes runs into a report.

mod cpu;
mod run;
mod stats;
mod target;

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

pub type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "loadgen",
    about = "HTTP/1.1 load generator for Kindred's benchmarks"
)]
pub struct Args {
    /// `http://host:port/path` to request with GET.
    #[arg(long)]
    pub url: String,
    /// A `Cookie` header value to send, e.g. `__Host-kindred_session=…`.
    #[arg(long)]
    pub cookie: Option<String>,
    /// Keep-alive connections, each with at most one request in flight.
    #[arg(long, default_value_t = 32)]
    pub connections: usize,
    /// Measured seconds.
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    /// Unmeasured seconds before the measured window.
    #[arg(long, default_value_t = 2.0)]
    pub warmup: f64,
    /// Requests per second for an open-loop run; without it, a closed loop at saturation.
    #[arg(long)]
    pub rate: Option<f64>,
    /// Fail before the run unless one response is 200 and its body contains this text.
    #[arg(long)]
    pub expect: Option<String>,
    /// A name for this run in the output.
    #[arg(long, default_value = "")]
    pub label: String,
    /// Also report the CPU time this process (e.g. the server) used in the measured window.
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Worker threads of the generator's runtime (it shares the machine with the server).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
}

impl Args {
    fn validate(&self) -> Result<(), Error> {
        if self.connections == 0 {
            return Err("--connections must be at least 1".into());
        }
        if !(self.duration.is_finite() && self.duration > 0.0) {
            return Err("--duration must be a positive number of seconds".into());
        }
        if !(self.warmup.is_finite() && self.warmup >= 0.0) {
            return Err("--warmup must be zero or more seconds".into());
        }
        if let Some(rate) = self.rate {
            if !(rate.is_finite() && rate > 0.0) {
                return Err("--rate must be a positive number of requests per second".into());
            }
        }
        if self.threads == 0 {
            return Err("--threads must be at least 1".into());
        }
        Ok(())
    }

    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.duration)
    }

    pub fn warmup(&self) -> Duration {
        Duration::from_secs_f64(self.warmup)
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match try_main(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loadgen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn try_main(args: Args) -> Result<(), Error> {
    args.validate()?;
    let runtime = if args.threads == 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.threads)
            .enable_all()
            .build()?
    };
    let report = runtime.block_on(run::run(&args))?;
    eprintln!("{}", report.summary());
    println!("{}", serde_json::to_string(&report.to_json())?);
    Ok(())
}
