//! Controlled vocabularies for groups: stable codes in data and the API, plain labels on pages.

use crate::vocabulary;

vocabulary!(
    GroupKind {
        Therapy => ("therapy", "Therapy group"),
        PeerSupport => ("peer_support", "Peer support group"),
        Psychoeducation => ("psychoeducation", "Psychoeducation group"),
        Skills => ("skills", "Skills group"),
    }
);

vocabulary!(
    EnrollmentMode {
        Rolling => ("rolling", "Rolling: join any week"),
        ClosedCohort => ("closed_cohort", "Closed cohort: starts and ends together"),
        DropIn => ("drop_in", "Drop-in: come when you can"),
    }
);

vocabulary!(
    Format {
        InPerson => ("in_person", "In person"),
        Online => ("online", "Online"),
        Hybrid => ("hybrid", "In person or online"),
    }
);

vocabulary!(
    FocusArea {
        Depression => ("depression", "Depression"),
        Anxiety => ("anxiety", "Anxiety"),
        AlcoholUse => ("alcohol_use", "Alcohol use"),
        SubstanceUse => ("substance_use", "Substance use"),
        OpioidUse => ("opioid_use", "Opioid use"),
        CoOccurring => ("co_occurring", "Co-occurring mental health and substance use"),
        Trauma => ("trauma", "Trauma and PTSD"),
        Grief => ("grief", "Grief and loss"),
        Bipolar => ("bipolar", "Bipolar disorder"),
        Stress => ("stress", "Stress"),
        AngerManagement => ("anger_management", "Anger management"),
        Relationships => ("relationships", "Relationships and family"),
        RelapsePrevention => ("relapse_prevention", "Relapse prevention"),
        EmotionRegulation => ("emotion_regulation", "Emotion regulation (DBT skills)"),
        SelfEsteem => ("self_esteem", "Self-esteem"),
    }
);

vocabulary!(
    PaymentOption {
        Medicaid => ("medicaid", "Medicaid"),
        Medicare => ("medicare", "Medicare"),
        PrivateInsurance => ("private_insurance", "Private insurance"),
        SlidingScale => ("sliding_scale", "Sliding scale"),
        Free => ("free", "Free"),
    }
);

vocabulary!(
    Audience {
        Adults => ("adults", "Adults"),
        YoungAdults => ("young_adults", "Young adults (18–25)"),
        Teens => ("teens", "Teens (13–17)"),
        OlderAdults => ("older_adults", "Older adults (60+)"),
        Women => ("women", "Women"),
        Men => ("men", "Men"),
        Lgbtq => ("lgbtq", "LGBTQ+"),
        Veterans => ("veterans", "Veterans"),
        Parents => ("parents", "Parents"),
        FamilyMembers => ("family_members", "Family members and friends"),
    }
);

vocabulary!(
    Language {
        English => ("en", "English"),
        Spanish => ("es", "Spanish"),
        Chinese => ("zh", "Chinese"),
        Vietnamese => ("vi", "Vietnamese"),
        Arabic => ("ar", "Arabic"),
        French => ("fr", "French"),
        Korean => ("ko", "Korean"),
        Russian => ("ru", "Russian"),
        Portuguese => ("pt", "Portuguese"),
        Tagalog => ("tl", "Tagalog"),
        HaitianCreole => ("ht", "Haitian Creole"),
        AmericanSignLanguage => ("ase", "American Sign Language"),
    }
);
