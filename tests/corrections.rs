//! Corrections to the extractor's entities: the pure function that applies them
//! (relabel, rename, hide, merge, split, add), how they follow an edited article,
//! and how a correction this build does not know is kept.

use glose::notes::corrections::Entry;
use glose::notes::{apply, is_corrected, Applied, Change, Correction, Selector};
use glose::{Entity, EntityKind, Mention};

const TEXT: &str = "Vladimir Poutine est à Bichkek. M. Poutine visite la base de Kant. \
    Kant est loin de Moscou; Kantien n'est pas Kant-Ouest.";

fn ent(id: &str, kind: EntityKind, name: &str, spans: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for s in spans {
        let (form, nth) = s
            .split_once('#')
            .map_or((*s, 0), |(f, n)| (f, n.parse().unwrap()));
        let (start, _) = TEXT.match_indices(form).nth(nth).unwrap();
        mentions.push(Mention::new(start, start + form.len()));
    }
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        mentions,
        evidence: Vec::new(),
    }
}

fn raw() -> Vec<Entity> {
    use EntityKind::*;
    vec![
        ent("e1", Person, "Vladimir Poutine", &["Vladimir Poutine"]),
        ent("e2", Place, "Bichkek", &["Bichkek"]),
        ent("e3", Person, "Poutine", &["Poutine#1"]),
        ent("e4", Person, "Kant", &["Kant", "Kant#1"]),
        ent("e5", Place, "Moscou", &["Moscou"]),
    ]
}

fn sel(form: &str) -> Selector {
    let (form, nth) = form
        .split_once('#')
        .map_or((form, 0), |(f, n)| (f, n.parse().unwrap()));
    let (s, _) = TEXT.match_indices(form).nth(nth).unwrap();
    Selector::of(TEXT, s..s + form.len())
}

fn c(id: &str, change: Change) -> Entry {
    Entry::Known(Correction {
        id: id.into(),
        change,
        created: "2024-05-01T12:00:00Z".into(),
    })
}

fn names(a: &Applied) -> Vec<(String, EntityKind, usize)> {
    a.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind, e.mentions.len()))
        .collect()
}

#[test]
fn nothing_to_apply_keeps_the_extractors_output() {
    let a = apply(TEXT, &raw(), &[]);
    assert_eq!(a.entities, raw());
    assert_eq!(a.corrected, vec![false; 5]);
}

#[test]
fn relabel_rename_hide() {
    let a = apply(
        TEXT,
        &raw(),
        &[
            c(
                "1",
                Change::Relabel {
                    entity: sel("Kant#1"),
                    kind: EntityKind::Place,
                },
            ),
            c(
                "2",
                Change::Rename {
                    entity: sel("Bichkek"),
                    name: "Bichkek (capitale)".into(),
                },
            ),
            c(
                "3",
                Change::Hide {
                    entity: sel("Moscou"),
                },
            ),
        ],
    );
    let e = &a.entities;
    assert_eq!(e.len(), 4);
    assert_eq!(e[3].kind, EntityKind::Place);
    assert_eq!(e[1].name, "Bichkek (capitale)");
    assert_eq!(a.corrected, [false, true, false, true]);
    assert!(is_corrected(&e[3]) && !is_corrected(&e[0]));
    assert_eq!(a.hidden.len(), 1);
    assert_eq!(a.hidden[0].name, "Moscou");
    assert_eq!(a.hidden_by, [vec!["3".to_string()]]);
    assert_eq!(
        e.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["e1", "e2", "e3", "e4"]
    );
}

#[test]
fn merge_keeps_the_fuller_name_and_first_mention_order() {
    let a = apply(
        TEXT,
        &raw(),
        &[c(
            "1",
            Change::Merge {
                entity: sel("Poutine#1"),
                with: sel("Vladimir Poutine"),
            },
        )],
    );
    let p = &a.entities[0];
    assert_eq!(p.name, "Vladimir Poutine");
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(a.entities.len(), 4);
    assert!(a.corrected[0]);
}

#[test]
fn split_then_add_with_whole_words() {
    let a = apply(
        TEXT,
        &raw(),
        &[
            c(
                "1",
                Change::Split {
                    mention: sel("Kant#1"),
                },
            ),
            c(
                "2",
                Change::Add {
                    mention: sel("Moscou"),
                    kind: EntityKind::Organization,
                },
            ),
        ],
    );
    assert_eq!(
        names(&a),
        [
            ("Vladimir Poutine".into(), EntityKind::Person, 1),
            ("Bichkek".into(), EntityKind::Place, 1),
            ("Poutine".into(), EntityKind::Person, 1),
            ("Kant".into(), EntityKind::Person, 1),
            ("Kant".into(), EntityKind::Person, 1),
            ("Moscou".into(), EntityKind::Organization, 1),
        ]
    );
    // Adding "Kant" finds the whole word only: not "Kantien" nor "Kant-Ouest".
    let a = apply(
        TEXT,
        &[],
        &[c(
            "1",
            Change::Add {
                mention: sel("Kant"),
                kind: EntityKind::Place,
            },
        )],
    );
    let spans: Vec<&str> = a.entities[0]
        .mentions
        .iter()
        .map(|m| m.text(TEXT))
        .collect();
    assert_eq!(spans, ["Kant", "Kant"]);
    assert_eq!(
        a.entities[0].mentions[1].start,
        TEXT.find("Kant est").unwrap()
    );
}

#[test]
fn add_takes_the_same_spans_from_other_entities() {
    let a = apply(
        TEXT,
        &raw(),
        &[c(
            "1",
            Change::Add {
                mention: sel("Kant#1"),
                kind: EntityKind::Place,
            },
        )],
    );
    let kant: Vec<_> = a.entities.iter().filter(|e| e.name == "Kant").collect();
    assert_eq!(kant.len(), 1);
    assert_eq!(kant[0].kind, EntityKind::Place);
    assert_eq!(kant[0].mentions.len(), 2);
}

#[test]
fn corrections_follow_an_edited_article() {
    let corrections = [c(
        "1",
        Change::Relabel {
            entity: sel("Kant#1"),
            kind: EntityKind::Place,
        },
    )];
    let edited = format!("Un ajout en tête. {TEXT}");
    let shift = "Un ajout en tête. ".len();
    let moved: Vec<Entity> = raw()
        .into_iter()
        .map(|mut e| {
            for m in &mut e.mentions {
                *m = Mention::new(m.start + shift, m.end + shift);
            }
            e
        })
        .collect();
    let a = apply(&edited, &moved, &corrections);
    assert_eq!(
        a.entities.iter().find(|e| e.name == "Kant").unwrap().kind,
        EntityKind::Place
    );
    // The text is gone: kept, reported.
    let gone = TEXT.replace("Kant", "Talas");
    let a = apply(&gone, &[], &corrections);
    assert_eq!(a.unresolved, ["1"]);
}

#[test]
fn unknown_corrections_are_kept_and_reported() {
    let v: Vec<Entry> = serde_json::from_str(
        r#"[{"id": "z", "op": "teleport", "to": "Mars"},
            {"id": "c1", "op": "hide", "entity": {"position": {"start": 0, "end": 16},
             "quote": {"exact": "Vladimir Poutine"}}, "created": "t"}]"#,
    )
    .unwrap();
    assert!(matches!(v[0], Entry::Unknown(_)));
    assert!(matches!(v[1], Entry::Known(_)));
    let a = apply(TEXT, &raw(), &v);
    assert_eq!(a.unresolved, ["z"]);
    assert_eq!(a.hidden[0].name, "Vladimir Poutine");
    let back = serde_json::to_value(&v).unwrap();
    assert_eq!(back[0]["to"], "Mars");
    assert_eq!(back[1]["op"], "hide");
}

// ---- glose extract, with and without --raw ---------------------------------------

mod cli {
    use glose::notes::{Change, Notes, Selector};
    use glose::{Article, EntityKind};
    use serde_json::Value;
    use std::path::Path;
    use std::process::{Command, Output};

    const SEED: &str = "articles/poutine-kirghizstan.txt";

    fn glose(data: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_glose"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("GLOSE_DATA_DIR", data)
            .args(args)
            .output()
            .unwrap()
    }

    fn entities(o: &Output) -> Vec<Value> {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["entities"].as_array().unwrap().clone()
    }

    fn find<'a>(list: &'a [Value], text: &str) -> Option<&'a Value> {
        list.iter().find(|e| {
            e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["text"] == text)
        })
    }

    /// Bichkek relabelled an organization, Moscou hidden, written through the library.
    fn corrected_store() -> tempfile::TempDir {
        let dir = tempfile::TempDir::new().unwrap();
        let a = Article::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
        let (mut notes, _) = Notes::open_in(dir.path(), &a);
        let at = |s: &str| {
            let i = a.text.find(s).unwrap();
            Selector::of(&a.text, i..i + s.len())
        };
        notes.correct(
            &a.text,
            Change::Relabel {
                entity: at("Bichkek"),
                kind: EntityKind::Organization,
            },
        );
        notes.correct(
            &a.text,
            Change::Hide {
                entity: at("Moscou"),
            },
        );
        notes.flush(&a.text).unwrap();
        dir
    }

    #[test]
    fn extract_applies_the_corrections_and_raw_does_not() {
        let dir = corrected_store();
        let fixed = entities(&glose(dir.path(), &["extract", SEED, "--format", "json"]));
        let b = find(&fixed, "Bichkek").expect("Bichkek");
        assert_eq!(b["kind"], "organization");
        assert_eq!(b["corrected"], true);
        assert!(find(&fixed, "Moscou").is_none(), "hidden");
        for (i, e) in fixed.iter().enumerate() {
            assert_eq!(e["id"], format!("e{}", i + 1), "renumbered");
        }
        let firsts: Vec<u64> = fixed
            .iter()
            .map(|e| e["mentions"][0]["start"].as_u64().unwrap())
            .collect();
        assert!(
            firsts.windows(2).all(|w| w[0] <= w[1]),
            "first-mention order"
        );

        let raw = entities(&glose(
            dir.path(),
            &["extract", SEED, "--format", "json", "--raw"],
        ));
        assert_eq!(find(&raw, "Bichkek").unwrap()["kind"], "place");
        assert!(find(&raw, "Bichkek").unwrap().get("corrected").is_none());
        assert!(find(&raw, "Moscou").is_some());
        assert_eq!(raw.len(), fixed.len() + 1);

        // The text listing says which entities were corrected.
        let o = glose(dir.path(), &["extract", SEED]);
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(
            text.lines()
                .any(|l| l.contains("Bichkek") && l.ends_with("(corrected)")),
            "{text}"
        );
        // --explain shows what the reader did.
        let o = glose(dir.path(), &["extract", SEED, "--explain"]);
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(
            text.contains("corrected by the reader: kind set to organization (was place)"),
            "{text}"
        );
    }

    #[test]
    fn a_correction_on_text_that_is_gone_is_reported_on_stderr() {
        let dir = corrected_store();
        let copy = dir.path().join("edited.txt");
        let seed =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
        std::fs::write(&copy, &seed).unwrap();
        let a = Article::load(&copy).unwrap();
        let (mut notes, _) = Notes::open_in(dir.path(), &a);
        let i = a.text.find("Kant").unwrap();
        notes.correct(
            &a.text,
            Change::Hide {
                entity: Selector::of(&a.text, i..i + 4),
            },
        );
        notes.flush(&a.text).unwrap();
        std::fs::write(&copy, seed.replace("Kant", "Talas")).unwrap();
        let o = glose(
            dir.path(),
            &["extract", copy.to_str().unwrap(), "--format", "json"],
        );
        assert!(o.status.success());
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains("1 correction no longer applies"), "{err}");
    }
}

#[test]
fn two_readers_correcting_at_once_lose_nothing() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, TEXT).unwrap();
    let a = glose::Article::load(&path).unwrap();
    let (mut one, _) = glose::notes::Notes::open_in(dir.path(), &a);
    let (mut two, _) = glose::notes::Notes::open_in(dir.path(), &a);
    one.correct(
        &a.text,
        Change::Hide {
            entity: sel("Moscou"),
        },
    );
    one.flush(&a.text).unwrap();
    two.correct(
        &a.text,
        Change::Relabel {
            entity: sel("Bichkek"),
            kind: EntityKind::Organization,
        },
    );
    two.flush(&a.text).unwrap();
    assert_eq!(
        two.corrections().len(),
        2,
        "the other's correction is merged in"
    );
    let (fresh, _) = glose::notes::Notes::open_in(dir.path(), &a);
    let applied = apply(&a.text, &raw(), fresh.corrections());
    assert_eq!(applied.hidden[0].name, "Moscou");
    assert!(applied
        .entities
        .iter()
        .any(|e| e.name == "Bichkek" && e.kind == EntityKind::Organization));
    // Stored as documented in `glose::notes`.
    let json = std::fs::read_to_string(fresh.path().unwrap()).unwrap();
    assert!(json.contains("\"op\": \"hide\""), "{json}");
}
