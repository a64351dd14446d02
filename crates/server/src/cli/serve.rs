use std::future::IntoFuture as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use kindred_domain::orgs;
use tokio::net::TcpListener;

use super::{keys, open, CliResult};
use crate::app::{router, AppState, SystemClock};

#[derive(clap::Args, Clone)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "KINDRED_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// `sqlite://path` or `postgres://user@host/db`.
    #[arg(
        long,
        env = "KINDRED_DATABASE_URL",
        default_value = "sqlite://kindred.db"
    )]
    pub database_url: String,
    /// The URL people use to reach this server; links and cookie security follow it.
    /// Defaults to http://<addr>.
    #[arg(long, env = "KINDRED_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Key file sealing clinical free text: base64 keys (32 bytes) one per line, the last
    /// one active (`kindred keys generate` makes one). `KINDRED_DATA_KEY` may hold a single
    /// key instead. `serve` refuses to start without a key.
    #[arg(long, env = "KINDRED_DATA_KEY_FILE")]
    pub data_key_file: Option<std::path::PathBuf>,
}

impl ServeArgs {
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
    }
}

pub async fn run(args: ServeArgs) -> CliResult {
    let keys = keys::load(args.data_key_file.as_deref())?.ok_or(keys::NO_KEY)?;
    let database = open_sealed(&args.database_url, keys).await?;
    let server = Server::bind(&args, database.store()).await?;
    if let Some(token) = orgs::begin_setup(database.store().as_ref(), chrono::Utc::now())
        .await
        .map_err(|e| e.to_string())?
    {
        println!(
            "This installation has no organization yet. Open this one-time link to set it up:"
        );
        println!("  {}/setup/{}", server.public_url(), token.expose());
    }
    server.run_until_signal().await;
    database.close().await;
    Ok(())
}

/// Connects, migrates, gives the database its keys and seals any text left in the clear by
/// a release before sealing.
pub(crate) async fn open_sealed(
    url: &str,
    keys: kindred_store::Keyring,
) -> Result<kindred_store::Database, String> {
    let database = open(url).await?.with_keys(keys);
    tracing::info!(
        key_id = %database.keys().active_id(),
        keys = database.keys().ids().len(),
        "data keys loaded"
    );
    database
        .seal_pending()
        .await
        .map_err(|e| format!("sealing stored text failed: {e}"))?;
    // Only in a benchmark build: the same page measured without its audit trail.
    #[cfg(feature = "bench")]
    {
        tracing::warn!("a benchmark build: KINDRED_BENCH_AUDIT=off would turn the audit trail off");
        if std::env::var("KINDRED_BENCH_AUDIT").as_deref() == Ok("off") {
            database.set_audit_enabled(false);
        }
    }
    Ok(database)
}

/// A bound, not yet serving, Kindred server.
pub struct Server {
    listener: TcpListener,
    app: axum::Router,
    state: AppState,
    public_url: String,
}

impl Server {
    pub async fn bind(
        args: &ServeArgs,
        store: Arc<dyn kindred_domain::Store>,
    ) -> Result<Self, String> {
        Self::bind_with_clock(args, store, Arc::new(SystemClock)).await
    }

    /// As [`Server::bind`], reading time from `clock` (tests move a manual clock on).
    pub async fn bind_with_clock(
        args: &ServeArgs,
        store: Arc<dyn kindred_domain::Store>,
        clock: Arc<dyn crate::app::Clock>,
    ) -> Result<Self, String> {
        let listener = TcpListener::bind(args.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
        // With port 0 the real port is known only now.
        let public_url = match (&args.public_url, listener.local_addr()) {
            (Some(url), _) => url.clone(),
            (None, Ok(addr)) => format!("http://{addr}"),
            (None, Err(_)) => args.public_url(),
        };
        let state = AppState::new(store, clock, &public_url);
        Ok(Self {
            listener,
            app: router(state.clone()),
            state,
            public_url,
        })
    }

    /// The URL people use to reach this server: `--public-url`, or the bound address.
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// Serves until SIGINT or SIGTERM (see [`Server::run`]).
    pub async fn run_until_signal(self) {
        self.run(shutdown_signal()).await;
    }

    /// Serves until `stop` completes, then stops accepting, lets in-flight requests finish,
    /// and gives up on stragglers after a grace period so the process exits within 10 s.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        // Dropped with this function: background passes end when serving ends.
        let jobs = AbortOnDrop(tokio::spawn(crate::app::jobs::run(self.state.clone())));
        let sweep = AbortOnDrop(tokio::spawn(crate::rooms::sweep(self.state.clone())));
        // The directory's place names load off the request path.
        tokio::task::spawn_blocking(crate::places::warm);
        // Connection addresses reach handlers for per-client sign-in limits.
        let app = self.app.into_make_service_with_connect_info::<SocketAddr>();
        let serving = axum::serve(self.listener, app).with_graceful_shutdown(async {
            let _ = stop_rx.await;
        });
        let mut serving = std::pin::pin!(serving.into_future());
        tokio::select! {
            result = &mut serving => {
                if let Err(e) = result {
                    tracing::error!(error = %e, "server stopped");
                }
                return;
            }
            () = stop => {}
        }
        tracing::info!("shutting down: finishing requests in flight");
        // Room connections outlive the requests that opened them: tell them to reconnect.
        self.state.rooms.stop(Duration::from_secs(3)).await;
        drop(sweep);
        let _ = stop_tx.send(());
        if tokio::time::timeout(Duration::from_secs(8), serving)
            .await
            .is_err()
        {
            tracing::warn!("requests still running after 8 s; exiting anyway");
        }
        drop(jobs);
    }
}

/// Stops a background task when its owner goes away.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
