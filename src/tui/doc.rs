//! The article laid out for a width: each block wrapped into lines (byte ranges of
//! its displayed text) with its mentions mapped onto that text. Blocks are laid out
//! lazily, when a frame or a motion first needs them, and kept until the width
//! changes, so opening or scrolling a long article never wraps the whole of it.

use crate::article::Display;
use crate::{Article, Entity, EntityKind};
use std::cell::{OnceCell, RefCell};
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

/// The character drawn for a character of the file: `crate::text::sanitize_char`
/// (controls, escape-sequence introducers and bidi overrides become U+FFFD, tabs a
/// space), with line breaks drawn as spaces too. One character at a time, so
/// display offsets stay mappable to file offsets.
pub fn safe_char(c: char) -> char {
    match c {
        '\n' => ' ',
        c => crate::text::sanitize_char(c),
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

/// The tag drawn after a mention when kind labels are on (`L`), displaCy-style:
/// the kind without colour, for newcomers and for terminals without colour.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => " [per]",
        EntityKind::Place => " [loc]",
        EntityKind::Organization => " [org]",
        EntityKind::Event => " [evt]",
    }
}

/// Columns every kind label takes.
pub const LABEL_WIDTH: usize = 6;

/// Wraps `text` to `width` columns: the byte range of each line, trailing spaces
/// left out. Breaks where Unicode allows (spaces, between CJK characters, ...);
/// a word longer than a line is cut. Never returns an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_labelled(text, width, &[])
}

/// [`wrap`] with a kind label drawn after each offset of `labels` (sorted): the
/// word a label follows is measured with it, so labels wrap with their mention.
pub fn wrap_labelled(text: &str, width: usize, labels: &[usize]) -> Vec<Range<usize>> {
    let width = width.max(1);
    let clean: String = text.chars().map(wrap_char).collect();
    debug_assert_eq!(clean.len(), text.len());
    let base = clean.as_ptr() as usize;
    let words: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(&clean)
        .map(|mut w| {
            w.width = UnicodeWidthStr::width(w.word);
            if !labels.is_empty() {
                let start = w.word.as_ptr() as usize - base;
                let end = start + w.word.len();
                let lo = labels.partition_point(|&l| l <= start);
                let hi = labels.partition_point(|&l| l <= end);
                w.width += (hi - lo) * LABEL_WIDTH;
            }
            w
        })
        .collect();
    let words = break_words(words, width);
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

/// Blocks longer than this are wrapped a segment at a time, so a huge paragraph is
/// laid out only where it is looked at. Segments end after a space when one is near.
pub const SEGMENT: usize = 16 * 1024;

/// Splits a displayed text into segments of at most about `SEGMENT` bytes.
pub fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > SEGMENT {
        let mut cut = start + SEGMENT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut lo = start + SEGMENT * 3 / 4;
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        if let Some(space) = text[lo..cut].rfind(' ') {
            cut = lo + space + 1;
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// One block laid out for one width.
#[derive(Debug)]
pub struct BlockLayout {
    pub display: Display,
    /// Byte ranges of `display.text` wrapped independently; never empty.
    pub segments: Vec<Range<usize>>,
    /// Each segment's screen lines (byte ranges of `display.text`), wrapped on first use.
    lines: Vec<OnceCell<Vec<Range<usize>>>>,
    width: usize,
    /// The block's mentions, in reading order.
    pub spans: Vec<Span>,
    /// The longest span, to find the spans that reach into a line quickly.
    max_span: usize,
    /// Kind labels are drawn after the mentions (and wrapped with them).
    pub labels: bool,
}

impl BlockLayout {
    fn new(
        article: &Article,
        mentions: &[MentionRef],
        index: usize,
        width: usize,
        labels: bool,
    ) -> BlockLayout {
        let block = &article.blocks[index];
        let display = block.display(&article.text);
        let segments = segments(&display.text);
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
            lines: segments.iter().map(|_| OnceCell::new()).collect(),
            segments,
            width,
            spans,
            max_span,
            labels,
        }
    }

    /// The screen lines of segment `seg`; never empty.
    pub fn lines(&self, seg: usize) -> &[Range<usize>] {
        self.lines[seg].get_or_init(|| {
            let r = self.segments[seg].clone();
            let labels = self.label_offsets(r.clone());
            wrap_labelled(&self.display.text[r.clone()], self.width, &labels)
                .into_iter()
                .map(|l| l.start + r.start..l.end + r.start)
                .collect()
        })
    }

    /// Where labels go in a display range (relative to its start, sorted): after
    /// each mention ending in it, when labels are on.
    fn label_offsets(&self, r: Range<usize>) -> Vec<usize> {
        if !self.labels {
            return Vec::new();
        }
        let mut out: Vec<usize> = self
            .spans
            .iter()
            .filter(|s| s.range.end > r.start && s.range.end <= r.end)
            .map(|s| s.range.end - r.start)
            .collect();
        out.sort_unstable();
        out
    }

    /// The display offset of the character drawn at column `col` of a line
    /// (`None` past its end or on a label).
    pub fn offset_at_column(&self, line: Range<usize>, col: usize) -> Option<usize> {
        let labels = self.label_offsets(line.clone());
        let mut x = 0;
        let mut k = 0;
        for (i, c) in self.display.text.get(line.clone())?.char_indices() {
            while k < labels.len() && labels[k] <= i {
                x += LABEL_WIDTH;
                k += 1;
            }
            if col < x {
                return None; // on a label
            }
            let w = unicode_width::UnicodeWidthChar::width(safe_char(c)).unwrap_or(0);
            if col < x + w {
                return Some(line.start + i);
            }
            x += w;
        }
        None
    }

    pub fn last_segment(&self) -> usize {
        self.segments.len() - 1
    }

    /// The segment holding display offset `offset` (`usize::MAX`: the last one).
    pub fn segment_of(&self, offset: usize) -> usize {
        self.segments
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }

    /// The line of segment `seg` holding display offset `offset` (`usize::MAX`: the
    /// blank line after the block).
    pub fn line_of(&self, seg: usize, offset: usize) -> usize {
        let lines = self.lines(seg);
        if offset == usize::MAX {
            return lines.len();
        }
        lines
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
    labels: bool,
    blocks: RefCell<HashMap<usize, Rc<BlockLayout>>>,
}

impl Layout {
    pub fn labels(&self) -> bool {
        self.labels
    }

    /// Kind labels on or off: lines wrap again with them.
    pub fn set_labels(&mut self, on: bool) {
        if on != self.labels {
            self.labels = on;
            self.blocks.get_mut().clear();
        }
    }

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

    /// Forgets every block (the mentions changed).
    pub fn clear(&mut self) {
        self.blocks.get_mut().clear();
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
        let bl = Rc::new(BlockLayout::new(
            article,
            mentions,
            index,
            self.width,
            self.labels,
        ));
        self.blocks.borrow_mut().insert(index, Rc::clone(&bl));
        bl
    }
}
