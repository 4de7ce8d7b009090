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
pub mod clipboard;
pub mod config;
pub mod correct;
pub mod doc;
pub mod editor;
pub mod feeds;
pub mod keymap;
pub mod library;
pub mod mention_map;
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
pub mod update_feeds;
pub mod update_notes;
pub mod where_else;

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
    // Reading positions and read state live in the library database; without
    // one (no data directory) the reader still works, without remembering.
    if let Ok(dir) = crate::notes::store::data_dir() {
        workers.db = crate::library::Library::open(&dir).ok();
        workers.data_dir = Some(dir);
    }
    let mut app = if target.is_dir() {
        let paths = library::list(&target).with_context(|| target.display().to_string())?;
        workers.scan(paths.clone());
        App::with_library(library::Library::new(target, paths), theme, (0, 0))
    } else {
        let (doc, notices) = Document::load(&target, &NotesStore::from_env())?;
        workers.extract(Arc::clone(&doc.article));
        workers.restore = workers.opened(&doc.article.path);
        App::with_document(doc, notices, theme, (0, 0))
    };
    app.index_dir = workers.data_dir.clone();
    configure(&mut app);
    start(app, workers)
}

/// The config file's settings, and a warning on the status line for each line
/// it could not use.
fn configure(app: &mut App) {
    let (config, warnings) = config::load();
    app.configure(config, &warnings);
}

/// Opens the feeds view: the library database's feeds and their items.
pub fn run_feeds(data_dir: PathBuf) -> anyhow::Result<Ended> {
    let theme = Theme::from_env();
    let mut workers = Workers::new();
    let db = crate::library::Library::open(&data_dir)?;
    let (feeds, items) = load_feeds(&db)?;
    workers.db = Some(db);
    workers.data_dir = Some(data_dir);
    let mut app = App::with_feeds(feeds::Feeds::new(&feeds, &items), theme, (0, 0));
    app.index_dir = workers.data_dir.clone();
    configure(&mut app);
    workers.scan_items(&app);
    start(app, workers)
}

/// The feeds and, for each, its newest items.
pub fn load_feeds(
    db: &crate::library::Library,
) -> anyhow::Result<(Vec<crate::library::Feed>, Vec<crate::library::Item>)> {
    let feeds = db.feeds()?;
    let mut items = Vec::new();
    for f in &feeds {
        items.extend(db.items(&crate::library::ItemFilter {
            feed: Some(f.id),
            unread_only: false,
            limit: Some(feeds::ITEMS_PER_FEED),
        })?);
    }
    Ok((feeds, items))
}

/// Items whose entities are counted for the feeds view at a time (each means
/// reading and extracting one article on a worker).
const ITEM_SCAN: usize = 200;

/// The terminal set up, the event loop run, the terminal restored.
fn start(mut app: App, mut workers: Workers) -> anyhow::Result<Ended> {
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
    /// The library database (reading positions, read state, feeds).
    db: Option<crate::library::Library>,
    data_dir: Option<PathBuf>,
    /// A reading position to restore once the screen size is known.
    restore: Option<usize>,
    /// The library index's worker (started when first needed).
    index: Option<Sender<IndexJob>>,
}

/// Work for the index worker: one thread owns the index's connection, so
/// questions see what was indexed before them.
enum IndexJob {
    Index(Box<where_else::ToIndex>),
    Ask(where_else::Ask),
}

impl Workers {
    fn new() -> Workers {
        let (tx, rx) = mpsc::channel();
        Workers {
            tx,
            rx,
            pending: 0,
            generation: 0,
            db: None,
            data_dir: None,
            restore: None,
            index: None,
        }
    }

    /// Sends a job to the index worker, starting it first if needed.
    fn index_job(&mut self, job: IndexJob) {
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        if self.index.is_none() {
            let (jobs, rx) = mpsc::channel::<IndexJob>();
            let tx = self.tx.clone();
            std::thread::spawn(move || {
                let mut index = crate::index::Index::open_in(&dir).map_err(|e| e.to_string());
                for job in rx {
                    let msg = match job {
                        IndexJob::Index(job) => Msg::Indexed(where_else::index(
                            index.as_mut().map_err(|e| e.clone()),
                            *job,
                        )),
                        IndexJob::Ask(ask) => Msg::Answer(Box::new(where_else::answer(
                            index.as_ref().map_err(|e| e.clone()),
                            ask,
                        ))),
                    };
                    if tx.send(Incoming::Msg(msg)).is_err() {
                        break;
                    }
                }
            });
            self.index = Some(jobs);
        }
        if let Some(jobs) = &self.index {
            if jobs.send(job).is_ok() {
                // Its answer is awaited: the loop polls sooner meanwhile.
                self.pending += 1;
            }
        }
    }

    /// An article was opened: its items are read; where the reader was in it.
    fn opened(&self, path: &str) -> Option<usize> {
        let db = self.db.as_ref()?;
        let path = std::path::Path::new(path);
        let _ = db.mark_read_by_path(path);
        db.position(path).ok().flatten()
    }

    /// Fetches and stores an item's page on a worker (with its own connection to
    /// the database, which records the article or the reason).
    fn fetch_item(&mut self, id: i64) {
        let Some(dir) = self.data_dir.clone() else {
            let _ = self.tx.send(Incoming::Msg(Msg::ItemFetched(
                id,
                Err("no data directory".into()),
            )));
            return;
        };
        self.pending += 1;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let result = match crate::library::Library::open(&dir) {
                Err(e) => Err(e.to_string()),
                Ok(lib) => {
                    let client = crate::web::Client::new();
                    match crate::library::update::fetch_item(&lib, &client, id) {
                        Ok(r) => r,
                        Err(e) => Err(e.to_string()),
                    }
                }
            };
            if let Ok(path) = &result {
                let _ = crate::index::index_file(path);
            }
            let _ = tx.send(Incoming::Msg(Msg::ItemFetched(id, result)));
        });
    }

    /// Reads the stored articles of the feeds view's items that have no entity
    /// counts yet (newest first, at most [`ITEM_SCAN`]), on a worker.
    fn scan_items(&mut self, app: &App) {
        let Some(view) = &app.feeds else {
            return;
        };
        let todo: Vec<(i64, PathBuf)> = view
            .items()
            .filter(|i| i.counts.is_none())
            .filter_map(|i| Some((i.id, i.article.clone()?)))
            .take(ITEM_SCAN)
            .collect();
        self.pending += todo.len();
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            for (id, path) in todo {
                if tx
                    .send(Incoming::Msg(Msg::ItemInfo(id, library::info(&path))))
                    .is_err()
                {
                    break;
                }
            }
        });
    }

    /// Updates every feed on a worker, reporting progress.
    fn update_feeds(&mut self) {
        let Some(dir) = self.data_dir.clone() else {
            let _ = self.tx.send(Incoming::Msg(Msg::FeedsUpdated(Err(
                "no data directory".into()
            ))));
            return;
        };
        self.pending += 1;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let result = (|| -> Result<String, String> {
                let mut lib = crate::library::Library::open(&dir).map_err(|e| e.to_string())?;
                let feeds = lib.feeds().map_err(|e| e.to_string())?;
                let progress = |p: &crate::library::Progress| {
                    let _ = tx.send(Incoming::Msg(Msg::FeedsProgress(p.done, p.total)));
                };
                let s =
                    crate::library::update(&mut lib, &crate::web::Client::new(), &feeds, &progress)
                        .map_err(|e| e.to_string())?;
                for path in &s.articles {
                    let _ = crate::index::index_file(path);
                }
                let errors = s.failed.len() + s.page_errors;
                let n =
                    |k: usize, word: &str| format!("{k} {word}{}", if k == 1 { "" } else { "s" });
                let mut line = format!(
                    "{}, {}, {} stored, {}",
                    n(s.feeds, "feed"),
                    n(s.new_items, "new item"),
                    n(s.stored, "article"),
                    n(errors, "error")
                );
                if let Some((url, reason)) = s.failed.first() {
                    line.push_str(&format!(" ({url}: {reason})"));
                }
                Ok(line)
            })();
            let _ = tx.send(Incoming::Msg(Msg::FeedsUpdated(result)));
        });
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
                    if matches!(
                        msg,
                        Msg::Info(..)
                            | Msg::ItemInfo(..)
                            | Msg::ItemFetched(..)
                            | Msg::FeedsUpdated(..)
                            | Msg::Indexed(..)
                            | Msg::Answer(..)
                    ) {
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
    if let Some(offset) = workers.restore.take() {
        effects.extend(update(app, Msg::Restore(offset)));
    }
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
        let msgs = match effect {
            Effect::Save { job, article } => {
                workers.save(job, article);
                continue;
            }
            Effect::Quit => {
                finish(app, workers);
                continue;
            }
            Effect::Export { replace } => vec![Msg::Exported(export_notes(app, replace))],
            Effect::Open(path) | Effect::OpenItem { path, .. } => {
                app.message = Some(format!(
                    "opening {}…",
                    ui::fit(&path.display().to_string(), 60)
                ));
                terminal.draw(|frame| ui::render(app, frame))?;
                let opened = Document::load(&path, &NotesStore::from_env());
                let mut msgs = Vec::new();
                if let Ok((doc, _)) = &opened {
                    workers.extract(Arc::clone(&doc.article));
                    let restore = workers.opened(&doc.article.path);
                    msgs.extend(read_state(workers.db.as_ref(), &doc.article.path));
                    msgs.push(Msg::Opened(Box::new(opened.map_err(|e| e.to_string()))));
                    msgs.extend(restore.map(Msg::Restore));
                } else {
                    msgs.push(Msg::Opened(Box::new(opened.map_err(|e| e.to_string()))));
                }
                msgs
            }
            Effect::FetchItem { id, .. } => {
                workers.fetch_item(id);
                continue;
            }
            Effect::Copy(text) => {
                // Both routes: OSC 52 reaches remote terminals, the desktop's
                // program reaches terminals that drop OSC 52.
                let desktop =
                    clipboard::desktop_command(|k| std::env::var(k).ok(), clipboard::on_path)
                        .map(|(prog, args)| clipboard::pipe_to(prog, args, &text).map(|()| prog));
                let osc = clipboard::write_osc52(&mut io::stdout(), &text);
                let said = app.message.clone().unwrap_or_default();
                match (osc, desktop) {
                    (Ok(()), None) => continue,
                    (_, Some(Ok(prog))) => vec![Msg::Note(format!("{said}, also by {prog}"))],
                    (Ok(()), Some(Err(e))) => {
                        vec![Msg::Note(format!(
                            "{said}; the desktop's clipboard failed: {e}"
                        ))]
                    }
                    (Err(e), _) => vec![Msg::Note(format!("cannot copy: {e}"))],
                }
            }
            Effect::UpdateFeeds => {
                workers.update_feeds();
                continue;
            }
            Effect::Index(record) => {
                workers.index_job(IndexJob::Index(record));
                continue;
            }
            Effect::AskIndex(ask) => {
                workers.index_job(IndexJob::Ask(ask));
                continue;
            }
            other => {
                let reload = matches!(other, Effect::ReloadFeeds);
                let msgs = feeds_effect(workers.db.as_ref(), other);
                for msg in msgs {
                    effects.extend(update(app, msg));
                }
                if reload {
                    workers.scan_items(app);
                }
                continue;
            }
        };
        for msg in msgs {
            effects.extend(update(app, msg));
        }
    }
    Ok(())
}

/// The items whose article is `path`, now read (opening it read them).
fn read_state(db: Option<&crate::library::Library>, path: &str) -> Vec<Msg> {
    let Some(db) = db else {
        return Vec::new();
    };
    db.items_of_article(std::path::Path::new(path))
        .unwrap_or_default()
        .into_iter()
        .map(|id| Msg::ReadState(id, true))
        .collect()
}

/// The feeds view's quick database work, done on this thread (each is one small
/// query), and opening the browser.
fn feeds_effect(db: Option<&crate::library::Library>, effect: Effect) -> Vec<Msg> {
    let no_db = || vec![Msg::Note("no library database".into())];
    match effect {
        Effect::ToggleRead(id) => match db.map(|db| db.toggle_read(id)) {
            Some(Ok(read)) => vec![Msg::ReadState(id, read)],
            Some(Err(e)) => vec![Msg::Note(e.to_string())],
            None => no_db(),
        },
        Effect::Browse(url) => match crate::browser::open(&url) {
            Ok(()) => vec![Msg::Note(format!("opened {url} in the browser"))],
            Err(e) => vec![Msg::Note(e)],
        },
        Effect::ReloadFeeds => match db.map(load_feeds) {
            Some(Ok((feeds, items))) => vec![Msg::FeedsLoaded(feeds, items)],
            Some(Err(e)) => vec![Msg::Note(e.to_string())],
            None => no_db(),
        },
        Effect::SavePosition { path, offset } => {
            if let Some(db) = db {
                let _ = db.set_position(&path, offset);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The end: the save under way finishes, what is still unsaved is written (a
/// failure is kept in mind but cannot be shown any more), and the loop stops.
fn finish(app: &mut App, workers: &mut Workers) {
    if let (Some(db), Some(r)) = (workers.db.as_ref(), app.reader.as_ref()) {
        let _ = db.set_position(std::path::Path::new(&r.doc.article.path), r.top_offset());
    }
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
    run_effects_with(app, effects, None);
}

/// [`run_effects_now`] with a library database for the feeds view's effects
/// (reading positions, read state, reloads); fetching runs on this thread too.
pub fn run_effects_with(app: &mut App, effects: Vec<Effect>, db: Option<&crate::library::Library>) {
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
            Effect::Open(path) | Effect::OpenItem { path, .. } => {
                match Document::load(&path, &NotesStore::from_env()) {
                    Ok((doc, notices)) => {
                        let entities = extract(&doc.article);
                        let p = std::path::Path::new(&doc.article.path).to_path_buf();
                        if let Some(db) = db {
                            let _ = db.mark_read_by_path(&p);
                        }
                        let mut msgs = read_state(db, &doc.article.path);
                        let restore = db.and_then(|db| db.position(&p).ok().flatten());
                        msgs.push(Msg::Opened(Box::new(Ok((doc, notices)))));
                        msgs.push(Msg::Entities(entities));
                        msgs.extend(restore.map(Msg::Restore));
                        msgs
                    }
                    Err(e) => vec![Msg::Opened(Box::new(Err(e.to_string())))],
                }
            }
            Effect::FetchItem { id, .. } => match db {
                Some(db) => {
                    let client = crate::web::Client::new();
                    let r = crate::library::update::fetch_item(db, &client, id)
                        .unwrap_or_else(|e| Err(e.to_string()));
                    vec![Msg::ItemFetched(id, r)]
                }
                None => vec![Msg::ItemFetched(id, Err("no library database".into()))],
            },
            Effect::UpdateFeeds => vec![Msg::FeedsUpdated(Err("not in tests".into()))],
            // No terminal here: tests read the effect's text.
            Effect::Copy(_) => Vec::new(),
            Effect::Index(job) => {
                let mut index = open_index(app);
                vec![Msg::Indexed(where_else::index(
                    index.as_mut().map_err(|e| e.clone()),
                    *job,
                ))]
            }
            Effect::AskIndex(ask) => {
                let index = open_index(app);
                vec![Msg::Answer(Box::new(where_else::answer(
                    index.as_ref().map_err(|e| e.clone()),
                    ask,
                )))]
            }
            other => feeds_effect(db, other),
        };
        for msg in msgs {
            effects.extend(update(app, msg));
        }
    }
}

/// The app's library index, for effects carried out on this thread.
fn open_index(app: &App) -> Result<crate::index::Index, String> {
    let dir = app.index_dir.as_ref().ok_or("no library index")?;
    crate::index::Index::open_in(dir).map_err(|e| e.to_string())
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
