//! Votes for a name's kind: its own form (lists, institution and event words,
//! acronyms) and the cues French news puts around names (titles, prepositions,
//! organization and place words).

use super::block::BlockText;
use super::lexicon::PlaceType;
use super::names::NameCand;
use super::span::head_word;
use crate::EntityKind;

const PLACE_PREPS_STRONG: &[&str] = &["en", "au", "aux"];
const PLACE_PREPS: &[&str] = &["à", "vers", "depuis", "dans", "près", "via", "sur"];

/// Votes from the name's own form and from the words around it.
pub(super) fn classify(bt: &BlockText, c: &mut NameCand) {
    use EntityKind::*;
    let lex = bt.lex;
    let (a, b) = (c.a, c.b);
    let first = bt.s(a);
    let last = bt.s(b - 1);
    let ntok = (a..b).filter(|&j| bt.namelike(j)).count();
    let initial = bt.initial[a];

    // The name's own form.
    let head = head_word(bt, a);
    if lex.org_heads.contains(head) {
        c.vote(
            Organization,
            3.0,
            format!("starts with the institution word \"{head}\""),
        );
    } else if let Some(rest) = first.strip_prefix("ex-") {
        if rest.starts_with(char::is_uppercase) {
            c.vote(
                Place,
                3.0,
                "\"ex-\" before a name: a former state or territory",
            );
        }
    }
    // A capitalized article inside a sentence belongs to a title or a company name
    // ("Les Engagés", "L'Equipe", "Le Monde"): people's names take no article.
    let cap_article = (!initial && bt.toks[a].cap && bt.is(a, &["le", "la", "les"]))
        || (a > 0 && bt.toks[a - 1].elision && bt.toks[a - 1].cap && !bt.initial[a - 1]);
    if cap_article {
        c.vote(
            Organization,
            1.5,
            "a capitalized article inside a sentence: a title or company name",
        );
    }
    if let Some(ph) = lex
        .event_head_phrases
        .iter()
        .find(|p| c.key.starts_with(p.as_str()))
    {
        c.vote(Event, 4.0, format!("starts with the event name \"{ph}\""));
    } else if lex.event_heads.contains(head) && b - a >= 2 {
        c.vote(Event, 3.5, format!("starts with the event word \"{head}\""));
    }
    if lex.place_heads.contains(head) && b - a >= 2 {
        c.vote(
            Place,
            2.5,
            format!("starts with the geographic word \"{head}\""),
        );
    }
    if lex.place_suffixes.contains(last) && b - a >= 2 {
        c.vote(
            Place,
            2.5,
            format!("ends with the geographic word \"{last}\""),
        );
    }
    // "STRASBOURG (Reuters) -": the agency of a dateline.
    if a >= 2
        && bt.s(a - 1) == "("
        && bt.toks[a - 2].upper
        && b + 1 < bt.len()
        && bt.s(b) == ")"
        && matches!(bt.s(b + 1), "-" | "–" | "—")
    {
        c.vote(Organization, 3.0, "the news agency of a dateline");
    } else if a >= 2
        && bt.s(a - 1) == "("
        && b < bt.len()
        && bt.s(b) == ")"
        && b - a == 1
        && !bt.toks[a].upper
    {
        // "Grande-Synthe (Nord)": a region in parentheses after a place (checked in the
        // document pass, which knows the place).
        c.evidence.push("in parentheses after a name".into());
    }
    if b - a >= 2 && lex.org_suffixes.contains(last) {
        c.vote(
            Organization,
            3.0,
            format!("ends with the company word \"{last}\""),
        );
    }
    if b - a == 1 && lex.common_acronyms.contains(first) {
        // "PIB", "IA": acronyms of common nouns.
        return;
    }
    let acronym = b - a == 1 && bt.toks[a].upper && first.chars().count() <= 8;
    if acronym && c.votes[Place as usize] == 0.0 && !is_roman(first) {
        c.vote(Organization, 2.0, "an all-caps acronym");
    }
    // "France" is a first name too, but "France Inter" is no person.
    let country_first = matches!(
        lex.places.get(bt.folded(a, a + 1).as_str()),
        Some(PlaceType::Country | PlaceType::Region | PlaceType::Continent)
    );
    if ntok >= 2
        && bt.first_name(a)
        && !country_first
        && c.votes[Organization as usize] == 0.0
        && c.votes[Event as usize] == 0.0
    {
        c.vote(
            Person,
            3.0,
            format!("\"{first}\" is in the first-name list"),
        );
    }

    // Cues before the name.
    if let Some(cue) = person_cue_before(bt, a) {
        c.vote(Person, 3.0, format!("after the person cue \"{cue}\""));
    }
    if a >= 1 {
        let p1 = bt.lc(a - 1);
        let p2 = if a >= 2 { bt.lc(a - 2) } else { "".into() };
        let p3 = if a >= 3 { bt.lc(a - 3) } else { "".into() };
        let art = |s: &str| matches!(s, "le" | "la" | "l'" | "les");
        let prep_word = if art(&p1) { p2.as_ref() } else { p1.as_ref() };
        let noun_word = if art(&p1) || matches!(p1.as_ref(), "de" | "d'" | "du") {
            p2.as_ref()
        } else {
            p1.as_ref()
        };
        if PLACE_PREPS_STRONG.contains(&p1.as_ref()) {
            c.vote(Place, 2.0, format!("after \"{p1}\""));
        } else if PLACE_PREPS.contains(&prep_word) {
            // "dans le Caucase": a capitalized name after "dans le" is nearly always a place.
            let w = if prep_word == "à" || (prep_word == "dans" && art(&p1)) {
                1.2
            } else {
                0.8
            };
            c.vote(Place, w, format!("after \"{prep_word}\""));
        }
        let _ = p3;
        if let Some(cue) = org_cue_before(bt, a) {
            c.vote(
                Organization,
                2.0,
                format!("after the organization word \"{cue}\""),
            );
        }
        if lex.place_cues.contains(noun_word) || place_cue_behind(bt, a) {
            c.vote(Place, 2.0, "after a place word (ville, île, base, ...)");
        }
    }
    // Enumerations after a place cue share its kind: "villages de Kiotari, Gennadi et Pefki".
    // (Handled in the document pass by list propagation.)

    // Weak defaults from the form.
    if c.votes.iter().all(|&v| v == 0.0) {
        let after_article =
            a > 0 && bt.is(a - 1, &["le", "la", "les", "l'", "du", "au", "aux", "des"]);
        // "France Inter", "Air France": a known place inside a longer name is a company's.
        let holds_place = ntok >= 2
            && (a..b)
                .any(|j| bt.toks[j].cap && lex.places.contains_key(bt.folded(j, j + 1).as_str()));
        if (after_article || holds_place) && ntok >= 2 && !(a..b).all(|j| bt.is_common(j)) {
            // French puts an article before institutions and places, not before people.
            c.vote(
                Organization,
                0.8,
                "capitalized words after an article (weak)",
            );
        } else if ntok >= 2 && (a..b).all(|j| !bt.toks[j].upper) && !(a..b).all(|j| bt.is_common(j))
        {
            c.vote(
                Person,
                1.0,
                "two or more capitalized words that are not a known place or organization",
            );
        } else if ntok == 1
            && !bt.is_common(a)
            && !initial
            && !first.contains(|c: char| c.is_ascii_digit())
        {
            // ("Covid-19", "A320": names of things, not of organizations.)
            c.vote(
                Organization,
                0.4,
                "a capitalized word not in any list (weak)",
            );
        }
    }
    // A common word alone with no list or cue behind it is not a name ("Etat", "Premier").
    let common_only = (a..b).all(|j| bt.is_common(j) || bt.is_demonym(j) || !bt.namelike(j));
    if common_only && !c.strong {
        c.votes = [0.0; 4];
        c.evidence.clear();
    }
    // Nationality words on their own are optional in the guidelines: leave them out.
    if b - a == 1 && bt.is_demonym(a) && c.votes[Place as usize] < 3.0 {
        c.votes = [0.0; 4];
    }
    // Sentence-initial common words ("Mais", "Selon", "Arrivé") are not names.
    if initial && b - a == 1 && bt.is_common(a) && c.votes[Place as usize] < 3.0 && !acronym {
        c.votes = [0.0; 4];
    }
}

/// The person cue right before a name, looking back over adjectives and
/// nationality words: "le Premier ministre arménien Nikol Pachinian".
fn person_cue_before(bt: &BlockText, a: usize) -> Option<String> {
    let lex = bt.lex;
    let mut j = a;
    let mut skipped = 0;
    while j > 0 && skipped <= 3 {
        let k = j - 1;
        // Punctuation right before the name ends the search, except the period of "M.".
        if !bt.spaced(k) && bt.toks[k].kind != crate::text::TokenKind::Word && bt.s(k) != "." {
            return None;
        }
        if bt.s(k) == "." && k > 0 && bt.is(k - 1, &["m", "mm", "dr", "pr", "me", "mgr"]) {
            return Some(format!("{}.", bt.s(k - 1)));
        }
        let w = bt.lc(k);
        if lex.person_cues.single.contains(w.as_ref()) {
            return Some(w.into_owned());
        }
        for phrase in &lex.person_cues.multi {
            let m = phrase.len();
            if k + 1 >= m && (0..m).all(|x| bt.lc(k + 1 - m + x) == phrase[x]) {
                return Some(phrase.join(" "));
            }
        }
        if bt.is_demonym(k) || (bt.adjective(k) && !bt.toks[k].cap) {
            j -= 1;
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

/// "le transporteur CMA CGM", "le parti centriste Les Engagés": an organization word,
/// maybe adjectives, an article, then the name.
fn org_cue_before(bt: &BlockText, a: usize) -> Option<String> {
    let mut j = a;
    let mut steps = 0;
    while j > 0 && steps < 4 {
        j -= 1;
        let w = bt.lc(j);
        if bt.lex.org_cues.contains(w.as_ref()) && !bt.toks[j].cap {
            return Some(w.into_owned());
        }
        let skip = bt.is(j, &["le", "la", "l'", "les", "de", "d'", "du"])
            || bt.is_demonym(j)
            || (bt.adjective(j) && !bt.toks[j].cap);
        if !skip || !bt.spaced(j) {
            return None;
        }
        steps += 1;
    }
    None
}

/// "la base militaire russe de Kant": a place word, adjectives, then "de".
fn place_cue_behind(bt: &BlockText, a: usize) -> bool {
    if a < 2 || !bt.is(a - 1, &["de", "d'"]) {
        return false;
    }
    let mut j = a - 1;
    let mut steps = 0;
    while j > 0 && steps < 4 {
        j -= 1;
        // "au sommet de X": the top of a mountain.
        if bt.is(j, &["sommet"]) && j > 0 && bt.is(j - 1, &["au"]) {
            return true;
        }
        if bt.lex.place_cues.contains(bt.lc(j).as_ref()) {
            return true;
        }
        if !(bt.adjective(j) || bt.is_demonym(j)) {
            return false;
        }
        steps += 1;
    }
    false
}

fn is_roman(s: &str) -> bool {
    s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}
