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
