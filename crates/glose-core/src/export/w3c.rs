//! W3C Web Annotations (<https://www.w3.org/TR/annotation-model/>): one
//! `AnnotationCollection` in JSON-LD whose first page holds one `Annotation` per
//! highlight (target: the article file with a `TextQuoteSelector` and a
//! `TextPositionSelector` in code points; the note as a `TextualBody`; the colour
//! as a CSS style class), then one per entity note (target: the entity's first
//! mention; bodies: the note and the entity's name as a tag). An orphaned
//! highlight has only its quote selector: its position in the current text is
//! unknown.

use super::{char_range, Exporter, Source};
use crate::notes::store::canonical;
use crate::notes::{Color, Quote};
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::path::Path;

pub struct W3c;

/// `file://` IRI of a path, percent-encoding what an IRI path cannot hold.
pub fn file_iri(path: &Path) -> String {
    let mut out = String::from("file://");
    let s = path.to_string_lossy();
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `#tags` of a note as W3C `tagging` bodies (the name, without the `#`).
fn tagging(note: &str) -> Vec<Value> {
    crate::text::tags::tag_names(note)
        .into_iter()
        .map(|t| json!({ "type": "TextualBody", "value": t, "purpose": "tagging" }))
        .collect()
}

fn quote_selector(q: &Quote) -> Value {
    let mut sel = Map::new();
    sel.insert("type".into(), json!("TextQuoteSelector"));
    sel.insert("exact".into(), json!(q.exact));
    if !q.prefix.is_empty() {
        sel.insert("prefix".into(), json!(q.prefix));
    }
    if !q.suffix.is_empty() {
        sel.insert("suffix".into(), json!(q.suffix));
    }
    Value::Object(sel)
}

fn stylesheet() -> Value {
    let css: Vec<String> = Color::ALL
        .iter()
        .map(|c| format!(".{} {{ background-color: {}; }}", c.as_str(), c.css()))
        .collect();
    json!({ "type": "CssStylesheet", "value": css.join(" ") })
}

impl Exporter for W3c {
    fn write(&self, src: &Source, out: &mut dyn Write) -> io::Result<()> {
        let a = src.article;
        let text = a.text.as_str();
        let source = file_iri(&canonical(Path::new(&a.path)));
        let collection = format!("{source}#glose-notes");
        let mut items: Vec<Value> = Vec::new();
        for item in src.items() {
            let h = item.highlight;
            let (selectors, class) = match &item.placed.range {
                Some(r) => {
                    let chars = char_range(text, r);
                    (
                        vec![
                            quote_selector(&Quote::of(text, r.clone())),
                            json!({
                                "type": "TextPositionSelector",
                                "start": chars.start,
                                "end": chars.end,
                            }),
                        ],
                        h.color.as_str(),
                    )
                }
                None => (vec![quote_selector(&h.quote)], h.color.as_str()),
            };
            let mut ann = Map::new();
            ann.insert(
                "id".into(),
                json!(format!("urn:glose:annotation:{}", encode(&h.id))),
            );
            ann.insert("type".into(), json!("Annotation"));
            let commenting = !h.note.trim().is_empty();
            ann.insert(
                "motivation".into(),
                json!(if commenting {
                    "commenting"
                } else {
                    "highlighting"
                }),
            );
            ann.insert("created".into(), json!(h.created));
            ann.insert("modified".into(), json!(h.modified));
            if commenting {
                let comment = json!({
                    "type": "TextualBody",
                    "value": h.note,
                    "format": "text/plain",
                    "purpose": "commenting",
                });
                let tags = tagging(&h.note);
                // One body as before; with `#tags`, the comment and a tagging body each.
                let body = if tags.is_empty() {
                    comment
                } else {
                    Value::Array(std::iter::once(comment).chain(tags).collect())
                };
                ann.insert("body".into(), body);
            }
            ann.insert(
                "target".into(),
                json!({
                    "source": source,
                    "styleClass": class,
                    "selector": selectors,
                }),
            );
            ann.insert("stylesheet".into(), stylesheet());
            items.push(Value::Object(ann));
        }
        for n in src.notes.entity_notes() {
            let mut target = Map::new();
            target.insert("source".into(), json!(source));
            if let Some(m) = src.entity(&n.entity).and_then(|e| e.mentions.first()) {
                let r = m.start..m.end;
                let chars = char_range(text, &r);
                target.insert(
                    "selector".into(),
                    json!([
                        quote_selector(&Quote::of(text, r)),
                        { "type": "TextPositionSelector", "start": chars.start, "end": chars.end },
                    ]),
                );
            }
            let mut body = vec![
                json!({
                    "type": "TextualBody",
                    "value": n.note,
                    "format": "text/plain",
                    "purpose": "commenting",
                }),
                json!({ "type": "TextualBody", "value": n.entity.name, "purpose": "tagging" }),
            ];
            body.extend(tagging(&n.note));
            items.push(json!({
                "id": format!(
                    "urn:glose:entity-note:{}:{}",
                    n.entity.kind.as_str(),
                    encode(&n.entity.name)
                ),
                "type": "Annotation",
                "motivation": "commenting",
                "created": n.created,
                "modified": n.modified,
                "body": body,
                "target": Value::Object(target),
            }));
        }
        // The reader's corrections: each corrected entity is one classifying annotation
        // whose targets are all its mentions, so annotation tools see the fixed kinds,
        // names and groupings too.
        for e in src
            .entities
            .iter()
            .filter(|e| crate::notes::is_corrected(e))
        {
            let targets: Vec<Value> = e
                .mentions
                .iter()
                .map(|m| {
                    let r = m.start..m.end;
                    let chars = char_range(text, &r);
                    json!({
                        "source": source,
                        "selector": [
                            quote_selector(&Quote::of(text, r)),
                            { "type": "TextPositionSelector", "start": chars.start, "end": chars.end },
                        ],
                    })
                })
                .collect();
            items.push(json!({
                "id": format!("urn:glose:entity:{}:{}", e.kind.as_str(), encode(&e.name)),
                "type": "Annotation",
                "motivation": "classifying",
                "body": [
                    { "type": "TextualBody", "value": e.kind.as_str(), "purpose": "classifying" },
                    { "type": "TextualBody", "value": e.name, "purpose": "identifying" },
                ],
                "target": targets,
            }));
        }
        let doc = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": collection,
            "type": "AnnotationCollection",
            "label": format!("glose notes: {}", a.title),
            "total": items.len(),
            "first": {
                "id": format!("{collection}-page1"),
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": items,
            },
        });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
        writeln!(out)
    }
}
