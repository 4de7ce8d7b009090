//! The `'` list: every highlight in reading order (orphaned ones apart, with
//! their text), then the notes on entities.

use super::super::annotate::ListItem;
use super::super::app::App;
use super::super::keymap::Mode;
use super::super::reader::Reader;
use super::super::update_notes::highlight_text;
use super::{fit, put};
use crate::notes::Anchoring;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

enum Row {
    Header(&'static str),
    Item(usize),
    /// A line of an item's note, wrapped to the list's width (the first one?).
    Note(usize, String, bool),
}

/// The most lines a note takes in the list (`a` opens the whole of it).
const NOTE_LINES: usize = 6;

/// A note wrapped to `width` columns, at most [`NOTE_LINES`] lines.
fn wrap_note(note: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = note
        .trim()
        .lines()
        .flat_map(|l| {
            textwrap::wrap(l, width.max(4))
                .into_iter()
                .map(|c| c.into_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    if lines.len() > NOTE_LINES {
        lines.truncate(NOTE_LINES);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines
}

pub fn render(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let (Some(notes), Some(state)) = (&r.doc.notes, app.overlay.notes_list()) else {
        return;
    };
    let items = r.list_items();
    let w = area.width.saturating_sub(4).min(100);
    let note_w = usize::from(w.saturating_sub(2)).saturating_sub(6);
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
        let note = match item {
            ListItem::Highlight(id) => notes.highlight(id).map(|h| h.note.clone()),
            ListItem::EntityNote(key) => notes.entity_note(key).map(|n| n.note.clone()),
        };
        for (k, line) in wrap_note(&note.unwrap_or_default(), note_w)
            .into_iter()
            .enumerate()
        {
            rows.push(Row::Note(i, line, k == 0));
        }
    }

    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    if w < 10 || h < 3 {
        return;
    }
    let rect = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(" Highlights and notes {} ", items.len()))
        .title_bottom(format!(" {} ", super::hints_line(app, Mode::Notes)));
    let inner = block.inner(rect);
    block.render(rect, buf);

    let height = usize::from(inner.height);
    let selected_row = rows
        .iter()
        .position(|row| matches!(row, Row::Item(i) if *i == state.selected))
        .unwrap_or(0);
    // The selected item and its whole note in view.
    let selected_end = rows
        .iter()
        .rposition(|row| matches!(row, Row::Item(i) | Row::Note(i, ..) if *i == state.selected))
        .unwrap_or(selected_row);
    let first = (selected_end + 1).saturating_sub(height).min(selected_row);
    let inner_w = usize::from(inner.width);
    for (row, y) in rows.iter().skip(first).zip(inner.y..inner.y + inner.height) {
        let line = match row {
            Row::Header(title) => Line::from(Span::styled(fit(title, inner_w), t.section_header())),
            Row::Note(_, text, first) => {
                let lead = if *first { "    ✎ " } else { "      " };
                Line::from(vec![
                    Span::raw(lead),
                    Span::styled(fit(text, note_w), t.dim()),
                ])
            }
            Row::Item(i) => {
                let selected = *i == state.selected;
                let style = if selected {
                    t.row_selected(true)
                } else {
                    Style::new()
                };
                let mut spans = Vec::new();
                let (swatch, label) = match &items[*i] {
                    ListItem::Highlight(id) => (
                        Some(notes.highlight(id).map(|h| h.color).unwrap_or_default()),
                        format!("“{}”", highlight_text(r, id)),
                    ),
                    ListItem::EntityNote(key) => {
                        (None, format!("{} ({})", key.name, key.kind.as_str()))
                    }
                };
                spans.push(Span::styled(if selected { "▸" } else { " " }, style));
                match swatch {
                    Some(c) => spans.push(Span::styled("▌", t.swatch(c))),
                    None => spans.push(Span::styled(" ", style)),
                }
                let room = inner_w.saturating_sub(3);
                spans.push(Span::styled(format!(" {}", fit(&label, room)), style));
                Line::from(spans)
            }
        };
        put(buf, inner.x, y, &line, inner.width);
    }
}
