//! A web article reduced to what glose stores: its metadata and its blocks, and
//! the article file written from them.

use super::clean_text;

/// One block of article text, already cleaned (no control characters, white
/// space collapsed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    /// A list item.
    Item(String),
    Quote(String),
}

/// What a page gives: metadata from `<meta>`, Open Graph and JSON-LD, and the
/// article's blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub author: Option<String>,
    /// As the page gives it, reduced to `YYYY-MM-DD` when it starts so.
    pub date: Option<String>,
    /// The site or publisher's name.
    pub site: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub blocks: Vec<Block>,
}

impl Page {
    /// The article body: paragraphs and headings as glose's plain-text article
    /// format reads them (blank-line separated, `## ` headings, `- ` items, `> `
    /// quotes).
    pub fn body(&self) -> String {
        let mut out = String::new();
        let mut prev_item = false;
        for b in &self.blocks {
            let item = matches!(b, Block::Item(_));
            if !out.is_empty() {
                // Consecutive items form one list.
                out.push_str(if item && prev_item { "\n" } else { "\n\n" });
            }
            match b {
                Block::Paragraph(t) => out.push_str(&escape_lead(t)),
                Block::Heading(t) => {
                    out.push_str("## ");
                    out.push_str(t);
                }
                Block::Item(t) => {
                    out.push_str("- ");
                    out.push_str(t);
                }
                Block::Quote(t) => {
                    out.push_str("> ");
                    out.push_str(t);
                }
            }
            prev_item = item;
        }
        out.push('\n');
        out
    }

    /// The whole article file: front matter (`title`, `date`, `author`,
    /// `source`, `url`, `lang`, `fetched`), then the body.
    pub fn to_article(&self, fetched: &str) -> String {
        let mut out = String::from("---\n");
        let mut field = |key: &str, value: Option<&str>| {
            if let Some(v) = value.map(front_value).filter(|v| !v.is_empty()) {
                out.push_str(key);
                out.push_str(": ");
                out.push_str(&v);
                out.push('\n');
            }
        };
        field("title", Some(&self.title));
        field("date", self.date.as_deref());
        field("author", self.author.as_deref());
        field("source", self.site.as_deref());
        field("url", self.url.as_deref());
        field("lang", self.lang.as_deref());
        field("fetched", Some(fetched));
        out.push_str("---\n\n");
        out.push_str(&self.body());
        out
    }
}

/// A front-matter value on one line. The article parser strips one pair of
/// matching quotes, so a value that is itself quoted is wrapped in the other kind.
fn front_value(v: &str) -> String {
    let v = clean_text(v);
    let quoted = |q: char| v.len() >= 2 && v.starts_with(q) && v.ends_with(q);
    if quoted('"') {
        format!("'{v}'")
    } else if quoted('\'') {
        format!("\"{v}\"")
    } else {
        v
    }
}

/// A paragraph that would read as markup (`## x`, `- x`, `> x`, `---`) gets a
/// zero-width-free escape: a leading backslash is not glose markup, so the
/// paragraph is kept as written but shifted off the marker with a no-break space.
fn escape_lead(t: &str) -> String {
    let markup = t.starts_with('#')
        || t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("> ")
        || t.starts_with("---")
        || t.starts_with("===");
    if markup {
        format!("\u{A0}{t}")
    } else {
        t.to_string()
    }
}

/// `2024-03-05T07:30:00+01:00` -> `2024-03-05`; other forms are kept as given.
pub fn short_date(d: &str) -> String {
    let d = clean_text(d);
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let iso = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    if iso && !b.get(10).is_some_and(u8::is_ascii_digit) {
        d[..10].to_string()
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_file_shape() {
        let page = Page {
            title: "Un « titre » : avec deux-points".into(),
            author: Some("Claire\u{1b}[31m Martin".into()),
            date: Some("2024-03-05".into()),
            site: None,
            url: Some("http://127.0.0.1/a".into()),
            lang: Some("fr".into()),
            blocks: vec![
                Block::Paragraph("Premier.".into()),
                Block::Heading("Inter".into()),
                Block::Item("un".into()),
                Block::Item("deux".into()),
                Block::Quote("cité".into()),
                Block::Paragraph("- pas une liste".into()),
            ],
        };
        assert_eq!(
            page.to_article("2024-03-06T10:00:00Z"),
            "---\ntitle: Un « titre » : avec deux-points\ndate: 2024-03-05\nauthor: Claire[31m Martin\n\
             url: http://127.0.0.1/a\nlang: fr\nfetched: 2024-03-06T10:00:00Z\n---\n\n\
             Premier.\n\n## Inter\n\n- un\n- deux\n\n> cité\n\n\u{A0}- pas une liste\n"
        );
        let a = crate::Article::from_text("x.txt", page.to_article("2024"));
        assert_eq!(a.title, "Un « titre » : avec deux-points");
        assert_eq!(a.author.as_deref(), Some("Claire[31m Martin"));
        assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn quoted_values_survive() {
        let page = Page {
            title: "\"Quoted\" headline".into(),
            ..Page::default()
        };
        let a = crate::Article::from_text("x.txt", page.to_article("t"));
        assert_eq!(a.title, "\"Quoted\" headline");
        let page = Page {
            title: "\"All quoted\"".into(),
            ..Page::default()
        };
        let a = crate::Article::from_text("x.txt", page.to_article("t"));
        assert_eq!(a.title, "\"All quoted\"");
        assert_eq!(short_date("2024-03-05T07:30:00+01:00"), "2024-03-05");
        assert_eq!(short_date("March 5, 2024"), "March 5, 2024");
    }
}
