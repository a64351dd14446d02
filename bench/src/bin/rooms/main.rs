//! `rooms`: the live-room benchmark (`bench/run-rooms.sh` runs it end to end).
//!
//! * `rooms seed`: a fresh SQLite database of open rooms, and the members file (`seed.rs`);
//! * `rooms baseline-server`: the bare broadcast websocket server (`baseline.rs`);
//! * `rooms store-ceiling`: messages a second the store alone appends (`ceiling.rs`);
//! * `rooms run`: connects every member to Kindred, then to the baseline, and measures idle
//!   memory per connection, delivery latency at 10,000 deliveries a second, and
//!   acknowledged messages a second (`run.rs`); prints both side by side and each target
//!   MET or MISSED; exits 2 when a target is missed.

mod baseline;
mod ceiling;
mod connect;
mod frames;
mod histogram;
mod hub;
mod load;
mod memory;
mod plan;
mod report;
mod roster;
mod run;
mod seed;
mod tally;
mod threads;

#[path = "../../cpu.rs"]
mod cpu;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::connect::Target;
use crate::roster::Roster;

pub type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Parser)]
#[command(name = "rooms", about = "Kindred's live-room benchmark")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Seed a fresh SQLite database with open rooms and write the members file.
    Seed(seed::SeedArgs),
    /// Serve the bare broadcast baseline.
    BaselineServer {
        #[arg(long)]
        addr: SocketAddr,
    },
    /// Measure Kindred, then the baseline, and print the figures.
    Run(RunArgs),
    /// Messages a second the store appends by itself, on a seeded database.
    StoreCeiling(ceiling::CeilingArgs),
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// The members file of `rooms seed`.
    #[arg(long)]
    pub members: PathBuf,
    /// Kindred's address (`kindred serve --addr`) and process id.
    #[arg(long)]
    pub kindred: SocketAddr,
    #[arg(long)]
    pub kindred_pid: u32,
    /// The baseline server's address and process id; without them only Kindred is measured.
    #[arg(long, requires = "baseline_pid")]
    pub baseline: Option<SocketAddr>,
    #[arg(long)]
    pub baseline_pid: Option<u32>,
    /// Measured seconds of each load phase.
    #[arg(long, default_value_t = 20)]
    pub duration: usize,
    /// Seconds of each load phase before the measured ones.
    #[arg(long, default_value_t = 3)]
    pub warmup: usize,
    /// Members sending once a second each in the throughput phase.
    #[arg(long, default_value_t = 10_000)]
    pub senders: usize,
    /// Seconds all members sit connected and idle before the server's memory is read.
    #[arg(long, default_value_t = 3.0)]
    pub idle: f64,
    /// Seconds to wait after a phase's last send for the last copies.
    #[arg(long, default_value_t = 5.0)]
    pub grace: f64,
    /// Seconds of quiet between the two phases.
    #[arg(long, default_value_t = 2.0)]
    pub pause: f64,
    /// Sockets being opened at once.
    #[arg(long, default_value_t = 100)]
    pub connect_concurrency: usize,
    /// Tries per socket before it counts as failed.
    #[arg(long, default_value_t = 5)]
    pub connect_attempts: u32,
    /// Worker threads of the generator (it shares the machine with the server).
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
    /// Also write the figures as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Seed(args) => runtime(None).and_then(|rt| rt.block_on(seed::run(&args))),
        Command::StoreCeiling(args) => {
            runtime(None).and_then(|rt| rt.block_on(ceiling::run(&args)))
        }
        Command::BaselineServer { addr } => {
            runtime(None).and_then(|rt| rt.block_on(baseline::serve(addr)))
        }
        Command::Run(args) => match runtime(Some(args.threads)) {
            Ok(rt) => match rt.block_on(measure(&args)) {
                Ok(true) => return ExitCode::SUCCESS,
                Ok(false) => return ExitCode::from(2),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rooms: {e}");
            ExitCode::FAILURE
        }
    }
}

fn runtime(threads: Option<usize>) -> Result<tokio::runtime::Runtime, Error> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if let Some(threads) = threads {
        builder.worker_threads(threads.max(1));
    }
    Ok(builder.enable_all().build()?)
}

/// Kindred, then the baseline; the figures; whether every target was met.
async fn measure(args: &RunArgs) -> Result<bool, Error> {
    let roster = Roster::load(&args.members)?;
    let kindred = Target {
        name: "kindred",
        addr: args.kindred,
        pid: args.kindred_pid,
    };
    let kindred = run::measure(&kindred, &roster, args).await?;
    let baseline = match (args.baseline, args.baseline_pid) {
        (Some(addr), Some(pid)) => {
            let target = Target {
                name: "baseline",
                addr,
                pid,
            };
            Some(run::measure(&target, &roster, args).await?)
        }
        _ => None,
    };
    let verdicts = report::verdicts(&kindred, baseline.as_ref(), roster.members());
    let runs: Vec<&run::Run> = std::iter::once(&kindred).chain(baseline.as_ref()).collect();
    report::print(&runs, &verdicts);
    if let Some(path) = &args.json {
        let json = serde_json::json!({
            "members": roster.members(),
            "rooms": roster.rooms(),
            "kindred": kindred,
            "baseline": baseline,
            "targets": verdicts.iter().map(|v| serde_json::json!({
                "target": v.name, "goal": v.goal, "kindred": v.kindred,
                "baseline": v.baseline, "met": v.met,
            })).collect::<Vec<_>>(),
        });
        std::fs::write(path, serde_json::to_string_pretty(&json)?)?;
    }
    Ok(verdicts.iter().all(|v| v.met))
}
