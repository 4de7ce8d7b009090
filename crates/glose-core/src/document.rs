//! [`Document`]: an article opened the one way every caller opens it. Load the
//! file, find its notes, extract the entities, apply the reader's corrections.
//! `glose extract`, `glose export` and the reader all go through
//! [`Document::open`] (the reader in two halves, [`Document::load`] then
//! [`Document::set_raw`], so extraction can run on a worker), and every message
//! about it is worded once, by [`Notice`]'s `Display`.

use crate::notes::{apply_article, Applied, Notes, NotesFile, Store};
use crate::{extract, Article, Entity, LoadError};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Where the notes are, and whether opening may change them on disk.
#[derive(Debug, Clone)]
pub struct NotesStore {
    /// The data directory, or why there is none.
    dir: Result<PathBuf, String>,
    /// Reading commands (`extract`, `export`) never change a notes file; only
    /// the reader repairs one (moves a damaged file aside) and writes.
    writable: bool,
}

impl NotesStore {
    /// `$GLOSE_DATA_DIR`, else the XDG data directory; writable (the reader).
    pub fn from_env() -> NotesStore {
        NotesStore {
            dir: crate::notes::store::data_dir().map_err(|e| e.to_string()),
            writable: true,
        }
    }

    /// A given data directory; writable.
    pub fn in_dir(dir: impl Into<PathBuf>) -> NotesStore {
        NotesStore {
            dir: Ok(dir.into()),
            writable: true,
        }
    }

    /// The same store for a command that only reads: nothing on disk changes.
    pub fn read_only(mut self) -> NotesStore {
        self.writable = false;
        self
    }

    /// Opens the notes of `article`, with what opening found.
    fn open(&self, article: &Article) -> (Notes, Vec<Notice>) {
        let dir = match &self.dir {
            Ok(dir) => dir,
            Err(why) => {
                let notes = Notes::detached(article, why);
                // Only the reader, which would save, needs to hear it.
                let notices = if self.writable {
                    vec![Notice::Notes(why.clone())]
                } else {
                    Vec::new()
                };
                return (notes, notices);
            }
        };
        if self.writable {
            let (notes, messages) = Notes::open_in(dir, article);
            let mut notices: Vec<Notice> = messages.into_iter().map(Notice::Notes).collect();
            notices.extend(notes.anchoring_summary().map(Notice::Notes));
            return (notes, notices);
        }
        if article.path == "-" {
            return (Notes::detached(article, "standard input"), Vec::new());
        }
        let hash = crate::notes::store::content_hash(&article.text);
        let empty = || {
            NotesFile::new(crate::notes::ArticleRecord {
                path: article.path.clone(),
                hash: hash.clone(),
            })
        };
        match Store::peek(dir, Path::new(&article.path), &hash) {
            Ok(Some(file)) => (Notes::from_file(article, file), Vec::new()),
            Ok(None) => (Notes::from_file(article, empty()), Vec::new()),
            Err(e) => (
                Notes::from_file(article, empty()),
                vec![Notice::NotesUnread(e.to_string())],
            ),
        }
    }
}

/// Why a document could not be opened. One line, prefixed with the file name.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("{}: {source}", crate::text::sanitize(path))]
    Load {
        /// The path as given.
        path: String,
        source: LoadError,
    },
}

/// Something the user should know about an opened document. Each one is worded
/// here only, for the command line and the reader alike, and is safe to print
/// (file names and parse errors in it are sanitized).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// What the notes store found or did (a damaged file moved aside, notes found
    /// by content, highlights found again by approximation...).
    Notes(String),
    /// The notes file could not be read by a reading command: the notes and
    /// corrections are left out, and the file is left as it is.
    NotesUnread(String),
    /// Corrections that no longer find what they corrected (kept in the notes).
    Unresolved(usize),
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = crate::text::sanitize;
        match self {
            Notice::Notes(m) => f.write_str(&clean(m)),
            Notice::NotesUnread(m) => {
                write!(f, "{}; notes and corrections not applied", clean(m))
            }
            Notice::Unresolved(1) => {
                f.write_str("1 correction no longer applies (its text changed; kept in the notes)")
            }
            Notice::Unresolved(n) => write!(
                f,
                "{n} corrections no longer apply (their text changed; kept in the notes)"
            ),
        }
    }
}

/// An article with its notes and entities.
#[derive(Debug)]
pub struct Document {
    /// Shared with an extraction worker, so a big article is held once.
    pub article: Arc<Article>,
    /// Highlights, notes and corrections; `None` when notes are off (a document
    /// built without a store, as tests do).
    pub notes: Option<Notes>,
    /// The extractor's own entities, before corrections.
    pub raw: Vec<Entity>,
    /// The entities shown: `raw` with the corrections applied.
    pub entities: Vec<Entity>,
    /// For each of `entities`: whether a correction touched it.
    pub corrected: Vec<bool>,
    /// The entities the reader hid, and the ids of the corrections hiding each.
    pub hidden: Vec<Entity>,
    pub hidden_by: Vec<Vec<String>>,
    /// Ids of the corrections that no longer apply (kept, reported).
    pub unresolved: Vec<String>,
    /// False while the entities are still to come ([`Document::set_raw`]).
    pub extracted: bool,
}

impl Document {
    /// Loads the article at `path` (`-`: standard input), extracts its entities
    /// and applies the corrections stored for it. Returns what the user should be
    /// told: [`Document::notices`] plus what opening the notes found.
    pub fn open(path: &Path, store: &NotesStore) -> Result<(Document, Vec<Notice>), OpenError> {
        let (mut doc, mut notices) = Document::load(path, store)?;
        let raw = extract(&doc.article);
        doc.set_raw(raw);
        notices.extend(doc.unresolved_notice());
        Ok((doc, notices))
    }

    /// The first half of [`Document::open`]: the article and its notes, the
    /// entities still to come ([`Document::set_raw`]).
    pub fn load(path: &Path, store: &NotesStore) -> Result<(Document, Vec<Notice>), OpenError> {
        let article = Article::load(path).map_err(|source| OpenError::Load {
            path: path.display().to_string(),
            source,
        })?;
        let (notes, notices) = store.open(&article);
        let mut doc = Document::new(article, Vec::new(), Some(notes));
        doc.extracted = false;
        Ok((doc, notices))
    }

    /// A document from parts already in memory (tests, benches, other front ends).
    pub fn new(article: Article, raw: Vec<Entity>, notes: Option<Notes>) -> Document {
        let mut doc = Document {
            article: Arc::new(article),
            notes,
            raw,
            entities: Vec::new(),
            corrected: Vec::new(),
            hidden: Vec::new(),
            hidden_by: Vec::new(),
            unresolved: Vec::new(),
            extracted: true,
        };
        doc.apply_corrections();
        doc
    }

    /// The second half of [`Document::open`]: the extractor's entities.
    pub fn set_raw(&mut self, raw: Vec<Entity>) {
        self.raw = raw;
        self.extracted = true;
        self.apply_corrections();
    }

    /// Recomputes the shown and hidden entities from the extractor's and the
    /// corrections in the notes (after the corrections changed).
    pub fn apply_corrections(&mut self) {
        let applied = match &self.notes {
            Some(n) if !n.corrections().is_empty() => {
                apply_article(&self.article, &self.raw, n.corrections())
            }
            _ => Applied {
                corrected: vec![false; self.raw.len()],
                entities: self.raw.clone(),
                ..Applied::default()
            },
        };
        self.entities = applied.entities;
        self.corrected = applied.corrected;
        self.hidden = applied.hidden;
        self.hidden_by = applied.hidden_by;
        self.unresolved = applied.unresolved;
    }

    /// The notice on corrections that no longer apply, if any do.
    pub fn unresolved_notice(&self) -> Option<Notice> {
        (self.extracted && !self.unresolved.is_empty())
            .then_some(Notice::Unresolved(self.unresolved.len()))
    }

    /// The file name as shown in messages (sanitized).
    pub fn shown_path(&self) -> String {
        crate::text::sanitize(&self.article.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_worded_once_and_sanitized() {
        assert_eq!(
            Notice::Unresolved(1).to_string(),
            "1 correction no longer applies (its text changed; kept in the notes)"
        );
        assert!(Notice::Unresolved(3)
            .to_string()
            .starts_with("3 corrections no longer apply"));
        let hostile = Notice::NotesUnread("x\u{1b}]52;c;AAAA\u{7}".into()).to_string();
        assert!(
            !hostile.contains('\u{1b}') && !hostile.contains('\u{7}'),
            "{hostile}"
        );
    }

    #[test]
    fn a_document_without_notes_shows_the_extractors_entities() {
        let article = Article::from_text(
            "a.txt",
            "M. Poutine est arrivé jeudi à Bichkek.\n".to_string(),
        );
        let raw = extract(&article);
        let doc = Document::new(article, raw.clone(), None);
        assert_eq!(doc.entities, raw);
        assert_eq!(doc.corrected, vec![false; raw.len()]);
        assert!(doc.unresolved_notice().is_none());
    }
}
