//! Language-aware text units shared by the extractor, the reader and the notes:
//! tokens and sentences, and the sanitizer for text shown to a user.

mod case;
mod sanitize;
mod sentence;
pub mod tags;
mod token;

pub use case::{is_lower, is_upper, push_lower};

/// More than `n` characters in `s` (`s.chars().count() > n`), read no further than
/// character `n + 1`: the library's count is a call, and the rules ask it of short
/// words tens of thousands of times.
#[inline]
pub fn more_chars_than(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_some()
}

/// Exactly one character in `s` (`s.chars().count() == 1`).
#[inline]
pub fn one_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}
pub use sentence::{sentences, sentences_from_tokens};
pub use token::{tokenize, tokenize_with, Clitics, Token, TokenKind};

pub use sanitize::{escape_line, escape_path, is_unsafe, sanitize, sanitize_char, PLACEHOLDER};
