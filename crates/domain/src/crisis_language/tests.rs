use super::*;

fn hit(text: &str) -> bool {
    detect(text).is_hit()
}

fn category(text: &str) -> Option<Category> {
    detect(text).category()
}

#[test]
fn every_phrase_of_the_lexicon_reads() {
    assert!(LEXICON.problems.is_empty(), "{:?}", LEXICON.problems);
    assert!(LEXICON.len() > 100);
}

#[test]
fn evaluation() {
    let evaluation = evaluate(LABELLED);
    println!("crisis-language evaluation on labelled.tsv:\n{evaluation}");
    for wrong in &evaluation.misclassified {
        println!(
            "  line {:>3}, expected {:?}: {}",
            wrong.line, wrong.expected, wrong.sentence
        );
    }
    assert!(
        evaluation.unreadable.is_empty(),
        "{:?}",
        evaluation.unreadable
    );
    assert!(evaluation.total() >= 240, "{}", evaluation.total());
    assert!(
        evaluation.recall() >= 0.95,
        "recall {}",
        evaluation.recall()
    );
    assert!(
        evaluation.precision() >= 0.85,
        "precision {}",
        evaluation.precision()
    );
}

#[test]
fn evaluate_counts_and_reports_bad_lines() {
    let evaluation = evaluate(
        "# comment\n\ncrisis\tI want to die\nsafe\tI want to die\nsafe\thello\nmaybe\tx\n",
    );
    assert_eq!(evaluation.true_positives, 1);
    assert_eq!(evaluation.false_positives, 1);
    assert_eq!(evaluation.true_negatives, 1);
    assert_eq!(evaluation.false_negatives, 0);
    assert_eq!(evaluation.unreadable, vec![6]);
    assert_eq!(evaluation.misclassified.len(), 1);
    assert_eq!(evaluation.misclassified[0].line, 4);
    assert!((evaluation.precision() - 0.5).abs() < f64::EPSILON);
    assert!((evaluation.recall() - 1.0).abs() < f64::EPSILON);
}

#[test]
fn direct_statements_by_category() {
    assert_eq!(
        category("I want to kill myself"),
        Some(Category::SuicidalIdeation)
    );
    assert_eq!(
        category("I'm going to take all my pills tonight"),
        Some(Category::PlanOrMeans)
    );
    assert_eq!(category("I cut myself again"), Some(Category::SelfHarm));
    assert_eq!(
        category("I'm going to hurt someone"),
        Some(Category::HarmToOthers)
    );
    assert_eq!(
        category("I have nothing to live for"),
        Some(Category::Hopelessness)
    );
}

#[test]
fn the_most_urgent_category_wins() {
    let detection = detect("I have no reason to live and I've been saving up my pills");
    assert_eq!(detection.category(), Some(Category::PlanOrMeans));
}

#[test]
fn span_points_at_the_phrase() {
    let text = "Honestly, I want to kill myself.";
    let span = detect(text).span().unwrap_or_default();
    assert_eq!(&text[span], "kill myself");
    let text = "ok so… I don’t want to live anymore";
    let span = detect(text).span().unwrap_or_default();
    assert_eq!(&text[span], "don’t want to live");
}

#[test]
fn negation_before_the_phrase() {
    assert!(!hit("I would never kill myself"));
    assert!(!hit("I don't want to die"));
    assert!(!hit("I'm not suicidal"));
    assert!(!hit("I am not feeling suicidal"));
    assert!(!hit("no thoughts of hurting myself"));
    assert!(!hit("I have never once thought about killing myself"));
}

#[test]
fn negation_stops_at_a_comma_or_a_new_subject() {
    assert!(hit("I'm not okay, I want to die"));
    assert!(hit("not okay and i want to die"));
    assert!(!hit("it's not that I want to die, I'm just tired"));
}

#[test]
fn a_negated_life_is_a_phrase_of_its_own() {
    assert!(hit("I don't want to live anymore"));
    assert!(hit("i dont wanna be alive"));
    assert!(hit("I can't stop thinking about killing myself"));
    assert!(hit("I can't go a day without wanting to die"));
    assert!(!hit("I don't want to live with my parents"));
}

#[test]
fn clauses_split_at_but() {
    assert!(hit("I'm not suicidal but I want to die"));
    assert!(hit("I don't want to die, but I don't want to live either"));
    assert!(hit("i'm not suicidal though i really want to die"));
}

#[test]
fn quotes_by_others_and_titles() {
    assert!(!hit("the song \"I want to die\" came on"));
    assert!(!hit("the song “I want to die” came on"));
    assert!(!hit(
        "my sponsor said \"you won't kill yourself over this\""
    ));
    assert!(!hit(
        "my friend said 'I want to kill myself' and then laughed"
    ));
    assert!(!hit("\"I can't go on,\" she said."));
}

#[test]
fn quotes_of_ones_own_words_count() {
    assert!(hit("I told her \"I want to die\""));
    assert!(hit("I keep thinking ‘I want to die’"));
    assert!(hit("\"I want to die\""));
    assert!(hit("\"I can't go on,\" I said."));
}

#[test]
fn an_unclosed_quote_is_no_quote() {
    assert!(hit("she said \"whatever. I want to die"));
    assert!(hit("'cause I want to die"));
}

#[test]
fn other_people() {
    assert!(!hit("the movie was about a man who wanted to kill himself"));
    assert!(!hit("my cousin says he wants to die"));
    assert!(!hit("Sam wants to die"));
    assert!(!hit("do you ever feel like you want to die?"));
    assert!(hit("it makes me want to die"));
    assert!(hit("part of me wants to die"));
}

#[test]
fn past_history_is_not_a_hit() {
    assert!(!hit("I tried to kill myself five years ago"));
    assert!(!hit("I used to want to die"));
    assert!(!hit("back then I thought about ending my life"));
    assert!(!hit("when I was 16 I cut myself"));
    assert!(!hit("as a teenager I burned myself"));
    assert!(!hit("in 2015 I overdosed on purpose"));
}

#[test]
fn recent_markers_make_it_current() {
    assert!(hit("I tried to kill myself last night"));
    assert!(hit("I cut myself yesterday"));
    assert!(hit("I overdosed this morning"));
    assert!(hit("I tried to kill myself two days ago"));
    assert!(hit(
        "I used to want to die and lately I feel that way again"
    ));
    assert!(hit("when I was 16 I cut myself and today I did it again"));
    assert!(!hit("I tried to kill myself two years ago"));
}

#[test]
fn an_undated_past_counts() {
    assert!(hit("I tried to kill myself"));
    assert!(hit("I almost overdosed"));
}

#[test]
fn history_comes_back_in_a_later_clause() {
    assert!(hit(
        "I tried to kill myself years ago, but the thoughts are back"
    ));
    assert!(hit("I used to cut myself. Lately I feel that way again."));
    assert!(!hit(
        "I used to cut myself, but I'm never going back to that again"
    ));
    assert!(!hit("I used to cut myself but now I'm doing great"));
}

#[test]
fn idioms_are_not_hits() {
    for text in [
        "this traffic is killing me",
        "I could kill for a coffee",
        "I'm dying to see the new movie",
        "my phone died",
        "that joke killed",
        "I almost killed myself laughing",
        "I'd rather die than sing karaoke",
        "I wanted to die of embarrassment",
        "I cut myself shaving",
        "I hurt myself at the gym",
        "I need to cut myself some slack",
        "I'm taking my life back",
        "I'm going to kill it at my interview",
        "I'll kill him lol he ate my fries",
    ] {
        assert!(!hit(text), "{text}");
    }
}

#[test]
fn apostrophes_straight_curly_and_missing() {
    for text in [
        "I can't go on",
        "I can’t go on",
        "i cant go on",
        "I cannot go on",
    ] {
        assert!(hit(text), "{text}");
    }
    for text in [
        "I don't want to die",
        "I don’t want to die",
        "i dont want to die",
    ] {
        assert!(!hit(text), "{text}");
    }
}

#[test]
fn chat_spellings() {
    assert!(hit("i wanna kill myslef"));
    assert!(hit("gonna end it tonight"));
    assert!(hit("cant do this anymore tbh"));
    assert!(hit("I WANT TO DIE"));
    assert!(hit("i want to kill my self"));
    assert!(hit("idk if i want to be alive anymore"));
}

#[test]
fn empty_and_blank_input() {
    assert!(!hit(""));
    assert!(!hit("   \n\t "));
    assert!(!hit("..."));
    assert!(!hit("\"\""));
    assert_eq!(detect("").span(), None);
}

#[test]
fn non_ascii_text() {
    assert!(!hit("Ich bin müde, aber es geht mir gut. 😊"));
    assert!(!hit("今日はいい日でした"));
    assert!(hit("😔 I want to die 😔"));
    assert!(hit("Café was closed and I want to kill myself"));
    let text = "née — I want to die";
    let span = detect(text).span().unwrap_or_default();
    assert_eq!(&text[span], "want to die");
}

#[test]
fn long_input_is_read_to_the_end() {
    let filler = "We talked about our week and the weather and the new group time. ";
    let mut text = filler.repeat(2_000);
    assert!(!hit(&text));
    text.push_str("I want to die.");
    assert!(hit(&text));
    let one_word = "a".repeat(100_000);
    assert!(!hit(&one_word));
}

#[test]
fn work_grows_linearly_with_length() {
    // Not a timing test: the same words repeated give a proportional number of words and
    // clauses, and detection does a bounded amount of work at each word.
    let unit = "I'm not sure what to say, but I don't want to live with them anymore. ";
    let short = tokens::Tokens::new(&unit.repeat(10));
    let long = tokens::Tokens::new(&unit.repeat(1_000));
    assert_eq!(long.len(), short.len() * 100);
    assert_eq!(long.clauses().len(), short.clauses().len() * 100);
    assert!(!hit(&unit.repeat(1_000)));
}
