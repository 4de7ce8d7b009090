//! Extraction scored against the shared gold files, and `glose eval` checked against
//! the reference scorer. These tests read `../shared/eval`; they skip with a notice
//! when it is absent (a user's clone). CI always has it.

use glose::eval::{Gold, Scorer};
use glose::{extract, Article};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared_eval() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("notice: ../shared/eval is absent; skipping the gold-file evaluation");
        None
    }
}

fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    v.sort();
    v
}

#[test]
fn extraction_meets_the_bar_on_every_gold_file() {
    let Some(dir) = shared_eval() else { return };
    let mut scorer = Scorer::new();
    let golds = gold_files(&dir);
    assert!(golds.len() >= 11, "expected the eleven shared gold files");
    for g in &golds {
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
        let art = glose::eval::find_article(g, gold.article.as_deref(), None)
            .expect("article for gold file");
        let article = Article::load(&art).unwrap();
        scorer.add(&gold, &extract(&article));
    }
    let rows = scorer.summary();
    let table = glose::eval::format_table(&rows);
    eprintln!("{table}");
    let row = |name: &str| rows.iter().find(|r| r.name == name).unwrap().clone();
    let all = row("all");
    assert!(
        all.lenient.2 >= 0.92,
        "lenient F1 over all kinds {} < 0.92\n{table}",
        all.lenient.2
    );
    for k in ["person", "place", "organization", "event"] {
        assert!(
            row(k).lenient.2 >= 0.85,
            "lenient F1 for {k} {} < 0.85\n{table}",
            row(k).lenient.2
        );
    }
    for k in ["person", "place", "organization"] {
        assert!(
            row(k).strict.2 >= 0.88,
            "strict F1 for {k} {} < 0.88\n{table}",
            row(k).strict.2
        );
    }
    assert!(
        all.entity.0 >= 0.93,
        "entity precision {} < 0.93\n{table}",
        all.entity.0
    );
    assert!(
        all.fragmentation.unwrap() <= 1.05,
        "fragmentation {:?} > 1.05\n{table}",
        all.fragmentation
    );
}

/// `glose eval` prints the same table as `score.py` run on `glose extract` output.
#[test]
fn glose_eval_agrees_with_the_reference_scorer() {
    let Some(dir) = shared_eval() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("notice: python3 missing; skipping the comparison with score.py");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_glose");
    let tmp = tempfile::tempdir().unwrap();
    let mut pairs = Vec::new();
    let golds = gold_files(&dir);
    for g in &golds {
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
        let art = glose::eval::find_article(g, gold.article.as_deref(), None).unwrap();
        // The extractor's own output: no stored corrections from the user's data dir.
        let out = Command::new(bin)
            .env("GLOSE_DATA_DIR", tmp.path())
            .args(["extract", "--raw", "--format", "json"])
            .arg(&art)
            .output()
            .unwrap();
        assert!(out.status.success());
        let pred = tmp.path().join(g.file_name().unwrap());
        std::fs::write(&pred, &out.stdout).unwrap();
        pairs.push(g.clone());
        pairs.push(pred);
    }
    let reference = Command::new("python3")
        .arg(dir.join("score.py"))
        .args(&pairs)
        .output()
        .unwrap();
    assert!(
        reference.status.success(),
        "{}",
        String::from_utf8_lossy(&reference.stderr)
    );
    let ours = Command::new(bin).arg("eval").args(&golds).output().unwrap();
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&reference.stdout)
    );
}
