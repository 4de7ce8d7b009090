//! The entity sidebar: a section per kind with its count and legend swatch, one row
//! per entity with its mention count; the selected row is always in view.

use super::super::app::App;
use super::super::reader::{Focus, Reader, Row, Sort};
use super::super::sidebar::sidebar_window;
use super::{fit, put, put_str, width, Areas};
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

pub fn render(app: &App, r: &Reader, a: &Areas, buf: &mut Buffer) {
    let t = app.theme;
    let side = a.sidebar;
    if side.width == 0 || side.height == 0 {
        return;
    }
    let focused = r.focus == Focus::Sidebar;
    let border = t.border(focused);
    for y in side.y..side.y + side.height {
        put_str(buf, side.x, y, "│", border, 1);
    }

    // Header: what the list shows.
    let mut head = format!("Entities {}", r.doc.entities.len());
    if r.sort == Sort::MostMentioned {
        head.push_str(" · most mentioned");
    }
    let filter = r.active_name_filter();
    if !filter.is_empty() {
        head.push_str(&format!(" · “{filter}”"));
    }
    let head_w = side.width.saturating_sub(2);
    put_str(
        buf,
        side.x + 2.min(side.width),
        side.y,
        &fit(&head, usize::from(head_w)),
        border,
        head_w,
    );

    let list = a.list;
    if !r.doc.extracted {
        put_str(
            buf,
            list.x,
            list.y,
            &fit("finding entities…", usize::from(list.width)),
            t.dim(),
            list.width,
        );
        return;
    }
    let rows = r.sidebar_rows();
    let offset = sidebar_window(
        &rows,
        r.selected_row(),
        r.sidebar_offset,
        usize::from(list.height),
    );
    let w = usize::from(list.width);
    let noted = r.noted_entities();
    let marked = r
        .marked
        .as_ref()
        .and_then(|m| super::super::correct::entity_at(&r.doc.entities, m));
    for (row, y) in rows.iter().skip(offset).zip(list.y..list.y + list.height) {
        match *row {
            Row::Header { kind, count } => {
                let label = format!(" {} {count}", kind.plural());
                let style = if count == 0 {
                    t.dim()
                } else {
                    t.section_header()
                };
                let line = Line::from(vec![
                    Span::styled("Aa", t.kind(kind)),
                    Span::styled(fit(&label, w.saturating_sub(2)), style),
                ]);
                put(buf, list.x, y, &line, list.width);
            }
            Row::Entity(i) => {
                let e = &r.doc.entities[i];
                // ✎ a note on it, ✓ corrected by the reader.
                let mut flags = String::new();
                if noted.contains(&i) {
                    flags.push('✎');
                }
                if r.doc.corrected.get(i).copied().unwrap_or(false) {
                    flags.push('✓');
                }
                let count = if flags.is_empty() {
                    e.mentions.len().to_string()
                } else {
                    format!("{flags} {}", e.mentions.len())
                };
                let selected = r.selected == Some(i);
                let marked = marked == Some(i);
                let marker = match (selected, marked) {
                    (true, true) => "▸◆",
                    (true, false) => "▸ ",
                    (false, true) => " ◆",
                    (false, false) => "  ",
                };
                let name_w = w.saturating_sub(2 + width(&count) + 1);
                let name = fit(&e.name, name_w);
                let pad = name_w.saturating_sub(width(&name)) + 1;
                let text = format!("{marker}{name}{}{count}", " ".repeat(pad));
                let style = if selected {
                    t.row_selected(focused)
                } else {
                    ratatui::style::Style::new()
                };
                put_str(buf, list.x, y, &text, style, list.width);
            }
            Row::HiddenHeader { count, open } => {
                let label = format!(
                    "   Hidden {count} · X {}",
                    if open { "hides them" } else { "shows them" }
                );
                put_str(buf, list.x, y, &fit(&label, w), t.dim(), list.width);
            }
            Row::Hidden(j) => {
                let e = &r.doc.hidden[j];
                let selected = r.hidden_selected == Some(j);
                let marker = if selected { "▸ " } else { "  " };
                let kind = e.kind.as_str();
                let name_w = w.saturating_sub(2 + kind.len() + 1);
                let name = fit(&e.name, name_w);
                let pad = name_w.saturating_sub(width(&name)) + 1;
                let text = format!("{marker}{name}{}{kind}", " ".repeat(pad));
                let style = if selected {
                    t.row_selected(focused)
                } else {
                    t.dim()
                };
                put_str(buf, list.x, y, &text, style, list.width);
            }
        }
    }
}
