//! The note editor's text: several lines, a cursor that moves by grapheme (so an
//! accent or an emoji with a modifier is one step), by word and by screen row.
//! Nothing here draws; [`rows`] is shared with the drawing code so both agree on
//! where each row starts.

use super::doc::safe_char;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    pub text: String,
    /// Byte offset into `text`, always on a grapheme boundary.
    pub cursor: usize,
    /// The column ↑/↓ aim for, kept across short rows.
    goal: Option<usize>,
}

/// The display width of a piece of note text as drawn: each grapheme takes one
/// or two cells.
pub fn width(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| {
            let drawn: String = g.chars().map(safe_char).collect();
            UnicodeWidthStr::width(drawn.as_str()).clamp(1, 2)
        })
        .sum()
}

/// The screen rows of `text` at `width` columns: byte ranges, line breaks left
/// out; long lines wrap after a space when there is one. Never empty.
pub fn rows(text: &str, width_cols: usize) -> Vec<Range<usize>> {
    let w = width_cols.max(1);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut start = 0;
        let mut col = 0;
        let mut last_space: Option<usize> = None;
        for (i, g) in line.grapheme_indices(true) {
            let gw = width(g);
            if col + gw > w && i > start {
                let cut = match last_space {
                    Some(s) if s > start => s,
                    _ => i,
                };
                out.push(line_start + start..line_start + cut);
                start = cut;
                col = width(&line[start..i]);
                last_space = None;
            }
            col += gw;
            if g == " " {
                last_space = Some(i + 1);
            }
        }
        out.push(line_start + start..line_start + line.len());
        line_start += line.len() + 1;
    }
    out
}

/// The row holding byte `at`: at a wrap point the cursor goes to the next row.
fn row_of(rows: &[Range<usize>], at: usize) -> usize {
    let mut found = 0;
    for (i, r) in rows.iter().enumerate() {
        if r.start <= at {
            found = i;
        }
        if r.start > at {
            break;
        }
    }
    found
}

/// Row and column of the cursor.
pub fn cursor_cell(text: &str, cursor: usize, width_cols: usize) -> (usize, usize) {
    let rows = rows(text, width_cols);
    let row = row_of(&rows, cursor);
    let start = rows[row].start;
    (row, width(&text[start..cursor.max(start)]))
}

impl Editor {
    pub fn new(text: &str) -> Editor {
        Editor {
            text: text.to_string(),
            cursor: text.len(),
            goal: None,
        }
    }

    pub fn insert(&mut self, c: char) {
        // Only line breaks among control characters; tabs become a space.
        let c = match c {
            '\t' => ' ',
            '\n' | '\r' => '\n',
            c if c.is_control() => return,
            c => c,
        };
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        self.goal = None;
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn backspace(&mut self) {
        let p = self.prev_boundary();
        self.text.replace_range(p..self.cursor, "");
        self.cursor = p;
        self.goal = None;
    }

    pub fn delete(&mut self) {
        let n = self.next_boundary();
        self.text.replace_range(self.cursor..n, "");
        self.goal = None;
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
        self.goal = None;
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
        self.goal = None;
    }

    /// To the start of the word before the cursor.
    pub fn word_left(&mut self) {
        let before = &self.text[..self.cursor];
        self.cursor = before
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, _)| i)
            .next_back()
            .unwrap_or(0);
        self.goal = None;
    }

    /// To the end of the word after the cursor.
    pub fn word_right(&mut self) {
        let after = &self.text[self.cursor..];
        self.cursor += after
            .split_word_bound_indices()
            .find(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map_or(after.len(), |(i, w)| i + w.len());
        self.goal = None;
    }

    pub fn line_start(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.goal = None;
    }

    pub fn line_end(&mut self) {
        self.cursor += self.text[self.cursor..]
            .find('\n')
            .unwrap_or(self.text.len() - self.cursor);
        self.goal = None;
    }

    /// One screen row up (`-1`) or down (`1`) at `width` columns.
    pub fn vertical(&mut self, delta: isize, width_cols: usize) {
        let rows = rows(&self.text, width_cols);
        let row = row_of(&rows, self.cursor);
        let col = self
            .goal
            .unwrap_or_else(|| width(&self.text[rows[row].start..self.cursor]));
        let target = row as isize + delta;
        if target < 0 {
            self.cursor = 0;
        } else if target as usize >= rows.len() {
            self.cursor = self.text.len();
        } else {
            let r = rows[target as usize].clone();
            let mut at = r.start;
            let mut x = 0;
            for (i, g) in self.text[r.clone()].grapheme_indices(true) {
                let gw = width(g);
                if x + gw > col {
                    break;
                }
                x += gw;
                at = r.start + i + g.len();
            }
            // A wrapped row's last position belongs to the next row: stay before it.
            if at == r.end && r.end < self.text.len() && !self.text[r.end..].starts_with('\n') {
                at = self.text[r.start..r.end]
                    .grapheme_indices(true)
                    .next_back()
                    .map_or(r.start, |(i, _)| r.start + i);
            }
            self.cursor = at;
        }
        self.goal = Some(col);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_emoji_are_one_step() {
        let mut e = Editor::new("é👍🏽ç");
        e.left();
        assert_eq!(&e.text[e.cursor..], "ç");
        e.left();
        assert_eq!(&e.text[e.cursor..], "👍🏽ç");
        e.backspace();
        assert_eq!(e.text, "👍🏽ç");
        e.delete();
        assert_eq!(e.text, "ç");
    }

    #[test]
    fn words_and_lines() {
        let mut e = Editor::new("une note\nà Bichkek, déjà");
        e.word_left();
        assert_eq!(&e.text[e.cursor..], "déjà");
        e.word_left();
        e.word_left();
        assert_eq!(&e.text[e.cursor..], "à Bichkek, déjà");
        e.word_right();
        assert_eq!(&e.text[e.cursor..], " Bichkek, déjà");
        e.line_start();
        assert_eq!(&e.text[e.cursor..], "à Bichkek, déjà");
        e.vertical(-1, 40);
        assert_eq!(&e.text[e.cursor..], "une note\nà Bichkek, déjà");
        e.line_end();
        assert_eq!(&e.text[e.cursor..], "\nà Bichkek, déjà");
    }

    #[test]
    fn rows_wrap_after_spaces() {
        let text = "aaa bbb ccc\n\nd";
        let r: Vec<&str> = rows(text, 8).into_iter().map(|r| &text[r]).collect();
        assert_eq!(r, ["aaa bbb ", "ccc", "", "d"]);
        assert_eq!(cursor_cell(text, 8, 8), (1, 0));
        let mut e = Editor::new(text);
        e.cursor = 1;
        e.vertical(1, 8);
        assert_eq!(e.cursor, 9);
    }
}
