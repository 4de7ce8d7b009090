//! What goes into [`update`](super::update()) ([`Msg`]) and what comes out
//! ([`Effect`]): every input, the user's and the workers', is a message; every
//! piece of I/O that `update` wants is an effect, returned (never stored in a slot
//! that a later key could overwrite) and carried out by the event loop, whose
//! results come back as messages.

use super::action::Action;
use super::library::Info;
use crate::export::Saved;
use crate::notes::{SaveDone, SaveJob};
use crate::{Article, Document, Entity, Notice};
use crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug)]
pub enum Msg {
    /// A key: becomes an action through the keymap of the mode in force.
    Key(KeyEvent),
    /// A click, the wheel, a resize (or a key already looked up).
    Action(Action),
    /// Text pasted in one piece (bracketed paste).
    Paste(String),
    /// The extractor's entities for the open article.
    Entities(Vec<Entity>),
    /// What the library's worker learnt about entry `index`.
    Info(usize, Result<Info, String>),
    /// A save ([`Effect::Save`]) is done.
    Saved(Box<SaveDone>),
    /// An export ([`Effect::Export`]) is done.
    Exported(Result<Saved, String>),
    /// An article chosen in the library ([`Effect::Open`]) is loaded (its
    /// entities come as [`Msg::Entities`]), or the line saying why not.
    Opened(Box<Result<(Document, Vec<Notice>), String>>),
    /// The feeds and items as the library database has them now.
    FeedsLoaded(Vec<crate::library::Feed>, Vec<crate::library::Item>),
    /// An item's page was fetched and stored ([`Effect::FetchItem`]), or why not.
    ItemFetched(i64, Result<PathBuf, String>),
    /// An item's read state as now stored.
    ReadState(i64, bool),
    /// Where a feeds update ([`Effect::UpdateFeeds`]) is: done and total.
    FeedsProgress(usize, usize),
    /// A feeds update ended: its summary line, or why it could not run.
    FeedsUpdated(Result<String, String>),
    /// Entity counts for a feed item's stored article (from the worker).
    ItemInfo(i64, Result<Info, String>),
    /// The reading position to restore in the article just opened (a file offset).
    Restore(usize),
    /// A line for the status line (a browser that would not start...).
    Note(String),
    /// The open article was indexed ([`Effect::Index`]), or why not.
    Indexed(Result<(), String>),
    /// The library index's answers ([`Effect::AskIndex`]).
    Answer(Box<super::where_else::Answer>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// I/O for the event loop.
#[derive(Debug)]
pub enum Effect {
    /// Write the queued note changes (on a worker: a held lock must not freeze
    /// the keys); the result comes back as [`Msg::Saved`].
    Save {
        job: Box<SaveJob>,
        article: Arc<Article>,
    },
    /// `e`: the notes to Markdown; `replace` once the user agreed to replace a
    /// file glose did not write. Comes back as [`Msg::Exported`].
    Export { replace: bool },
    /// Load an article chosen in the library. Comes back as [`Msg::Opened`].
    Open(PathBuf),
    /// Open a feed item's stored article, marking it read (then as
    /// [`Effect::Open`]).
    OpenItem { id: i64, path: PathBuf },
    /// Fetch and store an item's page on a worker; comes back as
    /// [`Msg::ItemFetched`].
    FetchItem { id: i64, url: String },
    /// Flip an item's read state; comes back as [`Msg::ReadState`].
    ToggleRead(i64),
    /// Open a URL in the browser (never through a shell).
    Browse(String),
    /// Update every feed on a worker; progress and the end come back as
    /// [`Msg::FeedsProgress`] and [`Msg::FeedsUpdated`].
    UpdateFeeds,
    /// Read the feeds and items again; comes back as [`Msg::FeedsLoaded`].
    ReloadFeeds,
    /// Remember where the reader is in an article (a file offset).
    SavePosition { path: PathBuf, offset: usize },
    /// `y`: put this (clean, capped) text on the clipboard through the terminal
    /// (OSC 52, see [`super::clipboard::osc52`]).
    Copy(String),
    /// End the program (notes are saved, or the user said to quit anyway).
    Quit,
    /// Index the open article (on the index worker; only what changed is
    /// written). Comes back as [`Msg::Indexed`].
    Index(Box<super::where_else::ToIndex>),
    /// Ask the library index (on the index worker). Comes back as
    /// [`Msg::Answer`].
    AskIndex(super::where_else::Ask),
}
