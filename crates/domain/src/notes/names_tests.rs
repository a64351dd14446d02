use proptest::prelude::*;

use super::names::find_names;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_full_name_or_one_of_its_words_is_found_in_any_case() {
    let others = names(&["Jordan Lee"]);
    assert_eq!(
        find_names("Spoke with JORDAN LEE after group.", &[], &others).len(),
        1
    );
    let hit = &find_names("Member said jordan was supportive today.", &[], &others)[0];
    assert_eq!(hit.name, "Jordan Lee");
    assert_eq!(hit.found, "jordan");
    assert!(hit.context.contains("jordan"), "{}", hit.context);
    assert_eq!(find_names("Lee, too.", &[], &others).len(), 1);
}

#[test]
fn only_whole_words_match() {
    let others = names(&["Sam", "Al"]);
    assert!(find_names("The same plan; also totally calm.", &[], &others).is_empty());
    assert_eq!(find_names("Sam's idea helped.", &[], &others).len(), 1);
    assert_eq!(find_names("Talked to al.", &[], &others).len(), 1);
}

#[test]
fn the_members_own_names_are_not_hits() {
    let own = names(&["Alex Rivera"]);
    let others = names(&["Alex Chen"]);
    // "Alex" is both members' word: it names this member too, so it is not a leak.
    assert!(find_names("Alex shared a goal.", &own, &others).is_empty());
    assert_eq!(
        find_names("Alex Chen shared a goal.", &own, &others).len(),
        1
    );
}

#[test]
fn single_letters_alone_do_not_block() {
    let others = names(&["J. R."]);
    assert!(find_names("Plan: j and r steps.", &[], &others).is_empty());
    assert_eq!(find_names("Spoke with J. R. today", &[], &others).len(), 1);
}

#[test]
fn joining_words_and_single_letters_alone_are_not_names() {
    let others = names(&["Maria de la Cruz", "Friend of Bill", "K"]);
    assert!(find_names(
        "The plan of the day: la la land, de facto; I k",
        &[],
        &others
    )
    .is_empty());
    assert_eq!(find_names("maria spoke", &[], &others).len(), 1);
    assert_eq!(find_names("a friend of bill said", &[], &others).len(), 1);
}

#[test]
fn accents_and_other_scripts_match_case_insensitively() {
    let others = names(&["Zoë Ångström", "Дмитрий"]);
    assert_eq!(find_names("zoë was quiet", &[], &others).len(), 1);
    assert_eq!(find_names("дмитрий helped", &[], &others).len(), 1);
}

proptest! {
    /// A name inserted between any two words, in any case, is always found.
    #[test]
    fn inserted_names_are_found(
        before in "[0-9 ]{0,40}",
        after in "[0-9 ]{0,40}",
        name in "[A-Z][a-z]{2,10}",
        upper in any::<bool>(),
    ) {
        let written = if upper { name.to_uppercase() } else { name.to_lowercase() };
        let text = format!("{before} {written}, {after}");
        let hits = find_names(&text, &[], std::slice::from_ref(&name));
        prop_assert_eq!(hits.len(), 1);
        prop_assert_eq!(&hits[0].name, &name);
    }

    /// A name glued inside a longer word is never a hit.
    #[test]
    fn names_inside_longer_words_are_not_found(
        prefix in "[a-z]{1,6}",
        suffix in "[a-z]{1,6}",
        name in "[A-Z][a-z]{2,10}",
    ) {
        let text = format!("the {prefix}{}{suffix} plan", name.to_lowercase());
        prop_assert!(find_names(&text, &[], &[name]).is_empty());
    }

    /// A word the member shares with another member's name never blocks their own note,
    /// while the other member's other word does.
    #[test]
    fn shared_words_never_hit_but_the_others_do(
        // Six letters or more: no joining word ("the", "della") is searched alone.
        shared in "[A-Z][a-z]{5,8}",
        mine in "[A-Z][a-z]{5,8}",
        theirs in "[A-Z][a-z]{5,8}",
    ) {
        prop_assume!(theirs != mine && theirs != shared && mine != shared);
        let own = vec![format!("{shared} {mine}")];
        let others = vec![format!("{shared} {theirs}")];
        let text = format!("{} did well; {mine} again.", shared.to_lowercase());
        prop_assert!(find_names(&text, &own, &others).is_empty());
        let leaking = format!("{text} Then {theirs} spoke.");
        prop_assert_eq!(find_names(&leaking, &own, &others).len(), 1);
    }
}
