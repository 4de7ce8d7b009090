//! The reader, without a terminal: the keymap tables, `update`, and whole-app
//! snapshots of the `TestBackend` buffer (text and styles) fed with key events.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::tui::keymap::{self, Mode};
use glose::tui::library::{Info, Library};
use glose::tui::reader::{Focus, Row};
use glose::tui::{ui, update, Action, App, Effect, Theme};
use glose::{Article, EntityKind};
use ratatui::style::{Color, Modifier};
use std::collections::HashSet;
use std::path::PathBuf;

// ---- snapshots --------------------------------------------------------------------

/// The seed as the real pipeline reads it (parser and extractor). This snapshot is
/// expected to change as extraction improves: review the diff, then accept it.
#[test]
fn snapshot_seed_on_open_100x30() {
    let a = Article::load(SEED.as_ref()).unwrap();
    let entities = glose::extract(&a);
    let app = app_with(a, entities, Theme::colored(), 100, 30);
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_poutine_selected_n_twice() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    for _ in 0..20 {
        if selected_name(&app) == "Vladimir Poutine" {
            break;
        }
        keys(&mut app, "j");
    }
    assert_eq!(selected_name(&app), "Vladimir Poutine");
    keys(&mut app, "nn");
    assert!(
        status_line(&app).contains("mention 2/"),
        "{}",
        status_line(&app)
    );
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_help_overlay() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "?");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_sidebar_places() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_no_color() {
    let (a, e) = seed_fixture();
    let theme = Theme::from_no_color(Some("1".into()));
    let mut app = app_with(a, e, theme, 100, 30);
    keys(&mut app, "]]]");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_40x12() {
    let app = seed_app(40, 12);
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn snapshot_1x1() {
    let app = seed_app(1, 1);
    insta::assert_snapshot!(dump(&app));
}

const WIDE: &str = "## 東京 🌸 報告\n\
習近平は北京で会談した。東京の天気は晴れ 🌞 で、会議は順調に進んだ 👍🏽。\n\
Emoji 🇫🇷 et accents : Émile Zola à Zürich, naïveté, cœur.\n";

fn wide_app(w: u16, h: u16) -> App {
    let a = article("wide.txt", WIDE);
    use EntityKind::*;
    let entities = vec![
        entity(WIDE, 1, Place, "東京", &["東京"]),
        entity(WIDE, 2, Person, "習近平", &["習近平"]),
        entity(WIDE, 3, Place, "北京", &["北京"]),
        entity(WIDE, 4, Person, "Émile Zola", &["Émile Zola"]),
        entity(WIDE, 5, Place, "Zürich", &["Zürich"]),
    ];
    app_with(a, entities, Theme::colored(), w, h)
}

#[test]
fn snapshot_narrow_cjk_emoji() {
    let app = wide_app(44, 14);
    insta::assert_snapshot!(dump(&app));
}

// ---- drawing ----------------------------------------------------------------------

#[test]
fn every_small_size_draws_without_panicking() {
    for w in 0..=45 {
        for h in 0..=13 {
            let mut app = seed_app(w, h);
            keys(&mut app, "jG]?");
            if w > 0 && h > 0 {
                draw(&app);
            }
        }
    }
}

#[test]
fn small_terminal_asks_to_enlarge() {
    let app = seed_app(39, 20);
    assert!(screen(&app).contains("Enlarge"));
    let app = seed_app(40, 9);
    assert!(screen(&app).contains("Enlarge"));
    let app = seed_app(40, 10);
    assert!(!screen(&app).contains("Enlarge"));
}

#[test]
fn wide_lines_never_overflow_the_pane() {
    for w in 40..60 {
        let app = wide_app(w, 14);
        let buf = draw(&app);
        let a = ui::areas(buf.area);
        // The sidebar border is intact on every body row: no text ran into it.
        for y in a.sidebar.y..a.sidebar.y + a.sidebar.height {
            assert_eq!(buf[(a.sidebar.x, y)].symbol(), "│", "width {w}, row {y}");
        }
    }
}

#[test]
fn control_characters_are_never_drawn() {
    let text = "Evil \u{1b}[31mred\u{1b}[0m text \u{7}\u{9b}31m and \u{202e}reversed and \ttab.\n";
    let mut a = article("evil\u{1b}]0;x\u{7}.txt", text);
    a.title = "Title \u{1b}[2J".into();
    let entities = vec![entity(text, 1, EntityKind::Person, "red\u{1b}", &["red"])];
    let app = app_with(a, entities, Theme::colored(), 80, 12);
    let buf = draw(&app);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(!c.is_control(), "control character {c:?} drawn");
            assert!(
                !('\u{202A}'..='\u{202E}').contains(&c),
                "bidi override drawn"
            );
        }
    }
    assert!(screen(&app).contains("Evil �[31mred�[0m text ��31m and �reversed and  tab."));
}

#[test]
fn nested_event_keeps_the_inner_colour_and_is_underlined() {
    let app = seed_app(100, 30);
    let mut app = app;
    // Bring the event into view.
    let r = reader(&app);
    let e = r
        .doc
        .entities
        .iter()
        .position(|e| e.kind == EntityKind::Event)
        .unwrap();
    let i = r.mention_index(e, 0).unwrap();
    app.reader.as_mut().unwrap().go_to_mention(i);
    app.reader.as_mut().unwrap().current = None;
    let buf = draw(&app);
    let (x, y) = find(&buf, "invasion de l'Ukraine").unwrap();
    let event = &buf[(x, y)];
    assert_eq!(event.fg, Color::Indexed(133));
    assert!(event.modifier.contains(Modifier::UNDERLINED));
    let ukraine = &buf[(x + "invasion de l'".len() as u16, y)];
    assert_eq!(ukraine.symbol(), "U");
    assert_eq!(ukraine.fg, Color::Indexed(34), "the place keeps its colour");
    assert!(ukraine
        .modifier
        .contains(Modifier::UNDERLINED | Modifier::ITALIC));
}

#[test]
fn styles_follow_a_mention_across_wrapped_lines() {
    let text = "aaaa bbbb Vladimir Poutine cccc\n";
    let a = article("wrap.txt", text);
    let entities = vec![entity(
        text,
        1,
        EntityKind::Person,
        "Vladimir Poutine",
        &["Vladimir Poutine"],
    )];
    // Text width 40*7/10 - 3 = 25: "Vladimir" ends the first line, "Poutine" starts the next.
    let app = app_with(a, entities, Theme::colored(), 40, 12);
    let buf = draw(&app);
    let (x1, y1) = find(&buf, "Vladimir").unwrap();
    let (x2, y2) = find(&buf, "Poutine cccc").unwrap();
    assert_eq!(y2, y1 + 1, "{}", screen(&app));
    assert_eq!(buf[(x1, y1)].fg, Color::Indexed(33));
    assert_eq!(buf[(x2 + 6, y2)].fg, Color::Indexed(33));
}

#[test]
fn no_color_keeps_the_kind_cues() {
    assert!(Theme::from_no_color(None).has_color());
    assert!(Theme::from_no_color(Some("".into())).has_color());
    assert!(!Theme::from_no_color(Some("1".into())).has_color());
    let t = Theme::no_color();
    let cues: HashSet<_> = EntityKind::ALL.iter().map(|&k| t.kind(k)).collect();
    assert_eq!(
        cues.len(),
        4,
        "each kind has a style of its own without colour"
    );
    for k in EntityKind::ALL {
        assert_eq!(t.kind(k).fg, None);
    }
    let app = app_with(seed_fixture().0, seed_fixture().1, t, 100, 30);
    for cell in draw(&app).content() {
        assert!(
            matches!(cell.fg, Color::Reset),
            "colour drawn under NO_COLOR"
        );
        assert!(
            matches!(cell.bg, Color::Reset),
            "colour drawn under NO_COLOR"
        );
    }
}

// ---- keymap -----------------------------------------------------------------------

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for mode in Mode::ALL {
        let mut seen = HashSet::new();
        for b in keymap::bindings(mode) {
            assert!(
                seen.insert((b.code, b.mods)),
                "{mode:?}: {} bound twice",
                b.label()
            );
        }
    }
}

#[test]
fn every_mode_can_quit_and_get_out() {
    for mode in Mode::ALL {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap::lookup(mode, &ctrl_c),
            Some(Action::Quit),
            "{mode:?}"
        );
        let actions: Vec<_> = keymap::bindings(mode).iter().map(|b| b.action).collect();
        if !matches!(mode, Mode::Library | Mode::Feeds) {
            assert!(actions.contains(&Action::Back), "{mode:?} has no way back");
        }
        if !mode.takes_text() && mode != Mode::Help {
            assert!(actions.contains(&Action::Help), "{mode:?} has no help");
        }
    }
}

#[test]
fn help_rows_list_exactly_the_bound_keys() {
    for mode in Mode::ALL {
        let bound: Vec<String> = keymap::bindings(mode).iter().map(|b| b.label()).collect();
        let listed: Vec<String> = keymap::help_rows(mode)
            .into_iter()
            .flat_map(|r| r.keys)
            .collect();
        assert_eq!(bound, listed, "{mode:?}");
    }
}

#[test]
fn help_overlay_shows_every_row_of_the_mode() {
    // Article, sidebar and the text modes, each in a terminal tall enough.
    let cases: [(&str, Mode); 4] = [
        ("", Mode::Article),
        ("\t", Mode::Sidebar),
        ("/", Mode::Search),
        ("\t/", Mode::Filter),
    ];
    for (prefix, mode) in cases {
        let mut app = seed_app(120, 45);
        for c in prefix.chars() {
            press(
                &mut app,
                if c == '\t' {
                    KeyCode::Tab
                } else {
                    KeyCode::Char(c)
                },
            );
        }
        assert_eq!(app.mode(), mode);
        app.overlay.open(|under| glose::tui::Overlay::Help {
            help: glose::tui::app::Help { mode, scroll: 0 },
            under,
        });
        let shown = screen(&app);
        let rows = keymap::help_rows(mode);
        for row in &rows {
            let line = row.keys.join(" ");
            let hit = shown
                .lines()
                .any(|l| l.contains(&line) && l.contains(row.desc));
            assert!(hit, "{mode:?}: help lacks “{line}  {}”\n{shown}", row.desc);
        }
        let boxed = shown
            .lines()
            .filter(|l| l.contains('│') && l.matches('│').count() >= 2)
            .count();
        assert!(boxed >= rows.len(), "{mode:?}: fewer help lines than rows");
    }
}

#[test]
fn hints_name_bound_keys() {
    for mode in Mode::ALL {
        for (key, _) in keymap::hints(mode) {
            assert!(keymap::bindings(mode).iter().any(|b| b.label() == key));
        }
    }
}

#[test]
fn shifted_and_text_keys() {
    let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keymap::lookup(Mode::Article, &g), Some(Action::Bottom));
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap::lookup(Mode::Search, &q), Some(Action::Input('q')));
    assert_eq!(keymap::lookup(Mode::Article, &q), Some(Action::Quit));
    assert_eq!(keymap::lookup(Mode::Help, &q), Some(Action::Back));
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(keymap::lookup(Mode::Article, &x), None);
}

#[test]
fn only_presses_act() {
    let mut app = seed_app(100, 30);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = crossterm::event::KeyEventKind::Release;
    assert!(app.key(release).is_empty());
    run(&mut app, "q");
    assert!(app.quit);
}

// ---- update -----------------------------------------------------------------------

#[test]
fn scrolling_moves_and_stops_at_both_ends() {
    let mut app = seed_app(100, 20);
    let start = reader(&app).top;
    keys(&mut app, "k");
    assert_eq!(reader(&app).top, start, "cannot scroll above the top");
    keys(&mut app, "j");
    assert_ne!(reader(&app).top, start);
    press(&mut app, KeyCode::End);
    assert!(status_line(&app).trim_start().starts_with("100%"));
    let bottom = reader(&app).top;
    keys(&mut app, "jjj ");
    assert_eq!(reader(&app).top, bottom, "cannot scroll past the end");
    keys(&mut app, "b");
    assert!(reader(&app).top < bottom);
    keys(&mut app, "g");
    assert_eq!(reader(&app).top, start);
    press(&mut app, KeyCode::PageDown);
    assert!(reader(&app).top > start);
}

#[test]
fn tab_moves_focus_and_j_selects_in_the_sidebar() {
    let mut app = seed_app(100, 30);
    assert_eq!(reader(&app).focus, Focus::Article);
    assert_eq!(
        selected_name(&app),
        "Vladimir Poutine",
        "first row selected on open"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(reader(&app).focus, Focus::Sidebar);
    keys(&mut app, "j");
    assert_eq!(selected_name(&app), "Sadyr Japarov");
    keys(&mut app, "G");
    assert_eq!(selected_name(&app), "invasion de l'Ukraine");
    keys(&mut app, "g");
    assert_eq!(selected_name(&app), "Vladimir Poutine");
    press(&mut app, KeyCode::Esc);
    assert_eq!(reader(&app).focus, Focus::Article);
}

#[test]
fn selected_row_stays_visible_in_a_short_sidebar() {
    let mut app = seed_app(60, 10);
    press(&mut app, KeyCode::Tab);
    for _ in 0..12 {
        keys(&mut app, "j");
        let name = selected_name(&app);
        let shown = screen(&app);
        let prefix: String = name.chars().take(6).collect();
        assert!(
            shown.contains(&format!("▸ {prefix}")),
            "{name} not visible:\n{shown}"
        );
    }
}

#[test]
fn enter_jumps_and_n_walks_the_mentions_with_wrapping() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "j"); // Sadyr Japarov: 2 mentions
    press(&mut app, KeyCode::Enter);
    assert!(status_line(&app).contains("mention 1/2"));
    keys(&mut app, "n");
    assert!(status_line(&app).contains("mention 2/2"));
    keys(&mut app, "n");
    let s = status_line(&app);
    assert!(s.contains("mention 1/2") && s.contains("wrapped"), "{s}");
    keys(&mut app, "N");
    assert!(status_line(&app).contains("mention 2/2"));
}

#[test]
fn n_scrolls_the_mention_into_view() {
    let mut app = seed_app(100, 12);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "G");
    assert_eq!(selected_name(&app), "invasion de l'Ukraine");
    let before = reader(&app).top;
    press(&mut app, KeyCode::Enter);
    assert!(
        reader(&app).top > before,
        "the view moved down to the mention"
    );
    let buf = draw(&app);
    let (_, y) = find(&buf, "invasion de l'Ukraine").expect("mention in view");
    assert_eq!(
        buf[(0, y)].symbol(),
        "▌",
        "margin marker on the current line"
    );
    keys(&mut app, "n"); // the event's other mention, also in view or brought there
    let buf = draw(&app);
    let (_, y) = find(&buf, "invasion de l'Ukraine").expect("mention in view");
    assert!(status_line(&app).contains("mention 2/2"));
    assert!((1..11).contains(&y));
}

#[test]
fn brackets_walk_every_mention_in_reading_order() {
    let mut app = seed_app(100, 30);
    let mut order = Vec::new();
    for _ in 0..6 {
        keys(&mut app, "]");
        order.push(selected_name(&app));
    }
    assert_eq!(
        order,
        [
            "Vladimir Poutine",
            "Kirghizstan",
            "Cour pénale internationale",
            "Cour pénale internationale",
            "Vladimir Poutine",
            "Asie centrale"
        ]
    );
    keys(&mut app, "[");
    assert_eq!(selected_name(&app), "Vladimir Poutine");
    // The event comes before the place nested in it.
    let r = reader(&app);
    let ev = r
        .mentions
        .iter()
        .position(|m| r.doc.entities[m.entity].kind == EntityKind::Event)
        .unwrap();
    app.reader.as_mut().unwrap().current = Some(ev - 1);
    keys(&mut app, "]");
    assert_eq!(selected_name(&app), "invasion de l'Ukraine");
    keys(&mut app, "]");
    assert_eq!(selected_name(&app), "Ukraine");
}

#[test]
fn kind_keys_and_name_filter_narrow_the_sidebar() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2");
    let r = reader(&app);
    assert!(r
        .visible_entities()
        .iter()
        .all(|&i| r.doc.entities[i].kind == EntityKind::Place));
    assert_eq!(
        selected_name(&app),
        "Kirghizstan",
        "selection follows the filter"
    );
    keys(&mut app, "0");
    assert_eq!(
        reader(&app).visible_entities().len(),
        reader(&app).doc.entities.len()
    );
    keys(&mut app, "/mos");
    assert_eq!(app.mode(), Mode::Filter);
    assert_eq!(reader(&app).visible_entities().len(), 1);
    assert_eq!(selected_name(&app), "Moscou");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Sidebar);
    assert_eq!(reader(&app).name_filter, "mos");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        reader(&app).visible_entities().len(),
        reader(&app).doc.entities.len()
    );
    assert_eq!(app.mode(), Mode::Sidebar);
}

#[test]
fn s_sorts_by_mentions() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "s");
    let r = reader(&app);
    let places: Vec<usize> = r
        .sidebar_rows()
        .into_iter()
        .filter_map(|row| match row {
            Row::Entity(i) if r.doc.entities[i].kind == EntityKind::Place => {
                Some(r.doc.entities[i].mentions.len())
            }
            _ => None,
        })
        .collect();
    let mut sorted = places.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(places, sorted);
    keys(&mut app, "s");
    let r = reader(&app);
    let firsts: Vec<usize> = r
        .visible_entities()
        .into_iter()
        .filter(|&i| r.doc.entities[i].kind == EntityKind::Place)
        .map(|i| r.doc.entities[i].first_offset())
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn search_is_incremental_and_n_moves_between_matches() {
    let mut app = seed_app(100, 12);
    keys(&mut app, "/kirg");
    assert_eq!(app.mode(), Mode::Search);
    let r = reader(&app);
    let (_, first) = r.search.as_ref().unwrap().current.clone().unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Article);
    keys(&mut app, "n");
    let (b2, second) = reader(&app)
        .search
        .as_ref()
        .unwrap()
        .current
        .clone()
        .unwrap();
    assert!(b2 > 0 || second.start > first.start);
    let buf = draw(&app);
    assert!(
        buf.content().iter().any(|c| c.bg == Color::Indexed(208)),
        "current match drawn"
    );
    keys(&mut app, "N");
    let (_, back) = reader(&app)
        .search
        .as_ref()
        .unwrap()
        .current
        .clone()
        .unwrap();
    assert_eq!(back, first);
    press(&mut app, KeyCode::Esc);
    assert!(reader(&app).search.is_none());
    // n is back to mentions.
    keys(&mut app, "n");
    assert!(status_line(&app).contains("mention "));
}

#[test]
fn search_esc_while_typing_returns_to_where_it_started() {
    let mut app = seed_app(100, 12);
    let start = reader(&app).top;
    keys(&mut app, "/Ilham");
    assert_ne!(reader(&app).top, start);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Esc);
    assert_eq!(reader(&app).top, start);
    assert!(reader(&app).search.is_none());
    keys(&mut app, "/zzzz");
    assert!(status_line(&app).contains("no match"));
}

#[test]
fn resize_reflows_and_keeps_the_reading_position() {
    let mut app = seed_app(100, 20);
    keys(&mut app, "jjjjjjjjjj");
    let before = reader(&app).top_offset();
    update(&mut app, Action::Resize(60, 20));
    let after = reader(&app).top_offset();
    // The new top line holds the old top line's first character.
    let r = reader(&app);
    let pos = r.top_pos().unwrap();
    let bl = r.block(pos.block);
    let line = r.line_range(pos).unwrap_or(0..0);
    let (lo, hi) = (bl.display.to_file(line.start), bl.display.to_file(line.end));
    assert!(
        lo <= before && before <= hi,
        "{lo}..{hi} lost {before} (now {after})"
    );
    update(&mut app, Action::Resize(100, 20));
    assert!(reader(&app).top_offset() <= before);
}

#[test]
fn focus_mode_dims_paragraphs_without_the_entity() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "j"); // Sadyr Japarov
    keys(&mut app, "f");
    assert!(reader(&app).focus_mode);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Sadyr Japarov, vantant").unwrap();
    assert!(!buf[(x + 16, y)].modifier.contains(Modifier::DIM));
    let (x, y) = find(&buf, "Le président russe ne risque").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    keys(&mut app, "f");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Le président russe ne risque").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::DIM));
}

#[test]
fn clicks_select_entities_and_the_wheel_scrolls() {
    let mut app = seed_app(100, 30);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Kirghizstan").unwrap();
    update(&mut app, Action::Click { col: x + 2, row: y });
    assert_eq!(selected_name(&app), "Kirghizstan");
    assert!(status_line(&app).contains("mention 1/"));
    let (x, y) = find(&buf, "Bichkek").unwrap();
    update(&mut app, Action::Click { col: x, row: y });
    assert_eq!(selected_name(&app), "Bichkek");
    // A sidebar row.
    let (x, y) = find(&buf, "Sadyr Japarov  ").unwrap();
    update(&mut app, Action::Click { col: x, row: y });
    assert_eq!(selected_name(&app), "Sadyr Japarov");
    assert_eq!(reader(&app).focus, Focus::Sidebar);
    let top = reader(&app).top;
    update(
        &mut app,
        Action::Wheel {
            col: 5,
            row: 5,
            down: true,
        },
    );
    assert!(reader(&app).top > top);
}

#[test]
fn help_opens_on_question_mark_and_q_closes_it() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    assert!(screen(&app).contains("Keys: Article"));
    keys(&mut app, "q");
    assert_eq!(app.mode(), Mode::Article);
    io(&mut app);
    assert!(!app.quit);
    run(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn library_lists_opens_and_returns() {
    let paths = vec![
        PathBuf::from("articles/a.txt"),
        PathBuf::from("articles/b.txt"),
    ];
    let lib = Library::new(PathBuf::from("articles"), paths);
    let mut app = App::with_library(lib, Theme::colored(), (100, 20));
    app.set_info(
        1,
        Ok(Info {
            title: "Poutine au Kirghizstan".into(),
            date: Some("2023-10".into()),
            counts: [8, 22, 6, 3],
        }),
    );
    app.set_info(0, Err("file is empty".into()));
    let shown = screen(&app);
    assert!(shown.contains("Poutine au Kirghizstan"), "{shown}");
    assert!(shown.contains("2023-10"));
    assert!(shown.contains("file is empty"));
    keys(&mut app, "j");
    let effects = app.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(&effects[..], [Effect::Open(p)] if p == &PathBuf::from("articles/b.txt")),
        "{effects:?}"
    );
    let (a, e) = seed_fixture();
    app.open(a, Some(e));
    assert_eq!(app.mode(), Mode::Article);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Library);
    assert_eq!(app.library.as_ref().unwrap().selected, 1);
    press(&mut app, KeyCode::Enter);
    let (a, e) = seed_fixture();
    app.open(a, Some(e));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.mode(), Mode::Library);
}

#[test]
fn esc_without_a_library_stays() {
    let mut app = seed_app(100, 30);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Article);
    assert!(!app.quit);
}

#[test]
fn a_ten_megabyte_article_opens_and_scrolls_quickly() {
    let para = "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens militaires avec l'un de ses rares alliés, pour son premier déplacement à l'étranger depuis le mandat d'arrêt.\n\n";
    let text = para.repeat(10 * 1024 * 1024 / para.len());
    let a = article("big.txt", &text);
    let entities = vec![
        entity(
            &text,
            1,
            EntityKind::Person,
            "Vladimir Poutine",
            &["Vladimir Poutine"],
        ),
        entity(&text, 2, EntityKind::Place, "Kirghizstan", &["Kirghizstan"]),
    ];
    let t = std::time::Instant::now();
    let mut app = app_with(a, entities, Theme::colored(), 120, 40);
    draw(&app);
    let opened = t.elapsed();
    let t = std::time::Instant::now();
    for _ in 0..50 {
        keys(&mut app, "j");
        draw(&app);
    }
    keys(&mut app, "G");
    draw(&app);
    keys(&mut app, "bbb");
    draw(&app);
    update(&mut app, Action::Resize(100, 40));
    draw(&app);
    let scrolled = t.elapsed();
    eprintln!(
        "10 MB: opened and drawn in {opened:?}; 50 lines, G, 3 pages, a resize in {scrolled:?}"
    );
    assert!(status_line(&app).contains('%'));
    // Generous bounds for unoptimised test builds on a slow machine; the work per
    // key is bounded by the screen, not the file.
    assert!(opened.as_secs_f64() < 3.0, "opening took {opened:?}");
    assert!(scrolled.as_secs_f64() < 3.0, "scrolling took {scrolled:?}");
}

#[test]
fn a_ten_megabyte_single_paragraph_opens() {
    let sentence = "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens. ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len()) + "\n";
    let a = article("one-block.txt", &text);
    assert_eq!(a.blocks.len(), 1);
    let entities = vec![entity(
        &text,
        1,
        EntityKind::Person,
        "Vladimir Poutine",
        &["Vladimir Poutine"],
    )];
    let t = std::time::Instant::now();
    let mut app = app_with(a, entities, Theme::colored(), 120, 40);
    draw(&app);
    let opened = t.elapsed();
    let t = std::time::Instant::now();
    keys(&mut app, "jjjG");
    draw(&app);
    keys(&mut app, "n");
    draw(&app);
    eprintln!(
        "10 MB in one block: opened in {opened:?}, moved in {:?}",
        t.elapsed()
    );
}

#[test]
fn entities_arriving_from_the_worker_fill_the_sidebar() {
    let (a, e) = seed_fixture();
    let mut app = App::with_article_pending(a, Theme::colored(), (100, 30));
    let shown = screen(&app);
    assert!(shown.contains("finding entities…"), "{shown}");
    keys(&mut app, "jj");
    app.set_entities(e);
    assert_eq!(selected_name(&app), "Vladimir Poutine");
    assert!(!screen(&app).contains("finding entities…"));
    assert!(
        reader(&app).top > glose::tui::reader::Anchor::default(),
        "position kept"
    );
}

#[test]
fn wrapping_respects_widths_and_segments_cover_the_text() {
    use glose::tui::doc::{segments, wrap, SEGMENT};
    use unicode_width::UnicodeWidthStr;
    let text = "習近平は北京で会談した。Émile Zola à Zürich 🇫🇷 👍🏽 naïveté cœur. ".repeat(20);
    for width in 1..40 {
        let lines = wrap(&text, width);
        let mut last = 0;
        for l in &lines {
            assert!(l.start >= last, "lines in order");
            last = l.end;
            let w = UnicodeWidthStr::width(&text[l.clone()]);
            assert!(
                w <= width.max(2),
                "width {width}: {:?} is {w} wide",
                &text[l.clone()]
            );
        }
        let shown: String = lines
            .iter()
            .map(|l| text[l.clone()].replace(' ', ""))
            .collect();
        assert_eq!(
            shown,
            text.replace(' ', ""),
            "nothing lost at width {width}"
        );
    }
    let big = "mot ".repeat(SEGMENT);
    let segs = segments(&big);
    assert!(segs.len() > 3);
    assert_eq!(segs.first().unwrap().start, 0);
    assert_eq!(segs.last().unwrap().end, big.len());
    for w in segs.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        assert!(big[..w[0].end].ends_with(' '), "cut after a space");
    }
}
