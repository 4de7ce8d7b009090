//! A page's metadata: title, author, date, site name, URL and language, from
//! JSON-LD (`NewsArticle` and its kin), Open Graph and `article:*` properties,
//! `<meta name>` and `<title>`, in that order of trust.

use super::page::{short_date, Page};
use super::{clean_text, is_web_url};
use dom_query::Document;
use serde_json::Value;

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
    "TechArticle",
    "SocialMediaPosting",
];

#[derive(Default)]
struct Ld {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

/// Metadata of the page `doc`, fetched from `url` when it was.
pub fn metadata(doc: &Document, url: Option<&str>) -> Page {
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in doc.select("meta").nodes() {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .map(|k| k.to_ascii_lowercase());
        if let (Some(k), Some(v)) = (key, m.attr("content")) {
            let v = clean_text(&v);
            if !v.is_empty() {
                metas.push((k, v));
            }
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    };
    let ld = json_ld(doc);
    let site = meta(&["og:site_name", "application-name"]).or(ld.publisher);
    let page_title = doc
        .select("head title")
        .nodes()
        .first()
        .map(|t| clean_text(&t.text()))
        .filter(|t| !t.is_empty())
        .map(|t| strip_site(&t, site.as_deref()));
    let title = ld
        .headline
        .or_else(|| meta(&["og:title", "twitter:title", "dc.title"]))
        .or(page_title)
        .unwrap_or_default();
    let author = ld
        .author
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "dc.creator",
                "byl",
                "sailthru.author",
            ])
        })
        .filter(|a| !is_web_url(a))
        .map(|a| {
            a.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        });
    let date = meta(&[
        "article:published_time",
        "og:article:published_time",
        "datepublished",
    ])
    .or(ld.date)
    .or_else(|| {
        meta(&[
            "date",
            "dc.date",
            "dc.date.issued",
            "pubdate",
            "publishdate",
        ])
    })
    .or_else(|| {
        doc.select("time[datetime]")
            .nodes()
            .first()
            .and_then(|t| t.attr("datetime"))
            .map(|d| clean_text(&d))
    })
    .map(|d| short_date(&d))
    .filter(|d| !d.is_empty());
    let url = url.map(clean_text).or_else(|| {
        meta(&["og:url"])
            .or_else(|| {
                doc.select("link[rel=canonical]")
                    .attr("href")
                    .map(|h| clean_text(&h))
            })
            .filter(|u| is_web_url(u))
    });
    let lang = doc
        .select("html")
        .attr("lang")
        .map(|l| clean_text(&l))
        .and_then(|l| l.split(['-', '_']).next().map(str::to_ascii_lowercase))
        .filter(|l| !l.is_empty() && l.len() <= 3);
    Page {
        title,
        author,
        date,
        site,
        url,
        lang,
        blocks: Vec::new(),
    }
}

/// `Headline | Site` or `Headline - Site` -> `Headline` when `Site` is the site's name.
fn strip_site(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                if !head.is_empty() {
                    return head.to_string();
                }
            }
        }
    }
    title.to_string()
}

fn json_ld(doc: &Document) -> Ld {
    let mut ld = Ld::default();
    for script in doc.select("script[type='application/ld+json']").nodes() {
        let Ok(v) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(article) = find_article(&v, 0) {
            let s = |k: &str| article.get(k).and_then(Value::as_str).map(clean_text);
            ld.headline = s("headline")
                .or_else(|| s("name"))
                .filter(|t| !t.is_empty());
            ld.date = s("datePublished").or_else(|| s("dateCreated"));
            ld.author = article
                .get("author")
                .and_then(names)
                .filter(|a| !a.is_empty());
            ld.publisher = article
                .get("publisher")
                .and_then(names)
                .filter(|p| !p.is_empty());
            break;
        }
    }
    ld
}

/// The first object whose `@type` is an article kind, in `@graph`s and arrays
/// (depth-limited: the JSON is untrusted).
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(v);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// `"Ann"`, `{"name": "Ann"}` or a list of them -> `Ann, Bob`.
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean_text(s)),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean_text),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().take(10).filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}
