//! `kindred audit verify`: checks the audit trail's hash chain from the first event to the
//! head and prints the verdict. Keep the printed head hash somewhere else (a ticket, a log
//! shipped off the machine): a later run that shows an older chain with another head is the
//! one rewrite the check alone cannot see.

use kindred_domain::audit::verify_trail;
use kindred_domain::Store;

use super::{CliResult, DatabaseArgs};

#[derive(clap::Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(clap::Subcommand)]
enum AuditCommand {
    /// Check every event of the audit trail against its hash chain and head. Prints
    /// "audit trail intact: N events; head <hex>", or where the chain first breaks and exits
    /// with a failure.
    Verify(VerifyArgs),
}

#[derive(clap::Args)]
struct VerifyArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// A head an earlier run printed, as `N:<hex>` (its event count and head hash): the
    /// chain must still pass through it, which finds a rewrite of the chain and its head.
    #[arg(long, value_name = "N:HEX")]
    recorded_head: Option<String>,
}

pub async fn run(args: AuditArgs) -> CliResult {
    match args.command {
        AuditCommand::Verify(args) => {
            let recorded = args.recorded_head.as_deref().map(parse_head).transpose()?;
            // Only reads: no migrations, so a database is checked as it is.
            let database = kindred_store::Database::connect(&args.database.database_url)
                .await
                .map_err(|e| e.to_string())?;
            let verdict = verify(database.store().as_ref(), recorded).await;
            database.close().await;
            match verdict {
                Ok(line) => {
                    println!("{line}");
                    Ok(())
                }
                Err(line) => {
                    println!("{line}");
                    Err("the audit trail did not verify".into())
                }
            }
        }
    }
}

/// `N:<hex>` as `verify` prints it: an event count and a 32-byte hash.
pub fn parse_head(text: &str) -> Result<(i64, [u8; 32]), String> {
    let refused =
        || format!("--recorded-head takes N:<64 hex digits> as verify prints them, not {text:?}");
    let (count, hash) = text.trim().split_once(':').ok_or_else(refused)?;
    let count: i64 = count.trim().parse().map_err(|_| refused())?;
    let hash: [u8; 32] = hex::decode(hash.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(refused)?;
    if count < 0 {
        return Err(refused());
    }
    Ok((count, hash))
}

/// The verdict as the command prints it: `Ok` when the chain is intact (and passes through
/// the `recorded` head, if given), `Err` when it is broken or cannot be read.
pub async fn verify(
    store: &dyn Store,
    recorded: Option<(i64, [u8; 32])>,
) -> Result<String, String> {
    match verify_trail(store, recorded).await {
        Ok(Ok(intact)) => Ok(format!(
            "audit trail intact: {} events; head {}",
            intact.events,
            hex::encode(intact.head)
        )),
        Ok(Err(broken)) => Err(format!(
            "audit trail broken at event {}: {}",
            broken.seq, broken.reason
        )),
        Err(error) => Err(format!("audit trail could not be read: {error}")),
    }
}
