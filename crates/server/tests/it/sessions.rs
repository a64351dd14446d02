//! How long sessions live, and the ways a person ends them.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::json;

use crate::support::{each_backend, PASSWORD};

#[tokio::test]
async fn member_sessions_end_after_thirty_idle_minutes() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        app.advance(Duration::minutes(29));
        member.get("/api/v1/me").await.expect(StatusCode::OK);
        // Activity keeps it alive: another 29 quiet minutes are fine (58 since sign-in).
        app.advance(Duration::minutes(29));
        member.get("/dashboard").await.expect(StatusCode::OK);
        app.advance(Duration::minutes(31));
        member
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        assert!(member.get("/dashboard").await.sends_to_sign_in());
        // Gone for good: time does not bring it back.
        app.advance(Duration::minutes(-31));
        member
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn staff_sessions_end_after_fifteen_idle_minutes() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let admin = app.client_for(&fx.admin).await;
        app.advance(Duration::minutes(14));
        admin.get("/api/v1/me").await.expect(StatusCode::OK);
        app.advance(Duration::minutes(2));
        clinician
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        admin.get("/api/v1/me").await.expect(StatusCode::OK);
        app.advance(Duration::minutes(16));
        admin
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn no_session_outlives_twelve_hours_even_when_busy() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        for step in 1..=35 {
            app.advance(Duration::minutes(20));
            let status = member.get("/api/v1/me").await.status;
            assert_eq!(status, StatusCode::OK, "after {} minutes", step * 20);
        }
        // 11 h 40 min so far; at 12 h the session ends however active it was.
        app.advance(Duration::minutes(20));
        member
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session_of_the_account() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let laptop = app.login(&fx.member.email, PASSWORD).await;
        let phone = app.client_for(&fx.member).await;
        let someone_else = app.client_for(&fx.peer).await;
        let account_page = laptop.get("/account").await;
        assert!(account_page
            .text()
            .contains("action=\"/logout-everywhere\""));

        let out = laptop.post_form("/logout-everywhere", &[]).await;
        assert_eq!(out.location(), Some("/login"));
        assert!(laptop.cookie().is_none());
        phone
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        someone_else.get("/api/v1/me").await.expect(StatusCode::OK);

        // Through the API as well.
        let a = app.client_for(&fx.member).await;
        let b = app.client_for(&fx.member).await;
        a.post_empty("/api/v1/auth/logout-everywhere")
            .await
            .expect(StatusCode::NO_CONTENT);
        a.get("/api/v1/me").await.expect(StatusCode::UNAUTHORIZED);
        b.get("/api/v1/me").await.expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_keeps_this_one() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let here = app.login(&fx.member.email, PASSWORD).await;
        let elsewhere = app.client_for(&fx.member).await;
        let new_password = "a brand new passphrase";

        let wrong = here
            .post_form(
                "/account/password",
                &[
                    ("current_password", "not my password"),
                    ("new_password", new_password),
                ],
            )
            .await;
        wrong.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            wrong.field_error("current_password").as_deref(),
            Some("This is not your current password.")
        );
        elsewhere.get("/api/v1/me").await.expect(StatusCode::OK);

        let changed = here
            .post_form(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", new_password),
                ],
            )
            .await;
        assert_eq!(changed.location(), Some("/account?done=password"));
        let account = here.get("/account?done=password").await;
        account.expect(StatusCode::OK);
        assert!(account
            .text()
            .contains("You were signed out on every other device"));
        elsewhere
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);

        let old = app
            .visitor()
            .post_json(
                "/api/v1/auth/login",
                &json!({"email": fx.member.email, "password": PASSWORD}),
            )
            .await;
        old.expect(StatusCode::UNAUTHORIZED);
        let api = app.visitor();
        api.api_login(&fx.member.email, new_password)
            .await
            .expect(StatusCode::OK);

        // The API route behaves the same.
        let other = app.client_for(&fx.member).await;
        api.post_json(
            "/api/v1/me/password",
            &json!({"current_password": new_password, "new_password": PASSWORD}),
        )
        .await
        .expect(StatusCode::NO_CONTENT);
        api.get("/api/v1/me").await.expect(StatusCode::OK);
        other
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        here.get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn signing_in_again_replaces_the_browsers_old_session() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let browser = app.login(&fx.member.email, PASSWORD).await;
        let old_cookie = browser.cookie();
        let again = browser
            .post_form(
                "/login",
                &[("email", &fx.member.email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(again.location(), Some("/dashboard"));
        assert_ne!(
            browser.cookie(),
            old_cookie,
            "a fresh token at every sign-in"
        );
        browser.get("/api/v1/me").await.expect(StatusCode::OK);
        // Whoever copied the old cookie is signed out.
        let copy = app.visitor();
        copy.set_cookie(old_cookie);
        copy.get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn a_session_ended_by_another_process_stops_working_within_seconds() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let browser = app.client_for(&fx.member).await;
        browser.get("/dashboard").await.expect(StatusCode::OK);
        // As `kindred admin reset-password` would, from outside this server.
        app.store()
            .delete_auth_sessions_of(fx.member.id, None)
            .await
            .unwrap();
        app.advance(kindred_server::http::SessionCache::TTL);
        let after = browser.get("/dashboard").await;
        assert!(
            after.sends_to_sign_in(),
            "ended sessions stop working within the cache's lifetime"
        );
    })
    .await;
}

#[tokio::test]
async fn signing_out_elsewhere_takes_effect_on_the_very_next_request() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let laptop = app.client_for(&fx.member).await;
        let phone = app.client_for(&fx.member).await;
        // Both sessions have just been used, so both are remembered.
        laptop.get("/dashboard").await.expect(StatusCode::OK);
        phone.get("/dashboard").await.expect(StatusCode::OK);
        laptop
            .post_empty("/api/v1/auth/logout-everywhere")
            .await
            .expect(StatusCode::NO_CONTENT);
        phone
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}
