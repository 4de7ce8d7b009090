//! Issue 14, the reader polished: the kind bar and the sidebar's scroll indicator,
//! names cut in the middle, accent-blind search and filter, scrolloff, counts and
//! half pages, help that scrolls. Screens read from the `TestBackend`.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::tui::{App, Theme};
use glose::{Article, EntityKind};
use ratatui::style::Color;

fn real_seed(w: u16, h: u16) -> App {
    let a = Article::load(SEED.as_ref()).unwrap();
    let entities = glose::extract(&a);
    app_with(a, entities, Theme::colored(), w, h)
}

fn ctrl(app: &mut App, c: char) {
    send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn count(app: &App, kind: EntityKind) -> usize {
    reader(app)
        .doc
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .count()
}

// ---- 1. all four kinds at a glance --------------------------------------------------

#[test]
fn every_kind_and_its_count_is_on_the_first_screen_at_every_size() {
    for (w, h) in [(80, 24), (100, 30), (120, 35), (160, 48)] {
        let app = real_seed(w, h);
        let s = screen(&app);
        for (key, kind, label) in [
            (1, EntityKind::Person, "People"),
            (2, EntityKind::Place, "Places"),
            (3, EntityKind::Organization, "Orgs"),
            (4, EntityKind::Event, "Events"),
        ] {
            let cell = format!("{key} {label} {}", count(&app, kind));
            assert!(s.contains(&cell), "{w}x{h}: no “{cell}” in\n{s}");
        }
        // The list is longer than the sidebar: its last line says so.
        assert!(s.contains("↓ "), "{w}x{h}: no scroll indicator in\n{s}");
    }
}

/// The real pipeline's entities: this snapshot changes as extraction improves
/// (review the diff, then accept it).
#[test]
fn snapshot_kind_bar_and_scroll_indicator_80x24() {
    let mut app = real_seed(80, 24);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "G");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn the_scroll_indicator_counts_rows_above_and_below() {
    let mut app = real_seed(80, 24);
    press(&mut app, KeyCode::Tab);
    let s = screen(&app);
    assert!(s.contains("↓ ") && !s.contains("↑ "), "{s}");
    keys(&mut app, "G");
    let s = screen(&app);
    assert!(s.contains("↑ ") && !s.contains("↓ "), "{s}");
}

#[test]
fn a_kind_key_or_a_click_on_the_bar_shows_that_kind_alone() {
    let mut app = real_seed(120, 35);
    let buf = draw(&app);
    let (x, y) = find(&buf, "4 Events").expect("kind bar");
    update(&mut app, Action::Click { col: x + 2, row: y });
    assert_eq!(reader(&app).kind_filter, Some(EntityKind::Event));
    let buf = draw(&app);
    // The kind shown alone is in reverse video.
    assert!(buf[(x, y)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
    update(&mut app, Action::Click { col: x + 2, row: y });
    assert_eq!(reader(&app).kind_filter, None);
}

#[test]
fn long_event_names_are_cut_in_the_middle_and_stay_apart() {
    let mut app = real_seed(80, 24);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "4");
    let s = screen(&app);
    let r = reader(&app);
    let sommets: Vec<&str> = r
        .doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Event && e.name.starts_with("sommet"))
        .map(|e| e.name.as_str())
        .collect();
    assert!(sommets.len() >= 2, "{sommets:?}");
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("sommet")).collect();
    assert_eq!(rows.len(), sommets.len(), "{s}");
    let cut: Vec<String> = rows
        .iter()
        .map(|l| l.split('│').nth(1).unwrap().trim().to_string())
        .collect();
    assert_ne!(cut[0], cut[1], "the two rows look alike: {cut:?}");
    for c in &cut {
        assert!(c.contains('…'), "cut in the middle: {c}");
    }
    // Each name keeps its end, where these differ.
    for name in &sommets {
        let tail: String = name.chars().skip(name.chars().count() - 4).collect();
        assert!(
            cut.iter().any(|c| c.contains(&tail)),
            "{tail} of {name} in {cut:?}"
        );
    }
    // The selected one is in full on the status line.
    keys(&mut app, "G");
    while !selected_name(&app).starts_with("sommet") {
        keys(&mut app, "k");
    }
    assert!(
        status_line(&app).contains(&selected_name(&app)),
        "{}",
        status_line(&app)
    );
}

// ---- 2. accent- and case-blind search and filter -------------------------------------

#[test]
fn search_ignores_accents_and_case_and_marks_the_original_text() {
    let mut app = real_seed(100, 30);
    keys(&mut app, "/evenement");
    press(&mut app, KeyCode::Enter);
    let mut found = Vec::new();
    for _ in 0..4 {
        let r = reader(&app);
        let (b, m) = r.search.as_ref().unwrap().current.clone().expect("a match");
        let text = r.doc.article.blocks[b].display(&r.doc.article.text).text;
        found.push(text[m].to_string());
        keys(&mut app, "n");
    }
    assert!(found.iter().any(|f| f == "Evénement"), "{found:?}");
    assert!(found.iter().any(|f| f == "événement"), "{found:?}");
    // The match is drawn on the original letters.
    let buf = draw(&app);
    let (x, y) = find(&buf, "événement")
        .or_else(|| find(&buf, "Evénement"))
        .unwrap();
    let bg = buf[(x + 1, y)].bg;
    assert!(
        bg == Color::Indexed(208) || bg == Color::Indexed(186),
        "the accented letter is marked: {bg:?}"
    );
}

#[test]
fn a_capital_in_the_query_keeps_case_but_not_accents() {
    let mut app = real_seed(100, 30);
    keys(&mut app, "/Evenement");
    press(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        let r = reader(&app);
        let (b, m) = r.search.as_ref().unwrap().current.clone().expect("a match");
        let text = r.doc.article.blocks[b].display(&r.doc.article.text).text;
        assert_eq!(&text[m], "Evénement");
        keys(&mut app, "n");
    }
}

#[test]
fn the_sidebar_filter_ignores_accents_and_case() {
    let mut app = real_seed(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/tokaiev");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_name(&app), "Kassym-Jomart Tokaïev");
    assert_eq!(reader(&app).visible_entities().len(), 1);
    assert!(screen(&app).contains("1 People 1"));
}

#[test]
fn decomposed_accents_and_ligatures_match() {
    use glose::tui::search::matches_in;
    let text = "Orle\u{301}ans, cœur et Événement";
    let m = matches_in(text, 0..text.len(), "orleans");
    assert_eq!(m.len(), 1);
    assert_eq!(&text[m[0].clone()], "Orle\u{301}ans");
    let m = matches_in(text, 0..text.len(), "coeur");
    assert_eq!(&text[m[0].clone()], "cœur");
    let m = matches_in(text, 0..text.len(), "evenement");
    assert_eq!(&text[m[0].clone()], "Événement");
    assert!(matches_in(text, 0..text.len(), "Orleans e").is_empty());
}

// ---- 8. scrolloff ---------------------------------------------------------------------

#[test]
fn jumps_keep_context_around_the_current_mention() {
    let mut app = real_seed(100, 16);
    let text_h = 14; // the title and the status line aside
    let so = glose::tui::reader::SCROLLOFF;
    for _ in 0..60 {
        keys(&mut app, "]");
        let buf = draw(&app);
        let row = (1..=text_h as u16)
            .find(|&y| buf[(0, y)].symbol() == "▌")
            .expect("margin marker") as usize
            - 1;
        let r = reader(&app);
        let at_end = r.percent() == 100;
        let at_top = r.top == Default::default();
        assert!(row >= so || at_top, "row {row} too near the top");
        assert!(row + so < text_h || at_end, "row {row} too near the bottom");
    }
}

// ---- 10. keys from less and vim --------------------------------------------------------

#[test]
fn counts_repeat_moves() {
    let mut a = seed_app(100, 20);
    let mut b = seed_app(100, 20);
    keys(&mut a, "5j");
    keys(&mut b, "jjjjj");
    assert_eq!(reader(&a).top, reader(&b).top);
    assert_ne!(reader(&a).top, Default::default());
    keys(&mut a, "12k");
    assert_eq!(reader(&a).top, Default::default());
    // A count does not leak into the next key.
    keys(&mut b, "gj");
    let mut c = seed_app(100, 20);
    keys(&mut c, "j");
    assert_eq!(reader(&b).top, reader(&c).top);
    // In the sidebar digits still choose a kind.
    press(&mut c, KeyCode::Tab);
    keys(&mut c, "2");
    assert_eq!(reader(&c).kind_filter, Some(EntityKind::Place));
}

#[test]
fn ctrl_d_u_f_b_move_by_half_and_whole_pages() {
    let mut a = real_seed(100, 30);
    let h = reader(&a).view.1;
    ctrl(&mut a, 'd');
    let mut b = real_seed(100, 30);
    for _ in 0..h / 2 {
        keys(&mut b, "j");
    }
    assert_eq!(reader(&a).top, reader(&b).top);
    ctrl(&mut a, 'u');
    assert_eq!(reader(&a).top, Default::default());
    ctrl(&mut a, 'f');
    let mut c = real_seed(100, 30);
    keys(&mut c, " ");
    assert_eq!(reader(&a).top, reader(&c).top);
    ctrl(&mut a, 'b');
    assert_eq!(reader(&a).top, Default::default());
}

// ---- 6. help -----------------------------------------------------------------------------

#[test]
fn help_says_there_is_more_and_scrolls_to_the_end() {
    let mut app = seed_app(80, 24);
    keys(&mut app, "?");
    let s = screen(&app);
    assert!(s.contains("more: j/Space"), "{s}");
    assert!(!s.contains("quit"), "{s}");
    for _ in 0..3 {
        keys(&mut app, " ");
    }
    let s = screen(&app);
    assert!(s.contains("quit"), "{s}");
    assert!(
        s.contains("relabel"),
        "the article's help lists the corrections: {s}"
    );
    assert!(!s.contains("more: j/Space"), "{s}");
}

#[test]
fn snapshot_help_at_80x24_scrolled() {
    let mut app = seed_app(80, 24);
    keys(&mut app, "?");
    ctrl(&mut app, 'd');
    insta::assert_snapshot!(dump(&app));
}

use glose::tui::{update, Action};
