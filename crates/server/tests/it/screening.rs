//! The anonymous self-screen: the JSON API and the pages, crisis resources first.

use axum::http::StatusCode;
use kindred_domain::instruments;
use kindred_domain::screening::{self, QUESTIONS};
use serde_json::{json, Map, Value};

use crate::support::each_backend;

/// Every answer at its least concern, then `set` (key, choice code) over it.
fn answers(set: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = instruments::ALL
        .iter()
        .flat_map(|i| {
            i.items.iter().map(move |item| {
                (
                    format!("{}.{}", i.code, item.code),
                    item.options[0].code.to_owned(),
                )
            })
        })
        .chain(
            QUESTIONS
                .iter()
                .map(|q| (q.code.to_owned(), q.options[0].code.to_owned())),
        )
        .collect();
    for (key, value) in set {
        match all.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = (*value).to_owned(),
            None => all.push(((*key).to_owned(), (*value).to_owned())),
        }
    }
    all
}

fn as_json(answers: &[(String, String)]) -> Value {
    Value::Object(
        answers
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect::<Map<_, _>>(),
    )
}

fn as_form(answers: &[(String, String)]) -> Vec<(&str, &str)> {
    answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn api_names_every_missing_answer_and_gives_nothing_partial() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let resp = visitor.post_json("/api/v1/screening", &json!({})).await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let body = resp.json();
        let errors = body["errors"].as_object().unwrap();
        for key in screening::required_keys() {
            assert_eq!(errors[&key], "Answer this question.", "{key}");
        }
        assert_eq!(errors.len(), 28);
        assert!(body.get("scores").is_none());

        // One missing, one out of range, one unknown key, a bad sex: each named, no result.
        let mut set = answers(&[("audit-c.q2", "7"), ("sex", "x"), ("phq-9.q10", "1")]);
        set.retain(|(k, _)| k != "gad-7.q4");
        let resp = visitor.post_json("/api/v1/screening", &as_json(&set)).await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let errors = resp.json()["errors"].as_object().unwrap().clone();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert_eq!(errors["gad-7.q4"], "Answer this question.");
        assert_eq!(errors["audit-c.q2"], "Choose one of the answers given.");
        assert!(errors.contains_key("sex"));
        assert!(errors.contains_key("phq-9.q10"));

        // Numbers are accepted as codes.
        let mut body = as_json(&answers(&[]));
        body["phq-9.q1"] = json!(2);
        let resp = visitor.post_json("/api/v1/screening", &body).await;
        resp.expect(StatusCode::OK);
        assert_eq!(resp.json()["scores"][0]["total"], 2);
    })
    .await;
}

#[tokio::test]
async fn api_urgent_answer_puts_crisis_resources_first_even_with_low_totals() {
    each_backend(|app| async move {
        let resp = app
            .visitor()
            .post_json(
                "/api/v1/screening",
                &as_json(&answers(&[("phq-9.q9", "1")])),
            )
            .await;
        resp.expect(StatusCode::OK);
        let text = resp.text();
        assert!(
            text.starts_with("{\"urgent\":true,\"crisis_resources\":[{"),
            "{text}"
        );
        let body = resp.json();
        assert_eq!(body["scores"][0]["total"], 1);
        assert_eq!(body["scores"][0]["band"]["code"], "minimal");
        let hrefs: Vec<&str> = body["crisis_resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["href"].as_str().unwrap())
            .collect();
        assert_eq!(hrefs, ["tel:988", "sms:988", "tel:911"]);
        assert!(body["reasons"][0].as_str().unwrap().contains("988"));
    })
    .await;
}

#[tokio::test]
async fn an_incomplete_screen_with_item_9_above_0_still_shows_crisis_resources_first() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let mut set = answers(&[("phq-9.q9", "1")]);
        set.retain(|(k, _)| k != "gad-7.q2");

        let resp = visitor.post_json("/api/v1/screening", &as_json(&set)).await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let text = resp.text();
        assert!(
            text.starts_with("{\"urgent\":true,\"crisis_resources\":[{"),
            "{text}"
        );
        let body = resp.json();
        assert_eq!(body["errors"]["gad-7.q2"], "Answer this question.");
        assert!(body.get("scores").is_none());

        let resp = visitor.post_form("/screening", &as_form(&set)).await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        let html = resp.text();
        let crisis = html.find("class=\"crisis\"").unwrap();
        let form = html
            .find("<form method=\"post\" action=\"/screening\"")
            .unwrap();
        assert!(crisis < form);
        assert!(html[crisis..form].contains("tel:988"));
        assert_eq!(
            resp.field_error("gad-7.q2").as_deref(),
            Some("Answer this question.")
        );

        // Missing answers without item 9 above 0: no crisis block, a plain 422.
        let mut calm = answers(&[]);
        calm.retain(|(k, _)| k != "gad-7.q2");
        let resp = visitor
            .post_json("/api/v1/screening", &as_json(&calm))
            .await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(resp.json().get("urgent").is_none());
        let resp = visitor.post_form("/screening", &as_form(&calm)).await;
        assert!(!resp.text().contains("class=\"crisis\""));
    })
    .await;
}

/// Answers set over the calm ones, the guidance and the directory link expected.
type Case = (
    &'static [(&'static str, &'static str)],
    &'static str,
    &'static str,
);

#[tokio::test]
async fn api_guidance_for_representative_answers() {
    each_backend(|app| async move {
        let cases: &[Case] = &[
            (&[], "peer_support", "/find?care=peer_support"),
            (
                &[
                    ("gad-7.q1", "3"),
                    ("gad-7.q2", "3"),
                    ("gad-7.q3", "3"),
                    ("gad-7.q4", "2"),
                ],
                "outpatient_group",
                "/find?care=outpatient&focus=anxiety",
            ),
            (
                &[("taps-1.drugs", "weekly")],
                "intensive_outpatient",
                "/find?care=intensive_outpatient&focus=substance_use",
            ),
            (
                &[
                    ("audit-c.q1", "4"),
                    ("audit-c.q2", "4"),
                    ("withdrawal", "mild"),
                ],
                "more_than_outpatient",
                "/find?care=intensive_outpatient&care=partial_hospitalization&focus=alcohol_use",
            ),
        ];
        for (set, guidance, link) in cases {
            let resp = app
                .visitor()
                .post_json("/api/v1/screening", &as_json(&answers(set)))
                .await;
            resp.expect(StatusCode::OK);
            let body = resp.json();
            assert_eq!(body["guidance"], *guidance, "{set:?}");
            assert_eq!(body["directory_link"], *link, "{set:?}");
            assert_eq!(body["urgent"], false);
            assert!(!body["reasons"].as_array().unwrap().is_empty());
        }
    })
    .await;
}

#[tokio::test]
async fn page_form_renders_and_missing_answers_come_back_at_each_question() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let resp = visitor.get("/screening").await;
        resp.expect(StatusCode::OK);
        let html = resp.text();
        assert!(html.contains("nothing is stored"));
        assert!(html.contains("<legend>9. Thoughts that you would be better off dead"));
        assert!(html.contains("name=\"phq-9.q9\" value=\"3\""));
        assert!(html.contains("name=\"keep_up\" value=\"no\""));
        // Linked from the front page.
        assert!(visitor
            .get("/")
            .await
            .text()
            .contains("href=\"/screening\""));

        let mut set = answers(&[("phq-9.q1", "2")]);
        set.retain(|(k, _)| k != "phq-9.q3" && k != "housing");
        let resp = visitor.post_form("/screening", &as_form(&set)).await;
        resp.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            resp.field_error("phq-9.q3").as_deref(),
            Some("Answer this question.")
        );
        assert_eq!(
            resp.field_error("housing").as_deref(),
            Some("Answer this question.")
        );
        assert_eq!(resp.field_error("phq-9.q2"), None);
        // What was answered stays chosen.
        assert!(resp
            .text()
            .contains("name=\"phq-9.q1\" value=\"2\" checked"));
        assert!(!resp.text().contains("Your screening result"));
    })
    .await;
}

#[tokio::test]
async fn page_result_puts_the_crisis_block_first() {
    each_backend(|app| async move {
        let visitor = app.visitor();
        let resp = visitor
            .post_form("/screening", &as_form(&answers(&[("phq-9.q9", "2")])))
            .await;
        resp.expect(StatusCode::OK);
        let html = resp.text();
        let main = html.find("<main").unwrap();
        let crisis = html.find("class=\"crisis\"").unwrap();
        let result = html.find("Your screening result</h2>").unwrap();
        let scores = html.find("id=\"scores-heading\"").unwrap();
        assert!(main < crisis && crisis < result && result < scores);
        // Nothing but whitespace between the start of the content and the crisis block.
        let content_start = html[main..].find('>').unwrap() + main + 1;
        assert!(html[content_start..crisis].trim().starts_with("<section"));
        for href in ["tel:988", "sms:988", "tel:911"] {
            assert!(html[crisis..result].contains(href), "{href}");
        }
        assert!(html.contains("screening results, not a diagnosis"));
        let link = html.find("Find groups that match this result").unwrap();
        let anchor = &html[html[..link].rfind("<a ").unwrap()..link];
        assert_eq!(
            anchor,
            "<a href=\"/find?care=intensive_outpatient&#38;care=partial_hospitalization\">"
        );

        // Without item 9 there is no crisis block, and the page starts with the result.
        let resp = visitor
            .post_form("/screening", &as_form(&answers(&[])))
            .await;
        resp.expect(StatusCode::OK);
        let html = resp.text();
        assert!(!html.contains("class=\"crisis\""));
        assert!(html.contains("<h1>Your screening result</h1>"));
        assert!(html.contains("A peer support group"));
        assert!(
            !html.contains("/request"),
            "no group context, no request form"
        );
    })
    .await;
}

#[tokio::test]
async fn with_a_group_the_result_offers_a_request_carrying_the_answers() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let visitor = app.visitor();
        let group = fx.peer_group.to_string();
        let page = visitor.get(&format!("/groups/{group}")).await;
        assert!(page
            .text()
            .contains(&format!("href=\"/screening?group={group}\">Check whether this group fits you")));

        let resp = visitor.get(&format!("/screening?group={group}")).await;
        resp.expect(StatusCode::OK);
        assert!(resp.text().contains("Tuesday Peer Circle"));
        assert!(resp
            .text()
            .contains(&format!("<input type=\"hidden\" name=\"group\" value=\"{group}\">")));
        // An unknown or malformed group is simply no context.
        visitor.get("/screening?group=nope").await.expect(StatusCode::OK);

        let mut set = answers(&[("phq-9.q2", "1"), ("sex", "female")]);
        set.push(("group".into(), group.clone()));
        let resp = visitor.post_form("/screening", &as_form(&set)).await;
        resp.expect(StatusCode::OK);
        let html = resp.text();
        let form = html
            .find(&format!("<form method=\"post\" action=\"/groups/{group}/request\">"))
            .expect("request form");
        let form_html = &html[form..form + html[form..].find("</form>").unwrap()];
        assert!(form_html.contains("Request to join Tuesday Peer Circle with this result attached"));
        assert!(form_html.contains("name=\"phq-9.q2\" value=\"1\""));
        assert!(form_html.contains("name=\"sex\" value=\"female\""));
        assert!(form_html.contains("name=\"treatment\" value=\"none\""));
        assert!(!form_html.contains("name=\"group\""));
        for key in screening::required_keys() {
            assert!(form_html.contains(&format!("name=\"{key}\"")), "{key}");
        }

        // A signed-in person's post needs the session's token, like every form.
        let member = app.client_for(&fx.member).await;
        let resp = member.post_form("/screening", &as_form(&answers(&[]))).await;
        resp.expect(StatusCode::OK);
        let raw = serde_html_form::to_string(as_form(&answers(&[]))).unwrap();
        let refused = member.post_form_raw("/screening", &raw).await;
        assert_ne!(refused.status, StatusCode::OK);
    })
    .await;
}
