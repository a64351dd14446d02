//! A member's own attendance.

use super::MyMark;
use crate::auth::Actor;
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// How many of their marks a member sees at most: years of thrice-weekly sessions.
const MY_MARKS: i64 = 500;

/// The signed-in person's marks in every group, newest session first.
pub async fn my_attendance(store: &dyn Store, actor: &Actor) -> Result<Vec<MyMark>, Error> {
    let me = authorize(actor, Access::OwnAccount)?.ok_or(Error::Unauthenticated)?;
    Ok(store.marks_of_member(me.account_id, MY_MARKS).await?)
}
