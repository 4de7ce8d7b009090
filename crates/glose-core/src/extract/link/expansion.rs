//! "Centre de lutte contre les criminalités numériques (C3N)": an acronym names the
//! name the name pass stopped at its first lowercase word. When the acronym's letters
//! are the initials of the words from the name's start to a word whose initial is the
//! acronym's last letter, that stretch is the name: its mention runs to there and the
//! acronym joins it. The stretch either ends at the acronym's parenthesis or, for an
//! acronym used elsewhere in the article, follows the name's first mention.

use super::{join, Group};
use crate::extract::features::F;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::Names;
use crate::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// The longest stretch of lowercase words after a name, in bytes.
const MAX_GAP: usize = 90;
/// Names before a parenthesis tried as the expansion's start ("Al Qaïda au Maghreb
/// islamique (Aqmi)" holds a place).
const BACK: usize = 3;
/// The votes of a common phrase an acronym of a common thing spells.
const NOT_A_NAME: f32 = -1.0;
/// Organizations tried per acronym letter (a dense article has thousands).
const TRIES: usize = 64;

pub fn link(text: &str, names: &mut Names, groups: &mut [Group], lex: &Lexicon) {
    let skip = lex.grammar.words("acronym_skip");
    in_parentheses(text, names, groups, skip);
    elsewhere(text, names, groups, skip);
}

fn is_org(gr: &Group) -> bool {
    gr.kind() == Some(EntityKind::Organization)
}

/// "Name lowercase words (ACR)".
fn in_parentheses(text: &str, names: &mut Names, groups: &mut [Group], skip: &[&str]) {
    for m in 1..names.len() {
        let acr = &names[m];
        let g = acr.key as usize;
        if !acr.single || groups[g].into.is_some() {
            continue;
        }
        let word = &text[acr.start..acr.end()];
        let Some(open) = text[..acr.start].strip_suffix('(') else {
            continue;
        };
        if !text[acr.end()..].starts_with(')') {
            continue;
        }
        let gap_end = open.trim_end().len();
        for back in 1..=BACK.min(m) {
            let prev = &names[m - back];
            let e = prev.key as usize;
            if prev.end() > gap_end || gap_end - prev.end() > MAX_GAP || e == g {
                break;
            }
            let gap = &text[prev.end()..gap_end];
            if !(gap.is_empty() || gap.starts_with([' ', ','])) || gap.chars().any(stops) {
                break;
            }
            if groups[e].into.is_some() || !spells(word, &text[prev.start..gap_end], skip) {
                continue;
            }
            // "Produit intérieur brut (PIB)": the acronym of a common thing spells a
            // common phrase, whatever its capital: neither is a name.
            if groups[g].feats.has(F::CommonAcronym) {
                for v in groups[e].votes.iter_mut() {
                    *v = v.min(NOT_A_NAME);
                }
                break;
            }
            // One organization: the acronym joins the name when the name is one, else
            // the name joins the acronym.
            let (from, to) = if is_org(&groups[e]) {
                (g, e)
            } else if is_org(&groups[g]) {
                (e, g)
            } else {
                break;
            };
            let expansion = crate::text::sanitize(&text[prev.start..gap_end]);
            join(groups, from, to, format!("acronym of \"{expansion}\""));
            let start = prev.start;
            names[m - back].len = (gap_end - start) as u32;
            // A fragment of the expansion the name pass took for an organization of
            // its own, named nowhere else ("Technology" in "Massachusetts Institute of
            // Technology").
            for k in m - back + 1..m {
                let f = names[k].key as usize;
                if f != to && groups[f].into.is_none() && groups[f].count == 1 && is_org(&groups[f])
                {
                    join(groups, f, to, format!("inside \"{expansion}\""));
                }
            }
            break;
        }
    }
}

/// An acronym no rule joined, and an organization whose first mention is followed by
/// lowercase words its letters spell ("Cellule de coordination des actions de
/// terrain" ... "CCAT").
fn elsewhere(text: &str, names: &mut Names, groups: &mut [Group], skip: &[&str]) {
    let mut acronyms: HashMap<char, Vec<usize>> = HashMap::default();
    for (g, gr) in groups.iter().enumerate() {
        let Some(m) = gr.first else { continue };
        let p = &names[m as usize];
        let word = &text[p.start..p.end()];
        let caps = word.chars().all(|c| !c.is_lowercase()) && word.chars().count() >= 2;
        if p.single && caps && gr.into.is_none() && is_org(gr) {
            if let Some(c) = word.chars().next() {
                acronyms.entry(c).or_default().push(g);
            }
        }
    }
    if acronyms.is_empty() {
        return;
    }
    for e in 0..groups.len() {
        let Some(m) = groups[e].first else { continue };
        if groups[e].into.is_some() || !is_org(&groups[e]) {
            continue;
        }
        let p = &names[m as usize];
        let Some(tries) = text[p.start..]
            .chars()
            .next()
            .and_then(|c| acronyms.get(&c))
        else {
            continue;
        };
        let ends = word_ends(text, p.end());
        if ends.is_empty() {
            continue;
        }
        let found = tries.iter().take(TRIES).find_map(|&g| {
            let q = &names[groups[g].first? as usize];
            let word = &text[q.start..q.end()];
            let end = ends.iter().find(|&&end| {
                g != e && groups[g].into.is_none() && spells(word, &text[p.start..end], skip)
            })?;
            Some((g, *end))
        });
        if let Some((g, end)) = found {
            let expansion = crate::text::sanitize(&text[p.start..end]);
            join(groups, g, e, format!("acronym of \"{expansion}\""));
            let start = names[m as usize].start;
            names[m as usize].len = (end - start) as u32;
        }
    }
}

/// The ends of the lowercase words after `from` (a name's end), up to a stop, a
/// capitalized word or [`MAX_GAP`] bytes.
fn word_ends(text: &str, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut to = text.len().min(from + MAX_GAP + 1);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &text[from..to];
    if !rest.starts_with(' ') {
        return out;
    }
    let mut pos = 0;
    for w in rest.split(' ') {
        let start = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let w = w.trim_end_matches(',');
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() || w.chars().any(stops) || pos > rest.len() {
            break;
        }
        out.push(from + start + w.len());
    }
    out
}

/// Characters that end a name's stretch: a sentence, a clause, a quotation.
fn stops(c: char) -> bool {
    matches!(
        c,
        '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '«' | '»' | '"' | '\n'
    )
}

/// The acronym's letters are initials of the expansion's words, in order: the first
/// letter the first word's, the last one the last word's (a digit repeats the letter
/// before it: "C3N"), and at least as many letters as the words left when the
/// profile's `acronym_skip` words are dropped, less two.
pub fn spells(acronym: &str, expansion: &str, skip: &[&str]) -> bool {
    let mut letters: Vec<char> = Vec::new();
    for c in acronym.chars() {
        if let Some(d) = c.to_digit(10) {
            let Some(&last) = letters.last() else {
                return false;
            };
            for _ in 1..d.min(5) {
                letters.push(last);
            }
        } else if c.is_alphabetic() {
            letters.extend(c.to_uppercase());
        } else {
            return false;
        }
    }
    let words: Vec<&str> = expansion
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '\u{2019}' | ',' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let initials: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let content = words
        .iter()
        .filter(|w| !skip.contains(&w.to_lowercase().as_str()))
        .count();
    if letters.len() < 2 || initials.len() < 2 || letters.len() + 2 < content {
        return false;
    }
    if letters.first() != initials.first() || letters.last() != initials.last() {
        return false;
    }
    // A subsequence, first letter on the first word.
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|i| i == l))
}

#[cfg(test)]
mod tests {
    use super::{spells, word_ends};

    const SKIP: &[&str] = &["de", "du", "des", "d", "la", "le", "l", "les", "et"];

    #[test]
    fn an_acronym_spells_a_long_name_with_lowercase_words() {
        assert!(spells(
            "ONSP",
            "Office national de la sûreté portuaire",
            SKIP
        ));
        assert!(spells(
            "DRAC",
            "Direction régionale des affaires culturelles",
            SKIP
        ));
        assert!(spells(
            "Urssaf",
            "Union de recouvrement des cotisations de sécurité sociale et d'allocations familiales",
            SKIP
        ));
        // A digit repeats the letter before it.
        assert!(spells("C2R", "Centre de coordination des risques", SKIP));
    }

    #[test]
    fn letters_that_do_not_follow_the_words_spell_nothing() {
        assert!(!spells(
            "XYZ",
            "Office national de la sûreté portuaire",
            SKIP
        ));
        // The last letter must be the last word's.
        assert!(!spells(
            "ONS",
            "Office national de la sûreté portuaire",
            SKIP
        ));
        assert!(!spells("A", "Agence", SKIP));
        // Too few letters for the words.
        assert!(!spells(
            "OP",
            "Office national de la sûreté maritime et portuaire",
            SKIP
        ));
    }

    #[test]
    fn the_words_after_a_name_stop_at_a_capitalized_word_or_a_stop() {
        let t = "la Cellule de veille des marchés devant le Sénat.";
        let ends: Vec<&str> = word_ends(t, 10).into_iter().map(|e| &t[10..e]).collect();
        assert_eq!(
            ends,
            [
                " de",
                " de veille",
                " de veille des",
                " de veille des marchés",
                " de veille des marchés devant",
                " de veille des marchés devant le"
            ]
        );
    }
}
