//! Malformed requests: broken bodies, wrong content types, oversized bodies, NUL characters,
//! unknown and malformed ids. Each gets a 4xx that says what is wrong, never a 500, and
//! nothing changes.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

use crate::bad_input::counts;
use crate::support::{each_backend, Client};

/// Content type, body, the statuses that are right, and what the case is.
type Case<'a> = (Option<&'a str>, Vec<u8>, &'a [StatusCode], &'a str);

fn raw(
    client: &Client<'_>,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    csrf: &str,
    body: Vec<u8>,
) -> axum::http::Request<Body> {
    let mut builder = client.request(method, path).header("x-csrf-token", csrf);
    if let Some(ct) = content_type {
        builder = builder.header(header::CONTENT_TYPE, ct);
    }
    builder.body(Body::from(body)).unwrap()
}

async fn expect_status(
    client: &Client<'_>,
    request: axum::http::Request<Body>,
    wanted: &[StatusCode],
    what: &str,
) {
    let resp = client.send(request).await;
    assert!(
        wanted.contains(&resp.status),
        "{what}: got {} {}",
        resp.status,
        resp.text()
    );
}

#[tokio::test]
async fn malformed_bodies_get_a_4xx_and_change_nothing() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let csrf = admin.csrf().await;
        let before = counts(&admin, &fx).await;
        let json_routes = [
            format!("/api/v1/orgs/{}/programs", fx.org),
            format!("/api/v1/orgs/{}/groups", fx.org),
            "/api/v1/me/tokens".to_owned(),
            "/api/v1/auth/signup".to_owned(),
            "/api/v1/auth/login".to_owned(),
        ];
        let big = vec![b'a'; 10 * 1024 * 1024];
        let mut big_json = b"{\"name\": \"".to_vec();
        big_json.extend_from_slice(&big);
        big_json.extend_from_slice(b"\"}");
        for path in &json_routes {
            let j = Some("application/json");
            let cases: [Case<'_>; 8] = [
                (
                    j,
                    b"{\"name\": ".to_vec(),
                    &[StatusCode::BAD_REQUEST],
                    "malformed JSON",
                ),
                (j, Vec::new(), &[StatusCode::BAD_REQUEST], "empty body"),
                (
                    j,
                    b"{\"name\": \"\xff\xfe\"}".to_vec(),
                    &[StatusCode::BAD_REQUEST],
                    "invalid UTF-8",
                ),
                (
                    Some("text/plain"),
                    b"{}".to_vec(),
                    &[StatusCode::UNSUPPORTED_MEDIA_TYPE],
                    "text/plain",
                ),
                (
                    None,
                    b"{}".to_vec(),
                    &[StatusCode::UNSUPPORTED_MEDIA_TYPE],
                    "no content type",
                ),
                (
                    Some("application/x-www-form-urlencoded"),
                    b"name=x".to_vec(),
                    &[StatusCode::UNSUPPORTED_MEDIA_TYPE],
                    "form to the API",
                ),
                (
                    j,
                    big_json.clone(),
                    &[StatusCode::PAYLOAD_TOO_LARGE],
                    "10 MB",
                ),
                (
                    j,
                    b"{\"capacity\": 1e400}".to_vec(),
                    &[
                        StatusCode::BAD_REQUEST,
                        StatusCode::UNAUTHORIZED,
                        StatusCode::UNPROCESSABLE_ENTITY,
                    ],
                    "huge number",
                ),
            ];
            for (ct, body, wanted, what) in cases {
                let request = raw(&admin, Method::POST, path, ct, &csrf, body);
                expect_status(&admin, request, wanted, &format!("{what} to {path}")).await;
            }
        }
        // The same for forms.
        let form = Some("application/x-www-form-urlencoded");
        let form_cases: [(Option<&str>, Vec<u8>, StatusCode, &str); 4] = [
            (
                form,
                [b"csrf_token=".as_slice(), csrf.as_bytes(), b"&name=\xff"].concat(),
                StatusCode::BAD_REQUEST,
                "invalid UTF-8",
            ),
            (
                Some("application/json"),
                b"{}".to_vec(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "JSON to a form",
            ),
            (
                form,
                [b"csrf_token=".as_slice(), csrf.as_bytes(), b"&name="]
                    .concat()
                    .into_iter()
                    .chain(big.clone())
                    .collect(),
                StatusCode::PAYLOAD_TOO_LARGE,
                "10 MB",
            ),
            (
                form,
                [b"csrf_token=".as_slice(), csrf.as_bytes(), b"&name=%FF%00"].concat(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "percent-encoded junk",
            ),
        ];
        for (ct, body, wanted, what) in form_cases {
            let request = raw(&admin, Method::POST, "/account/tokens", ct, &csrf, body);
            expect_status(&admin, request, &[wanted], what).await;
        }
        assert_eq!(
            counts(&admin, &fx).await,
            before,
            "nothing was created or changed"
        );
    })
    .await;
}

/// A NUL character is text to us but not to every database: it must be refused politely.
#[tokio::test]
async fn nul_characters_are_refused_not_crashed_on() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let email = "ana\u{0}@example.org";
        let signup = visitor
            .post_json("/api/v1/auth/signup", &json!({"email": email, "display_name": "Ana", "password": "correct horse battery"}))
            .await;
        signup.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(signup.json()["errors"]["email"].is_string());
        let login = visitor.post_json("/api/v1/auth/login", &json!({"email": email, "password": "whatever it is"})).await;
        login.expect(StatusCode::UNAUTHORIZED);
        let form = visitor.post_form("/login", &[("email", email), ("password", "whatever it is")]).await;
        form.expect(StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_not_found() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let before = counts(&admin, &fx).await;
        let random = uuid::Uuid::new_v4();
        let org = fx.org;
        let gets = [
            format!("/api/v1/orgs/{random}"),
            "/api/v1/orgs/not-a-uuid".to_owned(),
            format!("/api/v1/orgs/{org}/programs/{random}"),
            format!("/api/v1/orgs/{org}/programs/12345"),
            format!("/api/v1/orgs/{org}/locations/%00"),
            format!("/api/v1/orgs/{org}/groups/{}", fx.program),
            "/api/v1/groups/..%2F..%2Fetc%2Fpasswd".to_owned(),
            format!("/api/v1/groups/{random}"),
            format!("/groups/{random}"),
            "/groups/%F0%9F%92%A9".to_owned(),
            "/groups/%FF".to_owned(),
            "/api/v1/groups/%FF".to_owned(),
            format!("/api/v1/orgs/%C3/programs/{random}"),
            "/orgs/%FF/programs".to_owned(),
            format!("/orgs/{random}"),
            format!("/orgs/{org}/programs/{random}/edit"),
            format!("/orgs/{org}/groups/not-a-uuid"),
            "/setup/unknown-token".to_owned(),
            "/static/..%2FCargo.toml".to_owned(),
        ];
        for path in &gets {
            let resp = admin.get(path).await;
            assert_eq!(
                resp.status,
                StatusCode::NOT_FOUND,
                "{path}: {}",
                resp.text()
            );
        }
        let program = json!({"name": "P", "level_of_care": "outpatient"});
        let writes: Vec<(Method, String, Option<Value>)> = vec![
            (
                Method::PUT,
                format!("/api/v1/orgs/{org}/programs/{random}"),
                Some(program.clone()),
            ),
            (
                Method::PUT,
                format!("/api/v1/orgs/{org}/programs/x"),
                Some(program),
            ),
            (
                Method::POST,
                format!("/api/v1/orgs/{org}/groups/{random}/archive"),
                None,
            ),
            (
                Method::POST,
                format!("/api/v1/orgs/{random}/programs"),
                Some(json!({"name": "P", "level_of_care": "outpatient"})),
            ),
            (
                Method::DELETE,
                format!("/api/v1/orgs/{org}/staff/{random}"),
                None,
            ),
            (
                Method::DELETE,
                "/api/v1/me/tokens/not-a-uuid".to_owned(),
                None,
            ),
            (Method::DELETE, format!("/api/v1/me/tokens/{random}"), None),
        ];
        for (method, path, body) in writes {
            let resp = admin.json(method.clone(), &path, body.as_ref()).await;
            assert_eq!(
                resp.status,
                StatusCode::NOT_FOUND,
                "{method} {path}: {}",
                resp.text()
            );
        }
        let page = admin
            .post_form(&format!("/account/tokens/{random}/revoke"), &[])
            .await;
        page.expect(StatusCode::NOT_FOUND);
        assert_eq!(counts(&admin, &fx).await, before);
    })
    .await;
}
