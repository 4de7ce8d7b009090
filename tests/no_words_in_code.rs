//! Language knowledge lives in data (`assets/lang/<code>/`, `assets/rules/<code>/`),
//! never in the extractor's or the tokenizer's code: a word of a language written in
//! `crates/glose-core/src/extract/` or `src/text/` would make every other language
//! read text with it. This test reads those sources (without comments and test
//! modules), takes every string literal, and fails on:
//! - a literal that is a single word and no identifier the data or the code defines
//!   (a class of a profile, an event class, a feature, a kind);
//! - a literal holding a letter outside ASCII ("procès", "ème");
//! - a literal holding a word of the French profile's closed classes ("de", "avec").

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Non-comment lines of a data file.
fn entries(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn languages() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("assets/lang"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Identifiers: names the data defines (classes of the profiles and of the event
/// grammar, event classes) and a few the code defines (kinds, place types and flags
/// of the gazetteer's columns, feature names).
fn identifiers() -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = [
        // Kinds, and "all" for every kind (the weights' prior).
        "person",
        "place",
        "organization",
        "event",
        "none",
        "all",
        // The gazetteer's type and flag columns.
        "country",
        "territory",
        "region",
        "continent",
        "lake",
        "river",
        "sea",
        "mountain",
        "island",
        "common",
        "firstname",
        "surname",
        // Ligatures spelled out by folding (œ -> oe, æ -> ae).
        "oe",
        "ae",
        "CARGO_MANIFEST_DIR",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    ids.extend(
        glose::extract::features::STATIC_NAMES
            .iter()
            .map(|s| s.to_string()),
    );
    for lang in languages() {
        // Language codes name asset paths ("rules/en/", "fr.json").
        ids.insert(lang.clone());
        let first_col = |p: PathBuf| -> Vec<String> {
            entries(&p)
                .iter()
                .filter_map(|l| l.split('\t').next().map(str::to_string))
                .collect()
        };
        ids.extend(first_col(
            root().join(format!("assets/lang/{lang}/grammar.tsv")),
        ));
        let rules = root().join(format!("assets/rules/{lang}"));
        ids.extend(first_col(rules.join("event_grammar.tsv")));
        ids.extend(
            entries(&rules.join("event_nouns.txt"))
                .iter()
                .filter_map(|l| l.split('\t').nth(1).map(str::to_string)),
        );
    }
    ids
}

/// Words of the French profile's closed classes (endings left out: they are not words).
fn french_words() -> BTreeSet<String> {
    let endings = [
        "adjective_ending",
        "capital_accent",
        "ordinal_suffix",
        "infinitive",
        "infinitive_not",
        "gerund_ending",
        "epithet_ending",
        "taxon_suffix",
    ];
    entries(&root().join("assets/lang/fr/grammar.tsv"))
        .iter()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(class, _)| !endings.contains(class))
        .flat_map(|(_, w)| w.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 2)
        .collect()
}

/// The string literals of Rust source, without comments; char literals skipped.
fn string_literals(src: &str) -> Vec<String> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let starts = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| b.get(i + k) == Some(&c));
    while i < b.len() {
        if starts(i, "//") {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if starts(i, "/*") {
            i += 2;
            while i < b.len() && !starts(i, "*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == 'r'
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
            && matches!(b.get(i + 1), Some('"' | '#'))
        {
            // Raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let start = j + 1;
            let mut k = start;
            while k < b.len() && !starts(k, &close) {
                k += 1;
            }
            out.push(b[start..k.min(b.len())].iter().collect());
            i = k + close.chars().count();
        } else if b[i] == '"' {
            let mut s = String::new();
            let mut j = i + 1;
            while j < b.len() && b[j] != '"' {
                if b[j] == '\\' {
                    s.push(b[j]);
                    j += 1;
                }
                if j < b.len() {
                    s.push(b[j]);
                }
                j += 1;
            }
            out.push(s);
            i = j + 1;
        } else if b[i] == '\'' {
            // A char literal ('a', '\n', '\u{2019}'), or a lifetime: skip either.
            let close = if b.get(i + 1) == Some(&'\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            i = close.map_or(i + 1, |k| k + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The source of a file without its test module (tests may write any language).
fn code_of(path: &Path) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    match src.find("#[cfg(test)]") {
        Some(k) => src[..k].to_string(),
        None => src,
    }
}

fn is_identifier_like(s: &str) -> bool {
    // Feature templates and names with digits, underscores or colons are identifiers.
    s.contains(['_', ':']) || s.chars().any(|c| c.is_ascii_digit())
}

/// Problems found in one file's literals.
fn problems(
    file: &str,
    code: &str,
    ids: &BTreeSet<String>,
    french: &BTreeSet<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    for lit in string_literals(code) {
        let single_word = !lit.is_empty()
            && lit
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
            && lit.chars().next().is_some_and(char::is_alphabetic);
        if single_word && !ids.contains(&lit) && !is_identifier_like(&lit) {
            out.push(format!(
                "{file}: the word {lit:?} (put it in a profile's class)"
            ));
        }
        if lit.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
            out.push(format!("{file}: a non-ASCII letter in {lit:?}"));
        }
        for w in lit.split(|c: char| !(c.is_alphabetic() || c == '\'')) {
            if french.contains(&w.to_lowercase()) && !ids.contains(w) {
                out.push(format!("{file}: the French word {w:?} in {lit:?}"));
            }
        }
    }
    out
}

#[test]
fn no_language_word_in_the_extractor_or_the_tokenizer() {
    let ids = identifiers();
    let french = french_words();
    assert!(
        french.contains("avec") && french.contains("de"),
        "{french:?}"
    );
    let mut found = Vec::new();
    let mut files = 0;
    for dir in [
        "crates/glose-core/src/extract",
        "crates/glose-core/src/text",
    ] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
                found.extend(problems(&name, &code_of(&path), &ids, &french));
            }
        }
    }
    assert!(files >= 10, "read only {files} source files");
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

/// The scanner itself catches what it is there for: a reintroduced French word, an
/// accented suffix, a word in a message; and passes identifiers, comments, chars.
#[test]
fn the_scan_catches_a_reintroduced_word() {
    let ids = identifiers();
    let french = french_words();
    let bad = r#"
        fn f(bt: &BlockText) -> bool {
            bt.is(0, &["de", "d'"]) || s.ends_with("ème") || msg("rencontre avec {x}")
        }
    "#;
    let got = problems("x.rs", bad, &ids, &french);
    assert!(got.iter().any(|p| p.contains("\"de\"")), "{got:?}");
    assert!(got.iter().any(|p| p.contains("\"d'\"")), "{got:?}");
    assert!(got.iter().any(|p| p.contains("ème")), "{got:?}");
    assert!(got.iter().any(|p| p.contains("\"avec\"")), "{got:?}");
    let good = r#"
        // "de" in a comment is fine; so is a char: 'é', and a lifetime: &'a str
        fn g<'a>(x: &'a str) -> bool {
            /* "avec" */ lex.grammar.is("list_connector", x) && f("tokens_1") && x != "«"
        }
    "#;
    let got = problems("y.rs", good, &ids, &french);
    assert!(got.is_empty(), "{got:?}");
}
