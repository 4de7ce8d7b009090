//! The kind picker of `r` and selection `E`: a small box over the article with
//! the keys of each kind, drawn from the keymap table.

use super::super::action::Action;
use super::super::app::App;
use super::super::correct::KindPick;
use super::super::keymap::Mode;
use super::{fit, put, width};
use crate::EntityKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub fn render(app: &App, pick: &KindPick, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rows: Vec<(String, EntityKind)> = EntityKind::ALL
        .into_iter()
        .map(|kind| {
            let keys: Vec<String> = app
                .keymap
                .bindings(Mode::Kind)
                .iter()
                .filter(|b| b.action == Action::PickKind(kind))
                .map(|b| b.label())
                .collect();
            (keys.join(" "), kind)
        })
        .collect();
    let close = app
        .keymap
        .bindings(Mode::Kind)
        .iter()
        .find(|b| b.action == Action::Back)
        .map(|b| format!(" {} {} ", b.label(), b.desc))
        .unwrap_or_default();
    let title = format!(" {} ", pick.title);
    let keys_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let want_w = (width(&title) + 4).max(keys_w + 20).min(60) as u16;
    let w = want_w.min(area.width.saturating_sub(2));
    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    if w < 10 || h < 3 {
        return;
    }
    let rect = super::centered(area, w, h, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(fit(&title, usize::from(w.saturating_sub(2))))
        .title_bottom(close);
    let inner = block.inner(rect);
    block.render(rect, buf);
    for ((keys, kind), y) in rows.iter().zip(inner.y..inner.y + inner.height) {
        let pad = " ".repeat(keys_w.saturating_sub(width(keys)) + 2);
        let line = Line::from(vec![
            Span::styled(format!(" {keys}"), t.help_key()),
            Span::raw(pad),
            Span::styled(kind.as_str(), t.kind(*kind)),
        ]);
        put(buf, inner.x, y, &line, inner.width);
    }
}
