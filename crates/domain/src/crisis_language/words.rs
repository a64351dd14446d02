//! Word classes shared by the rules, and the spelling normalization the tokenizer applies.
//! Words here are already lower case with apostrophes removed ("don't" is "dont").

use std::sync::LazyLock;

use super::hash::{Map, Shapes};

/// Straight and curly apostrophes, and the look-alikes phone keyboards produce.
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// Chat spellings and typos that stand for one or more standard words.
pub(super) fn expansion(word: &str) -> Option<&'static [&'static str]> {
    static TABLE: LazyLock<(Shapes, Map<&'static str, &'static [&'static str]>)> =
        LazyLock::new(|| {
            let mut shapes = Shapes::default();
            for (word, _) in EXPANSIONS {
                shapes.add(word);
            }
            (shapes, EXPANSIONS.iter().copied().collect())
        });
    let (shapes, table) = &*TABLE;
    if shapes.may_hold(word) {
        if let Some(parts) = table.get(word) {
            return Some(parts);
        }
    }
    is_laugh(word).then_some(&["lol"][..])
}

const EXPANSIONS: &[(&str, &[&str])] = &[
    ("wanna", &["want", "to"]),
    ("wana", &["want", "to"]),
    ("gonna", &["going", "to"]),
    ("gona", &["going", "to"]),
    ("gotta", &["got", "to"]),
    ("imma", &["im", "going", "to"]),
    ("ima", &["im", "going", "to"]),
    ("tryna", &["trying", "to"]),
    ("kinda", &["kind", "of"]),
    ("idk", &["i", "dont", "know"]),
    ("dunno", &["dont", "know"]),
    ("rn", &["right", "now"]),
    ("cannot", &["cant"]),
    ("nobody", &["noone"]),
    ("u", &["you"]),
    ("ya", &["you"]),
    ("ur", &["your"]),
    ("tho", &["though"]),
    ("aint", &["not"]),
    ("bc", &["because"]),
    ("cuz", &["because"]),
    ("cos", &["because"]),
    ("coz", &["because"]),
    ("bcuz", &["because"]),
    ("myslef", &["myself"]),
    ("mysef", &["myself"]),
    ("myslf", &["myself"]),
    ("mself", &["myself"]),
    ("suicde", &["suicide"]),
    ("sucide", &["suicide"]),
    ("suiside", &["suicide"]),
    ("suicied", &["suicide"]),
    ("sucidal", &["suicidal"]),
    ("suicidial", &["suicidal"]),
    ("suicdal", &["suicidal"]),
    ("suisidal", &["suicidal"]),
    ("suicidle", &["suicidal"]),
    ("lmao", &["lol"]),
    ("lmfao", &["lol"]),
    ("rofl", &["lol"]),
    ("lolol", &["lol"]),
    ("hehe", &["lol"]),
    ("jk", &["lol"]),
];

/// "haha", "hahahaha".
fn is_laugh(word: &str) -> bool {
    word.len() >= 4 && word.as_bytes().chunks(2).all(|pair| pair == b"ha")
}

/// Words that end one clause and start the next: what comes after "but" often turns what
/// came before ("I'm not suicidal but I want to die").
pub(super) fn splits_clause(word: &str) -> bool {
    matches!(word, "but" | "though" | "although" | "however" | "except")
}

/// Two neighbouring words written as one. `third` is the word after them, so "my self harm"
/// stays "my" + "selfharm" rather than becoming "myself" + "harm".
pub(super) fn merge(first: &str, second: &str, third: &str) -> Option<&'static str> {
    static TABLE: LazyLock<Map<(&'static str, &'static str), &'static str>> = LazyLock::new(|| {
        MERGES
            .iter()
            .map(|&(a, b, joined)| ((a, b), joined))
            .collect()
    });
    // Most words start no pair; telling so by a match is cheaper than hashing the pair.
    let starts_a_pair = matches!(
        first,
        "my" | "self"
            | "any"
            | "can"
            | "no"
            | "good"
            | "over"
            | "un"
            | "i"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "is"
            | "are"
            | "was"
            | "were"
            | "have"
            | "has"
            | "should"
            | "could"
            | "what"
    );
    if !starts_a_pair || (first == "my" && second == "self" && third.starts_with("harm")) {
        return None;
    }
    TABLE.get(&(first, second)).copied()
}

const MERGES: &[(&str, &str, &str)] = &[
    ("my", "self", "myself"),
    ("self", "harm", "selfharm"),
    ("self", "harms", "selfharm"),
    ("self", "harming", "selfharming"),
    ("self", "harmed", "selfharmed"),
    ("any", "more", "anymore"),
    ("can", "not", "cant"),
    ("no", "one", "noone"),
    ("no", "body", "noone"),
    ("good", "bye", "goodbye"),
    ("over", "dose", "overdose"),
    ("over", "dosed", "overdosed"),
    ("over", "dosing", "overdosing"),
    ("un", "alive", "unalive"),
    ("un", "aliving", "unaliving"),
    ("i", "am", "im"),
    ("i", "have", "ive"),
    ("i", "would", "id"),
    ("i", "will", "ill"),
    ("do", "not", "dont"),
    ("does", "not", "doesnt"),
    ("did", "not", "didnt"),
    ("will", "not", "wont"),
    ("would", "not", "wouldnt"),
    ("is", "not", "isnt"),
    ("are", "not", "arent"),
    ("was", "not", "wasnt"),
    ("were", "not", "werent"),
    ("have", "not", "havent"),
    ("has", "not", "hasnt"),
    ("should", "not", "shouldnt"),
    ("could", "not", "couldnt"),
    ("should", "have", "shouldve"),
    ("what", "is", "whats"),
];

/// The author as the subject: "I", "I'm", "I've", "I'd", "I'll".
pub(super) fn is_self_subject(word: &str) -> bool {
    matches!(word, "i" | "im" | "ive" | "id" | "ill")
}

/// Any word that names the author.
pub(super) fn is_self(word: &str) -> bool {
    is_self_subject(word) || matches!(word, "me" | "myself" | "my" | "mine")
}

/// Words that negate what follows them in the clause.
pub(super) fn is_negator(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "no"
            | "dont"
            | "doesnt"
            | "didnt"
            | "wont"
            | "wouldnt"
            | "isnt"
            | "arent"
            | "wasnt"
            | "werent"
            | "havent"
            | "hasnt"
            | "hadnt"
            | "shouldnt"
            | "neither"
            | "nor"
            | "zero"
            | "none"
            | "without"
            | "instead"
            | "rather"
            | "stopped"
            | "quit"
            | "accidentally"
            | "accidently"
    )
}

/// Someone other than the author, as a pronoun.
pub(super) fn is_other_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she"
            | "they"
            | "hes"
            | "shes"
            | "theyre"
            | "theyve"
            | "theyd"
            | "theyll"
            | "hed"
            | "him"
            | "her"
            | "them"
            | "you"
            | "youre"
            | "youve"
            | "youd"
            | "youll"
            | "your"
            | "we"
            | "weve"
            | "lets"
            | "who"
            | "whom"
            | "someone"
            | "somebody"
            | "anyone"
            | "anybody"
            | "noone"
            | "everyone"
            | "everybody"
            | "people"
            | "person"
            | "others"
    )
}

/// Someone other than the author, named by who they are.
pub(super) fn is_other_person(word: &str) -> bool {
    matches!(
        word,
        "friend"
            | "friends"
            | "brother"
            | "sister"
            | "mom"
            | "mum"
            | "mother"
            | "dad"
            | "father"
            | "son"
            | "daughter"
            | "cousin"
            | "uncle"
            | "aunt"
            | "husband"
            | "wife"
            | "partner"
            | "boyfriend"
            | "girlfriend"
            | "bf"
            | "gf"
            | "sponsor"
            | "roommate"
            | "neighbor"
            | "neighbour"
            | "coworker"
            | "colleague"
            | "classmate"
            | "boss"
            | "kid"
            | "kids"
            | "child"
            | "children"
            | "baby"
            | "teen"
            | "teenager"
            | "student"
            | "parents"
            | "grandma"
            | "grandpa"
            | "grandmother"
            | "grandfather"
            | "niece"
            | "nephew"
            | "buddy"
            | "ex"
            | "character"
            | "man"
            | "woman"
            | "guy"
            | "girl"
            | "boy"
            | "lady"
            | "dude"
            | "patient"
            | "client"
            | "member"
            | "therapist"
            | "counselor"
            | "doctor"
            | "nurse"
            | "narrator"
            | "singer"
            | "actor"
            | "actress"
            | "author"
    )
}

/// A verb in the third person singular: its subject is not the author ("Sam wants to die").
pub(super) fn is_third_person_verb(word: &str) -> bool {
    matches!(
        word,
        "wants"
            | "needs"
            | "deserves"
            | "wishes"
            | "hopes"
            | "feels"
            | "thinks"
            | "keeps"
            | "tries"
            | "plans"
            | "says"
            | "talks"
    )
}

/// Verbs that introduce someone's words or thoughts.
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tell"
            | "tells"
            | "telling"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "texted"
            | "texts"
            | "messaged"
            | "posted"
            | "yelled"
            | "screamed"
            | "shouted"
            | "whispered"
            | "sang"
            | "sings"
            | "goes"
            | "went"
            | "thought"
            | "think"
            | "thinking"
            | "typed"
    )
}

/// Words that may close a message after a phrase that must end its clause
/// ("I want to end it tbh", "end it tonight").
pub(super) fn is_trailing_filler(word: &str) -> bool {
    matches!(
        word,
        "tbh"
            | "honestly"
            | "lol"
            | "ngl"
            | "right"
            | "now"
            | "anymore"
            | "tonight"
            | "today"
            | "please"
            | "fr"
            | "man"
            | "guys"
            | "really"
            | "soon"
            | "already"
            | "forever"
            | "seriously"
            | "literally"
            | "all"
            | "for"
            | "good"
            | "just"
    )
}
