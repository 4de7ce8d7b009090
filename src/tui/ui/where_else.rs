//! The library index's views: the articles of an entity (`w`), the library's
//! entities with their timelines (`E`), the notes search (`/` in the `'`
//! list), and the sidebar's "also in N articles" line.

use super::super::app::App;
use super::super::keymap::Mode;
use super::super::where_else::{also_count, article_matches, article_tags, ArticlesList};
use super::{fit, fit_middle, put, put_str, width};
use crate::index::timeline::{months, sparkline};
use crate::EntityKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The most months a timeline shows (the last ones).
const TIMELINE_MONTHS: usize = 24;

/// The sidebar's last line for the selected entity: "also in 3 articles · w".
pub fn also_line(app: &App) -> Option<String> {
    let n = also_count(app)?;
    Some(format!(
        "also in {n} article{}",
        if n == 1 { "" } else { "s" }
    ))
}

/// Draws the also-in line on the last row of `list`.
pub fn render_also(app: &App, list: Rect, buf: &mut Buffer) {
    let Some(text) = also_line(app) else {
        return;
    };
    if list.height == 0 {
        return;
    }
    let t = app.theme;
    let y = list.y + list.height - 1;
    let w = usize::from(list.width);
    let mut spans = vec![Span::styled(fit(&text, w), t.section_header())];
    if width(&text) + 4 <= w {
        spans.push(Span::styled(" · ", t.dim()));
        spans.push(Span::styled("w", t.hint_key()));
    }
    put(buf, list.x, y, &Line::from(spans), list.width);
}

fn date_of(d: &Option<String>) -> String {
    d.as_deref().map(|d| fit(d, 10)).unwrap_or_default()
}

/// The `w` list (and the entity view's Enter): title, date and mentions of
/// each article, the selected one in view.
pub fn render_articles(app: &App, list: &ArticlesList, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let w = area.width.saturating_sub(4).min(100);
    let h = (list.hits.len() as u16 + 2).min(area.height.saturating_sub(2));
    if w < 20 || h < 3 {
        return;
    }
    let rect = super::centered(area, w, h, buf);
    let n = list.hits.len();
    let title = format!(
        " {} · {} {n} {}article{} ",
        list.name,
        if list.others { "also in" } else { "in" },
        if list.others { "other " } else { "" },
        if n == 1 { "" } else { "s" }
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Line::from(Span::styled(
            fit(&title, usize::from(w.saturating_sub(2))),
            t.kind(list.kind),
        )))
        .title_bottom(format!(" {} ", super::hints_line(app, Mode::Articles)));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let height = usize::from(inner.height);
    let first = (list.selected + 1).saturating_sub(height);
    let inner_w = usize::from(inner.width);
    for (i, y) in (first..n).zip(inner.y..inner.y + inner.height) {
        let hit = &list.hits[i];
        let selected = i == list.selected;
        let style = if selected {
            t.row_selected(true)
        } else {
            Style::new()
        };
        let marker = if selected { "▸ " } else { "  " };
        let count = format!(
            "{} mention{}",
            hit.mentions,
            if hit.mentions == 1 { "" } else { "s" }
        );
        let date = date_of(&hit.date);
        let title_w = inner_w.saturating_sub(2 + 10 + 1 + width(&count) + 2);
        let title = fit(&hit.title, title_w);
        let pad = title_w.saturating_sub(width(&title));
        let line = Line::from(vec![
            Span::styled(format!("{marker}{date:<10} "), style),
            Span::styled(format!("{title}{}", " ".repeat(pad)), style),
            Span::styled(format!("  {count}"), if selected { style } else { t.dim() }),
        ]);
        put(buf, inner.x, y, &line, inner.width);
    }
}

/// The library's entities: a section per kind, each row with its article
/// count and its timeline (articles per month).
pub fn render_entities(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.overlay.entities() else {
        return;
    };
    let t = app.theme;
    ratatui::widgets::Clear.render(area, buf);
    let shown = view.shown();
    let title = Rect::new(area.x, area.y, area.width, 1);
    let kinds: Vec<String> = EntityKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let n = view.all.iter().filter(|e| e.kind == *k).count();
            format!("{} {} {n}", i + 1, k.plural())
        })
        .collect();
    super::title::bar(
        app,
        &format!("Library entities · {}", kinds.join("  ")),
        title,
        buf,
    );
    let total_w = usize::from(area.width);
    // The timeline's months: as many of the last ones as fit beside the names.
    let axis_all = view
        .range
        .as_ref()
        .map(|(a, b)| months(a, b))
        .unwrap_or_default();
    let room = total_w.saturating_sub(2 + 16 + 14 + 2);
    let keep = axis_all.len().min(TIMELINE_MONTHS).min(room);
    let axis = &axis_all[axis_all.len() - keep..];
    let head = match (axis.first(), axis.last()) {
        (Some(a), Some(b)) => {
            format!("  Articles per month, {a} to {b} (one column a month; · none)")
        }
        _ => "  No dated articles: no timeline".to_string(),
    };
    put_str(
        buf,
        area.x,
        area.y + 1,
        &fit(&head, total_w),
        t.dim(),
        area.width,
    );

    // Rows: a header per kind, then its entities.
    enum Row<'a> {
        Header(EntityKind, usize),
        Entity(usize, &'a crate::index::LibraryEntity),
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut last_kind = None;
    for (i, e) in shown.iter().enumerate() {
        if last_kind != Some(e.kind) {
            last_kind = Some(e.kind);
            let n = shown.iter().filter(|x| x.kind == e.kind).count();
            rows.push(Row::Header(e.kind, n));
        }
        rows.push(Row::Entity(i, e));
    }
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(3),
    );
    let height = usize::from(list.height);
    let sel_row = rows
        .iter()
        .position(|r| matches!(r, Row::Entity(i, _) if *i == view.selected))
        .unwrap_or(0);
    // The selected row in view, with its kind's header when it fits.
    let first = (sel_row + 1).saturating_sub(height);
    let count_w = 14;
    let spark_w = axis.len();
    let name_w = total_w.saturating_sub(2 + 1 + count_w + 2 + spark_w + 1);
    for (row, y) in rows.iter().skip(first).zip(list.y..list.y + list.height) {
        match row {
            Row::Header(kind, n) => {
                let line = Line::from(vec![
                    Span::styled("Aa", t.kind(*kind)),
                    Span::styled(format!(" {} {n}", kind.plural()), t.section_header()),
                ]);
                put(buf, list.x, y, &line, list.width);
            }
            Row::Entity(i, e) => {
                let selected = *i == view.selected;
                let style = if selected {
                    t.row_selected(true)
                } else {
                    Style::new()
                };
                let name = fit_middle(&e.name, name_w);
                let pad = name_w.saturating_sub(width(&name));
                let count = format!(
                    "{} article{}",
                    e.articles,
                    if e.articles == 1 { "" } else { "s" }
                );
                let line = Line::from(vec![
                    Span::styled(if selected { "▸ " } else { "  " }, style),
                    Span::styled(
                        format!("{name}{}", " ".repeat(pad)),
                        if selected { style } else { t.kind(e.kind) },
                    ),
                    Span::styled(format!(" {count:>count_w$}  "), style),
                    Span::styled(sparkline(&e.months, axis), t.kind(e.kind)),
                ]);
                put(buf, list.x, y, &line, list.width);
            }
        }
    }
    let status = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1,
    );
    let mut left = vec![Span::raw(format!(
        "{} / {}",
        (view.selected + 1).min(shown.len()),
        shown.len()
    ))];
    if view.typing || !view.filter.is_empty() {
        left.push(Span::raw("  "));
        left.push(Span::styled("/ ", t.hint_key()));
        left.push(Span::styled(fit(&view.filter, 30), t.input()));
        if view.typing {
            left.push(Span::styled(" ", t.text_cursor()));
        }
    }
    if shown.is_empty() {
        put_str(
            buf,
            list.x + 2,
            list.y,
            &fit("no entity matches", total_w.saturating_sub(2)),
            t.dim(),
            list.width.saturating_sub(2),
        );
    }
    if let Some(m) = &app.message {
        left.push(Span::styled(format!("  {}", fit(m, 50)), t.message()));
    }
    super::status::draw(app, left, status, buf);
}

/// The notes search over the `'` list: the query line, the scope, and the
/// matching notes (of this article, or of the library with their article).
pub fn render_note_search(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(s) = app.overlay.note_search() else {
        return;
    };
    let t = app.theme;
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    if w < 20 || h < 5 {
        return;
    }
    let rect = super::centered(area, w, h, buf);
    let scope = if s.library {
        "the library"
    } else {
        "this article"
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(" Search the notes of {scope} "))
        .title_bottom(format!(" {} ", super::hints_line(app, Mode::NoteSearch)));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let inner_w = usize::from(inner.width);
    let query = Line::from(vec![
        Span::styled("/ ", t.hint_key()),
        Span::styled(fit(&s.query, inner_w.saturating_sub(3)), t.input()),
        Span::styled(" ", t.text_cursor()),
    ]);
    put(buf, inner.x, inner.y, &query, inner.width);
    // Each result: a line saying where, a line of the note.
    let mut lines: Vec<(bool, Line)> = Vec::new();
    let sel = |i: usize| i == s.selected;
    if s.library {
        for (i, hit) in s.hits.iter().enumerate() {
            lines.push((sel(i), header(app, sel(i), &hit.title, inner_w)));
            let mut spans = vec![Span::raw("    ")];
            let mut at = 0;
            for m in &hit.marks {
                spans.push(Span::styled(hit.snippet[at..m.start].to_string(), t.dim()));
                spans.push(Span::styled(
                    hit.snippet[m.clone()].to_string(),
                    t.search_match(),
                ));
                at = m.end;
            }
            spans.push(Span::styled(hit.snippet[at..].to_string(), t.dim()));
            lines.push((sel(i), Line::from(spans)));
        }
    } else {
        for (i, m) in article_matches(app, &s.query).iter().enumerate() {
            let about = format!("“{}”", one_line(&m.about));
            lines.push((sel(i), header(app, sel(i), &about, inner_w)));
            lines.push((
                sel(i),
                Line::from(Span::styled(
                    fit(&format!("    ✎ {}", one_line(&m.note)), inner_w),
                    t.dim(),
                )),
            ));
        }
    }
    let list = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(2),
    );
    let height = usize::from(list.height);
    let sel_end = lines.iter().rposition(|(s, _)| *s).unwrap_or(0);
    let first = (sel_end + 1).saturating_sub(height);
    if lines.is_empty() {
        let empty = if s.library && s.query.trim().is_empty() {
            "type words or #tags to search every indexed note"
        } else if s.library && s.answered.as_deref() != Some(s.query.as_str()) {
            "searching…"
        } else {
            "no note matches"
        };
        put_str(
            buf,
            list.x,
            list.y,
            &fit(empty, inner_w),
            t.dim(),
            list.width,
        );
    }
    for ((_, line), y) in lines.iter().skip(first).zip(list.y..list.y + list.height) {
        put(buf, list.x, y, line, list.width);
    }
    // The tags of this article's notes, to filter by.
    let tags = article_tags(app);
    if !tags.is_empty() && inner.height >= 3 {
        let text = format!(
            "tags: {}",
            tags.iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        put_str(
            buf,
            inner.x,
            inner.y + inner.height - 1,
            &fit(&text, inner_w),
            t.dim(),
            inner.width,
        );
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A result's first line: marked and highlighted when selected.
fn header(app: &App, selected: bool, text: &str, width: usize) -> Line<'static> {
    let t = app.theme;
    let (marker, style) = if selected {
        ("▸ ", t.row_selected(true))
    } else {
        ("  ", t.section_header())
    };
    Line::from(Span::styled(fit(&format!("{marker}{text}"), width), style))
}
