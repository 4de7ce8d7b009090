//! OPML 2.0 subscription lists, the format every feed reader (newsboat,
//! Thunderbird, Feedly...) imports and exports. Read with quick-xml; written by
//! hand with its escaping (the document is a flat list of outlines).

use super::{clean_text, is_web_url, WebError};
use quick_xml::events::Event;

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub name: String,
    pub url: String,
    pub site: Option<String>,
}

/// The feeds of an OPML document, in document order, folders flattened;
/// outlines without an http(s) `xmlUrl` are skipped.
pub fn parse(bytes: &[u8]) -> Result<Vec<Outline>, WebError> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            WebError::BadOpml(format!(
                "{} at byte {}",
                clean_text(&e.to_string()),
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                if name.as_ref() == "opml" {
                    saw_opml = true;
                }
                if name.as_ref() != "outline" {
                    buf.clear();
                    continue;
                }
                let mut url = None;
                let mut text = None;
                let mut title = None;
                let mut site = None;
                for attr in e.attributes().flatten() {
                    let Ok(value) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    else {
                        continue;
                    };
                    let value = clean_text(&value);
                    match attr.key.local_name().as_ref() {
                        "xmlUrl" | "xmlurl" => url = Some(value),
                        "text" => text = Some(value),
                        "title" => title = Some(value),
                        "htmlUrl" | "htmlurl" => site = Some(value),
                        _ => {}
                    }
                }
                if let Some(url) = url.filter(|u| is_web_url(u)) {
                    let name = title
                        .filter(|t| !t.is_empty())
                        .or(text.filter(|t| !t.is_empty()))
                        .unwrap_or_else(|| url.clone());
                    out.push(Outline {
                        name,
                        url,
                        site: site.filter(|s| !s.is_empty()),
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !saw_opml {
        return Err(WebError::BadOpml("no <opml> element".into()));
    }
    Ok(out)
}

/// An OPML 2.0 document listing `outlines`.
pub fn write(outlines: &[Outline], created: &str) -> String {
    let esc = |s: &str| quick_xml::escape::escape(clean_text(s)).into_owned();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>glose subscriptions</title>\n",
    );
    out.push_str(&format!(
        "    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n",
        esc(created)
    ));
    for o in outlines {
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{n}\" title=\"{n}\" xmlUrl=\"{u}\"",
            n = esc(&o.name),
            u = esc(&o.url)
        ));
        if let Some(site) = &o.site {
            out.push_str(&format!(" htmlUrl=\"{}\"", esc(site)));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// [`write`] dated now (RFC 822, as OPML 2.0 asks).
pub fn write_now(outlines: &[Outline]) -> String {
    write(outlines, &chrono::Utc::now().to_rfc2822())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_names_urls_and_sites() {
        let list = vec![
            Outline {
                name: "Le « Quotidien » & co".into(),
                url: "https://example.org/rss?a=1&b=2".into(),
                site: Some("https://example.org/".into()),
            },
            Outline {
                name: "Wire".into(),
                url: "http://127.0.0.1:8080/atom.xml".into(),
                site: None,
            },
        ];
        let doc = write(&list, "Sun, 06 Dec 2026 20:00:00 GMT");
        assert_eq!(parse(doc.as_bytes()).unwrap(), list);
    }

    #[test]
    fn folders_are_flattened_and_non_feeds_skipped() {
        let doc = br#"<?xml version="1.0"?><opml version="1.0"><body>
            <outline text="News"><outline text="A" xmlUrl="https://a.example/feed"/>
            <outline text="B" type="rss" xmlUrl="https://b.example/rss"></outline></outline>
            <outline text="Not a feed" url="https://c.example/"/>
            <outline text="Local" xmlUrl="file:///etc/passwd"/></body></opml>"#;
        let got = parse(doc).unwrap();
        assert_eq!(
            got.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
            vec!["A", "B"]
        );
    }

    #[test]
    fn broken_xml_is_one_line() {
        let err = parse(b"<opml><body><outline text=\"a\" xmlUrl=\"x\"></body>").unwrap_err();
        assert!(err.to_string().starts_with("not OPML: "), "{err}");
        assert!(!err.to_string().contains('\n'));
        assert!(parse(b"<html></html>").is_err());
    }
}
