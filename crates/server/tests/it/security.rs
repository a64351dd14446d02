//! Security headers, the session cookie, and cross-site request refusal.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use serde_json::json;

use crate::support::{each_backend, Resp, PASSWORD, SESSION_COOKIE};

#[track_caller]
fn assert_security_headers(what: &str, resp: &Resp) {
    let csp = resp
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"));
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: {csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(
        csp.contains("default-src 'self'") || csp.contains("default-src 'none'"),
        "{what}"
    );
    assert_eq!(
        resp.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    let referrer = resp
        .header("referrer-policy")
        .unwrap_or_else(|| panic!("{what}: no Referrer-Policy"));
    assert!(
        [
            "no-referrer",
            "same-origin",
            "strict-origin",
            "strict-origin-when-cross-origin"
        ]
        .contains(&referrer),
        "{what}: {referrer}"
    );
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let visitor = app.visitor();
        let member = app.client_for(&fx.member).await;
        let staff = app.client_for(&fx.admin).await;
        let responses = [
            ("home", visitor.get("/").await),
            ("login page", visitor.get("/login").await),
            (
                "public group",
                visitor.get(&format!("/groups/{}", fx.peer_group)).await,
            ),
            ("healthz", visitor.get("/healthz").await),
            ("openapi", visitor.get("/api/openapi.json").await),
            ("api list", visitor.get("/api/v1/groups").await),
            ("api 401", visitor.get("/api/v1/me").await),
            ("page 404", visitor.get("/no/such/page").await),
            ("api 404", visitor.get("/api/v1/groups/nope").await),
            ("redirect", visitor.get("/dashboard").await),
            ("stylesheet", visitor.get("/static/kindred.css").await),
            ("dashboard", member.get("/dashboard").await),
            ("account", member.get("/account").await),
            (
                "staff dashboard",
                staff.get(&format!("/orgs/{}", fx.org)).await,
            ),
            ("415", member.post_form_raw("/account/tokens", "").await),
        ];
        for (what, resp) in &responses {
            assert_security_headers(what, resp);
        }
        // Nothing that depends on who asks may be stored by a browser or proxy.
        for (what, resp) in &responses[..responses.len() - 1] {
            if *what != "stylesheet" {
                assert_eq!(resp.header("cache-control"), Some("no-store"), "{what}");
            }
        }
        assert_eq!(responses[0].1.status, StatusCode::OK);
        assert!(
            responses[0]
                .1
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "pages are html"
        );
    })
    .await;
}

#[tokio::test]
async fn the_session_cookie_is_host_only_http_only_secure_and_lax() {
    each_backend(|app| async move {
        app.account("ana@example.org", "Ana").await;
        let form = app
            .visitor()
            .post_form(
                "/login",
                &[("email", "ana@example.org"), ("password", PASSWORD)],
            )
            .await;
        let api = app
            .visitor()
            .post_json(
                "/api/v1/auth/login",
                &json!({"email": "ana@example.org", "password": PASSWORD}),
            )
            .await;
        for resp in [&form, &api] {
            let cookie = resp.header("set-cookie").expect("a session cookie");
            assert!(
                cookie.starts_with(&format!("{SESSION_COOKIE}=")),
                "{cookie}"
            );
            let attributes: Vec<String> = cookie
                .split(';')
                .skip(1)
                .map(|a| a.trim().to_ascii_lowercase())
                .collect();
            for wanted in ["httponly", "secure", "samesite=lax", "path=/"] {
                assert!(
                    attributes.iter().any(|a| a == wanted),
                    "{wanted} missing: {cookie}"
                );
            }
            assert!(
                !attributes.iter().any(|a| a.starts_with("domain")),
                "{cookie}"
            );
            let token = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
            assert!(token.len() >= 43, "256-bit token expected: {token}");
        }
        // Two sign-ins never share a session.
        assert_ne!(form.header("set-cookie"), api.header("set-cookie"));
    })
    .await;
}

async fn token_count(app: &crate::support::TestApp, fx: &crate::support::Fixture) -> usize {
    app.store().api_tokens_of(fx.member.id).await.unwrap().len()
}

#[tokio::test]
async fn forms_without_the_right_token_or_from_another_site_are_refused() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        let csrf = member.csrf().await;

        let missing = member.post_form_raw("/account/tokens", "name=evil").await;
        missing.expect(StatusCode::FORBIDDEN);
        let wrong = member
            .post_form_raw("/account/tokens", "name=evil&csrf_token=guess")
            .await;
        wrong.expect(StatusCode::FORBIDDEN);
        // Another person's token does not fit this session either.
        let peer_csrf = app.client_for(&fx.peer).await.csrf().await;
        let borrowed = member
            .post_form_raw(
                "/account/tokens",
                &format!("name=evil&csrf_token={peer_csrf}"),
            )
            .await;
        borrowed.expect(StatusCode::FORBIDDEN);

        for (name, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let request = member
                .request(Method::POST, "/account/tokens")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(name, value)
                .body(Body::from(format!("name=evil&csrf_token={csrf}")))
                .unwrap();
            let resp = member.send(request).await;
            resp.expect(StatusCode::FORBIDDEN);
            assert!(
                resp.text().contains("did not come from a Kindred page"),
                "{name}"
            );
        }
        // Sign-out and sign-in are state changes too.
        let request = member
            .request(Method::POST, "/logout")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from(format!("csrf_token={csrf}")))
            .unwrap();
        member.send(request).await.expect(StatusCode::FORBIDDEN);
        member
            .post_form_raw("/logout", "")
            .await
            .expect(StatusCode::FORBIDDEN);
        member.get("/api/v1/me").await.expect(StatusCode::OK);
        let request = app
            .visitor()
            .request(Method::POST, "/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "cross-site")
            .body(Body::from(format!(
                "email={}&password={}",
                fx.member.email, "x"
            )))
            .unwrap();
        app.send(request).await.expect(StatusCode::FORBIDDEN);

        assert_eq!(token_count(&app, &fx).await, 0, "nothing was created");
        member
            .post_form("/account/tokens", &[("name", "mine")])
            .await
            .expect(StatusCode::CREATED);
        assert_eq!(token_count(&app, &fx).await, 1);
    })
    .await;
}

#[tokio::test]
async fn cookie_api_writes_need_the_csrf_header_bearer_writes_do_not() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        let body = serde_json::to_vec(&json!({"name": "sneaky"})).unwrap();
        for csrf in [None, Some("guess")] {
            let mut request = member
                .request(Method::POST, "/api/v1/me/tokens")
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(csrf) = csrf {
                request = request.header("x-csrf-token", csrf);
            }
            let resp = member
                .send(request.body(Body::from(body.clone())).unwrap())
                .await;
            resp.expect(StatusCode::FORBIDDEN);
            assert!(resp.json()["error"].is_string());
        }
        // Body-less writes too: logout and archive.
        for (method, path) in [
            (Method::POST, "/api/v1/auth/logout".to_owned()),
            (Method::POST, "/api/v1/auth/logout-everywhere".to_owned()),
        ] {
            let request = member.request(method, &path).body(Body::empty()).unwrap();
            member.send(request).await.expect(StatusCode::FORBIDDEN);
        }
        member.get("/api/v1/me").await.expect(StatusCode::OK);
        let admin = app.client_for(&fx.admin).await;
        let archive = format!("/api/v1/orgs/{}/groups/{}/archive", fx.org, fx.peer_group);
        let request = admin
            .request(Method::POST, &archive)
            .body(Body::empty())
            .unwrap();
        admin.send(request).await.expect(StatusCode::FORBIDDEN);
        let group = admin
            .get(&format!("/api/v1/orgs/{}/groups/{}", fx.org, fx.peer_group))
            .await;
        assert!(
            group.json()["archived_at"].is_null(),
            "the refused archive changed nothing"
        );

        // Cross-site API writes are refused even with the right header.
        let request = member
            .request(Method::POST, "/api/v1/me/tokens")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", member.csrf().await)
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from(body.clone()))
            .unwrap();
        member.send(request).await.expect(StatusCode::FORBIDDEN);
        assert_eq!(token_count(&app, &fx).await, 0);

        let created = member
            .post_json("/api/v1/me/tokens", &json!({"name": "script"}))
            .await;
        created.expect(StatusCode::CREATED);
        let secret = created.json()["secret"].as_str().unwrap().to_owned();
        let script = crate::support::Client::with_bearer(&app, &secret);
        let request = script
            .request(Method::POST, "/api/v1/me/tokens")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                serde_json::to_vec(&json!({"name": "by script"})).unwrap(),
            ))
            .unwrap();
        script.send(request).await.expect(StatusCode::CREATED);
        assert_eq!(token_count(&app, &fx).await, 2);
    })
    .await;
}
