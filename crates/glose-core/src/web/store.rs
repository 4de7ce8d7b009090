//! Pages stored as article files in the library folder, so that offsets, notes
//! and corrections anchor to a stable text exactly as for local files. The same
//! URL (or local file) always maps to the same file: fetching again rewrites it
//! and the notes re-anchor as for an edited file.

use super::fetch::{Client, Fetched};
use super::page::Page;
use super::{decode, readable, WebError};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What `Accept` says when a page is fetched.
pub const ACCEPT_HTML: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

/// The library's folder of stored articles: `<data dir>/library`.
pub fn library_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("library")
}

/// Where the article for `key` (a URL, or a local file's canonical path) lives:
/// `library/<host or "files">/<slug>-<hash>.txt`.
pub fn article_path(data_dir: &Path, key: &str) -> PathBuf {
    let hash = hex8(key);
    let (host, rest) = match key.split_once("://") {
        Some((_, after)) => {
            let (host, path) = after.split_once('/').unwrap_or((after, ""));
            let host = host.rsplit('@').next().unwrap_or(host);
            (slug(host, 60), path)
        }
        None => ("files".to_string(), key),
    };
    let last = rest
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let last = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".htm"))
        .unwrap_or(last);
    let name = slug(last, 60);
    let host = if host.is_empty() { "web".into() } else { host };
    let file = if name.is_empty() {
        format!("{hash}.txt")
    } else {
        format!("{name}-{hash}.txt")
    };
    library_dir(data_dir).join(host).join(file)
}

fn hex8(key: &str) -> String {
    let d = Sha256::digest(key.as_bytes());
    d[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase ASCII letters, digits and single dashes, at most `max` bytes.
fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_matches(['-', '.']).to_string()
}

/// Writes `page` as the article for `key` (atomically) and returns its path.
pub fn store(data_dir: &Path, key: &str, page: &Page) -> Result<PathBuf, WebError> {
    let path = article_path(data_dir, key);
    let io = |e: std::io::Error| WebError::Io(super::clean_text(&e.to_string()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let text = page.to_article(&crate::notes::time::now());
    crate::notes::store::write_atomic(&path, text.as_bytes()).map_err(io)?;
    Ok(path)
}

/// Fetches `url` and reduces it to its article (not stored).
pub fn fetch_page(client: &Client, url: &str) -> Result<Page, WebError> {
    match client.get(url, ACCEPT_HTML, None)? {
        Fetched::NotModified => Err(WebError::Other("unexpected 304".into())),
        Fetched::Body {
            url: final_url,
            content_type,
            body,
            ..
        } => {
            if let Some(ct) = &content_type {
                let mime = ct
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let htmlish = mime.is_empty()
                    || mime.contains("html")
                    || mime.contains("xml")
                    || mime.starts_with("text/");
                if !htmlish {
                    return Err(WebError::NotHtml(super::clean_text(&mime)));
                }
            }
            let html = decode::decode(&body, content_type.as_deref());
            drop(body);
            let mut page = readable::extract(&html, Some(&final_url))?;
            // The address the user asked for, not where a tracker redirect ended.
            page.url = Some(url.to_string());
            Ok(page)
        }
    }
}

/// Reads a saved page from disk and reduces it to its article.
pub fn read_page(path: &Path) -> Result<Page, WebError> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => WebError::Io("no such file".into()),
        std::io::ErrorKind::PermissionDenied => WebError::Io("permission denied".into()),
        _ => WebError::Io(super::clean_text(&e.to_string())),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(WebError::Io("not a regular file".into()));
    }
    if meta.len() > super::fetch::MAX_BYTES {
        return Err(WebError::TooLarge(super::fetch::MAX_BYTES));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let html = decode::decode(&bytes, None);
    readable::extract(&html, None)
}

/// Whether `path` names a saved web page (by its extension).
pub fn is_html_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_stable_and_tidy() {
        let d = Path::new("/d");
        let p = article_path(d, "https://www.Example.org/2024/03/storm-power.html?utm=x");
        let s = p.to_string_lossy();
        assert!(
            s.starts_with("/d/library/www.example.org/storm-power-"),
            "{s}"
        );
        assert!(s.ends_with(".txt"));
        assert_eq!(
            p,
            article_path(d, "https://www.Example.org/2024/03/storm-power.html?utm=x")
        );
        assert_ne!(
            p,
            article_path(d, "https://www.Example.org/2024/03/storm-power.html?utm=y")
        );
        let f = article_path(d, "/home/u/page.html");
        assert!(f.starts_with("/d/library/files"), "{f:?}");
        let odd = article_path(d, "http://127.0.0.1:8080/");
        assert!(odd.starts_with("/d/library/127.0.0.1-8080"), "{odd:?}");
    }
}
