//! Programs and locations have the same pages inside an organization: a list, a form to
//! create or edit, and archiving. One macro writes the handlers so the two cannot drift; each
//! names its templates, use cases, what its list shows of each record (`listed`, which the
//! list use case returns) and the choices its form offers (`choices`: the type and an async
//! function that builds it from the organization's data and the input so far).

macro_rules! org_resource_pages {
    (
        segment: $segment:literal,
        titles: ($list_title:literal, $new_title:literal, $edit_title:literal),
        templates: ($list_template:literal, $form_template:literal),
        id: $Id:ty,
        listed: $Listed:ty,
        input: $Input:ty,
        choices: ($Choices:ty, $choices:path),
        use_cases: ($list:path, $show:path, $create:path, $update:path, $archive_fn:path) $(,)?
    ) => {
        use askama::Template;
        use axum::extract::{Path, State};
        use axum::http::StatusCode;
        use axum::response::{IntoResponse, Redirect};
        use kindred_domain::ids::OrgId;
        use kindred_domain::orgs::{self, Organization};
        use kindred_domain::FieldErrors;

        use super::{after_save, can_manage, id};
        use crate::app::AppState;
        use crate::http::{Auth, Form};
        use crate::pages::auth::NoFields;
        use crate::pages::{render, render_with, Layout, PageResult};

        #[derive(Template)]
        #[template(path = $list_template)]
        struct ListPage {
            layout: Layout,
            org: Organization,
            items: Vec<$Listed>,
            can_manage: bool,
        }

        #[derive(Template)]
        #[template(path = $form_template)]
        struct FormPage {
            layout: Layout,
            org: Organization,
            /// `None` when creating.
            record: Option<$Id>,
            input: $Input,
            choices: $Choices,
            errors: FieldErrors,
        }

        fn list_url(org_id: OrgId) -> String {
            format!("/orgs/{org_id}/{}", $segment)
        }

        async fn form_page(
            state: &AppState,
            auth: &Auth,
            org_id: OrgId,
            record: Option<$Id>,
            input: $Input,
            errors: FieldErrors,
        ) -> PageResult {
            let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
            let title = if record.is_some() {
                $edit_title
            } else {
                $new_title
            };
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let choices = $choices(state.store(), &auth.actor, org_id, &input).await?;
            let layout = Layout::new(auth, title);
            render_with(
                status,
                FormPage {
                    layout,
                    org,
                    record,
                    input,
                    choices,
                    errors,
                },
            )
        }

        pub async fn list(
            State(state): State<AppState>,
            auth: Auth,
            Path(org_id): Path<String>,
        ) -> PageResult {
            let org_id: OrgId = id(&org_id)?;
            let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
            let items = $list(state.store(), &auth.actor, org_id).await?;
            let can_manage = can_manage(&auth.actor, org_id);
            render(ListPage {
                layout: Layout::new(&auth, $list_title),
                org,
                items,
                can_manage,
            })
        }

        pub async fn new_form(
            State(state): State<AppState>,
            auth: Auth,
            Path(org_id): Path<String>,
        ) -> PageResult {
            form_page(
                &state,
                &auth,
                id(&org_id)?,
                None,
                <$Input>::default(),
                FieldErrors::new(),
            )
            .await
        }

        pub async fn create(
            State(state): State<AppState>,
            auth: Auth,
            Path(org_id): Path<String>,
            Form(input): Form<$Input>,
        ) -> PageResult {
            let org_id: OrgId = id(&org_id)?;
            let result = $create(state.store(), &auth.actor, state.now(), org_id, &input).await;
            after_save(
                result,
                |_| list_url(org_id),
                |errors| form_page(&state, &auth, org_id, None, input, errors),
            )
            .await
        }

        pub async fn edit_form(
            State(state): State<AppState>,
            auth: Auth,
            Path((org_id, record_id)): Path<(String, String)>,
        ) -> PageResult {
            let org_id: OrgId = id(&org_id)?;
            orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
            let record = $show(state.store(), &auth.actor, org_id, id(&record_id)?).await?;
            let input = <$Input>::from(&record);
            form_page(
                &state,
                &auth,
                org_id,
                Some(record.id),
                input,
                FieldErrors::new(),
            )
            .await
        }

        pub async fn update(
            State(state): State<AppState>,
            auth: Auth,
            Path((org_id, record_id)): Path<(String, String)>,
            Form(input): Form<$Input>,
        ) -> PageResult {
            let (org_id, record_id): (OrgId, $Id) = (id(&org_id)?, id(&record_id)?);
            let result = $update(
                state.store(),
                &auth.actor,
                state.now(),
                org_id,
                record_id,
                &input,
            )
            .await;
            after_save(
                result,
                |_| list_url(org_id),
                |errors| form_page(&state, &auth, org_id, Some(record_id), input, errors),
            )
            .await
        }

        pub async fn archive(
            State(state): State<AppState>,
            auth: Auth,
            Path((org_id, record_id)): Path<(String, String)>,
            Form(_): Form<NoFields>,
        ) -> PageResult {
            let org_id: OrgId = id(&org_id)?;
            $archive_fn(
                state.store(),
                &auth.actor,
                state.now(),
                org_id,
                id(&record_id)?,
            )
            .await?;
            Ok(Redirect::to(&list_url(org_id)).into_response())
        }
    };
}

pub(super) use org_resource_pages;
