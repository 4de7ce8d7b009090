//! Features of a name candidate: its own form (lists, institution and event words,
//! acronyms, shape) and the cues around it (titles, prepositions, organization and
//! place words, the words right before and after). Word classes come from the
//! language profile.

use super::block::BlockText;
use super::features::{FeatureSpace, F};
use super::lexicon::{class, set, Class, PlaceType};
use super::names::NameCand;
use super::span::head_word;
use crate::text::more_chars_than;

/// Features from the name's own form and from the words around it.
pub(super) fn classify(bt: &BlockText, space: &FeatureSpace, c: &mut NameCand) {
    let lex = bt.lex;
    let (a, b) = (c.a, c.b);
    let first = bt.s(a);
    let last = bt.s(b - 1);
    let ntok = (a..b).filter(|&j| bt.namelike(j)).count();
    let initial = bt.initial[a];
    let f = &mut c.feats;
    f.add(F::Bias);
    f.add(match b - a {
        1 => F::Tok1,
        2 => F::Tok2,
        _ => F::Tok3,
    });
    if initial {
        f.add(F::SentenceInitial);
    }
    if lex.dates.contains(c.key.as_str()) {
        f.add(F::DateWord);
    }
    if (a..b).any(|j| bt.initial_at(j)) && b - a >= 2 {
        f.add(F::Initials);
    }
    if b < bt.len() && lex.possessives.contains(&bt.lc(b).as_ref()) {
        f.add(F::Possessive);
    }

    // The name's own form.
    let head = head_word(bt, a);
    if lex.org_heads.contains(head) {
        f.add(F::OrgHead);
        // "Ligue 1", "Division 2": a numbered institution word is a competition's level.
        if f.has(F::NumberTail) {
            f.add(F::OrgHeadNumber);
        }
    } else {
        let rest = bt.strip_former(first);
        if rest.len() < first.len() && rest.starts_with(char::is_uppercase) {
            f.add(F::ExPrefix);
        }
    }
    // A capitalized article inside a sentence belongs to a title or a company name:
    // people's names take no article.
    let cap_article = (!initial && bt.toks[a].cap && bt.in_set(set::ARTICLE, a))
        || (a > 0 && bt.toks[a - 1].elision && bt.toks[a - 1].cap && !bt.initial[a - 1]);
    if cap_article {
        f.add(F::CapArticle);
    }
    if lex
        .event_head_phrases
        .iter()
        .any(|p| c.key.starts_with(p.as_str()))
    {
        f.add(F::EventHeadPhrase);
    } else if lex.event_heads.contains(head) && b - a >= 2 {
        f.add(F::EventHead);
    }
    // "vainqueur de la Présidentielle": an event noun written with a capital.
    if b - a == 1 && lex.event_nouns.contains_key(bt.lc(a).as_ref()) {
        f.add(F::EventNounWord);
    }
    if b - a >= 2 && lex.event_heads.contains(last) {
        f.add(F::EventTail);
    }
    if g_is(bt, class!("party"), b - 1) {
        f.add(F::PartyWord);
    }
    if lex.place_heads.contains(head) && b - a >= 2 {
        f.add(F::PlaceHead);
    }
    if lex.place_suffixes.contains(last) && b - a >= 2 {
        f.add(F::PlaceSuffix);
    }
    // "East Tennessee", "Upper Silesia": a compass point or a part before a known place;
    // "South West England": two compass words, one direction.
    let qualified = (a..b)
        .find(|&j| !g_is(bt, class!("place_qualifier"), j))
        .unwrap_or(b);
    if qualified > a
        && qualified < b
        && qualified - a <= 2
        && bt.with_folded(qualified, b, |w| lex.places.contains_key(w))
    {
        f.add(F::PlaceHead);
    }
    // "STRASBOURG (Reuters) -": the agency of a dateline.
    // "LONDON, England (Reuters) -": the place may be in capitals or not, but the
    // dateline opens its block.
    if a >= 2
        && bt.s(a - 1) == "("
        && (bt.toks[a - 2].upper || a <= DATELINE_TOKENS)
        && b + 1 < bt.len()
        && bt.s(b) == ")"
        && is_dash(bt.s(b + 1))
    {
        f.add(F::DatelineAgency);
    } else if a >= 2 && bt.s(a - 1) == "(" && b < bt.len() && bt.s(b) == ")" {
        f.add(F::InParens);
    }
    // "LONDON 1996-08-31", "WASHINGTON, Aug. 30 -", "LONDON, England (Reuters) -": the
    // town a story was filed from opens its block, in capitals, before a date or an
    // agency; a sports page's dateline is no club.
    let dateline = a == 0 && bt.toks[a].upper && dateline_follows(bt, b);
    if dateline {
        f.add(F::DatelinePlace);
    }
    // "Hartley Rovers 2 Dunmore 1", "Hartley Rovers 3 2 1 0 6 2 7": a line of names
    // and numbers is a results or standings table, and the name before a number is a
    // side's (a player's when it opens with a first name: "Ernie Els 67 68"; a date is
    // no score).
    if !dateline
        && b < bt.len()
        && bt.toks[b].kind == crate::text::TokenKind::Number
        && !(b - a >= 2 && bt.first_name(a))
        && score_row(bt)
    {
        f.add(F::ScoreRow);
    }
    // "Columbia University", "Federal Reserve Board": an institution word ends the name.
    // (Not when that word is the head already: "Soviet Union" counts it once; nor when it
    // ends a venue's name too: "British Museum" is a place, "Museum of X" an institution.)
    let title_case_names = lex.title_case_names;
    if b - a >= 2
        && (lex.org_suffixes.contains(last)
            || (title_case_names
                && lex.org_heads.contains(last)
                && head != last
                && !lex.place_suffixes.contains(last)))
    {
        f.add(F::OrgSuffix);
    }
    // "Moreirense F.C.", "A.F.C. Sudbury": a club's abbreviation written with periods (the
    // profile's `team_abbreviation`), first or last, marks the club, not a person's initials.
    if b - a >= 2 && (team_abbreviation(bt, a) || team_abbreviation(bt, b - 1)) {
        f.add(F::OrgSuffix);
    }
    if b - a == 1 && lex.common_acronyms.contains(first) {
        f.add(F::CommonAcronym);
    }
    // "green fluorescent protein (GFP)": an acronym in parentheses after the lowercase
    // words whose initials it spells stands for a common noun phrase.
    if b - a == 1 && bt.toks[a].upper && lowercase_expansion(bt, a, b) {
        f.add(F::AcronymOfCommon);
    }
    if b - a == 1 && bt.toks[a].upper && lex.country_initials.contains(&first.replace('.', "")) {
        f.add(F::CountryInitials);
    }
    // "Islam", "Catholic", "DVD", "BC": capitalized, and yet common things (and such an
    // abbreviation is no organization's acronym).
    let written = &bt.text[bt.toks[a].start..bt.toks[b - 1].end];
    let common_abbreviation = match lex.common_capitalized.get(written) {
        Some(&abbreviation) => {
            f.add(if abbreviation {
                F::CommonAbbreviation
            } else {
                F::CommonCapitalized
            });
            abbreviation
        }
        None => false,
    };
    // "Hitler", "Holocene": names an encyclopedic dictionary knows. Only its people
    // and eras vote: its places and groups are the place lists' and the context's to
    // tell (they cost news articles more than they gave). A name that is also a place
    // ("Washington") is left to the context.
    if let Some(&k) = lex.known.get(written) {
        use super::lexicon::known_kind as K;
        if k & K::PERSON != 0 && k & K::PLACE == 0 {
            f.add(F::KnownPerson);
        }
        if k & K::NONE != 0 {
            f.add(F::KnownNone);
        }
    }
    // "XXIe siècle", "IIIe": a Roman ordinal, a number and not a name.
    if b - a == 1
        && lex.ordinal_suffixes.iter().any(|s| {
            first
                .strip_suffix(s)
                .is_some_and(|r| !r.is_empty() && is_roman(r))
        })
    {
        f.add(F::Roman);
    }
    if b - a == 1 && bt.toks[a].upper {
        f.add(F::AllUpper);
        let listed = lex.places.contains_key(c.key.as_str());
        if is_roman(first) {
            f.add(F::Roman);
        } else if !more_chars_than(first, 8)
            && !listed
            && !f.has(F::CountryInitials)
            && !common_abbreviation
        {
            f.add(F::Acronym);
        }
    }
    if first.contains(|c: char| c.is_ascii_digit()) {
        f.add(F::HasDigit);
        let tail = first.rsplit('-').next().unwrap_or("");
        if b - a == 1
            && first.contains('-')
            && !tail.is_empty()
            && tail.bytes().all(|b| b.is_ascii_digit())
        {
            f.add(F::HyphenNumber);
        }
    }
    let country_first = matches!(
        bt.place1(a).map(|p| p.kind),
        Some(PlaceType::Country | PlaceType::Region | PlaceType::Continent)
    );
    if country_first && ntok >= 2 {
        f.add(F::CountryFirst);
    }
    // Evidence a language that capitalizes every word of a name needs (the profile's
    // `typography title_case_names`): capitals alone say little there.
    if title_case_names {
        title_case_evidence(bt, c.a, c.b, &c.key, ntok, &mut c.feats);
    }
    let f = &mut c.feats;
    if bt.first_name(a) {
        f.add(if ntok >= 2 {
            F::FirstNameFirst
        } else {
            F::FirstNameAlone
        });
    }
    if ntok >= 2 && bt.first_name(b - 1) {
        f.add(F::FirstNameLast);
    }
    // "Albert Park", "Victor Entertainment": a first name, then the word that says what
    // was named after that person; a person's name never ends with such a word.
    if ntok == 2 && bt.first_name(a) && (f.has(F::OrgSuffix) || f.has(F::PlaceSuffix)) {
        f.add(F::Namesake);
    }
    if (a + 1..b).any(|j| bt.in_set(set::PARTICLE, j)) {
        f.add(F::HasParticle);
    }
    // What the lists do not know: the context and the rest of the article decide.
    let listed = |j: usize| {
        bt.is_common(j) || bt.is_demonym(j) || bt.first_name(j) || bt.place1(j).is_some()
    };
    if b - a == 1 && !bt.toks[a].upper && !listed(a) {
        f.add(F::UnknownWord);
        if f.has(F::Possessive) && !initial {
            f.add(F::UnknownPossessive);
        }
        // "Lagrangian", "Gaullism": made from a name, not one (the profile's endings).
        if !lex.surnames.contains(bt.s(a)) && ends_in(bt.lower(a), &lex.derived_endings) {
            f.add(F::DerivedWord);
        }
        // What the word looks like: a surname's letters ("Brankowski") or a town's; not
        // a word the dictionary knows as a common thing ("Christianity").
        let s = lex.shape.shape(bt.lower(a));
        let common = f.has(F::CommonCapitalized) || f.has(F::CommonAbbreviation);
        if !common && s.person >= SHAPE_SURE {
            f.add(F::ShapePerson);
        } else if !common && s.place >= SHAPE_SURE {
            f.add(F::ShapePlace);
        }
    }
    // "Oduyemi scored his first goal": a pronoun of a person later in the sentence,
    // none before the name (the profile's `person_pronoun`; a language without the
    // class never fires it). Not a common word nor an acronym: "his 9th Circuit ruling"
    // is no person's.
    if b - a == 1
        && !bt.toks[a].upper
        && !bt.first_name(a)
        && !bt.is_common(a)
        && person_pronoun_after(bt, a, b)
    {
        f.add(F::PronounAfter);
    }
    // "Homo erectus", "Papilio phorbanta": a genus then its species' epithet, a lowercase
    // word no dictionary knows with a Latin ending (the profile's `epithet_ending`).
    // No genus is a particle: "Al wataniya" is a name.
    if b - a == 1
        && !bt.toks[a].upper
        && b < bt.len()
        && !bt.in_set(set::PARTICLE, a)
        && is_epithet(bt, b)
    {
        f.add(F::Binomial);
    }
    if b - a == 1 && compound_modifier(bt, a) {
        f.add(F::CompoundModifier);
    }
    if b - a == 1 && plural_acronym(bt, a) {
        f.add(F::PluralAcronym);
    }
    if b - a == 1 && (bt.in_set(set::PERSON_CUE, a) || title_phrase_starts(bt, a)) {
        f.add(F::TitleAlone);
    }
    // "Geometridae", "Asteraceae": a family's Latin ending (the profile's `taxon_suffix`).
    if b - a == 1 && !bt.toks[a].upper && ends_in(bt.lower(a), &lex.taxon_suffixes) {
        f.add(F::TaxonFamily);
    }
    let surname = |j: usize| lex.surnames.contains(bt.s(j)) && !bt.first_name(j);
    if b - a == 1 && !bt.toks[a].upper && surname(a) && !listed(a) {
        f.add(F::Surname);
    }
    if ntok >= 2 && surname(b - 1) {
        f.add(F::SurnameLast);
    }
    // A run no list knows ("Brankowski Oslund"): the shape of its unknown words.
    if ntok >= 2 && !bt.first_name(a) {
        let (mut person, mut place, mut n) = (0.0, 0.0, 0);
        for j in (a..b).filter(|&j| bt.namelike(j) && !bt.toks[j].upper && !listed(j)) {
            let s = lex.shape.shape(bt.lower(j));
            person += s.person;
            place += s.place;
            n += 1;
        }
        if n > 0 {
            let n = n as f32;
            if person / n >= 0.5 {
                f.add(F::RunShapePerson);
            } else if place / n >= 0.5 {
                f.add(F::RunShapePlace);
            }
        }
    }
    // "Johnson & Johnson": a company's joiner inside the name.
    if b - a >= 3 && (a + 1..b - 1).any(|j| bt.in_class_as_written(class!("name_joiner"), j)) {
        f.add(F::NameJoiner);
    }
    // "BFM TV", "NL Logistique": a word in capitals among the words of a name (a
    // company's letters); not a surname written in capitals after a first name.
    if ntok >= 2
        && !bt.first_name(a)
        && (a..b).any(|j| bt.toks[j].upper && more_chars_than(bt.s(j), 1) && !is_roman(bt.s(j)))
    {
        f.add(F::AcronymPart);
    }
    if ntok >= 2 {
        let words = || (a..b).filter(|&j| bt.namelike(j));
        if words().all(|j| !bt.toks[j].upper && !bt.is_common(j) && !bt.is_demonym(j)) {
            f.add(F::ProperWords);
        } else if words().any(|j| bt.is_common(j)) {
            f.add(F::SomeCommon);
        }
    }
    // "les Jeux de Tokyo": a plural event noun and its place is the event, not a team.
    if b - a >= 3
        && a >= 1
        && !f.has(F::EventHead)
        && !f.has(F::EventHeadPhrase)
        && g_is(bt, class!("team_det"), a - 1)
        && bt.in_set(set::OF, a + 1)
        && holds_place_after(bt, a + 2, b)
    {
        f.add(F::TeamOfPlace);
    }
    if a >= 1 && b < bt.len() && is_open_quote(bt.s(a - 1)) && is_close_quote(bt.s(b)) {
        f.add(F::Quoted);
    }

    // Cues before the name.
    if person_cue_before(bt, a) {
        f.add(F::PersonCue);
    }
    if a >= 1 {
        // The word sets of the two words before (none before the block's start).
        let p1 = bt.sets(a - 1);
        let p2 = if a >= 2 { bt.sets(a - 2) } else { 0 };
        let art = p1 & set::ARTICLE != 0;
        let prep_word = if art { p2 } else { p1 };
        let noun_word = if art || p1 & set::OF != 0 { p2 } else { p1 };
        if p1 & set::PREP_STRONG != 0 {
            f.add(F::PrepStrong);
        } else if prep_word & set::PREP_TOWN != 0 {
            f.add(F::PrepA);
        } else if prep_word & set::PREP_INSIDE != 0 && art {
            f.add(F::PrepDansArt);
        } else if prep_word & set::PREP_WEAK != 0 {
            f.add(F::PrepWeak);
        }
        if org_cue_before(bt, a) {
            f.add(F::OrgCue);
        }
        if noun_word & set::PLACE_CUE != 0 || place_cue_behind(bt, a) {
            f.add(F::PlaceCue);
        }
        if p1 & set::DETERMINER != 0 {
            f.add(F::AfterArticle);
        }
        // "le film X", "the album \"X\"": a work's title (not an entity in the
        // guidelines), though often named like a person or a company.
        if work_cue_before(bt, a) {
            f.add(F::WorkCue);
        }
    }
    // "the book at Qumran", "settled in Varosha": one word no list knows after a
    // preposition of the profile's `unknown_place_prep` (maybe past an article) is a
    // place the lists miss more often than anything else.
    if c.feats.has(F::UnknownWord) && a >= 1 {
        let p = if a >= 2 && bt.in_set(set::ARTICLE, a - 1) {
            a - 2
        } else {
            a - 1
        };
        if g_is(bt, class!("unknown_place_prep"), p) {
            c.feats.add(F::PlacePrepUnknown);
        }
    }
    // "Kennedy's funeral", "Hamilton argued": what only a person has or does (the
    // profile's `kin_noun`, `person_possession` and `person_verb`; a language without
    // them or without a possessive ending never fires these).
    if person_possession_after(bt, b) {
        c.feats.add(F::PersonPossession);
    }
    if person_verb_after(bt, b) {
        c.feats.add(F::PersonVerbAfter);
    }
    // "the Hausdorff dimension", "a Strecker synthesis": one name, not in capitals, a
    // common word nor a listed place ("the Texas law"), right before a noun of the profile's `eponym_noun` is its discoverer.
    if b - a == 1
        && !bt.toks[a].upper
        && !bt.is_common(a)
        && !lex.places.contains_key(bt.folded1(a).as_ref())
        && b < bt.len()
        && !bt.toks[b].cap
        && g_is(bt, class!("eponym_noun"), b)
    {
        c.feats.add(F::EponymNoun);
    }
    // « Lichtquant », "Runaway": one word no list knows, alone between quotes, with no
    // title, organization or place word before it: a word cited, a nickname, a title.
    let f = &mut c.feats;
    if f.has(F::Quoted)
        && f.has(F::UnknownWord)
        && ![
            F::PersonCue,
            F::OrgCue,
            F::PlaceCue,
            F::PrepStrong,
            F::PrepA,
        ]
        .iter()
        .any(|&x| f.has(x))
    {
        f.add(F::QuotedWord);
    }
    if person_cue_after(bt, b) {
        c.feats.add(F::PersonCueAfter);
    }
    // "le fils de Clodomir", "la mort d'Anselme", "the widow of X": a noun of kinship or of
    // close ties (the profile's `kin_noun`) or of what only a person has (its
    // `person_possession`) and "of" right before the name (the one mechanism for both
    // languages: no person cue of its own for these nouns).
    if person_noun_of(bt, a) {
        c.feats.add(F::PersonNounOf);
    }
    // "écrit par Anselme", "composed by Orvald": a lowercase participle of the profile's
    // `agent_participle` (making a work, or a deed only a person does) and the preposition
    // of the agent (`agent_prep`) right before the name: its author, a person.
    if a >= 2
        && g_is(bt, class!("agent_prep"), a - 1)
        && g_is(bt, class!("agent_participle"), a - 2)
        && !bt.toks[a - 2].cap
    {
        c.feats.add(F::AgentOfWork);
    }
    // "l'Ardenne occidentale", "le Nil supérieur": an adjective of the profile's
    // `place_adjective_after` right after one name makes it a region's or a river's.
    if b - a == 1 && b < bt.len() && !bt.toks[b].cap && g_is(bt, class!("place_adjective_after"), b)
    {
        c.feats.add(F::PlaceAdjectiveAfter);
    }
    // "permet à Julien de", "dit à Clothilde": a first name alone that is no listed
    // place after the preposition of towns is someone spoken to or of.
    if c.feats.has(F::FirstNameAlone) && c.feats.has(F::PrepA) && bt.place1(a).is_none() {
        c.feats.add(F::FirstNameTo);
    }
    // "the Tigris river", "the Sinjar plain": a lowercase place word right after the name
    // (not a compass point: "Sinjar north of Mosul").
    if (b < bt.len() && !bt.toks[b].cap && place_cue_word(bt, b)) || coordinated_place_cue(bt, b) {
        c.feats.add(F::PlaceCueAfter);
    }
    let f = &mut c.feats;
    // "France Inter", "Air France": a known place inside a longer name.
    let holds_place = ntok >= 2 && (a..b).any(|j| bt.toks[j].cap && bt.place1(j).is_some());
    if holds_place {
        f.add(F::HoldsPlace);
    }
    // A common word alone with no list or cue behind it is not a name ("Etat", "Premier").
    if (a..b).all(|j| bt.is_common(j) || bt.is_demonym(j) || !bt.namelike(j)) {
        f.add(F::AllCommon);
    }
    if b - a == 1 && bt.is_demonym(a) {
        f.add(F::Demonym);
    }
    // In a headline or a table row a common word's capital says no more than a
    // sentence's first.
    let all_common = (a..b).all(|j| bt.is_common(j) || !bt.namelike(j));
    if (initial && b - a == 1 && bt.is_common(a)) || (bt.title_case && all_common) {
        f.add(F::InitialCommon);
    }
    // "Elizabeth II", "Shamshi-Adad III": a name and a Roman numeral is a ruler's,
    // not when the word before the numeral is a common one ("World War II", "Apple II")
    // or the name an institution's or an event's.
    if ntok >= 1
        && b - a >= 2
        && is_roman(last)
        && bt.toks[b - 1].upper
        && bt.namelike(b - 2)
        && !bt.is_common(b - 2)
        && !bt.toks[b - 2].upper
        && ![
            F::OrgHead,
            F::OrgSuffix,
            F::EventHead,
            F::EventHeadPhrase,
            F::EventTail,
        ]
        .iter()
        .any(|&x| f.has(x))
    {
        f.add(F::RegnalNumber);
    }
    // "played for Wrexham", "joined Burnley", "on loan to Ajax": a player's club, named
    // after its town (a country there is a national side, named like the country).
    if !f.has(F::PlaceCountry)
        && !f.has(F::PlaceContinent)
        && !f.has(F::PlaceRegion)
        && (team_cue_before(bt, a) || club_noun_after(bt, b))
    {
        f.add(F::ClubCue);
    }
    // "the road enters Vardenby", "the army besieged Tamorra": the object of a verb of
    // the profile's `place_verb` is a place.
    if a >= 1 && !bt.toks[a - 1].cap && g_is(bt, class!("place_verb"), a - 1) {
        f.add(F::PlaceVerb);
    }
    // "Kelbrook, Lancashire": a name, a comma, then a listed country or region (not
    // its possessive) is a town and where it lies.
    if comma_region_after(bt, b) {
        f.add(F::CommaRegion);
    }
    // The words right before and after.
    let prev = if a == 0 { None } else { Some(a - 1) };
    if let Some(id) = space.prev(&context_word(bt, prev)) {
        c.feats.add_id(id);
    }
    let next = (b < bt.len()).then_some(b);
    if let Some(id) = space.next(&context_word(bt, next)) {
        c.feats.add_id(id);
    }
}

/// Features for a language whose names are Title Case words: "Houston Astros" (a town and a
/// plural: a team), a first name that is also a place or a common word, a run of names
/// with no first name, title or initial, a place known whole.
fn title_case_evidence(
    bt: &BlockText,
    a: usize,
    b: usize,
    key: &str,
    ntok: usize,
    f: &mut super::features::Feats,
) {
    let lex = bt.lex;
    let last = bt.s(b - 1);
    if ntok >= 2 && lex.places.contains_key(key) {
        f.add(F::ListMulti);
    }
    // "Houston Astros", "Boston Red Sox": a team named by its town and a plural. Not
    // "Michael Shanks": a first name that is only a doubtful place (a parish, a
    // hamlet) starts a person's name.
    use super::lexicon::place_flag::{SMALL, WEAK};
    let named_town = bt
        .place1(a)
        .is_some_and(|p| !(p.flags & (WEAK | SMALL) != 0 && bt.first_name(a)));
    // (Not "West Texas", "Qilian Mountains": a place or a place word that ends in -s.)
    let last_place = lex.place_suffixes.contains(last)
        || bt
            .place1(b - 1)
            .is_some_and(|p| p.flags & (WEAK | SMALL) == 0);
    if ntok >= 2
        && (named_town || super::span::place_from(bt, a) > 0)
        && !lex.places.contains_key(key)
        && last.len() >= 4
        && plural(lex, last)
        && !bt.toks[b - 1].upper
        && !last_place
    {
        f.add(F::PlacePlural);
    }
    // "Houston", "Summer", "Christian": a first name that is also something else
    // says little alone.
    if bt.first_name(a) && (bt.is_common(a) || bt.is_demonym(a) || bt.place1(a).is_some()) {
        f.add(F::FirstNameAmbiguous);
    }
    if ntok >= 2
        && !bt.first_name(a)
        && !(a..b).any(|j| bt.initial_at(j))
        && !person_cue_before(bt, a)
        && !person_noun_of(bt, a)
        && !name_title_first(bt, a, b)
    {
        f.add(F::NoPersonEvidence);
    }
}

/// How far a pronoun is looked for on each side of a name, in tokens.
const PRONOUN_WINDOW: usize = 40;

/// A pronoun of a person (the profile's `person_pronoun`) after the name in its
/// sentence, and none between the sentence's start and the name (that one would
/// stand for someone named before: "he joined Kestrel, his first club").
fn person_pronoun_after(bt: &BlockText, a: usize, b: usize) -> bool {
    // (A language without the class: no window to scan.)
    if !bt.lex.grammar.has(class!("person_pronoun")) {
        return false;
    }
    let pronoun = |j: usize| g_is(bt, class!("person_pronoun"), j);
    let mut j = a;
    while j > 0 && a - j < PRONOUN_WINDOW && !bt.initial[j] {
        j -= 1;
        if pronoun(j) {
            return false;
        }
    }
    (b..bt.len().min(b + PRONOUN_WINDOW))
        .take_while(|&j| !bt.initial[j])
        .any(pronoun)
}

/// A possessive ending after the name, then (maybe past an adjective or an ordinal) a
/// lowercase [`person_noun`]: "Kennedy's funeral", "Napoleon's first wife".
fn person_possession_after(bt: &BlockText, b: usize) -> bool {
    let lex = bt.lex;
    if b >= bt.len() || !lex.possessives.contains(&bt.lc(b).as_ref()) {
        return false;
    }
    (b + 1..bt.len().min(b + 3))
        .take_while(|&j| bt.word(j) && !bt.toks[j].cap)
        .any(|j| person_noun(bt, j))
}

/// Right after the name, maybe past an auxiliary or an adverb of the profile's
/// `person_verb_gap` ("had", "later"), a verb of the profile's `person_verb`: "Hamilton
/// argued", "Kasumi later married"; or a `passive_helper` and a `person_passive`
/// participle: "Imelda was born".
fn person_verb_after(bt: &BlockText, b: usize) -> bool {
    let verb = |j: usize| g_is(bt, class!("person_verb"), j) && !bt.toks[j].cap;
    if verb(b) {
        return true;
    }
    // "Imelda was born": a passive only a person is the subject of.
    let aux = |class: Class| g_is(bt, class, b) && !bt.toks[b].cap;
    let passive = g_is(bt, class!("person_passive"), b + 1) && !bt.toks[b + 1].cap;
    (aux(class!("person_verb_gap")) && verb(b + 1)) || (aux(class!("passive_helper")) && passive)
}

/// Capitals each followed by a period ("F.C.", "A.F.C."), whose letters spell a word of
/// the profile's `team_abbreviation`.
fn team_abbreviation(bt: &BlockText, j: usize) -> bool {
    let s = bt.s(j);
    let mut letters = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        letters.extend(c.to_lowercase());
    }
    letters.len() >= 2 && bt.lex.grammar.is("team_abbreviation", &letters)
}

/// A plural by its ending (the profile's `plural_ending`, not a `singular_ending`).
fn plural(lex: &super::lexicon::Lexicon, w: &str) -> bool {
    lex.plural_endings.iter().any(|e| w.ends_with(e))
        && !lex
            .grammar
            .words("singular_ending")
            .iter()
            .any(|e| w.ends_with(e))
}

/// Whether `w` ends in one of `endings` after a stem of three letters or more.
fn ends_in(w: &str, endings: &[&str]) -> bool {
    endings
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// How sure the name-shape model must be before one unknown word's letters count.
const SHAPE_SURE: f32 = 0.8;

/// How far into a block a dateline's agency may come ("SAN JUAN, Puerto Rico (AP) -").
const DATELINE_TOKENS: usize = 8;

/// A listed place at the end of `from..b`, past an article ("de l'Indiana").
fn holds_place_after(bt: &BlockText, from: usize, b: usize) -> bool {
    let from = if bt.in_set(set::ARTICLE, from) {
        from + 1
    } else {
        from
    };
    from < b && bt.with_folded(from, b, |w| bt.lex.places.contains_key(w))
}

/// "le film X", "the album \"The X of Y\"": a work noun right before the name, or
/// before the quotation the name is in (a title's words are often names).
fn work_cue_before(bt: &BlockText, a: usize) -> bool {
    let work = |j: usize| !bt.toks[j].cap && bt.in_set(set::WORK_CUE, j);
    if work(a - 1) {
        return true;
    }
    // The nearest quotation mark before the name, a few words back: the one opening
    // the title it is in.
    (a.saturating_sub(8)..a)
        .rev()
        .find(|&j| is_open_quote(bt.s(j)) || is_close_quote(bt.s(j)))
        .is_some_and(|j| j >= 1 && is_open_quote(bt.s(j)) && work(j - 1))
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{ab}" | "\u{201c}")
}

fn is_close_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{bb}" | "\u{201d}")
}

/// A block of capitalized words and numbers only, two numbers at least: a table's row.
fn score_row(bt: &BlockText) -> bool {
    let mut numbers = 0;
    for (j, t) in bt.toks.iter().enumerate() {
        match t.kind {
            crate::text::TokenKind::Number => numbers += 1,
            crate::text::TokenKind::Word if !t.cap && !bt.is_function(j) => return false,
            _ => {}
        }
    }
    numbers >= 2
}

/// What follows a dateline's town at `b`: an optional region after a comma
/// ("LONDON, England"), then a date running to the end of the block or to a dash, or
/// an agency in parentheses and a dash, or a dash.
fn dateline_follows(bt: &BlockText, b: usize) -> bool {
    let n = bt.len();
    let mut j = b;
    if j + 1 < n
        && bt.s(j) == ","
        && bt.toks[j + 1].cap
        && !bt.lex.dates.contains(bt.lc(j + 1).as_ref())
    {
        j += 1;
        while j < n && j - b <= 4 && (bt.toks[j].cap || bt.s(j) == ".") {
            j += 1;
        }
    }
    if j < n && bt.s(j) == "(" {
        let close = (j + 1..n.min(j + 5)).find(|&k| bt.s(k) == ")");
        return close.is_some_and(|k| k + 1 < n && is_dash(bt.s(k + 1)));
    }
    // (A dash alone: not in a headline in capitals, "CRICKET - WAUGH HITS CENTURY".)
    if j < n && is_dash(bt.s(j)) {
        return !bt.all_caps;
    }
    if j < n && bt.s(j) == "," {
        j += 1;
    }
    let (from, mut dated) = (j, false);
    while j < n && j - from < 8 {
        let t = bt.toks[j];
        if t.kind == crate::text::TokenKind::Number || bt.lex.dates.contains(bt.lc(j).as_ref()) {
            dated = true;
        } else if !matches!(bt.s(j), "-" | "/" | "," | ".") {
            break;
        }
        j += 1;
    }
    dated && (j == n || is_dash(bt.s(j)) || bt.s(j) == "(")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}" | "\u{2014}")
}

/// The context word of token `i` as the feature space names it: a function word or
/// punctuation as written (lowercase), otherwise its class.
pub(super) fn context_word<'a>(bt: &'a BlockText, i: Option<usize>) -> std::borrow::Cow<'a, str> {
    use super::features::{CTX_CAP, CTX_EDGE, CTX_NUM, CTX_PUNCT, CTX_WORD};
    let Some(i) = i else {
        return CTX_EDGE.into();
    };
    let t = bt.toks[i];
    match t.kind {
        crate::text::TokenKind::Number => CTX_NUM.into(),
        crate::text::TokenKind::Punct => {
            let s = bt.s(i);
            if s.len() <= 3 {
                s.into()
            } else {
                CTX_PUNCT.into()
            }
        }
        crate::text::TokenKind::Word => {
            if bt.is_function(i) || bt.lex.event_grammar.det.contains(&bt.lc(i).as_ref()) {
                bt.lc(i)
            } else if t.cap {
                CTX_CAP.into()
            } else {
                CTX_WORD.into()
            }
        }
    }
}

/// The person cue right before a name, looking back over adjectives and
/// nationality words: "le Premier ministre arménien Nikol Pachinian".
/// "Premier ministre", "Secrétaire général": a capitalized word that opens a title of
/// several words with the lowercase words after it.
fn title_phrase_starts(bt: &BlockText, a: usize) -> bool {
    let cues = &bt.lex.person_cues;
    if !bt.in_set(set::PERSON_CUE_FIRST, a) {
        return false;
    }
    let w = bt.lc(a);
    cues.multi.iter().any(|phrase| {
        let m = phrase.len();
        a + m <= bt.len()
            && phrase[0] == w.as_ref()
            && (1..m).all(|x| !bt.toks[a + x].cap && bt.lc(a + x) == phrase[x])
    })
}

fn person_cue_before(bt: &BlockText, a: usize) -> bool {
    let lex = bt.lex;
    let mut j = a;
    let mut skipped = 0;
    while j > 0 && skipped <= 3 {
        let k = j - 1;
        // Punctuation right before the name ends the search, except the period of "M.".
        if !bt.spaced(k) && bt.toks[k].kind != crate::text::TokenKind::Word && bt.s(k) != "." {
            return false;
        }
        if bt.s(k) == "." && k > 0 && bt.in_set(set::TITLE, k - 1) {
            return true;
        }
        let sets = bt.sets(k);
        if sets & set::PERSON_CUE != 0 {
            return true;
        }
        let multi: &[Vec<&str>] = if sets & set::PERSON_CUE_LAST != 0 {
            &lex.person_cues.multi
        } else {
            &[]
        };
        for phrase in multi {
            let m = phrase.len();
            if k + 1 >= m && (0..m).all(|x| bt.lc(k + 1 - m + x) == phrase[x]) {
                return true;
            }
        }
        if bt.is_demonym(k) || (bt.adjective(k) && !bt.toks[k].cap) {
            j -= 1;
            skipped += 1;
            continue;
        }
        // "l'historien persan X", "le peintre flamand X": one lowercase word the
        // adjective endings miss, right after a title or role and right before the name.
        return k + 1 == a
            && k >= 1
            && bt.word(k)
            && !bt.toks[k].cap
            && !bt.toks[k].elision
            && !bt.is_function(k)
            && bt.word(k - 1)
            && bt.in_set(set::PERSON_CUE, k - 1);
    }
    false
}

/// A noun of kinship or close ties (the profile's `kin_noun`: "son", "pupil") or of what
/// only a person has or lives through (its `person_possession`: "funeral", "reign").
fn person_noun(bt: &BlockText, j: usize) -> bool {
    g_is(bt, class!("kin_noun"), j) || g_is(bt, class!("person_possession"), j)
}

/// "le fils de Clodomir", "le frère cadet d'Anselme", "la mort de Zénon", "the son of
/// Orvald": a [`person_noun`], maybe one lowercase word after it, then "of" without an
/// article right before the name.
fn person_noun_of(bt: &BlockText, a: usize) -> bool {
    if a < 2 || !bt.word(a - 1) {
        return false;
    }
    let of = bt.sets(a - 1);
    if of & set::OF == 0 || of & set::DETERMINER != 0 {
        return false;
    }
    let kin = |j: usize| person_noun(bt, j) && !bt.toks[j].cap;
    kin(a - 2)
        || (a >= 3 && kin(a - 3) && bt.word(a - 2) && !bt.toks[a - 2].cap && !bt.is_function(a - 2))
}

/// "X, la sœur de Y", "X, the president of Y": an apposition after a comma opening
/// with a title or role, maybe after an article and adjectives (a person named
/// alone, with no title before, is otherwise a coin flip).
fn person_cue_after(bt: &BlockText, b: usize) -> bool {
    if b >= bt.len() || bt.s(b) != "," {
        return false;
    }
    // Adjectives only after an article: "Rome, traité fondateur" is no apposition
    // (a participle, then "fondateur", a role).
    let mut article = false;
    for j in b + 1..bt.len().min(b + 5) {
        if bt.toks[j].cap {
            return false;
        }
        let sets = bt.sets(j);
        if sets & (set::PERSON_CUE | set::PERSON_CUE_FIRST) != 0 {
            return true;
        }
        // (The profiles' articles are determiners too.)
        if !article && sets & set::DETERMINER != 0 {
            article = true;
        } else if !(article && bt.adjective(j)) {
            return false;
        }
    }
    false
}

/// An honorific that belongs to the name and opens it ("Sheikh Hasina": the profile's
/// `name_title`), before at least one more word: a title, though inside the span.
fn name_title_first(bt: &BlockText, a: usize, b: usize) -> bool {
    b - a >= 2 && g_is(bt, class!("name_title"), a)
}

/// "le transporteur CMA CGM", "le parti centriste Les Engagés", "l'agence de presse
/// Reuters": an organization word, maybe the noun of its trade, adjectives, an article,
/// then the name.
fn org_cue_before(bt: &BlockText, a: usize) -> bool {
    let mut j = a;
    let mut steps = 0;
    let mut trade_after = false;
    while j > 0 && steps < 4 {
        j -= 1;
        let sets = bt.sets(j);
        if sets & set::ORG_CUE != 0 && !bt.toks[j].cap {
            return true;
        }
        // The quote a name opens: "le parti « Qalb Tounès »", "la société \"Acme\"".
        if j + 1 == a && is_open_quote(bt.s(j)) {
            steps += 1;
            continue;
        }
        // The noun of its trade after the organization word and "of": "l'agence de
        // presse X", "l'institut de sondage X".
        let trade =
            j >= 2 && sets & set::ORG_TRADE != 0 && !bt.toks[j].cap && bt.in_set(set::OF, j - 1);
        let skip = trade
            || sets & (set::ARTICLE | set::OF) != 0
            || bt.is_demonym(j)
            || (bt.adjective(j) && !bt.toks[j].cap);
        // The elided "of" before the trade noun: "le cabinet d'audit X".
        let joined = bt.spaced(j) || (trade_after && bt.toks[j].elision);
        if !skip || !joined {
            return false;
        }
        trade_after = trade;
        steps += 1;
    }
    false
}

/// "la base militaire russe de Kant", "la rive gauche de la Nive": a place word,
/// adjectives or a side (the profile's `place_cue_side`), then "de", maybe an article.
fn place_cue_behind(bt: &BlockText, a: usize) -> bool {
    // "de la Nive", "de l'Adour": the article after "de".
    let of = if a >= 3 && bt.in_set(set::ARTICLE, a - 1) {
        a - 2
    } else {
        a - 1
    };
    if of < 1 || !bt.in_set(set::OF, of) {
        return false;
    }
    let mut j = of;
    let mut steps = 0;
    while j > 0 && steps < 4 {
        j -= 1;
        if bt.in_set(set::PLACE_CUE, j) {
            return true;
        }
        if !(bt.adjective(j) || bt.is_demonym(j) || g_is(bt, class!("place_cue_side"), j)) {
            return false;
        }
        steps += 1;
    }
    false
}

fn is_roman(s: &str) -> bool {
    s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// A species' epithet after its genus: a lowercase word of four letters or more, in
/// no dictionary, ending as the profile's Latin epithets do ("erectus", "vittata").
fn is_epithet(bt: &BlockText, j: usize) -> bool {
    let t = &bt.toks[j];
    if !bt.word(j) || t.cap || t.elision || !t.space_before || bt.is_common(j) {
        return false;
    }
    let s = bt.s(j);
    more_chars_than(s, 3)
        && s.chars().all(char::is_alphabetic)
        && bt.lex.epithet_endings.iter().any(|e| s.ends_with(e))
}

/// "the Vendel and Kemmer rivers", "the Vendel and the Kemmer rivers": after the name, a
/// list connector, maybe an article, another name, then a place word in the plural that
/// both names share.
fn coordinated_place_cue(bt: &BlockText, b: usize) -> bool {
    if !g_is(bt, class!("list_connector"), b) {
        return false;
    }
    let mut j = b + 1;
    if j < bt.len() && bt.in_set(set::ARTICLE, j) {
        j += 1;
    }
    let name = j;
    while j < bt.len() && j - name < 4 && bt.namelike(j) && bt.toks[j].cap {
        j += 1;
    }
    j > name
        && j < bt.len()
        && !bt.toks[j].cap
        && place_cue_word(bt, j)
        && !bt.in_set(set::PLACE_CUE, j)
}

/// A place word (`place_cues`), or its plural ("rivers"), that is no compass point.
fn place_cue_word(bt: &BlockText, j: usize) -> bool {
    let lex = bt.lex;
    let w = bt.lc(j);
    let w = w.as_ref();
    if !bt.word(j) || g_is(bt, class!("place_qualifier"), j) {
        return false;
    }
    bt.in_set(set::PLACE_CUE, j)
        || lex.plural_endings.iter().any(|e| {
            w.strip_suffix(e)
                .is_some_and(|s| lex.place_cues.contains(s))
        })
}

/// A compound modifier in one word: a name joined to a lowercase dictionary word
/// ("Soviet-style", "London-based"), or a lowercase prefix before a name ("mid-March",
/// "pre-Christian"; not a particle, "al-Assad", nor "former", "ex-URSS").
fn compound_modifier(bt: &BlockText, a: usize) -> bool {
    use super::lexicon::word_fact;
    let lex = bt.lex;
    let s = bt.s(a);
    let (Some((first, rest)), Some((_, tail))) = (s.split_once('-'), s.rsplit_once('-')) else {
        return false;
    };
    let common = |w: &str| {
        lex.word_facts
            .get(w)
            .is_some_and(|f| f & word_fact::COMMON != 0)
    };
    let lower = |w: &str| !w.is_empty() && w.chars().all(char::is_lowercase);
    if more_chars_than(tail, 2) && lower(tail) && common(tail) {
        return true;
    }
    lower(first)
        && rest.starts_with(char::is_uppercase)
        && !lex.particles.contains(first)
        && !lex.particles.contains(&s[..first.len() + 1])
        && bt.strip_former(s).len() == s.len()
}

/// "DVDs", "MPs": capitals then the plural ending, common things counted.
fn plural_acronym(bt: &BlockText, a: usize) -> bool {
    let s = bt.s(a);
    bt.lex.plural_endings.iter().any(|e| {
        s.strip_suffix(e).is_some_and(|r| {
            more_chars_than(r, 1) && r.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    })
}

/// Token `j` is a word whose lowercase form is in the profile's grammar class `class`.
fn g_is(bt: &BlockText, class: Class, j: usize) -> bool {
    bt.word(j) && bt.in_class(class, j)
}

/// A player's words right before the name: "played for", "his debut for" (the
/// profile's `team_for` then its `team_for_link`), "joined" (`team_join`), "on loan
/// to", "transferred from" (`team_move` then a `team_to` word).
fn team_cue_before(bt: &BlockText, a: usize) -> bool {
    if a == 0 || bt.toks[a - 1].cap {
        return false;
    }
    if g_is(bt, class!("team_join"), a - 1) {
        return true;
    }
    // "the manager of Walsall": a club's noun, then "of".
    if a >= 2
        && bt.in_set(set::OF, a - 1)
        && !bt.toks[a - 2].cap
        && g_is(bt, class!("team_noun"), a - 2)
    {
        return true;
    }
    if a < 2 || bt.toks[a - 2].cap {
        return false;
    }
    (g_is(bt, class!("team_for_link"), a - 1) && g_is(bt, class!("team_for"), a - 2))
        || (g_is(bt, class!("team_to"), a - 1) && g_is(bt, class!("team_move"), a - 2))
}

/// A club's noun right after the name, maybe past a possessive ending ("Walsall
/// manager", "Liverpool's reserves": the profile's `team_noun`).
fn club_noun_after(bt: &BlockText, b: usize) -> bool {
    let j = if b < bt.len() && bt.lex.possessives.contains(&bt.lc(b).as_ref()) {
        b + 1
    } else {
        b
    };
    j < bt.len() && !bt.toks[j].cap && g_is(bt, class!("team_noun"), j)
}

/// The lowercase words right before "(" at `a - 1` whose initials spell the acronym at
/// `a` ("runs batted in (RBI)"), maybe past words of the profile's `acronym_skip`, and
/// none an institution's word.
fn lowercase_expansion(bt: &BlockText, a: usize, b: usize) -> bool {
    if a < 3 || bt.s(a - 1) != "(" || b >= bt.len() || bt.s(b) != ")" {
        return false;
    }
    let letters: Vec<char> = bt
        .s(a)
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 {
        return false;
    }
    let mut j = a - 1;
    let mut n = letters.len();
    while n > 0 && j > 0 {
        j -= 1;
        if !bt.word(j) || bt.toks[j].cap {
            return false;
        }
        let w = bt.lc(j);
        // "bureau national interprofessionnel du cognac (BNIC)": an institution's word
        // makes it an institution's name, written in lowercase.
        let mut title = w.chars();
        let capitalized: String = title
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(title)
            .collect();
        if bt.lex.org_heads.contains(capitalized.as_str()) || bt.in_set(set::ORG_CUE, j) {
            return false;
        }
        let initial = w.chars().next();
        if initial == Some(letters[n - 1]) {
            n -= 1;
        } else if !g_is(bt, class!("acronym_skip"), j) {
            return false;
        }
    }
    n == 0
}

/// The profile's `region_comma` at `b` (a language without it never fires this), then a
/// listed country or region (or a place of several words) not followed by a possessive
/// ending.
fn comma_region_after(bt: &BlockText, b: usize) -> bool {
    if b + 1 >= bt.len()
        || !bt.in_class_as_written(class!("region_comma"), b)
        || !bt.toks[b + 1].cap
    {
        return false;
    }
    let j = b + 1;
    let len = match super::span::place_from(bt, j) {
        0 => match bt.place1(j).map(|p| p.kind) {
            Some(PlaceType::Country | PlaceType::Region) => 1,
            _ => 0,
        },
        n => n,
    };
    len > 0 && !(j + len < bt.len() && bt.lex.possessives.contains(&bt.lc(j + len).as_ref()))
}
