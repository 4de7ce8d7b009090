//! The help overlay: every key of the mode it was opened from, drawn from the
//! keymap table.

use super::super::app::{App, Help};
use super::super::keymap::{self, Mode};
use super::{fit, put, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub fn render(app: &App, h: &Help, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rows = keymap::help_rows(h.mode);
    let keys: Vec<String> = rows.iter().map(|r| r.keys.join(" ")).collect();
    let keys_w = keys.iter().map(|k| width(k)).max().unwrap_or(0);
    let desc_w = rows.iter().map(|r| width(r.desc)).max().unwrap_or(0);
    let mut extra = Vec::new();
    match h.mode {
        Mode::Search => extra.push("Other keys are typed into the search."),
        Mode::Filter => extra.push("Other keys are typed into the filter."),
        _ => {}
    }
    let close = keymap::help_rows(Mode::Help)
        .first()
        .map(|r| format!(" {}: {} ", r.keys.join(" "), r.desc))
        .unwrap_or_default();

    let want_w = (keys_w + 2 + desc_w + 4).max(width(&close) + 4) as u16;
    let want_h = (rows.len() + extra.len() + 2) as u16;
    let w = want_w.min(area.width.saturating_sub(2));
    let hgt = want_h.min(area.height.saturating_sub(2));
    let rect = super::centered(area, w, hgt, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(" Keys: {} ", h.mode.name()))
        .title_bottom(close);
    let inner = block.inner(rect);
    block.render(rect, buf);

    let inner_w = usize::from(inner.width);
    let lines = keys
        .iter()
        .zip(&rows)
        .map(|(k, r)| {
            let pad = " ".repeat(keys_w.saturating_sub(width(k)) + 2);
            let desc = fit(r.desc, inner_w.saturating_sub(keys_w + 3));
            Line::from(vec![
                Span::styled(format!(" {k}"), t.help_key()),
                Span::raw(pad),
                Span::raw(desc),
            ])
        })
        .chain(
            extra
                .iter()
                .map(|e| Line::from(Span::styled(format!(" {e}"), t.dim()))),
        );
    for (line, y) in lines.skip(h.scroll).zip(inner.y..inner.y + inner.height) {
        put(buf, inner.x, y, &line, inner.width);
    }
}
