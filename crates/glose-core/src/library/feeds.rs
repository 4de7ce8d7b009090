//! Subscriptions: add, remove, list, and what the last update learned.

use super::{Library, LibraryError, Result};
use crate::web::Validators;
use rusqlite::{params, OptionalExtension, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    /// What the user calls it: `--name`, else the feed's title.
    pub name: String,
    /// The feed's own title.
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub validators: Validators,
    pub added: String,
    /// When it was last read, and the reason if that failed.
    pub checked: Option<String>,
    pub error: Option<String>,
    pub items: usize,
    pub unread: usize,
}

/// What one update learned about a feed.
#[derive(Debug, Clone, Default)]
pub struct FeedStatus {
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub validators: Option<Validators>,
    pub error: Option<String>,
}

const SELECT: &str = "SELECT f.id, f.url, f.name, f.title, f.site_url, f.etag, f.last_modified,
    f.added, f.checked, f.error,
    (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id),
    (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0)
    FROM feeds f";

fn feed(r: &Row) -> rusqlite::Result<Feed> {
    Ok(Feed {
        id: r.get(0)?,
        url: r.get(1)?,
        name: r.get(2)?,
        title: r.get(3)?,
        site_url: r.get(4)?,
        validators: Validators {
            etag: r.get(5)?,
            last_modified: r.get(6)?,
        },
        added: r.get(7)?,
        checked: r.get(8)?,
        error: r.get(9)?,
        items: r.get::<_, i64>(10)? as usize,
        unread: r.get::<_, i64>(11)? as usize,
    })
}

impl Library {
    /// Subscribes to `url` under `name` (made unique with ` (2)`, ` (3)`... when
    /// another feed has it).
    pub fn add_feed(&self, url: &str, name: &str) -> Result<Feed> {
        if self.find_feed(url).is_ok() {
            return Err(LibraryError::Duplicate(url.to_string()));
        }
        let name = self.free_name(name, None)?;
        self.conn.execute(
            "INSERT INTO feeds (url, name, added) VALUES (?1, ?2, ?3)",
            params![url, name, crate::notes::time::now()],
        )?;
        self.find_feed(url)
    }

    /// `name`, or `name (2)`... whichever no other feed than `except` uses.
    fn free_name(&self, name: &str, except: Option<i64>) -> Result<String> {
        let base = crate::web::clean_text(name);
        let base = if base.is_empty() {
            "feed".to_string()
        } else {
            base
        };
        for n in 1.. {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base} ({n})")
            };
            let taken: Option<i64> = self
                .conn
                .query_row("SELECT id FROM feeds WHERE name = ?1", [&candidate], |r| {
                    r.get(0)
                })
                .optional()?;
            if taken.is_none() || taken == except {
                return Ok(candidate);
            }
        }
        unreachable!("some name is free")
    }

    /// Sets the site a feed belongs to (OPML's `htmlUrl`) when none is known.
    pub fn set_feed_site(&self, id: i64, site: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET site_url = COALESCE(site_url, ?2) WHERE id = ?1",
            params![id, site],
        )?;
        Ok(())
    }

    /// Renames a feed (the name is made unique as for [`Library::add_feed`]).
    pub fn rename_feed(&self, id: i64, name: &str) -> Result<String> {
        let name = self.free_name(name, Some(id))?;
        self.conn.execute(
            "UPDATE feeds SET name = ?1 WHERE id = ?2",
            params![name, id],
        )?;
        Ok(name)
    }

    /// The feed whose name or URL is `key`.
    pub fn find_feed(&self, key: &str) -> Result<Feed> {
        self.conn
            .query_row(
                &format!("{SELECT} WHERE f.name = ?1 OR f.url = ?1 ORDER BY f.name = ?1 DESC"),
                [key],
                feed,
            )
            .optional()?
            .ok_or_else(|| LibraryError::NoSuchFeed(crate::web::clean_text(key)))
    }

    /// Unsubscribes; the feed's items go too (their stored article files stay).
    pub fn remove_feed(&self, key: &str) -> Result<Feed> {
        let f = self.find_feed(key)?;
        self.conn
            .execute("DELETE FROM feeds WHERE id = ?1", [f.id])?;
        Ok(f)
    }

    /// Every feed, by name.
    pub fn feeds(&self) -> Result<Vec<Feed>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT} ORDER BY f.name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], feed)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what an update learned.
    pub fn feed_checked(&self, id: i64, status: &FeedStatus) -> Result<()> {
        let now = crate::notes::time::now();
        self.conn.execute(
            "UPDATE feeds SET checked = ?2, error = ?3,
               title = COALESCE(?4, title), site_url = COALESCE(?5, site_url)
             WHERE id = ?1",
            params![id, now, status.error, status.title, status.site_url],
        )?;
        if let Some(v) = &status.validators {
            self.conn.execute(
                "UPDATE feeds SET etag = ?2, last_modified = ?3 WHERE id = ?1",
                params![id, v.etag, v.last_modified],
            )?;
        }
        Ok(())
    }
}
