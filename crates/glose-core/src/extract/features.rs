//! Named features of a candidate span. The proposers and the context readers say
//! which features hold; the model (`model.rs`) turns them into log-odds per kind.
//!
//! Static features have fixed ids (the `F` enum). Context features read the word
//! right before or after a candidate ("prev:à", "next:,") and event classes
//! ("ev_class:war"); their ids follow the static ones and come from the language
//! profile's word classes, so no word is written here.

use super::lexicon::Lexicon;
use rustc_hash::FxHashMap as HashMap;

macro_rules! features {
    ($($id:ident => $name:literal, $doc:literal;)*) => {
        /// Features with a fixed meaning in every language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u32)]
        pub enum F { $(#[doc = $doc] $id,)* }
        /// Their names, as in the weights file.
        pub const STATIC_NAMES: &[&str] = &[$($name,)*];
        /// What each one means, for `--explain`.
        pub const STATIC_DOCS: &[&str] = &[$($doc,)*];
    };
}

features! {
    Bias => "bias", "any name candidate";
    Tok1 => "tokens_1", "one word";
    Tok2 => "tokens_2", "two words";
    Tok3 => "tokens_3+", "three words or more";
    AllUpper => "all_upper", "written in capitals";
    Roman => "roman_numeral", "a Roman numeral";
    HasDigit => "has_digit", "contains a digit";
    HyphenNumber => "hyphen_number", "a word, a hyphen and a number (a model, a disease)";
    OrgHead => "org_head", "starts with an institution word";
    ExPrefix => "ex_prefix", "\"ex-\" before a name";
    CapArticle => "cap_article", "a capitalized article inside a sentence";
    EventHeadPhrase => "event_head_phrase", "starts with a named-event phrase";
    EventHead => "event_head", "starts with an event word";
    PlaceHead => "place_head", "starts with a geographic word";
    PlaceSuffix => "place_suffix", "ends with a geographic word";
    DatelineAgency => "dateline_agency", "the agency in a dateline";
    ScoreRow => "score_row", "a name before a number in a line of names and numbers (a results or standings row: a team)";
    DatelinePlace => "dateline_place", "a town in capitals opening its block before a date or an agency (a dateline)";
    InParens => "in_parens", "in parentheses after a name";
    OrgSuffix => "org_suffix", "ends with a company word";
    CommonAcronym => "common_acronym", "an acronym of a common noun";
    Acronym => "acronym", "an all-caps acronym";
    FirstNameFirst => "first_name_first", "starts with a first name";
    Namesake => "namesake", "a first name and a company or geographic word (named after someone: a park, a label), not a person";
    FirstNameAlone => "first_name_alone", "a first name alone";
    FirstNameLast => "first_name_last", "ends with a first name";
    CountryFirst => "country_first", "starts with a country or region name";
    PersonCue => "person_cue", "after a title or role";
    DemonymCue => "demonym_cue", "after a nationality or title noun";
    PrepStrong => "prep_place_strong", "after a preposition that announces places";
    PrepA => "prep_place_a", "after the preposition of towns";
    PrepDansArt => "prep_place_in_art", "after \"in the\"";
    PrepWeak => "prep_place_weak", "after a preposition of movement";
    OrgCue => "org_cue", "after an organization word";
    PlaceCue => "place_cue", "after a place word";
    PlaceCountry => "list_country", "in the place list (country)";
    PlaceRegion => "list_region", "in the place list (region)";
    PlaceContinent => "list_continent", "in the place list (continent)";
    PlaceCity => "list_city", "in the place list (city)";
    PlaceNatural => "list_natural", "in the place list (lake, river, sea, mountain, island)";
    PlaceCityCommon => "list_city_common", "a town named like a common word";
    ListWeak => "list_weak", "a list entry named like a common word or a person: must not win alone";
    ListSmallTown => "list_small_town", "a town of fewer than 15,000 people";
    ListFlagCommon => "list_flag_common", "a place also a common word";
    ListFlagFirstName => "list_flag_first_name", "a place also a first name";
    ListFlagSurname => "list_flag_surname", "a place also a surname";
    LowerHead => "lower_head", "a place whose name starts lowercase (lac, mer)";
    PlaceCityArticle => "list_city_article", "a town's name after an article";
    HoldsPlace => "holds_place", "a longer name holding a place name";
    NestedPlace => "nested_place", "a place named inside a named event";
    Ministry => "ministry", "a ministry written in lowercase";
    ParenRegion => "paren_region", "in parentheses after a place";
    AcronymDefined => "acronym_defined", "an acronym defined after its expansion";
    AcronymOfCommon => "acronym_of_common", "an acronym defined after a common phrase";
    AfterArticle => "after_article", "after an article";
    SentenceInitial => "sentence_initial", "first word of a sentence";
    AllCommon => "all_common", "every word is a common word";
    InitialCommon => "initial_common", "a common word opening a sentence";
    Demonym => "demonym", "a nationality word";
    HasParticle => "has_particle", "has a particle inside";
    UnknownWord => "unknown_word", "one capitalized word in no list (not a place, first name, common word or nationality)";
    RunShapePerson => "run_shape_person", "a run of unknown words shaped like a person's name (mean p >= 0.5)";
    RunShapePlace => "run_shape_place", "a run of unknown words shaped like a place name (mean p >= 0.5)";
    ShapePerson => "shape_person", "one unknown word shaped like a person's name (p >= 0.8)";
    ShapePlace => "shape_place", "one unknown word shaped like a place name (p >= 0.8)";
    Surname => "surname", "a known family name alone, not a first name";
    SurnameLast => "surname_last", "ends with a known family name that is not a first name";
    NameJoiner => "name_joiner", "a company's joiner between its words (\"Johnson & Johnson\")";
    AcronymPart => "acronym_part", "two words or more, one in capitals (\"BFM TV\"), not after a first name";
    ProperWords => "proper_words", "two words or more, none a common word or in capitals";
    SomeCommon => "some_common", "two words or more, one of them a common word";
    Quoted => "quoted", "between quotation marks (a title)";
    TeamOfPlace => "team_of_place", "a plural name and the place it is from (a team)";
    InList => "in_list", "in an enumeration of names";
    InEvent => "in_event", "inside an event phrase's complement";
    ListPlace => "list_with_place", "listed with a place";
    ListPerson => "list_with_person", "listed with a person";
    ListOrg => "list_with_org", "listed with an organization";
    SurnameOfPerson => "surname_of_full_name", "the end of a longer name in the article";
    DocPersonCue => "doc:person_cue", "elsewhere after a title or role";
    DocPlacePrep => "doc:place_prep", "elsewhere after a place preposition";
    DocOrgCue => "doc:org_cue", "elsewhere after an organization word";
    DocPlaceCue => "doc:place_cue", "elsewhere after a place word";
    DocAfterArticle => "doc:after_article", "elsewhere after an article";
    DocNotInitial => "doc:mid_sentence", "elsewhere inside a sentence";
    DateWord => "date_word", "a month, a weekday or a holiday";
    Initials => "has_initial", "has a middle initial (\"George W. Bush\")";
    Possessive => "before_possessive", "followed by a possessive ending";
    EventTail => "event_tail", "ends with an event word (\"US Open\", \"Singapore Summit\")";
    PartyWord => "party_word", "ends with a political family's word (\"Labour\", \"Scottish Conservatives\")";
    SportsPlace => "doc:sports_place", "a listed place in a sports article (the side named after its town)";
    SportsOpponent => "sports_opponent", "a listed town after a word of the opponent (\"a draw against Watford\") in a sports paragraph (the side)";
    SportsCompetition => "doc:sports_competition", "a name ending in a competition word in a sports article (\"Premier League\")";
    CountryInitials => "country_initials", "the initials of a country's name (\"US\", \"U.K.\", \"UAE\")";
    ListMulti => "list_multiword", "a place of two words or more, whole in the place list";
    FirstNameAmbiguous => "first_name_ambiguous", "starts with a first name that is also a place or a common word";
    PlacePlural => "place_plural", "a place then a plural word (a team: \"Houston Astros\")";
    NoPersonEvidence => "no_person_evidence", "two words or more, no first name, title or initial";
    CommonCapitalized => "common_capitalized", "a capitalized word or phrase the dictionary knows only as a common noun, adjective or adverb (\"Islam\", \"New Testament\")";
    CommonAbbreviation => "common_abbreviation", "an abbreviation of a common thing in the dictionary (\"DVD\", \"BC\", \"CPU\")";
    KnownPerson => "known_person", "a person an encyclopedic dictionary knows, and not a place (\"Hitler\", \"Adolf Hitler\")";
    KnownNone => "known_era", "an era or a period an encyclopedic dictionary knows (\"Holocene\")";
    NumberTail => "number_tail", "ends with a number (a league, an edition)";
    PersonCueAfter => "person_cue_after", "before a comma and a title or role (\"X, the president of\")";
    WorkCue => "work_cue", "right after a word naming a work (\"the movie X\"): a title, no entity";
    OrgHeadNumber => "org_head_number", "an institution word and a number: a competition's division";
    TaxonFamily => "taxon_family", "a Latin name of a family or another rank of living things (\"Geometridae\", \"Asteraceae\")";
    Binomial => "binomial", "a capitalized word then a lowercase one no dictionary knows, with a Latin ending: a genus and its species (\"Homo erectus\")";
    UnknownPossessive => "unknown_possessive", "one unknown word inside a sentence, followed by a possessive ending (\"Raoult's law\")";
    PlaceCueAfter => "place_cue_after", "before a lowercase place word (\"the Tigris river\", \"Sinjar plain\")";
    CompoundModifier => "compound_modifier", "one word joined by a hyphen to a lowercase word: a compound modifier (\"Soviet-style\", \"mid-March\")";
    PluralAcronym => "plural_acronym", "an acronym with a plural ending: common things counted (\"DVDs\", \"MPs\")";
    TitleAlone => "title_alone", "one word that is itself a title or a role, or opens one (\"the Duke\", \"Bishop\", \"Premier minister\")";
    DerivedWord => "derived_word", "one unknown word with a derivational ending: an adjective or a doctrine made from a name (\"Lagrangian\", \"Gaullism\")";
    PronounAfter => "pronoun_after", "one word, and later in its sentence (none before it) a pronoun of a person (\"he\", \"his\", \"her\"): the name it stands for is a person's";
    PlacePrepUnknown => "place_prep_unknown", "one unknown word right after a preposition of place (\"in\", \"at\", \"within the\"): a place the lists do not know more often than anything else";
    PersonPossession => "person_possession", "before a possessive ending and a noun only a person has (\"X's wife\", \"X's funeral\")";
    PersonVerbAfter => "person_verb_after", "right before a verb only a person is the subject of (\"X married\", \"X was born\")";
    EponymNoun => "eponym_noun", "one word right before a lowercase noun of the things named after their discoverer (\"the Hausdorff dimension\", \"Strecker synthesis\"): a person's name";
    PairedWithPlace => "paired_with_place", "one unknown word paired by a connector with a listed place (\"Nineveh and Kalhu\")";
    QuotedWord => "quoted_word", "one unknown word alone between quotation marks, no cue before: a word cited, a nickname or a title (\"Lichtquant\")";
    ClubCue => "team_cue", "a town or an unknown word after a player's words (\"played for X\", \"joined X\", \"loaned to X\") or near a team's noun (\"X manager\", \"X's reserves\", \"the manager of X\"): the side named after its town";
    PlaceVerb => "place_verb", "right after a verb whose object is a place (\"entered X\", \"besieged X\")";
    CommaRegion => "comma_region", "before a comma and a listed country or region (\"Kelbrook, Lancashire\"): a town and where it lies";
    RegnalNumber => "regnal_number", "a name and a Roman numeral (\"Elizabeth II\", \"Shamshi-Adad III\"): a ruler's";
    EvBias => "ev", "an event noun";
    EvName => "ev_name", "an event pinned down by a name";
    EvDate => "ev_date", "an event pinned down by a date";
    EvComplement => "ev_complement", "an event with a complement";
    EvComplements2 => "ev_complements_2+", "an event with two complements or more";
    EvAdjective => "ev_adjective", "an event pinned down by adjectives only";
    EvStandalone => "ev_standalone", "an event noun that stands alone";
    EvPlural => "ev_plural", "a plural event noun";
    EvGeneric => "ev_generic", "a plural event noun after a generic determiner";
    EvNumbered => "ev_numbered", "an event with an ordinal";
    EvQuoted => "ev_quoted", "an event noun in quotes";
    EvCapitalized => "ev_capitalized", "an event noun opening a sentence";
    EvPremod => "ev_premod", "an event pinned down before its noun (a year, a name, a modifier)";
    EvPremodName => "ev_premod_name", "an event with a name before its noun";
    EvNounOf => "ev_noun_of", "a bare event noun complementing the noun before (\"crisis cell\")";
    EvRelative => "ev_relative", "an event noun followed by a relative clause";
    EvCommonOnly => "ev_common_only", "an event pinned down by common nouns only (no name, no date): a trend or a policy more often than a happening";
    EventNounWord => "event_noun_word", "one capitalized word that is an event noun";
    EvTop => "ev_top", "the summit noun after the top preposition: mostly \"at the top of\"";
    PersonNounOf => "person_noun_of", "after a noun of kinship, of close ties or of what only a person has, and \"of\" (\"the son of X\", \"the widow of X\", \"the tomb of X\"): a person";
    AgentOfWork => "agent_of_work", "after a participle of making a work or of a deed only a person does and \"by\" (\"written by X\", \"composed by X\", \"proved by X\"): its author, a person";
    PlaceAdjectiveAfter => "place_adjective_after", "one name before a lowercase adjective of a part of a region or a river (west, upper) written after it: a place";
    FirstNameTo => "first_name_to", "a first name alone, no listed place, after the preposition of towns: a person spoken to or of, not a town";
}

/// Ids of every feature a language can fire: the static ones, then context words
/// and event classes from its profile.
pub struct FeatureSpace {
    pub names: Vec<String>,
    /// Context word (function word, punctuation or word class) -> its index.
    ctx: HashMap<&'static str, u32>,
    ctx_len: u32,
    /// Event class -> feature id.
    ev_class: HashMap<&'static str, u32>,
    /// The language's own prior weights (`model::prior` adds the shared ones).
    pub prior: &'static str,
}

/// Word classes for context words that are not in the function-word list.
pub const CTX_CAP: &str = "<cap>";
pub const CTX_WORD: &str = "<word>";
pub const CTX_NUM: &str = "<num>";
pub const CTX_EDGE: &str = "<edge>";
pub const CTX_PUNCT: &str = "<punct>";
const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "(", ")", "«", "»", "\"", "-", "–", "—", "'", "/", "!", "?",
];

const PREV: u32 = 0;
const NEXT: u32 = 1;
const EV_PREV: u32 = 2;
const TEMPLATES: [&str; 3] = ["prev:", "next:", "ev_prev:"];

impl FeatureSpace {
    pub fn new(lex: &Lexicon) -> FeatureSpace {
        let mut names: Vec<String> = STATIC_NAMES.iter().map(|s| s.to_string()).collect();
        let mut words: Vec<&'static str> = vec![CTX_CAP, CTX_WORD, CTX_NUM, CTX_EDGE, CTX_PUNCT];
        words.extend(PUNCT.iter().copied());
        let mut fw: Vec<&'static str> = lex.function_words.iter().copied().collect();
        fw.extend(lex.event_grammar.det.iter().copied());
        fw.extend(lex.possessives.iter().copied());
        fw.sort_unstable();
        fw.dedup();
        words.extend(fw);
        let mut ctx = HashMap::default();
        for w in words {
            let n = ctx.len() as u32;
            ctx.entry(w).or_insert(n);
        }
        let ctx_len = ctx.len() as u32;
        let mut by_index: Vec<&str> = vec![""; ctx_len as usize];
        for (w, &i) in &ctx {
            by_index[i as usize] = w;
        }
        for t in TEMPLATES {
            names.extend(by_index.iter().map(|w| format!("{t}{w}")));
        }
        let mut classes: Vec<&'static str> = lex.event_nouns.values().map(|e| e.class).collect();
        classes.extend(lex.event_phrases.iter().map(|(_, e)| e.class));
        classes.sort_unstable();
        classes.dedup();
        let mut ev_class = HashMap::default();
        for c in classes {
            ev_class.insert(c, names.len() as u32);
            names.push(format!("ev_class:{c}"));
        }
        FeatureSpace {
            prior: lex.prior,
            names,
            ctx,
            ctx_len,
            ev_class,
        }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    fn ctx_id(&self, template: u32, word: &str) -> Option<u32> {
        let i = self.ctx.get(word)?;
        Some(STATIC_NAMES.len() as u32 + template * self.ctx_len + i)
    }

    /// The word before a name candidate ("prev:à"), or its class.
    pub fn prev(&self, word: &str) -> Option<u32> {
        self.ctx_id(PREV, word)
    }

    pub fn next(&self, word: &str) -> Option<u32> {
        self.ctx_id(NEXT, word)
    }

    /// The word before an event candidate.
    pub fn ev_prev(&self, word: &str) -> Option<u32> {
        self.ctx_id(EV_PREV, word)
    }

    pub fn ev_class(&self, class: &str) -> Option<u32> {
        self.ev_class.get(class).copied()
    }

    /// The static feature's id.
    pub fn id(f: F) -> u32 {
        f as u32
    }

    /// What a feature means, for `--explain`.
    pub fn describe(&self, id: u32) -> String {
        match STATIC_DOCS.get(id as usize) {
            Some(d) => format!("{} ({d})", self.names[id as usize]),
            None => self.names.get(id as usize).cloned().unwrap_or_default(),
        }
    }
}

/// Most features one candidate can hold (more are dropped: a candidate fires about
/// twenty).
const MAX_FEATS: usize = 40;

/// A candidate's features: ids, each at most once, held inline (millions of
/// candidates on a large article: no allocation each), in the order they were
/// added (the log-odds are summed in that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Feats {
    ids: [u32; MAX_FEATS],
    len: u8,
    /// The ids below 128 held (the static features), one bit each: the rules ask
    /// `has` all the time, and a bit answers without a scan.
    low: u128,
}

impl Default for Feats {
    fn default() -> Self {
        Feats {
            ids: [0; MAX_FEATS],
            len: 0,
            low: 0,
        }
    }
}

impl Feats {
    pub fn add(&mut self, f: F) {
        self.add_id(f as u32);
    }

    pub fn add_id(&mut self, id: u32) {
        if !self.contains(id) && (self.len as usize) < MAX_FEATS {
            self.ids[self.len as usize] = id;
            self.len += 1;
            if id < 128 {
                self.low |= 1 << id;
            }
        }
    }

    #[inline]
    fn contains(&self, id: u32) -> bool {
        if id < 128 {
            self.low & (1 << id) != 0
        } else {
            self.ids().contains(&id)
        }
    }

    #[inline]
    pub fn has(&self, f: F) -> bool {
        self.contains(f as u32)
    }

    pub fn ids(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }

    pub fn from_ids(ids: impl IntoIterator<Item = u32>) -> Feats {
        let mut f = Feats::default();
        for id in ids {
            f.add_id(id);
        }
        f
    }
}
