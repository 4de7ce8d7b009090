//! The note editor: a box over the article with what the note is about, the
//! note's lines (wrapped, scrolled to the cursor) and the cursor.

use super::super::annotate::NoteEditor;
use super::super::app::App;
use super::super::doc::safe_char;
use super::super::editor::{cursor_cell, rows};
use super::super::keymap::Mode;
use super::super::overlay::Overlay;
use super::{editor_area, editor_text_area, fit, put_str, MIN_HEIGHT, MIN_WIDTH};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The first row shown: the cursor's row stays in view.
fn first_row(ne: &NoteEditor, text: Rect) -> usize {
    let (row, _) = cursor_cell(&ne.editor.text, ne.editor.cursor, usize::from(text.width));
    (row + 1).saturating_sub(usize::from(text.height.max(1)))
}

pub fn render(app: &App, ne: &NoteEditor, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rect = editor_area(area);
    let text = editor_text_area(area);
    if rect.width < 4 || rect.height < 4 {
        return;
    }
    Clear.render(rect, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(format!(
            " {} ",
            fit(&ne.title, usize::from(rect.width.saturating_sub(4)))
        ))
        .title_bottom(format!(" {} ", super::hints_line(app, Mode::Editor)));
    block.render(rect, buf);

    let inner_w = usize::from(rect.width.saturating_sub(2));
    put_str(
        buf,
        rect.x + 1,
        rect.y + 1,
        &fit(&format!("» {}", ne.context), inner_w),
        t.dim(),
        rect.width.saturating_sub(2),
    );

    let body = &ne.editor.text;
    let first = first_row(ne, text);
    let width = usize::from(text.width);
    for (row, y) in rows(body, width)
        .into_iter()
        .skip(first)
        .zip(text.y..text.y + text.height)
    {
        let shown: String = body[row].chars().map(safe_char).collect();
        put_str(
            buf,
            text.x,
            y,
            &shown,
            ratatui::style::Style::new(),
            text.width,
        );
    }
    if let Some(pos) = cell(ne, text) {
        let cell = &mut buf[(pos.x, pos.y)];
        cell.set_style(t.text_cursor());
    }
}

/// The screen cell of the editor's cursor.
fn cell(ne: &NoteEditor, text: Rect) -> Option<Position> {
    let (row, col) = cursor_cell(&ne.editor.text, ne.editor.cursor, usize::from(text.width));
    let row = row.checked_sub(first_row(ne, text))?;
    let col = col.min(usize::from(text.width.saturating_sub(1)));
    (row < usize::from(text.height) && text.width > 0)
        .then(|| Position::new(text.x + col as u16, text.y + row as u16))
}

/// Where the terminal cursor goes while a note is written.
pub fn cursor_position(app: &App, area: Rect) -> Option<Position> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    // Only while the editor is on top (not under a question or the help).
    match &app.overlay {
        Overlay::Editor { editor, .. } => cell(editor, editor_text_area(area)),
        _ => None,
    }
}
