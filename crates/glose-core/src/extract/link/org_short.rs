//! An organization's short form joins its full name: "Parti radical" after "Parti
//! radical de gauche", "Lambert" after "Lambert Industries", when the article holds
//! one organization only that it starts.

use super::{join_all, Group};
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

pub fn link(groups: &mut [Group]) {
    let org = |g: &Group| g.kind() == Some(EntityKind::Organization);
    // Every word-boundary beginning of each multi-word organization name; a beginning
    // two organizations share is ambiguous and joins neither.
    let mut starts: HashMap<&str, Option<usize>> = HashMap::default();
    for (f, gr) in groups.iter().enumerate() {
        if !org(gr) || !gr.multiword() || gr.into.is_some() {
            continue;
        }
        for (i, _) in gr.key.match_indices(' ') {
            starts
                .entry(&gr.key[..i])
                .and_modify(|v| {
                    if *v != Some(f) {
                        *v = None
                    }
                })
                .or_insert(Some(f));
        }
    }
    let mut joins = Vec::new();
    for (g, gr) in groups.iter().enumerate() {
        if gr.into.is_some() || !org(gr) {
            continue;
        }
        if let Some(Some(f)) = starts.get(gr.key.as_str()) {
            joins.push((g, *f));
        }
    }
    join_all(groups, joins, "short form of");
}
