//! Photo credits: "IMAGO/SNA", "© AFP / Jean Dupont", "Photo : AFP", "(JANE DOE /
//! AFP)", ". - Jean Dupont - AFP" at a caption's end. The agency or the photographer
//! inside one is not a mention of the story: candidates starting in a credit are
//! dropped. The words that open a credit are the profile's (`credit_*` classes of
//! `assets/lang/<code>/grammar.tsv`); the shapes (a slash between names, a bracket at the line's end, a
//! dash after the sentence) are the same in every language.

use super::lexicon::Lexicon;
use std::ops::Range;

/// A language's credit words, lowercase: the profile's `credit_mark` (a credit to
/// the end of the line), `credit_label` (when a colon follows, longest first) and
/// `credit_join` ("via") classes.
pub struct Words {
    marks: &'static [&'static str],
    labels: &'static [&'static str],
    via: &'static [&'static str],
}

pub fn words(lex: &'static Lexicon) -> Words {
    Words {
        marks: &lex.credit_marks,
        labels: &lex.credit_labels,
        via: &lex.credit_joins,
    }
}

/// The byte ranges of `text` that are credits, in order.
pub fn spans(text: &str, words: &Words) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most text holds no slash, no bracket at a line's end and no credit word.
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        if let Some(r) = in_line(body, words) {
            out.push(line_start + r.start..line_start + r.end);
        }
        line_start += line.len();
    }
    out
}

/// The credit at the end of one line, if any.
fn in_line(line: &str, words: &Words) -> Option<Range<usize>> {
    if line.is_empty() {
        return None;
    }
    if let Some(at) = opened(line, words) {
        return Some(at..line.len());
    }
    // The last sentence of the line: after the last ". " (or the line's start).
    let tail_start = last_sentence_end(line);
    let tail = &line[tail_start..];
    let trimmed = tail.trim_start();
    let t0 = line.len() - trimmed.len();
    // "(JANE DOE / AFP)", "[... via AFP]" closing the line.
    if let Some(close) = trimmed.chars().last().filter(|c| matches!(c, ')' | ']')) {
        let open = if close == ')' { '(' } else { '[' };
        if let Some(o) = line.rfind(open) {
            let inside = &line[o + 1..line.len() - 1];
            if (inside.contains('/') || has_via(inside, words)) && names_only(inside, words) {
                return Some(o..line.len());
            }
        }
    }
    // After a sentence: "IMAGO/SNA", "- Jean Dupont - AFP", "— AFP".
    if tail_start > 0 {
        let dash = trimmed.starts_with(['-', '\u{2013}', '\u{2014}']);
        let body = trimmed.trim_start_matches(['-', '\u{2013}', '\u{2014}', ' ']);
        // Asked in this order: a line's last sentence is nearly always prose, which
        // `names_only` turns away at its first lowercase word; then most lines have
        // no dash, and a slash is cheaper to find than a `via` word.
        if !body.is_empty()
            && names_only(body, words)
            && (dash || body.contains('/') || has_via(body, words))
        {
            return Some(t0..line.len());
        }
    } else if trimmed.contains('/') && has_via(trimmed, words) && names_only(trimmed, words) {
        // A whole line of credit: "Jane Doe/Bloomberg via Getty Images".
        return Some(t0..line.len());
    }
    None
}

/// Where a mark or a label with its colon opens a credit, in the line's last
/// [`TAIL`] bytes (a credit closes a caption).
fn opened(line: &str, words: &Words) -> Option<usize> {
    let mut from = line.len().saturating_sub(TAIL);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let tail = &line[from..];
    for m in words.marks {
        if let Some(at) = find_word(tail, m) {
            return Some(from + at);
        }
    }
    if !tail.contains(':') {
        return None;
    }
    for l in words.labels {
        if let Some(at) = find_word(tail, l) {
            let after = tail[at + l.len()..].trim_start_matches([' ', '\u{a0}']);
            // "Photo : AFP", not a caption's label ("PHOTO: Containers are ...").
            if let Some(rest) = after.strip_prefix(':') {
                if names_only(rest, words) {
                    return Some(from + at);
                }
            }
        }
    }
    None
}

/// How far from a line's end a credit can open, in bytes.
const TAIL: usize = 160;

/// The first place `w` (lowercase) stands as a whole word in `s`, ASCII letters in
/// any case.
fn find_word(s: &str, w: &str) -> Option<usize> {
    let (b, wb) = (s.as_bytes(), w.as_bytes());
    let word_char = |c: char| c.is_alphanumeric();
    let whole = w.chars().all(word_char);
    let last = b.len().checked_sub(wb.len())?;
    let mut at = 0;
    // Most places do not even hold the word's first byte: the search skips to the
    // next one that does (a letter in either case: the two differ by bit 0x20).
    let first = wb
        .first()
        .map(|&f| (f.to_ascii_lowercase(), f.is_ascii_alphabetic()));
    while at <= last {
        match first {
            Some((f, true)) => at += memchr::memchr2(f, f & !0x20, &b[at..=last])?,
            Some((f, false)) => at += memchr::memchr(f, &b[at..=last])?,
            None => {}
        }
        if s.is_char_boundary(at) && b[at..at + wb.len()].eq_ignore_ascii_case(wb) {
            let before = s[..at].chars().next_back().is_none_or(|c| !word_char(c));
            let after = s
                .get(at + wb.len()..)
                .is_some_and(|r| r.chars().next().is_none_or(|c| !word_char(c)));
            if before && (after || !whole) {
                return Some(at);
            }
        }
        at += 1;
    }
    None
}

/// The end of the line's last sentence before a credit: after ". ", "! ", "? ".
fn last_sentence_end(line: &str) -> usize {
    let b = line.as_bytes();
    // The last one: searched from the line's end.
    (1..b.len())
        .rev()
        .find(|&i| b[i] == b' ' && matches!(b[i - 1], b'.' | b'!' | b'?'))
        .unwrap_or(0)
}

fn has_via(s: &str, words: &Words) -> bool {
    s.split_whitespace().any(|w| {
        if w.is_ascii() {
            // The lowercase of an ASCII word, compared without making it (every
            // line's last sentence is asked).
            words.via.iter().any(|v| {
                v.len() == w.len()
                    && w.bytes()
                        .zip(v.bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
            })
        } else {
            // Lowering a letter never makes fewer letters: a word longer than every
            // `via` word is none of them, told without lowering it.
            let longest = words
                .via
                .iter()
                .map(|v| v.chars().count())
                .max()
                .unwrap_or(0);
            w.chars().count() <= longest && words.via.contains(&w.to_lowercase().as_str())
        }
    })
}

/// Capitalized words, slashes, dashes and the profile's `via` words only: a list of
/// names, at most twelve words.
fn names_only(s: &str, words: &Words) -> bool {
    let mut n = 0;
    for w in s.split(|c: char| c.is_whitespace() || c == '/') {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '-' | '\u{2013}' | '\u{2014}'));
        if w.is_empty() {
            continue;
        }
        n += 1;
        let first = w.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || first.is_ascii_digit() || words.via.contains(&w)) {
            return false;
        }
    }
    (1..=12).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::extract::lexicon::lexicon;
    use crate::Language;

    fn credit(line: &str, lang: Language) -> Option<&str> {
        spans(line, &words(lexicon(lang)))
            .first()
            .map(|r| &line[r.clone()])
    }

    #[test]
    fn credits_at_a_captions_end() {
        let fr = Language::Fr;
        assert_eq!(
            credit("Le ministre à Lyon. IMAGO/Xinhua", fr),
            Some("IMAGO/Xinhua")
        );
        assert_eq!(
            credit("Le ministre à Lyon, mardi. (JEAN DUPONT / AFP)", fr),
            Some("(JEAN DUPONT / AFP)")
        );
        assert_eq!(
            credit("Le ministre à Lyon. © Maxppp / Jean Dupont", fr),
            Some("© Maxppp / Jean Dupont")
        );
        assert_eq!(
            credit("Le ministre à Lyon. Crédit photo : Reuters", fr),
            Some("Crédit photo : Reuters")
        );
        assert_eq!(
            credit("Le ministre à Lyon, mardi. - Jean Dupont - AFP", fr),
            Some("- Jean Dupont - AFP")
        );
        let en = Language::En;
        assert_eq!(
            credit("Jane Doe/Bloomberg via Getty Images", en),
            Some("Jane Doe/Bloomberg via Getty Images")
        );
        assert_eq!(
            credit("The minister in Leeds. Photo: Reuters/John Smith", en),
            Some("Photo: Reuters/John Smith")
        );
    }

    #[test]
    fn prose_holds_no_credit() {
        let fr = Language::Fr;
        assert_eq!(
            credit("Le ministre a vu la photo de famille à Lyon.", fr),
            None
        );
        assert_eq!(credit("PHOTO : Des conteneurs au port du Havre.", fr), None);
        assert_eq!(
            credit(
                "Un procès pour violation du copyright à New York.",
                Language::En
            ),
            None
        );
        assert_eq!(
            credit(
                "Il a cité la source. Le Monde / Libération ont réagi hier.",
                fr
            ),
            None
        );
        assert_eq!(credit("POMPÉI / ITALIE", fr), None);
        assert_eq!(credit("Le rapport (voir page 3) a été publié.", fr), None);
    }
}
