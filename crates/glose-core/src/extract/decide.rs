//! *decide*: what each candidate is, from its score. One kind per form per article
//! (the votes of a form's mentions are pooled, so "Lula" is a person everywhere once
//! the article says so); an event candidate is kept when its log-odds say event; a
//! name inside an event phrase that starts where the phrase starts is that phrase's
//! mention, not a second event.

use super::link::Group;
use super::merge::{EventForms, Keys, Names, PlacedEvent, Votes, NO_KEY};
use crate::{Entity, EntityKind, Mention};

/// One group per surface form, pooling the votes of its mentions: each mention's own
/// log-odds plus its form's document features (`doc[key]`).
pub fn forms(names: &Names, votes: &Votes, doc: &[[f32; 4]], mut keys: Keys) -> Vec<Group> {
    let mut groups: Vec<Group> = keys
        .take()
        .map(|(key, feats, acronym_of)| Group {
            key,
            votes: [0.0; 4],
            evidence: Vec::new(),
            feats,
            first: None,
            count: 0,
            into: None,
            acronym_of: (acronym_of != NO_KEY).then_some(acronym_of as usize),
        })
        .collect();
    for (i, p) in names.iter().enumerate() {
        let gr = &mut groups[p.key as usize];
        let mut v = votes.rows[p.votes as usize];
        for (v, a) in v.iter_mut().zip(doc[p.key as usize]) {
            *v += a;
        }
        for (g, v) in gr.votes.iter_mut().zip(v) {
            *g += v;
        }
        gr.first.get_or_insert(i as u32);
        gr.count += 1;
    }
    groups
}

/// The event candidates whose log-odds say event.
pub fn events(events: Vec<PlacedEvent>, forms: &EventForms) -> Vec<PlacedEvent> {
    events
        .into_iter()
        .filter(|e| is_event(&forms.get(e).score))
        .collect()
}

/// Whether an event candidate's log-odds say event ([`events`]).
pub fn is_event(score: &[f32; 4]) -> bool {
    score[3] > 0.0
}

/// A name taken as an event inside an event phrase ("Grève" in "Grève à la SNCF")
/// is that phrase's mention, not an event of its own: such mentions leave the name
/// entities (and an entity left with none goes).
pub fn overlaps(entities: &mut Vec<Entity>, events: &[Entity]) {
    let mut spans: Vec<Mention> = events
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    spans.sort();
    let covered = |m: &Mention| {
        // Spans sorted by start: the few that start before `m` ends and near it.
        let i = spans.partition_point(|s| s.start < m.end);
        spans[i.saturating_sub(8)..i].iter().any(|s| s.overlaps(m))
    };
    let starts: rustc_hash::FxHashSet<usize> = spans.iter().map(|s| s.start).collect();
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Event) {
        e.mentions
            .retain(|m| !(starts.contains(&m.start) && covered(m)));
    }
    entities.retain(|e| !e.mentions.is_empty());
}
