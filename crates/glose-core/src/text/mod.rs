//! Language-aware text units shared by the extractor, the reader and the notes:
//! tokens and sentences, and the sanitizer for text shown to a user.

mod case;
mod sanitize;
mod sentence;
pub mod tags;
mod token;

pub use case::{is_lower, is_upper, push_lower};
pub use sentence::{sentences, sentences_from_tokens};
pub use token::{tokenize, tokenize_with, Clitics, Token, TokenKind};

pub use sanitize::{escape_line, escape_path, is_unsafe, sanitize, sanitize_char, PLACEHOLDER};
