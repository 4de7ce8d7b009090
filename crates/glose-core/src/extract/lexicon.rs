//! The word lists and rule tables, embedded in the binary and loaded once per
//! language (see `assets/`): a few hash sets built on first use.

use super::shape::ShapeModel;
use crate::Language;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceType {
    Country,
    Region,
    Continent,
    City,
    /// Lakes, rivers, seas, mountains, islands.
    Natural,
}

/// A gazetteer entry: its type and its `place_flag` bits, in one map (the flags had a
/// map of their own, a second copy of every key: about 15 MB of the lexicon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceType,
    pub flags: u8,
}

/// What else a gazetteer entry is (the lists' `flags` column and files).
pub mod place_flag {
    /// Also a common word.
    pub const COMMON: u8 = 1;
    pub const FIRST_NAME: u8 = 2;
    pub const SURNAME: u8 = 4;
    /// In a `*_weak` list: must not win alone.
    pub const WEAK: u8 = 8;
    /// A town of fewer than 15,000 people.
    pub const SMALL: u8 = 16;
}

/// What the word lists say of a lowercase word, in one lookup (`Lexicon::word_facts`).
pub mod word_fact {
    pub const FUNCTION: u8 = 1;
    pub const COMMON: u8 = 2;
    pub const DEMONYM: u8 = 4;
}

/// An event noun's class (nouns of one class about the same thing are one event)
/// and whether it stands alone without a complement.
#[derive(Debug, Clone, Copy)]
pub struct EventNoun {
    pub class: &'static str,
    pub standalone: bool,
}

/// Closed word classes the event rules read (`rules/fr/event_grammar.tsv`).
#[derive(Default)]
pub struct EventGrammar {
    pub prep: Vec<&'static str>,
    pub det: Vec<&'static str>,
    pub ordinal: Vec<&'static str>,
    pub generic_det: Vec<&'static str>,
    pub prenominal: Vec<&'static str>,
    pub vague: Vec<&'static str>,
    pub day: Vec<&'static str>,
    /// Words that pin a head-final event down from before it ("midterm elections");
    /// a profile without them reads no modifier before the noun.
    pub premod: Vec<&'static str>,
}

impl EventGrammar {
    fn new(tsv: &'static str) -> EventGrammar {
        let mut g = EventGrammar::default();
        for line in entries(tsv) {
            let Some((class, word)) = line.split_once('\t') else {
                continue;
            };
            let list = match class {
                "prep" => &mut g.prep,
                "det" => &mut g.det,
                "ordinal" => &mut g.ordinal,
                "generic_det" => &mut g.generic_det,
                "prenominal" => &mut g.prenominal,
                "vague" => &mut g.vague,
                "day" => &mut g.day,
                "premod" => &mut g.premod,
                _ => continue,
            };
            list.push(word);
        }
        g
    }
}

/// One bit per (length, first byte, last byte) slot of 2048: a word whose bit is
/// clear is in no set the sketch was built from, told without hashing the word.
#[derive(Clone, Default)]
struct Sketch([u64; 32]);

impl Sketch {
    #[inline]
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let (first, last) = match b {
            [] => (0, 0),
            [f, .., l] => (*f as usize, *l as usize),
            [f] => (*f as usize, *f as usize),
        };
        (first.wrapping_mul(31) ^ last.wrapping_mul(131) ^ b.len().wrapping_mul(7919)) & 2047
    }

    fn add(&mut self, w: &str) {
        let k = Self::slot(w);
        self.0[k / 64] |= 1 << (k % 64);
    }

    /// False: `w` was never added. True: it may have been.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let k = Self::slot(w);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A small word class (a few hundred words at most) with a cheap first test: the
/// rules ask about nearly every token, most are in no class, and one bit of a
/// 2048-bit sketch (length, first and last byte) says so without hashing the word.
#[derive(Default, Clone)]
pub struct WordSet {
    set: HashSet<&'static str>,
    sketch: Sketch,
}

impl WordSet {
    pub fn insert(&mut self, w: &'static str) -> bool {
        self.sketch.add(w);
        self.set.insert(w)
    }

    /// The sketch's test is inlined where the rules ask (most words stop there);
    /// the hash lookup is not.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.sketch.may_hold(w) && self.holds(w)
    }

    #[inline(never)]
    fn holds(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.set.iter()
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut set = WordSet::default();
        for w in words {
            set.insert(w);
        }
        set
    }
}

impl From<HashSet<&'static str>> for WordSet {
    fn from(words: HashSet<&'static str>) -> WordSet {
        words.into_iter().collect()
    }
}

/// Prepositions that announce places, by strength.
#[derive(Default)]
pub struct PlacePreps {
    pub strong: WordSet,
    pub town: WordSet,
    pub inside: WordSet,
    pub weak: WordSet,
}

/// The grammar classes the rules ask of a token (`BlockText::in_class`), each one
/// bit of a word's [`Grammar::token_classes`]: a test is a bit, not a comparison of
/// class names, and a token's classes are looked up once.
const TOKEN_CLASSES: &[&str] = &[
    "acronym_skip",
    "agent_participle",
    "agent_prep",
    "and",
    "article_no_person",
    "clitic",
    "competition",
    "epithet_article",
    "eponym_noun",
    "kin_noun",
    "list_connector",
    "name_abbrev",
    "name_joiner",
    "name_title",
    "noun_after_prep",
    "noun_of",
    "opponent",
    "particle_after_first_name",
    "particle_after_head",
    "party",
    "passive_helper",
    "person_passive",
    "person_possession",
    "person_pronoun",
    "person_verb",
    "person_verb_gap",
    "place_adjective_after",
    "place_cue_side",
    "place_pair_connector",
    "place_qualifier",
    "place_verb",
    "region_comma",
    "relative",
    "team_det",
    "team_for",
    "team_for_link",
    "team_join",
    "team_move",
    "team_noun",
    "team_to",
    "top_noun",
    "top_prep",
    "unknown_place_prep",
];

/// The bit [`TOKEN_CLASSES`] keeps free: a memo's "looked up" mark.
pub const CLASSES_KNOWN: u64 = 1 << 63;
const _: () = assert!(
    TOKEN_CLASSES.len() < 64,
    "TOKEN_CLASSES: one bit each in a u64"
);

/// One of [`TOKEN_CLASSES`], named by [`class!`] (an unknown name fails to compile).
#[derive(Clone, Copy)]
pub struct Class(u8);

impl Class {
    pub const fn named(name: &str) -> Class {
        let mut k = 0;
        while k < TOKEN_CLASSES.len() {
            if same(TOKEN_CLASSES[k].as_bytes(), name.as_bytes()) {
                return Class(k as u8);
            }
            k += 1;
        }
        panic!("not in TOKEN_CLASSES");
    }

    #[inline]
    pub fn bit(self) -> u64 {
        1 << self.0
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `class!("party")`: the [`Class`] of that name, resolved at compile time.
macro_rules! class {
    ($name:literal) => {{
        const CLASS: $crate::extract::lexicon::Class =
            $crate::extract::lexicon::Class::named($name);
        CLASS
    }};
}
pub(crate) use class;

/// The language profile's closed word classes (`assets/lang/<code>/grammar.tsv`).
#[derive(Default)]
pub struct Grammar {
    classes: HashMap<&'static str, Vec<&'static str>>,
    /// Word -> the classes that hold it: [`Grammar::is`] is asked of nearly every
    /// token, and most are in no class, which one lookup of the word settles.
    of_word: HashMap<&'static str, Vec<&'static str>>,
    /// The words of `of_word`, sketched: most tokens are turned away without a hash.
    sketch: Sketch,
    /// Word -> its [`TOKEN_CLASSES`] bits (words in none of them left out).
    token_classes: HashMap<&'static str, u64>,
    /// The [`TOKEN_CLASSES`] bits of the classes the profile has.
    present: u64,
}

impl Grammar {
    fn new(tsv: &'static str) -> Grammar {
        let mut classes: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        let mut of_word: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for line in entries(tsv) {
            if let Some((class, word)) = line.split_once('\t') {
                classes.entry(class).or_default().push(word);
                of_word.entry(word).or_default().push(class);
            }
        }
        let mut sketch = Sketch::default();
        for w in of_word.keys() {
            sketch.add(w);
        }
        let mut token_classes: HashMap<&'static str, u64> = HashMap::default();
        let mut present = 0;
        for (k, class) in TOKEN_CLASSES.iter().enumerate() {
            for &w in classes.get(class).map_or(&[][..], |v| v.as_slice()) {
                *token_classes.entry(w).or_default() |= 1 << k;
                present |= 1 << k;
            }
        }
        Grammar {
            classes,
            of_word,
            sketch,
            token_classes,
            present,
        }
    }

    /// The words of a class (empty when the profile has none).
    pub fn words(&self, class: &str) -> &[&'static str] {
        self.classes.get(class).map_or(&[], |v| v.as_slice())
    }

    pub fn set(&self, class: &str) -> HashSet<&'static str> {
        self.words(class).iter().copied().collect()
    }

    /// Whether `word` (lowercase) is in the class.
    #[inline]
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.sketch.may_hold(word) && self.holds(class, word)
    }

    #[inline(never)]
    fn holds(&self, class: &str, word: &str) -> bool {
        self.of_word
            .get(word)
            .is_some_and(|classes| classes.contains(&class))
    }

    /// The [`TOKEN_CLASSES`] bits of `word` (lowercase): `Class::bit` set for each
    /// class that holds it, as [`Grammar::is`] would answer.
    #[inline]
    pub fn token_classes(&self, word: &str) -> u64 {
        if self.sketch.may_hold(word) {
            self.token_classes_held(word)
        } else {
            0
        }
    }

    #[inline(never)]
    fn token_classes_held(&self, word: &str) -> u64 {
        self.token_classes.get(word).copied().unwrap_or(0)
    }

    /// Whether the profile has the class at all (a language without it never fires
    /// the rules that read it).
    #[inline]
    pub fn has(&self, class: Class) -> bool {
        self.present & class.bit() != 0
    }
}

pub struct Lexicon {
    /// The profile's closed word classes.
    pub grammar: Grammar,
    /// The profile's own prior weights (`assets/lang/<code>/prior.tsv`), added to the
    /// shared ones (`assets/weights/prior.tsv`).
    pub prior: &'static str,
    /// Elided words, split off by the tokenizer ("l" of "l'Ukraine").
    pub elisions: Vec<&'static str>,
    /// Possessive endings, split off by the tokenizer ("'s" of "China's").
    pub possessives: Vec<&'static str>,
    /// Words that make an adjective of a capitalized word before a hyphen (`compound_tail`:
    /// "Paris-based").
    pub compound_tails: Vec<&'static str>,
    /// The grammar's `list_connector`, `parallel_prep` and `list_adverb` words
    /// (enumerations) and its `credit_mark`, `credit_label` and `credit_join` words
    /// (credits), kept at hand: each block reads them.
    pub list_connectors: Vec<&'static str>,
    pub parallel_preps: Vec<&'static str>,
    pub list_adverbs: Vec<&'static str>,
    pub credit_marks: Vec<&'static str>,
    pub credit_labels: Vec<&'static str>,
    pub credit_joins: Vec<&'static str>,
    /// Adjectival endings by their last letter ("-al", "-ique", "-ien"...).
    pub adjective_endings: HashMap<char, Vec<&'static str>>,
    /// Adjectives may follow the noun they qualify ("Banque centrale", "invasion
    /// russe"), unless the profile says `word_order adjective_before_noun`: then a word
    /// after an event's or an institution's head is no adjective of it.
    pub adjectives_follow: bool,
    /// The profile says `typography title_case_names`: a language that capitalizes
    /// every word of a name (asked of every candidate: answered once here).
    pub title_case_names: bool,
    /// Accented letters a capital may have lost ("Etat" for "État"): (plain, accented).
    pub capital_accents: Vec<(char, &'static str)>,
    /// Capitalized particles inside a person's name ("Le" of "Marine Le Pen").
    pub name_particle_cap: WordSet,
    /// "of" followed by an article ("de la", "de l'"), as word pairs.
    pub of_article: Vec<(&'static str, &'static str)>,
    /// Prefixes meaning "former" glued to a name ("ex-").
    pub former: Vec<&'static str>,
    /// Endings of numeric ordinals ("e" of "6e", "th" of "5th").
    pub ordinal_suffixes: Vec<&'static str>,
    pub articles: WordSet,
    pub of: WordSet,
    pub determiners: WordSet,
    pub place_preps: PlacePreps,
    pub titles: WordSet,
    /// The grammar's `ministry` class ("ministère"), asked of every lowercase word.
    pub ministry: WordSet,
    /// Folded place name -> type and `place_flag` bits. Multi-word names are joined
    /// by single spaces.
    pub places: HashMap<String, Place>,
    /// Lowercase first words of place names ("lac", "mer"): a place may start there.
    pub place_lower_heads: HashSet<String>,
    /// The longest place name, in tokens (at most [`PLACE_MAX_TOKENS`]).
    pub place_max_tokens: usize,
    /// Every beginning of a place name that stops before a space or a punctuation
    /// mark ("cote", "cote d" of "cote d'ivoire"): a window whose first word is not
    /// one of them can only be a one-word place, and needs one lookup, not eight.
    pub place_prefixes: HashSet<String>,
    /// As written in the list ("Vladimir"); looked up by the token as written.
    pub first_names: HashSet<&'static str>,
    /// Family names as written ("Kowalski"), from the general lists: a word that is
    /// one and not a first name leans person.
    pub surnames: HashSet<&'static str>,
    /// What a word no list knows looks like (language-neutral, shared).
    pub shape: &'static ShapeModel,
    /// Lowercase common words (not proper nouns).
    pub common: HashSet<&'static str>,
    /// Lowercase nationality word -> country.
    pub demonyms: HashMap<String, String>,
    pub function_words: HashSet<&'static str>,
    /// Lowercase word -> `word_fact` bits (function word, common word, nationality):
    /// the three lists every token is checked against, merged so one lookup answers.
    pub word_facts: HashMap<std::borrow::Cow<'static, str>, u8>,
    pub person_cues: Phrases,
    pub org_heads: WordSet,
    pub org_cues: WordSet,
    /// Nouns naming a work or a product: the title after one is no entity.
    pub work_cues: WordSet,
    /// Nouns of a trade between an organization word and "of" (`org_trades.txt`).
    pub org_trades: WordSet,
    pub org_suffixes: WordSet,
    pub place_cues: WordSet,
    pub place_heads: WordSet,
    pub event_nouns: HashMap<&'static str, EventNoun>,
    /// Event nouns of several words ("mandat d'arrêt"), as lowercase token lists.
    pub event_phrases: Vec<(Vec<&'static str>, EventNoun)>,
    /// First words of `event_phrases`, to skip the phrase scan for most tokens.
    pub event_phrase_starts: WordSet,
    /// Every word that can start an event noun (single or phrase).
    pub event_words: WordSet,
    pub event_heads: WordSet,
    /// Multi-word event heads, folded ("ligue des champions", "grand prix").
    pub event_head_phrases: Vec<String>,
    pub particles: WordSet,
    /// Which of the [`set`] word sets hold a word.
    pub token_sets: TokenSets,
    /// Acronyms of common nouns ("PIB", "TVA", "IA"): not organizations.
    pub common_acronyms: WordSet,
    /// Capitalized words and phrases a dictionary knows only as common nouns, adjectives
    /// or adverbs ("Islam", "New Testament"; `false`), and abbreviations of common
    /// things ("DVD", "BC"; `true`), as written. Empty for a language without the list.
    pub common_capitalized: HashMap<&'static str, bool>,
    /// Names an encyclopedic dictionary knows, as written ("Hitler", "Red Cross") ->
    /// `known_kind` bits (one name may be of several kinds: "Washington").
    pub known: HashMap<&'static str, u8>,
    /// Latin endings of the names of families and other ranks ("idae", "aceae").
    pub taxon_suffixes: Vec<&'static str>,
    /// Endings of words made from a name ("ian", "ism"): the profile's `derived_ending`.
    pub derived_endings: Vec<&'static str>,
    /// Latin endings of a species' epithet: the profile's `epithet_ending`.
    pub epithet_endings: Vec<&'static str>,
    /// Plural endings: the profile's `plural_ending`.
    pub plural_endings: Vec<&'static str>,
    /// Last words of geographic names ("Valley", "Island").
    pub place_suffixes: WordSet,
    pub months: WordSet,
    /// Words of matches ("goal", "scored"): an article with several is about sport.
    pub sport_words: WordSet,
    /// Initials of countries named in several words ("US", "UK", "UAE"), without the
    /// profile's `acronym_skip` words: English and French name them so.
    pub country_initials: HashSet<String>,
    /// Folded months, weekdays and holidays (with their abbreviations): dates, not names.
    pub dates: HashSet<String>,
    pub event_grammar: EventGrammar,
}

/// Multi-word cues matched token by token, lowercase.
/// Bits of [`TokenSets`]: the word sets the rules ask of a token's lowercase form.
pub mod set {
    pub const ARTICLE: u32 = 1;
    pub const OF: u32 = 1 << 1;
    pub const DETERMINER: u32 = 1 << 2;
    pub const TITLE: u32 = 1 << 3;
    pub const PREP_STRONG: u32 = 1 << 4;
    pub const PREP_TOWN: u32 = 1 << 5;
    pub const PREP_INSIDE: u32 = 1 << 6;
    pub const PREP_WEAK: u32 = 1 << 7;
    pub const PLACE_CUE: u32 = 1 << 8;
    pub const ORG_CUE: u32 = 1 << 9;
    pub const ORG_TRADE: u32 = 1 << 10;
    pub const WORK_CUE: u32 = 1 << 11;
    pub const PARTICLE: u32 = 1 << 12;
    /// `person_cues.single`, `multi_first`, `multi_last`.
    pub const PERSON_CUE: u32 = 1 << 13;
    pub const PERSON_CUE_FIRST: u32 = 1 << 14;
    pub const PERSON_CUE_LAST: u32 = 1 << 15;
    /// No set: the bit a memo marks "looked up" with.
    pub const KNOWN: u32 = 1 << 31;
}

/// Which of the [`set`] word sets hold a word, one lookup for them all: the rules ask
/// the words around each name about one set after another (`BlockText::in_set`).
#[derive(Default)]
pub struct TokenSets {
    of_word: HashMap<&'static str, u32>,
    sketch: Sketch,
}

impl TokenSets {
    fn new(lex: &Lexicon) -> TokenSets {
        let mut sets = TokenSets::default();
        let cues = &lex.person_cues;
        for (bit, words) in [
            (set::ARTICLE, &lex.articles),
            (set::OF, &lex.of),
            (set::DETERMINER, &lex.determiners),
            (set::TITLE, &lex.titles),
            (set::PREP_STRONG, &lex.place_preps.strong),
            (set::PREP_TOWN, &lex.place_preps.town),
            (set::PREP_INSIDE, &lex.place_preps.inside),
            (set::PREP_WEAK, &lex.place_preps.weak),
            (set::PLACE_CUE, &lex.place_cues),
            (set::ORG_CUE, &lex.org_cues),
            (set::ORG_TRADE, &lex.org_trades),
            (set::WORK_CUE, &lex.work_cues),
            (set::PARTICLE, &lex.particles),
            (set::PERSON_CUE, &cues.single),
            (set::PERSON_CUE_FIRST, &cues.multi_first),
            (set::PERSON_CUE_LAST, &cues.multi_last),
        ] {
            for &w in words.iter() {
                *sets.of_word.entry(w).or_default() |= bit;
                sets.sketch.add(w);
            }
        }
        sets
    }

    /// The [`set`] bits of `word` (lowercase).
    #[inline]
    pub fn of(&self, word: &str) -> u32 {
        if self.sketch.may_hold(word) {
            self.held(word)
        } else {
            0
        }
    }

    #[inline(never)]
    fn held(&self, word: &str) -> u32 {
        self.of_word.get(word).copied().unwrap_or(0)
    }
}

pub struct Phrases {
    pub single: WordSet,
    pub multi: Vec<Vec<&'static str>>,
    /// The first and last words of `multi`: most words start and end none, which
    /// one set tells before the phrases are tried one by one.
    pub multi_first: WordSet,
    pub multi_last: WordSet,
}

impl Lexicon {
    /// A place name whose only entries are weak or small towns: it needs its context
    /// ("Michael" is a parish, "Us" a town).
    pub fn doubtful_place(&self, key: &str) -> bool {
        self.places.get(key).map_or(0, |p| p.flags) & (place_flag::WEAK | place_flag::SMALL) != 0
    }
}

impl Phrases {
    fn new(text: &'static str, elisions: &[&str]) -> Phrases {
        let mut single = WordSet::default();
        let mut multi = Vec::new();
        let (mut multi_first, mut multi_last) = (WordSet::default(), WordSet::default());
        for l in entries(text) {
            let words = phrase_tokens(l, elisions);
            if let [first, .., last] = words[..] {
                multi_first.insert(first);
                multi_last.insert(last);
                multi.push(words);
            } else {
                single.insert(l);
            }
        }
        Phrases {
            single,
            multi,
            multi_first,
            multi_last,
        }
    }
}

/// A phrase cut the way the tokenizer cuts text ("mandat d'arrêt" -> mandat, d', arrêt).
fn phrase_tokens(phrase: &'static str, elisions: &[&str]) -> Vec<&'static str> {
    let clitics = crate::text::Clitics {
        elisions,
        possessives: &[],
        compound_tails: &[],
    };
    crate::text::tokenize_with(phrase, &clitics)
        .iter()
        .map(|t| &phrase[t.start..t.end])
        .collect()
}

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('@'))
}

/// The lexicon for a language, built on first use.
pub fn lexicon(lang: Language) -> &'static Lexicon {
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Language::Fr => FR.get_or_init(|| build(Language::Fr)),
        Language::En => EN.get_or_init(|| build(Language::En)),
    }
}

macro_rules! asset {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/", $path))
    };
}

/// The name-shape model, built on first use (one for every language).
pub fn shape_model() -> &'static ShapeModel {
    static SHAPE: OnceLock<ShapeModel> = OnceLock::new();
    SHAPE.get_or_init(|| ShapeModel::parse(asset!("gazetteer/shape.tsv")))
}

/// A rule table of the language's profile (`assets/rules/<code>/`).
macro_rules! rules {
    ($lang:expr, $file:literal) => {
        match $lang {
            Language::Fr => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/rules/fr/",
                $file
            )),
            Language::En => include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/rules/en/",
                $file
            )),
        }
    };
}

/// The rule files another language's table may borrow with `@include LANG/FILE`.
fn rule_file(lang: &str, file: &str) -> Option<&'static str> {
    let lang = match lang {
        "fr" => Language::Fr,
        "en" => Language::En,
        _ => return None,
    };
    Some(match file {
        "org_suffixes.txt" => rules!(lang, "org_suffixes.txt"),
        "org_heads.txt" => rules!(lang, "org_heads.txt"),
        "place_suffixes.txt" => rules!(lang, "place_suffixes.txt"),
        "place_heads.txt" => rules!(lang, "place_heads.txt"),
        _ => return None,
    })
}

/// A table's entries and, apart, the entries of the tables it borrows: names keep
/// the words of the language they were made in ("Sun Microsystems", "Central Park"
/// in a French text), so a table may `@include en/org_suffixes.txt`.
fn entries_borrowing(text: &'static str) -> (Vec<&'static str>, Vec<&'static str>) {
    let own = entries(text).collect();
    let borrowed = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("@include "))
        .filter_map(|path| {
            let (lang, file) = path.trim().split_once('/')?;
            rule_file(lang, file)
        })
        .flat_map(entries)
        .collect();
    (own, borrowed)
}

/// A table with the tables it borrows.
fn borrowing(text: &'static str) -> WordSet {
    let (own, borrowed) = entries_borrowing(text);
    own.into_iter().chain(borrowed).collect()
}

/// Builds a lexicon from the embedded assets (uncached: see [`lexicon`]).
pub fn build(lang: Language) -> Lexicon {
    let (places_tsv, common_txt, demonyms_tsv) = match lang {
        Language::Fr => (
            [
                asset!("gazetteer/places.fr.tsv"),
                asset!("gazetteer/places_weak.fr.tsv"),
            ],
            asset!("gazetteer/common.fr.txt"),
            asset!("gazetteer/demonyms.fr.tsv"),
        ),
        Language::En => (
            [
                asset!("gazetteer/places.en.tsv"),
                asset!("gazetteer/places_weak.en.tsv"),
            ],
            asset!("gazetteer/common.en.txt"),
            asset!("gazetteer/demonyms.en.tsv"),
        ),
    };
    let sources = [
        (places_tsv[0], 0),
        (places_tsv[1], place_flag::WEAK),
        (asset!("gazetteer/cities_small.tsv"), place_flag::SMALL),
        (
            asset!("gazetteer/cities_small_weak.tsv"),
            place_flag::SMALL | place_flag::WEAK,
        ),
    ];
    // The two big tables build on two cores: places (folded keys) beside the word sets.
    // A thread that cannot start (a process limit) builds here instead: no panic.
    let function_words: HashSet<&'static str> =
        entries(rules!(lang, "function_words.txt")).collect();
    let demonyms: HashMap<String, String> = entries(demonyms_tsv)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?.to_lowercase(), c.next()?.to_string()))
        })
        .collect();
    let ((places, place_max_tokens, place_prefixes), (first_names, common, word_facts, surnames)) =
        std::thread::scope(|scope| {
            let places = std::thread::Builder::new().spawn_scoped(scope, || build_places(&sources));
            // Two files, two licences (MIT + MPL-2.0; GNU FDL 1.2): one list.
            let mut words = words_set(asset!("gazetteer/firstnames.txt"));
            words.extend(entries(asset!("gazetteer/firstnames_gfdl.txt")));
            // The common-word list is lowercase already (a test checks it): no copies needed.
            let common = words_set(common_txt);
            let facts = word_facts(&common, &function_words, &demonyms);
            let surnames = words_set(asset!("gazetteer/surnames.txt"));
            let _ = shape_model();
            let places = match places {
                Ok(handle) => handle.join().unwrap_or_default(),
                Err(_) => build_places(&sources),
            };
            (places, (words, common, facts, surnames))
        });
    let grammar = Grammar::new(match lang {
        Language::Fr => asset!("lang/fr/grammar.tsv"),
        Language::En => asset!("lang/en/grammar.tsv"),
    });
    let elisions: Vec<&'static str> = grammar.words("elision").to_vec();
    let place_suffixes = borrowing(rules!(lang, "place_suffixes.txt"));
    // A borrowed word that ends this language's place names too ("City", "House")
    // does not make an organization here.
    let (own, borrowed) = entries_borrowing(rules!(lang, "org_suffixes.txt"));
    let org_suffixes: WordSet = own
        .into_iter()
        .chain(borrowed.into_iter().filter(|w| !place_suffixes.contains(w)))
        .collect();
    let mut event_nouns = HashMap::default();
    let mut event_phrases = Vec::new();
    for l in entries(rules!(lang, "event_nouns.txt")) {
        let mut c = l.split('\t');
        let (Some(noun), Some(class)) = (c.next(), c.next()) else {
            continue;
        };
        let ev = EventNoun {
            class,
            standalone: c.next() == Some("1"),
        };
        let words = phrase_tokens(noun, &elisions);
        if words.len() > 1 {
            event_phrases.push((words, ev));
        } else {
            event_nouns.insert(noun, ev);
        }
    }
    // Longest phrases first, so "tour de financement" wins over "tour".
    event_phrases.sort_by_key(|(p, _): &(Vec<&str>, EventNoun)| std::cmp::Reverse(p.len()));
    let event_words = event_phrases
        .iter()
        .map(|(p, _)| p[0])
        .chain(event_nouns.keys().copied())
        .collect();
    let place_lower_heads = places
        .keys()
        .filter(|k| k.contains(' '))
        .filter_map(|k| k.split(' ').next())
        .filter(|w| w.len() >= 3 && common.contains(w))
        .map(str::to_string)
        .collect();
    let mut adjective_endings: HashMap<char, Vec<&'static str>> = HashMap::default();
    for e in grammar.words("adjective_ending") {
        if let Some(c) = e.chars().next_back() {
            adjective_endings.entry(c).or_default().push(e);
        }
    }
    let capital_accents = grammar
        .words("capital_accent")
        .iter()
        .filter_map(|a| Some((fold(a).chars().next()?, *a)))
        .collect();
    let of_article = grammar
        .words("of_article")
        .iter()
        .filter_map(|p| p.split_once(' '))
        .collect();
    let skip = grammar.words("acronym_skip");
    let country_initials = places
        .iter()
        .filter(|(k, p)| p.kind == PlaceType::Country && k.contains(' '))
        .map(|(k, _)| {
            k.split([' ', '\''])
                .filter(|w| !w.is_empty() && !skip.contains(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect::<String>()
        })
        .filter(|i| (2..=4).contains(&i.chars().count()))
        .collect();
    // Asked of every candidate: held here, not looked up by class name each time.
    let taxon_suffixes = grammar.words("taxon_suffix").to_vec();
    let derived_endings = grammar.words("derived_ending").to_vec();
    let epithet_endings = grammar.words("epithet_ending").to_vec();
    let plural_endings = grammar.words("plural_ending").to_vec();
    let mut lex = Lexicon {
        prior: match lang {
            Language::Fr => asset!("lang/fr/prior.tsv"),
            Language::En => asset!("lang/en/prior.tsv"),
        },
        country_initials,
        elisions: elisions.clone(),
        possessives: grammar.words("possessive").to_vec(),
        compound_tails: grammar.words("compound_tail").to_vec(),
        list_connectors: grammar.words("list_connector").to_vec(),
        parallel_preps: grammar.words("parallel_prep").to_vec(),
        list_adverbs: grammar.words("list_adverb").to_vec(),
        credit_marks: grammar.words("credit_mark").to_vec(),
        credit_labels: grammar.words("credit_label").to_vec(),
        credit_joins: grammar.words("credit_join").to_vec(),
        sport_words: grammar.set("sport").into(),
        ministry: grammar.set("ministry").into(),
        adjective_endings,
        adjectives_follow: !grammar.is("word_order", "adjective_before_noun"),
        title_case_names: grammar.is("typography", "title_case_names"),
        capital_accents,
        name_particle_cap: grammar.set("name_particle_cap").into(),
        of_article,
        former: grammar.words("former").to_vec(),
        ordinal_suffixes: grammar.words("ordinal_suffix").to_vec(),
        place_lower_heads,
        articles: grammar.set("article").into(),
        of: grammar.set("of").into(),
        determiners: grammar.set("determiner").into(),
        place_preps: PlacePreps {
            strong: grammar.set("place_strong").into(),
            town: grammar.set("place_town").into(),
            inside: grammar.set("place_inside").into(),
            weak: grammar.set("place_weak").into(),
        },
        titles: grammar.set("title").into(),
        grammar,
        places,
        place_max_tokens: place_max_tokens.min(PLACE_MAX_TOKENS),
        place_prefixes,
        first_names,
        surnames,
        shape: shape_model(),
        common,
        demonyms,
        function_words,
        word_facts,
        person_cues: Phrases::new(rules!(lang, "person_cues.txt"), &elisions),
        org_heads: borrowing(rules!(lang, "org_heads.txt")),
        org_cues: entries(rules!(lang, "org_cues.txt")).collect(),
        work_cues: entries(rules!(lang, "work_cues.txt")).collect(),
        org_trades: entries(rules!(lang, "org_trades.txt")).collect(),
        org_suffixes,
        place_cues: entries(rules!(lang, "place_cues.txt")).collect(),
        place_heads: borrowing(rules!(lang, "place_heads.txt")),
        event_nouns,
        event_phrase_starts: event_phrases.iter().map(|(p, _)| p[0]).collect(),
        event_words,
        event_phrases,
        event_heads: entries(rules!(lang, "event_heads.txt")).collect(),
        event_head_phrases: entries(rules!(lang, "event_heads.txt"))
            .filter(|h| h.contains(' '))
            .map(fold)
            .collect(),
        particles: entries(rules!(lang, "particles.txt")).collect(),
        // (Filled below, once the sets it reads are.)
        token_sets: TokenSets::default(),
        common_acronyms: entries(rules!(lang, "common_acronyms.txt")).collect(),
        common_capitalized: match lang {
            Language::Fr => HashMap::default(),
            Language::En => entries(asset!("gazetteer/common_capitalized.en.tsv"))
                .filter_map(|l| l.split('\t').next())
                .map(|w| {
                    // In capitals (two letters or more): an abbreviation ("DVD", "B.C.").
                    let mut letters = w.chars().filter(|c| c.is_alphabetic());
                    let caps = letters.clone().count() >= 2 && letters.all(char::is_uppercase);
                    (w, caps)
                })
                .collect(),
        },
        known: known_names(asset!("gazetteer/known_names.tsv")),
        taxon_suffixes,
        derived_endings,
        epithet_endings,
        plural_endings,
        place_suffixes,
        months: entries(rules!(lang, "months.txt")).collect(),
        dates: entries(rules!(lang, "months.txt"))
            .chain(entries(rules!(lang, "days.txt")))
            .chain(entries(rules!(lang, "holidays.txt")))
            .map(fold)
            .collect(),
        event_grammar: EventGrammar::new(rules!(lang, "event_grammar.tsv")),
    };
    lex.token_sets = TokenSets::new(&lex);
    lex
}

/// Kinds of a known name (`Lexicon::known`).
pub mod known_kind {
    pub const PERSON: u8 = 1;
    pub const ORGANIZATION: u8 = 2;
    pub const PLACE: u8 = 4;
    /// An era or a period ("Holocene"): capitalized, and no name.
    pub const NONE: u8 = 8;
}

/// `known_names.tsv`: `name<TAB>kinds` (comma-separated); unknown kinds are ignored.
fn known_names(tsv: &'static str) -> HashMap<&'static str, u8> {
    entries(tsv)
        .filter_map(|l| {
            let (name, kinds) = l.split_once('\t')?;
            let bits = kinds.split(',').fold(0, |b, k| {
                b | match k {
                    "person" => known_kind::PERSON,
                    "organization" => known_kind::ORGANIZATION,
                    "place" => known_kind::PLACE,
                    "none" => known_kind::NONE,
                    _ => 0,
                }
            });
            (bits != 0).then_some((name, bits))
        })
        .collect()
}

/// The `word_facts` table: every common word, function word and nationality word
/// with what it is.
fn word_facts(
    common: &HashSet<&'static str>,
    function_words: &HashSet<&'static str>,
    demonyms: &HashMap<String, String>,
) -> HashMap<std::borrow::Cow<'static, str>, u8> {
    use std::borrow::Cow;
    let mut out: HashMap<Cow<'static, str>, u8> =
        HashMap::with_capacity_and_hasher(common.len() + function_words.len(), Default::default());
    for &w in common {
        out.insert(Cow::Borrowed(w), word_fact::COMMON);
    }
    for &w in function_words {
        *out.entry(Cow::Borrowed(w)).or_insert(0) |= word_fact::FUNCTION;
    }
    for w in demonyms.keys() {
        *out.entry(Cow::Owned(w.clone())).or_insert(0) |= word_fact::DEMONYM;
    }
    out
}

fn words_set(text: &'static str) -> HashSet<&'static str> {
    let mut set = HashSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    set.extend(entries(text));
    set
}

/// The most tokens a place name is matched over: longer list entries are never found
/// (span.rs keeps each window's end in an array this long).
pub const PLACE_MAX_TOKENS: usize = 8;

/// Folded place name -> type, the entries' flags, the longest name in tokens, and
/// the names' beginnings (`Lexicon::place_prefixes`).
/// Each source is a list with the flags its file implies; `SMALL` lists have no
/// type column (towns).
#[allow(clippy::type_complexity)]
fn build_places(
    sources: &[(&'static str, u8)],
) -> (HashMap<String, Place>, usize, HashSet<String>) {
    let size: usize = sources.iter().map(|(t, _)| t.len()).sum();
    // About 30 bytes a line: room for every entry up front (no rehashing while loading).
    let mut places = HashMap::with_capacity_and_hasher(size / 24, Default::default());
    let mut max_tokens = 1;
    let mut prefixes: HashSet<String> = HashSet::default();
    for &(tsv, file_flags) in sources {
        let small = file_flags & place_flag::SMALL != 0;
        for line in entries(tsv) {
            let cols = tab_fields::<5>(line);
            let name = cols[0];
            let (t, flag_col) = if small {
                (PlaceType::City, cols[3])
            } else {
                let t = match cols[1] {
                    "country" | "territory" => PlaceType::Country,
                    "region" => PlaceType::Region,
                    "continent" => PlaceType::Continent,
                    "lake" | "river" | "sea" | "mountain" | "island" => PlaceType::Natural,
                    _ => PlaceType::City,
                };
                (t, cols[4])
            };
            let key = fold(name);
            let mut f = file_flags;
            // A name the strong list holds ("Paris", the capital) is not weak because a
            // namesake (a small town, a region) is.
            if f & place_flag::WEAK != 0
                && places.contains_key(&key)
                && places
                    .get(&key)
                    .is_none_or(|p: &Place| p.flags & place_flag::WEAK == 0)
            {
                f &= !place_flag::WEAK;
            }
            if !flag_col.is_empty() {
                for fl in flag_col.split(',') {
                    if fl.starts_with("common") {
                        f |= place_flag::COMMON;
                    } else if fl == "firstname" {
                        f |= place_flag::FIRST_NAME;
                    } else if fl == "surname" {
                        f |= place_flag::SURNAME;
                    }
                }
            }
            // Words and elisions ("Côte d'Ivoire" is three tokens).
            max_tokens =
                max_tokens.max(1 + key.bytes().filter(|&b| b == b' ' || b == b'\'').count());
            // One lookup per entry: a larger place of that name takes precedence over a
            // small town; else the most significant type wins when a name is both a
            // country and a city.
            let entry = places.entry(key);
            if small && matches!(entry, std::collections::hash_map::Entry::Occupied(_)) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(v) = &entry {
                add_prefixes(&mut prefixes, v.key());
            }
            entry
                .and_modify(|old: &mut Place| {
                    old.flags |= f;
                    if rank(t) < rank(old.kind) {
                        old.kind = t
                    }
                })
                .or_insert(Place { kind: t, flags: f });
        }
    }
    (places, max_tokens, prefixes)
}

/// Adds the beginnings of `key` that stop before a character that is not a letter
/// or a digit (see `Lexicon::place_prefixes`).
fn add_prefixes(prefixes: &mut HashSet<String>, key: &str) {
    for (p, c) in key.char_indices().skip(1) {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !alnum && !prefixes.contains(&key[..p]) {
            prefixes.insert(key[..p].to_string());
        }
    }
}

/// The first `N` tab-separated fields of a line (missing ones empty), without the
/// `Vec` and the char searcher of `split('\t')`: the lists have 200,000 lines.
fn tab_fields<const N: usize>(line: &str) -> [&str; N] {
    let mut out = [""; N];
    let mut rest = line;
    for slot in out.iter_mut() {
        match rest.bytes().position(|b| b == b'\t') {
            // A tab is ASCII: cutting there keeps both sides valid UTF-8.
            Some(p) => {
                *slot = &rest[..p];
                rest = &rest[p + 1..];
            }
            None => {
                *slot = rest;
                break;
            }
        }
    }
    out
}

fn rank(t: PlaceType) -> u8 {
    match t {
        PlaceType::Country => 0,
        PlaceType::Continent => 1,
        PlaceType::Region => 2,
        PlaceType::City => 3,
        PlaceType::Natural => 4,
    }
}

/// Lowercase, without diacritics, with typographic apostrophes and hyphens made
/// plain: "Athènes", "ATHENES" and "Athenes" all fold to "athenes".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// [`fold`] appended to `out` (no allocation of its own: the proposers fold every
/// window they look up).
pub fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        // Most letters of a name with an accent are plain ASCII: no match to run.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => {
                out.push('a')
            }
            'ç' | 'Ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'Ø' => {
                out.push('o')
            }
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
            'ÿ' | 'ý' | 'Ÿ' | 'Ý' => out.push('y'),
            'ñ' | 'Ñ' => out.push('n'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            // Decomposed accents ("Orle\u{301}ans") fold like composed ones.
            '\u{0300}'..='\u{036F}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("ATHENES"), fold("Athènes"));
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Orle\u{301}ans"), fold("Orléans"));
    }
}
