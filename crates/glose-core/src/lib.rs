//! glose-core: everything glose knows, with no terminal, command line or printing in it.
//!
//! The library is the whole program minus the terminal: it turns a file into an
//! [`Article`] (metadata and blocks with byte ranges into the file on disk), finds
//! the [`Entity`]s it mentions, and (later) stores the reader's notes and exports
//! them. The binary (`src/main.rs`) and the terminal UI (`src/tui/`) are thin shells
//! over it.
//!
//! Data flows one way: file -> [`Article`] -> [`Entity`]s -> view. Every offset
//! anywhere in the library is a UTF-8 byte offset into the file exactly as it is on
//! disk.
//!
//! ```
//! use glose_core::{extract, Article, EntityKind};
//!
//! let text = "M. Poutine est arrivé jeudi à Bichkek, au Kirghizstan.\n".to_string();
//! let article = Article::from_text("example.txt", text);
//! let entities = extract(&article);
//! let bichkek = entities.iter().find(|e| e.name == "Bichkek").unwrap();
//! assert_eq!(bichkek.kind, EntityKind::Place);
//! assert_eq!(&article.text[bichkek.mentions[0].start..bichkek.mentions[0].end], "Bichkek");
//! ```

pub mod article;
pub mod document;
pub mod entity;
pub mod eval;
pub mod export;
pub mod extract;
pub mod index;
pub mod library;
pub mod notes;
pub mod text;
pub mod web;

pub use article::{Article, Block, BlockKind, Language, LanguageSource, LoadError};
pub use document::{Document, NotesStore, Notice, OpenError};
pub use entity::{Entity, EntityKind, Mention};
pub use extract::extract;
