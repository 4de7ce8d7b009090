//! Extraction throughput on a corpus of at least 5 MB built by repeating the shared
//! articles (or the seed alone when ../shared is absent), word-list start-up cost,
//! and parsing. Run: `cargo bench --bench extract`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use glose::{extract, Article, Language};
use std::path::Path;
use std::time::Duration;

#[path = "support/corpus.rs"]
mod support;
use support::corpus;

fn benches(c: &mut Criterion) {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/poutine-kirghizstan.txt"),
    )
    .unwrap();
    let big = corpus(5 << 20);

    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10);
    g.bench_function("load_fr", |b| {
        b.iter(|| glose::extract::lexicon::build(Language::Fr))
    });
    g.finish();

    let mut g = c.benchmark_group("parse");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("5MB", |b| {
        b.iter(|| Article::from_text("big.txt", big.clone()))
    });
    g.finish();

    let mut g = c.benchmark_group("extract");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for (name, text) in [("seed", &seed), ("5MB", &big)] {
        let article = Article::from_text("bench.txt", text.clone());
        let _ = extract(&article); // word lists loaded outside the measurement
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &article, |b, a| {
            b.iter(|| extract(a))
        });
    }
    g.finish();
}

criterion_group!(extraction, benches);
criterion_main!(extraction);
