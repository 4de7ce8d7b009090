//! Gold files and their articles: single files, folders of `NAME.gold.json`, and the
//! `articles/` + `gold/` layout of the WikiNEuRal splits.

use super::score::Gold;
use crate::export::clean_io;
use crate::{Article, EntityKind};
use std::path::{Path, PathBuf};

/// One evaluation document: a gold annotation and the article it annotates.
pub struct Doc {
    pub gold_path: PathBuf,
    pub gold: Gold,
    pub article: Article,
}

/// Why a corpus could not be read: the file at fault and a one-line reason.
#[derive(Debug)]
pub struct CorpusError {
    pub path: PathBuf,
    pub reason: String,
}

fn err(path: &Path, reason: impl Into<String>) -> CorpusError {
    CorpusError {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// The gold files named by `paths`: a file is itself; a folder gives its
/// `*.gold.json` files and those of its `gold/` subfolder, sorted by name.
pub fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found = Vec::new();
        for dir in [p.clone(), p.join("gold")] {
            if !dir.is_dir() {
                continue;
            }
            let entries = std::fs::read_dir(&dir).map_err(|e| err(&dir, clean_io(&e)))?;
            for e in entries.flatten() {
                let path = e.path();
                if path.is_file() && path.to_string_lossy().ends_with(".gold.json") {
                    found.push(path);
                }
            }
        }
        if found.is_empty() {
            return Err(err(
                p,
                "no gold files (NAME.gold.json, or gold/) in this folder",
            ));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// Reads every gold file and loads its article.
pub fn load(paths: &[PathBuf], articles: Option<&Path>) -> Result<Vec<Doc>, CorpusError> {
    let mut docs = Vec::new();
    for g in gold_files(paths)? {
        let text = std::fs::read_to_string(&g).map_err(|e| err(&g, clean_io(&e)))?;
        let gold: Gold =
            serde_json::from_str(&text).map_err(|e| err(&g, format!("not a gold file: {e}")))?;
        let path = find_article(&g, gold.article.as_deref(), articles)
            .ok_or_else(|| err(&g, "cannot find its article (try --articles DIR)"))?;
        let article = Article::load(&path).map_err(|e| err(&path, e.to_string()))?;
        docs.push(Doc {
            gold_path: g,
            gold,
            article,
        });
    }
    Ok(docs)
}

/// Whether any gold entity is an event: a set without any (WikiNEuRal) is scored
/// with predicted events dropped.
pub fn annotates_events(docs: &[Doc]) -> bool {
    docs.iter().any(|d| {
        d.gold
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Event.as_str())
    })
}

/// Where the article of a gold file is: `--articles DIR`, next to the gold file,
/// `../articles` beside its folder (the eval kit's layout), or `./articles`.
pub fn find_article(
    gold: &std::path::Path,
    named: Option<&str>,
    dir: Option<&std::path::Path>,
) -> Option<std::path::PathBuf> {
    let file = gold.file_name()?.to_string_lossy();
    let stem = file
        .strip_suffix(".gold.json")
        .or_else(|| file.strip_suffix(".json"))
        .unwrap_or(&file);
    let mut names = vec![format!("{stem}.txt")];
    if let Some(n) = named {
        names.insert(0, n.to_string());
    }
    let here = gold.parent().unwrap_or(std::path::Path::new("."));
    let mut dirs = Vec::new();
    if let Some(d) = dir {
        dirs.push(d.to_path_buf());
    }
    dirs.push(here.to_path_buf());
    dirs.push(here.join("..").join("articles"));
    dirs.push(std::path::PathBuf::from("articles"));
    dirs.iter()
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}
