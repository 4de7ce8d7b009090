//! The `glose` binary's code: the command line (`cli`) and the reader (`tui`).
//!
//! Everything else lives in the `glose-core` crate, which knows no terminal; it is
//! re-exported here so the binary's modules and the integration tests can name it
//! as `glose::...`.

pub use glose_core::*;

pub mod browser;
pub mod cli;
pub mod index_cli;
pub mod tui;
pub mod web_cli;
