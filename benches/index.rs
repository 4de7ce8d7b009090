//! The library index at scale: indexing 1,000 articles (extraction on two
//! threads, as `glose index` does on this machine), then `where` and `search`
//! on a 10,000-article index, the library's entities, "also in". Articles are paragraphs of the shared news
//! articles (../shared/articles, or the seed alone when absent) mixed into new
//! articles in a temporary folder, each with its own date; nothing is kept.
//! Run: `cargo bench --bench index`.

use criterion::Criterion;
use glose::index::{article_files, index_paths, Index, Record, RecordNote};
use glose::NotesStore;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Every paragraph of the shared articles (front matter and date lines left out).
fn paragraphs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("GLOSE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join("articles"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    if paths.is_empty() {
        paths.push(root.join("articles/poutine-kirghizstan.txt"));
    }
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        for para in text.split("\n\n") {
            let para = para.trim();
            if para.len() > 80 && !para.starts_with("---") {
                out.push(para.replace('\n', " "));
            }
        }
    }
    out
}

/// `n` articles of 6 paragraphs each (about 4-6 KB), dated over four years.
fn write_library(dir: &Path, n: usize) {
    let paras = paragraphs();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let mut text = format!(
            "---\ntitle: Article {i}\ndate: {}-{:02}-{:02}\nlang: fr\n---\n",
            2021 + (i % 4),
            1 + (i / 4) % 12,
            1 + i % 28
        );
        for _ in 0..6 {
            text.push_str(&paras[next() as usize % paras.len()]);
            text.push_str("\n\n");
        }
        std::fs::write(dir.join(format!("a{i:05}.txt")), text).unwrap();
    }
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let data = tmp.path().join("data");
    write_library(&lib, 1000);
    let files = article_files(&lib).unwrap();
    let store = NotesStore::in_dir(&data).read_only();

    // Indexing 1,000 articles: once, on two threads (the word lists load inside).
    let mut index = Index::open_in(&data).unwrap();
    let t = Instant::now();
    let s = index_paths(&mut index, &files, 2, false, &store, &mut |_| {}).unwrap();
    let first = t.elapsed();
    assert_eq!(s.indexed, 1000);
    let t = Instant::now();
    let s = index_paths(&mut index, &files, 2, false, &store, &mut |_| {}).unwrap();
    let again = t.elapsed();
    assert_eq!(s.unchanged, 1000);
    println!("index/1000 articles, 2 threads: {first:.2?} (again, unchanged: {again:.2?})");

    // 10,000 articles: the 1,000 records ten times under other paths and dates,
    // some with tagged notes, written straight to a second index.
    let records: Vec<Record> = files
        .iter()
        .map(|f| {
            let (doc, _) = glose::Document::open(f, &store).unwrap();
            Record::of(&doc)
        })
        .collect();
    let big_dir = tmp.path().join("big");
    let mut big = Index::open_in(&big_dir).unwrap();
    let t = Instant::now();
    for copy in 0..10 {
        let batch: Vec<Record> = records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut r = r.clone();
                r.path = format!(
                    "{}/copy{copy}/{}",
                    lib.display(),
                    r.path.rsplit('/').next().unwrap()
                );
                r.hash = format!("{}-{copy}", r.hash);
                if i % 10 == 0 {
                    r.notes.push(RecordNote {
                        text: format!("À relire #dossier{} #suivi", i % 7),
                        about: String::new(),
                        offset: 0,
                        tags: vec![format!("dossier{}", i % 7), "suivi".into()],
                    });
                }
                r
            })
            .collect();
        big.put(&batch).unwrap();
    }
    println!("index/10,000 records written: {:.2?}", t.elapsed());
    let t = Instant::now();
    let all = big.entities(None).unwrap();
    println!(
        "entities/10,000 articles: {:.2?} ({} library entities)",
        t.elapsed(),
        all.len()
    );
    // The most and a less widely mentioned entity, as a user would ask.
    let common = all[0].name.clone();
    let rare = all[all.len() / 2].name.clone();
    println!("where: {common:?} ({} articles), {rare:?}", all[0].articles);

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    c.bench_function("where/10k/common", |b| {
        b.iter(|| big.where_(&common, None).unwrap())
    });
    c.bench_function("where/10k/rare", |b| {
        b.iter(|| big.where_(&rare, None).unwrap())
    });
    c.bench_function("entities/10k/all", |b| {
        b.iter(|| big.entities(None).unwrap())
    });
    c.bench_function("entities/10k/people", |b| {
        b.iter(|| big.entities(Some(glose::EntityKind::Person)).unwrap())
    });
    let some = big.where_(&common, None).unwrap()[0].clone();
    c.bench_function("also_in/10k/common", |b| {
        b.iter(|| big.also_in(&some.path, some.kind, &some.entity).unwrap())
    });
    c.bench_function("search/10k/word/limit50", |b| {
        b.iter(|| big.search("président", 50).unwrap())
    });
    c.bench_function("search/10k/phrase/limit50", |b| {
        b.iter(|| big.search("\"premier ministre\"", 50).unwrap())
    });
    c.bench_function("search/10k/tag/limit50", |b| {
        b.iter(|| big.search("#dossier3", 50).unwrap())
    });
    c.final_summary();
}
