//! The library: the articles of a folder with their title, date and entity counts.
//! Listing and loading are I/O: they run in the event loop and on a worker thread,
//! never in `update` or in drawing.

use crate::{extract, Article, EntityKind};
use std::path::{Path, PathBuf};

/// What the worker learns about one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub title: String,
    pub date: Option<String>,
    /// Entities per kind, in `EntityKind::ALL` order.
    pub counts: [usize; 4],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    /// `None` until the worker has read the file.
    pub info: Option<Result<Info, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub offset: usize,
}

impl Library {
    pub fn new(dir: PathBuf, paths: Vec<PathBuf>) -> Library {
        Library {
            dir,
            entries: paths
                .into_iter()
                .map(|path| Entry { path, info: None })
                .collect(),
            selected: 0,
            offset: 0,
        }
    }
}

/// The article files of a folder, by name: regular files, hidden ones left out.
pub fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if is_file && !hidden {
            paths.push(entry.path());
        }
    }
    paths.sort();
    Ok(paths)
}

/// Reads one article for the library list.
pub fn info(path: &Path) -> Result<Info, String> {
    let article = Article::load(path).map_err(|e| e.to_string())?;
    let entities = extract(&article);
    let mut counts = [0; 4];
    for e in &entities {
        if let Some(i) = EntityKind::ALL.iter().position(|&k| k == e.kind) {
            counts[i] += 1;
        }
    }
    Ok(Info {
        title: article.title,
        date: article.date,
        counts,
    })
}
