//! Long blocks proposed in segments: a dense 10 MB paragraph held whole (its
//! tokens, their lowercase forms and every candidate with its features) took more
//! than 40 bytes per byte of text.
//!
//! A segment's own range runs from one sentence start to the next cut; it is
//! proposed over its range plus [`MARGIN`] bytes of context on each side, and keeps
//! the candidates that start in its own range. The cuts are made only where
//! nothing reads across, so the result is the block's, candidate for candidate:
//! - after "word." and a space, before a capitalized word, where the sentence
//!   splitter ends a sentence (it decides from those three tokens alone);
//! - no name, event or enumeration runs over a sentence end (every extension asks
//!   for words separated by a space only), so the scan of the block reaches that
//!   sentence start with nothing pending;
//! - the tokenizer starts afresh after whitespace, so the margins (cut at
//!   whitespace) tokenize as in the block, and rules that look a few words back or
//!   ahead find them there.

use crate::text::{sentences_from_tokens, tokenize_with, TokenKind};
use std::ops::Range;

/// Blocks longer than this are proposed in segments of about this size (no news
/// paragraph comes near it: articles are proposed whole, as before).
pub const SEGMENT: usize = 64 << 10;
/// Context read on each side of a segment's own range.
pub const MARGIN: usize = 2 << 10;

/// One segment of a block's display text: the range it owns and the range it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub own: Range<usize>,
    pub read: Range<usize>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r')
}

/// The segments of `text`: one for a text shorter than [`SEGMENT`] or without a
/// place to cut. `elisions`: the profile's, as the block is tokenized.
pub fn segments(text: &str, elisions: &[&str]) -> Vec<Segment> {
    let mut cuts = vec![0];
    let mut from = SEGMENT;
    while from < text.len() {
        match next_cut(text, from, elisions) {
            Some(c) if text.len() - c >= SEGMENT / 4 => {
                cuts.push(c);
                from = c + SEGMENT;
            }
            _ => break,
        }
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| Segment {
            own: w[0]..w[1],
            read: read_from(text, w[0])..read_to(text, w[1]),
        })
        .collect()
}

/// The first sentence start at or after `from` where a segment may begin.
fn next_cut(text: &str, from: usize, elisions: &[&str]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut d = from;
    while let Some(p) = memchr_dot(bytes, d) {
        d = p + 1;
        if p == 0 || p + 2 >= bytes.len() || bytes[p + 1] != b' ' {
            continue;
        }
        let t = p + 2;
        if !text.is_char_boundary(t) || !text[t..].starts_with(char::is_uppercase) {
            continue;
        }
        if is_sentence_start(text, p, t, elisions) {
            return Some(t);
        }
    }
    None
}

fn memchr_dot(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'.')
        .map(|i| from + i)
}

/// Whether the sentence splitter starts a sentence at `t` ("word. T"), decided on
/// the few words around it, as it decides in the whole block.
fn is_sentence_start(text: &str, dot: usize, t: usize, elisions: &[&str]) -> bool {
    let bytes = text.as_bytes();
    // The window starts after the whitespace before the word that ends with the dot.
    let lo = match (dot.saturating_sub(256)..dot)
        .rev()
        .find(|&i| is_space(bytes[i]))
    {
        Some(i) => i + 1,
        None => return false,
    };
    let hi = (t..text.len().min(t + 256))
        .find(|&i| is_space(bytes[i]))
        .unwrap_or(text.len().min(t + 256));
    let Some(window) = text.get(lo..hi) else {
        return false;
    };
    let clitics = crate::text::Clitics {
        elisions,
        possessives: &[],
        compound_tails: &[],
    };
    let toks = tokenize_with(window, &clitics);
    let Some(k) = toks.iter().position(|tok| tok.start == dot - lo) else {
        return false;
    };
    if k == 0 || k + 1 >= toks.len() {
        return false;
    }
    let (w, p, n) = (toks[k - 1], toks[k], toks[k + 1]);
    if w.kind == TokenKind::Punct || w.end != p.start || p.end != p.start + 1 {
        return false;
    }
    if n.start != t - lo || !n.cap || n.kind != TokenKind::Word {
        return false;
    }
    sentences_from_tokens(window, &toks)
        .iter()
        .any(|s| s.start == t - lo)
}

/// Where the segment owning `own_start` begins to read: right after a whitespace
/// about [`MARGIN`] bytes before.
fn read_from(text: &str, own_start: usize) -> usize {
    if own_start == 0 {
        return 0;
    }
    let bytes = text.as_bytes();
    (0..own_start.saturating_sub(MARGIN))
        .rev()
        .find(|&i| is_space(bytes[i]))
        .map_or(0, |i| i + 1)
}

/// Where the segment owning up to `own_end` stops reading: at a whitespace about
/// [`MARGIN`] bytes after.
fn read_to(text: &str, own_end: usize) -> usize {
    let bytes = text.as_bytes();
    (own_end.saturating_add(MARGIN).min(text.len())..text.len())
        .find(|&i| is_space(bytes[i]))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_one_segment() {
        let text = "Vladimir Poutine est à Bichkek. Il y parle.";
        let n = text.len();
        assert_eq!(
            segments(text, &["l"]),
            [Segment {
                own: 0..n,
                read: 0..n
            }]
        );
    }

    #[test]
    fn a_long_text_is_cut_at_sentence_starts_and_reads_around_them() {
        let unit = "Vladimir Poutine et Sadyr Japarov ont vu M. Macron à Bichkek avec l'OTAN. ";
        let text = unit.repeat(5000);
        let segs = segments(&text, &["l"]);
        assert!(segs.len() > 3, "{}", segs.len());
        assert_eq!(segs[0].own.start, 0);
        assert_eq!(segs.last().unwrap().own.end, text.len());
        for w in segs.windows(2) {
            assert_eq!(w[0].own.end, w[1].own.start);
            let cut = w[1].own.start;
            // Cut before "Vladimir", after "OTAN. ", never after "M. ".
            assert!(
                text[cut..].starts_with("Vladimir"),
                "{}",
                &text[cut..cut + 20]
            );
            assert!(w[0].read.end >= cut + MARGIN);
            assert!(w[1].read.start + MARGIN <= cut);
            assert_eq!(&text[w[1].read.start - 1..w[1].read.start], " ");
        }
    }

    #[test]
    fn a_text_without_sentence_ends_stays_whole() {
        let text = "Vladimir Poutine ".repeat(10_000);
        assert_eq!(segments(&text, &["l"]).len(), 1);
    }
}
