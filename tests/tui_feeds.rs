//! The feeds view in `TestBackend`: feeds with unread counts and their items
//! (unread in bold), Enter opens and marks read, `r` toggles, `o` asks for the
//! browser, reading positions remembered, an item not stored yet fetched first
//! (from a server on 127.0.0.1), `u` reports progress and the summary.

mod common;
#[path = "support/http.rs"]
mod http;

use common::{draw, dump, screen, send, text_of};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::library::{Library, Summary};
use glose::tui::feeds::Feeds;
use glose::tui::{update, App, Effect, Msg, Theme};
use glose::web::feed::FeedItem;
use glose::web::{store, Block, Page};
use ratatui::style::Modifier;
use std::path::{Path, PathBuf};

fn page(title: &str, paras: &[&str]) -> Page {
    Page {
        title: title.into(),
        author: None,
        date: Some("2024-03-05".into()),
        site: Some("Le Quotidien".into()),
        url: None,
        lang: Some("fr".into()),
        blocks: paras
            .iter()
            .map(|p| Block::Paragraph(p.to_string()))
            .collect(),
    }
}

fn item(guid: &str, title: &str, url: &str, date: &str) -> FeedItem {
    FeedItem {
        guid: guid.into(),
        url: Some(url.into()),
        title: title.into(),
        date: Some(date.into()),
        author: None,
        content: None,
    }
}

const LONG: &str = "Le président russe est arrivé jeudi matin à Bichkek pour un sommet régional, son premier voyage à l'étranger depuis des mois, et les autorités lui ont réservé un accueil solennel.";

/// A library with two feeds: three items in the first (one stored and read,
/// one stored, one whose page lives at `missing_url`), one in the second.
fn library(data: &Path, missing_url: &str) -> (Library, Vec<PathBuf>) {
    let mut lib = Library::open(data).unwrap();
    let a = lib
        .add_feed("http://127.0.0.1:9/a.xml", "Le Quotidien")
        .unwrap();
    let b = lib.add_feed("http://127.0.0.1:9/b.xml", "Wire").unwrap();
    let new = lib
        .insert_items(
            a.id,
            &[
                item(
                    "1",
                    "Au Kirghizstan, une visite éclair",
                    "http://127.0.0.1:9/1.html",
                    "2024-03-05T06:30:00Z",
                ),
                item(
                    "2",
                    "Grève des cheminots en Bretagne",
                    "http://127.0.0.1:9/2.html",
                    "2024-03-04T06:30:00Z",
                ),
                item(
                    "3",
                    "Une page à aller chercher",
                    missing_url,
                    "2024-03-03T06:30:00Z",
                ),
            ],
        )
        .unwrap();
    lib.insert_items(
        b.id,
        &[item(
            "9",
            "Storm knocks out power",
            "http://127.0.0.1:9/9.html",
            "2024-09-27T14:05:00Z",
        )],
    )
    .unwrap();
    let mut paths = Vec::new();
    for (k, (id, _)) in new.iter().take(2).enumerate() {
        let paras: Vec<String> = (0..30).map(|i| format!("{LONG} ({k}, {i})")).collect();
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let url = format!("http://127.0.0.1:9/{}.html", k + 1);
        let path = store::store(data, &url, &page(&format!("Article {}", k + 1), &refs)).unwrap();
        lib.item_stored(*id, &path, "t").unwrap();
        paths.push(path);
    }
    lib.set_read(new[1].0, true).unwrap();
    (lib, paths)
}

fn feeds_app(lib: &Library, w: u16, h: u16) -> App {
    let (feeds, items) = glose::tui::load_feeds(lib).unwrap();
    App::with_feeds(Feeds::new(&feeds, &items), Theme::colored(), (w, h))
}

fn key(app: &mut App, lib: &Library, code: KeyCode) {
    let fx = app.key(KeyEvent::new(code, KeyModifiers::NONE));
    glose::tui::run_effects_with(app, fx, Some(lib));
}

fn data_dir() -> &'static Path {
    // The notes store reads GLOSE_DATA_DIR: one folder for this test binary.
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        std::env::set_var("GLOSE_DATA_DIR", d.path());
        d
    })
    .path()
}

#[test]
fn the_view_lists_feeds_with_unread_counts_and_unread_items_in_bold() {
    let data = tempfile::tempdir().unwrap();
    let (lib, _) = library(data.path(), "http://127.0.0.1:9/3.html");
    let app = feeds_app(&lib, 100, 12);
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0].trim_end(), " glose · feeds · 2 feeds · 3 unread");
    assert!(
        lines[2].starts_with("Le Quotidien  (2 unread / 3)"),
        "{shown}"
    );
    assert!(
        lines[3].starts_with("▸ ● 2024-03-05  Le Quotidien  Au Kirghizstan, une visite éclair"),
        "{shown}"
    );
    assert!(
        lines[4].starts_with("    2024-03-04  Le Quotidien  Grève des cheminots en Bretagne"),
        "{shown}"
    );
    assert!(lines[6].starts_with("Wire  (1 unread / 1)"), "{shown}");
    let buf = draw(&app);
    let bold = |y: u16| buf[(20u16, y)].modifier.contains(Modifier::BOLD);
    assert!(bold(5), "an unread item is bold");
    assert!(!bold(4), "a read item is not");
    assert!(text_of(&buf).last().unwrap().contains("r read"));
    insta::assert_snapshot!(dump(&app));
}

#[test]
fn enter_opens_and_reads_r_toggles_o_asks_for_the_browser_and_positions_are_kept() {
    let data = data_dir().join("open");
    std::fs::create_dir_all(&data).unwrap();
    let (lib, paths) = library(&data, "http://127.0.0.1:9/3.html");
    let mut app = feeds_app(&lib, 100, 20);

    // o: the original page, through the browser effect (never a shell).
    let fx = app.key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::NONE));
    assert!(
        matches!(&fx[..], [Effect::Browse(u)] if u == "http://127.0.0.1:9/1.html"),
        "{fx:?}"
    );

    // Enter: the stored article opens; the item is read, in the view and the database.
    key(&mut app, &lib, KeyCode::Enter);
    let r = app.reader.as_ref().expect("the article is open");
    assert_eq!(r.doc.article.title, "Article 1");
    let first = lib
        .items(&Default::default())
        .unwrap()
        .into_iter()
        .find(|i| i.title.starts_with("Au Kirghizstan"))
        .unwrap();
    assert!(first.read);

    // Read on, go back: the position is remembered and restored on the next open.
    for _ in 0..3 {
        key(&mut app, &lib, KeyCode::Char(' '));
    }
    let offset = app.reader.as_ref().unwrap().top_offset();
    assert!(offset > 0);
    key(&mut app, &lib, KeyCode::Backspace);
    assert!(app.reader.is_none());
    assert_eq!(lib.position(&paths[0]).unwrap(), Some(offset));
    assert!(screen(&app).contains("Le Quotidien  (1 unread / 3)"));
    key(&mut app, &lib, KeyCode::Enter);
    assert_eq!(app.reader.as_ref().unwrap().top_offset(), offset);
    key(&mut app, &lib, KeyCode::Backspace);

    // r: unread again, then read again.
    key(&mut app, &lib, KeyCode::Char('r'));
    assert!(screen(&app).contains("Le Quotidien  (2 unread / 3)"));
    assert!(
        !lib.items(&Default::default())
            .unwrap()
            .iter()
            .find(|i| i.id == first.id)
            .unwrap()
            .read
    );
    key(&mut app, &lib, KeyCode::Char('r'));
    assert!(screen(&app).contains("Le Quotidien  (1 unread / 3)"));
}

#[test]
fn enter_on_an_item_not_stored_fetches_it_then_opens_it() {
    let server = http::Server::start(|req| {
        if req.path == "/3.html" {
            http::Reply::ok(
                "text/html",
                format!("<html><head><title>Fetched page</title></head><body><nav>Menu</nav><article><h1>Fetched page</h1><p>{LONG}</p><p>{LONG}</p></article></body></html>"),
            )
        } else {
            http::Reply::status(404)
        }
    });
    let data = data_dir().join("fetch");
    std::fs::create_dir_all(&data).unwrap();
    let (lib, _) = library(&data, &server.url("/3.html"));
    let mut app = feeds_app(&lib, 100, 20);
    key(&mut app, &lib, KeyCode::Char('j'));
    key(&mut app, &lib, KeyCode::Char('j'));
    assert!(app
        .feeds
        .as_ref()
        .unwrap()
        .selected_item()
        .unwrap()
        .article
        .is_none());
    key(&mut app, &lib, KeyCode::Enter);
    let r = app.reader.as_ref().expect("fetched, stored and opened");
    assert_eq!(r.doc.article.title, "Fetched page");
    assert_eq!(server.paths(), vec!["/3.html"]);
    let stored = lib
        .items(&Default::default())
        .unwrap()
        .into_iter()
        .find(|i| i.title == "Une page à aller chercher")
        .unwrap();
    assert!(stored.read && stored.article.is_some());

    // A page that fails: the reason in the status line and on the item.
    let gone = data_dir().join("gone");
    std::fs::create_dir_all(&gone).unwrap();
    let (lib, _) = library(&gone, &server.url("/gone.html"));
    let mut app = feeds_app(&lib, 140, 20);
    key(&mut app, &lib, KeyCode::Char('G'));
    key(&mut app, &lib, KeyCode::Char('k'));
    key(&mut app, &lib, KeyCode::Enter);
    assert!(app.reader.is_none());
    assert!(
        common::status_line(&app).contains("cannot fetch the page: HTTP 404 Not Found"),
        "{}",
        common::status_line(&app)
    );
    assert!(screen(&app).contains("(not stored: HTTP 404 Not Found)"));
}

#[test]
fn u_shows_progress_in_the_title_then_the_summary() {
    let data = tempfile::tempdir().unwrap();
    let (lib, _) = library(data.path(), "http://127.0.0.1:9/3.html");
    let mut app = feeds_app(&lib, 100, 12);
    send(
        &mut app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE),
    );
    update(&mut app, Msg::FeedsProgress(1, 2));
    assert!(screen(&app)
        .lines()
        .next()
        .unwrap()
        .contains("updating 1/2"));
    // A second u while it runs does not start another.
    let fx = app.key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    assert!(fx.is_empty());
    let fx = update(
        &mut app,
        Msg::FeedsUpdated(Ok(
            "2 feeds, 0 new items, 0 articles stored, 0 errors".into()
        )),
    );
    assert!(matches!(&fx[..], [Effect::ReloadFeeds]));
    assert!(!screen(&app).lines().next().unwrap().contains("updating"));
    assert!(common::status_line(&app).contains("2 feeds, 0 new items"));
    let _ = Summary::default();
}
