use chrono::{DateTime, Utc};

use super::live::*;
use super::signals::*;
use super::Seat;
use crate::ids::{AccountId, SessionId};
use crate::techniques::TimedStep;

fn t(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_900_000_000 + seconds, 0).unwrap_or_default()
}

struct Cast {
    room: Room,
    lead: AccountId,
    sam: AccountId,
    kim: AccountId,
}

fn cast() -> Cast {
    let mut room = Room::new(SessionId::new());
    let (lead, sam, kim) = (AccountId::new(), AccountId::new(), AccountId::new());
    for (id, name, seat) in [
        (lead, "Lee", Seat::Facilitator),
        (sam, "Sam", Seat::Member),
        (kim, "Kim", Seat::Member),
    ] {
        room.join(Present {
            account_id: id,
            name: name.into(),
            seat,
        });
    }
    Cast {
        room,
        lead,
        sam,
        kim,
    }
}

fn hands(notices: &[Notice]) -> (Vec<AccountId>, Option<AccountId>) {
    match notices.last().map(|n| &n.event) {
        Some(Event::Hands { queue, speaking }) => (queue.clone(), *speaking),
        other => panic!("expected the hands, got {other:?}"),
    }
}

#[test]
fn raised_hands_queue_in_order_and_the_facilitator_gives_the_floor() {
    let Cast {
        mut room,
        lead,
        sam,
        kim,
    } = cast();
    room.apply(kim, Command::RaiseHand, t(0)).unwrap();
    let n = room.apply(sam, Command::RaiseHand, t(1)).unwrap();
    assert_eq!(hands(&n), (vec![kim, sam], None));
    // Raising twice keeps one place.
    let n = room.apply(kim, Command::RaiseHand, t(2)).unwrap();
    assert_eq!(hands(&n).0, vec![kim, sam]);
    // Members cannot give the floor.
    assert_eq!(
        room.apply(sam, Command::GiveFloor { to: sam }, t(3)),
        Err(RoomError::FacilitatorsOnly)
    );
    let n = room
        .apply(lead, Command::GiveFloor { to: kim }, t(3))
        .unwrap();
    assert_eq!(hands(&n), (vec![sam], Some(kim)));
    let n = room.apply(kim, Command::EndTurn, t(4)).unwrap();
    assert_eq!(hands(&n), (vec![sam], None));
    // Leaving takes a raised hand out of the queue.
    let n = room.leave(sam);
    assert_eq!(hands(&n), (vec![], None));
}

#[test]
fn with_the_talking_piece_on_only_its_holder_and_facilitators_post() {
    let Cast {
        mut room,
        lead,
        sam,
        kim,
    } = cast();
    assert_eq!(room.may_post(sam, t(0)), Ok(()));
    room.apply(lead, Command::TalkingPiece { on: true }, t(0))
        .unwrap();
    assert_eq!(room.may_post(sam, t(0)), Err(RoomError::NotYourTurn));
    assert_eq!(room.may_post(lead, t(0)), Ok(()));
    room.apply(lead, Command::PassPiece { to: sam }, t(1))
        .unwrap();
    assert_eq!(room.may_post(sam, t(1)), Ok(()));
    assert_eq!(room.may_post(kim, t(1)), Err(RoomError::NotYourTurn));
    // The holder passes it on.
    room.apply(sam, Command::PassPiece { to: kim }, t(2))
        .unwrap();
    assert_eq!(room.may_post(kim, t(2)), Ok(()));
    assert_eq!(
        room.apply(sam, Command::PassPiece { to: sam }, t(3)),
        Err(RoomError::FacilitatorsOnly)
    );
    room.apply(lead, Command::TalkingPiece { on: false }, t(4))
        .unwrap();
    assert_eq!(room.may_post(sam, t(4)), Ok(()));
}

#[test]
fn a_check_in_round_takes_a_mood_and_a_word_from_each_member() {
    let Cast {
        mut room,
        lead,
        sam,
        ..
    } = cast();
    let share = |mood, word: &str| Command::CheckIn {
        mood,
        word: word.into(),
    };
    assert_eq!(
        room.apply(sam, share(3, "tired"), t(0)),
        Err(RoomError::NoCheckIn)
    );
    room.apply(lead, Command::StartCheckIn, t(0)).unwrap();
    for bad in [
        share(0, "ok"),
        share(6, "ok"),
        share(3, " "),
        share(3, &"x".repeat(41)),
    ] {
        assert_eq!(room.apply(sam, bad, t(1)), Err(RoomError::BadCheckIn));
    }
    let n = room.apply(sam, share(2, " tired "), t(2)).unwrap();
    assert!(matches!(
        &n[0].event,
        Event::CheckedIn { entry } if entry.mood == 2 && entry.word == "tired" && entry.name == "Sam"
    ));
    room.apply(lead, Command::EndCheckIn, t(3)).unwrap();
    assert_eq!(
        room.apply(sam, share(4, "better"), t(4)),
        Err(RoomError::NoCheckIn)
    );
}

#[test]
fn a_guided_exercise_counts_down_the_same_for_everyone() {
    let Cast {
        mut room,
        lead,
        sam,
        ..
    } = cast();
    let steps = vec![
        TimedStep {
            seconds: 30,
            text: "Breathe in slowly.".into(),
        },
        TimedStep {
            seconds: 60,
            text: "Picture a safe place.".into(),
        },
    ];
    assert_eq!(
        room.start_exercise(sam, "Safe place".into(), steps.clone(), t(0)),
        Err(RoomError::FacilitatorsOnly)
    );
    assert_eq!(
        room.start_exercise(lead, "Safe place".into(), Vec::new(), t(0)),
        Err(RoomError::NoSteps)
    );
    room.start_exercise(lead, "Safe place".into(), steps, t(100))
        .unwrap();
    let exercise = room.exercise().unwrap();
    assert_eq!(exercise.at(t(100)), Some((0, 30)));
    assert_eq!(exercise.at(t(129)), Some((0, 1)));
    assert_eq!(exercise.at(t(130)), Some((1, 60)));
    assert_eq!(exercise.at(t(190)), None);
    room.apply(lead, Command::StopExercise, t(150)).unwrap();
    assert!(room.exercise().is_none());
}

#[test]
fn mutes_last_their_minutes_and_removal_and_the_end_are_the_facilitators() {
    let Cast {
        mut room,
        lead,
        sam,
        kim,
    } = cast();
    let mute = |minutes| Command::Mute {
        member: sam,
        minutes,
    };
    assert_eq!(room.apply(lead, mute(0), t(0)), Err(RoomError::BadMute));
    assert_eq!(room.apply(lead, mute(121), t(0)), Err(RoomError::BadMute));
    let n = room.apply(lead, mute(5), t(0)).unwrap();
    assert_eq!(n[0].to, Audience::One(sam));
    assert_eq!(room.may_post(sam, t(299)), Err(RoomError::Muted(t(300))));
    assert_eq!(room.may_post(sam, t(300)), Ok(()));

    // "I need a moment" goes to the facilitators only.
    let n = room.apply(kim, Command::NeedAMoment, t(301)).unwrap();
    assert_eq!(n[0].to, Audience::Facilitators);

    assert_eq!(
        room.apply(kim, Command::Remove { member: sam }, t(302)),
        Err(RoomError::FacilitatorsOnly)
    );
    let n = room
        .apply(lead, Command::Remove { member: sam }, t(302))
        .unwrap();
    assert!(n
        .iter()
        .any(|x| matches!(x.event, Event::Removed { account_id } if account_id == sam)));
    assert!(room.is_removed(sam));
    assert!(room.present().all(|p| p.account_id != sam));

    assert_eq!(
        room.apply(kim, Command::End, t(400)),
        Err(RoomError::FacilitatorsOnly)
    );
    room.apply(lead, Command::End, t(400)).unwrap();
    assert_eq!(room.ended_at(), Some(t(400)));
    assert_eq!(room.may_post(kim, t(401)), Err(RoomError::Ended));
    assert_eq!(
        room.apply(kim, Command::RaiseHand, t(401)),
        Err(RoomError::Ended)
    );
}
