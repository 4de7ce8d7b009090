//! The reader's corrections to the extractor: relabel, rename, merge, hide, split
//! and add entities. [`apply`](super::apply()) is the pure function that turns the
//! extractor's entities into the corrected ones.
//!
//! A correction never names an entity by the extractor's id (`e7` changes as soon
//! as the extractor does): it names it by one of its mentions, recorded like a
//! highlight, as a byte position and the exact text with up to 32 characters of
//! context ([`Selector`]). When the correction applies, the mention is found again
//! in the article as it is now with the same re-anchoring as highlights
//! ([`super::anchor`]), and the entity is the one holding that mention (the exact
//! span, else a mention covering at least half of it). So corrections survive both
//! a new extractor and an edited article; one whose mention cannot be found is
//! kept, reported ([`Applied::unresolved`](super::Applied::unresolved)) and tried
//! again next time, never dropped.
//!
//! Corrections apply in the order they were made, each to the result of the ones
//! before it. Entities end in order of first mention, renumbered `e1`, `e2`, ...;
//! each entity a correction touched carries an evidence line starting with
//! [`CORRECTED`] (see [`is_corrected`]), which `--explain` shows and the exports
//! use to mark it.

use super::anchor::anchor;
use super::model::{Position, Quote};
use crate::{Article, Entity, EntityKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::ops::Range;

/// The start of the evidence line of every entity a correction touched.
pub const CORRECTED: &str = "corrected by the reader: ";

/// Whether the reader corrected this entity (it carries a [`CORRECTED`] line).
pub fn is_corrected(e: &Entity) -> bool {
    e.evidence.iter().any(|w| w.starts_with(CORRECTED))
}

/// A mention as a correction records it: where it was (UTF-8 bytes) and what it
/// said, with context, exactly like a highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selector {
    pub position: Position,
    pub quote: Quote,
}

impl Selector {
    /// The selector of `range` in `text` (character boundaries).
    pub fn of(text: &str, range: Range<usize>) -> Selector {
        Selector {
            position: Position {
                start: range.start,
                end: range.end,
            },
            quote: Quote::of(text, range),
        }
    }

    /// Where the mention is in `text` now, if it can be found.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        anchor(text, self.position, &self.quote).map(|(r, _)| r)
    }
}

/// What a correction does. `entity` is the entity holding that mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Change {
    /// Another kind.
    Relabel { entity: Selector, kind: EntityKind },
    /// Another name (kept through later merges).
    Rename { entity: Selector, name: String },
    /// Two entities become one, with the fuller name.
    Merge { entity: Selector, with: Selector },
    /// A wrong entity: listed apart, not shown in the text, not exported.
    Hide { entity: Selector },
    /// One mention leaves its entity and becomes an entity of its own, of the same kind.
    Split { mention: Selector },
    /// The mention's text becomes an entity of this kind; so does every other
    /// occurrence of the text as whole words (see [`apply`]).
    Add { mention: Selector, kind: EntityKind },
}

impl Change {
    /// Every selector of the change.
    pub fn selectors_mut(&mut self) -> Vec<&mut Selector> {
        match self {
            Change::Relabel { entity, .. }
            | Change::Rename { entity, .. }
            | Change::Hide { entity } => vec![entity],
            Change::Merge { entity, with } => vec![entity, with],
            Change::Split { mention } | Change::Add { mention, .. } => vec![mention],
        }
    }
}

/// One correction as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Unique across processes: `c` + time + process + counter.
    pub id: String,
    #[serde(flatten)]
    pub change: Change,
    /// RFC 3339 UTC.
    pub created: String,
}

/// A stored correction, or one this build does not understand (written by a later
/// glose): kept as it is and written back unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    Known(Correction),
    Unknown(Value),
}

impl Entry {
    pub fn id(&self) -> Option<&str> {
        match self {
            Entry::Known(c) => Some(&c.id),
            Entry::Unknown(v) => v.get("id").and_then(Value::as_str),
        }
    }

    pub fn known(&self) -> Option<&Correction> {
        match self {
            Entry::Known(c) => Some(c),
            Entry::Unknown(_) => None,
        }
    }
}

/// The corrections stored for an article (in `$GLOSE_DATA_DIR` or the XDG data
/// dir), read without changing anything on disk; a problem is one line for the
/// user, and then there are none.
pub fn stored(article: &Article) -> (Vec<Entry>, Option<String>) {
    if article.path == "-" {
        return (Vec::new(), None);
    }
    let dir = match super::store::data_dir() {
        Ok(d) => d,
        Err(_) => return (Vec::new(), None),
    };
    let hash = super::store::content_hash(&article.text);
    match super::Store::peek(&dir, std::path::Path::new(&article.path), &hash) {
        Ok(Some(doc)) => (doc.corrections, None),
        Ok(None) => (Vec::new(), None),
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}
