//! The application state: the open article (or the library), the one overlay,
//! the message line, and where saving and quitting stand. Changed only by
//! [`update`]; the I/O it asks for comes back from `update` as effects.

use super::action::Action;
use super::config::Config;
use super::keymap::{Keymap, Mode};
use super::library::{Info, Library};
use super::msg::{Effect, Msg};
pub use super::overlay::{Help, Overlay};
use super::reader::{Focus, Reader, Sort};
use super::theme::Theme;
use super::update::update;
use crate::notes::Notes;
use crate::{Article, Document, Entity, Notice};
use crossterm::event::KeyEvent;
use std::path::PathBuf;

#[derive(Debug)]
pub struct App {
    pub theme: Theme,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    pub library: Option<Library>,
    /// The feeds view (`glose` with no argument and feeds subscribed).
    pub feeds: Option<super::feeds::Feeds>,
    /// The open article; when `None` the library is shown.
    pub reader: Option<Reader>,
    /// What is open over the view (help, a question, the note editor...).
    pub overlay: Overlay,
    /// A short message for the status line; cleared by the next key.
    pub message: Option<String>,
    /// The program ends (set when the event loop carries out `Effect::Quit`).
    pub quit: bool,
    /// The user asked to quit: it happens once the notes are saved.
    pub quitting: bool,
    /// The user said to quit although notes are not saved.
    pub quit_confirmed: bool,
    /// A save is running on a worker (one at a time).
    pub saving: bool,
    /// A count typed before a command in the article (`5j`).
    pub count: Option<usize>,
    /// Where `e` writes (`$GLOSE_EXPORT_DIR`, else the current directory).
    pub export_dir: PathBuf,
    /// The data directory of the library index (`index.db`), when there is
    /// one: articles are indexed on open, "also in", `w` and `E` work.
    pub index_dir: Option<PathBuf>,
    /// "Also in N articles" for the selected entity.
    pub also: Option<super::where_else::Also>,
    /// Where to land in the article being opened by a jump or a return.
    pub jump: Option<super::where_else::Jump>,
    /// Where Backspace returns to, last jump on top.
    pub back: Vec<super::where_else::Back>,
    /// The keys in force (the config file's rebindings over the defaults).
    pub keymap: Keymap,
    /// The sidebar's order when an article opens (the config file's `sidebar.order`).
    pub default_sort: Sort,
}

impl App {
    fn new(theme: Theme) -> App {
        App {
            theme,
            size: (0, 0),
            library: None,
            feeds: None,
            reader: None,
            overlay: Overlay::None,
            message: None,
            quit: false,
            quitting: false,
            quit_confirmed: false,
            saving: false,
            count: None,
            export_dir: crate::export::export_dir(),
            index_dir: None,
            also: None,
            jump: None,
            back: Vec::new(),
            keymap: Keymap::default(),
            default_sort: Sort::default(),
        }
    }

    /// The reader on one article.
    pub fn with_article(
        article: Article,
        entities: Vec<Entity>,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let mut app = App::new(theme);
        app.reader = Some(Reader::new(article, entities));
        update(&mut app, Action::Resize(size.0, size.1));
        app
    }

    /// The reader on an article whose entities are still being extracted: they
    /// arrive through `set_entities`.
    pub fn with_article_pending(article: Article, theme: Theme, size: (u16, u16)) -> App {
        let mut doc = Document::new(article, Vec::new(), None);
        doc.extracted = false;
        App::with_document(doc, Vec::new(), theme, size)
    }

    /// The reader on a document as `Document::load` or `Document::open` gave it,
    /// with what opening it found (shown in the status line).
    pub fn with_document(
        doc: Document,
        notices: Vec<Notice>,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let mut app = App::new(theme);
        app.reader = Some(Reader::of(doc));
        update(&mut app, Action::Resize(size.0, size.1));
        app.tell(&notices);
        app
    }

    /// Applies a config file: its keys, colours and sidebar order; what it could
    /// not use is said on the status line.
    pub fn configure(&mut self, config: Config, warnings: &[String]) {
        self.keymap = config.keymap;
        self.theme = self.theme.with_palette(config.palette);
        self.default_sort = config.sort;
        if let Some(r) = &mut self.reader {
            r.sort = config.sort;
        }
        if !warnings.is_empty() {
            let mut line = warnings.join("; ");
            if let Some(m) = &self.message {
                line = format!("{m}; {line}");
            }
            self.message = Some(line);
        }
    }

    /// Shows what opening a document found, if anything.
    fn tell(&mut self, notices: &[Notice]) {
        let mut lines: Vec<String> = notices.iter().map(Notice::to_string).collect();
        if let Some(n) = self.reader.as_ref().and_then(|r| r.doc.unresolved_notice()) {
            if !notices.contains(&n) {
                lines.push(n.to_string());
            }
        }
        if !lines.is_empty() {
            self.message = Some(lines.join("; "));
        }
    }

    /// The open article's highlights and notes (tests give a reader its notes
    /// this way), with what opening them found.
    pub fn set_notes(&mut self, notes: Notes, messages: Vec<String>) {
        let Some(r) = &mut self.reader else {
            return;
        };
        let mut notices: Vec<Notice> = messages.into_iter().map(Notice::Notes).collect();
        notices.extend(notes.anchoring_summary().map(Notice::Notes));
        r.doc.notes = Some(notes);
        if r.doc.extracted {
            r.refresh(None);
        }
        self.tell(&notices);
    }

    /// The extractor's result for the open article.
    pub fn set_entities(&mut self, entities: Vec<Entity>) {
        update(self, Msg::Entities(entities));
    }

    /// The library view of a folder.
    pub fn with_library(library: Library, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::new(theme);
        app.library = Some(library);
        update(&mut app, Action::Resize(size.0, size.1));
        app
    }

    /// The feeds view.
    pub fn with_feeds(feeds: super::feeds::Feeds, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::new(theme);
        app.feeds = Some(feeds);
        update(&mut app, Action::Resize(size.0, size.1));
        app
    }

    /// Opens an article read by the event loop (from the library). `entities` is
    /// `None` while the extractor runs.
    pub fn open(&mut self, article: Article, entities: Option<Vec<Entity>>) {
        let mut doc = Document::new(article, Vec::new(), None);
        match entities {
            Some(entities) => doc.set_raw(entities),
            None => doc.extracted = false,
        }
        self.open_document(doc, Vec::new());
    }

    /// Opens a document chosen in the library.
    pub fn open_document(&mut self, doc: Document, notices: Vec<Notice>) {
        let mut reader = Reader::of(doc);
        reader.sort = self.default_sort;
        reader.from_library = self.library.is_some() || self.feeds.is_some();
        self.reader = Some(reader);
        self.overlay = Overlay::None;
        let (w, h) = self.size;
        update(self, Action::Resize(w, h));
        self.tell(&notices);
    }

    /// Records what the worker learnt about a library entry.
    pub fn set_info(&mut self, index: usize, info: Result<Info, String>) {
        update(self, Msg::Info(index, info));
    }

    /// The keymap table in force: the overlay's, else the view's.
    pub fn mode(&self) -> Mode {
        if let Some(mode) = self.overlay.mode() {
            return mode;
        }
        match &self.reader {
            None if self.feeds.is_some() => Mode::Feeds,
            None => Mode::Library,
            Some(r) => match r.focus {
                Focus::Article => Mode::Article,
                Focus::Sidebar => Mode::Sidebar,
            },
        }
    }

    /// Handles a key event: presses only (not repeats' releases), through the
    /// keymap. Returns the I/O to do.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        update(self, Msg::Key(key))
    }
}
