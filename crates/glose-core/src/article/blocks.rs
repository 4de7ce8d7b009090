//! Lines -> groups: consecutive non-blank lines form one block, except where
//! Markdown structure (a `#` heading, a list item, a rule) says otherwise.
//!
//! A group keeps the file range of the whole block (markup included) and, per
//! line, the range that is left once block-level markers (`## `, `> `, `- `) are
//! taken off; inline markup is handled later by [`super::inline`].

use super::lines::{trim, Line};
use std::ops::Range;

/// What the block-level markup says a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// An ATX (`#`) or setext (underlined) heading, with its level.
    Heading(u8),
    Quote,
    Item,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub mark: Mark,
    pub range: Range<usize>,
    /// One content range per line, block-level markers excluded.
    pub segs: Vec<Range<usize>>,
    /// Whether a blank line (not markup or the end of the file) follows.
    pub blank_after: bool,
}

enum LineKind {
    Blank,
    /// A thematic break (`---`, `***`, `___`) or setext underline (`===`).
    Rule(u8),
    Atx(u8, Range<usize>),
    Quote(Range<usize>),
    Item(Range<usize>),
    /// A line in capitals ("SOCCER - LEEDS HOLD NEWCASTLE .", "LONDON 1996-08-30"):
    /// a wire headline or dateline, not a wrapped line of the paragraph around it.
    Shout(Range<usize>),
    Plain(Range<usize>),
}

fn line_kind(text: &str, line: Line) -> (LineKind, usize, usize) {
    let (s, e) = trim(text, line.start, line.end);
    let b = text.as_bytes();
    let kind = if s == e {
        LineKind::Blank
    } else if let Some(c) = rule_char(&b[s..e]) {
        LineKind::Rule(c)
    } else if let Some((level, content)) = atx(text, s, e) {
        LineKind::Atx(level, content)
    } else if b[s] == b'>' {
        let mut p = s;
        // Nested markers (`> > x`) are all markup.
        while p < e && b[p] == b'>' {
            p += 1;
            while p < e && (b[p] == b' ' || b[p] == b'\t') {
                p += 1;
            }
        }
        LineKind::Quote(p..e)
    } else if matches!(b[s], b'-' | b'*' | b'+') && matches!(b.get(s + 1), Some(b' ' | b'\t')) {
        let (cs, ce) = trim(text, s + 1, e);
        LineKind::Item(cs..ce)
    } else if shouted(&text[s..e]) {
        LineKind::Shout(s..e)
    } else {
        LineKind::Plain(s..e)
    };
    (kind, s, e)
}

/// Two capitals or more and no lowercase letter.
fn shouted(line: &str) -> bool {
    let mut caps = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        caps += usize::from(c.is_uppercase());
    }
    caps >= 2
}

/// `---`, `* * *`, `___`, `===`: three or more of one marker and nothing else.
fn rule_char(line: &[u8]) -> Option<u8> {
    let c = *line.first()?;
    if !matches!(c, b'-' | b'*' | b'_' | b'=') {
        return None;
    }
    let mut n = 0;
    for &x in line {
        if x == c {
            n += 1;
        } else if x != b' ' && x != b'\t' {
            return None;
        }
    }
    (n >= 3).then_some(c)
}

/// `# Title`, `## Part ##`: the level and the title's range.
fn atx(text: &str, s: usize, e: usize) -> Option<(u8, Range<usize>)> {
    let b = text.as_bytes();
    let n = b[s..e].iter().take_while(|&&c| c == b'#').count();
    if n == 0 || n > 6 || !(s + n == e || matches!(b[s + n], b' ' | b'\t')) {
        return None;
    }
    let (cs, mut ce) = trim(text, s + n, e);
    // An optional closing run of `#`, if set off by a space, is markup too.
    let body = &text[cs..ce];
    let open = body.trim_end_matches('#');
    if open.is_empty() {
        ce = cs;
    } else if open.len() < body.len() && open.ends_with([' ', '\t']) {
        ce = cs + open.trim_end().len();
    }
    Some((n as u8, cs..ce))
}

/// Groups the lines into blocks (in file order).
pub fn group(text: &str, lines: &[Line]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut cur: Option<Group> = None;
    // The current group is a line in capitals: the next line starts a new one.
    let mut sealed = false;
    let new = |mark, s: usize, e: usize, seg: Range<usize>| Group {
        mark,
        range: s..e,
        segs: vec![seg],
        blank_after: false,
    };
    for &line in lines {
        let (kind, s, e) = line_kind(text, line);
        match kind {
            LineKind::Blank => {
                if let Some(mut g) = cur.take() {
                    g.blank_after = true;
                    out.push(g);
                }
            }
            LineKind::Rule(c) => {
                if let Some(mut g) = cur.take() {
                    // Setext: a one-line paragraph underlined by `===` or `---`.
                    if g.mark == Mark::Plain && g.segs.len() == 1 && (c == b'=' || c == b'-') {
                        g.mark = Mark::Heading(if c == b'=' { 1 } else { 2 });
                        g.range.end = e;
                    }
                    out.push(g);
                }
            }
            LineKind::Atx(level, content) => {
                out.extend(cur.take());
                out.push(new(Mark::Heading(level), s, e, content));
            }
            LineKind::Item(content) => {
                out.extend(cur.take());
                cur = Some(new(Mark::Item, s, e, content));
            }
            LineKind::Quote(content) => match &mut cur {
                Some(g) if g.mark == Mark::Quote => {
                    g.segs.push(content);
                    g.range.end = e;
                }
                _ => {
                    out.extend(cur.take());
                    cur = Some(new(Mark::Quote, s, e, content));
                }
            },
            LineKind::Shout(content) => {
                out.extend(cur.take());
                cur = Some(new(Mark::Plain, s, e, content));
                sealed = true;
                continue;
            }
            LineKind::Plain(content) => match &mut cur {
                // A wrapped line continues the paragraph, list item or quote.
                Some(g) if !sealed => {
                    g.segs.push(content);
                    g.range.end = e;
                }
                _ => {
                    out.extend(cur.take());
                    cur = Some(new(Mark::Plain, s, e, content));
                }
            },
        }
        sealed = false;
    }
    out.extend(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::lines::split;

    fn marks(t: &str) -> Vec<(Mark, Vec<&str>)> {
        group(t, &split(t, 0))
            .into_iter()
            .map(|g| (g.mark, g.segs.iter().map(|r| &t[r.clone()]).collect()))
            .collect()
    }

    #[test]
    fn structure() {
        let t = "# T #\n\npara\nwrapped\n- item\n  more\n> q1\n> > q2\n***\n## H\nafter";
        assert_eq!(
            marks(t),
            vec![
                (Mark::Heading(1), vec!["T"]),
                (Mark::Plain, vec!["para", "wrapped"]),
                (Mark::Item, vec!["item", "more"]),
                (Mark::Quote, vec!["q1", "q2"]),
                (Mark::Heading(2), vec!["H"]),
                (Mark::Plain, vec!["after"]),
            ]
        );
    }

    #[test]
    fn setext_and_hashtags() {
        assert_eq!(
            marks("Title\n=====\n#tag here\n#\n"),
            vec![
                (Mark::Heading(1), vec!["Title"]),
                (Mark::Plain, vec!["#tag here"]),
                (Mark::Heading(1), vec![""]),
            ]
        );
    }
}
