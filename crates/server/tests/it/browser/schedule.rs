//! The schedule journey, on the group the administrator made in `staff.rs`: its clinician
//! gives it a weekly evening schedule → a member joins → the first session is held and the
//! clinician marks attendance → the member's calendar feed holds the session at 19:00 local.

use std::io::{Read, Write};

use chrono::{Datelike, Duration, NaiveTime, TimeZone};
use fantoccini::Locator;
use kindred_domain::schedules::day_code;
use kindred_server::app::Clock;
use serde_json::json;

use super::{Journey, Step, PASSWORD};

const GROUP: &str = "Thursday Coping Skills";
const ZONE: chrono_tz::Tz = chrono_tz::America::New_York;

impl Journey<'_> {
    pub(super) async fn run_schedule(&self) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let today = self.clock.now().with_timezone(&ZONE).date_naive();
        let first = today + Duration::days(1);

        // The clinician finds the group and adds Tuesday-style weekly evenings from tomorrow.
        self.open_group_sessions(GROUP).await?;
        let sessions_page = self.path().await?;
        let group = sessions_page
            .trim_end_matches("/sessions")
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        problems.extend(self.scan("schedule page (empty)").await?);
        let day = day_code(first.weekday());
        self.click(Locator::Css(&format!("input[name='days'][value='{day}']")))
            .await?;
        self.set_value("start_time", "19:00").await?;
        self.set_value("first_date", &today.to_string()).await?;
        self.submit("form[action$='/schedules'] button[type='submit']")
            .await?;
        self.wait_for_path(&sessions_page).await?;
        problems.extend(self.scan("schedule page (with sessions)").await?);
        self.sign_out().await?;

        // A member joins it from its public page.
        self.sign_in("member@demo.kindred.test").await?;
        self.goto(&format!("/groups/{group}")).await?;
        self.submit("form[action$='/join'] button[type='submit']")
            .await?;
        self.wait_for_path(&format!("/groups/{group}")).await?;
        self.wait_for_text("You are a member of this group").await?;
        problems.extend(self.scan("public group page (member)").await?);
        self.sign_out().await?;

        // Two days on, the first session is over: its clinician marks it.
        self.clock.advance(Duration::days(2));
        self.sign_in("clinician@demo.kindred.test").await?;
        self.goto(&sessions_page).await?;
        self.click(Locator::LinkText("Attendance")).await?;
        self.wait_until(|p| p.contains("/sessions/") && !p.ends_with("/sessions"))
            .await?;
        let sheet = self.path().await?;
        problems.extend(self.scan("attendance sheet").await?);
        self.submit("form[action$='/attendance'] button[type='submit']")
            .await?;
        self.wait_for_path(&sheet).await?;
        self.wait_for_text("Attendance saved.").await?;
        problems.extend(self.scan("attendance sheet (saved)").await?);
        self.sign_out().await?;

        // The member subscribes to their calendar and the feed holds the session.
        self.sign_in("member@demo.kindred.test").await?;
        self.goto("/account/calendar").await?;
        problems.extend(self.scan("calendar page").await?);
        self.submit("form[action='/account/calendar'] button[type='submit']")
            .await?;
        self.wait_for_path("/account/calendar").await?;
        let url = self
            .client
            .wait()
            .at_most(std::time::Duration::from_secs(15))
            .for_element(Locator::Id("feed-url"))
            .await
            .map_err(|e| format!("the new feed's address is not shown: {e}"))?
            .prop("value")
            .await
            .map_err(|e| format!("read the feed's address: {e}"))?
            .unwrap_or_default();
        problems.extend(self.scan("calendar page (new feed)").await?);
        self.sign_out().await?;

        let ics = fetch(&url)?;
        let start = ZONE
            .from_local_datetime(
                &first.and_time(NaiveTime::from_hms_opt(19, 0, 0).unwrap_or_default()),
            )
            .single()
            .ok_or("tomorrow 19:00 is not one instant")?;
        let dtstart = format!(
            "DTSTART;TZID=America/New_York:{}",
            start.format("%Y%m%dT%H%M%S")
        );
        for expected in [dtstart.as_str(), "SUMMARY:Group session", "BEGIN:VTIMEZONE"] {
            if !ics.contains(expected) {
                return Err(format!("the feed lacks {expected:?}:\n{ics}"));
            }
        }
        if ics.contains(GROUP) {
            return Err("the member's neutral feed names the group".into());
        }
        Ok(problems)
    }

    /// The demo clinician signs in and opens the sessions of `group`; the organization's
    /// path.
    pub(super) async fn open_group_sessions(&self, group: &str) -> Step<String> {
        self.sign_in("clinician@demo.kindred.test").await?;
        let org = self.href("main a[href^='/orgs/']").await?;
        self.goto(&format!("{org}/groups")).await?;
        self.click(Locator::LinkText(group)).await?;
        self.wait_until(|p| p.starts_with(&format!("{org}/groups/")))
            .await?;
        self.click(Locator::LinkText("Schedule and sessions"))
            .await?;
        self.wait_until(|p| p.ends_with("/sessions")).await?;
        Ok(org)
    }

    /// … and the page of its next session (plan and attendance); the organization's path
    /// and that page's.
    pub(super) async fn open_next_session(&self, group: &str) -> Step<(String, String)> {
        let org = self.open_group_sessions(group).await?;
        self.click(Locator::LinkText("Plan")).await?;
        self.wait_until(|p| p.contains("/sessions/") && !p.ends_with("/sessions"))
            .await?;
        Ok((org, self.path().await?))
    }

    pub(super) async fn sign_in(&self, email: &str) -> Step<()> {
        self.goto("/login").await?;
        self.fill("email", email).await?;
        self.fill("password", PASSWORD).await?;
        self.submit("form[action='/login'] button[type='submit']")
            .await?;
        self.wait_for_path("/dashboard").await
    }

    pub(super) async fn path(&self) -> Step<String> {
        self.client
            .current_url()
            .await
            .map(|u| u.path().to_owned())
            .map_err(|e| format!("read the current URL: {e}"))
    }

    /// Date and time inputs take their value in ISO form whatever the browser's locale.
    pub(super) async fn set_value(&self, id: &str, value: &str) -> Step<()> {
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await
            .map(|_| ())
            .map_err(|e| format!("set #{id}: {e}"))
    }

    pub(super) async fn expect_text(&self, text: &str) -> Step<()> {
        let main = self
            .client
            .find(Locator::Css("main"))
            .await
            .map_err(|e| format!("find the page: {e}"))?
            .text()
            .await
            .map_err(|e| format!("read the page: {e}"))?;
        if main.contains(text) {
            Ok(())
        } else {
            Err(format!("expected {text:?} on the page, which says: {main}"))
        }
    }
}

/// The feed as a calendar app fetches it: a plain GET, no cookie.
fn fetch(url: &str) -> Step<String> {
    let rest = url.strip_prefix("http://").ok_or("the feed is not http")?;
    let (host, path) = rest.split_once('/').ok_or("the feed has no path")?;
    let mut stream =
        std::net::TcpStream::connect(host).map_err(|e| format!("connect to {host}: {e}"))?;
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| format!("send the request: {e}"))?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| format!("read the feed: {e}"))?;
    let (head, body) = response.split_once("\r\n\r\n").ok_or("no response body")?;
    if !head.starts_with("HTTP/1.1 200") || !head.to_lowercase().contains("text/calendar") {
        return Err(format!("the feed answered {head}"));
    }
    Ok(unchunk(body))
}

/// The server may send the body in chunks; joins them.
fn unchunk(body: &str) -> String {
    if !body.contains("BEGIN:VCALENDAR\r\n") || body.starts_with("BEGIN:") {
        return body.to_owned();
    }
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}
