//! Connecting by URL, refusing unknown schemes, and resetting.

use kindred_domain::StoreError;
use kindred_store::testing::all_backends;
use kindred_store::{Backend, Database};

use crate::fixtures::org;

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "kindred-{name}-{}.db",
        uuid::Uuid::new_v4().simple()
    ))
}

#[tokio::test]
async fn unknown_schemes_are_refused_with_the_accepted_forms() {
    let refused = Database::connect("mysql://x").await;
    let Err(StoreError::Backend(message)) = refused else {
        panic!("mysql:// should be refused, got {refused:?}");
    };
    assert!(message.contains("\"mysql\""), "{message}");
    assert!(
        message.contains("sqlite://") && message.contains("postgres://"),
        "{message}"
    );
}

#[tokio::test]
async fn a_nonsense_url_creates_no_file() {
    for make in [
        |p: &str| p.to_owned(),
        |p: &str| format!("sqlit://{p}"),
        |p: &str| format!("file://{p}"),
    ] {
        let path = temp_path("nonsense");
        let url = make(path.to_str().unwrap());
        assert!(
            Database::connect(&url).await.is_err(),
            "{url} should be refused"
        );
        assert!(!path.exists(), "{url} must not create a file");
    }
    assert!(
        Database::connect("sqlite::memory:").await.is_err(),
        "two pools, two databases"
    );
}

#[tokio::test]
async fn sqlite_url_of_a_new_path_creates_and_migrates() {
    let path = temp_path("connect");
    let database = Database::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    assert_eq!(database.backend(), Backend::Sqlite);
    database.migrate().await.unwrap();
    database.migrate().await.unwrap(); // applying again is a no-op
    assert!(path.exists());
    assert!(!database.store().has_organizations().await.unwrap());
    database.close().await;
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn postgres_urls_pick_postgres() {
    let Ok(url) = std::env::var("KINDRED_TEST_POSTGRES_URL") else {
        return; // all_backends-based tests report the missing URL.
    };
    for url in [url.clone(), url.replacen("postgres://", "postgresql://", 1)] {
        let database = Database::connect(&url).await.unwrap();
        assert_eq!(database.backend(), Backend::Postgres);
        database.close().await;
    }
}

#[tokio::test]
async fn reset_drops_everything_and_migrate_rebuilds() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        store
            .create_organization(org("Before reset"))
            .await
            .unwrap();
        database.reset().await.unwrap();
        assert!(
            store.has_organizations().await.is_err(),
            "{backend}: tables are gone"
        );
        database.reset().await.unwrap(); // nothing left to drop is fine
        database.migrate().await.unwrap();
        assert!(
            !store.has_organizations().await.unwrap(),
            "{backend}: rebuilt empty"
        );
        database.close().await;
    }
}
