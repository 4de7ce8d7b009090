//! Issue 14, item 11: the config file. Parsing, bad values (a warning naming the
//! line and the default kept), rebinding that changes what keys do in the reader
//! (TestBackend), colours and the sidebar's order, `glose --print-config`.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyModifiers};
use glose::tui::config::{self, Config};
use glose::tui::keymap::{Keymap, Mode};
use glose::tui::reader::Sort;
use glose::tui::{Action, App, Theme};
use ratatui::style::Color;
use std::process::Command;

fn configured(text: &str) -> (App, Vec<String>) {
    let (c, warnings) = config::parse(text);
    let mut app = seed_app(100, 30);
    app.configure(c, &warnings);
    (app, warnings)
}

fn current_mention_text(app: &App) -> Option<String> {
    let r = reader(app);
    let m = r.mentions[r.current?];
    Some(r.doc.article.text[m.start..m.end].to_string())
}

// ---- parsing ------------------------------------------------------------------------------

#[test]
fn a_file_sets_keys_colours_and_the_sidebar_order() {
    let (c, w) = config::parse(
        r##"
[sidebar]
order = "mentions"

[colors]
person = "#ff0000"
place = 28
event = "light-magenta"

[colors.highlight]
yellow = "226"

[keys.article]
next_mention = ["o", "Ctrl+n"]
scroll_down = "J"
"##,
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(c.sort, Sort::MostMentioned);
    let d = Config::default();
    assert_eq!(c.palette.kinds[0], Color::Rgb(255, 0, 0));
    assert_eq!(c.palette.kinds[1], Color::Indexed(28));
    assert_eq!(c.palette.kinds[2], d.palette.kinds[2]);
    assert_eq!(c.palette.kinds[3], Color::LightMagenta);
    assert_eq!(c.palette.highlights[0], Color::Indexed(226));
    assert_eq!(c.palette.kinds_on_highlight, d.palette.kinds_on_highlight);
    let keys = |a: Action| -> Vec<(KeyCode, KeyModifiers)> {
        c.keymap
            .bindings(Mode::Article)
            .iter()
            .filter(|b| b.action == a)
            .map(|b| (b.code, b.mods))
            .collect()
    };
    assert_eq!(
        keys(Action::NextMention),
        [
            (KeyCode::Char('o'), KeyModifiers::NONE),
            (KeyCode::Char('n'), KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(
        keys(Action::ScrollDown),
        [(KeyCode::Char('J'), KeyModifiers::NONE)]
    );
    // Only the article changed: the entity list keeps n.
    assert_eq!(
        c.keymap.bindings(Mode::Sidebar),
        Keymap::default().bindings(Mode::Sidebar)
    );
}

#[test]
fn an_empty_file_or_none_is_the_defaults() {
    assert_eq!(config::parse(""), (Config::default(), Vec::new()));
    assert_eq!(
        config::parse("# nothing but a comment\n"),
        (Config::default(), Vec::new())
    );
}

// ---- bad values ---------------------------------------------------------------------------

#[test]
fn each_bad_line_is_one_warning_with_its_line_and_keeps_its_default() {
    let text = r#"[sidebar]
order = "alphabetical"

[colors]
person = "not-a-colour"
place = 300
tint = "red"

[keys.article]
next_mention = ["o"]
scrol_down = ["x"]
prev_mention = ["Hyper+p"]
top = 5
relabel = ["z"]

[keys.nowhere]
quit = ["Q"]

[fonts]
size = 3
"#;
    let (c, w) = config::parse(text);
    let expected = [
        "config.toml line 5: colors.person: \"not-a-colour\" is not a colour (a name, a number 0-255 or \"#rrggbb\"); kept \"33\"",
        "config.toml line 6: colors.place: 300 is not a colour (a name, a number 0-255 or \"#rrggbb\"); kept \"34\"",
        "config.toml line 7: colors.tint: unknown setting (ignored; one of person, place, organization, event)",
        "config.toml line 19: fonts: unknown setting (ignored)",
        "config.toml line 12: keys.article.prev_mention: unknown key “Hyper+p”; kept the default",
        "config.toml line 14: keys.article.relabel: not a command of the article keys (ignored; it is one of the entities keys)",
        "config.toml line 11: keys.article.scrol_down: no such command in the article keys (ignored; `glose --print-config` lists them)",
        "config.toml line 13: keys.article.top: should be a key or a list of keys; kept the default",
        "config.toml line 16: keys.nowhere: no such mode (ignored; one of library, feeds, article, entities, search, filter, selection, note, notes, question, kind, rename, help, articles, library_entities, note_search, entity_filter)",
        "config.toml line 2: sidebar.order: \"alphabetical\" is not \"first\" or \"mentions\"; kept \"first\"",
    ];
    let mut got = w.clone();
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want);
    // The good line in the middle of the bad ones still counts; the rest are defaults.
    let d = Config::default();
    assert_eq!(c.palette, d.palette);
    assert_eq!(c.sort, Sort::FirstAppearance);
    let mut k = Keymap::default();
    k.rebind(
        Mode::Article,
        Action::NextMention,
        &[(KeyCode::Char('o'), KeyModifiers::NONE)],
    )
    .unwrap();
    assert_eq!(c.keymap, k);
}

#[test]
fn broken_toml_is_one_warning_and_every_default() {
    let (c, w) = config::parse("[keys.article\nnext_mention = [\"o\"]\n");
    assert_eq!(c, Config::default());
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("config.toml line 1: "), "{w:?}");
    assert!(w[0].ends_with("; using the defaults"), "{w:?}");
}

#[test]
fn control_characters_in_a_bad_line_are_escaped_in_the_warning() {
    let (_, w) = config::parse("[keys.article]\n\"next\\u001b[2Jmention\" = [\"o\"]\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(!w[0].contains('\u{1b}'), "{w:?}");
    assert!(w[0].contains("\\x1b"), "{w:?}");
}

#[test]
fn a_key_given_to_two_commands_goes_to_the_first_and_warns() {
    let (c, w) = config::parse("[keys.article]\nnext_mention = [\"o\"]\nscroll_down = [\"o\"]\n");
    assert_eq!(
        w,
        ["config.toml line 3: keys.article.scroll_down: o is already given to next_mention; kept the default"]
    );
    let key = crossterm::event::KeyEvent::new(KeyCode::Char('o'), KeyModifiers::NONE);
    assert_eq!(
        c.keymap.lookup(Mode::Article, &key),
        Some(Action::NextMention)
    );
}

#[test]
fn warnings_are_on_the_status_line_when_the_reader_starts() {
    let (app, w) = configured("[sidebar]\norder = 3\n");
    assert_eq!(w.len(), 1);
    let s = screen(&app);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert!(squeeze(&s).contains(&squeeze(&w[0])), "{s}");
}

// ---- behaviour in the reader --------------------------------------------------------------

#[test]
fn a_rebound_key_does_the_command_and_the_old_one_no_longer_does() {
    let (mut app, w) = configured("[keys.article]\nnext_mention = [\"o\"]\n");
    assert!(w.is_empty());
    keys(&mut app, "n");
    assert_eq!(current_mention_text(&app), None, "n is free now");
    keys(&mut app, "o");
    assert_eq!(
        current_mention_text(&app).as_deref(),
        Some("Vladimir Poutine")
    );
    keys(&mut app, "o");
    assert_eq!(
        current_mention_text(&app).as_deref(),
        Some("Vladimir Poutine")
    );
    assert!(
        status_line(&app).contains("mention 2/"),
        "{}",
        status_line(&app)
    );
    // The status-line hint and the help say o.
    assert!(
        status_line(&app).contains("o next"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "?");
    let s = screen(&app);
    assert!(
        s.lines()
            .any(|l| l.contains("│ o ") && l.contains("next mention of the selected entity")),
        "{s}"
    );
    assert!(!s.lines().any(|l| l.contains("│ n ")), "{s}");
}

#[test]
fn a_digit_bound_in_keys_article_was_taken_as_a_count() {
    let (mut app, w) = configured("[keys.article]\nnext_mention = [\"1\"]\n");
    assert!(w.is_empty(), "{w:?}");
    keys(&mut app, "1");
    assert_eq!(app.count, None, "a bound digit is its command, not a count");
    assert_eq!(
        current_mention_text(&app).as_deref(),
        Some("Vladimir Poutine")
    );
    // Digits left unbound still count: 2 then ] moves two mentions on.
    let at = reader(&app).current;
    keys(&mut app, "2]");
    assert_eq!(app.count, None);
    assert_eq!(reader(&app).current, at.map(|c| c + 2));
}

#[test]
fn rebinding_in_the_entity_list_and_unbinding() {
    let (mut app, w) =
        configured("[keys.entities]\nselect_next = [\"Ctrl+j\", \"Down\"]\nhide = []\n");
    assert!(w.is_empty(), "{w:?}");
    press(&mut app, KeyCode::Tab);
    let first = selected_name(&app);
    keys(&mut app, "j");
    assert_eq!(
        selected_name(&app),
        first,
        "j is no longer bound in the list"
    );
    send(
        &mut app,
        crossterm::event::KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL),
    );
    assert_ne!(selected_name(&app), first);
    let before = reader(&app).doc.entities.len();
    keys(&mut app, "x");
    io(&mut app);
    assert_eq!(
        reader(&app).doc.entities.len(),
        before,
        "x hides nothing now"
    );
}

#[test]
fn configured_colours_are_drawn() {
    let (app, _) = configured("[colors]\nperson = \"#ff0000\"\nplace = \"green\"\n");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Vladimir Poutine").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Rgb(255, 0, 0));
    let (x, y) = find(&buf, "Kirghizstan").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Green);
    // NO_COLOR still wins.
    let (c, _) = config::parse("[colors]\nperson = \"#ff0000\"\n");
    let (a, e) = seed_fixture();
    let mut app = app_with(a, e, Theme::no_color(), 100, 30);
    app.configure(c, &[]);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Vladimir Poutine").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Reset);
}

#[test]
fn the_sidebar_opens_in_the_configured_order() {
    let (app, _) = configured("[sidebar]\norder = \"mentions\"\n");
    assert_eq!(reader(&app).sort, Sort::MostMentioned);
    let s = screen(&app);
    // Places by mentions: Ukraine (5) before Kirghizstan (3), unlike first appearance.
    let ukraine = s.find("Ukraine  ").unwrap();
    let kirghizstan = s.find("Kirghizstan  ").unwrap();
    assert!(ukraine < kirghizstan, "{s}");
}

#[test]
fn snapshot_help_with_a_rebinding_and_command_names_120x35() {
    let (c, w) =
        config::parse("[keys.article]\nnext_mention = [\"o\"]\n\n[colors]\nperson = \"#ff0000\"\n");
    assert!(w.is_empty(), "{w:?}");
    let (a, e) = seed_fixture();
    let mut app = app_with(a, e, Theme::colored(), 120, 35);
    app.configure(c, &w);
    keys(&mut app, "o?");
    insta::assert_snapshot!(dump(&app));
}

// ---- --print-config -----------------------------------------------------------------------

#[test]
fn print_config_writes_a_complete_file_that_reads_back_to_the_defaults() {
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("--print-config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, config::defaults());
    let (c, w) = config::parse(&text);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(c, Config::default());
    // Complete: every mode's table, every command of it, every colour.
    for mode in Mode::ALL {
        assert!(text.contains(&format!("\n[keys.{}]\n", mode.config_name())));
        for (action, ..) in Keymap::default().commands(mode) {
            assert!(
                text.contains(&format!("\n{} = [", action.name().unwrap())),
                "{action:?}"
            );
        }
    }
    for line in [
        "order = \"first\"",
        "person = \"33\"",
        "yellow = \"229\"",
        "next_mention = [\"n\"]",
        "page_down = [\"Space\", \"PgDn\", \"Ctrl+f\"]",
        "kind_labels = [\"L\"]",
        "copy = [\"y\"]",
    ] {
        assert!(text.contains(line), "no {line} in\n{text}");
    }
    // Every command is introduced by what it does.
    assert!(text.contains("# next mention of the selected entity"));
    // A file edited from it: one change, the rest as printed.
    let edited = text.replacen("next_mention = [\"n\"]", "next_mention = [\"o\"]", 1);
    let (c, w) = config::parse(&edited);
    assert!(w.is_empty(), "{w:?}");
    let key = crossterm::event::KeyEvent::new(KeyCode::Char('o'), KeyModifiers::NONE);
    assert_eq!(
        c.keymap.lookup(Mode::Article, &key),
        Some(Action::NextMention)
    );
}

#[test]
fn print_config_to_a_closed_pipe_is_not_an_error() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("--print-config")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
