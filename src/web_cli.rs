//! The web commands: `glose URL`, `glose FILE.html` and `glose fetch`; the feed,
//! items and OPML commands build on the same helpers. Every line printed here
//! goes through the sanitizer: URLs, titles and reasons come from the web.

use crate::text::sanitize;
use crate::web::{self, store, Client, WebError};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Whether the reader's argument is something the web commands handle.
pub fn is_web_target(path: &Path) -> bool {
    let s = path.to_string_lossy();
    web::is_web_url(&s) || store::is_html_file(path)
}

/// The data directory, or the one line saying why there is none.
pub fn data_dir() -> Result<PathBuf, String> {
    crate::notes::store::data_dir().map_err(|e| sanitize(&e.to_string()))
}

/// Stores one input (a URL or a saved page) as an article; its path.
pub fn store_input(client: &Client, data: &Path, input: &str) -> Result<PathBuf, WebError> {
    if web::is_web_url(input) {
        let page = store::fetch_page(client, input)?;
        store::store(data, input, &page)
    } else {
        let path = Path::new(input);
        let page = store::read_page(path)?;
        let key = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .to_string_lossy()
            .into_owned();
        store::store(data, &key, &page)
    }
}

/// `glose fetch URL|FILE.html...`: one stored path per input on stdout.
pub fn run_fetch(inputs: &[String]) -> ExitCode {
    let data = match data_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("glose: {e}");
            return ExitCode::from(1);
        }
    };
    let client = Client::new();
    let mut status = ExitCode::SUCCESS;
    let mut out = std::io::stdout().lock();
    for input in inputs {
        let spinner = Spinner::start(input);
        let result = store_input(&client, &data, input);
        drop(spinner);
        match result {
            Ok(path) => {
                if writeln!(out, "{}", sanitize(&path.display().to_string())).is_err() {
                    return status; // closed pipe: nobody reads on
                }
            }
            Err(e) => {
                let _ = out.flush();
                eprintln!("glose: {}: {}", sanitize(input), sanitize(&e.to_string()));
                status = ExitCode::from(1);
            }
        }
    }
    status
}

/// `glose URL` or `glose FILE.html`: the stored article to open in the reader.
/// A URL already stored opens as stored, with no network (`glose fetch URL`
/// refreshes it); a saved page is converted again, as it may have changed.
pub fn article_for(target: &Path) -> anyhow::Result<PathBuf> {
    let data = data_dir().map_err(anyhow::Error::msg)?;
    let input = target.to_string_lossy().into_owned();
    if web::is_web_url(&input) {
        let stored = store::article_path(&data, &input);
        if stored.is_file() {
            return Ok(stored);
        }
    }
    let spinner = Spinner::start(&input);
    let result = store_input(&Client::new(), &data, &input);
    drop(spinner);
    result.map_err(|e| anyhow::anyhow!("{}: {}", sanitize(&input), sanitize(&e.to_string())))
}

/// "fetching URL…" on stderr while a page is fetched, when stderr is a terminal.
pub struct Spinner(Option<indicatif::ProgressBar>);

impl Spinner {
    pub fn start(what: &str) -> Spinner {
        if !std::io::stderr().is_terminal() {
            return Spinner(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(format!("fetching {}", sanitize(what)));
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        Spinner(Some(bar))
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}
