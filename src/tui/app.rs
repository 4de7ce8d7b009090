//! The application state: the open article (or the library), the overlay, the
//! message line, and the requests for I/O that the event loop carries out.

use super::action::Action;
use super::keymap::{self, Mode};
use super::library::{Info, Library};
use super::reader::{Focus, InputTarget, Reader};
use super::theme::Theme;
use super::update::update;
use crate::notes::Notes;
use crate::{Article, Document, Entity, Notice};
use crossterm::event::{KeyEvent, KeyEventKind};
use std::path::PathBuf;

/// The help overlay: which mode's keys it lists, and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub mode: Mode,
    pub scroll: usize,
}

/// I/O that `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Open(PathBuf),
    /// `e`: the notes to Markdown; `replace` once the user agreed to replace a
    /// file glose did not write.
    Export {
        replace: bool,
    },
}

#[derive(Debug)]
pub struct App {
    pub theme: Theme,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    pub library: Option<Library>,
    /// The open article; when `None` the library is shown.
    pub reader: Option<Reader>,
    pub help: Option<Help>,
    /// A short message for the status line; cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// The user said to quit although notes are not saved.
    pub quit_confirmed: bool,
    pub command: Option<Command>,
    /// Where `e` writes (`$GLOSE_EXPORT_DIR`, else the current directory).
    pub export_dir: PathBuf,
}

impl App {
    fn new(theme: Theme) -> App {
        App {
            theme,
            size: (0, 0),
            library: None,
            reader: None,
            help: None,
            message: None,
            quit: false,
            quit_confirmed: false,
            command: None,
            export_dir: crate::export::export_dir(),
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
        if let Some(r) = &mut self.reader {
            r.set_entities(entities);
            if let Some(n) = r.doc.unresolved_notice() {
                self.message = Some(n.to_string());
            }
        }
        let (w, h) = self.size;
        update(self, Action::Resize(w, h));
    }

    /// The library view of a folder.
    pub fn with_library(library: Library, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::new(theme);
        app.library = Some(library);
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
        reader.from_library = self.library.is_some();
        self.reader = Some(reader);
        self.help = None;
        let (w, h) = self.size;
        update(self, Action::Resize(w, h));
        self.tell(&notices);
    }

    /// Records what the worker learnt about a library entry.
    pub fn set_info(&mut self, index: usize, info: Result<Info, String>) {
        if let Some(entry) = self
            .library
            .as_mut()
            .and_then(|lib| lib.entries.get_mut(index))
        {
            entry.info = Some(info);
        }
    }

    /// The keymap table in force.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        let Some(reader) = &self.reader else {
            return Mode::Library;
        };
        if reader.confirm.is_some() {
            return Mode::Confirm;
        }
        if reader.note_editor.is_some() {
            return Mode::Editor;
        }
        if reader.notes_list.is_some() {
            return Mode::Notes;
        }
        if reader.kind_pick.is_some() {
            return Mode::Kind;
        }
        if reader.input.is_none() && reader.selection.is_some() {
            return Mode::Select;
        }
        match (&reader.input, reader.focus) {
            (Some(input), _) => match input.target {
                InputTarget::Search => Mode::Search,
                InputTarget::Filter => Mode::Filter,
                InputTarget::Rename(..) => Mode::Rename,
            },
            (None, Focus::Article) => Mode::Article,
            (None, Focus::Sidebar) => Mode::Sidebar,
        }
    }

    /// Handles a key event: presses only (not repeats' releases), through the keymap.
    pub fn key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if let Some(action) = keymap::lookup(self.mode(), &key) {
            update(self, action);
        }
    }
}
