//! Extraction throughput, word-list start-up cost, and parsing.
//! Run: `cargo bench --bench extract`.
//!
//! - `per_core/fr` and `per_core/en`: throughput **per core**: the shared French news
//!   articles (`articles/`, `eval/fr-dev2/`, `eval/fr-train3/`) and the English ones
//!   (`eval/en/`), each extracted as its own article, one after the other on one
//!   thread (an article under 1 MB is proposed on one core), in bytes per second of
//!   that thread's CPU time (wall time on a machine other jobs share counts their
//!   turns too). The seed alone stands in for French when the shared kit is absent.
//! - `extract/5MB_2cores`: one 5 MB article made of the shared articles, whose
//!   blocks are proposed on two cores: bytes per second of wall time for the whole
//!   extraction, not per core.
//! - `lexicon/load_*`: building a language's word lists (once per process).

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
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

/// The calling thread's CPU time as a criterion measurement (shown like wall time).
struct ThreadCpu(WallTime);

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given and nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        thread_cpu()
    }
    fn end(&self, start: Duration) -> Duration {
        thread_cpu().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.0.formatter()
    }
}

fn seed() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/poutine-kirghizstan.txt"),
    )
    .unwrap()
}

/// Extraction per core: CPU time of the one thread that runs it.
fn per_core(c: &mut Criterion<ThreadCpu>) {
    let mut fr = articles(&["articles", "eval/fr-dev2", "eval/fr-train3"]);
    if fr.is_empty() {
        fr.push(Article::from_text("seed.txt", seed()));
    }
    let en = articles(&["eval/en"]);
    let mut g = c.benchmark_group("per_core");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
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
    g.finish();
}

fn benches(c: &mut Criterion) {
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

    let mut g = c.benchmark_group("extract");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    let seed = seed();
    for (name, text) in [("seed", &seed), ("5MB_2cores", &big)] {
        let article = Article::from_text("bench.txt", text.clone());
        let _ = extract(&article); // word lists loaded outside the measurement
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &article, |b, a| {
            b.iter(|| extract(a))
        });
    }
    g.finish();
}

criterion_group! {
    name = per_core_cpu;
    config = Criterion::default().with_measurement(ThreadCpu(WallTime));
    targets = per_core
}
criterion_group!(extraction, benches);
criterion_main!(per_core_cpu, extraction);
