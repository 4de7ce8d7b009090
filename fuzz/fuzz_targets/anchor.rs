//! Re-anchoring a highlight recorded in one text into another: the range found is
//! inside the new text on char boundaries, an exact match is the quote, and an
//! unchanged text gives the highlight back where it was.
#![no_main]

use glose::notes::anchor::{anchor, Anchoring};
use glose::notes::model::{Position, Quote};
use libfuzzer_sys::fuzz_target;

fn snap(text: &str, mut i: usize) -> usize {
    i %= text.len() + 1;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fuzz_target!(|input: (String, String, u16, u16)| {
    let (old, new, a, b) = input;
    let (a, b) = (snap(&old, usize::from(a)), snap(&old, usize::from(b)));
    let (start, end) = (a.min(b), a.max(b));
    let quote = Quote::of(&old, start..end);
    let pos = Position { start, end };
    if let Some((r, how)) = anchor(&new, pos, &quote) {
        assert!(r.start <= r.end && r.end <= new.len(), "{r:?}");
        assert!(new.is_char_boundary(r.start) && new.is_char_boundary(r.end));
        assert_ne!(how, Anchoring::Orphaned);
        if how == Anchoring::Exact {
            assert_eq!(&new[r.clone()], quote.exact);
        }
    }
    if start < end {
        assert_eq!(
            anchor(&old, pos, &quote),
            Some((start..end, Anchoring::Exact))
        );
    }
});
