//! The article laid out for a width: each block wrapped into lines (byte ranges of
//! its displayed text) with its mentions mapped onto that text. Blocks are laid out
//! lazily, when a frame or a motion first needs them, and kept until the width
//! changes, so opening or scrolling a long article never wraps the whole of it.

use crate::article::Display;
use crate::{Article, Entity};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use textwrap::core::{break_words, Word};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthStr;

/// One mention of one entity, in file byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// Every mention of every entity in reading order; an enclosing mention (an event)
/// comes before the mentions nested in it.
pub fn reading_order(entities: &[Entity]) -> Vec<MentionRef> {
    let mut all: Vec<MentionRef> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| MentionRef {
                start: m.start,
                end: m.end,
                entity: i,
            })
        })
        .filter(|m| m.start < m.end)
        .collect();
    all.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.entity.cmp(&b.entity))
    });
    all
}

/// The character drawn for a character of the file: controls (C0, DEL, C1) and
/// bidi overrides become U+FFFD, tabs and line breaks a space. Same mapping as
/// `crate::text::sanitize`, one character at a time so offsets stay mappable.
pub fn safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if c.is_control() => '\u{FFFD}',
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        c => c,
    }
}

/// `safe_char` for a whole string (titles, names, file names).
pub fn safe(s: &str) -> String {
    s.chars().map(safe_char).collect()
}

/// A stand-in with the byte length of `c` and the width of `safe_char(c)`, so the
/// wrapper measures what will be drawn while offsets stay those of the text.
fn wrap_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if safe_char(c) == '\u{FFFD}' && c != '\u{FFFD}' => match c.len_utf8() {
            1 => '?',
            2 => '\u{BF}',
            3 => '\u{FFFD}',
            _ => '\u{1F7E5}', // never reached: controls and overrides are 1-3 bytes
        },
        c => c,
    }
}

/// Wraps `text` to `width` columns: the byte range of each line, trailing spaces
/// left out. Breaks where Unicode allows (spaces, between CJK characters, ...);
/// a word longer than a line is cut. Never returns an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let clean: String = text.chars().map(wrap_char).collect();
    debug_assert_eq!(clean.len(), text.len());
    let words: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(&clean)
        .map(|mut w| {
            w.width = UnicodeWidthStr::width(w.word);
            w
        })
        .collect();
    let words = break_words(words, width);
    let base = clean.as_ptr() as usize;
    let mut lines: Vec<Range<usize>> = wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .filter_map(|line| {
            let first = line.first()?;
            let last = line.last()?;
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            Some(start..end.max(start))
        })
        .collect();
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// A mention mapped onto a block's displayed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the block's displayed text.
    pub range: Range<usize>,
    /// Index into the reading-order mention list.
    pub mention: usize,
}

/// One block laid out for one width.
#[derive(Debug)]
pub struct BlockLayout {
    pub display: Display,
    /// Byte ranges of `display.text`, one per screen line; never empty.
    pub lines: Vec<Range<usize>>,
    /// The block's mentions, in reading order.
    pub spans: Vec<Span>,
    /// The longest span, to find the spans that reach into a line quickly.
    max_span: usize,
}

impl BlockLayout {
    fn new(article: &Article, mentions: &[MentionRef], index: usize, width: usize) -> BlockLayout {
        let block = &article.blocks[index];
        let display = block.display(&article.text);
        let lines = wrap(&display.text, width);
        let lo = mentions.partition_point(|m| m.start < block.range.start);
        let hi = mentions.partition_point(|m| m.start < block.range.end);
        let mut spans = Vec::new();
        let mut max_span = 0;
        for (k, m) in mentions.iter().enumerate().take(hi).skip(lo) {
            let Some(start) = display.from_file(m.start) else {
                continue;
            };
            let end = display
                .from_file(m.end.min(block.range.end))
                .unwrap_or(display.text.len());
            if end > start {
                max_span = max_span.max(end - start);
                spans.push(Span {
                    range: start..end,
                    mention: k,
                });
            }
        }
        BlockLayout {
            display,
            lines,
            spans,
            max_span,
        }
    }

    /// The line holding display offset `offset` (`usize::MAX`: the gap after the block).
    pub fn line_of(&self, offset: usize) -> usize {
        if offset == usize::MAX {
            return self.lines.len();
        }
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The spans that overlap `range`, outer before inner.
    pub fn spans_in(&self, range: Range<usize>) -> impl Iterator<Item = &Span> {
        let lo = self
            .spans
            .partition_point(|s| s.range.start < range.start.saturating_sub(self.max_span));
        let hi = self.spans.partition_point(|s| s.range.start < range.end);
        let (a, b) = (range.start, range.end);
        self.spans[lo..hi.max(lo)]
            .iter()
            .filter(move |s| s.range.end > a && (s.range.start < b || s.range.start == a))
    }
}

/// The lazily filled cache of block layouts for the current width.
#[derive(Debug, Default)]
pub struct Layout {
    width: usize,
    blocks: RefCell<HashMap<usize, Rc<BlockLayout>>>,
}

impl Layout {
    pub fn width(&self) -> usize {
        self.width
    }

    /// Forgets every block if the width changed.
    pub fn set_width(&mut self, width: usize) {
        if width != self.width {
            self.width = width;
            self.blocks.get_mut().clear();
        }
    }

    /// Block `index` laid out for the current width (a memo: computed once, then shared).
    pub fn block(
        &self,
        article: &Article,
        mentions: &[MentionRef],
        index: usize,
    ) -> Rc<BlockLayout> {
        if let Some(bl) = self.blocks.borrow().get(&index) {
            return Rc::clone(bl);
        }
        let bl = Rc::new(BlockLayout::new(article, mentions, index, self.width));
        self.blocks.borrow_mut().insert(index, Rc::clone(&bl));
        bl
    }
}
