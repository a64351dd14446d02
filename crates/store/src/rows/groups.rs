use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::groups::{Facilitator, Group, GroupCard};
use kindred_domain::StoreError;

use super::{SqliteRow, AUDIENCE, FOCUS_AREA, PAYMENT_OPTION};
use crate::errors::{code, codes, id, time_zone};
use crate::sqlite::values::Cols;

/// The group's `group_tags` rows as (tag kind, code): its three vocabularies in one list.
pub(crate) fn group_tags(g: &Group) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    let tags = g.focus_areas.iter().map(|c| (FOCUS_AREA, c.code()));
    let tags = tags.chain(g.payment_options.iter().map(|c| (PAYMENT_OPTION, c.code())));
    tags.chain(g.audiences.iter().map(|c| (AUDIENCE, c.code())))
}

#[derive(sqlx::FromRow)]
pub(crate) struct GroupRow {
    id: String,
    org_id: String,
    program_id: String,
    location_id: String,
    name: String,
    description: String,
    kind: String,
    enrollment: String,
    format: String,
    capacity: i32,
    min_size: i32,
    language: String,
    time_zone: String,
    offer_hours: i32,
    billing_code: String,
    billing_modifier: String,
    created_at: DateTime<Utc>,
    archived_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct TagRow {
    tag_kind: String,
    value: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct FacilitatorRow {
    account_id: String,
    display_name: String,
    role: String,
    lead: bool,
}

impl SqliteRow for GroupRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(GroupRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            program_id: c.get("program_id")?,
            location_id: c.get("location_id")?,
            name: c.get("name")?,
            description: c.get("description")?,
            kind: c.get("kind")?,
            enrollment: c.get("enrollment")?,
            format: c.get("format")?,
            capacity: c.get("capacity")?,
            min_size: c.get("min_size")?,
            language: c.get("language")?,
            time_zone: c.get("time_zone")?,
            offer_hours: c.get("offer_hours")?,
            billing_code: c.get("billing_code")?,
            billing_modifier: c.get("billing_modifier")?,
            created_at: c.time("created_at")?,
            archived_at: c.opt_time("archived_at")?,
        })
    }
}

impl SqliteRow for TagRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(TagRow {
            tag_kind: c.get("tag_kind")?,
            value: c.get("value")?,
        })
    }
}

impl SqliteRow for FacilitatorRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FacilitatorRow {
            account_id: c.get("account_id")?,
            display_name: c.get("display_name")?,
            role: c.get("role")?,
            lead: c.get("lead")?,
        })
    }
}

impl GroupRow {
    /// Assembles the group; facilitators arrive already ordered (lead first, then by name).
    pub(crate) fn into_group(
        self,
        tags: &[TagRow],
        facilitators: Vec<FacilitatorRow>,
    ) -> Result<Group, StoreError> {
        let of_kind = |kind: &str| -> Vec<&str> {
            tags.iter()
                .filter(|t| t.tag_kind == kind)
                .map(|t| t.value.as_str())
                .collect()
        };
        let time_zone = time_zone(&self.time_zone)?;
        Ok(Group {
            id: id("groups.id", &self.id)?,
            org_id: id("groups.org_id", &self.org_id)?,
            program_id: id("groups.program_id", &self.program_id)?,
            location_id: id("groups.location_id", &self.location_id)?,
            name: self.name,
            description: self.description,
            kind: code("groups.kind", &self.kind)?,
            enrollment: code("groups.enrollment", &self.enrollment)?,
            format: code("groups.format", &self.format)?,
            capacity: self.capacity,
            min_size: self.min_size,
            language: code("groups.language", &self.language)?,
            time_zone,
            focus_areas: codes("group_tags.focus_area", &of_kind(FOCUS_AREA))?,
            payment_options: codes("group_tags.payment_option", &of_kind(PAYMENT_OPTION))?,
            audiences: codes("group_tags.audience", &of_kind(AUDIENCE))?,
            facilitators: facilitators
                .into_iter()
                .map(Facilitator::try_from)
                .collect::<Result<_, _>>()?,
            offer_hours: self.offer_hours,
            billing_code: self.billing_code,
            billing_modifier: self.billing_modifier,
            created_at: self.created_at,
            archived_at: self.archived_at,
        })
    }
}

impl TryFrom<FacilitatorRow> for Facilitator {
    type Error = StoreError;
    fn try_from(r: FacilitatorRow) -> Result<Self, StoreError> {
        Ok(Facilitator {
            account_id: id("group_facilitators.account_id", &r.account_id)?,
            display_name: r.display_name,
            role: code("group_facilitators.role", &r.role)?,
            lead: r.lead,
        })
    }
}

/// A group card as the card queries select it (`sql::cards`).
#[derive(sqlx::FromRow)]
pub(crate) struct CardRow {
    id: String,
    org_id: String,
    org_name: String,
    program_name: String,
    location_name: String,
    name: String,
    kind: String,
    enrollment: String,
    format: String,
    capacity: i32,
    active_members: i64,
    lead_role: Option<String>,
    time_zone: String,
    archived_at: Option<DateTime<Utc>>,
}

impl SqliteRow for CardRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(CardRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            org_name: c.get("org_name")?,
            program_name: c.get("program_name")?,
            location_name: c.get("location_name")?,
            name: c.get("name")?,
            kind: c.get("kind")?,
            enrollment: c.get("enrollment")?,
            format: c.get("format")?,
            capacity: c.get("capacity")?,
            active_members: c.get("active_members")?,
            lead_role: c.get("lead_role")?,
            time_zone: c.get("time_zone")?,
            archived_at: c.opt_time("archived_at")?,
        })
    }
}

impl TryFrom<CardRow> for GroupCard {
    type Error = StoreError;
    fn try_from(r: CardRow) -> Result<Self, StoreError> {
        Ok(GroupCard {
            id: id("groups.id", &r.id)?,
            org_id: id("groups.org_id", &r.org_id)?,
            org_name: r.org_name,
            program_name: r.program_name,
            location_name: r.location_name,
            name: r.name,
            kind: code("groups.kind", &r.kind)?,
            enrollment: code("groups.enrollment", &r.enrollment)?,
            format: code("groups.format", &r.format)?,
            capacity: r.capacity,
            active_members: i32::try_from(r.active_members)
                .map_err(|_| StoreError::Backend("active member count out of range".into()))?,
            lead_role: r
                .lead_role
                .map(|c| code("group_facilitators.role", &c))
                .transpose()?,
            time_zone: time_zone(&r.time_zone)?,
            archived: r.archived_at.is_some(),
        })
    }
}
