//! Drawing: one file per widget. Render reads the `App` and never changes it.

mod article;
mod editor;
mod feeds;
pub mod help;
mod kind;
mod library;
mod mention_map;
mod notes;
pub(super) mod sidebar;
mod status;
mod title;
mod where_else;

use super::app::App;
use super::doc::safe_char;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthChar;

/// Below this the reader asks for a larger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// The sidebar's kind bar: two kinds a row.
const KIND_BAR_ROWS: u16 = 2;

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub status: Rect,
    /// The article pane (margins included) and the text inside it.
    pub article: Rect,
    pub text: Rect,
    /// The mention map: the column between the text and the sidebar.
    pub map: Rect,
    /// The sidebar (border and header included), its kind bar and its list of rows.
    pub sidebar: Rect,
    pub kind_bar: Rect,
    pub list: Rect,
    /// The library's rows.
    pub library_list: Rect,
}

/// The layout of a screen of `size`; never panics, whatever the size.
pub fn areas(size: Rect) -> Areas {
    let (x, y, w, h) = (size.x, size.y, size.width, size.height);
    let title = Rect::new(x, y, w, h.min(1));
    let status = Rect::new(x, y + h.saturating_sub(1), w, u16::from(h >= 2));
    let body_h = h.saturating_sub(2);
    let side_w = (w * 3 / 10).max(14).min(w);
    let art_w = w - side_w;
    let article = Rect::new(x, y + 1, art_w, body_h);
    let text = Rect::new(x + 2.min(art_w), y + 1, art_w.saturating_sub(3), body_h);
    let map = Rect::new(
        x + art_w.saturating_sub(1),
        y + 1,
        u16::from(art_w >= 4),
        body_h,
    );
    let sidebar = Rect::new(x + art_w, y + 1, side_w, body_h);
    // Below the header, the kind bar: every kind and its count on the first
    // screen, whatever the list scrolls to (two rows, when there is room).
    let bar_h = if body_h >= 10 { KIND_BAR_ROWS } else { 0 };
    let kind_bar = Rect::new(
        sidebar.x + 2.min(side_w),
        y + 2,
        side_w.saturating_sub(2),
        bar_h.min(body_h.saturating_sub(1)),
    );
    let list = Rect::new(
        sidebar.x + 2.min(side_w),
        y + 2 + kind_bar.height,
        side_w.saturating_sub(2),
        body_h.saturating_sub(1 + kind_bar.height),
    );
    let library_list = Rect::new(x, y + 2, w, h.saturating_sub(3));
    Areas {
        title,
        status,
        article,
        text,
        map,
        sidebar,
        kind_bar,
        list,
        library_list,
    }
}

/// The layout of the app's screen: [`areas`], the sidebar's list one row
/// shorter when the selected entity's "also in N articles" line shows.
pub fn areas_of(app: &App, size: Rect) -> Areas {
    let mut a = areas(size);
    if app.reader.is_some() && a.list.height > 3 && where_else::also_line(app).is_some() {
        a.list.height -= 1;
    }
    a
}

/// The note editor's box, over the article pane.
pub fn editor_area(size: Rect) -> Rect {
    let a = areas(size);
    let w = a.article.width.saturating_sub(4).min(78);
    let h = a.article.height.saturating_sub(2).min(14);
    Rect::new(
        a.article.x + (a.article.width - w) / 2,
        a.article.y + 1.min(a.article.height),
        w,
        h,
    )
}

/// Where the note's text goes in the editor's box: inside the border, below the
/// line that says what the note is about.
pub fn editor_text_area(size: Rect) -> Rect {
    let b = editor_area(size);
    Rect::new(
        b.x + 1.min(b.width),
        b.y + 2.min(b.height),
        b.width.saturating_sub(2),
        b.height.saturating_sub(3),
    )
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
    // The terminal's own cursor sits on the editor's, for input methods.
    if let Some(pos) = editor::cursor_position(app, area) {
        frame.set_cursor_position(pos);
    }
}

/// Draws the whole screen into a buffer.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, buf);
        return;
    }
    let a = areas_of(app, area);
    match &app.reader {
        Some(r) => {
            title::render_reader(app, r, a.title, buf);
            article::render(app, r, &a, buf);
            mention_map::render(app, r, &a, buf);
            sidebar::render(app, r, &a, buf);
            if a.list.height < areas(area).list.height {
                let below = Rect {
                    y: a.list.y + a.list.height,
                    height: 1,
                    ..a.list
                };
                where_else::render_also(app, below, buf);
            }
            status::render_reader(app, r, a.status, buf);
            if app.overlay.notes_list().is_some() {
                notes::render(app, r, area, buf);
            }
            if let Some(ne) = app.overlay.editor() {
                editor::render(app, ne, area, buf);
            }
            if let Some(pick) = app.overlay.kind_pick() {
                kind::render(app, pick, a.article, buf);
            }
            if app.overlay.note_search().is_some() {
                where_else::render_note_search(app, area, buf);
            }
        }
        None if app.feeds.is_some() => feeds::render(app, &a, buf),
        None => library::render(app, &a, buf),
    }
    if app.reader.is_none() && app.overlay.entities().is_some() {
        where_else::render_entities(app, area, buf);
    }
    if let Some(list) = app.overlay.articles() {
        where_else::render_articles(app, list, area, buf);
    }
    if let Some(h) = app.overlay.help() {
        help::render(app, h, area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Enlarge the terminal: {MIN_WIDTH}x{MIN_HEIGHT} at least (now {}x{}).",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Display width of a string as drawn (after `safe_char`).
pub fn width(s: &str) -> usize {
    s.chars().map(|c| safe_char(c).width().unwrap_or(0)).sum()
}

/// `s` made safe and cut to `max` columns, with `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    let total = width(s);
    let limit = if total > max {
        max.saturating_sub(1)
    } else {
        max
    };
    for c in s.chars().map(safe_char) {
        let cw = c.width().unwrap_or(0);
        if w + cw > limit {
            break;
        }
        w += cw;
        out.push(c);
    }
    if total > max && max > 0 {
        out.push('…');
    }
    out
}

/// `s` made safe and cut in the middle to `max` columns (`sommet d…des BRICS`):
/// names that begin alike stay apart.
pub fn fit_middle(s: &str, max: usize) -> String {
    if width(s) <= max || max < 5 {
        return fit(s, max);
    }
    let chars: Vec<char> = s.chars().map(safe_char).collect();
    let tail_w = (max - 1) / 2;
    let head_w = max - 1 - tail_w;
    let mut head = String::new();
    let mut w = 0;
    for &c in &chars {
        let cw = c.width().unwrap_or(0);
        if w + cw > head_w {
            break;
        }
        w += cw;
        head.push(c);
    }
    let mut tail = Vec::new();
    let mut w = 0;
    for &c in chars.iter().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > tail_w {
            break;
        }
        w += cw;
        tail.push(c);
    }
    head.push('…');
    head.extend(tail.into_iter().rev());
    head
}

/// Writes a line at `(x, y)`, clipped to `max` columns.
fn put(buf: &mut Buffer, x: u16, y: u16, line: &Line, max: u16) {
    if max > 0 {
        buf.set_line(x, y, line, max);
    }
}

/// Writes a string with one style, clipped.
fn put_str(buf: &mut Buffer, x: u16, y: u16, s: &str, style: Style, max: u16) {
    if max > 0 {
        buf.set_stringn(x, y, s, usize::from(max), style);
    }
}

/// A `w`×`h` box centred in `area` and cleared, for the overlays (help, kind picker,
/// notes list).
fn centered(area: Rect, w: u16, h: u16, buf: &mut Buffer) -> Rect {
    let rect = Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w.min(area.width),
        h.min(area.height),
    );
    ratatui::widgets::Clear.render(rect, buf);
    rect
}

/// A mode's key hints for an overlay's bottom border: "Ctrl+S save · Esc cancel".
fn hints_line(app: &App, mode: super::keymap::Mode) -> String {
    app.keymap
        .hints(mode)
        .into_iter()
        .map(|(k, w)| format!("{k} {w}"))
        .collect::<Vec<_>>()
        .join(" · ")
}
