//! The feeds view: each feed (name, unread and item counts, the last update's
//! error), then its items: unread in bold with a dot, date, source, title, and
//! the entity counts per kind once the article was read.

use super::super::app::App;
use super::super::feeds::{Row, Updating};
use super::status;
use super::title::bar;
use super::{fit, put, put_str, width, Areas};
use crate::EntityKind;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

const DATE_W: usize = 10;
const COUNT_W: usize = 4;
const SOURCE_MAX: usize = 22;

pub fn render(app: &App, a: &Areas, buf: &mut Buffer) {
    let t = app.theme;
    let Some(view) = &app.feeds else {
        return;
    };
    let n = view.feed_count();
    let unread = view.unread();
    let mut title = format!(
        "glose · feeds · {n} feed{} · {unread} unread",
        if n == 1 { "" } else { "s" }
    );
    if let Updating::Running { done, total } = view.updating {
        title.push_str(&format!(" · updating {done}/{total}"));
    }
    bar(app, &title, a.title, buf);

    let list = a.library_list;
    let total = usize::from(list.width);
    let source_w = view
        .items()
        .map(|i| width(&i.feed))
        .max()
        .unwrap_or(0)
        .min(SOURCE_MAX);
    let counts_w = COUNT_W * 4;
    let title_w = total.saturating_sub(4 + DATE_W + 2 + source_w + 2 + counts_w + 1);
    let mut head = vec![Span::styled(
        format!(
            "    {:<DATE_W$}  {:<source_w$}  {:<title_w$} ",
            "Date",
            fit("Source", source_w),
            "Title"
        ),
        t.section_header(),
    )];
    for kind in EntityKind::ALL {
        let label: String = kind.plural().chars().take(3).collect();
        head.push(Span::styled(format!("{label:>COUNT_W$}"), t.kind(kind)));
    }
    put(buf, list.x, a.title.y + 1, &Line::from(head), list.width);

    if view.rows.is_empty() {
        put_str(
            buf,
            list.x + 2,
            list.y,
            &fit("No feeds yet: glose feed add URL", total.saturating_sub(2)),
            t.dim(),
            list.width.saturating_sub(2),
        );
    }
    for (i, y) in (view.offset..view.rows.len()).zip(list.y..list.y + list.height) {
        let selected = i == view.selected;
        match &view.rows[i] {
            Row::Feed(f) => {
                let mut text = format!("{}  ({} unread / {})", f.name, f.unread, f.items);
                if let Some(e) = &f.error {
                    text.push_str(&format!("  last update: {e}"));
                }
                put_str(
                    buf,
                    list.x,
                    y,
                    &fit(&text, total),
                    t.section_header(),
                    list.width,
                );
            }
            Row::Item(item) => {
                let marker = if selected { "▸ " } else { "  " };
                let dot = if view.fetching == Some(item.id) {
                    "…"
                } else if item.read {
                    " "
                } else {
                    "●"
                };
                let mut title = item.title.clone();
                if let Some(e) = item.error.as_ref().filter(|_| item.article.is_none()) {
                    title.push_str(&format!("  (not stored: {e})"));
                }
                let title = fit(&title, title_w);
                let source = fit(&item.feed, source_w);
                let counts = item.counts.map_or_else(String::new, |c| {
                    c.iter().map(|n| format!("{n:>COUNT_W$}")).collect()
                });
                let text = format!(
                    "{marker}{dot} {:<DATE_W$}  {source}{}  {title}{} {counts}",
                    fit(&item.date, DATE_W),
                    " ".repeat(source_w.saturating_sub(width(&source))),
                    " ".repeat(title_w.saturating_sub(width(&title))),
                );
                let style = if selected {
                    t.row_selected(true)
                } else if !item.read {
                    t.unread()
                } else {
                    Style::new()
                };
                put_str(buf, list.x, y, &text, style, list.width);
            }
        }
    }

    let left = match view.selected_item() {
        Some(i) => i.url.clone().unwrap_or_default(),
        None => String::new(),
    };
    let spans = vec![Span::raw(fit(&left, total / 2))];
    status::draw(app, spans, a.status, buf);
}
