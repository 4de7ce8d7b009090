//! The feeds view end to end: the real binary in tmux, `glose` with no argument
//! on a library with feeds; Enter opens an item, Backspace comes back with the
//! item read, `r` marks it unread, `o` starts $BROWSER with the item's URL (no
//! shell), the reading position survives a restart, `q` quits cleanly. No
//! network: the items' articles are stored beforehand.

#[path = "support/tmux.rs"]
mod tmux;

use glose::library::Library;
use glose::web::feed::FeedItem;
use glose::web::{store, Block, Page};
use std::os::unix::fs::PermissionsExt;
use tmux::{status_line, Tmux};

const PARA: &str = "Le conseil municipal a voté lundi soir la gratuité des bus et du tramway pour les moins de dix-huit ans, après plus de trois heures de débat et un vote serré.";

#[test]
fn feeds_view_opens_reads_and_browses() {
    let bin = env!("CARGO_BIN_EXE_glose");
    let data = tempfile::TempDir::new().unwrap();
    let mut lib = Library::open(data.path()).unwrap();
    let feed = lib
        .add_feed("http://127.0.0.1:9/feed.xml", "Info Vallée")
        .unwrap();
    let url = "http://127.0.0.1:9/gratuite.html";
    let new = lib
        .insert_items(
            feed.id,
            &[FeedItem {
                guid: "1".into(),
                url: Some(url.into()),
                title: "Transports gratuits pour les moins de 18 ans".into(),
                date: Some("2024-02-08T18:30:00Z".into()),
                author: None,
                content: None,
            }],
        )
        .unwrap();
    let page = Page {
        title: "Transports gratuits pour les moins de 18 ans".into(),
        author: None,
        date: Some("2024-02-08".into()),
        site: Some("Info Vallée".into()),
        url: Some(url.into()),
        lang: Some("fr".into()),
        blocks: (0..40)
            .map(|i| Block::Paragraph(format!("{PARA} ({i})")))
            .collect(),
    };
    let path = store::store(data.path(), url, &page).unwrap();
    lib.item_stored(new[0].0, &path, &page.title).unwrap();
    drop(lib);

    let browsed = data.path().join("browsed.txt");
    let script = data.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$@\" > '{}'\n", browsed.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();

    let command = format!(
        "GLOSE_DATA_DIR='{}' BROWSER='{}' '{bin}'; echo glose-exit=$?; sleep 60",
        data.path().display(),
        script.display()
    );
    let Some(tmux) = Tmux::start("feeds", 100, 24, &command) else {
        return;
    };
    tmux.wait_for("the feeds view", |s| {
        s.contains("glose · feeds · 1 feed · 1 unread")
    });
    let s = tmux.capture();
    assert!(s.contains("Info Vallée  (1 unread / 1)"), "{s}");
    assert!(s.contains("▸ ● 2024-02-08"), "{s}");

    // Enter opens the stored article; page down twice; back: the item is read.
    tmux.send("Enter");
    tmux.wait_for("the article", |s| {
        s.lines()
            .next()
            .unwrap_or("")
            .contains("Transports gratuits")
    });
    let pos = |s: &str| {
        status_line(s)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    };
    let mut at = pos(&tmux.capture());
    for _ in 0..2 {
        tmux.send("Space");
        let before = at.clone();
        at = pos(&tmux.wait_for("a page down", |s| pos(s) != before));
    }
    tmux.send("BSpace");
    tmux.wait_for("the item read", |s| {
        s.contains("Info Vallée  (0 unread / 1)") && s.contains("▸   2024-02-08")
    });

    // r: unread again.
    tmux.send("r");
    tmux.wait_for("the item unread", |s| s.contains("(1 unread / 1)"));

    // o: the browser gets the URL as one argument.
    tmux.send("o");
    let start = std::time::Instant::now();
    while !browsed.exists() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(std::fs::read_to_string(&browsed).unwrap().trim(), url);

    // q, then a new glose: Enter comes back where the reader was.
    tmux.send("q");
    tmux.wait_for("a clean exit", |s| s.contains("glose-exit=0"));
    drop(tmux);
    let Some(tmux) = Tmux::start("feeds-again", 100, 24, &command) else {
        return;
    };
    tmux.wait_for("the feeds view", |s| s.contains("glose · feeds"));
    tmux.send("Enter");
    // The title shows while the article is still opening ("opening…"): wait for
    // the reading position itself (the screen is printed if it never comes).
    tmux.wait_for("the article at its reading position", |s| {
        s.lines()
            .next()
            .unwrap_or("")
            .contains("Transports gratuits")
            && status_line(s).split_whitespace().next() == Some(at.as_str())
    });
    tmux.send("q");
    tmux.wait_for("a clean exit", |s| s.contains("glose-exit=0"));
}
