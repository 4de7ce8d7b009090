//! Feed items: what each feed said, whether it was read, its stored article or
//! why that failed.

use super::{Library, Result};
use crate::web::feed::FeedItem;
use rusqlite::{params, OptionalExtension, Row};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub feed_id: i64,
    /// The feed's name.
    pub feed: String,
    pub url: Option<String>,
    pub title: String,
    /// RFC 3339 (UTC) as the feed gave it, when it did.
    pub date: Option<String>,
    pub author: Option<String>,
    pub read: bool,
    /// The stored article file, once there is one.
    pub article: Option<PathBuf>,
    /// Why the page could not be stored (retried at the next update).
    pub error: Option<String>,
}

/// Which items to list.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    /// Only this feed's (its id).
    pub feed: Option<i64>,
    pub unread_only: bool,
    pub limit: Option<usize>,
}

const SELECT: &str = "SELECT i.id, i.feed_id, f.name, i.url, i.title, i.date, i.author, i.read,
    a.path, i.error
    FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN articles a ON a.id = i.article_id";

fn item(r: &Row) -> rusqlite::Result<Item> {
    Ok(Item {
        id: r.get(0)?,
        feed_id: r.get(1)?,
        feed: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        date: r.get(5)?,
        author: r.get(6)?,
        read: r.get(7)?,
        article: r.get::<_, Option<String>>(8)?.map(PathBuf::from),
        error: r.get(9)?,
    })
}

impl Library {
    /// Items newest first (by the feed's date, else when first seen).
    pub fn items(&self, filter: &ItemFilter) -> Result<Vec<Item>> {
        let mut sql = format!("{SELECT} WHERE (?1 IS NULL OR i.feed_id = ?1)");
        if filter.unread_only {
            sql.push_str(" AND i.read = 0");
        }
        sql.push_str(" ORDER BY COALESCE(i.date, i.seen) DESC, i.id DESC LIMIT ?2");
        let limit = filter.limit.map_or(-1, |l| l as i64);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![filter.feed, limit], item)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn item(&self, id: i64) -> Result<Option<Item>> {
        Ok(self
            .conn
            .query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], item)
            .optional()?)
    }

    pub fn set_read(&self, id: i64, read: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET read = ?2 WHERE id = ?1",
            params![id, read],
        )?;
        Ok(())
    }

    /// Flips an item's read state; the new state.
    pub fn toggle_read(&self, id: i64) -> Result<bool> {
        self.conn
            .execute("UPDATE items SET read = 1 - read WHERE id = ?1", [id])?;
        Ok(self
            .conn
            .query_row("SELECT read FROM items WHERE id = ?1", [id], |r| r.get(0))?)
    }

    /// Marks read every item whose stored article is `path` (opening it in the
    /// reader reads it, however it was opened).
    pub fn mark_read_by_path(&self, path: &Path) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET read = 1 WHERE article_id IN
               (SELECT id FROM articles WHERE path = ?1)",
            [path.to_string_lossy()],
        )?;
        Ok(())
    }

    /// The items whose stored article is `path`.
    pub fn items_of_article(&self, path: &Path) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.id FROM items i JOIN articles a ON a.id = i.article_id WHERE a.path = ?1",
        )?;
        let rows = stmt.query_map([path.to_string_lossy()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Links an item to its stored article and clears any earlier error.
    pub fn item_stored(&self, id: i64, path: &Path, title: &str) -> Result<()> {
        let url: Option<String> = self
            .conn
            .query_row("SELECT url FROM items WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .flatten();
        let article = self.record_article(path, url.as_deref(), title)?;
        self.conn.execute(
            "UPDATE items SET article_id = ?2, error = NULL WHERE id = ?1",
            params![id, article],
        )?;
        Ok(())
    }

    /// Records why an item's page could not be stored.
    pub fn item_failed(&self, id: i64, error: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET error = ?2 WHERE id = ?1",
            params![id, crate::web::clean_text(error)],
        )?;
        Ok(())
    }

    /// Inserts the items a feed gave that are not known yet, in one transaction;
    /// the new ones' ids with their index in `items`.
    pub fn insert_items(&mut self, feed_id: i64, items: &[FeedItem]) -> Result<Vec<(i64, usize)>> {
        let now = crate::notes::time::now();
        let tx = self.conn.transaction()?;
        let mut new = Vec::new();
        {
            let mut stmt = tx.prepare(
                "INSERT INTO items (feed_id, guid, url, title, date, author, seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (feed_id, guid) DO NOTHING",
            )?;
            for (i, it) in items.iter().enumerate() {
                let n = stmt.execute(params![
                    feed_id, it.guid, it.url, it.title, it.date, it.author, now
                ])?;
                if n == 1 {
                    new.push((tx.last_insert_rowid(), i));
                }
            }
        }
        tx.commit()?;
        Ok(new)
    }

    /// Items of a feed with a URL but no stored article yet (new ones and those
    /// that failed before), newest first.
    pub fn items_to_fetch(&self, feed_id: i64, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, url FROM items WHERE feed_id = ?1 AND article_id IS NULL
               AND url IS NOT NULL
             ORDER BY COALESCE(date, seen) DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![feed_id, limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
