//! Re-anchoring: finding a highlight again in an article that changed on disk.
//!
//! In order: the recorded position if the text there is still the exact quote;
//! the exact quote elsewhere (the occurrence whose surroundings best match the
//! recorded prefix and suffix, then the nearest); the text between the recorded
//! prefix and suffix (a word inside the highlight changed); a fuzzy match of the
//! quote (edit distance at most 30% of its length). A highlight found by none of
//! these is orphaned: kept, listed and exported with its text, never dropped.

use super::model::{Position, Quote};
use std::ops::Range;

/// How a highlight was found in the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchoring {
    /// The exact quote: where it was recorded, or elsewhere.
    Exact,
    /// Between the recorded prefix and suffix (the text inside changed).
    Context,
    /// An approximate match of the quote.
    Fuzzy,
    /// Not found: the highlight keeps its recorded quote and is listed apart.
    Orphaned,
}

impl Anchoring {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchoring::Exact => "exact",
            Anchoring::Context => "context",
            Anchoring::Fuzzy => "fuzzy",
            Anchoring::Orphaned => "orphaned",
        }
    }
}

/// The largest edit distance a fuzzy match may have, as a fraction of the quote.
const MAX_FUZZ: f64 = 0.3;
/// Quotes longer than this (in characters) are not matched fuzzily (cost).
const MAX_FUZZY_CHARS: usize = 2000;

/// Finds a highlight in `text`: its byte range and how it was found, or `None`
/// (orphaned).
pub fn anchor(text: &str, pos: Position, quote: &Quote) -> Option<(Range<usize>, Anchoring)> {
    let exact = quote.exact.as_str();
    if exact.is_empty() {
        return None;
    }
    if text.get(pos.start..pos.end) == Some(exact) {
        return Some((pos.start..pos.end, Anchoring::Exact));
    }
    if let Some(r) = find_exact(text, pos, quote) {
        return Some((r, Anchoring::Exact));
    }
    if let Some(r) = find_by_context(text, pos, quote) {
        return Some((r, Anchoring::Context));
    }
    find_fuzzy(text, pos, quote).map(|r| (r, Anchoring::Fuzzy))
}

/// Characters that `a` ends with and `b` ends with alike.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// How well the text around `r` agrees with the recorded prefix and suffix.
fn context_score(text: &str, r: &Range<usize>, quote: &Quote) -> usize {
    common_suffix(&text[..r.start], &quote.prefix) + common_prefix(&text[r.end..], &quote.suffix)
}

fn find_exact(text: &str, pos: Position, quote: &Quote) -> Option<Range<usize>> {
    text.match_indices(quote.exact.as_str())
        .take(10_000)
        .map(|(s, m)| s..s + m.len())
        .max_by_key(|r| {
            (
                context_score(text, r, quote),
                std::cmp::Reverse(r.start.abs_diff(pos.start)),
            )
        })
}

fn find_by_context(text: &str, pos: Position, quote: &Quote) -> Option<Range<usize>> {
    let (prefix, suffix) = (quote.prefix.as_str(), quote.suffix.as_str());
    // Both sides are needed, and long enough not to match by chance.
    if prefix.chars().count() < 8 || suffix.chars().count() < 8 {
        return None;
    }
    let exact: Vec<char> = quote.exact.chars().collect();
    let reach = quote.exact.len() * 2 + 256;
    let mut best: Option<(usize, Range<usize>)> = None;
    for (p, _) in text.match_indices(prefix).take(1000) {
        let start = p + prefix.len();
        let mut limit = (start + reach + suffix.len()).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let Some(s) = text[start..limit].find(suffix) else {
            continue;
        };
        let r = start..start + s;
        let found: Vec<char> = text[r.clone()].chars().collect();
        if !similar(&exact, &found) {
            continue;
        }
        let dist = r.start.abs_diff(pos.start);
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, r));
        }
    }
    best.map(|(_, r)| r)
}

/// Whether two texts are within the fuzzy distance of each other.
fn similar(a: &[char], b: &[char]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let longest = a.len().max(b.len());
    let limit = (longest as f64 * MAX_FUZZ) as usize;
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    if longest > MAX_FUZZY_CHARS * 2 {
        return true; // the length agrees and both ends were found: accept
    }
    levenshtein(a, b) <= limit
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn find_fuzzy(text: &str, pos: Position, quote: &Quote) -> Option<Range<usize>> {
    let exact = quote.exact.as_str();
    let chars: Vec<(usize, char)> = exact.char_indices().collect();
    let m = chars.len();
    if !(8..=MAX_FUZZY_CHARS).contains(&m) {
        return None;
    }
    // Pieces of the quote found exactly vote for where the quote starts.
    let pieces = 8.min(m / 5).max(1);
    let piece_len = m / pieces;
    let mut votes: Vec<usize> = Vec::new();
    for k in 0..pieces {
        let (from, _) = chars[k * piece_len];
        let to = chars.get((k + 1) * piece_len).map_or(exact.len(), |c| c.0);
        let piece = &exact[from..to];
        if piece.trim().chars().count() < 4 {
            continue;
        }
        votes.extend(
            text.match_indices(piece)
                .take(50)
                .map(|(at, _)| at.saturating_sub(from)),
        );
    }
    votes.sort_unstable();
    // Clusters of nearby votes, most votes first.
    let tolerance = exact.len() / 4 + 8;
    let mut clusters: Vec<(usize, usize)> = Vec::new(); // (votes, first vote)
    let mut i = 0;
    while i < votes.len() {
        let mut j = i;
        while j + 1 < votes.len() && votes[j + 1] - votes[i] <= tolerance {
            j += 1;
        }
        clusters.push((j - i + 1, votes[i]));
        i = j + 1;
    }
    clusters.sort_by_key(|&(n, at)| (std::cmp::Reverse(n), at.abs_diff(pos.start)));

    let pattern: Vec<char> = chars.iter().map(|c| c.1).collect();
    let limit = (m as f64 * MAX_FUZZ) as usize;
    let mut best: Option<(usize, usize, Range<usize>)> = None;
    for &(_, at) in clusters.iter().take(3) {
        let lo = floor_boundary(text, at.saturating_sub(exact.len() / 2 + 64));
        let hi = floor_boundary(text, at + exact.len() * 3 / 2 + 64 + tolerance);
        let Some((dist, r)) = align(&pattern, &text[lo..hi]) else {
            continue;
        };
        let r = lo + r.start..lo + r.end;
        let near = r.start.abs_diff(pos.start);
        if dist <= limit
            && best
                .as_ref()
                .is_none_or(|(d, n, _)| (dist, near) < (*d, *n))
        {
            best = Some((dist, near, r));
        }
    }
    best.map(|(_, _, r)| trim_range(text, r))
}

/// Semi-global alignment (Sellers): the substring of `window` closest to
/// `pattern` by edit distance, as a byte range of `window`.
fn align(pattern: &[char], window: &str) -> Option<(usize, Range<usize>)> {
    let t: Vec<(usize, char)> = window.char_indices().collect();
    if t.is_empty() {
        return None;
    }
    let n = t.len();
    // cost[j], start[j]: best alignment of the pattern so far ending before t[j].
    let mut cost: Vec<usize> = vec![0; n + 1];
    let mut start: Vec<usize> = (0..=n).collect();
    let mut next_cost = vec![0; n + 1];
    let mut next_start = vec![0; n + 1];
    for (i, &p) in pattern.iter().enumerate() {
        next_cost[0] = i + 1;
        next_start[0] = 0;
        for j in 1..=n {
            let sub = cost[j - 1] + usize::from(t[j - 1].1 != p);
            let del = cost[j] + 1;
            let ins = next_cost[j - 1] + 1;
            let (c, s) = if sub <= del && sub <= ins {
                (sub, start[j - 1])
            } else if del <= ins {
                (del, start[j])
            } else {
                (ins, next_start[j - 1])
            };
            next_cost[j] = c;
            next_start[j] = s;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
    }
    let (end, &dist) = cost.iter().enumerate().min_by_key(|&(j, c)| (*c, j))?;
    let s = start[end];
    let byte = |j: usize| t.get(j).map_or(window.len(), |c| c.0);
    (end > s).then(|| (dist, byte(s)..byte(end)))
}

/// Without leading or trailing white space.
fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    if start < end {
        start..end
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_of(text: &str, exact: &str) -> (Position, Quote) {
        let s = text.find(exact).unwrap();
        let r = s..s + exact.len();
        (
            Position {
                start: r.start,
                end: r.end,
            },
            Quote::of(text, r),
        )
    }

    const TEXT: &str = "Premier paragraphe sans rapport. Vladimir Poutine a prôné jeudi au \
        Kirghizstan un renforcement des liens militaires. Le président russe ne risque pas \
        d'être arrêté lors de ce voyage. Fin.";

    #[test]
    fn same_text_is_exact_in_place() {
        let (p, q) = quote_of(TEXT, "Le président russe ne risque pas d'être arrêté");
        let (r, how) = anchor(TEXT, p, &q).unwrap();
        assert_eq!((r.start, r.end, how), (p.start, p.end, Anchoring::Exact));
    }

    #[test]
    fn inserted_text_before_moves_it() {
        let (p, q) = quote_of(TEXT, "Le président russe ne risque pas d'être arrêté");
        let edited = format!("Un ajout au début, assez long. {TEXT}");
        let (r, how) = anchor(&edited, p, &q).unwrap();
        assert_eq!(how, Anchoring::Exact);
        assert_eq!(&edited[r], q.exact);
    }

    #[test]
    fn a_word_changed_inside_is_found_by_context() {
        let (p, q) = quote_of(TEXT, "Vladimir Poutine a prôné jeudi au Kirghizstan");
        let edited = TEXT.replace("prôné jeudi", "défendu mercredi");
        let (r, how) = anchor(&edited, p, &q).unwrap();
        assert_eq!(how, Anchoring::Context);
        assert_eq!(
            &edited[r],
            "Vladimir Poutine a défendu mercredi au Kirghizstan"
        );
    }

    #[test]
    fn changed_context_and_inside_is_fuzzy() {
        let (p, q) = quote_of(TEXT, "un renforcement des liens militaires");
        let edited = TEXT
            .replace("Kirghizstan un", "Kirghizstan, hier, un")
            .replace("liens militaires. Le", "liens militaire — Le")
            .replace("Premier paragraphe sans rapport.", "");
        let (r, how) = anchor(&edited, p, &q).unwrap();
        assert_eq!(how, Anchoring::Fuzzy);
        assert_eq!(&edited[r], "un renforcement des liens militaire");
    }

    #[test]
    fn deleted_text_is_orphaned() {
        let (p, q) = quote_of(
            TEXT,
            "Le président russe ne risque pas d'être arrêté lors de ce voyage.",
        );
        let edited = TEXT.replace(
            "Le président russe ne risque pas d'être arrêté lors de ce voyage. ",
            "",
        );
        assert_eq!(anchor(&edited, p, &q), None);
    }

    #[test]
    fn repeated_quote_picks_the_matching_context() {
        let text = "A dit: oui. B dit: oui. C dit: oui.";
        let s = text.find("B dit: oui").unwrap() + 7;
        let r = s..s + 3;
        let q = Quote::of(text, r.clone());
        let edited = format!("Préambule. {text}");
        let (found, _) = anchor(&edited, Position { start: 0, end: 3 }, &q).unwrap();
        assert_eq!(found.start, r.start + "Préambule. ".len());
    }
}
