//! Guessing passwords: after five failed sign-ins for one email, further tries wait until the
//! window ends, whether or not the account exists, and other people are not affected.

use axum::http::StatusCode;
use kindred_domain::auth::{MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW};

use crate::support::{each_backend, PASSWORD};

#[tokio::test]
async fn repeated_failures_make_the_next_sign_in_wait() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let guesser = app.visitor();
        for _ in 0..MAX_FAILED_SIGN_INS {
            guesser
                .api_login(&fx.member.email, "wrong password 123")
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
        // Even the right password waits now: the guesser cannot tell when they hit it.
        let refused = guesser.api_login(&fx.member.email, PASSWORD).await;
        refused.expect(StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.json()["error"]
            .as_str()
            .unwrap()
            .contains("Wait 15 minutes"));
        let form = app
            .visitor()
            .post_form(
                "/login",
                &[("email", &fx.member.email), ("password", PASSWORD)],
            )
            .await;
        form.expect(StatusCode::TOO_MANY_REQUESTS);
        assert!(form.text().contains("Too many sign-in attempts"));

        // An unknown email is counted the same way, so the answer reveals nothing.
        for _ in 0..MAX_FAILED_SIGN_INS {
            guesser
                .api_login("nobody@clinic.test", "wrong password 123")
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
        guesser
            .api_login("nobody@clinic.test", "wrong password 123")
            .await
            .expect(StatusCode::TOO_MANY_REQUESTS);

        // Someone else signs in as usual, and the member can again once the window has passed.
        app.visitor()
            .api_login(&fx.peer.email, PASSWORD)
            .await
            .expect(StatusCode::OK);
        app.advance(SIGN_IN_WINDOW);
        app.visitor()
            .api_login(&fx.member.email, PASSWORD)
            .await
            .expect(StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_successful_sign_in_clears_earlier_typos() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let person = app.visitor();
        for _ in 0..MAX_FAILED_SIGN_INS - 1 {
            person
                .api_login(&fx.member.email, "typo password 123")
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
        person
            .api_login(&fx.member.email, PASSWORD)
            .await
            .expect(StatusCode::OK);
        for _ in 0..MAX_FAILED_SIGN_INS - 1 {
            person
                .api_login(&fx.member.email, "typo password 123")
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
        person
            .api_login(&fx.member.email, PASSWORD)
            .await
            .expect(StatusCode::OK);
    })
    .await;
}
