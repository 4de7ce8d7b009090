//! The schema and its migrations. Each migration runs once, in order, inside one
//! transaction with the `user_version` bump, so a crash leaves the old or the
//! new schema, never half of one. Never edit a shipped migration: add one.

use super::{LibraryError, Result};
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: feeds, items, read state, fetch metadata, stored articles, positions.
    "CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL UNIQUE,
        title         TEXT,
        site_url      TEXT,
        etag          TEXT,
        last_modified TEXT,
        added         TEXT NOT NULL,
        checked       TEXT,
        error         TEXT
    );
    -- Every article file glose stored or indexed (issue 13 hangs its entity
    -- index and full-text search on these ids).
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        path         TEXT NOT NULL UNIQUE,
        url          TEXT,
        title        TEXT,
        content_hash TEXT,
        stored       TEXT
    );
    CREATE TABLE items (
        id         INTEGER PRIMARY KEY,
        feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid       TEXT NOT NULL,
        url        TEXT,
        title      TEXT NOT NULL,
        date       TEXT,
        author     TEXT,
        seen       TEXT NOT NULL,
        read       INTEGER NOT NULL DEFAULT 0,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        error      TEXT,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX items_newest ON items (COALESCE(date, seen) DESC);
    CREATE INDEX items_by_url ON items (url);
    CREATE TABLE positions (
        path    TEXT PRIMARY KEY,
        offset  INTEGER NOT NULL,
        updated TEXT NOT NULL
    );",
];

/// The version this glose writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > VERSION {
        return Err(LibraryError::Newer {
            found,
            known: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
