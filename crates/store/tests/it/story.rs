//! The conformance story: one walk through every Store method, on every backend.

use kindred_domain::accounts::{ApiToken, PasswordHash};
use kindred_domain::auth::SecretToken;
use kindred_domain::ids::{AccountId, ApiTokenId};
use kindred_domain::orgs::{Organization, Role};
use kindred_domain::{Store, StoreError};
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, org, session, t0};

use crate::story_groups as groups;

/// What the first chapter leaves for the next ones.
pub struct Cast {
    pub clinic: Organization,
    pub admin: AccountId,
    pub member: AccountId,
}

#[tokio::test]
async fn story_on_every_backend() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let cast = setup_and_accounts(backend, store.as_ref()).await;
        sign_in(backend, store.as_ref(), &cast).await;
        api_tokens(backend, store.as_ref(), &cast).await;
        groups::organizations_and_places(backend, store.as_ref(), &cast).await;
        database.close().await;
    }
}

async fn setup_and_accounts(backend: &str, store: &dyn Store) -> Cast {
    assert!(
        !store.has_organizations().await.unwrap(),
        "{backend}: starts empty"
    );

    let token = SecretToken::generate().hash();
    store.create_setup_token(&token, t0()).await.unwrap();
    assert!(store.setup_token_is_open(&token).await.unwrap());
    assert!(!store
        .setup_token_is_open(&SecretToken::generate().hash())
        .await
        .unwrap());

    let clinic = org("Riverside Clinic");
    let admin = account("ana@example.org", "Ana");
    let created = store
        .complete_setup(&token, at(1), clinic.clone(), admin.clone(), Role::OrgAdmin)
        .await;
    let created = created.unwrap();
    assert_eq!(created.email.as_str(), "ana@example.org");
    assert!(
        store.has_organizations().await.unwrap(),
        "{backend}: setup made an organization"
    );
    assert!(
        !store.setup_token_is_open(&token).await.unwrap(),
        "{backend}: token is spent"
    );

    // A spent token cannot be spent twice, and the second attempt leaves nothing behind.
    let other_org = org("Second Try");
    let again = store
        .complete_setup(
            &token,
            at(2),
            other_org.clone(),
            account("x@example.org", "X"),
            Role::OrgAdmin,
        )
        .await;
    assert!(
        matches!(again, Err(StoreError::NotFound)),
        "{backend}: {again:?}"
    );
    assert!(store.organization(other_org.id).await.unwrap().is_none());
    let x = kindred_domain::accounts::Email::parse("x@example.org").unwrap();
    assert!(store.account_by_email(&x).await.unwrap().is_none());

    // A taken email rolls the whole setup back: the fresh token stays open.
    let fresh = SecretToken::generate().hash();
    store.create_setup_token(&fresh, t0()).await.unwrap();
    let dup_admin = account("ana@example.org", "Another Ana");
    let dup = store
        .complete_setup(&fresh, at(3), org("Dup"), dup_admin, Role::OrgAdmin)
        .await;
    assert!(
        matches!(dup, Err(StoreError::Duplicate(_))),
        "{backend}: {dup:?}"
    );
    assert!(
        store.setup_token_is_open(&fresh).await.unwrap(),
        "{backend}: rollback keeps token"
    );

    assert_eq!(store.roles_of(admin.id).await.unwrap().len(), 1);
    let member = account("bo@example.org", "Bo");
    let stored = store.create_account(member.clone()).await.unwrap();
    assert_eq!(stored.id, member.id);
    let taken = store
        .create_account(account("BO@example.org", "Impostor"))
        .await;
    assert!(
        matches!(taken, Err(StoreError::Duplicate(_))),
        "{backend}: {taken:?}"
    );

    let by_email = store
        .account_by_email(&member.email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_email.id, member.id);
    assert_eq!(by_email.display_name.as_str(), "Bo");
    assert_eq!(by_email.created_at, t0());
    let by_id = store.account_by_id(member.id).await.unwrap().unwrap();
    assert_eq!(by_id.email, member.email);
    assert_eq!(by_id.password_hash, member.password_hash);
    assert!(store
        .account_by_id(AccountId::new())
        .await
        .unwrap()
        .is_none());
    assert!(
        store.roles_of(member.id).await.unwrap().is_empty(),
        "{backend}: members hold no role"
    );

    Cast {
        clinic,
        admin: admin.id,
        member: member.id,
    }
}

async fn sign_in(backend: &str, store: &dyn Store, cast: &Cast) {
    let here = session(cast.member);
    let phone = session(cast.member);
    let admins = session(cast.admin);
    for s in [&here, &phone, &admins] {
        store.create_auth_session(s.clone()).await.unwrap();
    }
    let found = store
        .auth_session_by_token(&here.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.id, found.account_id), (here.id, cast.member));
    assert_eq!(found.csrf_token, "csrf");
    assert_eq!(found.idle_timeout_secs, 900);
    let reused = store.create_auth_session(session(cast.member)).await;
    assert!(reused.is_ok(), "{backend}: distinct tokens are fine");

    store.touch_auth_session(here.id, at(5)).await.unwrap();
    let touched = store
        .auth_session_by_token(&here.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(touched.last_seen_at, at(5));
    assert_eq!(touched.created_at, t0());

    // What a request resolves: the session, its account and the account's roles, together.
    let context = store
        .session_context(&here.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (context.session.id, context.session.last_seen_at),
        (here.id, at(5))
    );
    assert_eq!(context.session.csrf_token, "csrf");
    let member = store.account_by_id(cast.member).await.unwrap().unwrap();
    assert_eq!(context.account.id, cast.member);
    assert_eq!(context.account.email, member.email);
    assert_eq!(context.account.display_name, member.display_name);
    assert_eq!(context.account.created_at, member.created_at);
    assert_eq!(context.roles, store.roles_of(cast.member).await.unwrap());
    let staff = store
        .session_context(&admins.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(staff.account.id, cast.admin);
    assert_eq!(staff.roles, store.roles_of(cast.admin).await.unwrap());
    assert_eq!(
        staff
            .roles
            .iter()
            .map(|r| (r.org_id, r.role))
            .collect::<Vec<_>>(),
        vec![(cast.clinic.id, Role::OrgAdmin)],
        "{backend}: the admin's role comes along"
    );
    assert!(store
        .session_context(&SecretToken::generate().hash())
        .await
        .unwrap()
        .is_none());

    // A new password ends every other session of the account, keeps this one and no one else's.
    let new_hash = PasswordHash("new-hash".into());
    store
        .set_password(cast.member, new_hash.clone(), Some(here.id))
        .await
        .unwrap();
    assert!(store
        .auth_session_by_token(&here.token_hash)
        .await
        .unwrap()
        .is_some());
    assert!(store
        .auth_session_by_token(&phone.token_hash)
        .await
        .unwrap()
        .is_none());
    assert!(store
        .auth_session_by_token(&admins.token_hash)
        .await
        .unwrap()
        .is_some());
    let member = store.account_by_id(cast.member).await.unwrap().unwrap();
    assert_eq!(member.password_hash, new_hash);
    let nobody = store.set_password(AccountId::new(), new_hash, None).await;
    assert!(
        matches!(nobody, Err(StoreError::NotFound)),
        "{backend}: {nobody:?}"
    );

    let laptop = session(cast.member);
    store.create_auth_session(laptop.clone()).await.unwrap();
    store
        .delete_auth_sessions_of(cast.member, Some(laptop.id))
        .await
        .unwrap();
    assert!(store
        .auth_session_by_token(&here.token_hash)
        .await
        .unwrap()
        .is_none());
    assert!(store
        .auth_session_by_token(&laptop.token_hash)
        .await
        .unwrap()
        .is_some());
    store
        .delete_auth_sessions_of(cast.member, None)
        .await
        .unwrap();
    assert!(store
        .auth_session_by_token(&laptop.token_hash)
        .await
        .unwrap()
        .is_none());

    store.delete_auth_session(admins.id).await.unwrap();
    assert!(store
        .auth_session_by_token(&admins.token_hash)
        .await
        .unwrap()
        .is_none());
    store.delete_auth_session(admins.id).await.unwrap();
}

fn api_token(account: AccountId, name: &str, minute: i64) -> ApiToken {
    ApiToken {
        id: ApiTokenId::new(),
        account_id: account,
        name: name.into(),
        token_hash: SecretToken::generate_prefixed("kdr_").hash(),
        created_at: at(minute),
        last_used_at: None,
        revoked_at: None,
    }
}

async fn api_tokens(backend: &str, store: &dyn Store, cast: &Cast) {
    let old = api_token(cast.member, "laptop script", 10);
    let new = api_token(cast.member, "phone", 20);
    let admins = api_token(cast.admin, "admin export", 30);
    for t in [&old, &new, &admins] {
        store.create_api_token(t.clone()).await.unwrap();
    }
    let mine: Vec<_> = store.api_tokens_of(cast.member).await.unwrap();
    let names: Vec<_> = mine.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["phone", "laptop script"],
        "{backend}: newest first, only mine"
    );

    let found = store
        .api_token_by_hash(&old.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.id, found.account_id), (old.id, cast.member));
    assert!(found.last_used_at.is_none() && found.revoked_at.is_none());
    store.touch_api_token(old.id, at(40)).await.unwrap();
    let used = store
        .api_token_by_hash(&old.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(used.last_used_at, Some(at(40)));

    // Someone else's token looks like no token; a revoked one stays revoked.
    assert!(!store
        .revoke_api_token(cast.admin, old.id, at(50))
        .await
        .unwrap());
    assert!(store
        .revoke_api_token(cast.member, old.id, at(50))
        .await
        .unwrap());
    assert!(!store
        .revoke_api_token(cast.member, old.id, at(60))
        .await
        .unwrap());
    assert!(!store
        .revoke_api_token(cast.member, ApiTokenId::new(), at(60))
        .await
        .unwrap());
    let revoked = store
        .api_token_by_hash(&old.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        revoked.revoked_at,
        Some(at(50)),
        "{backend}: first revocation time kept"
    );
    let listed = store.api_tokens_of(cast.member).await.unwrap();
    assert_eq!(
        listed.len(),
        2,
        "{backend}: revoked tokens are still listed"
    );
    assert!(store
        .api_token_by_hash(&SecretToken::generate().hash())
        .await
        .unwrap()
        .is_none());
}
