//! `rooms store-ceiling`: how many chat messages a second Kindred's store itself appends on
//! a seeded database, with no server, socket or frame in the way: `--tasks` tasks each
//! appending one message after another through `Store::append_message` (what a `say` does)
//! for `--seconds`, as the members of the seed. When the server acknowledges fewer
//! messages than this, the time goes elsewhere; when about as many, the store is the limit.
//!
//! It writes to the database: run it on a seeded copy, not under a running server.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use kindred_domain::auth::{resolve_session, SecretToken};
use kindred_domain::ids::{AccountId, RoomMessageId, SessionId};
use kindred_domain::rooms::NewMessage;
use kindred_domain::Store;
use kindred_store::{Database, Keyring};

use crate::roster::Roster;
use crate::Error;

#[derive(clap::Args, Debug)]
pub struct CeilingArgs {
    /// A database made by `rooms seed`, and its key file and members file.
    #[arg(long)]
    pub database: PathBuf,
    #[arg(long)]
    pub data_key_file: PathBuf,
    #[arg(long)]
    pub members: PathBuf,
    /// Appending tasks, each one message at a time; several counts give several figures.
    #[arg(long, value_delimiter = ',', default_value = "1,64,1000")]
    pub tasks: Vec<usize>,
    #[arg(long, default_value_t = 5.0)]
    pub seconds: f64,
}

pub async fn run(args: &CeilingArgs) -> Result<(), Error> {
    let roster = Roster::load(&args.members)?;
    let keys = Keyring::parse(&std::fs::read_to_string(&args.data_key_file)?)?;
    let db = Database::connect(&format!("sqlite://{}", args.database.display()))
        .await?
        .with_keys(keys);
    let store = db.store();
    // Who each member is: their session cookie resolves to their account.
    let mut authors: Vec<(SessionId, AccountId)> = Vec::new();
    for (member, cookie) in roster.cookies.iter().enumerate() {
        let token = SecretToken::presented(cookie);
        let me = resolve_session(store.as_ref(), Utc::now(), &token)
            .await
            .map_err(|e| format!("member {member}: {e}"))?
            .ok_or_else(|| format!("member {member}: the session has expired"))?
            .0;
        let session = roster
            .sessions
            .get(member / roster.size)
            .ok_or("a member without a room")?
            .parse()
            .map_err(|_| "a session id that is not an id")?;
        authors.push((session, me.account_id));
    }
    let authors = Arc::new(authors);
    for &tasks in &args.tasks {
        let rate = appends(&store, &authors, tasks, args.seconds).await?;
        println!("store-ceiling: {tasks:>5} tasks: {rate:>8.0} messages/s appended");
    }
    db.close().await;
    Ok(())
}

/// Messages a second `tasks` tasks append, member `i % members` sending for task `i`.
async fn appends(
    store: &Arc<dyn Store>,
    authors: &Arc<Vec<(SessionId, AccountId)>>,
    tasks: usize,
    seconds: f64,
) -> Result<f64, Error> {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let mut running = tokio::task::JoinSet::new();
    let started = Instant::now();
    for task in 0..tasks {
        let (store, authors) = (Arc::clone(store), Arc::clone(authors));
        let (stop, done) = (Arc::clone(&stop), Arc::clone(&done));
        running.spawn(async move {
            let Some(&(session_id, author_id)) = authors.get(task % authors.len().max(1)) else {
                return Ok::<(), Error>(());
            };
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                store
                    .append_message(NewMessage {
                        id: RoomMessageId::new(),
                        session_id,
                        client_id: format!("c{task}-{n}-{}", started.elapsed().as_nanos()),
                        author_id,
                        body: format!("store ceiling message {n}"),
                        sent_at: Utc::now(),
                    })
                    .await?;
                done.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        });
    }
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    let counted = done.load(Ordering::Relaxed);
    let took = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    while let Some(task) = running.join_next().await {
        task??;
    }
    Ok(counted as f64 / took)
}
