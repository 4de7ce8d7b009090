//! The index of the notes folder: for each notes file, the article it recorded
//! (path and content hash) and the start of its highlights' quotes, so finding an
//! article's notes by content or by its highlights never reads every notes file.
//!
//! It lives in `<data dir>/notes/.index.json` and is only a cache: each scan lists
//! the folder, stats every notes file, and re-reads only those whose size, time or
//! inode changed since it was written (all of them when the index is missing or
//! unreadable). A process scans at most once every [`FRESH`] and keeps the result
//! in memory, so `glose extract` on many articles scans once.
//!
//! The same listing finds what the store must tell or tidy: files set aside as
//! damaged (`<name>.corrupt-<time>`), and temp files left by a process that died
//! mid-write (`.<name>.tmp-<pid>-<n>`), removed once that process is gone.

use super::store::{self, Read};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The index file's name inside the notes folder.
pub const FILE: &str = ".index.json";
const VERSION: u32 = 1;
/// How long a scan is trusted within one process.
pub const FRESH: Duration = Duration::from_secs(2);
/// Quotes kept per notes file, and characters per quote.
const QUOTES: usize = 16;
const QUOTE_CHARS: usize = 200;
/// A temp file this old whose process is gone is a crash's leftover.
pub const STALE_TEMP: Duration = Duration::from_secs(60);

/// What the index knows of one notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub hash: String,
    /// The start of each highlight's exact text (at most [`QUOTES`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<String>,
    len: u64,
    mtime: u128,
    ino: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    entries: BTreeMap<String, Entry>,
}

/// One scan of the notes folder.
#[derive(Debug, Default, Clone)]
pub struct Index {
    /// By notes file name.
    pub entries: BTreeMap<String, Entry>,
    /// Damaged files set aside, by the name of the notes file they were.
    pub corrupt: BTreeMap<String, Vec<PathBuf>>,
}

struct Cached {
    dir: PathBuf,
    at: Instant,
    index: Arc<Index>,
}

static CACHE: Mutex<Option<Cached>> = Mutex::new(None);

/// The index of `dir` (the notes folder), scanned at most once every [`FRESH`].
pub fn get(dir: &Path) -> Arc<Index> {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = cache.as_ref() {
        if c.dir == dir && c.at.elapsed() < FRESH {
            return Arc::clone(&c.index);
        }
    }
    let index = Arc::new(scan(dir));
    *cache = Some(Cached {
        dir: dir.to_path_buf(),
        at: Instant::now(),
        index: index.clone(),
    });
    index
}

/// Forgets this process's scan (after a write, so the next lookup sees it).
pub fn invalidate() {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    *cache = None;
}

fn stamp(meta: &fs::Metadata) -> (u64, u128, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let ino = 0;
    (meta.len(), mtime, ino)
}

/// Lists the folder, refreshes what changed, writes the index back if it did.
fn scan(dir: &Path) -> Index {
    let on_disk: IndexFile = fs::read(dir.join(FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|f: &IndexFile| f.version == VERSION)
        .unwrap_or_default();
    let mut old = on_disk.entries;
    let mut index = Index::default();
    let mut changed = false;
    let Ok(listing) = fs::read_dir(dir) else {
        return index;
    };
    for item in listing.flatten() {
        let name = item.file_name();
        let Some(name) = name.to_str() else { continue };
        let path = item.path();
        if name.starts_with('.') {
            if name.contains(".tmp-") {
                remove_if_stale(&path, name);
            }
            continue;
        }
        if let Some(at) = name.find(".json.corrupt-") {
            let base = &name[..at + ".json".len()];
            index
                .corrupt
                .entry(base.to_string())
                .or_default()
                .push(path);
            continue;
        }
        if !name.ends_with(".json") {
            continue;
        }
        // Follows a symlinked notes file to what it points at.
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        let (len, mtime, ino) = stamp(&meta);
        if let Some(e) = old.remove(name) {
            if (e.len, e.mtime, e.ino) == (len, mtime, ino) {
                index.entries.insert(name.to_string(), e);
                continue;
            }
        }
        changed = true;
        let doc = match store::read(&path) {
            Ok(Read::Found(doc)) | Ok(Read::Newer(Some(doc), _)) => doc,
            _ => continue,
        };
        let quotes = doc
            .highlights
            .iter()
            .map(|h| h.quote.exact.trim())
            .filter(|q| !q.is_empty())
            .take(QUOTES)
            .map(|q| match q.char_indices().nth(QUOTE_CHARS) {
                Some((i, _)) => q[..i].to_string(),
                None => q.to_string(),
            })
            .collect();
        index.entries.insert(
            name.to_string(),
            Entry {
                path: doc.article.path,
                hash: doc.article.hash,
                quotes,
                len,
                mtime,
                ino,
            },
        );
    }
    for list in index.corrupt.values_mut() {
        list.sort();
    }
    if changed || !old.is_empty() {
        let file = IndexFile {
            version: VERSION,
            entries: index.entries.clone(),
        };
        // A cache: when it cannot be written, the next scan reads the files again.
        if let Ok(bytes) = serde_json::to_vec(&file) {
            let _ = store::write_atomic(&dir.join(FILE), &bytes);
        }
    }
    index
}

/// Removes `.<name>.tmp-<pid>-<n>` when process `pid` is gone and the file is
/// older than [`STALE_TEMP`] (a process of another machine or container sharing
/// the folder is given that long).
fn remove_if_stale(path: &Path, name: &str) {
    let Some(rest) = name.rsplit(".tmp-").next() else {
        return;
    };
    let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return;
    };
    if pid == std::process::id() || process_alive(pid) {
        return;
    }
    let old = fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= STALE_TEMP);
    if old {
        let _ = fs::remove_file(path);
    }
}

/// Whether process `pid` runs on this machine; true when that cannot be told.
fn process_alive(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new(&format!("/proc/{pid}")).exists()
}

impl Index {
    /// Notes files recording `hash`, other than `except`.
    pub fn by_hash<'a>(&'a self, hash: &'a str, except: &'a str) -> Vec<&'a str> {
        self.entries
            .iter()
            .filter(|(name, e)| e.hash == hash && name.as_str() != except)
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The notes file of an article that is gone whose highlights are most found
    /// in `text`: at least half their characters, in at least one whole quote of 12
    /// characters or more. Returns its name and how many quotes of how many.
    pub fn similar(&self, text: &str, except: &str) -> Option<(&str, usize, usize)> {
        let mut best: Option<(&str, usize, usize, f64)> = None;
        for (name, e) in &self.entries {
            if name == except || e.quotes.is_empty() {
                continue;
            }
            let total: usize = e.quotes.iter().map(|q| q.chars().count()).sum();
            let mut found = 0;
            let mut found_chars = 0;
            let mut long = false;
            for q in &e.quotes {
                if text.contains(q.as_str()) {
                    found += 1;
                    let n = q.chars().count();
                    found_chars += n;
                    long |= n >= 12;
                }
            }
            let score = found_chars as f64 / total.max(1) as f64;
            if !long || score < 0.5 || best.is_some_and(|b| b.3 >= score) {
                continue;
            }
            // Only an article that is gone gives its notes away.
            if Path::new(&e.path).exists() {
                continue;
            }
            best = Some((name, found, e.quotes.len(), score));
        }
        best.map(|(n, f, t, _)| (n, f, t))
    }
}
