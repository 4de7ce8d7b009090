//! Text -> [`Article`]: front matter, the seed's `date` line, blocks with their
//! visible pieces, then title, date, source and language.
//!
//! Block ranges and pieces are always offsets into the text as given (BOM, CRLF
//! and all); nothing is copied or normalised before offsets are taken.

use super::blocks::{self, Mark};
use super::lines::{self, Line};
use super::{classify, inline, lang, meta, title};
use super::{Article, Block, BlockKind, LanguageSource};
use std::path::Path;

pub fn parse(path: &str, text: String) -> Article {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines::split(&text, bom);
    let mut at = skip_blank(&text, &lines, 0);
    let front = match meta::front_matter(&text, &lines[at..]) {
        Some((front, n)) => {
            at = skip_blank(&text, &lines, at + n);
            front
        }
        None => meta::Front::default(),
    };
    // The seed's ` date 2023-10 First paragraph…`: the prefix belongs to no block.
    let mut line_date = None;
    if let Some((date, body)) = lines.get(at).and_then(|&l| meta::date_line(&text, l)) {
        line_date = Some(date);
        lines[at].start = body;
    }
    let (blocks, found) = build_blocks(&text, &lines[at..], line_date.is_some());

    let lede = blocks.iter().find(|b| b.kind == BlockKind::Paragraph);
    let title = front
        .title
        .as_deref()
        .map(title::collapse)
        .or(found.headline)
        .or(found.md_title)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            let b = lede.or(blocks.first())?;
            Some(title::lede_clause(&preview(
                &text,
                b,
                2 * classify::MAX_LOOK,
            )))
            .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| file_stem(path));
    let date = front
        .date
        .map(|d| meta::iso_prefix(&d).map_or(d.clone(), str::to_string))
        .or(line_date);
    let source = front
        .source
        .or_else(|| classify::dateline_source(&preview(&text, lede?, 200)));
    let sample_from = blocks.first().map_or(bom, |b| b.range.start);
    // The front matter's language when glose has a profile for it; otherwise the
    // words' vote, which also picks the nearest profile for a language it lacks.
    let asked = front.lang.filter(|l| !l.trim().is_empty());
    let (language, language_source, language_asked) =
        match asked.as_deref().map(|l| (l, lang::named(l))) {
            Some((_, Some(l))) => (l, LanguageSource::FrontMatter, None),
            Some((l, None)) => (
                lang::detect(&text[sample_from..]),
                LanguageSource::Nearest,
                Some(l.trim().to_string()),
            ),
            None => (
                lang::detect(&text[sample_from..]),
                LanguageSource::Detected,
                None,
            ),
        };

    Article {
        path: path.to_string(),
        title,
        date,
        source,
        url: front.url,
        author: front.author,
        language,
        language_source,
        language_asked,
        blocks,
        text,
    }
}

/// Titles met while building blocks.
#[derive(Default)]
struct Found {
    headline: Option<String>,
    md_title: Option<String>,
}

/// Groups -> blocks, each with its kind. `seed_form`: the first paragraph
/// followed a date line, so the first line is a lede, not a headline.
fn build_blocks(text: &str, lines: &[Line], seed_form: bool) -> (Vec<Block>, Found) {
    let groups = blocks::group(text, lines);
    let mut found = Found::default();
    let n = groups.len();
    let mut out: Vec<Block> = Vec::with_capacity(n);
    // Each group is dropped once its block is built, so its line ranges and the
    // block's pieces are never all in memory at once.
    for (i, g) in groups.into_iter().enumerate() {
        let pieces = inline::pieces(text, &g.segs);
        // Markup alone (`#`, `**`, `[](x)`) shows nothing: not a block.
        if pieces.iter().all(|p| text[p.clone()].trim().is_empty()) {
            continue;
        }
        let mut block = Block {
            kind: BlockKind::Paragraph,
            range: g.range.clone(),
            pieces,
        };
        let short = g.range.len() <= classify::MAX_LOOK;
        // Only short plain blocks are looked at (and a first `#` title), so
        // long paragraphs cost no copy.
        let look = short
            && (g.mark == Mark::Plain || (g.mark == Mark::Heading(1) && found.md_title.is_none()));
        let shown = if look {
            preview(text, &block, classify::MAX_LOOK)
        } else {
            String::new()
        };
        let one_line = g.segs.len() == 1;
        let last = i + 1 == n;
        block.kind = match g.mark {
            Mark::Heading(level) => {
                if level == 1 && found.md_title.is_none() {
                    found.md_title = Some(title::collapse(&shown));
                }
                BlockKind::Heading
            }
            Mark::Quote | Mark::Item => BlockKind::Paragraph,
            Mark::Plain if !short => BlockKind::Paragraph,
            // After a date line the first block is the lede, however it looks.
            Mark::Plain if seed_form && out.is_empty() => BlockKind::Paragraph,
            Mark::Plain if classify::is_caption(&shown) => BlockKind::Caption,
            Mark::Plain
                if out.is_empty()
                    && !seed_form
                    && one_line
                    && g.blank_after
                    && !last
                    && classify::is_headline(&shown) =>
            {
                found.headline = Some(title::collapse(&shown));
                BlockKind::Heading
            }
            // A short last line is a sign-off or byline, not a section heading.
            Mark::Plain if one_line && !last && classify::is_heading(&shown) => BlockKind::Heading,
            Mark::Plain => BlockKind::Paragraph,
        };
        out.push(block);
    }
    (out, found)
}

fn skip_blank(text: &str, lines: &[Line], mut at: usize) -> usize {
    while lines.get(at).is_some_and(|&l| lines::is_blank(text, l)) {
        at += 1;
    }
    at
}

/// About the first `max` bytes of a block's shown text, joined as
/// [`Block::display`] joins it (a space at each line break), without building
/// the whole text of a huge block.
fn preview(text: &str, block: &Block, max: usize) -> String {
    let mut out = String::new();
    let mut prev_end = None;
    for p in &block.pieces {
        if out.len() >= max {
            break;
        }
        if prev_end.is_some_and(|e| text[e..p.start].contains(['\n', '\r'])) {
            out.push(' ');
        }
        let mut end = p.end.min(p.start + max);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&text[p.start..end]);
        prev_end = Some(p.end);
    }
    out
}

/// The last resort title: the file name without its extension.
fn file_stem(path: &str) -> String {
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_string())
        .unwrap_or_default();
    if stem.is_empty() || path == "-" {
        "untitled".to_string()
    } else {
        stem
    }
}
