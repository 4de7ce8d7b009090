//! Events: an event noun with the adjectives and complements that pin it down
//! ("invasion de l'Ukraine", "sommet des BRICS", "forum économique international").
//! The span runs from the noun (with a leading ordinal) to the end of its complement;
//! the article before it stays outside.

mod complement;
mod head;

use super::block::BlockText;
use super::classify::context_word;
use super::features::{Feats, FeatureSpace, F};
use super::names::NameCand;
use complement::Complement;
use head::{is_numeric_ordinal, Head};

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
    /// The names among `args`.
    pub names: Vec<String>,
    /// An ordinal identifies the event on its own ("6e étape").
    pub numbered: bool,
    pub feats: Feats,
}

/// The event-noun proposer: every event noun of the block with what pins it down
/// (a standalone noun, an ordinal, a name, a date, a complement, a pinning adjective).
pub fn find(bt: &BlockText, space: &FeatureSpace, names: &[NameCand]) -> Vec<EventCand> {
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
        let Some(head) = head::at(bt, i, names, &name_at) else {
            i += 1;
            continue;
        };
        let comp = complement::read(bt, &head, names, &name_at);
        match candidate(bt, space, names, &head, comp) {
            Some(c) => {
                // Event nouns inside this span are part of it ("premier round des négociations").
                i = c.1;
                out.push(c.0);
            }
            None => i += 1,
        }
    }
    out
}

/// The candidate a head and its complement make, with its features and past-the-last
/// token, when something pins it down.
fn candidate(
    bt: &BlockText,
    space: &FeatureSpace,
    names: &[NameCand],
    h: &Head,
    comp: Complement,
) -> Option<(EventCand, usize)> {
    let g = &bt.lex.event_grammar;
    let ev = h.ev;
    let plural = {
        let w = bt.lc(h.noun_end - 1);
        (w.ends_with('s') || w.ends_with('x')) && !bt.lex.grammar.is("pluralia", w.as_ref())
    };
    let generic = plural
        && g.generic_det.contains(&h.det.as_str())
        && !comp.has_name
        && !comp.has_date
        && ev.class != "election";
    // An ordinal picks one of a series out: "deuxième scrutin", "43e congrès".
    let pinned = ev.standalone
        || comp.relative
        || h.ordinal
        || h.premod > 0
        || comp.has_name
        || comp.has_date
        || comp.complements > 0
        || (comp.pinning_adj > 0 && (!plural || ev.class == "election"));
    if !pinned {
        return None;
    }
    // Where the span started before its head-final modifiers were read.
    let lead = h.start + h.premod;
    let mut feats = Feats::default();
    feats.add(F::EvBias);
    if let Some(id) = space.ev_class(ev.class) {
        feats.add_id(id);
    }
    let prev = (h.start > 0).then(|| h.start - 1);
    if let Some(id) = space.ev_prev(&context_word(bt, prev)) {
        feats.add_id(id);
    }
    for (yes, f) in [
        (comp.has_name, F::EvName),
        (comp.has_date, F::EvDate),
        (comp.complements > 0, F::EvComplement),
        (comp.complements > 1, F::EvComplements2),
        (comp.complements == 0 && comp.adjectives > 0, F::EvAdjective),
        (ev.standalone, F::EvStandalone),
        (plural, F::EvPlural),
        (generic, F::EvGeneric),
        (lead < h.noun, F::EvNumbered),
        (lead < h.noun && !bt.word(lead), F::EvQuoted),
        (h.premod > 0, F::EvPremod),
        (!h.premod_names.is_empty(), F::EvPremodName),
        (bt.toks[h.noun].cap, F::EvCapitalized),
        (h.noun_of, F::EvNounOf),
        (comp.relative, F::EvRelative),
        (
            comp.complements > 0 && !comp.has_name && !comp.has_date,
            F::EvCommonOnly,
        ),
        (h.top, F::EvTop),
    ] {
        if yes {
            feats.add(f);
        }
    }
    let mut head: Vec<String> = (h.noun..h.noun_end)
        .map(|x| bt.lc(x).into_owned())
        .collect();
    // "6e étape" twice is one stage: the ordinal is part of what identifies it.
    let numbered = lead + 1 == h.noun && is_numeric_ordinal(bt, bt.s(lead));
    if numbered {
        head.insert(0, bt.lc(h.start).into_owned());
    }
    // Names before the noun pin it down as those after it do ("Helsinki summit").
    let (mut args, mut arg_names) = (comp.args, comp.names);
    let years = h.premod_years.iter().cloned();
    for key in h
        .premod_names
        .iter()
        .rev()
        .map(|&k| names[k].key.clone())
        .chain(years)
    {
        args.push(key.clone());
        arg_names.push(key);
    }
    let cand = EventCand {
        start: bt.toks[h.start].start,
        end: bt.toks[comp.end - 1].end,
        class: ev.class,
        head: head.join(" "),
        args,
        names: arg_names,
        numbered,
        feats,
    };
    Some((cand, comp.end))
}
