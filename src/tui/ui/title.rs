//! The title bar: title, date, source or file name, language.

use super::super::app::App;
use super::super::reader::Reader;
use super::{fit, put_str};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::Path;

pub fn render_reader(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let a = &r.doc.article;
    let mut parts = vec![a.title.clone()];
    parts.extend(a.date.clone());
    let origin = a.source.clone().unwrap_or_else(|| {
        Path::new(&a.path)
            .file_name()
            .map_or_else(|| a.path.clone(), |f| f.to_string_lossy().into_owned())
    });
    if origin != a.title {
        parts.push(origin);
    }
    parts.push(a.language.as_str().to_uppercase());
    bar(app, &parts.join(" · "), area, buf);
}

/// A full-width bar with one line of text.
pub fn bar(app: &App, text: &str, area: Rect, buf: &mut Buffer) {
    let style = app.theme.title_bar();
    buf.set_style(area, style);
    let w = usize::from(area.width.saturating_sub(2));
    put_str(
        buf,
        area.x + 1,
        area.y,
        &fit(text, w),
        style,
        area.width.saturating_sub(1),
    );
}
