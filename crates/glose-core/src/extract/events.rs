//! Events: an event noun with the adjectives and complements that pin it down
//! ("invasion de l'Ukraine", "sommet des BRICS", "forum économique international").
//! The span runs from the noun (with a leading ordinal) to the end of its complement;
//! the article before it stays outside.

use super::block::BlockText;
use super::classify::context_word;
use super::features::{Feats, FeatureSpace, F};
use super::names::NameCand;

#[derive(Debug, Clone)]
pub struct EventCand {
    pub start: usize,
    pub end: usize,
    /// The event noun's class ("war", "summit"): mentions of one class about the
    /// same thing are one event.
    pub class: &'static str,
    /// The head noun as written, lowercase ("invasion", "mandat d'arrêt").
    pub head: String,
    /// Keys of the names in the complement, and folded lowercase argument nouns.
    pub args: Vec<String>,
    /// An ordinal identifies the event on its own ("6e étape").
    pub numbered: bool,
    pub feats: Feats,
}

pub fn find(bt: &BlockText, space: &FeatureSpace, names: &[NameCand]) -> Vec<EventCand> {
    let lex = bt.lex;
    let g = &lex.event_grammar;
    let n = bt.len();
    // The name starting at each token, so complements find theirs in one step.
    let mut name_at: Vec<Option<usize>> = vec![None; n + 1];
    for (k, c) in names.iter().enumerate() {
        if name_at[c.a].is_none() {
            name_at[c.a] = Some(k);
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !bt.word(i) || bt.toks[i].cap && !bt.initial[i] {
            i += 1;
            continue;
        }
        // A capitalized named event ("Festival de Cannes") is found by the name pass.
        if bt.toks[i].cap && name_at[i].is_some_and(|k| names[k].b - names[k].a >= 2) {
            i += 1;
            continue;
        }
        // Most words are not event nouns: one lookup settles it.
        if bt.s(i).len() < 3 || !lex.event_words.contains(bt.lc(i).as_ref()) {
            i += 1;
            continue;
        }
        // The head: a multi-word event noun first, then a single one.
        let mut head_end = 0;
        let mut noun = None;
        let phrases: &[(Vec<&str>, _)] = if lex.event_phrase_starts.contains(bt.lc(i).as_ref()) {
            &lex.event_phrases
        } else {
            &[]
        };
        for (phrase, ev) in phrases {
            let m = phrase.len();
            if i + m <= n && (0..m).all(|x| bt.lc(i + x) == phrase[x]) {
                head_end = i + m;
                noun = Some(*ev);
                break;
            }
        }
        if noun.is_none() {
            if let Some(ev) = lex.event_nouns.get(bt.lc(i).as_ref()) {
                head_end = i + 1;
                noun = Some(*ev);
            }
        }
        let Some(ev) = noun else {
            i += 1;
            continue;
        };
        // "d'accord", "cellule de crise": a bare noun complement is not an event.
        if !ev.standalone && i > 0 && lex.grammar.is("noun_of", bt.lc(i - 1).as_ref()) {
            i += 1;
            continue;
        }
        // "au sommet de" is a place ("at the top of"), not a summit.
        if i > 0
            && lex.grammar.is("top_noun", bt.lc(i).as_ref())
            && lex.grammar.is("top_prep", bt.lc(i - 1).as_ref())
        {
            i += 1;
            continue;
        }
        // Quotes around the noun: «déportation» d'enfants.
        let mut start_tok = i;
        let mut k = head_end;
        if i > 0 && matches!(bt.s(i - 1), "«" | "\"") && !bt.toks[i].space_before {
            start_tok = i - 1;
            if k < n && matches!(bt.s(k), "»" | "\"") {
                k += 1;
            }
        }
        // An ordinal right before: "6e étape", "premier round", "première motion".
        let ordinal = start_tok > 0
            && (bt.is(start_tok - 1, &g.ordinal) || is_numeric_ordinal(bt, bt.s(start_tok - 1)))
            && bt.spaced(start_tok - 1);
        if ordinal {
            start_tok -= 1;
        }
        let det = if start_tok > 0 {
            bt.lc(start_tok - 1)
        } else {
            "".into()
        };
        let mut adjectives = 0;
        let mut pinning_adj = 0;
        while k < n && bt.spaced(k - 1) && bt.adjective(k) {
            adjectives += 1;
            if !bt.is(k, &g.vague) {
                pinning_adj += 1;
            }
            k += 1;
        }
        let mut args = Vec::new();
        let mut has_name = false;
        let mut has_date = false;
        let mut complements = 0;
        let mut end_tok = k;
        // A meeting's partner: "rencontre avec ...".
        let with = lex.grammar.words("with");
        let meeting = ev.class == "meeting";
        let is_prep = |k: usize| bt.is(k, &g.prep) || (meeting && bt.is(k, with));
        let between = |p: &str| lex.grammar.is("between", p);
        while complements < 3 && k < n && bt.spaced(k - 1) && is_prep(k) {
            let prep = bt.lc(k);
            let mut c = k + 1;
            if c < n && bt.is(c, &g.det) && !bt.toks[c].cap {
                c += 1;
            }
            if c >= n {
                break;
            }
            // ordinal inside the noun phrase: "de la 76e édition"
            if is_numeric_ordinal(bt, bt.s(c)) {
                c += 1;
            }
            let is_number = |j: usize| j < n && bt.toks[j].kind == crate::text::TokenKind::Number;
            let is_month = |j: usize| j < n && bt.lex.months.contains(bt.lc(j).as_ref());
            if is_number(c) && (is_month(c + 1) || bt.s(c).len() == 4) {
                // A date: "du 6 février", "de 2010".
                args.push(bt.s(c).to_string());
                has_date = true;
                c += 1;
                if is_month(c) {
                    c += 1;
                    if is_number(c) {
                        c += 1;
                    }
                }
            } else if let Some(nm) = name_at[c].map(|k| &names[k]) {
                // Even a name the name pass left unclassified pins the event down.
                args.push(nm.key.clone());
                has_name = true;
                c = nm.b;
            } else if c < n && bt.namelike(c) && !bt.is_function(c) {
                // A capitalized word the name pass left out ("Covid-19").
                args.push(super::lexicon::fold(bt.s(c)));
                has_name = true;
                c += 1;
            } else if c < n && (bt.lex.months.contains(bt.lc(c).as_ref()) || bt.is(c, &g.day)) {
                // "élections de juin", "le débat de mardi".
                args.push(bt.lc(c).into_owned());
                has_date = true;
                c += 1;
                if c < n && bt.toks[c].kind == crate::text::TokenKind::Number {
                    c += 1;
                }
            } else if c < n
                && bt.word(c)
                && !bt.toks[c].cap
                && !bt.toks[c].elision
                && !bt.is_function(c)
                && !is_verbish(bt, bt.s(c))
                && !between(&prep)
                && !is_gerund(bt, &prep, bt.s(c))
            {
                // Adjectives that come before the noun: "l'ancien maire", "la nouvelle loi".
                if bt.is(c, &g.prenominal)
                    && c + 1 < n
                    && bt.word(c + 1)
                    && !bt.toks[c + 1].cap
                    && !bt.is_function(c + 1)
                {
                    c += 1;
                }
                args.push(bt.lc(c).into_owned());
                c += 1;
                while c < n && bt.spaced(c - 1) && bt.adjective(c) {
                    c += 1;
                }
            } else {
                break;
            }
            // "entre le Hezbollah et Israël"
            if between(&prep) && lex.grammar.is("and", bt.lc(c).as_ref()) {
                let mut d = c + 1;
                if bt.is(d, &g.det) {
                    d += 1;
                }
                if let Some(nm) = name_at.get(d).copied().flatten().map(|k| &names[k]) {
                    args.push(nm.key.clone());
                    c = nm.b;
                }
            }
            k = c;
            end_tok = c;
            complements += 1;
        }
        let plural = {
            let h = bt.lc(head_end - 1);
            (h.ends_with('s') || h.ends_with('x')) && !lex.grammar.is("pluralia", h.as_ref())
        };
        let generic = plural
            && g.generic_det.contains(&det.as_ref())
            && !has_name
            && !has_date
            && ev.class != "election";
        // An ordinal picks one of a series out: "deuxième scrutin", "43e congrès".
        let pinned = ev.standalone
            || ordinal
            || has_name
            || has_date
            || complements > 0
            || (pinning_adj > 0 && (!plural || ev.class == "election"));
        if pinned {
            let mut feats = Feats::default();
            feats.add(F::EvBias);
            if let Some(id) = space.ev_class(ev.class) {
                feats.add_id(id);
            }
            let prev = (start_tok > 0).then(|| start_tok - 1);
            if let Some(id) = space.ev_prev(&context_word(bt, prev)) {
                feats.add_id(id);
            }
            for (yes, f) in [
                (has_name, F::EvName),
                (has_date, F::EvDate),
                (complements > 0, F::EvComplement),
                (complements > 1, F::EvComplements2),
                (complements == 0 && adjectives > 0, F::EvAdjective),
                (ev.standalone, F::EvStandalone),
                (plural, F::EvPlural),
                (generic, F::EvGeneric),
                (start_tok < i, F::EvNumbered),
                (start_tok < i && !bt.word(start_tok), F::EvQuoted),
                (bt.toks[i].cap, F::EvCapitalized),
            ] {
                if yes {
                    feats.add(f);
                }
            }
            let mut head: Vec<String> = (i..head_end).map(|x| bt.lc(x).into_owned()).collect();
            // "6e étape" twice is one stage: the ordinal is part of what identifies it.
            let numbered = start_tok + 1 == i && is_numeric_ordinal(bt, bt.s(start_tok));
            if numbered {
                head.insert(0, bt.lc(start_tok).into_owned());
            }
            out.push(EventCand {
                start: bt.toks[start_tok].start,
                end: bt.toks[end_tok - 1].end,
                class: ev.class,
                head: head.join(" "),
                args,
                numbered,
                feats,
            });
            // Event nouns inside this span are part of it ("premier round des négociations").
            i = end_tok;
            continue;
        }
        i += 1;
    }
    out
}

/// A number with one of the profile's ordinal endings ("6e", "1er", "5th").
fn is_numeric_ordinal(bt: &BlockText, s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && bt.lex.ordinal_suffixes.contains(&&s[digits..])
}

/// Infinitives and finite verbs are not complements ("pour instaurer"): the
/// profile's `verb` words and `infinitive` endings (but not `infinitive_not`).
fn is_verbish(bt: &BlockText, s: &str) -> bool {
    let g = &bt.lex.grammar;
    g.is("verb", s)
        || s.chars().count() > 5
            && g.words("infinitive").iter().any(|e| {
                s.ends_with(e) && !g.words("infinitive_not").iter().any(|x| s.ends_with(x))
            })
}

/// "en visant": the gerund's preposition before a present participle.
fn is_gerund(bt: &BlockText, prep: &str, s: &str) -> bool {
    let g = &bt.lex.grammar;
    g.is("gerund", prep) && g.words("gerund_ending").iter().any(|e| s.ends_with(e))
}
