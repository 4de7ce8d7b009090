//! HTML -> the article's blocks and metadata.
//!
//! The main text is found by dom_smoothie, a Rust port of Mozilla's Readability.js
//! (the algorithm Firefox's reader view uses), after two passes of our own that
//! fix what Readability leaves on news pages: chrome *inside* the article
//! container (share bars, "lire aussi" links, bylines, newsletter boxes, ads) is
//! removed first, and a standfirst set *outside* it, next to the headline, is put
//! back in front. Metadata comes from the page before any of that (Open Graph,
//! `article:*`, JSON-LD `NewsArticle`, `<title>`).

use super::page::{Block, Page};
use super::{clean_text, WebError};
use dom_query::{Document, NodeRef};

/// Pages nested deeper than this are refused: no real article needs it, and the
/// parser and Readability would spend quadratic time or deep recursion on it.
pub const MAX_DEPTH: usize = 400;

/// A standfirst shorter than this is more likely a byline or a date line.
const STANDFIRST_MIN_CHARS: usize = 60;

/// Reduces a page to its article. `url` is where it came from (absolute), used
/// for the `url` field and Readability's link resolution.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, WebError> {
    if let Some(depth) = too_deep(html) {
        return Err(WebError::TooDeep(depth));
    }
    let doc = Document::from(html);
    if depth_over(&doc.root(), MAX_DEPTH) {
        return Err(WebError::TooDeep(MAX_DEPTH));
    }
    let mut page = super::meta::metadata(&doc, url);
    let standfirst = standfirst(&doc);
    strip_chrome(&doc);
    let h1 = doc
        .select("h1")
        .nodes()
        .first()
        .map(|n| clean_text(&n.text()));
    if page.title.is_empty() {
        page.title = h1.clone().unwrap_or_default();
    }

    let config = dom_smoothie::Config {
        // The JSON-LD was read above; Readability need not parse it again.
        disable_json_ld: true,
        ..Default::default()
    };
    let base = url.filter(|u| super::is_web_url(u));
    let mut reader = dom_smoothie::Readability::with_document(doc, base, Some(config))
        .map_err(|e| WebError::Other(clean_text(&e.to_string())))?;
    let article = reader.parse().map_err(|_| WebError::NoArticle)?;
    let content = Document::from(article.content.as_ref());
    let mut blocks = blocks_of(&content.root());
    // Readability keeps the headline when it sits in the article container.
    let title_like = |t: &str| t == page.title || Some(t) == h1.as_deref();
    blocks.retain(|b| !matches!(b, Block::Heading(t) if title_like(t)));
    if let Some(lead) = standfirst {
        let missing: Vec<Block> = lead
            .into_iter()
            .filter(|b| !blocks.iter().any(|c| text(c).contains(text(b))))
            .collect();
        blocks.splice(0..0, missing);
    }
    if blocks.is_empty() {
        return Err(WebError::NoArticle);
    }
    if page.title.is_empty() {
        page.title = clean_text(&article.title);
    }
    page.blocks = blocks;
    Ok(page)
}

fn text(b: &Block) -> &str {
    match b {
        Block::Paragraph(t) | Block::Heading(t) | Block::Item(t) | Block::Quote(t) => t,
    }
}

/// A cheap look at the raw markup before parsing: the depth of elements that
/// stay open until closed (not `p`, `li`, `td`... which close themselves), with
/// scripts, styles and comments skipped. `Some(depth)` past [`MAX_DEPTH`] * 2.
fn too_deep(html: &str) -> Option<usize> {
    let limit = MAX_DEPTH * 2;
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = b[start..start + len].to_ascii_lowercase();
        let end = memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e);
        if closing {
            if !self_closing(&name) {
                depth = depth.saturating_sub(1);
            }
        } else if matches!(
            name.as_slice(),
            b"script" | b"style" | b"textarea" | b"title"
        ) {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name);
            let lower_from = end.min(b.len());
            i = find_ci(&b[lower_from..], &close).map_or(b.len(), |e| lower_from + e);
            continue;
        } else if !self_closing(&name) && b.get(end.saturating_sub(1)) != Some(&b'/') {
            depth += 1;
            if depth > limit {
                return Some(limit);
            }
        }
        i = end.min(b.len());
    }
    None
}

/// Void elements and those the parser closes by itself.
fn self_closing(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"colgroup"
            | b"caption"
            | b"html"
            | b"head"
            | b"body"
            | b"a"
    )
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == c)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether the parsed tree is deeper than `limit` (walked without recursion).
fn depth_over(root: &NodeRef, limit: usize) -> bool {
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() {
                stack.push((c, depth + 1));
            }
            child = c.next_sibling();
        }
    }
    false
}

/// The words of an element's class and id: `ArticleHeader_meta article__siblings`
/// gives `article header meta article siblings`.
fn name_tokens(node: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        let Some(v) = node.attr(attr) else { continue };
        let mut word = String::new();
        let mut prev_lower = false;
        for c in v.chars() {
            let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
            if boundary && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// Class/id words that mark page chrome wherever they are.
const CHROME: &[&str] = &[
    "comment",
    "comments",
    "respond",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "newsletter",
    "signup",
    "subscribe",
    "subscription",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "related",
    "relatedposts",
    "siblings",
    "recirculation",
    "outbrain",
    "taboola",
    "promo",
    "nudge",
    "popup",
    "modal",
];

/// Class/id words that mark chrome when the element holds little of the page's text
/// (`ad` or `meta` can name a wrapper too).
const SMALL_CHROME: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "pub",
    "publicite",
    "sponsor",
    "sponsored",
    "meta",
    "byline",
    "author",
    "authors",
    "bio",
    "tags",
    "actions",
    "toolbar",
    "banner",
    "widget",
    "sidebar",
    "pagination",
    "navigation",
    "nav",
    "menu",
    "footer",
    "onward",
    "credits",
];

/// Elements that are never article text.
const NEVER: &str = "script, style, noscript, template, iframe, svg, form, button, input, \
    select, textarea, nav, aside, footer, object, embed, canvas, video, audio, dialog, \
    [hidden], [aria-hidden=true], [role=dialog], [role=navigation], [role=banner], \
    [role=contentinfo], [role=complementary], amp-ad, amp-embed, amp-sticky-ad, \
    amp-auto-ads, amp-analytics, amp-pixel, amp-sidebar, amp-consent, amp-iframe, \
    amp-social-share, amp-user-notification";

fn strip_chrome(doc: &Document) {
    doc.select(NEVER).remove();
    let total = doc.select("body").text().len().max(1);
    let mut doomed = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().unwrap_or_default();
        if matches!(name.as_ref(), "html" | "body" | "main" | "article") {
            continue;
        }
        let tokens = name_tokens(node);
        let strong = tokens.iter().any(|t| CHROME.contains(&t.as_str()));
        let weak = tokens.iter().any(|t| SMALL_CHROME.contains(&t.as_str()));
        if !strong && !weak {
            continue;
        }
        // Never the wrapper of the article itself.
        let sel = dom_query::Selection::from(*node);
        if !sel.select("h1, article, main").is_empty() {
            continue;
        }
        if strong || node.text().len() * 3 < total {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Words that name a standfirst (the summary set under a headline).
const STANDFIRST: &[&str] = &[
    "standfirst",
    "dek",
    "chapo",
    "chapeau",
    "lede",
    "lead",
    "intro",
    "subtitle",
    "subheadline",
    "summary",
    "desc",
    "description",
    "excerpt",
];

/// The page's standfirst, when it has one long enough to be one.
fn standfirst(doc: &Document) -> Option<Vec<Block>> {
    for node in doc.select("body [class], body [id]").nodes() {
        if !name_tokens(node)
            .iter()
            .any(|t| STANDFIRST.contains(&t.as_str()))
        {
            continue;
        }
        let in_chrome = node.ancestors_it(None).any(|a| {
            matches!(
                a.node_name().as_deref(),
                Some("nav" | "aside" | "footer" | "form")
            )
        });
        if in_chrome {
            continue;
        }
        if clean_text(&node.text()).chars().count() < STANDFIRST_MIN_CHARS {
            continue;
        }
        let blocks = blocks_of(node);
        if !blocks.is_empty() {
            return Some(blocks);
        }
    }
    None
}

/// What kind of block text is gathered into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Item,
    Quote,
}

struct Walk {
    blocks: Vec<Block>,
    buf: String,
    kind: Kind,
}

impl Walk {
    fn flush(&mut self) {
        let t = clean_text(&self.buf);
        self.buf.clear();
        if t.is_empty() {
            return;
        }
        self.blocks.push(match self.kind {
            Kind::Paragraph => Block::Paragraph(t),
            Kind::Item => Block::Item(t),
            Kind::Quote => Block::Quote(t),
        });
    }

    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.buf.push_str(&node.text());
            return;
        }
        if !node.is_element() {
            return self.children(node);
        }
        let name = node.node_name().unwrap_or_default();
        match name.as_ref() {
            "script" | "style" | "noscript" | "template" | "img" | "picture" | "svg" => {}
            "br" => self.buf.push(' '),
            // A footnote call (`<sup><a href="#fn1">1</a></sup>`) is not text.
            "sup" if is_note_ref(node) => {}
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let t = clean_text(&node.text());
                if !t.is_empty() {
                    self.blocks.push(Block::Heading(t));
                }
            }
            "li" => self.block(node, Some(Kind::Item)),
            "blockquote" => self.block(node, Some(Kind::Quote)),
            "p" | "div" | "section" | "article" | "figure" | "figcaption" | "table" | "tr"
            | "td" | "th" | "ul" | "ol" | "dl" | "dt" | "dd" | "pre" | "header" | "main" | "hr"
            | "address" | "details" | "summary" => self.block(node, None),
            _ => self.children(node),
        }
    }

    fn block(&mut self, node: &NodeRef, kind: Option<Kind>) {
        self.flush();
        let outer = self.kind;
        if let Some(k) = kind {
            self.kind = k;
        }
        self.children(node);
        self.flush();
        self.kind = outer;
    }

    fn children(&mut self, node: &NodeRef) {
        let mut child = node.first_child();
        while let Some(c) = child {
            self.node(&c);
            child = c.next_sibling();
        }
    }
}

fn is_note_ref(sup: &NodeRef) -> bool {
    let sel = dom_query::Selection::from(*sup);
    let links = sel.select("a[href^='#']");
    !links.is_empty() && clean_text(&links.text()) == clean_text(&sup.text())
}

/// The blocks of an element's content.
fn blocks_of(root: &NodeRef) -> Vec<Block> {
    let mut w = Walk {
        blocks: Vec::new(),
        buf: String::new(),
        kind: Kind::Paragraph,
    };
    w.node(root);
    w.flush();
    w.blocks
}

/// The blocks of an HTML fragment that is already the article (a feed's
/// `content:encoded` or Atom `content`): no readability scoring, only what is
/// never text removed.
pub fn fragment_blocks(html: &str) -> Result<Vec<Block>, WebError> {
    if let Some(depth) = too_deep(html) {
        return Err(WebError::TooDeep(depth));
    }
    let doc = Document::fragment(html);
    if depth_over(&doc.root(), MAX_DEPTH) {
        return Err(WebError::TooDeep(MAX_DEPTH));
    }
    doc.select(NEVER).remove();
    Ok(blocks_of(&doc.root()))
}
