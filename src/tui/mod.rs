//! The terminal reader: the only module that knows ratatui and crossterm.
//!
//! Elm-style: every input is a [`Msg`] (keys through the [`keymap`] become
//! [`Action`]s; the mouse, resizes, pastes and the workers' results are messages
//! too), [`update`] changes the [`App`] and returns [`Effect`]s, [`ui::render`]
//! draws it. The event loop here is the only place that does I/O: it carries out
//! the effects (saving on a worker thread, exporting, opening an article) and
//! feeds their results back through `update`.

pub mod action;
pub mod annotate;
pub mod app;
pub mod correct;
pub mod doc;
pub mod editor;
pub mod keymap;
pub mod library;
pub mod msg;
pub mod navigate;
pub mod overlay;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod theme;
pub mod ui;
pub mod update;
pub mod update_corrections;
pub mod update_notes;

pub use action::Action;
pub use app::App;
pub use msg::{Effect, Msg};
pub use overlay::Overlay;
pub use theme::Theme;
pub use update::update;

use crate::export::{self, Saved, Source};
use crate::{extract, Article, Document, Entity, NotesStore};
use anyhow::Context;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the reader ended: by the user, or by a signal (its number).
pub type Ended = Option<i32>;

/// Opens the reader on an article file, or the library view on a folder.
pub fn run(target: PathBuf) -> anyhow::Result<Ended> {
    let theme = Theme::from_env();
    let mut workers = Workers::new();
    let mut app = if target.is_dir() {
        let paths = library::list(&target).with_context(|| target.display().to_string())?;
        workers.scan(paths.clone());
        App::with_library(library::Library::new(target, paths), theme, (0, 0))
    } else {
        let (doc, notices) = Document::load(&target, &NotesStore::from_env())?;
        workers.extract(Arc::clone(&doc.article));
        App::with_document(doc, notices, theme, (0, 0))
    };
    // SIGTERM, SIGHUP and SIGINT end the reader like `q` does: notes saved, terminal
    // restored (the default action would leave it in the alternate screen).
    workers.listen_for_signals()?;

    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's hook restores the terminal on panic; stop mouse reporting first.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        hook(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut workers));
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    result
}

/// What reaches the event loop from other threads.
enum Incoming {
    Msg(Msg),
    /// Entities for the article opened `generation`-th.
    Entities(u64, Vec<Entity>),
    Signal(i32),
}

/// Work done off the UI thread: extraction, the library's per-article summaries,
/// saving notes, and listening for signals.
struct Workers {
    tx: Sender<Incoming>,
    rx: Receiver<Incoming>,
    /// Messages still to come from extraction and the library scan.
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

    fn extract(&mut self, article: Arc<Article>) {
        self.generation += 1;
        self.pending += 1;
        let (tx, generation) = (self.tx.clone(), self.generation);
        std::thread::spawn(move || {
            let _ = tx.send(Incoming::Entities(generation, extract(&article)));
        });
    }

    fn scan(&mut self, paths: Vec<PathBuf>) {
        self.pending += paths.len();
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            for (i, path) in paths.iter().enumerate() {
                if tx
                    .send(Incoming::Msg(Msg::Info(i, library::info(path))))
                    .is_err()
                {
                    break;
                }
            }
        });
    }

    fn save(&mut self, job: Box<crate::notes::SaveJob>, article: Arc<Article>) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Incoming::Msg(Msg::Saved(Box::new(job.run(&article.text)))));
        });
    }

    fn listen_for_signals(&self) -> anyhow::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
            .context("cannot listen for signals")?;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            for sig in signals.forever() {
                if tx.send(Incoming::Signal(sig)).is_err() {
                    break;
                }
            }
        });
        Ok(())
    }

    /// What has arrived, as messages for `update` (stale entities dropped), and a
    /// signal if one came.
    fn arrived(&mut self) -> (Vec<Msg>, Option<i32>) {
        let mut msgs = Vec::new();
        let mut signal = None;
        while let Ok(incoming) = self.rx.try_recv() {
            match incoming {
                Incoming::Msg(msg) => {
                    if matches!(msg, Msg::Info(..)) {
                        self.pending = self.pending.saturating_sub(1);
                    }
                    msgs.push(msg);
                }
                Incoming::Entities(g, entities) => {
                    self.pending = self.pending.saturating_sub(1);
                    if g == self.generation {
                        msgs.push(Msg::Entities(entities));
                    }
                }
                Incoming::Signal(sig) => signal = Some(sig),
            }
        }
        (msgs, signal)
    }

    /// Waits (at most `limit`) for the save running on a worker, handing back
    /// what arrives meanwhile.
    fn wait_for_save(&mut self, app: &mut App, limit: Duration) {
        let start = Instant::now();
        while app.saving && start.elapsed() < limit {
            match self.rx.recv_timeout(Duration::from_millis(20)) {
                Ok(Incoming::Msg(msg @ Msg::Saved(_))) => {
                    // Only the save's own result: quitting needs no new effects.
                    let _ = update(app, msg);
                }
                Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
    }
}

/// How long one pass of the loop keeps reading input before drawing again: a
/// burst is applied whole (every pending event is read), yet the screen follows a
/// stream that never stops.
const DRAIN_BUDGET: Duration = Duration::from_millis(100);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &mut Workers,
) -> anyhow::Result<Ended> {
    let size = terminal.size()?;
    let mut effects: VecDeque<Effect> = update(app, Action::Resize(size.width, size.height)).into();
    loop {
        run_effects(terminal, app, workers, &mut effects)?;
        if app.quit {
            return Ok(None);
        }
        terminal.draw(|frame| ui::render(app, frame))?;
        let wait = if workers.pending > 0 || app.saving {
            50
        } else {
            250
        };
        if event::poll(Duration::from_millis(wait))? {
            // Every event already there, not one per pass: crossterm hands them
            // over one at a time.
            let start = Instant::now();
            loop {
                if let Some(msg) = message(event::read()?) {
                    effects.extend(update(app, msg));
                }
                if app.quit
                    || start.elapsed() > DRAIN_BUDGET
                    || !event::poll(Duration::from_millis(1))?
                {
                    break;
                }
            }
        }
        let (msgs, signal) = workers.arrived();
        for msg in msgs {
            effects.extend(update(app, msg));
        }
        if let Some(sig) = signal {
            run_effects(terminal, app, workers, &mut effects)?;
            finish(app, workers);
            return Ok(Some(sig));
        }
    }
}

/// A terminal event as a message: keys through the keymap of the mode in force.
fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
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
                _ => return None,
            };
            Some(Msg::Action(action))
        }
        Event::Resize(w, h) => Some(Msg::Action(Action::Resize(w, h))),
        _ => None,
    }
}

/// Carries out effects in order; their results go back through `update`, and the
/// effects those return are carried out too. Saves run on a worker.
fn run_effects(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    workers: &mut Workers,
    effects: &mut VecDeque<Effect>,
) -> anyhow::Result<()> {
    while let Some(effect) = effects.pop_front() {
        let msg = match effect {
            Effect::Save { job, article } => {
                workers.save(job, article);
                continue;
            }
            Effect::Quit => {
                finish(app, workers);
                continue;
            }
            Effect::Export { replace } => Msg::Exported(export_notes(app, replace)),
            Effect::Open(path) => {
                app.message = Some(format!(
                    "opening {}…",
                    ui::fit(&path.display().to_string(), 60)
                ));
                terminal.draw(|frame| ui::render(app, frame))?;
                let opened = Document::load(&path, &NotesStore::from_env());
                if let Ok((doc, _)) = &opened {
                    workers.extract(Arc::clone(&doc.article));
                }
                Msg::Opened(Box::new(opened.map_err(|e| e.to_string())))
            }
        };
        effects.extend(update(app, msg));
    }
    Ok(())
}

/// The end: the save under way finishes, what is still unsaved is written (a
/// failure is kept in mind but cannot be shown any more), and the loop stops.
fn finish(app: &mut App, workers: &mut Workers) {
    workers.wait_for_save(app, Duration::from_secs(10));
    if !app.saving {
        save_now(app);
    }
    app.quit = true;
}

/// Writes what is still unsaved, on this thread (the end of the program).
fn save_now(app: &mut App) {
    if let Some(r) = app.reader.as_mut() {
        let article = Arc::clone(&r.doc.article);
        if let Some(notes) = r.doc.notes.as_mut() {
            let _ = notes.flush(&article.text);
        }
    }
}

/// Carries out effects at once on this thread, saves included, feeding results
/// back through `update` until none is left: what the event loop does, minus the
/// terminal and the worker threads. For tests and other front ends.
pub fn run_effects_now(app: &mut App, effects: Vec<Effect>) {
    let mut effects: VecDeque<Effect> = effects.into();
    while let Some(effect) = effects.pop_front() {
        let msgs = match effect {
            Effect::Save { job, article } => vec![Msg::Saved(Box::new(job.run(&article.text)))],
            Effect::Quit => {
                save_now(app);
                app.quit = true;
                continue;
            }
            Effect::Export { replace } => vec![Msg::Exported(export_notes(app, replace))],
            Effect::Open(path) => match Document::load(&path, &NotesStore::from_env()) {
                Ok((doc, notices)) => {
                    let entities = extract(&doc.article);
                    vec![
                        Msg::Opened(Box::new(Ok((doc, notices)))),
                        Msg::Entities(entities),
                    ]
                }
                Err(e) => vec![Msg::Opened(Box::new(Err(e.to_string())))],
            },
        };
        for msg in msgs {
            effects.extend(update(app, msg));
        }
    }
}

/// `e`: the open article's notes to Markdown in the export folder.
fn export_notes(app: &App, replace: bool) -> Result<Saved, String> {
    let r = app.reader.as_ref().ok_or("no article open")?;
    let notes = r
        .doc
        .notes
        .as_ref()
        .ok_or("notes are off for this article")?;
    let src = Source {
        article: &r.doc.article,
        notes,
        entities: &r.doc.entities,
    };
    let path = export::reader_path(&app.export_dir, &r.doc.article);
    export::save_markdown(&src, &path, replace)
}
