//! Entering a session's room, on every backend, through the domain's use case and the real
//! store (the room's pages and connection build on it): members on the roster once they
//! signed the agreement and only within the room's hours, facilitators without signing,
//! everyone else refused with the reason.

use chrono::Duration;
use kindred_domain::rooms::{enter, Refusal, Seat};
use serde_json::json;

use crate::support::each_backend;

#[tokio::test]
async fn the_room_lets_in_its_members_and_facilitators_at_the_right_time() {
    each_backend(|app| async move {
        let fx = app.fixture().await;
        let store = app.store();
        let member = app.actor(&fx.member).await;
        let refusal = |decided: Result<_, kindred_domain::rooms::RoomRefused>| {
            decided.err().map(|refused| refused.refusal)
        };

        // Not signed yet: the agreement comes first.
        let now = app.state.now();
        let decided = enter(store, &member, fx.session, false, None, now)
            .await
            .unwrap();
        assert_eq!(
            refusal(decided),
            Some(Refusal::AgreementUnsigned { version: 1 })
        );

        let signed = app
            .client_for(&fx.member)
            .await
            .post_json(
                &format!("/api/v1/orgs/{}/agreement/signatures", fx.org),
                &json!({"version": 1, "typed_name": "Robin", "confirm": true}),
            )
            .await;
        signed.expect(axum::http::StatusCode::CREATED);

        // Signed, but tomorrow's room is not open yet.
        let session = store.session(fx.session).await.unwrap().unwrap();
        let decided = enter(store, &member, fx.session, false, None, now)
            .await
            .unwrap();
        assert_eq!(
            refusal(decided),
            Some(Refusal::NotYetOpen {
                opens_at: session.starts_at - Duration::minutes(15)
            })
        );

        // Ten minutes before the start the member is in, under their group name.
        app.advance(session.starts_at - now - Duration::minutes(10));
        let now = app.state.now();
        let pass = enter(store, &member, fx.session, false, None, now)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (pass.seat, pass.name.as_str()),
            (Seat::Member, fx.member.name.as_str())
        );

        // The group's facilitator enters without signing; to a peer specialist of the
        // organization who does not run the group the room does not exist.
        let lead = app.actor(&fx.clinician).await;
        let pass = enter(store, &lead, fx.session, false, None, now)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pass.seat, Seat::Facilitator);
        let peer = app.actor(&fx.peer).await;
        let decided = enter(store, &peer, fx.session, false, None, now).await;
        assert!(matches!(decided, Err(kindred_domain::Error::NotFound)));

        // Removed from the room, or the room ended: refused with that reason.
        let decided = enter(store, &member, fx.session, true, None, now)
            .await
            .unwrap();
        assert_eq!(refusal(decided), Some(Refusal::Removed));
        let decided = enter(store, &member, fx.session, false, Some(now), now)
            .await
            .unwrap();
        assert_eq!(refusal(decided), Some(Refusal::Closed { closed_at: now }));

        // A new version of the agreement asks the member to sign again before entering.
        app.client_for(&fx.admin)
            .await
            .post_json(
                &format!("/api/v1/orgs/{}/agreement/versions", fx.org),
                &json!({"replaces": 1, "title": "Agreement", "body": "Updated text."}),
            )
            .await
            .expect(axum::http::StatusCode::CREATED);
        let decided = enter(store, &member, fx.session, false, None, now)
            .await
            .unwrap();
        assert_eq!(
            refusal(decided),
            Some(Refusal::AgreementUnsigned { version: 2 })
        );

        // An unknown session is not found.
        let unknown = enter(
            store,
            &member,
            kindred_domain::ids::SessionId::new(),
            false,
            None,
            now,
        )
        .await;
        assert!(matches!(unknown, Err(kindred_domain::Error::NotFound)));
    })
    .await;
}
