//! The notes files on disk: where they are, how they are found, and how they are
//! written so that nothing is ever lost.
//!
//! - One JSON file per article in `<data dir>/notes/`, the data dir being
//!   `$GLOSE_DATA_DIR` when set, else the XDG data dir (`~/.local/share/glose`).
//!   Its name comes from the article's canonical path (`<stem>-<16 hex>.json`), so
//!   an edited article keeps its notes; when there is none, a file recording the
//!   same content hash is used (the article was moved or renamed).
//! - Writes take an exclusive lock (`<file>.lock`), re-read the file, apply this
//!   process's changes to what is there, and replace the file atomically: a temp
//!   file in the same folder, fsync, rename, fsync of the folder.
//!   Failing both, a notes file whose article is gone and whose highlights are
//!   mostly found in the text (moved, then edited). Lookups by content go through
//!   the folder's [`index`](super::index), never through every file.
//! - A file that does not parse is reported each time it is opened and left as
//!   it is; only the reader sets it aside, at its first write, as
//!   `<file>.corrupt-<UTC time>`, and reports that file at every open until the
//!   user deletes it. It is never overwritten.
//! - A file written by a newer glose (higher `schema`) is shown read-only and
//!   never written, renamed or replaced.
//! - A symlinked notes file is written through to its target.
//! - An open reader holds a shared lock on `.<file>.open`; a notes file is never
//!   deleted while another process holds it. Notes a reader kept adding to the
//!   old file of a moved article are merged into the new one once it closes.

use super::model::{ArticleRecord, NotesFile, Op, SCHEMA_VERSION};
use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use thiserror::Error;

/// Why notes could not be read or saved. Each renders as one line.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no data directory for notes (set GLOSE_DATA_DIR)")]
    NoDataDir,
    // The reason first, the file last: a status line cut short still says why.
    #[error("{msg}: {}", path.display())]
    Io { path: PathBuf, msg: String },
    #[error("notes not saved: written by a newer glose (schema {found}), left unchanged: {}", path.display())]
    Newer { path: PathBuf, found: u32 },
    #[error("notes not saved yet: locked by another glose: {}", path.display())]
    Locked { path: PathBuf },
    #[error("notes are not saved for {0}")]
    Detached(String),
}

fn io_err(path: &Path, e: io::Error) -> StoreError {
    let msg = e.to_string();
    let msg = msg
        .split(" (os error")
        .next()
        .unwrap_or(&msg)
        .to_lowercase();
    StoreError::Io {
        path: path.to_path_buf(),
        msg,
    }
}

/// `$GLOSE_DATA_DIR`, else the XDG data dir's `glose` folder.
pub fn data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os("GLOSE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .map(|s| s.data_dir().join("glose"))
        .map_err(|_| StoreError::NoDataDir)
}

/// `sha256:<hex>` of an article's bytes.
pub fn content_hash(text: &str) -> String {
    format!("sha256:{}", hex(&Sha256::digest(text.as_bytes())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The article's path as the store knows it: canonical when it exists.
pub fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// The notes file name for an article's canonical path.
pub fn file_name(canonical: &Path) -> String {
    let stem: String = canonical
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let digest = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    let stem = stem.trim_start_matches('.');
    let stem = if stem.is_empty() { "article" } else { stem };
    format!("{stem}-{}.json", &hex(&digest)[..16])
}

/// What reading a notes file gave.
pub enum Read {
    Missing,
    Found(NotesFile),
    /// Written by a newer glose (its schema): what could be read of it, if anything.
    /// Never rewritten, replaced or moved by this build.
    Newer(Option<NotesFile>, u32),
    /// It does not parse: the reason.
    Corrupt(String),
}

static FILES_READ: AtomicUsize = AtomicUsize::new(0);

/// How many notes files this process has read (the index is there to keep this
/// small; the tests watch it).
pub fn files_read() -> usize {
    FILES_READ.load(Ordering::Relaxed)
}

/// Reads and parses a notes file.
pub fn read(path: &Path) -> Result<Read, StoreError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => return Err(io_err(path, e)),
    };
    FILES_READ.fetch_add(1, Ordering::Relaxed);
    match serde_json::from_slice::<NotesFile>(&bytes) {
        Ok(doc) if doc.schema > SCHEMA_VERSION => {
            let found = doc.schema;
            Ok(Read::Newer(Some(doc), found))
        }
        Ok(doc) if doc.schema == 0 => Ok(Read::Corrupt("no schema version".into())),
        Ok(doc) => Ok(Read::Found(doc)),
        Err(e) => {
            // A later schema may have changed the shape: never call it damaged.
            let schema = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|v| v.get("schema").and_then(serde_json::Value::as_u64));
            match schema {
                Some(n) if n > u64::from(SCHEMA_VERSION) => {
                    Ok(Read::Newer(None, u32::try_from(n).unwrap_or(u32::MAX)))
                }
                _ => Ok(Read::Corrupt(e.to_string())),
            }
        }
    }
}

/// Moves a file that does not parse aside; the one-line message for the user.
pub fn move_aside(path: &Path, why: &str) -> Result<String, StoreError> {
    let base = format!("{}.corrupt-{}", path.display(), super::time::stamp());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = PathBuf::from(format!("{base}-{n}"));
    }
    fs::rename(path, &aside).map_err(|e| io_err(path, e))?;
    Ok(format!(
        "damaged notes set aside (did not parse: {}): {}",
        first_line(why),
        aside.display()
    ))
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

/// A temp file beside its target, written and synced, not yet in place. Dropped
/// without [`TempFile::persist`], it is removed.
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
    persisted: bool,
}

static TEMP_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Writes `bytes` to a new temp file in `target`'s folder and syncs it to disk.
pub fn write_temp(target: &Path, bytes: &[u8]) -> io::Result<TempFile> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let temp = TempFile {
        path,
        persisted: false,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(temp)
}

impl TempFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the temp file over `target` and syncs the folder.
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        fs::rename(&self.path, target)?;
        self.persisted = true;
        if let Some(dir) = target.parent() {
            // Makes the rename itself durable; not every platform can open a folder.
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes `bytes` to `target` atomically.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_temp(target, bytes)?.persist(target)
}

/// An exclusive lock on `<file>.lock`, released when dropped.
struct Lock {
    _file: File,
}

const LOCK_WAIT: Duration = Duration::from_secs(3);

fn lock(target: &Path) -> Result<Lock, StoreError> {
    let path = PathBuf::from(format!("{}.lock", target.display()));
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_err(&path, e))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(15))
            }
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: target.to_path_buf(),
                })
            }
            // A file system without locks: re-reading before writing still merges.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(Lock { _file: file })
            }
            Err(TryLockError::Error(e)) => return Err(io_err(&path, e)),
        }
    }
}

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The reader: it may write, and it repairs (a damaged file is set aside at
    /// its first write). Holds the file open, so no other glose deletes it.
    Reader,
    /// A command that only reads (`export`): nothing on disk changes.
    ReadOnly,
}

/// A shared lock on `.<notes file>.open` while a reader has the file open: a
/// process that adopts the notes of a moved article deletes the old file only when
/// it can take that lock exclusively.
fn hold_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!(".{name}.open"))
}

/// A reader's shared lock on `.<notes file>.open`.
#[derive(Debug)]
struct Hold {
    lock: File,
    notes: PathBuf,
}

fn hold(file: &Path) -> Option<Hold> {
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(hold_path(file))
        .ok()?;
    match f.try_lock_shared() {
        Ok(()) => Some(Hold {
            lock: f,
            notes: file.to_path_buf(),
        }),
        Err(_) => None,
    }
}

impl Drop for Hold {
    /// An article opened without notes leaves no lock file behind: with no notes
    /// file there is nothing to protect, and no other reader holds it.
    fn drop(&mut self) {
        if !self.notes.exists() && self.lock.try_lock().is_ok() {
            let _ = fs::remove_file(hold_path(&self.notes));
        }
    }
}

/// Whether a reader holds `file` open, else an exclusive lock that keeps new
/// readers out while the file is deleted.
fn held_elsewhere(file: &Path) -> Result<Option<File>, ()> {
    let f = match OpenOptions::new().write(true).open(hold_path(file)) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    match f.try_lock() {
        Ok(()) => Ok(Some(f)),
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => Ok(Some(f)),
        Err(_) => Err(()),
    }
}

/// The file a write goes to: the target of a symlinked notes file (the user may
/// keep notes elsewhere, synced), else the file itself.
fn write_target(file: &Path) -> PathBuf {
    match fs::symlink_metadata(file) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(file).unwrap_or_else(|_| {
            // A dangling link: write where it points.
            match fs::read_link(file) {
                Ok(to) => file.parent().unwrap_or(Path::new(".")).join(to),
                Err(_) => file.to_path_buf(),
            }
        }),
        _ => file.to_path_buf(),
    }
}

/// The notes file of one article.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    file: PathBuf,
    /// A file of another name found by content hash or by its highlights, replaced
    /// at the first write when the article it recorded is gone (the article was
    /// moved) and no other glose holds it open.
    adopted: Option<PathBuf>,
    /// Written by a newer glose (its schema): never written here.
    newer: Option<u32>,
    /// Old notes files of the article (it moved) merged into this one, deleted
    /// after the next write when no reader holds them.
    leftovers: Vec<PathBuf>,
    access: Access,
    _hold: Option<Arc<Hold>>,
}

/// What opening a store found.
pub struct Opened {
    pub store: Store,
    pub doc: NotesFile,
    /// Changes to write at once: notes another reader left in the article's old
    /// notes file after it moved (see [`Store::open`]).
    pub pending: Vec<Op>,
    /// One line each, for the user (a damaged file, a newer one, notes found by
    /// content or by their highlights).
    pub messages: Vec<String>,
}

impl Opened {
    /// Notes opened with nothing pending to write.
    fn found(store: Store, doc: NotesFile, messages: Vec<String>) -> Self {
        Opened {
            store,
            doc,
            pending: Vec::new(),
            messages,
        }
    }
}

/// What a write did.
#[derive(Debug)]
pub struct Written {
    /// The file as written: this process's changes and everyone else's.
    pub doc: NotesFile,
    pub messages: Vec<String>,
}

impl Store {
    /// The store of the article at `article_path` in `data_dir`.
    pub fn new(data_dir: &Path, article_path: &Path) -> Store {
        let dir = data_dir.join("notes");
        let file = dir.join(file_name(&canonical(article_path)));
        Store {
            dir,
            file,
            adopted: None,
            newer: None,
            leftovers: Vec::new(),
            access: Access::Reader,
            _hold: None,
        }
    }

    /// The notes file's path.
    pub fn path(&self) -> &Path {
        &self.file
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema of a newer glose's file, which this store never writes.
    pub fn newer(&self) -> Option<u32> {
        self.newer
    }

    fn name(&self) -> String {
        self.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Reads the notes of an article: by path, else by content hash, else by the
    /// quotes of its highlights (moved and edited). `record` is the article as it is
    /// now and `text` its text. Changes nothing on disk (a damaged file is only
    /// reported; the reader sets it aside at its first write).
    pub fn open(
        data_dir: &Path,
        article_path: &Path,
        record: &ArticleRecord,
        text: &str,
        access: Access,
    ) -> Result<Opened, StoreError> {
        let mut store = Store::new(data_dir, article_path);
        store.access = access;
        if access == Access::Reader && store.dir.is_dir() {
            store._hold = hold(&store.file).map(Arc::new);
        }
        let index = super::index::get(&store.dir);
        let name = store.name();
        let mut messages = Vec::new();
        for aside in index.corrupt.get(&name).into_iter().flatten() {
            messages.push(format!(
                "damaged notes set aside, not shown: recover them from {}, then delete it",
                aside.display()
            ));
        }
        let shown = store.file.display().to_string();
        let doc = match read(&store.file)? {
            Read::Found(doc) => {
                let pending = match access {
                    Access::Reader => store.merge_leftovers(&index, record, &doc, &mut messages),
                    Access::ReadOnly => Vec::new(),
                };
                return Ok(Opened {
                    store,
                    doc,
                    pending,
                    messages,
                });
            }
            Read::Newer(doc, found) => {
                store.newer = Some(found);
                let mut m = format!(
                    "notes read-only, changes not saved: written by a newer glose (schema {found})"
                );
                match &doc {
                    None => m.push_str("; nothing in it could be read"),
                    Some(d) if !d.kept.highlights.is_empty() => {
                        let n = d.kept.highlights.len();
                        m.push_str(&format!(
                            "; {n} highlight{} not shown",
                            if n == 1 { "" } else { "s" }
                        ));
                    }
                    _ => {}
                }
                messages.push(format!("{m}: {shown}"));
                Some(doc.unwrap_or_else(|| NotesFile::new(record.clone())))
            }
            Read::Corrupt(why) => {
                messages.push(match access {
                    Access::Reader => format!(
                        "damaged notes not shown (does not parse: {}); your next change sets the file aside: {shown}",
                        first_line(&why)
                    ),
                    Access::ReadOnly => format!(
                        "damaged notes left unchanged, not included (does not parse: {}); the reader sets the file aside: {shown}",
                        first_line(&why)
                    ),
                });
                Some(NotesFile::new(record.clone()))
            }
            Read::Missing => None,
        };
        if let Some(doc) = doc {
            return Ok(Opened::found(store, doc, messages));
        }
        if let Some((path, doc)) = store.find_by_hash(&index, &record.hash) {
            messages.push(format!(
                "notes found by content: the article was at {}",
                doc.article.path
            ));
            store.adopted = Some(path);
            return Ok(Opened::found(store, doc, messages));
        }
        if let Some((other, found, of)) = index.similar(text, &name) {
            let path = store.dir.join(other);
            if let Ok(Read::Found(doc)) = read(&path) {
                messages.push(format!(
                    "notes found by their highlights ({found} of {of} passages still in the text): the article was at {} and changed",
                    doc.article.path
                ));
                store.adopted = Some(path);
                return Ok(Opened::found(store, doc, messages));
            }
        }
        Ok(Opened::found(
            store,
            NotesFile::new(record.clone()),
            messages,
        ))
    }

    /// Notes another reader kept writing to the article's old notes file after the
    /// article moved (that reader held it, so it was not deleted): files recording
    /// the same content whose article is gone. What they hold that `doc` lacks, or
    /// holds in an older version, becomes changes to write; a file still held open
    /// is only reported.
    fn merge_leftovers(
        &mut self,
        index: &super::index::Index,
        record: &ArticleRecord,
        doc: &NotesFile,
        messages: &mut Vec<String>,
    ) -> Vec<Op> {
        let mut ops = Vec::new();
        for other in index.by_hash(&record.hash, &self.name()) {
            let Some(entry) = index.entries.get(other) else {
                continue;
            };
            if entry.path == record.path || Path::new(&entry.path).exists() {
                continue;
            }
            let path = self.dir.join(other);
            let Ok(Read::Found(old)) = read(&path) else {
                continue;
            };
            match held_elsewhere(&path) {
                Ok(_) => {}
                Err(()) => {
                    messages.push(format!(
                        "notes of this article are also open in another glose, from before it moved; they are merged once it closes: {}",
                        path.display()
                    ));
                    continue;
                }
            }
            let before = ops.len();
            for h in &old.highlights {
                if doc.highlight(&h.id).is_none_or(|x| x.modified < h.modified) {
                    ops.push(Op::PutHighlight(h.clone()));
                }
            }
            for n in &old.entity_notes {
                if doc
                    .entity_note(&n.entity)
                    .is_none_or(|x| x.modified < n.modified)
                {
                    ops.push(Op::PutEntityNote(n.clone()));
                }
            }
            for c in old.corrections.iter().filter_map(|e| e.known()) {
                if !doc
                    .corrections
                    .iter()
                    .any(|x| x.id() == Some(c.id.as_str()))
                {
                    ops.push(Op::PutCorrection(c.clone()));
                }
            }
            let n = ops.len() - before;
            if n > 0 {
                messages.push(format!(
                    "{n} note{} written after the article moved merged from {}",
                    if n == 1 { "" } else { "s" },
                    path.display()
                ));
            }
            self.leftovers.push(path);
        }
        ops
    }

    /// Reads the notes of an article, by path, else by content hash, and changes
    /// nothing on disk (a damaged file stays where it is): for commands that only
    /// read, such as `glose extract`.
    pub fn peek(
        data_dir: &Path,
        article_path: &Path,
        hash: &str,
    ) -> Result<Option<NotesFile>, StoreError> {
        let store = Store::new(data_dir, article_path);
        match read(&store.file)? {
            Read::Found(doc) | Read::Newer(Some(doc), _) => Ok(Some(doc)),
            Read::Newer(None, _) => Ok(None),
            Read::Corrupt(why) => Err(StoreError::Io {
                path: store.file,
                msg: format!(
                    "damaged notes left unchanged (does not parse: {})",
                    first_line(&why)
                ),
            }),
            Read::Missing => {
                if !store.dir.is_dir() {
                    return Ok(None);
                }
                let index = super::index::get(&store.dir);
                Ok(store.find_by_hash(&index, hash).map(|(_, doc)| doc))
            }
        }
    }

    /// The notes file recording `hash`, preferring one whose article is gone.
    fn find_by_hash(
        &self,
        index: &super::index::Index,
        hash: &str,
    ) -> Option<(PathBuf, NotesFile)> {
        let name = self.name();
        let mut found: Vec<(bool, PathBuf, NotesFile)> = Vec::new();
        for other in index.by_hash(hash, &name) {
            let path = self.dir.join(other);
            if let Ok(Read::Found(doc)) = read(&path) {
                if doc.article.hash == hash {
                    let gone = !Path::new(&doc.article.path).exists();
                    found.push((gone, path, doc));
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().next().map(|(_, p, d)| (p, d))
    }

    /// Applies `ops` to the file as it is on disk (or to `base`, what this process
    /// last read, when the file is missing or damaged), lets `fix` update it
    /// (re-anchored positions), and writes it atomically under the lock. A
    /// symlinked file is written through to its target.
    pub fn write(
        &mut self,
        base: &NotesFile,
        ops: &[Op],
        record: &ArticleRecord,
        fix: impl FnOnce(&mut NotesFile),
    ) -> Result<Written, StoreError> {
        if let Some(found) = self.newer {
            return Err(StoreError::Newer {
                path: self.file.clone(),
                found,
            });
        }
        if self.access == Access::ReadOnly {
            return Err(StoreError::Detached("a command that only reads".into()));
        }
        fs::create_dir_all(&self.dir).map_err(|e| io_err(&self.dir, e))?;
        let _lock = lock(&self.file)?;
        if self._hold.is_none() {
            self._hold = hold(&self.file).map(Arc::new);
        }
        let target = write_target(&self.file);
        let mut messages = Vec::new();
        let mut doc = match read(&target)? {
            Read::Found(doc) => doc,
            Read::Newer(_, found) => {
                self.newer = Some(found);
                return Err(StoreError::Newer {
                    path: self.file.clone(),
                    found,
                });
            }
            Read::Corrupt(why) => {
                messages.push(move_aside(&target, &why)?);
                base.clone()
            }
            Read::Missing => match &self.adopted {
                Some(old) => match read(old)? {
                    Read::Found(doc) => doc,
                    _ => base.clone(),
                },
                None => base.clone(),
            },
        };
        for op in ops {
            doc.apply(op);
        }
        doc.schema = SCHEMA_VERSION;
        doc.article = record.clone();
        fix(&mut doc);
        let mut bytes = serde_json::to_vec_pretty(&doc).map_err(|e| StoreError::Io {
            path: self.file.clone(),
            msg: e.to_string(),
        })?;
        bytes.push(b'\n');
        write_atomic(&target, &bytes).map_err(|e| io_err(&self.file, e))?;
        if let Some(old) = self.adopted.take() {
            // The article moved: its old notes file now lives under the new name.
            let moved = match read(&old) {
                Ok(Read::Found(d)) => !Path::new(&d.article.path).exists(),
                _ => false,
            };
            if moved {
                match held_elsewhere(&old) {
                    Ok(_guard) => {
                        let _ = fs::remove_file(&old);
                        let _ = fs::remove_file(format!("{}.lock", old.display()));
                        let _ = fs::remove_file(hold_path(&old));
                    }
                    Err(()) => messages.push(format!(
                        "the old notes file is open in another glose, so it is kept: {}",
                        old.display()
                    )),
                }
            }
        }
        for old in std::mem::take(&mut self.leftovers) {
            if let Ok(_guard) = held_elsewhere(&old) {
                let _ = fs::remove_file(&old);
                let _ = fs::remove_file(format!("{}.lock", old.display()));
                let _ = fs::remove_file(hold_path(&old));
            }
        }
        super::index::invalidate();
        Ok(Written { doc, messages })
    }
}
