//! A tiny user agent: keeps the session cookie from `Set-Cookie`, remembers the CSRF token
//! of the session (scraped from pages or read from the API), and sends what a browser or
//! an API client would.

use std::sync::Mutex;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt as _;
use serde_json::Value;

use super::{TestApp, HOST, SESSION_COOKIE};

pub struct Client<'a> {
    app: &'a TestApp,
    cookie: Mutex<Option<String>>,
    csrf: Mutex<Option<String>>,
    bearer: Option<String>,
}

impl<'a> Client<'a> {
    pub(super) fn new(app: &'a TestApp) -> Self {
        Self {
            app,
            cookie: Mutex::new(None),
            csrf: Mutex::new(None),
            bearer: None,
        }
    }

    /// A client that only presents `Authorization: Bearer <secret>`.
    pub fn with_bearer(app: &'a TestApp, secret: &str) -> Self {
        Self {
            bearer: Some(secret.to_owned()),
            ..Self::new(app)
        }
    }

    /// A client holding a session that was opened directly (no password check).
    pub fn with_session(app: &'a TestApp, token: &str, csrf: &str) -> Self {
        let client = Self::new(app);
        *client.cookie.lock().unwrap() = Some(token.to_owned());
        *client.csrf.lock().unwrap() = Some(csrf.to_owned());
        client
    }

    pub fn cookie(&self) -> Option<String> {
        self.cookie.lock().unwrap().clone()
    }

    /// Replaces the stored cookie, e.g. to replay an old one after sign-out.
    pub fn set_cookie(&self, value: Option<String>) {
        *self.cookie.lock().unwrap() = value;
        *self.csrf.lock().unwrap() = None;
    }

    /// A request with what this client always sends: Host, its cookie, its bearer token.
    pub fn request(&self, method: Method, path: &str) -> axum::http::request::Builder {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, HOST);
        if let Some(cookie) = self.cookie() {
            builder = builder.header(header::COOKIE, format!("{SESSION_COOKIE}={cookie}"));
        }
        if let Some(bearer) = &self.bearer {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {bearer}"));
        }
        builder
    }

    /// Sends a request and takes in any session cookie and CSRF token it carries.
    pub async fn send(&self, request: Request<Body>) -> Resp {
        let resp = self.app.send(request).await;
        for value in resp.headers.get_all(header::SET_COOKIE) {
            let value = value.to_str().unwrap();
            let Some(rest) = value.strip_prefix(&format!("{SESSION_COOKIE}=")) else {
                continue;
            };
            let token = rest.split(';').next().unwrap_or("").to_owned();
            let removed = token.is_empty() || value.contains("Max-Age=0");
            *self.cookie.lock().unwrap() = (!removed).then_some(token);
            *self.csrf.lock().unwrap() = None;
        }
        if let Some(token) = resp.csrf_token() {
            *self.csrf.lock().unwrap() = Some(token);
        }
        resp
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.send(self.request(Method::GET, path).body(Body::empty()).unwrap())
            .await
    }

    /// The session's CSRF token, as a page or `GET /api/v1/me` gives it.
    pub async fn csrf(&self) -> String {
        if let Some(token) = self.csrf.lock().unwrap().clone() {
            return token;
        }
        if self.cookie().is_none() {
            return String::new();
        }
        let me = self.get("/api/v1/me").await;
        me.json()["csrf_token"].as_str().unwrap_or("").to_owned()
    }

    /// A form post as the browser sends it from one of our pages: same origin, with the
    /// page's `csrf_token`. Repeat a key for list fields.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form_raw(path, &serde_html_form::to_string(&all).unwrap())
            .await
    }

    /// A form post exactly as given: no token added.
    pub async fn post_form_raw(&self, path: &str, body: &str) -> Resp {
        let request = self
            .request(Method::POST, path)
            .header(header::ORIGIN, "http://127.0.0.1:8080")
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .unwrap();
        self.send(request).await
    }

    /// An API call with a JSON body (or none), with the CSRF header when the client holds
    /// a session cookie.
    pub async fn json(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let mut builder = self.request(method, path);
        if self.cookie().is_some() {
            builder = builder.header("x-csrf-token", self.csrf().await);
        }
        let body = match body {
            Some(value) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                Body::from(serde_json::to_vec(value).unwrap())
            }
            None => Body::empty(),
        };
        self.send(builder.body(body).unwrap()).await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Resp {
        self.json(Method::POST, path, Some(body)).await
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Resp {
        self.json(Method::PUT, path, Some(body)).await
    }

    pub async fn post_empty(&self, path: &str) -> Resp {
        self.json(Method::POST, path, None).await
    }

    pub async fn delete(&self, path: &str) -> Resp {
        self.json(Method::DELETE, path, None).await
    }

    /// Signs in through the API; the cookie and CSRF token are kept.
    pub async fn api_login(&self, email: &str, password: &str) -> Resp {
        let resp = self
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"email": email, "password": password}),
            )
            .await;
        if let Some(token) = resp.json().get("csrf_token").and_then(Value::as_str) {
            *self.csrf.lock().unwrap() = Some(token.to_owned());
        }
        resp
    }
}

/// A response read to the end.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub(super) async fn read(response: axum::response::Response) -> Self {
        let (parts, body) = response.into_parts();
        let body = body.collect().await.unwrap().to_bytes().to_vec();
        Self {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON; `Value::Null` when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A redirect to the sign-in page (with or without the way back).
    pub fn sends_to_sign_in(&self) -> bool {
        self.status == StatusCode::SEE_OTHER
            && self
                .location()
                .is_some_and(|l| l == "/login" || l.starts_with("/login?next="))
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// The hidden `csrf_token` input of a page, when it has a non-empty one.
    pub fn csrf_token(&self) -> Option<String> {
        let text = self.text();
        let marker = "name=\"csrf_token\" value=\"";
        let start = text.find(marker)? + marker.len();
        let value = &text[start..start + text[start..].find('"')?];
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// The field error a form shows at `field`, if any.
    pub fn field_error(&self, field: &str) -> Option<String> {
        let text = self.text();
        let marker = format!("id=\"{field}-error\">");
        let start = text.find(&marker)? + marker.len();
        let end = start + text[start..].find("</p>")?;
        Some(text[start..end].replace("<span class=\"visually-hidden\">Error: </span>", ""))
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(&self, status: StatusCode) -> &Self {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text().chars().take(2000).collect::<String>()
        );
        self
    }
}
