//! [`Notes`]: one article's notes while it is open. Changes are made in memory
//! at once and queued; [`Notes::flush`] writes them (the front end calls it right
//! after each change, outside its drawing and state code). A failed write keeps
//! the changes queued and in memory, and the next flush tries again.

use super::anchor::{anchor, Anchoring};
use super::corrections::{Change, Correction, Entry, Selector};
use super::model::{
    ArticleRecord, Color, EntityKey, EntityNote, Highlight, NotesFile, Op, Position, Quote,
};
use super::store::{self, Access, Store, StoreError};
use super::time;
use crate::Article;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A highlight placed in the article as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: String,
    /// Byte range in the current text; `None` when orphaned.
    pub range: Option<Range<usize>>,
    pub how: Anchoring,
}

/// What `u` brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restored {
    Highlight(String),
    EntityNote(EntityKey),
    /// A correction was taken back (or an entity hidden again).
    Corrections,
}

/// A highlight's record and where it was found (`None`: orphaned).
type Anchored = (Position, Quote, Option<(Range<usize>, Anchoring)>);

#[derive(Debug)]
pub struct Notes {
    store: Result<Store, String>,
    record: ArticleRecord,
    /// The file as last read or written.
    base: NotesFile,
    /// Changes not written yet.
    pending: Vec<Op>,
    /// `base` with `pending` applied: what the reader sees.
    doc: NotesFile,
    /// Every highlight of `doc`: placed ones in reading order, then orphaned ones.
    placed: Vec<Placed>,
    /// Anchoring results by highlight id, valid while the record is unchanged.
    cache: HashMap<String, Anchored>,
    /// What `u` does, last change last: the changes that undo one user action.
    undo: Vec<Vec<Op>>,
}

impl Notes {
    /// The notes of an article in the data directory (`GLOSE_DATA_DIR` or XDG).
    /// Problems become messages; notes that cannot be saved still work in memory.
    pub fn open(article: &Article) -> (Notes, Vec<String>) {
        Notes::open_with(article, Access::Reader)
    }

    /// The notes of an article for a command that only reads (`glose export`):
    /// nothing on disk changes, a damaged notes file included.
    pub fn open_read_only(article: &Article) -> (Notes, Vec<String>) {
        Notes::open_with(article, Access::ReadOnly)
    }

    fn open_with(article: &Article, access: Access) -> (Notes, Vec<String>) {
        match store::data_dir() {
            Ok(dir) => Notes::open_in_with(&dir, article, access),
            Err(e) => {
                let msg = e.to_string();
                (Notes::detached(article, &msg), vec![msg])
            }
        }
    }

    /// The notes of an article in a given data directory.
    pub fn open_in(data_dir: &Path, article: &Article) -> (Notes, Vec<String>) {
        Notes::open_in_with(data_dir, article, Access::Reader)
    }

    /// The notes of an article in a given data directory, for the reader or for a
    /// command that only reads.
    pub fn open_in_with(
        data_dir: &Path,
        article: &Article,
        access: Access,
    ) -> (Notes, Vec<String>) {
        if article.path == "-" {
            let why = "standard input".to_string();
            return (Notes::detached(article, &why), Vec::new());
        }
        let path = Path::new(&article.path);
        let record = ArticleRecord {
            path: store::canonical(path).display().to_string(),
            hash: store::content_hash(&article.text),
        };
        match Store::open(data_dir, path, &record, &article.text, access) {
            Ok(opened) => {
                let mut notes = Notes::with(Ok(opened.store), record, opened.doc);
                let mut messages = opened.messages;
                if !opened.pending.is_empty() {
                    // Notes merged from the article's old file: written at once.
                    for op in opened.pending {
                        notes.doc.apply(&op);
                        notes.pending.push(op);
                    }
                    if let Err(e) = notes.flush(&article.text) {
                        messages.push(e.to_string());
                    }
                }
                notes.place(&article.text);
                (notes, messages)
            }
            Err(e) => {
                // Unreadable for now: start empty, and let writes try again (a write
                // re-reads the file first, so nothing there is overwritten).
                let store = Store::new(data_dir, path);
                let mut notes = Notes::with(Ok(store), record.clone(), NotesFile::new(record));
                notes.place(&article.text);
                (notes, vec![e.to_string()])
            }
        }
    }

    /// Notes kept in memory only (standard input, no data directory).
    pub fn detached(article: &Article, why: &str) -> Notes {
        let record = ArticleRecord {
            path: article.path.clone(),
            hash: store::content_hash(&article.text),
        };
        Notes::with(Err(why.to_string()), record.clone(), NotesFile::new(record))
    }

    /// Notes over a given file (for exports built in memory and for tests).
    pub fn from_file(article: &Article, doc: NotesFile) -> Notes {
        let record = doc.article.clone();
        let mut notes = Notes::with(Err("a file in memory".into()), record, doc);
        notes.place(&article.text);
        notes
    }

    fn with(store: Result<Store, String>, record: ArticleRecord, doc: NotesFile) -> Notes {
        Notes {
            store,
            record,
            base: doc.clone(),
            pending: Vec::new(),
            doc,
            placed: Vec::new(),
            cache: HashMap::new(),
            undo: Vec::new(),
        }
    }

    /// The notes file's path, when notes are saved.
    pub fn path(&self) -> Option<&Path> {
        self.store.as_ref().ok().map(|s| s.path())
    }

    pub fn store_path(&self) -> Option<PathBuf> {
        self.path().map(Path::to_path_buf)
    }

    pub fn file(&self) -> &NotesFile {
        &self.doc
    }

    /// Every highlight: placed ones in reading order, then orphaned ones.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    pub fn highlight(&self, id: &str) -> Option<&Highlight> {
        self.doc.highlight(id)
    }

    pub fn placed_of(&self, id: &str) -> Option<&Placed> {
        self.placed.iter().find(|p| p.id == id)
    }

    pub fn entity_note(&self, key: &EntityKey) -> Option<&EntityNote> {
        self.doc.entity_note(key)
    }

    pub fn entity_notes(&self) -> &[EntityNote] {
        &self.doc.entity_notes
    }

    pub fn is_empty(&self) -> bool {
        self.doc.highlights.is_empty() && self.doc.entity_notes.is_empty()
    }

    /// One line on highlights the article's changes moved or lost, if any.
    pub fn anchoring_summary(&self) -> Option<String> {
        let moved = self
            .placed
            .iter()
            .filter(|p| matches!(p.how, Anchoring::Context | Anchoring::Fuzzy))
            .count();
        let orphaned = self
            .placed
            .iter()
            .filter(|p| p.how == Anchoring::Orphaned)
            .count();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match (moved, orphaned) {
            (0, 0) => None,
            (m, 0) => Some(format!(
                "the article changed: {m} highlight{} found again by approximation",
                plural(m)
            )),
            (_, o) => Some(format!(
                "the article changed: {o} highlight{} no longer found (kept, listed with ')",
                plural(o)
            )),
        }
    }

    /// Whether changes wait to be written.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Anchors every highlight in `text` (cached while a record is unchanged).
    fn place(&mut self, text: &str) {
        let mut placed = Vec::with_capacity(self.doc.highlights.len());
        let mut cache = HashMap::with_capacity(self.doc.highlights.len());
        for h in &self.doc.highlights {
            let found = match self.cache.remove(&h.id) {
                Some((p, q, found)) if p == h.position && q == h.quote => found,
                _ => anchor(text, h.position, &h.quote),
            };
            placed.push(Placed {
                id: h.id.clone(),
                range: found.as_ref().map(|f| f.0.clone()),
                how: found.as_ref().map_or(Anchoring::Orphaned, |f| f.1),
            });
            cache.insert(h.id.clone(), (h.position, h.quote.clone(), found));
        }
        placed.sort_by_key(|p| match &p.range {
            Some(r) => (0, r.start, r.end),
            None => (1, 0, 0),
        });
        self.placed = placed;
        self.cache = cache;
    }

    fn change(&mut self, op: Op, text: &str) {
        self.doc.apply(&op);
        self.pending.push(op);
        self.place(text);
    }

    fn new_id(&mut self) -> String {
        // Unique within the process (a shared counter) and across processes (pid).
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        format!("h{:x}-{:x}-{n}", time::millis(), std::process::id())
    }

    /// Highlights `range` of `text` (character boundaries); returns its id.
    pub fn add_highlight(&mut self, text: &str, range: Range<usize>, color: Color) -> String {
        let id = self.new_id();
        let now = time::now();
        let h = Highlight {
            id: id.clone(),
            color,
            position: Position {
                start: range.start,
                end: range.end,
            },
            quote: Quote::of(text, range),
            note: String::new(),
            created: now.clone(),
            modified: now,
        };
        self.change(Op::PutHighlight(h), text);
        id
    }

    /// Sets the note of a highlight (empty: no note). False if there is no such highlight.
    pub fn set_note(&mut self, text: &str, id: &str, note: &str) -> bool {
        let Some(mut h) = self.doc.highlight(id).cloned() else {
            return false;
        };
        h.note = note.to_string();
        h.modified = time::now();
        self.change(Op::PutHighlight(h), text);
        true
    }

    pub fn set_color(&mut self, text: &str, id: &str, color: Color) -> bool {
        let Some(mut h) = self.doc.highlight(id).cloned() else {
            return false;
        };
        h.color = color;
        h.modified = time::now();
        self.change(Op::PutHighlight(h), text);
        true
    }

    /// Deletes a highlight and its note; `u` brings it back.
    pub fn delete_highlight(&mut self, text: &str, id: &str) -> bool {
        let Some(h) = self.doc.highlight(id).cloned() else {
            return false;
        };
        self.undo.push(vec![Op::PutHighlight(h)]);
        self.change(Op::DeleteHighlight(id.to_string()), text);
        true
    }

    /// Sets the note on an entity; an empty note deletes it.
    pub fn set_entity_note(&mut self, text: &str, key: &EntityKey, note: &str) {
        if note.trim().is_empty() {
            self.delete_entity_note(text, key);
            return;
        }
        let now = time::now();
        let created = self
            .doc
            .entity_note(key)
            .map_or_else(|| now.clone(), |n| n.created.clone());
        let n = EntityNote {
            entity: key.clone(),
            note: note.to_string(),
            created,
            modified: now,
        };
        self.change(Op::PutEntityNote(n), text);
    }

    pub fn delete_entity_note(&mut self, text: &str, key: &EntityKey) -> bool {
        let Some(n) = self.doc.entity_note(key).cloned() else {
            return false;
        };
        self.undo.push(vec![Op::PutEntityNote(n)]);
        self.change(Op::DeleteEntityNote(key.clone()), text);
        true
    }

    /// The corrections to the extractor, in the order they were made.
    pub fn corrections(&self) -> &[Entry] {
        &self.doc.corrections
    }

    /// Records a correction; `u` takes it back. Returns its id.
    pub fn correct(&mut self, text: &str, change: Change) -> String {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let id = format!("c{:x}-{:x}-{n}", time::millis(), std::process::id());
        let c = Correction {
            id: id.clone(),
            change,
            created: time::now(),
        };
        self.undo.push(vec![Op::DeleteCorrection(id.clone())]);
        self.change(Op::PutCorrection(c), text);
        id
    }

    /// Removes corrections (an entity brought back from hiding); `u` puts them
    /// back. Returns how many there were.
    pub fn uncorrect(&mut self, text: &str, ids: &[String]) -> usize {
        let found: Vec<Correction> = self
            .doc
            .corrections
            .iter()
            .filter_map(Entry::known)
            .filter(|c| ids.contains(&c.id))
            .cloned()
            .collect();
        if found.is_empty() {
            return 0;
        }
        self.undo
            .push(found.iter().cloned().map(Op::PutCorrection).collect());
        for c in &found {
            self.change(Op::DeleteCorrection(c.id.clone()), text);
        }
        found.len()
    }

    /// Undoes the last deletion or correction of this session.
    pub fn undo(&mut self, text: &str) -> Option<Restored> {
        let ops = self.undo.pop()?;
        let restored = match ops.first()? {
            Op::PutHighlight(h) => Restored::Highlight(h.id.clone()),
            Op::PutEntityNote(n) => Restored::EntityNote(n.entity.clone()),
            Op::PutCorrection(_) | Op::DeleteCorrection(_) => Restored::Corrections,
            _ => return None,
        };
        for op in ops {
            self.change(op, text);
        }
        Some(restored)
    }

    /// Writes the queued changes. On success the notes show what the file holds
    /// (other processes' changes included); returns messages for the user (a
    /// damaged file moved aside). On failure everything stays in memory, queued.
    pub fn flush(&mut self, text: &str) -> Result<Vec<String>, StoreError> {
        match self.begin_save() {
            None => Ok(Vec::new()),
            Some(Err(e)) => Err(e),
            Some(Ok(job)) => {
                let done = job.run(text);
                self.finish_save(done, text)
            }
        }
    }

    /// [`Notes::flush`] in three steps, so a front end can write on a worker
    /// thread while the user goes on (a held lock waits up to seconds): take the
    /// queued changes as a job (`None`: nothing queued), [`SaveJob::run`] it
    /// anywhere, give the result back to [`Notes::finish_save`]. Changes made in
    /// between stay queued for the next save. One job at a time.
    pub fn begin_save(&mut self) -> Option<Result<SaveJob, StoreError>> {
        if self.pending.is_empty() {
            return None;
        }
        let store = match &self.store {
            Ok(s) => s.clone(),
            Err(why) => return Some(Err(StoreError::Detached(why.clone()))),
        };
        Some(Ok(SaveJob {
            store,
            base: self.base.clone(),
            ops: self.pending.clone(),
            record: self.record.clone(),
        }))
    }

    /// Takes a job's result: on success the notes show what the file holds, with
    /// the changes made since the job began still queued on top.
    pub fn finish_save(&mut self, done: SaveDone, text: &str) -> Result<Vec<String>, StoreError> {
        if let Ok(store) = &mut self.store {
            *store = done.store;
        }
        let written = done.result?;
        let sent = done.sent.min(self.pending.len());
        self.pending.drain(..sent);
        self.base = written.doc.clone();
        self.doc = written.doc;
        for op in &self.pending {
            self.doc.apply(op);
        }
        self.place(text);
        Ok(written.messages)
    }
}

/// Queued changes on their way to the notes file ([`Notes::begin_save`]).
#[derive(Debug)]
pub struct SaveJob {
    store: Store,
    base: NotesFile,
    ops: Vec<Op>,
    record: ArticleRecord,
}

impl SaveJob {
    /// Writes the changes (under the file's lock, re-reading it first); `text` is
    /// the article's, to record where highlights are now.
    pub fn run(mut self, text: &str) -> SaveDone {
        let result = self
            .store
            .write(&self.base, &self.ops, &self.record, |doc| {
                reanchor(doc, text)
            });
        SaveDone {
            store: self.store,
            sent: self.ops.len(),
            result,
        }
    }
}

/// What a [`SaveJob`] did, for [`Notes::finish_save`].
#[derive(Debug)]
pub struct SaveDone {
    store: Store,
    sent: usize,
    result: Result<super::store::Written, StoreError>,
}

impl SaveDone {
    /// Why the write failed, if it did.
    pub fn error(&self) -> Option<&StoreError> {
        self.result.as_ref().err()
    }
}

/// Records the current place and quote of highlights and corrected mentions found
/// elsewhere than recorded, so the next re-anchoring starts from the text as it is
/// now. Orphaned ones keep what they had.
fn reanchor(doc: &mut NotesFile, text: &str) {
    for entry in &mut doc.corrections {
        let Entry::Known(c) = entry else {
            continue;
        };
        for sel in c.change.selectors_mut() {
            if let Some(r) = sel.find(text) {
                if r.start != sel.position.start || r.end != sel.position.end {
                    *sel = Selector::of(text, r);
                }
            }
        }
    }
    for h in &mut doc.highlights {
        if let Some((r, _)) = anchor(text, h.position, &h.quote) {
            if r.start != h.position.start || r.end != h.position.end {
                h.position = Position {
                    start: r.start,
                    end: r.end,
                };
                h.quote = Quote::of(text, r);
            }
        }
    }
}
