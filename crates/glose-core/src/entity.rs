//! The entity model every part of glose shares: what the extractor produces, what
//! the reader lists and highlights, what the exports name.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The four kinds of things glose recognises (see `GUIDELINES.md` in the eval kit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Event,
}

impl EntityKind {
    /// In the order the sidebar and the text listing show them.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Event,
    ];

    /// The name used in JSON (`person`, `place`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Event => "event",
        }
    }

    /// A plural heading for lists: "People", "Places", ...
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Place => "Places",
            EntityKind::Organization => "Organizations",
            EntityKind::Event => "Events",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One occurrence of an entity: UTF-8 byte offsets into the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

impl Mention {
    pub fn new(start: usize, end: usize) -> Mention {
        Mention { start, end }
    }

    /// The mention's text in `source` (the whole file's text).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    pub fn overlaps(&self, other: &Mention) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One thing in the world and all its mentions in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable within one extraction: `e1`, `e2`, ... in order of first mention.
    pub id: String,
    pub kind: EntityKind,
    /// The fullest form seen in the article.
    pub name: String,
    /// In text order, never overlapping each other.
    pub mentions: Vec<Mention>,
    /// Why the extractor made this entity and chose its kind (`--explain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

impl Entity {
    pub fn first_offset(&self) -> usize {
        self.mentions.first().map_or(usize::MAX, |m| m.start)
    }
}
