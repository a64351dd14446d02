//! The command line: `serve` (default), `demo`, `migrate`, `admin …`, `keys …`,
//! `audit verify`. Every flag can also be set through a `KINDRED_…` environment variable.

mod admin;
pub mod audit;
mod demo;
pub mod keys;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use serve::{ServeArgs, Server};

#[derive(Parser)]
#[command(
    name = "kindred",
    version,
    about = "Kindred: outpatient peer support and group therapy"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Flags of `serve`, which runs when no command is given.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web pages and API (the default).
    Serve(ServeArgs),
    /// Serve a demo clinic with sample organizations, groups and accounts.
    Demo(demo::DemoArgs),
    /// Apply database migrations and exit.
    Migrate(DatabaseArgs),
    /// Operator tasks: organizations, accounts, passwords.
    Admin(admin::AdminArgs),
    /// Data keys for clinical free text: generate a key file, rotate to a new key.
    Keys(keys::KeysArgs),
    /// The audit trail: check its hash chain.
    Audit(audit::AuditArgs),
}

#[derive(clap::Args, Clone)]
pub struct DatabaseArgs {
    /// `sqlite://path` or `postgres://user@host/db`.
    #[arg(
        long,
        env = "KINDRED_DATABASE_URL",
        default_value = "sqlite://kindred.db"
    )]
    pub database_url: String,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("kindred: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            None => serve::run(cli.serve).await,
            Some(Command::Serve(args)) => serve::run(args).await,
            Some(Command::Demo(args)) => demo::run(args).await,
            Some(Command::Migrate(args)) => migrate(args).await,
            Some(Command::Admin(args)) => admin::run(args).await,
            Some(Command::Keys(args)) => keys::run(args).await,
            Some(Command::Audit(args)) => audit::run(args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kindred: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Errors at the command line are plain sentences for the operator.
pub type CliResult = Result<(), String>;

async fn migrate(args: DatabaseArgs) -> CliResult {
    let database = open(&args.database_url).await?;
    database.close().await;
    println!("Migrations applied to {}.", redact(&args.database_url));
    Ok(())
}

/// Connects and migrates; every command starts here. The database has no data key until
/// `with_keys` gives it one.
pub(crate) async fn open(url: &str) -> Result<kindred_store::Database, String> {
    let database = kindred_store::Database::connect(url)
        .await
        .map_err(|e| e.to_string())?;
    database
        .migrate()
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    Ok(database)
}

/// Database URLs may carry a password; never print it.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://…{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KINDRED_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}
