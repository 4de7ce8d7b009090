//! The library index: which entities each article mentions (with the reader's
//! corrections applied), which articles share an entity, and full-text search
//! over articles and notes (SQLite FTS5, accents and case folded).
//!
//! It lives in its own database, `index.db` in the data directory, apart from
//! the notes and the library's feeds: it is a cache of both, rebuilt by
//! `glose index`, so deleting it loses nothing. Articles are indexed again only
//! when their text or their notes changed (by content hash).
//!
//! Front ends call [`index_document`] when they open or store an article, and
//! [`Index`]'s queries to answer "where else", "search" and "entities".

mod build;
mod groups;
pub mod identity;
mod query;
mod record;
mod schema;
pub mod timeline;

pub use build::{article_files, index_paths, Progress, Summary};
pub use query::{AlsoIn, LibraryEntity, Month, SearchHit, WhereHit};
pub use record::{key_path, notes_hash, Record, RecordEntity, RecordNote};
pub use schema::VERSION;

use crate::Document;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The index file's name in the data directory.
pub const FILE_NAME: &str = "index.db";

/// Why the index could not be opened, read or written. One line.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no data directory (set GLOSE_DATA_DIR)")]
    NoDataDir,
    #[error("cannot create {}: {}", crate::text::sanitize(&.0.display().to_string()), crate::export::clean_io(.1))]
    Create(PathBuf, std::io::Error),
    #[error("index {}: {}", crate::text::sanitize(&.0.display().to_string()), .1)]
    Open(PathBuf, String),
    #[error("index: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The path of the index in `data_dir`.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// Where the article's index row and its `(hash, notes_hash)` are.
pub type Known = HashMap<String, (String, String)>;

/// An open index.
pub struct Index {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

impl Index {
    /// The index of the data directory (`$GLOSE_DATA_DIR`, else the XDG data
    /// directory), created if needed.
    pub fn open_default() -> Result<Index, IndexError> {
        let dir = crate::notes::store::data_dir().map_err(|_| IndexError::NoDataDir)?;
        Index::open_in(&dir)
    }

    /// The index in `data_dir`, created (with the folder) if needed.
    pub fn open_in(data_dir: &Path) -> Result<Index, IndexError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| IndexError::Create(data_dir.to_path_buf(), e))?;
        let path = path_in(data_dir);
        let open = |path: &Path| -> Result<Connection, String> {
            let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
            schema::prepare(&mut conn).map_err(|e| e.to_string())?;
            Ok(conn)
        };
        let conn = open(&path).map_err(|e| IndexError::Open(path.clone(), e))?;
        Ok(Index { conn, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every indexed article's path with its text and notes hashes.
    pub fn known(&self) -> Result<Known, IndexError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, hash, notes_hash FROM articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether the article at `path` (canonical) is indexed as it is now.
    pub fn is_current(&self, record_path: &str, hash: &str, notes_hash: &str) -> bool {
        self.conn
            .query_row(
                "SELECT 1 FROM articles WHERE path = ?1 AND hash = ?2 AND notes_hash = ?3",
                params![record_path, hash, notes_hash],
                |_| Ok(()),
            )
            .optional()
            .ok()
            .flatten()
            .is_some()
    }

    /// Stores records, replacing what was indexed for their paths, in one
    /// transaction.
    pub fn put(&mut self, records: &[Record]) -> Result<(), IndexError> {
        let tx = self.conn.transaction()?;
        let mut batch = groups::Batch::new(&tx)?;
        for r in records {
            write_record(&tx, &mut batch, r)?;
        }
        batch.finish(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets articles (canonical paths); how many were indexed.
    pub fn remove(&mut self, paths: &[String]) -> Result<usize, IndexError> {
        let tx = self.conn.transaction()?;
        let mut batch = groups::Batch::new(&tx)?;
        let mut n = 0;
        for p in paths {
            n += delete_article(&tx, &mut batch, p)?;
        }
        batch.finish(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Remembers a folder given to `glose index`, so `glose index` alone
    /// revisits it.
    pub fn add_root(&mut self, dir: &Path) -> Result<(), IndexError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO roots(path) VALUES (?1)",
            [dir.to_string_lossy()],
        )?;
        Ok(())
    }

    /// The folders given to `glose index` before.
    pub fn roots(&self) -> Result<Vec<PathBuf>, IndexError> {
        let mut stmt = self.conn.prepare("SELECT path FROM roots ORDER BY path")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(PathBuf::from)
            .collect())
    }

    /// How many articles are indexed.
    pub fn article_count(&self) -> Result<usize, IndexError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The connection, for the queries.
    fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// `YYYY-MM` of a date written `YYYY-MM...`.
fn month_of(date: Option<&str>) -> Option<String> {
    let d = date?.get(..7)?;
    let b = d.as_bytes();
    let ok = b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(
            &d[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        );
    ok.then(|| d.to_string())
}

fn delete_article(
    tx: &rusqlite::Transaction<'_>,
    batch: &mut groups::Batch,
    path: &str,
) -> Result<usize, rusqlite::Error> {
    let id: Option<i64> = tx
        .query_row("SELECT id FROM articles WHERE path = ?1", [path], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(id) = id else { return Ok(0) };
    batch.removing(tx, id)?;
    tx.execute(
        "DELETE FROM text WHERE rowid IN (SELECT id FROM docs WHERE article = ?1)",
        [id],
    )?;
    // Entities, keys, docs and tags go with the article (ON DELETE CASCADE).
    tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
    Ok(1)
}

fn write_record(
    tx: &rusqlite::Transaction<'_>,
    batch: &mut groups::Batch,
    r: &Record,
) -> Result<(), rusqlite::Error> {
    delete_article(tx, batch, &r.path)?;
    tx.execute(
        "INSERT INTO articles(path, hash, notes_hash, title, date, month, language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            r.path,
            r.hash,
            r.notes_hash,
            r.title,
            r.date,
            month_of(r.date.as_deref()),
            r.language
        ],
    )?;
    let article = tx.last_insert_rowid();
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities(article, kind, name, mentions, first_offset) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut key = tx.prepare_cached(
        "INSERT OR IGNORE INTO entity_keys(entity, key, alias, strong) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for e in &r.entities {
        ent.execute(params![
            article,
            e.kind.as_str(),
            e.name,
            e.mentions as i64,
            e.first_offset as i64
        ])?;
        let id = tx.last_insert_rowid();
        for a in &e.aliases {
            key.execute(params![id, a.key, a.text, a.strong])?;
        }
        let strong: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| a.strong && !a.key.is_empty())
            .map(|a| a.key.as_str())
            .collect();
        groups::join(tx, batch, id, e.kind, &strong)?;
    }
    let mut doc =
        tx.prepare_cached("INSERT INTO docs(article, kind, offset) VALUES (?1, ?2, ?3)")?;
    let mut text =
        tx.prepare_cached("INSERT INTO text(rowid, title, body, about) VALUES (?1, ?2, ?3, ?4)")?;
    let mut tag =
        tx.prepare_cached("INSERT OR IGNORE INTO tags(doc, tag, name) VALUES (?1, ?2, ?3)")?;
    doc.execute(params![article, "article", 0i64])?;
    text.execute(params![tx.last_insert_rowid(), r.title, r.body, ""])?;
    for n in &r.notes {
        doc.execute(params![article, "note", n.offset as i64])?;
        let id = tx.last_insert_rowid();
        // A note is found by its own words, not by its article's title.
        text.execute(params![id, "", n.text, n.about])?;
        for t in &n.tags {
            tag.execute(params![id, identity::fold_name(t), t])?;
        }
    }
    Ok(())
}

/// Indexes an opened document in the default index: the hook for every place
/// that opens or stores an article (the reader once the entities are in, the
/// web library when it stores a page). Does nothing when the article is
/// already indexed as it is; standard input is never indexed.
pub fn index_document(doc: &Document) -> Result<(), IndexError> {
    if doc.article.path == "-" || !doc.extracted {
        return Ok(());
    }
    let mut index = Index::open_default()?;
    index.index_document(doc)
}

/// Opens the article at `path` as every caller does (notes read, corrections
/// applied) and indexes it in the default index: for callers that store an
/// article without opening it (`glose fetch`).
pub fn index_file(path: &Path) -> Result<(), IndexError> {
    let store = crate::NotesStore::from_env().read_only();
    let Ok((doc, _)) = Document::open(path, &store) else {
        return Ok(()); // not an article: nothing to index
    };
    index_document(&doc)
}

impl Index {
    /// Indexes one opened document unless it is indexed as it is.
    pub fn index_document(&mut self, doc: &Document) -> Result<(), IndexError> {
        let path = key_path(&doc.article.path);
        let hash = crate::notes::store::content_hash(&doc.article.text);
        if self.is_current(&path, &hash, &notes_hash(doc)) {
            return Ok(());
        }
        self.put(&[Record::of(doc)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_come_from_iso_dates_only() {
        assert_eq!(month_of(Some("2023-10-12")), Some("2023-10".into()));
        assert_eq!(month_of(Some("2023-10")), Some("2023-10".into()));
        assert_eq!(month_of(Some("2023-13")), None);
        assert_eq!(month_of(Some("2023")), None);
        assert_eq!(month_of(Some("12 octobre")), None);
        assert_eq!(month_of(None), None);
    }
}
