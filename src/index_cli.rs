//! The library index's commands: `glose index`, `glose where`, `glose search`
//! and `glose entities`. Every line printed here goes through the sanitizer:
//! titles, names, snippets and paths come from articles and notes.

use crate::cli::{say, Format};
use crate::export::shown;
use crate::index::{self, article_files, index_paths, Index, LibraryEntity};
use crate::text::sanitize;
use crate::{EntityKind, NotesStore};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The default index, or the line saying why not.
fn open_index() -> Result<Index, ExitCode> {
    Index::open_default().map_err(|e| {
        say(&e.to_string());
        ExitCode::from(1)
    })
}

/// A path as shown in text output: relative to the current folder when under
/// it, escaped.
fn shown_path(path: &str) -> String {
    let p = Path::new(path);
    let rel = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .and_then(|d| p.strip_prefix(d).ok().map(Path::to_path_buf));
    shown(rel.as_deref().unwrap_or(p))
}

/// Writes `lines` to standard output; a closed pipe ends quietly.
fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&crate::export::clean_io(&e));
            ExitCode::from(1)
        }
    }
}

/// The index, for the commands that query it: an error line and exit 1 when it
/// cannot be opened, or says "nothing indexed yet" when it is empty, so an empty
/// answer is not taken for "not in the library".
fn indexed_library() -> Result<Index, ExitCode> {
    let index = open_index()?;
    match index.article_count() {
        Ok(0) => {
            say("no article is indexed yet: run `glose index DIR...`");
            Err(ExitCode::from(1))
        }
        Ok(_) => Ok(index),
        Err(e) => {
            say(&e.to_string());
            Err(ExitCode::from(1))
        }
    }
}

// ---- glose index ------------------------------------------------------------------

/// `glose index [DIR|FILE...]`: indexes the articles of the folders (and files)
/// given, or, with none, the library folder and every folder indexed before.
pub fn run_index(targets: &[PathBuf], force: bool, jobs: Option<u16>) -> ExitCode {
    let mut index = match open_index() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let mut status = ExitCode::SUCCESS;
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let defaults = targets.is_empty();
    let targets: Vec<PathBuf> = if defaults {
        let mut t: Vec<PathBuf> = Vec::new();
        if let Ok(data) = crate::notes::store::data_dir() {
            let lib = crate::web::store::library_dir(&data);
            if lib.is_dir() {
                t.push(lib);
            }
        }
        t.extend(index.roots().unwrap_or_default());
        if t.is_empty() {
            say("nothing to index: give folders of articles (glose index DIR...)");
            return ExitCode::from(2);
        }
        t
    } else {
        targets.to_vec()
    };
    for target in &targets {
        match std::fs::metadata(target) {
            Ok(m) if m.is_dir() => match article_files(target) {
                Ok(found) => {
                    let root = std::fs::canonicalize(target).unwrap_or_else(|_| target.clone());
                    roots.push(root);
                    files.extend(found);
                }
                Err(e) => {
                    say(&format!(
                        "{}: {}",
                        shown(target),
                        crate::export::clean_io(&e)
                    ));
                    status = ExitCode::from(1);
                }
            },
            Ok(_) => files.push(target.clone()),
            Err(e) if defaults => {
                // A folder indexed before and gone since: its articles go too.
                let _ = e;
                roots.push(target.clone());
            }
            Err(e) => {
                say(&format!(
                    "{}: {}",
                    shown(target),
                    crate::export::clean_io(&e)
                ));
                status = ExitCode::from(1);
            }
        }
    }
    files.sort();
    files.dedup();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = jobs
        .map_or(cores, usize::from)
        .clamp(1, cores * crate::cli::JOBS_PER_CORE);
    let bar = progress_bar(files.len() as u64, "indexing");
    let store = NotesStore::from_env().read_only();
    let result = index_paths(&mut index, &files, jobs, force, &store, &mut |p| {
        if let Some(bar) = &bar {
            bar.set_position(p.done as u64);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut summary = match result {
        Ok(s) => s,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(1);
        }
    };
    for line in &summary.errors {
        say(line);
        status = ExitCode::from(1);
    }
    // Articles deleted or renamed since: forgotten.
    let present: Vec<String> = files
        .iter()
        .map(|f| index::key_path(&f.to_string_lossy()))
        .collect();
    for root in &roots {
        if !defaults {
            let _ = index.add_root(root);
        }
        match index.prune(root, &present) {
            Ok(n) => summary.removed += n,
            Err(e) => say(&e.to_string()),
        }
    }
    if defaults {
        match index.prune_missing() {
            Ok(n) => summary.removed += n,
            Err(e) => say(&e.to_string()),
        }
    }
    let total = index.article_count().unwrap_or(0);
    let line = format!(
        "{} indexed, {} unchanged, {} removed, {} failed; {} in the index",
        articles(summary.indexed),
        summary.unchanged,
        summary.removed,
        summary.errors.len(),
        articles(total)
    );
    let printed = print(|out| writeln!(out, "{line}"));
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    status
}

fn articles(n: usize) -> String {
    format!("{n} article{}", if n == 1 { "" } else { "s" })
}

/// A progress bar on standard error when it is a terminal.
pub fn progress_bar(total: u64, what: &str) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() || total < 2 {
        return None;
    }
    // Cleared however the command ends (an early return on a closed pipe too).
    let bar = indicatif::ProgressBar::new(total).with_finish(indicatif::ProgressFinish::AndClear);
    let style = indicatif::ProgressStyle::with_template(
        "{msg} {wide_bar} {pos}/{len} ({per_sec}, {eta} left)",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    Some(bar)
}

// ---- glose where ------------------------------------------------------------------

#[derive(Serialize)]
struct WhereJson<'a> {
    path: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    entity: &'a str,
    kind: EntityKind,
    mentions: usize,
}

/// `glose where NAME`: the articles mentioning the entity, most mentions first.
pub fn run_where(name: &str, kind: Option<EntityKind>, format: Format) -> ExitCode {
    let index = match indexed_library() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let hits = match index.where_(name, kind) {
        Ok(h) => h,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(1);
        }
    };
    if hits.is_empty() {
        if format == Format::Text {
            let what = kind.map_or(String::new(), |k| format!(" as a {k}"));
            say(&format!(
                "no indexed article mentions {}{what}",
                sanitize(name)
            ));
        }
        return ExitCode::from(1);
    }
    print(|out| {
        match format {
            Format::Json => {
                for h in &hits {
                    let line = WhereJson {
                        path: &h.path,
                        title: &h.title,
                        date: h.date.as_deref(),
                        entity: &h.entity,
                        kind: h.kind,
                        mentions: h.mentions,
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
            }
            Format::Text => {
                let width = hits
                    .iter()
                    .map(|h| h.mentions.to_string().len())
                    .max()
                    .unwrap_or(1);
                for h in &hits {
                    writeln!(
                        out,
                        "{:>width$}  {:<10}  {} ({})  {}  {}",
                        h.mentions,
                        h.date.as_deref().map_or_else(|| "-".to_string(), sanitize),
                        sanitize(&h.entity),
                        h.kind,
                        sanitize(&h.title),
                        shown_path(&h.path),
                    )?;
                }
            }
        }
        Ok(())
    })
}

// ---- glose search -----------------------------------------------------------------

#[derive(Serialize)]
struct SearchJson<'a> {
    path: &'a str,
    title: &'a str,
    kind: &'a str,
    snippet: &'a str,
}

/// `glose search QUERY`: matching articles and notes, best first.
pub fn run_search(query: &[String], limit: usize, format: Format) -> ExitCode {
    let query = query.join(" ");
    let index = match indexed_library() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let hits = match index.search(&query, limit) {
        Ok(h) => h,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(1);
        }
    };
    if hits.is_empty() {
        if format == Format::Text {
            say(&format!("nothing matches {}", sanitize(&query)));
        }
        return ExitCode::from(1);
    }
    // Bold on a terminal, brackets elsewhere (and in JSON).
    let (open, close) = if format == Format::Text && io::stdout().is_terminal() {
        ("\x1b[1m", "\x1b[22m")
    } else {
        ("[", "]")
    };
    print(|out| {
        for h in &hits {
            // Marks are added after sanitizing: the only escapes are glose's own.
            let snippet = h.marked(open, close);
            match format {
                Format::Json => {
                    let line = SearchJson {
                        path: &h.path,
                        title: &h.title,
                        kind: h.kind,
                        snippet: &snippet,
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    let tag = if h.kind == "note" { "  (note)" } else { "" };
                    writeln!(
                        out,
                        "{}  {}{tag}\n    {snippet}",
                        shown_path(&h.path),
                        sanitize(&h.title)
                    )?;
                }
            }
        }
        Ok(())
    })
}

// ---- glose entities ---------------------------------------------------------------

#[derive(Serialize)]
struct EntityJson<'a> {
    kind: EntityKind,
    name: &'a str,
    articles: usize,
    mentions: usize,
    /// Articles per month, `YYYY-MM` -> count.
    months: serde_json::Map<String, serde_json::Value>,
}

/// How many months the text timeline shows at most (the latest ones).
const TIMELINE_MONTHS: usize = 24;

/// `glose entities`: the library's entities with their article counts and a
/// timeline of articles per month.
pub fn run_entities(kind: Option<EntityKind>, limit: usize, format: Format) -> ExitCode {
    let index = match indexed_library() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let (all, range) = match index
        .entities(kind)
        .and_then(|e| Ok((e, index.month_range()?)))
    {
        Ok(r) => r,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(1);
        }
    };
    let months = range
        .map(|(a, b)| index::timeline::months(&a, &b))
        .unwrap_or_default();
    let months = &months[months.len().saturating_sub(TIMELINE_MONTHS)..];
    print(|out| {
        match format {
            Format::Json => {
                for e in all.iter().take(if limit == 0 { usize::MAX } else { limit }) {
                    let line = EntityJson {
                        kind: e.kind,
                        name: &e.name,
                        articles: e.articles,
                        mentions: e.mentions,
                        months: e
                            .months
                            .iter()
                            .map(|(m, n)| (m.clone(), (*n).into()))
                            .collect(),
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
            }
            Format::Text => write_entities(out, &all, months, limit)?,
        }
        Ok(())
    })
}

fn write_entities(
    out: &mut dyn Write,
    all: &[LibraryEntity],
    months: &[String],
    limit: usize,
) -> io::Result<()> {
    if let (Some(first), Some(last)) = (months.first(), months.last()) {
        writeln!(
            out,
            "Articles per month, {first} to {last} (one column a month; · none)"
        )?;
    }
    for kind in EntityKind::ALL {
        let rows: Vec<&LibraryEntity> = all.iter().filter(|e| e.kind == kind).collect();
        if rows.is_empty() {
            continue;
        }
        let shown_rows = if limit == 0 {
            rows.len()
        } else {
            rows.len().min(limit)
        };
        writeln!(out, "\n{} ({})", kind.plural(), rows.len())?;
        let names: Vec<String> = rows.iter().map(|e| sanitize(&e.name)).collect();
        let name_w = names
            .iter()
            .take(shown_rows)
            .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()))
            .max()
            .unwrap_or(0);
        let count_w = rows
            .iter()
            .take(shown_rows)
            .map(|e| articles(e.articles).len())
            .max()
            .unwrap_or(0);
        for (e, name) in rows.iter().zip(&names).take(shown_rows) {
            let pad = name_w - unicode_width::UnicodeWidthStr::width(name.as_str());
            let spark = index::timeline::sparkline(&e.months, months);
            writeln!(
                out,
                "  {name}{}  {:<count_w$}  {spark}",
                " ".repeat(pad),
                articles(e.articles),
            )?;
        }
        if shown_rows < rows.len() {
            writeln!(
                out,
                "  … {} more (--limit 0 lists all)",
                rows.len() - shown_rows
            )?;
        }
    }
    Ok(())
}
