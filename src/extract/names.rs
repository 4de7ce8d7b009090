//! Proper names: capitalized sequences, cut and classified by the word lists and
//! by the cues French news puts around names.

use super::block::BlockText;
use super::lexicon::PlaceType;
use crate::EntityKind;
use std::borrow::Cow;

/// A name found in one block, with the votes for each kind and the reasons.
#[derive(Debug, Clone)]
pub struct NameCand {
    /// Token range in the block.
    pub a: usize,
    pub b: usize,
    /// Display byte range in the block.
    pub start: usize,
    pub end: usize,
    /// Folded surface form: mentions with the same key are one entity.
    pub key: String,
    pub votes: [f32; 4],
    /// Static text where the reason needs no detail, so most cost no allocation.
    pub evidence: Vec<Cow<'static, str>>,
    /// Key of the name this acronym was defined for ("CPI" after "Cour pénale internationale").
    pub acronym_of: Option<String>,
    /// Weak candidates (no list, no cue) are kept only if the document backs them.
    pub strong: bool,
}

impl NameCand {
    pub fn vote(&mut self, kind: EntityKind, w: f32, why: impl Into<Cow<'static, str>>) {
        self.votes[kind as usize] += w;
        if w >= 1.0 {
            self.strong = true;
        }
        self.evidence.push(why.into());
    }
}

const PLACE_PREPS_STRONG: &[&str] = &["en", "au", "aux"];
const PLACE_PREPS: &[&str] = &["à", "vers", "depuis", "dans", "près", "via", "sur"];

/// All name candidates of a block, in text order, not overlapping.
pub fn find(bt: &BlockText) -> Vec<NameCand> {
    let mut out: Vec<NameCand> = Vec::new();
    let n = bt.len();
    let mut i = 0;
    while i < n {
        // "ministère de la Défense", "ministère de la protection civile": written lowercase.
        if let Some(c) = lowercase_ministry(bt, i) {
            i = c.b;
            out.push(c);
            continue;
        }
        if !bt.namelike(i) {
            i += 1;
            continue;
        }
        // Titles such as "M." / "Mme" are cues, not names.
        if bt.is(i, &["m", "mme", "mlle", "mm", "dr", "pr", "me", "mgr"]) {
            i += 1;
            continue;
        }
        // A capitalized article inside a sentence starts a name ("le parti Les Engagés").
        let article_name = !bt.initial[i]
            && i > 0
            && bt.word(i - 1)
            && !bt.toks[i - 1].cap
            && bt.is(i, &["le", "la", "les"])
            && bt.namelike(i + 1)
            && bt.spaced(i)
            && !bt.is_function(i + 1);
        if bt.is_function(i) && !article_name {
            i += 1;
            continue;
        }
        let Some(mut c) = sequence(bt, i) else {
            i += 1;
            continue;
        };
        classify(bt, &mut c);
        i = c.b;
        let nested = nested_places(bt, &c);
        out.push(c);
        out.extend(nested);
    }
    define_acronyms(bt, &mut out);
    out
}

/// Places named inside a named event stay places: "Festival d'Avignon" holds "Avignon".
fn nested_places(bt: &BlockText, c: &NameCand) -> Vec<NameCand> {
    let event = c.votes[EntityKind::Event as usize];
    if event == 0.0 || c.votes.iter().any(|&v| v > event) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for j in c.a + 1..c.b {
        if bt.namelike(j) && bt.is(j - 1, &["de", "d'", "du", "à"]) {
            if let Some(_t) = bt.lex.places.get(bt.folded(j, j + 1).as_str()) {
                let mut p = new_cand(bt, j, j + 1);
                p.vote(
                    EntityKind::Place,
                    3.0,
                    "in the place list, inside a named event",
                );
                out.push(p);
            }
        }
    }
    out
}

fn new_cand(bt: &BlockText, a: usize, b: usize) -> NameCand {
    NameCand {
        a,
        b,
        start: bt.toks[a].start,
        end: bt.toks[b - 1].end,
        key: bt.folded(a, b),
        votes: [0.0; 4],
        evidence: Vec::new(),
        acronym_of: None,
        strong: false,
    }
}

/// "ministère de la protection civile": French writes ministries in lowercase.
fn lowercase_ministry(bt: &BlockText, i: usize) -> Option<NameCand> {
    if !bt.is(i, &["ministère"]) || bt.toks[i].cap {
        return None;
    }
    let mut c = i + 1;
    if !bt.is(c, &["de", "du", "des", "d'"]) {
        return None;
    }
    c += 1;
    if bt.is(c, &["la", "l'"]) {
        c += 1;
    }
    if c >= bt.len() || !bt.word(c) || bt.is_function(c) {
        return None;
    }
    c += 1;
    while c < bt.len() && bt.spaced(c - 1) && (bt.adjective(c) || bt.namelike(c)) {
        c += 1;
    }
    let mut cand = new_cand(bt, i, c);
    cand.vote(
        EntityKind::Organization,
        3.0,
        "\"ministère de ...\": a ministry",
    );
    Some(cand)
}

/// Builds the longest plausible name starting at token `i`.
fn sequence(bt: &BlockText, i: usize) -> Option<NameCand> {
    let lex = bt.lex;
    let n = bt.len();
    let mut a = i;
    // A nationality noun before a name is a cue, not part of it: "le Kazakh Kassym-Jomart Tokaïev".
    let mut demonym_cue = false;
    if bt.is_demonym(a) && bt.namelike(a + 1) && bt.spaced(a) && !bt.toks[a].upper {
        demonym_cue = true;
        a += 1;
    }
    // Longest gazetteer place first ("Afrique du Sud", "Asie centrale").
    let mut best_place = None;
    // The window stops at punctuation inside it; its folded text is built once and
    // each candidate length is a prefix of it.
    let mut maxk = 1;
    while maxk < lex.place_max_tokens.min(n - a) {
        let j = a + maxk;
        if !bt.toks[j].space_before && bt.toks[j].kind == crate::text::TokenKind::Punct {
            break;
        }
        maxk += 1;
    }
    // Multi-word places end on a name or an adjective ("Asie centrale").
    let can_end =
        |b: usize| b == a + 1 || bt.toks[b - 1].cap || bt.namelike(b - 1) || bt.adjective(b - 1);
    while maxk > 1 && !can_end(a + maxk) {
        maxk -= 1;
    }
    let base = bt.toks[a].start;
    let mut folded = String::new();
    let mut ends = Vec::with_capacity(maxk);
    for k in 0..maxk {
        let t = bt.toks[a + k];
        let from = if k == 0 { base } else { bt.toks[a + k - 1].end };
        folded.push_str(&super::lexicon::fold(&bt.text[from..t.end]));
        ends.push(folded.len());
    }
    for k in (1..=maxk).rev() {
        let b = a + k;
        if !can_end(b) {
            continue;
        }
        if let Some(&t) = lex.places.get(&folded[..ends[k - 1]]) {
            best_place = Some((b, t));
            break;
        }
    }
    // Capitalized run with particles inside.
    let mut b = a + 1;
    loop {
        if b < n && bt.spaced(b - 1) && bt.namelike(b) && !bt.is_function(b) {
            b += 1;
            continue;
        }
        // Cap function words inside a name: "Marine Le Pen", "Bart De Wever".
        if b + 1 < n
            && bt.spaced(b - 1)
            && bt.toks[b].cap
            && bt.is(
                b,
                &[
                    "le", "la", "de", "du", "van", "von", "der", "di", "da", "del",
                ],
            )
            && bt.namelike(b + 1)
            && bt.spaced(b)
        {
            b += 2;
            continue;
        }
        // Lowercase particles between two name parts.
        if b + 1 < n
            && bt.spaced(b - 1)
            && !bt.toks[b].cap
            && lex.particles.contains(bt.lc(b).as_ref())
        {
            let p = bt.lc(b);
            let mut c = b + 1;
            if (p == "de") && bt.is(c, &["la", "l'"]) {
                c += 1;
            }
            if c < n && bt.namelike(c) && !bt.is_function(c) {
                let is_de = matches!(p.as_ref(), "de" | "du" | "des" | "d'" | "la" | "le");
                let head = bt.s(a);
                let joins = if is_de {
                    lex.org_heads.contains(head)
                        || lex.event_heads.contains(head)
                        || lex.place_heads.contains(head)
                        || (bt.first_name(a) && b == a + 1 && p == "de")
                } else {
                    true
                };
                if joins {
                    b = c + 1;
                    continue;
                }
            }
        }
        break;
    }
    // Institutional names: head + lowercase adjectives + "de ..." complements. The head
    // may follow "ex-" or a capitalized adjective ("Nouveau Front populaire").
    let head = head_word(bt, a);
    let institutional = lex.org_heads.contains(head)
        || lex.event_heads.contains(head)
        || lex.place_heads.contains(head);
    if institutional {
        b = extend_institution(bt, a, b);
    }
    if let Some((pb, _)) = best_place {
        if pb >= b {
            b = pb;
        }
    }
    // Split "Parlement Nabih Berry": a known head followed by a first name.
    if b - a >= 3 {
        for k in a + 1..b - 1 {
            if bt.toks[k].cap
                && bt.first_name(k)
                && !bt.first_name(a)
                && (institutional || lex.places.contains_key(&bt.folded(a, k)))
            {
                b = k;
                break;
            }
        }
    }
    // French puts no article before a person's name: in "le Kazakh Kassym-Jomart Tokaïev"
    // the first word is a nationality or title noun.
    if !demonym_cue
        && !institutional
        && best_place.is_none()
        && a > 0
        && bt.is(a - 1, &["le", "la", "l'"])
        && bt.toks[a].cap
        && !bt.toks[a].upper
    {
        let next_is_first_name = b - a >= 2 && bt.first_name(a + 1);
        if b - a >= 3 || next_is_first_name {
            demonym_cue = true;
            a += 1;
        }
    }
    let mut c = new_cand(bt, a, b);
    if demonym_cue {
        c.vote(
            EntityKind::Person,
            3.0,
            format!("after the nationality or title noun \"{}\"", bt.s(a - 1)),
        );
    }
    if let Some((pb, t)) = best_place {
        if pb == b {
            let what = match t {
                PlaceType::Country => "country",
                PlaceType::Region => "region",
                PlaceType::Continent => "continent or world region",
                PlaceType::City => "city",
            };
            // A town whose name is also a common word ("Grève" in Denmark) needs a cue,
            // and so does a "town" after an article: French cities take none ("le Hamas"
            // is a movement, whatever a gazetteer's alternate names say).
            let after_article =
                a > 0 && bt.is(a - 1, &["le", "la", "les", "du", "des", "au", "aux"]);
            let w = if t == PlaceType::City && ((b - a == 1 && bt.is_common(a)) || after_article) {
                1.0
            } else {
                3.0
            };
            c.vote(EntityKind::Place, w, format!("in the place list ({what})"));
            if t == PlaceType::City && after_article && b - a == 1 {
                c.vote(
                    EntityKind::Organization,
                    1.5,
                    "a town's name after an article: French towns take none, movements do",
                );
            }
        }
    }
    Some(c)
}

/// The word that says what a name is: the first, past "ex-" or a capitalized
/// adjective such as "Nouveau" or "Haute".
fn head_word<'a>(bt: &BlockText<'a>, a: usize) -> &'a str {
    let first = bt.s(a);
    let first = first.strip_prefix("ex-").unwrap_or(first);
    if a + 1 < bt.len()
        && bt.spaced(a)
        && bt.toks[a + 1].cap
        && bt.is_common(a)
        && bt.lex.org_heads.contains(bt.s(a + 1))
    {
        return bt.s(a + 1);
    }
    first
}

/// After an institutional head ("Cour", "Banque", "Festival"): adjectives, then up to
/// three "de/du/des (la/l') X" complements where X is a name or a lowercase noun.
fn extend_institution(bt: &BlockText, a: usize, mut b: usize) -> usize {
    let n = bt.len();
    let mut complements = 0;
    // Adjectives right after the head (nationality words allowed: "Banque centrale européenne").
    if b == a + 1 || (b == a + 2 && head_word(bt, a) != bt.s(a)) {
        while b < n && bt.spaced(b - 1) && bt.adjective(b) {
            b += 1;
        }
    }
    while complements < 3 && b < n && bt.spaced(b - 1) && bt.is(b, &["de", "du", "des", "d'"]) {
        let mut c = b + 1;
        if bt.is(b, &["de"]) && bt.is(c, &["la", "l'"]) {
            c += 1;
        }
        if c >= n {
            break;
        }
        if bt.namelike(c) && !bt.is_function(c) {
            c += 1;
            while c < n && bt.spaced(c - 1) && bt.namelike(c) && !bt.is_function(c) {
                c += 1;
            }
        } else if bt.word(c)
            && !bt.toks[c].cap
            && !bt.is_function(c)
            && !bt.toks[c].elision
            && bt.is_common(c)
            && c + 1 < n
            && (bt.is(c + 1, &["de", "d'", "du", "des"]) && bt.namelike(c + 2)
                || bt.is(c + 1, &["de"]) && bt.is(c + 2, &["l'", "la"]) && bt.namelike(c + 3))
        {
            // "des droits de l'Homme": a lowercase noun that leads to a name.
            c += 1;
            continue_after_noun(bt, &mut c);
        } else if complements == 0
            && (bt.lex.org_heads.contains(head_word(bt, a))
                || bt.lex.event_heads.contains(head_word(bt, a)))
            && bt.word(c)
            && !bt.toks[c].cap
            && !bt.toks[c].elision
            && !bt.is_function(c)
            && bt.is_common(c)
        {
            // "Conseil de sécurité", "Organisation mondiale de la santé", "Cour des
            // comptes": one lowercase noun completes an institution's name.
            c += 1;
        } else {
            break;
        }
        b = c;
        complements += 1;
        // Adjectives after a complement, but no nationality words ("Conseil d'Etat français").
        while b < n && bt.spaced(b - 1) && bt.adjective(b) && !bt.is_demonym(b) && !bt.is_common(b)
        {
            b += 1;
        }
    }
    b
}

fn continue_after_noun(bt: &BlockText, c: &mut usize) {
    // At "de l'Homme" / "de Paris": swallow the preposition, article and name.
    let n = bt.len();
    if bt.is(*c, &["de", "du", "des", "d'"]) {
        *c += 1;
        if bt.is(*c, &["la", "l'"]) {
            *c += 1;
        }
        while *c < n && bt.namelike(*c) && !bt.is_function(*c) {
            *c += 1;
            if !bt.spaced(*c - 1) {
                break;
            }
        }
    }
}

/// Votes from the name's own form and from the words around it.
fn classify(bt: &BlockText, c: &mut NameCand) {
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

/// An acronym starts with the first letter of what it stands for ("CPI", "Cour ...").
fn same_initial(name: &str, acronym: &str) -> bool {
    name.chars().next() == acronym.chars().next()
}

fn is_roman(s: &str) -> bool {
    s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// "Cour pénale internationale (CPI)": the acronym names the same thing.
fn define_acronyms(bt: &BlockText, cands: &mut [NameCand]) {
    for k in 1..cands.len() {
        let (prev, cur) = (&cands[k - 1], &cands[k]);
        let a = cur.a;
        let in_parens = a >= 1
            && bt.s(a - 1) == "("
            && prev.b == a - 1
            && cur.b < bt.len()
            && bt.s(cur.b) == ")";
        let dateline = cur.b + 1 < bt.len() && matches!(bt.s(cur.b + 1), "-" | "–" | "—");
        if in_parens
            && !dateline
            && cur.b - cur.a == 1
            && !bt.toks[a].upper
            && prev.votes[EntityKind::Place as usize] >= 2.0
        {
            // "Grande-Synthe (Nord)": the region or country of the place before.
            cands[k].vote(
                EntityKind::Place,
                2.0,
                "in parentheses after a place: its region",
            );
            continue;
        }
        if cur.b - cur.a == 1
            && bt.toks[a].upper
            && a >= 1
            && bt.s(a - 1) == "("
            && prev.b == a - 1
            && bt.s(cur.b.min(bt.len() - 1)) == ")"
            && !dateline
            && same_initial(&prev.key, &cur.key)
        {
            let key = prev.key.clone();
            let votes = prev.votes;
            if votes.iter().all(|&v| v == 0.0) && !prev.strong {
                // "Produit intérieur brut (PIB)": the acronym of a common noun phrase.
                cands[k].votes = [0.0; 4];
                continue;
            }
            let c = &mut cands[k];
            c.acronym_of = Some(key);
            for (i, v) in votes.iter().enumerate() {
                c.votes[i] += v;
            }
            c.evidence
                .push("an acronym defined in parentheses after its expansion".into());
            c.strong = true;
        }
    }
}
