//! A named event's short form: a lone weak "Tour" after "Tour de France" is that
//! event.

use super::Group;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

pub fn link(groups: &mut [Group]) {
    let mut event_first: HashMap<String, usize> = HashMap::default();
    for (f, gr) in groups.iter().enumerate() {
        if gr.kind() == Some(EntityKind::Event) && gr.multiword() {
            if let Some(w) = gr.key.split(' ').next() {
                event_first.entry(w.to_string()).or_insert(f);
            }
        }
    }
    for gr in groups.iter_mut() {
        let weak = gr.votes.iter().all(|&v| v < 1.0);
        if gr.into.is_some() || gr.multiword() || !weak {
            continue;
        }
        if let Some(&f) = event_first.get(&gr.key) {
            gr.into = Some(f);
        }
    }
}
