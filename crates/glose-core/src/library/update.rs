//! `feed update`: feeds fetched concurrently by a bounded pool with conditional
//! GET, new items stored, and each new item's article stored: the feed's own
//! full text when it carries it, else the fetched page. Only the main thread
//! touches the database; workers fetch, parse and write article files.

use super::{Feed, FeedStatus, Library, Result};
use crate::web::feed::{self, ParsedFeed, ACCEPT_FEED};
use crate::web::{store, Client, Fetched, Validators, WebError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Requests in flight at once (polite to servers, enough to hide latency).
pub const POOL: usize = 4;

/// Pages fetched per feed and update; older items without an article are
/// fetched when opened or at later updates (a 100,000-item feed must not mean
/// 100,000 requests).
pub const PAGES_PER_FEED: usize = 50;

/// Where an update is, for a progress bar or a status line.
#[derive(Debug, Clone)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// What was just finished (a feed's name or an item's URL).
    pub what: String,
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub feeds: usize,
    pub not_modified: usize,
    pub new_items: usize,
    /// Articles stored (from feed content or fetched pages).
    pub stored: usize,
    /// Items whose page failed (recorded on the item, retried next time).
    pub page_errors: usize,
    /// Feeds that could not be fetched or parsed: URL and reason.
    pub failed: Vec<(String, String)>,
    /// The article files stored, for the caller to index.
    pub articles: Vec<std::path::PathBuf>,
}

type FeedResult = std::result::Result<Option<(ParsedFeed, Validators)>, WebError>;

fn fetch_feed(client: &Client, f: &Feed) -> FeedResult {
    let validators = (f.validators.etag.is_some() || f.validators.last_modified.is_some())
        .then_some(&f.validators);
    match client.get(&f.url, ACCEPT_FEED, validators)? {
        Fetched::NotModified => Ok(None),
        Fetched::Body {
            url,
            body,
            validators,
            ..
        } => Ok(Some((feed::parse(&body, Some(&url))?, validators))),
    }
}

/// Updates `feeds` (all of them when empty is not what this means: the caller
/// passes the list). `progress` is called after each feed and each page.
pub fn update(
    lib: &mut Library,
    client: &Client,
    feeds: &[Feed],
    progress: &dyn Fn(&Progress),
) -> Result<Summary> {
    let mut summary = Summary {
        feeds: feeds.len(),
        ..Summary::default()
    };
    let data_dir = lib.data_dir().to_path_buf();
    let mut total = feeds.len();
    let mut done = 0;
    let mut pages: Vec<(i64, String)> = Vec::new();

    // Phase 1: feeds. A rendezvous channel keeps at most one parsed feed waiting
    // per worker, so memory stays bounded by the pool, not the feed count.
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, FeedResult)>(0);
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..POOL.min(feeds.len()) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(f) = feeds.get(i) else { break };
                if tx.send((i, fetch_feed(client, f))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            let f = &feeds[i];
            match result {
                Err(e) => {
                    let reason = e.to_string();
                    lib.feed_checked(
                        f.id,
                        &FeedStatus {
                            error: Some(reason.clone()),
                            ..FeedStatus::default()
                        },
                    )?;
                    summary.failed.push((f.url.clone(), reason));
                }
                Ok(None) => {
                    summary.not_modified += 1;
                    lib.feed_checked(f.id, &FeedStatus::default())?;
                }
                Ok(Some((parsed, validators))) => {
                    let new = lib.insert_items(f.id, &parsed.items)?;
                    summary.new_items += new.len();
                    for &(id, at) in &new {
                        let item = &parsed.items[at];
                        let Some(page) = feed::item_page(item, parsed.title.as_deref()) else {
                            continue;
                        };
                        let key = item
                            .url
                            .clone()
                            .unwrap_or_else(|| format!("{}#{}", f.url, item.guid));
                        match store::store(&data_dir, &key, &page) {
                            Ok(path) => {
                                lib.item_stored(id, &path, &page.title)?;
                                summary.stored += 1;
                                summary.articles.push(path);
                            }
                            Err(e) => lib.item_failed(id, &e.to_string())?,
                        }
                    }
                    lib.feed_checked(
                        f.id,
                        &FeedStatus {
                            title: parsed.title.clone(),
                            site_url: parsed.site.clone(),
                            validators: Some(validators),
                            error: None,
                        },
                    )?;
                }
            }
            // Pages still missing, new or failed before (whatever the feed said).
            pages.extend(lib.items_to_fetch(f.id, PAGES_PER_FEED)?);
            total = feeds.len() + pages.len();
            done += 1;
            progress(&Progress {
                done,
                total,
                what: f.name.clone(),
            });
        }
        Ok(())
    })?;

    // Phase 2: pages, fetched and stored by the workers, recorded here.
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(
        usize,
        std::result::Result<(std::path::PathBuf, String), WebError>,
    )>();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..POOL.min(pages.len()) {
            let tx = tx.clone();
            let (next, pages, data_dir) = (&next, &pages, &data_dir);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((_, url)) = pages.get(i) else { break };
                let stored = store::fetch_page(client, url)
                    .and_then(|page| store::store(data_dir, url, &page).map(|p| (p, page.title)));
                if tx.send((i, stored)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            let (id, url) = &pages[i];
            match result {
                Ok((path, title)) => {
                    lib.item_stored(*id, &path, &title)?;
                    summary.stored += 1;
                    summary.articles.push(path);
                }
                Err(e) => {
                    lib.item_failed(*id, &e.to_string())?;
                    summary.page_errors += 1;
                }
            }
            done += 1;
            progress(&Progress {
                done,
                total,
                what: url.clone(),
            });
        }
        Ok(())
    })?;
    Ok(summary)
}

/// Fetches and stores one item's page now (the reader's Enter on an item with
/// no article yet). The stored path, or the reason, which is also recorded.
pub fn fetch_item(
    lib: &Library,
    client: &Client,
    id: i64,
) -> Result<std::result::Result<std::path::PathBuf, String>> {
    let Some(item) = lib.item(id)? else {
        return Ok(Err("no such item".into()));
    };
    let Some(url) = item.url else {
        return Ok(Err("the item has no link".into()));
    };
    let stored = store::fetch_page(client, &url)
        .and_then(|page| store::store(lib.data_dir(), &url, &page).map(|p| (p, page.title)));
    match stored {
        Ok((path, title)) => {
            lib.item_stored(id, &path, &title)?;
            Ok(Ok(path))
        }
        Err(e) => {
            let reason = e.to_string();
            lib.item_failed(id, &reason)?;
            Ok(Err(reason))
        }
    }
}
