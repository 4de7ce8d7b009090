//! The generated word lists (assets/gazetteer, written by scripts/gen_assets.py):
//! their columns, types and flags are what the README promises the extractor, and
//! no entry that must not win alone sits in a list that lets it.

use std::collections::HashSet;
use std::path::Path;

fn rows(file: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/gazetteer")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

const TYPES: [&str; 12] = [
    "country",
    "territory",
    "region",
    "continent",
    "capital",
    "city",
    "lake",
    "river",
    "sea",
    "mountain",
    "island",
    "desert",
];

fn check_flags(file: &str, flags: &str, allowed: &[&str]) {
    for f in flags.split(',').filter(|f| !f.is_empty()) {
        let (name, value) = f.split_once('=').unwrap_or((f, ""));
        assert!(allowed.contains(&name), "{file}: unknown flag {f:?}");
        if !value.is_empty() {
            let z: f64 = value.parse().unwrap_or_else(|_| panic!("{file}: {f:?}"));
            assert!(
                (0.0..=8.0).contains(&z),
                "{file}: zipf out of range in {f:?}"
            );
        }
    }
}

#[test]
fn place_lists_have_five_columns_known_types_and_flags() {
    for lang in ["fr", "en"] {
        for file in [
            format!("places.{lang}.tsv"),
            format!("places_weak.{lang}.tsv"),
        ] {
            let rows = rows(&file);
            assert!(rows.len() > 1000, "{file}: only {} rows", rows.len());
            for r in &rows {
                assert_eq!(r.len(), 5, "{file}: {r:?}");
                assert!(TYPES.contains(&r[1].as_str()), "{file}: type {:?}", r[1]);
                assert!(
                    r[3].is_empty() || r[3].parse::<u64>().is_ok(),
                    "{file}: pop {r:?}"
                );
                check_flags(&file, &r[4], &["common", "firstname", "surname"]);
            }
        }
    }
}

#[test]
fn weak_places_are_never_countries_and_strong_lists_hold_no_small_clash() {
    for lang in ["fr", "en"] {
        for r in rows(&format!("places_weak.{lang}.tsv")) {
            assert!(
                !["country", "territory", "continent", "capital"].contains(&r[1].as_str()),
                "a {} is never weak: {r:?}",
                r[1]
            );
            assert!(!r[4].is_empty(), "a weak entry says why: {r:?}");
        }
        // A small region or city named like a common word lives in the weak list only.
        for r in rows(&format!("places.{lang}.tsv")) {
            let small = r[3].parse::<u64>().unwrap_or(0) < 300_000;
            if small && ["region", "city"].contains(&r[1].as_str()) {
                assert!(
                    !r[4].split(',').any(|f| f.starts_with("common=")),
                    "places.{lang}.tsv lets a common word win alone: {r:?}"
                );
            }
        }
    }
}

#[test]
fn lowercase_heads_and_natural_features_are_listed() {
    let has =
        |file: &str, name: &str, typ: &str| rows(file).iter().any(|r| r[0] == name && r[1] == typ);
    // General geography, named in each language with its head.
    assert!(has("places.fr.tsv", "lac Baïkal", "lake"));
    assert!(has("places.en.tsv", "Lake Baikal", "lake"));
    assert!(has("places.en.tsv", "Black Sea", "sea"));
    assert!(has("places.en.tsv", "Danube", "river"));
    assert!(has("places.fr.tsv", "Danube", "river"));
    assert!(has("places.en.tsv", "Cook County", "region"));
    assert!(has("places.fr.tsv", "comté de Cook", "region"));
    assert!(has("places.fr.tsv", "comté d'Adams", "region"));
    // Language-tagged GeoNames names.
    assert!(has("places.fr.tsv", "Lhassa", "city"));
}

#[test]
fn small_towns_serve_every_language_and_flag_their_clashes() {
    let strong: HashSet<String> = ["fr", "en"]
        .iter()
        .flat_map(|l| rows(&format!("places.{l}.tsv")))
        .map(|r| r[0].clone())
        .collect();
    let small = rows("cities_small.tsv");
    assert!(small.len() > 50_000, "only {} small towns", small.len());
    for file in ["cities_small.tsv", "cities_small_weak.tsv"] {
        for r in rows(file) {
            assert_eq!(r.len(), 4, "{file}: {r:?}");
            let pop: u64 = r[2].parse().unwrap_or_else(|_| panic!("{file}: {r:?}"));
            assert!(pop < 15_000, "{file}: {r:?}");
            assert!(
                !strong.contains(&r[0]),
                "{file} repeats a listed place: {r:?}"
            );
            check_flags(
                file,
                &r[3],
                &["common.fr", "common.en", "firstname", "surname"],
            );
            assert_eq!(
                r[3].is_empty(),
                file == "cities_small.tsv",
                "{file}: flags decide the file: {r:?}"
            );
        }
    }
}

#[test]
fn first_name_flags_cover_names_in_and_out_of_the_list() {
    // The two lists are one (two files for two licences), and no name is in both.
    let main: HashSet<String> = rows("firstnames.txt")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let gfdl: HashSet<String> = rows("firstnames_gfdl.txt")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert!(gfdl.len() > 1000, "{} names", gfdl.len());
    assert!(main.is_disjoint(&gfdl));
    let names: HashSet<String> = main.union(&gfdl).cloned().collect();
    let flags = rows("firstnames_flags.tsv");
    assert!(flags.len() > 100);
    for r in &flags {
        assert_eq!(r.len(), 2, "{r:?}");
        check_flags(
            "firstnames_flags.tsv",
            &r[1],
            &["common", "surname", "weak"],
        );
        let weak = r[1].split(',').any(|f| f == "weak");
        assert_eq!(
            names.contains(&r[0]),
            !weak,
            "weak means left out of the first-name lists: {r:?}"
        );
    }
}

/// Surnames are names ("Nowak"), never common words nor first names' lowercase
/// twins, and the shape model is small, with the intercept line and two weights a gram.
#[test]
fn surnames_and_the_shape_model_have_the_promised_form() {
    let surnames = rows("surnames.txt");
    assert!(surnames.len() > 10_000, "{} surnames", surnames.len());
    let common: HashSet<String> = rows("common.en.txt")
        .into_iter()
        .chain(rows("common.fr.txt"))
        .map(|r| r[0].clone())
        .collect();
    for r in &surnames {
        let n = &r[0];
        assert!(
            n.chars().count() >= 3 && n.starts_with(char::is_uppercase),
            "{n:?}"
        );
        assert!(!n.contains(' '), "{n:?}");
    }
    let clashes = surnames
        .iter()
        .filter(|r| common.contains(&r[0].to_lowercase()))
        .count();
    // Only the dictionary's own surnames (po:patr) may also be common words.
    assert!(
        clashes * 50 < surnames.len(),
        "{clashes} surnames are common words"
    );
    let shape = rows("shape.tsv");
    assert!(shape.iter().any(|r| r[0] == "^bias"), "no intercepts");
    for r in &shape {
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(
            r[0] == "^bias" || (2..=4).contains(&r[0].chars().count()),
            "{r:?}"
        );
        for w in &r[1..] {
            w.parse::<i16>().unwrap_or_else(|_| panic!("{r:?}"));
        }
    }
    let size =
        std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/gazetteer/shape.tsv"))
            .map(|m| m.len())
            .unwrap_or(0);
    assert!(size < 400_000, "shape.tsv is {size} bytes");
}

#[test]
fn known_names_have_known_kinds_and_no_common_single_word() {
    let common: HashSet<String> = rows("common.en.txt")
        .into_iter()
        .chain(rows("common.fr.txt"))
        .map(|r| r[0].clone())
        .collect();
    let known = rows("known_names.tsv");
    assert!(known.len() > 5000, "{} known names", known.len());
    for r in &known {
        assert_eq!(r.len(), 2, "{r:?}");
        for k in r[1].split(',') {
            assert!(
                ["person", "organization", "place", "none"].contains(&k),
                "{r:?}"
            );
        }
        assert!(
            r[0].contains(' ') || !common.contains(&r[0].to_lowercase()),
            "a common word alone: {r:?}"
        );
    }
    let kinds = |n: &str| known.iter().find(|r| r[0] == n).map(|r| r[1].clone());
    assert_eq!(kinds("Kierkegaard").as_deref(), Some("person"));
    assert_eq!(kinds("Holocene").as_deref(), Some("none"));
}
