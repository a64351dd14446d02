//! Concurrent requests: no SQLITE_BUSY, and a setup link spent exactly once.

use kindred_domain::auth::SecretToken;
use kindred_domain::orgs::Role;
use kindred_domain::StoreError;
use kindred_store::testing::all_backends;

use crate::fixtures::{account, org, session, t0};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_and_reads_all_succeed() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let mut tasks = Vec::new();
        for i in 0..40 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let a = account(&format!("p{i}@example.org"), &format!("Person {i}"));
                store.create_account(a.clone()).await?;
                let s = session(a.id);
                store.create_auth_session(s.clone()).await?;
                store.touch_auth_session(s.id, t0()).await?;
                store
                    .set_password(a.id, a.password_hash.clone(), Some(s.id))
                    .await?;
                store.account_by_email(&a.email).await?;
                store.roles_of(a.id).await?;
                Ok::<_, StoreError>(())
            }));
        }
        for task in tasks {
            task.await
                .unwrap()
                .unwrap_or_else(|e| panic!("{backend}: {e}"));
        }
        database.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_setup_link_is_spent_once_under_a_race() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let token = SecretToken::generate().hash();
        store.create_setup_token(&token, t0()).await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (store, token) = (store.clone(), token.clone());
            tasks.push(tokio::spawn(async move {
                let admin = account(&format!("admin{i}@example.org"), "Admin");
                store
                    .complete_setup(&token, t0(), org("Clinic"), admin, Role::OrgAdmin)
                    .await
            }));
        }
        let mut won = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => won += 1,
                Err(StoreError::NotFound) => {}
                Err(e) => panic!("{backend}: unexpected {e}"),
            }
        }
        assert_eq!(won, 1, "{backend}: exactly one request spends the link");
        database.close().await;
    }
}
