//! `rooms seed`: a fresh SQLite database with one organization whose rooms are all open now:
//! `--rooms` online groups of `--per-room` active members each, one session per group
//! starting `--starts-in` minutes from now (90 minutes long), every member having signed
//! the group agreement and holding a signed-in session. Writes the members file the load
//! generator reads: one line per member, `<session id> <session cookie value>`, the members
//! of one room on consecutive lines.
//!
//! Everything goes through the domain's use cases or the store, as the server would write
//! it. Accounts share one password hash made once: argon2 10,000 times would take minutes
//! and measure nothing.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::{Account, DisplayName, Email, NewAccount, Password, PasswordHash};
use kindred_domain::agreements::{self, SignInput};
use kindred_domain::auth::{start_session, Actor, SignedIn};
use kindred_domain::enrollments::{Enrollment, EnrollmentStatus};
use kindred_domain::groups::{create_group, GroupInput};
use kindred_domain::ids::{AccountId, LocationId, OrgId, ProgramId, SessionId};
use kindred_domain::locations::{create_location, LocationInput};
use kindred_domain::orgs::{create_organization, Role};
use kindred_domain::programs::{create_program, ProgramInput};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::Store;
use kindred_store::{Database, Keyring};
use tokio::task::JoinSet;

use crate::Error;

/// The members' password; nobody signs in with it (their sessions are opened directly).
const PASSWORD: &str = "room benchmark password";
/// Rooms seeded at once: the store has one writer, so more only queue.
const PARALLEL_ROOMS: usize = 8;

#[derive(clap::Args, Debug)]
pub struct SeedArgs {
    /// The SQLite file to create (it must not exist yet).
    #[arg(long)]
    pub database: PathBuf,
    /// The server's data key file (`kindred keys generate`), so sealed values match.
    #[arg(long)]
    pub data_key_file: PathBuf,
    /// Where to write the members file.
    #[arg(long)]
    pub members: PathBuf,
    #[arg(long, default_value_t = 1_000)]
    pub rooms: usize,
    #[arg(long, default_value_t = 10)]
    pub per_room: usize,
    /// Minutes until the sessions start; rooms open 15 minutes before.
    #[arg(long, default_value_t = 5)]
    pub starts_in: i64,
}

/// What every room's seeding shares.
struct World {
    store: Arc<dyn Store>,
    admin: Actor,
    org: OrgId,
    program: ProgramId,
    online: LocationId,
    lead: AccountId,
    hash: PasswordHash,
    now: DateTime<Utc>,
    starts_at: DateTime<Utc>,
    per_room: usize,
}

pub async fn run(args: &SeedArgs) -> Result<(), Error> {
    if args.database.exists() {
        return Err(format!("{} exists; seed a fresh file", args.database.display()).into());
    }
    if !(0..=14).contains(&args.starts_in) {
        return Err("--starts-in must be 0 to 14 minutes, or the rooms are not open yet".into());
    }
    let started = Instant::now();
    let keys = Keyring::parse(&std::fs::read_to_string(&args.data_key_file)?)?;
    let db = Database::connect(&format!("sqlite://{}", args.database.display())).await?;
    db.migrate().await?;
    let db = db.with_keys(keys);
    let world = Arc::new(world(&db, args).await?);

    let mut rooms: Vec<Option<(SessionId, Vec<String>)>> = vec![None; args.rooms];
    let mut tasks = JoinSet::new();
    let mut next = 0;
    while next < args.rooms || !tasks.is_empty() {
        while next < args.rooms && tasks.len() < PARALLEL_ROOMS {
            let world = Arc::clone(&world);
            let index = next;
            tasks.spawn(async move { (index, room(&world, index).await) });
            next += 1;
        }
        if let Some(done) = tasks.join_next().await {
            let (index, seeded) = done?;
            if let Some(slot) = rooms.get_mut(index) {
                *slot = Some(seeded?);
            }
            if (index + 1) % 100 == 0 {
                eprintln!("   seeded {} rooms", index + 1);
            }
        }
    }

    let mut out = String::new();
    for (session, cookies) in rooms.iter().flatten() {
        for cookie in cookies {
            writeln!(out, "{session} {cookie}")?;
        }
    }
    std::fs::write(&args.members, out)?;
    db.close().await;
    eprintln!(
        "   {} rooms of {} members seeded in {:.1} s; sessions start at {}",
        args.rooms,
        args.per_room,
        started.elapsed().as_secs_f64(),
        world.starts_at.format("%H:%M:%S UTC")
    );
    Ok(())
}

/// The organization, its staff, program and online location.
async fn world(db: &Database, args: &SeedArgs) -> Result<World, Error> {
    let store = db.store();
    let now = Utc::now();
    // The one argon2 hash, off the async workers.
    let hash = tokio::task::spawn_blocking(|| -> Result<PasswordHash, Error> {
        Ok(Password::parse(PASSWORD)?.hash()?)
    })
    .await??;
    let org = create_organization(store.as_ref(), now, "Room Benchmark Clinic")
        .await
        .map_err(at("organization"))?;
    let admin = account(store.as_ref(), "admin", "Bench Admin", &hash, now).await?;
    store
        .set_staff_role(org.id, admin.id, Role::OrgAdmin)
        .await?;
    let lead = account(store.as_ref(), "lead", "Bench Clinician", &hash, now).await?;
    store
        .set_staff_role(org.id, lead.id, Role::Clinician)
        .await?;
    let admin = actor(store.as_ref(), &admin).await?;
    let program = ProgramInput {
        name: "Online Groups".into(),
        level_of_care: "outpatient".into(),
        part2: false,
        description: "Groups that meet online.".into(),
        on_call_id: String::new(),
    };
    let program = create_program(store.as_ref(), &admin, now, org.id, &program)
        .await
        .map_err(at("program"))?;
    let online = LocationInput {
        name: "Online".into(),
        kind: "online".into(),
        ..LocationInput::default()
    };
    let online = create_location(store.as_ref(), &admin, now, org.id, &online)
        .await
        .map_err(at("location"))?;
    Ok(World {
        store,
        admin,
        org: org.id,
        program: program.id,
        online: online.id,
        lead: lead.id,
        hash,
        now,
        starts_at: now + Duration::minutes(args.starts_in),
        per_room: args.per_room,
    })
}

/// One group, its session, and its members (enrolled, agreement signed, signed in): the
/// session id and the members' cookie values.
async fn room(world: &World, index: usize) -> Result<(SessionId, Vec<String>), Error> {
    let store = world.store.as_ref();
    let input = GroupInput {
        name: format!("Online Room {index:04}"),
        description: "A group that meets online, for the room benchmark.".into(),
        program_id: world.program.to_string(),
        location_id: world.online.to_string(),
        kind: "therapy".into(),
        enrollment: "rolling".into(),
        format: "online".into(),
        capacity: world.per_room.to_string(),
        min_size: "3".into(),
        language: "en".into(),
        time_zone: "America/New_York".into(),
        focus_areas: vec!["anxiety".into()],
        payment_options: vec!["sliding_scale".into()],
        audiences: vec!["adults".into()],
        lead_facilitator_id: world.lead.to_string(),
        ..GroupInput::default()
    };
    let group = create_group(store, &world.admin, world.now, world.org, &input)
        .await
        .map_err(at("group"))?;
    let session = GroupSession {
        id: SessionId::new(),
        group_id: group.id,
        starts_at: world.starts_at,
        ends_at: world.starts_at + Duration::minutes(90),
        status: SessionStatus::Scheduled,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    };
    store.insert_session(session.clone()).await?;
    let joined = world.now - Duration::days(7);
    let mut cookies = Vec::with_capacity(world.per_room);
    for seat in 0..world.per_room {
        let n = index * world.per_room + seat;
        let name = format!("Member {n:05}");
        let member = account(store, &format!("member{n:05}"), &name, &world.hash, joined).await?;
        let enrollment =
            Enrollment::recorded(group.id, member.id, EnrollmentStatus::Active, joined, 0);
        store.insert_enrollment(enrollment).await?;
        let sign = SignInput {
            version: 1,
            typed_name: name,
            confirm: true,
        };
        let signer = actor(store, &member).await?;
        agreements::sign(store, &signer, world.org, &sign, joined)
            .await
            .map_err(at("agreement"))?;
        // Opened now, not at the start of the seed: sessions have an idle limit.
        let opened = start_session(store, &member, Utc::now())
            .await
            .map_err(at("session"))?;
        cookies.push(opened.token.expose().to_owned());
    }
    Ok((session.id, cookies))
}

async fn account(
    store: &dyn Store,
    local: &str,
    name: &str,
    hash: &PasswordHash,
    at: DateTime<Utc>,
) -> Result<Account, Error> {
    Ok(store
        .create_account(NewAccount {
            id: AccountId::new(),
            email: Email::parse(&format!("{local}@rooms.bench.test"))?,
            display_name: DisplayName::parse(name)?,
            password_hash: hash.clone(),
            created_at: at,
        })
        .await?)
}

/// The person as a signed-in request would carry them (roles from the store).
async fn actor(store: &dyn Store, account: &Account) -> Result<Actor, Error> {
    Ok(Actor::SignedIn(SignedIn {
        account_id: account.id,
        display_name: account.display_name.clone(),
        roles: store.roles_of(account.id).await?,
        auth_session: None,
    }))
}

/// A domain error with the step it came from; an invalid input lists its fields (its
/// message alone says only "invalid input").
fn at(step: &'static str) -> impl FnOnce(kindred_domain::Error) -> Error {
    move |e| match e {
        kindred_domain::Error::Invalid(fields) => format!("{step}: {fields:?}").into(),
        other => format!("{step}: {other}").into(),
    }
}
