//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with feed-rs (maintained, handles
//! all three plus JSON Feed, namespaces such as `content:encoded`, and dates in
//! the forms feeds really use).

use super::page::{Block, Page};
use super::{clean_text, readable, WebError};

/// What `Accept` says when a feed is fetched.
pub const ACCEPT_FEED: &str =
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// A feed's content of one paragraph shorter than this is taken as a teaser and
/// the page is fetched instead (Readability.js's own minimum article length).
/// Two paragraphs or more are the article: teasers are one paragraph.
pub const FULL_CONTENT_CHARS: usize = 500;

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The entry's id (`guid`, Atom `id`), else its link: stable across updates.
    pub guid: String,
    pub url: Option<String>,
    pub title: String,
    /// RFC 3339, UTC.
    pub date: Option<String>,
    pub author: Option<String>,
    /// The entry's own HTML content (`content:encoded`, Atom `content`).
    pub content: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Parses a feed body. Errors are one line (`not a feed: …`).
pub fn parse(bytes: &[u8], url: Option<&str>) -> Result<ParsedFeed, WebError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(url)
        .sanitize_content(false)
        .build();
    let feed = parser.parse(bytes).map_err(|e| {
        let msg = clean_text(&e.to_string());
        // feed-rs's messages can run long (the XML error with its context).
        let msg: String = msg.chars().take(160).collect();
        WebError::BadFeed(msg)
    })?;
    let title = feed
        .title
        .map(|t| clean_text(&t.content))
        .filter(|t| !t.is_empty());
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| clean_text(&l.href));
    let items = feed
        .entries
        .into_iter()
        .map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| clean_text(&l.href))
                .filter(|u| !u.is_empty());
            let guid = if e.id.is_empty() {
                url.clone().unwrap_or_default()
            } else {
                e.id
            };
            let title = e.title.map(|t| clean_text(&t.content)).unwrap_or_default();
            let date = e
                .published
                .or(e.updated)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let author = e
                .authors
                .first()
                .and_then(|p| p.name.as_deref())
                .map(clean_text)
                .filter(|a| !a.is_empty());
            let content = e.content.and_then(|c| c.body);
            FeedItem {
                guid,
                url,
                title,
                date,
                author,
                content,
            }
        })
        .collect();
    Ok(ParsedFeed { title, site, items })
}

/// The item as a page when its feed carries the full text, `None` when the
/// content is missing or only a teaser.
pub fn item_page(item: &FeedItem, feed_title: Option<&str>) -> Option<Page> {
    let html = item.content.as_deref()?;
    let blocks = readable::fragment_blocks(html).ok()?;
    let chars: usize = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) | Block::Heading(t) | Block::Item(t) | Block::Quote(t) => {
                t.chars().count()
            }
        })
        .sum();
    let paragraphs = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    if chars < FULL_CONTENT_CHARS && paragraphs < 2 {
        return None;
    }
    Some(Page {
        title: if item.title.is_empty() {
            "Untitled".into()
        } else {
            item.title.clone()
        },
        author: item.author.clone(),
        date: item.date.as_deref().map(super::page::short_date),
        site: feed_title.map(str::to_string),
        url: item.url.clone(),
        lang: None,
        blocks,
    })
}
