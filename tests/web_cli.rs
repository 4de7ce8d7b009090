//! `glose fetch` and `glose URL` as a user runs them, against a local server on
//! 127.0.0.1 (no other address is ever contacted): stored paths on stdout, one
//! `glose: URL: reason` line per failure, exit codes, hostile responses.

#[path = "support/http.rs"]
mod http;

use http::{Body, Reply, Server};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn page(title: &str, paras: &[&str]) -> String {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Test Gazette\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Test Gazette, all rights reserved</footer></body></html>"
    )
}

const P1: &str = "The harbour authority said on Tuesday that the new quay would open in the spring, two years later than planned, after storms damaged the first foundations.";
const P2: &str = "Fishermen who moor their boats on the old quay welcomed the news but said they had heard such promises before, and asked for a written timetable.";

fn glose(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("GLOSE_DATA_DIR", data)
        .env_remove("BROWSER")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn server() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/quay.html" => Reply::ok(
            "text/html; charset=utf-8",
            page("New quay delayed", &[P1, P2]),
        ),
        "/missing.html" => Reply::status(404),
        "/broken.html" => Reply::status(500),
        "/loop" => Reply::redirect("/loop"),
        "/moved" => Reply::redirect("/quay.html"),
        "/report.pdf" => Reply::ok("application/pdf", b"%PDF-1.4".to_vec()),
        "/huge.html" => Reply {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: Body::Endless(1_000_000_000),
        },
        "/nested.html" => Reply::ok(
            "text/html",
            format!(
                "<html><body>{}<p>deep</p></body></html>",
                "<div>".repeat(200_000)
            ),
        ),
        "/empty.html" => Reply::ok("text/html", "<html><body><nav>Home</nav></body></html>"),
        _ => Reply::status(404),
    })
}

#[test]
fn fetch_prints_the_stored_path_and_stores_front_matter_and_text() {
    let s = server();
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/quay.html");
    let out = glose(data.path(), &["fetch", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).trim().to_string();
    assert!(
        path.starts_with(&data.path().join("library").to_string_lossy().into_owned()),
        "{path}"
    );
    assert!(path.ends_with(".txt"));
    let text = std::fs::read_to_string(&path).unwrap();
    let (front, body) = text.split_once("\n---\n\n").unwrap();
    assert!(front.contains("\ntitle: New quay delayed\n"), "{front}");
    assert!(front.contains("\nsource: Test Gazette\n"), "{front}");
    assert!(front.contains(&format!("\nurl: {url}\n")), "{front}");
    assert!(front.contains("\nlang: en\n"), "{front}");
    assert!(front.contains("\nfetched: 20"), "{front}");
    assert_eq!(body, format!("{P1}\n\n{P2}\n"));
    // The stored article reads like any article: `extract` takes it.
    let out = glose(data.path(), &["extract", "--format", "json", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"title\":\"New quay delayed\""));
}

#[test]
fn fetch_reports_each_failure_on_one_line_and_goes_on() {
    let s = server();
    let data = tempfile::tempdir().unwrap();
    let (ok, missing, broken, looping, pdf, empty) = (
        s.url("/quay.html"),
        s.url("/missing.html"),
        s.url("/broken.html"),
        s.url("/loop"),
        s.url("/report.pdf"),
        s.url("/empty.html"),
    );
    let out = glose(
        data.path(),
        &[
            "fetch",
            &missing,
            &ok,
            &broken,
            &looping,
            &pdf,
            &empty,
            "ftp://example.org/x",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("glose: {missing}: HTTP 404 Not Found"),
            format!("glose: {broken}: HTTP 500 Internal Server Error"),
            format!("glose: {looping}: too many redirects (more than 10)"),
            format!("glose: {pdf}: not a web page (application/pdf)"),
            format!("glose: {empty}: no article text found on the page"),
            "glose: ftp://example.org/x: no such file".to_string(),
        ]
    );
}

#[test]
fn a_redirect_is_followed_and_the_asked_url_kept() {
    let s = server();
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/moved");
    let out = glose(data.path(), &["fetch", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(stdout(&out).trim()).unwrap();
    assert!(text.contains(&format!("\nurl: {url}\n")));
}

#[test]
fn a_gigabyte_body_is_refused_at_the_cap() {
    let s = server();
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/huge.html");
    let t = Instant::now();
    let out = glose(data.path(), &["fetch", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("glose: {url}: response larger than 20 MB\n")
    );
    assert!(t.elapsed() < Duration::from_secs(60));
}

#[test]
fn absurd_nesting_is_refused_cleanly() {
    let s = server();
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/nested.html");
    let out = glose(data.path(), &["fetch", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("glose: {url}: page nested more than 800 elements deep; refused\n")
    );
}

#[test]
fn fetching_again_updates_the_same_file() {
    let n = Arc::new(AtomicUsize::new(0));
    let counter = n.clone();
    let s = Server::start(move |_| {
        let v = counter.fetch_add(1, Ordering::SeqCst);
        let extra = if v == 0 {
            "First version of the closing paragraph, as published in the morning edition."
        } else {
            "Second version of the closing paragraph, corrected in the afternoon edition."
        };
        Reply::ok("text/html", page("Quay", &[P1, extra]))
    });
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/a.html");
    let first = stdout(&glose(data.path(), &["fetch", &url]));
    let before = std::fs::read_to_string(first.trim()).unwrap();
    let second = stdout(&glose(data.path(), &["fetch", &url]));
    assert_eq!(first, second);
    let after = std::fs::read_to_string(second.trim()).unwrap();
    assert!(before.contains("First version") && after.contains("Second version"));
    assert!(!after.contains("First version"));
}

#[test]
fn a_saved_page_is_stored_like_a_fetched_one_without_network() {
    let data = tempfile::tempdir().unwrap();
    let page_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web/pages/regional-latin1.html");
    let out = glose(data.path(), &["fetch", page_path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stored = stdout(&out).trim().to_string();
    assert!(
        stored.contains("/library/files/regional-latin1-"),
        "{stored}"
    );
    let text = std::fs::read_to_string(&stored).unwrap();
    let expected = std::fs::read_to_string(page_path.with_extension("txt")).unwrap();
    assert!(text.ends_with(&expected));
    let out = glose(data.path(), &["fetch", "no-such-page.html"]);
    assert_eq!(stderr(&out), "glose: no-such-page.html: no such file\n");
}

#[test]
fn control_characters_in_a_url_never_reach_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let out = glose(data.path(), &["fetch", "http://127.0.0.1:1/\x1b[31mred"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains('\x1b'), "{:?}", stderr(&out));
}

#[test]
fn notes_on_a_fetched_page_reanchor_after_fetching_it_again() {
    use glose::notes::{Anchoring, Color, Notes};
    let n = Arc::new(AtomicUsize::new(0));
    let counter = n.clone();
    let s = Server::start(move |_| {
        let v = counter.fetch_add(1, Ordering::SeqCst);
        let lead = "A correction was added at the top of this article in the afternoon, after readers wrote in.";
        let paras: Vec<&str> = if v == 0 {
            vec![P1, P2]
        } else {
            vec![lead, P1, P2]
        };
        Reply::ok("text/html", page("Quay", &paras))
    });
    let data = tempfile::tempdir().unwrap();
    let url = s.url("/quay.html");
    let path = stdout(&glose(data.path(), &["fetch", &url]))
        .trim()
        .to_string();
    let article = glose::Article::load(Path::new(&path)).unwrap();
    let (mut notes, _) = Notes::open_in(data.path(), &article);
    let start = article.text.find(P2).unwrap();
    let id = notes.add_highlight(&article.text, start..start + P2.len(), Color::Yellow);
    notes.set_note(&article.text, &id, "check the timetable");
    notes.flush(&article.text).unwrap();

    assert_eq!(stdout(&glose(data.path(), &["fetch", &url])).trim(), path);
    let article = glose::Article::load(Path::new(&path)).unwrap();
    assert!(article.text.contains("A correction was added"));
    let (notes, _) = Notes::open_in(data.path(), &article);
    let placed = notes.placed_of(&id).unwrap();
    assert_eq!(placed.how, Anchoring::Exact);
    assert_eq!(&article.text[placed.range.clone().unwrap()], P2);
}
