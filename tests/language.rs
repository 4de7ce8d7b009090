//! An article's language: detected on short and tabular text, named by the front
//! matter, or chosen with `glose extract --lang`; the JSON article object says which
//! and where it came from. Texts written for these tests.

mod common;

use common::glose_cli;
use serde_json::Value;

/// The JSON article object of `glose extract --format json [extra] FILE`.
fn article(text: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, text).unwrap();
    let mut args = vec!["extract", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    let o = glose_cli(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["article"].clone()
}

const RESULTS: &str = "Premier League results\n\n\
    Arsenal 2 Chelsea 1\n\n\
    Liverpool 0 Everton 0\n\n\
    Manchester City 3 Tottenham Hotspur 1\n\n\
    Newcastle United 1 Aston Villa 1\n";

const MARKETS: &str = "Market close\n\n\
    FTSE 100 7,512.33 +0.4%\n\n\
    Dow Jones 38,654.42 -0.1%\n\n\
    Brent crude $82.10 a barrel\n\n\
    Gold $2,031 an ounce\n";

#[test]
fn a_results_table_is_english() {
    let a = article(RESULTS, &[]);
    assert_eq!(a["language"], "en", "{a}");
    assert_eq!(a["language_source"], "detected", "{a}");
    assert!(a.get("language_asked").is_none(), "{a}");
}

#[test]
fn a_market_report_is_english() {
    assert_eq!(article(MARKETS, &[])["language"], "en");
}

#[test]
fn a_short_headline_is_read_in_its_language() {
    assert_eq!(
        article("Shares rally after earnings\n", &[])["language"],
        "en"
    );
    assert_eq!(
        article("Les marchés clôturent en hausse\n", &[])["language"],
        "fr"
    );
}

#[test]
fn lang_option_overrides_the_text() {
    let a = article(RESULTS, &["--lang", "fr"]);
    assert_eq!(a["language"], "fr", "{a}");
    assert_eq!(a["language_source"], "override", "{a}");
    let a = article(
        "Le président est arrivé à Paris lundi.\n",
        &["--lang", "en-GB"],
    );
    assert_eq!(a["language"], "en", "{a}");
}

#[test]
fn lang_option_overrides_the_front_matter() {
    let text = "---\ntitle: Résultats\nlanguage: fr\n---\n\nArsenal 2 Chelsea 1\n";
    assert_eq!(article(text, &[])["language"], "fr");
    let a = article(text, &["--lang", "en"]);
    assert_eq!(a["language"], "en", "{a}");
    assert_eq!(a["language_source"], "override", "{a}");
}

#[test]
fn front_matter_language_wins_over_the_words() {
    let text = "---\ntitle: Notes\nlanguage: en\n---\n\nLe président est arrivé à Paris.\n";
    let a = article(text, &[]);
    assert_eq!(a["language"], "en", "{a}");
    assert_eq!(a["language_source"], "front-matter", "{a}");
    let text = "---\nlang: fr-FR\n---\n\nThe president arrived in Paris on Monday.\n";
    assert_eq!(article(text, &[])["language"], "fr");
}

#[test]
fn a_language_without_a_profile_is_read_with_the_nearest_and_says_so() {
    let text = "---\nlanguage: de\n---\n\nThe chancellor said the talks would go on.\n";
    let a = article(text, &[]);
    assert_eq!(a["language"], "en", "{a}");
    assert_eq!(a["language_source"], "nearest", "{a}");
    assert_eq!(a["language_asked"], "de", "{a}");
    // The listing says it too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("de.txt");
    std::fs::write(&path, text).unwrap();
    let o = glose_cli(dir.path(), &["extract", path.to_str().unwrap()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .ends_with("en (nearest to de: no profile for it)"),
        "{out}"
    );
}

#[test]
fn an_unknown_lang_option_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, RESULTS).unwrap();
    let o = glose_cli(
        dir.path(),
        &["extract", "--lang", "xx", path.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.lines().next().unwrap().contains("xx"), "{err}");
    assert!(err.contains("glose reads fr and en"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn the_override_changes_which_tables_read_the_text() {
    // Read as English, "invasion of" opens an event; read as French it does not.
    let text = "The invasion of Ukraine was condemned in a statement on the day.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, text).unwrap();
    let events = |lang: &str| {
        let o = glose_cli(
            dir.path(),
            &[
                "extract",
                "--format",
                "json",
                "--lang",
                lang,
                path.to_str().unwrap(),
            ],
        );
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "event")
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(events("en"), vec!["invasion of Ukraine".to_string()]);
    assert!(events("fr").is_empty(), "{:?}", events("fr"));
}
