//! Bytes -> text with the encoding a browser would pick (encoding_rs, the WHATWG
//! Encoding Standard's labels and decoders): the byte-order mark, else the HTTP
//! header's charset, else a `<meta>` charset near the top, else UTF-8 when the
//! bytes are valid UTF-8, else Windows-1252 (what "Latin-1" means on the web).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page `<meta charset>` is looked for (browsers look at 1024
/// bytes; pages with long `<head>`s put it later, so a little more).
const META_SCAN: usize = 4096;

/// Decodes `bytes`; `content_type` is the HTTP header, when there is one.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => (pick(bytes, content_type), 0),
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
    text.into_owned()
}

/// The encoding when there is no BOM.
fn pick(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    let label = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN)]));
    match label {
        // A page cannot be UTF-16 without a BOM; the spec reads such labels as UTF-8.
        Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => UTF_8,
        Some(enc) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    }
}

/// `text/html; charset="ISO-8859-1"` -> `ISO-8859-1`.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The charset named by a `<meta charset=…>` or `<meta http-equiv content="…;
/// charset=…">` in `head` (ASCII-case-insensitive).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(i) = find(&lower[at..], b"<meta") {
        let start = at + i + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let n = rest
                    .iter()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                    })
                    .count();
                if let Some(enc) = Encoding::for_label(&rest[..n]) {
                    return Some(enc);
                }
            }
        }
        at = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_beats_header_and_meta() {
        let mut b = b"\xEF\xBB\xBF<meta charset=iso-8859-1>".to_vec();
        b.extend("é".as_bytes());
        assert!(decode(&b, Some("text/html; charset=windows-1252")).ends_with('é'));
    }

    #[test]
    fn header_then_meta_then_sniff() {
        assert_eq!(
            decode(b"caf\xe9", Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        assert!(decode(
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\">caf\xe9",
            None
        )
        .ends_with("café"));
        assert_eq!(
            decode(b"<meta charset='latin1'>\x9c", None),
            "<meta charset='latin1'>œ"
        );
        assert_eq!(decode("café".as_bytes(), None), "café");
        assert_eq!(decode(b"caf\xe9", None), "café");
        assert_eq!(
            decode(b"<meta charset=\"utf-16\">ok", None),
            "<meta charset=\"utf-16\">ok"
        );
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(
            charset_param("text/html; Charset=\"UTF-8\"").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(charset_param("text/html"), None);
    }
}
