//! The staff pages: an administrator sets up the organization with plain HTML forms; other
//! staff read the same pages without the controls.

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::each_backend;

#[tokio::test]
async fn admin_runs_programs_and_locations_through_the_forms() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let org = fx.org;
        let new = admin.get(&format!("/orgs/{org}/programs/new")).await;
        new.expect(StatusCode::OK);
        assert!(
            new.csrf_token().is_some(),
            "the form carries its CSRF token"
        );

        let bad = admin
            .post_form(
                &format!("/orgs/{org}/programs"),
                &[("name", "Family Program"), ("level_of_care", "asam-9")],
            )
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.text().contains("value=\"Family Program\""),
            "the input is kept"
        );
        assert!(bad
            .field_error("level_of_care")
            .unwrap()
            .contains("Unknown value"));

        let made = admin
            .post_form(
                &format!("/orgs/{org}/programs"),
                &[
                    ("name", "Family Program"),
                    ("level_of_care", "outpatient"),
                    ("part2", "on"),
                    ("description", "Tuesdays."),
                ],
            )
            .await;
        assert_eq!(
            made.location(),
            Some(format!("/orgs/{org}/programs").as_str())
        );
        let programs = admin
            .get(&format!("/api/v1/orgs/{org}/programs"))
            .await
            .json();
        let family = find(&programs, "Family Program");
        assert_eq!(family["part2"], true);
        let id = family["id"].as_str().unwrap().to_owned();
        let list = admin.get(&format!("/orgs/{org}/programs")).await;
        assert!(list.text().contains("Family Program"));

        let edit = admin.get(&format!("/orgs/{org}/programs/{id}/edit")).await;
        assert!(edit.text().contains("value=\"Family Program\""));
        // An unticked checkbox is simply absent from the form.
        admin
            .post_form(
                &format!("/orgs/{org}/programs/{id}"),
                &[("name", "Family Program"), ("level_of_care", "outpatient")],
            )
            .await
            .expect(StatusCode::SEE_OTHER);
        let programs = admin
            .get(&format!("/api/v1/orgs/{org}/programs"))
            .await
            .json();
        assert_eq!(find(&programs, "Family Program")["part2"], false);
        admin
            .post_form(&format!("/orgs/{org}/programs/{id}/archive"), &[])
            .await
            .expect(StatusCode::SEE_OTHER);
        let programs = admin
            .get(&format!("/api/v1/orgs/{org}/programs"))
            .await
            .json();
        assert!(find(&programs, "Family Program")["archived_at"].is_string());

        let site = [
            ("name", "North Site"),
            ("kind", "physical"),
            ("address", "9 North Rd"),
            ("city", "Hartford"),
            ("latitude", "abc"),
            ("longitude", "-72.6"),
        ];
        let bad = admin
            .post_form(&format!("/orgs/{org}/locations"), &site)
            .await;
        bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.text().contains("value=\"abc\""),
            "the mistyped value is shown to be fixed"
        );
        assert!(bad.field_error("latitude").is_some());
        let mut site = site.to_vec();
        site[4] = ("latitude", "41.8");
        admin
            .post_form(&format!("/orgs/{org}/locations"), &site)
            .await
            .expect(StatusCode::SEE_OTHER);
        let locations = admin
            .get(&format!("/api/v1/orgs/{org}/locations"))
            .await
            .json();
        assert_eq!(find(&locations, "North Site")["latitude"], 41.8);
    })
    .await;
}

fn find<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {list}"))
}

#[tokio::test]
async fn admin_creates_a_group_with_lists_through_the_form() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let org = fx.org;
        let (program, clinic, clinician, peer) = (
            fx.program.to_string(),
            fx.clinic.to_string(),
            fx.clinician.id.to_string(),
            fx.peer.id.to_string(),
        );
        let form = admin.get(&format!("/orgs/{org}/groups/new")).await;
        form.expect(StatusCode::OK);
        assert!(
            form.text().contains(&format!("value=\"{clinician}\"")),
            "staff are offered as leads"
        );
        let mut fields = vec![
            ("name", "Grief Therapy Group"),
            ("program_id", program.as_str()),
            ("location_id", clinic.as_str()),
            ("kind", "therapy"),
            ("enrollment", "closed_cohort"),
            ("format", "in_person"),
            ("capacity", "8"),
            ("min_size", "4"),
            ("language", "en"),
            ("time_zone", "America/New_York"),
            ("focus_areas", "grief"),
            ("focus_areas", "anxiety"),
            ("payment_options", "free"),
            ("lead_facilitator_id", peer.as_str()),
            ("co_facilitator_ids", clinician.as_str()),
        ];
        let refused = admin
            .post_form(&format!("/orgs/{org}/groups"), &fields)
            .await;
        refused.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            refused.field_error("lead_facilitator_id").as_deref(),
            Some("A therapy or psychoeducation group needs a clinician as its lead.")
        );
        let text = refused.text();
        assert!(
            text.contains("value=\"grief\" checked") && text.contains("value=\"anxiety\" checked"),
            "ticked boxes stay ticked"
        );
        assert!(text.contains("value=\"8\""), "typed numbers stay");

        fields[13] = ("lead_facilitator_id", clinician.as_str());
        fields[14] = ("co_facilitator_ids", peer.as_str());
        let made = admin
            .post_form(&format!("/orgs/{org}/groups"), &fields)
            .await;
        made.expect(StatusCode::SEE_OTHER);
        let staff_view = made.location().unwrap().to_owned();
        let id = staff_view.rsplit('/').next().unwrap().to_owned();
        let page = admin.get(&staff_view).await;
        page.expect(StatusCode::OK);
        assert!(page.text().contains("Grief Therapy Group"));
        let group = admin
            .get(&format!("/api/v1/orgs/{org}/groups/{id}"))
            .await
            .json();
        assert_eq!(
            group["focus_areas"],
            serde_json::json!(["anxiety", "grief"])
        );
        assert_eq!(group["enrollment"], "closed_cohort");
        assert_eq!(group["facilitators"].as_array().unwrap().len(), 2);
        let public = app.visitor().get(&format!("/groups/{id}")).await.text();
        assert!(public.contains("Therapist-led") && public.contains("8 of 8 seats open"));

        let edit = admin.get(&format!("/orgs/{org}/groups/{id}/edit")).await;
        assert!(edit.text().contains("value=\"grief\" checked"));
        admin
            .post_form(&format!("/orgs/{org}/groups/{id}/archive"), &[])
            .await
            .expect(StatusCode::SEE_OTHER);
        app.visitor()
            .get(&format!("/groups/{id}"))
            .await
            .expect(StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn staff_are_added_and_removed_and_non_admins_see_no_controls() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let admin = app.client_for(&fx.admin).await;
        let org = fx.org;
        let nico = app.account("nico@clinic.test", "Nico New").await;
        let unknown = admin
            .post_form(
                &format!("/orgs/{org}/staff"),
                &[("email", "ghost@clinic.test"), ("role", "clinician")],
            )
            .await;
        unknown.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.text().contains("value=\"ghost@clinic.test\""));
        assert!(unknown
            .field_error("email")
            .unwrap()
            .contains("sign up first"));
        admin
            .post_form(
                &format!("/orgs/{org}/staff"),
                &[("email", "nico@clinic.test"), ("role", "clinician")],
            )
            .await
            .expect(StatusCode::SEE_OTHER);
        let staff = admin.get(&format!("/orgs/{org}/staff")).await.text();
        assert!(staff.contains("Nico New"));
        let as_nico = app.client_for(&nico).await;
        as_nico
            .get(&format!("/orgs/{org}"))
            .await
            .expect(StatusCode::OK);
        admin
            .post_form(&format!("/orgs/{org}/staff/{}/remove", nico.id), &[])
            .await
            .expect(StatusCode::SEE_OTHER);
        as_nico
            .get(&format!("/orgs/{org}"))
            .await
            .expect(StatusCode::NOT_FOUND);

        let clinician = app.client_for(&fx.clinician).await;
        for page in ["programs", "locations", "groups", "staff"] {
            let resp = clinician.get(&format!("/orgs/{org}/{page}")).await;
            resp.expect(StatusCode::OK);
            let text = resp.text();
            assert!(
                !text.contains("/archive\"")
                    && !text.contains("/edit\"")
                    && !text.contains("/new\""),
                "{page}: controls shown"
            );
            assert!(!text.contains("/remove\""), "{page}: remove shown");
        }
        let group = clinician
            .get(&format!("/orgs/{org}/groups/{}", fx.therapy_group))
            .await;
        group.expect(StatusCode::OK);
        assert!(!group.text().contains("/edit\""));
    })
    .await;
}
