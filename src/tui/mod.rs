//! The terminal reader: the only module that knows ratatui and crossterm.

use std::path::PathBuf;

/// Opens the reader on an article file, or the library view on a folder.
pub fn run(target: PathBuf) -> anyhow::Result<()> {
    anyhow::bail!(
        "{}: the reader is not built yet; try `glose extract`",
        target.display()
    )
}
