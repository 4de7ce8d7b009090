//! English is read with its own tables (assets/rules/en, assets/lang/en), on sentences
//! written for these tests (not taken from any evaluation article).

use glose::{extract, Article, EntityKind};
use std::collections::BTreeSet;
use std::path::Path;

fn assets() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn english_rule_tables_mirror_the_french_ones() {
    let fr = names(&assets().join("rules/fr"));
    let en = names(&assets().join("rules/en"));
    let missing: Vec<_> = fr.difference(&en).collect();
    assert!(missing.is_empty(), "rules/en lacks {missing:?}");
    for file in en.iter().filter(|f| *f != "README.md") {
        let text = std::fs::read_to_string(assets().join("rules/en").join(file)).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert_eq!(line, line.trim(), "{file}: stray spaces in {line:?}");
            if file == "event_nouns.txt" {
                let cols: Vec<_> = line.split('\t').collect();
                assert_eq!(cols.len(), 3, "{file}: {line:?}");
                assert!(["0", "1"].contains(&cols[2]), "{file}: {line:?}");
            } else if file.ends_with(".tsv") {
                assert_eq!(line.split('\t').count(), 2, "{file}: {line:?}");
            }
        }
    }
}

#[test]
fn english_profile_has_the_classes_the_extractor_reads() {
    let classes = |lang: &str| -> BTreeSet<String> {
        let path = assets().join("lang").join(lang).join("grammar.tsv");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return BTreeSet::new();
        };
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (class, word) = l.split_once('\t').unwrap_or_else(|| panic!("{l:?}"));
                assert!(!word.is_empty() && !word.contains('\t'), "{l:?}");
                class.to_string()
            })
            .collect()
    };
    let en = classes("en");
    for class in [
        "article",
        "of",
        "title",
        "list_connector",
        "place_strong",
        "possessive",
    ] {
        assert!(en.contains(class), "lang/en/grammar.tsv lacks {class}");
    }
}

fn found(text: &str) -> Vec<(String, EntityKind)> {
    let article = Article::from_text("fixture.txt", format!("{text}\n"));
    assert_eq!(article.language.as_str(), "en", "{text}");
    let mut v: Vec<_> = extract(&article)
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(|m| (text[m.start..m.end].to_string(), e.kind))
                .collect::<Vec<_>>()
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn english_event_nouns_take_their_of_complement() {
    let got = found("The invasion of Ukraine was condemned by the government in a statement.");
    assert!(
        got.contains(&("invasion of Ukraine".into(), EntityKind::Event)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Ukraine".into(), EntityKind::Place)),
        "{got:?}"
    );
}

#[test]
fn english_x_of_y_institutions_run_past_of() {
    let got =
        found("The Bank of England kept its rates on hold, and the pound fell against the dollar.");
    assert!(
        got.contains(&("Bank of England".into(), EntityKind::Organization)),
        "{got:?}"
    );
}

#[test]
fn english_club_suffixes_make_organizations() {
    let got = found("Leeds United beat Arsenal FC at home on a cold evening in the north.");
    assert!(
        got.contains(&("Leeds United".into(), EntityKind::Organization)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Arsenal FC".into(), EntityKind::Organization)),
        "{got:?}"
    );
}

#[test]
fn english_weights_are_fitted_on_english_and_say_so() {
    let text = std::fs::read_to_string(assets().join("weights/en.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["language"], "en");
    assert!(
        v["data"].as_str().unwrap().contains("eval/en"),
        "{}",
        v["data"]
    );
    assert!(!v["data"].as_str().unwrap().contains("wikineural"));
    let cv = v["figures"]["cv5_lenient_f1"]["all"]["lenient"][2]
        .as_f64()
        .unwrap();
    assert!(cv > 0.5, "cross-validated lenient F1 {cv}");
    assert!(v["weights"].as_object().unwrap().len() > 50);
}

/// The possessive ending stays outside the name, and the name keeps its kind.
#[test]
fn english_possessive_s_stays_outside_names() {
    let got = found(
        "China's commerce ministry said on Tuesday that Beijing would answer Japan’s tariffs.",
    );
    assert!(
        got.contains(&("China".into(), EntityKind::Place)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Japan".into(), EntityKind::Place)),
        "{got:?}"
    );
    assert!(got.iter().all(|(t, _)| !t.ends_with('s')), "{got:?}");
}

/// A middle initial and dotted initials are kept inside the person's name.
#[test]
fn english_initials_keep_names_whole() {
    let got = found("The former president George W. Bush met the writer J.K. Rowling in London.");
    assert!(
        got.contains(&("George W. Bush".into(), EntityKind::Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("J.K. Rowling".into(), EntityKind::Person)),
        "{got:?}"
    );
}

/// "U.S." and "U.K." are one token each and name countries.
#[test]
fn english_dotted_country_initials_are_places() {
    let got = found("Officials from the U.S. and the U.K. signed the text in Geneva on Monday.");
    assert!(got.contains(&("U.S.".into(), EntityKind::Place)), "{got:?}");
    assert!(got.contains(&("U.K.".into(), EntityKind::Place)), "{got:?}");
    assert!(!got.iter().any(|(t, _)| t == "U" || t == "S"), "{got:?}");
}

/// "CITY, Country (Agency) -": the place, and the agency as an organization.
#[test]
fn english_dateline_names_place_and_agency() {
    let got = found(
        "LONDON, England (Reuters) - The central bank raised its main interest rate on Thursday.",
    );
    assert!(
        got.contains(&("LONDON".into(), EntityKind::Place)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Reuters".into(), EntityKind::Organization)),
        "{got:?}"
    );
}

/// In a Title Case headline capitals say nothing: its common words are no names,
/// and weekdays and months are never organizations.
#[test]
fn english_title_case_headline_words_are_not_names() {
    let text =
        "Prime Minister Resigns After Weeks Of Protests\n\nThe prime minister of Bangladesh, \
                Sheikh Hasina, resigned on Monday after weeks of protests in Dhaka, the army said.";
    let got = found(text);
    for word in [
        "Unrest",
        "Spreads",
        "Unrest Spreads",
        "Weeks",
        "Protests",
        "Monday",
    ] {
        assert!(!got.iter().any(|(t, _)| t == word), "{word}: {got:?}");
    }
    assert!(
        got.contains(&("Sheikh Hasina".into(), EntityKind::Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Dhaka".into(), EntityKind::Place)),
        "{got:?}"
    );
}
