//! The group agreement through the real router: Kindred's default text as version 1, a
//! member signing it on the page and by the API, bad input and a stale version refused with
//! nothing stored, a new version asking everyone to sign again, and who may publish and see
//! the signatures.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::each_backend;

#[tokio::test]
async fn a_member_signs_the_default_agreement_and_signs_again_after_a_new_version() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let member = app.client_for(&fx.member).await;
        let agreement = format!("/api/v1/orgs/{}/agreement", fx.org);

        // Anyone may read the agreement in effect: Kindred's default, version 1.
        let current = app.visitor().get(&agreement).await;
        current.expect(StatusCode::OK);
        assert_eq!(current.json()["version"], 1);
        assert!(current.json()["published_by"].is_null());
        assert!(current.json()["body"]
            .as_str()
            .unwrap()
            .contains("limits to confidentiality"));

        // Unsigned at first; the page offers the form.
        let status = member.get(&format!("{agreement}/status")).await;
        assert!(status.json()["signed"].is_null());
        let page = member.get(&format!("/orgs/{}/agreement", fx.org)).await;
        page.expect(StatusCode::OK);
        assert!(page.text().contains("Sign the agreement"));

        // An empty name and no confirmation: both named, nothing stored.
        let refused = member
            .post_form(
                &format!("/orgs/{}/agreement/sign", fx.org),
                &[("version", "1"), ("typed_name", "  ")],
            )
            .await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("Type your name to sign."));
        assert!(refused.text().contains("Tick the box to confirm"));
        let status = member.get(&format!("{agreement}/status")).await;
        assert!(status.json()["signed"].is_null(), "nothing was signed");

        // Signed on the page: the page says so.
        let signed = member
            .post_form(
                &format!("/orgs/{}/agreement/sign", fx.org),
                &[("version", "1"), ("typed_name", "Sam Rivera"), ("confirm", "on")],
            )
            .await;
        signed.expect(StatusCode::SEE_OTHER);
        let page = member.get(&format!("/orgs/{}/agreement", fx.org)).await;
        assert!(page.text().contains("You signed version 1 as “Sam Rivera”"));
        let status = member.get(&format!("{agreement}/status")).await;
        assert_eq!(status.json()["signed"]["version"], 1);
        assert_eq!(status.json()["signed"]["typed_name"], "Sam Rivera");

        // Signing again keeps the first signature.
        let again = member
            .post_json(
                &format!("{agreement}/signatures"),
                &json!({"version": 1, "typed_name": "S. Rivera", "confirm": true}),
            )
            .await;
        again.expect(StatusCode::CREATED);
        assert_eq!(again.json()["typed_name"], "Sam Rivera");

        // The administrator publishes version 2; the default stays on record as version 1.
        let admin = app.client_for(&fx.admin).await;
        let published = admin
            .post_json(
                &format!("{agreement}/versions"),
                &json!({"replaces": 1, "title": "Our agreement", "body": "What is said here stays here."}),
            )
            .await;
        published.expect(StatusCode::CREATED);
        assert_eq!(published.json()["version"], 2);
        let current = member.get(&agreement).await;
        assert_eq!(current.json()["title"], "Our agreement");

        // The member must sign again; signing the old version is refused.
        let status = member.get(&format!("{agreement}/status")).await;
        assert!(status.json()["signed"].is_null());
        assert_eq!(status.json()["earlier"]["version"], 1);
        let stale = member
            .post_form(
                &format!("/orgs/{}/agreement/sign", fx.org),
                &[("version", "1"), ("typed_name", "Sam Rivera"), ("confirm", "on")],
            )
            .await;
        stale.expect(StatusCode::CONFLICT);
        assert!(stale.text().contains("no longer the current one"));
        assert!(stale.text().contains("What is said here stays here."));
        let signed = member
            .post_json(
                &format!("{agreement}/signatures"),
                &json!({"version": 2, "typed_name": "Sam Rivera", "confirm": true}),
            )
            .await;
        signed.expect(StatusCode::CREATED);
        assert_eq!(signed.json()["version"], 2);

        // A second publisher who edited version 1 meanwhile is told, and nothing changes.
        let late = admin
            .post_json(
                &format!("{agreement}/versions"),
                &json!({"replaces": 1, "title": "Older edit", "body": "Text"}),
            )
            .await;
        late.expect(StatusCode::CONFLICT);
        assert_eq!(member.get(&agreement).await.json()["version"], 2);

        // Staff see both signatures, newest first.
        let clinician = app.client_for(&fx.clinician).await;
        let list = clinician.get(&format!("{agreement}/signatures")).await;
        list.expect(StatusCode::OK);
        let versions: Vec<i64> = list
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["version"].as_i64().unwrap())
            .collect();
        assert_eq!(versions, [2, 1]);
    })
    .await;
}

#[tokio::test]
async fn only_administrators_publish_and_only_staff_see_signatures() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let agreement = format!("/api/v1/orgs/{}/agreement", fx.org);
        let body = json!({"replaces": 1, "title": "Changed", "body": "Changed text"});
        for person in [&fx.member, &fx.clinician, &fx.peer, &fx.other_admin] {
            let client = app.client_for(person).await;
            let refused = client
                .post_json(&format!("{agreement}/versions"), &body)
                .await;
            refused.expect(StatusCode::NOT_FOUND);
            let form = client
                .get(&format!("/orgs/{}/agreement/edit", fx.org))
                .await;
            form.expect(StatusCode::NOT_FOUND);
        }
        for person in [&fx.member, &fx.other_admin] {
            let client = app.client_for(person).await;
            let refused = client.get(&format!("{agreement}/signatures")).await;
            refused.expect(StatusCode::NOT_FOUND);
        }
        // Nothing was published.
        let current = app.visitor().get(&agreement).await;
        assert_eq!(current.json()["version"], 1);
        assert!(current.json()["published_by"].is_null());

        // A visitor reads but cannot sign; an unknown organization has no agreement.
        let visitor = app.visitor();
        let refused = visitor
            .post_json(
                &format!("{agreement}/signatures"),
                &json!({"version": 1, "typed_name": "X", "confirm": true}),
            )
            .await;
        refused.expect(StatusCode::UNAUTHORIZED);
        let unknown = visitor
            .get(&format!(
                "/api/v1/orgs/{}/agreement",
                kindred_domain::ids::OrgId::new()
            ))
            .await;
        unknown.expect(StatusCode::NOT_FOUND);

        // The administrator's form publishes a new version from the page.
        let admin = app.client_for(&fx.admin).await;
        let form = admin.get(&format!("/orgs/{}/agreement/edit", fx.org)).await;
        form.expect(StatusCode::OK);
        assert!(form.text().contains("Publish version 2"));
        let empty = admin
            .post_form(
                &format!("/orgs/{}/agreement/edit", fx.org),
                &[("replaces", "1"), ("title", ""), ("body", "")],
            )
            .await;
        empty.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().contains("Write the agreement"));
        let published = admin
            .post_form(
                &format!("/orgs/{}/agreement/edit", fx.org),
                &[
                    ("replaces", "1"),
                    ("title", "House rules"),
                    ("body", "Be kind.\n\nListen."),
                ],
            )
            .await;
        published.expect(StatusCode::SEE_OTHER);
        let page = admin.get(&format!("/orgs/{}/agreement", fx.org)).await;
        assert!(page.text().contains("House rules"));
        assert!(page.text().contains("<p>Listen.</p>"));
    })
    .await;
}
