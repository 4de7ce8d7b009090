//! Done when: a reader turns the extractor's output on the seed into exactly the
//! gold annotation of `../shared/eval/poutine-kirghizstan.gold.json` (its
//! non-optional part: kinds, names, mention spans, which mentions belong together)
//! with the reader's keys only, and that state survives a restart and shows in
//! `glose extract` and in every export.
//!
//! The corrections are not written down here: each round compares what the reader
//! shows with the gold and makes one correction through the keys (`S`, `x`, `/`
//! `v` `m` `E`, `m` `m`, `r`, `R`), so the test keeps working while the extractor
//! changes. Skips, with a notice, when the evaluation kit is not there.

mod common;

#[path = "support/kit.rs"]
mod kit;
use common::{io, keys, press, reader, selected_name, status_line};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::eval::Gold;
use glose::export::{self, Format, Source};
use glose::notes::Notes;
use glose::tui::keymap::Mode;
use glose::tui::{App, Theme};
use glose::{extract, Article, EntityKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const SEED: &str = "articles/poutine-kirghizstan.txt";

/// One entity: kind, name and its mention spans (UTF-8 bytes), sorted.
type Ent = (EntityKind, String, Vec<(usize, usize)>);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The gold's non-optional entities, or `None` (with a notice) without the kit.
fn gold() -> Option<Vec<Ent>> {
    let path = kit::shared(
        "eval/poutine-kirghizstan.gold.json",
        "the gold corrections test",
    )?;
    let json = std::fs::read_to_string(&path).unwrap();
    let gold: Gold = serde_json::from_str(&json).unwrap();
    let mut out: Vec<Ent> = gold
        .entities
        .iter()
        .filter(|e| !e.optional)
        .map(|e| {
            let mut spans: Vec<(usize, usize)> =
                e.mentions.iter().map(|m| (m.start, m.end)).collect();
            spans.sort();
            (EntityKind::parse(&e.kind).unwrap(), e.name.clone(), spans)
        })
        .collect();
    out.sort_by(|a, b| a.2.cmp(&b.2));
    Some(out)
}

fn seed() -> Article {
    Article::load(&root().join(SEED)).unwrap()
}

/// The reader on the seed with the extractor's entities and the notes of `dir`.
fn open(dir: &Path) -> App {
    let a = seed();
    let raw = extract(&a);
    let (notes, messages) = Notes::open_in(dir, &a);
    assert!(messages.is_empty(), "{messages:?}");
    let mut app = App::with_article(a, raw, Theme::colored(), (120, 40));
    app.set_notes(notes, Vec::new());
    app
}

fn shown(app: &App) -> Vec<Ent> {
    let mut out: Vec<Ent> = reader(app)
        .doc
        .entities
        .iter()
        .map(|e| {
            let spans = e.mentions.iter().map(|m| (m.start, m.end)).collect();
            (e.kind, e.name.clone(), spans)
        })
        .collect();
    out.sort_by(|a, b| a.2.cmp(&b.2));
    out
}

// ---- the keys -------------------------------------------------------------------

fn to_sidebar(app: &mut App) {
    if app.mode() == Mode::Article {
        press(app, KeyCode::Tab);
    }
    assert_eq!(app.mode(), Mode::Sidebar);
}

fn to_article(app: &mut App) {
    if app.mode() == Mode::Sidebar {
        press(app, KeyCode::Tab);
    }
    assert_eq!(app.mode(), Mode::Article);
}

/// Walks the sidebar to entity `i` with `g` and `j`.
fn select(app: &mut App, i: usize) {
    to_sidebar(app);
    keys(app, "g");
    for _ in 0..=reader(app).doc.entities.len() {
        if reader(app).selected == Some(i) {
            return;
        }
        keys(app, "j");
    }
    panic!("entity {i} cannot be selected");
}

/// Makes the mention at `span` the current one: its entity, Enter, then `n`.
fn go_to(app: &mut App, i: usize, span: (usize, usize)) {
    select(app, i);
    press(app, KeyCode::Enter);
    for _ in 0..=reader(app).doc.entities[i].mentions.len() {
        let r = reader(app);
        let here = r.current.map(|c| (r.mentions[c].start, r.mentions[c].end));
        if here == Some(span) {
            return;
        }
        keys(app, "n");
    }
    panic!("cannot reach the mention {span:?}");
}

fn done(app: &mut App) {
    io(app);
    assert!(
        !status_line(app).contains("not saved"),
        "{}",
        status_line(app)
    );
}

fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "p",
        EntityKind::Place => "l",
        EntityKind::Organization => "o",
        EntityKind::Event => "e",
    }
}

/// `S` on the mention.
fn split(app: &mut App, i: usize, span: (usize, usize)) {
    go_to(app, i, span);
    to_article(app);
    keys(app, "S");
    done(app);
}

/// `x` on the entity.
fn hide(app: &mut App, i: usize) {
    select(app, i);
    keys(app, "x");
    done(app);
}

/// `/` the text, `n` to the occurrence, `v` `m` `E` and the kind.
fn add(app: &mut App, span: (usize, usize), kind: EntityKind) {
    to_article(app);
    let text = reader(app).doc.article.text[span.0..span.1].to_string();
    keys(app, "/");
    keys(app, &text);
    press(app, KeyCode::Enter);
    for _ in 0..50 {
        let at = reader(app).current_match_range();
        if at == Some(span.0..span.1) {
            break;
        }
        keys(app, "n");
    }
    assert_eq!(reader(app).current_match_range(), Some(span.0..span.1));
    keys(app, "vmE");
    assert_eq!(app.mode(), Mode::Kind);
    keys(app, kind_key(kind));
    done(app);
    press(app, KeyCode::Esc); // ends the search
}

/// `m` on one, `m` on the other.
fn merge(app: &mut App, a: usize, b: usize) {
    select(app, a);
    keys(app, "m");
    select(app, b);
    keys(app, "m");
    done(app);
}

fn relabel(app: &mut App, i: usize, kind: EntityKind) {
    select(app, i);
    keys(app, "r");
    keys(app, kind_key(kind));
    done(app);
}

fn rename(app: &mut App, i: usize, name: &str) {
    select(app, i);
    keys(app, "R");
    common::send(
        app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    keys(app, name);
    press(app, KeyCode::Enter);
    done(app);
    assert_eq!(selected_name(app), name);
}

/// One correction towards the gold through the keys; false when there is
/// nothing left to correct.
fn step(app: &mut App, gold: &[Ent], log: &mut Vec<String>) -> bool {
    let ents = reader(app).doc.entities.clone();
    let owner: BTreeMap<(usize, usize), usize> = gold
        .iter()
        .enumerate()
        .flat_map(|(g, e)| e.2.iter().map(move |&s| (s, g)))
        .collect();
    let span = |m: &glose::Mention| (m.start, m.end);
    // 1. A mention the gold does not have: split it off, or hide the entity when
    //    none of its mentions is right.
    for (i, e) in ents.iter().enumerate() {
        if let Some(m) = e.mentions.iter().find(|m| !owner.contains_key(&span(m))) {
            if e.mentions.iter().all(|m| !owner.contains_key(&span(m))) {
                log.push(format!("x {}", e.name));
                hide(app, i);
            } else {
                log.push(format!("S {:?} of {}", span(m), e.name));
                split(app, i, span(m));
            }
            return true;
        }
    }
    // 2. A gold mention nobody has: make its text an entity.
    let have: BTreeSet<(usize, usize)> = ents
        .iter()
        .flat_map(|e| e.mentions.iter().map(span))
        .collect();
    for (kind, name, spans) in gold {
        if let Some(&s) = spans.iter().find(|s| !have.contains(s)) {
            log.push(format!("E {s:?} ({name})"));
            add(app, s, *kind);
            return true;
        }
    }
    // 3. One entity holding mentions of two gold entities: split one off.
    for (i, e) in ents.iter().enumerate() {
        let first = owner[&span(&e.mentions[0])];
        if let Some(m) = e.mentions.iter().find(|m| owner[&span(m)] != first) {
            log.push(format!("S {:?} of {} (another entity)", span(m), e.name));
            split(app, i, span(m));
            return true;
        }
    }
    // 4. One gold entity over two rows: merge them.
    for (g, (_, name, _)) in gold.iter().enumerate() {
        let rows: Vec<usize> = (0..ents.len())
            .filter(|&i| owner[&span(&ents[i].mentions[0])] == g)
            .collect();
        if rows.len() > 1 {
            log.push(format!(
                "m m {} + {} ({name})",
                ents[rows[0]].name, ents[rows[1]].name
            ));
            merge(app, rows[0], rows[1]);
            return true;
        }
    }
    // 5. Kinds, then names.
    for (i, e) in ents.iter().enumerate() {
        let (kind, name, _) = &gold[owner[&span(&e.mentions[0])]];
        if e.kind != *kind {
            log.push(format!("r {} -> {kind}", e.name));
            relabel(app, i, *kind);
            return true;
        }
        if e.name != *name {
            log.push(format!("R {} -> {name}", e.name));
            rename(app, i, name);
            return true;
        }
    }
    false
}

// ---- exports ---------------------------------------------------------------------

/// The groups of a brat file: for each `Equiv` line (or lone `T`), its type and
/// character spans, sorted.
fn brat_groups(ann: &str) -> BTreeSet<(String, Vec<(usize, usize)>)> {
    let mut spans: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('T') {
            let (ty, offs) = cols[1].split_once(' ').unwrap();
            let nums: Vec<usize> = offs.split([' ', ';']).map(|n| n.parse().unwrap()).collect();
            spans.insert(
                cols[0].to_string(),
                (ty.to_string(), nums[0], *nums.last().unwrap()),
            );
        } else if let Some(ids) = cols.get(1).and_then(|c| c.strip_prefix("Equiv ")) {
            groups.push(ids.split(' ').map(str::to_string).collect());
        }
    }
    let grouped: BTreeSet<String> = groups.iter().flatten().cloned().collect();
    groups.extend(
        spans
            .keys()
            .filter(|t| !grouped.contains(*t))
            .map(|t| vec![t.clone()]),
    );
    groups
        .into_iter()
        .map(|g| {
            let ty = spans[&g[0]].0.clone();
            let mut s: Vec<(usize, usize)> = g.iter().map(|t| (spans[t].1, spans[t].2)).collect();
            s.sort();
            (ty, s)
        })
        .collect()
}

fn brat_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        EntityKind::Event => "Event",
    }
}

fn glose(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(root())
        .env("GLOSE_DATA_DIR", data)
        .args(args)
        .output()
        .unwrap()
}

fn extracted(out: &std::process::Output) -> Vec<Ent> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ents: Vec<Ent> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let spans = e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["start"].as_u64().unwrap() as usize,
                        m["end"].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            (
                EntityKind::parse(e["kind"].as_str().unwrap()).unwrap(),
                e["name"].as_str().unwrap().to_string(),
                spans,
            )
        })
        .collect();
    ents.sort_by(|a, b| a.2.cmp(&b.2));
    ents
}

#[test]
fn the_keys_turn_the_extractors_output_into_the_gold() {
    let Some(gold) = gold() else {
        return;
    };
    let dir = TempDir::new().unwrap();
    let mut app = open(dir.path());
    let mut log = Vec::new();
    let mut rounds = 0;
    while step(&mut app, &gold, &mut log) {
        rounds += 1;
        assert!(rounds < 200, "no end in sight:\n{}", log.join("\n"));
    }
    eprintln!("{} corrections by key:\n  {}", log.len(), log.join("\n  "));
    assert_eq!(shown(&app), gold, "after:\n{}", log.join("\n"));
    let corrected = reader(&app).doc.corrected.clone();
    let entities = reader(&app).doc.entities.clone();
    drop(app);

    // A restart: the same entities, still marked as corrected.
    let again = open(dir.path());
    assert_eq!(shown(&again), gold);
    assert_eq!(reader(&again).doc.entities, entities);
    assert_eq!(reader(&again).doc.corrected, corrected);

    // Every export shows it.
    let r = reader(&again);
    let notes = r.doc.notes.as_ref().unwrap();
    let src = Source {
        article: &r.doc.article,
        notes,
        entities: &r.doc.entities,
    };
    let text = &r.doc.article.text;
    let chars = |b: usize| text[..b].chars().count();
    let ann = String::from_utf8(export::render(Format::Brat, &src).unwrap()).unwrap();
    let want: BTreeSet<(String, Vec<(usize, usize)>)> = gold
        .iter()
        .map(|(k, _, spans)| {
            let s = spans.iter().map(|&(a, b)| (chars(a), chars(b))).collect();
            (brat_type(*k).to_string(), s)
        })
        .collect();
    assert_eq!(brat_groups(&ann), want, "{ann}");

    let json: Value = serde_json::from_slice(&export::render(Format::Json, &src).unwrap()).unwrap();
    let listed: BTreeSet<(String, String, u64)> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
                e["mentions"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: BTreeSet<(String, String, u64)> = gold
        .iter()
        .map(|(k, n, s)| (k.as_str().to_string(), n.clone(), s.len() as u64))
        .collect();
    assert_eq!(listed, want);
    let marked = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["corrected"] == true)
        .count();
    assert_eq!(marked, corrected.iter().filter(|c| **c).count());

    let md = String::from_utf8(export::render(Format::Markdown, &src).unwrap()).unwrap();
    for (_, name, spans) in &gold {
        let n = spans.len();
        let line = format!("- {name} — {n} mention{}", if n == 1 { "" } else { "s" });
        assert!(md.contains(&line), "{line}\n{md}");
    }

    // W3C: one classifying annotation per corrected entity, its targets the mentions.
    let w3c: Value = serde_json::from_slice(&export::render(Format::W3c, &src).unwrap()).unwrap();
    let classified: Vec<&Value> = w3c["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["motivation"] == "classifying")
        .collect();
    assert_eq!(classified.len(), marked, "{w3c:#}");
    for a in &classified {
        assert!(!a["target"].as_array().unwrap().is_empty());
        assert_eq!(a["body"][0]["purpose"], "classifying");
    }

    // glose extract applies the corrections; --raw gives the extractor's own.
    let o = glose(dir.path(), &["extract", SEED, "--format", "json"]);
    assert_eq!(extracted(&o), gold);
    let o = glose(dir.path(), &["extract", SEED, "--format", "json", "--raw"]);
    let raw: Vec<Ent> = {
        let mut v: Vec<Ent> = extract(&seed())
            .into_iter()
            .map(|e| {
                let spans = e.mentions.iter().map(|m| (m.start, m.end)).collect();
                (e.kind, e.name, spans)
            })
            .collect();
        v.sort_by(|a, b| a.2.cmp(&b.2));
        v
    };
    assert_eq!(extracted(&o), raw);
    // And glose export --format brat prints the same as above.
    let o = glose(dir.path(), &["export", SEED, "--format", "brat"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8(o.stdout).unwrap(), ann);
}
