//! The terminal reader: the only module that knows ratatui and crossterm.
//!
//! Elm-style: a terminal event becomes an [`Action`] (through the [`keymap`] for
//! keys), [`update`] changes the [`App`], [`ui::render`] draws it. File reading
//! happens here, in the event loop, before the first frame or on a worker thread.

pub mod action;
pub mod annotate;
pub mod app;
pub mod correct;
pub mod doc;
pub mod editor;
pub mod keymap;
pub mod library;
pub mod navigate;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod theme;
pub mod ui;
pub mod update;
pub mod update_corrections;
pub mod update_notes;

pub use action::Action;
pub use app::{App, Command};
pub use theme::Theme;
pub use update::update;

use crate::export::{self, Saved, Source};
use crate::{extract, Article, Entity};
use crate::{Document, NotesStore};
use annotate::Confirm;
use anyhow::Context;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// Opens the reader on an article file, or the library view on a folder.
pub fn run(target: PathBuf) -> anyhow::Result<()> {
    let theme = Theme::from_env();
    let mut workers = Workers::new();
    let mut app = if target.is_dir() {
        let paths = library::list(&target).with_context(|| target.display().to_string())?;
        workers.scan(paths.clone());
        App::with_library(library::Library::new(target, paths), theme, (0, 0))
    } else {
        let (doc, notices) = Document::load(&target, &NotesStore::from_env())?;
        workers.extract(std::sync::Arc::clone(&doc.article));
        App::with_document(doc, notices, theme, (0, 0))
    };

    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's hook restores the terminal on panic; stop mouse reporting first.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut workers));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// What the worker threads report.
enum Msg {
    Info(usize, Result<library::Info, String>),
    /// Entities for the article opened `generation`-th.
    Entities(u64, Vec<Entity>),
}

/// Work done off the UI thread so the screen comes up at once: extraction and the
/// library's per-article summaries.
struct Workers {
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    /// Messages still to come.
    pending: usize,
    generation: u64,
}

impl Workers {
    fn new() -> Workers {
        let (tx, rx) = mpsc::channel();
        Workers {
            tx,
            rx,
            pending: 0,
            generation: 0,
        }
    }

    fn extract(&mut self, article: std::sync::Arc<Article>) {
        self.generation += 1;
        self.pending += 1;
        let (tx, generation) = (self.tx.clone(), self.generation);
        std::thread::spawn(move || {
            let _ = tx.send(Msg::Entities(generation, extract(&article)));
        });
    }

    fn scan(&mut self, paths: Vec<PathBuf>) {
        self.pending += paths.len();
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            for (i, path) in paths.iter().enumerate() {
                if tx.send(Msg::Info(i, library::info(path))).is_err() {
                    break;
                }
            }
        });
    }

    /// Hands what has arrived to the app.
    fn deliver(&mut self, app: &mut App) {
        while let Ok(msg) = self.rx.try_recv() {
            self.pending = self.pending.saturating_sub(1);
            match msg {
                Msg::Info(i, info) => app.set_info(i, info),
                Msg::Entities(g, entities) if g == self.generation => app.set_entities(entities),
                Msg::Entities(..) => {}
            }
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &mut Workers,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        let wait = if workers.pending > 0 { 50 } else { 1000 };
        if event::poll(Duration::from_millis(wait))? {
            handle_event(app, event::read()?);
            // Apply whatever else is queued before drawing again (fast key repeat).
            while !app.quit && event::poll(Duration::ZERO)? {
                handle_event(app, event::read()?);
            }
        }
        workers.deliver(app);
        if let Some(Command::Open(path)) = app.command.clone() {
            app.command = None;
            open(terminal, app, workers, path)?;
        }
        io(app);
    }
}

fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) => app.key(key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => {
            let action = match kind {
                MouseEventKind::ScrollDown => Action::Wheel {
                    col: column,
                    row,
                    down: true,
                },
                MouseEventKind::ScrollUp => Action::Wheel {
                    col: column,
                    row,
                    down: false,
                },
                MouseEventKind::Down(MouseButton::Left) => Action::Click { col: column, row },
                _ => return,
            };
            update(app, action);
        }
        Event::Resize(w, h) => update(app, Action::Resize(w, h)),
        _ => {}
    }
}

/// Opens an article chosen in the library.
fn open(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &mut Workers,
    path: PathBuf,
) -> anyhow::Result<()> {
    app.message = Some(format!("opening {}…", path.display()));
    terminal.draw(|frame| ui::render(app, frame))?;
    match Document::load(&path, &NotesStore::from_env()) {
        Ok((doc, notices)) => {
            app.message = None;
            workers.extract(std::sync::Arc::clone(&doc.article));
            app.open_document(doc, notices);
        }
        Err(e) => app.message = Some(e.to_string()),
    }
    Ok(())
}

/// Carries out the file work `update` asked for, right after it: writes the notes
/// changed by the last keys (every change is saved at once) and exports. A failed
/// write is reported in the status line and kept in memory to be written with the
/// next change; quitting with notes unsaved asks first.
pub fn io(app: &mut App) {
    if let Some(Command::Export { replace }) = app.command.clone() {
        app.command = None;
        export_notes(app, replace);
    }
    let Some(r) = &mut app.reader else {
        return;
    };
    let Some(notes) = &mut r.doc.notes else {
        return;
    };
    if !notes.has_pending() {
        return;
    }
    match notes.flush(&r.doc.article.text) {
        Ok(messages) => {
            if !messages.is_empty() {
                app.message = Some(messages.join("; "));
            }
        }
        Err(e) => {
            app.message = Some(format!("notes not saved: {e}"));
            if app.quit && !app.quit_confirmed {
                app.quit = false;
                r.confirm = Some(Confirm::QuitUnsaved(e.to_string()));
            }
        }
    }
}

fn export_notes(app: &mut App, replace: bool) {
    let Some(r) = &mut app.reader else {
        return;
    };
    let Some(notes) = &r.doc.notes else {
        return;
    };
    let src = Source {
        article: &r.doc.article,
        notes,
        entities: &r.doc.entities,
    };
    let path = export::reader_path(&app.export_dir, &r.doc.article);
    app.message = match export::save_markdown(&src, &path, replace) {
        Ok(Saved::Written(p)) => Some(format!("notes exported to {}", p.display())),
        Ok(Saved::Exists(p)) => {
            r.confirm = Some(Confirm::ReplaceExport(p));
            None
        }
        Err(e) => Some(format!("export failed: {e}")),
    };
}
