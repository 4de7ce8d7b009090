//! Letter case without the Unicode tables for the letters French is full of:
//! [`char::is_uppercase`] and [`char::is_lowercase`] search a table for any letter
//! outside ASCII, and the tokenizer asks of every accented one.

/// [`char::is_uppercase`], answered at once for ASCII and Latin-1 letters.
#[inline]
pub fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        // "À" to "Þ" but for "×".
        0xC0..=0xDE => c != '\u{D7}',
        0xDF..=0xFF => false,
        _ => c.is_uppercase(),
    }
}

/// [`char::is_lowercase`], answered at once for ASCII and Latin-1 letters.
#[inline]
pub fn is_lower(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_lowercase(),
        0xC0..=0xDE => false,
        // "ß" to "ÿ" but for "÷".
        0xDF..=0xFF => c != '\u{F7}',
        _ => c.is_lowercase(),
    }
}

/// Appends [`char::to_lowercase`] of `c` to `buf`, at once for ASCII and Latin-1.
#[inline]
pub fn push_lower(buf: &mut String, c: char) {
    match c as u32 {
        0..=0x7F => buf.push(c.to_ascii_lowercase()),
        // A Latin-1 capital's small letter is 0x20 further.
        0xC0..=0xDE if c != '\u{D7}' => buf.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        0x80..=0xFF => buf.push(c),
        _ => buf.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_answers_as_the_unicode_tables() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            let mut lowered = String::new();
            push_lower(&mut lowered, c);
            assert_eq!(lowered, c.to_lowercase().to_string(), "{c:?}");
        }
    }
}
