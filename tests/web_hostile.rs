//! Hostile web input handled cleanly: a server that stalls, a body past the cap,
//! nesting that the pre-scan misses but the parsed tree shows, entities that
//! decode to control characters. Each ends in one clear error or clean text.

#[path = "support/http.rs"]
mod http;

use glose::web::{readable, store, Client, WebError};
use http::{Body, Reply, Server};
use std::time::{Duration, Instant};

#[test]
fn a_stalled_response_times_out() {
    let s = Server::start(|_| Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: Body::Stall(Duration::from_secs(30), b"<p>late</p>".to_vec()),
    });
    let client = Client::with_limits(Duration::from_secs(1), 1_000_000, 5);
    let t = Instant::now();
    let err = store::fetch_page(&client, &s.url("/slow.html")).unwrap_err();
    assert!(matches!(err, WebError::Timeout(1)), "{err:?}");
    assert_eq!(err.to_string(), "timed out after 1 s");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

#[test]
fn a_body_past_the_cap_is_refused_without_reading_it_all() {
    let s = Server::start(|_| Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: Body::Endless(50_000_000),
    });
    let client = Client::with_limits(Duration::from_secs(20), 100_000, 5);
    let err = store::fetch_page(&client, &s.url("/big.html")).unwrap_err();
    assert_eq!(err.to_string(), "response larger than 100 kB");
    assert!(matches!(err, WebError::TooLarge(100_000)));
    // An announced length past the cap is refused before the body is read.
    let s = Server::start(|_| Reply::ok("text/html", vec![b'x'; 200_000]));
    let err = store::fetch_page(&client, &s.url("/big.html")).unwrap_err();
    assert!(matches!(err, WebError::TooLarge(100_000)), "{err:?}");
}

#[test]
fn nesting_hidden_from_the_prescan_is_caught_in_the_tree() {
    // `<a>` and `<p>` are not counted by the raw pre-scan (they close themselves
    // in most pages), but `<b>` inside `<em>` nests for real.
    let html = format!(
        "<html><body>{}<p>x</p></body></html>",
        "<em><b>".repeat(300)
    );
    assert!(matches!(
        readable::extract(&html, None),
        Err(WebError::TooDeep(_))
    ));
}

#[test]
fn a_page_with_reasonable_depth_is_fine() {
    let html = format!(
        "<html><body>{}<article><p>{}</p></article>{}</body></html>",
        "<div>".repeat(100),
        "A sentence that is long enough to be an article paragraph on its own. ".repeat(5),
        "</div>".repeat(100)
    );
    let page = readable::extract(&html, None).unwrap();
    assert_eq!(page.blocks.len(), 1);
}

#[test]
fn entities_decoding_to_controls_are_dropped_everywhere() {
    let html = "<html><head><title>T&#x1b;]0;x&#7;itle</title></head><body><article>\
        <p>Un&#1; deux&#x1b;[2J trois&#127; quatre&#x9b; cinq&#x202e; six. Une phrase assez longue \
        pour que la page soit lue comme un article, avec plusieurs mots encore et encore.</p>\
        </article></body></html>";
    let page = readable::extract(html, None).unwrap();
    let text = page.to_article("now");
    assert!(!text.chars().any(glose::text::is_unsafe), "{text:?}");
    assert!(
        text.contains("Un deux[2J trois quatre› cinq six."),
        "{text}"
    );
    assert!(text.contains("title: T]0;xitle"), "{text}");
}
