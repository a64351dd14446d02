//! Technique plans and session plan items. A plan's content and an item's snapshot are JSON
//! text: they are read and written whole, never queried into.

use chrono::{DateTime, Utc};
use kindred_domain::ids::{OrgId, TechniqueId};
use kindred_domain::techniques::{SessionPlanItem, Technique, TechniqueKind};
use kindred_domain::StoreError;
use serde_json::{json, Value};

use super::SqliteRow;
use crate::errors::{code, id};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct TechniqueRow {
    id: String,
    org_id: String,
    kind: String,
    title: String,
    content: String,
    archived: bool,
}

impl SqliteRow for TechniqueRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(TechniqueRow {
            id: c.get("id")?,
            org_id: c.get("org_id")?,
            kind: c.get("kind")?,
            title: c.get("title")?,
            content: c.get("content")?,
            archived: c.get("archived")?,
        })
    }
}

/// `techniques.content`: everything of a plan but its identity, kind, title and archiving.
pub(crate) fn technique_content(t: &Technique) -> Result<String, StoreError> {
    serde_json::to_string(&json!({
        "purpose": t.purpose,
        "minutes": t.minutes,
        "sections": t.sections,
        "steps": t.steps,
        "response_prompt": t.response_prompt,
    }))
    .map_err(|_| StoreError::Backend("a technique's content could not be written".into()))
}

fn bad_content() -> StoreError {
    StoreError::Backend("stored techniques.content is not a plan's content".into())
}

impl TryFrom<TechniqueRow> for Technique {
    type Error = StoreError;
    /// The content object with the row's columns put in is a whole plan.
    fn try_from(r: TechniqueRow) -> Result<Self, StoreError> {
        let technique: TechniqueId = id("techniques.id", &r.id)?;
        let org: OrgId = id("techniques.org_id", &r.org_id)?;
        let kind: TechniqueKind = code("techniques.kind", &r.kind)?;
        let mut content: Value = serde_json::from_str(&r.content).map_err(|_| bad_content())?;
        let fields = content.as_object_mut().ok_or_else(bad_content)?;
        fields.insert("id".into(), json!(technique));
        fields.insert("org_id".into(), json!(org));
        fields.insert("kind".into(), json!(kind));
        fields.insert("title".into(), json!(r.title));
        fields.insert("archived".into(), json!(r.archived));
        serde_json::from_value(content).map_err(|_| bad_content())
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PlanItemRow {
    id: String,
    session_id: String,
    position: i32,
    technique_id: Option<String>,
    snapshot: String,
    added_by: Option<String>,
    added_at: DateTime<Utc>,
}

impl SqliteRow for PlanItemRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(PlanItemRow {
            id: c.get("id")?,
            session_id: c.get("session_id")?,
            position: c.get("position")?,
            technique_id: c.get("technique_id")?,
            snapshot: c.get("snapshot")?,
            added_by: c.get("added_by")?,
            added_at: c.time("added_at")?,
        })
    }
}

/// `session_plan_items.snapshot`: the whole plan as it was when attached.
pub(crate) fn snapshot_json(t: &Technique) -> Result<String, StoreError> {
    serde_json::to_string(t)
        .map_err(|_| StoreError::Backend("a plan's snapshot could not be written".into()))
}

impl TryFrom<PlanItemRow> for SessionPlanItem {
    type Error = StoreError;
    fn try_from(r: PlanItemRow) -> Result<Self, StoreError> {
        Ok(SessionPlanItem {
            id: id("session_plan_items.id", &r.id)?,
            session_id: id("session_plan_items.session_id", &r.session_id)?,
            position: r.position,
            technique_id: r
                .technique_id
                .map(|t| id("session_plan_items.technique_id", &t))
                .transpose()?,
            snapshot: serde_json::from_str(&r.snapshot).map_err(|_| {
                StoreError::Backend("stored session_plan_items.snapshot is not a plan".into())
            })?,
            added_by: r
                .added_by
                .map(|a| id("session_plan_items.added_by", &a))
                .transpose()?,
            added_at: r.added_at,
        })
    }
}
