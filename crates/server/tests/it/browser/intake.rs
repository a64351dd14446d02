//! The intake journey, on the group the administrator made in `staff.rs` (online, about
//! alcohol use, evenings from `schedule.rs`): a visitor finds it in the directory, takes the
//! self-screen from its page and asks to join with the result attached, creating an account
//! on the same form → the clinician finds
//! the request in the organization's intake queue and accepts it → the person reads the
//! answer on their dashboard and in their notifications.

use fantoccini::Locator;

use super::{Journey, Step, PASSWORD};

const GROUP: &str = "Thursday Coping Skills";

impl Journey<'_> {
    pub(super) async fn run_intake(&self) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let email = format!("asks-{}@example.test", self.backend);

        // A visitor looks for an evening online group about alcohol.
        self.goto("/find").await?;
        problems.extend(self.scan("directory (empty search)").await?);
        for (name, value) in [
            ("focus", "alcohol_use"),
            ("format", "online"),
            ("time", "evening"),
        ] {
            self.click(Locator::Css(&format!(
                "input[name='{name}'][value='{value}']"
            )))
            .await?;
        }
        self.submit("form[action='/find'] button[type='submit']")
            .await?;
        let card = self
            .client
            .wait()
            .at_most(std::time::Duration::from_secs(15))
            .for_element(Locator::XPath(&format!(
                "//main//li[contains(@class, 'card')][.//a[normalize-space()='{GROUP}']]"
            )))
            .await
            .map_err(|e| format!("the directory does not list {GROUP}: {e}"))?
            .html(false)
            .await
            .map_err(|e| format!("read the result card: {e}"))?;
        for why in [">evening<", ">online<", ">alcohol use<"] {
            if !card.contains(why) {
                return Err(format!(
                    "the result does not say it fits by {why:?}: {card}"
                ));
            }
        }
        problems.extend(self.scan("directory (results)").await?);
        self.click(Locator::LinkText(GROUP)).await?;
        self.wait_until(|p| p.starts_with("/groups/")).await?;

        // They check the fit first: the anonymous screen, every answer the calmest one.
        self.click(Locator::LinkText("Check whether this group fits you"))
            .await?;
        self.wait_until(|p| p == "/screening").await?;
        problems.extend(self.scan("self-screen").await?);
        self.answer_every_question_with_the_first_choice().await?;
        self.submit("form[action^='/screening'] button[type='submit']")
            .await?;
        self.wait_for_text("not a diagnosis").await?;
        problems.extend(self.scan("self-screen result").await?);
        self.submit("form[action$='/request'] button[type='submit']")
            .await?;
        self.wait_for_text("Screening result attached").await?;
        problems.extend(self.scan("request to join (visitor)").await?);
        // Sent without a way to reach them first: the form says what is missing.
        self.fill("name", "Ash").await?;
        self.submit("form[action$='/request'] button[type='submit']")
            .await?;
        self.wait_for_text("This field is required.").await?;
        problems.extend(self.scan("request to join (with a problem)").await?);
        self.fill("contact", "555-0199, evenings").await?;
        self.fill("availability", "Thursday evenings").await?;
        self.fill("email", &email).await?;
        self.fill("password", PASSWORD).await?;
        self.fill("display_name", "Ash").await?;
        self.submit("form[action$='/request'] button[type='submit']")
            .await?;
        self.wait_for_path("/dashboard").await?;
        self.wait_for_text("My requests to join").await?;
        problems.extend(self.scan("dashboard (a request sent)").await?);
        self.sign_out().await?;

        // The clinician is told, and accepts it from the queue.
        self.sign_in("clinician@demo.kindred.test").await?;
        self.wait_for_text(&format!("New request to join {GROUP}"))
            .await?;
        problems.extend(self.scan("dashboard (staff, a notification)").await?);
        let org = self
            .href("main section[aria-labelledby='work-heading'] a[href^='/orgs/']")
            .await?;
        self.goto(&org).await?;
        self.click(Locator::LinkText("Intake queue")).await?;
        self.wait_until(|p| p.ends_with("/intake")).await?;
        problems.extend(self.scan("intake queue").await?);
        // The demo clinic has requests of its own; Ash's is the row with their name.
        self.click(Locator::XPath(
            "//main//tr[td[normalize-space()='Ash']]//a[contains(@href, '/intake/')]",
        ))
        .await?;
        self.wait_until(|p| p.contains("/intake/")).await?;
        let request = self.path().await?;
        self.wait_for_text("Screening result, not a diagnosis")
            .await?;
        problems.extend(self.scan("intake request").await?);
        self.click(Locator::Css("input[name='action'][value='accept']"))
            .await?;
        self.submit("form[action$='/transitions'] button[type='submit']")
            .await?;
        self.wait_for_path(&request).await?;
        self.wait_for_text("Accepted").await?;
        problems.extend(self.scan("intake request (accepted)").await?);
        self.sign_out().await?;

        // The person reads the answer, and the group is theirs.
        self.sign_in(&email).await?;
        self.wait_for_text("was accepted").await?;
        let mine = self
            .client
            .find(Locator::Css(
                "main section[aria-labelledby='groups-heading']",
            ))
            .await
            .map_err(|e| format!("the dashboard has no \"My groups\": {e}"))?
            .text()
            .await
            .map_err(|e| format!("read \"My groups\": {e}"))?;
        if !mine.contains(GROUP) {
            return Err(format!("\"My groups\" does not list {GROUP}: {mine}"));
        }
        self.goto("/notifications").await?;
        problems.extend(self.scan("notifications").await?);
        self.submit("form[action='/notifications/read-all'] button[type='submit']")
            .await?;
        self.wait_for_path("/notifications").await?;
        self.wait_for_text("0 unread.").await?;
        self.sign_out().await?;
        Ok(problems)
    }

    /// Picks the first choice of every radio question on the page, as a person would click.
    async fn answer_every_question_with_the_first_choice(&self) -> Step<()> {
        let radios = self
            .client
            .find_all(Locator::Css("main form input[type='radio']"))
            .await
            .map_err(|e| format!("list the questions' choices: {e}"))?;
        let mut answered = std::collections::BTreeSet::new();
        for radio in radios {
            let name = radio
                .attr("name")
                .await
                .map_err(|e| format!("read a choice's question: {e}"))?
                .unwrap_or_default();
            if answered.insert(name.clone()) {
                radio
                    .click()
                    .await
                    .map_err(|e| format!("answer {name}: {e}"))?;
            }
        }
        Ok(())
    }

    /// A form shown again with problems answers on the same path: waits until the new
    /// page says `text` (the old page may still be there, or go stale while read).
    pub(super) async fn wait_for_text(&self, text: &str) -> Step<()> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            match self.expect_text(text).await {
                Ok(()) => return Ok(()),
                Err(e) if std::time::Instant::now() > deadline => return Err(e),
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            }
        }
    }
}
