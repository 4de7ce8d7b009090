//! Reading a file into good UTF-8 text, or one clear reason why not.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

/// The largest article read by default: 256 MiB. Above it glose refuses (peak
/// memory is a few times the input); `--max-size` lifts it.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

static MAX_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_BYTES);

/// The size limit of [`load`] for this process (`u64::MAX`: none). Set once by
/// the front end from its `--max-size` option.
pub fn set_max_bytes(limit: u64) {
    MAX_BYTES.store(limit, Ordering::Relaxed);
}

pub fn max_bytes() -> u64 {
    MAX_BYTES.load(Ordering::Relaxed)
}

/// A size for people: `300 MB`, `1.5 GB`, `812 KB` (binary multiples).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if v.fract() < 0.05 || v >= 100.0 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

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
    /// Larger than the size limit: (the size, or `None` for standard input that
    /// went past it, and the limit).
    #[error("{}the {} size limit (--max-size SIZE lifts it)", .0.map_or_else(|| "more than ".to_string(), |n| format!("file is {}, above ", human_size(n))), human_size(*.1))]
    TooLarge(Option<u64>, u64),
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
    let limit = max_bytes();
    let bytes = if label == "-" {
        // Redirected from a file: its size is known before reading.
        if let Some(len) = stdin_file_len() {
            if len > limit {
                return Err(LoadError::TooLarge(Some(len), limit));
            }
        }
        // Read with the same cap: one byte more than the limit says it is too large.
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(LoadError::from_io)?;
        if buf.len() as u64 > limit {
            return Err(LoadError::TooLarge(None, limit));
        }
        // Read in doubling steps: give back the unused room, held as long as the text.
        buf.shrink_to_fit();
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
        if meta.len() > limit {
            return Err(LoadError::TooLarge(Some(meta.len()), limit));
        }
        // Capped too: the file may grow between the two calls.
        let mut buf = Vec::with_capacity(meta.len() as usize + 1);
        fs::File::open(path)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut buf))
            .map_err(LoadError::from_io)?;
        if buf.len() as u64 > limit {
            return Err(LoadError::TooLarge(Some(buf.len() as u64), limit));
        }
        buf
    };
    super::Article::from_bytes(&label, bytes)
}

/// The size of standard input when it is a regular file (`glose extract - < f`).
fn stdin_file_len() -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        None
    }
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
