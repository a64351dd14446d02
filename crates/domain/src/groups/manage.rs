use chrono::{DateTime, Utc};

use super::{group_in_org, Group, GroupCard, GroupContext, GroupInput, GroupSpec};
use crate::auth::Actor;
use crate::enrollments::rules;
use crate::ids::{GroupId, OrgId};
use crate::locations::Location;
use crate::orgs::StaffMember;
use crate::policy::{authorize, Access};
use crate::programs::Program;
use crate::{Error, Store};

pub async fn groups_of_org(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<GroupCard>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    Ok(store.group_cards_of_org(org).await?)
}

/// A group as its organization's staff see it, archived or not.
pub async fn group(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: GroupId,
) -> Result<Group, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    group_in_org(store, org, id).await
}

/// The organization's current choices for a group form: administrators only.
pub async fn group_form_options(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<GroupFormOptions, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    Ok(GroupFormOptions {
        programs: store
            .programs_of(org)
            .await?
            .into_iter()
            .filter(|p| p.archived_at.is_none())
            .collect(),
        locations: store
            .locations_of(org)
            .await?
            .into_iter()
            .filter(|l| l.archived_at.is_none())
            .collect(),
        staff: store.staff_of(org).await?,
    })
}

/// What a person picks from when creating or editing a group.
#[derive(Debug, Clone)]
pub struct GroupFormOptions {
    pub programs: Vec<Program>,
    pub locations: Vec<Location>,
    pub staff: Vec<StaffMember>,
}

async fn parse(store: &dyn Store, org: OrgId, input: &GroupInput) -> Result<GroupSpec, Error> {
    let programs = store.programs_of(org).await?;
    let locations = store.locations_of(org).await?;
    let staff = store.staff_of(org).await?;
    input
        .parse(&GroupContext {
            programs: &programs,
            locations: &locations,
            staff: &staff,
        })
        .map_err(Error::Invalid)
}

fn build(spec: GroupSpec, base: Group) -> Group {
    Group {
        program_id: spec.program_id,
        location_id: spec.location_id,
        name: spec.name,
        description: spec.description,
        kind: spec.kind,
        enrollment: spec.enrollment,
        format: spec.format,
        capacity: spec.capacity,
        min_size: spec.min_size,
        language: spec.language,
        time_zone: spec.time_zone,
        focus_areas: spec.focus_areas,
        payment_options: spec.payment_options,
        audiences: spec.audiences,
        facilitators: spec.facilitators,
        offer_hours: spec.offer_hours,
        billing_code: spec.billing_code,
        billing_modifier: spec.billing_modifier,
        ..base
    }
}

pub async fn create_group(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    input: &GroupInput,
) -> Result<Group, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let spec = parse(store, org, input).await?;
    let base = Group {
        id: GroupId::new(),
        org_id: org,
        program_id: spec.program_id,
        location_id: spec.location_id,
        name: String::new(),
        description: String::new(),
        kind: spec.kind,
        enrollment: spec.enrollment,
        format: spec.format,
        capacity: spec.capacity,
        min_size: spec.min_size,
        language: spec.language,
        time_zone: spec.time_zone,
        focus_areas: Vec::new(),
        payment_options: Vec::new(),
        audiences: Vec::new(),
        facilitators: Vec::new(),
        offer_hours: 0,
        billing_code: String::new(),
        billing_modifier: String::new(),
        created_at: now,
        archived_at: None,
    };
    let group = build(spec, base);
    store.insert_group(group.clone()).await?;
    Ok(group)
}

pub async fn update_group(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: GroupId,
    input: &GroupInput,
) -> Result<Group, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = group_in_org(store, org, id).await?;
    let spec = parse(store, org, input).await?;
    let active = store.active_member_count(id).await?;
    if spec.capacity < active {
        return Err(Error::invalid(
            "capacity",
            format!(
                "{active} members are active in this group; the capacity cannot be lower. \
                 Complete or remove members first."
            ),
        ));
    }
    let group = build(spec, current);
    store.update_group(group.clone()).await?;
    // More seats or a shorter offer time: hand seats on to the people waiting now.
    store
        .change_roster(id, Box::new(move |r| Ok(rules::settle(r, now))))
        .await??;
    Ok(group)
}

/// Archived groups leave the public pages and choices; members' history stays.
pub async fn archive_group(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    id: GroupId,
) -> Result<Group, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let current = group_in_org(store, org, id).await?;
    let group = Group {
        archived_at: current.archived_at.or(Some(now)),
        ..current
    };
    store.update_group(group.clone()).await?;
    Ok(group)
}
