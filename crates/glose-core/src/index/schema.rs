//! The index database: `index.db` in the data directory, WAL mode, its schema
//! version in `PRAGMA user_version` and the migrations that reach it.
//!
//! The index is a cache of the articles and the notes store: deleting the file
//! loses nothing, and `glose index` builds it again. So a database from a later
//! glose (a higher version) is not read, and one that cannot be opened is
//! reported, never repaired in place.

use rusqlite::Connection;

/// The schema this build writes.
pub const VERSION: i32 = 2;

/// Each migration takes the database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
     CREATE TABLE roots (path TEXT PRIMARY KEY) WITHOUT ROWID;
     CREATE TABLE articles (
         id INTEGER PRIMARY KEY,
         path TEXT NOT NULL UNIQUE,
         hash TEXT NOT NULL,
         notes_hash TEXT NOT NULL,
         title TEXT NOT NULL,
         date TEXT,
         month TEXT,
         language TEXT NOT NULL
     );
     CREATE TABLE entities (
         id INTEGER PRIMARY KEY,
         article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         kind TEXT NOT NULL,
         name TEXT NOT NULL,
         mentions INTEGER NOT NULL,
         first_offset INTEGER NOT NULL
     );
     CREATE INDEX entities_article ON entities(article);
     CREATE TABLE entity_keys (
         entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
         key TEXT NOT NULL,
         alias TEXT NOT NULL,
         strong INTEGER NOT NULL,
         PRIMARY KEY (entity, key)
     ) WITHOUT ROWID;
     CREATE INDEX entity_keys_key ON entity_keys(key, strong);
     CREATE TABLE docs (
         id INTEGER PRIMARY KEY,
         article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         kind TEXT NOT NULL,
         offset INTEGER NOT NULL
     );
     CREATE INDEX docs_article ON docs(article);
     CREATE TABLE tags (
         doc INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,
         tag TEXT NOT NULL,
         name TEXT NOT NULL,
         PRIMARY KEY (tag, doc)
     ) WITHOUT ROWID;
     CREATE INDEX tags_doc ON tags(doc);
     CREATE VIRTUAL TABLE text USING fts5(
         title, body, about,
         tokenize = 'unicode61 remove_diacritics 2'
     );",
    // 1 -> 2: library entities kept as groups (see groups.rs); filled in
    // by `groups::regroup_all` for the rows already there.
    "ALTER TABLE entities ADD COLUMN grp INTEGER;
     CREATE INDEX entities_grp ON entities(grp);
     CREATE TABLE key_groups (
         kind TEXT NOT NULL,
         key TEXT NOT NULL,
         grp INTEGER NOT NULL,
         PRIMARY KEY (kind, key)
     ) WITHOUT ROWID;
     CREATE INDEX key_groups_grp ON key_groups(grp);",
];

/// Why the index cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("the index was written by a later glose (schema {0}, this one knows {VERSION}); delete it or run the later glose")]
    Newer(i32),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Sets the connection up (WAL, foreign keys, waiting on a busy writer) and
/// migrates the schema to [`VERSION`].
pub fn prepare(conn: &mut Connection) -> Result<(), SchemaError> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > VERSION {
        return Err(SchemaError::Newer(version));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        if i == 1 {
            super::groups::regroup_all(&tx)?;
        }
        tx.pragma_update(None, "user_version", i as i32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_new_database_and_reopens_it() {
        let mut conn = Connection::open_in_memory().unwrap();
        prepare(&mut conn).unwrap();
        prepare(&mut conn).unwrap();
        let v: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, VERSION);
        assert_eq!(MIGRATIONS.len(), VERSION as usize);
    }

    #[test]
    fn a_version_1_index_gets_its_groups_on_migration() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO articles(id, path, hash, notes_hash, title, language)
                 VALUES (1, '/a', 'h', 'n', 'A', 'fr'), (2, '/b', 'h', 'n', 'B', 'fr');
             INSERT INTO entities(id, article, kind, name, mentions, first_offset)
                 VALUES (1, 1, 'person', 'Vladimir Poutine', 2, 0),
                        (2, 2, 'person', 'V. Poutine', 1, 0),
                        (3, 2, 'place', 'Bichkek', 1, 9);
             INSERT INTO entity_keys(entity, key, alias, strong) VALUES
                 (1, 'vladimir poutine', 'Vladimir Poutine', 1),
                 (2, 'v. poutine', 'V. Poutine', 1),
                 (2, 'vladimir poutine', 'Vladimir Poutine', 1),
                 (3, 'bichkek', 'Bichkek', 1);",
        )
        .unwrap();
        prepare(&mut conn).unwrap();
        let grp = |id: i64| -> i64 {
            conn.query_row("SELECT grp FROM entities WHERE id = ?1", [id], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(grp(1), grp(2));
        assert_ne!(grp(1), grp(3));
    }

    #[test]
    fn a_later_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        let err = prepare(&mut conn).unwrap_err();
        assert!(err.to_string().contains("later glose"), "{err}");
    }

    #[test]
    fn fts5_folds_accents_and_case() {
        let mut conn = Connection::open_in_memory().unwrap();
        prepare(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO text(rowid, title, body, about) VALUES (1, 'T', 'Le Président à Bichkek', '')",
            [],
        )
        .unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM text WHERE text MATCH '\"president\" \"BICHKEK\"'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }
}
