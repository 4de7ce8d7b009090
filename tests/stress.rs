//! Stress tests of issue 11: many notes files. The full size is `#[ignore]`d and
//! runs in release mode in CI (`.ci/run`):
//! `cargo test --release --test stress -- --include-ignored --nocapture`.
//! (Memory is measured in `tests/memory.rs`, `-j` under a process limit in
//! `tests/cli.rs`.)

use glose::notes::store::{self, Store};
use glose::notes::{ArticleRecord, Color, Highlight, NotesFile, Position, Quote};
use std::fs;
use std::path::Path;
use std::time::Instant;

/// `n` notes files of articles that are gone, each with one highlight.
fn many_notes_files(data: &Path, n: usize) {
    let dir = data.join("notes");
    fs::create_dir_all(&dir).unwrap();
    for i in 0..n {
        let mut doc = NotesFile::new(ArticleRecord {
            path: format!("/gone/article-{i}.txt"),
            hash: store::content_hash(&format!("article {i}")),
        });
        doc.highlights.push(Highlight {
            id: format!("h{i}"),
            color: Color::Yellow,
            position: Position { start: 0, end: 30 },
            quote: Quote {
                exact: format!("a passage only article {i} has, {}", i * 7919),
                prefix: String::new(),
                suffix: String::new(),
            },
            note: String::new(),
            created: "2024-05-01T12:30:00Z".into(),
            modified: "2024-05-01T12:30:00Z".into(),
        });
        let name = store::file_name(Path::new(&doc.article.path));
        fs::write(dir.join(name), serde_json::to_vec(&doc).unwrap()).unwrap();
    }
}

/// Looks up the notes of `articles` new articles (none has notes: the slow case,
/// path and content both miss) and returns how many notes files were read.
fn lookups(data: &Path, articles: usize) -> usize {
    let before = store::files_read();
    for i in 0..articles {
        let text = format!("A new article, number {i}, with no notes.\n");
        let path = data.join(format!("new-{i}.txt"));
        let found = Store::peek(data, &path, &store::content_hash(&text)).unwrap();
        assert!(found.is_none());
    }
    store::files_read() - before
}

fn index_keeps_lookups_off_the_files(files: usize, articles: usize) {
    let dir = tempfile::TempDir::new().unwrap();
    many_notes_files(dir.path(), files);
    let t = Instant::now();
    let first = lookups(dir.path(), articles);
    let building = t.elapsed();
    // Once per process the folder is scanned; each file is read once, to index it.
    assert!(first <= files, "{first} reads for {files} files");
    let t = Instant::now();
    let second = lookups(dir.path(), articles);
    let indexed = t.elapsed();
    assert_eq!(second, 0, "no notes file read once the index is built");
    // A new process reads the index from disk instead of the files.
    glose::notes::index::invalidate();
    let t = Instant::now();
    let fresh = lookups(dir.path(), articles);
    let reloaded = t.elapsed();
    assert_eq!(fresh, 0, "the index on disk is used");
    eprintln!(
        "{files} notes files, {articles} lookups: building the index {building:?}, \
         with it in memory {indexed:?}, read from disk {reloaded:?}"
    );
}

/// Issue 11, fault 14: finding an article's notes read every notes file.
#[test]
fn regression_finding_notes_does_not_read_every_notes_file() {
    index_keeps_lookups_off_the_files(500, 20);
}

/// Issue 11, fault 14 at full size: 10,000 notes files, 100 articles.
#[test]
#[ignore = "full size: run in release with --include-ignored"]
fn regression_ten_thousand_notes_files_100_articles() {
    index_keeps_lookups_off_the_files(10_000, 100);
}
