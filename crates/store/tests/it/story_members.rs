//! The story's last chapter: sessions, enrollments and a member's "my groups".

use kindred_domain::enrollments::{Enrollment, EnrollmentStatus};
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::Store;

use crate::fixtures::{account, at};
use crate::story::Cast;

pub async fn sessions_and_members(
    backend: &str,
    store: &dyn Store,
    cast: &Cast,
    calm: &kindred_domain::groups::Group,
    archived: &kindred_domain::groups::Group,
) {
    let session = |start: i64, status: SessionStatus| GroupSession {
        id: SessionId::new(),
        group_id: calm.id,
        starts_at: at(start),
        ends_at: at(start + 90),
        status,
        cancel_reason: if status == SessionStatus::Cancelled {
            "Snow".into()
        } else {
            String::new()
        },
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    };
    let now = at(10_000);
    let ended = session(9_000, SessionStatus::Held);
    let ongoing = session(9_950, SessionStatus::Scheduled);
    let cancelled = session(10_500, SessionStatus::Cancelled);
    let next = session(11_000, SessionStatus::Scheduled);
    let later = session(12_000, SessionStatus::Scheduled);
    for s in [&later, &ended, &next, &cancelled, &ongoing] {
        store.insert_session(s.clone()).await.unwrap();
    }
    let upcoming = store.sessions_of_group(calm.id, now, 10).await.unwrap();
    let ids: Vec<_> = upcoming.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [ongoing.id, cancelled.id, next.id, later.id],
        "{backend}: not ended, earliest first"
    );
    assert_eq!(
        (upcoming[1].status, upcoming[1].cancel_reason.as_str()),
        (SessionStatus::Cancelled, "Snow")
    );
    assert_eq!(
        (upcoming[2].starts_at, upcoming[2].ends_at),
        (next.starts_at, next.ends_at)
    );
    assert_eq!(
        store
            .sessions_of_group(calm.id, now, 2)
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(store
        .sessions_of_group(archived.id, now, 10)
        .await
        .unwrap()
        .is_empty());

    let enroll =
        |group: GroupId, account, status| Enrollment::recorded(group, account, status, at(1), 1);
    let other = account("dee@example.org", "Dee");
    store.create_account(other.clone()).await.unwrap();
    for e in [
        enroll(calm.id, cast.member, EnrollmentStatus::Active),
        enroll(calm.id, other.id, EnrollmentStatus::Active),
        enroll(calm.id, cast.admin, EnrollmentStatus::Requested),
        enroll(archived.id, cast.member, EnrollmentStatus::Waitlisted),
        enroll(archived.id, other.id, EnrollmentStatus::Withdrawn),
    ] {
        store.insert_enrollment(e).await.unwrap();
    }
    assert_eq!(
        store.active_member_count(calm.id).await.unwrap(),
        2,
        "{backend}"
    );
    assert_eq!(store.active_member_count(archived.id).await.unwrap(), 0);

    // "My groups": current enrollments only, each with its next session; a cancelled one
    // shows, so nobody travels to a session that is off.
    let mine = store.groups_of_member(cast.member, now).await.unwrap();
    let lines: Vec<_> = mine
        .iter()
        .map(|m| (m.group.name.as_str(), m.status))
        .collect();
    assert_eq!(
        lines,
        [
            ("Archived circle", EnrollmentStatus::Waitlisted),
            ("Calm skills", EnrollmentStatus::Active)
        ],
        "{backend}"
    );
    assert!(mine[0].next_session.is_none());
    let upcoming = mine[1].next_session.as_ref().unwrap();
    assert_eq!(
        (
            upcoming.id,
            upcoming.status,
            upcoming.cancel_reason.as_str()
        ),
        (cancelled.id, SessionStatus::Cancelled, "Snow"),
        "{backend}: the cancelled session is the next one"
    );
    assert_eq!(upcoming.group_id, calm.id);
    assert_eq!(mine[1].group.active_members, 2);
    assert!(
        store.groups_of_member(other.id, now).await.unwrap().len() == 1,
        "{backend}: withdrawn left out"
    );
    let after_all = store
        .groups_of_member(cast.member, at(20_000))
        .await
        .unwrap();
    assert!(after_all.iter().all(|m| m.next_session.is_none()));
}
