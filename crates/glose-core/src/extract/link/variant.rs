//! A misspelt full name joins the person it misspells ("Gérlad Darmanin" -> "Gérald
//! Darmanin", "Kaiss Saed" -> "Kais Saed"): a news article that slips once on a name
//! otherwise shows two people, and its surname alone ("Darmanin") then joins neither.
//!
//! Two full names of a person are one when they have the same number of words, all
//! alike but one, and that one differs by a single letter added, dropped, changed or
//! swapped with its neighbour, in words of four letters or more, where at least one of
//! the two spellings is in no list of names (a slip is no name of its own: "Ivana" and
//! "Ivanka Trump", "Louis" and "Louise Smith" are two people).

use super::{join, root, Group};
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::Names;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Full names sharing a word at one place compared pairwise: a bucket larger than
/// this (a long register of one family) is left alone.
const MAX_BUCKET: usize = 32;
/// The shorter spelling of the differing word has at least this many letters.
const MIN_LETTERS: usize = 4;

pub fn link(text: &str, names: &Names, groups: &mut [Group], lex: &Lexicon) {
    let full =
        |g: &Group| g.into.is_none() && g.multiword() && g.kind() == Some(EntityKind::Person);
    let mut buckets: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for (g, gr) in groups.iter().enumerate() {
        if full(gr) {
            for (k, w) in gr.key.split(' ').enumerate() {
                buckets.entry((k, w)).or_default().push(g);
            }
        }
    }
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for members in buckets.values().filter(|m| m.len() <= MAX_BUCKET) {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                if let Some(k) = differing_word(&groups[a].key, &groups[b].key) {
                    pairs.push((a.min(b), a.max(b), k));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (a, b, k) in pairs {
        let listed = |g: usize| {
            let Some(m) = groups[g].first else {
                return true;
            };
            let p = &names[m as usize];
            text[p.start..p.end()]
                .split_whitespace()
                .nth(k)
                .is_none_or(|w| lex.first_names.contains(w) || lex.surnames.contains(w))
        };
        let (la, lb) = (listed(a), listed(b));
        if la && lb {
            continue;
        }
        // The unlisted spelling joins the listed one; of two unlisted, the rarer.
        let (g, into) = match (la, lb) {
            (true, false) => (b, a),
            (false, true) => (a, b),
            _ if groups[b].count > groups[a].count => (a, b),
            _ => (b, a),
        };
        if groups[g].into.is_some() || root(groups, into) == g {
            continue;
        }
        let why = format!("spelling of \"{}\"", groups[into].key);
        join(groups, g, into, why);
    }
}

/// The one word in which two names of as many words differ, when it differs by one
/// edit and the rest are alike.
fn differing_word(a: &str, b: &str) -> Option<usize> {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return None;
    }
    let mut differ = wa.iter().zip(&wb).enumerate().filter(|(_, (x, y))| x != y);
    let (k, (x, y)) = differ.next()?;
    if differ.next().is_some() || !one_edit(x, y) {
        return None;
    }
    Some(k)
}

/// One letter added, dropped, changed or swapped with its neighbour, between words of
/// [`MIN_LETTERS`] letters or more.
fn one_edit(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let (s, l) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if s.len() < MIN_LETTERS || l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(a, b)| a == b).count();
    if s.len() == l.len() && p == s.len() {
        return false;
    }
    if s.len() < l.len() {
        // Dropped: the rest of the longer word after the extra letter is the rest.
        return s[p..] == l[p + 1..];
    }
    // Changed: the rest after the differing letter is alike; swapped: the two
    // letters cross and the rest after them is alike.
    s[p + 1..] == l[p + 1..]
        || (p + 1 < s.len() && s[p] == l[p + 1] && s[p + 1] == l[p] && s[p + 2..] == l[p + 2..])
}

#[cfg(test)]
mod tests {
    use super::{differing_word, one_edit};

    #[test]
    fn one_edit_counts_a_single_letter_added_dropped_changed_or_swapped() {
        assert!(one_edit("gerald", "gerlad"));
        assert!(one_edit("kais", "kaiss"));
        assert!(one_edit("saied", "saed"));
        assert!(one_edit("martin", "martyn"));
        assert!(!one_edit("jaumain", "jomain"));
        assert!(!one_edit("dan", "don"));
        assert!(!one_edit("gerald", "gerald"));
        assert!(!one_edit("abcd", "badc"));
    }

    #[test]
    fn names_differ_in_one_word_only() {
        assert_eq!(
            differing_word("gerald darmanin", "gerlad darmanin"),
            Some(0)
        );
        assert_eq!(differing_word("kais saied", "kais saed"), Some(1));
        assert_eq!(differing_word("kais saied", "kaiss saed"), None);
        assert_eq!(differing_word("jean paul", "jean paul martin"), None);
    }
}
