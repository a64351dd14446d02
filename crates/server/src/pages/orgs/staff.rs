use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::ids::OrgId;
use kindred_domain::orgs::{self, AddStaffInput, Organization, Role, StaffMember};
use kindred_domain::FieldErrors;

use super::options::{vocabulary, SelectOption};
use super::{after_save, can_manage, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{form_status, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/staff.html")]
struct StaffPage {
    layout: Layout,
    org: Organization,
    staff: Vec<StaffMember>,
    can_manage: bool,
    input: AddStaffInput,
    roles: Vec<SelectOption>,
    errors: FieldErrors,
    me: Option<kindred_domain::ids::AccountId>,
}

impl StaffPage {
    /// Nobody removes their own role (another administrator does).
    fn is_me(&self, account: &kindred_domain::ids::AccountId) -> bool {
        self.me.as_ref() == Some(account)
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    input: AddStaffInput,
    errors: FieldErrors,
) -> PageResult {
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    let staff = orgs::staff_of(state.store(), &auth.actor, org_id).await?;
    let status = form_status(&errors);
    render_with(
        status,
        StaffPage {
            layout: Layout::new(auth, "Staff"),
            org,
            staff,
            can_manage: can_manage(&auth.actor, org_id),
            roles: vocabulary::<Role>(&[input.role.as_str()]),
            input,
            errors,
            me: auth.actor.signed_in().map(|m| m.account_id),
        },
    )
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    page(
        &state,
        &auth,
        id(&org_id)?,
        AddStaffInput::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn add(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<AddStaffInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let result = orgs::add_staff(state.store(), &auth.actor, org_id, &input).await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/staff"),
        |errors| page(&state, &auth, org_id, input, errors),
    )
    .await
}

pub async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, account_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    orgs::remove_staff(state.store(), &auth.actor, org_id, id(&account_id)?).await?;
    Ok(Redirect::to(&format!("/orgs/{org_id}/staff")).into_response())
}
