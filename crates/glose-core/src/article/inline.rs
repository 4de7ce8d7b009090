//! Inline Markdown -> visible pieces.
//!
//! A block's content ranges (one per line) minus its inline markup: emphasis
//! delimiters (`*`, `**`, `_`, `__`), code-span backticks, link syntax
//! (`[`, `](url)`, and the `!` of images) and escaping backslashes. Only markup
//! that pairs up is removed, so a lone `*` or `snake_case` stays as written.
//!
//! Every step is linear in the block's length (bounded stack searches, a
//! precomputed "next run of the same length" for backticks, a cache and a cap
//! for failed URL scans), so a huge one-line file cannot make it quadratic.

use std::ops::Range;

enum Tok {
    /// A backslash that escapes the next char.
    Esc(usize),
    /// A run of backticks: position and length.
    Ticks(usize, usize),
    Open(usize),
    /// `]`, with the end of a directly following `(url)` if there is one.
    Close(usize, Option<usize>),
    /// A run of `*` or `_` (1 to 3 long) and whether it can open/close emphasis.
    Delim {
        pos: usize,
        len: usize,
        ch: u8,
        open: bool,
        close: bool,
    },
}

/// How far back an emphasis closer looks for its opener; keeps matching linear.
const STACK_LOOKBACK: usize = 32;

/// The visible pieces of the content ranges `segs` (in order, non-empty).
pub fn pieces(text: &str, segs: &[Range<usize>]) -> Vec<Range<usize>> {
    let toks = tokenize(text, segs);
    if toks.is_empty() {
        // Sized exactly: an article of a million short paragraphs has a million of these.
        let mut out = Vec::with_capacity(segs.len());
        out.extend(segs.iter().filter(|r| !r.is_empty()).cloned());
        return out;
    }
    let mut cuts = resolve(text, &toks);
    cuts.sort_unstable_by_key(|r| r.start);
    subtract(segs, &cuts)
}

fn punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Bytes that may start markup.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 6 {
        t[b"\\`[]*_"[k] as usize] = true;
        k += 1;
    }
    t
};

/// Longer backtick runs are never code-span fences (keeps the lookup a table).
const MAX_TICKS: usize = 16;

fn tokenize(text: &str, segs: &[Range<usize>]) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::new();
    // Past a failed `(url` scan: any later scan starting before this fails too.
    let mut url_fail_until = 0;
    for seg in segs {
        let (s, e) = (seg.start, seg.end);
        let mut i = s;
        while i < e {
            // Jump over plain text: most bytes are not markup.
            match b[i..e].iter().position(|&c| SPECIAL[c as usize]) {
                Some(k) => i += k,
                None => break,
            }
            match b[i] {
                b'\\' if i + 1 < e && b[i + 1].is_ascii_punctuation() => {
                    toks.push(Tok::Esc(i));
                    i += 2;
                }
                b'`' => {
                    let n = b[i..e].iter().take_while(|&&c| c == b'`').count();
                    if n <= MAX_TICKS {
                        toks.push(Tok::Ticks(i, n));
                    }
                    i += n;
                }
                b'[' => {
                    toks.push(Tok::Open(i));
                    i += 1;
                }
                b']' => {
                    let url = if i + 1 < e && b[i + 1] == b'(' && i + 2 >= url_fail_until {
                        match url_end(b, i + 2, e) {
                            Ok(end) => Some(end),
                            Err(Some(stop)) => {
                                url_fail_until = stop;
                                None
                            }
                            Err(None) => None,
                        }
                    } else {
                        None
                    };
                    toks.push(Tok::Close(i, url));
                    // The URL is markup as a whole: nothing inside it is a token.
                    i = url.unwrap_or(i + 1);
                }
                c @ (b'*' | b'_') => {
                    let n = b[i..e].iter().take_while(|&&x| x == c).count();
                    let prev = text[s..i].chars().next_back().unwrap_or(' ');
                    let next = text[i + n..e].chars().next().unwrap_or(' ');
                    let left = !next.is_whitespace()
                        && (!punct(next) || prev.is_whitespace() || punct(prev));
                    let right = !prev.is_whitespace()
                        && (!punct(prev) || next.is_whitespace() || punct(next));
                    // `_` inside a word (snake_case) is not emphasis.
                    let (open, close) = if c == b'_' {
                        (
                            left && (!right || punct(prev)),
                            right && (!left || punct(next)),
                        )
                    } else {
                        (left, right)
                    };
                    if n <= 3 && (open || close) {
                        toks.push(Tok::Delim {
                            pos: i,
                            len: n,
                            ch: c,
                            open,
                            close,
                        });
                    }
                    i += n;
                }
                _ => i += 1,
            }
        }
    }
    toks
}

/// Longest URL looked for; bounds the work of scans that fail.
const MAX_URL: usize = 2048;

/// The end (past `)`) of a URL starting at `from`: no whitespace, balanced
/// parentheses allowed. On failure, where the scan stopped if no `)` at all
/// was seen before it (then any scan starting earlier than that fails too).
fn url_end(b: &[u8], from: usize, e: usize) -> Result<usize, Option<usize>> {
    let mut depth = 0usize;
    let mut saw_close = false;
    let end = e.min(from + MAX_URL);
    for (k, &c) in b[from..end].iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' if depth == 0 => return Ok(from + k + 1),
            b')' => {
                depth -= 1;
                saw_close = true;
            }
            c if c.is_ascii_whitespace() => return Err((!saw_close).then_some(from + k)),
            _ => {}
        }
    }
    Err((!saw_close).then_some(end))
}

/// Which byte ranges are markup.
fn resolve(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    // For each backtick run, the index of the next run of the same length.
    let mut next_same = vec![None; toks.len()];
    let mut seen = [None; MAX_TICKS + 1];
    for (k, t) in toks.iter().enumerate().rev() {
        if let Tok::Ticks(_, n) = *t {
            next_same[k] = seen[n].replace(k);
        }
    }
    let mut cuts = Vec::new();
    let mut brackets: Vec<usize> = Vec::new();
    let mut delims: Vec<(usize, usize, u8)> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match toks[k] {
            Tok::Esc(p) => cuts.push(p..p + 1),
            Tok::Ticks(p, n) => {
                if let Some(m) = next_same[k] {
                    if let Tok::Ticks(q, _) = toks[m] {
                        // Inside a code span everything is literal.
                        cuts.push(p..p + n);
                        cuts.push(q..q + n);
                        k = m;
                    }
                }
            }
            Tok::Open(p) => brackets.push(p),
            Tok::Close(p, url) => {
                if let (Some(o), Some(end)) = (brackets.pop(), url) {
                    // An image's `!` goes too, unless it was escaped.
                    let bang = o > 0 && b[o - 1] == b'!' && (o < 2 || b[o - 2] != b'\\');
                    cuts.push(if bang { o - 1 } else { o }..o + 1);
                    cuts.push(p..end);
                }
            }
            Tok::Delim {
                pos,
                len,
                ch,
                open,
                close,
            } => {
                let found = if close {
                    let lo = delims.len().saturating_sub(STACK_LOOKBACK);
                    (lo..delims.len())
                        .rev()
                        .find(|&j| delims[j].1 == len && delims[j].2 == ch)
                } else {
                    None
                };
                if let Some(j) = found {
                    let (op, ol, _) = delims[j];
                    cuts.push(op..op + ol);
                    cuts.push(pos..pos + len);
                    delims.truncate(j);
                } else if open {
                    delims.push((pos, len, ch));
                }
            }
        }
        k += 1;
    }
    cuts
}

/// `segs` minus the sorted `cuts`, dropping empty pieces.
fn subtract(segs: &[Range<usize>], cuts: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(segs.len());
    let mut c = 0;
    for seg in segs {
        let mut at = seg.start;
        while c < cuts.len() && cuts[c].start < seg.end {
            let cut = &cuts[c];
            if cut.start >= at {
                if cut.start > at {
                    out.push(at..cut.start);
                }
                at = cut.end.min(seg.end);
            } else {
                // Overlaps the previous cut (should not happen): skip what remains.
                at = at.max(cut.end.min(seg.end));
            }
            c += 1;
        }
        if at < seg.end {
            out.push(at..seg.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: &str) -> Vec<&str> {
        pieces(t, std::slice::from_ref(&(0..t.len())))
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn emphasis_and_code() {
        assert_eq!(shown("a **b** c"), ["a ", "b", " c"]);
        assert_eq!(shown("*x* and _y_"), ["x", " and ", "y"]);
        assert_eq!(shown("`a*b*`"), ["a*b*"]);
        assert_eq!(shown("***all***"), ["all"]);
    }

    #[test]
    fn literal_when_unpaired() {
        assert_eq!(
            shown("5 * 3 = snake_case_name"),
            ["5 * 3 = snake_case_name"]
        );
        assert_eq!(shown("Prix* et `x"), ["Prix* et `x"]);
        assert_eq!(shown("[not a link] (x)"), ["[not a link] (x)"]);
    }

    #[test]
    fn links_images_escapes() {
        assert_eq!(
            shown("see [the site](http://a.b/c_(d)) now"),
            ["see ", "the site", " now"]
        );
        assert_eq!(shown("![alt](i.png)"), ["alt"]);
        assert_eq!(shown(r"\*no\*"), ["*no", "*"]);
    }

    #[test]
    fn emphasis_across_lines() {
        let t = "*a\nb*";
        let got: Vec<&str> = pieces(t, &[0..2, 3..5])
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(got, ["a", "b"]);
    }
}
