//! Incremental search in the displayed text: smart case (a query with a capital
//! letter matches case exactly), moving from match to match across blocks.

use super::reader::{Anchor, Reader};
use std::ops::Range;

/// Whether a query ignores case: only when it has no capital letter.
pub fn folds_case(query: &str) -> bool {
    !query.chars().any(char::is_uppercase)
}

fn same(a: char, b: char, fold: bool) -> bool {
    a == b || (fold && a.to_lowercase().eq(b.to_lowercase()))
}

/// The end of a match of `query` starting at byte `at` of `text`.
fn match_at(text: &str, at: usize, query: &str, fold: bool) -> Option<usize> {
    let mut t = text.get(at..)?.char_indices();
    let mut end = at;
    for q in query.chars() {
        let (i, c) = t.next()?;
        if !same(c, q, fold) {
            return None;
        }
        end = at + i + c.len_utf8();
    }
    Some(end)
}

/// The matches of `query` in `text` that start in `starts` (char boundaries only).
pub fn matches_in(text: &str, starts: Range<usize>, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = folds_case(query);
    let mut out = Vec::new();
    let mut at = starts.start.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let end = starts.end.min(text.len());
    while at < end {
        if let Some(e) = match_at(text, at, query, fold) {
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
