//! The exports: golden files for Markdown, JSON and W3C Web Annotations (built
//! from fixed notes and hand-made entities, so they move only when the exporters
//! do), the W3C model's required fields, and `glose export` on the command line.
//!
//! `GLOSE_BLESS=1 cargo test --test export` rewrites the golden files.

mod common;

use common::{article, seed_fixture, seed_text, SEED};
use glose::export::{self, file_iri, Format, Source};
use glose::notes::store::canonical;
use glose::notes::{
    ArticleRecord, Color, EntityKey, EntityNote, Highlight, Notes, NotesFile, Position, Quote,
};
use glose::{Article, EntityKind};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn highlight(text: &str, id: &str, exact: &str, color: Color, note: &str) -> Highlight {
    let (position, quote) = match text.find(exact) {
        Some(s) => (
            Position {
                start: s,
                end: s + exact.len(),
            },
            Quote::of(text, s..s + exact.len()),
        ),
        // Not in the text: an orphan, with the context it had.
        None => (
            Position { start: 40, end: 80 },
            Quote {
                exact: exact.into(),
                prefix: "Selon lui, ".into(),
                suffix: " dans la région.".into(),
            },
        ),
    };
    Highlight {
        id: id.into(),
        color,
        position,
        quote,
        note: note.into(),
        created: "2024-05-01T12:30:00Z".into(),
        modified: "2024-05-02T08:00:00Z".into(),
    }
}

/// The seed with three highlights (one orphaned) and two entity notes (one on an
/// entity the extractor does not find).
fn fixture() -> (Article, Notes, Vec<glose::Entity>) {
    let (a, entities) = seed_fixture();
    let text = &a.text;
    let doc = NotesFile {
        schema: 1,
        article: ArticleRecord {
            path: "/somewhere/poutine-kirghizstan.txt".into(),
            hash: "sha256:0".into(),
        },
        highlights: vec![
            highlight(
                text,
                "h-late",
                "Kant «contribue de manière significative à la stabilité et à la sécurité dans la région».",
                Color::Green,
                "",
            ),
            highlight(
                text,
                "h-first",
                "Le président russe ne risque pas d'être arrêté lors de ce voyage dans ce pays d'Asie centrale proche de Moscou qui n'a pas ratifié le Statut de Rome, traité fondateur de la Cour.",
                Color::Yellow,
                "Pourquoi le Kirghizstan n'a-t-il pas ratifié ?\nÀ vérifier : la CPI, le traité.\n\nDeuxième paragraphe, ça 👍🏽",
            ),
            highlight(
                text,
                "h-gone",
                "une phrase qui n'est plus dans l'article",
                Color::Purple,
                "gardée quand même",
            ),
        ],
        entity_notes: vec![
            EntityNote {
                entity: EntityKey {
                    kind: EntityKind::Person,
                    name: "Sadyr Japarov".into(),
                },
                note: "Président du Kirghizstan depuis 2021.".into(),
                created: "2024-05-01T12:40:00Z".into(),
                modified: "2024-05-01T12:40:00Z".into(),
            },
            EntityNote {
                entity: EntityKey {
                    kind: EntityKind::Place,
                    name: "Tachkent".into(),
                },
                note: "Pas dans ce texte.".into(),
                created: "2024-05-01T12:41:00Z".into(),
                modified: "2024-05-01T12:41:00Z".into(),
            },
        ],
        corrections: Vec::new(),
        other: Default::default(),
        kept: Default::default(),
    };
    let notes = Notes::from_file(&a, doc);
    (a, notes, entities)
}

fn render(format: Format) -> String {
    let (a, notes, entities) = fixture();
    let src = Source {
        article: &a,
        notes: &notes,
        entities: &entities,
    };
    let out = String::from_utf8(export::render(format, &src).unwrap()).unwrap();
    // The source IRI holds where the repository is checked out.
    let root = file_iri(&canonical(Path::new(env!("CARGO_MANIFEST_DIR"))));
    out.replace(&root, "file:///ROOT")
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("GLOSE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: GLOSE_BLESS=1 writes it", path.display()));
    if expected != actual {
        let new = path.with_extension("new");
        std::fs::write(&new, actual).unwrap();
        panic!(
            "{} differs from the export (written to {}; GLOSE_BLESS=1 accepts it)",
            path.display(),
            new.display()
        );
    }
}

#[test]
fn golden_markdown() {
    let md = render(Format::Markdown);
    golden("seed.notes.md", &md);
    // Reading order: the earlier passage first, whatever the order of the file.
    let first = md.find("Le président russe ne risque").unwrap();
    let late = md.find("Kant «contribue").unwrap();
    assert!(first < late);
    assert!(md.starts_with(export::MARKER));
    assert!(md.contains("## Orphaned highlights"));
    assert!(md.contains("### Sadyr Japarov (person)"));
    assert!(md.contains("### People (2)"));
}

#[test]
fn golden_json() {
    let json = render(Format::Json);
    golden("seed.notes.json", &json);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "glose-notes");
    let hs = v["highlights"].as_array().unwrap();
    assert_eq!(hs.len(), 3);
    assert_eq!(hs[0]["id"], "h-first");
    assert_eq!(hs[2]["anchoring"], "orphaned");
    assert_eq!(hs[2]["start"], Value::Null);
    assert_eq!(v["entity_notes"][1]["entity"], Value::Null);
}

#[test]
fn golden_w3c() {
    let w3c = render(Format::W3c);
    golden("seed.notes.w3c.json", &w3c);
}

/// Checks an export against the Web Annotation model's required fields.
fn check_w3c(v: &Value, text: &str) -> usize {
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert!(v["id"].is_string());
    let first = &v["first"];
    assert_eq!(first["type"], "AnnotationPage");
    assert!(first["id"].is_string());
    let items = first["items"].as_array().expect("first.items");
    assert_eq!(v["total"], items.len());
    for item in items {
        assert!(
            item["id"].as_str().is_some_and(|s| s.contains(':')),
            "an IRI"
        );
        assert_eq!(item["type"], "Annotation");
        let target = &item["target"];
        assert!(target["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("file://")));
        // A highlight always has selectors; a note on an entity no longer found
        // targets the whole article.
        let Some(selectors) = target["selector"].as_array() else {
            assert!(item["id"]
                .as_str()
                .unwrap()
                .starts_with("urn:glose:entity-note:"));
            continue;
        };
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("a TextQuoteSelector");
        let exact = quote["exact"].as_str().unwrap();
        if let Some(pos) = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
        {
            // Positions count code points, as the model defines them.
            let (s, e) = (
                pos["start"].as_u64().unwrap() as usize,
                pos["end"].as_u64().unwrap() as usize,
            );
            let found: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(found, exact);
        }
        let bodies = match &item["body"] {
            Value::Null => vec![],
            Value::Array(a) => a.clone(),
            b => vec![b.clone()],
        };
        for b in bodies {
            assert_eq!(b["type"], "TextualBody");
            assert!(b["value"].is_string());
        }
    }
    items.len()
}

#[test]
fn w3c_has_the_models_required_fields() {
    let (a, ..) = fixture();
    let v: Value = serde_json::from_str(&render(Format::W3c)).unwrap();
    // Three highlights and two entity notes.
    assert_eq!(check_w3c(&v, &a.text), 5);
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(
        items[0]["body"]["value"].as_str().unwrap().lines().count(),
        4
    );
    assert_eq!(items[0]["motivation"], "commenting");
    assert_eq!(items[1]["motivation"], "highlighting");
    assert_eq!(items[0]["target"]["styleClass"], "yellow");
    // The orphan keeps its quote, without a position.
    let orphan = &items[2]["target"]["selector"];
    assert_eq!(orphan.as_array().unwrap().len(), 1);
}

#[test]
fn char_positions_count_code_points() {
    let text = "Émile à Zürich 👍🏽 et ça";
    let s = text.find("ça").unwrap();
    let r = export::char_range(text, &(s..s + "ça".len()));
    assert_eq!(r, 21..23);
    let a = article("x.txt", text);
    assert_eq!(a.text.chars().count(), 23);
}

// ---- the command line ---------------------------------------------------------

fn glose(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GLOSE_DATA_DIR", data)
        .args(args)
        .output()
        .unwrap()
}

/// A data dir with notes on the seed, written through the library.
fn seed_notes() -> (tempfile::TempDir, String) {
    let dir = tempfile::TempDir::new().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let a = Article::load(&seed).unwrap();
    let (mut notes, _) = Notes::open_in(dir.path(), &a);
    let sentence = "Le président russe ne risque pas d'être arrêté";
    let s = a.text.find(sentence).unwrap();
    let id = notes.add_highlight(&a.text, s..s + sentence.len(), Color::Pink);
    notes.set_note(&a.text, &id, "Note accentuée : déjà vu, ça.");
    notes.flush(&a.text).unwrap();
    (dir, sentence.to_string())
}

#[test]
fn cli_prints_markdown_with_quotes_notes_and_the_index() {
    let (dir, sentence) = seed_notes();
    let o = glose(dir.path(), &["export", SEED]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(&format!("> {sentence}")), "{out}");
    assert!(out.contains("Note accentuée : déjà vu, ça."));
    assert!(out.contains("## Index"));
    assert!(out.contains("- Vladimir Poutine — "), "{out}");
    assert!(o.stderr.is_empty());
    let _ = seed_text();
}

#[test]
fn cli_w3c_and_json() {
    let (dir, sentence) = seed_notes();
    let o = glose(dir.path(), &["export", SEED, "--format", "w3c"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    assert_eq!(check_w3c(&v, &text), 1);
    assert_eq!(
        v["first"]["items"][0]["target"]["selector"][0]["exact"],
        sentence.as_str()
    );

    let o = glose(dir.path(), &["export", SEED, "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["highlights"][0]["text"], sentence.as_str());
    assert_eq!(v["highlights"][0]["color"], "pink");
    assert!(!v["entities"].as_array().unwrap().is_empty());
}

#[test]
fn cli_writes_to_a_file_with_o() {
    let (dir, _) = seed_notes();
    let out: PathBuf = dir.path().join("out.md");
    let o = glose(
        dir.path(),
        &[
            "export",
            SEED,
            "-o",
            out.to_str().unwrap(),
            "--format",
            "markdown",
        ],
    );
    assert!(o.status.success());
    assert!(o.stdout.is_empty());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Note accentuée"));
}

#[test]
fn cli_without_notes_still_exports_the_index() {
    let dir = tempfile::TempDir::new().unwrap();
    let o = glose(dir.path(), &["export", SEED]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("_No highlights._"));
    assert!(out.contains("## Index"));
    // Reading notes does not create any file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn cli_refuses_a_missing_file_in_one_line() {
    let dir = tempfile::TempDir::new().unwrap();
    let o = glose(dir.path(), &["export", "no/such.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("glose: no/such.txt: "), "{err}");
    let o = glose(dir.path(), &["export", SEED, "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- corrections and brat -------------------------------------------------------

/// The fixture with two corrections: "Kant" added as a place (both occurrences),
/// the Court renamed.
fn corrected_fixture() -> (Article, Notes, Vec<glose::Entity>) {
    use glose::notes::corrections::Entry;
    use glose::notes::{apply_article, Change, Correction, Selector};
    let (a, notes, raw) = fixture();
    let text = &a.text;
    let kant = text.find("Kant").unwrap();
    let court = "Cour pénale internationale";
    let cpi = text.find(court).unwrap();
    let mut doc = notes.file().clone();
    doc.corrections = vec![
        Entry::Known(Correction {
            id: "c-kant".into(),
            change: Change::Add {
                mention: Selector::of(text, kant..kant + "Kant".len()),
                kind: EntityKind::Place,
            },
            created: "2024-05-01T12:50:00Z".into(),
        }),
        Entry::Known(Correction {
            id: "c-cpi".into(),
            change: Change::Rename {
                entity: Selector::of(text, cpi..cpi + court.len()),
                name: "Cour pénale internationale (CPI)".into(),
            },
            created: "2024-05-01T12:51:00Z".into(),
        }),
    ];
    let notes = Notes::from_file(&a, doc);
    let entities = apply_article(&a, &raw, notes.corrections()).entities;
    (a, notes, entities)
}

fn render_corrected(format: Format) -> String {
    let (a, notes, entities) = corrected_fixture();
    let src = Source {
        article: &a,
        notes: &notes,
        entities: &entities,
    };
    String::from_utf8(export::render(format, &src).unwrap()).unwrap()
}

/// Checks brat lines against the text: offsets count characters, the text field
/// is the text at them; returns `(type, start, end)` per `T` and the `Equiv` groups.
type BratSpans = Vec<(String, usize, usize)>;
fn check_brat(ann: &str, text: &str) -> (BratSpans, Vec<Vec<String>>) {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut groups = Vec::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match line.chars().next() {
            Some('T') => {
                assert_eq!(cols.len(), 3, "{line}");
                let (ty, offsets) = cols[1].split_once(' ').unwrap();
                let mut shown = Vec::new();
                let mut first = None;
                let mut last = 0;
                for frag in offsets.split(';') {
                    let (s, e) = frag.split_once(' ').unwrap();
                    let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
                    shown.push(chars[s..e].iter().collect::<String>());
                    first.get_or_insert(s);
                    last = e;
                }
                assert_eq!(shown.join(" "), cols[2], "{line}");
                spans.push((ty.to_string(), first.unwrap(), last));
            }
            Some('*') => {
                let ids = cols[1].strip_prefix("Equiv ").expect("Equiv");
                groups.push(ids.split(' ').map(str::to_string).collect());
            }
            Some('#') => assert!(cols[1].starts_with("AnnotatorNotes T"), "{line}"),
            _ => panic!("not a brat line: {line:?}"),
        }
    }
    (spans, groups)
}

#[test]
fn golden_brat_with_two_corrections() {
    let ann = render_corrected(Format::Brat);
    golden("seed.ann", &ann);
    let (a, _, entities) = corrected_fixture();
    let (spans, groups) = check_brat(&ann, &a.text);
    let total: usize = entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(spans.len(), total);
    // Kant: a place of two mentions, tied by one Equiv line.
    let kant: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, (ty, s, e))| {
            ty == "Place" && a.text.chars().skip(*s).take(e - s).eq("Kant".chars())
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(kant.len(), 2);
    let ids: Vec<String> = kant.iter().map(|i| format!("T{i}")).collect();
    assert!(groups.contains(&ids), "{ann}");
    // An entity of n mentions has one group of n; one of a single mention none.
    for e in &entities {
        let n = e.mentions.len();
        assert!(n == 1 || groups.iter().any(|g| g.len() == n), "{}", e.name);
    }
    assert_eq!(
        groups.len(),
        entities.iter().filter(|e| e.mentions.len() > 1).count()
    );
    // The note on Sadyr Japarov, on its first mention.
    assert!(ann.contains("AnnotatorNotes"), "{ann}");
}

#[test]
fn json_and_markdown_mark_corrected_entities() {
    let v: Value = serde_json::from_str(&render_corrected(Format::Json)).unwrap();
    let ents = v["entities"].as_array().unwrap();
    let flag = |name: &str| {
        ents.iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no {name}"))["corrected"]
            .clone()
    };
    assert_eq!(flag("Kant"), true);
    assert_eq!(flag("Cour pénale internationale (CPI)"), true);
    assert_eq!(flag("Bichkek"), false);
    let md = render_corrected(Format::Markdown);
    assert!(md.contains("- Kant — 2 mentions · corrected"), "{md}");
    assert!(md.contains("- Bichkek — 1 mention\n"), "{md}");
}

#[test]
fn brat_offsets_are_characters_and_line_breaks_make_fragments() {
    use glose::{Entity, Mention};
    let text = "\u{feff}Réunion à Haut\nKarabakh, puis à Erevan.\r\n";
    let a = article("x.txt", text);
    let hk = text.find("Haut").unwrap();
    let end = text.find("Karabakh").unwrap() + "Karabakh".len();
    let er = text.find("Erevan").unwrap();
    let entities = vec![
        Entity {
            id: "e1".into(),
            kind: EntityKind::Place,
            name: "Haut-Karabakh".into(),
            mentions: vec![Mention::new(hk, end)],
            evidence: vec![],
        },
        Entity {
            id: "e2".into(),
            kind: EntityKind::Place,
            name: "Erevan".into(),
            mentions: vec![Mention::new(er, er + "Erevan".len())],
            evidence: vec![],
        },
    ];
    let notes = Notes::from_file(&a, NotesFile::default());
    let src = Source {
        article: &a,
        notes: &notes,
        entities: &entities,
    };
    let ann = String::from_utf8(export::render(Format::Brat, &src).unwrap()).unwrap();
    assert_eq!(
        ann,
        "T1\tPlace 11 15;16 24\tHaut Karabakh\n\
         #1\tAnnotatorNotes T1\tname: Haut-Karabakh\n\
         T2\tPlace 33 39\tErevan\n"
    );
    check_brat(&ann, text);
}

#[test]
fn cli_exports_brat_with_the_corrections() {
    use glose::notes::{Change, Selector};
    let dir = tempfile::TempDir::new().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let a = Article::load(&seed).unwrap();
    let (mut notes, _) = Notes::open_in(dir.path(), &a);
    let b = a.text.find("Bichkek").unwrap();
    notes.correct(
        &a.text,
        Change::Relabel {
            entity: Selector::of(&a.text, b..b + "Bichkek".len()),
            kind: EntityKind::Organization,
        },
    );
    notes.flush(&a.text).unwrap();
    let o = glose(dir.path(), &["export", SEED, "--format", "brat"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ann = String::from_utf8(o.stdout).unwrap();
    check_brat(&ann, &a.text);
    let chars = a.text[..b].chars().count();
    assert!(
        ann.contains(&format!("\tOrganization {chars} {}\tBichkek\n", chars + 7)),
        "{ann}"
    );
}

// ---- issue 11 ------------------------------------------------------------------------------

/// Issue 11, fault 8: Markdown export passed HTML through: an `<img onerror>` in a
/// sentence or a title became live HTML, and a note starting with `<!--` hid the
/// rest of the file. Checked with a CommonMark renderer (pulldown-cmark).
#[test]
fn regression_markdown_export_escapes_html_from_articles_and_notes() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let text = "Titre <img src=x onerror=alert(1)> & Cie\n\n\
                Une phrase <img src=x onerror=alert(2)> piégée.\n\n\
                > pas une citation & <b>gras</b>\n";
    let a = Article::from_text("/tmp/x.txt", text.to_string());
    let sentence = "Une phrase <img src=x onerror=alert(2)> piégée.";
    let quoted = "> pas une citation & <b>gras</b>";
    let mut doc = NotesFile::new(ArticleRecord::default());
    doc.highlights.push(highlight(
        text,
        "h1",
        sentence,
        Color::Yellow,
        "<!-- cache\ntout le reste",
    ));
    doc.highlights.push(highlight(
        text,
        "h2",
        quoted,
        Color::Blue,
        "**gras** & <i>ok</i>",
    ));
    doc.entity_notes.push(EntityNote {
        entity: EntityKey {
            kind: EntityKind::Person,
            name: "<script>x</script>".into(),
        },
        note: "<style>body{display:none}</style>".into(),
        created: "t".into(),
        modified: "t".into(),
    });
    let notes = Notes::from_file(&a, doc);
    let src = Source {
        article: &a,
        notes: &notes,
        entities: &[],
    };
    let md = String::from_utf8(export::render(Format::Markdown, &src).unwrap()).unwrap();

    let mut html = Vec::new();
    let mut texts = String::new();
    let (mut headings, mut quotes, mut strong) = (0, 0, 0);
    for event in Parser::new(&md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
            Event::Text(t) => texts.push_str(&t),
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::BlockQuote(_)) => quotes += 1,
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Paragraph) => texts.push('\n'),
            _ => {}
        }
    }
    // The only HTML is glose's own marker comment on the first line.
    assert_eq!(html.len(), 1, "{html:?}\n{md}");
    assert!(html[0].starts_with(export::MARKER), "{html:?}");
    // Every text survives, as text.
    for t in [
        "Titre <img src=x onerror=alert(1)> & Cie",
        sentence,
        quoted,
        "<!-- cache",
        "tout le reste",
        "<script>x</script>",
        "<style>body{display:none}</style>",
        "<i>ok</i>",
    ] {
        assert!(
            texts.contains(t),
            "{t:?} not in the text:\n{texts}\n---\n{md}"
        );
    }
    // The structure is intact: title, sections, highlights and entity notes are
    // headings; each highlight is one quote; the note's Markdown still works.
    assert_eq!(headings, 7, "{md}");
    assert_eq!(quotes, 2, "{md}");
    assert_eq!(strong, 1, "{md}");
}

/// Issue 11, fault 3: `glose export`, a reading command, moved a damaged notes file
/// aside, and the next reader open said nothing.
#[test]
fn regression_export_never_moves_a_damaged_notes_file() {
    let (dir, _) = seed_notes();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let store = glose::notes::Store::new(dir.path(), &seed);
    std::fs::write(store.path(), "{ damaged").unwrap();
    for _ in 0..2 {
        let o = glose(dir.path(), &["export", SEED]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("does not parse"), "{err}");
        assert!(err.contains("left unchanged"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(std::fs::read_to_string(store.path()).unwrap(), "{ damaged");
        let aside = std::fs::read_dir(store.dir())
            .unwrap()
            .filter(|e| {
                let n = e.as_ref().unwrap().file_name();
                n.to_string_lossy().contains(".corrupt-")
            })
            .count();
        assert_eq!(aside, 0);
    }
    // The reader, opening it next, tells.
    let a = Article::load(&seed).unwrap();
    let (_, messages) = Notes::open_in(dir.path(), &a);
    assert!(messages[0].contains("does not parse"), "{messages:?}");
}

/// Issue 11, minor: `export -o -` created a file named `-`.
#[test]
fn regression_export_o_dash_is_standard_output() {
    let (dir, sentence) = seed_notes();
    let o = glose(dir.path(), &["export", SEED, "-o", "-"]);
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout).unwrap().contains(&sentence));
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());
}

/// Issue 11, minor: `export x.txt -o x.txt` overwrote the article.
#[test]
fn regression_export_refuses_to_overwrite_the_article() {
    let dir = tempfile::TempDir::new().unwrap();
    let article = dir.path().join("x.txt");
    let text = "Vladimir Poutine est arrivé à Bichkek.\n";
    std::fs::write(&article, text).unwrap();
    let via = dir.path().join("sub");
    std::fs::create_dir(&via).unwrap();
    let other_name = via.join("../x.txt");
    for out in [&article, &other_name] {
        let o = glose(
            dir.path(),
            &[
                "export",
                article.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("is the article itself"), "{err}");
        assert_eq!(std::fs::read_to_string(&article).unwrap(), text);
    }
}
