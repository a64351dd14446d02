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
    Verify(DatabaseArgs),
}

pub async fn run(args: AuditArgs) -> CliResult {
    match args.command {
        AuditCommand::Verify(database) => {
            // Only reads: no migrations, so a database is checked as it is.
            let database = kindred_store::Database::connect(&database.database_url)
                .await
                .map_err(|e| e.to_string())?;
            let verdict = verify(database.store().as_ref()).await;
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

/// The verdict as the command prints it: `Ok` when the chain is intact, `Err` when it is
/// broken or cannot be read.
pub async fn verify(store: &dyn Store) -> Result<String, String> {
    match verify_trail(store).await {
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
