use std::path::PathBuf;
use std::sync::Arc;

use super::serve::{open_sealed, ServeArgs, Server};
use super::{keys, redact, CliResult};
use crate::app::BlockingHasher;

#[derive(clap::Args)]
pub struct DemoArgs {
    #[arg(long, env = "KINDRED_ADDR", default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Where the demo lives. Rebuilt at every start unless `--keep`.
    #[arg(
        long,
        env = "KINDRED_DATABASE_URL",
        default_value = "sqlite://kindred-demo.db"
    )]
    database_url: String,
    #[arg(long, env = "KINDRED_PUBLIC_URL")]
    public_url: Option<String>,
    /// Keep the existing demo data instead of rebuilding it.
    #[arg(long)]
    keep: bool,
    /// Password of every demo account.
    #[arg(
        long,
        env = "KINDRED_DEMO_PASSWORD",
        default_value = "kindred-demo",
        hide_env_values = true
    )]
    password: String,
}

pub async fn run(args: DemoArgs) -> CliResult {
    let sqlite_path = args
        .database_url
        .strip_prefix("sqlite://")
        .map(PathBuf::from);
    if let (Some(path), false) = (&sqlite_path, args.keep) {
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            if file.exists() {
                std::fs::remove_file(&file)
                    .map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
            }
        }
    }
    // The demo's key file lives next to its database and outlives rebuilds.
    let key_file = match &sqlite_path {
        Some(path) => PathBuf::from(format!("{}.key", path.display())),
        None => PathBuf::from("kindred-demo.key"),
    };
    if !key_file.exists() {
        keys::generate(&key_file)?;
    }
    let ring = keys::load(Some(&key_file))?.ok_or(keys::NO_KEY)?;
    let database = open_sealed(&args.database_url, ring).await?;
    if sqlite_path.is_none() && !args.keep {
        database.reset().await.map_err(|e| e.to_string())?;
        database.migrate().await.map_err(|e| e.to_string())?;
    }
    let store = database.store();
    let fresh = !store.has_organizations().await.map_err(|e| e.to_string())?;
    let mut accounts = Vec::new();
    if fresh {
        println!(
            "Building the demo clinic in {} …",
            redact(&args.database_url)
        );
        accounts = crate::demo::seed(
            store.as_ref(),
            &BlockingHasher::default(),
            chrono::Utc::now(),
            &args.password,
        )
        .await
        .map_err(|e| format!("the demo data could not be created: {e}"))?;
    }
    let serve = ServeArgs {
        addr: args.addr,
        database_url: args.database_url.clone(),
        public_url: args.public_url.clone(),
        data_key_file: Some(key_file),
    };
    let server = Server::bind(&serve, Arc::clone(&store)).await?;
    println!();
    println!("Kindred demo clinic: {}", server.public_url());
    if accounts.is_empty() {
        println!("Kept the existing demo data (--keep); accounts are unchanged.");
    } else {
        println!("Sign in with any of these accounts (password: the value of KINDRED_DEMO_PASSWORD, default \"kindred-demo\"):");
        print_accounts(&accounts);
    }
    println!("Press Ctrl+C to stop.");
    server.run_until_signal().await;
    database.close().await;
    Ok(())
}

/// Staff in full, then the first few members and how many more there are.
fn print_accounts(accounts: &[crate::demo::DemoAccount]) {
    const MEMBERS_SHOWN: usize = 3;
    let (staff, members): (Vec<_>, Vec<_>) = accounts.iter().partition(|a| a.role != "member");
    for account in staff.iter().chain(members.iter().take(MEMBERS_SHOWN)) {
        println!(
            "  {:<32} {:<16} {}",
            account.email, account.role, account.organization
        );
    }
    if members.len() > MEMBERS_SHOWN {
        println!(
            "  … and {} more members (member{}@ to member{}@demo.kindred.test)",
            members.len() - MEMBERS_SHOWN,
            MEMBERS_SHOWN + 1,
            members.len()
        );
    }
}
