//! The `'` list: every highlight in reading order (orphaned ones apart, with
//! their text), then the notes on entities.

use super::super::annotate::ListItem;
use super::super::app::App;
use super::super::keymap::Mode;
use super::super::reader::Reader;
use super::super::update_notes::highlight_text;
use super::{fit, put, width};
use crate::notes::Anchoring;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

enum Row {
    Header(&'static str),
    Item(usize),
}

pub fn render(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let (Some(notes), Some(state)) = (&r.doc.notes, app.overlay.notes_list()) else {
        return;
    };
    let items = r.list_items();
    let mut rows = Vec::new();
    let mut section = "";
    for (i, item) in items.iter().enumerate() {
        let here = match item {
            ListItem::Highlight(id) => match notes.placed_of(id).map(|p| p.how) {
                Some(Anchoring::Orphaned) => "Orphaned: no longer in the article",
                _ => "Highlights",
            },
            ListItem::EntityNote(_) => "Notes on entities",
        };
        if here != section {
            section = here;
            rows.push(Row::Header(here));
        }
        rows.push(Row::Item(i));
    }

    let w = area.width.saturating_sub(4).min(100);
    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    if w < 10 || h < 3 {
        return;
    }
    let rect = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(" Highlights and notes {} ", items.len()))
        .title_bottom(format!(" {} ", super::hints_line(Mode::Notes)));
    let inner = block.inner(rect);
    block.render(rect, buf);

    let height = usize::from(inner.height);
    let selected_row = rows
        .iter()
        .position(|row| matches!(row, Row::Item(i) if *i == state.selected))
        .unwrap_or(0);
    let first = (selected_row + 1).saturating_sub(height);
    let inner_w = usize::from(inner.width);
    for (row, y) in rows.iter().skip(first).zip(inner.y..inner.y + inner.height) {
        let line = match row {
            Row::Header(title) => Line::from(Span::styled(fit(title, inner_w), t.section_header())),
            Row::Item(i) => {
                let selected = *i == state.selected;
                let style = if selected {
                    t.row_selected(true)
                } else {
                    Style::new()
                };
                let mut spans = Vec::new();
                let (swatch, label, note) = match &items[*i] {
                    ListItem::Highlight(id) => {
                        let h = notes.highlight(id);
                        let color = h.map(|h| h.color).unwrap_or_default();
                        let note = h.map_or("", |h| h.note.as_str());
                        (
                            Some(color),
                            format!("“{}”", highlight_text(r, id)),
                            note.to_string(),
                        )
                    }
                    ListItem::EntityNote(key) => {
                        let note = notes.entity_note(key).map_or("", |n| n.note.as_str());
                        (
                            None,
                            format!("{} ({})", key.name, key.kind.as_str()),
                            note.to_string(),
                        )
                    }
                };
                spans.push(Span::styled(if selected { "▸" } else { " " }, style));
                match swatch {
                    Some(c) => spans.push(Span::styled("▌", t.swatch(c))),
                    None => spans.push(Span::styled(" ", style)),
                }
                let first_line = note.lines().next().unwrap_or("").trim();
                let room = inner_w.saturating_sub(3);
                let (label_w, note_w) = if first_line.is_empty() {
                    (room, 0)
                } else {
                    let label_w = (room * 3 / 5).min(width(&label));
                    (label_w, room.saturating_sub(label_w + 3))
                };
                spans.push(Span::styled(format!(" {}", fit(&label, label_w)), style));
                if note_w > 0 {
                    spans.push(Span::styled(" ✎ ", style));
                    spans.push(Span::styled(fit(first_line, note_w), style.patch(t.dim())));
                }
                Line::from(spans)
            }
        };
        put(buf, inner.x, y, &line, inner.width);
    }
}
