//! What a notes file holds: the article it belongs to, highlights with their
//! selectors, and notes on entities. Pure data; see [`super::store`] for the file.

use super::corrections::{Correction, Entry};
use crate::EntityKind;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ops::Range;

/// The version of the notes file format this build writes. A file with a higher
/// version is read but never overwritten.
pub const SCHEMA_VERSION: u32 = 1;

/// Characters of context kept before and after a highlight's exact text.
pub const CONTEXT_CHARS: usize = 32;

/// The five highlight colours, in the order of the keys `1`-`5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl Color {
    pub const ALL: [Color; 5] = [
        Color::Yellow,
        Color::Green,
        Color::Blue,
        Color::Pink,
        Color::Purple,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Color::Yellow => "yellow",
            Color::Green => "green",
            Color::Blue => "blue",
            Color::Pink => "pink",
            Color::Purple => "purple",
        }
    }

    /// The colour of key `1`-`5` (`n` from 1).
    pub fn nth(n: usize) -> Option<Color> {
        Color::ALL.get(n.checked_sub(1)?).copied()
    }

    /// A CSS colour, for the W3C export's stylesheet.
    pub fn css(self) -> &'static str {
        match self {
            Color::Yellow => "#fff59d",
            Color::Green => "#c5e1a5",
            Color::Blue => "#90caf9",
            Color::Pink => "#f8bbd0",
            Color::Purple => "#ce93d8",
        }
    }
}

/// Where a highlight was, in UTF-8 bytes of the article file (the W3C
/// `TextPositionSelector`, in bytes rather than characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// What a highlight said, with context (the W3C `TextQuoteSelector`): the exact
/// text and up to [`CONTEXT_CHARS`] characters before and after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

impl Quote {
    /// The quote of `range` in `text` (a range on character boundaries).
    pub fn of(text: &str, range: Range<usize>) -> Quote {
        let exact = text.get(range.clone()).unwrap_or("").to_string();
        let before = text.get(..range.start).unwrap_or("");
        let after = text.get(range.end..).unwrap_or("");
        let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
        Quote {
            exact,
            prefix: before.chars().skip(skip).collect(),
            suffix: after.chars().take(CONTEXT_CHARS).collect(),
        }
    }
}

/// One highlight: a passage of the article, its colour and the reader's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Unique across processes: `h` + time + process + counter.
    pub id: String,
    #[serde(default)]
    pub color: Color,
    pub position: Position,
    pub quote: Quote,
    /// The note, possibly several lines; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// RFC 3339 UTC times.
    pub created: String,
    pub modified: String,
}

/// Which entity a note is about: by kind and name, the extractor's ids being
/// numbers that change when the extractor does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityKey {
    pub kind: EntityKind,
    pub name: String,
}

/// A note on an entity (written with `a` in the sidebar).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityNote {
    pub entity: EntityKey,
    pub note: String,
    pub created: String,
    pub modified: String,
}

/// The article a notes file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Canonical path of the article when the file was last written.
    pub path: String,
    /// `sha256:<hex>` of the article file's bytes when the file was last written.
    pub hash: String,
}

/// A notes file: everything the reader wrote about one article.
///
/// Nothing this build does not understand is dropped: fields it does not know
/// (written by a later one) are kept in `other`, a highlight's or an entity note's
/// unknown fields and whole entries it cannot read (a colour it does not know) in
/// `kept`, and all are written back unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "RawFile", into = "RawFile")]
pub struct NotesFile {
    pub schema: u32,
    pub article: ArticleRecord,
    pub highlights: Vec<Highlight>,
    pub entity_notes: Vec<EntityNote>,
    /// The reader's corrections to the extractor, in the order they were made.
    pub corrections: Vec<Entry>,
    pub other: BTreeMap<String, Value>,
    pub kept: Kept,
}

/// What a notes file holds that this build cannot read, kept to be written back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kept {
    /// Highlights that do not parse here (a later glose's colour, say).
    pub highlights: Vec<Value>,
    /// Entity notes that do not parse here.
    pub entity_notes: Vec<Value>,
    /// Unknown fields of highlights, by highlight id.
    pub highlight_fields: BTreeMap<String, Map<String, Value>>,
    /// Unknown fields of entity notes, by entity (`kind` and `name` as JSON).
    pub entity_note_fields: BTreeMap<String, Map<String, Value>>,
    /// Unknown fields of the article record.
    pub article_fields: Map<String, Value>,
}

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.highlights.is_empty() && self.entity_notes.is_empty()
    }
}

/// The file as it is on disk, entries still unparsed.
#[derive(Serialize, Deserialize)]
struct RawFile {
    #[serde(default)]
    schema: u32,
    #[serde(default)]
    article: Map<String, Value>,
    #[serde(default)]
    highlights: Vec<Value>,
    #[serde(default)]
    entity_notes: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<Entry>,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

const HIGHLIGHT_FIELDS: &[&str] = &[
    "id", "color", "position", "quote", "note", "created", "modified",
];
const ENTITY_NOTE_FIELDS: &[&str] = &["entity", "note", "created", "modified"];
const ARTICLE_FIELDS: &[&str] = &["path", "hash"];

/// Parses one entry; its fields `known` does not list are returned apart.
fn split<T: serde::de::DeserializeOwned>(
    value: Value,
    known: &[&str],
) -> Result<(T, Map<String, Value>), Value> {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(t) => {
            let extra = match value {
                Value::Object(map) => map
                    .into_iter()
                    .filter(|(k, _)| !known.contains(&k.as_str()))
                    .collect(),
                _ => Map::new(),
            };
            Ok((t, extra))
        }
        Err(_) => Err(value),
    }
}

/// `t` as a JSON object with `extra` fields added (its own fields win).
fn join<T: Serialize>(t: &T, extra: Option<&Map<String, Value>>) -> Value {
    let mut v = serde_json::to_value(t).unwrap_or(Value::Null);
    if let (Value::Object(map), Some(extra)) = (&mut v, extra) {
        for (k, x) in extra {
            map.entry(k.clone()).or_insert_with(|| x.clone());
        }
    }
    v
}

fn entity_key_id(key: &EntityKey) -> String {
    serde_json::to_string(key).unwrap_or_default()
}

impl From<RawFile> for NotesFile {
    fn from(raw: RawFile) -> NotesFile {
        let mut kept = Kept::default();
        let article = match split::<ArticleRecord>(Value::Object(raw.article), ARTICLE_FIELDS) {
            Ok((a, extra)) => {
                kept.article_fields = extra;
                a
            }
            Err(_) => ArticleRecord::default(),
        };
        let mut highlights = Vec::with_capacity(raw.highlights.len());
        for v in raw.highlights {
            match split::<Highlight>(v, HIGHLIGHT_FIELDS) {
                Ok((h, extra)) => {
                    if !extra.is_empty() {
                        kept.highlight_fields.insert(h.id.clone(), extra);
                    }
                    highlights.push(h);
                }
                Err(v) => kept.highlights.push(v),
            }
        }
        let mut entity_notes = Vec::with_capacity(raw.entity_notes.len());
        for v in raw.entity_notes {
            match split::<EntityNote>(v, ENTITY_NOTE_FIELDS) {
                Ok((n, extra)) => {
                    if !extra.is_empty() {
                        kept.entity_note_fields
                            .insert(entity_key_id(&n.entity), extra);
                    }
                    entity_notes.push(n);
                }
                Err(v) => kept.entity_notes.push(v),
            }
        }
        NotesFile {
            schema: raw.schema,
            article,
            highlights,
            entity_notes,
            corrections: raw.corrections,
            other: raw.other,
            kept,
        }
    }
}

impl From<NotesFile> for RawFile {
    fn from(doc: NotesFile) -> RawFile {
        let kept = &doc.kept;
        let article = match join(&doc.article, Some(&kept.article_fields)) {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let mut highlights: Vec<Value> = doc
            .highlights
            .iter()
            .map(|h| join(h, kept.highlight_fields.get(&h.id)))
            .collect();
        highlights.extend(kept.highlights.iter().cloned());
        let mut entity_notes: Vec<Value> = doc
            .entity_notes
            .iter()
            .map(|n| join(n, kept.entity_note_fields.get(&entity_key_id(&n.entity))))
            .collect();
        entity_notes.extend(kept.entity_notes.iter().cloned());
        RawFile {
            schema: doc.schema,
            article,
            highlights,
            entity_notes,
            corrections: doc.corrections,
            other: doc.other,
        }
    }
}

impl NotesFile {
    pub fn new(article: ArticleRecord) -> NotesFile {
        NotesFile {
            schema: SCHEMA_VERSION,
            article,
            ..NotesFile::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.highlights.is_empty()
            && self.entity_notes.is_empty()
            && self.corrections.is_empty()
            && self.other.is_empty()
            && self.kept.is_empty()
    }

    pub fn highlight(&self, id: &str) -> Option<&Highlight> {
        self.highlights.iter().find(|h| h.id == id)
    }

    pub fn entity_note(&self, key: &EntityKey) -> Option<&EntityNote> {
        self.entity_notes.iter().find(|n| &n.entity == key)
    }

    /// Applies one change.
    pub fn apply(&mut self, op: &Op) {
        match op {
            Op::PutHighlight(h) => match self.highlights.iter_mut().find(|x| x.id == h.id) {
                Some(x) => *x = h.clone(),
                None => self.highlights.push(h.clone()),
            },
            Op::DeleteHighlight(id) => self.highlights.retain(|h| &h.id != id),
            Op::PutEntityNote(n) => {
                match self.entity_notes.iter_mut().find(|x| x.entity == n.entity) {
                    Some(x) => *x = n.clone(),
                    None => self.entity_notes.push(n.clone()),
                }
            }
            Op::DeleteEntityNote(key) => self.entity_notes.retain(|n| &n.entity != key),
            Op::PutCorrection(c) => {
                let entry = Entry::Known(c.clone());
                match self
                    .corrections
                    .iter_mut()
                    .find(|x| x.id() == Some(c.id.as_str()))
                {
                    Some(x) => *x = entry,
                    None => self.corrections.push(entry),
                }
            }
            Op::DeleteCorrection(id) => self.corrections.retain(|x| x.id() != Some(id.as_str())),
        }
    }
}

/// One change to a notes file. Changes, not whole files, are what a writer
/// applies to the file as it is on disk, so two processes never undo each
/// other's work: the last change to the same highlight wins, nothing else is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Adds a highlight, or replaces the one with the same id.
    PutHighlight(Highlight),
    DeleteHighlight(String),
    PutEntityNote(EntityNote),
    DeleteEntityNote(EntityKey),
    /// Adds a correction at the end, or replaces the one with the same id.
    PutCorrection(Correction),
    DeleteCorrection(String),
}
