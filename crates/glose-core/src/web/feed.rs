//! RSS/Atom feeds (to be filled).
