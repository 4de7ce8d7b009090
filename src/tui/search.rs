//! Incremental search in the displayed text, blind to accents (`evenement` finds
//! "Evénement") and with smart case (a query with a capital letter matches case
//! exactly), moving from match to match across blocks. The sidebar's name filter
//! uses the same folding.

use super::reader::{Anchor, Reader};
use crate::extract::lexicon;
use std::ops::Range;

/// Whether a query ignores case: only when it has no capital letter.
pub fn folds_case(query: &str) -> bool {
    !query.chars().any(char::is_uppercase)
}

/// A character as compared: without its accents, lowercased when `case` folds.
/// Combining accents fold to nothing, `œ` to `oe`.
fn fold_char(c: char, case: bool, out: &mut Vec<char>) {
    out.clear();
    if c.is_ascii() {
        out.push(if case { c.to_ascii_lowercase() } else { c });
        return;
    }
    let mut b = [0u8; 4];
    let folded = lexicon::fold(c.encode_utf8(&mut b));
    if case {
        out.extend(folded.chars());
    } else {
        // Keep the case of the letter: only its accents go.
        let upper = c.is_uppercase();
        out.extend(folded.chars().map(|f| {
            if upper {
                f.to_uppercase().next().unwrap_or(f)
            } else {
                f
            }
        }));
    }
}

/// `s` folded as the search compares it.
pub fn fold(s: &str, case: bool) -> String {
    let mut buf = Vec::new();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, case, &mut buf);
        out.extend(buf.iter());
    }
    out
}

/// Whether `name` contains `filter`, blind to accents and case (the sidebar filter:
/// `tokaiev` finds "Tokaïev").
pub fn name_matches(name: &str, filter: &str) -> bool {
    filter.is_empty() || fold(name, true).contains(&fold(filter, true))
}

/// The end of a match of the folded query `query` starting at byte `at` of `text`;
/// accents after the last letter belong to the match.
fn match_at(
    text: &str,
    at: usize,
    query: &[char],
    case: bool,
    buf: &mut Vec<char>,
) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut q = 0;
    let mut end = None;
    for (i, c) in rest.char_indices() {
        fold_char(c, case, buf);
        if q == query.len() {
            // Only marks that fold to nothing (a decomposed accent) extend it.
            if buf.is_empty() {
                end = Some(at + i + c.len_utf8());
                continue;
            }
            break;
        }
        if buf.is_empty() {
            if q == 0 {
                return None;
            }
            continue;
        }
        for f in buf.iter() {
            if q == query.len() || query[q] != *f {
                return None;
            }
            q += 1;
        }
        end = Some(at + i + c.len_utf8());
    }
    (q == query.len()).then_some(end).flatten()
}

/// The matches of `query` in `text` that start in `starts` (char boundaries only).
pub fn matches_in(text: &str, starts: Range<usize>, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let case = folds_case(query);
    let query: Vec<char> = fold(query, case).chars().collect();
    if query.is_empty() {
        return Vec::new();
    }
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut at = starts.start.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let end = starts.end.min(text.len());
    while at < end {
        if let Some(e) = match_at(text, at, &query, case, &mut buf) {
            out.push(at..e);
            at = e;
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

impl Reader {
    fn display_text(&self, block: usize) -> String {
        self.doc.article.blocks[block]
            .display(&self.doc.article.text)
            .text
    }

    /// The first match at or after display offset `from` of block `block`, going on
    /// through the following blocks and wrapping around.
    pub fn find_forward(
        &self,
        block: usize,
        from: usize,
        query: &str,
    ) -> Option<(usize, Range<usize>)> {
        let n = self.doc.article.blocks.len();
        for step in 0..=n {
            let b = (block + step) % n.max(1);
            if b >= n {
                break;
            }
            let text = self.display_text(b);
            let lo = if step == 0 { from } else { 0 };
            let hi = if step == n { from } else { text.len() };
            if let Some(m) = matches_in(&text, lo..hi, query).into_iter().next() {
                return Some((b, m));
            }
        }
        None
    }

    /// The last match starting before display offset `before` of block `block`,
    /// going back through the blocks before it and wrapping around.
    pub fn find_backward(
        &self,
        block: usize,
        before: usize,
        query: &str,
    ) -> Option<(usize, Range<usize>)> {
        let n = self.doc.article.blocks.len();
        for step in 0..=n {
            let b = (block + n * 2 - step) % n.max(1);
            if b >= n {
                break;
            }
            let text = self.display_text(b);
            let lo = if step == n { before } else { 0 };
            let hi = if step == 0 { before } else { text.len() + 1 };
            if let Some(m) = matches_in(&text, lo..hi, query).into_iter().next_back() {
                return Some((b, m));
            }
        }
        None
    }

    /// Where a search from `anchor` starts: the beginning of that screen line.
    pub fn search_start(&self, anchor: Anchor) -> (usize, usize) {
        if anchor.offset == usize::MAX {
            let next = anchor.block + 1;
            if next < self.doc.article.blocks.len() {
                return (next, 0);
            }
            return (0, 0);
        }
        (anchor.block, anchor.offset)
    }

    /// Moves the view to a match and makes it the current one.
    pub fn go_to_match(&mut self, found: (usize, Range<usize>)) {
        let pos = self.pos_of(found.0, found.1.start);
        if let Some(search) = &mut self.search {
            search.current = Some(found);
        }
        self.reveal(pos);
    }
}
