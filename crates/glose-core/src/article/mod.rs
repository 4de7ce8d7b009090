//! File -> [`Article`]: metadata, title, language and blocks, each block keeping its
//! byte range in the file exactly as it is on disk.

mod blocks;
mod classify;
mod inline;
mod lang;
mod lines;
mod load;
mod meta;
mod parse;
mod title;

pub use load::{human_size, max_bytes, set_max_bytes, LoadError, DEFAULT_MAX_BYTES};

use serde::Serialize;
use std::ops::Range;
use std::path::Path;

/// The language of an article; it picks the word lists and rule tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// The language a tag names (`fr`, `en-GB`, `English`…), if glose has a
    /// profile for it.
    pub fn from_name(name: &str) -> Option<Language> {
        lang::named(name)
    }

    /// The language of a text, by a vote of its words (see `article/lang.rs`).
    pub fn detect(text: &str) -> Language {
        lang::detect(text)
    }
}

/// Where an article's language comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageSource {
    /// A vote of the text's words.
    Detected,
    /// The front matter's `language:` (or `lang:`).
    FrontMatter,
    /// The front matter named a language glose has no profile for
    /// ([`Article::language_asked`]); the text is read with the nearest profile,
    /// the one its words vote for.
    Nearest,
    /// The caller chose it (`glose extract --lang`).
    Override,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Caption,
}

/// A heading, paragraph or caption.
///
/// `range` covers the block in the file (markup included, line ending excluded).
/// `pieces` are the parts of the file that are shown, in order: markup such as
/// `## ` or `**` and line breaks fall between pieces. Pieces separated by a line
/// break are shown joined by one space; pieces separated only by markup are shown
/// joined directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    pub pieces: Vec<Range<usize>>,
}

/// A block's text as shown, with the way back to file offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Display {
    pub text: String,
    /// `(display_start, file_start, len)` for each piece, in order.
    spans: Vec<(usize, usize, usize)>,
}

impl Display {
    /// The file offset of a byte offset into `text` (a joining space maps to the
    /// end of the piece before it).
    pub fn to_file(&self, display: usize) -> usize {
        let i = self.spans.partition_point(|&(d, _, _)| d <= display);
        if i == 0 {
            return self.spans.first().map_or(0, |s| s.1);
        }
        let (d, f, len) = self.spans[i - 1];
        f + (display - d).min(len)
    }

    /// The file offset of the end of a display range: right after the last shown
    /// character, before any markup that follows it. [`Display::to_file`] maps a
    /// display offset at the boundary of two pieces to the start of the next
    /// piece, past the markup between them; for an end that would put the closing
    /// `**` of `**Banque centrale européenne**` inside the mention.
    pub fn to_file_end(&self, display: usize) -> usize {
        let i = self.spans.partition_point(|&(d, _, _)| d < display);
        if i == 0 {
            return self.spans.first().map_or(0, |s| s.1);
        }
        let (d, f, len) = self.spans[i - 1];
        f + (display - d).min(len)
    }

    /// The display offset of a file offset, if it falls inside a shown piece (or at
    /// its end).
    /// Binary search: pieces are in file order and do not overlap, so the first
    /// piece ending at or after `file` is the only one that can hold it (a linear
    /// scan made laying out a block of 160,000 lines quadratic).
    pub fn from_file(&self, file: usize) -> Option<usize> {
        let i = self.spans.partition_point(|&(_, f, len)| f + len < file);
        let &(d, f, _) = self.spans.get(i)?;
        (file >= f).then(|| d + (file - f))
    }
}

impl Block {
    /// The block's text as the reader sees it, with its offset map.
    pub fn display(&self, source: &str) -> Display {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.pieces.len());
        let mut prev_end: Option<usize> = None;
        for p in &self.pieces {
            if let Some(pe) = prev_end {
                if source
                    .get(pe..p.start)
                    .is_some_and(|gap| gap.contains(['\n', '\r']))
                {
                    text.push(' ');
                }
            }
            spans.push((text.len(), p.start, p.end - p.start));
            text.push_str(source.get(p.clone()).unwrap_or(""));
            prev_end = Some(p.end);
        }
        Display { text, spans }
    }
}

/// A parsed article. `text` is the whole file as UTF-8 (BOM and all), so that every
/// offset the program reports indexes it directly.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given by the user (`-` for standard input).
    pub path: String,
    pub text: String,
    /// Never empty.
    pub title: String,
    /// As precise as the file gives it: `2023`, `2023-10` or `2023-10-05`.
    pub date: Option<String>,
    /// The publisher or agency, when the file names one.
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub language: Language,
    pub language_source: LanguageSource,
    /// The language the front matter named when glose has no profile for it
    /// (`de`): the article is then read with the nearest profile.
    pub language_asked: Option<String>,
    pub blocks: Vec<Block>,
}

impl Article {
    /// Reads and parses a file. `-` reads standard input.
    pub fn load(path: &Path) -> Result<Article, LoadError> {
        load::load(path)
    }

    /// Parses bytes read from `path` (used for the title fallback and messages).
    pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<Article, LoadError> {
        let text = load::decode(bytes)?;
        Ok(parse::parse(path, text))
    }

    /// Parses text that is already known to be good UTF-8.
    pub fn from_text(path: &str, text: String) -> Article {
        parse::parse(path, text)
    }

    /// Reads the article as `language` whatever its text or front matter say
    /// (`glose extract --lang`).
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
        self.language_source = LanguageSource::Override;
        self.language_asked = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Starts map past opening markup, ends before closing markup, and a
    /// joining space maps to the end of the line before it.
    #[test]
    fn ends_map_before_closing_markup() {
        let src = "La **BCE** et *la\nguerre* ici";
        let a = Article::from_text("x.md", src.to_string());
        let d = a.blocks[0].display(&a.text);
        assert_eq!(d.text, "La BCE et la guerre ici");
        let bce = d.text.find("BCE").unwrap();
        assert_eq!(d.to_file(bce), src.find("BCE").unwrap());
        assert_eq!(d.to_file_end(bce + 3), src.find("BCE").unwrap() + 3);
        // `to_file` maps the same offset past the closing `**`.
        assert_eq!(d.to_file(bce + 3), src.find("BCE").unwrap() + 5);
        let la = d.text.find("la").unwrap();
        assert_eq!(d.to_file_end(la + 2), src.find("la\n").unwrap() + 2);
        assert_eq!(d.to_file_end(la + 3), src.find("la\n").unwrap() + 2);
        let g = d.text.find("guerre").unwrap();
        assert_eq!(d.to_file_end(g + 6), src.find("guerre").unwrap() + 6);
        assert_eq!(d.to_file_end(0), 0);
    }
}
