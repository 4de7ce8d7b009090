//! Markdown for people and for Obsidian: title, date and source; the highlights
//! in reading order as block quotes, each followed by its note; the entity notes;
//! an index of the entities with their mention counts (`· corrected` on those the
//! reader corrected).

use super::{Exporter, Item, Source, MARKER};
use crate::notes::is_corrected;
use crate::text::sanitize;
use crate::EntityKind;
use std::io::{self, Write};

pub struct Markdown;

/// Text for a Markdown line: no control characters, no carriage returns, and no
/// HTML: `<`, `>` and `&` from an article or a note are written as entities, so an
/// `<img onerror=…>` in a sentence or a note starting with `<!--` stays text in
/// any CommonMark renderer (Obsidian included). A `>` at the start of a line is
/// escaped too, which is what keeps it from opening a quote of its own.
fn clean(s: &str) -> String {
    escape_html(&sanitize(&s.replace("\r\n", "\n").replace('\r', "\n")))
}

fn escape_html(s: &str) -> String {
    if !s.contains(['<', '>', '&']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// A file path in a code span: HTML is not read there, so only what would end
/// the span or the line is replaced.
fn code(s: &str) -> String {
    sanitize(s).replace('`', "'").replace('\n', " ")
}

/// A block quote: every line prefixed, blank lines kept inside the quote.
fn quote(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in clean(text.trim()).lines() {
        let line = line.trim_end();
        if line.is_empty() {
            writeln!(out, ">")?;
        } else {
            writeln!(out, "> {line}")?;
        }
    }
    Ok(())
}

fn note(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let text = clean(text.trim());
    if !text.is_empty() {
        writeln!(out)?;
        // Two trailing spaces keep the note's line breaks (a Markdown hard break).
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        for (i, line) in lines.iter().enumerate() {
            let next_filled = lines.get(i + 1).is_some_and(|l| !l.is_empty());
            let brk = if !line.is_empty() && next_filled {
                "  "
            } else {
                ""
            };
            writeln!(out, "{line}{brk}")?;
        }
    }
    Ok(())
}

fn highlight(out: &mut dyn Write, n: usize, item: &Item) -> io::Result<()> {
    writeln!(out, "### {n} · {}", item.highlight.color.as_str())?;
    writeln!(out)?;
    quote(out, item.text)?;
    note(out, &item.highlight.note)?;
    writeln!(out)
}

/// The `#tags` of every note (highlights', then entities'), each once; tag
/// names hold only letters, digits, `_`, `-` and `/`, nothing to escape.
fn tags(src: &Source) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let notes = src.items().into_iter().map(|i| i.highlight.note.as_str());
    let entity_notes = src.notes.entity_notes().iter().map(|n| n.note.as_str());
    for note in notes.chain(entity_notes) {
        for t in crate::text::tags::tag_names(note) {
            if !seen.iter().any(|s| s.to_lowercase() == t.to_lowercase()) {
                seen.push(t);
            }
        }
    }
    seen.into_iter().map(|t| format!("#{t}")).collect()
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

impl Exporter for Markdown {
    fn write(&self, src: &Source, out: &mut dyn Write) -> io::Result<()> {
        let a = src.article;
        writeln!(
            out,
            "{MARKER} `glose export` and the reader's `e` rewrite this file -->"
        )?;
        writeln!(out)?;
        writeln!(out, "# {}", clean(&a.title).replace('\n', " "))?;
        writeln!(out)?;
        if let Some(date) = &a.date {
            writeln!(out, "- Date: {}", clean(date))?;
        }
        writeln!(out, "- Source: `{}`", code(&a.path))?;
        let tags = tags(src);
        if !tags.is_empty() {
            // Obsidian-style tags, so the vault finds the page by them too.
            writeln!(out, "- Tags: {}", tags.join(" "))?;
        }
        writeln!(out)?;

        let items = src.items();
        let (placed, orphaned): (Vec<&Item>, Vec<&Item>) =
            items.iter().partition(|i| i.placed.range.is_some());
        writeln!(out, "## Highlights")?;
        writeln!(out)?;
        if placed.is_empty() {
            writeln!(out, "_No highlights._")?;
            writeln!(out)?;
        }
        for (i, item) in placed.iter().enumerate() {
            highlight(out, i + 1, item)?;
        }
        if !orphaned.is_empty() {
            writeln!(out, "## Orphaned highlights")?;
            writeln!(out)?;
            writeln!(
                out,
                "_These passages are no longer in the article as it is now; they are kept as they were highlighted._"
            )?;
            writeln!(out)?;
            for (i, item) in orphaned.iter().enumerate() {
                highlight(out, i + 1, item)?;
            }
        }

        let notes = src.notes.entity_notes();
        if !notes.is_empty() {
            writeln!(out, "## Entity notes")?;
            writeln!(out)?;
            for n in notes {
                let name = clean(&n.entity.name).replace('\n', " ");
                let gone = if src.entity(&n.entity).is_none() {
                    " — no longer found in the article"
                } else {
                    ""
                };
                writeln!(out, "### {name} ({}){gone}", n.entity.kind.as_str())?;
                note(out, &n.note)?;
                writeln!(out)?;
            }
        }

        writeln!(out, "## Index")?;
        if src.entities.is_empty() {
            writeln!(out)?;
            writeln!(out, "_No entities found._")?;
        }
        for kind in EntityKind::ALL {
            let mut of_kind: Vec<_> = src.entities.iter().filter(|e| e.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            of_kind.sort_by(|a, b| {
                b.mentions
                    .len()
                    .cmp(&a.mentions.len())
                    .then(a.first_offset().cmp(&b.first_offset()))
            });
            writeln!(out)?;
            writeln!(out, "### {} ({})", kind.plural(), of_kind.len())?;
            writeln!(out)?;
            for e in of_kind {
                let noted = src
                    .notes
                    .entity_notes()
                    .iter()
                    .any(|n| src.entity(&n.entity).is_some_and(|x| x.id == e.id));
                writeln!(
                    out,
                    "- {} — {}{}{}",
                    clean(&e.name).replace('\n', " "),
                    plural(e.mentions.len(), "mention"),
                    if noted { " · noted" } else { "" },
                    if is_corrected(e) { " · corrected" } else { "" }
                )?;
            }
        }
        Ok(())
    }
}
