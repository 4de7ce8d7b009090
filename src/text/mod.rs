//! Language-aware text units shared by the extractor, the reader and the notes:
//! tokens and sentences, and the sanitizer for text shown to a user.

mod sentence;
mod token;

pub use sentence::{sentences, sentences_from_tokens};
pub use token::{tokenize, Token, TokenKind};

/// Replaces control characters (C0 except tab and newline, DEL, C1) and bidi
/// overrides with a visible placeholder, so text from a file can never drive the
/// terminal. Tabs become spaces.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\n' => '\n',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
