//! A club named by its town and a name ("Toronto Maple Leafs", "Manchester United"):
//! the name without the town ("Maple Leafs", "United") is the same organization, when
//! the article holds one such name that it ends.

use super::{join_all, Group};
use crate::extract::lexicon::Lexicon;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

pub fn link(groups: &mut [Group], lex: &Lexicon) {
    let org = |g: &Group| g.kind() == Some(EntityKind::Organization);
    // What follows a listed place that opens a multi-word organization name; an ending
    // two organizations share is ambiguous and joins neither.
    let mut tails: HashMap<&str, Option<usize>> = HashMap::default();
    for (f, gr) in groups.iter().enumerate() {
        if !org(gr) || !gr.multiword() || gr.into.is_some() {
            continue;
        }
        for (i, _) in gr.key.match_indices(' ') {
            if lex.places.contains_key(&gr.key[..i]) {
                tails
                    .entry(&gr.key[i + 1..])
                    .and_modify(|v| {
                        if *v != Some(f) {
                            *v = None
                        }
                    })
                    .or_insert(Some(f));
            }
        }
    }
    if tails.is_empty() {
        return;
    }
    let mut joins = Vec::new();
    for (g, gr) in groups.iter().enumerate() {
        // A listed place stays one ("London" after "London Fire Brigade" is the town).
        if gr.into.is_some() || lex.places.contains_key(gr.key.as_str()) {
            continue;
        }
        // A form the article itself calls a person or a place stays one.
        let v = &gr.votes;
        let org_vote = v[EntityKind::Organization as usize];
        let strong_other = [EntityKind::Person, EntityKind::Place]
            .iter()
            .any(|&k| v[k as usize] > org_vote + 2.0);
        if strong_other {
            continue;
        }
        if let Some(Some(f)) = tails.get(gr.key.as_str()) {
            if *f != g {
                joins.push((g, *f));
            }
        }
    }
    join_all(groups, joins, "a club's name without its town");
}
