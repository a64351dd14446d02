use super::GroupKind;
use crate::orgs::Role;

/// Who may lead which kind of group: therapy and psychoeducation need a licensed clinician;
/// peer support and skills groups may be led by a peer specialist or a clinician.
/// Program administrators lead groups only if they also hold a clinical role.
pub fn lead_is_qualified(kind: GroupKind, role: Role) -> bool {
    match kind {
        GroupKind::Therapy | GroupKind::Psychoeducation => role == Role::Clinician,
        GroupKind::PeerSupport | GroupKind::Skills => {
            matches!(role, Role::Clinician | Role::PeerSpecialist)
        }
    }
}

/// The message shown at the lead field when the rule is broken.
pub(crate) fn lead_requirement(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Therapy | GroupKind::Psychoeducation => {
            "A therapy or psychoeducation group needs a clinician as its lead."
        }
        GroupKind::PeerSupport | GroupKind::Skills => {
            "This group needs a peer specialist or a clinician as its lead."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn therapy_needs_a_clinician() {
        assert!(lead_is_qualified(GroupKind::Therapy, Role::Clinician));
        assert!(!lead_is_qualified(GroupKind::Therapy, Role::PeerSpecialist));
        assert!(!lead_is_qualified(
            GroupKind::Psychoeducation,
            Role::OrgAdmin
        ));
    }

    #[test]
    fn peer_support_takes_a_peer_or_a_clinician() {
        assert!(lead_is_qualified(
            GroupKind::PeerSupport,
            Role::PeerSpecialist
        ));
        assert!(lead_is_qualified(GroupKind::PeerSupport, Role::Clinician));
        assert!(!lead_is_qualified(GroupKind::PeerSupport, Role::OrgAdmin));
    }
}
