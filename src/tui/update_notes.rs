//! `update` for highlights and notes: selecting sentences, saving highlights,
//! the note editor, questions, the `'` list, undo, the export request, saving and
//! quitting. Changes go to the in-memory [`Notes`](crate::notes::Notes); after
//! every message [`save_if_needed`] returns a save for the event loop to run on a
//! worker, one at a time, and its result comes back as `Msg::Saved`.

use super::action::Action;
use super::annotate::{Confirm, ListItem, NoteEditor, NoteTarget, NotesList, Selection};
use super::app::App;
use super::editor::Editor;
use super::msg::Effect;
use super::overlay::Overlay;
use super::reader::{Focus, Reader};
use super::ui;
use crate::export::Saved;
use crate::notes::{Color, Restored, SaveDone};
use ratatui::layout::Rect;
use std::ops::Range;

const NO_NOTES: &str = "notes are off for this article";

/// The question's answer: `y` does what was asked, any other key closes it.
pub fn confirm(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(confirm) = app.overlay.confirm().cloned() else {
        return;
    };
    app.overlay.close();
    if action != Action::Yes {
        return;
    }
    match confirm {
        Confirm::QuitDiscardingNote | Confirm::QuitUnsaved(_) => {
            app.quit_confirmed = true;
            fx.push(Effect::Quit);
        }
        Confirm::ReplaceExport(_) => fx.push(Effect::Export { replace: true }),
        Confirm::DiscardNote => {
            // The editor the question was asked over.
            if let Overlay::Editor { .. } = app.overlay {
                app.overlay.close();
            }
        }
        other => {
            let Some(r) = &mut app.reader else {
                return;
            };
            let message = confirmed(r, other);
            if message.is_some() {
                app.message = message;
            }
        }
    }
}

/// Ctrl+C or `q`: asks first when a note is being written; else quits once the
/// notes are saved (at once when nothing waits to be written).
pub fn quit(app: &mut App, fx: &mut Vec<Effect>) {
    let writing = app.overlay.editor().is_some_and(NoteEditor::changed);
    let asked = matches!(app.overlay.confirm(), Some(Confirm::QuitDiscardingNote));
    if writing && !asked {
        app.overlay.ask(Confirm::QuitDiscardingNote);
        return;
    }
    if asked {
        app.quit_confirmed = true;
    }
    app.quitting = true;
    let unsaved = app
        .reader
        .as_ref()
        .and_then(|r| r.doc.notes.as_ref())
        .is_some_and(|n| n.has_pending());
    if app.quit_confirmed || !(unsaved || app.saving) {
        fx.push(Effect::Quit);
    }
}

/// After every message: the notes changed since the last save are written, on a
/// worker, one save at a time (the next starts when this one is done).
pub fn save_if_needed(app: &mut App, fx: &mut Vec<Effect>) {
    if app.saving || app.quit {
        return;
    }
    let Some(r) = &mut app.reader else {
        return;
    };
    let Some(notes) = &mut r.doc.notes else {
        return;
    };
    match notes.begin_save() {
        None => {}
        Some(Ok(job)) => {
            app.saving = true;
            fx.push(Effect::Save {
                job: Box::new(job),
                article: std::sync::Arc::clone(&r.doc.article),
            });
        }
        Some(Err(e)) => save_failed(app, e.to_string(), fx),
    }
}

/// A save is done: the notes show the file as written, or the failure is shown and
/// everything stays queued (written with the next change); quitting asks. Returns
/// whether it succeeded.
pub fn saved(app: &mut App, done: SaveDone, fx: &mut Vec<Effect>) -> bool {
    app.saving = false;
    let Some(r) = &mut app.reader else {
        return true;
    };
    let Some(notes) = &mut r.doc.notes else {
        return true;
    };
    match notes.finish_save(done, &r.doc.article.text) {
        Ok(messages) => {
            if !messages.is_empty() {
                app.message = Some(messages.join("; "));
            }
            let pending = r.doc.notes.as_ref().is_some_and(|n| n.has_pending());
            if app.quitting && !pending {
                fx.push(Effect::Quit);
            }
            true
        }
        Err(e) => {
            save_failed(app, e.to_string(), fx);
            false
        }
    }
}

fn save_failed(app: &mut App, why: String, fx: &mut Vec<Effect>) {
    app.message = Some(format!("notes not saved: {why}"));
    if app.quitting {
        app.quitting = false;
        if app.quit_confirmed {
            fx.push(Effect::Quit);
        } else {
            app.overlay.ask(Confirm::QuitUnsaved(why));
        }
    }
}

/// `e`: asks the loop for the export.
pub fn export_request(r: &Reader, fx: &mut Vec<Effect>) -> Option<String> {
    if r.doc.notes.is_none() {
        Some(NO_NOTES.into())
    } else if !r.doc.extracted {
        Some("still finding entities: e again in a moment".into())
    } else {
        fx.push(Effect::Export { replace: false });
        None
    }
}

/// The export is done.
pub fn exported(app: &mut App, result: Result<Saved, String>) {
    app.message = match result {
        Ok(Saved::Written(p)) => Some(format!("notes exported to {}", p.display())),
        Ok(Saved::Exists(p)) => {
            app.overlay.ask(Confirm::ReplaceExport(p));
            None
        }
        Err(e) => Some(format!("export failed: {e}")),
    };
}

pub fn editor_width(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    usize::from(ui::editor_text_area(area).width)
}

pub fn start_selection(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    let Some(s) = r.current_sentence() else {
        return Some("no text to select".into());
    };
    *o = Overlay::Select(Selection {
        anchor: s,
        head: s,
        color: Color::default(),
        span: None,
    });
    None
}

pub fn quick_highlight(r: &mut Reader) -> Option<String> {
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

/// The selection's keys (its correction keys are in `update_corrections`).
pub fn select(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    let sel = *o.selection()?;
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
            *o = Overlay::Select(Selection {
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
            *o = Overlay::Select(Selection { color, ..sel });
            None
        }
        Action::SaveHighlight => {
            let range = r.selection_range(&sel);
            o.close();
            match range {
                Some(range) => save(r, range, sel.color),
                None => Some("nothing selected".into()),
            }
        }
        Action::Back => {
            o.close();
            None
        }
        Action::Wheel { down, .. } => {
            r.scroll(if down { 3 } else { -3 });
            None
        }
        _ => super::update_corrections::select(r, o, action),
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

fn open_highlight_editor(r: &mut Reader, o: &mut Overlay, id: String) -> Option<String> {
    let note = r.doc.notes.as_ref()?.highlight(&id)?.note.clone();
    let context = highlight_text(r, &id);
    r.cursor_highlight = Some(id.clone());
    let editor = NoteEditor {
        target: NoteTarget::Highlight(id),
        editor: Editor::new(&note),
        original: note,
        title: "Note on the highlight".into(),
        context,
    };
    o.open(|under| Overlay::Editor { editor, under });
    None
}

pub fn edit_highlight_note(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.highlight_under_cursor() {
        Some(id) => open_highlight_editor(r, o, id),
        None => Some("no highlight on screen: v selects a sentence, h saves it".into()),
    }
}

fn open_entity_editor(r: &mut Reader, o: &mut Overlay, i: usize) -> Option<String> {
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
    let editor = NoteEditor {
        title: format!("Note on {}", e.name),
        target: NoteTarget::Entity(key),
        editor: Editor::new(&note),
        original: note,
        context,
    };
    o.open(|under| Overlay::Editor { editor, under });
    None
}

pub fn edit_entity_note(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.selected {
        Some(i) => open_entity_editor(r, o, i),
        None => Some("no entity selected".into()),
    }
}

pub fn ask_delete_highlight(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    if r.doc.notes.is_none() {
        return Some(NO_NOTES.into());
    }
    match r.highlight_under_cursor() {
        Some(id) => {
            r.cursor_highlight = Some(id.clone());
            let question = delete_question(r, &id);
            o.ask(Confirm::DeleteHighlight(id, question));
            None
        }
        None => Some("no highlight on screen".into()),
    }
}

/// "delete the highlight “Vladimir Poutine a prôné…” and its note? (y/n)": the
/// start of the very highlight `y` deletes; the note only if there is one.
fn delete_question(r: &Reader, id: &str) -> String {
    let text = highlight_text(r, id);
    let quote = super::ui::fit(&text, 32);
    let noted = r
        .doc
        .notes
        .as_ref()
        .and_then(|n| n.highlight(id))
        .is_some_and(|h| !h.note.trim().is_empty());
    let note = if noted { " and its note" } else { "" };
    format!("delete the highlight “{quote}”{note}? (y/n)")
}

pub fn ask_delete_entity_note(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    let notes = r.doc.notes.as_ref()?;
    let i = r.selected?;
    let key = r.entity_key(i);
    if notes.entity_note(&key).is_none() {
        return Some(format!("no note on {}", r.doc.entities[i].name));
    }
    o.ask(Confirm::DeleteEntityNote(key));
    None
}

fn confirmed(r: &mut Reader, confirm: Confirm) -> Option<String> {
    match confirm {
        Confirm::DeleteHighlight(id, _) => {
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
        _ => None,
    }
}

pub fn undo(r: &mut Reader) -> Option<String> {
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

/// The note editor's keys.
pub fn edit(r: &mut Reader, o: &mut Overlay, action: Action, width: usize) -> Option<String> {
    let Overlay::Editor { editor: ne, .. } = o else {
        return None;
    };
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
                o.ask(Confirm::DiscardNote);
            } else {
                o.close();
            }
        }
        Action::Save => return save_note(r, o),
        _ => {}
    }
    None
}

fn save_note(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    let ne = o.editor()?.clone();
    let text = ne.editor.text.trim_end().to_string();
    let notes = r.doc.notes.as_mut()?;
    match &ne.target {
        NoteTarget::Highlight(id) => {
            if !notes.set_note(&r.doc.article.text, id, &text) {
                return Some("that highlight was deleted: copy the note elsewhere".into());
            }
        }
        NoteTarget::Entity(key) => notes.set_entity_note(&r.doc.article.text, key, &text),
    }
    o.close();
    Some(if text.is_empty() {
        "note removed".into()
    } else {
        "note saved".into()
    })
}

pub fn open_list(r: &mut Reader, o: &mut Overlay) -> Option<String> {
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
    *o = Overlay::NotesList(NotesList {
        selected: here.unwrap_or(0),
    });
    None
}

/// The `'` list's keys.
pub fn list(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    let items = r.list_items();
    let Overlay::NotesList(state) = o else {
        return None;
    };
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
        Action::Back => o.close(),
        Action::Undo => return undo(r),
        Action::Accept => return go_to(r, o, item?),
        Action::EditNote => match item? {
            ListItem::Highlight(id) => return open_highlight_editor(r, o, id),
            ListItem::EntityNote(key) => {
                let i = crate::export::find_entity(&r.doc.entities, &key)
                    .and_then(|e| r.doc.entities.iter().position(|x| x.id == e.id));
                return match i {
                    Some(i) => open_entity_editor(r, o, i),
                    None => Some(format!("{} is not in the article any more", key.name)),
                };
            }
        },
        Action::Delete => match item? {
            ListItem::Highlight(id) => {
                let question = delete_question(r, &id);
                o.ask(Confirm::DeleteHighlight(id, question))
            }
            ListItem::EntityNote(key) => o.ask(Confirm::DeleteEntityNote(key)),
        },
        _ => {}
    }
    None
}

fn go_to(r: &mut Reader, o: &mut Overlay, item: ListItem) -> Option<String> {
    match item {
        ListItem::Highlight(id) => {
            let range = r.doc.notes.as_ref()?.placed_of(&id)?.range.clone();
            let Some(range) = range else {
                return Some(
                    "orphaned: its text is no longer in the article (kept, exported)".into(),
                );
            };
            o.close();
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
            o.close();
            r.select_shown(i);
            r.focus = Focus::Sidebar;
            super::navigate::jump_to_entity(r)
        }
    }
}
