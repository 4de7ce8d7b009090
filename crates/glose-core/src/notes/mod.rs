//! Highlights and notes: the model, the store, re-anchoring.
//!
//! - [`model`]: what a notes file holds ([`NotesFile`], [`Highlight`], [`EntityNote`])
//!   and the changes made to it ([`Op`]).
//! - [`store`]: one JSON file per article in the data directory, found by the
//!   article's canonical path or its content hash, written atomically under a lock
//!   by applying changes to what is on disk; a damaged file is moved aside.
//! - [`anchor`]: finding a highlight again when the article changed.
//! - [`corrections`]: the reader's corrections to the extractor's entities and
//!   [`apply()`], which turns the extractor's entities into corrected ones.
//! - [`Notes`]: an open article's notes, changed in memory and flushed at once.
//!
//! ## The notes file (schema 1)
//!
//! ```json
//! {
//!   "schema": 1,
//!   "article": { "path": "/abs/articles/a.txt", "hash": "sha256:…" },
//!   "highlights": [{
//!     "id": "h18f3a…-1c2-1",
//!     "color": "yellow",
//!     "position": { "start": 120, "end": 245 },
//!     "quote": { "exact": "…", "prefix": "…32 chars", "suffix": "32 chars…" },
//!     "note": "optional, several lines",
//!     "created": "2024-05-01T12:30:00Z",
//!     "modified": "2024-05-01T12:31:10Z"
//!   }],
//!   "entity_notes": [{
//!     "entity": { "kind": "person", "name": "Vladimir Poutine" },
//!     "note": "…", "created": "…", "modified": "…"
//!   }],
//!   "corrections": [
//!     { "id": "c18f3a…-1c2-0", "op": "relabel", "kind": "place",
//!       "entity": { "position": { "start": 1059, "end": 1063 },
//!                   "quote": { "exact": "Kant", "prefix": "…", "suffix": "…" } },
//!       "created": "…" },
//!     { "id": "…", "op": "rename", "entity": {…}, "name": "…", "created": "…" },
//!     { "id": "…", "op": "merge", "entity": {…}, "with": {…}, "created": "…" },
//!     { "id": "…", "op": "hide", "entity": {…}, "created": "…" },
//!     { "id": "…", "op": "split", "mention": {…}, "created": "…" },
//!     { "id": "…", "op": "add", "mention": {…}, "kind": "event", "created": "…" }
//!   ]
//! }
//! ```
//!
//! `corrections` (absent when there are none; files without it read as before)
//! lists the reader's changes to the extractor's entities in the order they were
//! made. Each names an entity by one of its mentions, recorded like a highlight
//! (`entity`, `with`, `mention`), never by the extractor's ids; see
//! [`corrections`]. A correction this build does not understand is kept as it is.
//!
//! `position` is in UTF-8 bytes of the article file; `quote.prefix`/`suffix` hold up
//! to 32 characters. Unknown top-level fields are kept as they are, so a later
//! schema's additions survive an older glose's writes.

pub mod anchor;
mod apply;
pub mod corrections;
pub mod index;
pub mod model;
mod session;
pub mod store;
pub mod time;

pub use anchor::Anchoring;
pub use apply::{apply, apply_article, Applied};
pub use corrections::{is_corrected, Change, Correction, Selector};
pub use model::{
    ArticleRecord, Color, EntityKey, EntityNote, Highlight, Kept, NotesFile, Op, Position, Quote,
    SCHEMA_VERSION,
};
pub use session::{Notes, Placed, Restored, SaveDone, SaveJob};
pub use store::{Access, Store, StoreError};
