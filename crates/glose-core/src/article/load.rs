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
    /// Invalid UTF-8 that reads as a single-byte legacy encoding.
    #[error("invalid UTF-8 at byte offset {0}; Windows-1252 or Latin-1 text? convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8)")]
    Legacy8Bit(usize),
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
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        if looks_8bit(e.as_bytes()) {
            LoadError::Legacy8Bit(at)
        } else {
            LoadError::InvalidUtf8(at)
        }
    })?;
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

/// Invalid UTF-8 that looks like Windows-1252 or Latin-1 text: no well-formed
/// multi-byte UTF-8 sequence at all, and no byte that Windows-1252 leaves undefined.
fn looks_8bit(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => return s.is_ascii(),
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                if !good.is_ascii() {
                    return false;
                }
                if matches!(bad[0], 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
                    return false;
                }
                rest = &bad[e.error_len().unwrap_or(bad.len()).max(1)..];
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_gets_a_hint_other_bad_bytes_do_not() {
        let cp1252 = b"Le pr\xe9sident a dit \x93non\x94 \x96 \x80 50.".to_vec();
        assert!(matches!(decode(cp1252), Err(LoadError::Legacy8Bit(5))));
        let latin1 = b"Caf\xe9 cr\xe8me".to_vec();
        assert!(matches!(decode(latin1), Err(LoadError::Legacy8Bit(3))));
        // Good UTF-8 with one stray byte, and a truncated character: no hint.
        let mixed = "Élysée \u{2019}".bytes().chain([0xFF]).collect();
        assert!(matches!(decode(mixed), Err(LoadError::InvalidUtf8(12))));
        let cut = b"abc\xc3".to_vec();
        assert!(matches!(decode(cut), Err(LoadError::Legacy8Bit(3))));
        let undefined = b"abc\x81def".to_vec();
        assert!(matches!(decode(undefined), Err(LoadError::InvalidUtf8(3))));
    }
}
