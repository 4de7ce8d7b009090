//! The terminal reader: the only module that knows ratatui and crossterm.
//!
//! Elm-style: a terminal event becomes an [`Action`] (through the [`keymap`] for
//! keys), [`update`] changes the [`App`], [`ui::render`] draws it. File reading
//! happens here, in the event loop, before the first frame or on a worker thread.

pub mod action;
pub mod app;
pub mod doc;
pub mod keymap;
pub mod library;
pub mod reader;
pub mod search;
pub mod theme;
pub mod ui;
pub mod update;

pub use action::Action;
pub use app::{App, Command};
pub use theme::Theme;
pub use update::update;

use crate::{extract, Article};
use anyhow::{anyhow, Context};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// Opens the reader on an article file, or the library view on a folder.
pub fn run(target: PathBuf) -> anyhow::Result<()> {
    let theme = Theme::from_env();
    let mut worker = None;
    let mut app = if target.is_dir() {
        let paths = library::list(&target).with_context(|| target.display().to_string())?;
        worker = Some(spawn_worker(paths.clone()));
        App::with_library(library::Library::new(target, paths), theme, (0, 0))
    } else {
        let (article, entities) = load(&target)?;
        App::with_article(article, entities, theme, (0, 0))
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
        .and_then(|()| event_loop(&mut terminal, &mut app, worker));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Reads and analyses an article.
fn load(path: &Path) -> anyhow::Result<(Article, Vec<crate::Entity>)> {
    if !path.exists() && path.symlink_metadata().is_err() {
        return Err(anyhow!("{}: no such file or folder", path.display()));
    }
    let article = Article::load(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let entities = extract(&article);
    Ok((article, entities))
}

type LibraryInfo = (usize, Result<library::Info, String>);

/// Reads the library's articles one by one, off the UI thread.
fn spawn_worker(paths: Vec<PathBuf>) -> Receiver<LibraryInfo> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for (i, path) in paths.iter().enumerate() {
            if tx.send((i, library::info(path))).is_err() {
                break;
            }
        }
    });
    rx
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    worker: Option<Receiver<LibraryInfo>>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut worker = worker;
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        let wait = if worker.is_some() { 50 } else { 1000 };
        if event::poll(Duration::from_millis(wait))? {
            handle_event(app, event::read()?);
            // Apply whatever else is queued before drawing again (fast key repeat).
            while !app.quit && event::poll(Duration::ZERO)? {
                handle_event(app, event::read()?);
            }
        }
        if let Some(rx) = &worker {
            loop {
                match rx.try_recv() {
                    Ok((i, info)) => app.set_info(i, info),
                    Err(mpsc::TryRecvError::Empty) => break,
                    Err(mpsc::TryRecvError::Disconnected) => {
                        worker = None;
                        break;
                    }
                }
            }
        }
        if let Some(command) = app.command.take() {
            perform(terminal, app, command)?;
        }
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

/// Carries out the I/O `update` asked for.
fn perform(terminal: &mut DefaultTerminal, app: &mut App, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Open(path) => {
            app.message = Some(format!("opening {}…", path.display()));
            terminal.draw(|frame| ui::render(app, frame))?;
            match load(&path) {
                Ok((article, entities)) => {
                    app.message = None;
                    app.open(article, entities);
                }
                Err(e) => app.message = Some(e.to_string()),
            }
        }
    }
    Ok(())
}
