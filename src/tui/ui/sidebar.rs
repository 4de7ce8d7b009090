//! The entity sidebar: a section per kind with its count and legend swatch, one row
//! per entity with its mention count; the selected row is always in view.

use super::super::app::App;
use super::super::reader::{Focus, Reader, Row, Sort};
use super::super::sidebar::{rows_in_view, sidebar_window};
use super::{fit, fit_middle, put, put_str, width, Areas};
use crate::EntityKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
    if r.doc.extracted {
        kind_bar(app, r, a, buf);
    }
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
    let in_view = rows_in_view(rows.len(), usize::from(list.height));
    if in_view < rows.len() {
        // The list goes on: say so on its last line.
        let below = rows.len().saturating_sub(offset + in_view);
        let text = match (offset, below) {
            (0, b) => format!("↓ {b} more"),
            (o, 0) => format!("↑ {o} more"),
            (o, b) => format!("↑ {o} · ↓ {b} more"),
        };
        let y = list.y + list.height.saturating_sub(1);
        put_str(buf, list.x, y, &fit(&text, w), t.dim(), list.width);
    }
    let list = ratatui::layout::Rect {
        height: in_view.min(usize::from(list.height)) as u16,
        ..list
    };
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
                // Cut in the middle: "sommet de…BRICS" and "sommet de…d'Asie"
                // stay apart (the status line shows the selected name in full).
                let name = fit_middle(&e.name, name_w);
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

/// A short name for a kind in the kind bar.
fn short(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "Orgs",
        k => k.plural(),
    }
}

/// The kind bar: each kind's key (`1`-`4` shows it alone), swatch and count, two
/// kinds a row, so all four are on the first screen. The kind shown alone is in
/// reverse video. Columns line up and keep a gap between kinds; in a narrow sidebar
/// the gap narrows, then the kinds' names are cut, never the counts.
fn kind_bar(app: &App, r: &Reader, a: &Areas, buf: &mut Buffer) {
    let t = app.theme;
    let bar = a.kind_bar;
    if bar.height == 0 || bar.width == 0 {
        return;
    }
    let (per_row, counts, layout) = kind_bar_of(r, bar);
    for (i, kind) in EntityKind::ALL.into_iter().enumerate() {
        let y = bar.y + (i / per_row) as u16;
        if y >= bar.y + bar.height {
            break;
        }
        let x = bar.x + layout.x[i % per_row] as u16;
        let name: String = short(kind).chars().take(layout.name_chars).collect();
        let label = if name.is_empty() {
            format!(":{}", counts[i])
        } else {
            format!(" {name} {}", counts[i])
        };
        let count = r.kind_count(kind);
        let mut key = t.kind(kind).add_modifier(ratatui::style::Modifier::BOLD);
        let mut text = if count == 0 {
            t.dim()
        } else {
            ratatui::style::Style::new()
        };
        if r.kind_filter == Some(kind) {
            key = key.add_modifier(ratatui::style::Modifier::REVERSED);
            text = text.add_modifier(ratatui::style::Modifier::REVERSED);
        }
        let line = Line::from(vec![
            Span::styled(format!("{}", i + 1), key),
            Span::styled(label, text),
        ]);
        let room = (bar.x + bar.width).saturating_sub(x);
        put(buf, x, y, &line, room);
    }
}

/// The kind bar's kinds a row, its counts and its layout in `bar`.
fn kind_bar_of(r: &Reader, bar: Rect) -> (usize, Vec<String>, KindBarLayout) {
    let per_row = if bar.height >= 2 { 2 } else { 4 };
    let counts: Vec<String> = EntityKind::ALL
        .into_iter()
        .map(|k| r.kind_count(k).to_string())
        .collect();
    let layout = kind_bar_layout(&counts, per_row, usize::from(bar.width));
    (per_row, counts, layout)
}

/// The kind drawn at (`col`, `row`) of the kind bar `bar` (a click there): the
/// column whose cell starts at or before `col`.
pub fn kind_bar_hit(r: &Reader, bar: Rect, col: u16, row: u16) -> Option<EntityKind> {
    if !bar.contains(ratatui::layout::Position::new(col, row)) {
        return None;
    }
    let (per_row, _, layout) = kind_bar_of(r, bar);
    let dx = usize::from(col - bar.x);
    let column = layout.x.iter().rposition(|&x| x <= dx).unwrap_or(0);
    EntityKind::ALL
        .get(usize::from(row - bar.y) * per_row + column)
        .copied()
}

/// Where the kind bar's columns start and how many letters of each kind's name fit.
struct KindBarLayout {
    x: Vec<usize>,
    name_chars: usize,
}

/// The widest layout that fits `width`: full names with a two-column gap, then a
/// one-column gap, then names cut down to three letters, then counts alone (a
/// letter or two says nothing; the keys' colours are the kinds' own).
fn kind_bar_layout(counts: &[String], per_row: usize, width: usize) -> KindBarLayout {
    let longest = EntityKind::ALL
        .into_iter()
        .map(|k| short(k).chars().count())
        .max()
        .unwrap_or(0);
    let try_fit = |name_chars: usize, gap: usize| -> Option<KindBarLayout> {
        let item = |i: usize| {
            let name = short(EntityKind::ALL[i]).chars().count().min(name_chars);
            // key digit, space, name, space, count (without a name, ":" and count)
            1 + usize::from(name > 0) * (name + 1) + 1 + counts[i].chars().count()
        };
        let mut x = Vec::with_capacity(per_row);
        let mut at = 0;
        for col in 0..per_row {
            x.push(at);
            let w = (col..counts.len())
                .step_by(per_row)
                .map(item)
                .max()
                .unwrap_or(0);
            at += w + gap;
        }
        (at - gap <= width).then_some(KindBarLayout { x, name_chars })
    };
    try_fit(longest, 2)
        .or_else(|| (3..=longest).rev().find_map(|n| try_fit(n, 1)))
        .or_else(|| try_fit(0, 2))
        .or_else(|| try_fit(0, 1))
        .unwrap_or_else(|| KindBarLayout {
            x: (0..per_row).map(|c| c * width / per_row).collect(),
            name_chars: 0,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(c: [&str; 4]) -> Vec<String> {
        c.iter().map(|s| s.to_string()).collect()
    }

    /// Bug: at 80 columns the sidebar's kind bar read "1 People 122 Places 3": a
    /// two-digit count ran into the next kind's key. Columns keep a gap.
    #[test]
    fn kind_bar_keeps_a_gap_after_a_two_digit_count() {
        let c = counts(["12", "3", "11", "4"]);
        let l = kind_bar_layout(&c, 2, 22);
        // "1 People 12" is 11 wide; the second column starts after a gap.
        assert!(l.x[1] >= 12, "{:?}", l.x);
        assert_eq!(l.name_chars, "People".len());
        // Wide enough: two columns of gap.
        assert_eq!(kind_bar_layout(&c, 2, 30).x, vec![0, 13]);
    }

    #[test]
    fn kind_bar_cuts_names_before_counts() {
        let c = counts(["120", "35", "11", "4"]);
        let l = kind_bar_layout(&c, 2, 18);
        assert!((3..6).contains(&l.name_chars), "{}", l.name_chars);
        // Too narrow for three letters: counts alone.
        assert_eq!(kind_bar_layout(&c, 2, 12).name_chars, 0);
    }
}
