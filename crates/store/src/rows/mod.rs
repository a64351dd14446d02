//! Row structs shared by both backends (`FromRow` derives are generic over the row type)
//! and their conversion into domain types.

mod accounts;
mod groups;
mod orgs;
mod places;
mod sessions;

pub(crate) use accounts::{AccountRow, ApiTokenRow, AuthSessionRow};
pub(crate) use groups::{CardRow, FacilitatorRow, GroupRow, TagRow};
pub(crate) use orgs::{OrgRoleRow, OrgRow, StaffRow};
pub(crate) use places::{LocationRow, ProgramRow};
pub(crate) use sessions::{MyGroupRow, SessionRow};

/// Tag kinds in `group_tags`: one table holds the three group vocabularies.
pub(crate) const FOCUS_AREA: &str = "focus_area";
pub(crate) const PAYMENT_OPTION: &str = "payment_option";
pub(crate) const AUDIENCE: &str = "audience";
