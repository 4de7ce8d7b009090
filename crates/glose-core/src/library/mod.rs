//! The library database: feeds, their items, read state, fetch metadata, stored
//! articles and reading positions, in SQLite (rusqlite with the bundled SQLite,
//! so every machine has the same version with FTS5 for the index to come). WAL
//! mode lets the reader read while `glose feed update` writes; a schema version
//! (`PRAGMA user_version`) with ordered migrations lets later versions add the
//! entity index and full-text search without losing read state.
//!
//! Stored article files live beside it in `library/`; the notes store stays
//! where it is. The database never holds article text: the files do.

mod feeds;
mod items;
mod positions;
mod schema;
pub mod update;

pub use feeds::{Feed, FeedStatus};
pub use items::{Item, ItemFilter};
pub use update::{update, Progress, Summary, PAGES_PER_FEED, POOL};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("library database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("library database is from a newer glose (schema {found}, this glose knows {known}); left untouched")]
    Newer { found: i64, known: i64 },
    #[error("no feed named {0}")]
    NoSuchFeed(String),
    #[error("already subscribed to {0}")]
    Duplicate(String),
    #[error("library database: {0}")]
    Sql(String),
}

impl From<rusqlite::Error> for LibraryError {
    fn from(e: rusqlite::Error) -> Self {
        LibraryError::Sql(crate::web::clean_text(&e.to_string()))
    }
}

pub type Result<T> = std::result::Result<T, LibraryError>;

/// An open library database.
pub struct Library {
    conn: Connection,
    data_dir: PathBuf,
}

/// `<data dir>/library.sqlite`.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join("library.sqlite")
}

impl Library {
    /// Opens (creating and migrating as needed) the library of `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Library> {
        let path = db_path(data_dir);
        let fail = |e: &dyn std::fmt::Display| LibraryError::Open {
            path: crate::web::clean_text(&path.display().to_string()),
            reason: crate::web::clean_text(&e.to_string()),
        };
        std::fs::create_dir_all(data_dir).map_err(|e| fail(&e))?;
        let mut conn = Connection::open(&path).map_err(|e| fail(&e))?;
        // Another glose (the reader, a cron update) may hold the write lock.
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(|e| fail(&e))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| fail(&e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| fail(&e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| fail(&e))?;
        schema::migrate(&mut conn)?;
        Ok(Library {
            conn,
            data_dir: data_dir.to_path_buf(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The schema version in use.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Records a stored article file (by path), returning its id.
    pub fn record_article(&self, path: &Path, url: Option<&str>, title: &str) -> Result<i64> {
        let path = path.to_string_lossy();
        self.conn.execute(
            "INSERT INTO articles (path, url, title, stored) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(path) DO UPDATE SET url = excluded.url, title = excluded.title,
             stored = excluded.stored",
            rusqlite::params![path, url, title, crate::notes::time::now()],
        )?;
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE path = ?1", [path], |r| {
                r.get(0)
            })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_in_wal_mode_at_the_current_version_and_reopened() {
        let dir = tempfile_dir();
        let lib = Library::open(&dir).unwrap();
        assert_eq!(lib.schema_version().unwrap(), schema::VERSION);
        let mode: String = lib
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let f = lib.add_feed("http://127.0.0.1:1/f.xml", "F").unwrap();
        drop(lib);
        let lib = Library::open(&dir).unwrap();
        assert_eq!(
            lib.feeds().unwrap(),
            vec![Library::open(&dir).unwrap().find_feed("F").unwrap()]
        );
        assert_eq!(lib.find_feed("http://127.0.0.1:1/f.xml").unwrap().id, f.id);
        assert!(matches!(
            lib.add_feed("http://127.0.0.1:1/f.xml", "G"),
            Err(LibraryError::Duplicate(_))
        ));
        assert_eq!(
            lib.add_feed("http://127.0.0.1:1/g.xml", "F").unwrap().name,
            "F (2)"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_newer_database_is_refused_and_left_alone() {
        let dir = tempfile_dir();
        drop(Library::open(&dir).unwrap());
        let conn = Connection::open(db_path(&dir)).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = Library::open(&dir).err().unwrap();
        assert_eq!(
            err.to_string(),
            format!("library database is from a newer glose (schema 99, this glose knows {}); left untouched", schema::VERSION)
        );
        let conn = Connection::open(db_path(&dir)).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 99);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reading_positions_are_remembered() {
        let dir = tempfile_dir();
        let lib = Library::open(&dir).unwrap();
        let p = Path::new("/x/a.txt");
        assert_eq!(lib.position(p).unwrap(), None);
        lib.set_position(p, 1234).unwrap();
        lib.set_position(p, 2048).unwrap();
        drop(lib);
        assert_eq!(
            Library::open(&dir).unwrap().position(p).unwrap(),
            Some(2048)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempfile_dir() -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let d = std::env::temp_dir().join(format!(
            "glose-library-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&d);
        d
    }
}
