//! Rooms' chat messages on every backend: sequence numbers without gaps, a retry with the
//! same client id storing nothing twice, concurrent senders never sharing a number, reading
//! from a sequence number on, and hiding with a reason.

use std::sync::Arc;

use kindred_domain::ids::{RoomMessageId, SessionId};
use kindred_domain::rooms::NewMessage;
use kindred_domain::Store;
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, group, location, org, program, scheduled_session};

fn message(
    session: SessionId,
    author: kindred_domain::ids::AccountId,
    client_id: &str,
    body: &str,
) -> NewMessage {
    NewMessage {
        id: RoomMessageId::new(),
        session_id: session,
        client_id: client_id.into(),
        author_id: author,
        body: body.into(),
        sent_at: at(1),
    }
}

#[tokio::test]
async fn a_rooms_messages_are_numbered_once_each_and_read_back_in_order() {
    for (backend, database) in all_backends().await {
        let store: Arc<dyn Store> = database.store();
        let clinic = org("Harbor Clinic");
        store.create_organization(clinic.clone()).await.unwrap();
        let member = store
            .create_account(account("sam@example.org", "Sam"))
            .await
            .unwrap();
        let lead = store
            .create_account(account("lee@example.org", "Lee"))
            .await
            .unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Online");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let g = group(&p, &l, "Evening circle");
        store.insert_group(g.clone()).await.unwrap();
        let session = scheduled_session(g.id, 0);
        store.insert_session(session.clone()).await.unwrap();
        let room = session.id;

        let first = store
            .append_message(message(room, member.id, "c1", "Hello everyone"))
            .await
            .unwrap();
        assert_eq!(
            (first.seq, first.author_name.as_str()),
            (1, "Sam"),
            "{backend}"
        );
        let second = store
            .append_message(message(room, lead.id, "c1", "Welcome, Sam"))
            .await
            .unwrap();
        assert_eq!(second.seq, 2, "{backend}: client ids are each sender's own");

        // The same client id again (a retry after a lost acknowledgement): nothing new.
        let retry = store
            .append_message(message(room, member.id, "c1", "Hello everyone"))
            .await
            .unwrap();
        assert_eq!((retry.id, retry.seq), (first.id, 1), "{backend}");

        // Twenty senders at once: each gets its own number, none is skipped.
        let mut sends = Vec::new();
        for n in 0..20 {
            let store = Arc::clone(&store);
            let m = message(room, member.id, &format!("burst-{n}"), "burst");
            sends.push(tokio::spawn(async move { store.append_message(m).await }));
        }
        let mut seqs = Vec::new();
        for send in sends {
            seqs.push(send.await.unwrap().unwrap().seq);
        }
        seqs.sort_unstable();
        assert_eq!(seqs, (3..=22).collect::<Vec<i64>>(), "{backend}");

        // A client that saw up to 2 gets exactly the rest, in order.
        let missed = store.messages_after(room, 2, 100).await.unwrap();
        assert_eq!(missed.len(), 20, "{backend}");
        assert!(missed.iter().zip(3..).all(|(m, seq)| m.seq == seq));
        let page = store.messages_after(room, 0, 2).await.unwrap();
        assert_eq!(
            page.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
            ["Hello everyone", "Welcome, Sam"]
        );

        // Hidden with a reason: the text no longer comes back; hiding again keeps the first.
        let hidden = store
            .hide_message(
                room,
                1,
                lead.id,
                "Named someone outside the group".into(),
                at(5),
            )
            .await
            .unwrap()
            .unwrap();
        let why = hidden.hidden.as_ref().unwrap();
        assert_eq!(
            (why.by, why.reason.as_str()),
            (lead.id, "Named someone outside the group")
        );
        assert_eq!(hidden.body, "", "{backend}");
        let again = store
            .hide_message(room, 1, lead.id, "Other".into(), at(6))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            again.hidden.unwrap().reason,
            "Named someone outside the group"
        );
        assert!(store
            .hide_message(room, 99, lead.id, "x".into(), at(6))
            .await
            .unwrap()
            .is_none());
        let read = store.messages_after(room, 0, 1).await.unwrap();
        assert!(
            read[0].hidden.is_some() && read[0].body.is_empty(),
            "{backend}"
        );
        database.close().await;
    }
}
