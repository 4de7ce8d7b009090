//! OPML (to be filled).
