//! The data keys that seal free-text clinical content: loading them for `serve` and `demo`,
//! and `kindred keys generate | rotate`. Key bytes are never printed or logged; only their
//! ids (the first 4 bytes of SHA-256 of the key, as 8 hex digits).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use kindred_store::{Keyring, RotationReport};
use zeroize::Zeroizing;

use super::{redact, CliResult, DatabaseArgs};

/// What `serve` says when it has no key.
pub const NO_KEY: &str = "no data key is configured. Kindred seals clinical free text with \
     it. Make a key file with `kindred keys generate --data-key-file PATH`, then start with \
     `--data-key-file PATH` (or KINDRED_DATA_KEY_FILE=PATH); KINDRED_DATA_KEY may hold a \
     single base64 key instead";

#[derive(clap::Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(clap::Subcommand)]
enum KeysCommand {
    /// Write a new key file with one random key (refuses to overwrite a file).
    Generate {
        /// Where to write the key file (readable by its owner only).
        #[arg(long, env = "KINDRED_DATA_KEY_FILE")]
        data_key_file: PathBuf,
    },
    /// Add a new random key as the active one, re-seal every stored value under it, and
    /// report which keys are still in use. Stop the server first, or restart it right
    /// after: it reads the key file only when it starts.
    Rotate(RotateArgs),
}

#[derive(clap::Args, Clone)]
pub struct RotateArgs {
    /// The key file to add the new key to.
    #[arg(long, env = "KINDRED_DATA_KEY_FILE")]
    pub data_key_file: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Afterwards, drop the older keys from the file, if no stored value needs them. Only
    /// with every server stopped: one still running with the old key file would go on
    /// sealing under an old key, and what it wrote after this could never be opened.
    #[arg(long)]
    pub retire_old: bool,
}

pub async fn run(args: KeysArgs) -> CliResult {
    match args.command {
        KeysCommand::Generate { data_key_file } => {
            let id = generate(&data_key_file)?;
            println!(
                "Wrote a new data key (id {id}) to {}.",
                data_key_file.display()
            );
            println!(
                "Start Kindred with --data-key-file {} (or KINDRED_DATA_KEY_FILE), and keep a \
                 copy of the file somewhere safe: without it the sealed data cannot be read.",
                data_key_file.display()
            );
            Ok(())
        }
        KeysCommand::Rotate(args) => rotate(&args).await.map(|_| ()),
    }
}

/// The key ring from the key file if one is given, else from `KINDRED_DATA_KEY` (one base64
/// key); `None` when neither is set.
pub fn load(file: Option<&Path>) -> Result<Option<Keyring>, String> {
    match file {
        Some(path) => read_ring(path).map(Some),
        None => match std::env::var("KINDRED_DATA_KEY") {
            Ok(value) if !value.trim().is_empty() => {
                let value = Zeroizing::new(value);
                Keyring::parse(&value)
                    .map(Some)
                    .map_err(|e| format!("KINDRED_DATA_KEY: {e}"))
            }
            _ => Ok(None),
        },
    }
}

fn read_ring(path: &Path) -> Result<Keyring, String> {
    let text = Zeroizing::new(
        std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the data key file {}: {e}", path.display()))?,
    );
    Keyring::parse(&text).map_err(|e| format!("the data key file {}: {e}", path.display()))
}

/// Writes a new key file holding one random key; refuses to replace an existing file. The
/// new key's id.
pub fn generate(path: &Path) -> Result<String, String> {
    let key = Zeroizing::new(Keyring::generate_key());
    let line = Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(key.as_slice()));
    let text = Zeroizing::new(format!("{}\n{}\n", header(), line.as_str()));
    let mut file = owner_only()
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists; a key file is never overwritten (use `kindred keys rotate` \
                 to add a key to it)",
                path.display()
            ),
            _ => format!("cannot create {}: {e}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(Keyring::id_of(&key))
}

/// What a rotation did, for callers that go on (tests).
pub struct Rotated {
    pub report: RotationReport,
    /// The ids of the keys dropped from the file (`--retire-old`).
    pub retired: Vec<String>,
}

/// `kindred keys rotate`: the new key is in the file before any value is sealed under it.
pub async fn rotate(args: &RotateArgs) -> Result<Rotated, String> {
    let path = &args.data_key_file;
    if !path.exists() {
        return Err(format!(
            "no key file at {p}; make one with `kindred keys generate --data-key-file {p}`",
            p = path.display()
        ));
    }
    let old_text = Zeroizing::new(
        std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the data key file {}: {e}", path.display()))?,
    );
    let old = Keyring::parse(&old_text)
        .map_err(|e| format!("the data key file {}: {e}", path.display()))?;
    let key = Zeroizing::new(Keyring::generate_key());
    let new_id = Keyring::id_of(&key);
    let line = Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(key.as_slice()));
    let mut text = Zeroizing::new(old_text.trim_end().to_owned());
    text.push_str(&format!("\n{}\n", added()));
    text.push_str(&line);
    text.push('\n');
    let ring = Keyring::parse(&text).map_err(|e| format!("the new key file: {e}"))?;
    replace_file(path, &text)?;
    println!(
        "Added key {new_id} to {} as the active key (older: {}).",
        path.display(),
        old.ids().join(", ")
    );

    let database = super::open(&args.database.database_url)
        .await?
        .with_keys(ring);
    let result = database.rotate_keys().await;
    database.close().await;
    let report = result.map_err(|e| {
        format!(
            "the rotation of {} stopped: {e}. Key {new_id} stays in {} and is active; values \
             moved so far are sealed under it. Run `kindred keys rotate` again to finish.",
            redact(&args.database.database_url),
            path.display()
        )
    })?;
    println!(
        "Re-sealed {} values under key {new_id}; sealed {} values that were stored in the clear.",
        report.resealed, report.plain_sealed
    );
    println!(
        "Keys still in use: {}.",
        if report.key_ids_in_use.is_empty() {
            "none (nothing is stored yet)".to_owned()
        } else {
            report.key_ids_in_use.join(", ")
        }
    );
    println!(
        "Restart a running server so it seals with the new key and can open what was re-sealed."
    );

    let mut retired = Vec::new();
    if args.retire_old {
        if !report.only_active_key_in_use() {
            let needed: Vec<&str> = report
                .key_ids_in_use
                .iter()
                .filter(|id| **id != new_id)
                .map(String::as_str)
                .collect();
            return Err(format!(
                "kept the older keys in {}: values are still sealed under {} (a server \
                 running with the old key file may have written them); restart it and rotate \
                 again",
                path.display(),
                needed.join(", ")
            ));
        }
        let only_new = Zeroizing::new(format!("{}\n{}\n", header(), line.as_str()));
        replace_file(path, &only_new)?;
        retired = old.ids();
        println!(
            "Retired key{} {} from {}; it holds key {new_id} alone.",
            if retired.len() == 1 { "" } else { "s" },
            retired.join(", "),
            path.display()
        );
    }
    Ok(Rotated { report, retired })
}

fn header() -> String {
    format!(
        "# Kindred data keys: one base64 key per line, the last one is active. Keep this \
         file secret and backed up.\n{}",
        added()
    )
}

fn added() -> String {
    format!(
        "# added {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    )
}

/// New files readable and writable by their owner only.
fn owner_only() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

/// Replaces the file as a whole: a temporary file beside it (mode 0600), synced, renamed
/// over it, so a crash leaves the old file or the new one, never half of one.
fn replace_file(path: &Path, text: &str) -> CliResult {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "keys".to_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let written = owner_only()
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("cannot write {}: {e}", path.display()));
    }
    // The rename is durable once the directory is.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}
