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
//! - A file that does not parse is moved aside as `<file>.corrupt-<UTC time>` and
//!   reported in one line; it is never overwritten.

use super::model::{ArticleRecord, NotesFile, Op, SCHEMA_VERSION};
use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use thiserror::Error;

/// Why notes could not be read or saved. Each renders as one line.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no data directory for notes (set GLOSE_DATA_DIR)")]
    NoDataDir,
    #[error("{}: {msg}", path.display())]
    Io { path: PathBuf, msg: String },
    #[error("{}: written by a newer glose (schema {found}); left unchanged", path.display())]
    Newer { path: PathBuf, found: u32 },
    #[error("{}: locked by another glose; notes not saved yet", path.display())]
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
    /// It does not parse: the reason.
    Corrupt(String),
}

/// Reads and parses a notes file.
pub fn read(path: &Path) -> Result<Read, StoreError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => return Err(io_err(path, e)),
    };
    match serde_json::from_slice::<NotesFile>(&bytes) {
        Ok(doc) if doc.schema == 0 => Ok(Read::Corrupt("no schema version".into())),
        Ok(doc) => Ok(Read::Found(doc)),
        Err(e) => Ok(Read::Corrupt(e.to_string())),
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
        "notes file did not parse ({}); moved to {}",
        why.lines().next().unwrap_or(why),
        aside.display()
    ))
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

/// The notes file of one article.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    file: PathBuf,
    /// A file of another name found by content hash, replaced at the first write
    /// when the article it recorded is gone (the article was moved).
    adopted: Option<PathBuf>,
}

/// What opening a store found.
pub struct Opened {
    pub store: Store,
    pub doc: NotesFile,
    /// One line each, for the user (a file moved aside, notes found by content).
    pub messages: Vec<String>,
}

/// What a write did.
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
        }
    }

    /// The notes file's path.
    pub fn path(&self) -> &Path {
        &self.file
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the notes of an article: by path, else by content hash. `record` is
    /// the article as it is now.
    pub fn open(
        data_dir: &Path,
        article_path: &Path,
        record: &ArticleRecord,
    ) -> Result<Opened, StoreError> {
        let mut store = Store::new(data_dir, article_path);
        let mut messages = Vec::new();
        match read(&store.file)? {
            Read::Found(doc) => {
                return Ok(Opened {
                    store,
                    doc,
                    messages,
                })
            }
            Read::Corrupt(why) => messages.push(move_aside(&store.file, &why)?),
            Read::Missing => {
                if let Some((path, doc)) = store.find_by_hash(&record.hash) {
                    messages.push(format!(
                        "notes found by content (moved from {})",
                        doc.article.path
                    ));
                    store.adopted = Some(path);
                    return Ok(Opened {
                        store,
                        doc,
                        messages,
                    });
                }
            }
        }
        Ok(Opened {
            store,
            doc: NotesFile::new(record.clone()),
            messages,
        })
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
            Read::Found(doc) => Ok(Some(doc)),
            Read::Corrupt(why) => Err(StoreError::Io {
                path: store.file,
                msg: format!("does not parse ({})", why.lines().next().unwrap_or(&why)),
            }),
            Read::Missing => Ok(store.find_by_hash(hash).map(|(_, doc)| doc)),
        }
    }

    /// The notes file recording `hash`, preferring one whose article is gone.
    fn find_by_hash(&self, hash: &str) -> Option<(PathBuf, NotesFile)> {
        let entries = fs::read_dir(&self.dir).ok()?;
        let mut found: Vec<(bool, PathBuf, NotesFile)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".json") || path == self.file {
                continue;
            }
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
    /// (re-anchored positions), and writes it atomically under the lock.
    pub fn write(
        &mut self,
        base: &NotesFile,
        ops: &[Op],
        record: &ArticleRecord,
        fix: impl FnOnce(&mut NotesFile),
    ) -> Result<Written, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| io_err(&self.dir, e))?;
        let _lock = lock(&self.file)?;
        let mut messages = Vec::new();
        let mut doc = match read(&self.file)? {
            Read::Found(doc) => doc,
            Read::Corrupt(why) => {
                messages.push(move_aside(&self.file, &why)?);
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
        if doc.schema > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: self.file.clone(),
                found: doc.schema,
            });
        }
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
        write_atomic(&self.file, &bytes).map_err(|e| io_err(&self.file, e))?;
        if let Some(old) = self.adopted.take() {
            // The article moved: its old notes file now lives under the new name.
            let moved = match read(&old) {
                Ok(Read::Found(d)) => !Path::new(&d.article.path).exists(),
                _ => false,
            };
            if moved {
                let _ = fs::remove_file(&old);
                let _ = fs::remove_file(format!("{}.lock", old.display()));
            }
        }
        Ok(Written { doc, messages })
    }
}
