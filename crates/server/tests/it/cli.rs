//! The `kindred` binary as an operator uses it: migrate, admin commands, refusing unknown
//! databases, the first-run setup link of `serve`, and stopping on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use kindred_domain::accounts::{sign_in, SignInInput};
use kindred_server::app::BlockingHasher;

fn kindred(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args(args)
        .env("KINDRED_DATABASE_URL", database_url)
        .env("KINDRED_LOG", "warn")
        .output()
        .expect("run kindred")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn fresh_sqlite_url() -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("kindred-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("kindred.db").display());
    (dir, url)
}

#[tokio::test]
async fn operators_create_organizations_and_accounts_and_reset_passwords() {
    let (dir, url) = fresh_sqlite_url();
    let migrated = kindred(&url, &["migrate"]);
    assert!(migrated.status.success(), "{migrated:?}");
    assert!(stdout(&migrated).contains("Migrations applied"));

    let org = kindred(
        &url,
        &["admin", "create-org", "--name", "Lakeside Counseling"],
    );
    assert!(org.status.success(), "{org:?}");
    let org_id = stdout(&org).split_whitespace().last().unwrap().to_owned();

    let user = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args([
            "admin",
            "create-user",
            "--email",
            "Dana@Lakeside.test",
            "--display-name",
            "Dana",
        ])
        .args(["--org", &org_id, "--role", "org_admin"])
        .env("KINDRED_DATABASE_URL", &url)
        .env("KINDRED_NEW_PASSWORD", "first password of dana")
        .env("KINDRED_LOG", "warn")
        .output()
        .unwrap();
    assert!(user.status.success(), "{user:?}");
    assert!(
        !stdout(&user).contains("first password of dana"),
        "a given password is never echoed"
    );

    let bad_role = kindred(
        &url,
        &[
            "admin",
            "create-user",
            "--email",
            "x@lakeside.test",
            "--display-name",
            "X",
            "--org",
            &org_id,
            "--role",
            "boss",
        ],
    );
    assert!(!bad_role.status.success());
    assert!(String::from_utf8_lossy(&bad_role.stderr)
        .contains("org_admin, clinician or peer_specialist"));

    let reset = kindred(
        &url,
        &["admin", "reset-password", "--email", "dana@lakeside.test"],
    );
    assert!(reset.status.success(), "{reset:?}");
    let new_password = stdout(&reset)
        .lines()
        .find(|l| l.contains("shown once"))
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_owned();

    let database = kindred_store::Database::connect(&url).await.unwrap();
    let store = database.store();
    let attempt = |password: &str| SignInInput {
        email: "dana@lakeside.test".into(),
        password: password.into(),
    };
    let hasher = BlockingHasher::default();
    let now = chrono::Utc::now();
    assert!(sign_in(
        store.as_ref(),
        &hasher,
        now,
        &attempt("first password of dana"),
        None
    )
    .await
    .is_err());
    let signed_in = sign_in(store.as_ref(), &hasher, now, &attempt(&new_password), None)
        .await
        .unwrap();
    assert_eq!(signed_in.roles[0].org_name, "Lakeside Counseling");
    database.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unknown_database_urls_are_refused_without_creating_anything() {
    let before = std::fs::read_dir(".").unwrap().count();
    let refused = kindred("mysql://kindred@localhost/kindred", &["migrate"]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("sqlite://") && message.contains("postgres://"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_dir(".").unwrap().count(),
        before,
        "no file was created"
    );
}

#[test]
fn serve_prints_a_setup_link_on_an_empty_database_and_stops_on_sigterm() {
    let (dir, url) = fresh_sqlite_url();
    let mut server = Command::new(env!("CARGO_BIN_EXE_kindred"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", &url])
        .env("KINDRED_LOG", "warn")
        .env_remove("KINDRED_DATA_KEY_FILE")
        .env(
            "KINDRED_DATA_KEY",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let link = lines
        .find_map(|l| l.ok().filter(|l| l.contains("/setup/")))
        .expect("a setup link");
    let link = link.trim();
    let (host, path) = link.trim_start_matches("http://").split_once('/').unwrap();

    let mut http = TcpStream::connect(host).unwrap();
    write!(
        http,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut page = String::new();
    http.read_to_string(&mut page).unwrap();
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Create organization"));

    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exits cleanly: {status:?}");
    let _ = std::fs::remove_dir_all(dir);
}
