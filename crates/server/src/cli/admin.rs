use std::str::FromStr;

use kindred_domain::accounts::{self, SignUpInput};
use kindred_domain::auth::SecretToken;
use kindred_domain::fields::Choice;
use kindred_domain::ids::OrgId;
use kindred_domain::orgs::{self, Role};

use super::{open, CliResult, DatabaseArgs};
use crate::app::BlockingHasher;

#[derive(clap::Args)]
pub struct AdminArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(clap::Subcommand)]
enum AdminCommand {
    /// Create an organization and print its id.
    CreateOrg {
        #[arg(long)]
        name: String,
    },
    /// Create an account, optionally with a staff role in an organization. A random password
    /// is printed once unless `KINDRED_NEW_PASSWORD` is set.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        display_name: String,
        #[arg(long, requires = "role")]
        org: Option<String>,
        /// org_admin, clinician or peer_specialist.
        #[arg(long, requires = "org")]
        role: Option<String>,
        #[arg(long, env = "KINDRED_NEW_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Set a new random password (printed once) and end every session of the account.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
}

pub async fn run(args: AdminArgs) -> CliResult {
    let database = open(&args.database.database_url).await?;
    let store = database.store();
    let store = store.as_ref();
    let now = chrono::Utc::now();
    let hasher = BlockingHasher::default();
    let outcome = match args.command {
        AdminCommand::CreateOrg { name } => {
            let org = orgs::create_organization(store, now, &name)
                .await
                .map_err(describe)?;
            println!("Created organization \"{}\" with id {}", org.name, org.id);
            Ok(())
        }
        AdminCommand::CreateUser {
            email,
            display_name,
            org,
            role,
            password,
        } => {
            let role = match (org, role) {
                (Some(org), Some(role)) => {
                    let org = OrgId::from_str(&org)
                        .map_err(|_| format!("\"{org}\" is not an organization id"))?;
                    store
                        .organization(org)
                        .await
                        .map_err(|e| e.to_string())?
                        .ok_or("no organization has this id")?;
                    let role = Role::from_code(&role)
                        .ok_or("the role must be org_admin, clinician or peer_specialist")?;
                    Some((org, role))
                }
                _ => None,
            };
            let generated = password.is_none();
            let password = password.unwrap_or_else(random_password);
            let input = SignUpInput {
                email,
                display_name,
                password: password.clone(),
            };
            let account = accounts::sign_up(store, &hasher, now, &input)
                .await
                .map_err(describe)?;
            if let Some((org, role)) = role {
                store
                    .set_staff_role(org, account.id, role)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            println!(
                "Created account {} ({})",
                account.email.as_str(),
                account.id
            );
            if generated {
                println!("Password (shown once): {password}");
            }
            Ok(())
        }
        AdminCommand::ResetPassword { email } => {
            let password = random_password();
            accounts::reset_password(store, &hasher, &email, &password)
                .await
                .map_err(describe)?;
            println!("New password for {} (shown once): {password}", email.trim());
            println!("Every session of this account has ended.");
            Ok(())
        }
    };
    database.close().await;
    outcome
}

fn random_password() -> String {
    SecretToken::generate().expose().chars().take(20).collect()
}

fn describe(error: kindred_domain::Error) -> String {
    match error {
        kindred_domain::Error::Invalid(fields) => fields
            .0
            .iter()
            .map(|(field, message)| format!("{field}: {message}"))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}
