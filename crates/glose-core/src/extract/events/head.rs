//! The head of an event mention: an event noun of the profile (a phrase of several
//! words first, then a single one), with what comes right before it that belongs to
//! the span (an opening quote, an ordinal, and in head-final languages the words that
//! pin it down: "2016 U.S. election", "Helsinki summit", "Iraq's invasion").

use crate::extract::block::BlockText;
use crate::extract::features::F;
use crate::extract::lexicon::{class, EventNoun};
use crate::extract::names::NameCand;
use crate::text::TokenKind;

pub struct Head {
    /// The noun's first and past-the-last tokens.
    pub noun: usize,
    pub noun_end: usize,
    pub ev: EventNoun,
    /// The span's first token (a quote or an ordinal before the noun).
    pub start: usize,
    /// The token after the head (and a closing quote).
    pub next: usize,
    /// An ordinal right before ("6e étape", "premier round").
    pub ordinal: bool,
    /// The word before the span, lowercase ("" at the block's start).
    pub det: String,
    /// Tokens of pinning modifiers before the noun (and its ordinal): years, the
    /// profile's `premod` words, names and possessors.
    pub premod: usize,
    /// The names among those modifiers.
    pub premod_names: Vec<usize>,
    /// The years among them: "2016 election" and "2019 election" are two.
    pub premod_years: Vec<String>,
    /// A bare noun after "de" ("cellule de crise", "décret de dissolution"): a
    /// complement of the noun before, unless its own complement pins it down.
    pub noun_of: bool,
    /// "au sommet de": the top of something, or a summit.
    pub top: bool,
}

/// The event head starting at token `i`, if any. `name_at[i]`: the name candidate
/// starting at `i`.
///
/// Asked of every token: the tests that turn most words away are inlined where it is
/// asked, the rest ([`at_event_word`]) is not (the compiler's choice to inline the
/// whole or not changed with unrelated edits, and a call a token cost 5%).
#[inline]
pub fn at(bt: &BlockText, i: usize, names: &[NameCand], name_at: &[Option<usize>]) -> Option<Head> {
    if !bt.word(i) || bt.toks[i].cap && !bt.initial[i] {
        return None;
    }
    // A capitalized named event ("Festival de Cannes") is found by the name pass.
    if bt.toks[i].cap && name_at[i].is_some_and(|k| names[k].b - names[k].a >= 2) {
        return None;
    }
    // Most words are not event nouns: one lookup settles it.
    if bt.s(i).len() < 3 || !bt.lex.event_words.contains(bt.lc(i).as_ref()) {
        return None;
    }
    at_event_word(bt, i, names)
}

/// [`at`], once token `i` is known to be a word that can start an event noun.
#[inline(never)]
fn at_event_word(bt: &BlockText, i: usize, names: &[NameCand]) -> Option<Head> {
    let lex = bt.lex;
    let g = &lex.event_grammar;
    let n = bt.len();
    // A word after a subject or reflexive pronoun is a verb ("elle siège", "il
    // visite", "she visits"): the profile's `clitic` class.
    if i > 0 && bt.in_class(class!("clitic"), i - 1) {
        return None;
    }
    let (noun_end, ev) = noun(bt, i)?;
    // "d'accord", "cellule de crise": a bare noun complement is rarely an event, but
    // "décret de dissolution des Soulèvements" is one: a feature, not a veto.
    let noun_of = !ev.standalone && i > 0 && bt.in_class(class!("noun_of"), i - 1);
    // "au sommet de" is mostly "at the top of", not a summit.
    let top = i > 0 && bt.in_class(class!("top_noun"), i) && bt.in_class(class!("top_prep"), i - 1);
    // Quotes around the noun: «déportation» d'enfants.
    let mut start = i;
    let mut next = noun_end;
    if i > 0 && matches!(bt.s(i - 1), "«" | "\"") && !bt.toks[i].space_before {
        start = i - 1;
        if next < n && matches!(bt.s(next), "»" | "\"") {
            next += 1;
        }
    }
    // An ordinal right before: "6e étape", "premier round", "première motion".
    let ordinal = start > 0
        && (bt.is(start - 1, &g.ordinal) || is_numeric_ordinal(bt, bt.s(start - 1)))
        && bt.spaced(start - 1);
    if ordinal {
        start -= 1;
    }
    let (first, premod_names, premod_years) = premodifiers(bt, start, names);
    let premod = start - first;
    let start = first;
    let det = if start > 0 {
        bt.lc(start - 1).into_owned()
    } else {
        String::new()
    };
    Some(Head {
        noun: i,
        noun_end,
        ev,
        start,
        next,
        ordinal,
        det,
        premod,
        premod_names,
        premod_years,
        noun_of,
        top,
    })
}

/// The first token of the pinning modifiers that end at `start` (`start` when
/// none), the names among them and their years. Only a profile with `premod` words reads them:
/// "snap 2019 general election", "2016 U.S. election", "Scotland's first recall
/// by-election", "Helsinki summit".
fn premodifiers(
    bt: &BlockText,
    start: usize,
    names: &[NameCand],
) -> (usize, Vec<usize>, Vec<String>) {
    let g = &bt.lex.event_grammar;
    let (mut found, mut years) = (Vec::new(), Vec::new());
    if g.premod.is_empty() {
        return (start, found, years);
    }
    let mut j = start;
    // A name ending at token `end`, not a person's (a person's name before an event
    // noun is its agent at most: "Trump rally" is not pinned by the name).
    let name_ending = |end: usize| {
        names
            .iter()
            .position(|c| c.b == end && c.a < end && !c.feats.has(F::FirstNameFirst))
    };
    while j > 0 && bt.spaced(j - 1) {
        let k = j - 1;
        let modifier =
            bt.word(k) && !bt.toks[k].cap && (bt.is(k, &g.premod) || bt.is(k, &g.ordinal));
        let year = bt.toks[k].kind == TokenKind::Number && is_year(bt.s(k));
        if year {
            years.push(bt.s(k).to_string());
        }
        if modifier || year || is_numeric_ordinal(bt, bt.s(k)) {
            j = k;
        } else if is_score(bt, k) {
            // "a 3-2 win", "a crushing 6-1 victory": the score says which match.
            j = k - 2;
        } else if let Some(c) = name_ending(j) {
            // "Helsinki summit", "U.S. election": not a name that opens the sentence
            // alone (a sentence's first word says nothing).
            if names[c].a == 0 && names[c].b == names[c].a + 1 && bt.initial[names[c].a] {
                break;
            }
            found.push(c);
            j = names[c].a;
        } else if let Some(c) = possessor(bt, k).and_then(|p| name_ending(p).map(|c| (c, p))) {
            // "Iraq's invasion": the possessor belongs to the event.
            found.push(c.0);
            j = names[c.0].a;
        } else {
            break;
        }
    }
    // Read right to left: give them in text order.
    years.reverse();
    (j, found, years)
}

/// When token `k` is a possessive ending glued to the word before it ("'s", "’s",
/// or a lone apostrophe after a plural), the token where that word ends.
fn possessor(bt: &BlockText, k: usize) -> Option<usize> {
    let s = bt.s(k);
    let ending = matches!(s, "'s" | "’s" | "'" | "’")
        || (k + 1 < bt.len() && matches!(s, "'" | "’") && bt.s(k + 1) == "s");
    (ending && k > 0 && !bt.toks[k].space_before).then_some(k)
}

/// A score ending at token `k`: a number, a dash and a number written together ("6-1").
fn is_score(bt: &BlockText, k: usize) -> bool {
    k >= 2
        && [k - 2, k]
            .iter()
            .all(|&x| bt.toks[x].kind == TokenKind::Number)
        && matches!(bt.s(k - 1), "-" | "\u{2013}")
        && !bt.toks[k - 1].space_before
        && !bt.toks[k].space_before
}

/// A four-digit year ("2016").
pub fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (b"12".contains(&s.as_bytes()[0]))
}

/// The event noun at `i`: a multi-word one first, then a single one; its end.
fn noun(bt: &BlockText, i: usize) -> Option<(usize, EventNoun)> {
    let lex = bt.lex;
    let n = bt.len();
    if lex.event_phrase_starts.contains(bt.lc(i).as_ref()) {
        for (phrase, ev) in &lex.event_phrases {
            let m = phrase.len();
            if i + m <= n && (0..m).all(|x| bt.lc(i + x) == phrase[x]) {
                return Some((i + m, *ev));
            }
        }
    }
    lex.event_nouns
        .get(bt.lc(i).as_ref())
        .map(|ev| (i + 1, *ev))
}

/// A number with one of the profile's ordinal endings ("6e", "1er", "5th").
pub fn is_numeric_ordinal(bt: &BlockText, s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && bt.lex.ordinal_suffixes.contains(&&s[digits..])
}
