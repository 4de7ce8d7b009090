//! [`Record`]: what the index keeps of one opened document, computed away from
//! the database (on the extraction threads) so writing it is quick.

use super::identity::{aliases, Alias};
use crate::notes::store::{canonical, content_hash};
use crate::text::tags::tag_names;
use crate::{Document, EntityKind};
use std::path::Path;

/// One article with its entities (corrections applied) and its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Canonical path of the article file.
    pub path: String,
    /// `sha256:` of the article's text.
    pub hash: String,
    /// `sha256:` of the notes (highlights, entity notes, corrections) as they
    /// were read: a new note or correction re-indexes the article.
    pub notes_hash: String,
    pub title: String,
    /// As the article gives it (`2023-10-12`, `2023-10`, ...).
    pub date: Option<String>,
    pub language: String,
    /// The text as shown (blocks joined by blank lines), for full-text search.
    pub body: String,
    pub entities: Vec<RecordEntity>,
    pub notes: Vec<RecordNote>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordEntity {
    pub kind: EntityKind,
    pub name: String,
    pub mentions: usize,
    pub first_offset: usize,
    pub aliases: Vec<Alias>,
}

/// A note: on a highlight (with its quote) or on an entity (with its name).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordNote {
    pub text: String,
    /// The highlighted passage, or the entity's name.
    pub about: String,
    /// Where it is in the article (the highlight's or the entity's first mention).
    pub offset: usize,
    pub tags: Vec<String>,
}

/// The fingerprint of a document's notes.
pub fn notes_hash(doc: &Document) -> String {
    match &doc.notes {
        Some(notes) => {
            let f = notes.file();
            let json = serde_json::to_string(&(&f.highlights, &f.entity_notes, &f.corrections))
                .unwrap_or_default();
            content_hash(&json)
        }
        None => content_hash(""),
    }
}

/// The canonical form of an article path, as the index stores it.
pub fn key_path(path: &str) -> String {
    canonical(Path::new(path)).to_string_lossy().into_owned()
}

impl Record {
    /// The record of an opened document (its entities extracted).
    pub fn of(doc: &Document) -> Record {
        let (notes, notes_hash) = Record::notes_of(doc);
        Record::build(&doc.article, &doc.entities, notes, notes_hash)
    }

    /// The record of an article, its entities (corrections applied) and its
    /// notes as [`Record::notes_of`] gave them: the part of [`Record::of`]
    /// that takes time (the text's hash, the body, the aliases), for a worker
    /// thread.
    pub fn build(
        article: &crate::Article,
        entities: &[crate::Entity],
        notes: Vec<RecordNote>,
        notes_hash: String,
    ) -> Record {
        let text = &article.text;
        let mut body = String::with_capacity(text.len());
        for block in &article.blocks {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&block.display(text).text);
        }
        let entities = entities
            .iter()
            .filter(|e| !e.mentions.is_empty())
            .map(|e| RecordEntity {
                kind: e.kind,
                name: e.name.clone(),
                mentions: e.mentions.len(),
                first_offset: e.first_offset(),
                aliases: aliases(e, text),
            })
            .collect();
        Record {
            path: key_path(&article.path),
            hash: content_hash(text),
            notes_hash,
            title: article.title.clone(),
            date: article.date.clone(),
            language: article.language.as_str().to_string(),
            body,
            entities,
            notes,
        }
    }

    /// A document's notes as the index keeps them, and their fingerprint.
    pub fn notes_of(doc: &Document) -> (Vec<RecordNote>, String) {
        let mut notes = Vec::new();
        if let Some(n) = &doc.notes {
            for placed in n.placed() {
                let Some(h) = n.highlight(&placed.id) else {
                    continue;
                };
                if h.note.trim().is_empty() {
                    continue;
                }
                notes.push(RecordNote {
                    text: h.note.clone(),
                    about: h.quote.exact.clone(),
                    offset: placed.range.as_ref().map_or(h.position.start, |r| r.start),
                    tags: tag_names(&h.note),
                });
            }
            for en in n.entity_notes() {
                if en.note.trim().is_empty() {
                    continue;
                }
                let offset = doc
                    .entities
                    .iter()
                    .find(|e| e.kind == en.entity.kind && e.name == en.entity.name)
                    .map_or(0, |e| e.first_offset());
                notes.push(RecordNote {
                    text: en.note.clone(),
                    about: en.entity.name.clone(),
                    offset,
                    tags: tag_names(&en.note),
                });
            }
        }
        (notes, notes_hash(doc))
    }
}
