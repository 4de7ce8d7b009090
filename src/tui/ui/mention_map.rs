//! The mention map's strip: the rows the screen shows as a thumb (a grey bar,
//! reverse video without colour), the selected entity's mentions as marks in
//! its kind's colour, the current mention's mark in the current-mention colour.

use super::super::app::App;
use super::super::reader::Reader;
use super::{put_str, Areas};
use ratatui::buffer::Buffer;

pub fn render(app: &App, r: &Reader, a: &Areas, buf: &mut Buffer) {
    let Some(e) = r.selected else {
        return;
    };
    if a.map.width == 0 {
        return;
    }
    let t = app.theme;
    let kind = r.doc.entities[e].kind;
    let height = usize::from(a.map.height).min(r.view.1);
    for (i, row) in r.mention_map(height).iter().enumerate() {
        let mut style = if row.in_view {
            t.map_thumb()
        } else {
            Default::default()
        };
        let glyph = match row.mention {
            Some(_) => {
                style = style.patch(if row.current {
                    t.map_current()
                } else {
                    t.map_mark(kind)
                });
                "■"
            }
            None => " ",
        };
        put_str(buf, a.map.x, a.map.y + i as u16, glyph, style, 1);
    }
}
