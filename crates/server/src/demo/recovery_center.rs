//! The second demo organization: a peer recovery center, where groups are led by people
//! with lived experience of recovery. It shows a second tenant beside the clinic.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, LocationId, ProgramId};
use kindred_domain::locations::{create_location, LocationInput, LocationKind};
use kindred_domain::orgs::{create_organization, Role};
use kindred_domain::programs::{create_program, LevelOfCare, ProgramInput};
use kindred_domain::Error;

use super::plan::Site;
use super::{accounts, recovery_groups, Seed};

/// What the center's group plans refer to.
pub(super) struct Harbor {
    pub peer_support: ProgramId,
    pub drop_in_center: LocationId,
    pub online: LocationId,
    /// `peer@recovery.kindred.test`: leads every group at the center.
    pub marcus: AccountId,
}

pub(super) async fn build(seed: &Seed<'_>) -> Result<Site, Error> {
    let at = seed.setup_time();
    let org = create_organization(seed.store, at, "Harbor Peer Recovery Center").await?;
    let (admin, admin_listed) = accounts::staff(
        seed,
        &org,
        "admin@recovery.kindred.test",
        "Grace Holloway",
        Role::OrgAdmin,
    )
    .await?;
    let (marcus, marcus_listed) = accounts::staff(
        seed,
        &org,
        "peer@recovery.kindred.test",
        "Marcus Bell, CPRS",
        Role::PeerSpecialist,
    )
    .await?;
    let actor = accounts::actor(seed, &admin).await?;

    let program = ProgramInput {
        name: "Peer Recovery Support".into(),
        level_of_care: LevelOfCare::PeerSupport.code().into(),
        part2: false,
        description: "Free, non-clinical support from people who have been there. Come to a \
            group, meet a peer recovery coach, or just have a coffee at the drop-in center. \
            No referral, diagnosis or insurance needed."
            .into(),
        // A peer-run center has no clinician to take crisis alerts.
        on_call_id: String::new(),
    };
    let peer_support = create_program(seed.store, &actor, at, org.id, &program).await?;

    let drop_in_center = LocationInput {
        name: "Harbor Drop-in Center".into(),
        kind: LocationKind::Physical.code().into(),
        address: "320 Water Street".into(),
        city: "New Haven, CT".into(),
        postcode: "06511".into(),
        latitude: "41.2995".into(),
        longitude: "-72.9163".into(),
    };
    let online = LocationInput {
        name: "Harbor Online Meeting Room".into(),
        kind: LocationKind::Online.code().into(),
        ..LocationInput::default()
    };
    let drop_in_center = create_location(seed.store, &actor, at, org.id, &drop_in_center).await?;
    let online = create_location(seed.store, &actor, at, org.id, &online).await?;

    let ids = Harbor {
        peer_support: peer_support.id,
        drop_in_center: drop_in_center.id,
        online: online.id,
        marcus: marcus.id,
    };
    let groups = recovery_groups::plans(&ids);
    Ok(Site {
        org,
        admin: actor,
        staff: vec![admin_listed, marcus_listed],
        groups,
    })
}
