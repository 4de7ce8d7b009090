//! Shared fixtures for the reader's tests: articles and entities built by hand,
//! key presses, and the `TestBackend` screen as text or with styles.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::tui::reader::Reader;
use glose::tui::{ui, App, Effect, Theme};
use glose::{Article, Block, BlockKind, Entity, EntityKind, Language, Mention};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

// ---- fixtures ---------------------------------------------------------------------

/// An article built by hand, independent of the parser: one block per non-empty
/// line; `## ` lines are headings (the markup is not shown) and `> ` lines captions.
pub fn article(path: &str, text: &str) -> Article {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = pos + lead;
            let end = start + trimmed.len();
            let (kind, skip) = if trimmed.starts_with("## ") {
                (BlockKind::Heading, 3)
            } else if trimmed.starts_with("> ") {
                (BlockKind::Caption, 2)
            } else {
                (BlockKind::Paragraph, 0)
            };
            blocks.push(Block {
                kind,
                range: start..end,
                pieces: std::iter::once(start + skip..end).collect(),
            });
        }
        pos += line.len();
    }
    Article {
        path: path.to_string(),
        text: text.to_string(),
        title: "Le voyage du président".to_string(),
        date: Some("2023-10-12".to_string()),
        source: None,
        url: None,
        author: None,
        language: Language::Fr,
        language_source: glose::LanguageSource::FrontMatter,
        language_asked: None,
        blocks,
    }
}

/// An entity whose mentions are every occurrence of each form, in text order,
/// skipping overlaps (the longer, earlier form wins).
pub fn entity(text: &str, id: usize, kind: EntityKind, name: &str, forms: &[&str]) -> Entity {
    let mut found: Vec<Mention> = forms
        .iter()
        .flat_map(|form| {
            text.match_indices(form)
                .map(|(start, _)| Mention::new(start, start + form.len()))
        })
        .collect();
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut mentions: Vec<Mention> = Vec::new();
    for m in found {
        if mentions.last().is_none_or(|last| last.end <= m.start) {
            mentions.push(m);
        }
    }
    Entity {
        id: format!("e{id}"),
        kind,
        name: name.to_string(),
        mentions,
        evidence: Vec::new(),
    }
}

pub const SEED: &str = "articles/poutine-kirghizstan.txt";

pub fn seed_text() -> String {
    std::fs::read_to_string(SEED).expect("the seed article is in the repository")
}

/// The seed article with hand-made entities, so these snapshots do not move while
/// the parser and the extractor improve.
pub fn seed_fixture() -> (Article, Vec<Entity>) {
    let text = seed_text();
    let a = article(SEED, &text);
    use EntityKind::*;
    let mut entities = vec![
        entity(
            &text,
            1,
            Person,
            "Vladimir Poutine",
            &["Vladimir Poutine", "M. Poutine"],
        ),
        entity(&text, 2, Place, "Kirghizstan", &["Kirghizstan"]),
        entity(
            &text,
            3,
            Organization,
            "Cour pénale internationale",
            &["Cour pénale internationale", "CPI"],
        ),
        entity(&text, 4, Place, "Bichkek", &["Bichkek"]),
        entity(
            &text,
            5,
            Person,
            "Sadyr Japarov",
            &["Sadyr Japarov", "M. Japarov"],
        ),
        entity(&text, 6, Place, "Moscou", &["Moscou"]),
        entity(
            &text,
            7,
            Event,
            "invasion de l'Ukraine",
            &["invasion de l'Ukraine"],
        ),
        entity(&text, 8, Place, "Ukraine", &["Ukraine"]),
        entity(&text, 9, Place, "Asie centrale", &["Asie centrale"]),
    ];
    entities.sort_by_key(|e| e.first_offset());
    (a, entities)
}

pub fn app_with(a: Article, entities: Vec<Entity>, theme: Theme, w: u16, h: u16) -> App {
    App::with_article(a, entities, theme, (w, h))
}

pub fn seed_app(w: u16, h: u16) -> App {
    let (a, e) = seed_fixture();
    app_with(a, e, Theme::colored(), w, h)
}

thread_local! {
    /// The effects (saves, exports...) that keys asked for and `io` has not yet
    /// carried out: a test chooses when the event loop's work happens.
    static EFFECTS: std::cell::RefCell<Vec<Effect>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A key event, its effects kept for `io`.
pub fn send(app: &mut App, key: KeyEvent) {
    let effects = app.key(key);
    EFFECTS.with(|e| e.borrow_mut().extend(effects));
}

pub fn press(app: &mut App, code: KeyCode) {
    send(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// The effects the keys so far asked for, taken instead of carried out.
pub fn take_effects() -> Vec<Effect> {
    EFFECTS.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

/// Carries out the effects the keys so far asked for, as the event loop does.
pub fn io(app: &mut App) {
    let effects = EFFECTS.with(|e| std::mem::take(&mut *e.borrow_mut()));
    glose::tui::run_effects_now(app, effects);
}

pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Keys, then the file work (notes, corrections) the event loop does after them.
pub fn run(app: &mut App, s: &str) {
    keys(app, s);
    io(app);
}

/// One key, then the file work the event loop does after it.
pub fn key(app: &mut App, code: KeyCode) {
    press(app, code);
    io(app);
}

pub fn draw(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The buffer with its styles, for snapshots.
pub fn dump(app: &App) -> String {
    format!("{:?}", draw(app))
}

pub fn text_of(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

pub fn screen(app: &App) -> String {
    text_of(&draw(app)).join("\n")
}

/// The status line, preceded by the rows of a message too long for it (drawn
/// above it in the status style), joined by spaces.
pub fn status_line(app: &App) -> String {
    let buf = draw(app);
    let rows = text_of(&buf);
    let last = buf.area.height - 1;
    let style = buf[(0, last)].style();
    let mut top = last;
    while app.message.is_some() && top > 1 && buf[(0, top - 1)].style() == style {
        top -= 1;
    }
    rows[usize::from(top)..]
        .iter()
        .map(|r| r.trim_end())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn reader(app: &App) -> &Reader {
    app.reader.as_ref().unwrap()
}

pub fn selected_name(app: &App) -> String {
    let r = reader(app);
    r.doc.entities[r.selected.unwrap()].name.clone()
}

/// The position of the first cell showing `needle` on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == first {
                let mut s = String::new();
                let mut cx = x;
                while cx < buf.area.width && s.chars().count() < needle.chars().count() {
                    s.push_str(buf[(cx, y)].symbol());
                    cx += 1;
                }
                if s == needle {
                    return Some((x, y));
                }
            }
        }
    }
    None
}

// ---- the binary ---------------------------------------------------------------

/// Runs the `glose` binary with its data folder in `data` (nothing of the user's).
pub fn glose_cli(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .env("GLOSE_DATA_DIR", data)
        .args(args)
        .output()
        .unwrap()
}
