//! The intake journey, on the group the administrator made in `staff.rs`: a visitor asks to
//! join from its public page and creates an account on the same form → the clinician finds
//! the request in the organization's intake queue and accepts it → the person reads the
//! answer on their dashboard and in their notifications.

use fantoccini::Locator;

use super::{Journey, Step, PASSWORD};

const GROUP: &str = "Thursday Coping Skills";

impl Journey<'_> {
    pub(super) async fn run_intake(&self) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let email = format!("asks-{}@example.test", self.backend);

        // A visitor asks to join from the group's public page.
        self.goto("/").await?;
        self.click(Locator::LinkText(GROUP)).await?;
        self.wait_until(|p| p.starts_with("/groups/")).await?;
        self.click(Locator::LinkText("Request to join")).await?;
        self.wait_until(|p| p.ends_with("/request")).await?;
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

        // The person reads the answer.
        self.sign_in(&email).await?;
        self.wait_for_text("was accepted").await?;
        self.goto("/notifications").await?;
        problems.extend(self.scan("notifications").await?);
        self.submit("form[action='/notifications/read-all'] button[type='submit']")
            .await?;
        self.wait_for_path("/notifications").await?;
        self.wait_for_text("0 unread.").await?;
        self.sign_out().await?;
        Ok(problems)
    }

    /// A form shown again with problems answers on the same path: waits until the new
    /// page says `text` (the old page may still be there, or go stale while read).
    async fn wait_for_text(&self, text: &str) -> Step<()> {
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
