//! Extraction throughput, word-list start-up cost, and parsing.
//! Run: `cargo bench --bench extract`.
//!
//! - `extract/fr` and `extract/en`: throughput **per core**: the shared French news
//!   articles (`articles/`, `eval/fr-dev2/`, `eval/fr-train3/`) and the English ones
//!   (`eval/en/`), each extracted as its own article, one after the other on one
//!   thread (an article under 1 MB is proposed on one core), in bytes/s. The seed
//!   alone stands in for French when the shared kit is absent.
//! - `extract/5MB_2cores`: one 5 MB article made of the shared articles, whose
//!   blocks are proposed on two cores: bytes/s for the whole process, not per core.
//! - `lexicon/load_*`: building a language's word lists (once per process).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use glose::{extract, Article, Language};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "support/corpus.rs"]
mod support;
use support::corpus;

/// The shared kit: `GLOSE_SHARED`, else `../shared` beside the workspace.
fn shared() -> PathBuf {
    std::env::var_os("GLOSE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The `.txt` articles of the shared kit's `dirs`, parsed, in name order.
fn articles(dirs: &[&str]) -> Vec<Article> {
    let root = shared();
    let mut paths: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flat_map(|d| d.filter_map(|e| e.ok().map(|e| e.path())))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            Some(Article::from_text(
                "bench.txt",
                std::fs::read_to_string(p).ok()?,
            ))
        })
        .collect()
}

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
    g.bench_function("load_en", |b| {
        b.iter(|| glose::extract::lexicon::build(Language::En))
    });
    g.finish();

    let mut g = c.benchmark_group("parse");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("5MB", |b| {
        b.iter(|| Article::from_text("big.txt", big.clone()))
    });
    g.finish();

    let mut fr = articles(&["articles", "eval/fr-dev2", "eval/fr-train3"]);
    if fr.is_empty() {
        fr.push(Article::from_text("seed.txt", seed.clone()));
    }
    let en = articles(&["eval/en"]);
    let mut g = c.benchmark_group("extract");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for (name, set) in [("fr", &fr), ("en", &en)] {
        if set.is_empty() {
            continue;
        }
        for a in set.iter() {
            // Word lists loaded outside the measurement; every article on one core.
            assert!(
                a.text.len() < 1 << 20,
                "a bench article proposed on two cores"
            );
            let _ = extract(a);
        }
        let bytes: usize = set.iter().map(|a| a.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), set, |b, set| {
            b.iter(|| set.iter().map(|a| extract(a).len()).sum::<usize>())
        });
    }
    let article = Article::from_text("bench.txt", big.clone());
    let _ = extract(&article);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_with_input(
        BenchmarkId::from_parameter("5MB_2cores"),
        &article,
        |b, a| b.iter(|| extract(a)),
    );
    g.finish();
}

criterion_group!(extraction, benches);
criterion_main!(extraction);
