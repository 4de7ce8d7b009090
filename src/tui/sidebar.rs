//! The sidebar's state: which entities it shows, in which order, which one is
//! selected, and which rows are in view. Nothing here draws.

use super::reader::{Reader, Row, Sort};
use crate::EntityKind;

impl Reader {
    pub fn entity_matches_filter(&self, i: usize) -> bool {
        let e = &self.doc.entities[i];
        if self.kind_filter.is_some_and(|k| k != e.kind) {
            return false;
        }
        let filter = self.active_name_filter();
        super::search::name_matches(&e.name, filter)
    }

    /// The name filter in force (what is typed goes straight into it).
    pub fn active_name_filter(&self) -> &str {
        &self.name_filter
    }

    /// The sidebar's rows: each shown kind's header, then its entities in the chosen order.
    pub fn sidebar_rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for kind in EntityKind::ALL {
            if self.kind_filter.is_some_and(|k| k != kind) {
                continue;
            }
            let mut ids: Vec<usize> = (0..self.doc.entities.len())
                .filter(|&i| self.doc.entities[i].kind == kind && self.entity_matches_filter(i))
                .collect();
            match self.sort {
                Sort::FirstAppearance => {
                    ids.sort_by_key(|&i| (self.doc.entities[i].first_offset(), i))
                }
                Sort::MostMentioned => ids.sort_by_key(|&i| {
                    let e = &self.doc.entities[i];
                    (std::cmp::Reverse(e.mentions.len()), e.first_offset(), i)
                }),
            }
            rows.push(Row::Header {
                kind,
                count: ids.len(),
            });
            rows.extend(ids.into_iter().map(Row::Entity));
        }
        if !self.doc.hidden.is_empty() {
            rows.push(Row::HiddenHeader {
                count: self.doc.hidden.len(),
                open: self.hidden_open,
            });
            if self.hidden_open {
                rows.extend((0..self.doc.hidden.len()).map(Row::Hidden));
            }
        }
        rows
    }

    /// The row of the selection: an entity, or a hidden one.
    pub fn selected_row(&self) -> Option<Row> {
        match self.hidden_selected {
            Some(j) if self.hidden_open => Some(Row::Hidden(j)),
            _ => self.selected.map(Row::Entity),
        }
    }

    /// Selects the entity or hidden entity of a row.
    pub fn select_row(&mut self, row: Row) {
        match row {
            Row::Entity(i) => self.select(Some(i)),
            Row::Hidden(j) => {
                self.select(None);
                self.hidden_selected = Some(j);
            }
            Row::Header { .. } | Row::HiddenHeader { .. } => {}
        }
    }

    /// The entities the sidebar shows, top to bottom.
    pub fn visible_entities(&self) -> Vec<usize> {
        self.sidebar_rows()
            .into_iter()
            .filter_map(|r| match r {
                Row::Entity(i) => Some(i),
                _ => None,
            })
            .collect()
    }

    /// Selects an entity; the current mention goes unless it is that entity's.
    pub fn select(&mut self, entity: Option<usize>) {
        self.hidden_selected = None;
        if entity != self.selected {
            self.selected = entity;
            if self
                .current
                .is_some_and(|c| Some(self.mentions[c].entity) != entity)
            {
                self.current = None;
            }
        }
    }

    /// Keeps the selection among the shown entities after a filter changed.
    pub fn fix_selection(&mut self) {
        if self.hidden_open
            && self
                .hidden_selected
                .is_some_and(|j| j < self.doc.hidden.len())
        {
            return;
        }
        let visible = self.visible_entities();
        if self.selected.is_none_or(|s| !visible.contains(&s)) {
            self.select(visible.first().copied());
        }
    }

    /// Selects an entity the filters may hide, clearing them if they do.
    pub fn select_shown(&mut self, entity: usize) {
        if !self.entity_matches_filter(entity) {
            self.kind_filter = None;
            self.name_filter.clear();
        }
        self.select(Some(entity));
    }
}

/// How many entities of a kind the name filter lets through (the kind bar's count).
impl Reader {
    pub fn kind_count(&self, kind: EntityKind) -> usize {
        let filter = self.active_name_filter();
        self.doc
            .entities
            .iter()
            .filter(|e| e.kind == kind && super::search::name_matches(&e.name, filter))
            .count()
    }
}

/// The rows of the list that show entities: all of `height`, or one less when the
/// list is longer and the last line says how many more there are.
pub fn rows_in_view(total: usize, height: usize) -> usize {
    if total > height {
        height.saturating_sub(1).max(1)
    } else {
        height
    }
}

/// The first sidebar row to show so that the selected row is in view, moving as
/// little as possible from `offset` (its section header too when it fits).
pub fn sidebar_window(rows: &[Row], selected: Option<Row>, offset: usize, height: usize) -> usize {
    let height = rows_in_view(rows.len(), height).max(1);
    let max = rows.len().saturating_sub(height);
    let Some(sel) = selected.and_then(|s| rows.iter().position(|r| *r == s)) else {
        return offset.min(max);
    };
    let mut offset = offset.min(max);
    if sel < offset {
        offset = sel;
        if sel > 0 && is_header(rows[sel - 1]) {
            offset = sel - 1;
        }
    } else if sel >= offset + height {
        offset = sel + 1 - height;
    }
    // The last entity row brings the headers below it (the Hidden section's).
    if rows[sel + 1..].iter().all(|r| is_header(*r)) {
        offset = offset.max(rows.len().saturating_sub(height)).min(sel);
    }
    // Keep the section header of the selected row in view when there is room.
    if offset == sel && sel > 0 && height >= 2 && is_header(rows[sel - 1]) {
        offset = sel - 1;
    }
    offset
}

fn is_header(row: Row) -> bool {
    matches!(row, Row::Header { .. } | Row::HiddenHeader { .. })
}
