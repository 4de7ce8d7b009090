//! The library index in the reader: an article indexed when it is opened,
//! "also in N articles", `w` and the jump to another article and back, the
//! library's entity view (`E`), the notes search across the library. The
//! articles are written here for these tests; the index is built from them with
//! hand-made entities (so the snapshots do not move with the extractor), except
//! where opening an article runs the real extractor.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::index::{Index, Record, RecordNote};
use glose::notes::Notes;
use glose::tui::keymap::Mode;
use glose::tui::library::Library;
use glose::tui::{Action, App, Theme};
use glose::{Document, Entity, EntityKind, Mention, NotesStore};
use std::path::{Path, PathBuf};

const BERLIN: &str = "---
title: Macron à Berlin
date: 2024-03-12
lang: fr
---
Emmanuel Macron est arrivé mardi à Berlin pour rencontrer Olaf Scholz.

Les deux dirigeants parlent de l'aide à l'Ukraine.

Le président français doit aussi voir des chefs d'entreprise.

Olaf Scholz a promis une réponse avant l'été.
";

const BUDGET: &str = "---
title: Le budget de Berlin sous le feu des critiques
date: 2024-05-03
lang: fr
---
Le Bundestag a commencé jeudi l'examen du budget.

Le chancelier Olaf Scholz a défendu son plan devant les députés.

Olaf Scholz a promis de nouveaux investissements dans le rail.
";

const SOMMET: &str = "---
title: Sommet à Bruxelles
date: 2024-06-20
lang: fr
---
Olaf Scholz et Emmanuel Macron se sont retrouvés à Bruxelles pour un sommet.
";

/// The hand-made entities of each article: kind, name, forms.
fn entities_of(name: &str) -> Vec<(EntityKind, &'static str, &'static [&'static str])> {
    use EntityKind::*;
    match name {
        "berlin.txt" => vec![
            (Person, "Emmanuel Macron", &["Emmanuel Macron"]),
            (Place, "Berlin", &["Berlin"]),
            (Person, "Olaf Scholz", &["Olaf Scholz"]),
            (Place, "Ukraine", &["Ukraine"]),
        ],
        "budget.txt" => vec![
            (Organization, "Bundestag", &["Bundestag"]),
            (Person, "Olaf Scholz", &["Olaf Scholz"]),
        ],
        _ => vec![
            (Person, "Olaf Scholz", &["Olaf Scholz"]),
            (Person, "Emmanuel Macron", &["Emmanuel Macron"]),
            (Place, "Bruxelles", &["Bruxelles"]),
        ],
    }
}

struct Lib {
    root: PathBuf,
    /// The index's data directory.
    data: PathBuf,
    /// The notes' data directory.
    notes: PathBuf,
}

impl Lib {
    fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// An article as the reader opens it, with its hand-made entities.
    fn doc(&self, name: &str) -> Document {
        let (mut doc, _) =
            Document::load(&self.path(name), &NotesStore::in_dir(&self.notes)).unwrap();
        let text = doc.article.text.clone();
        let raw = entities_of(name)
            .into_iter()
            .enumerate()
            .map(|(i, (kind, n, forms))| hand_entity(&text, i, kind, n, forms))
            .collect();
        doc.set_raw(raw);
        doc
    }
}

fn hand_entity(text: &str, i: usize, kind: EntityKind, name: &str, forms: &[&str]) -> Entity {
    let mut mentions: Vec<Mention> = forms
        .iter()
        .flat_map(|f| {
            text.match_indices(f)
                .map(|(at, _)| Mention::new(at, at + f.len()))
        })
        .collect();
    mentions.sort();
    Entity {
        id: format!("e{}", i + 1),
        kind,
        name: name.to_string(),
        mentions,
        evidence: Vec::new(),
    }
}

/// Three articles in a folder (their text marked with the test's name);
/// `indexed`: with their hand-made entities in
/// the index, and a tagged note on the budget.
fn library(test: &str, indexed: bool) -> Lib {
    // Articles opened by a jump read their notes from GLOSE_DATA_DIR: one
    // folder for this test binary, never the user's.
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let shared = DIR.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        std::env::set_var("GLOSE_DATA_DIR", d.path());
        d
    });
    // Under the binary's folder, kept to the end: an article whose folder
    // went would be taken for moved, and its notes would follow its text.
    let base = shared.path().join(test);
    let root = base.join("articles");
    std::fs::create_dir_all(&root).unwrap();
    for (name, text) in [
        ("berlin.txt", BERLIN),
        ("budget.txt", BUDGET),
        ("sommet.txt", SOMMET),
    ] {
        // Notes follow an article's text wherever it moves: each test's
        // articles are its own (notes live in the binary's one data folder).
        std::fs::write(root.join(name), format!("{text}\nRéf. {test}.\n")).unwrap();
    }
    let lib = Lib {
        root: std::fs::canonicalize(&root).unwrap(),
        data: base.join("data"),
        notes: shared.path().to_path_buf(),
    };
    if indexed {
        let mut index = Index::open_in(&lib.data).unwrap();
        for name in ["berlin.txt", "budget.txt", "sommet.txt"] {
            let mut record = Record::of(&lib.doc(name));
            if name == "budget.txt" {
                let at = BUDGET.find("Olaf Scholz a promis").unwrap();
                record.notes.push(RecordNote {
                    text: "Le rail d'abord #energie".into(),
                    about: "Olaf Scholz a promis de nouveaux investissements".into(),
                    offset: at,
                    tags: vec!["energie".into()],
                });
            }
            index.put(&[record]).unwrap();
        }
    }
    lib
}

/// Runs the effects of an update with nothing else happening (as the event
/// loop does after a resize).
fn settle(app: &mut App) {
    let (w, h) = app.size;
    let fx = glose::tui::update(app, Action::Resize(w, h));
    glose::tui::run_effects_now(app, fx);
}

fn reader_on(lib: &Lib, name: &str) -> App {
    let mut app = App::with_document(lib.doc(name), Vec::new(), Theme::colored(), (80, 24));
    app.index_dir = Some(lib.data.clone());
    settle(&mut app);
    app
}

fn select(app: &mut App, name: &str) {
    if app.mode() != Mode::Sidebar {
        key(app, KeyCode::Tab);
    }
    for _ in 0..20 {
        let r = reader(app);
        if r.selected.is_some_and(|i| r.doc.entities[i].name == name) {
            return;
        }
        key(app, KeyCode::Char('j'));
    }
    panic!("{name} not in the sidebar");
}

fn selected_name(app: &App) -> String {
    let r = reader(app);
    r.selected
        .map(|i| r.doc.entities[i].name.clone())
        .unwrap_or_default()
}

fn file_of(app: &App) -> String {
    Path::new(&reader(app).doc.article.path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_sidebar_says_where_else_the_selected_entity_is() {
    let lib = library("sidebar", true);
    let mut app = reader_on(&lib, "berlin.txt");
    select(&mut app, "Olaf Scholz");
    let text = text_of(&draw(&app)).join("\n");
    assert!(text.contains("also in 2 articles · w"), "{text}");
    insta::assert_snapshot!("also_in_sidebar_80x24", dump(&app));
    // Berlin is in no other article: no line.
    select(&mut app, "Berlin");
    let text = text_of(&draw(&app)).join("\n");
    assert!(!text.contains("also in"), "{text}");
}

#[test]
fn without_an_index_the_sidebar_has_no_also_in_line_and_w_says_why() {
    let lib = library("noindex", true);
    let mut app = App::with_document(
        lib.doc("berlin.txt"),
        Vec::new(),
        Theme::colored(),
        (80, 24),
    );
    select(&mut app, "Olaf Scholz");
    assert!(!text_of(&draw(&app)).join("\n").contains("also in"));
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.message.as_deref(), Some("no library index here"));
    assert_eq!(app.mode(), Mode::Sidebar);
}

#[test]
fn w_lists_the_other_articles_enter_jumps_to_the_first_mention_and_backspace_returns() {
    let lib = library("jump", true);
    let mut app = reader_on(&lib, "berlin.txt");
    // Somewhere in the article, the sidebar focused on Olaf Scholz.
    select(&mut app, "Olaf Scholz");
    key(&mut app, KeyCode::Char('n'));
    let before_top = reader(&app).top_offset();
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.mode(), Mode::Articles);
    insta::assert_snapshot!("where_else_list_80x24", dump(&app));
    // The budget has the most mentions: first. Enter opens it (the real
    // extractor runs on it) at its first mention of Olaf Scholz.
    key(&mut app, KeyCode::Enter);
    assert_eq!(file_of(&app), "budget.txt");
    assert_eq!(app.mode(), Mode::Article);
    let r = reader(&app);
    let first = BUDGET.find("Olaf Scholz").unwrap();
    let current = r.current.map(|m| r.mentions[m].start);
    assert_eq!(current, Some(first), "landed on the first mention");
    assert!(
        selected_name(&app).contains("Scholz"),
        "{}",
        selected_name(&app)
    );
    // Moving on in the budget, then back: berlin, where it was.
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(file_of(&app), "berlin.txt");
    assert_eq!(reader(&app).top_offset(), before_top);
    assert_eq!(selected_name(&app), "Olaf Scholz");
    assert_eq!(app.mode(), Mode::Sidebar);
    // Nothing more to go back to: Backspace says so, as before.
    key(&mut app, KeyCode::Backspace);
    assert_eq!(file_of(&app), "berlin.txt");
    assert!(app.message.is_some());
}

#[test]
fn esc_after_a_w_jump_went_to_the_library() {
    let lib = library("escback", true);
    let mut app = reader_on(&lib, "berlin.txt");
    select(&mut app, "Olaf Scholz");
    key(&mut app, KeyCode::Char('n'));
    let before_top = reader(&app).top_offset();
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(file_of(&app), "budget.txt");
    assert_eq!(app.mode(), Mode::Article);
    // Esc in the article it jumped to returns to the article it came from,
    // where it was, like Backspace (it used to close both for the library).
    key(&mut app, KeyCode::Esc);
    assert_eq!(file_of(&app), "berlin.txt");
    assert_eq!(reader(&app).top_offset(), before_top);
    assert_eq!(selected_name(&app), "Olaf Scholz");
}

#[test]
fn opening_an_article_indexes_it_once_and_a_saved_note_indexes_it_again() {
    let lib = library("onopen", false);
    let mut app = App::with_library(
        Library::new(lib.root.clone(), vec![lib.path("berlin.txt")]),
        Theme::colored(),
        (80, 24),
    );
    app.index_dir = Some(lib.data.clone());
    key(&mut app, KeyCode::Enter);
    assert_eq!(file_of(&app), "berlin.txt");
    let index = Index::open_in(&lib.data).unwrap();
    assert_eq!(index.article_count().unwrap(), 1);
    let hits = index.where_("Olaf Scholz", None).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let known = index.known().unwrap();
    // Back to the library and in again: nothing changed, nothing written.
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Enter);
    assert_eq!(index.known().unwrap(), known);
    assert_eq!(app.message, None);
    // A note with a tag: saved, then indexed, found by its tag.
    run(&mut app, "vh");
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, "à suivre #rail");
    send(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    io(&mut app);
    assert_ne!(index.known().unwrap(), known);
    let found = index.search("#rail", 0).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, "note");
}

#[test]
fn an_index_that_cannot_be_written_is_a_status_line_and_the_reader_goes_on() {
    let lib = library("broken", false);
    let blocker = lib.root.join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let mut app = App::with_library(
        Library::new(lib.root.clone(), vec![lib.path("berlin.txt")]),
        Theme::colored(),
        (80, 24),
    );
    app.index_dir = Some(blocker.join("data"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(file_of(&app), "berlin.txt");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("not indexed: "), "{msg:?}");
    assert!(!msg.contains('\n'));
    // The reader works on: notes are written to their own store.
    run(&mut app, "vh");
    assert_eq!(reader(&app).doc.notes.as_ref().unwrap().placed().len(), 1);
    let (notes, _) = Notes::open_in(&lib.notes, &reader(&app).doc.article);
    assert_eq!(notes.placed().len(), 1);
}

#[test]
fn the_library_entity_view_lists_entities_with_timelines_and_opens_their_articles() {
    let lib = library("entities", true);
    let paths = vec![
        lib.path("berlin.txt"),
        lib.path("budget.txt"),
        lib.path("sommet.txt"),
    ];
    let mut app = App::with_library(
        Library::new(lib.root.clone(), paths),
        Theme::colored(),
        (80, 24),
    );
    app.index_dir = Some(lib.data.clone());
    key(&mut app, KeyCode::Char('E'));
    assert_eq!(app.mode(), Mode::LibraryEntities);
    insta::assert_snapshot!("library_entities_80x24", dump(&app));
    // Olaf Scholz is first (three articles): Enter lists them.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Articles);
    insta::assert_snapshot!("library_entity_articles_80x24", dump(&app));
    // Places only: Berlin, Bruxelles, Ukraine.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('2'));
    let text = text_of(&draw(&app)).join("\n");
    assert!(
        text.contains("Bruxelles") && !text.contains("Olaf Scholz"),
        "{text}"
    );
    key(&mut app, KeyCode::Char('0'));
    // A name filter, blind to accents and case: "bru" keeps Bruxelles.
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::EntityFilter);
    keys(&mut app, "BRU");
    key(&mut app, KeyCode::Enter);
    let text = text_of(&draw(&app)).join("\n");
    assert!(
        text.contains("Bruxelles") && !text.contains("Olaf Scholz"),
        "{text}"
    );
    assert!(text.contains("/ BRU"), "{text}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::LibraryEntities);
    assert!(text_of(&draw(&app)).join("\n").contains("Olaf Scholz"));
    // An article opened from the list; Backspace returns to the list.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert!(app.reader.is_some());
    let opened = file_of(&app);
    let r = reader(&app);
    let at = r.current.map(|m| r.mentions[m].start);
    let text = std::fs::read_to_string(lib.path(&opened)).unwrap();
    assert_eq!(at, text.find("Olaf Scholz"), "{opened}");
    key(&mut app, KeyCode::Backspace);
    assert!(app.reader.is_none());
    assert_eq!(app.mode(), Mode::Articles);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::LibraryEntities);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Library);
}

#[test]
fn the_notes_list_searches_this_article_and_the_library_and_filters_by_tag() {
    let lib = library("notes", true);
    let mut app = reader_on(&lib, "berlin.txt");
    // A highlight with a tagged note, a note on an entity.
    run(&mut app, "vh");
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, "Première visite #energie");
    send(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    io(&mut app);
    select(&mut app, "Olaf Scholz");
    key(&mut app, KeyCode::Char('a'));
    keys(&mut app, "Une promesse");
    send(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    io(&mut app);
    key(&mut app, KeyCode::Char('\''));
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::NoteSearch);
    // A tag being typed already finds the notes carrying it.
    keys(&mut app, "#ener");
    let text = text_of(&draw(&app)).join("\n");
    assert!(text.contains("Première visite"), "{text}");
    keys(&mut app, "gie");
    io(&mut app);
    insta::assert_snapshot!("note_search_article_80x24", dump(&app));
    // Words, accents ignored: "premiere" finds "Première".
    for _ in 0.."#energie".len() {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "premiere");
    let text = text_of(&draw(&app)).join("\n");
    assert!(
        text.contains("Première visite") && !text.contains("Une promesse"),
        "{text}"
    );
    // The library: this article's note and the budget's, by their tag.
    for _ in 0.."premiere".len() {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "#en");
    key(&mut app, KeyCode::Tab);
    io(&mut app);
    assert_eq!(app.overlay.note_search().unwrap().hits.len(), 2);
    keys(&mut app, "ergie");
    io(&mut app);
    insta::assert_snapshot!("note_search_library_80x24", dump(&app));
    let text = text_of(&draw(&app)).join("\n");
    assert!(text.contains("Le budget de Berlin"), "{text}");
    // Enter on the budget's note opens the budget there; Backspace returns.
    let budget_row = app
        .overlay
        .note_search()
        .unwrap()
        .hits
        .iter()
        .position(|h| h.path.ends_with("budget.txt"))
        .unwrap();
    for _ in 0..budget_row {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(file_of(&app), "budget.txt");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(file_of(&app), "berlin.txt");
}
