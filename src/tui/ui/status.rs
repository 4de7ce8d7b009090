//! The status line: reading position, selected entity, `mention k/N`, messages, the
//! text being typed, and hints drawn from the keymap table.

use super::super::app::App;
use super::super::reader::{InputTarget, Reader};
use super::{fit, put, put_str, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render_reader(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut left: Vec<Span> = Vec::new();
    let o = &app.overlay;
    // A question and the kind picker take the line; a message would hide them.
    let with_message = o.confirm().is_none() && o.kind_pick().is_none();
    if let Some(confirm) = o.confirm() {
        // The whole question: at 80 columns too, the hints give way.
        let room = usize::from(area.width).saturating_sub(2);
        left.push(Span::styled(fit(&confirm.prompt(), room), t.message()));
    } else if let Some(ne) = o.editor() {
        left.push(Span::raw(fit(&ne.title, 40)));
        if ne.changed() {
            left.push(Span::styled("  modified", t.message()));
        }
    } else if let Some(pick) = o.kind_pick() {
        left.push(Span::raw(fit(&pick.title, 50)));
        left.push(Span::styled(": which kind?", t.message()));
    } else if let Some(sel) = o.selection() {
        if let Some(range) = r.selection_range(sel).filter(|_| sel.span.is_some()) {
            let text = r.doc.article.text.get(range).unwrap_or("");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            left.push(Span::raw(format!("selecting “{}” ", fit(&text, 40))));
        } else {
            let n = r.selection_len(sel);
            left.push(Span::raw(format!(
                "selecting {n} sentence{} ",
                if n == 1 { "" } else { "s" }
            )));
        }
        left.push(Span::styled("▌", t.swatch(sel.color)));
        left.push(Span::raw(sel.color.as_str()));
    } else if let Some(input) = o.input() {
        let prompt = match input.target {
            InputTarget::Search => "/",
            InputTarget::Filter => "filter: ",
            InputTarget::Rename(..) => "new name: ",
        };
        left.push(Span::styled(prompt, t.input()));
        left.push(Span::styled(fit(&input.text, 60), t.input()));
        left.push(Span::styled("▏", t.input()));
    } else {
        left.push(Span::raw(format!("{:>3}%", r.percent())));
        if !r.doc.extracted {
            left.push(Span::styled("  finding entities…", t.dim()));
        }
        if r.focus_mode {
            left.push(Span::styled("  focus", t.message()));
        }
        if let Some(e) = r.hidden_selected.and_then(|j| r.doc.hidden.get(j)) {
            left.push(Span::raw("  "));
            left.push(Span::styled(fit(&e.name, 40), t.dim()));
            left.push(Span::raw(format!(" ({}, hidden)", e.kind.as_str())));
        }
        if let Some(e) = r.selected {
            let ent = &r.doc.entities[e];
            left.push(Span::raw("  "));
            // In full where it fits: the sidebar may have cut it.
            let room = usize::from(area.width).saturating_sub(24).max(40);
            left.push(Span::styled(fit(&ent.name, room), t.kind(ent.kind)));
            left.push(Span::raw(format!(" ({})", ent.kind.as_str())));
            if let Some((ce, k)) = r.current_k() {
                if ce == e {
                    left.push(Span::raw(format!(
                        "  mention {}/{}",
                        k + 1,
                        ent.mentions.len()
                    )));
                }
            }
        }
        if let Some(s) = &r.search {
            left.push(Span::raw(format!("  /{}", fit(&s.query, 30))));
        }
        if let Some(notes) = &r.doc.notes {
            if let Some(id) = r.highlight_under_cursor() {
                let placed = notes.placed();
                let k = placed.iter().position(|p| p.id == id).unwrap_or(0);
                let color = notes.highlight(&id).map(|h| h.color).unwrap_or_default();
                left.push(Span::raw("  "));
                left.push(Span::styled("▌", t.swatch(color)));
                left.push(Span::raw(format!("highlight {}/{}", k + 1, placed.len())));
                // Which one `d` and `a` act on, quoted, when nothing else is said.
                if app.message.is_none() {
                    let text = super::super::update_notes::highlight_text(r, &id);
                    left.push(Span::raw(format!(" “{}”", fit(&text, 24))));
                }
            }
            if app.saving {
                left.push(Span::styled("  saving…", t.dim()));
            } else if notes.has_pending() {
                left.push(Span::styled("  notes unsaved", t.message()));
            }
        }
    }
    line(app, left, area, buf, with_message);
}

/// Appends the status message to `left` when it fits the line beside what is
/// already there; otherwise returns true and [`long_message`] shows it whole
/// above the status line, so the reason for a failure is never cut off.
fn push_message(app: &App, left: &mut Vec<Span<'static>>, area: Rect) -> bool {
    let Some(msg) = &app.message else {
        return false;
    };
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + 2);
    if width(msg) + 2 <= room {
        left.push(Span::styled(
            format!("  {}", fit(msg, room)),
            app.theme.message(),
        ));
        false
    } else {
        true
    }
}

/// The status message wrapped over as many rows above the status line as it
/// needs (up to a third of the screen), cut with `…` only beyond that.
fn long_message(app: &App, status: Rect, buf: &mut Buffer) {
    let Some(msg) = &app.message else {
        return;
    };
    let w = usize::from(status.width).saturating_sub(2).max(1);
    let safe: String = fit(msg, usize::MAX);
    let mut lines: Vec<String> = textwrap::wrap(&safe, w)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    // Never over the title row; at most a third of the screen.
    let max_rows = usize::from(status.y.saturating_sub(1)).min(usize::from(status.y / 3).max(1));
    if max_rows == 0 {
        return;
    }
    if lines.len() > max_rows {
        lines.truncate(max_rows);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), w);
        }
    }
    let top = status.y - lines.len() as u16;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        let blank = " ".repeat(usize::from(status.width));
        put_str(buf, status.x, y, &blank, app.theme.status(), status.width);
        let x = status.x + 1.min(status.width);
        put_str(
            buf,
            x,
            y,
            l,
            app.theme.message(),
            status.width.saturating_sub(1),
        );
    }
}

/// Lays out a status line: `left` from the left edge, then the message (or above
/// the line when it does not fit), the mode's key hints on the right when they fit.
pub fn draw(app: &App, left: Vec<Span<'static>>, area: Rect, buf: &mut Buffer) {
    line(app, left, area, buf, true);
}

fn line(app: &App, mut left: Vec<Span<'static>>, area: Rect, buf: &mut Buffer, with_message: bool) {
    let overflow = with_message && push_message(app, &mut left, area);
    let t = app.theme;
    buf.set_style(area, t.status());
    let left = Line::from(left);
    let room = usize::from(area.width).saturating_sub(left.width() + 3);
    // As many hints as fit, most useful first (table order).
    let mut hints: Vec<Span> = Vec::new();
    let mut hints_w = 0;
    for (key, word) in app.keymap.hints(app.mode()) {
        let text = format!(" {word}  ");
        let w = width(&key) + width(&text);
        if hints_w + w > room {
            break;
        }
        hints_w += w;
        hints.push(Span::styled(key, t.hint_key()));
        hints.push(Span::styled(text, t.hint_text()));
    }
    put(
        buf,
        area.x + 1.min(area.width),
        area.y,
        &left,
        area.width.saturating_sub(1),
    );
    if hints_w > 0 {
        let x = area.x + area.width - hints_w as u16;
        put(buf, x, area.y, &Line::from(hints), hints_w as u16);
    }
    if overflow {
        long_message(app, area, buf);
    }
}
