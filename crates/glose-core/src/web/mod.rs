//! The web: fetching a page, decoding it, reducing it to its article and storing
//! that as an article file; RSS/Atom feeds; OPML subscription lists.
//!
//! Everything here is untrusted input. Nothing is ever requested but the URL the
//! caller names (no images, scripts or trackers); bodies are capped; text that
//! reaches an article file has its control characters dropped.

pub mod decode;
pub mod feed;
pub mod fetch;
pub mod meta;
pub mod opml;
pub mod page;
pub mod readable;
pub mod store;

pub use fetch::{Client, Fetched, Validators};
pub use page::{Block, Page};

use thiserror::Error;

/// Why a page or feed could not be had. Each renders as one short line; callers
/// prefix it with `glose: URL: `.
#[derive(Debug, Error)]
pub enum WebError {
    /// The server answered with an error status (`404 Not Found`).
    #[error("HTTP {code}{reason}", code = .0, reason = status_reason(*.0))]
    Status(u16),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    #[error("response larger than {}", size(*.0))]
    TooLarge(u64),
    #[error("host not found")]
    HostNotFound,
    #[error("connection failed")]
    ConnectionFailed,
    #[error("not a web address (only http and https are fetched)")]
    BadUrl,
    #[error("not a web page ({0})")]
    NotHtml(String),
    #[error("page nested more than {0} elements deep; refused")]
    TooDeep(usize),
    #[error("no article text found on the page")]
    NoArticle,
    #[error("not a feed: {0}")]
    BadFeed(String),
    #[error("not OPML: {0}")]
    BadOpml(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Other(String),
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{} kB", bytes / 1000)
    }
}

fn status_reason(code: u16) -> String {
    let reason = match code {
        301 | 302 | 303 | 307 | 308 => "redirect without a location",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return String::new(),
    };
    format!(" {reason}")
}

/// `text` with every character a terminal could act on dropped (tabs become
/// spaces), runs of white space collapsed and the ends trimmed: what a title,
/// author or paragraph from the web may contain.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !crate::text::is_unsafe(c) && !is_invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Characters that only steer layout and would make two equal texts differ.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Whether `s` is an `http://` or `https://` URL (what `glose URL` fetches).
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_drops_controls_and_collapses_space() {
        assert_eq!(
            clean_text("  a\u{1b}[31m\tb\u{7}\n c\u{202e}d \u{85}e "),
            "a[31m b cd e"
        );
        assert_eq!(clean_text("soft\u{AD}hyphen"), "softhyphen");
    }

    #[test]
    fn status_lines() {
        assert_eq!(WebError::Status(404).to_string(), "HTTP 404 Not Found");
        assert_eq!(WebError::Status(599).to_string(), "HTTP 599");
        assert_eq!(
            WebError::TooLarge(20_000_000).to_string(),
            "response larger than 20 MB"
        );
    }
}
