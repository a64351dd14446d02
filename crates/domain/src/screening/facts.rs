//! What the rules look at: the totals and the few single answers that matter, as numbers.
//! Built by [`assess`](super::assess) from a complete, valid answer set only.

/// Thresholds the rules use, named after the instruments' published bands and cutoffs.
pub mod thresholds {
    /// PHQ-9 moderate (10–14) and above.
    pub const PHQ9_MODERATE: i32 = 10;
    /// PHQ-9 moderately severe (15–19) and above.
    pub const PHQ9_HIGH: i32 = 15;
    /// PHQ-9 severe (20–27).
    pub const PHQ9_SEVERE: i32 = 20;
    /// GAD-7 mild (5–9) and above; PHQ-9's mild band starts at the same total.
    pub const MILD: i32 = 5;
    /// GAD-7 moderate (10–14) and above.
    pub const GAD7_MODERATE: i32 = 10;
    /// GAD-7 severe (15–21).
    pub const GAD7_SEVERE: i32 = 15;
    /// AUDIT-C total commonly read as high-risk drinking.
    pub const AUDIT_C_HEAVY: i32 = 8;
    /// TAPS frequency "Weekly" (3) or "Daily or almost daily" (4).
    pub const TAPS_WEEKLY: i32 = 3;
}

use thresholds::*;

/// Scores of a complete screen; plain questions as their answers' scores (0 = least concern).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub phq9: i32,
    pub phq9_item9: i32,
    pub gad7: i32,
    pub audit_c: i32,
    /// At or above the AUDIT-C cutoff for the person's sex (the lower one when not given).
    pub audit_c_positive: bool,
    pub taps_alcohol: i32,
    pub taps_drugs: i32,
    pub taps_prescription: i32,
    /// 0 yes, 1 with a struggle, 2 hardly at all.
    pub keep_up: i32,
    /// 0 yes, 1 unsure, 2 no.
    pub housing: i32,
    /// 0 none, 1 mild, 2 severe.
    pub withdrawal: i32,
    /// 0 no, 1 yes.
    pub hospital: i32,
    /// 0 none, 1 peer, 2 outpatient, 3 intensive.
    pub treatment: i32,
}

impl Facts {
    pub fn thoughts_of_death_or_self_harm(&self) -> bool {
        self.phq9_item9 > 0
    }
    /// PHQ-9 severe or GAD-7 severe.
    pub fn severe_scores(&self) -> bool {
        self.phq9 >= PHQ9_SEVERE || self.gad7 >= GAD7_SEVERE
    }
    /// PHQ-9 moderately severe or worse, or GAD-7 severe.
    pub fn high_scores(&self) -> bool {
        self.phq9 >= PHQ9_HIGH || self.gad7 >= GAD7_SEVERE
    }
    pub fn moderate_scores(&self) -> bool {
        self.phq9 >= PHQ9_MODERATE || self.gad7 >= GAD7_MODERATE
    }
    pub fn mild_scores(&self) -> bool {
        self.phq9 >= MILD || self.gad7 >= MILD
    }
    pub fn depression(&self) -> bool {
        self.phq9 >= PHQ9_MODERATE
    }
    pub fn anxiety(&self) -> bool {
        self.gad7 >= GAD7_MODERATE
    }
    pub fn alcohol(&self) -> bool {
        self.audit_c_positive || self.taps_alcohol > 0
    }
    pub fn drugs(&self) -> bool {
        self.taps_drugs > 0 || self.taps_prescription > 0
    }
    /// Any drinking or drug use the screens count as positive (tobacco aside).
    pub fn any_use(&self) -> bool {
        self.alcohol() || self.drugs()
    }
    /// Heavy drinking, or drinking heavily or using drugs weekly or more.
    pub fn heavy_use(&self) -> bool {
        self.audit_c >= AUDIT_C_HEAVY
            || self.taps_alcohol >= TAPS_WEEKLY
            || self.taps_drugs >= TAPS_WEEKLY
            || self.taps_prescription >= TAPS_WEEKLY
    }
    pub fn withdrawal_before(&self) -> bool {
        self.withdrawal >= 1
    }
    pub fn severe_withdrawal_before(&self) -> bool {
        self.withdrawal >= 2
    }
    pub fn hardly_keeping_up(&self) -> bool {
        self.keep_up >= 2
    }
    pub fn struggling_to_keep_up(&self) -> bool {
        self.keep_up >= 1
    }
    pub fn recent_hospital_stay(&self) -> bool {
        self.hospital >= 1
    }
    pub fn housing_unsure(&self) -> bool {
        self.housing >= 1
    }
    /// Seeing a counselor, therapist or doctor, or in a program, now.
    pub fn in_treatment(&self) -> bool {
        self.treatment >= 2
    }
}
