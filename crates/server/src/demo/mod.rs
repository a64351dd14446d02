//! The demo clinic: two organizations with staff, programs, locations, groups, members,
//! enrollments and sessions, so `kindred demo` opens on something that looks lived in.
//!
//! Everything is created through the same use cases and validation as real input, so the
//! demo can never hold data the application itself would refuse. Times are relative to
//! `now`: the demo always shows sessions held last week and sessions coming up next week.

mod accounts;
mod clinic;
mod clinic_iop;
mod clinic_outpatient;
mod enrollments;
mod names;
mod notes;
mod plan;
mod recovery_center;
mod recovery_groups;
mod requests;
mod sessions;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::PasswordHasher;
use kindred_domain::enrollments::EnrollmentStatus;
use kindred_domain::groups::{create_group, EnrollmentMode};
use kindred_domain::ids::AccountId;
use kindred_domain::{Error, Store};

/// One sign-in account of the demo, as the `kindred demo` command lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: String,
    /// `org_admin`, `clinician`, `peer_specialist` or `member`.
    pub role: &'static str,
    /// For staff, the organization of the role; for members, the organizations of their
    /// groups (comma-separated, empty when they have none).
    pub organization: String,
}

/// What every step of the seed needs.
struct Seed<'a> {
    store: &'a dyn Store,
    hasher: &'a dyn PasswordHasher,
    now: DateTime<Utc>,
    password: &'a str,
}

impl Seed<'_> {
    /// When the organizations were "set up": a season ago, so nothing looks brand new.
    fn setup_time(&self) -> DateTime<Utc> {
        self.now - Duration::days(90)
    }
}

/// Fills an empty, migrated store with the demo clinic. Every account's password is `password`.
///
/// Sign-up rules apply to it (at least 12 characters). The list returned holds staff first
/// (each organization's administrator first), then members, `member@demo.kindred.test` first.
pub async fn seed(
    store: &dyn Store,
    hasher: &dyn PasswordHasher,
    now: chrono::DateTime<chrono::Utc>,
    password: &str,
) -> Result<Vec<DemoAccount>, Error> {
    let seed = Seed {
        store,
        hasher,
        now,
        password,
    };
    let sites = [
        clinic::build(&seed).await?,
        recovery_center::build(&seed).await?,
    ];
    let members = accounts::members(&seed).await?;

    // Which organizations each member ends up in, for the printed list.
    let mut orgs_of: HashMap<AccountId, Vec<String>> = HashMap::new();
    // The first group of the clinic that people enrol in gets requests to join.
    let mut intake_group = None;
    for (index, site) in sites.iter().enumerate() {
        for plan in &site.groups {
            let group = create_group(
                store,
                &site.admin,
                seed.setup_time(),
                site.org.id,
                &plan.input(),
            )
            .await?;
            sessions::schedule(store, &site.admin, &group, &plan.meeting, now).await?;
            if index == 0 && intake_group.is_none() && group.enrollment != EnrollmentMode::DropIn {
                intake_group = Some(group.clone());
            }
            let enrolled = enrollments::enrol(store, &group, &plan.roster, &members, now).await?;
            let active: Vec<_> = enrolled
                .iter()
                .filter(|(_, status)| *status == EnrollmentStatus::Active)
                .map(|(id, _)| *id)
                .collect();
            sessions::take_attendance(store, &site.admin, &group, &active, now).await?;
            notes::write(store, &group, now).await?;
            for (member, _) in enrolled {
                let orgs = orgs_of.entry(member).or_default();
                if !orgs.contains(&site.org.name) {
                    orgs.push(site.org.name.clone());
                }
            }
        }
    }

    if let Some(group) = &intake_group {
        let askers: Vec<_> = members.iter().rev().take(2).cloned().collect();
        requests::seed_requests(&seed, &sites[0], group, &askers).await?;
    }

    let mut listed: Vec<DemoAccount> = sites.iter().flat_map(|s| s.staff.iter().cloned()).collect();
    listed.extend(members.iter().map(|m| DemoAccount {
        email: m.email.as_str().to_owned(),
        role: "member",
        organization: orgs_of.get(&m.id).map(|o| o.join(", ")).unwrap_or_default(),
    }));
    Ok(listed)
}
