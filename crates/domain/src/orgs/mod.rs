//! Organizations, the tenant boundary, and the staff who work in them.

mod dashboard;
mod organization;
mod setup;
mod staff;

pub use dashboard::{org_dashboard, OrgDashboard};
pub use organization::{create_organization, organization, organization_to_manage, Organization};
pub use setup::{begin_setup, complete_setup, setup_token_is_open, SetupInput};
pub use staff::{add_staff, remove_staff, staff_of, AddStaffInput, OrgRole, Role, StaffMember};
