//! The reader's state (one open article) and the motions `update` is made of:
//! walking screen lines, keeping things in view, moving between mentions and
//! search matches. Nothing here draws.

use super::doc::{reading_order, BlockLayout, Layout, MentionRef};
use crate::{Article, Document, Entity, EntityKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Lines of context around a mention or match a jump lands on.
pub const SCROLLOFF: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Sidebar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    FirstAppearance,
    MostMentioned,
}

/// What the input line at the bottom is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputTarget {
    Search,
    Filter,
    /// `R`: a new name for the entity whose first mention is this byte range.
    Rename(usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub target: InputTarget,
    pub text: String,
}

/// A search in the article's displayed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The match the view is on: block and byte range of its displayed text.
    pub current: Option<(usize, Range<usize>)>,
    /// Where the view was when the search began (Esc returns there while typing).
    pub origin: Anchor,
}

/// The first line in view, as a block and the display offset that starts the line
/// (`usize::MAX` for the blank line after the block). Independent of the width, so a
/// resize keeps the reading position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    pub block: usize,
    pub offset: usize,
}

/// A screen line for the current width: block, segment and line index in the
/// segment (`lines.len()` of the last segment is the blank line after the block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinePos {
    pub block: usize,
    pub seg: usize,
    pub line: usize,
}

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Header {
        kind: EntityKind,
        count: usize,
    },
    Entity(usize),
    /// The section of the entities the reader hid (`x`), open or collapsed.
    HiddenHeader {
        count: usize,
        open: bool,
    },
    /// A hidden entity: index into `Reader::hidden`.
    Hidden(usize),
}

#[derive(Debug)]
pub struct Reader {
    /// The article, its notes and its entities: what `Document::open` gives.
    pub doc: Document,
    /// The Hidden section of the sidebar is open.
    pub hidden_open: bool,
    /// The hidden entity selected in the open Hidden section (`selected` is then `None`).
    pub hidden_selected: Option<usize>,
    /// `m`: the entity marked for a merge, by the range of its first mention.
    pub marked: Option<Range<usize>>,
    /// Every mention in reading order.
    pub mentions: Vec<MentionRef>,
    pub focus: Focus,
    pub top: Anchor,
    /// Size of the text area (columns, rows); set by `update` on resize.
    pub view: (usize, usize),
    pub layout: Layout,
    pub selected: Option<usize>,
    /// Index into `mentions`: the mention `n`, `]`, Enter or a click landed on.
    pub current: Option<usize>,
    pub sort: Sort,
    pub kind_filter: Option<EntityKind>,
    pub name_filter: String,
    pub search: Option<Search>,
    pub focus_mode: bool,
    pub sidebar_offset: usize,
    /// Opened from the library: Esc and Backspace go back to it.
    pub from_library: bool,
    /// The highlight last saved, clicked or jumped to.
    pub cursor_highlight: Option<String>,
    /// Rows at the bottom of the article pane given to the current highlight's
    /// note (set with the view's size; 0 when it has none).
    pub note_rows: usize,
    /// Sentences (display ranges) per block, computed when first needed.
    pub sentence_cache: RefCell<HashMap<usize, Rc<Vec<Range<usize>>>>>,
}

impl Reader {
    pub fn new(article: Article, entities: Vec<Entity>) -> Reader {
        Reader::of(Document::new(article, entities, None))
    }

    /// The reader on a document (its entities may still be to come).
    pub fn of(doc: Document) -> Reader {
        let mentions = reading_order(&doc.entities);
        let mut reader = Reader {
            doc,
            hidden_open: false,
            hidden_selected: None,
            marked: None,
            mentions,
            focus: Focus::Article,
            top: Anchor::default(),
            view: (0, 0),
            layout: Layout::default(),
            selected: None,
            current: None,
            sort: Sort::FirstAppearance,
            kind_filter: None,
            name_filter: String::new(),
            search: None,
            focus_mode: false,
            sidebar_offset: 0,
            from_library: false,
            cursor_highlight: None,
            note_rows: 0,
            sentence_cache: RefCell::default(),
        };
        reader.selected = reader.visible_entities().first().copied();
        reader
    }

    /// Takes the entities found by the extractor (run on a worker thread) and
    /// applies the reader's corrections to them.
    pub fn set_entities(&mut self, entities: Vec<Entity>) {
        self.doc.set_raw(entities);
        self.apply_corrections();
        self.current = None;
        self.selected = None;
        self.hidden_selected = None;
        self.fix_selection();
    }

    // ---- layout and line walking -------------------------------------------------

    pub fn block(&self, index: usize) -> Rc<BlockLayout> {
        self.layout.block(&self.doc.article, &self.mentions, index)
    }

    pub fn set_view(&mut self, width: usize, height: usize) {
        self.view = (width, height);
        self.layout.set_width(width.max(1));
        self.clamp_top();
    }

    /// Lines in a segment, the blank line after the block included.
    fn height_of(&self, bl: &BlockLayout, block: usize, seg: usize) -> usize {
        let gap = seg == bl.last_segment() && block + 1 < self.doc.article.blocks.len();
        bl.lines(seg).len() + usize::from(gap)
    }

    pub fn top_pos(&self) -> Option<LinePos> {
        let n = self.doc.article.blocks.len();
        if n == 0 {
            return None;
        }
        let block = self.top.block.min(n - 1);
        let bl = self.block(block);
        let seg = bl.segment_of(self.top.offset);
        let line = bl
            .line_of(seg, self.top.offset)
            .min(self.height_of(&bl, block, seg) - 1);
        Some(LinePos { block, seg, line })
    }

    /// The display range of a screen line in its block (`None`: the blank line).
    pub fn line_range(&self, pos: LinePos) -> Option<Range<usize>> {
        self.block(pos.block).lines(pos.seg).get(pos.line).cloned()
    }

    pub fn anchor_of(&self, pos: LinePos) -> Anchor {
        Anchor {
            block: pos.block,
            offset: self.line_range(pos).map_or(usize::MAX, |l| l.start),
        }
    }

    pub fn next_line(&self, pos: LinePos) -> Option<LinePos> {
        let bl = self.block(pos.block);
        if pos.line + 1 < self.height_of(&bl, pos.block, pos.seg) {
            Some(LinePos {
                line: pos.line + 1,
                ..pos
            })
        } else if pos.seg < bl.last_segment() {
            Some(LinePos {
                block: pos.block,
                seg: pos.seg + 1,
                line: 0,
            })
        } else if pos.block + 1 < self.doc.article.blocks.len() {
            Some(LinePos {
                block: pos.block + 1,
                seg: 0,
                line: 0,
            })
        } else {
            None
        }
    }

    pub fn prev_line(&self, pos: LinePos) -> Option<LinePos> {
        if pos.line > 0 {
            return Some(LinePos {
                line: pos.line - 1,
                ..pos
            });
        }
        let (block, seg) = if pos.seg > 0 {
            (pos.block, pos.seg - 1)
        } else if pos.block > 0 {
            (pos.block - 1, self.block(pos.block - 1).last_segment())
        } else {
            return None;
        };
        let bl = self.block(block);
        Some(LinePos {
            block,
            seg,
            line: self.height_of(&bl, block, seg) - 1,
        })
    }

    fn last_line(&self) -> Option<LinePos> {
        let block = self.doc.article.blocks.len().checked_sub(1)?;
        let bl = self.block(block);
        let seg = bl.last_segment();
        Some(LinePos {
            block,
            seg,
            line: self.height_of(&bl, block, seg) - 1,
        })
    }

    /// The furthest the top can go: the last page is full.
    pub fn max_top(&self) -> Option<LinePos> {
        let mut pos = self.last_line()?;
        for _ in 1..self.view.1.max(1) {
            match self.prev_line(pos) {
                Some(p) => pos = p,
                None => break,
            }
        }
        Some(pos)
    }

    fn set_top(&mut self, pos: LinePos) {
        let pos = match self.max_top() {
            Some(max) if pos > max => max,
            _ => pos,
        };
        self.top = self.anchor_of(pos);
    }

    pub fn clamp_top(&mut self) {
        if let Some(pos) = self.top_pos() {
            self.set_top(pos);
        }
    }

    /// Moves the view by `delta` lines.
    pub fn scroll(&mut self, delta: isize) {
        let Some(mut pos) = self.top_pos() else {
            return;
        };
        for _ in 0..delta.unsigned_abs() {
            let next = if delta > 0 {
                self.next_line(pos)
            } else {
                self.prev_line(pos)
            };
            match next {
                Some(p) => pos = p,
                None => break,
            }
            if delta > 0 && self.max_top().is_some_and(|max| pos >= max) {
                break;
            }
        }
        self.set_top(pos);
    }

    pub fn page(&self) -> isize {
        self.view.1.saturating_sub(2).max(1) as isize
    }

    pub fn go_top(&mut self) {
        self.top = Anchor::default();
    }

    pub fn go_bottom(&mut self) {
        if let Some(max) = self.max_top() {
            self.top = self.anchor_of(max);
        }
    }

    /// The screen line holding display offset `offset` of block `block`.
    pub fn pos_of(&self, block: usize, offset: usize) -> LinePos {
        let bl = self.block(block);
        let seg = bl.segment_of(offset);
        LinePos {
            block,
            seg,
            line: bl.line_of(seg, offset),
        }
    }

    /// The screen row of `pos` (0 = the top line), when it is on screen.
    pub fn row_of(&self, pos: LinePos) -> Option<usize> {
        let mut p = self.top_pos()?;
        if pos < p {
            return None;
        }
        for row in 0..self.view.1.max(1) {
            if p >= pos {
                return (p == pos).then_some(row);
            }
            p = self.next_line(p)?;
        }
        None
    }

    /// Whether `pos` is on screen.
    pub fn is_visible(&self, pos: LinePos) -> bool {
        self.row_of(pos).is_some()
    }

    /// Lines of context kept above and below a jump's target (vim's `scrolloff`).
    pub fn scrolloff(&self) -> usize {
        (self.view.1 / 4).min(SCROLLOFF)
    }

    /// Scrolls so `pos` is on screen with a few lines of context around it: a third
    /// of the way down if it was off screen, else as little as needed.
    pub fn reveal(&mut self, pos: LinePos) {
        let h = self.view.1;
        let so = self.scrolloff();
        let above = match self.row_of(pos) {
            Some(row) if row >= so && row + so < h => return,
            Some(row) if row < so => so,
            Some(_) => h.saturating_sub(1 + so),
            None => h / 3,
        };
        let mut top = pos;
        for _ in 0..above.max(so.min(h / 3)) {
            match self.prev_line(top) {
                Some(p) => top = p,
                None => break,
            }
        }
        self.set_top(top);
    }

    /// The block holding file offset `offset` (or the last block before it).
    pub fn block_at(&self, offset: usize) -> usize {
        self.doc
            .article
            .blocks
            .partition_point(|b| b.range.start <= offset)
            .saturating_sub(1)
    }

    /// The file offset at the top of the view.
    pub fn top_offset(&self) -> usize {
        let Some(pos) = self.top_pos() else {
            return 0;
        };
        match self.line_range(pos) {
            Some(l) => self.block(pos.block).display.to_file(l.start),
            None => self.doc.article.blocks[pos.block].range.end,
        }
    }

    /// Puts the line holding file offset `offset` at the top (a remembered reading
    /// position; an offset past the end or inside markup lands on its block).
    pub fn restore(&mut self, offset: usize) {
        if self.doc.article.blocks.is_empty() {
            return;
        }
        let block = self.block_at(offset);
        let display = self.block(block).display.from_file(offset).unwrap_or(0);
        let pos = self.pos_of(block, display);
        self.set_top(pos);
    }

    /// How far into the article the view is: 100 once the end is on screen.
    pub fn percent(&self) -> usize {
        let (Some(top), Some(max)) = (self.top_pos(), self.max_top()) else {
            return 100;
        };
        if top >= max {
            return 100;
        }
        let len = self.doc.article.text.len().max(1);
        (self.top_offset() * 100 / len).min(99)
    }

    // ---- entities and mentions ---------------------------------------------------

    /// The index in `mentions` of an entity's k-th mention.
    pub fn mention_index(&self, entity: usize, k: usize) -> Option<usize> {
        let m = self.doc.entities[entity].mentions.get(k)?;
        let from = self.mentions.partition_point(|r| r.start < m.start);
        (from..self.mentions.len())
            .take_while(|&i| self.mentions[i].start == m.start)
            .find(|&i| self.mentions[i].entity == entity && self.mentions[i].end == m.end)
    }

    /// The position of the current mention among its entity's mentions.
    pub fn current_k(&self) -> Option<(usize, usize)> {
        let r = self.mentions.get(self.current?)?;
        let list = &self.doc.entities[r.entity].mentions;
        let k = list.partition_point(|m| m.start < r.start);
        (k < list.len()).then_some((r.entity, k))
    }

    /// Makes `mentions[index]` the current mention and brings it into view.
    pub fn go_to_mention(&mut self, index: usize) {
        let r = self.mentions[index];
        self.current = Some(index);
        let block = self.block_at(r.start);
        let offset = self.block(block).display.from_file(r.start).unwrap_or(0);
        let pos = self.pos_of(block, offset);
        self.reveal(pos);
    }

    /// The mention (index into `mentions`) drawn at a screen line and column of the
    /// text area: the innermost one under the cell.
    pub fn mention_at(&self, pos: LinePos, col: usize) -> Option<usize> {
        let bl = self.block(pos.block);
        let line = self.line_range(pos)?;
        let offset = bl.offset_at_column(line.clone(), col)?;
        bl.spans_in(line)
            .filter(|s| s.range.contains(&offset))
            .min_by_key(|s| s.range.len())
            .map(|s| s.mention)
    }
}
