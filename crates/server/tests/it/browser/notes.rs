//! The notes journey, on the group of `staff.rs` after `schedule.rs` and `intake.rs` (its
//! members: River, who joined, and Ash, accepted from the queue): the clinician plans next
//! week's session with two techniques → the session is held and marked → the clinician
//! writes the group note on one screen (a name of the other member is caught first) and
//! signs it → each member's note is in their chart. Then the peer specialist writes and
//! signs the note of a session of the group they lead → it waits in the co-sign queue →
//! a clinician co-signs it.

use chrono::Duration;
use fantoccini::Locator;
use kindred_domain::techniques::builtin;
use kindred_domain::techniques::builtins::{CHECK_IN, STRESS_AND_THE_BODY};
use serde_json::json;

use super::{Journey, Step};

const GROUP: &str = "Thursday Coping Skills";
const PEER_GROUP: &str = "Daytime IOP Recovery Skills";

impl Journey<'_> {
    pub(super) async fn run_notes(&self) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let titles: Vec<String> = [STRESS_AND_THE_BODY, CHECK_IN]
            .into_iter()
            .filter_map(builtin)
            .map(|t| t.title)
            .collect();

        // The clinician plans next week's session from the library.
        let (org, sheet) = self.open_next_session(GROUP).await?;
        for id in [STRESS_AND_THE_BODY, CHECK_IN] {
            self.set_value("technique_id", &id.to_string()).await?;
            self.submit("form[action$='/plan'] button[type='submit']")
                .await?;
            self.wait_for_path(&sheet).await?;
        }
        for title in &titles {
            self.wait_for_text(title).await?;
        }
        problems.extend(self.scan("session page (planned)").await?);
        self.sign_out().await?;

        // A week and a day on, the session was held: everyone present.
        self.clock.advance(Duration::days(8));
        self.sign_in("clinician@demo.kindred.test").await?;
        self.goto(&sheet).await?;
        self.submit("form[action$='/attendance'] button[type='submit']")
            .await?;
        self.wait_for_path(&sheet).await?;
        self.wait_for_text("Attendance saved.").await?;
        self.click(Locator::LinkText("Group note")).await?;
        self.wait_until(|p| p.ends_with("/note")).await?;
        let note = self.path().await?;
        problems.extend(self.scan("group note (new)").await?);
        let techniques = self.field_value("techniques").await?;
        if !titles.iter().all(|t| techniques.contains(t.as_str())) {
            return Err(format!(
                "the note is not pre-filled from the plan: {techniques:?}"
            ));
        }
        let sections = self.section_ids().await?;
        if sections.len() != 2 {
            return Err(format!(
                "expected a section for River and Ash, found {}",
                sections.len()
            ));
        }
        self.fill("themes", "Noticing stress early; asking for help.")
            .await?;
        for (i, member) in sections.iter().enumerate() {
            let data = if i == 0 {
                // Ash's section (the roster goes by name) names River: signing stops here.
                "Shared a hard week; River offered a tip."
            } else {
                "Practised the breathing exercise and named a trigger."
            };
            self.fill(&format!("member.{member}.data"), data).await?;
            self.fill(&format!("member.{member}.assessment"), "Engaged.")
                .await?;
            self.fill(&format!("member.{member}.plan"), "Practise daily.")
                .await?;
            self.set_value(&format!("member.{member}.risk_level"), "none")
                .await?;
        }
        self.submit("button[name='action'][value='sign']").await?;
        self.wait_for_text("This names another member").await?;
        problems.extend(self.scan("group note (a name found)").await?);
        self.fill(
            &format!("member.{}.data", sections[0]),
            "Shared a hard week and a tip that helped.",
        )
        .await?;
        self.submit("button[name='action'][value='sign']").await?;
        self.wait_for_path(&note).await?;
        self.wait_for_text("Signed").await?;
        problems.extend(self.scan("group note (signed)").await?);

        // Each member's note is in their own chart, and only there.
        for (member, own, other) in [
            (&sections[0], "a tip that helped", "named a trigger"),
            (&sections[1], "named a trigger", "a tip that helped"),
        ] {
            self.goto(&format!("{org}/members/{member}")).await?;
            self.wait_for_text(own).await?;
            self.expect_no_text(other).await?;
        }
        problems.extend(self.scan("member chart").await?);
        self.sign_out().await?;

        // Two days later the peer specialist writes the note of their group's session.
        self.clock.advance(Duration::days(2));
        self.sign_in("peer@demo.kindred.test").await?;
        self.wait_for_text("Missing documentation").await?;
        self.click(Locator::XPath(&format!(
            "//main//tr[td[normalize-space()='{PEER_GROUP}']][td[normalize-space()='Not started']]//a"
        )))
        .await?;
        self.wait_until(|p| p.ends_with("/note")).await?;
        let peer_note = self.path().await?;
        self.fill("themes", "Routines that hold a day together.")
            .await?;
        for member in self.section_ids().await? {
            self.fill(
                &format!("member.{member}.data"),
                "Took part in the check-in.",
            )
            .await?;
            self.fill(&format!("member.{member}.assessment"), "Settled.")
                .await?;
            self.fill(&format!("member.{member}.plan"), "Keep attending.")
                .await?;
            self.fill(&format!("member.{member}.response"), "Listened well.")
                .await?;
            self.set_value(&format!("member.{member}.risk_level"), "none")
                .await?;
        }
        for (field, text) in [
            ("topic", "Daily routines"),
            ("techniques", "Check-in round"),
        ] {
            self.fill(field, text).await?;
        }
        self.submit("button[name='action'][value='sign']").await?;
        self.wait_for_path(&peer_note).await?;
        self.wait_for_text("Waiting for co-signature").await?;
        self.sign_out().await?;

        // A clinician finds it in the co-sign queue and co-signs it.
        self.sign_in("clinician@demo.kindred.test").await?;
        self.goto(&org).await?;
        self.click(Locator::LinkText("Notes to co-sign")).await?;
        self.wait_until(|p| p.ends_with("/cosign")).await?;
        problems.extend(self.scan("co-sign queue").await?);
        self.goto(&peer_note).await?;
        self.submit("form[action$='/note/cosign'] button[type='submit']")
            .await?;
        self.wait_for_path(&peer_note).await?;
        self.wait_for_text("co-signed by Maya Okafor").await?;
        problems.extend(self.scan("group note (co-signed)").await?);
        self.sign_out().await?;
        Ok(problems)
    }

    /// The member ids of the note form's sections, in order.
    async fn section_ids(&self) -> Step<Vec<String>> {
        let fields = self
            .client
            .find_all(Locator::Css("textarea[name^='member.'][name$='.data']"))
            .await
            .map_err(|e| format!("list the member sections: {e}"))?;
        let mut ids = Vec::new();
        for field in fields {
            let name = field
                .attr("name")
                .await
                .map_err(|e| format!("read a section's field: {e}"))?
                .unwrap_or_default();
            if let Some(id) = name
                .strip_prefix("member.")
                .and_then(|n| n.strip_suffix(".data"))
            {
                ids.push(id.to_owned());
            }
        }
        Ok(ids)
    }

    async fn field_value(&self, id: &str) -> Step<String> {
        self.client
            .execute(
                "return document.getElementById(arguments[0]).value;",
                vec![json!(id)],
            )
            .await
            .map_err(|e| format!("read #{id}: {e}"))
            .map(|v| v.as_str().unwrap_or_default().to_owned())
    }

    async fn expect_no_text(&self, text: &str) -> Step<()> {
        match self.expect_text(text).await {
            Ok(()) => Err(format!("{text:?} is on a page where it must not be")),
            Err(_) => Ok(()),
        }
    }
}
