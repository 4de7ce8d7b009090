//! Corrections in the reader, without a terminal: each key (`r`, `m`, `R`, `x`,
//! `X`, `S`, selection `E` and its word motions, `u`) fed to the app, the file
//! work done as the event loop does it, the screen read from the `TestBackend`;
//! then persistence across a restart and after the article was edited.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::notes::Notes;
use glose::tui::keymap::Mode;
use glose::tui::{ui, App, Theme};
use glose::{Article, Entity, EntityKind};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use std::path::Path;
use tempfile::TempDir;

/// The seed with hand-made entities, "M. Poutine" a row of its own.
fn entities(text: &str) -> Vec<Entity> {
    use EntityKind::*;
    let mut list = vec![
        entity(text, 1, Person, "Vladimir Poutine", &["Vladimir Poutine"]),
        entity(text, 2, Place, "Kirghizstan", &["Kirghizstan"]),
        entity(
            text,
            3,
            Organization,
            "Cour pénale internationale",
            &["Cour pénale internationale", "CPI"],
        ),
        entity(text, 4, Place, "Bichkek", &["Bichkek"]),
        entity(text, 5, Person, "Poutine", &["M. Poutine"]),
        entity(text, 6, Place, "Moscou", &["Moscou"]),
        entity(text, 7, Place, "Ukraine", &["Ukraine"]),
    ];
    list.sort_by_key(|e| e.first_offset());
    list
}

fn open(dir: &Path, a: Article) -> App {
    let e = entities(&a.text);
    let (notes, _) = Notes::open_in(dir, &a);
    let mut app = App::with_article(a, e, Theme::colored(), (110, 34));
    app.set_notes(notes, Vec::new());
    app
}

fn seed(dir: &Path) -> App {
    open(dir, article(SEED, &seed_text()))
}

fn names(app: &App) -> Vec<String> {
    reader(app)
        .doc
        .entities
        .iter()
        .map(|e| e.name.clone())
        .collect()
}

fn entity_named<'a>(app: &'a App, name: &str) -> &'a Entity {
    reader(app)
        .doc
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", names(app)))
}

/// Moves the sidebar's selection to the entity called `name`.
fn select(app: &mut App, name: &str) {
    if app.mode() == Mode::Article {
        press(app, KeyCode::Tab);
    }
    assert_eq!(app.mode(), Mode::Sidebar);
    keys(app, "g");
    for _ in 0..60 {
        if reader(app).selected.is_some() && selected_name(app) == name {
            return;
        }
        keys(app, "j");
    }
    panic!("{name} is not in the sidebar: {:?}", names(app));
}

fn corrections_on_disk(dir: &Path) -> usize {
    let a = article(SEED, &seed_text());
    Notes::open_in(dir, &a).0.corrections().len()
}

/// The sidebar's part of each screen line.
fn sidebar(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let x = usize::from(ui::areas(Rect::new(0, 0, w, h)).sidebar.x);
    text_of(&draw(app))
        .into_iter()
        .map(|l| l.chars().skip(x).collect())
        .collect()
}

/// The sidebar row of an entity.
fn row(app: &App, name: &str) -> String {
    let lines = sidebar(app);
    lines
        .iter()
        .find(|l| {
            l.trim_start_matches(['│', ' ', '▸', '◆'])
                .starts_with(&format!("{name} "))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no row for {name}:\n{}", lines.join("\n")))
}

/// The first cell of `needle` in the article pane.
fn find_in_article(app: &App, needle: &str) -> (u16, u16) {
    let (w, h) = app.size;
    let side = ui::areas(Rect::new(0, 0, w, h)).sidebar.x;
    let buf = draw(app);
    for (y, line) in text_of(&buf).iter().enumerate() {
        let left: String = line.chars().take(usize::from(side)).collect();
        if let Some(at) = left.find(needle) {
            return (left[..at].chars().count() as u16, y as u16);
        }
    }
    panic!("{needle} is not in the article pane");
}

#[test]
fn r_relabels_through_the_kind_picker_and_u_undoes() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Moscou");
    keys(&mut app, "r");
    assert_eq!(app.mode(), Mode::Kind);
    let shown = screen(&app);
    assert!(shown.contains("Kind of Moscou"), "{shown}");
    assert!(shown.contains("p 1  person") && shown.contains("o 3  organization"));
    run(&mut app, "o");
    assert_eq!(app.mode(), Mode::Sidebar);
    assert_eq!(entity_named(&app, "Moscou").kind, EntityKind::Organization);
    assert_eq!(selected_name(&app), "Moscou", "the selection follows it");
    let shown = screen(&app);
    assert!(shown.contains("Organizations 2"), "{shown}");
    assert!(row(&app, "Moscou").contains("✓ 4"), "{shown}");
    assert!(status_line(&app).contains("Moscou is now an organization"));
    assert_eq!(corrections_on_disk(dir.path()), 1, "saved at once");
    // The article draws it as an organization: bold italic.
    let (x, y) = find_in_article(&app, "Moscou");
    assert!(draw(&app)[(x, y)]
        .modifier
        .contains(Modifier::BOLD | Modifier::ITALIC));

    run(&mut app, "u");
    assert_eq!(entity_named(&app, "Moscou").kind, EntityKind::Place);
    assert!(!row(&app, "Moscou").contains('✓'));
    assert_eq!(corrections_on_disk(dir.path()), 0);
    // Esc leaves the picker without a change; the same kind changes nothing.
    keys(&mut app, "r");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Sidebar);
    run(&mut app, "r2");
    assert!(
        status_line(&app).contains("already"),
        "{}",
        status_line(&app)
    );
    assert_eq!(corrections_on_disk(dir.path()), 0);
}

#[test]
fn m_then_m_merges_with_the_fuller_name() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    let before = reader(&app).doc.entities.len();
    let count = |app: &App, name: &str| entity_named(app, name).mentions.len();
    let total = count(&app, "Poutine") + count(&app, "Vladimir Poutine");
    select(&mut app, "Poutine");
    keys(&mut app, "m");
    assert!(row(&app, "Poutine").contains('◆'), "{:?}", sidebar(&app));
    assert!(status_line(&app).contains("marked"));
    select(&mut app, "Vladimir Poutine");
    run(&mut app, "m");
    assert_eq!(reader(&app).doc.entities.len(), before - 1);
    assert_eq!(count(&app, "Vladimir Poutine"), total);
    assert!(!names(&app).contains(&"Poutine".to_string()));
    assert_eq!(selected_name(&app), "Vladimir Poutine");
    assert!(row(&app, "Vladimir Poutine").contains(&format!("✓ {total}")));
    assert!(!screen(&app).contains('◆'));
    assert_eq!(corrections_on_disk(dir.path()), 1);
    // m twice on one entity only marks and unmarks; Esc clears a mark too.
    select(&mut app, "Moscou");
    keys(&mut app, "mm");
    assert!(!screen(&app).contains('◆'));
    keys(&mut app, "m");
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&app).contains('◆'));
    assert_eq!(app.mode(), Mode::Sidebar);
    run(&mut app, "u");
    assert_eq!(reader(&app).doc.entities.len(), before);
}

#[test]
fn shift_r_renames_on_a_line_editor() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Cour pénale internationale");
    keys(&mut app, "R");
    assert_eq!(app.mode(), Mode::Rename);
    assert!(status_line(&app).contains("new name: Cour pénale internationale"));
    common::send(
        &mut app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    keys(&mut app, "CPI (La Haye)");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Sidebar);
    let e = entity_named(&app, "CPI (La Haye)");
    assert_eq!(e.mentions.len(), 4);
    assert!(row(&app, "CPI (La Haye)").contains('✓'));
    // Esc cancels; an empty name is refused.
    keys(&mut app, "R");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "R");
    common::send(
        &mut app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    key(&mut app, KeyCode::Enter);
    assert!(status_line(&app).contains("cannot be empty"));
    assert_eq!(corrections_on_disk(dir.path()), 1);
}

#[test]
fn x_hides_and_x_in_the_hidden_section_brings_back() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Ukraine");
    run(&mut app, "x");
    assert!(!names(&app).contains(&"Ukraine".to_string()));
    let side = sidebar(&app).join("\n");
    assert!(side.contains("   Hidden 1 · X shows them"), "{side}");
    assert!(!side.contains("Ukraine"), "collapsed");
    assert!(
        reader(&app).mentions.iter().all(|m| {
            let t = &reader(&app).doc.article.text[m.start..m.end];
            t != "Ukraine"
        }),
        "not drawn as a mention"
    );
    assert_eq!(
        selected_name(&app),
        "Cour pénale internationale",
        "the selection moves to the next row"
    );
    // X opens the section on the hidden entity; x brings it back.
    keys(&mut app, "X");
    assert!(sidebar(&app).join("\n").contains("Hidden 1 · X hides them"));
    assert!(row(&app, "Ukraine").contains("place"));
    assert!(status_line(&app).contains("Ukraine (place, hidden)"));
    keys(&mut app, "r");
    assert!(status_line(&app).contains("x brings it back first"));
    run(&mut app, "x");
    assert!(names(&app).contains(&"Ukraine".to_string()));
    assert_eq!(selected_name(&app), "Ukraine");
    assert!(!screen(&app).contains("Hidden"));
    assert_eq!(corrections_on_disk(dir.path()), 0);
    // u hides it again.
    run(&mut app, "u");
    assert!(!names(&app).contains(&"Ukraine".to_string()));
    assert_eq!(corrections_on_disk(dir.path()), 1);
}

#[test]
fn shift_s_splits_the_current_mention_off() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Cour pénale internationale");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::Article);
    run(&mut app, "S");
    let r = reader(&app);
    let cpi: Vec<&Entity> = r.doc.entities.iter().filter(|e| e.name == "CPI").collect();
    assert_eq!(cpi.len(), 1, "{:?}", names(&app));
    assert_eq!(cpi[0].mentions.len(), 1);
    assert_eq!(cpi[0].kind, EntityKind::Organization);
    assert_eq!(
        entity_named(&app, "Cour pénale internationale")
            .mentions
            .len(),
        3
    );
    assert_eq!(selected_name(&app), "CPI", "the new entity is selected");
    assert!(status_line(&app).contains("split off"));
    assert!(row(&app, "CPI").contains("✓ 1"));
    // The only mention of an entity cannot be split off.
    run(&mut app, "S");
    assert!(status_line(&app).contains("only mention"));
    // Without a current mention, S says how to get one.
    let mut fresh = seed(TempDir::new().unwrap().path());
    keys(&mut fresh, "S");
    assert!(status_line(&fresh).contains("no current mention"));
}

#[test]
fn e_in_the_selection_makes_every_occurrence_an_entity() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    // Search "Kant", select just the match, make it a place.
    keys(&mut app, "/Kant");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "vm");
    assert_eq!(app.mode(), Mode::Select);
    assert!(
        status_line(&app).contains("selecting “Kant”"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "E");
    assert_eq!(app.mode(), Mode::Kind);
    assert!(screen(&app).contains("New entity “Kant”"));
    run(&mut app, "l");
    assert_eq!(app.mode(), Mode::Article);
    let kant = entity_named(&app, "Kant");
    assert_eq!(kant.kind, EntityKind::Place);
    let text = &reader(&app).doc.article.text;
    let spans: Vec<&str> = kant.mentions.iter().map(|m| m.text(text)).collect();
    assert_eq!(spans, ["Kant", "Kant"], "every occurrence as a whole word");
    assert!(status_line(&app).contains("“Kant” is now a place, 2 mentions"));
    assert_eq!(corrections_on_disk(dir.path()), 1);
    run(&mut app, "u");
    assert!(!names(&app).contains(&"Kant".to_string()));
}

#[test]
fn word_motions_make_the_selection_precise() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    // The first sentence: "date 2023-10 Vladimir Poutine a prôné jeudi au
    // Kirghizstan un renforcement ... kirghiz." (or without the date line).
    keys(&mut app, "v");
    let sel = |app: &App| {
        let r = reader(app);
        r.doc.article.text[r.selection_range(app.overlay.selection().unwrap()).unwrap()].to_string()
    };
    while !sel(&app).starts_with("Vladimir") {
        keys(&mut app, "W");
    }
    for _ in 0..60 {
        if sel(&app) == "Vladimir Poutine" {
            break;
        }
        keys(&mut app, "b");
    }
    assert_eq!(sel(&app), "Vladimir Poutine");
    keys(&mut app, "w");
    assert_eq!(sel(&app), "Vladimir Poutine a");
    keys(&mut app, "B");
    assert!(sel(&app).ends_with("Vladimir Poutine a"), "{}", sel(&app));
    keys(&mut app, "W");
    assert_eq!(sel(&app), "Vladimir Poutine a");
    // j goes back to whole sentences.
    keys(&mut app, "j");
    assert!(sel(&app).ends_with('.'), "{}", sel(&app));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Article);
}

#[test]
fn corrections_survive_a_restart() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Poutine");
    keys(&mut app, "m");
    select(&mut app, "Vladimir Poutine");
    run(&mut app, "m");
    select(&mut app, "Moscou");
    run(&mut app, "r3");
    select(&mut app, "Ukraine");
    run(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/Kant");
    press(&mut app, KeyCode::Enter);
    run(&mut app, "vmEl");
    assert!(names(&app).contains(&"Kant".to_string()));
    let before: Vec<Entity> = reader(&app).doc.entities.clone();
    let corrected = reader(&app).doc.corrected.clone();
    drop(app);

    let again = seed(dir.path());
    assert_eq!(reader(&again).doc.entities, before);
    assert_eq!(reader(&again).doc.corrected, corrected);
    assert_eq!(reader(&again).doc.hidden.len(), 1);
    assert!(screen(&again).contains("Hidden 1"));
    assert_eq!(corrections_on_disk(dir.path()), 4);
}

#[test]
fn corrections_follow_an_edited_article_and_report_what_is_gone() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("poutine.txt");
    std::fs::write(&path, seed_text()).unwrap();
    let name = path.to_str().unwrap().to_string();
    let mut app = open(dir.path(), article(&name, &seed_text()));
    select(&mut app, "Moscou");
    run(&mut app, "r3");
    select(&mut app, "Ukraine");
    run(&mut app, "x");
    drop(app);

    // A paragraph added at the top, a sentence rewritten: every offset moves.
    let edited = format!(
        "Un paragraphe ajouté en tête, qui décale tout.\n\n{}",
        seed_text().replace(
            "Vladimir Poutine a prôné",
            "Le président Vladimir Poutine a défendu"
        )
    );
    assert_ne!(edited, seed_text());
    std::fs::write(&path, &edited).unwrap();
    let app = open(dir.path(), article(&name, &edited));
    assert_eq!(entity_named(&app, "Moscou").kind, EntityKind::Organization);
    assert!(app
        .message
        .as_deref()
        .is_none_or(|m| !m.contains("no longer")));
    assert_eq!(reader(&app).doc.hidden.len(), 1);
    assert!(!names(&app).contains(&"Ukraine".to_string()));
    assert_eq!(reader(&app).doc.unresolved.len(), 0);

    // A correction on text that is gone is kept and reported, never dropped.
    let gone = edited.replace("Moscou", "la capitale russe");
    std::fs::write(&path, &gone).unwrap();
    let mut again = open(dir.path(), article(&name, &gone));
    assert_eq!(reader(&again).doc.unresolved.len(), 1);
    assert!(
        status_line(&again).contains("1 correction no longer applies"),
        "{}",
        status_line(&again)
    );
    select(&mut again, "Kirghizstan");
    run(&mut again, "r4");
    let (notes, _) = Notes::open_in(dir.path(), &article(&name, &gone));
    assert_eq!(notes.corrections().len(), 3, "the stale one is still there");
    drop(app);
}

#[test]
fn help_lists_the_new_modes() {
    let mut app = seed(TempDir::new().unwrap().path());
    select(&mut app, "Moscou");
    keys(&mut app, "r?");
    assert!(screen(&app).contains("Keys: Kind"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "R");
    assert!(
        status_line(&app).contains("rename"),
        "hints: {}",
        status_line(&app)
    );
}

#[test]
fn the_hidden_section_follows_the_last_entity_in_a_short_sidebar() {
    let dir = TempDir::new().unwrap();
    let mut app = seed(dir.path());
    select(&mut app, "Moscou");
    run(&mut app, "x");
    glose::tui::update(&mut app, glose::tui::Action::Resize(110, 12));
    keys(&mut app, "G");
    let side = sidebar(&app).join("\n");
    assert!(side.contains("Hidden 1 · X shows them"), "{side}");
    assert!(
        row(&app, "Cour pénale internationale").contains("▸"),
        "{side}"
    );
}
