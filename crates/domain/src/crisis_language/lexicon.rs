//! The phrases, by category, in the notation of [`pattern`](super::pattern), and the index
//! built from them once per process.
//!
//! Phrases are chosen for what people write in a group chat on a hard day. Words that only
//! name the topic ("suicide prevention", "self-harm awareness") are not phrases on their
//! own: a phrase needs someone wanting, doing or planning. Everyday idioms that share words
//! with a phrase are excluded in the phrase itself (`!laughing` after "killed myself").

use std::sync::LazyLock;

use super::detection::Category;
use super::pattern::Pattern;
use super::vocabulary::Vocabulary;

/// Goodbyes and giving things away in a clause about leaving a place, not life: "saying
/// goodbye to everyone before I move", "giving away my stuff, we're moving".
macro_rules! unless_leaving {
    () => {
        " ~moving|move|moved|relocating|vacation|trip|holiday|session|semester|graduating|graduation|discharged|discharge|transferring|shift|job|class|party|summer|week|weekend|month|program|retiring|retirement|donate|donating|charity"
    };
}

const SUICIDAL_IDEATION: &[&str] = &[
    "@kill myself !laughing|trying|working|studying|at|over|to_get|to_finish|to_make|for_this|for_that|for_it|for_a",
    "kms",
    "unalive|unaliving|unalived myself",
    "@end|@take my own? life !back|into|in|seriously|over|more|easier|story|savings|insurance",
    "@end it all !up",
    "@intent|should|could|will|ill|might|gonna to? @adverb? @end it|everything|things $",
    "@think about|of @end it|everything|things $",
    "@think about|of suicide|dying|unaliving !my|her|his|it|hair",
    "@think about|of not_being_here|not_being_alive|not_being_around|not_existing|not_waking_up|not_living",
    "commit|commits|committing|committed|commiting|attempt|attempted|attempting suicide",
    "suicide attempt|attempts",
    "have|having|had|get|getting|got|experiencing|struggling * suicidal thoughts|feelings|urges|ideation|ideas",
    "have|having|had|get|getting|got|experiencing * thoughts|urges|ideas of|about suicide|dying",
    "my suicidal thoughts|feelings|urges|ideation|ideas|thinking",
    "@self * suicidal",
    "feel|feels|feeling|felt|been|getting|get|got|going|so|very|really|pretty|super|kind_of|bit|extremely|actively|passively|still|quite|always suicidal",
    "suicidal again|tonight|today|lately|right_now|$",
    "@want|wish|wishing|ready|deserve|deserves|need|needs to @adverb? die !of|laughing|than|for|my|her|his|their|it|hair|happy|old|rich|famous",
    "@want|wish|ready|deserve to @adverb? be dead",
    "wish i|id * dead|die|died !laughing|of",
    "wish i|id * never|not|wasnt|werent|hadnt * born",
    "@self should|shouldve|ought * die|died|dead !my|her|his|it|hair|of|laughing",
    "feel|feels|feeling|felt like dying !laughing|of|inside",
    "better off dead",
    "rather be_dead|die|be_gone !than|tired",
    "dont|doesnt|didnt|never|no_longer @want to * live|living|exist|existing !with|in|like|there|here|at|near|alone|together|forever|to|on|off|through|without|by|for|a|an|the|that|this|where|abroad|long|past|until|somewhere|paycheck",
    "dont|doesnt|didnt|never|no_longer @want to * alive|here_anymore|here_any_more|around_anymore|on_this_earth|in_this_world|here_much_longer",
    "dont|doesnt|never @want to wake up !early|at|for|so|before|when|to|and_go",
    "never|not @want to wake up !early|at|for|so|before|when|to|and_go",
    "@want to @adverb? not|never exist|be_alive|be_here|wake_up|live|be_around",
    "@want to @adverb? stop|quit living|existing|being_alive|breathing",
    "not_sure|unsure|dont_know|dont_even_know|no_idea|cant_decide if|whether? i|id|im ** live|living|alive|exist|existing|going|survive|on !in|with|near|there|here|at|to|out|home|back|the|a|an|vacation|trip|holiday|this|that|campus|stage|my",
    "@hope * not|never|dont|wont|wouldnt|didnt wake up !early|late|at|on_time|in_time|for",
    "sleep and|then never|not wake up",
    "better_off|better|fine|okay|happier|easier without me",
    "better_off|better not|never existing|exist|alive|being_alive|being_here|born",
    "better_off|better|happier|easier|lighter if|when i @adverb? was_gone|were_gone|died|was_dead|were_dead|disappeared|wasnt_here|werent_here|wasnt_around|werent_around|wasnt_alive|didnt_exist|never_existed|vanished|killed_myself|was_not_here|were_not_here|never_existed|was_never_born|never_was_born|wasnt_born|left_forever",
    "noone * miss me !when|at|in",
    "noone * care|notice|miss if|when i was_gone|were_gone|died|was_dead|disappeared|wasnt_here|werent_here|wasnt_around|wasnt_alive|didnt_exist|vanished|killed_myself|was_not_here|never_existed|left_forever|stopped_existing",
    "@self * shouldnt|should_not * alive|here_anymore|exist|have_survived",
    "dont|doesnt deserve to * live|alive|exist|breathe",
    "@want|wish * disappear forever|permanently|for_good|and_never_come_back",
    "can_not|cant|wont|not promise * safe|ill_be_okay|to_stay_alive",
    concat!(
        "not|wont|never * be here|around anymore|much_longer|for_much_longer|any_longer|for_long|any_more !on|because|since|after|at|for|when|in|as|so|due",
        unless_leaving!()
    ),
    "not|wont|never * be alive|breathing !to_see|when|for_that|at|in",
    "just end it|everything $",
    "to @adverb? not|never exist|be_alive|wake_up|be_here_anymore|have_been_born",
    "@want|wish ** sleep forever|and_never_wake_up|and_not_wake_up",
    "everyone|everybody|them|the_world|my_family a favor|favour if|by * gone|dying|dead|disappeared|disappearing|killing|leaving_forever",
    "@want it to @adverb? end|be_over $",
    "my own funeral",
    "@want to @adverb? be gone !by|before|from|for|when|at|on",
    "if|when i * disappeared|died|was_gone|were_gone|killed_myself|wasnt_here|wasnt_around noone * care|notice|miss_me",
    "@self * not|dont_feel|dont safe $",
    "dont|not feel safe * myself|alone $",
];

const PLAN_OR_MEANS: &[&str] = &[
    "shoot|shooting|shot|hang|hanging|hanged|hung|drown|drowning|drowned|poison|poisoning|poisoned|suffocate|suffocating|suffocated|gas|gassing|electrocute|electrocuting|stab|stabbing|stabbed myself !with_a_fork|with_the_fork|by_accident|in_the_foot|playing|up|cooking|a_picture|a_drink",
    "gun to my head|temple|mouth",
    "blow|blowing|blew my brains out",
    "noose",
    "bleed|bleeding out $|tonight|in|on",
    "@jump off|from * @high",
    "@jump|step|stepping|stepped|walk|walking|throw_myself|lie_down|lay_down|drive|driving in_front_of * @traffic",
    "walk|walking|walked|drive|driving into * traffic|oncoming|the_ocean|the_sea|the_river|the_lake",
    "drive|driving|drove|steer * off * @high|road|cliff",
    "crash|crashing|drive|driving|drove|wreck|wrecking|swerve * car|truck * on_purpose|intentionally",
    "slit|slitting|slice|slicing|open|opening * my * wrist|wrists|throat|veins",
    "@intent|could|should|might|will|ill|just to? @adverb? @take|swallow|down all|every|a_bunch_of|a_handful_of|the_rest_of * @pills !every|each|daily|on_time|with|in_the|like|as|regularly|at_the_right_time|correctly|properly|before|after",
    "@think about|of @take|swallowing|downing all|every|a_bunch_of|a_handful_of * @pills !every|each|daily|on_time|with|like|as|regularly",
    "@take|swallow|swallowed|swallowing|down|downed all|every|a_bunch_of|a_handful_of * @pills at_once|together|at_the_same_time|on_purpose|to_die|to_end_it|and_never_wake_up|so_i_dont_wake_up",
    "@take|swallow|swallowed|swallowing|down|downed * whole bottle|pack|box|packet !of_water|of_vitamins|of_gummies",
    "how many * @pills * would_take|it_takes|it_would_take|to_die|to_kill|kill|lethal|fatal|deadly|to_overdose|to_od|enough|would_kill",
    "lethal|fatal dose|amount|overdose",
    "overdose|overdosing|overdosed|od|odd|oded|odding on_purpose",
    "intentionally|deliberately|purposely overdose|overdosed|od|odd|oded",
    "@intent|might|will|ill|could|gonna|should to? * overdose|od|overdosing|oding !on_coffee|on_caffeine|on_sugar|on_chocolate|on_tv",
    "@think about|of overdosing|oding|od|overdose|taking_an_overdose",
    "@self * overdosed|odd|oded|overdosing|od !on_coffee|on_caffeine|on_sugar|on_chocolate|on_tv",
    "use|using|used * it|gun|knife|blade|razor on myself",
    "plan|plans|planned|planning|plotted|plotting * how|when|where * do_it|end_it|die",
    "stockpiling|stockpile|stockpiled|saving|saved|hoarding|hoarded|hoard|stashing|stashed|collecting * @pills !bottles|bottle|for|in_a",
    "ways|way|methods|method to * die|kill_myself|end_my_life|end_it|overdose",
    "researching|googling|googled|searched|searching|looked_up|looking_up how to * die|kill_myself|end_my_life|end_it|overdose|od",
    "@think about|of @jump off|from|in_front_of",
    "plan|plans|planned|planning to|for|a_way_to * die|overdose|od|jump|hang|shoot|end_it|end_my_life|kill_myself|end_things|end_everything",
    "know|knew|figured|worked|decided|picked|chose|chosen * how|when|where|the_way i|id|ill|im|i_will|i_would|im_going_to * do_it|end_it|die",
    "suicide|goodbye note|notes|letter|letters",
    "last time * hear|see|talk from_me|me|to_me",
    "this is goodbye|my_goodbye|my_final_goodbye|the_end_for_me|the_last_time_youll_hear_from_me !for_now|until|till|for",
    "final|last goodbye|goodbyes",
    concat!(
        "say|said|saying|wanted_to_say|want_to_say goodbye|goodbyes to * everyone|everybody|you|yall|all|world|family|friends|guys !before|at|for|until|till|after",
        unless_leaving!()
    ),
    concat!("say|said|saying my goodbyes|goodbye", unless_leaving!()),
    concat!(
        "@give away my|all * things|stuff|belongings|possessions|valuables|pets",
        unless_leaving!()
    ),
    concat!(
        "@give my|all * things|stuff|belongings|possessions|valuables away",
        unless_leaving!()
    ),
    "affairs in order",
    "@pills|bottle|rope|noose|gun|knife|blade|razor in_front_of_me|next_to_me|in_my_hand|in_my_hands|ready|lined_up|counted_out|laid_out !for",
    "holding|staring_at|looking_at|sitting_with|with * bottle|handful of * @pills",
];

const SELF_HARM: &[&str] = &[
    "@wound myself !shaving|cooking|chopping|slicing|gardening|baking|ironing|while|off|short|slack|some|a_break|on_the|on_a|on_some|on_my_way|on_paper|with_a_fork|by_accident|in_the|playing|at|opening|fixing|out|up",
    "@harm myself !at|playing|lifting|running|skiing|while|working|falling|exercising|training|in_the|on_the|doing|moving|carrying|dancing|hiking|biking|skating|emotionally|financially",
    "@wound|slash|slashed|slashing|carve|carved|carving into? my * wrist|wrists|arm|arms|thigh|thighs|leg|legs|skin|stomach|hips !on|while|shaving|cooking|open|in_the|at|playing",
    "urge|urges|urged|want|wants|wanted|wanting|going|tempted|temptation|thinking|thought|thoughts|started|start|starting|relapsed|relapse|relapsing|been|keep|kept|back|did|need|needed|craving|cravings|again * selfharm|selfharming|selfharmed|cutting|cut|burning !myself|back|down|out|off|ties|class|school|carbs|sugar|my_hair|hair|corners|costs|people|them|him|her|the|it|in|through|across|up|loose|a|some|calories|weight|gluten|meat|dairy|alcohol|caffeine|coffee|herself|himself|themselves|yourself|onions|vegetables|veggies|fruit|wood|paper|grass|coupons|lines|the_line|contact|awareness|prevention",
    "@self * selfharm|selfharmed|selfharming !awareness|prevention",
    "selfharm|selfharming|cutting again|$",
    "my selfharm|cutting|selfharming * back|worse|again|bad",
    "selfharm urges|urge|thoughts|cravings",
    "dont|cant trust myself alone|not_to_hurt|not_to|right_now|with_a_knife|with_my_pills|$",
];

const HARM_TO_OTHERS: &[&str] = &[
    "@intent to * @attack @person !feelings|feeling|chances|chance|reputation|career|business|ego|pride|at|in|to_it|with_kindness|up_later|off_guard",
    "@intent to * @attack my * @kin !feelings|feeling|at|in",
    "ill|might|will|gonna * @attack @person !feelings|feeling|chances|at|in|to_it|with_kindness|later",
    "ill|might|will|gonna * @attack my * @kin !feelings|feeling|at|in",
    "@want|wish him|her|them|everyone|my * dead",
    "shoot|shooting up the|my|a|this school|office|work|workplace|mall|church|class|place|building|meeting",
    "bring|bringing|take|taking * gun|knife|weapon|rifle to|into work|school|office|group|class|church|the_office|the_meeting|the_school|his_house|her_house",
    "thoughts|urges|fantasies|fantasizing|thinking|thought about|of @attack @person|my !feelings|feeling",
];

const HOPELESSNESS: &[&str] = &[
    "no|zero|any|lost|without * reason|reasons|will|desire|drive|motivation for? me? to * live|living|alive|exist|existing|continue|going|on !the|a|an|with|at|to|vacation|trip|stage|this|that|there|in|out|home|for|here|mad|up|quiet|late|calm|campus|my|about",
    "dont|doesnt|cant|havent|hasnt|didnt|struggle|struggling * any|a|one|single|the * reason|reasons|will|desire|drive|motivation for? me? to * live|living|alive|exist|existing|continue|going|on !the|a|an|with|at|to|vacation|trip|stage|this|that|there|in|out|home|for|here|mad|up|quiet|late|calm|campus|my|about",
    "nothing|nothin * to live|exist|wake_up|get_up for",
    "no point * living|existing|anymore|alive|life|going_on|in_life|to_life|in_anything|to_anything|of_anything !vacation|a|the|with|this|that|holiday|trip|break|to|at",
    "whats * point of|in * living|existing|life|being_alive|going_on|anything_anymore|it_all|any_of_it|even_trying|waking_up",
    "whats * point anymore|of_anything|in_anything",
    "life|lifes|living|existence|existing * not|isnt|aint|wasnt|nt * worth living|it|anything|fighting_for|the_pain|the_struggle|it_anymore",
    "not|isnt|aint|wasnt worth living",
    "cant|couldnt go|carry on $|like|anymore|any_longer|this_way|living|much_longer|with_life|with_this",
    "cant|couldnt keep going|living|fighting $|like|anymore|any_longer|this_way|much_longer",
    "cant|couldnt do|take|handle|deal|bear this|it|life|living|everything|the_pain|this_pain|any_of_it|any_of_this|this_life|with_this|with_it|with_life anymore|any_longer|no_more|much_longer|any_more",
    "cant|couldnt take|bear this|it|the_pain|this_pain|life|living $",
    "cant|couldnt do life|living $|anymore",
    "cant live like_this|with_myself|anymore",
    "@give up on life|living|everything|myself_and_everyone",
    "no way out $",
    "@want out $",
    "dont|cant|doesnt|not|never see|find * point|reason|purpose in|of|to * living|life|existing|being_alive|going_on|anything|anymore !in_the|of_the|of_this|of_that",
    "@want|wish|need it_all|everything|this_all|all_of_it|all_of_this|my_life to @adverb? end|stop|be_over|over|go_away",
    "tired|sick|exhausted of * living|being_alive|existing|life|being_here !being|feeling|going|so|situation|arrangement|arrangements|room|conditions|with|in|costs|paycheck",
    "done with life|living|existing|being_alive|everything !at|for_today|for_the_day|on",
    "how much longer|more i|ill|im ** keep_going|go_on|live|take_it|take_this|hold_on|last|survive|do_this !at|in|with|here|there|this_job",
    "burden to|on everyone|everybody|all|my_family|my_kids|the_world|them|you_all|yall|my_friends|everybody",
];

/// The compiled phrases and an index from a phrase's first word to the phrases.
pub(super) struct Lexicon {
    patterns: Vec<Pattern>,
    /// Phrase indices by the number of their first word.
    by_first_word: Vec<Vec<usize>>,
    pub vocabulary: Vocabulary,
    /// Phrases that could not be read; always empty (a test checks), kept rather than
    /// panicking in a request path.
    pub problems: Vec<String>,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::new);

impl Lexicon {
    fn new() -> Self {
        let mut lexicon = Self {
            patterns: Vec::new(),
            by_first_word: Vec::new(),
            vocabulary: Vocabulary::default(),
            problems: Vec::new(),
        };
        let all = [
            (Category::PlanOrMeans, PLAN_OR_MEANS),
            (Category::SuicidalIdeation, SUICIDAL_IDEATION),
            (Category::SelfHarm, SELF_HARM),
            (Category::HarmToOthers, HARM_TO_OTHERS),
            (Category::Hopelessness, HOPELESSNESS),
        ];
        for (category, phrases) in all {
            for phrase in phrases.iter() {
                match Pattern::parse(category, phrase, &mut lexicon.vocabulary) {
                    Ok(pattern) => lexicon.add(pattern),
                    Err(problem) => lexicon.problems.push(problem),
                }
            }
        }
        lexicon
    }

    fn add(&mut self, pattern: Pattern) {
        let index = self.patterns.len();
        for word in pattern.first_words() {
            let Ok(slot) = usize::try_from(word) else {
                continue;
            };
            if self.by_first_word.len() <= slot {
                self.by_first_word.resize_with(slot + 1, Vec::new);
            }
            if let Some(entry) = self.by_first_word.get_mut(slot) {
                if entry.last() != Some(&index) {
                    entry.push(index);
                }
            }
        }
        self.patterns.push(pattern);
    }

    /// The phrases that can start with the word numbered `word`.
    pub fn starting_with(&self, word: u32) -> impl Iterator<Item = &Pattern> {
        usize::try_from(word)
            .ok()
            .and_then(|slot| self.by_first_word.get(slot))
            .into_iter()
            .flatten()
            .filter_map(|&index| self.patterns.get(index))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.patterns.len()
    }
}
