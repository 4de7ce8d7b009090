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

/// The data directory when its library database has feeds (what `glose` with no
/// argument opens); never creates the database.
pub fn feeds_library() -> Option<PathBuf> {
    let dir = crate::notes::store::data_dir().ok()?;
    if !crate::library::db_path(&dir).is_file() {
        return None;
    }
    let lib = Library::open(&dir).ok()?;
    (!lib.feeds().ok()?.is_empty()).then_some(dir)
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
            crate::cli::say(&e);
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
                index(&path);
                if writeln!(out, "{}", sanitize(&path.display().to_string())).is_err() {
                    return status; // closed pipe: nobody reads on
                }
            }
            Err(e) => {
                let _ = out.flush();
                crate::cli::say(&format!("{input}: {e}"));
                status = ExitCode::from(1);
            }
        }
    }
    status
}

/// Adds a stored article to the library index (a cache: a failure only warns).
fn index(path: &Path) {
    if let Err(e) = crate::index::index_file(path) {
        crate::cli::say(&format!("{}: not indexed: {e}", path.display()));
    }
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
    if let Ok(path) = &result {
        index(path);
    }
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

// ---- feeds and items ---------------------------------------------------------------

use crate::library::{Feed, ItemFilter, Library, Progress};
use crate::web::opml;
use clap::Subcommand;
use serde::Serialize;

#[derive(Debug, Subcommand)]
pub enum FeedAction {
    /// Subscribe to an RSS or Atom feed (read once now to check it).
    Add {
        url: String,
        /// What to call it (default: the feed's title).
        #[arg(long)]
        name: Option<String>,
    },
    /// Unsubscribe (stored articles stay).
    Remove {
        #[arg(value_name = "NAME|URL")]
        feed: String,
    },
    /// The subscriptions with their unread counts.
    List {
        #[arg(long, value_enum, default_value_t = crate::cli::Format::Text)]
        format: crate::cli::Format,
    },
    /// Fetch feeds (all, or those named) and store their new items' articles.
    Update {
        #[arg(value_name = "NAME|URL")]
        feeds: Vec<String>,
    },
    /// Subscribe to every feed of an OPML file (from newsboat or any reader).
    Import { file: PathBuf },
    /// Print the subscriptions as OPML 2.0.
    Export,
}

fn fail(line: impl std::fmt::Display) -> ExitCode {
    crate::cli::say(&line.to_string());
    ExitCode::from(1)
}

fn open_library() -> Result<Library, String> {
    let data = data_dir()?;
    Library::open(&data).map_err(|e| e.to_string())
}

pub fn run_feed(action: FeedAction) -> ExitCode {
    let mut lib = match open_library() {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    match action {
        FeedAction::Add { url, name } => feed_add(&mut lib, &url, name.as_deref()),
        FeedAction::Remove { feed } => match lib.remove_feed(&feed) {
            Ok(f) => {
                println!("removed {} ({} items)", sanitize(&f.name), f.items);
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        FeedAction::List { format } => feed_list(&lib, format),
        FeedAction::Update { feeds } => {
            let chosen = if feeds.is_empty() {
                lib.feeds()
            } else {
                feeds.iter().map(|k| lib.find_feed(k)).collect()
            };
            match chosen {
                Ok(chosen) => feed_update(&mut lib, &chosen),
                Err(e) => fail(e),
            }
        }
        FeedAction::Import { file } => feed_import(&lib, &file),
        FeedAction::Export => {
            let outlines: Vec<opml::Outline> = match lib.feeds() {
                Ok(f) => f
                    .into_iter()
                    .map(|f| opml::Outline {
                        name: f.name,
                        url: f.url,
                        site: f.site_url,
                    })
                    .collect(),
                Err(e) => return fail(e),
            };
            let mut out = std::io::stdout().lock();
            match out.write_all(opml::write_now(&outlines).as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => fail(e),
                _ => ExitCode::SUCCESS,
            }
        }
    }
}

fn feed_add(lib: &mut Library, url: &str, name: Option<&str>) -> ExitCode {
    if !web::is_web_url(url) {
        return fail(format!("{url}: {}", WebError::BadUrl));
    }
    let feed = match lib.add_feed(url, name.unwrap_or(url)) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let summary = match run_update(lib, std::slice::from_ref(&feed)) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if let Some((url, reason)) = summary.failed.first() {
        // Not subscribed to something that cannot be read.
        let _ = lib.remove_feed(&feed.url);
        return fail(format!("{url}: {reason}"));
    }
    let mut shown = feed.name.clone();
    if name.is_none() {
        if let Ok(Some(title)) = lib.find_feed(&feed.url).map(|f| f.title) {
            shown = lib.rename_feed(feed.id, &title).unwrap_or(shown);
        }
    }
    println!(
        "added {} ({} items, {} articles stored)",
        sanitize(&shown),
        summary.new_items,
        summary.stored
    );
    ExitCode::SUCCESS
}

#[derive(Serialize)]
struct FeedJson<'a> {
    name: &'a str,
    url: &'a str,
    title: Option<&'a str>,
    site: Option<&'a str>,
    items: usize,
    unread: usize,
    checked: Option<&'a str>,
    error: Option<&'a str>,
}

fn feed_list(lib: &Library, format: crate::cli::Format) -> ExitCode {
    let feeds = match lib.feeds() {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let width = feeds
        .iter()
        .map(|f| unicode_width::UnicodeWidthStr::width(sanitize(&f.name).as_str()))
        .max()
        .unwrap_or(0);
    for f in &feeds {
        let line = match format {
            crate::cli::Format::Json => serde_json::to_string(&FeedJson {
                name: &f.name,
                url: &f.url,
                title: f.title.as_deref(),
                site: f.site_url.as_deref(),
                items: f.items,
                unread: f.unread,
                checked: f.checked.as_deref(),
                error: f.error.as_deref(),
            })
            .unwrap_or_default(),
            crate::cli::Format::Text => {
                let name = sanitize(&f.name);
                let pad = width - unicode_width::UnicodeWidthStr::width(name.as_str());
                let mut l = format!(
                    "{name}{}  {:>4} unread / {:<4}  {}",
                    " ".repeat(pad),
                    f.unread,
                    f.items,
                    sanitize(&f.url)
                );
                if let Some(e) = &f.error {
                    l.push_str(&format!("  (last update: {})", sanitize(e)));
                }
                l
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

/// Runs an update with a progress bar on stderr when it is a terminal.
fn run_update(lib: &mut Library, feeds: &[Feed]) -> Result<crate::library::Summary, String> {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(feeds.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |p: &Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(sanitize(&p.what));
        }
    };
    let result = crate::library::update(lib, &Client::new(), feeds, &progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Ok(summary) = &result {
        for path in &summary.articles {
            index(path);
        }
    }
    result.map_err(|e| e.to_string())
}

fn feed_update(lib: &mut Library, feeds: &[Feed]) -> ExitCode {
    let summary = match run_update(lib, feeds) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    for (url, reason) in &summary.failed {
        crate::cli::say(&format!("{url}: {reason}"));
    }
    let errors = summary.failed.len() + summary.page_errors;
    println!(
        "{} feed{}, {} new item{}, {} article{} stored, {} error{}",
        summary.feeds,
        plural(summary.feeds),
        summary.new_items,
        plural(summary.new_items),
        summary.stored,
        plural(summary.stored),
        errors,
        plural(errors)
    );
    if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn feed_import(lib: &Library, file: &Path) -> ExitCode {
    let shown = sanitize(&file.display().to_string());
    let bytes = match std::fs::metadata(file).and_then(|m| {
        if m.len() > web::fetch::MAX_BYTES {
            Err(std::io::Error::other("file larger than 20 MB"))
        } else {
            std::fs::read(file)
        }
    }) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail(format!("{shown}: no such file"))
        }
        Err(e) => return fail(format!("{shown}: {}", web::clean_text(&e.to_string()))),
    };
    let outlines = match opml::parse(&bytes) {
        Ok(o) => o,
        Err(e) => return fail(format!("{shown}: {e}")),
    };
    let (mut added, mut known) = (0, 0);
    for o in &outlines {
        match lib.add_feed(&o.url, &o.name) {
            Ok(f) => {
                added += 1;
                if let Some(site) = &o.site {
                    if let Err(e) = lib.set_feed_site(f.id, site) {
                        return fail(e);
                    }
                }
            }
            Err(crate::library::LibraryError::Duplicate(_)) => known += 1,
            Err(e) => return fail(e),
        }
    }
    println!(
        "imported {added} feed{} ({known} already subscribed); `glose feed update` fetches them",
        plural(added)
    );
    ExitCode::SUCCESS
}

#[derive(Serialize)]
struct ItemJson<'a> {
    feed: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    date: Option<&'a str>,
    read: bool,
    article: Option<String>,
    error: Option<&'a str>,
}

/// `glose items [--feed NAME] [--unread] [--format text|json]`.
pub fn run_items(feed: Option<&str>, unread: bool, format: crate::cli::Format) -> ExitCode {
    let lib = match open_library() {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let feed_id = match feed.map(|k| lib.find_feed(k)) {
        Some(Ok(f)) => Some(f.id),
        Some(Err(e)) => return fail(e),
        None => None,
    };
    let items = match lib.items(&ItemFilter {
        feed: feed_id,
        unread_only: unread,
        limit: None,
    }) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let feed_width = items
        .iter()
        .map(|i| unicode_width::UnicodeWidthStr::width(sanitize(&i.feed).as_str()))
        .max()
        .unwrap_or(0);
    for it in &items {
        let line = match format {
            crate::cli::Format::Json => serde_json::to_string(&ItemJson {
                feed: &it.feed,
                title: &it.title,
                url: it.url.as_deref(),
                date: it.date.as_deref(),
                read: it.read,
                article: it
                    .article
                    .as_ref()
                    .map(|p| p.to_string_lossy().into_owned()),
                error: it.error.as_deref(),
            })
            .unwrap_or_default(),
            crate::cli::Format::Text => {
                let date = it
                    .date
                    .as_deref()
                    .map(|d| d.get(..10).unwrap_or(d))
                    .unwrap_or("");
                let feed = sanitize(&it.feed);
                let pad = feed_width - unicode_width::UnicodeWidthStr::width(feed.as_str());
                let mut l = format!(
                    "{} {:<10}  {feed}{}  {}",
                    if it.read { ' ' } else { '*' },
                    sanitize(date),
                    " ".repeat(pad),
                    sanitize(&it.title)
                );
                if let Some(e) = &it.error {
                    l.push_str(&format!("  (not stored: {})", sanitize(e)));
                }
                l
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}
