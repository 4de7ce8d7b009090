//! Reading a file into good UTF-8 text, or one clear reason why not.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use thiserror::Error;

/// Why a file could not become an article. Each renders as one short line; the
/// CLI prefixes it with `glose: <path>: `.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory")]
    IsDirectory,
    #[error("permission denied")]
    PermissionDenied,
    #[error("not a regular file")]
    NotRegular,
    #[error("file is empty")]
    Empty,
    #[error("file contains only whitespace")]
    Blank,
    #[error("binary file (NUL byte at offset {0})")]
    Binary(usize),
    #[error("invalid UTF-8 at byte offset {0}")]
    InvalidUtf8(usize),
    #[error("UTF-16 text is not supported; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")]
    Utf16,
    #[error("{0}")]
    Io(String),
}

impl LoadError {
    fn from_io(e: io::Error) -> LoadError {
        match e.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound,
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied,
            io::ErrorKind::IsADirectory => LoadError::IsDirectory,
            _ => {
                // Symlink loops and the like: the OS message, without the "(os error N)" tail.
                let msg = e.to_string();
                let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                LoadError::Io(msg.to_lowercase())
            }
        }
    }
}

/// Reads `path` (`-` is standard input) and decodes it.
pub fn load(path: &Path) -> Result<super::Article, LoadError> {
    let label = path.to_string_lossy().into_owned();
    let bytes = if label == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(LoadError::from_io)?;
        buf
    } else {
        let meta = fs::metadata(path).map_err(LoadError::from_io)?;
        if meta.is_dir() {
            return Err(LoadError::IsDirectory);
        }
        // A FIFO or device could block forever or never end: refuse it.
        if !meta.is_file() {
            return Err(LoadError::NotRegular);
        }
        fs::read(path).map_err(LoadError::from_io)?
    };
    super::Article::from_bytes(&label, bytes)
}

/// Bytes -> text, refusing what is not a UTF-8 article.
pub fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(&bytes) {
        return Err(LoadError::Utf16);
    }
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary(i));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| LoadError::InvalidUtf8(e.utf8_error().valid_up_to()))?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Blank);
    }
    Ok(text)
}

/// UTF-16 without a BOM: mostly ASCII text leaves every other byte NUL.
fn looks_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    if sample.len() < 4 {
        return false;
    }
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    (zeros_even * 10 > half * 8 && zeros_odd * 10 < half)
        || (zeros_odd * 10 > half * 8 && zeros_even * 10 < half)
}
