//! Notes and entities out of glose: Markdown, JSON, W3C Web Annotations and brat
//! standoff, behind one trait ([`Exporter`]) so `glose export` and the reader's `e`
//! share the code. The entities are the extractor's with the reader's corrections.

mod brat;
mod json;
mod markdown;
mod w3c;

pub use brat::Brat;
pub use json::Json;
pub use markdown::Markdown;
pub use w3c::{file_iri, W3c};

use crate::notes::{EntityKey, Highlight, Notes, Placed};
use crate::{Article, Entity};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    W3c,
    /// brat standoff `.ann` (the article file is the `.txt`).
    Brat,
}

impl Format {
    /// Every format with the name the command line uses.
    pub const ALL: [(Format, &'static str); 4] = [
        (Format::Markdown, "markdown"),
        (Format::Json, "json"),
        (Format::W3c, "w3c"),
        (Format::Brat, "brat"),
    ];

    pub fn exporter(self) -> &'static dyn Exporter {
        match self {
            Format::Markdown => &Markdown,
            Format::Json => &Json,
            Format::W3c => &W3c,
            Format::Brat => &Brat,
        }
    }
}

/// What an export is made of: the article, its notes (placed in the article as
/// it is now) and the entities: the extractor's with the reader's corrections
/// applied ([`crate::notes::apply_article`]).
pub struct Source<'a> {
    pub article: &'a Article,
    pub notes: &'a Notes,
    pub entities: &'a [Entity],
}

/// One highlight ready for output.
pub struct Item<'a> {
    pub highlight: &'a Highlight,
    pub placed: &'a Placed,
    /// Its text: the article's at its current place, the recorded quote when orphaned.
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// Highlights in reading order, orphaned ones last.
    pub fn items(&self) -> Vec<Item<'a>> {
        let notes: &'a Notes = self.notes;
        let article: &'a Article = self.article;
        notes
            .placed()
            .iter()
            .filter_map(|p| {
                let h = notes.highlight(&p.id)?;
                let text = p
                    .range
                    .clone()
                    .and_then(|r| article.text.get(r))
                    .unwrap_or(&h.quote.exact);
                Some(Item {
                    highlight: h,
                    placed: p,
                    text,
                })
            })
            .collect()
    }

    /// The entity a note is about, if the extractor still finds it.
    pub fn entity(&self, key: &EntityKey) -> Option<&'a Entity> {
        find_entity(self.entities, key)
    }
}

/// The entity a key names: same kind and name, else the same name.
pub fn find_entity<'e>(entities: &'e [Entity], key: &EntityKey) -> Option<&'e Entity> {
    entities
        .iter()
        .find(|e| e.kind == key.kind && e.name == key.name)
        .or_else(|| entities.iter().find(|e| e.name == key.name))
        .or_else(|| {
            let lower = key.name.to_lowercase();
            entities.iter().find(|e| e.name.to_lowercase() == lower)
        })
}

/// Writes an export.
pub trait Exporter {
    fn write(&self, src: &Source, out: &mut dyn Write) -> io::Result<()>;
}

/// Character (Unicode scalar) offsets of a byte range, as the W3C model counts.
pub fn char_range(text: &str, r: &Range<usize>) -> Range<usize> {
    let start = text.get(..r.start).map_or(0, |s| s.chars().count());
    let len = text.get(r.clone()).map_or(0, |s| s.chars().count());
    start..start + len
}

/// The whole export in memory.
pub fn render(format: Format, src: &Source) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    format.exporter().write(src, &mut out)?;
    Ok(out)
}

/// The first line of every Markdown file glose writes: the reader's `e` replaces
/// a file that starts with it, and asks before replacing any other.
pub const MARKER: &str = "<!-- glose notes export:";

/// Where `e` writes: `$GLOSE_EXPORT_DIR`, else the current directory.
pub fn export_dir() -> PathBuf {
    std::env::var_os("GLOSE_EXPORT_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// `<dir>/<article stem>.notes.md`.
pub fn reader_path(dir: &Path, article: &Article) -> PathBuf {
    let stem = Path::new(&article.path)
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}.notes.md"))
}

/// What the reader's export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Written(PathBuf),
    /// A file glose did not write is there: ask before replacing it.
    Exists(PathBuf),
}

/// Whether a file is missing or was written by glose's Markdown export.
pub fn ours_or_missing(path: &Path) -> io::Result<bool> {
    match std::fs::File::open(path) {
        Ok(f) => {
            let mut head = Vec::new();
            io::Read::read_to_end(&mut io::Read::take(f, MARKER.len() as u64), &mut head)?;
            Ok(head == MARKER.as_bytes())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

/// The reader's `e`: Markdown to `path`, unless a file glose did not write is
/// there and `replace` is false.
pub fn save_markdown(src: &Source, path: &Path, replace: bool) -> Result<Saved, String> {
    let err = |e: io::Error| format!("{}: {}", shown(path), clean_io(&e));
    if !replace && !ours_or_missing(path).map_err(err)? {
        return Ok(Saved::Exists(path.to_path_buf()));
    }
    let bytes = render(Format::Markdown, src).map_err(err)?;
    crate::notes::store::write_atomic(path, &bytes).map_err(err)?;
    Ok(Saved::Written(path.to_path_buf()))
}

/// A file name as shown in a message: escaped (control characters, line feeds and
/// bytes that are not UTF-8), since a name can carry escape sequences too.
pub fn shown(path: &Path) -> String {
    crate::text::escape_path(path)
}

/// An I/O error as a short lowercase reason, without the "(os error N)" tail.
pub fn clean_io(e: &io::Error) -> String {
    let msg = e.to_string();
    msg.split(" (os error")
        .next()
        .unwrap_or(&msg)
        .to_lowercase()
}
