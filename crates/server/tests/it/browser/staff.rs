//! The administrator's journey through the staff pages, on the demo clinic: the busiest form
//! (a new group) is scanned empty, with mistakes, and after saving.

use fantoccini::Locator;

use super::{Journey, Step, PASSWORD};

const GROUP: &str = "Thursday Coping Skills";

impl Journey<'_> {
    pub(super) async fn run_staff(&self) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        self.goto("/login").await?;
        self.fill("email", "admin@demo.kindred.test").await?;
        self.fill("password", PASSWORD).await?;
        self.submit("form[action='/login'] button[type='submit']")
            .await?;
        self.wait_for_path("/dashboard").await?;

        // From "Where you work" to the organization's front page.
        let org = self.href("main a[href^='/orgs/']").await?;
        self.click(Locator::Css("main a[href^='/orgs/']")).await?;
        self.wait_for_path(&org).await?;
        problems.extend(self.scan("organization page").await?);

        let new_group = format!("{org}/groups/new");
        self.goto(&new_group).await?;
        problems.extend(self.scan("new group form").await?);

        // Saving with only a name shows every problem at its field, and keeps the name.
        self.fill("name", GROUP).await?;
        self.submit("main form button[type='submit']").await?;
        self.wait_for_path(&format!("{org}/groups")).await?;
        self.client
            .find(Locator::Css(".problem-summary"))
            .await
            .map_err(|e| format!("the form with mistakes shows no summary: {e}"))?;
        problems.extend(self.scan("group form with problems").await?);

        self.choose("program_id", "Outpatient").await?;
        self.choose("kind", "Skills group").await?;
        self.choose("lead_facilitator_id", "Maya Okafor").await?;
        self.choose("enrollment", "Rolling").await?;
        self.choose("format", "Online").await?;
        self.choose("location_id", "Riverside Online").await?;
        self.choose("language", "English").await?;
        for focus in ["anxiety", "alcohol_use"] {
            self.click(Locator::Css(&format!(
                "input[name='focus_areas'][value='{focus}']"
            )))
            .await?;
        }
        self.submit("main form button[type='submit']").await?;
        self.wait_until(|path| {
            path.starts_with(&format!("{org}/groups/")) && !path.ends_with("/new")
        })
        .await?;
        self.expect_heading(GROUP).await?;
        problems.extend(self.scan("group page (staff)").await?);

        self.click(Locator::LinkText("See the public page")).await?;
        self.wait_until(|path| path.starts_with("/groups/")).await?;
        self.expect_heading(GROUP).await?;
        problems.extend(self.scan("public group page").await?);

        self.sign_out().await?;
        Ok(problems)
    }

    pub(super) async fn href(&self, css: &str) -> Step<String> {
        self.attribute(css, "href").await
    }

    pub(super) async fn attribute(&self, css: &str, name: &str) -> Step<String> {
        self.client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("find {css}: {e}"))?
            .attr(name)
            .await
            .map_err(|e| format!("read {name} of {css}: {e}"))?
            .ok_or_else(|| format!("{css} has no {name}"))
    }

    /// Picks the first option of a select whose label contains `text`, as a person would.
    pub(super) async fn choose(&self, select: &str, text: &str) -> Step<()> {
        let options = self
            .client
            .find_all(Locator::Css(&format!("select#{select} option")))
            .await
            .map_err(|e| format!("list the options of #{select}: {e}"))?;
        for option in options {
            let label = option
                .text()
                .await
                .map_err(|e| format!("read an option of #{select}: {e}"))?;
            if label.contains(text) {
                return option
                    .click()
                    .await
                    .map_err(|e| format!("choose {label:?} in #{select}: {e}"));
            }
        }
        Err(format!("#{select} has no option containing {text:?}"))
    }

    /// Waits until the browser has arrived at a path the test cannot know in advance.
    pub(super) async fn wait_until(&self, arrived: impl Fn(&str) -> bool) -> Step<()> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let url = self
                .client
                .current_url()
                .await
                .map_err(|e| format!("read the current URL: {e}"))?;
            if arrived(url.path()) {
                return self.wait_for_path(url.path()).await;
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("still at {url}"));
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}
