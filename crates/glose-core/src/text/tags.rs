//! `#tags` written in notes, as Obsidian writes them: `#` then letters, digits,
//! `_`, `-` or `/` (nested tags), at least one of them not a digit, the `#` at the
//! start of the text or after a space or an opening bracket (so `C#`, `page#top`
//! and `#1` are not tags).

use std::ops::Range;

/// One tag in a text: its name without the `#`, and the byte range of `#name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub range: Range<usize>,
}

fn tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '/')
}

/// The tags of `text`, in order (a tag written twice is found twice).
pub fn tags(text: &str) -> Vec<Tag<'_>> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let at_boundary = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{'));
        prev = Some(c);
        if c != '#' || !at_boundary {
            continue;
        }
        let rest = &text[i + 1..];
        let len = rest.find(|c: char| !tag_char(c)).unwrap_or(rest.len());
        // A trailing `/` or `-` is punctuation, not part of the tag.
        let name = rest[..len].trim_end_matches(['/', '-']);
        if name.chars().any(|c| !c.is_ascii_digit()) && !name.starts_with('/') {
            found.push(Tag {
                name,
                range: i..i + 1 + name.len(),
            });
        }
    }
    found
}

/// The distinct tag names of `text`, first spelling kept, compared without case.
pub fn tag_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for tag in tags(text) {
        if !names
            .iter()
            .any(|n| n.to_lowercase() == tag.name.to_lowercase())
        {
            names.push(tag.name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        tags(text).into_iter().map(|t| t.name).collect()
    }

    #[test]
    fn tags_are_words_after_a_hash() {
        assert_eq!(
            names("#diplomatie à suivre, voir #Russie/Asie-centrale."),
            ["diplomatie", "Russie/Asie-centrale"]
        );
        assert_eq!(
            names("(#énergie) et [#gaz_naturel]"),
            ["énergie", "gaz_naturel"]
        );
    }

    #[test]
    fn not_tags() {
        assert!(names("C# et page#top, #1, # seul, ## titre, #/x").is_empty());
        assert_eq!(names("#2024-bilan"), ["2024-bilan"]);
    }

    #[test]
    fn ranges_cover_the_hash_and_the_name() {
        let t = "voir #russie- ici";
        let tag = &tags(t)[0];
        assert_eq!(&t[tag.range.clone()], "#russie");
    }

    #[test]
    fn distinct_names_ignore_case() {
        assert_eq!(tag_names("#Gaz #gaz #eau"), ["Gaz", "eau"]);
    }
}
