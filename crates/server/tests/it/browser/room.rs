//! The online room journey, in two browsers at once, on the group of the notes journey: the
//! clinician puts a guided visualization in the next session's plan and opens its room ten
//! minutes before the start; River, a member, is sent to sign the group agreement first,
//! then comes in. They chat both ways, River raises a hand, the clinician starts the
//! exercise and both see the same step counting down, then the clinician removes River,
//! whose room closes.

use chrono::{DateTime, Duration, Utc};
use fantoccini::Locator;
use kindred_domain::techniques::builtin;
use kindred_domain::techniques::builtins::SAFE_PLACE;

use super::{Journey, Step};

const GROUP: &str = "Thursday Coping Skills";

impl Journey<'_> {
    /// `member` is a second browser, for River (the demo's member@demo.kindred.test).
    pub(super) async fn run_room(&self, member: &Journey<'_>) -> Step<Vec<String>> {
        let mut problems = Vec::new();
        let exercise = builtin(SAFE_PLACE).ok_or("the built-in safe place")?.title;

        // The clinician plans the exercise on the next session's page.
        let (_, sheet) = self.open_next_session(GROUP).await?;
        self.set_value("technique_id", &SAFE_PLACE.to_string())
            .await?;
        self.submit("form[action$='/plan'] button[type='submit']")
            .await?;
        self.wait_for_path(&sheet).await?;
        self.wait_for_text(&exercise).await?;

        // Ten minutes before the start, the room is open.
        let starts = self.attribute("main time", "datetime").await?;
        let starts: DateTime<Utc> = DateTime::parse_from_rfc3339(&starts)
            .map_err(|e| format!("read the session's start {starts:?}: {e}"))?
            .with_timezone(&Utc);
        let room = self.href("main a[href$='/room']").await?;
        self.clock
            .advance(starts - self.clock_now() - Duration::minutes(10));
        // Days passed on the clock: the sign-in of before has timed out.
        self.sign_in("clinician@demo.kindred.test").await?;
        self.goto(&room).await?;
        self.wait_for_path(&room).await?;
        self.wait_for_text("Connected.").await?;
        problems.extend(self.scan("online room (facilitator)").await?);

        // River is asked to sign the agreement first, signs, and comes in.
        member.sign_in("member@demo.kindred.test").await?;
        member.goto(&room).await?;
        member.wait_for_text("sign the group agreement").await?;
        problems.extend(member.scan("online room (agreement unsigned)").await?);
        member
            .click(Locator::LinkText("Read and sign the group agreement"))
            .await?;
        member.wait_until(|p| p.ends_with("/agreement")).await?;
        member.fill("typed_name", "River").await?;
        member.click(Locator::Id("confirm")).await?;
        member
            .submit("form[action$='/agreement/sign'] button[type='submit']")
            .await?;
        member.wait_for_text("You signed version").await?;
        member.goto(&room).await?;
        member.wait_for_text("Connected.").await?;
        self.wait_for_text("River").await?;
        problems.extend(member.scan("online room (member)").await?);

        // Chat both ways.
        member.fill("say-body", "Hello from River").await?;
        member
            .click(Locator::Css("#say button[type='submit']"))
            .await?;
        self.wait_for_text("Hello from River").await?;
        self.fill("say-body", "Welcome, River. We start soon.")
            .await?;
        self.click(Locator::Css("#say button[type='submit']"))
            .await?;
        member
            .wait_for_text("Welcome, River. We start soon.")
            .await?;

        // A raised hand reaches the facilitator.
        member.click(Locator::Id("raise-hand")).await?;
        self.wait_for_text("raised a hand").await?;

        // The exercise: both show the same first step and count down.
        self.click(Locator::Css("button[data-exercise]")).await?;
        for (who, journey) in [("facilitator", self), ("member", member)] {
            journey.wait_for_text("Step 1 of").await?;
            let countdown = journey.text_of("exercise-countdown").await?;
            if !countdown.contains(':') {
                return Err(format!("the {who} sees no countdown: {countdown:?}"));
            }
        }
        let (mine, theirs) = (
            self.text_of("exercise-step").await?,
            member.text_of("exercise-step").await?,
        );
        if mine != theirs {
            return Err(format!("different steps: {mine:?} and {theirs:?}"));
        }

        // Removed: River's room closes and its controls go quiet.
        self.click(Locator::Css("button[data-remove]")).await?;
        member.wait_for_text("A facilitator removed you").await?;
        let disabled = member
            .client
            .execute(
                "return document.getElementById('say-body').disabled;",
                vec![],
            )
            .await
            .map_err(|e| format!("read the message box: {e}"))?;
        if disabled != serde_json::json!(true) {
            return Err("River can still type after being removed".to_owned());
        }
        member.sign_out().await?;
        self.sign_out().await?;
        Ok(problems)
    }

    fn clock_now(&self) -> DateTime<Utc> {
        use kindred_server::app::Clock as _;
        self.clock.now()
    }

    async fn text_of(&self, id: &str) -> Step<String> {
        self.client
            .find(Locator::Id(id))
            .await
            .map_err(|e| format!("find #{id}: {e}"))?
            .text()
            .await
            .map_err(|e| format!("read #{id}: {e}"))
    }
}
