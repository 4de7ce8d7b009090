//! `update(&mut App, Msg) -> Vec<Effect>`: every state change, no drawing, no I/O.
//! One match on the mode in force sends each action to that mode's handler (one
//! match each); file work comes back as effects for the event loop, whose results
//! return here as messages.

use super::action::Action;
use super::app::App;
use super::keymap::Mode;
use super::msg::{Effect, Msg};
use super::navigate::{jump_to_entity, next_any, next_match, next_mention};
use super::overlay::{Help, Overlay};
use super::reader::{Focus, Input, InputTarget, Reader, Row, Search, Sort};
use super::sidebar::sidebar_window;
use super::ui::{self, Areas};
use super::update_corrections;
use super::update_notes;
use super::where_else;
use crossterm::event::KeyEventKind;
use ratatui::layout::{Position, Rect};

pub fn update(app: &mut App, msg: impl Into<Msg>) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg.into() {
        Msg::Key(key) => {
            // Presses only (not releases, where terminals report them).
            if key.kind == KeyEventKind::Press {
                let mode = app.mode();
                if let Some(n) = count_digit(app, mode, &key) {
                    app.count = Some(n);
                    app.message = Some(n.to_string());
                } else if let Some(action) = app.keymap.lookup(mode, &key) {
                    let times = app.count.take().unwrap_or(1);
                    let times = if repeats(action) { times } else { 1 };
                    for _ in 0..times {
                        act(app, action, &mut fx);
                    }
                } else {
                    app.count = None;
                }
            }
        }
        Msg::Action(action) => act(app, action, &mut fx),
        Msg::Paste(text) => paste(app, &text),
        Msg::Entities(entities) => {
            if let Some(r) = &mut app.reader {
                r.set_entities(entities);
                if let Some(n) = r.doc.unresolved_notice() {
                    app.message = Some(n.to_string());
                }
                where_else::land(app);
                where_else::index_effect(app, &mut fx);
            }
        }
        Msg::Info(index, info) => {
            if let Some(entry) = app
                .library
                .as_mut()
                .and_then(|lib| lib.entries.get_mut(index))
            {
                entry.info = Some(info);
            }
        }
        Msg::Saved(done) => {
            if !update_notes::saved(app, *done, &mut fx) {
                // Failed: tried again with the next change or key, not at once.
                sync(app);
                return fx;
            }
            // The notes changed: the index follows (their search, their tags).
            where_else::index_effect(app, &mut fx);
        }
        Msg::Exported(result) => update_notes::exported(app, result),
        Msg::Opened(opened) => match *opened {
            Ok((doc, notices)) => {
                app.message = None;
                if app.jump.as_ref().is_some_and(|j| j.landed) {
                    app.jump = None;
                }
                app.also = None;
                app.open_document(doc, notices);
                where_else::land(app);
            }
            Err(line) => {
                app.jump = None;
                app.message = Some(line)
            }
        },
        Msg::Restore(offset) => {
            // A jump lands where it was going, not where reading stopped.
            if app.jump.is_none() {
                if let Some(r) = &mut app.reader {
                    r.restore(offset);
                }
            }
        }
        msg @ (Msg::Indexed(_) | Msg::Answer(_)) => where_else::message(app, msg),
        Msg::Note(line) => app.message = Some(line),
        msg @ (Msg::FeedsLoaded(..)
        | Msg::ItemInfo(..)
        | Msg::ItemFetched(..)
        | Msg::ReadState(..)
        | Msg::FeedsProgress(..)
        | Msg::FeedsUpdated(..)) => super::update_feeds::message(app, msg, &mut fx),
    }
    update_notes::save_if_needed(app, &mut fx);
    sync(app);
    where_else::sync_also(app, &mut fx);
    fx
}

/// A digit typed as a count in the article (`5j`, `12]`): the count so far. `0`
/// only continues a count. A digit the config binds to a command is that command.
fn count_digit(app: &App, mode: Mode, key: &crossterm::event::KeyEvent) -> Option<usize> {
    use crossterm::event::{KeyCode, KeyModifiers};
    if mode != Mode::Article || !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    if app.keymap.lookup(mode, key).is_some() {
        return None;
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let d = c.to_digit(10)? as usize;
    if d == 0 && app.count.is_none() {
        return None;
    }
    // Capped: a count is for moving, not for freezing the screen.
    Some((app.count.unwrap_or(0) * 10 + d).min(MAX_COUNT))
}

const MAX_COUNT: usize = 9_999;

/// The actions a count repeats.
fn repeats(action: Action) -> bool {
    matches!(
        action,
        Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::NextMention
            | Action::PrevMention
            | Action::NextAny
            | Action::PrevAny
            | Action::NextHighlight
            | Action::PrevHighlight
    )
}

fn act(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            return;
        }
        Action::Quit => {
            update_notes::quit(app, fx);
            return;
        }
        _ => app.message = None,
    }
    let mode = app.mode();
    if action == Action::Help && mode != Mode::Help {
        app.overlay.open(|under| Overlay::Help {
            help: Help { mode, scroll: 0 },
            under,
        });
        return;
    }
    match (mode, action) {
        (Mode::Library | Mode::Feeds, Action::LibraryEntities) => {
            return where_else::open_entities(app, fx)
        }
        (Mode::Articles, _) => return where_else::articles(app, action, fx),
        (Mode::LibraryEntities | Mode::EntityFilter, _) => {
            return where_else::entities(app, action, fx)
        }
        (Mode::NoteSearch, _) => return where_else::note_search(app, action, fx),
        (Mode::Notes, Action::StartSearch) => return where_else::open_note_search(app),
        (Mode::Article | Mode::Sidebar, Action::WhereElse) => {
            app.message = where_else::where_else(app);
            return;
        }
        (Mode::Article | Mode::Sidebar, Action::ToLibrary) if where_else::go_back(app, fx) => {
            return
        }
        // Esc leaves the article the way it came, as Backspace does: after a
        // jump that is the article jumped from, not the library.
        (Mode::Article, Action::Back)
            if app.reader.as_ref().is_some_and(|r| r.search.is_none())
                && where_else::go_back(app, fx) =>
        {
            return
        }
        _ => {}
    }
    if mode == Mode::Library {
        return library(app, action, fx);
    }
    if mode == Mode::Feeds {
        let a = areas(app);
        return super::update_feeds::feeds(app, action, &a, fx);
    }
    if mode == Mode::Help {
        return help(app, action);
    }
    if mode == Mode::Confirm {
        return update_notes::confirm(app, action, fx);
    }
    let editor_width = update_notes::editor_width(app);
    let a = areas(app);
    let Some(r) = app.reader.as_mut() else {
        return;
    };
    let o = &mut app.overlay;
    let message = match mode {
        Mode::Kind => update_corrections::kind(r, o, action),
        Mode::Rename => update_corrections::rename_line(r, o, action),
        Mode::Search | Mode::Filter => input(r, o, action),
        Mode::Select => update_notes::select(r, o, action),
        Mode::Editor => update_notes::edit(r, o, action, editor_width),
        Mode::Notes => update_notes::list(r, o, action),
        Mode::Article | Mode::Sidebar => return reader(app, mode, action, &a, fx),
        Mode::Library
        | Mode::Feeds
        | Mode::Help
        | Mode::Confirm
        | Mode::Articles
        | Mode::LibraryEntities
        | Mode::EntityFilter
        | Mode::NoteSearch => None,
    };
    if message.is_some() {
        app.message = message;
    }
}

/// Text pasted in one piece goes into the note or the line being typed, never
/// taken for keys.
fn paste(app: &mut App, text: &str) {
    let Some(r) = app.reader.as_mut() else {
        return;
    };
    match &mut app.overlay {
        Overlay::Editor { editor, .. } => {
            for c in text.chars().filter(|&c| c != '\r') {
                editor.editor.insert(c);
            }
        }
        Overlay::Input(input) => {
            input
                .text
                .extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }));
            let message = input_changed(r, &app.overlay);
            if message.is_some() {
                app.message = message;
            }
        }
        _ => {}
    }
}

fn areas(app: &App) -> Areas {
    ui::areas_of(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// Brings the derived view state in line with the size and the selection.
fn sync(app: &mut App) {
    let a = areas(app);
    if let Some(r) = &mut app.reader {
        let (w, h) = (a.text.width as usize, a.text.height as usize);
        // The current highlight's note, in full, under the text (a separator
        // line, then the note).
        let pane = r.note_pane(w, h).len();
        r.note_rows = if pane > 0 { pane + 1 } else { 0 };
        r.set_view(w, h - r.note_rows);
        let rows = r.sidebar_rows();
        r.sidebar_offset = sidebar_window(
            &rows,
            r.selected_row(),
            r.sidebar_offset,
            a.list.height as usize,
        );
    } else if let Some(lib) = &mut app.library {
        let h = a.library_list.height as usize;
        lib.selected = lib.selected.min(lib.entries.len().saturating_sub(1));
        if lib.selected < lib.offset {
            lib.offset = lib.selected;
        } else if h > 0 && lib.selected >= lib.offset + h {
            lib.offset = lib.selected + 1 - h;
        }
    }
}

fn help(app: &mut App, action: Action) {
    let size = Rect::new(0, 0, app.size.0, app.size.1);
    let Overlay::Help { help: h, .. } = &mut app.overlay else {
        return;
    };
    let page = ui::help::page(&app.keymap, h.mode, size);
    let lines = ui::help::line_count(&app.keymap, h.mode);
    let Overlay::Help { help: h, .. } = &mut app.overlay else {
        return;
    };
    match action {
        Action::Back | Action::Help => {
            app.overlay.close();
            return;
        }
        Action::ScrollDown => h.scroll += 1,
        Action::ScrollUp => h.scroll = h.scroll.saturating_sub(1),
        Action::PageDown => h.scroll += page.max(2) - 1,
        Action::PageUp => h.scroll = h.scroll.saturating_sub(page.max(2) - 1),
        Action::Wheel { down, .. } => {
            h.scroll = if down {
                h.scroll + 3
            } else {
                h.scroll.saturating_sub(3)
            }
        }
        _ => {}
    }
    h.scroll = h.scroll.min(lines.saturating_sub(page));
}

fn library(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let a = areas(app);
    let Some(lib) = &mut app.library else {
        return;
    };
    let last = lib.entries.len().saturating_sub(1);
    match action {
        Action::SelectNext => lib.selected = (lib.selected + 1).min(last),
        Action::SelectPrev => lib.selected = lib.selected.saturating_sub(1),
        Action::SelectFirst => lib.selected = 0,
        Action::SelectLast => lib.selected = last,
        Action::Open => match lib.entries.get(lib.selected) {
            Some(entry) => fx.push(Effect::Open(entry.path.clone())),
            None => app.message = Some("no article to open".into()),
        },
        Action::Click { col, row } if a.library_list.contains(Position::new(col, row)) => {
            let i = lib.offset + usize::from(row - a.library_list.y);
            if i < lib.entries.len() {
                lib.selected = i;
            }
        }
        Action::Wheel { down, .. } => {
            lib.selected = if down {
                (lib.selected + 1).min(last)
            } else {
                lib.selected.saturating_sub(1)
            }
        }
        _ => {}
    }
}

/// The article's and the sidebar's keys, notes and corrections included.
fn reader(app: &mut App, mode: Mode, action: Action, a: &Areas, fx: &mut Vec<Effect>) {
    let Some(r) = app.reader.as_mut() else {
        return;
    };
    let leaves = mode == Mode::Article && r.search.is_none();
    if action == Action::ToLibrary || (action == Action::Back && leaves) {
        let unsaved = r.doc.notes.as_ref().is_some_and(|n| n.has_pending()) || app.saving;
        if r.from_library && unsaved {
            app.message = Some("notes are not saved yet: q quits (and asks)".into());
        } else if r.from_library {
            fx.push(Effect::SavePosition {
                path: std::path::PathBuf::from(&r.doc.article.path),
                offset: r.top_offset(),
            });
            app.reader = None;
            app.overlay = Overlay::None;
        } else if action == Action::ToLibrary {
            app.message = Some("no library: this article was opened on its own".into());
        } else {
            app.message = Some("q quits".into());
        }
        return;
    }
    let o = &mut app.overlay;
    let sidebar = mode == Mode::Sidebar;
    let message = match action {
        Action::ScrollDown => scroll(r, 1),
        Action::ScrollUp => scroll(r, -1),
        Action::PageDown => scroll(r, r.page()),
        Action::PageUp => scroll(r, -r.page()),
        Action::HalfPageDown => scroll(r, (r.view.1 as isize / 2).max(1)),
        Action::HalfPageUp => scroll(r, -(r.view.1 as isize / 2).max(1)),
        Action::NextHighlight | Action::PrevHighlight => {
            r.next_highlight(action == Action::NextHighlight)
        }
        Action::Top => {
            r.go_top();
            None
        }
        Action::Bottom => {
            r.go_bottom();
            None
        }
        Action::ToggleFocus => {
            r.focus = match r.focus {
                Focus::Article => Focus::Sidebar,
                Focus::Sidebar => Focus::Article,
            };
            None
        }
        Action::SelectNext | Action::SelectPrev | Action::SelectFirst | Action::SelectLast => {
            move_selection(r, action);
            None
        }
        Action::JumpToEntity => jump_to_entity(r),
        Action::ShowKind(kind) => {
            r.kind_filter = kind;
            r.sidebar_offset = 0;
            r.fix_selection();
            None
        }
        Action::StartFilter => {
            *o = Overlay::Input(Input {
                target: InputTarget::Filter,
                text: r.name_filter.clone(),
            });
            None
        }
        Action::ToggleSort => {
            r.sort = match r.sort {
                Sort::FirstAppearance => Sort::MostMentioned,
                Sort::MostMentioned => Sort::FirstAppearance,
            };
            None
        }
        Action::StartSearch => {
            r.search = Some(Search {
                query: String::new(),
                current: None,
                origin: r.top,
            });
            *o = Overlay::Input(Input {
                target: InputTarget::Search,
                text: String::new(),
            });
            None
        }
        Action::NextMention | Action::PrevMention => {
            let forward = action == Action::NextMention;
            if r.search.is_some() {
                next_match(r, forward)
            } else {
                next_mention(r, forward)
            }
        }
        Action::NextAny | Action::PrevAny => next_any(r, action == Action::NextAny),
        Action::ToggleFocusMode => {
            r.focus_mode = !r.focus_mode;
            match (r.focus_mode, r.selected) {
                (true, Some(e)) => {
                    Some(format!("focus mode: following {}", r.doc.entities[e].name))
                }
                (true, None) => Some("focus mode: select an entity to follow".into()),
                (false, _) => Some("focus mode off".into()),
            }
        }
        Action::Copy => match r.copy() {
            Some(c) => {
                let chars = c.text.chars().count();
                let cut = if c.cut { ", cut to 64 KiB" } else { "" };
                fx.push(Effect::Copy(c.text));
                Some(format!(
                    "copied {} and its source ({chars} characters{cut}) by OSC 52",
                    c.what
                ))
            }
            None => Some("nothing to copy".into()),
        },
        Action::ToggleLabels => {
            let on = !r.layout.labels();
            r.layout.set_labels(on);
            r.clamp_top();
            Some(
                if on {
                    "kind labels on"
                } else {
                    "kind labels off"
                }
                .into(),
            )
        }
        Action::Back if sidebar => back_in_sidebar(r),
        Action::Back => {
            r.search = None;
            Some("search ended".into())
        }
        Action::Click { col, row } => {
            click(r, a, col, row);
            None
        }
        Action::Wheel { col, row, down } => {
            if a.sidebar.contains(Position::new(col, row)) {
                move_selection(
                    r,
                    if down {
                        Action::SelectNext
                    } else {
                        Action::SelectPrev
                    },
                );
                None
            } else {
                scroll(r, if down { 3 } else { -3 })
            }
        }
        // Highlights and notes.
        Action::Export => update_notes::export_request(r, fx),
        Action::StartSelection => update_notes::start_selection(r, o),
        Action::QuickHighlight => update_notes::quick_highlight(r),
        Action::EditNote if sidebar => update_notes::edit_entity_note(r, o),
        Action::EditNote => update_notes::edit_highlight_note(r, o),
        Action::Delete if sidebar => update_notes::ask_delete_entity_note(r, o),
        Action::Delete => update_notes::ask_delete_highlight(r, o),
        Action::Undo => update_notes::undo(r),
        Action::NotesList => update_notes::open_list(r, o),
        // Corrections.
        Action::Relabel if sidebar => update_corrections::relabel(r, o),
        Action::Mark if sidebar => update_corrections::mark(r),
        Action::Rename if sidebar => update_corrections::start_rename(r, o),
        Action::Hide if sidebar => update_corrections::hide(r),
        Action::ToggleHidden if sidebar => update_corrections::toggle_hidden(r),
        Action::Split if !sidebar => update_corrections::split(r),
        _ => None,
    };
    if message.is_some() {
        app.message = message;
    }
}

fn scroll(r: &mut Reader, delta: isize) -> Option<String> {
    r.scroll(delta);
    None
}

/// Esc in the sidebar: clears the mark, else the filters, else goes back to the
/// article.
fn back_in_sidebar(r: &mut Reader) -> Option<String> {
    if r.marked.take().is_some() {
        return Some("mark cleared".into());
    }
    if r.kind_filter.is_some() || !r.name_filter.is_empty() {
        r.kind_filter = None;
        r.name_filter.clear();
        r.fix_selection();
    } else {
        r.focus = Focus::Article;
    }
    None
}

/// The search and filter lines' keys.
fn input(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    let Overlay::Input(line) = o else {
        return None;
    };
    match action {
        Action::Input(c) => {
            line.text.push(c);
            input_changed(r, o)
        }
        Action::DeleteChar => {
            line.text.pop();
            input_changed(r, o)
        }
        Action::Accept => {
            let line = line.clone();
            o.close();
            accept(r, line)
        }
        Action::Back => {
            let target = line.target;
            o.close();
            match target {
                InputTarget::Search => {
                    if let Some(search) = r.search.take() {
                        r.top = search.origin;
                        r.clamp_top();
                    }
                }
                InputTarget::Filter => {
                    r.name_filter.clear();
                    r.fix_selection();
                }
                InputTarget::Rename(..) => {}
            }
            None
        }
        _ => None,
    }
}

fn accept(r: &mut Reader, input: Input) -> Option<String> {
    match input.target {
        InputTarget::Search => {
            if input.text.is_empty() {
                r.search = None;
                return None;
            }
            let found = r.search.as_ref().is_some_and(|s| s.current.is_some());
            if found {
                None
            } else {
                Some(format!("no match for “{}”", input.text))
            }
        }
        InputTarget::Filter => {
            r.name_filter = input.text;
            r.fix_selection();
            None
        }
        InputTarget::Rename(..) => None,
    }
}

/// The search or the filter follows what is typed.
fn input_changed(r: &mut Reader, o: &Overlay) -> Option<String> {
    let input = o.input()?.clone();
    match input.target {
        InputTarget::Filter => {
            r.name_filter = input.text;
            r.sidebar_offset = 0;
            r.fix_selection();
            None
        }
        InputTarget::Rename(..) => None,
        InputTarget::Search => {
            let origin = r.search.as_ref().map_or(r.top, |s| s.origin);
            if let Some(s) = &mut r.search {
                s.query = input.text.clone();
                s.current = None;
            }
            r.top = origin;
            r.clamp_top();
            if input.text.is_empty() {
                return None;
            }
            let (block, offset) = r.search_start(origin);
            match r.find_forward(block, offset, &input.text) {
                Some(found) => {
                    r.go_to_match(found);
                    None
                }
                None => Some("no match".into()),
            }
        }
    }
}

/// Moves the sidebar's selection among its entity rows (hidden ones included when
/// their section is open).
fn move_selection(r: &mut Reader, action: Action) {
    let visible: Vec<Row> = r
        .sidebar_rows()
        .into_iter()
        .filter(|row| matches!(row, Row::Entity(_) | Row::Hidden(_)))
        .collect();
    if visible.is_empty() {
        return;
    }
    let last = visible.len() - 1;
    let here = r.selected_row();
    let at = here.and_then(|s| visible.iter().position(|&v| v == s));
    let next = match (action, at) {
        (Action::SelectFirst, _) | (_, None) => 0,
        (Action::SelectLast, _) => last,
        (Action::SelectNext, Some(i)) => (i + 1).min(last),
        (Action::SelectPrev, Some(i)) => i.saturating_sub(1),
        (_, Some(i)) => i,
    };
    r.select_row(visible[next]);
}

fn click(r: &mut Reader, a: &Areas, col: u16, row: u16) {
    let at = Position::new(col, row);
    if a.map.contains(at) && usize::from(row - a.map.y) < r.view.1 {
        r.map_click(
            usize::from(row - a.map.y),
            usize::from(a.map.height).min(r.view.1),
        );
    } else if a.kind_bar.contains(at) {
        // A kind in the kind bar: that kind alone, or every kind again.
        r.focus = Focus::Sidebar;
        if let Some(kind) = ui::sidebar::kind_bar_hit(r, a.kind_bar, col, row) {
            r.kind_filter = (r.kind_filter != Some(kind)).then_some(kind);
            r.sidebar_offset = 0;
            r.fix_selection();
        }
    } else if a.list.contains(at) {
        r.focus = Focus::Sidebar;
        let rows = r.sidebar_rows();
        let shown = super::sidebar::rows_in_view(rows.len(), usize::from(a.list.height));
        if usize::from(row - a.list.y) >= shown {
            return;
        }
        let i = r.sidebar_offset + usize::from(row - a.list.y);
        match rows.get(i) {
            Some(Row::HiddenHeader { .. }) => {
                r.hidden_open = !r.hidden_open;
                if !r.hidden_open {
                    r.hidden_selected = None;
                    r.fix_selection();
                }
            }
            Some(&row) => r.select_row(row),
            None => {}
        }
    } else if a.article.contains(at) {
        r.focus = Focus::Article;
        if !a.text.contains(at) {
            return;
        }
        let Some(mut pos) = r.top_pos() else {
            return;
        };
        for _ in 0..row - a.text.y {
            match r.next_line(pos) {
                Some(p) => pos = p,
                None => return,
            }
        }
        let col = usize::from(col - a.text.x);
        if let Some(m) = r.mention_at(pos, col) {
            r.select_shown(r.mentions[m].entity);
            r.current = Some(m);
        }
        click_highlight(r, pos, col);
    }
}

/// A click on a highlight makes it the one under the cursor.
fn click_highlight(r: &mut Reader, pos: super::reader::LinePos, col: usize) {
    let Some(line) = r.line_range(pos) else {
        return;
    };
    let bl = r.block(pos.block);
    let Some(d) = bl.offset_at_column(line, col) else {
        return;
    };
    let at = bl.display.to_file(d);
    let hit = r.doc.notes.as_ref().and_then(|n| {
        n.placed()
            .iter()
            .find(|p| p.range.as_ref().is_some_and(|x| x.contains(&at)))
            .map(|p| p.id.clone())
    });
    if hit.is_some() {
        r.cursor_highlight = hit;
    }
}
