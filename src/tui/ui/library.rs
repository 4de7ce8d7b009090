//! The library list: title, date and entity counts per kind for each article.

use super::super::app::App;
use super::status;
use super::title::bar;
use super::{fit, put, put_str, width, Areas};
use crate::EntityKind;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

const DATE_W: usize = 10;
const COUNT_W: usize = 4;

pub fn render(app: &App, a: &Areas, buf: &mut Buffer) {
    let t = app.theme;
    let Some(lib) = &app.library else {
        return;
    };
    let n = lib.entries.len();
    let dir = lib.dir.display().to_string();
    let plural = if n == 1 { "article" } else { "articles" };
    bar(app, &format!("glose · {dir} · {n} {plural}"), a.title, buf);

    let total = usize::from(a.library_list.width);
    let right_w = DATE_W + 1 + COUNT_W * 4;
    let title_w = total.saturating_sub(right_w + 3);
    let head_y = a.title.y + 1;
    let mut head = vec![Span::styled(
        format!("  {:<title_w$} {:<DATE_W$} ", "Title", "Date"),
        t.section_header(),
    )];
    for kind in EntityKind::ALL {
        let label: String = kind.plural().chars().take(3).collect();
        head.push(Span::styled(format!("{label:>COUNT_W$}"), t.kind(kind)));
    }
    put(
        buf,
        a.library_list.x,
        head_y,
        &Line::from(head),
        a.library_list.width,
    );

    if n == 0 {
        put_str(
            buf,
            a.library_list.x + 2,
            a.library_list.y,
            &fit(&format!("No articles in {dir}"), total.saturating_sub(2)),
            t.dim(),
            a.library_list.width.saturating_sub(2),
        );
    }
    let list = a.library_list;
    for (i, y) in (lib.offset..n).zip(list.y..list.y + list.height) {
        let entry = &lib.entries[i];
        let selected = i == lib.selected;
        let name = entry
            .path
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let marker = if selected { "▸ " } else { "  " };
        let (title, date, counts) = match &entry.info {
            None => (name, String::new(), "…".to_string()),
            Some(Err(e)) => (format!("{name}: {e}"), String::new(), String::new()),
            Some(Ok(info)) => (
                info.title.clone(),
                info.date.clone().unwrap_or_default(),
                info.counts
                    .iter()
                    .map(|c| format!("{c:>COUNT_W$}"))
                    .collect::<String>(),
            ),
        };
        let title = fit(&title, title_w);
        let pad = title_w.saturating_sub(width(&title));
        let text = format!(
            "{marker}{title}{} {:<DATE_W$} {counts}",
            " ".repeat(pad),
            fit(&date, DATE_W)
        );
        let style = if selected {
            t.row_selected(true)
        } else if matches!(entry.info, Some(Err(_))) {
            t.dim()
        } else {
            ratatui::style::Style::new()
        };
        put_str(buf, list.x, y, &text, style, list.width);
    }

    let left = match lib.entries.get(lib.selected) {
        Some(e) => e.path.display().to_string(),
        None => String::new(),
    };
    let spans = vec![Span::raw(fit(&left, total / 2))];
    status::draw(app, spans, a.status, buf);
}
