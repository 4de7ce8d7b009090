//! Highlights and notes in the reader, without a terminal: keys fed to the app,
//! the file work done as the event loop does it (`glose::tui::io`), the screen
//! read from the `TestBackend`. Every test has its own data dir.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::notes::{Anchoring, Color, Notes};
use glose::tui::keymap::Mode;
use glose::tui::{App, Theme};
use ratatui::style::{Color as Rgb, Modifier};
use std::path::Path;
use tempfile::TempDir;

fn notes_app(dir: &Path, theme: Theme) -> App {
    let (a, e) = seed_fixture();
    let (notes, messages) = Notes::open_in(dir, &a);
    assert!(messages.is_empty(), "{messages:?}");
    let mut app = App::with_article(a, e, theme, (100, 30));
    app.set_notes(notes, Vec::new());
    app.export_dir = dir.join("export");
    std::fs::create_dir_all(&app.export_dir).unwrap();
    app
}

fn ctrl(app: &mut App, c: char) {
    common::send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    io(app);
}

fn notes(app: &App) -> &Notes {
    reader(app).doc.notes.as_ref().unwrap()
}

/// The notes as a fresh process would read them from disk.
fn on_disk(dir: &Path) -> Notes {
    let (a, _) = seed_fixture();
    Notes::open_in(dir, &a).0
}

fn highlighted_texts(app: &App) -> Vec<String> {
    let r = reader(app);
    notes(app)
        .placed()
        .iter()
        .filter_map(|p| p.range.clone())
        .map(|range| r.doc.article.text[range].to_string())
        .collect()
}

#[test]
fn v_j_h_saves_the_selected_sentences_at_once() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    keys(&mut app, "v");
    assert_eq!(app.mode(), Mode::Select);
    assert!(
        status_line(&app).contains("selecting 1 sentence "),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "jjk");
    assert!(status_line(&app).contains("selecting 2 sentences"));
    keys(&mut app, "3");
    assert!(status_line(&app).contains("blue"));
    run(&mut app, "h");
    assert_eq!(app.mode(), Mode::Article);
    let texts = highlighted_texts(&app);
    assert_eq!(texts.len(), 1);
    assert!(
        texts[0].starts_with("date 2023-10 Vladimir Poutine a prôné")
            || texts[0].starts_with("Vladimir Poutine a prôné"),
        "{texts:?}"
    );
    assert!(texts[0].ends_with("kirghiz."), "{texts:?}");
    // Written at once.
    let disk = on_disk(dir.path());
    assert_eq!(disk.placed().len(), 1);
    let id = &disk.placed()[0].id;
    assert_eq!(disk.highlight(id).unwrap().color, Color::Blue);
    assert!(status_line(&app).contains("highlight 1/1"));
}

#[test]
fn esc_cancels_a_selection_and_enter_saves_one() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    keys(&mut app, "vj");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Article);
    assert!(notes(&app).is_empty());
    keys(&mut app, "v");
    key(&mut app, KeyCode::Enter);
    assert_eq!(notes(&app).placed().len(), 1);
}

#[test]
fn shift_h_highlights_the_current_mentions_sentence() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    // The third mention in reading order is the CPI, in the first sentence; the
    // fifth is M. Poutine in the second paragraph's sentence.
    run(&mut app, "]]]]]H");
    let texts = highlighted_texts(&app);
    assert_eq!(
        texts,
        ["Vladimir Poutine doit s'entretenir jeudi avec ses homologues azerbaïdjanais et kirghiz."]
    );
    run(&mut app, "H");
    assert!(status_line(&app).contains("already highlighted"));
    assert_eq!(notes(&app).placed().len(), 1);
}

#[test]
fn a_writes_a_note_with_accents_over_several_lines() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vh");
    keys(&mut app, "a");
    assert_eq!(app.mode(), Mode::Editor);
    keys(&mut app, "Très intéressant, à voir : ça 👍🏽");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "qjk ligne deux");
    // Editing keys: back a word, delete it, retype it.
    common::send(
        &mut app,
        KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
    );
    common::send(&mut app, KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE));
    keys(&mut app, "D");
    insta::assert_snapshot!(screen(&app));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Article);
    assert!(status_line(&app).contains("note saved"));
    let disk = on_disk(dir.path());
    let id = &disk.placed()[0].id;
    assert_eq!(
        disk.highlight(id).unwrap().note,
        "Très intéressant, à voir : ça 👍🏽\nqjk ligne Deux"
    );
    // The margin shows a pencil beside the highlight with a note.
    assert!(screen(&app)
        .lines()
        .any(|l| l.starts_with(" ✎") || l.starts_with("▌✎")));

    // a again edits the same note.
    keys(&mut app, "a");
    assert_eq!(
        app.overlay.editor().unwrap().editor.text,
        "Très intéressant, à voir : ça 👍🏽\nqjk ligne Deux"
    );
}

#[test]
fn esc_in_the_editor_asks_when_the_note_changed() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vh");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Article, "no change, no question");
    keys(&mut app, "abc");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(status_line(&app).contains("discard the changes to this note?"));
    keys(&mut app, "n");
    assert_eq!(app.mode(), Mode::Editor);
    assert_eq!(app.overlay.editor().unwrap().editor.text, "bc");
    press(&mut app, KeyCode::Esc);
    run(&mut app, "y");
    assert_eq!(app.mode(), Mode::Article);
    let id = notes(&app).placed()[0].id.clone();
    assert_eq!(notes(&app).highlight(&id).unwrap().note, "");
}

#[test]
fn ctrl_c_while_writing_a_note_asks_first() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vha");
    keys(&mut app, "brouillon");
    ctrl(&mut app, 'c');
    assert!(!app.quit);
    assert!(status_line(&app).contains("the note is not saved: quit anyway?"));
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn d_deletes_after_yes_and_u_brings_it_back() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vh");
    keys(&mut app, "d");
    assert_eq!(app.mode(), Mode::Confirm);
    // The question quotes the highlight; it has no note, so none is named.
    let q = status_line(&app);
    assert!(
        q.contains("delete the highlight “date 2023-10 Vladimir"),
        "{q}"
    );
    assert!(!q.contains("note"), "{q}");
    run(&mut app, "n");
    assert_eq!(notes(&app).placed().len(), 1);
    keys(&mut app, "d");
    run(&mut app, "y");
    assert!(notes(&app).is_empty());
    assert!(on_disk(dir.path()).is_empty());
    assert!(status_line(&app).contains("u undoes"));
    run(&mut app, "u");
    assert_eq!(notes(&app).placed().len(), 1);
    assert_eq!(on_disk(dir.path()).placed().len(), 1);
    run(&mut app, "u");
    assert!(status_line(&app).contains("nothing to undo"));
}

#[test]
fn entity_notes_from_the_sidebar_carry_a_marker() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "j"); // Sadyr Japarov
    keys(&mut app, "a");
    assert_eq!(app.mode(), Mode::Editor);
    assert!(screen(&app).contains("Note on Sadyr Japarov"));
    keys(&mut app, "Président kirghiz");
    ctrl(&mut app, 's');
    let shown = screen(&app);
    let row = shown
        .lines()
        .find(|l| l.contains("▸ Sadyr Japarov"))
        .unwrap();
    assert!(row.trim_end().ends_with("✎ 2"), "{shown}");
    let disk = on_disk(dir.path());
    assert_eq!(disk.entity_notes()[0].note, "Président kirghiz");
    keys(&mut app, "d");
    assert!(status_line(&app).contains("delete the note on Sadyr Japarov?"));
    run(&mut app, "y");
    assert!(on_disk(dir.path()).entity_notes().is_empty());
    keys(&mut app, "k"); // Vladimir Poutine, without a note
    keys(&mut app, "d");
    assert!(status_line(&app).contains("no note on Vladimir Poutine"));
}

#[test]
fn the_list_shows_everything_in_reading_order_and_enter_goes_there() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    // A highlight near the end, then one at the top, then an entity note.
    keys(&mut app, "G");
    run(&mut app, "vh");
    keys(&mut app, "g");
    run(&mut app, "v2h");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "a");
    keys(&mut app, "Note sur Poutine");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "'");
    assert_eq!(app.mode(), Mode::Notes);
    insta::assert_snapshot!(screen(&app));
    keys(&mut app, "j");
    let top = reader(&app).top;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Article);
    assert!(
        reader(&app).top > top,
        "the view went to the later highlight"
    );
    assert!(status_line(&app).contains("highlight 2/2"));
    // q closes the list without quitting.
    keys(&mut app, "'q");
    assert_eq!(app.mode(), Mode::Article);
    assert!(!app.quit);
}

#[test]
fn e_exports_markdown_and_asks_before_replacing_a_foreign_file() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vha");
    keys(&mut app, "Ma note");
    ctrl(&mut app, 's');
    run(&mut app, "e");
    let path = app.export_dir.join("poutine-kirghizstan.notes.md");
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.contains("Ma note"));
    assert!(md.contains("## Index"));
    assert!(status_line(&app).contains("notes exported to"));
    // Ours: replaced without a question.
    run(&mut app, "e");
    assert_eq!(app.mode(), Mode::Article);

    std::fs::write(&path, "# my own file\n").unwrap();
    run(&mut app, "e");
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(status_line(&app).contains("was not written by glose"));
    run(&mut app, "n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# my own file\n");
    run(&mut app, "e");
    run(&mut app, "y");
    assert!(std::fs::read_to_string(&path).unwrap().contains("Ma note"));
}

#[test]
fn a_failed_write_is_shown_kept_and_quitting_asks() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    std::fs::write(&data, "a file where the data dir should be").unwrap();
    let (a, e) = seed_fixture();
    let (notes, _) = Notes::open_in(&data, &a);
    let mut app = App::with_article(a, e, Theme::colored(), (100, 30));
    app.set_notes(notes, Vec::new());
    run(&mut app, "vh");
    assert!(
        status_line(&app).contains("notes not saved"),
        "{}",
        status_line(&app)
    );
    assert_eq!(reader(&app).doc.notes.as_ref().unwrap().placed().len(), 1);
    run(&mut app, "q");
    assert!(!app.quit, "quitting with unsaved notes asks");
    assert_eq!(app.mode(), Mode::Confirm);
    run(&mut app, "n");
    // Fixed, the next change writes everything.
    std::fs::remove_file(&data).unwrap();
    run(&mut app, "G");
    run(&mut app, "vh");
    assert!(!reader(&app).doc.notes.as_ref().unwrap().has_pending());
    let (a, _) = seed_fixture();
    assert_eq!(Notes::open_in(&data, &a).0.placed().len(), 2);
    run(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn highlights_are_drawn_under_the_entity_colours() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "]]]]]H");
    let buf = draw(&app);
    let (x, y) = find(&buf, "doit s'entretenir").unwrap();
    assert_eq!(buf[(x, y)].bg, Rgb::Indexed(229), "yellow background");
    // A mention inside it (once it is not the current one) keeps its colour.
    keys(&mut app, "]");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Vladimir Poutine doit").unwrap();
    assert_eq!(buf[(x, y)].bg, Rgb::Indexed(229));
    assert_eq!(
        buf[(x, y)].fg,
        Rgb::Indexed(19),
        "the person keeps its hue, in a darker tone readable on the highlight"
    );
    let (x, y) = find(&buf, "Le président russe").unwrap();
    assert_eq!(buf[(x, y)].bg, Rgb::Reset, "not highlighted");
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn regression_without_colour_a_highlight_looked_like_an_event() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::no_color());
    run(&mut app, "]]]]]H");
    keys(&mut app, "g");
    let buf = draw(&app);
    let (x, y) = find(&buf, "doit s'entretenir").unwrap();
    // Its own cue: reverse video (events are underlined), plus the margin bar.
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(["┃", "▏", "✎"].contains(&buf[(1, y)].symbol()));
    for cell in buf.content() {
        assert_eq!(cell.fg, Rgb::Reset);
        assert_eq!(cell.bg, Rgb::Reset);
    }
}

#[test]
fn orphaned_highlights_are_listed_with_their_text() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vh");
    let gone = highlighted_texts(&app).remove(0);
    // The article changes on disk: a fresh app over a text without that sentence.
    let (a, e) = seed_fixture();
    let text = a.text.replace(&gone, "Tout autre chose.");
    let edited = article(SEED, &text);
    let (notes, _) = Notes::open_in(dir.path(), &edited);
    assert_eq!(notes.placed()[0].how, Anchoring::Orphaned);
    let mut app = App::with_article(edited, e, Theme::colored(), (100, 30));
    app.set_notes(notes, Vec::new());
    assert!(
        status_line(&app).contains("1 highlight no longer found"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "'");
    let shown = screen(&app);
    assert!(
        shown.contains("Orphaned: no longer in the article"),
        "{shown}"
    );
    assert!(shown.contains("Vladimir Poutine a prôné jeudi"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(status_line(&app).contains("orphaned"));
}

#[test]
fn without_a_store_the_keys_say_so() {
    let mut app = seed_app(100, 30);
    for k in ["v", "H", "a", "'", "e"] {
        keys(&mut app, k);
        assert_eq!(app.mode(), Mode::Article);
        assert!(status_line(&app).contains("notes are off"), "{k}");
    }
}

#[test]
fn editor_keys_are_typed_not_commands() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vha");
    keys(&mut app, "q?'evjkhdu");
    assert_eq!(app.mode(), Mode::Editor);
    assert_eq!(app.overlay.editor().unwrap().editor.text, "q?'evjkhdu");
}

#[test]
fn help_lists_every_key_of_the_note_modes() {
    use glose::tui::keymap;
    let dir = TempDir::new().unwrap();
    for mode in [Mode::Select, Mode::Editor, Mode::Notes, Mode::Confirm] {
        let mut app = notes_app(dir.path(), Theme::colored());
        glose::tui::update(&mut app, glose::tui::Action::Resize(120, 45));
        app.overlay.open(|under| glose::tui::Overlay::Help {
            help: glose::tui::app::Help { mode, scroll: 0 },
            under,
        });
        let shown = screen(&app);
        for row in keymap::help_rows(mode) {
            let keys = row.keys.join(" ");
            assert!(
                shown
                    .lines()
                    .any(|l| l.contains(&keys) && l.contains(row.desc)),
                "{mode:?}: help lacks {keys} {}\n{shown}",
                row.desc
            );
        }
    }
}

/// WCAG contrast ratio of two xterm-256 colours (cube and grey ramp).
fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn rgb(c: Rgb) -> (f64, f64, f64) {
        let Rgb::Indexed(i) = c else {
            panic!("{c:?} is not an indexed colour");
        };
        let lv = [0.0, 95.0, 135.0, 175.0, 215.0, 255.0];
        match i {
            16..=231 => {
                let i = usize::from(i - 16);
                (lv[i / 36], lv[(i / 6) % 6], lv[i % 6])
            }
            232..=255 => {
                let v = 8.0 + 10.0 * f64::from(i - 232);
                (v, v, v)
            }
            _ => panic!("system colour {i} has no fixed value"),
        }
    }
    fn lum(c: Rgb) -> f64 {
        let f = |v: f64| {
            let v = v / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = rgb(c);
        0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn every_entity_colour_is_readable_on_every_highlight() {
    let palette = Theme::highlight_palette();
    assert_eq!(palette.len(), 5);
    for (bg, kinds) in palette {
        assert_eq!(kinds.len(), 4);
        for fg in kinds {
            let c = contrast(fg, bg);
            assert!(c >= 4.5, "{fg:?} on {bg:?}: contrast {c:.2} < 4.5");
        }
        // Plain text on it too.
        assert!(contrast(Rgb::Indexed(16), bg) >= 7.0);
    }
}

#[test]
fn the_current_highlights_note_is_shown_in_full_under_the_text() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::colored());
    run(&mut app, "vha");
    let note = "Première ligne de la note, assez longue pour être repliée sur plusieurs lignes à cent colonnes de large.";
    keys(&mut app, note);
    ctrl(&mut app, 's');
    io(&mut app);
    let s = screen(&app);
    assert!(s.contains("✎ note ─"), "{s}");
    // Every word of the note is on screen, wrapped.
    for word in note.split_whitespace() {
        assert!(s.contains(word), "{word} missing from\n{s}");
    }
    assert!(reader(&app).note_rows >= 2);
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn braces_walk_the_highlights_and_d_deletes_the_one_marked_current() {
    let dir = TempDir::new().unwrap();
    let mut app = notes_app(dir.path(), Theme::no_color());
    run(&mut app, "vh");
    run(&mut app, "]]]]]H");
    assert_eq!(notes(&app).placed().len(), 2);
    // The regression: after g, d deleted the second one. Now the one d deletes
    // is the one the screen marks as current (thick bar, quoted on the status line).
    keys(&mut app, "g");
    keys(&mut app, "{");
    let current = reader(&app).highlight_under_cursor().unwrap();
    let quote = glose::tui::update_notes::highlight_text(reader(&app), &current);
    let start: String = quote.chars().take(12).collect();
    assert!(status_line(&app).contains(&start), "{}", status_line(&app));
    keys(&mut app, "d");
    let q = status_line(&app);
    assert!(q.contains(&format!("delete the highlight “{start}")), "{q}");
    run(&mut app, "y");
    let left: Vec<String> = notes(&app).placed().iter().map(|p| p.id.clone()).collect();
    assert_eq!(left.len(), 1);
    assert!(!left.contains(&current), "deleted the marked one");
    // } wraps around to the one left.
    keys(&mut app, "}");
    assert_eq!(reader(&app).highlight_under_cursor(), Some(left[0].clone()));
}

#[test]
fn the_list_wraps_notes_instead_of_cutting_them() {
    let dir = TempDir::new().unwrap();
    let mut app = App::with_article(
        seed_fixture().0,
        seed_fixture().1,
        Theme::colored(),
        (80, 24),
    );
    let (notes, _) = Notes::open_in(dir.path(), &seed_fixture().0);
    app.set_notes(notes, Vec::new());
    run(&mut app, "vha");
    let note = "Une note longue qui ne tient pas sur une ligne de la liste et doit donc se replier proprement jusqu'au dernier mot: FIN.";
    keys(&mut app, note);
    ctrl(&mut app, 's');
    io(&mut app);
    keys(&mut app, "'");
    let s = screen(&app);
    assert!(s.contains("FIN."), "{s}");
    assert!(s.contains("✎ Une note longue"), "{s}");
}
