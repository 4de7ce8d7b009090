//! Proper names: capitalized sequences, cut and classified by the word lists and
//! by the cues French news puts around names.

use super::block::BlockText;
use super::classify::classify;
use super::features::{Feats, FeatureSpace, F};
use super::lexicon::{class, fold, set};
use super::span::sequence;

/// A name found in one block, with its features.
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
    pub feats: Feats,
    /// Key of the name this acronym was defined for ("CPI" after "Cour pénale internationale").
    pub acronym_of: Option<String>,
}

impl NameCand {
    /// Named by a place list (any type).
    pub(super) fn listed_place(&self) -> bool {
        [
            F::PlaceCountry,
            F::PlaceRegion,
            F::PlaceContinent,
            F::PlaceCity,
        ]
        .iter()
        .any(|&f| self.feats.has(f))
    }

    /// Starts with an event word: a named event.
    pub fn event_named(&self) -> bool {
        self.feats.has(F::EventHead) || self.feats.has(F::EventHeadPhrase)
    }
}

/// All name candidates of a block, in text order, not overlapping.
pub fn find(bt: &BlockText, space: &FeatureSpace) -> Vec<NameCand> {
    let n = bt.len();
    // About one name in ten tokens in news text: room for them up front (a
    // candidate is a few hundred bytes, costly to move as the vector grows).
    let mut out: Vec<NameCand> = Vec::with_capacity(n / 10 + 1);
    let mut i = 0;
    while i < n {
        // "ministère de la Défense", "ministère de la protection civile": written lowercase.
        if let Some(c) = lowercase_ministry(bt, space, i) {
            i = c.b;
            out.push(c);
            continue;
        }
        if !bt.namelike(i) {
            // "lac Léman", "mer Noire": a place list entry with a lowercase head.
            if bt.word(i)
                && !bt.toks[i].cap
                && bt.namelike(i + 1)
                && bt.spaced(i)
                && bt.lex.place_lower_heads.contains(bt.lc(i).as_ref())
            {
                if let Some(mut c) = sequence(bt, i) {
                    if c.b > i + 1 && bt.lex.places.contains_key(c.key.as_str()) {
                        classify(bt, space, &mut c);
                        c.feats.add(F::LowerHead);
                        i = c.b;
                        out.push(c);
                        continue;
                    }
                }
            }
            i += 1;
            continue;
        }
        // Titles such as "M." / "Mme" are cues, not names.
        if bt.in_set(set::TITLE, i) {
            i += 1;
            continue;
        }
        // A capitalized title or role before a name is a cue, not part of it:
        // "President Joe Biden", "Chinese Foreign Minister Wang Yi".
        let title = capitalized_title(bt, i);
        if title > 0 {
            i += title;
            continue;
        }
        // A capitalized article inside a sentence starts a name ("le parti Les Engagés").
        let article_name = !bt.initial[i]
            && i > 0
            && bt.word(i - 1)
            && !bt.toks[i - 1].cap
            && bt.in_set(set::ARTICLE, i)
            && !bt.toks[i].elision
            && bt.namelike(i + 1)
            && bt.spaced(i)
            && !bt.is_function(i + 1);
        // A sentence's first word may be the article of a place's name ("La Haye,
        // Pays-Bas | AFP", "Le Caire a ..."): the whole is the listed place.
        let article_place = bt.initial[i]
            && bt.toks[i].cap
            && !bt.toks[i].elision
            && bt.in_set(set::ARTICLE, i)
            && bt.namelike(i + 1)
            && bt.spaced(i)
            && bt
                .lex
                .places
                .contains_key(fold(&bt.text[bt.toks[i].start..bt.toks[i + 1].end]).as_str());
        if bt.is_function(i) && !article_name && !article_place {
            i += 1;
            continue;
        }
        if initial_word_before_name(bt, i) {
            i += 1;
            continue;
        }
        let Some(mut c) = sequence(bt, i) else {
            i += 1;
            continue;
        };
        classify(bt, space, &mut c);
        i = c.b;
        let nested = nested_places(bt, space, &c);
        out.push(c);
        out.extend(nested);
    }
    define_acronyms(bt, &mut out);
    out
}

/// A sentence's first word, a common word and no name's, glued to the name after
/// it: "Hier Emmanuel Macron", "Heavyweight Saudi Arabia". The name starts after it
/// when a first name or a listed place follows and the two words are no listed place
/// or institution ("New York", "Air France" stay whole).
fn initial_word_before_name(bt: &BlockText, i: usize) -> bool {
    let lex = bt.lex;
    let j = i + 1;
    bt.initial[i]
        && bt.toks[i].cap
        && !bt.toks[i].upper
        && bt.is_common(i)
        && !bt.first_name(i)
        && bt.spaced(i)
        && j < bt.len()
        && bt.toks[j].cap
        && bt.namelike(j)
        && !lex.org_heads.contains(bt.lc(i).as_ref())
        && !lex.place_prefixes.contains(bt.folded1(i).as_ref())
        && !lex.places.contains_key(bt.folded1(i).as_ref())
        && !bt.with_folded(i, j + 1, |w| lex.known.contains_key(w))
        && (bt.first_name(j)
            || lex.places.contains_key(bt.folded1(j).as_ref())
            || super::span::place_from(bt, j) > 0)
}

/// Places named inside a named event stay places: "Festival d'Avignon" holds "Avignon".
fn nested_places(bt: &BlockText, space: &FeatureSpace, c: &NameCand) -> Vec<NameCand> {
    if !c.event_named() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for j in c.a + 1..c.b {
        let linked = bt.in_set(set::OF | set::PREP_TOWN, j - 1);
        if bt.namelike(j) && linked && bt.place1(j).is_some() {
            // The name pass's own reading of the word (its place list type and flags).
            let mut p = sequence(bt, j)
                .filter(|p| p.b == j + 1)
                .unwrap_or_else(|| new_cand(bt, j, j + 1));
            classify(bt, space, &mut p);
            p.feats.add(F::NestedPlace);
            out.push(p);
        }
    }
    out
}

/// The length of a capitalized person cue ("President", "Prime Minister") starting at
/// token `i` and followed by a name (a first name, or a word that is not a common
/// one: "General Motors" keeps its first word), maybe after a nationality word; 0 if
/// none.
fn capitalized_title(bt: &BlockText, i: usize) -> usize {
    let lex = bt.lex;
    if !lex.title_case_names {
        return 0;
    }
    // Before the title: a nationality word or a place ("New Zealand Prime Minister"),
    // then words of a portfolio ("Petroleum Minister"), not an institution's.
    let mut from = if bt.is_demonym(i) && !bt.first_name(i) && bt.spaced(i) {
        i + 1
    } else {
        let place = super::span::place_from(bt, i);
        if place > 0 {
            i + place
        } else if bt.toks[i].cap && bt.place1(i).is_some() {
            i + 1
        } else {
            i
        }
    };
    let cues = &lex.person_cues;
    let is_cue = |j: usize| j < bt.len() && bt.in_set(set::PERSON_CUE, j);
    let mut portfolio = 0;
    while portfolio < 2
        && from + 1 < bt.len()
        && !is_cue(from)
        && bt.toks[from].cap
        && bt.spaced(from)
        && bt.is_common(from)
        && !bt.first_name(from)
        && !lex.org_heads.contains(bt.s(from))
        && !lex.org_suffixes.contains(bt.s(from))
    {
        from += 1;
        portfolio += 1;
    }
    let mut len = 0;
    if from < bt.len() && bt.toks[from].cap && bt.in_set(set::PERSON_CUE, from) {
        len = 1;
    }
    let multi: &[Vec<&str>] = if from < bt.len() && bt.in_set(set::PERSON_CUE_FIRST, from) {
        &cues.multi
    } else {
        &[]
    };
    for phrase in multi {
        let m = phrase.len();
        if m > len
            && from + m <= bt.len()
            && (0..m).all(|x| bt.toks[from + x].cap && bt.lc(from + x) == phrase[x])
        {
            len = m;
        }
    }
    // "Sheikh Hasina": some honorifics are part of the name.
    if len == 1 && bt.in_class(class!("name_title"), from) {
        return 0;
    }
    // "Chief Financial Officer", "Vice Chairman": one or two capitalized everyday words
    // between two cues are the same title.
    while len > 0 {
        let mut k = from + len;
        let mut words = 0;
        while words < 2
            && k < bt.len()
            && !is_cue(k)
            && bt.toks[k].cap
            && bt.spaced(k - 1)
            && bt.is_common(k)
            && !bt.first_name(k)
        {
            k += 1;
            words += 1;
        }
        if words > 0 && is_cue(k) && bt.toks[k].cap && bt.spaced(k - 1) {
            len = k + 1 - from;
        } else {
            break;
        }
    }
    let next = from + len;
    let proper = |j: usize| {
        j < bt.len()
            && bt.namelike(j)
            && !bt.is_function(j)
            && (bt.first_name(j) || !bt.is_common(j))
    };
    // "President Xi Jinping": a short common word followed by a proper one is a name too.
    let name_follows = len > 0
        && next < bt.len()
        && bt.spaced(next - 1)
        && bt.namelike(next)
        && !bt.is_function(next)
        && (proper(next) || (bt.spaced(next) && proper(next + 1)));
    if name_follows {
        next - i
    } else {
        0
    }
}

pub(super) fn new_cand(bt: &BlockText, a: usize, b: usize) -> NameCand {
    NameCand {
        a,
        b,
        start: bt.toks[a].start,
        end: bt.toks[b - 1].end,
        key: bt.folded(a, b),
        feats: Feats::default(),
        acronym_of: None,
    }
}

/// "ministère de la protection civile": French writes ministries in lowercase (the
/// profile's `ministry` words).
fn lowercase_ministry(bt: &BlockText, space: &FeatureSpace, i: usize) -> Option<NameCand> {
    let lex = bt.lex;
    if bt.toks[i].cap || !lex.ministry.contains(bt.lower(i)) {
        return None;
    }
    let mut c = i + 1;
    if !bt.word(c) || !bt.in_set(set::OF, c) {
        return None;
    }
    c += 1;
    if bt.word(c) && bt.in_set(set::ARTICLE, c) {
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
    classify(bt, space, &mut cand);
    cand.feats.add(F::Ministry);
    Some(cand)
}

/// An acronym starts with the first letter of what it stands for ("CPI", "Cour ...").
fn same_initial(name: &str, acronym: &str) -> bool {
    name.chars().next() == acronym.chars().next()
}

/// "Cour pénale internationale (CPI)": the acronym names the same thing;
/// "Grande-Synthe (Nord)": the region of the place before.
fn define_acronyms(bt: &BlockText, cands: &mut [NameCand]) {
    for k in 1..cands.len() {
        let (prev, cur) = (&cands[k - 1], &cands[k]);
        let a = cur.a;
        let in_parens = a >= 1
            && bt.s(a - 1) == "("
            && prev.b == a - 1
            && cur.b < bt.len()
            && bt.s(cur.b) == ")";
        let dateline =
            cur.b + 1 < bt.len() && matches!(bt.s(cur.b + 1), "-" | "\u{2013}" | "\u{2014}");
        if !in_parens || dateline || cur.b - cur.a != 1 {
            continue;
        }
        if !bt.toks[a].upper && prev.listed_place() {
            cands[k].feats.add(F::ParenRegion);
        } else if bt.toks[a].upper && same_initial(&prev.key, &cur.key) {
            if prev.feats.has(F::AllCommon) {
                // "Produit intérieur brut (PIB)": the acronym of a common noun phrase.
                cands[k].feats.add(F::AcronymOfCommon);
            } else {
                let key = prev.key.clone();
                cands[k].acronym_of = Some(key);
                cands[k].feats.add(F::AcronymDefined);
            }
        }
    }
}
