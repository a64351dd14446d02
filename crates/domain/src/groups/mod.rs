//! Groups: the recurring gatherings members join, with who leads them and for whom they are.

mod group;
mod input;
mod lookup;
mod manage;
mod public;
mod rules;
mod vocabulary;

pub use group::{Facilitator, Group, GroupCard};
pub use input::{GroupContext, GroupInput, GroupSpec};
pub use lookup::group_in_org;
pub use manage::{
    archive_group, create_group, group, group_form_options, groups_of_org, update_group,
    GroupFormOptions,
};
pub use public::{public_group, public_groups, PublicGroup};
pub use rules::lead_is_qualified;
pub use vocabulary::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};
