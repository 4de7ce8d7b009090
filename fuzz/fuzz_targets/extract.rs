//! Text -> entities: every mention is a non-empty range on char boundaries inside
//! the file, names are safe to print, and the JSON output says the same.
#![no_main]

use glose::{extract, Article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article::from_text("fuzz.txt", text.to_string());
    let entities = extract(&article);
    for e in &entities {
        assert!(!e.name.is_empty());
        assert!(!e.name.chars().any(glose::text::is_unsafe));
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    let mut out = Vec::new();
    glose::cli::write_json(&mut out, &article, &entities, true).unwrap();
    let mut out = Vec::new();
    glose::cli::write_text(&mut out, &article, &entities, true).unwrap();
    let shown = String::from_utf8(out).unwrap();
    assert!(!shown.chars().any(glose::text::is_unsafe));
});
