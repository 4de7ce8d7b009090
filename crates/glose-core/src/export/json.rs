//! The same content as the Markdown export, as one JSON document.
//!
//! Schema (`"format": "glose-notes", "version": 1`), keys always present unless
//! marked optional:
//!
//! ```text
//! {
//!   "format": "glose-notes",
//!   "version": 1,
//!   "article": {
//!     "path": string,            // as given on the command line
//!     "title": string,
//!     "date": string | null,     // "2023", "2023-10" or "2023-10-05"
//!     "language": "fr" | "en",
//!     "hash": string             // "sha256:<hex>" of the file's bytes
//!   },
//!   "highlights": [{             // reading order, orphaned ones last
//!     "id": string,
//!     "color": "yellow" | "green" | "blue" | "pink" | "purple",
//!     "anchoring": "exact" | "context" | "fuzzy" | "orphaned",
//!     "start": int | null,       // UTF-8 byte offsets in the file; null when orphaned
//!     "end": int | null,
//!     "char_start": int | null,  // Unicode code point offsets (as in W3C selectors)
//!     "char_end": int | null,
//!     "text": string,            // the highlighted text (recorded quote when orphaned)
//!     "prefix": string,          // up to 32 characters before, as recorded
//!     "suffix": string,          // up to 32 characters after, as recorded
//!     "note": string | null,
//!     "created": string,         // RFC 3339, UTC
//!     "modified": string
//!   }],
//!   "entity_notes": [{
//!     "kind": "person" | "place" | "organization" | "event",
//!     "name": string,
//!     "entity": string | null,   // id in "entities", null if no longer found
//!     "note": string,
//!     "created": string,
//!     "modified": string
//!   }],
//!   "entities": [{               // the index, in order of first mention, with the
//!                                // reader's corrections applied (hidden ones left out)
//!     "id": string, "kind": string, "name": string, "mentions": int,
//!     "corrected": bool          // the reader relabelled, renamed, merged, split or added it
//!   }]
//! }
//! ```

use super::{char_range, Exporter, Source};
use crate::notes::is_corrected;
use crate::EntityKind;
use serde::Serialize;
use std::io::{self, Write};

pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    version: u32,
    article: ArticleOut<'a>,
    highlights: Vec<HighlightOut<'a>>,
    entity_notes: Vec<EntityNoteOut<'a>>,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    language: &'a str,
    hash: String,
}

#[derive(Serialize)]
struct HighlightOut<'a> {
    id: &'a str,
    color: &'a str,
    anchoring: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    char_start: Option<usize>,
    char_end: Option<usize>,
    text: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    note: Option<&'a str>,
    created: &'a str,
    modified: &'a str,
}

#[derive(Serialize)]
struct EntityNoteOut<'a> {
    kind: EntityKind,
    name: &'a str,
    entity: Option<&'a str>,
    note: &'a str,
    created: &'a str,
    modified: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    mentions: usize,
    corrected: bool,
}

impl Exporter for Json {
    fn write(&self, src: &Source, out: &mut dyn Write) -> io::Result<()> {
        let a = src.article;
        let items = src.items();
        let doc = Doc {
            format: "glose-notes",
            version: 1,
            article: ArticleOut {
                path: &a.path,
                title: &a.title,
                date: a.date.as_deref(),
                language: a.language.as_str(),
                hash: crate::notes::store::content_hash(&a.text),
            },
            highlights: items
                .iter()
                .map(|i| {
                    let h = i.highlight;
                    let chars = i.placed.range.as_ref().map(|r| char_range(&a.text, r));
                    HighlightOut {
                        id: &h.id,
                        color: h.color.as_str(),
                        anchoring: i.placed.how.as_str(),
                        start: i.placed.range.as_ref().map(|r| r.start),
                        end: i.placed.range.as_ref().map(|r| r.end),
                        char_start: chars.as_ref().map(|r| r.start),
                        char_end: chars.as_ref().map(|r| r.end),
                        text: i.text,
                        prefix: &h.quote.prefix,
                        suffix: &h.quote.suffix,
                        note: (!h.note.is_empty()).then_some(h.note.as_str()),
                        created: &h.created,
                        modified: &h.modified,
                    }
                })
                .collect(),
            entity_notes: src
                .notes
                .entity_notes()
                .iter()
                .map(|n| EntityNoteOut {
                    kind: n.entity.kind,
                    name: &n.entity.name,
                    entity: src.entity(&n.entity).map(|e| e.id.as_str()),
                    note: &n.note,
                    created: &n.created,
                    modified: &n.modified,
                })
                .collect(),
            entities: src
                .entities
                .iter()
                .map(|e| EntityOut {
                    id: &e.id,
                    kind: e.kind,
                    name: &e.name,
                    mentions: e.mentions.len(),
                    corrected: is_corrected(e),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
        writeln!(out)
    }
}
