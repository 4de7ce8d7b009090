//! Feeds as a user runs them against a local server on 127.0.0.1: `feed add`,
//! `feed update` with conditional GET, items and their stored articles (the
//! feed's full text or the fetched page), read state, errors, OPML round trip.

#[path = "support/http.rs"]
mod http;

use glose::library::{ItemFilter, Library};
use http::{Reply, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

const ETAG: &str = "\"feed-v1\"";
const LAST_MODIFIED: &str = "Tue, 05 Mar 2024 07:00:00 GMT";

/// Serves the fixture feeds (with `{BASE}` set to the server's address, an ETag
/// and a Last-Modified, answering 304 to a matching conditional GET) and pages.
/// `/pages/gone.html` is a 404 until `revived` is set.
fn server(revived: Arc<AtomicBool>) -> Server {
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let b = base.clone();
    let s = Server::start(move |req| {
        let path = req.path.as_str();
        if let Some(name) = path.strip_prefix("/feeds/") {
            if req.header("if-none-match") == Some(ETAG) {
                return Reply {
                    status: 304,
                    headers: vec![("ETag".into(), ETAG.into())],
                    body: http::Body::Bytes(Vec::new()),
                };
            }
            return match std::fs::read_to_string(fixtures().join("feeds").join(name)) {
                Ok(text) => Reply::ok(
                    "application/rss+xml; charset=utf-8",
                    text.replace("{BASE}", b.get().unwrap()),
                )
                .header("ETag", ETAG)
                .header("Last-Modified", LAST_MODIFIED),
                Err(_) => Reply::status(404),
            };
        }
        if path == "/pages/gone.html" && revived.load(Ordering::SeqCst) {
            return Reply::ok(
                "text/html",
                std::fs::read(fixtures().join("pages/bom-utf8.html")).unwrap(),
            );
        }
        if let Some(name) = path.strip_prefix("/pages/") {
            return match std::fs::read(fixtures().join("pages").join(name)) {
                Ok(bytes) => Reply::ok("text/html", bytes),
                Err(_) => Reply::status(404),
            };
        }
        Reply::status(404)
    });
    base.set(s.base.clone()).unwrap();
    s
}

fn glose(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("GLOSE_DATA_DIR", data)
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn items_json(data: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["items", "--format", "json"];
    all.extend_from_slice(args);
    let o = glose(data, &all);
    assert!(o.status.success(), "{}", err(&o));
    out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn body(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split_once("\n---\n\n").unwrap().1.to_string()
}

fn expected(page: &str) -> String {
    std::fs::read_to_string(fixtures().join("pages").join(format!("{page}.txt"))).unwrap()
}

#[test]
fn a_summary_feed_stores_each_items_page_and_records_failures() {
    let revived = Arc::new(AtomicBool::new(false));
    let s = server(revived.clone());
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/feeds/rss2-summary.xml");
    let o = glose(data.path(), &["feed", "add", &url]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        out(&o),
        "added Le Quotidien du Soir - International (3 items, 2 articles stored)\n"
    );

    let items = items_json(data.path(), &[]);
    let titles: Vec<&str> = items.iter().map(|i| i["title"].as_str().unwrap()).collect();
    // Newest first.
    assert_eq!(
        titles,
        vec![
            "Au Kirghizstan, la visite éclair du président russe inquiète les voisins",
            "Une page disparue",
            "Grève des cheminots : trafic très perturbé jeudi en Bretagne",
        ]
    );
    let first = &items[0];
    assert_eq!(first["feed"], "Le Quotidien du Soir - International");
    assert_eq!(first["date"], "2024-03-05T06:30:00Z");
    assert_eq!(first["read"], false);
    assert_eq!(first["error"], Value::Null);
    assert_eq!(
        body(first["article"].as_str().unwrap()),
        expected("quotidien-fr")
    );
    assert_eq!(
        body(items[2]["article"].as_str().unwrap()),
        expected("regional-latin1")
    );
    // The page that failed is recorded with its reason, not stored.
    assert_eq!(items[1]["article"], Value::Null);
    assert_eq!(items[1]["error"], "HTTP 404 Not Found");

    // The next update retries it; the feed itself answers 304.
    revived.store(true, Ordering::SeqCst);
    let o = glose(data.path(), &["feed", "update"]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "1 feed, 0 new items, 1 article stored, 0 errors\n");
    let items = items_json(data.path(), &[]);
    assert_eq!(items[1]["error"], Value::Null);
    assert_eq!(
        body(items[1]["article"].as_str().unwrap()),
        expected("bom-utf8")
    );
}

#[test]
fn conditional_get_sends_the_validators_and_a_304_changes_nothing() {
    let s = server(Arc::new(AtomicBool::new(false)));
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/feeds/rss2-full.xml");
    assert!(glose(data.path(), &["feed", "add", &url]).status.success());
    let o = glose(data.path(), &["feed", "update"]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        out(&o),
        "1 feed, 0 new items, 0 articles stored, 0 errors\n"
    );
    let reqs = s.requests.lock().unwrap().clone();
    let feed_reqs: Vec<_> = reqs
        .iter()
        .filter(|r| r.path == "/feeds/rss2-full.xml")
        .collect();
    assert_eq!(feed_reqs.len(), 2);
    assert_eq!(feed_reqs[0].header("if-none-match"), None);
    assert_eq!(feed_reqs[1].header("if-none-match"), Some(ETAG));
    assert_eq!(
        feed_reqs[1].header("if-modified-since"),
        Some(LAST_MODIFIED)
    );
    assert!(feed_reqs[0]
        .header("user-agent")
        .unwrap()
        .starts_with("glose/"));
}

#[test]
fn a_full_content_feed_is_stored_from_the_feed_without_fetching_pages() {
    let s = server(Arc::new(AtomicBool::new(false)));
    let data = tempfile::tempdir().unwrap();
    let o = glose(
        data.path(),
        &[
            "feed",
            "add",
            &s.url("/feeds/rss2-full.xml"),
            "--name",
            "Millbrook",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "added Millbrook (2 items, 2 articles stored)\n");
    // No request but the feed: the items' pages were never fetched.
    assert_eq!(s.paths(), vec!["/feeds/rss2-full.xml"]);
    let items = items_json(data.path(), &["--feed", "Millbrook"]);
    let bakery = &items[1];
    assert_eq!(bakery["title"], "The bakery on Elm Street turns forty");
    let stored = std::fs::read_to_string(bakery["article"].as_str().unwrap()).unwrap();
    assert!(stored.contains("\ntitle: The bakery on Elm Street turns forty\n"));
    assert!(stored.contains("\nauthor: Dana Whitfield\n"));
    assert!(stored.contains("\ndate: 2023-04-14\n"));
    assert!(stored.contains("\nsource: Notes from Millbrook\n"));
    assert_eq!(
        body(bakery["article"].as_str().unwrap()),
        "When Maria and Tom Kessler opened their bakery on Elm Street in 1983, the town had two grocery stores and no coffee shop. Forty years later, the bakery is the last business on the block still run by the family that founded it.\n\n\
         Their daughter Anna took over the ovens in 2011. She still uses her mother’s sourdough starter, which she says has never been allowed to die, not even during the flood of 1996 that closed the shop for a month.\n\n\
         ## A party on Saturday\n\n\
         The family will hand out free rye loaves on Saturday morning until they run out. “We expect a line,” Anna Kessler said. “We always get a line.”\n\n\
         The town council plans to put a small plaque beside the door next month.\n"
    );
}

#[test]
fn rss1_and_atom_feeds_are_read_and_a_teaser_means_the_page_is_fetched() {
    let s = server(Arc::new(AtomicBool::new(false)));
    let data = tempfile::tempdir().unwrap();
    for f in ["/feeds/rss1.rdf", "/feeds/atom.xml"] {
        let o = glose(data.path(), &["feed", "add", &s.url(f)]);
        assert!(o.status.success(), "{f}: {}", err(&o));
    }
    let o = glose(data.path(), &["feed", "list"]);
    let listing = out(&o);
    assert!(
        listing.contains("Daily Wire Service: Top News     2 unread / 2"),
        "{listing}"
    );
    assert!(
        listing.contains("L'Écho de l'Ouest                1 unread / 1"),
        "{listing}"
    );
    let items = items_json(data.path(), &[]);
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0]["title"],
        "Storm knocks out power to 200,000 across the Carolinas"
    );
    assert_eq!(items[0]["date"], "2024-09-27T14:05:00Z");
    assert_eq!(
        body(items[0]["article"].as_str().unwrap()),
        expected("wire-en")
    );
    // Atom's type="html" title is text, its markup decoded, not shown as tags.
    assert_eq!(
        items[1]["title"],
        "Budget day: chancellor sets out <em>spending</em> plans"
    );
    assert_eq!(
        body(items[1]["article"].as_str().unwrap()),
        expected("liveblog")
    );
    assert_eq!(items[2]["date"], "2024-02-08T18:30:00Z");
    assert_eq!(
        body(items[2]["article"].as_str().unwrap()),
        expected("div-soup")
    );
}

#[test]
fn a_broken_feed_is_one_line_and_exit_1_while_the_others_update() {
    let s = server(Arc::new(AtomicBool::new(false)));
    let data = tempfile::tempdir().unwrap();
    let broken = s.url("/feeds/broken.xml");
    let o = glose(data.path(), &["feed", "add", &broken]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.starts_with(&format!("glose: {broken}: not a feed: ")),
        "{e}"
    );
    // Not subscribed.
    assert_eq!(out(&glose(data.path(), &["feed", "list"])), "");

    // A feed that breaks after it was added: its line, exit 1, the others read.
    let lib = Library::open(data.path()).unwrap();
    lib.add_feed(&broken, "Broken").unwrap();
    lib.add_feed(&s.url("/feeds/missing.xml"), "Missing")
        .unwrap();
    drop(lib);
    assert!(glose(
        data.path(),
        &["feed", "add", &s.url("/feeds/rss2-full.xml")]
    )
    .status
    .success());
    let o = glose(data.path(), &["feed", "update"]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with(&format!("glose: {broken}: not a feed: "))));
    assert!(lines
        .contains(&format!("glose: {}: HTTP 404 Not Found", s.url("/feeds/missing.xml")).as_str()));
    assert_eq!(
        out(&o),
        "3 feeds, 0 new items, 0 articles stored, 2 errors\n"
    );
    let listing = out(&glose(data.path(), &["feed", "list"]));
    assert!(
        listing.contains("(last update: HTTP 404 Not Found)"),
        "{listing}"
    );
}

#[test]
fn read_state_filters_items_and_survives_reopening() {
    let s = server(Arc::new(AtomicBool::new(false)));
    let data = tempfile::tempdir().unwrap();
    assert!(glose(
        data.path(),
        &["feed", "add", &s.url("/feeds/rss2-full.xml"), "--name", "M"]
    )
    .status
    .success());
    let lib = Library::open(data.path()).unwrap();
    let items = lib.items(&ItemFilter::default()).unwrap();
    assert_eq!(items.len(), 2);
    lib.set_read(items[0].id, true).unwrap();
    drop(lib);
    let unread = items_json(data.path(), &["--unread"]);
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0]["title"], "The bakery on Elm Street turns forty");
    let text = out(&glose(data.path(), &["items"]));
    assert_eq!(
        text,
        "  2023-04-26  M  School board election results\n* 2023-04-14  M  The bakery on Elm Street turns forty\n"
    );
    let lib = Library::open(data.path()).unwrap();
    assert!(!lib.toggle_read(items[0].id).unwrap());
    // Opening the stored article marks its item read, however it was opened.
    lib.mark_read_by_path(items[1].article.as_ref().unwrap())
        .unwrap();
    let now = lib
        .items(&ItemFilter {
            unread_only: true,
            ..ItemFilter::default()
        })
        .unwrap();
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].id, items[0].id);
    assert_eq!(
        out(&glose(data.path(), &["feed", "list"]))
            .split_whitespace()
            .nth(1),
        Some("1")
    );
}

#[test]
fn opml_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let opml = fixtures().join("feeds/subscriptions.opml");
    let o = glose(data.path(), &["feed", "import", opml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        out(&o),
        "imported 3 feeds (0 already subscribed); `glose feed update` fetches them\n"
    );
    // Importing again adds nothing.
    let o = glose(data.path(), &["feed", "import", opml.to_str().unwrap()]);
    assert_eq!(
        out(&o),
        "imported 0 feeds (3 already subscribed); `glose feed update` fetches them\n"
    );
    let exported = out(&glose(data.path(), &["feed", "export"]));
    assert!(
        exported.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
    );
    let back = glose::web::opml::parse(exported.as_bytes()).unwrap();
    let mut want = glose::web::opml::parse(&std::fs::read(&opml).unwrap()).unwrap();
    want.sort_by_key(|a| a.name.to_lowercase());
    assert_eq!(back, want);
    // And into a second library, unchanged.
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("out.opml");
    std::fs::write(&file, &exported).unwrap();
    assert!(
        glose(other.path(), &["feed", "import", file.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        out(&glose(other.path(), &["feed", "export"]))
            .lines()
            .skip(5)
            .collect::<Vec<_>>(),
        exported.lines().skip(5).collect::<Vec<_>>()
    );

    let o = glose(
        data.path(),
        &[
            "feed",
            "import",
            fixtures().join("feeds/broken.xml").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err(&o).lines().count(), 1);
    assert!(err(&o).contains("not OPML: "), "{}", err(&o));
}

#[test]
fn feed_remove_and_unknown_names() {
    let data = tempfile::tempdir().unwrap();
    let lib = Library::open(data.path()).unwrap();
    lib.add_feed("http://127.0.0.1:9/a.xml", "A").unwrap();
    drop(lib);
    let o = glose(data.path(), &["feed", "remove", "B"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err(&o), "glose: no feed named B\n");
    let o = glose(data.path(), &["feed", "remove", "A"]);
    assert_eq!(out(&o), "removed A (0 items)\n");
    let o = glose(data.path(), &["items", "--feed", "A"]);
    assert_eq!(err(&o), "glose: no feed named A\n");
}
