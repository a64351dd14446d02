//! Personal access tokens: shown once, work as `Authorization: Bearer`, revocable.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{each_backend, Client};

#[tokio::test]
async fn api_token_is_shown_once_works_as_bearer_and_dies_when_revoked() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let me = app.client_for(&fx.member).await;
        let created = me
            .post_json("/api/v1/me/tokens", &json!({"name": "reporting script"}))
            .await;
        created.expect(StatusCode::CREATED);
        let secret = created.json()["secret"].as_str().unwrap().to_owned();
        let id = created.json()["id"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("kdr_") && secret.len() > 40, "{secret}");

        let listed = me.get("/api/v1/me/tokens").await;
        assert_eq!(listed.json().as_array().unwrap().len(), 1);
        assert!(
            !listed.text().contains(&secret),
            "the list never shows the secret"
        );
        assert!(!me.get("/account").await.text().contains(&secret));

        let script = Client::with_bearer(&app, &secret);
        let who = script.get("/api/v1/me").await;
        who.expect(StatusCode::OK);
        assert_eq!(who.json()["email"], fx.member.email.as_str());
        assert!(
            who.json().get("csrf_token").is_none(),
            "bearer requests have no session"
        );
        // A bearer write needs no CSRF header: there is no ambient credential to abuse.
        script
            .post_json("/api/v1/me/tokens", &json!({"name": "second"}))
            .await
            .expect(StatusCode::CREATED);

        // Someone else cannot revoke it; it looks like no token at all.
        let peer = app.client_for(&fx.peer).await;
        let theirs = peer.delete(&format!("/api/v1/me/tokens/{id}")).await;
        theirs.expect(StatusCode::NOT_FOUND);
        let unknown = peer
            .delete(&format!("/api/v1/me/tokens/{}", uuid::Uuid::new_v4()))
            .await;
        assert_eq!(theirs.body, unknown.body);
        script.get("/api/v1/me").await.expect(StatusCode::OK);

        me.delete(&format!("/api/v1/me/tokens/{id}"))
            .await
            .expect(StatusCode::NO_CONTENT);
        script
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        let revoked = me.get("/api/v1/me/tokens").await.json();
        let first = revoked
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id.as_str())
            .unwrap();
        assert!(first["revoked_at"].is_string());
    })
    .await;
}

#[tokio::test]
async fn a_bad_bearer_token_is_refused_not_treated_as_signed_out() {
    each_backend(|app| async move {
        let forged = Client::with_bearer(&app, "kdr_not-a-real-token");
        forged
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        let public = forged.get("/api/v1/groups").await;
        public.expect(StatusCode::UNAUTHORIZED);
        assert_eq!(public.header("www-authenticate"), Some("Bearer"));
        // Empty and odd schemes are simply no credential.
        let request = app
            .visitor()
            .request(Method::GET, "/api/v1/groups")
            .header("authorization", "Basic dXNlcjpwYXNz")
            .body(Body::empty())
            .unwrap();
        app.send(request).await.expect(StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn account_page_shows_a_new_token_once_and_revokes_it() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let me = app.client_for(&fx.member).await;
        me.get("/account").await.expect(StatusCode::OK);
        let created = me
            .post_form("/account/tokens", &[("name", "phone app")])
            .await;
        created.expect(StatusCode::CREATED);
        let text = created.text();
        let start = text.find("<code class=\"secret\">").unwrap() + "<code class=\"secret\">".len();
        let secret = text[start..start + text[start..].find('<').unwrap()].to_owned();
        assert!(secret.starts_with("kdr_"));
        let again = me.get("/account").await;
        assert!(again.text().contains("phone app"));
        assert!(!again.text().contains(&secret), "the secret is shown once");

        let script = Client::with_bearer(&app, &secret);
        script.get("/api/v1/me").await.expect(StatusCode::OK);
        let id = me.get("/api/v1/me/tokens").await.json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let revoked = me
            .post_form(&format!("/account/tokens/{id}/revoke"), &[])
            .await;
        assert_eq!(revoked.location(), Some("/account?done=revoked"));
        script
            .get("/api/v1/me")
            .await
            .expect(StatusCode::UNAUTHORIZED);
        let empty_name = me.post_form("/account/tokens", &[("name", "  ")]).await;
        empty_name.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            empty_name.field_error("name").as_deref(),
            Some("This field is required.")
        );
    })
    .await;
}
