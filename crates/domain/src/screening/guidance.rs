//! Levels of care the result can point to, from the least to the most support.

use crate::programs::LevelOfCare;
use crate::vocabulary;

vocabulary!(
    /// What the screen suggests, in increasing order of support. Guidance, never a
    /// diagnosis: the person and a clinician decide.
    Guidance {
        PeerSupport => ("peer_support", "A peer support group"),
        OutpatientGroup => ("outpatient_group", "An outpatient group"),
        IntensiveOutpatient => ("intensive_outpatient", "Intensive outpatient care"),
        MoreThanOutpatient => (
            "more_than_outpatient",
            "Talk with a clinician about more support than outpatient care can give"
        ),
    }
);

impl Guidance {
    /// What the level means, in one or two plain sentences.
    pub fn explanation(self) -> &'static str {
        match self {
            Guidance::PeerSupport => {
                "People with lived experience meeting to support each other, led by a peer \
                 specialist."
            }
            Guidance::OutpatientGroup => {
                "A group led by a therapist or counselor, usually once a week, while you keep \
                 your daily life."
            }
            Guidance::IntensiveOutpatient => {
                "A program of groups and sessions several days a week (about 9 to 19 hours), \
                 while you still live at home."
            }
            Guidance::MoreThanOutpatient => {
                "Your answers suggest you may need more care than a weekly or part-week \
                 program, such as a day program or medical care. A clinician can help you \
                 decide, and outpatient groups can follow."
            }
        }
    }

    /// The programs' levels of care the directory should show for this guidance.
    pub fn levels_of_care(self) -> &'static [LevelOfCare] {
        match self {
            Guidance::PeerSupport => &[LevelOfCare::PeerSupport],
            Guidance::OutpatientGroup => &[LevelOfCare::Outpatient],
            Guidance::IntensiveOutpatient => &[LevelOfCare::IntensiveOutpatient],
            Guidance::MoreThanOutpatient => &[
                LevelOfCare::IntensiveOutpatient,
                LevelOfCare::PartialHospitalization,
            ],
        }
    }
}
