//! Bytes -> Article: decoding refuses or accepts, and an accepted article's blocks,
//! pieces and display maps all index the file on char boundaries.
#![no_main]

use glose::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = Article::from_bytes("fuzz.txt", data.to_vec()) else {
        return;
    };
    let text = &article.text;
    assert_eq!(text.as_bytes(), data);
    assert!(!article.title.is_empty());
    let mut last = 0;
    for b in &article.blocks {
        assert!(b.range.start >= last, "blocks in order");
        last = b.range.end;
        assert!(b.range.end <= text.len());
        assert!(text.is_char_boundary(b.range.start) && text.is_char_boundary(b.range.end));
        for p in &b.pieces {
            assert!(b.range.start <= p.start && p.start <= p.end && p.end <= b.range.end);
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        let shown = b.display(text);
        for (i, _) in shown.text.char_indices() {
            let f = shown.to_file(i);
            assert!(f <= text.len() && text.is_char_boundary(f));
            if let Some(d) = shown.from_file(f) {
                assert!(d <= shown.text.len() && shown.text.is_char_boundary(d));
            }
        }
    }
});
