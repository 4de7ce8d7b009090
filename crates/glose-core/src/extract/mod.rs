//! Article -> entities: tokens, word lists, rules, events, alias merging.
//!
//! - `lexicon`: the embedded word lists and rule tables (`assets/`).
//! - `block`: one block's tokens and the facts rules ask about them.
//! - `names`: capitalized names found in a block (`span`: where one starts and ends;
//!   `classify`: votes for its kind from the lists and the cues around it).
//! - `events`: event nouns with the complement that pins them down.
//! - `merge`: one entity per thing: same forms, surnames, acronyms, events.

mod block;
mod classify;
mod events;
pub mod lexicon;
mod merge;
mod names;
mod span;

use crate::text::tokenize;
use crate::{Article, Entity};
use block::BlockText;
use merge::{Keys, Placed, PlacedEvent};

/// Finds the entities an article mentions, in order of first mention, each with its
/// mentions in text order and the evidence behind it.
pub fn extract(article: &Article) -> Vec<Entity> {
    let lex = lexicon::lexicon(article.language);
    let mut names: Vec<Placed> = Vec::new();
    let mut keys = Keys::default();
    let mut events = Vec::new();
    let mut list_id: u32 = 0;
    for block in &article.blocks {
        let display = block.display(&article.text);
        let bt = BlockText::new(&display.text, tokenize(&display.text), lex);
        let cands = names::find(&bt);
        for ev in events::find(&bt, &cands) {
            let (start, end) = (display.to_file(ev.start), display.to_file(ev.end));
            events.push(PlacedEvent {
                cand: ev,
                start,
                end,
            });
        }
        let mut prev_b: Option<usize> = None;
        let mut in_list = false;
        for c in cands {
            // Enumerations: names separated only by "," or "et".
            let gap: Vec<&str> = match prev_b {
                Some(pb) if pb < c.a && c.a - pb <= 2 => (pb..c.a).map(|j| bt.s(j)).collect(),
                _ => Vec::new(),
            };
            let parallel = matches!(gap.as_slice(), ["et", "de" | "d'" | "à" | "en" | "au"]);
            // "Vooruit, l'ex-Parti socialiste flamand": a second name in apposition.
            let apposition = matches!(gap.as_slice(), [",", "l'" | "le" | "la"]);
            let joined =
                parallel || matches!(gap.as_slice(), [","] | ["et"] | [",", "et"] | ["ou"]);
            if joined {
                if !in_list {
                    list_id += 1;
                    if let Some(last) = names.last_mut() {
                        let last: &mut Placed = last;
                        last.list = Some(list_id);
                    }
                }
                in_list = true;
            } else {
                in_list = false;
            }
            prev_b = Some(c.b);
            let (start, end) = (display.to_file(c.start), display.to_file(c.end));
            let single = c.b - c.a == 1;
            let acronym_of = c.acronym_of.map(|k| keys.intern(k));
            let key = keys.intern(c.key);
            keys.add_evidence(key, c.evidence);
            names.push(Placed {
                key,
                votes: c.votes,
                single,
                start,
                end,
                acronym_of,
                list: in_list.then_some(list_id),
                parallel,
                apposition,
            });
        }
    }
    merge::resolve(&article.text, names, keys, events)
}
