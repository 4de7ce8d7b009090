//! The help overlay: every key of the mode it was opened from, drawn from the
//! keymap table. When the keys do not fit, the bottom border says how many more
//! there are and how to scroll.

use super::super::action::Action;
use super::super::app::{App, Help};
use super::super::keymap::{HelpRow, Keymap, Mode};
use super::{fit, put, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// One line of the help: keys and what they do, or a dim note.
enum HelpLine {
    /// Keys, what they do, and the command's name in the config file.
    Keys(String, &'static str, &'static str),
    Note(String),
}

/// The sidebar's correction keys, listed in the article's help too.
const CORRECTIONS: [Action; 5] = [
    Action::Relabel,
    Action::Mark,
    Action::Rename,
    Action::Hide,
    Action::ToggleHidden,
];

fn lines(keymap: &Keymap, mode: Mode) -> Vec<HelpLine> {
    let keys = |rows: Vec<(HelpRow, Action)>| {
        rows.into_iter()
            .map(|(r, a)| HelpLine::Keys(r.keys.join(" "), r.desc, a.name().unwrap_or("")))
    };
    let rows = keymap
        .help_rows(mode)
        .into_iter()
        .zip(keymap.help_actions(mode))
        .collect();
    let mut out: Vec<HelpLine> = keys(rows).collect();
    match mode {
        Mode::Search => out.push(HelpLine::Note(
            "Other keys are typed into the search; accents and case are ignored (a capital matches case).".into(),
        )),
        Mode::Filter => out.push(HelpLine::Note(
            "Other keys are typed into the filter; accents and case are ignored.".into(),
        )),
        Mode::Article => {
            out.push(HelpLine::Note(
                "A number before a move repeats it: 5j, 3n, 2}.".into(),
            ));
            out.push(HelpLine::Note(
                "Corrections, in the entity list (Tab):".into(),
            ));
            let rows = keymap
                .help_rows(Mode::Sidebar)
                .into_iter()
                .zip(keymap.help_actions(Mode::Sidebar))
                .filter(|(_, a)| CORRECTIONS.contains(a))
                .collect();
            out.extend(keys(rows));
        }
        _ => {}
    }
    out.push(HelpLine::Note(format!(
        "Keys are set in ~/.config/glose/config.toml, [keys.{}],",
        mode.config_name()
    )));
    out.push(HelpLine::Note(
        "by command name: glose --print-config lists them all.".into(),
    ));
    out
}

/// How many lines the help of a mode has.
pub fn line_count(keymap: &Keymap, mode: Mode) -> usize {
    lines(keymap, mode).len()
}

/// How many help lines a screen of `size` shows at once.
pub fn page(keymap: &Keymap, mode: Mode, size: Rect) -> usize {
    let want_h = (line_count(keymap, mode) + 2) as u16;
    usize::from(want_h.min(size.height.saturating_sub(2)).saturating_sub(2))
}

pub fn render(app: &App, h: &Help, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let lines = lines(&app.keymap, h.mode);
    let keys_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Keys(k, ..) => width(k),
            HelpLine::Note(_) => 0,
        })
        .max()
        .unwrap_or(0);
    let name_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Keys(_, _, n) => width(n),
            HelpLine::Note(_) => 0,
        })
        .max()
        .unwrap_or(0);
    let text_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Keys(_, d, _) => keys_w + 2 + width(d),
            HelpLine::Note(n) => width(n).min(72),
        })
        .max()
        .unwrap_or(0);
    // The commands' names (for the config file) in a column of their own, when
    // the screen is wide enough to keep every description whole beside them.
    let with_names = text_w + 2 + name_w + 4 <= usize::from(area.width.saturating_sub(2));
    let desc_w = if with_names {
        text_w + 2 + name_w
    } else {
        text_w
    };
    let close = app
        .keymap
        .help_rows(Mode::Help)
        .first()
        .map(|r| format!(" {}: {} ", r.keys.join(" "), r.desc))
        .unwrap_or_default();

    let want_w = (desc_w + 4).max(width(&close) + 24) as u16;
    let want_h = (lines.len() + 2) as u16;
    let w = want_w.min(area.width.saturating_sub(2));
    let hgt = want_h.min(area.height.saturating_sub(2));
    let rect = super::centered(area, w, hgt, buf);
    let shown = usize::from(hgt.saturating_sub(2));
    let scroll = h.scroll.min(lines.len().saturating_sub(shown));
    let below = lines.len().saturating_sub(scroll + shown);
    // Say that the list goes on, and how to get there.
    let bottom = match (scroll, below) {
        (0, 0) => close,
        (_, 0) => format!(" ↑ k · {} ", close.trim()),
        (_, b) => format!(" ↓ {b} more: j/Space · {} ", close.trim()),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(" Keys: {} ", h.mode.name()))
        .title_bottom(bottom);
    let inner = block.inner(rect);
    block.render(rect, buf);

    let inner_w = usize::from(inner.width);
    let drawn = lines.iter().map(|l| match l {
        HelpLine::Keys(k, d, name) => {
            let pad = " ".repeat(keys_w.saturating_sub(width(k)) + 2);
            let room = inner_w.saturating_sub(keys_w + 3);
            let desc = fit(d, room);
            let mut spans = vec![Span::styled(format!(" {k}"), t.help_key()), Span::raw(pad)];
            if with_names {
                let gap = room.saturating_sub(width(&desc) + width(name));
                spans.push(Span::raw(desc));
                spans.push(Span::raw(" ".repeat(gap)));
                spans.push(Span::styled(*name, t.dim()));
            } else {
                spans.push(Span::raw(desc));
            }
            Line::from(spans)
        }
        HelpLine::Note(n) => Line::from(Span::styled(
            format!(" {}", fit(n, inner_w.saturating_sub(1))),
            t.dim(),
        )),
    });
    for (line, y) in drawn.skip(scroll).zip(inner.y..inner.y + inner.height) {
        put(buf, inner.x, y, &line, inner.width);
    }
}
