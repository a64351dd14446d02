//! Kindred's default agreement, version 1 of every organization that has not written its own.

use super::Agreement;
use crate::ids::OrgId;

pub const DEFAULT_TITLE: &str = "Group agreement: confidentiality and mutual respect";

/// Plain words, short paragraphs: it is read on a phone before a first session.
pub const DEFAULT_BODY: &str = "\
What is shared in the group stays in the group. You may talk about what you learned and how \
you feel, but not about who was there or what another member said. Do not take screenshots, \
photos, recordings or notes of other members.

There are limits to confidentiality. Your facilitators are health professionals or trained \
peer supporters, and they must act when someone is at risk of serious harm to themselves or \
others, when a child or a vulnerable adult may be abused or neglected, or when a court orders \
records to be shared. When that happens they will tell you, where they safely can.

We treat each other with respect. One person speaks at a time, and we listen without \
interrupting. We speak for ourselves (\"I feel\", not \"you always\"). No insults, threats, \
or remarks about anyone's identity, body, beliefs or recovery path. Anyone may pass when it \
is their turn to share.

In an online room, join from a private place where no one else can see or hear the group, \
use the name you chose for the group, and do not record the session in any way.

If the agreement is broken, a facilitator will talk with the people involved. Depending on \
what happened, a member may be muted, asked to leave the session, or no longer take part in \
the group. A breach of confidentiality is taken seriously and may be reported to the \
program.

By signing you say that you have read this agreement and will keep it.";

/// Version 1 for `org`, when it has none of its own.
pub fn default_agreement(org: OrgId) -> Agreement {
    Agreement {
        org_id: org,
        version: 1,
        title: DEFAULT_TITLE.to_owned(),
        body: DEFAULT_BODY.to_owned(),
        published_at: None,
        published_by: None,
    }
}
