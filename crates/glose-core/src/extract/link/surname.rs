//! Surnames and shorter forms join the full person name ("Poutine" -> "Vladimir
//! Poutine"), and so does a first name alone ("Roger" -> "Roger Federer": a quote
//! calls a person by it). Every word-boundary ending and the first word of each full
//! name are indexed; a form shared by two people is ambiguous and joins neither.

use super::{join_all, root, Group};
use crate::extract::features::F;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

pub fn link(groups: &mut [Group]) {
    let mut endings: HashMap<&str, Option<usize>> = HashMap::default();
    let mut firsts: HashMap<&str, Option<usize>> = HashMap::default();
    for (g, gr) in groups.iter().enumerate() {
        if gr.kind() != Some(EntityKind::Person) || !gr.multiword() {
            continue;
        }
        // A misspelt full name stands for the person it joined ("Darmanin" ends both
        // "Gérald Darmanin" and its slip "Gérlad Darmanin": one person).
        let r = root(groups, g);
        let f = if groups[r].kind() == Some(EntityKind::Person) {
            r
        } else {
            g
        };
        for (i, _) in gr.key.match_indices(' ') {
            only(&mut endings, &gr.key[i + 1..], f);
        }
        if let Some((first, _)) = gr.key.split_once(' ') {
            only(&mut firsts, first, f);
        }
    }
    let mut joins = Vec::new();
    for (g, gr) in groups.iter().enumerate() {
        let full_person = gr.multiword() && gr.kind() == Some(EntityKind::Person);
        // A form the article itself calls a place or an organization stays one. The
        // votes are summed over the form's mentions: the margin is per mention, or the
        // person the article names most often would be the one left unjoined.
        let person = gr.votes[EntityKind::Person as usize];
        let margin = 2.0 * gr.count.max(1) as f32;
        let strong_other = [EntityKind::Place, EntityKind::Organization]
            .iter()
            .any(|&k| gr.votes[k as usize] > person + margin);
        if gr.into.is_some() || full_person || strong_other {
            continue;
        }
        if let Some(Some(f)) = endings.get(gr.key.as_str()) {
            joins.push((g, *f));
        } else if gr.feats.has(F::FirstNameAlone) && !gr.multiword() {
            if let Some(Some(f)) = firsts.get(gr.key.as_str()) {
                joins.push((g, *f));
            }
        }
    }
    join_all(groups, joins, "surname of");
}

/// Indexes form `k` of person `f`; a form two people share maps to `None`.
fn only<'a>(m: &mut HashMap<&'a str, Option<usize>>, k: &'a str, f: usize) {
    m.entry(k)
        .and_modify(|v| {
            if *v != Some(f) {
                *v = None
            }
        })
        .or_insert(Some(f));
}
