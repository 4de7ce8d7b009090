//! The command line: subcommands, their options, and how each prints.

use crate::export::{clean_io, render, Source};
use crate::{extract, Article, Document, Entity, EntityKind, NotesStore, Notice};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "glose",
    version,
    about = "A terminal news reader that understands what it shows"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article to read, or a folder of articles (default: ./articles).
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the entities an article mentions.
    Extract {
        /// Article files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Show which list, cue or rule made each entity and chose its kind.
        #[arg(long)]
        explain: bool,
        /// The extractor's own entities, without the corrections made in the reader.
        #[arg(long)]
        raw: bool,
        /// Files processed at once (default: the number of cores). Output keeps the
        /// argument order.
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Score the extractor against gold annotations (same table as the eval kit's score.py).
    Eval {
        /// Gold files (`NAME.gold.json`); the article is `NAME.txt`.
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Folder holding the articles (default: next to the gold file, ../articles, ./articles).
        #[arg(long)]
        articles: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print an article's highlights, notes and entities (default: Markdown; brat: the entities as standoff).
    Export {
        /// The article whose notes to export.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// `glose export --format`: the core's [`crate::export::Format`] as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    W3c,
    /// brat standoff `.ann` (the article file is the `.txt`).
    Brat,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        use crate::export::Format;
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::W3c => Format::W3c,
            ExportFormat::Brat => Format::Brat,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Extract {
            files,
            format,
            explain,
            raw,
            jobs,
        }) => run_extract(&files, format, explain, raw, jobs),
        Some(Command::Eval {
            gold,
            articles,
            json,
        }) => run_eval(&gold, articles.as_deref(), json),
        Some(Command::Export {
            file,
            format,
            output,
        }) => run_export(&file, format.into(), output.as_deref()),
        None => {
            let target = cli.path.unwrap_or_else(|| PathBuf::from("articles"));
            match crate::tui::run(target) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("glose: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// What one file gives: the article, its entities and the lines to tell the
/// user about it; or the one-line error.
type Extracted = Result<(Document, Vec<String>), String>;

/// `extract` opens each file as every caller does ([`Document::open`]), reading
/// the notes without changing them; `--raw` keeps the extractor's entities.
fn load_and_extract(path: &Path, raw: bool) -> Extracted {
    let store = NotesStore::from_env().read_only();
    let (doc, notices) = Document::open(path, &store).map_err(|e| format!("glose: {e}"))?;
    let lines = if raw {
        Vec::new()
    } else {
        notices.iter().map(|n| notice_line(&doc, n)).collect()
    };
    Ok((doc, lines))
}

/// The line printed for a notice about a document: `glose: <file>: <notice>`.
fn notice_line(doc: &Document, notice: &Notice) -> String {
    format!("glose: {}: {notice}", doc.shown_path())
}

/// Extracts files on `jobs` threads and prints each result as soon as every file
/// before it has been printed, so the output streams in argument order. Output is
/// written straight to standard output (never built whole in memory).
fn run_extract(
    files: &[PathBuf],
    format: Format,
    explain: bool,
    raw: bool,
    jobs: Option<u16>,
) -> ExitCode {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = jobs.map_or(cores, usize::from).clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Extracted)>();
    let mut status = ExitCode::SUCCESS;
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                if tx.send((i, load_and_extract(path, raw))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let mut pending: BTreeMap<usize, Extracted> = BTreeMap::new();
        let mut printed = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&printed) {
                let index = printed;
                printed += 1;
                let (doc, warnings) = match r {
                    Ok(done) => done,
                    Err(line) => {
                        let _ = out.flush();
                        eprintln!("{line}");
                        status = ExitCode::from(1);
                        continue;
                    }
                };
                if !warnings.is_empty() {
                    let _ = out.flush();
                    for w in &warnings {
                        eprintln!("{w}");
                    }
                }
                let article = &doc.article;
                let entities = if raw { &doc.raw } else { &doc.entities };
                let written = match format {
                    Format::Json => write_json(&mut out, article, entities, explain),
                    Format::Text => (if index > 0 { writeln!(out) } else { Ok(()) })
                        .and_then(|()| write_text(&mut out, article, entities, explain)),
                };
                if let Err(e) = written.and_then(|()| out.flush()) {
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        eprintln!("glose: {e}");
                        status = ExitCode::from(1);
                    }
                    // Stop the workers: nobody reads what they would print.
                    next.store(usize::MAX / 2, Ordering::Relaxed);
                    return;
                }
            }
        }
    });
    status
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    article: JsonArticle<'a>,
    entities: Vec<JsonEntity<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    path: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    language: &'a str,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    mentions: Vec<JsonMention<'a>>,
    /// Present (true) when the reader corrected the entity.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [String]>,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// One JSON object on one line (JSON Lines when there are several files).
pub fn write_json(
    out: &mut impl Write,
    article: &Article,
    entities: &[Entity],
    explain: bool,
) -> io::Result<()> {
    let doc = JsonDoc {
        article: JsonArticle {
            path: &article.path,
            title: &article.title,
            date: article.date.as_deref(),
            language: article.language.as_str(),
        },
        entities: entities
            .iter()
            .map(|e| JsonEntity {
                id: &e.id,
                kind: e.kind,
                name: &e.name,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        start: m.start,
                        end: m.end,
                        text: m.text(&article.text),
                    })
                    .collect(),
                corrected: crate::notes::is_corrected(e),
                evidence: explain.then_some(e.evidence.as_slice()),
            })
            .collect(),
    };
    // `From` keeps the I/O error kind, so a closed pipe stays a quiet `BrokenPipe`.
    serde_json::to_writer(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

/// A readable listing grouped by kind, with mention counts.
pub fn write_text(
    out: &mut impl Write,
    article: &Article,
    entities: &[Entity],
    explain: bool,
) -> io::Result<()> {
    let clean = crate::text::sanitize;
    writeln!(out, "{}", clean(&article.title))?;
    let mut meta = vec![article.path.clone()];
    if let Some(d) = &article.date {
        meta.push(d.clone());
    }
    meta.push(article.language.as_str().to_string());
    writeln!(out, "{}", clean(&meta.join(" · ")))?;
    for kind in EntityKind::ALL {
        let of_kind: Vec<&Entity> = entities.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(out, "\n{} ({})", kind.plural(), of_kind.len())?;
        let width = of_kind
            .iter()
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(0);
        for e in of_kind {
            let n = e.mentions.len();
            let pad = width - e.name.chars().count();
            writeln!(
                out,
                "  {}{}  {n} mention{}{}",
                clean(&e.name),
                " ".repeat(pad),
                if n == 1 { "" } else { "s" },
                if crate::notes::is_corrected(e) {
                    " (corrected)"
                } else {
                    ""
                }
            )?;
            if explain {
                for why in &e.evidence {
                    writeln!(out, "      - {}", clean(why))?;
                }
            }
        }
    }
    if entities.is_empty() {
        writeln!(out, "\nNo entities found.")?;
    }
    Ok(())
}

fn run_eval(golds: &[PathBuf], articles: Option<&std::path::Path>, json: bool) -> ExitCode {
    let mut scorer = crate::eval::Scorer::new();
    for g in golds {
        let gold: crate::eval::Gold = match std::fs::read_to_string(g)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| format!("not a gold file: {e}")))
        {
            Ok(gold) => gold,
            Err(e) => {
                eprintln!("glose: {}: {e}", shown(g));
                return ExitCode::from(1);
            }
        };
        let Some(path) = crate::eval::find_article(g, gold.article.as_deref(), articles) else {
            eprintln!(
                "glose: {}: cannot find its article (try --articles DIR)",
                shown(g)
            );
            return ExitCode::from(1);
        };
        let article = match Article::load(&path) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("glose: {}: {e}", shown(&path));
                return ExitCode::from(1);
            }
        };
        scorer.add(&gold, &extract(&article));
    }
    let rows = scorer.summary();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&crate::eval::to_json(&rows)).unwrap_or_default()
        );
    } else {
        print!("{}", crate::eval::format_table(&rows));
    }
    ExitCode::SUCCESS
}

use crate::export::shown;

/// `glose export FILE [--format ...] [-o OUT]`.
fn run_export(file: &Path, format: crate::export::Format, out: Option<&Path>) -> ExitCode {
    let store = NotesStore::from_env().read_only();
    let (doc, notices) = match Document::open(file, &store) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("glose: {e}");
            return ExitCode::from(1);
        }
    };
    for n in &notices {
        eprintln!("{}", notice_line(&doc, n));
    }
    let empty;
    let notes = match &doc.notes {
        Some(n) => n,
        None => {
            empty = crate::notes::Notes::detached(&doc.article, "no notes");
            &empty
        }
    };
    let src = Source {
        article: &doc.article,
        notes,
        entities: &doc.entities,
    };
    let bytes = match render(format, &src) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("glose: {e}");
            return ExitCode::from(1);
        }
    };
    let written = match out {
        Some(path) => crate::notes::store::write_atomic(path, &bytes)
            .map_err(|e| format!("{}: {}", shown(path), clean_io(&e))),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(clean_io(&e)),
                _ => Ok(()),
            }
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("glose: {e}");
            ExitCode::from(1)
        }
    }
}
