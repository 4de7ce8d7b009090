//! Extraction scored against the shared gold files: 5-fold cross-validation over the
//! shared French news articles (weights fitted on four fifths, scored on the fifth),
//! the WikiNEuRal French validation split (measured only: its licence forbids fitting
//! on it), and `glose eval` checked against the reference scorer. These tests read
//! `../shared/eval` (or `$GLOSE_SHARED/eval`); outside CI they skip with a notice when
//! it is absent (a user's clone); in CI they fail, naming the missing kit.
//!
//! The floors are what the extractor reaches today; the bars are higher
//! (cross-validated F1 0.90, every kind 0.85; WikiNEuRal 0.88).

use glose::eval::cv::{carried_examples, cross_validate, Borrowed, FitOptions};
use glose::eval::{Gold, Row, Scorer};
use glose::extract;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared_eval() -> Option<PathBuf> {
    let dir = match std::env::var_os("GLOSE_SHARED") {
        Some(d) => PathBuf::from(d).join("eval"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "the shared evaluation kit is missing: expected {} (the eval kit beside the \
             repository, or $GLOSE_SHARED/eval); CI must have it",
            dir.display()
        );
    }
    eprintln!(
        "notice: {} is absent; skipping the gold-file evaluation",
        dir.display()
    );
    None
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

fn row(rows: &[Row], name: &str) -> Row {
    rows.iter().find(|r| r.name == name).unwrap().clone()
}

#[track_caller]
fn at_least(what: &str, got: f64, floor: f64, table: &str) {
    assert!(got >= floor, "{what} {got} < {floor}\n{table}");
}

/// The 43 shared French news articles, each scored by weights fitted without it.
#[test]
fn cross_validated_score_on_the_shared_news_articles() {
    let Some(dir) = shared_eval() else { return };
    let folders = [dir.clone(), dir.join("fr-dev2"), dir.join("fr-train3")];
    let docs = glose::eval::corpus::load(&folders, None).expect("the shared news gold");
    assert_eq!(
        docs.len(),
        43,
        "expected the 43 shared French news articles"
    );
    let rows = cross_validate(&docs, 5, false, &FitOptions::default()).summary();
    let table = glose::eval::format_table(&rows);
    eprintln!("5-fold cross-validation:\n{table}");
    let all = row(&rows, "all");
    at_least("cross-validated lenient F1", all.lenient.2, 0.935, &table);
    for (k, floor) in [
        ("person", 0.95),
        ("place", 0.93),
        ("organization", 0.88),
        ("event", 0.89),
    ] {
        at_least(
            &format!("lenient F1 for {k}"),
            row(&rows, k).lenient.2,
            floor,
            &table,
        );
    }
    at_least("entity precision", all.entity.0, 0.923, &table);
    let frag = all.fragmentation.unwrap();
    // The bar: more event mentions found (recall 0.75 -> 0.87) brings more
    // events a gold entity spans twice (a named event inside a described one).
    assert!(frag <= 1.05, "fragmentation {frag} > 1.05\n{table}");
}

/// WikiNEuRal fr validation: 12,600 Wikipedia sentences, names only (predicted
/// events dropped). Never fitted on.
#[test]
fn wikineural_fr_val_score() {
    wikineural_val_score(
        "fr",
        0.860,
        [("person", 0.925), ("place", 0.901), ("organization", 0.624)],
    );
}

/// `glose eval --fit` refuses data whose licence forbids fitting on it.
#[test]
fn fitting_on_wikineural_is_refused() {
    let Some(dir) = shared_eval() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("eval")
        .arg(dir.join("wikineural-fr-val"))
        .arg("--fit")
        .arg(tmp.path().join("w.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("licence"));
    assert!(!tmp.path().join("w.json").exists());
}

/// `glose eval --pool` refuses an article that is also scored (the held-out fold
/// would be in training) and WikiNEuRal; fitting with it records the pooled data
/// and the refit command.
#[test]
fn pooled_fitting_keeps_held_out_articles_out() {
    let Some(dir) = shared_eval() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_glose");
    let w = tmp.path().join("w.json");
    let en = dir.join("en");
    let fit = |pool: &Path| {
        Command::new(bin)
            .arg("eval")
            .arg(&en)
            .arg("--pool")
            .arg(pool)
            .arg("--fit")
            .arg(&w)
            .output()
            .unwrap()
    };
    let first = gold_files(&en).remove(0);
    for (pool, says) in [
        (first.as_path(), "both scored and pooled"),
        (&dir.join("wikineural-fr-val"), "licence"),
    ] {
        let out = fit(pool);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.lines().count() == 1, "{err}");
        assert!(!w.exists());
    }
    let out = fit(&dir.join("fr-dev2"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file: glose::extract::WeightsFile =
        serde_json::from_str(&std::fs::read_to_string(&w).unwrap()).unwrap();
    assert_eq!(file.language, "en");
    assert!(file.data.contains("pooled with"), "{}", file.data);
    assert!(file.method.contains("--pool-weight 0.5"), "{}", file.method);
    assert!(file.figures["cv5_held_out_log_loss"].is_number());
}

/// The shipped weights say when, on what and how they were fitted.
#[test]
fn shipped_weights_carry_their_provenance() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/weights/fr.json"),
    )
    .unwrap();
    let w: glose::extract::WeightsFile = serde_json::from_str(&text).unwrap();
    assert_eq!(w.language, "fr");
    assert!(w.fitted.starts_with("20"), "{}", w.fitted);
    assert!(w.data.contains("43 gold articles"), "{}", w.data);
    assert!(w.method.contains("logistic regression"));
    assert!(w.figures["cv5_lenient_f1"]["all"]["lenient"].is_array());
    assert!(w.weights.len() > 50);
    assert!(!w.data.to_lowercase().contains("wikineural"));
    // English borrows the French articles: pooled, never held out.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/weights/en.json"),
    )
    .unwrap();
    let w: glose::extract::WeightsFile = serde_json::from_str(&text).unwrap();
    assert_eq!(w.language, "en");
    assert!(w.data.contains("15 gold articles"), "{}", w.data);
    assert!(w.data.contains("pooled with"), "{}", w.data);
    assert!(w.method.contains("refit: glose eval"), "{}", w.method);
    assert!(!w.data.to_lowercase().contains("wikineural"));
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

/// The 15 shared English news articles, each scored by weights fitted without it,
/// with the 43 French articles pooled into every fit at weight 0.5 and L2 0.005 (as
/// the shipped English weights are fitted). The bars: 0.85, every kind 0.75.
#[test]
fn cross_validated_score_on_the_english_news_articles() {
    let Some(dir) = shared_eval() else { return };
    let docs = glose::eval::corpus::load(&[dir.join("en")], None).expect("the English news gold");
    assert_eq!(
        docs.len(),
        15,
        "expected the 15 shared English news articles"
    );
    let french = [dir.clone(), dir.join("fr-dev2"), dir.join("fr-train3")];
    let french = glose::eval::corpus::load(&french, None).expect("the shared news gold");
    let en = &extract::profile(glose::Language::En).space;
    let opts = FitOptions {
        borrowed: Borrowed {
            pooled: carried_examples(en, &french, 0.5),
            ..Borrowed::default()
        },
        l2: 0.005,
        ..FitOptions::default()
    };
    let rows = cross_validate(&docs, 5, false, &opts).summary();
    let table = glose::eval::format_table(&rows);
    eprintln!("5-fold cross-validation (en):\n{table}");
    at_least(
        "cross-validated lenient F1",
        row(&rows, "all").lenient.2,
        0.908,
        &table,
    );
    for (k, floor) in [
        // One 5-fold split of 15 articles moves a kind by about 0.01: floors keep
        // that margin under what main measures.
        ("person", 0.93),
        ("place", 0.905),
        ("organization", 0.88),
        ("event", 0.78),
    ] {
        at_least(
            &format!("lenient F1 for {k}"),
            row(&rows, k).lenient.2,
            floor,
            &table,
        );
    }
}

/// WikiNEuRal en validation: 11,597 Wikipedia sentences, names only (predicted
/// events dropped). Never fitted on. The bars: 0.85, each kind 0.80.
#[test]
fn wikineural_en_val_score() {
    wikineural_val_score(
        "en",
        0.791,
        [("person", 0.868), ("place", 0.824), ("organization", 0.648)],
    );
}

/// `glose eval --weights FILE` scores with a refit before it ships: the shipped file
/// gives the shipped table, one with every row zeroed finds nothing, a file that is no weights
/// file is one clear error.
#[test]
fn eval_scores_with_the_weights_it_is_given() {
    let Some(dir) = shared_eval() else { return };
    let bin = env!("CARGO_BIN_EXE_glose");
    let golds = gold_files(&dir);
    let run = |extra: &[&std::ffi::OsStr]| {
        Command::new(bin)
            .arg("eval")
            .args(&golds)
            .args(extra)
            .output()
            .unwrap()
    };
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/weights/fr.json");
    let plain = run(&[]);
    let same = run(&["--weights".as_ref(), shipped.as_os_str()]);
    assert!(same.status.success());
    assert_eq!(same.stdout, plain.stdout);

    let tmp = tempfile::tempdir().unwrap();
    let mut w: glose::extract::WeightsFile =
        serde_json::from_str(&std::fs::read_to_string(&shipped).unwrap()).unwrap();
    // Every row zero (an empty file would mean the rules' prior: a feature the file
    // does not name keeps it).
    for row in w.weights.values_mut() {
        *row = [0.0; 5];
    }
    let zero = tmp.path().join("zero.json");
    std::fs::write(&zero, serde_json::to_string(&w).unwrap()).unwrap();
    let none = run(&["--weights".as_ref(), zero.as_os_str()]);
    assert!(none.status.success());
    let table = String::from_utf8_lossy(&none.stdout);
    let all = table.lines().find(|l| l.starts_with("all")).unwrap();
    assert!(all.contains("0.00/0.00/0.00"), "{table}");

    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "not json").unwrap();
    let out = run(&["--weights".as_ref(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a weights file") && err.lines().count() == 1,
        "{err}"
    );
}

/// Scores the WikiNEuRal validation split of `lang` (names only, predicted events
/// dropped) and checks the floors: `all` over every kind, then each kind's.
fn wikineural_val_score(lang: &str, all: f64, kinds: [(&str, f64); 3]) {
    let Some(dir) = shared_eval() else { return };
    let split = format!("wikineural-{lang}-val");
    let docs = glose::eval::corpus::load(&[dir.join(&split)], None).expect(&split);
    assert!(!glose::eval::annotates_events(&docs));
    let mut scorer = Scorer::new();
    for d in &docs {
        scorer.add_with(&d.gold, &extract(&d.article), true);
    }
    let rows = scorer.summary();
    let table = glose::eval::format_table(&rows);
    eprintln!("{split}:\n{table}");
    at_least("lenient F1", row(&rows, "all").lenient.2, all, &table);
    for (k, floor) in kinds {
        at_least(
            &format!("lenient F1 for {k}"),
            row(&rows, k).lenient.2,
            floor,
            &table,
        );
    }
}

/// `glose eval --dump DIR` writes each article's predictions, as `extract --format json`
/// lists them; with `--cv` they are the held-out ones, which score as the table does.
#[test]
fn dump_writes_each_articles_predictions() {
    let Some(dir) = shared_eval() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_glose");
    let golds = gold_files(&dir.join("fr-dev2"));
    for cv in [false, true] {
        let out_dir = tmp.path().join(if cv { "cv" } else { "plain" });
        let mut cmd = Command::new(bin);
        cmd.arg("eval")
            .arg(dir.join("fr-dev2"))
            .arg("--dump")
            .arg(&out_dir);
        if cv {
            cmd.args(["--cv", "5"]);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut scorer = Scorer::new();
        for g in &golds {
            let name = g
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".gold.json", ".json");
            let text = std::fs::read_to_string(out_dir.join(&name)).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert!(v["article"].as_str().unwrap().ends_with(".txt"), "{name}");
            let ents: Vec<glose::Entity> = serde_json::from_value(v["entities"].clone()).unwrap();
            let gold: Gold = serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
            scorer.add(&gold, &ents);
        }
        // The dumped predictions score exactly as the printed table.
        let table = glose::eval::format_table(&scorer.summary());
        let printed = String::from_utf8_lossy(&out.stdout);
        assert!(printed.contains(&table), "{printed}\n---\n{table}");
    }
}
