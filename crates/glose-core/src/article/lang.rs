//! French or English, by a stop-word vote over the start of the text.

use super::Language;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How much of the text votes: enough for a confident count, cheap on huge files.
const SAMPLE: usize = 4096;

fn list(src: &'static str) -> HashSet<&'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn french() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| list(include_str!("../../../../assets/lang/stopwords.fr.txt")))
}

fn english() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| list(include_str!("../../../../assets/lang/stopwords.en.txt")))
}

/// The language of `text` (about its first 4 KB); French when the vote is tied.
pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut fr, mut en) = (0usize, 0usize);
    // Splitting on apostrophes too turns `l'un` into `l` + `un`, `it's` into `it` + `s`.
    for word in text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        fr += usize::from(french().contains(w.as_str()));
        en += usize::from(english().contains(w.as_str()));
    }
    if en > fr {
        Language::En
    } else {
        Language::Fr
    }
}

/// A language named in metadata (`fr`, `en-GB`, `French`…), if glose knows it.
pub fn named(name: &str) -> Option<Language> {
    let n = name.trim().to_lowercase();
    if n.starts_with("fr") {
        Some(Language::Fr)
    } else if n.starts_with("en") {
        Some(Language::En)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        assert_eq!(
            detect("Le président a dit qu'il ne viendrait pas à la réunion de lundi."),
            Language::Fr
        );
        assert_eq!(
            detect("The president said he would not come to the meeting on Monday."),
            Language::En
        );
        assert_eq!(detect("Xyz"), Language::Fr);
        assert_eq!(detect(&"é".repeat(5000)), Language::Fr);
    }
}
