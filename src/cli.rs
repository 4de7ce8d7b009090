//! The command line: subcommands, their options, and how each prints.

use crate::export::{clean_io, render, Source};
use crate::{
    extract, Article, Document, Entity, EntityKind, Language, LanguageSource, Mention, NotesStore,
    Notice,
};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
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
    /// An article to read (a file, a saved `.html` page or an http(s) URL), or a
    /// folder of articles (default: ./articles).
    pub path: Option<PathBuf>,
    /// Read articles up to this size (default 256M; K, M and G suffixes; `none`:
    /// no limit). Peak memory is a few times the article's size.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// Print the reader's config file with every default (keys, colours, sidebar
    /// order), commented, to copy to $XDG_CONFIG_HOME/glose/config.toml.
    #[arg(long)]
    pub print_config: bool,
}

/// `--max-size`: bytes, with an optional K, M or G suffix (binary), or `none`.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("none") {
        return Ok(u64::MAX);
    }
    let (num, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| "expected a size such as 512M, 2G or none".to_string())
}

/// Writes one line to standard error, escaped: a line can carry a file name, a
/// file's text or a parse error quoting it, and no control character, line feed
/// or escape sequence reaches the terminal from it. Every line glose writes to
/// standard error goes through here or [`print_clap`].
pub fn emit(line: &str) {
    eprintln!("{}", crate::text::escape_line(line));
}

/// [`emit`] with the `glose: ` prefix.
pub fn say(msg: &str) {
    emit(&format!("glose: {msg}"));
}

/// Prints a clap error or help: help and version go to standard output as they
/// are (no argument is echoed in them), errors to standard error with every line
/// escaped, since clap quotes the argument it rejects.
pub fn print_clap(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    // Rendered again without styles, so what is left of the rejected argument is
    // its own text (clap's plain rendering silently drops its escape sequences).
    use clap::CommandFactory;
    let text = match Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(std::env::args_os())
    {
        Err(plain) => plain.render().ansi().to_string(),
        Ok(_) => e.render().to_string(),
    };
    for line in text.trim_end_matches('\n').split('\n') {
        emit(line);
    }
    ExitCode::from(2)
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
        /// Read every file as this language (fr, en), whatever its text or front matter say.
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: Option<Language>,
    },
    /// Score the extractor against gold annotations (same table as the eval kit's score.py).
    Eval {
        /// Gold files (`NAME.gold.json`; the article is `NAME.txt`) or folders of them
        /// (also the `articles/` + `gold/` layout).
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Folder holding the articles (default: next to the gold file, ../articles, ./articles).
        #[arg(long)]
        articles: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// K-fold cross-validation over articles: each fold is scored with weights
        /// fitted on the others.
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(2..))]
        cv: Option<u16>,
        /// Fit the weights on these articles and write them to FILE (with the date,
        /// the data and the 5-fold cross-validated figures).
        #[arg(long, value_name = "FILE")]
        fit: Option<PathBuf>,
        /// Leave predicted events out (automatic when no gold file has an event).
        #[arg(long)]
        drop_events: bool,
        /// Fitting: the L2 penalty pulling each weight toward its prior.
        #[arg(long, value_name = "X", default_value_t = crate::eval::cv::FitOptions::default().l2)]
        l2: f64,
        /// Score with the weights in FILE (as `--fit` writes them) instead of the shipped
        /// ones: measure a refit before shipping it.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["cv", "fit"])]
        weights: Option<PathBuf>,
        /// Fitting: pull toward the weights in FILE (another language's, as `--fit`
        /// wrote them), the bias included, instead of toward the rules' prior.
        #[arg(long, value_name = "FILE", conflicts_with = "weights")]
        prior: Option<PathBuf>,
        /// Fitting: add these gold articles (another language's) to every training
        /// set, down-weighted by --pool-weight; never scored, never held out.
        #[arg(long, value_name = "GOLD", conflicts_with = "weights")]
        pool: Vec<PathBuf>,
        /// Fitting: the weight of each pooled article's example in the loss.
        #[arg(long, value_name = "X", default_value_t = 0.5, requires = "pool")]
        pool_weight: f64,
        /// Write each article's predictions to DIR/NAME.json (NAME: the gold file's
        /// name without `.gold.json`), to study the errors; with --cv, the held-out ones.
        #[arg(long, value_name = "DIR", conflicts_with = "fit")]
        dump: Option<PathBuf>,
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
        /// Replace the output file even if glose did not write it.
        #[arg(long)]
        force: bool,
    },
    /// Store web pages (URLs or saved `.html` files) as articles in the library;
    /// prints each stored file's path.
    Fetch {
        #[arg(required = true, value_name = "URL|FILE.html")]
        inputs: Vec<String>,
    },
    /// Subscribe to RSS/Atom feeds, list, update, import and export them (OPML).
    Feed {
        #[command(subcommand)]
        action: crate::web_cli::FeedAction,
    },
    /// The items of the feeds, newest first.
    Items {
        /// Only this feed's items (its name or URL).
        #[arg(long)]
        feed: Option<String>,
        /// Only items not read yet.
        #[arg(long)]
        unread: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Index folders of articles for `where`, `search` and `entities` (only what
    /// changed since; with no folder: the library and the folders indexed before).
    Index {
        #[arg(value_name = "DIR|FILE")]
        targets: Vec<PathBuf>,
        /// Index every article again, changed or not.
        #[arg(long)]
        force: bool,
        /// Articles extracted at once (default: the number of cores).
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// The indexed articles that mention an entity under any of its names, most mentions first.
    Where {
        name: String,
        /// Only entities of this kind.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EntityKind>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Search the indexed articles and notes (accents and case ignored; "a phrase",
    /// prefix*, #tag).
    Search {
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results (0: all).
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The entities of every indexed article, with article counts and a timeline.
    Entities {
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EntityKind>,
        /// At most this many per kind (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `--kind`: person, place, organization or event.
fn parse_kind(s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(&s.to_ascii_lowercase())
        .ok_or_else(|| "expected person, place, organization or event".to_string())
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
    if let Some(limit) = cli.max_size {
        crate::article::set_max_bytes(limit);
    }
    if cli.print_config {
        return print_config();
    }
    match cli.command {
        Some(Command::Extract {
            files,
            format,
            explain,
            raw,
            jobs,
            lang,
        }) => run_extract(&files, format, explain, raw, jobs, lang),
        Some(Command::Eval {
            gold,
            articles,
            json,
            cv,
            fit,
            drop_events,
            l2,
            weights,
            prior,
            pool,
            pool_weight,
            dump,
        }) => {
            let opts = crate::eval::cv::FitOptions {
                l2,
                ..Default::default()
            };
            let borrow = Borrow {
                prior: prior.as_deref(),
                pool: &pool,
                pool_weight,
            };
            run_eval(
                &gold,
                articles.as_deref(),
                json,
                (cv, dump.as_deref()),
                drop_events,
                Weights {
                    fit: fit.as_deref(),
                    opts,
                    read: weights.as_deref(),
                    borrow,
                },
            )
        }
        Some(Command::Export {
            file,
            format,
            output,
            force,
        }) => run_export(&file, format.into(), output.as_deref(), force),
        Some(Command::Fetch { inputs }) => crate::web_cli::run_fetch(&inputs),
        Some(Command::Feed { action }) => crate::web_cli::run_feed(action),
        Some(Command::Items {
            feed,
            unread,
            format,
        }) => crate::web_cli::run_items(feed.as_deref(), unread, format),
        Some(Command::Index {
            targets,
            force,
            jobs,
        }) => crate::index_cli::run_index(&targets, force, jobs),
        Some(Command::Where { name, kind, format }) => {
            crate::index_cli::run_where(&name, kind, format)
        }
        Some(Command::Search {
            query,
            limit,
            format,
        }) => crate::index_cli::run_search(&query, limit, format),
        Some(Command::Entities {
            kind,
            limit,
            format,
        }) => crate::index_cli::run_entities(kind, limit, format),
        None => {
            // No argument and feeds subscribed: the feeds view.
            if cli.path.is_none() {
                if let Some(dir) = crate::web_cli::feeds_library() {
                    return ended(crate::tui::run_feeds(dir));
                }
            }
            if cli.path.is_none() && !Path::new("articles").exists() {
                // Nothing named and no ./articles: say how to start.
                say("nothing to open: glose FILE reads an article, glose FOLDER lists its articles (./articles when it exists); glose --help lists the commands");
                return ExitCode::from(2);
            }
            let mut target = cli.path.unwrap_or_else(|| PathBuf::from("articles"));
            if crate::web_cli::is_web_target(&target) {
                match crate::web_cli::article_for(&target) {
                    Ok(stored) => target = stored,
                    Err(e) => {
                        say(&e.to_string());
                        return ExitCode::from(1);
                    }
                }
            }
            ended(crate::tui::run(target))
        }
    }
}

/// The exit status for how the reader ended.
fn ended(result: anyhow::Result<crate::tui::Ended>) -> ExitCode {
    match result {
        Ok(None) => ExitCode::SUCCESS,
        // Ended by a signal, terminal restored and notes saved: the
        // shell's convention for a death by that signal.
        Ok(Some(sig)) => ExitCode::from(128u8.saturating_add(sig as u8)),
        Err(e) => {
            say(&e.to_string());
            ExitCode::from(1)
        }
    }
}

/// What one file gives: the article, its entities and the lines to tell the
/// user about it; or the one-line error.
type Extracted = Result<(Document, Vec<String>), String>;

/// `extract` opens each file as every caller does ([`Document::open`]), reading
/// the notes without changing them; `--raw` keeps the extractor's entities.
/// `--lang`: a language glose has a profile for.
fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_name(s).ok_or_else(|| "glose reads fr and en".to_string())
}

fn load_and_extract(path: &Path, raw: bool, lang: Option<Language>, explain: bool) -> Extracted {
    let store = NotesStore::from_env().read_only();
    let (doc, notices) = match (lang, explain) {
        (None, false) => Document::open(path, &store),
        _ => Document::load(path, &store).map(|(mut doc, mut notices)| {
            if let Some(lang) = lang {
                std::sync::Arc::make_mut(&mut doc.article).set_language(lang);
            }
            // Only `--explain` pays for writing the evidence out.
            let raw = if explain {
                crate::extract::extract_explained(&doc.article)
            } else {
                extract(&doc.article)
            };
            doc.set_raw(raw);
            notices.extend(doc.unresolved_notice());
            (doc, notices)
        }),
    }
    .map_err(|e| open_error(path, e))?;
    let lines = if raw {
        Vec::new()
    } else {
        notices.iter().map(|n| notice_line(path, n)).collect()
    };
    Ok((doc, lines))
}

/// The line printed for a notice about a document: `glose: <file>: <notice>`,
/// the file name as given, escaped.
fn notice_line(path: &Path, notice: &Notice) -> String {
    format!("glose: {}: {notice}", shown(path))
}

/// `glose: <file>: <reason>`, the file name as given, escaped.
fn open_error(path: &Path, e: crate::OpenError) -> String {
    match e {
        crate::OpenError::Load { source, .. } => format!("glose: {}: {source}", shown(path)),
    }
}

/// `-j` is capped at this many threads per core: extraction is CPU-bound, more
/// only costs memory (and threads a process limit may refuse).
pub const JOBS_PER_CORE: usize = 4;

/// Extracts files on `jobs` threads and prints each result as soon as every file
/// before it has been printed, so the output streams in argument order. Output is
/// written straight to standard output (never built whole in memory).
fn run_extract(
    files: &[PathBuf],
    format: Format,
    explain: bool,
    raw: bool,
    jobs: Option<u16>,
    lang: Option<Language>,
) -> ExitCode {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * JOBS_PER_CORE;
    let asked = jobs.map_or(cores, usize::from);
    if asked > most {
        say(&format!(
            "-j {asked} is more than {JOBS_PER_CORE} per core; using {most} ({cores} core{})",
            if cores == 1 { "" } else { "s" }
        ));
    }
    let jobs = asked.clamp(1, most).min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Extracted)>();
    let mut status = ExitCode::SUCCESS;
    std::thread::scope(|scope| {
        let work = |tx: mpsc::Sender<(usize, Extracted)>, next: &AtomicUsize| loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = files.get(i) else { break };
            if tx
                .send((i, load_and_extract(path, raw, lang, explain)))
                .is_err()
            {
                break;
            }
        };
        let mut started = 0;
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            let spawned = std::thread::Builder::new()
                .name("extract".into())
                .spawn_scoped(scope, move || work(tx, next));
            if let Err(e) = spawned {
                // A process or memory limit: fewer threads, or none, but no panic.
                let left = jobs - started;
                say(&format!(
                    "cannot start {left} thread{} ({}); working {}",
                    if left == 1 { "" } else { "s" },
                    clean_io(&e),
                    if started == 0 {
                        "in the main thread".to_string()
                    } else {
                        format!("with {started}")
                    }
                ));
                break;
            }
            started += 1;
        }
        if started == 0 {
            work(tx.clone(), &next);
        }
        drop(tx);
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let mut pending: BTreeMap<usize, Extracted> = BTreeMap::new();
        let mut printed = 0;
        // Progress on a terminal's stderr while the output goes to a file or pipe.
        let bar = if io::stdout().is_terminal() {
            None
        } else {
            crate::index_cli::progress_bar(files.len() as u64, "extracting")
        };
        let tell = |line: &str| match &bar {
            Some(bar) => bar.suspend(|| emit(line)),
            None => emit(line),
        };
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&printed) {
                let index = printed;
                printed += 1;
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                let (doc, warnings) = match r {
                    Ok(done) => done,
                    Err(line) => {
                        let _ = out.flush();
                        tell(&line);
                        status = ExitCode::from(1);
                        continue;
                    }
                };
                if !warnings.is_empty() {
                    let _ = out.flush();
                    for w in &warnings {
                        tell(w);
                    }
                }
                let article = &doc.article;
                let entities = if raw { &doc.raw } else { &doc.entities };
                let written = match format {
                    Format::Json => write_json_of(
                        &mut out,
                        files.get(index).map(PathBuf::as_path),
                        article,
                        entities,
                        explain,
                    ),
                    Format::Text => (if index > 0 { writeln!(out) } else { Ok(()) })
                        .and_then(|()| write_text(&mut out, article, entities, explain)),
                };
                if let Err(e) = written.and_then(|()| out.flush()) {
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        say(&clean_io(&e));
                        status = ExitCode::from(1);
                    }
                    // Stop the workers: nobody reads what they would print.
                    next.store(usize::MAX / 2, Ordering::Relaxed);
                    return;
                }
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
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
    /// The path as given; bytes that are not UTF-8 become U+FFFD here...
    path: &'a str,
    /// ... and then the exact bytes are here too (absent for UTF-8 paths).
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
    title: &'a str,
    date: Option<&'a str>,
    language: &'a str,
    /// `detected`, `front-matter`, `nearest` (see `language_asked`) or `override`.
    language_source: LanguageSource,
    /// The language the front matter named when glose has no profile for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    language_asked: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    mentions: JsonMentions<'a>,
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

/// An entity's mentions, written one by one as they are serialized (a dense
/// article has a million: not copied into a vector first).
struct JsonMentions<'a> {
    mentions: &'a [Mention],
    text: &'a str,
}

impl Serialize for JsonMentions<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.mentions.iter().map(|m| JsonMention {
            start: m.start,
            end: m.end,
            text: m.text(self.text),
        }))
    }
}

/// One JSON object on one line (JSON Lines when there are several files).
pub fn write_json(
    out: &mut impl Write,
    article: &Article,
    entities: &[Entity],
    explain: bool,
) -> io::Result<()> {
    write_json_of(out, None, article, entities, explain)
}

/// [`write_json`] for the file at `path` as given on the command line: a path
/// that is not UTF-8 also gets `path_bytes`, its exact bytes.
pub fn write_json_of(
    out: &mut impl Write,
    path: Option<&Path>,
    article: &Article,
    entities: &[Entity],
    explain: bool,
) -> io::Result<()> {
    let raw = path
        .filter(|p| p.to_str().is_none())
        .map(|p| p.as_os_str().as_encoded_bytes());
    let doc = JsonDoc {
        article: JsonArticle {
            path: &article.path,
            path_bytes: raw,
            title: &article.title,
            date: article.date.as_deref(),
            language: article.language.as_str(),
            language_source: article.language_source,
            language_asked: article.language_asked.as_deref(),
        },
        entities: entities
            .iter()
            .map(|e| JsonEntity {
                id: &e.id,
                kind: e.kind,
                name: &e.name,
                mentions: JsonMentions {
                    mentions: &e.mentions,
                    text: &article.text,
                },
                corrected: crate::notes::is_corrected(e),
                evidence: explain.then_some(e.evidence.as_slice()),
            })
            .collect(),
    };
    // `From` keeps the I/O error kind, so a closed pipe stays a quiet `BrokenPipe`.
    serde_json::to_writer(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

/// The article's language as the listing shows it: `en`; `en (nearest to de)` when
/// the front matter named a language glose has no profile for; with `--explain`,
/// where it comes from.
fn language_shown(article: &Article, explain: bool) -> String {
    let code = article.language.as_str();
    match (&article.language_asked, article.language_source, explain) {
        (Some(asked), _, _) => format!("{code} (nearest to {asked}: no profile for it)"),
        (None, LanguageSource::Detected, true) => format!("{code} (detected)"),
        (None, LanguageSource::FrontMatter, true) => format!("{code} (front matter)"),
        (None, LanguageSource::Override, true) => format!("{code} (--lang)"),
        _ => code.to_string(),
    }
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
    meta.push(language_shown(article, explain));
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

fn run_eval(
    golds: &[PathBuf],
    articles: Option<&std::path::Path>,
    json: bool,
    (cv, dump): (Option<u16>, Option<&Path>),
    drop_events: bool,
    weights: Weights,
) -> ExitCode {
    use crate::eval;
    let Weights {
        fit,
        mut opts,
        read: weights,
        borrow,
    } = weights;
    let docs = match eval::corpus::load(golds, articles) {
        Ok(d) => d,
        Err(e) => {
            // Worded as every other command words it.
            let reason = if e.reason.contains("no such file") {
                "no such file"
            } else {
                e.reason.as_str()
            };
            say(&format!("{}: {reason}", shown(&e.path)));
            return ExitCode::from(1);
        }
    };
    let drop_events = drop_events || !eval::annotates_events(&docs);
    if (cv.is_some() || fit.is_some()) && docs.iter().any(eval::cv::forbidden) {
        say("WikiNEuRal's licence (CC BY-NC-SA) forbids fitting on it: measure only");
        return ExitCode::from(1);
    }
    match borrowed(&docs, articles, &borrow) {
        Ok(b) => opts.borrowed = b,
        Err(e) => {
            say(&e);
            return ExitCode::from(1);
        }
    }
    if let Some(out) = fit {
        return write_weights(&docs, golds, out, &opts, &borrow);
    }
    let model = match weights.map(|w| read_weights(w, &docs)).transpose() {
        Ok(m) => m,
        Err(e) => {
            say(&e);
            return ExitCode::from(1);
        }
    };
    let (scorer, preds) = match cv {
        Some(k) => eval::cv::cross_validate_predictions(&docs, usize::from(k), drop_events, &opts),
        None => {
            let mut s = eval::Scorer::new();
            let mut preds = Vec::new();
            for d in &docs {
                let found = match &model {
                    Some(m) => {
                        let prof = crate::extract::profile(d.article.language);
                        crate::extract::extract_with(&d.article, prof, m)
                    }
                    None => extract(&d.article),
                };
                s.add_with(&d.gold, &found, drop_events);
                if dump.is_some() {
                    preds.push(found);
                }
            }
            (s, preds)
        }
    };
    if let Some(dir) = dump {
        if let Err(e) = write_predictions(dir, &docs, &preds) {
            say(&e);
            return ExitCode::from(1);
        }
    }
    let rows = scorer.summary();
    let text = if json {
        let value = serde_json::to_string_pretty(&eval::to_json(&rows)).unwrap_or_default();
        format!("{value}\n")
    } else {
        eval::format_table(&rows)
    };
    // A reader that stops early (`| head`) is not an error; a full disk is.
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            say(&format!("cannot write the scores: {}", clean_io(&e)));
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `glose eval --dump DIR`: each article's entities (held out with `--cv`), as
/// `glose extract --format json` lists them, in DIR/NAME.json.
fn write_predictions(
    dir: &Path,
    docs: &[crate::eval::corpus::Doc],
    preds: &[Vec<crate::Entity>],
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", shown(dir), clean_io(&e)))?;
    for (d, found) in docs.iter().zip(preds) {
        let file = d
            .gold_path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        let name = file.strip_suffix(".gold.json").unwrap_or(&file);
        let path = dir.join(format!("{name}.json"));
        let value = serde_json::json!({
            "article": d.article.path,
            "entities": found,
        });
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        std::fs::write(&path, text).map_err(|e| format!("{}: {}", shown(&path), clean_io(&e)))?;
    }
    Ok(())
}

/// Where `glose eval`'s weights come from: fitted and written (`--fit`, with these
/// options), read from a file (`--weights`), or the shipped ones.
struct Weights<'a> {
    fit: Option<&'a Path>,
    opts: crate::eval::cv::FitOptions,
    read: Option<&'a Path>,
    borrow: Borrow<'a>,
}

/// What a fit borrows from another language: `--prior FILE`, `--pool GOLD...`.
struct Borrow<'a> {
    prior: Option<&'a Path>,
    pool: &'a [PathBuf],
    pool_weight: f64,
}

/// Reads what `--prior` and `--pool` name, carried into the features of the
/// language of `docs`. Pooled articles that are also among `docs` are refused: the
/// held-out fold would be in training.
fn borrowed(
    docs: &[crate::eval::Doc],
    articles: Option<&Path>,
    borrow: &Borrow,
) -> Result<crate::eval::cv::Borrowed, String> {
    use crate::eval;
    let lang = docs
        .first()
        .map_or(crate::Language::Fr, |d| d.article.language);
    let target = crate::extract::profile(lang);
    let mut out = eval::cv::Borrowed::default();
    if let Some(path) = borrow.prior {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {}", shown(path), clean_io(&e)))?;
        let file: crate::extract::WeightsFile = serde_json::from_str(&text)
            .map_err(|_| format!("{}: not a weights file", shown(path)))?;
        let source_lang = crate::Language::from_name(&file.language)
            .ok_or_else(|| format!("{}: unknown language {:?}", shown(path), file.language))?;
        let source = crate::extract::profile(source_lang);
        let fitted = crate::extract::Model::from_file(&source.space, &file);
        out.prior = Some(eval::cv::carried_prior(
            &target.space,
            &source.space,
            &fitted,
        ));
    }
    if !borrow.pool.is_empty() {
        let pooled = eval::corpus::load(borrow.pool, articles)
            .map_err(|e| format!("{}: {}", shown(&e.path), e.reason))?;
        if pooled.iter().any(eval::cv::forbidden) {
            return Err(
                "WikiNEuRal's licence (CC BY-NC-SA) forbids fitting on it: measure only".into(),
            );
        }
        if let Some(d) = pooled
            .iter()
            .find(|p| docs.iter().any(|d| same_file(&d.gold_path, &p.gold_path)))
        {
            return Err(format!(
                "{}: both scored and pooled (it would be trained on)",
                shown(&d.gold_path)
            ));
        }
        out.pooled = eval::cv::carried_examples(&target.space, &pooled, borrow.pool_weight as f32);
    }
    Ok(out)
}

/// `glose eval --weights FILE`: the weights of a file `--fit` wrote, for the
/// language of the articles.
fn read_weights(path: &Path, docs: &[crate::eval::Doc]) -> Result<crate::extract::Model, String> {
    let lang = docs
        .first()
        .map_or(crate::Language::Fr, |d| d.article.language);
    let prof = crate::extract::profile(lang);
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{}: {}", shown(path), clean_io(&e)))?;
    crate::extract::Model::from_json(&prof.space, &text)
        .ok_or_else(|| format!("{}: not a weights file", shown(path)))
}

/// `glose eval --fit FILE`: fits on every article given, measures 5-fold
/// cross-validation for the record, writes the weights file.
fn write_weights(
    docs: &[crate::eval::Doc],
    golds: &[PathBuf],
    out: &Path,
    opts: &crate::eval::cv::FitOptions,
    borrow: &Borrow,
) -> ExitCode {
    use crate::eval;
    use crate::extract::{profile, WeightsFile};
    let lang = docs
        .first()
        .map_or(crate::Language::Fr, |d| d.article.language);
    let prof = profile(lang);
    let refs: Vec<&eval::Doc> = docs.iter().collect();
    let model = eval::cv::fit(&refs, prof, opts);
    let (cv, held_out) = eval::cv::cross_validate_loss(docs, 5, false, opts);
    let cv = cv.summary();
    eprint!(
        "5-fold cross-validation:\n{}held-out candidates: log-loss {:.4}, accuracy {:.4} ({})\n",
        eval::format_table(&cv),
        held_out.log_loss,
        held_out.accuracy,
        held_out.candidates
    );
    let data: Vec<String> = golds.iter().map(|g| g.display().to_string()).collect();
    let mut data = format!(
        "{} gold articles ({} mentions) from {}",
        docs.len(),
        docs.iter()
            .map(|d| d
                .gold
                .entities
                .iter()
                .map(|e| e.mentions.len())
                .sum::<usize>())
            .sum::<usize>(),
        data.join(", ")
    );
    if !borrow.pool.is_empty() {
        let pool: Vec<String> = borrow
            .pool
            .iter()
            .map(|g| g.display().to_string())
            .collect();
        data += &format!(
            ", pooled with {} candidates of {} (weight {} each)",
            opts.borrowed.pooled.len(),
            pool.join(", "),
            borrow.pool_weight
        );
    }
    data += "; third-party news text read from the eval kit, not shipped";
    let toward = match borrow.prior {
        Some(p) => format!(
            "toward the weights of {} (each feature's rules prior moved as that language's data moved it; the bias too)",
            p.display()
        ),
        None => "toward the rules' prior".to_string(),
    };
    let pooled = if borrow.pool.is_empty() {
        String::new()
    } else {
        format!(
            "; the other language's candidates pooled into every fit at weight {} each, their features carried by name (those this language lacks dropped), never held out",
            borrow.pool_weight
        )
    };
    let mut args = golds
        .iter()
        .map(|g| g.display().to_string())
        .collect::<Vec<_>>();
    args.push(format!("--fit {}", out.display()));
    args.push(format!("--l2 {}", opts.l2));
    if let Some(p) = borrow.prior {
        args.push(format!("--prior {}", p.display()));
    }
    for p in borrow.pool {
        args.push(format!("--pool {}", p.display()));
    }
    if !borrow.pool.is_empty() {
        args.push(format!("--pool-weight {}", borrow.pool_weight));
    }
    let file = WeightsFile {
        language: lang.as_str().to_string(),
        fitted: crate::notes::time::now(),
        data,
        method: format!(
            "multinomial logistic regression (person, place, organization, event, none), L2 {} {toward}, {} full-batch Adam steps{pooled}; candidates labelled by the gold mention they overlap most; refit: glose eval {}",
            opts.l2, opts.iterations, args.join(" ")
        ),
        figures: serde_json::json!({
            "cv5_lenient_f1": eval::to_json(&cv),
            "cv5_held_out_log_loss": (held_out.log_loss * 1e4).round() / 1e4,
        }),
        classes: crate::extract::model::CLASSES.iter().map(|s| s.to_string()).collect(),
        weights: model.named_weights(&prof.space),
    };
    let text = serde_json::to_string_pretty(&file).unwrap_or_default() + "\n";
    match crate::notes::store::write_atomic(out, text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("{}: {}", shown(out), clean_io(&e)));
            ExitCode::from(1)
        }
    }
}

use crate::export::shown;

/// Whether two paths name one existing file (through links and `..` too).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        x.dev() == y.dev() && x.ino() == y.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (x, y);
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}

/// `glose export FILE [--format ...] [-o OUT]`.
fn run_export(
    file: &Path,
    format: crate::export::Format,
    out: Option<&Path>,
    force: bool,
) -> ExitCode {
    // `-o -` is standard output, as everywhere else.
    let out = out.filter(|p| p.as_os_str() != "-");
    if let Some(path) = out {
        if same_file(file, path) {
            say(&format!(
                "{}: is the article itself; choose another output file",
                shown(path)
            ));
            return ExitCode::from(1);
        }
        // Like `e` in the reader: a file glose's export wrote is replaced, any
        // other one only with --force.
        if !force && !crate::export::ours_or_missing(path).unwrap_or(false) {
            say(&format!(
                "{}: exists and was not written by glose's export; --force replaces it",
                shown(path)
            ));
            return ExitCode::from(1);
        }
    }
    let store = NotesStore::from_env().read_only();
    let (doc, notices) = match Document::open(file, &store) {
        Ok(opened) => opened,
        Err(e) => {
            emit(&open_error(file, e));
            return ExitCode::from(1);
        }
    };
    for n in &notices {
        emit(&notice_line(file, n));
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
            say(&clean_io(&e));
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
            say(&e);
            ExitCode::from(1)
        }
    }
}

/// `glose --print-config`: the complete config file with every default.
fn print_config() -> ExitCode {
    let mut out = io::stdout().lock();
    match out
        .write_all(crate::tui::config::defaults().as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("glose: cannot write the config: {e}");
            ExitCode::FAILURE
        }
    }
}
