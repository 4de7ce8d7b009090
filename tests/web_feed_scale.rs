//! A feed with 100,000 items, in its own test binary so the peak memory read from
//! /proc is this test's alone: every item is stored, at most PAGES_PER_FEED pages
//! are fetched, and the peak stays far below what holding the items many times
//! over would take. (The time it takes is a benchmark's business, not this test's.)

#[path = "support/http.rs"]
mod http;

use glose::library::{update, ItemFilter, Library, PAGES_PER_FEED};
use glose::web::Client;
use http::{Reply, Server};

const N: usize = 100_000;

fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

#[test]
fn a_feed_of_100000_items_in_bounded_memory() {
    let mut xml = String::with_capacity(N * 150);
    xml.push_str("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
    for i in 0..N {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><link>/p/{i}</link><guid>g{i}</guid>\
             <pubDate>Mon, 01 Jan 2024 00:{:02}:{:02} GMT</pubDate></item>",
            (i / 60) % 60,
            i % 60
        ));
    }
    xml.push_str("</channel></rss>");
    let size = xml.len();
    assert!(size < 20_000_000, "{size}");
    let body = std::sync::Arc::new(xml.into_bytes());
    let s = Server::start(move |req| {
        if req.path == "/big.xml" {
            Reply::ok("application/rss+xml", body.as_ref().clone())
        } else {
            Reply::ok(
                "text/html",
                "<html><body><article><p>A short article page that the test server gives for every item of the big feed, long enough to read.</p></article></body></html>",
            )
        }
    });
    let data = tempfile::tempdir().unwrap();
    let mut lib = Library::open(data.path()).unwrap();
    let feed = lib.add_feed(&s.url("/big.xml"), "Big").unwrap();
    let before = peak_rss_mb();
    let summary = update(&mut lib, &Client::new(), &[feed], &|_| {}).unwrap();
    let after = peak_rss_mb();
    assert_eq!(summary.new_items, N);
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!(summary.stored, PAGES_PER_FEED);
    // Relative links resolved against the feed's URL.
    let items = lib
        .items(&ItemFilter {
            limit: Some(1),
            ..ItemFilter::default()
        })
        .unwrap();
    assert!(items[0].url.as_deref().unwrap().starts_with(&s.url("/p/")));
    let pages = s.paths().iter().filter(|p| p.starts_with("/p/")).count();
    assert_eq!(pages, PAGES_PER_FEED);
    if let (Some(b), Some(a)) = (before, after) {
        eprintln!(
            "feed {} MB, peak RSS {b} MB before, {a} MB after",
            size / 1_000_000
        );
        assert!(a < 400, "peak {a} MB for a {} MB feed", size / 1_000_000);
    }
}
