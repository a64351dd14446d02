//! First run: an empty installation hands out a one-time link where the first person creates
//! their organization and becomes its administrator.

use axum::http::StatusCode;
use kindred_domain::orgs;

use crate::support::{each_backend, t0, PASSWORD};

#[tokio::test]
async fn the_setup_link_creates_the_first_organization_once() {
    each_backend(|app| async move {
        let token = orgs::begin_setup(app.store(), t0())
            .await
            .unwrap()
            .expect("an empty install gets a link");
        let link = format!("/setup/{}", token.expose());
        let browser = app.visitor();
        assert!(browser
            .get(&link)
            .await
            .expect(StatusCode::OK)
            .text()
            .contains("Create organization"));

        // Bad input re-renders the form with messages and spends nothing.
        let bad = browser
            .post_form(
                &link,
                &[
                    ("org_name", ""),
                    ("email", "not-an-email"),
                    ("display_name", "Dana"),
                    ("password", "short"),
                ],
            )
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["org_name", "email", "password"] {
            assert!(bad.field_error(field).is_some(), "a message at {field}");
        }
        assert!(!app.store().has_organizations().await.unwrap());

        let done = browser
            .post_form(
                &link,
                &[
                    ("org_name", "Lakeside Counseling"),
                    ("email", "dana@lakeside.test"),
                    ("display_name", "Dana"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        let dashboard = done
            .location()
            .expect("a redirect to the new organization")
            .to_owned();
        assert!(dashboard.starts_with("/orgs/"));
        let page = browser.get(&dashboard).await;
        page.expect(StatusCode::OK);
        assert!(page.text().contains("Lakeside Counseling"));
        let me = browser.get("/api/v1/me").await.json();
        assert_eq!(me["roles"][0]["role"], "org_admin");

        // The link works once, and a set-up installation hands out no more links.
        app.visitor().get(&link).await.expect(StatusCode::NOT_FOUND);
        assert!(orgs::begin_setup(app.store(), t0())
            .await
            .unwrap()
            .is_none());
    })
    .await;
}
