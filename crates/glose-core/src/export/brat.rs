//! brat standoff (<https://brat.nlplab.org/standoff.html>): the `.ann` file of the
//! article, the article file itself being the `.txt`.
//!
//! ```text
//! T1→Person 14 30→Vladimir Poutine
//! T2→Person 309 325→Vladimir Poutine
//! T3→Person 633 640→Poutine
//! *→Equiv T1 T2 T3
//! #1→AnnotatorNotes T1→Président de la Russie.
//! ```
//!
//! (`→` is a tab.)
//!
//! - One text-bound annotation (`T`) per mention of every entity the reader sees
//!   (the extractor's, with the reader's corrections; hidden ones left out),
//!   grouped by entity in order of first mention, each entity's mentions in text
//!   order. Types: `Person`, `Place`, `Organization`, `Event` (events are
//!   text-bound annotations here, not brat events with triggers and arguments).
//! - Offsets count characters (Unicode code points) of the file exactly as it is on
//!   disk, as brat does, not the UTF-8 bytes glose uses elsewhere: a BOM counts as
//!   one character, CRLF as two. A mention across a line break becomes fragments
//!   (`T4→Place 10 14;15 22→Haut Karabakh`), brat's way of skipping the break.
//! - Entity identity: brat has no "entity" above its annotations, so the mentions
//!   of one entity are tied by an equivalence line, `*→Equiv T1 T2 T3` (declare
//!   `Equiv` as a symmetric-transitive relation in `annotation.conf` to see them);
//!   an entity with one mention needs none.
//! - A note on an entity goes on its first mention: `#1→AnnotatorNotes T1→...`,
//!   its lines joined by spaces (a note cannot hold line breaks or tabs in brat);
//!   so does the entity's name when the first mention says something else
//!   (`name: Cour pénale internationale (CPI)`, before the note if there is one).

use super::{Exporter, Source};
use crate::EntityKind;
use std::io::{self, Write};

pub struct Brat;

fn type_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        EntityKind::Event => "Event",
    }
}

/// Character offsets from byte offsets, in one pass over the text.
struct Chars<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Chars<'_> {
    /// The character offset of byte `at` (moving forward is cheap; back restarts).
    fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let at = at.min(self.text.len());
        self.chars += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.chars
    }
}

/// One line of brat text: no tabs or line breaks.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A mention's fragments (byte ranges): the pieces between its line breaks.
fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    let s = &text[start..end];
    for (i, c) in s.char_indices() {
        let at = start + i;
        if c == '\n' || c == '\r' {
            if at > from {
                out.push((from, at));
            }
            from = at + c.len_utf8();
        }
    }
    if end > from {
        out.push((from, end));
    }
    out
}

impl Exporter for Brat {
    fn write(&self, src: &Source, out: &mut dyn Write) -> io::Result<()> {
        let text = src.article.text.as_str();
        let mut chars = Chars {
            text,
            byte: 0,
            chars: 0,
        };
        let mut t = 0;
        let mut notes = 0;
        for e in src.entities {
            let mut ids = Vec::new();
            for m in &e.mentions {
                if text.get(m.start..m.end).is_none() {
                    continue;
                }
                let frags = fragments(text, m.start, m.end);
                if frags.is_empty() {
                    continue;
                }
                let spans: Vec<String> = frags
                    .iter()
                    .map(|&(s, e)| format!("{} {}", chars.at(s), chars.at(e)))
                    .collect();
                // The text of each fragment, joined by a space, as brat checks it.
                let shown: Vec<String> = frags
                    .iter()
                    .map(|&(s, e)| text[s..e].replace('\t', " "))
                    .collect();
                t += 1;
                writeln!(
                    out,
                    "T{t}\t{} {}\t{}",
                    type_name(e.kind),
                    spans.join(";"),
                    shown.join(" ")
                )?;
                ids.push(format!("T{t}"));
            }
            if ids.len() > 1 {
                writeln!(out, "*\tEquiv {}", ids.join(" "))?;
            }
            let note = src.notes.entity_notes().iter().find(|n| {
                src.entity(&n.entity)
                    .is_some_and(|found| std::ptr::eq(found, e))
            });
            // The entity's name when its first mention says something else (a
            // name the reader gave), then its note.
            let first_text = e.mentions.first().map_or("", |m| m.text(text));
            let name =
                (one_line(first_text) != e.name).then(|| format!("name: {}", one_line(&e.name)));
            let line: Vec<String> = name
                .into_iter()
                .chain(note.map(|n| one_line(&n.note)))
                .collect();
            if let (false, Some(first)) = (line.is_empty(), ids.first()) {
                notes += 1;
                writeln!(
                    out,
                    "#{notes}\tAnnotatorNotes {first}\t{}",
                    line.join(" · ")
                )?;
            }
        }
        Ok(())
    }
}
