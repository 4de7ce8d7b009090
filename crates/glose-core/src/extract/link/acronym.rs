//! An acronym joins its expansion: the one the article defined ("Cour pénale
//! internationale (CPI)"), else the organization or place name whose initials it
//! spells, with or without periods ("UAE", "U.S." -> "United States").

use super::{join, Group};
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::Names;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

pub fn link(text: &str, names: &Names, groups: &mut [Group], lex: &Lexicon) {
    let skip = lex.grammar.words("acronym_skip");
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    // Organizations first: of an organization and a place with the same initials,
    // the acronym is the organization's, as before places were looked at.
    for kind in [EntityKind::Organization, EntityKind::Place] {
        for (g, gr) in groups.iter().enumerate() {
            if gr.kind() == Some(kind) && gr.multiword() {
                by_initials.entry(initials(&gr.key, skip)).or_insert(g);
            }
        }
    }
    for g in 0..groups.len() {
        let Some(m) = groups[g].first else {
            continue;
        };
        let first = &names[m as usize];
        let is_acr = first.single
            && text[first.start..first.end()]
                .chars()
                .all(|c| !c.is_lowercase());
        let target = match groups[g].acronym_of {
            Some(k) => Some(k),
            None if is_acr && groups[g].key.len() >= 2 => {
                let key = &groups[g].key;
                if key.contains('.') {
                    by_initials.get(&key.replace('.', "")).copied()
                } else {
                    by_initials.get(key).copied()
                }
            }
            None => None,
        };
        if let Some(t) = target.filter(|&t| t != g) {
            let why = format!("acronym of \"{}\"", groups[t].key);
            join(groups, g, t, why);
        }
    }
}

/// The initials of a folded name, without the profile's `acronym_skip` words.
pub fn initials(key: &str, skip: &[&str]) -> String {
    key.split([' ', '\''])
        .filter(|w| !w.is_empty() && !skip.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}
