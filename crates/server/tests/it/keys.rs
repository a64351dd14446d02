//! Data keys at the command line: `kindred keys generate` never overwrites, `serve` refuses
//! to start without a key and says how to make one, and `kindred keys rotate` re-seals what
//! is stored under a new key, retiring the old one only once nothing needs it. Key bytes
//! never appear in what the commands print.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kindred_store::testing::raw_contains;
use kindred_store::{Database, Keyring};

use crate::support::TestApp;

fn kindred(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args(args)
        .env("KINDRED_LOG", "warn")
        .env_remove("KINDRED_DATA_KEY")
        .env_remove("KINDRED_DATA_KEY_FILE")
        .env_remove("KINDRED_DATABASE_URL")
        .output()
        .expect("run kindred")
}

fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kindred-keys-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The key lines of a key file (not comments).
fn key_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn ring_of(lines: &[String]) -> Keyring {
    Keyring::parse(&lines.join("\n")).unwrap()
}

#[cfg(unix)]
fn assert_owner_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} has mode {mode:o}", path.display());
}

#[cfg(not(unix))]
fn assert_owner_only(_: &Path) {}

#[test]
fn a_key_file_is_never_overwritten_and_serve_needs_a_key() {
    let dir = temp_dir();
    let file = dir.join("kindred.keys");
    let file_arg = file.to_str().unwrap();
    let made = kindred(&["keys", "generate", "--data-key-file", file_arg]);
    assert!(made.status.success(), "{made:?}");
    let lines = key_lines(&file);
    assert_eq!(lines.len(), 1);
    assert_owner_only(&file);
    let id = ring_of(&lines).active_id();
    assert!(printed(&made).contains(&id), "{}", printed(&made));
    assert!(
        !printed(&made).contains(&lines[0]),
        "the key is never printed"
    );

    let again = kindred(&["keys", "generate", "--data-key-file", file_arg]);
    assert!(!again.status.success());
    assert!(
        printed(&again).contains("already exists"),
        "{}",
        printed(&again)
    );
    assert_eq!(key_lines(&file), lines, "the file is unchanged");

    let url = format!("sqlite://{}", dir.join("kindred.db").display());
    let refused = kindred(&["serve", "--addr", "127.0.0.1:0", "--database-url", &url]);
    assert!(!refused.status.success());
    let message = printed(&refused);
    assert!(
        message.contains("no data key is configured")
            && message.contains("kindred keys generate --data-key-file"),
        "{message}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn rotating_reseals_under_a_new_key_and_retires_the_old_one_when_unused() {
    let dir = temp_dir();
    let file = dir.join("kindred.keys");
    let file_arg = file.to_str().unwrap().to_owned();
    let url = format!("sqlite://{}", dir.join("kindred.db").display());
    assert!(kindred(&["keys", "generate", "--data-key-file", &file_arg])
        .status
        .success());
    let first = key_lines(&file);
    let old_id = ring_of(&first).active_id();

    // The fixture's member asks to join a group: contact and availability are sealed.
    let database = Database::connect(&url)
        .await
        .unwrap()
        .with_keys(ring_of(&first));
    database.migrate().await.unwrap();
    let app = TestApp::over(&database);
    let fx = app.fixture().await;
    let before = app
        .store()
        .join_request(fx.member_request)
        .await
        .unwrap()
        .unwrap();
    assert!(before.contact.contains("robin@example.org"));
    assert!(
        !raw_contains(&database, "robin@example.org"),
        "the contact is sealed"
    );
    assert!(
        raw_contains(&database, "Riverside Test Clinic"),
        "the scan sees names"
    );
    database.close().await;

    let rotate = [
        "keys",
        "rotate",
        "--data-key-file",
        &file_arg,
        "--database-url",
        &url,
    ];
    let rotated = kindred(&rotate);
    assert!(rotated.status.success(), "{}", printed(&rotated));
    let second = key_lines(&file);
    assert_eq!(second.len(), 2, "the new key is added, the old one kept");
    assert_eq!(second[0], first[0]);
    assert_owner_only(&file);
    let new_id = ring_of(&second).active_id();
    let out = printed(&rotated);
    // Contact, availability, referral and message (no screening), and the request's step.
    assert!(
        out.contains(&format!("Re-sealed 5 values under key {new_id}")),
        "{out}"
    );
    assert!(
        out.contains(&format!("Keys still in use: {new_id}.")),
        "{out}"
    );
    assert!(
        second.iter().all(|key| !out.contains(key.as_str())),
        "a key was printed"
    );

    // The new key alone opens everything; the old one alone opens nothing.
    let only_new = Database::connect(&url)
        .await
        .unwrap()
        .with_keys(ring_of(&second[1..]));
    let read = only_new
        .store()
        .join_request(fx.member_request)
        .await
        .unwrap();
    assert_eq!(read, Some(before.clone()));
    only_new.close().await;
    let only_old = Database::connect(&url)
        .await
        .unwrap()
        .with_keys(ring_of(&first));
    let refused = only_old.store().join_request(fx.member_request).await;
    assert!(
        refused.unwrap_err().to_string().contains(&new_id),
        "names the missing key"
    );
    only_old.close().await;

    let mut retire = rotate.to_vec();
    retire.push("--retire-old");
    let retired = kindred(&retire);
    assert!(retired.status.success(), "{}", printed(&retired));
    let third = key_lines(&file);
    assert_eq!(third.len(), 1, "older keys are dropped from the file");
    assert!(!second.contains(&third[0]), "a new key again");
    assert_owner_only(&file);
    let out = printed(&retired);
    assert!(
        out.contains("Retired keys") && out.contains(&old_id) && out.contains(&new_id),
        "{out}"
    );
    assert!(
        third.iter().all(|key| !out.contains(key.as_str())),
        "a key was printed"
    );

    let now = Database::connect(&url)
        .await
        .unwrap()
        .with_keys(ring_of(&third));
    let read = now.store().join_request(fx.member_request).await.unwrap();
    assert_eq!(read, Some(before));
    now.close().await;
    // No temporary key files are left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("keys"))
        .collect();
    assert_eq!(names, ["kindred.keys"]);
    let _ = std::fs::remove_dir_all(dir);
}
