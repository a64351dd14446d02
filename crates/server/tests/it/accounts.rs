//! Signing up, signing in and out, on the pages and through the API.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{each_backend, PASSWORD};

#[tokio::test]
async fn sign_up_form_signs_in_and_sign_out_ends_the_session() {
    each_backend(|app| async move {
        let ana = app.sign_up_and_login("Ana@Example.ORG ", "Ana").await;
        let dashboard = ana.get("/dashboard").await;
        dashboard.expect(StatusCode::OK);
        assert!(dashboard.text().contains("Welcome, Ana"));
        assert!(dashboard.text().contains("You are not in a group yet"));
        let me = ana.get("/api/v1/me").await.json();
        assert_eq!(
            me["email"], "ana@example.org",
            "emails are stored lower-cased"
        );
        assert_eq!(me["roles"], json!([]));

        let old_cookie = ana.cookie();
        let out = ana.post_form("/logout", &[]).await;
        assert_eq!(out.location(), Some("/"));
        assert!(ana.cookie().is_none(), "sign-out clears the cookie");
        assert!(ana.get("/dashboard").await.sends_to_sign_in());
        // The old cookie, replayed, names a session that no longer exists.
        ana.set_cookie(old_cookie);
        assert!(ana.get("/dashboard").await.sends_to_sign_in());

        // Signing in again with the normalised email works.
        let again = app.login("ANA@example.org", PASSWORD).await;
        again.get("/dashboard").await.expect(StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn api_sign_up_login_me_and_logout() {
    each_backend(|app| async move {
        let api = app.visitor();
        let created = api
            .post_json(
                "/api/v1/auth/signup",
                &json!({"email": "kim@example.org", "display_name": "Kim", "password": PASSWORD}),
            )
            .await;
        created.expect(StatusCode::CREATED);
        assert_eq!(created.json()["email"], "kim@example.org");
        assert!(created.json().get("password_hash").is_none());
        assert!(
            api.cookie().is_none(),
            "API sign-up does not open a session"
        );

        let again = api
            .post_json(
                "/api/v1/auth/signup",
                &json!({"email": "KIM@example.org", "display_name": "Kim 2", "password": PASSWORD}),
            )
            .await;
        again.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.json()["errors"]["email"]
            .as_str()
            .unwrap()
            .contains("already exists"));

        let wrong = api.api_login("kim@example.org", "not the password").await;
        wrong.expect(StatusCode::UNAUTHORIZED);
        assert!(api.cookie().is_none());

        let login = api.api_login("kim@example.org", PASSWORD).await;
        login.expect(StatusCode::OK);
        assert!(api.cookie().is_some(), "login sets the session cookie");
        let csrf = login.json()["csrf_token"].as_str().unwrap().to_owned();
        assert!(csrf.len() >= 32);
        assert_eq!(login.json()["account"]["email"], "kim@example.org");

        let me = api.get("/api/v1/me").await;
        me.expect(StatusCode::OK);
        assert_eq!(me.json()["display_name"], "Kim");
        assert_eq!(me.json()["csrf_token"], csrf.as_str());
        assert_eq!(me.json()["roles"], json!([]));

        api.post_empty("/api/v1/auth/logout")
            .await
            .expect(StatusCode::NO_CONTENT);
        assert!(api.cookie().is_none(), "logout clears the cookie");
        api.get("/api/v1/me").await.expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn me_lists_staff_roles_per_organization() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let clinician = app.client_for(&fx.clinician).await;
        let me = clinician.get("/api/v1/me").await.json();
        assert_eq!(
            me["roles"],
            json!([{"org_id": fx.org.to_string(), "org_name": fx.org_name, "role": "clinician"}])
        );
        let dashboard = clinician.get("/dashboard").await.text();
        assert!(dashboard.contains(&format!("href=\"/orgs/{}\"", fx.org)));
    })
    .await;
}

/// The same attempt, made before the account exists and after it exists with another
/// password, must get the very same answer: nobody learns which emails have accounts.
#[tokio::test]
async fn unknown_email_and_wrong_password_get_identical_answers() {
    each_backend(|app| async move {
        let email = "lee@example.org";
        let attempt = [("email", email), ("password", "guess guess guess")];
        let api_attempt = json!({"email": email, "password": "guess guess guess"});

        let form_unknown = app.visitor().post_form("/login", &attempt).await;
        let api_unknown = app
            .visitor()
            .post_json("/api/v1/auth/login", &api_attempt)
            .await;
        app.account(email, "Lee").await;
        let form_wrong = app.visitor().post_form("/login", &attempt).await;
        let api_wrong = app
            .visitor()
            .post_json("/api/v1/auth/login", &api_attempt)
            .await;

        form_unknown.expect(StatusCode::UNAUTHORIZED);
        assert!(form_unknown.text().contains("do not match an account"));
        assert_eq!(form_unknown.status, form_wrong.status);
        assert_eq!(form_unknown.text(), form_wrong.text());
        api_unknown.expect(StatusCode::UNAUTHORIZED);
        assert_eq!(api_unknown.status, api_wrong.status);
        assert_eq!(api_unknown.body, api_wrong.body);
        for resp in [&form_unknown, &form_wrong, &api_unknown, &api_wrong] {
            assert!(
                resp.header("set-cookie").is_none(),
                "a failed sign-in sets no cookie"
            );
        }
        // A malformed email is one more kind of "no such account".
        let malformed = app
            .visitor()
            .post_json(
                "/api/v1/auth/login",
                &json!({"email": "lee", "password": "x"}),
            )
            .await;
        assert_eq!(malformed.body, api_wrong.body);
    })
    .await;
}

#[tokio::test]
async fn signing_in_returns_to_the_page_that_asked_for_it() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let counselor = app.visitor();
        let wanted = format!("/orgs/{}/groups", fx.org);
        let asked = counselor.get(&wanted).await;
        let login = asked.location().unwrap().to_owned();
        assert_eq!(login, format!("/login?next=/orgs/{}/groups", fx.org));
        let page = counselor.get(&login).await.text();
        assert!(page.contains(&format!("name=\"next\" value=\"{wanted}\"")));
        let signed_in = counselor
            .post_form(
                "/login",
                &[
                    ("email", &fx.clinician.email),
                    ("password", PASSWORD),
                    ("next", &wanted),
                ],
            )
            .await;
        assert_eq!(signed_in.location(), Some(wanted.as_str()));

        // Only paths on this site are followed.
        let elsewhere = app
            .visitor()
            .post_form(
                "/login",
                &[
                    ("email", &fx.member.email),
                    ("password", PASSWORD),
                    ("next", "//evil.example/"),
                ],
            )
            .await;
        assert_eq!(elsewhere.location(), Some("/dashboard"));
    })
    .await;
}
