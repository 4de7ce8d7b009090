//! The reader's side of corrections: the extractor's entities with the
//! corrections applied, keeping the selection across a change, the kind picker,
//! and the word motions that make a selection precise enough to become an entity.
//! Nothing here draws or writes files.

use super::doc::reading_order;
use super::reader::Reader;
use crate::Entity;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What the kind picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// `r`: the entity whose first mention is this range.
    Relabel(Range<usize>),
    /// `E`: the selected text becomes an entity.
    Add(Range<usize>),
}

/// The kind picker of `r` and `E`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindPick {
    pub target: PickFor,
    /// The box's title.
    pub title: String,
}

/// How a selection edge moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMove {
    EndRight,
    EndLeft,
    StartRight,
    StartLeft,
}

/// The entity of `list` holding the mention `r`: exactly, else the mention that
/// shares the most with it.
pub fn entity_at(list: &[Entity], r: &Range<usize>) -> Option<usize> {
    let exact = list.iter().position(|e| {
        e.mentions
            .iter()
            .any(|m| m.start == r.start && m.end == r.end)
    });
    exact.or_else(|| {
        list.iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (i, m)))
            .map(|(i, m)| (m.end.min(r.end).saturating_sub(m.start.max(r.start)), i))
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, i)| (o, std::cmp::Reverse(i)))
            .map(|(_, i)| i)
    })
}

/// The range of an entity's first mention: how the reader names it in corrections.
pub fn first_range(e: &Entity) -> Option<Range<usize>> {
    e.mentions.first().map(|m| m.start..m.end)
}

impl Reader {
    /// Recomputes the shown and hidden entities from the extractor's and the
    /// corrections in the notes.
    pub fn apply_corrections(&mut self) {
        self.doc.apply_corrections();
        self.mentions = reading_order(&self.doc.entities);
        self.layout.clear();
        if self.doc.hidden.is_empty() {
            self.hidden_open = false;
        }
    }

    /// After the corrections changed: applies them again, then selects the entity
    /// holding `keep` (a mention's range), else the one selected before, and keeps
    /// the current mention where it is still one.
    pub fn refresh(&mut self, keep: Option<Range<usize>>) {
        let before = keep.or_else(|| {
            let e = match self.hidden_selected {
                Some(j) if self.hidden_open => self.doc.hidden.get(j),
                _ => self.selected.and_then(|i| self.doc.entities.get(i)),
            };
            e.and_then(first_range)
        });
        let current = self
            .current
            .and_then(|c| self.mentions.get(c))
            .map(|m| m.start..m.end);
        self.apply_corrections();
        self.selected = None;
        self.hidden_selected = None;
        self.current = None;
        if let Some(r) = &before {
            if let Some(i) = entity_at(&self.doc.entities, r) {
                self.select_shown(i);
            } else if let Some(j) = entity_at(&self.doc.hidden, r) {
                if self.hidden_open {
                    self.hidden_selected = Some(j);
                }
            }
        }
        if let Some(r) = current {
            self.current = self.mentions.iter().position(|m| {
                m.start == r.start && m.end == r.end && self.selected.is_none_or(|s| s == m.entity)
            });
        }
        self.fix_selection();
    }

    /// Makes the mention at `r` the current one, if it is one.
    pub fn set_current_range(&mut self, r: &Range<usize>) {
        if let Some(i) = self
            .mentions
            .iter()
            .position(|m| m.start == r.start && m.end == r.end)
        {
            self.select_shown(self.mentions[i].entity);
            self.current = Some(i);
        }
    }

    /// The file range of the current search match, if a search is on.
    pub fn current_match_range(&self) -> Option<Range<usize>> {
        let (block, m) = self.search.as_ref()?.current.clone()?;
        let bl = self.block(block);
        Some(bl.display.to_file(m.start)..bl.display.to_file_end(m.end))
    }

    /// The alphanumeric words (Unicode word boundaries) of a file range.
    fn words(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let text = &self.doc.article.text;
        let Some(s) = text.get(range.clone()) else {
            return Vec::new();
        };
        s.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| range.start + i..range.start + i + w.len())
            .collect()
    }

    /// A selection range with one edge moved to the next word boundary inside its
    /// paragraph; `None` when it cannot move that way.
    pub fn move_word(&self, sel: Range<usize>, how: WordMove) -> Option<Range<usize>> {
        let block = self
            .doc
            .article
            .blocks
            .get(self.block_at(sel.start))?
            .range
            .clone();
        let (start, end) = (sel.start, sel.end);
        let inside = self.words(start..end);
        let moved = match how {
            WordMove::EndRight => start..self.words(end..block.end.max(end)).first()?.end,
            WordMove::EndLeft => start..inside.iter().rev().find(|w| w.end < end)?.end,
            WordMove::StartRight => inside.iter().find(|w| w.start > start)?.start..end,
            WordMove::StartLeft => self.words(block.start.min(start)..start).last()?.start..end,
        };
        (moved.start < moved.end).then_some(moved)
    }
}
