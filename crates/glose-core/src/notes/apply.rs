//! [`apply`](super::apply()): the pure function that turns the extractor's entities into the
//! corrected ones, applying the reader's corrections in the order they were made.
//! See [`super::corrections`] for how a correction names what it corrects.

use super::corrections::{Change, Correction, Entry, Selector, CORRECTED};
use crate::{Article, Entity, EntityKind, Mention};
use std::ops::Range;
/// The corrected entities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Shown entities, in order of first mention, ids `e1`, `e2`, ...
    pub entities: Vec<Entity>,
    /// For each of `entities`: whether a correction touched it.
    pub corrected: Vec<bool>,
    /// Hidden entities, in order of first mention, ids `x1`, `x2`, ...
    pub hidden: Vec<Entity>,
    /// For each of `hidden`: the ids of the corrections that hide it.
    pub hidden_by: Vec<Vec<String>>,
    /// Ids of the corrections that found nothing to act on (their mention is not
    /// in the text any more, or no entity holds it), and of those this build does
    /// not understand. They are kept and tried again every time.
    pub unresolved: Vec<String>,
}

/// An entity while corrections apply.
#[derive(Debug, Clone)]
struct Work {
    kind: EntityKind,
    name: String,
    mentions: Vec<Mention>,
    evidence: Vec<String>,
    corrected: bool,
    renamed: bool,
    relabelled: bool,
    hidden_by: Vec<String>,
}

impl Work {
    fn note(&mut self, what: String) {
        self.corrected = true;
        self.evidence.push(format!("{CORRECTED}{what}"));
    }

    fn holds(&self, r: &Range<usize>) -> bool {
        self.mentions
            .iter()
            .any(|m| m.start == r.start && m.end == r.end)
    }
}

/// A name from a mention's text: white space (line breaks) made single spaces.
fn name_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlap(a: &Mention, r: &Range<usize>) -> usize {
    a.end.min(r.end).saturating_sub(a.start.max(r.start))
}

/// The entity holding the mention `r`: the exact span (a shown entity before a
/// hidden one), else the mention that shares at least half of the longer of the two.
fn find(work: &[Work], r: &Range<usize>) -> Option<usize> {
    let exact = |hidden: bool| {
        work.iter()
            .position(|w| w.hidden_by.is_empty() != hidden && w.holds(r))
    };
    if let Some(i) = exact(false).or_else(|| exact(true)) {
        return Some(i);
    }
    let mut best: Option<(usize, bool, usize)> = None;
    for (i, w) in work.iter().enumerate() {
        for m in &w.mentions {
            let o = overlap(m, r);
            let longer = (m.end - m.start).max(r.end - r.start);
            if o * 2 < longer || o == 0 {
                continue;
            }
            let key = (o, w.hidden_by.is_empty());
            if best.is_none_or(|(bo, bs, _)| key > (bo, bs)) {
                best = Some((o, w.hidden_by.is_empty(), i));
            }
        }
    }
    best.map(|(_, _, i)| i)
}

/// Sorted, without duplicates, never overlapping (the earlier, longer one stays).
fn tidy(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if kept.last().is_none_or(|last| last.end <= m.start) {
            kept.push(m);
        }
    }
    *mentions = kept;
}

/// Characters that continue a word: an occurrence next to one is part of a longer word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn whole_word(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Applies corrections to the extractor's entities of `text`. Added entities find
/// their other occurrences anywhere in `text`; see [`apply_article`] to keep them
/// to the article's shown text.
pub fn apply(text: &str, raw: &[Entity], corrections: &[Entry]) -> Applied {
    apply_within(text, raw, corrections, None)
}

/// [`apply`] for an article: other occurrences of added text count only inside
/// its blocks (not in front matter or markup lines).
pub fn apply_article(article: &Article, raw: &[Entity], corrections: &[Entry]) -> Applied {
    let blocks: Vec<Range<usize>> = article.blocks.iter().map(|b| b.range.clone()).collect();
    apply_within(&article.text, raw, corrections, Some(&blocks))
}

fn apply_within(
    text: &str,
    raw: &[Entity],
    corrections: &[Entry],
    blocks: Option<&[Range<usize>]>,
) -> Applied {
    let mut work: Vec<Work> = raw
        .iter()
        .map(|e| Work {
            kind: e.kind,
            name: e.name.clone(),
            mentions: e.mentions.clone(),
            evidence: e.evidence.clone(),
            corrected: false,
            renamed: false,
            relabelled: false,
            hidden_by: Vec::new(),
        })
        .collect();
    let mut unresolved = Vec::new();
    for entry in corrections {
        let Some(c) = entry.known() else {
            unresolved.extend(entry.id().map(str::to_string));
            continue;
        };
        if !correct(text, &mut work, c, blocks) {
            unresolved.push(c.id.clone());
        }
    }
    finish(work, unresolved)
}

/// Applies one correction; false when it found nothing to act on.
fn correct(
    text: &str,
    work: &mut Vec<Work>,
    c: &Correction,
    blocks: Option<&[Range<usize>]>,
) -> bool {
    let locate = |sel: &Selector, work: &[Work]| {
        let r = sel.find(text)?;
        find(work, &r).map(|i| (i, r))
    };
    match &c.change {
        Change::Relabel { entity, kind } => {
            let Some((i, _)) = locate(entity, work) else {
                return false;
            };
            let w = &mut work[i];
            if w.kind != *kind {
                let was = w.kind;
                w.kind = *kind;
                w.relabelled = true;
                w.note(format!("kind set to {kind} (was {was})"));
            }
        }
        Change::Rename { entity, name } => {
            let Some((i, _)) = locate(entity, work) else {
                return false;
            };
            let name = name_of(name);
            let w = &mut work[i];
            if !name.is_empty() && w.name != name {
                let was = std::mem::replace(&mut w.name, name.clone());
                w.renamed = true;
                w.note(format!("renamed “{name}” (was “{was}”)"));
            }
        }
        Change::Hide { entity } => {
            let Some((i, _)) = locate(entity, work) else {
                return false;
            };
            work[i].hidden_by.push(c.id.clone());
        }
        Change::Merge { entity, with } => {
            let (Some((a, _)), Some((b, _))) = (locate(entity, work), locate(with, work)) else {
                return false;
            };
            if a != b {
                merge(work, a, b);
            }
        }
        Change::Split { mention } => {
            let Some((i, r)) = locate(mention, work) else {
                return false;
            };
            let w = &mut work[i];
            if w.mentions.len() < 2 {
                return true; // the only mention: nothing to split off
            }
            // The mention found, else the one the fallback matched.
            let k = w
                .mentions
                .iter()
                .position(|m| m.start == r.start && m.end == r.end)
                .or_else(|| (0..w.mentions.len()).max_by_key(|&k| overlap(&w.mentions[k], &r)))
                .unwrap_or(0);
            let m = w.mentions.remove(k);
            let name = name_of(m.text(text));
            w.note(format!("“{name}” split off"));
            let mut new = Work {
                kind: w.kind,
                name: name.clone(),
                mentions: vec![m],
                evidence: Vec::new(),
                corrected: false,
                renamed: false,
                relabelled: false,
                hidden_by: Vec::new(),
            };
            new.note(format!("split off from “{}”", w.name));
            work.push(new);
        }
        Change::Add { mention, kind } => {
            let Some(r) = mention.find(text) else {
                return false;
            };
            add(text, work, r, *kind, blocks);
        }
    }
    true
}

fn merge(work: &mut Vec<Work>, a: usize, b: usize) {
    let (first, second) = (work[a].clone(), work[b].clone());
    // The name the reader gave wins; else the fuller one; else the first marked.
    let main_is_first = match (first.renamed, second.renamed) {
        (true, false) => true,
        (false, true) => false,
        _ => first.name.chars().count() >= second.name.chars().count(),
    };
    let (main, other) = if main_is_first {
        (&first, &second)
    } else {
        (&second, &first)
    };
    let kind = if other.relabelled && !main.relabelled {
        other.kind
    } else {
        main.kind
    };
    let mut mentions: Vec<Mention> = first
        .mentions
        .iter()
        .chain(&second.mentions)
        .copied()
        .collect();
    tidy(&mut mentions);
    let mut evidence = main.evidence.clone();
    evidence.extend(other.evidence.iter().cloned());
    let mut hidden_by = first.hidden_by.clone();
    hidden_by.extend(second.hidden_by.iter().cloned());
    let mut merged = Work {
        kind,
        name: main.name.clone(),
        mentions,
        evidence,
        corrected: false,
        renamed: first.renamed || second.renamed,
        relabelled: first.relabelled || second.relabelled,
        hidden_by,
    };
    merged.note(format!("merged with “{}”", other.name));
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    work.remove(hi);
    work[lo] = merged;
}

fn add(
    text: &str,
    work: &mut Vec<Work>,
    r: Range<usize>,
    kind: EntityKind,
    blocks: Option<&[Range<usize>]>,
) {
    let needle = &text[r.clone()];
    let inside_blocks = |o: &Range<usize>| match blocks {
        None => true,
        Some(bs) => {
            let i = bs.partition_point(|b| b.start <= o.start);
            i > 0 && o.end <= bs[i - 1].end
        }
    };
    // Shown mentions, with the kind of their entity, for the nesting rules.
    let shown: Vec<(Mention, EntityKind)> = work
        .iter()
        .filter(|w| w.hidden_by.is_empty())
        .flat_map(|w| w.mentions.iter().map(move |m| (*m, w.kind)))
        .collect();
    // Another occurrence joins unless it cuts into a mention already there: the
    // same span moves to the new entity; a name may sit inside an event.
    let fits = |o: &Range<usize>| {
        shown.iter().all(|(m, k)| {
            overlap(m, o) == 0
                || (m.start == o.start && m.end == o.end)
                || (*k == EntityKind::Event
                    && kind != EntityKind::Event
                    && m.start <= o.start
                    && o.end <= m.end)
        })
    };
    let mut spans = vec![r.clone()];
    if !needle.trim().is_empty() {
        spans.extend(
            text.match_indices(needle)
                .map(|(s, _)| s..s + needle.len())
                .filter(|o| *o != r && whole_word(text, o) && inside_blocks(o) && fits(o)),
        );
    }
    // Spans another entity had exactly move to the new one.
    for w in work.iter_mut() {
        let before = w.mentions.len();
        w.mentions
            .retain(|m| !spans.iter().any(|s| m.start == s.start && m.end == s.end));
        if w.mentions.len() != before {
            w.note(format!("“{}” given to a new entity", name_of(needle)));
        }
    }
    let mut mentions: Vec<Mention> = spans.iter().map(|s| Mention::new(s.start, s.end)).collect();
    tidy(&mut mentions);
    let mut new = Work {
        kind,
        name: name_of(needle),
        mentions,
        evidence: Vec::new(),
        corrected: false,
        renamed: false,
        relabelled: false,
        hidden_by: Vec::new(),
    };
    new.note(format!("added as {kind}"));
    work.push(new);
}

fn finish(work: Vec<Work>, unresolved: Vec<String>) -> Applied {
    let mut work: Vec<Work> = work
        .into_iter()
        .filter(|w| !w.mentions.is_empty())
        .map(|mut w| {
            tidy(&mut w.mentions);
            w
        })
        .collect();
    work.sort_by_key(|w| w.mentions[0].start);
    let mut out = Applied {
        unresolved,
        ..Applied::default()
    };
    for w in work {
        let hidden = !w.hidden_by.is_empty();
        let id = if hidden {
            format!("x{}", out.hidden.len() + 1)
        } else {
            format!("e{}", out.entities.len() + 1)
        };
        let e = Entity {
            id,
            kind: w.kind,
            name: w.name,
            mentions: w.mentions,
            evidence: w.evidence,
        };
        if hidden {
            out.hidden.push(e);
            out.hidden_by.push(w.hidden_by);
        } else {
            out.entities.push(e);
            out.corrected.push(w.corrected);
        }
    }
    out
}
