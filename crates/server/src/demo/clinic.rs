//! The first demo organization: a community mental-health clinic with an intensive
//! outpatient program for substance use (42 CFR Part 2) and an outpatient program.

use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, LocationId, ProgramId};
use kindred_domain::locations::{create_location, LocationInput, LocationKind};
use kindred_domain::orgs::{create_organization, Role};
use kindred_domain::programs::{create_program, LevelOfCare, ProgramInput};
use kindred_domain::Error;

use super::plan::Site;
use super::{accounts, clinic_iop, clinic_outpatient, Seed};

/// What the clinic's group plans refer to.
pub(super) struct Riverside {
    pub iop: ProgramId,
    pub outpatient: ProgramId,
    pub main_clinic: LocationId,
    pub online: LocationId,
    /// `clinician@`: leads the IOP process group and the clinic's English therapy groups.
    pub maya: AccountId,
    /// `clinician2@`: bilingual, leads the Spanish-language group and the anxiety skills group.
    pub luis: AccountId,
    /// `peer@`: the clinic's peer specialist, co-leads in the IOP.
    pub sam: AccountId,
}

pub(super) async fn build(seed: &Seed<'_>) -> Result<Site, Error> {
    let at = seed.setup_time();
    let org = create_organization(seed.store, at, "Riverside Community Mental Health").await?;
    let (admin, admin_listed) = accounts::staff(
        seed,
        &org,
        "admin@demo.kindred.test",
        "Dana Whitfield",
        Role::OrgAdmin,
    )
    .await?;
    let (maya, maya_listed) = accounts::staff(
        seed,
        &org,
        "clinician@demo.kindred.test",
        "Maya Okafor, LCSW",
        Role::Clinician,
    )
    .await?;
    let (luis, luis_listed) = accounts::staff(
        seed,
        &org,
        "clinician2@demo.kindred.test",
        "Luis Herrera, LMHC",
        Role::Clinician,
    )
    .await?;
    let (sam, sam_listed) = accounts::staff(
        seed,
        &org,
        "peer@demo.kindred.test",
        "Sam Rivera, CPRS",
        Role::PeerSpecialist,
    )
    .await?;
    let actor = accounts::actor(seed, &admin).await?;

    let iop = ProgramInput {
        name: "Intensive Outpatient Program (IOP)".into(),
        level_of_care: LevelOfCare::IntensiveOutpatient.code().into(),
        // The IOP treats substance use, so its records fall under 42 CFR Part 2.
        part2: true,
        description: "Nine to twelve hours a week of group therapy and skills practice for adults \
            working on alcohol or drug use, often alongside depression or anxiety. Most people \
            attend for six to ten weeks, then step down to outpatient groups."
            .into(),
        // Maya takes the clinic's crisis alerts, so the demo shows an on-call clinician.
        on_call_id: maya.id.to_string(),
    };
    let outpatient = ProgramInput {
        name: "Outpatient Groups".into(),
        level_of_care: LevelOfCare::Outpatient.code().into(),
        part2: false,
        description: "Weekly groups for anxiety, low mood, trauma and family support. One or two \
            hours a week, alongside individual counseling if you have it."
            .into(),
        on_call_id: maya.id.to_string(),
    };
    let iop = create_program(seed.store, &actor, at, org.id, &iop).await?;
    let outpatient = create_program(seed.store, &actor, at, org.id, &outpatient).await?;

    let main_clinic = LocationInput {
        name: "Riverside Main Clinic".into(),
        kind: LocationKind::Physical.code().into(),
        address: "85 Riverbend Avenue, 2nd floor".into(),
        city: "Hartford, CT".into(),
        postcode: "06106".into(),
        latitude: "41.7580".into(),
        longitude: "-72.6790".into(),
    };
    let online = LocationInput {
        name: "Riverside Online (video)".into(),
        kind: LocationKind::Online.code().into(),
        ..LocationInput::default()
    };
    let main_clinic = create_location(seed.store, &actor, at, org.id, &main_clinic).await?;
    let online = create_location(seed.store, &actor, at, org.id, &online).await?;

    let ids = Riverside {
        iop: iop.id,
        outpatient: outpatient.id,
        main_clinic: main_clinic.id,
        online: online.id,
        maya: maya.id,
        luis: luis.id,
        sam: sam.id,
    };
    let mut groups = clinic_iop::plans(&ids);
    groups.extend(clinic_outpatient::plans(&ids));
    Ok(Site {
        org,
        admin: actor,
        staff: vec![admin_listed, maya_listed, luis_listed, sam_listed],
        groups,
    })
}
