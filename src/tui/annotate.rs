//! The reader's side of highlights and notes: the sentence selection, the note
//! being written, the question being asked, the list, and which highlight is
//! "under the cursor". Nothing here draws or writes files.

use super::editor::Editor;
use super::reader::Reader;
use crate::article::Display;
use crate::export::find_entity;
use crate::notes::{Color, EntityKey, Placed};
use crate::Block;
use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use std::rc::Rc;

/// A sentence of the article: block and index among the block's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sentence {
    pub block: usize,
    pub index: usize,
}

/// Sentences selected with `v` and `j`/`k`: from `anchor` to `head`, either way;
/// or, once `m` or a word motion (`w`, `b`, `W`, `B`) made it precise, `span`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: Sentence,
    pub head: Sentence,
    pub color: Color,
    /// A file byte range that replaces the sentences (`j`/`k` go back to them).
    pub span: Option<(usize, usize)>,
}

/// What a note is written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    Highlight(String),
    Entity(EntityKey),
}

/// The note being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub target: NoteTarget,
    pub editor: Editor,
    /// The note as it was when the editor opened.
    pub original: String,
    /// The box's title.
    pub title: String,
    /// What the note is about, shown above it (the highlight's text).
    pub context: String,
}

impl NoteEditor {
    pub fn changed(&self) -> bool {
        self.editor.text != self.original
    }
}

/// A yes/no question in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// A highlight's id, and the question: its start quoted, its note named if it
    /// has one.
    DeleteHighlight(String, String),
    DeleteEntityNote(EntityKey),
    /// Esc in the editor with changes.
    DiscardNote,
    /// Quit with a note being written.
    QuitDiscardingNote,
    /// Quit although notes could not be saved.
    QuitUnsaved(String),
    /// `e` found a file glose did not write.
    ReplaceExport(PathBuf),
}

impl Confirm {
    pub fn prompt(&self) -> String {
        match self {
            Confirm::DeleteHighlight(_, question) => question.clone(),
            Confirm::DeleteEntityNote(k) => format!("delete the note on {}? (y/n)", k.name),
            Confirm::DiscardNote => "discard the changes to this note? (y/n)".into(),
            Confirm::QuitDiscardingNote => "the note is not saved: quit anyway? (y/n)".into(),
            Confirm::QuitUnsaved(why) => {
                format!("notes not saved ({why}): quit anyway? (y/n)")
            }
            Confirm::ReplaceExport(p) => format!(
                "{} exists and was not written by glose: replace it? (y/n)",
                p.display()
            ),
        }
    }
}

/// One entry of the `'` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListItem {
    Highlight(String),
    EntityNote(EntityKey),
}

/// The `'` list: the selected entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NotesList {
    pub selected: usize,
}

/// The smallest display offset of a block whose file offset is at least `file`.
fn lower_bound(display: &Display, file: usize) -> usize {
    let (mut lo, mut hi) = (0, display.text.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if display.to_file(mid) < file {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    while lo < display.text.len() && !display.text.is_char_boundary(lo) {
        lo += 1;
    }
    lo
}

/// The part of a file range shown in a block, in display offsets.
pub fn display_range(
    display: &Display,
    block: &Block,
    file: &Range<usize>,
) -> Option<Range<usize>> {
    let s = file.start.max(block.range.start);
    let e = file.end.min(block.range.end);
    if s >= e {
        return None;
    }
    let (ds, de) = (lower_bound(display, s), lower_bound(display, e));
    (ds < de).then_some(ds..de)
}

impl Reader {
    /// The sentences of a block as display ranges (never empty for a block with text).
    pub fn sentences(&self, block: usize) -> Rc<Vec<Range<usize>>> {
        if let Some(s) = self.sentence_cache.borrow().get(&block) {
            return Rc::clone(s);
        }
        let bl = self.block(block);
        let text = &bl.display.text;
        let mut list = crate::text::sentences(text);
        if list.is_empty() && !text.trim().is_empty() {
            let start = text.len() - text.trim_start().len();
            list.push(start..text.trim_end().len());
        }
        let list = Rc::new(list);
        self.sentence_cache
            .borrow_mut()
            .insert(block, Rc::clone(&list));
        list
    }

    /// A sentence's byte range in the file.
    pub fn sentence_range(&self, s: Sentence) -> Option<Range<usize>> {
        let r = self.sentences(s.block).get(s.index)?.clone();
        let bl = self.block(s.block);
        Some(bl.display.to_file(r.start)..bl.display.to_file_end(r.end))
    }

    /// The sentence holding display offset `offset` of a block, or the next one.
    fn sentence_in_block(&self, block: usize, offset: usize) -> Option<Sentence> {
        let list = self.sentences(block);
        let index = list
            .iter()
            .position(|r| r.end > offset)
            .or_else(|| list.len().checked_sub(1))?;
        Some(Sentence { block, index })
    }

    /// The first sentence at or after block `block`.
    fn first_sentence_from(&self, block: usize) -> Option<Sentence> {
        (block..self.doc.article.blocks.len()).find_map(|b| self.sentence_in_block(b, 0))
    }

    /// The sentence of the current mention, else the first sentence in view.
    pub fn current_sentence(&self) -> Option<Sentence> {
        if let Some(m) = self.current.and_then(|c| self.mentions.get(c)) {
            let block = self.block_at(m.start);
            if let Some(d) = self.block(block).display.from_file(m.start) {
                if let Some(s) = self.sentence_in_block(block, d) {
                    return Some(s);
                }
            }
        }
        let pos = self.top_pos()?;
        match self.line_range(pos) {
            Some(line) => self
                .sentence_in_block(pos.block, line.start)
                .or_else(|| self.first_sentence_from(pos.block + 1)),
            None => self.first_sentence_from(pos.block + 1),
        }
    }

    pub fn next_sentence(&self, s: Sentence) -> Option<Sentence> {
        if s.index + 1 < self.sentences(s.block).len() {
            return Some(Sentence {
                index: s.index + 1,
                ..s
            });
        }
        self.first_sentence_from(s.block + 1)
    }

    pub fn prev_sentence(&self, s: Sentence) -> Option<Sentence> {
        if s.index > 0 {
            return Some(Sentence {
                index: s.index - 1,
                ..s
            });
        }
        (0..s.block).rev().find_map(|b| {
            let n = self.sentences(b).len();
            (n > 0).then_some(Sentence {
                block: b,
                index: n - 1,
            })
        })
    }

    /// The selection's byte range in the file.
    pub fn selection_range(&self, sel: &Selection) -> Option<Range<usize>> {
        if let Some((start, end)) = sel.span {
            return Some(start..end);
        }
        let (a, b) = if sel.anchor <= sel.head {
            (sel.anchor, sel.head)
        } else {
            (sel.head, sel.anchor)
        };
        Some(self.sentence_range(a)?.start..self.sentence_range(b)?.end)
    }

    /// How many sentences the selection holds.
    pub fn selection_len(&self, sel: &Selection) -> usize {
        let (mut a, b) = if sel.anchor <= sel.head {
            (sel.anchor, sel.head)
        } else {
            (sel.head, sel.anchor)
        };
        let mut n = 1;
        while a < b {
            match self.next_sentence(a) {
                Some(next) => a = next,
                None => break,
            }
            n += 1;
        }
        n
    }

    /// Scrolls so the file offset is on screen.
    pub fn reveal_offset(&mut self, offset: usize) {
        let block = self.block_at(offset);
        let bl = self.block(block);
        let d = lower_bound(&bl.display, offset);
        let pos = self.pos_of(block, d);
        self.reveal(pos);
    }

    /// The file range on screen.
    pub fn view_range(&self) -> Range<usize> {
        let start = self.top_offset();
        let Some(mut pos) = self.top_pos() else {
            return 0..0;
        };
        for _ in 1..self.view.1.max(1) {
            match self.next_line(pos) {
                Some(p) => pos = p,
                None => break,
            }
        }
        let end = match self.line_range(pos) {
            Some(l) => self.block(pos.block).display.to_file_end(l.end),
            None => self.doc.article.blocks[pos.block].range.end,
        };
        start..end.max(start)
    }

    /// The highlight `a` and `d` act on: the one last saved, clicked or jumped to
    /// while on screen, else the one around the current mention, else the first
    /// one on screen.
    pub fn highlight_under_cursor(&self) -> Option<String> {
        let notes = self.doc.notes.as_ref()?;
        let view = self.view_range();
        let visible = |p: &Placed| {
            p.range
                .as_ref()
                .is_some_and(|r| r.start < view.end.max(view.start + 1) && r.end > view.start)
        };
        if let Some(p) = self
            .cursor_highlight
            .as_ref()
            .and_then(|id| notes.placed_of(id))
        {
            if visible(p) {
                return Some(p.id.clone());
            }
        }
        if let Some(m) = self.current.and_then(|c| self.mentions.get(c)) {
            let around = notes.placed().iter().find(|p| {
                visible(p)
                    && p.range
                        .as_ref()
                        .is_some_and(|r| r.start <= m.start && m.end <= r.end)
            });
            if let Some(p) = around {
                return Some(p.id.clone());
            }
        }
        notes
            .placed()
            .iter()
            .find(|p| visible(p))
            .map(|p| p.id.clone())
    }

    /// The current highlight's note, when it has one: shown in full under the
    /// article while reading.
    pub fn current_note(&self) -> Option<(String, String)> {
        let id = self.highlight_under_cursor()?;
        let note = self
            .doc
            .notes
            .as_ref()?
            .highlight(&id)?
            .note
            .trim()
            .to_string();
        (!note.is_empty()).then_some((id, note))
    }

    /// The note pane's lines for a text area `width` wide and `height` high: the
    /// note wrapped, at most a third of the height (the last line says when it is
    /// cut; `a` shows the whole note).
    pub fn note_pane(&self, width: usize, height: usize) -> Vec<String> {
        let Some((_, note)) = self.current_note() else {
            return Vec::new();
        };
        let max = (height / 3).max(1);
        if width < 8 || height < 8 {
            return Vec::new();
        }
        let mut lines: Vec<String> = note
            .lines()
            .flat_map(|l| {
                let wrapped = textwrap::wrap(l, width.saturating_sub(2).max(1));
                if wrapped.is_empty() {
                    vec![String::new()]
                } else {
                    wrapped.into_iter().map(|c| c.into_owned()).collect()
                }
            })
            .collect();
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                last.push_str(" … (a: the whole note)");
            }
        }
        lines
    }

    /// `}`/`{`: makes the next (previous) highlight in reading order the current
    /// one and brings it into view, wrapping around.
    pub fn next_highlight(&mut self, forward: bool) -> Option<String> {
        let notes = self.doc.notes.as_ref()?;
        let mut starts: Vec<(usize, String)> = notes
            .placed()
            .iter()
            .filter_map(|p| Some((p.range.as_ref()?.start, p.id.clone())))
            .collect();
        if starts.is_empty() {
            return Some("no highlights: v selects a sentence, h saves it".into());
        }
        starts.sort();
        let here = self
            .highlight_under_cursor()
            .and_then(|id| starts.iter().position(|(_, i)| *i == id));
        let n = starts.len();
        let k = match here {
            Some(k) if forward => (k + 1) % n,
            Some(k) => (k + n - 1) % n,
            None => {
                let top = self.top_offset();
                let p = starts.partition_point(|(s, _)| *s < top);
                if forward {
                    p % n
                } else {
                    (p + n - 1) % n
                }
            }
        };
        let (start, id) = starts[k].clone();
        self.cursor_highlight = Some(id);
        self.reveal_offset(start);
        // The status line says which, quoted.
        None
    }

    /// The note key for entity `i`: the key of a note already on it, else its own.
    pub fn entity_key(&self, i: usize) -> EntityKey {
        let e = &self.doc.entities[i];
        if let Some(notes) = &self.doc.notes {
            for n in notes.entity_notes() {
                if find_entity(&self.doc.entities, &n.entity).is_some_and(|x| x.id == e.id) {
                    return n.entity.clone();
                }
            }
        }
        EntityKey {
            kind: e.kind,
            name: e.name.clone(),
        }
    }

    /// The entities that carry a note.
    pub fn noted_entities(&self) -> HashSet<usize> {
        let Some(notes) = &self.doc.notes else {
            return HashSet::new();
        };
        notes
            .entity_notes()
            .iter()
            .filter_map(|n| {
                let e = find_entity(&self.doc.entities, &n.entity)?;
                self.doc.entities.iter().position(|x| x.id == e.id)
            })
            .collect()
    }

    /// The `'` list: highlights in reading order (orphaned last), then entity notes.
    pub fn list_items(&self) -> Vec<ListItem> {
        let Some(notes) = &self.doc.notes else {
            return Vec::new();
        };
        notes
            .placed()
            .iter()
            .map(|p| ListItem::Highlight(p.id.clone()))
            .chain(
                notes
                    .entity_notes()
                    .iter()
                    .map(|n| ListItem::EntityNote(n.entity.clone())),
            )
            .collect()
    }
}
