//! A group's schedule and sessions for its staff: weekly schedules (add, change, end), the
//! double bookings they cause, and each session with its attendance, cancel, restore and
//! move.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::{self, Group};
use kindred_domain::ids::{GroupId, OrgId, ScheduleId, SessionId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::policy::{authorize, Access};
use kindred_domain::schedules::{
    self, day_code, MoveSessionInput, OverlapWarning, Schedule, ScheduleEnd, ScheduleInput,
    DAY_CODES,
};
use kindred_domain::sessions::{self, GroupSession};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{form_status, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/schedule.html")]
struct SchedulePage {
    layout: Layout,
    org: Organization,
    group: Group,
    schedules: Vec<Schedule>,
    sessions: Vec<GroupSession>,
    warnings: Vec<OverlapWarning>,
    can_run: bool,
    /// The form for a new schedule (or the one being fixed), with its problems.
    input: ScheduleInput,
    errors: FieldErrors,
    /// The schedule `input` edits; `None` for a new one.
    editing: Option<ScheduleId>,
    now: DateTime<Utc>,
}

impl SchedulePage {
    fn days(&self) -> Vec<(&'static str, &'static str, bool)> {
        DAY_CODES
            .iter()
            .map(|(_, code, label)| (*code, *label, self.input.days.iter().any(|d| d == code)))
            .collect()
    }

    fn describe(&self, s: &Schedule) -> String {
        let days: Vec<_> = s.days.iter().map(|d| day_code(*d)).collect();
        let every = match s.interval_weeks {
            1 => "every week".to_owned(),
            n => format!("every {n} weeks"),
        };
        let end = match s.end {
            ScheduleEnd::Never => String::new(),
            ScheduleEnd::Until { date } => format!(", until {}", date.format("%-d %b %Y")),
            ScheduleEnd::Count { count } => format!(", {count} sessions"),
        };
        format!(
            "{} at {}, {} minutes, {every}, from {}{end}{}",
            days.join(", "),
            s.start_time.format("%H:%M"),
            s.duration_minutes,
            s.first_date.format("%-d %b %Y"),
            if s.room.is_empty() {
                String::new()
            } else {
                format!(", {}", s.room)
            },
        )
    }

    fn warning_text(&self, w: &OverlapWarning) -> String {
        w.message_in(self.group.time_zone)
    }

    fn is_past(&self, s: &GroupSession) -> bool {
        s.starts_at <= self.now
    }

    fn changeable(&self, s: &GroupSession) -> bool {
        schedules::can_change(s, self.now)
    }
}

struct ScheduleForm {
    input: ScheduleInput,
    errors: FieldErrors,
    editing: Option<ScheduleId>,
}

impl ScheduleForm {
    fn empty() -> Self {
        ScheduleForm {
            input: ScheduleInput {
                every_weeks: "1".into(),
                duration_minutes: "90".into(),
                end: "never".into(),
                ..ScheduleInput::default()
            },
            errors: FieldErrors::new(),
            editing: None,
        }
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    group: GroupId,
    form: ScheduleForm,
) -> PageResult {
    let now = state.now();
    let store = state.store();
    let group_view = groups::group(store, &auth.actor, org, group).await?;
    let schedules_list = schedules::schedules_of_group(store, &auth.actor, org, group).await?;
    let sessions_list = sessions::sessions_of_group(store, &auth.actor, org, group, now).await?;
    let warnings = schedules::upcoming_warnings(store, &auth.actor, org, group, now).await?;
    let status = form_status(&form.errors);
    render_with(
        status,
        SchedulePage {
            layout: Layout::new(auth, format!("Schedule: {}", group_view.name)),
            org: orgs::organization(store, &auth.actor, org).await?,
            can_run: authorize(&auth.actor, Access::RunGroup(&group_view)).is_ok(),
            group: group_view,
            schedules: schedules_list,
            sessions: sessions_list,
            warnings,
            input: form.input,
            errors: form.errors,
            editing: form.editing,
            now,
        },
    )
}

fn back(org: OrgId, group: GroupId) -> String {
    format!("/orgs/{org}/groups/{group}/sessions")
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> PageResult {
    page(
        &state,
        &auth,
        id(&org_id)?,
        id(&group_id)?,
        ScheduleForm::empty(),
    )
    .await
}

/// After saving a schedule: back to the page, or the form with the problems at each field.
async fn after_schedule(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    group: GroupId,
    input: ScheduleInput,
    editing: Option<ScheduleId>,
    result: Result<schedules::ScheduleSaved, Error>,
) -> PageResult {
    match result {
        // The page lists the double bookings the new sessions take part in.
        Ok(_) => Ok(Redirect::to(&back(org, group)).into_response()),
        Err(Error::Invalid(errors)) => {
            let form = ScheduleForm {
                input,
                errors,
                editing,
            };
            page(state, auth, org, group, form).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    Form(input): Form<ScheduleInput>,
) -> PageResult {
    let (org, group): (OrgId, GroupId) = (id(&org_id)?, id(&group_id)?);
    let result =
        schedules::create_schedule(state.store(), &auth.actor, org, group, &input, state.now())
            .await;
    after_schedule(&state, &auth, org, group, input, None, result).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id, schedule_id)): Path<(String, String, String)>,
) -> PageResult {
    let (org, group, schedule): (OrgId, GroupId, ScheduleId) =
        (id(&org_id)?, id(&group_id)?, id(&schedule_id)?);
    let current = schedules::schedules_of_group(state.store(), &auth.actor, org, group)
        .await?
        .into_iter()
        .find(|s| s.id == schedule)
        .ok_or(Error::NotFound)?;
    let form = ScheduleForm {
        input: ScheduleInput::from(&current),
        editing: Some(schedule),
        ..ScheduleForm::empty()
    };
    page(&state, &auth, org, group, form).await
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id, schedule_id)): Path<(String, String, String)>,
    Form(input): Form<ScheduleInput>,
) -> PageResult {
    let (org, group, schedule): (OrgId, GroupId, ScheduleId) =
        (id(&org_id)?, id(&group_id)?, id(&schedule_id)?);
    let result = schedules::update_schedule(
        state.store(),
        &auth.actor,
        org,
        group,
        schedule,
        &input,
        state.now(),
    )
    .await;
    after_schedule(&state, &auth, org, group, input, Some(schedule), result).await
}

pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id, schedule_id)): Path<(String, String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (org, group, schedule): (OrgId, GroupId, ScheduleId) =
        (id(&org_id)?, id(&group_id)?, id(&schedule_id)?);
    schedules::archive_schedule(
        state.store(),
        &auth.actor,
        org,
        group,
        schedule,
        state.now(),
    )
    .await?;
    Ok(Redirect::to(&back(org, group)).into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelInput {
    #[serde(default)]
    reason: String,
}

pub async fn cancel(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(input): Form<CancelInput>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let cancelled = schedules::cancel_session(
        state.store(),
        &auth.actor,
        org,
        session,
        &input.reason,
        state.now(),
    )
    .await;
    match cancelled {
        Ok(s) => Ok(Redirect::to(&back(org, s.group_id)).into_response()),
        Err(Error::Invalid(errors)) => {
            // The list shows the reason field with its message.
            let (_, group) =
                sessions::session_for_staff(state.store(), &auth.actor, org, session).await?;
            let form = ScheduleForm {
                errors,
                ..ScheduleForm::empty()
            };
            page(&state, &auth, org, group.id, form).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn restore(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let saved =
        schedules::restore_session(state.store(), &auth.actor, org, session, state.now()).await?;
    Ok(Redirect::to(&back(org, saved.session.group_id)).into_response())
}

#[derive(Template)]
#[template(path = "orgs/move_session.html")]
struct MovePage {
    layout: Layout,
    org: Organization,
    group: Group,
    session: GroupSession,
    input: MoveSessionInput,
    errors: FieldErrors,
}

async fn move_page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    session: SessionId,
    input: Option<MoveSessionInput>,
    errors: FieldErrors,
) -> PageResult {
    let (session, group) =
        sessions::session_for_staff(state.store(), &auth.actor, org, session).await?;
    let status = form_status(&errors);
    render_with(
        status,
        MovePage {
            layout: Layout::new(auth, "Move a session"),
            org: orgs::organization(state.store(), &auth.actor, org).await?,
            input: input.unwrap_or_else(|| MoveSessionInput::prefill(&session, group.time_zone)),
            group,
            session,
            errors,
        },
    )
}

pub async fn move_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
) -> PageResult {
    move_page(
        &state,
        &auth,
        id(&org_id)?,
        id(&session_id)?,
        None,
        FieldErrors::new(),
    )
    .await
}

pub async fn move_session(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(input): Form<MoveSessionInput>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    match schedules::move_session(
        state.store(),
        &auth.actor,
        org,
        session,
        &input,
        state.now(),
    )
    .await
    {
        Ok(saved) => Ok(Redirect::to(&back(org, saved.session.group_id)).into_response()),
        Err(Error::Invalid(errors)) => {
            move_page(&state, &auth, org, session, Some(input), errors).await
        }
        Err(other) => Err(other.into()),
    }
}
