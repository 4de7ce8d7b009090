//! Indexing many articles: extraction on several threads, writing on the
//! caller's, articles whose text and notes did not change skipped.

use super::record::{key_path, notes_hash, Record};
use super::{Index, IndexError};
use crate::notes::store::content_hash;
use crate::{extract, Document, NotesStore};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Extensions of the files `glose index DIR` takes for articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// Records written per transaction.
const BATCH: usize = 64;

/// The article files under `dir`, recursively, by path: regular files with an
/// article extension, hidden files and folders left out, symbolic links to
/// folders not followed (no loops).
pub fn article_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    let mut first = true;
    while let Some(d) = todo.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(_) => continue, // an unreadable subfolder: the rest still counts
        };
        first = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                todo.push(path);
            } else if std::fs::metadata(&path).is_ok_and(|m| m.is_file())
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What indexing did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Articles (re)indexed.
    pub indexed: usize,
    /// Articles already indexed as they are.
    pub unchanged: usize,
    /// Articles forgotten (gone from their folder).
    pub removed: usize,
    /// One line per article that could not be read: `path: reason`.
    pub errors: Vec<String>,
}

/// Progress of [`index_paths`]: files done out of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

enum Outcome {
    Indexed(Box<Record>),
    Unchanged,
    Failed(String),
}

/// Indexes `files` on `jobs` threads (at least one; the caller's thread writes),
/// skipping articles indexed with the same text and notes unless `force`.
/// `progress` is called after each file.
pub fn index_paths(
    index: &mut Index,
    files: &[PathBuf],
    jobs: usize,
    force: bool,
    store: &NotesStore,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, IndexError> {
    let known = if force {
        Default::default()
    } else {
        index.known()?
    };
    let next = AtomicUsize::new(0);
    let stop = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<Outcome>(BATCH * 2);
    let mut summary = Summary::default();
    let mut result = Ok(());
    let work = |tx: mpsc::SyncSender<Outcome>| loop {
        if stop.load(Ordering::Relaxed) != 0 {
            break;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(path) = files.get(i) else { break };
        let outcome = match Document::load(path, store) {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok((mut doc, _)) => {
                let hash = content_hash(&doc.article.text);
                let current = known
                    .get(&key_path(&doc.article.path))
                    .is_some_and(|(h, n)| *h == hash && *n == notes_hash(&doc));
                if current {
                    Outcome::Unchanged
                } else {
                    let raw = extract(&doc.article);
                    doc.set_raw(raw);
                    Outcome::Indexed(Box::new(Record::of(&doc)))
                }
            }
        };
        if tx.send(outcome).is_err() {
            break;
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..jobs.clamp(1, files.len().max(1)) {
            let tx = tx.clone();
            let work = &work;
            if std::thread::Builder::new()
                .name("index".into())
                .spawn_scoped(scope, move || work(tx))
                .is_err()
            {
                break;
            }
            started += 1;
        }
        if started == 0 {
            // No thread could start: extract here, then write.
            let (tx2, rx2) = mpsc::sync_channel::<Outcome>(files.len().max(1));
            work(tx2);
            drop(tx);
            result = receive(index, rx2.into_iter(), files.len(), &mut summary, progress);
            return;
        }
        drop(tx);
        result = receive(index, rx.iter(), files.len(), &mut summary, progress);
        if result.is_err() {
            stop.store(1, Ordering::Relaxed);
            for _ in rx.iter() {} // let the workers end
        }
    });
    result.map(|()| summary)
}

fn receive(
    index: &mut Index,
    outcomes: impl Iterator<Item = Outcome>,
    total: usize,
    summary: &mut Summary,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), IndexError> {
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
    for (i, outcome) in outcomes.enumerate() {
        match outcome {
            Outcome::Indexed(r) => {
                batch.push(*r);
                summary.indexed += 1;
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed(line) => summary.errors.push(line),
        }
        if batch.len() >= BATCH {
            index.put(&batch)?;
            batch.clear();
        }
        progress(Progress { done: i + 1, total });
    }
    index.put(&batch)?;
    Ok(())
}

impl Index {
    /// Forgets the indexed articles under `dir` (canonical) that are not in
    /// `present` (canonical paths): files deleted or renamed since.
    pub fn prune(&mut self, dir: &Path, present: &[String]) -> Result<usize, IndexError> {
        let present: std::collections::HashSet<&str> = present.iter().map(String::as_str).collect();
        let gone: Vec<String> = self
            .known()?
            .into_keys()
            .filter(|p| Path::new(p).starts_with(dir) && !present.contains(p.as_str()))
            .collect();
        self.remove(&gone)
    }

    /// Forgets indexed articles whose file no longer exists.
    pub fn prune_missing(&mut self) -> Result<usize, IndexError> {
        let gone: Vec<String> = self
            .known()?
            .into_keys()
            .filter(|p| !Path::new(p).is_file())
            .collect();
        self.remove(&gone)
    }
}
