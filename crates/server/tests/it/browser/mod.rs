//! The browser journey: a real Kindred server on a free port, Debian's Chromium driven
//! through `chromedriver` (fantoccini), and an axe-core scan of every page visited.
//!
//! A member: sign up → (signed in) dashboard → sign out → front page → sign in → dashboard →
//! sign out. A program administrator (in `staff.rs`): sign in → organization → a new group,
//! first with mistakes, then complete → its staff page → its public page → sign out. Then
//! (in `schedule.rs`) its clinician gives it a weekly evening schedule → a member joins →
//! the session is held and the clinician marks attendance → the member's calendar feed
//! holds the session. Then (in `intake.rs`) a visitor asks to join it, creating an account
//! on the way → the clinician accepts the request from the intake queue → the person reads
//! the answer.
//! Any axe violation of impact `serious` or `critical` fails the test.
//!
//! Needs `chromedriver` on the PATH, Chromium at `/usr/bin/chromium` (or `chromium` on the
//! PATH) and axe-core's `axe.min.js` at `KINDRED_AXE_PATH`. When one is missing the test
//! prints a notice and passes, unless `KINDRED_REQUIRE_BROWSER=1` (CI), which makes it fail.
//!
//! The journey runs on every backend of `all_backends()`, like the in-process stories: the
//! browser session is started once and each backend gets its own server (its own origin, so
//! cookies never cross). On PostgreSQL it adds a few seconds and proves the pages a browser
//! sees are the same there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod intake;
mod notes;
mod room;
mod schedule;
mod staff;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use kindred_server::app::{BlockingHasher, Clock, ManualClock};
use kindred_server::cli::{ServeArgs, Server};
use serde_json::{json, Value};

const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

/// Longest the whole journey on one backend may take before it counts as hung.
const JOURNEY_LIMIT: Duration = Duration::from_secs(420);
const PASSWORD: &str = "a calm river at dawn";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_sign_in_sign_out_with_accessibility_scans() {
    let Some(tools) = BrowserTools::find() else {
        return;
    };
    let axe_source = std::fs::read_to_string(&tools.axe).expect("read axe-core");

    let driver = Chromedriver::start(&tools.chromedriver);
    let profile = std::env::temp_dir().join(format!(
        "kindred-chromium-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&profile).expect("create the Chromium profile directory");
    let client = driver.connect(&tools.chromium, &profile).await;
    // A second browser, for the member in the online room beside the facilitator.
    let second_profile = profile.with_extension("second");
    std::fs::create_dir_all(&second_profile).expect("create the second Chromium profile");
    let second = driver.connect(&tools.chromium, &second_profile).await;

    let mut failures = Vec::new();
    for (backend, database) in kindred_store::testing::all_backends().await {
        eprintln!("--- browser journey on {backend}");
        // A clock the journey moves on, so a session can be held without waiting for it.
        let clock = std::sync::Arc::new(ManualClock::new(chrono::Utc::now()));
        let (base, stop, serving) = start_server(database.store(), clock.clone()).await;
        let email = format!("river-{backend}@example.test");
        let journey = Journey {
            client: &client,
            base: &base,
            axe_source: &axe_source,
            backend,
            clock: &clock,
        };
        let both = async {
            let mut problems = journey.run(&email).await?;
            kindred_server::demo::seed(
                database.store().as_ref(),
                &BlockingHasher::default(),
                clock.now(),
                PASSWORD,
            )
            .await
            .map_err(|e| format!("seed the demo clinic: {e}"))?;
            problems.extend(journey.run_staff().await?);
            problems.extend(journey.run_schedule().await?);
            problems.extend(journey.run_intake().await?);
            problems.extend(journey.run_notes().await?);
            let member = Journey {
                client: &second,
                ..journey
            };
            problems.extend(journey.run_room(&member).await?);
            Step::Ok(problems)
        };
        match tokio::time::timeout(JOURNEY_LIMIT, both).await {
            Ok(Ok(problems)) => failures.extend(problems),
            Ok(Err(e)) => failures.push(format!("[{backend}] journey failed: {e}")),
            Err(_) => failures.push(format!(
                "[{backend}] journey took longer than {JOURNEY_LIMIT:?}"
            )),
        }
        let _ = stop.send(());
        let _ = serving.await;
        database.close().await;
    }

    // Close the browser before chromedriver goes, so no Chromium is left behind.
    let _ = client.close().await;
    let _ = second.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    let _ = std::fs::remove_dir_all(&second_profile);

    assert!(
        failures.is_empty(),
        "browser journey found {} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What the test needs from the machine; `None` (with a notice) when something is missing.
struct BrowserTools {
    chromedriver: PathBuf,
    chromium: PathBuf,
    axe: PathBuf,
}

impl BrowserTools {
    fn find() -> Option<Self> {
        let chromedriver = on_path("chromedriver");
        let chromium = Some(PathBuf::from("/usr/bin/chromium"))
            .filter(|p| p.is_file())
            .or_else(|| on_path("chromium"));
        let axe = std::env::var_os("KINDRED_AXE_PATH")
            .map(PathBuf::from)
            .filter(|p| p.is_file());
        let mut missing = Vec::new();
        if chromedriver.is_none() {
            missing.push("chromedriver (Debian package chromium-driver)".to_owned());
        }
        if chromium.is_none() {
            missing.push("chromium (Debian package chromium)".to_owned());
        }
        if axe.is_none() {
            missing.push(match std::env::var("KINDRED_AXE_PATH") {
                Ok(path) => format!("axe-core at KINDRED_AXE_PATH={path} (run `npm ci --prefix .ci`)"),
                Err(_) => "KINDRED_AXE_PATH (e.g. .ci/node_modules/axe-core/axe.min.js after `npm ci --prefix .ci`)".to_owned(),
            });
        }
        if missing.is_empty() {
            return Some(Self {
                chromedriver: chromedriver?,
                chromium: chromium?,
                axe: axe?,
            });
        }
        let message = format!("browser test skipped: missing {}", missing.join(", "));
        if std::env::var("KINDRED_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("KINDRED_REQUIRE_BROWSER=1 but {message}");
        }
        eprintln!("note: {message}; set KINDRED_REQUIRE_BROWSER=1 to make this a failure");
        None
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// `chromedriver` as a child process on a free port; killed when dropped.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    fn start(binary: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("find a free port")
            .port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Self { child, port };
        let ready_by = Instant::now() + Duration::from_secs(20);
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(
                Instant::now() < ready_by,
                "chromedriver did not listen on port {port} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    async fn connect(&self, chromium: &Path, profile: &Path) -> Client {
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| (*s).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.display().to_string(),
                "args": args,
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("start a Chromium session through chromedriver")
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A real server on port 0, as `kindred serve` runs it; stopped by sending on the channel.
async fn start_server(
    store: std::sync::Arc<dyn kindred_domain::Store>,
    clock: std::sync::Arc<ManualClock>,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let args = ServeArgs {
        addr: "127.0.0.1:0".parse().expect("an address"),
        database_url: "sqlite://unused-by-bind.db".to_owned(),
        public_url: None,
        data_key_file: None,
    };
    let server = Server::bind_with_clock(&args, store, clock)
        .await
        .expect("bind the server");
    let addr = server.local_addr().expect("the bound address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    (format!("http://{addr}"), stop, serving)
}

type Step<T> = Result<T, String>;

struct Journey<'a> {
    client: &'a Client,
    base: &'a str,
    axe_source: &'a str,
    backend: &'static str,
    clock: &'a ManualClock,
}

impl Journey<'_> {
    /// Walks the journey; returns the accessibility problems found on the way. A step that
    /// cannot go on (a missing field, the wrong page) is an `Err`.
    async fn run(&self, email: &str) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let name = "River";

        // Sign up, which signs the new member in.
        self.goto("/signup").await?;
        problems.extend(self.scan("sign-up page").await?);
        self.fill("email", email).await?;
        self.fill("display_name", name).await?;
        self.fill("password", PASSWORD).await?;
        self.submit("form[action='/signup'] button[type='submit']")
            .await?;
        self.wait_for_path("/dashboard").await?;
        self.expect_heading(&format!("Welcome, {name}")).await?;
        problems.extend(self.scan("dashboard (after sign-up)").await?);

        // Sign out lands on the front page, signed out.
        self.sign_out().await?;
        problems.extend(self.scan("front page (signed out)").await?);

        // Sign in from the link in the navigation.
        self.click(Locator::Css("nav a[href='/login']")).await?;
        self.wait_for_path("/login").await?;
        problems.extend(self.scan("sign-in page").await?);
        self.fill("email", email).await?;
        self.fill("password", PASSWORD).await?;
        self.submit("form[action='/login'] button[type='submit']")
            .await?;
        self.wait_for_path("/dashboard").await?;
        self.expect_heading(&format!("Welcome, {name}")).await?;
        problems.extend(self.scan("dashboard (after sign-in)").await?);

        // Sign out again: the session is gone, so the dashboard sends us to sign in.
        self.sign_out().await?;
        self.goto("/dashboard").await?;
        self.wait_for_path("/login").await?;
        Ok(problems)
    }

    async fn goto(&self, path: &str) -> Step<()> {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .map_err(|e| format!("open {path}: {e}"))
    }

    async fn fill(&self, id: &str, text: &str) -> Step<()> {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .map_err(|e| format!("find field #{id}: {e}"))?;
        field
            .clear()
            .await
            .map_err(|e| format!("clear #{id}: {e}"))?;
        field
            .send_keys(text)
            .await
            .map_err(|e| format!("type into #{id}: {e}"))
    }

    async fn click(&self, locator: Locator<'_>) -> Step<()> {
        let element = self
            .client
            .find(locator)
            .await
            .map_err(|e| format!("find {locator:?}: {e}"))?;
        element
            .click()
            .await
            .map_err(|e| format!("click {locator:?}: {e}"))
    }

    /// Sends a form and waits until its page is replaced: the answer is often a page at the
    /// same path, which `wait_for_path` alone cannot tell from the old one.
    async fn submit(&self, button: &str) -> Step<()> {
        let page = self
            .client
            .find(Locator::Css("html"))
            .await
            .map_err(|e| format!("find the page before sending {button}: {e}"))?;
        self.click(Locator::Css(button)).await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        while page.tag_name().await.is_ok() {
            if Instant::now() > deadline {
                return Err(format!("no new page 15 s after sending {button}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }

    async fn sign_out(&self) -> Step<()> {
        self.submit("form[action='/logout'] button[type='submit']")
            .await?;
        self.wait_for_path("/").await?;
        let signed_out = self
            .client
            .find_all(Locator::Css("form[action='/logout']"))
            .await
            .map_err(|e| format!("look for the sign-out button: {e}"))?
            .is_empty();
        if signed_out {
            Ok(())
        } else {
            Err("still signed in after signing out".to_owned())
        }
    }

    /// Form posts answer with a redirect; waits until the browser has followed it.
    async fn wait_for_path(&self, expected: &str) -> Step<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = self
                .client
                .current_url()
                .await
                .map_err(|e| format!("read the current URL: {e}"))?;
            let ready = self
                .client
                .execute("return document.readyState;", vec![])
                .await
                .map_err(|e| format!("read the document state: {e}"))?;
            if url.path() == expected && ready == json!("complete") {
                return Ok(());
            }
            if Instant::now() > deadline {
                let body = self.client.find(Locator::Css("main")).await.ok();
                let text = match body {
                    Some(main) => main.text().await.unwrap_or_default(),
                    None => String::new(),
                };
                return Err(format!(
                    "expected to arrive at {expected}, still at {url}; the page says: {text}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn expect_heading(&self, expected: &str) -> Step<()> {
        let heading = self
            .client
            .find(Locator::Css("main h1"))
            .await
            .map_err(|e| format!("find the page heading: {e}"))?
            .text()
            .await
            .map_err(|e| format!("read the page heading: {e}"))?;
        if heading.trim() == expected {
            Ok(())
        } else {
            Err(format!(
                "expected the heading {expected:?}, found {heading:?}"
            ))
        }
    }

    /// Runs axe-core on the current page. Serious and critical violations come back as
    /// problems; lesser ones are printed as notes.
    ///
    /// The page's CSP (`script-src 'self'`) would block an injected `<script>`; WebDriver
    /// scripts are not subject to it, so axe's source is evaluated through `execute`.
    async fn scan(&self, page: &str) -> Step<Vec<String>> {
        self.client
            .execute(&format!("{}\n;return true;", self.axe_source), vec![])
            .await
            .map_err(|e| format!("load axe-core on the {page}: {e}"))?;
        let outcome = self
            .client
            .execute_async(
                r"
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done({ passes: r.passes.length, violations: r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })),
                  })) }))
                  .catch(e => done({ error: String(e) }));
                ",
                vec![],
            )
            .await
            .map_err(|e| format!("run axe-core on the {page}: {e}"))?;
        if let Some(error) = outcome.get("error") {
            return Err(format!("axe-core failed on the {page}: {error}"));
        }
        let violations = outcome
            .get("violations")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("axe-core gave no result on the {page}: {outcome}"))?;
        // A page where no rule applied means axe did not really look at it.
        if outcome.get("passes").and_then(Value::as_u64).unwrap_or(0) == 0 {
            return Err(format!("axe-core checked no rule on the {page}: {outcome}"));
        }
        let mut problems = Vec::new();
        for violation in violations {
            let text = |key: &str| {
                violation
                    .get(key)
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_owned()
            };
            let impact = text("impact");
            let nodes: Vec<String> = violation
                .get("nodes")
                .and_then(Value::as_array)
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|n| {
                            format!(
                                "      {} — {}",
                                n.get("target").map(Value::to_string).unwrap_or_default(),
                                n.get("summary")
                                    .and_then(Value::as_str)
                                    .unwrap_or("")
                                    .replace('\n', " ")
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let line = format!(
                "[{}] {page}: {} ({impact}): {} <{}>\n{}",
                self.backend,
                text("id"),
                text("help"),
                text("helpUrl"),
                nodes.join("\n")
            );
            if matches!(impact.as_str(), "serious" | "critical") {
                problems.push(line);
            } else {
                eprintln!("note: axe {line}");
            }
        }
        eprintln!(
            "axe: {page}: {} violation(s), {} serious or critical",
            violations.len(),
            problems.len()
        );
        Ok(problems)
    }
}
