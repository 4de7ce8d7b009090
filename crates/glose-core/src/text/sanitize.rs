//! The one sanitizer for untrusted text on its way to a terminal: article text,
//! titles, entity names, note text and file names.
//!
//! What a terminal could act on is replaced, one character for one character:
//!
//! - C0 controls (U+0000–U+001F) other than the line feed, DEL (U+007F) and C1
//!   controls (U+0080–U+009F, which include the 8-bit CSI, OSC, DCS, SOS, PM and
//!   APC introducers) become [`PLACEHOLDER`]; a tab becomes one space and a
//!   carriage return a space (or a line feed when it ends a line on its own).
//! - Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//!   U+2066–U+2069, the "Trojan Source" characters) become [`PLACEHOLDER`]. The
//!   implicit marks (U+200E, U+200F, U+061C) and joiners (U+200C, U+200D) stay:
//!   right-to-left text and emoji sequences need them, and they cannot reorder
//!   anything beyond the text they sit in.
//!
//! Every escape sequence (CSI `ESC [`, OSC `ESC ]` including window titles, OSC 52
//! clipboard writes and OSC 8 hyperlinks, DCS `ESC P`, SOS `ESC X`, PM `ESC ^`, APC
//! `ESC _`, and the two-character ones) starts with ESC or a C1 introducer and ends,
//! for the string kinds, with BEL or ST (`ESC \` or U+009C): all of these are
//! replaced, so what is left of a sequence is plain, inert text such as `�]0;title�`.
//!
//! The sequence's payload is deliberately *kept* as visible text rather than dropped
//! with it: the mapping stays one character for one character, which the reader
//! relies on to map screen positions back to file offsets (highlights, notes and
//! extraction offsets all point into the file as it is on disk), and a reader sees
//! that the file carries escape sequences instead of having them silently hidden.

/// What an unsafe character is shown as (one column wide).
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Whether `c` must never reach a terminal as it is (the line feed excepted, which
/// callers lay out themselves).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{9}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The character shown for `c`: unsafe characters become [`PLACEHOLDER`], a tab or
/// a carriage return a space; everything else, the line feed included, is kept.
#[inline]
pub fn sanitize_char(c: char) -> char {
    match c {
        '\t' | '\r' => ' ',
        c if is_unsafe(c) => PLACEHOLDER,
        c => c,
    }
}

/// `text` made safe to print, one character for each character of `text` (so the
/// `k`-th char of the result stands for the `k`-th char of the input). Line feeds
/// are kept; a carriage return becomes a line feed when it ends a line on its own
/// (old Mac line endings) and a space before a line feed (Windows ones).
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\r' if chars.peek() != Some(&'\n') => '\n',
            c => sanitize_char(c),
        });
    }
    out
}

/// `text` as one line for an error or status line: every unsafe character, and
/// the line feed, carriage return and tab, written as a visible escape (`\n`,
/// `\x1b`, `\u{202e}`), so a message never spans two lines and shows what a name
/// really holds. Backslashes are kept as they are.
pub fn escape_line(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c == '\n' || c == '\t' || c == '\r' || is_unsafe(c))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        escape_char(&mut out, c);
    }
    out
}

fn escape_char(out: &mut String, c: char) {
    use std::fmt::Write;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) && (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if is_unsafe(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// A file name for an error line: as [`escape_line`], and bytes that are not
/// UTF-8 written `\xff`, so the name is shown exactly and on one line.
pub fn escape_path(path: &std::path::Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_char(&mut out, c);
        }
        for b in chunk.invalid() {
            use std::fmt::Write;
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_escape_controls_newlines_and_bad_bytes() {
        assert_eq!(
            escape_line("a\nb\u{1b}]0;T\u{7}\u{9b}\u{202e}c\\d é"),
            "a\\nb\\x1b]0;T\\x07\\u{9b}\\u{202e}c\\d é"
        );
        assert_eq!(escape_line("plain é 👍"), "plain é 👍");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let p = std::path::Path::new(std::ffi::OsStr::from_bytes(b"a\xffb\nc.txt"));
            assert_eq!(escape_path(p), "a\\xffb\\nc.txt");
        }
    }

    #[test]
    fn every_c0_c1_and_del_is_replaced_but_newline_and_tab() {
        for u in (0..=0x1F).chain(0x7F..=0x9F) {
            let c = char::from_u32(u).unwrap();
            let s = sanitize_char(c);
            match c {
                '\n' => assert_eq!(s, '\n'),
                '\t' | '\r' => assert_eq!(s, ' '),
                _ => assert_eq!(s, PLACEHOLDER, "U+{u:04X}"),
            }
            assert!(!s.is_control() || s == '\n');
        }
    }

    #[test]
    fn bidi_overrides_and_isolates_are_replaced() {
        for u in (0x202A..=0x202E).chain(0x2066..=0x2069) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(sanitize_char(c), PLACEHOLDER, "U+{u:04X}");
        }
        // Implicit marks and joiners are part of ordinary text.
        for c in ['\u{200E}', '\u{200F}', '\u{061C}', '\u{200C}', '\u{200D}'] {
            assert_eq!(sanitize_char(c), c);
        }
    }

    #[test]
    fn no_other_character_is_touched() {
        for u in 0..=0x10FFFF {
            let Some(c) = char::from_u32(u) else { continue };
            if !is_unsafe(c) && c != '\t' && c != '\r' {
                assert_eq!(sanitize_char(c), c, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn escape_sequences_of_every_kind_are_defanged() {
        let cases = [
            (
                "csi",
                "\u{1b}[31mred\u{1b}[0m",
                "\u{FFFD}[31mred\u{FFFD}[0m",
            ),
            ("csi 8-bit", "\u{9b}2J", "\u{FFFD}2J"),
            (
                "osc title",
                "\u{1b}]0;pwned\u{7}",
                "\u{FFFD}]0;pwned\u{FFFD}",
            ),
            (
                "osc 52",
                "\u{1b}]52;c;aGVsbG8=\u{1b}\\",
                "\u{FFFD}]52;c;aGVsbG8=\u{FFFD}\\",
            ),
            (
                "osc 8",
                "\u{1b}]8;;http://x\u{1b}\\lien\u{1b}]8;;\u{1b}\\",
                "\u{FFFD}]8;;http://x\u{FFFD}\\lien\u{FFFD}]8;;\u{FFFD}\\",
            ),
            ("osc 8-bit", "\u{9d}0;t\u{9c}", "\u{FFFD}0;t\u{FFFD}"),
            ("dcs", "\u{1b}Pq#0\u{1b}\\", "\u{FFFD}Pq#0\u{FFFD}\\"),
            ("apc", "\u{1b}_Gf=1\u{1b}\\", "\u{FFFD}_Gf=1\u{FFFD}\\"),
            ("pm", "\u{1b}^x\u{1b}\\", "\u{FFFD}^x\u{FFFD}\\"),
            ("sos", "\u{1b}Xx\u{1b}\\", "\u{FFFD}Xx\u{FFFD}\\"),
            ("two-char", "\u{1b}c\u{1b}7", "\u{FFFD}c\u{FFFD}7"),
        ];
        for (name, input, want) in cases {
            let got = sanitize(input);
            assert_eq!(got, want, "{name}");
            assert!(!got.chars().any(is_unsafe), "{name}");
            assert_eq!(got.chars().count(), input.chars().count(), "{name}");
        }
    }

    #[test]
    fn one_char_for_one_char() {
        let s = "a\tb\r\nc\rd\u{1b}[1m\u{202e}é👍🏽\u{0301}\u{200d}\u{85}\u{7f}";
        let out = sanitize(s);
        assert_eq!(out.chars().count(), s.chars().count());
        assert_eq!(
            out,
            "a b \nc\nd\u{FFFD}[1m\u{FFFD}é👍🏽\u{0301}\u{200d}\u{FFFD}\u{FFFD}"
        );
        for (a, b) in s.chars().zip(out.chars()) {
            if a != '\r' {
                assert_eq!(sanitize_char(a), b);
            }
        }
        assert_eq!(sanitize(&out), out, "idempotent");
    }

    #[test]
    fn ordinary_text_is_returned_as_is() {
        let s =
            "L’Élysée « répond » : 習近平, שלום עולם, مرحبا, 👨\u{200d}👩\u{200d}👧, e\u{301}.\n";
        assert_eq!(sanitize(s), s);
    }
}
