//! The reader's budgets: parsing, laying out one screen, the first frame (bytes
//! read -> decoded -> parsed -> drawn, extraction left to its worker as in the
//! real reader) and a page scroll, on the seed, 1 MB and 50 MB articles built by
//! repeating the shared articles. Run: `cargo bench --bench reader`
//! (`GLOSE_BENCH_QUICK=1` skips the 50 MB cases).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use glose::tui::doc::{reading_order, Layout};
use glose::tui::{ui, update, Action, App, Theme};
use glose::Article;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;
use std::time::Duration;

#[path = "support/corpus.rs"]
mod support;
use support::corpus;

const W: u16 = 120;
const H: u16 = 40;

fn inputs() -> Vec<(&'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("articles/poutine-kirghizstan.txt")).unwrap();
    let mut v = vec![("seed", seed), ("1MB", corpus(1 << 20))];
    if std::env::var_os("GLOSE_BENCH_QUICK").is_none() {
        v.push(("50MB", corpus(50 << 20)));
    }
    v
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| ui::render(app, f)).unwrap();
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();

    let mut g = c.benchmark_group("parse");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter_batched(
                || t.as_bytes().to_vec(),
                |bytes| Article::from_bytes("bench.txt", bytes).unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();

    // One screen of lines laid out from a cold cache, in the middle of the article.
    let mut g = c.benchmark_group("layout_screen");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    for (name, text) in &inputs {
        let article = Article::from_text("bench.txt", text.clone());
        let mentions = reading_order(&[]);
        let mid = article.blocks.len() / 2;
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let mut layout = Layout::default();
                layout.set_width(usize::from(W) * 7 / 10 - 3);
                let mut lines = 0;
                let mut i = mid;
                while lines < usize::from(H) && i < article.blocks.len() {
                    let bl = layout.block(&article, &mentions, i);
                    for seg in 0..=bl.last_segment() {
                        lines += bl.lines(seg).len();
                    }
                    i += 1;
                }
                lines
            })
        });
    }
    g.finish();

    // Bytes in memory -> the first frame drawn (the file read itself excluded).
    let mut g = c.benchmark_group("first_frame");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter_batched(
                || {
                    let terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
                    (t.as_bytes().to_vec(), terminal)
                },
                |(bytes, mut terminal)| {
                    let article = Article::from_bytes("bench.txt", bytes).unwrap();
                    let app = App::with_article_pending(article, Theme::colored(), (W, H));
                    draw(&app, &mut terminal);
                    app
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();

    // A page down and the frame after it, with the entities found, in the middle.
    let mut g = c.benchmark_group("page_scroll");
    g.sample_size(30).measurement_time(Duration::from_secs(3));
    for (name, text) in &inputs {
        let article = Article::from_text("bench.txt", text.clone());
        let entities = glose::extract(&article);
        let mut app = App::with_article(article, entities, Theme::colored(), (W, H));
        let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
        update(&mut app, Action::Resize(W, H));
        draw(&app, &mut terminal);
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        let top = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE);
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                app.key(space);
                draw(&app, &mut terminal);
            });
            app.key(top);
        });
    }
    g.finish();
}

criterion_group!(reader, benches);
criterion_main!(reader);
