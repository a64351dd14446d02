//! The one place that decides who may do what. Every use case asks here first.
//!
//! | access            | visitor | member | peer_specialist | clinician | org_admin |
//! |-------------------|---------|--------|-----------------|-----------|-----------|
//! | `Public`          | yes     | yes    | yes             | yes       | yes       |
//! | `OwnAccount`      | no      | yes    | yes             | yes       | yes       |
//! | `ViewOrg(org)`    | no      | no     | own org         | own org   | own org   |
//! | `ManageOrg(org)`  | no      | no     | no              | no        | own org   |
//! | `ClinicalOrg(org)`| no      | no     | no              | own org   | own org   |
//! | `RunGroup(group)` | no      | no     | its facilitator | its facilitator | own org |
//! | `GroupNotes(group)`| no     | no     | its facilitator | own org   | own org   |
//! | `MemberChart(org, groups)` | no | no | facilitator of one of the groups | own org | own org |
//!
//! A visitor is told to sign in; a signed-in person without the grant gets
//! [`Error::NotFound`], the same answer as for an object that does not exist, so nobody
//! learns what another organization holds.

use crate::auth::{Actor, SignedIn};
use crate::groups::Group;
use crate::ids::OrgId;
use crate::orgs::Role;
use crate::Error;

#[derive(Debug, Clone, Copy)]
pub enum Access<'a> {
    /// Public directory pages and the public group page.
    Public,
    /// The caller's own account, dashboard and tokens.
    OwnAccount,
    /// Reading an organization's structure: staff of that organization.
    ViewOrg(OrgId),
    /// Creating, editing and archiving programs, locations, groups and staff roles.
    ManageOrg(OrgId),
    /// One member's clinical record across the organization's groups (hours, reports) and
    /// the intake queue (requests to join, with contact details and screening answers):
    /// clinicians and administrators.
    ClinicalOrg(OrgId),
    /// Running one group: its schedule, sessions, roster changes and attendance. The group's
    /// facilitators and the organization's administrators.
    RunGroup(&'a Group),
    /// Reading a group's notes and adding addenda: those who run the group, and the
    /// organization's clinicians (who co-sign peer specialists' notes).
    GroupNotes(&'a Group),
    /// One member's chart in an organization: its clinicians and administrators, and the
    /// facilitators of any of the given groups (the member's groups there).
    MemberChart(OrgId, &'a [Group]),
}

/// Grants or refuses; returns the signed-in person when the access needs one.
pub fn authorize<'a>(actor: &'a Actor, access: Access<'_>) -> Result<Option<&'a SignedIn>, Error> {
    if matches!(access, Access::Public) {
        return Ok(actor.signed_in());
    }
    let me = actor.signed_in().ok_or(Error::Unauthenticated)?;
    let granted = match access {
        Access::Public | Access::OwnAccount => true,
        Access::ViewOrg(org) => me.role_in(org).is_some(),
        Access::ManageOrg(org) => me.role_in(org) == Some(Role::OrgAdmin),
        Access::ClinicalOrg(org) => me.role_in(org).is_some_and(clinical),
        Access::RunGroup(group) => runs(me, group),
        Access::GroupNotes(group) => {
            me.role_in(group.org_id).is_some_and(clinical) || runs(me, group)
        }
        Access::MemberChart(org, groups) => {
            me.role_in(org).is_some_and(clinical)
                || groups.iter().any(|g| g.org_id == org && runs(me, g))
        }
    };
    if granted {
        Ok(Some(me))
    } else {
        Err(Error::NotFound)
    }
}

/// A facilitator of the group who is still staff of its organization, or its administrator.
fn runs(me: &SignedIn, group: &Group) -> bool {
    me.role_in(group.org_id) == Some(Role::OrgAdmin)
        || (me.role_in(group.org_id).is_some()
            && group
                .facilitators
                .iter()
                .any(|f| f.account_id == me.account_id))
}

/// For use cases that need the signed-in person itself.
pub fn signed_in(actor: &Actor) -> Result<&SignedIn, Error> {
    actor.signed_in().ok_or(Error::Unauthenticated)
}

/// The roles that `ClinicalOrg` grants: an organization's clinicians and administrators.
/// Also who is told about work that needs them, such as a new request to join.
pub fn clinical(role: Role) -> bool {
    matches!(role, Role::Clinician | Role::OrgAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::DisplayName;
    use crate::ids::AccountId;
    use crate::orgs::OrgRole;

    fn person(roles: &[(OrgId, Role)]) -> Actor {
        Actor::SignedIn(SignedIn {
            account_id: AccountId::new(),
            display_name: DisplayName::from_trusted("Test".into()),
            roles: roles
                .iter()
                .map(|(org_id, role)| OrgRole {
                    org_id: *org_id,
                    org_name: "Org".into(),
                    role: *role,
                })
                .collect(),
            auth_session: None,
        })
    }

    #[test]
    fn table_holds_for_every_role() {
        let org = OrgId::new();
        let other = OrgId::new();
        let cases = [
            (Actor::Visitor, [true, false, false, false]),
            (person(&[]), [true, true, false, false]),
            (
                person(&[(org, Role::PeerSpecialist)]),
                [true, true, true, false],
            ),
            (person(&[(org, Role::Clinician)]), [true, true, true, false]),
            (person(&[(org, Role::OrgAdmin)]), [true, true, true, true]),
            (
                person(&[(other, Role::OrgAdmin)]),
                [true, true, false, false],
            ),
        ];
        for (actor, expected) in cases {
            let accesses = [
                Access::Public,
                Access::OwnAccount,
                Access::ViewOrg(org),
                Access::ManageOrg(org),
            ];
            for (access, allowed) in accesses.into_iter().zip(expected) {
                assert_eq!(
                    authorize(&actor, access).is_ok(),
                    allowed,
                    "{actor:?} {access:?}"
                );
            }
        }
    }

    #[test]
    fn clinical_records_and_running_a_group_follow_the_table() {
        use crate::groups::{EnrollmentMode, Facilitator, Format, Group, GroupKind, Language};
        use crate::ids::{GroupId, LocationId, ProgramId};
        let org = OrgId::new();
        let peer = person(&[(org, Role::PeerSpecialist)]);
        let clinician = person(&[(org, Role::Clinician)]);
        let other_clinician = person(&[(org, Role::Clinician)]);
        let admin = person(&[(org, Role::OrgAdmin)]);
        let elsewhere = person(&[(OrgId::new(), Role::OrgAdmin)]);
        let lead = clinician.signed_in().unwrap().account_id;
        let group = Group {
            facilitators: vec![Facilitator {
                account_id: lead,
                display_name: "Lead".into(),
                role: Role::Clinician,
                lead: true,
            }],
            id: GroupId::new(),
            org_id: org,
            program_id: ProgramId::new(),
            location_id: LocationId::new(),
            name: "Evening IOP".into(),
            description: String::new(),
            kind: GroupKind::Therapy,
            enrollment: EnrollmentMode::Rolling,
            format: Format::InPerson,
            capacity: 10,
            min_size: 1,
            language: Language::English,
            time_zone: chrono_tz::UTC,
            focus_areas: Vec::new(),
            payment_options: Vec::new(),
            audiences: Vec::new(),
            offer_hours: 0,
            billing_code: String::new(),
            billing_modifier: String::new(),
            created_at: chrono::DateTime::UNIX_EPOCH,
            archived_at: None,
        };
        let clinical = |a: &Actor| authorize(a, Access::ClinicalOrg(org)).is_ok();
        let runs = |a: &Actor| authorize(a, Access::RunGroup(&group)).is_ok();
        assert_eq!(
            [&peer, &clinician, &admin, &elsewhere].map(clinical),
            [false, true, true, false]
        );
        assert_eq!(
            [&peer, &clinician, &other_clinician, &admin, &elsewhere].map(runs),
            [false, true, false, true, false]
        );
    }

    #[test]
    fn visitors_are_asked_to_sign_in_and_others_see_not_found() {
        let org = OrgId::new();
        assert!(matches!(
            authorize(&Actor::Visitor, Access::ViewOrg(org)),
            Err(Error::Unauthenticated)
        ));
        assert!(matches!(
            authorize(&person(&[]), Access::ViewOrg(org)),
            Err(Error::NotFound)
        ));
    }
}
