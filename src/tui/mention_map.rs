//! The mention map: a strip one column wide beside the article, as tall as the
//! text, standing for the whole article. It marks the rows where the selected
//! entity is mentioned and the rows the screen shows, so a reader sees at a
//! glance whether a person is in the lede only or throughout. Rows are placed by
//! file offset (the article's blocks from first to last), which needs no layout
//! of the parts not in view. Nothing here draws.

use super::reader::Reader;

/// One row of the strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MapRow {
    /// The screen shows part of what this row stands for.
    pub in_view: bool,
    /// The first of the selected entity's mentions on this row, as the index of
    /// it among the entity's mentions.
    pub mention: Option<usize>,
    /// The current mention (`n`, `]`, a click) is on this row.
    pub current: bool,
}

impl Reader {
    /// The file offsets the strip spans: the first block's start to the last one's end.
    fn map_span(&self) -> (usize, usize) {
        let blocks = &self.doc.article.blocks;
        let lo = blocks.first().map_or(0, |b| b.range.start);
        let hi = blocks.last().map_or(0, |b| b.range.end);
        (lo, hi.max(lo + 1))
    }

    /// The row of `height` that stands for file offset `offset`.
    fn map_row(&self, offset: usize, height: usize) -> usize {
        let (lo, hi) = self.map_span();
        let off = offset.clamp(lo, hi) - lo;
        // u128: offsets times rows never overflow, whatever the article's size.
        ((off as u128 * height as u128 / (hi - lo) as u128) as usize).min(height.saturating_sub(1))
    }

    /// The strip's rows for a strip `height` rows tall; empty when no entity is
    /// selected.
    pub fn mention_map(&self, height: usize) -> Vec<MapRow> {
        let Some(e) = self.selected else {
            return Vec::new();
        };
        if height == 0 || self.doc.article.blocks.is_empty() {
            return Vec::new();
        }
        let mut rows = vec![MapRow::default(); height];
        let view = self.view_range();
        let first = self.map_row(view.start, height);
        let last = self.map_row(view.end.saturating_sub(1).max(view.start), height);
        for row in &mut rows[first..=last.max(first)] {
            row.in_view = true;
        }
        let current = self.current_k().filter(|&(ce, _)| ce == e).map(|(_, k)| k);
        for (k, m) in self.doc.entities[e].mentions.iter().enumerate() {
            let row = &mut rows[self.map_row(m.start, height)];
            row.mention.get_or_insert(k);
            row.current |= current == Some(k);
        }
        rows
    }

    /// A click on row `row` of the strip: a mark jumps to its mention, another
    /// row to the part of the article it stands for.
    pub fn map_click(&mut self, row: usize, height: usize) {
        let rows = self.mention_map(height);
        let (Some(e), Some(at)) = (self.selected, rows.get(row)) else {
            return;
        };
        if let Some(i) = at.mention.and_then(|k| self.mention_index(e, k)) {
            self.go_to_mention(i);
            return;
        }
        let (lo, hi) = self.map_span();
        let offset = lo + ((hi - lo) as u128 * row as u128 / height as u128) as usize;
        self.restore(offset);
    }
}
