//! Issue 14, items 12 to 14: `y` copies through OSC 52, the mention map beside the
//! article, inline kind labels (`L`). Screens read from the `TestBackend`, with
//! their styles in the snapshots.

mod common;

use common::*;
use crossterm::event::KeyCode;
use glose::notes::Notes;
use glose::tui::clipboard;
use glose::tui::{update, App, Effect, Theme};
use ratatui::style::{Color, Modifier};
use tempfile::TempDir;

fn copied(app: &mut App) -> String {
    let fx = take_effects();
    let texts: Vec<String> = fx
        .into_iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 1, "one copy asked for");
    io(app);
    texts.into_iter().next().unwrap()
}

// ---- 14. inline kind labels -------------------------------------------------------------

#[test]
fn l_puts_a_kind_label_after_each_mention_and_wraps_with_it() {
    let mut app = seed_app(80, 24);
    let before = screen(&app);
    assert!(!before.contains("[per]"), "{before}");
    keys(&mut app, "L");
    let s = screen(&app);
    assert!(s.contains("Vladimir Poutine [per]"), "{s}");
    assert!(s.contains("Kirghizstan [loc]"), "{s}");
    assert!(s.contains("(CPI [org])"), "{s}");
    assert!(status_line(&app).contains("kind labels on"));
    // Labels wrap with their word: none is cut at the text's right edge.
    let a = glose::tui::ui::areas(ratatui::layout::Rect::new(0, 0, 80, 24));
    let buf = draw(&app);
    for y in a.text.y..a.text.y + a.text.height {
        let row: String = (a.text.x..a.text.x + a.text.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        assert_eq!(row.matches('[').count(), row.matches(']').count(), "{row}");
    }
    keys(&mut app, "L");
    let body = |s: &str| s.lines().take(23).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&screen(&app)), body(&before));
}

#[test]
fn snapshot_kind_labels_no_color_80x24() {
    let (a, e) = seed_fixture();
    let mut app = app_with(a, e, Theme::no_color(), 80, 24);
    keys(&mut app, "L");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn a_click_after_a_label_still_lands_on_the_mention() {
    let mut app = seed_app(80, 24);
    keys(&mut app, "L");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Kirghizstan [loc]").expect("label on screen");
    update(&mut app, glose::tui::Action::Click { col: x + 3, row: y });
    let r = reader(&app);
    let m = r.mentions[r.current.expect("a mention is current")];
    assert_eq!(r.doc.entities[m.entity].name, "Kirghizstan");
}

// ---- 13. the mention map ----------------------------------------------------------------

/// The map's column, rows and what is on them.
fn map_column(app: &App) -> Vec<(String, ratatui::style::Style)> {
    let (w, h) = app.size;
    let a = glose::tui::ui::areas(ratatui::layout::Rect::new(0, 0, w, h));
    let buf = draw(app);
    (a.map.y..a.map.y + a.map.height)
        .map(|y| {
            (
                buf[(a.map.x, y)].symbol().to_string(),
                buf[(a.map.x, y)].style(),
            )
        })
        .collect()
}

#[test]
fn the_map_marks_the_selected_entitys_mentions_and_the_screen() {
    let mut app = seed_app(80, 24);
    let map = map_column(&app);
    let r = reader(&app);
    let e = r.selected.expect("an entity is selected on open");
    assert_eq!(r.doc.entities[e].name, "Vladimir Poutine");
    let marks: Vec<usize> = (0..map.len()).filter(|&i| map[i].0 == "■").collect();
    assert!(marks.len() >= 3, "Poutine is mentioned throughout: {map:?}");
    assert!(
        marks[0] < 3 && *marks.last().unwrap() > map.len() / 2,
        "{marks:?}"
    );
    // The person colour, and the screen's rows as a grey thumb from the top.
    assert_eq!(map[marks[0]].1.fg, Some(Color::Indexed(33)));
    let thumb: Vec<usize> = (0..map.len())
        .filter(|&i| map[i].1.bg == Some(Color::Indexed(240)))
        .collect();
    assert_eq!(thumb.first(), Some(&0), "{map:?}");
    assert!(
        thumb.len() < map.len(),
        "the article is longer than a screen"
    );
    // Going to the end moves the thumb there.
    keys(&mut app, "G");
    let map = map_column(&app);
    assert!(map.last().unwrap().1.bg == Some(Color::Indexed(240)));
    assert!(map[0].1.bg != Some(Color::Indexed(240)));
    // Another entity, other marks: Bichkek is mentioned once.
    select_entity(&mut app, "Bichkek");
    let map = map_column(&app);
    assert_eq!(map.iter().filter(|c| c.0 == "■").count(), 1, "{map:?}");
}

fn select_entity(app: &mut App, name: &str) {
    press(app, KeyCode::Tab);
    keys(app, "g");
    for _ in 0..40 {
        if selected_name(app) == name {
            press(app, KeyCode::Tab);
            return;
        }
        keys(app, "j");
    }
    panic!("no entity {name}");
}

#[test]
fn clicking_a_mark_jumps_to_that_mention() {
    let mut app = seed_app(80, 24);
    let (w, h) = app.size;
    let a = glose::tui::ui::areas(ratatui::layout::Rect::new(0, 0, w, h));
    let map = map_column(&app);
    let last = (0..map.len()).rev().find(|&i| map[i].0 == "■").unwrap();
    update(
        &mut app,
        glose::tui::Action::Click {
            col: a.map.x,
            row: a.map.y + last as u16,
        },
    );
    let r = reader(&app);
    let cur = r.mentions[r.current.expect("the click made a mention current")];
    assert_eq!(r.doc.entities[cur.entity].name, "Vladimir Poutine");
    assert!(r.view_range().contains(&cur.start));
    // That mention is past the first screen, and its mark is the current one now.
    assert!(cur.start > map_column(&app).len() * 40);
    let map = map_column(&app);
    assert!(map
        .iter()
        .any(|c| c.0 == "■" && c.1.fg == Some(Color::Indexed(208))));
}

#[test]
fn snapshot_mention_map_80x24() {
    let mut app = seed_app(80, 24);
    keys(&mut app, "n");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn without_colour_the_screen_is_reverse_video_on_the_map() {
    let (a, e) = seed_fixture();
    let app = app_with(a, e, Theme::no_color(), 80, 24);
    let map = map_column(&app);
    assert!(map[0].1.add_modifier.contains(Modifier::REVERSED));
    let plain = |c: Option<Color>| c.is_none_or(|c| c == Color::Reset);
    assert!(
        map.iter().all(|c| plain(c.1.fg) && plain(c.1.bg)),
        "{map:?}"
    );
}

// ---- 12. copy ---------------------------------------------------------------------------

#[test]
fn y_copies_the_current_sentence_with_its_source_as_osc52() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "n");
    keys(&mut app, "y");
    let text = copied(&mut app);
    let expected = "date 2023-10 Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement \
        des liens militaires avec l'un de ses rares alliés, pour son premier déplacement à \
        l'étranger depuis le mandat d'arrêt lancé contre lui par la Cour pénale internationale \
        (CPI) pour la «déportation» d'enfants ukrainiens.\n\n\
        — Le voyage du président, articles/poutine-kirghizstan.txt:1:2";
    assert_eq!(text, expected);
    assert!(
        status_line(&app).contains("copied the sentence and its source"),
        "{}",
        status_line(&app)
    );
    // The exact bytes the event loop writes to the terminal.
    let mut out = Vec::new();
    clipboard::write_osc52(&mut out, &text).unwrap();
    use base64::Engine;
    let mut want = b"\x1b]52;c;".to_vec();
    want.extend(
        base64::engine::general_purpose::STANDARD
            .encode(expected.as_bytes())
            .bytes(),
    );
    want.push(7);
    assert_eq!(out, want);
}

#[test]
fn y_copies_the_current_highlight_when_there_is_one() {
    let dir = TempDir::new().unwrap();
    let (a, e) = seed_fixture();
    let (notes, _) = Notes::open_in(dir.path(), &a);
    let mut app = App::with_article(a, e, Theme::colored(), (100, 30));
    app.set_notes(notes, Vec::new());
    // Two sentences highlighted: the current highlight is copied whole.
    keys(&mut app, "vjh");
    io(&mut app);
    keys(&mut app, "y");
    let text = copied(&mut app);
    assert_eq!(
        text,
        "date 2023-10 Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des \
         liens militaires avec l'un de ses rares alliés, pour son premier déplacement à \
         l'étranger depuis le mandat d'arrêt lancé contre lui par la Cour pénale \
         internationale (CPI) pour la «déportation» d'enfants ukrainiens.\n\n\
         Vladimir Poutine doit s'entretenir jeudi avec ses homologues azerbaïdjanais et \
         kirghiz.\n\n\
         — Le voyage du président, articles/poutine-kirghizstan.txt:1:2"
    );
    assert!(status_line(&app).contains("copied the highlight"));
}

#[test]
fn copied_text_never_carries_control_characters_and_is_capped() {
    let evil = "Le \u{1b}]52;c;AAAA\u{7} piège \u{202e}inversé\u{1b}[2J Bichkek est loin.";
    // One sentence of 110 KB: more than a copy carries.
    let big = format!("Bichkek{}.", " et Bichkek".repeat(10_000));
    for (text, cut) in [(evil.to_string(), false), (big, true)] {
        let a = article("evil.txt", &text);
        let e = vec![entity(
            &text,
            1,
            glose::EntityKind::Place,
            "Bichkek",
            &["Bichkek"],
        )];
        let mut app = app_with(a, e, Theme::colored(), 80, 24);
        let copy = reader(&app).copy().expect("something to copy");
        assert_eq!(copy.cut, cut);
        assert!(copy.text.len() <= clipboard::MAX_COPY);
        assert!(
            !copy.text.chars().any(|c| c.is_control() && c != '\n'),
            "{:?}",
            copy.text
        );
        assert!(!copy.text.contains('\u{202e}'));
        keys(&mut app, "y");
        let bytes = clipboard::osc52(&copied(&mut app));
        // One escape opens the sequence, one BEL ends it, nothing else in between.
        assert_eq!(bytes.iter().filter(|&&b| b == 0x1b).count(), 1);
        assert_eq!(bytes.iter().filter(|&&b| b == 0x07).count(), 1);
        assert_eq!(*bytes.last().unwrap(), 0x07);
    }
}
