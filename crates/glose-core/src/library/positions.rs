//! Reading positions: where the reader was in each article, restored on open.

use super::{Library, Result};
use rusqlite::{params, OptionalExtension};
use std::path::Path;

impl Library {
    /// The byte offset the reader was at in `path`'s article.
    pub fn position(&self, path: &Path) -> Result<Option<usize>> {
        let p: Option<i64> = self
            .conn
            .query_row(
                "SELECT offset FROM positions WHERE path = ?1",
                [path.to_string_lossy()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(p.map(|p| p.max(0) as usize))
    }

    pub fn set_position(&self, path: &Path, offset: usize) -> Result<()> {
        self.conn.execute(
            "INSERT INTO positions (path, offset, updated) VALUES (?1, ?2, ?3)
             ON CONFLICT (path) DO UPDATE SET offset = excluded.offset, updated = excluded.updated",
            params![
                path.to_string_lossy(),
                offset as i64,
                crate::notes::time::now()
            ],
        )?;
        Ok(())
    }
}
