use chrono::{DateTime, Utc};

use super::{default_agreement, Agreement, AgreementStatus, PublishInput, SignInput, Signature};
use crate::auth::Actor;
use crate::ids::OrgId;
use crate::policy::{authorize, signed_in, Access};
use crate::{Error, Store};

/// The organization's agreement in effect: its latest version, or Kindred's default. Anyone
/// may read it, before they join as well.
pub async fn current(store: &dyn Store, actor: &Actor, org: OrgId) -> Result<Agreement, Error> {
    authorize(actor, Access::Public)?;
    in_effect(store, org).await
}

/// The agreement in effect and whether the signed-in person signed it.
pub async fn status(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<AgreementStatus, Error> {
    let me = signed_in(actor)?;
    let agreement = in_effect(store, org).await?;
    let latest = store.latest_signature(org, me.account_id).await?;
    Ok(AgreementStatus::of(agreement, latest))
}

/// Signs the version the person read. Signing it again keeps the first signature; a version
/// that is no longer current is refused, so nobody signs a text they were not shown.
pub async fn sign(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &SignInput,
    now: DateTime<Utc>,
) -> Result<Signature, Error> {
    let me = signed_in(actor)?;
    let typed_name = input.parse()?;
    in_effect(store, org).await?;
    let signature = Signature {
        org_id: org,
        version: input.version,
        account_id: me.account_id,
        typed_name,
        signed_at: now,
    };
    match store
        .sign_agreement(signature, stored_default(org, now))
        .await?
    {
        Some(stored) => Ok(stored),
        None => Err(Error::Conflict(
            "This version of the agreement is no longer the current one. Read the current \
             version and sign it."
                .into(),
        )),
    }
}

/// Publishes a new version (administrators). Everyone signs again before their next room.
pub async fn publish(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &PublishInput,
    now: DateTime<Utc>,
) -> Result<Agreement, Error> {
    let me = authorize(actor, Access::ManageOrg(org))?.ok_or(Error::Unauthenticated)?;
    let (title, body) = input.parse()?;
    let agreement = Agreement {
        org_id: org,
        version: input.replaces.saturating_add(1),
        title,
        body,
        published_at: Some(now),
        published_by: Some(me.account_id),
    };
    if store
        .publish_agreement(agreement.clone(), stored_default(org, now))
        .await?
    {
        Ok(agreement)
    } else {
        Err(Error::Conflict(
            "A newer version was published while you were editing. Open the current version \
             and make your changes there."
                .into(),
        ))
    }
}

/// Every signature in the organization, newest first: its staff see who signed what.
pub async fn signatures(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<Signature>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    Ok(store.agreement_signatures(org).await?)
}

async fn in_effect(store: &dyn Store, org: OrgId) -> Result<Agreement, Error> {
    if store.organization(org).await?.is_none() {
        return Err(Error::NotFound);
    }
    Ok(store
        .agreement(org)
        .await?
        .unwrap_or_else(|| default_agreement(org)))
}

/// Kindred's default as stored when first used: in effect from then.
fn stored_default(org: OrgId, now: DateTime<Utc>) -> Agreement {
    Agreement {
        published_at: Some(now),
        ..default_agreement(org)
    }
}
