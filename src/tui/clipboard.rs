//! `y`: the current highlight (or the current sentence) and where it comes from,
//! copied through the terminal's clipboard with OSC 52. The text is article text,
//! so untrusted: control characters are taken out before it is encoded (base64,
//! the `base64` crate, rather than a hand-written encoder), and its size is capped
//! so a huge highlight cannot flood the terminal. Nothing here does I/O: the event
//! loop writes [`osc52`]'s bytes to the terminal.

use super::reader::Reader;
use base64::Engine;
use std::ops::Range;

/// The most text one copy carries (bytes, before encoding). Terminals cap OSC 52
/// payloads too (xterm and tmux at about 100 KB of base64).
pub const MAX_COPY: usize = 64 * 1024;

/// The text made safe for the clipboard: line feeds kept, tabs and carriage
/// returns as spaces, other control characters, escape introducers and bidi
/// overrides left out.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\r' => Some(' '),
            c if crate::text::sanitize_char(c) != c || c == '\u{FFFD}' => None,
            c => Some(c),
        })
        .collect()
}

/// At most `max` bytes of `text`, cut at a character boundary with `…`; whether
/// it was cut.
pub fn cap(text: &str, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text.to_string(), false);
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (format!("{}…", &text[..end]), true)
}

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; <base64> BEL`.
/// `text` must already be clean and capped.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(
        base64::engine::general_purpose::STANDARD
            .encode(text.as_bytes())
            .into_bytes(),
    );
    out.push(0x07);
    out
}

/// Writes [`osc52`]'s bytes to the terminal (the event loop's `Effect::Copy`).
pub fn write_osc52(out: &mut dyn std::io::Write, text: &str) -> std::io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

/// What `y` copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The clean, capped text: the passage, a blank line, then its source line.
    pub text: String,
    /// "the highlight" or "the sentence".
    pub what: &'static str,
    pub cut: bool,
}

impl Reader {
    /// The passage `y` copies: the current highlight, else the current sentence,
    /// as the reader shows it (no markup), with its source line.
    pub fn copy(&self) -> Option<Copied> {
        let highlight = self.highlight_under_cursor().and_then(|id| {
            let notes = self.doc.notes.as_ref()?;
            notes.placed_of(&id)?.range.clone()
        });
        let (range, what) = match highlight {
            Some(r) => (r, "the highlight"),
            None => (
                self.current_sentence()
                    .and_then(|s| self.sentence_range(s))?,
                "the sentence",
            ),
        };
        let passage = self.shown_text(range.clone());
        let (line, col) = line_col(&self.doc.article.text, range.start);
        let source = format!(
            "— {}, {}:{line}:{col}",
            self.doc.article.title, self.doc.article.path
        );
        let (text, cut) = cap(&clean(&format!("{}\n\n{source}", passage.trim())), MAX_COPY);
        Some(Copied { text, what, cut })
    }

    /// A file range as the reader shows it: each block's displayed text (markup
    /// left out), blocks separated by a blank line.
    fn shown_text(&self, range: Range<usize>) -> String {
        let blocks = &self.doc.article.blocks;
        let first = blocks.partition_point(|b| b.range.end <= range.start);
        let mut parts = Vec::new();
        for (i, b) in blocks.iter().enumerate().skip(first) {
            if b.range.start >= range.end {
                break;
            }
            let d = &self.block(i).display;
            let lo = (range.start.max(b.range.start)..=b.range.end)
                .find_map(|f| d.from_file(f))
                .unwrap_or(0);
            let hi = (range.start.max(b.range.start)..=range.end.min(b.range.end))
                .rev()
                .find_map(|f| d.from_file(f))
                .unwrap_or(d.text.len());
            if let Some(s) = d.text.get(lo..hi.max(lo)) {
                parts.push(s.to_string());
            }
        }
        parts.join("\n\n")
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_left_out() {
        assert_eq!(
            clean("a\x1b]52;c;x\x07b\r\nc\td\u{202e}e"),
            "a]52;c;xb\nc de"
        );
    }

    #[test]
    fn the_cap_cuts_at_a_character_boundary() {
        let (s, cut) = cap("ééééé", 6);
        assert!(cut);
        assert_eq!(s, "é…");
        assert_eq!(cap("abc", 3), ("abc".to_string(), false));
    }

    #[test]
    fn osc52_bytes() {
        assert_eq!(
            osc52("Poutine é"),
            b"\x1b]52;c;UG91dGluZSDDqQ==\x07".to_vec()
        );
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("abc", 0), (1, 1));
    }
}
