//! Sentence boundaries that do not break on "M.", "Mme", "Dr", initials or decimals.

use super::token::{tokenize, Token, TokenKind};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../../../assets/rules/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "\"" | "”" | "’" | "'" | ")" | "]")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "«" | "\"" | "“" | "(" | "[" | "—" | "–" | "-")
}

/// The sentences of `text` as byte ranges, trimmed of surrounding spaces.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_from_tokens(text, &tokenize(text))
}

/// Same as [`sentences`], reusing tokens already computed for `text`.
pub fn sentences_from_tokens(text: &str, toks: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if start.is_none() {
            start = Some(t.start);
        }
        // (A word's text is not even looked at: most tokens are words.)
        let ends = t.kind == TokenKind::Punct && matches!(t.text(text), "." | "!" | "?" | "…");
        if ends && !(t.text(text) == "." && is_abbreviation(text, toks, i)) {
            // Swallow repeated marks and closing quotes: `?!`, `...`, `.»`.
            let mut j = i + 1;
            while j < toks.len() && !toks[j].space_before && toks[j].kind == TokenKind::Punct {
                let n = toks[j].text(text);
                if matches!(n, "." | "!" | "?" | "…") || is_closer(n) {
                    j += 1;
                } else {
                    break;
                }
            }
            // A closing quote after a space still belongs here: « ... . »
            while j < toks.len() && is_closer(toks[j].text(text)) && toks[j].text(text) == "»" {
                j += 1;
            }
            let next_starts = match toks.get(j) {
                None => true,
                Some(n) => {
                    n.space_before
                        && (n.cap || n.kind == TokenKind::Number || is_opener(n.text(text)))
                }
            };
            if next_starts {
                let end = toks[j - 1].end;
                out.push(start.take().unwrap_or(t.start)..end);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let (Some(s), Some(last)) = (start, toks.last()) {
        out.push(s..last.end);
    }
    out
}

/// A period right after an abbreviation or an initial ("J. K. Rowling").
fn is_abbreviation(text: &str, toks: &[Token], i: usize) -> bool {
    if i == 0 || toks[i].space_before {
        return false;
    }
    let prev = toks[i - 1];
    if prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text(text);
    let is_initial = super::one_char(w) && w.starts_with(char::is_uppercase);
    is_initial || abbreviations().contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn titles_initials_and_decimals_do_not_split() {
        assert_eq!(
            split("Arrivé à Bichkek, M. Poutine a parlé. Mme Rizk et le Dr Hulute aussi! J. K. Rowling a 4.5 ans."),
            ["Arrivé à Bichkek, M. Poutine a parlé.", "Mme Rizk et le Dr Hulute aussi!", "J. K. Rowling a 4.5 ans."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("Il a dit «Nos relations se développent.» Puis il est parti. «Oui», dit-elle."),
            [
                "Il a dit «Nos relations se développent.»",
                "Puis il est parti.",
                "«Oui», dit-elle."
            ]
        );
    }

    #[test]
    fn no_final_period() {
        assert_eq!(split("Sommet vendredi"), ["Sommet vendredi"]);
        assert!(split("   ").is_empty());
    }
}
