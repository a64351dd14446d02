//! Pseudonyms for demo members: a first name and an initial, the way many people choose to
//! appear in peer spaces. Invented for Kindred; any likeness is chance.
//!
//! The order matters: the first is `member@demo.kindred.test`, the rest become
//! `member2@…`, `member3@…`; the Spanish speakers sit together (positions 8–13) so the
//! Spanish-language group can take its members from one stretch of the list.

pub(super) const MEMBER_NAMES: &[&str] = &[
    "River S.",
    "Jo M.",
    "Alex P.",
    "Casey L.",
    "Morgan D.",
    "Jamie R.",
    "Taylor B.",
    "Quinn H.",
    "Rosa G.",
    "Mateo V.",
    "Marisol A.",
    "Carmen R.",
    "Ana V.",
    "Javier T.",
    "Andre W.",
    "Priya N.",
    "Keisha J.",
    "Tom K.",
    "Lena F.",
    "Ahmed Y.",
    "Bea C.",
    "Dev P.",
    "Owen T.",
    "Hana K.",
    "Frankie O.",
    "Nico E.",
    "Imani B.",
    "Walt G.",
    "Sunny L.",
    "Yusuf A.",
    "Eli Z.",
    "Rae M.",
    "Ty W.",
    "June H.",
];

/// Where the Spanish speakers start among the other members (the list without `member@`).
pub(super) const SPANISH_SPEAKERS: usize = 7;
