use crate::accounts::Email;
use crate::auth::Actor;
use crate::fields::choice;
use crate::ids::{AccountId, OrgId};
use crate::policy::{authorize, Access};
use crate::{vocabulary, Error, FieldErrors, Store};

vocabulary!(
    /// A staff role, held per organization.
    Role {
        OrgAdmin => ("org_admin", "Program administrator"),
        Clinician => ("clinician", "Clinician"),
        PeerSpecialist => ("peer_specialist", "Peer specialist"),
    }
);

/// One role a person holds in one organization.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct OrgRole {
    pub org_id: OrgId,
    pub org_name: String,
    pub role: Role,
}

/// A staff member as the organization's pages list them.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StaffMember {
    pub account_id: AccountId,
    pub display_name: String,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct AddStaffInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

pub async fn staff_of(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<StaffMember>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    Ok(store.staff_of(org).await?)
}

/// Gives an existing account a role in the organization (or changes it). The person signs up
/// first, so nobody is handed a password by email.
pub async fn add_staff(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &AddStaffInput,
) -> Result<StaffMember, Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let mut errors = FieldErrors::new();
    let email = Email::parse(&input.email)
        .map_err(|m| errors.add("email", m))
        .ok();
    let role: Option<Role> = choice(&mut errors, "role", &input.role);
    let (Some(email), Some(role)) = (email, role) else {
        return Err(Error::Invalid(errors));
    };
    let Some(account) = store.account_by_email(&email).await? else {
        return Err(Error::invalid(
            "email",
            "No account uses this email. Ask the person to sign up first.",
        ));
    };
    // An administrator who demotes themselves could leave the organization with none.
    if actor
        .signed_in()
        .is_some_and(|me| me.account_id == account.id)
        && role != Role::OrgAdmin
    {
        return Err(Error::invalid(
            "role",
            "You cannot change your own role; ask another administrator.",
        ));
    }
    store.set_staff_role(org, account.id, role).await?;
    Ok(StaffMember {
        account_id: account.id,
        display_name: account.display_name.as_str().to_owned(),
        email: account.email.as_str().to_owned(),
        role,
    })
}

/// Ends a person's staff role. A facilitator still assigned to a group keeps that
/// assignment visible to admins, who reassign it.
pub async fn remove_staff(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    account: AccountId,
) -> Result<(), Error> {
    authorize(actor, Access::ManageOrg(org))?;
    if let Some(me) = actor.signed_in() {
        if me.account_id == account {
            return Err(Error::Conflict(
                "You cannot remove your own role; ask another administrator.".into(),
            ));
        }
    }
    if store.remove_staff_role(org, account).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
