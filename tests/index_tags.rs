//! `#tags` in notes: kept as Obsidian-style tags in the Markdown export and as
//! `tagging` bodies in the W3C export (the index's search by tag is in
//! tests/index.rs and tests/index_cli.rs).

use glose::export::{self, Format, Source};
use glose::notes::{
    ArticleRecord, Color, EntityKey, EntityNote, Highlight, Notes, NotesFile, Position, Quote,
};
use glose::{Article, EntityKind};
use serde_json::Value;

const TEXT: &str = "---\ntitle: La Seine avant les Jeux\ndate: 2024-07-17\n---\n\
La maire de Paris, Anne Hidalgo, s'est baignée dans la Seine mercredi matin.\n";

fn fixture() -> (Article, Notes) {
    let article = Article::from_text("/lib/seine.txt", TEXT.to_string());
    let exact = "s'est baignée dans la Seine";
    let start = TEXT.find(exact).unwrap();
    let file = NotesFile {
        schema: 1,
        article: ArticleRecord {
            path: "/lib/seine.txt".into(),
            hash: "sha256:0".into(),
        },
        highlights: vec![Highlight {
            id: "h1".into(),
            color: Color::Blue,
            position: Position {
                start,
                end: start + exact.len(),
            },
            quote: Quote::of(TEXT, start..start + exact.len()),
            note: "#Pollution à suivre, voir C# et page#top\n#JO2024".into(),
            created: "2024-07-17T10:00:00Z".into(),
            modified: "2024-07-17T10:00:00Z".into(),
        }],
        entity_notes: vec![EntityNote {
            entity: EntityKey {
                kind: EntityKind::Person,
                name: "Anne Hidalgo".into(),
            },
            note: "Maire depuis 2014 #politique #pollution".into(),
            created: "2024-07-17T10:01:00Z".into(),
            modified: "2024-07-17T10:01:00Z".into(),
        }],
        corrections: Vec::new(),
        other: Default::default(),
        kept: Default::default(),
    };
    let notes = Notes::from_file(&article, file);
    (article, notes)
}

fn render(format: Format) -> String {
    let (article, notes) = fixture();
    let src = Source {
        article: &article,
        notes: &notes,
        entities: &[],
    };
    String::from_utf8(export::render(format, &src).unwrap()).unwrap()
}

#[test]
fn markdown_keeps_tags_as_obsidian_tags() {
    let md = render(Format::Markdown);
    assert!(
        md.contains("- Tags: #Pollution #JO2024 #politique\n"),
        "{md}"
    );
    // In the note, as written: not escaped, not taken for a heading.
    assert!(
        md.contains("\n#Pollution à suivre, voir C# et page#top  \n#JO2024\n"),
        "{md}"
    );
    let parser = pulldown_cmark::Parser::new(&md);
    let headings: Vec<String> = {
        let mut in_heading = false;
        let mut out = Vec::new();
        for ev in parser {
            match ev {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { .. }) => {
                    in_heading = true;
                    out.push(String::new());
                }
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                    in_heading = false
                }
                pulldown_cmark::Event::Text(t) if in_heading => {
                    out.last_mut().unwrap().push_str(&t)
                }
                _ => {}
            }
        }
        out
    };
    assert!(
        !headings
            .iter()
            .any(|h| h.contains("Pollution") || h.contains("JO2024")),
        "{headings:?}"
    );
}

#[test]
fn w3c_gives_each_tag_a_tagging_body() {
    let v: Value = serde_json::from_str(&render(Format::W3c)).unwrap();
    let items = v["items"]
        .as_array()
        .or_else(|| v["first"]["items"].as_array());
    let items = items.expect("a collection of annotations");
    let tagging = |ann: &Value| -> Vec<String> {
        ann["body"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap().to_string())
            .collect()
    };
    let highlight = items
        .iter()
        .find(|a| a["motivation"] == "commenting" && a["id"].as_str().unwrap().contains("h1"))
        .expect("the highlight's annotation");
    assert_eq!(tagging(highlight), ["Pollution", "JO2024"]);
    let comment = &highlight["body"][0];
    assert_eq!(comment["purpose"], "commenting");
    assert_eq!(
        comment["value"],
        "#Pollution à suivre, voir C# et page#top\n#JO2024"
    );
    let entity = items
        .iter()
        .find(|a| a["id"].as_str().unwrap().contains("entity-note"))
        .expect("the entity note's annotation");
    assert_eq!(tagging(entity), ["Anne Hidalgo", "politique", "pollution"]);
}
