//! Splitting text into lines that keep their file offsets.
//!
//! Everything downstream works on byte ranges into the file, so lines are ranges
//! too (never copies). `\n`, `\r\n` and a lone `\r` all end a line.

/// One line of the file: `start..end` excludes the line terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// The lines of `text[from..]`, in order. A missing final newline is fine.
pub fn split(text: &str, from: usize) -> Vec<Line> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                lines.push(Line { start, end: i });
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(Line { start, end: i });
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < b.len() {
        lines.push(Line {
            start,
            end: b.len(),
        });
    }
    lines
}

/// `start..end` without the whitespace at either end (still char boundaries,
/// since trimming only ever removes whole chars).
pub fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let kept = s.trim().len();
    (start + lead, start + lead + kept)
}

pub fn is_blank(text: &str, line: Line) -> bool {
    text[line.start..line.end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_terminators_end_lines() {
        let t = "a\nb\r\nc\rd";
        let got: Vec<&str> = split(t, 0).iter().map(|l| &t[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(split("a\n", 0).len(), 1);
        assert_eq!(split("", 0).len(), 0);
    }

    #[test]
    fn trim_keeps_offsets() {
        assert_eq!(trim(" \té x ", 0, 7), (2, 6));
    }
}
