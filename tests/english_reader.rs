//! Issue 16, item 5: the reader, `extract --format json` and the exports work
//! unchanged on an English article. The article is invented for this test (no
//! evaluation text): a town council, its mayor, a party and a court.
mod common;

use common::*;
use crossterm::event::KeyCode;
use glose::tui::Theme;
use glose::{Article, EntityKind, Language};
use serde_json::Value;
use std::path::{Path, PathBuf};

const HARBOR: &str = "---
title: Harbor vote splits Maple Bay council
---

Maple Bay council voted on Tuesday to sell the old harbor to a shipping firm, ending a \
dispute that had divided the town for two years.

Mayor Helen Carver said the sale would pay for a new school. \"We cannot keep a harbor \
that nobody uses,\" Carver told reporters in Maple Bay.

The Green Party, which opposed the deal, said it would ask the Supreme Court of Canada to \
review the vote. Its leader, Daniel Osei, called the sale a mistake.

The firm, based in Halifax, plans to move its ferries to the harbor next spring.
";

fn harbor_file(dir: &Path) -> PathBuf {
    let p = dir.join("harbor.txt");
    std::fs::write(&p, HARBOR).unwrap();
    p
}

/// The reader on the English article, with the real parser and extractor: the
/// sidebar lists its people, places and organizations, a highlight's kind label
/// sits right after the English name, and `n` walks the mayor's mentions.
#[test]
fn english_article_in_the_reader() {
    let dir = tempfile::TempDir::new().unwrap();
    let a = Article::load(&harbor_file(dir.path())).unwrap();
    assert_eq!(a.language, Language::En);
    let entities = glose::extract(&a);
    let kind_of = |name: &str| entities.iter().find(|e| e.name == name).map(|e| e.kind);
    assert_eq!(kind_of("Helen Carver"), Some(EntityKind::Person));
    assert_eq!(kind_of("Maple Bay"), Some(EntityKind::Place));
    assert_eq!(kind_of("Green Party"), Some(EntityKind::Organization));
    assert_eq!(kind_of("Halifax"), Some(EntityKind::Place));

    let mut app = app_with(a, entities, Theme::colored(), 80, 24);
    let s = screen(&app);
    for name in ["Helen Carver", "Maple Bay", "Green Party", "Halifax"] {
        assert!(s.contains(name), "{name} not on screen:\n{s}");
    }
    assert!(s.contains("People"), "{s}");

    keys(&mut app, "L");
    let s = screen(&app);
    assert!(s.contains("Helen Carver [per]"), "{s}");
    assert!(s.contains("Green Party [org]"), "{s}");
    keys(&mut app, "L");

    // "Helen Carver" then "Carver": one entity, two mentions, walked with n.
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "g");
    for _ in 0..20 {
        if selected_name(&app) == "Helen Carver" {
            break;
        }
        keys(&mut app, "j");
    }
    assert_eq!(selected_name(&app), "Helen Carver");
    press(&mut app, KeyCode::Tab);
    let current = |app: &glose::tui::App| {
        let r = reader(app);
        r.current.map(|i| {
            let m = &r.mentions[i];
            r.doc.article.text[m.start..m.end].to_string()
        })
    };
    keys(&mut app, "n");
    assert_eq!(current(&app).as_deref(), Some("Helen Carver"));
    keys(&mut app, "n");
    assert_eq!(current(&app).as_deref(), Some("Carver"));
}

/// `extract --format json` on English: the language is said, every mention's
/// offsets are UTF-8 byte offsets of its text, and kinds are the four known ones.
#[test]
fn english_extract_json_contract() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = harbor_file(dir.path());
    let o = glose_cli(
        dir.path(),
        &["extract", "--format", "json", path.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["language"], "en");
    assert_eq!(
        v["article"]["title"],
        "Harbor vote splits Maple Bay council"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let entities = v["entities"].as_array().unwrap();
    assert!(entities.len() >= 5, "{v}");
    for e in entities {
        let kind = e["kind"].as_str().unwrap();
        assert!(
            ["person", "place", "organization", "event"].contains(&kind),
            "{kind}"
        );
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..t], m["text"].as_str().unwrap());
        }
    }
    let carver = entities
        .iter()
        .find(|e| e["name"] == "Helen Carver")
        .unwrap();
    assert_eq!(carver["kind"], "person");
    let forms: Vec<&str> = carver["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(forms, ["Helen Carver", "Carver"]);
}

/// `export` on an English article with no notes yet: the Markdown index lists its
/// entities by kind, nothing is written, no control character gets out.
#[test]
fn english_export_lists_the_entities() {
    let dir = tempfile::TempDir::new().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let path = harbor_file(dir.path());
    let o = glose_cli(&data, &["export", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Harbor vote splits Maple Bay council"),
        "{out}"
    );
    assert!(out.contains("## Index"), "{out}");
    for name in ["Helen Carver", "Maple Bay", "Green Party"] {
        assert!(out.contains(name), "{name} missing:\n{out}");
    }
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 0);
}
