//! The technique library and session plans on every backend: an organization's own plan
//! reads back as written and stays its own, edits and archiving are kept, a session plan
//! keeps its order and its snapshots whatever the library does later, a refused change
//! writes nothing.

use chrono::Duration;
use kindred_domain::ids::{SessionId, SessionPlanItemId, TechniqueId};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::techniques::{
    attach, builtins, detach, move_item, MoveDirection, SessionPlanItem, Technique, TechniqueInput,
};
use kindred_domain::{Error, StoreError};
use kindred_store::testing::all_backends;

use crate::fixtures::{account, at, group, location, org, program, scheduled_session};

fn own_plan(title: &str) -> TechniqueInput {
    TechniqueInput {
        title: title.into(),
        kind: "psychoeducation".into(),
        purpose: "Explain how routines support recovery.".into(),
        minutes: "30".into(),
        sections: "# Key points\n- Routines lower stress.\n- Plan the evenings.\n# Handout\n- \
                   My week"
            .into(),
        steps: "20 Take a breath.".into(),
        response_prompt: "Routines: what the member planned:".into(),
    }
}

fn item(plan: &Technique, minutes: i64) -> SessionPlanItem {
    SessionPlanItem {
        id: SessionPlanItemId::new(),
        session_id: SessionId::new(),
        position: 0,
        technique_id: Some(plan.id),
        snapshot: plan.clone(),
        added_by: None,
        added_at: at(minutes),
    }
}

fn titles(items: &[SessionPlanItem]) -> Vec<(String, i32)> {
    items
        .iter()
        .map(|i| (i.snapshot.title.clone(), i.position))
        .collect()
}

#[tokio::test]
async fn plans_stay_with_their_organization_and_session_plans_keep_their_snapshots() {
    for (backend, database) in all_backends().await {
        let store = database.store();
        let clinic = org("Harbor Clinic");
        let other = org("Elsewhere");
        store.create_organization(clinic.clone()).await.unwrap();
        store.create_organization(other.clone()).await.unwrap();
        let author = account("author@example.org", "Ada Author");
        store.create_account(author.clone()).await.unwrap();
        let p = program(clinic.id, "IOP");
        let l = location(clinic.id, "Main St");
        store.insert_program(p.clone()).await.unwrap();
        store.insert_location(l.clone()).await.unwrap();
        let g = group(&p, &l, "Evening skills");
        store.insert_group(g.clone()).await.unwrap();
        let session = scheduled_session(g.id, 60 * 24);
        store.insert_session(session.clone()).await.unwrap();

        // An organization's own plan reads back as written, for that organization only.
        let plan = own_plan("Routines").parse().unwrap().into_new(clinic.id);
        store
            .insert_technique(plan.clone(), author.id, at(0))
            .await
            .unwrap();
        let read = store.technique(clinic.id, plan.id).await.unwrap();
        assert_eq!(read.as_ref(), Some(&plan), "{backend}");
        assert_eq!(store.technique(other.id, plan.id).await.unwrap(), None);
        assert!(store.techniques_of(other.id).await.unwrap().is_empty());
        let second = own_plan("Anger and the body")
            .parse()
            .unwrap()
            .into_new(clinic.id);
        store
            .insert_technique(second.clone(), author.id, at(1))
            .await
            .unwrap();
        let listed: Vec<String> = store
            .techniques_of(clinic.id)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect();
        assert_eq!(listed, ["Anger and the body", "Routines"], "{backend}");

        // The session plan: a built-in plan and the organization's own, in order.
        let check_in = builtins()
            .into_iter()
            .find(|t| t.title == "Opening check-in round")
            .unwrap();
        let first = item(&check_in, 2);
        let own = item(&plan, 3);
        let own_id = own.id;
        for next in [first, own] {
            store
                .change_session_plan(session.id, Box::new(move |s, items| attach(s, items, next)))
                .await
                .unwrap()
                .unwrap();
        }
        let stored = store.session_plan(session.id).await.unwrap();
        assert_eq!(
            titles(&stored),
            [
                ("Opening check-in round".to_owned(), 0),
                ("Routines".to_owned(), 1)
            ],
            "{backend}"
        );
        assert_eq!(stored[1].snapshot, plan);
        assert_eq!(stored[1].technique_id, Some(plan.id));
        assert_eq!(stored[1].added_at, at(3));
        assert_eq!(stored[1].session_id, session.id);

        // Editing and archiving the library plan leaves the snapshot alone.
        let edited = Technique {
            title: "Routines, revised".into(),
            archived: true,
            ..own_plan("x").parse().unwrap().apply(plan.clone())
        };
        store.update_technique(edited.clone(), at(4)).await.unwrap();
        assert_eq!(
            store.technique(clinic.id, plan.id).await.unwrap(),
            Some(edited.clone())
        );
        assert_eq!(
            store.session_plan(session.id).await.unwrap()[1]
                .snapshot
                .title,
            "Routines",
            "{backend}"
        );
        // Another organization cannot write over it.
        let stolen = Technique {
            org_id: Some(other.id),
            ..edited.clone()
        };
        assert!(matches!(
            store.update_technique(stolen, at(5)).await,
            Err(StoreError::NotFound)
        ));
        let unknown = Technique {
            id: TechniqueId::new(),
            ..edited
        };
        assert!(matches!(
            store.update_technique(unknown, at(5)).await,
            Err(StoreError::NotFound)
        ));

        // Moving and removing keep positions without gaps.
        let moved = store
            .change_session_plan(
                session.id,
                Box::new(move |_, items| move_item(items, own_id, MoveDirection::Up)),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            titles(&moved),
            [
                ("Routines".to_owned(), 0),
                ("Opening check-in round".to_owned(), 1)
            ],
            "{backend}"
        );
        let left = store
            .change_session_plan(session.id, Box::new(move |_, items| detach(items, own_id)))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(titles(&left), [("Opening check-in round".to_owned(), 0)]);

        // A refused change writes nothing; an unknown session is not found.
        let refused = store
            .change_session_plan(session.id, Box::new(move |_, items| detach(items, own_id)))
            .await
            .unwrap();
        assert!(matches!(refused, Err(Error::NotFound)), "{backend}");
        assert_eq!(store.session_plan(session.id).await.unwrap(), left);
        let cancelled = GroupSession {
            id: SessionId::new(),
            status: SessionStatus::Cancelled,
            starts_at: session.starts_at + Duration::days(7),
            ends_at: session.ends_at + Duration::days(7),
            ..session.clone()
        };
        store.insert_session(cancelled.clone()).await.unwrap();
        let late = item(&check_in, 9);
        let refused = store
            .change_session_plan(
                cancelled.id,
                Box::new(move |s, items| attach(s, items, late)),
            )
            .await
            .unwrap();
        assert!(matches!(refused, Err(Error::Conflict(_))), "{backend}");
        assert!(store.session_plan(cancelled.id).await.unwrap().is_empty());
        let missing = store
            .change_session_plan(SessionId::new(), Box::new(|_, items| Ok(items.to_vec())))
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound)), "{backend}");
    }
}
