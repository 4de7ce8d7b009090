//! The article pane: only the lines in view are styled, each from the block layout
//! (wrapped once per width) and the mentions mapped onto it.

use super::super::annotate::display_range;
use super::super::app::App;
use super::super::doc::{kind_label, safe_char, BlockLayout};
use super::super::overlay::Overlay;
use super::super::reader::{LinePos, Reader};
use super::super::search::matches_in;
use super::{put, put_str, Areas};
use crate::notes::Color as Hue;
use crate::BlockKind;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// Highlights and the selection, in file offsets, computed once per frame.
struct Marks {
    /// File range, colour, under the cursor, has a note.
    highlights: Vec<(Range<usize>, Hue, bool, bool)>,
    selection: Option<(Range<usize>, Hue)>,
}

fn marks(r: &Reader, overlay: &Overlay) -> Marks {
    let mut highlights = Vec::new();
    if let Some(notes) = &r.doc.notes {
        let cursor = r.highlight_under_cursor();
        for p in notes.placed() {
            let (Some(range), Some(h)) = (&p.range, notes.highlight(&p.id)) else {
                continue;
            };
            let here = cursor.as_deref() == Some(p.id.as_str());
            highlights.push((range.clone(), h.color, here, !h.note.trim().is_empty()));
        }
    }
    let selection = overlay
        .selection()
        .and_then(|sel| Some((r.selection_range(sel)?, sel.color)));
    Marks {
        highlights,
        selection,
    }
}

pub fn render(app: &App, r: &Reader, a: &Areas, buf: &mut Buffer) {
    let area = a.text;
    let Some(mut pos) = r.top_pos() else {
        put_str(
            buf,
            area.x,
            area.y,
            "(empty article)",
            app.theme.dim(),
            area.width,
        );
        return;
    };
    let marks = marks(r, &app.overlay);
    let text_h = area.height.saturating_sub(r.note_rows as u16);
    note_pane(app, r, a, text_h, buf);
    for y in area.y..area.y + text_h {
        draw_line(app, r, pos, a, y, &marks, buf);
        match r.next_line(pos) {
            Some(p) => pos = p,
            None => break,
        }
    }
}

/// The current highlight's note, under the text: a rule naming it, then the note.
fn note_pane(app: &App, r: &Reader, a: &Areas, text_h: u16, buf: &mut Buffer) {
    if r.note_rows == 0 {
        return;
    }
    let t = app.theme;
    let area = a.text;
    let lines = r.note_pane(usize::from(area.width), usize::from(area.height));
    let y0 = area.y + text_h;
    let hue = r
        .highlight_under_cursor()
        .and_then(|id| r.doc.notes.as_ref()?.highlight(&id).map(|h| h.color))
        .unwrap_or_default();
    let rule = format!("✎ note {}", "─".repeat(usize::from(area.width)));
    put_str(buf, area.x, y0, &rule, t.swatch(hue), area.width);
    for (i, line) in lines.iter().enumerate() {
        let y = y0 + 1 + i as u16;
        if y >= area.y + area.height {
            break;
        }
        put_str(
            buf,
            area.x + 2.min(area.width),
            y,
            &super::fit(line, usize::from(area.width.saturating_sub(2))),
            t.note_text(),
            area.width.saturating_sub(2),
        );
    }
}

/// Whether block `block` mentions the selected entity (for focus mode).
fn mentions_selected(r: &Reader, block: usize) -> bool {
    let Some(e) = r.selected else {
        return false;
    };
    let range = &r.doc.article.blocks[block].range;
    let ms = &r.doc.entities[e].mentions;
    let i = ms.partition_point(|m| m.end <= range.start);
    ms.get(i).is_some_and(|m| m.start < range.end)
}

fn base_style(app: &App, r: &Reader, block: usize) -> Style {
    let t = app.theme;
    let mut style = match r.doc.article.blocks[block].kind {
        BlockKind::Heading => t.heading(),
        BlockKind::Paragraph => Style::new(),
        BlockKind::Caption => t.caption(),
    };
    if r.focus_mode && r.selected.is_some() && !mentions_selected(r, block) {
        style = style.patch(t.unfocused_block());
    }
    style
}

fn draw_line(
    app: &App,
    r: &Reader,
    pos: LinePos,
    a: &Areas,
    y: u16,
    marks: &Marks,
    buf: &mut Buffer,
) {
    let bl = r.block(pos.block);
    let Some(range) = r.line_range(pos) else {
        return; // the blank line between blocks
    };
    let t = app.theme;
    let base = base_style(app, r, pos.block);
    let block = &r.doc.article.blocks[pos.block];
    let on_line =
        |d: &Range<usize>| d.start < range.end.max(range.start + 1) && d.end > range.start;
    // (display range, colour, under the cursor, has a note, starts on this line)
    let highlights: Vec<(Range<usize>, Hue, bool, bool, bool)> = marks
        .highlights
        .iter()
        .filter_map(|(f, hue, here, note)| {
            let d = display_range(&bl.display, block, f)?;
            let starts = f.start >= block.range.start && range.contains(&d.start);
            on_line(&d).then_some((d, *hue, *here, *note, starts))
        })
        .collect();
    let selection = marks
        .selection
        .as_ref()
        .and_then(|(f, hue)| Some((display_range(&bl.display, block, f)?, *hue)));
    let spans: Vec<_> = bl.spans_in(range.clone()).collect();
    let matches = search_matches(r, &bl, range.clone());
    let current_match = r
        .search
        .as_ref()
        .and_then(|s| s.current.clone())
        .filter(|(b, _)| *b == pos.block)
        .map(|(_, m)| m);

    let style_at = |d: usize| -> Style {
        let mut st = base;
        let mut marked = false;
        for (h, hue, ..) in &highlights {
            if h.contains(&d) {
                st = st.patch(t.highlight(*hue));
                marked = true;
            }
        }
        if let Some((s, hue)) = &selection {
            if s.contains(&d) {
                st = st.patch(t.selection(*hue));
                marked = true;
            }
        }
        let mut selected = false;
        let mut current = false;
        // Outer spans first: an event's underline stays under the names nested in it,
        // and each name keeps its own colour.
        for s in spans.iter().filter(|s| s.range.contains(&d)) {
            let m = r.mentions[s.mention];
            let kind = r.doc.entities[m.entity].kind;
            // On a highlight's light background, a darker tone of the kind.
            st = st.patch(if marked {
                t.kind_on_highlight(kind)
            } else {
                t.kind(kind)
            });
            selected |= Some(m.entity) == r.selected;
            current |= Some(s.mention) == r.current;
        }
        if selected {
            st = st.patch(t.selected_mention());
        }
        if current {
            st = st.patch(t.current_mention());
        }
        if matches.iter().any(|m| m.contains(&d)) {
            st = st.patch(if current_match.as_ref().is_some_and(|c| c.contains(&d)) {
                t.search_current()
            } else {
                t.search_match()
            });
        }
        st
    };

    let text = &bl.display.text[range.clone()];
    let mut out: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style: Option<Style> = None;
    for (i, c) in text.char_indices() {
        let st = style_at(range.start + i);
        if run_style != Some(st) {
            if let Some(prev) = run_style {
                out.push(Span::styled(std::mem::take(&mut run), prev));
            }
            run_style = Some(st);
        }
        run.push(safe_char(c));
        if bl.labels {
            let end = range.start + i + c.len_utf8();
            // Inner mentions end their label first: `Ukraine [loc] [evt]`.
            let mut ending: Vec<_> = spans.iter().filter(|s| s.range.end == end).collect();
            if !ending.is_empty() {
                ending.sort_by_key(|s| std::cmp::Reverse(s.range.start));
                if let Some(prev) = run_style.take() {
                    out.push(Span::styled(std::mem::take(&mut run), prev));
                }
                for s in ending {
                    let kind = r.doc.entities[r.mentions[s.mention].entity].kind;
                    out.push(Span::styled(
                        kind_label(kind),
                        base.patch(t.kind_label(kind)),
                    ));
                }
            }
        }
    }
    if let Some(prev) = run_style {
        out.push(Span::styled(run, prev));
    }
    put(buf, a.text.x, y, &Line::from(out), a.text.width);

    // A marker in the margin on the line of the current mention or match.
    let current_mention_here = r.current.is_some_and(|c| {
        bl.spans
            .iter()
            .any(|s| s.mention == c && range.contains(&s.range.start))
    });
    let current_match_here = current_match
        .as_ref()
        .is_some_and(|m| range.contains(&m.start) || (range.is_empty() && m.start == range.start));
    if (current_mention_here || current_match_here) && a.article.width > 0 {
        put_str(buf, a.article.x, y, "▌", t.margin_marker(), 1);
    }
    // A bar in the margin beside highlighted lines: thick for the highlight under
    // the cursor, a pencil on the first line of one with a note.
    let bar = highlights
        .iter()
        .find(|h| h.2)
        .or_else(|| highlights.first())
        .map(|(_, hue, here, note, starts)| {
            let glyph = if *note && *starts {
                "✎"
            } else if *here {
                "┃"
            } else {
                "▏"
            };
            (glyph, *hue)
        });
    if let (Some((glyph, hue)), true) = (bar, a.article.width > 1) {
        put_str(buf, a.article.x + 1, y, glyph, t.swatch(hue), 1);
    }
}

/// The search matches that touch a line (computed for the line only).
fn search_matches(r: &Reader, bl: &BlockLayout, line: Range<usize>) -> Vec<Range<usize>> {
    let Some(search) = &r.search else {
        return Vec::new();
    };
    if search.query.is_empty() {
        return Vec::new();
    }
    let reach = search.query.chars().count() * 4;
    let text = &bl.display.text;
    matches_in(
        text,
        line.start.saturating_sub(reach)..line.end,
        &search.query,
    )
    .into_iter()
    .filter(|m| m.end > line.start)
    .collect()
}
