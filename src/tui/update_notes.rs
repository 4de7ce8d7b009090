//! `update` for highlights and notes: selecting sentences, saving highlights,
//! the note editor, questions, the `'` list, undo and the export request. Changes
//! go to the in-memory [`Notes`](crate::notes::Notes); the event loop writes them
//! right after (see [`super::io`]).

use super::action::Action;
use super::annotate::{Confirm, ListItem, NoteEditor, NoteTarget, NotesList, Selection};
use super::app::{App, Command, Help};
use super::editor::Editor;
use super::keymap::Mode;
use super::reader::{Focus, Reader};
use super::ui;
use crate::notes::{Color, Restored};
use ratatui::layout::Rect;
use std::ops::Range;

const NO_NOTES: &str = "notes are off for this article";

/// The article's and the sidebar's note keys. Returns false for other actions.
pub fn reader_action(app: &mut App, mode: Mode, action: Action) -> bool {
    if action == Action::Export {
        export_request(app);
        return true;
    }
    let Some(r) = &mut app.reader else {
        return false;
    };
    let message = match action {
        Action::StartSelection => start_selection(r),
        Action::QuickHighlight => quick_highlight(r),
        Action::EditNote if mode == Mode::Sidebar => edit_entity_note(r),
        Action::EditNote => edit_highlight_note(r),
        Action::Delete if mode == Mode::Sidebar => ask_delete_entity_note(r),
        Action::Delete => ask_delete_highlight(r),
        Action::Undo => undo(r),
        Action::NotesList => open_list(r),
        _ => return false,
    };
    if message.is_some() {
        app.message = message;
    }
    true
}

/// Selection, editor, list and question modes.
pub fn update(app: &mut App, mode: Mode, action: Action) {
    if action == Action::Help {
        app.help = Some(Help { mode, scroll: 0 });
        return;
    }
    let editor_width = editor_width(app);
    let Some(r) = &mut app.reader else {
        return;
    };
    let message = match mode {
        Mode::Select => select(r, action),
        Mode::Editor => edit(r, action, editor_width),
        Mode::Notes => list(r, action),
        Mode::Confirm => {
            let Some(confirm) = r.confirm.take() else {
                return;
            };
            if action != Action::Yes {
                return;
            }
            match confirm {
                Confirm::QuitDiscardingNote | Confirm::QuitUnsaved(_) => {
                    app.quit = true;
                    app.quit_confirmed = true;
                    return;
                }
                Confirm::ReplaceExport(_) => {
                    app.command = Some(Command::Export { replace: true });
                    return;
                }
                other => confirmed(r, other),
            }
        }
        _ => None,
    };
    if message.is_some() {
        app.message = message;
    }
}

/// Ctrl+C or `q`: asks first when a note is being written.
pub fn quit(app: &mut App) {
    let writing = app.reader.as_mut().filter(|r| {
        r.note_editor.as_ref().is_some_and(NoteEditor::changed)
            && r.confirm != Some(Confirm::QuitDiscardingNote)
    });
    match writing {
        Some(r) => r.confirm = Some(Confirm::QuitDiscardingNote),
        None => app.quit = true,
    }
}

fn editor_width(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    usize::from(ui::editor_text_area(area).width)
}

fn start_selection(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    let Some(s) = r.current_sentence() else {
        return Some("no text to select".into());
    };
    r.selection = Some(Selection {
        anchor: s,
        head: s,
        color: Color::default(),
        span: None,
    });
    None
}

fn quick_highlight(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    let range = r.current_sentence().and_then(|s| r.sentence_range(s));
    match range {
        Some(range) => save(r, range, Color::default()),
        None => Some("no text to highlight".into()),
    }
}

fn save(r: &mut Reader, range: Range<usize>, color: Color) -> Option<String> {
    let notes = r.doc.notes.as_mut()?;
    if let Some(p) = notes
        .placed()
        .iter()
        .find(|p| p.range.as_ref() == Some(&range))
    {
        r.cursor_highlight = Some(p.id.clone());
        return Some("already highlighted".into());
    }
    let id = notes.add_highlight(&r.doc.article.text, range, color);
    r.cursor_highlight = Some(id);
    Some(format!("highlighted ({}): a adds a note", color.as_str()))
}

fn select(r: &mut Reader, action: Action) -> Option<String> {
    let sel = r.selection?;
    match action {
        Action::SelectionDown | Action::SelectionUp => {
            let next = if action == Action::SelectionDown {
                r.next_sentence(sel.head)
            } else {
                r.prev_sentence(sel.head)
            };
            let Some(head) = next else {
                return Some(if action == Action::SelectionDown {
                    "at the last sentence".into()
                } else {
                    "at the first sentence".into()
                });
            };
            r.selection = Some(Selection {
                head,
                span: None,
                ..sel
            });
            if let Some(range) = r.sentence_range(head) {
                let at = if head >= sel.anchor {
                    range.end.saturating_sub(1).max(range.start)
                } else {
                    range.start
                };
                r.reveal_offset(at);
            }
            None
        }
        Action::SetColor(color) => {
            r.selection = Some(Selection { color, ..sel });
            None
        }
        Action::SaveHighlight => {
            let range = r.selection_range();
            r.selection = None;
            match range {
                Some(range) => save(r, range, sel.color),
                None => Some("nothing selected".into()),
            }
        }
        Action::Back => {
            r.selection = None;
            None
        }
        Action::Wheel { down, .. } => {
            r.scroll(if down { 3 } else { -3 });
            None
        }
        _ => None,
    }
}

/// One line of a highlight's text, for the editor and the list.
pub fn highlight_text(r: &Reader, id: &str) -> String {
    let Some(notes) = &r.doc.notes else {
        return String::new();
    };
    let placed = notes
        .placed_of(id)
        .and_then(|p| p.range.clone())
        .and_then(|range| r.doc.article.text.get(range));
    let text = match placed {
        Some(t) => t,
        None => notes.highlight(id).map_or("", |h| h.quote.exact.as_str()),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn open_highlight_editor(r: &mut Reader, id: String) -> Option<String> {
    let note = r.doc.notes.as_ref()?.highlight(&id)?.note.clone();
    let context = highlight_text(r, &id);
    r.cursor_highlight = Some(id.clone());
    r.note_editor = Some(NoteEditor {
        target: NoteTarget::Highlight(id),
        editor: Editor::new(&note),
        original: note,
        title: "Note on the highlight".into(),
        context,
    });
    None
}

fn edit_highlight_note(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.highlight_under_cursor() {
        Some(id) => open_highlight_editor(r, id),
        None => Some("no highlight on screen: v selects a sentence, h saves it".into()),
    }
}

fn open_entity_editor(r: &mut Reader, i: usize) -> Option<String> {
    let key = r.entity_key(i);
    let note = r
        .doc
        .notes
        .as_ref()?
        .entity_note(&key)
        .map(|n| n.note.clone())
        .unwrap_or_default();
    let e = &r.doc.entities[i];
    let n = e.mentions.len();
    let context = format!(
        "{} ({}), {n} mention{}",
        e.name,
        e.kind.as_str(),
        if n == 1 { "" } else { "s" }
    );
    r.note_editor = Some(NoteEditor {
        title: format!("Note on {}", e.name),
        target: NoteTarget::Entity(key),
        editor: Editor::new(&note),
        original: note,
        context,
    });
    None
}

fn edit_entity_note(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.selected {
        Some(i) => open_entity_editor(r, i),
        None => Some("no entity selected".into()),
    }
}

fn ask_delete_highlight(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.highlight_under_cursor() {
        Some(id) => {
            r.cursor_highlight = Some(id.clone());
            r.confirm = Some(Confirm::DeleteHighlight(id));
            None
        }
        None => Some("no highlight on screen".into()),
    }
}

fn ask_delete_entity_note(r: &mut Reader) -> Option<String> {
    let notes = r.doc.notes.as_ref()?;
    let i = r.selected?;
    let key = r.entity_key(i);
    if notes.entity_note(&key).is_none() {
        return Some(format!("no note on {}", r.doc.entities[i].name));
    }
    r.confirm = Some(Confirm::DeleteEntityNote(key));
    None
}

fn confirmed(r: &mut Reader, confirm: Confirm) -> Option<String> {
    match confirm {
        Confirm::DeleteHighlight(id) => {
            let notes = r.doc.notes.as_mut()?;
            if !notes.delete_highlight(&r.doc.article.text, &id) {
                return Some("that highlight is gone already".into());
            }
            if r.cursor_highlight.as_deref() == Some(id.as_str()) {
                r.cursor_highlight = None;
            }
            Some("highlight deleted: u undoes".into())
        }
        Confirm::DeleteEntityNote(key) => {
            let notes = r.doc.notes.as_mut()?;
            notes.delete_entity_note(&r.doc.article.text, &key);
            Some(format!("note on {} deleted: u undoes", key.name))
        }
        Confirm::DiscardNote => {
            r.note_editor = None;
            None
        }
        _ => None,
    }
}

fn undo(r: &mut Reader) -> Option<String> {
    let notes = r.doc.notes.as_mut()?;
    match notes.undo(&r.doc.article.text) {
        Some(Restored::Highlight(id)) => {
            r.cursor_highlight = Some(id.clone());
            if let Some(start) = notes
                .placed_of(&id)
                .and_then(|p| p.range.as_ref())
                .map(|r| r.start)
            {
                r.reveal_offset(start);
            }
            Some("highlight restored".into())
        }
        Some(Restored::EntityNote(key)) => Some(format!("note on {} restored", key.name)),
        Some(Restored::Corrections) => {
            r.refresh(None);
            Some("correction undone".into())
        }
        None => Some("nothing to undo".into()),
    }
}

fn edit(r: &mut Reader, action: Action, width: usize) -> Option<String> {
    let ne = r.note_editor.as_mut()?;
    let e = &mut ne.editor;
    match action {
        Action::Input(c) => e.insert(c),
        Action::Newline => e.insert('\n'),
        Action::DeleteChar => e.backspace(),
        Action::DeleteForward => e.delete(),
        Action::CursorLeft => e.left(),
        Action::CursorRight => e.right(),
        Action::WordLeft => e.word_left(),
        Action::WordRight => e.word_right(),
        Action::LineStart => e.line_start(),
        Action::LineEnd => e.line_end(),
        Action::CursorUp => e.vertical(-1, width),
        Action::CursorDown => e.vertical(1, width),
        Action::Back => {
            if ne.changed() {
                r.confirm = Some(Confirm::DiscardNote);
            } else {
                r.note_editor = None;
            }
        }
        Action::Save => return save_note(r),
        _ => {}
    }
    None
}

fn save_note(r: &mut Reader) -> Option<String> {
    let ne = r.note_editor.take()?;
    let text = ne.editor.text.trim_end().to_string();
    let notes = r.doc.notes.as_mut()?;
    match &ne.target {
        NoteTarget::Highlight(id) => {
            if !notes.set_note(&r.doc.article.text, id, &text) {
                r.note_editor = Some(ne);
                return Some("that highlight was deleted: copy the note elsewhere".into());
            }
        }
        NoteTarget::Entity(key) => notes.set_entity_note(&r.doc.article.text, key, &text),
    }
    Some(if text.is_empty() {
        "note removed".into()
    } else {
        "note saved".into()
    })
}

fn open_list(r: &mut Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    if r.list_items().is_empty() {
        return Some("no highlights or notes yet: v selects a sentence".into());
    }
    // Start on the highlight under the cursor when there is one.
    let items = r.list_items();
    let here = r.highlight_under_cursor().and_then(|id| {
        items
            .iter()
            .position(|i| *i == ListItem::Highlight(id.clone()))
    });
    r.notes_list = Some(NotesList {
        selected: here.unwrap_or(0),
    });
    None
}

fn list(r: &mut Reader, action: Action) -> Option<String> {
    let items = r.list_items();
    let state = r.notes_list.as_mut()?;
    let last = items.len().saturating_sub(1);
    state.selected = state.selected.min(last);
    let item = items.get(state.selected).cloned();
    match action {
        Action::SelectNext => state.selected = (state.selected + 1).min(last),
        Action::SelectPrev => state.selected = state.selected.saturating_sub(1),
        Action::SelectFirst => state.selected = 0,
        Action::SelectLast => state.selected = last,
        Action::Wheel { down, .. } => {
            state.selected = if down {
                (state.selected + 1).min(last)
            } else {
                state.selected.saturating_sub(1)
            }
        }
        Action::Back => r.notes_list = None,
        Action::Undo => return undo(r),
        Action::Accept => return go_to(r, item?),
        Action::EditNote => match item? {
            ListItem::Highlight(id) => return open_highlight_editor(r, id),
            ListItem::EntityNote(key) => {
                let i = crate::export::find_entity(&r.doc.entities, &key)
                    .and_then(|e| r.doc.entities.iter().position(|x| x.id == e.id));
                return match i {
                    Some(i) => open_entity_editor(r, i),
                    None => Some(format!("{} is not in the article any more", key.name)),
                };
            }
        },
        Action::Delete => match item? {
            ListItem::Highlight(id) => r.confirm = Some(Confirm::DeleteHighlight(id)),
            ListItem::EntityNote(key) => r.confirm = Some(Confirm::DeleteEntityNote(key)),
        },
        _ => {}
    }
    None
}

fn go_to(r: &mut Reader, item: ListItem) -> Option<String> {
    match item {
        ListItem::Highlight(id) => {
            let range = r.doc.notes.as_ref()?.placed_of(&id)?.range.clone();
            let Some(range) = range else {
                return Some(
                    "orphaned: its text is no longer in the article (kept, exported)".into(),
                );
            };
            r.notes_list = None;
            r.focus = Focus::Article;
            r.cursor_highlight = Some(id);
            r.reveal_offset(range.start);
            None
        }
        ListItem::EntityNote(key) => {
            let found = crate::export::find_entity(&r.doc.entities, &key)
                .and_then(|e| r.doc.entities.iter().position(|x| x.id == e.id));
            let Some(i) = found else {
                return Some(format!("{} is not in the article any more", key.name));
            };
            r.notes_list = None;
            r.select_shown(i);
            r.focus = Focus::Sidebar;
            super::navigate::jump_to_entity(r)
        }
    }
}

fn export_request(app: &mut App) {
    let Some(r) = &app.reader else {
        return;
    };
    app.message = if r.doc.notes.is_none() {
        Some(NO_NOTES.into())
    } else if !r.doc.extracted {
        Some("still finding entities: e again in a moment".into())
    } else {
        app.command = Some(Command::Export { replace: false });
        None
    };
}
