//! Properties over arbitrary text: offsets always index the file on char
//! boundaries, extraction and rendering never panic, exports keep every note.

use glose::export::{self, Format, Source};
use glose::notes::model::{
    ArticleRecord, Color, EntityKey, EntityNote, Highlight, NotesFile, Position, Quote,
};
use glose::notes::Notes;
use glose::text::is_unsafe;
use glose::tui::{ui, update, Action, App, Theme};
use glose::{extract, Article, EntityKind};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// Pieces of French news text, and of text that is not quite that.
fn piece() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "à",
        "au",
        "en",
        "et",
        "président",
        "ministre",
        "jeudi",
        "arrivé",
        "guerre",
        "invasion",
        "sommet",
        "ville",
        "Cour",
        "Banque",
        "Parti",
        "M.",
        "Mme",
        "Dr",
        "Vladimir",
        "Poutine",
        "Emmanuel",
        "Macron",
        "Paris",
        "Bichkek",
        "Kirghizstan",
        "Union",
        "européenne",
        "ONU",
        "OTAN",
        "CPI",
        "Nations",
        "unies",
        "Jean-Luc",
        "Saint-Étienne",
        "Élysée",
        "ÉTATS-UNIS",
        "l’Ukraine",
        "d'Israël",
        "qu’il",
        "aujourd'hui",
        "2023",
        "12",
        "3,5",
        "1er",
        "XXIe",
        "#",
        "##",
        "---",
        "title:",
        "*",
        "**",
        "_",
        "`",
        "[",
        "](",
        ")",
        "\\",
        "date",
        "AFP",
        "IMAGO/SNA",
    ];
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_string),
        3 => proptest::sample::select(&[" ", " ", " ", "  ", "\t", "\u{a0}"][..])
            .prop_map(str::to_string),
        2 => proptest::sample::select(
            &[".", ",", ";", ":", "!", "?", "«", "»", "\"", "(", ")", "—", "-", "’", "'", "…"][..]
        )
        .prop_map(str::to_string),
        2 => proptest::sample::select(&["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r"][..])
            .prop_map(str::to_string),
        1 => proptest::sample::select(
            &["👍🏽", "👨\u{200d}👩\u{200d}👧", "🇫🇷", "習近平", "שלום", "مرحبا", "\u{fe0f}", "\u{feff}"][..]
        )
        .prop_map(str::to_string),
        1 => proptest::sample::select(
            &["\u{301}", "\u{300}", "\u{327}", "e\u{301}", "\u{200d}", "\u{200b}", "\u{202e}", "\u{1b}[31m"][..]
        )
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..160).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn blocks_and_mentions_lie_on_char_boundaries_inside_the_file(text in news_text()) {
        let article = Article::from_text("p.txt", text.clone());
        prop_assert_eq!(&article.text, &text);
        for b in &article.blocks {
            prop_assert!(on_boundaries(&text, b.range.start, b.range.end), "block {:?}", b);
            for p in &b.pieces {
                prop_assert!(on_boundaries(&text, p.start, p.end), "piece {:?}", p);
                prop_assert!(b.range.start <= p.start && p.end <= b.range.end, "piece {:?} of {:?}", p, b);
            }
            let shown = b.display(&text);
            for (i, _) in shown.text.char_indices() {
                let f = shown.to_file(i);
                prop_assert!(f <= text.len() && text.is_char_boundary(f));
            }
        }
        let entities = extract(&article);
        for e in &entities {
            prop_assert!(!e.name.is_empty());
            prop_assert!(!e.name.chars().any(is_unsafe), "unsafe name {:?}", e.name);
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                prop_assert!(m.start < m.end, "empty mention {:?} of {}", m, e.name);
                prop_assert!(on_boundaries(&text, m.start, m.end), "{:?} of {}", m, e.name);
                prop_assert_eq!(m.text(&text), &text[m.start..m.end]);
            }
        }
        // The JSON the CLI prints says the same.
        let mut out = Vec::new();
        glose::cli::write_json(&mut out, &article, &entities, true).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        for e in doc["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                let (s, t) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                prop_assert!(on_boundaries(&text, s, t));
                prop_assert_eq!(&text[s..t], m["text"].as_str().unwrap());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn rendering_never_panics(
        text in news_text(),
        w in 1u16..=300,
        h in 1u16..=100,
        keys in proptest::collection::vec(proptest::sample::select(&[
            "j", "k", " ", "b", "G", "g", "]", "[", "n", "N", "\t", "f", "s", "1", "0", "/", "?",
        ][..]), 0..12),
    ) {
        let article = Article::from_text("p.txt", text);
        let entities = extract(&article);
        let mut app = App::with_article(article, entities, Theme::colored(), (w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| ui::render(&app, f)).unwrap();
        for k in keys {
            let code = match k {
                "\t" => crossterm::event::KeyCode::Tab,
                k => crossterm::event::KeyCode::Char(k.chars().next().unwrap()),
            };
            app.key(crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE));
            terminal.draw(|f| ui::render(&app, f)).unwrap();
        }
        // A resize to another size, smaller or larger.
        let (w2, h2) = (w / 2 + 1, h.saturating_mul(2).min(100));
        update(&mut app, Action::Resize(w2, h2));
        let mut terminal = Terminal::new(TestBackend::new(w2, h2)).unwrap();
        terminal.draw(|f| ui::render(&app, f)).unwrap();
        for cell in terminal.backend().buffer().content() {
            prop_assert!(!cell.symbol().chars().any(is_unsafe));
        }
    }
}

/// A notes file over `text`: highlights at char-boundary ranges picked by `cuts`,
/// with notes and colours, and entity notes.
fn notes_file(
    text: &str,
    cuts: &[(usize, usize, String, u8)],
    names: &[(u8, String, String)],
) -> NotesFile {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut doc = NotesFile::new(ArticleRecord {
        path: "p.txt".into(),
        hash: glose::notes::store::content_hash(text),
    });
    for (k, (a, b, note, color)) in cuts.iter().enumerate() {
        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let (start, end) = (a.min(b), a.max(b));
        if start == end {
            continue;
        }
        doc.highlights.push(Highlight {
            id: format!("h{k}"),
            color: Color::ALL[usize::from(*color) % 5],
            position: Position { start, end },
            quote: Quote::of(text, start..end),
            note: note.clone(),
            created: "2024-05-01T12:30:00Z".into(),
            modified: "2024-05-01T12:31:10Z".into(),
        });
    }
    for (kind, name, note) in names {
        let key = EntityKey {
            kind: EntityKind::ALL[usize::from(*kind) % 4],
            name: name.clone(),
        };
        if doc.entity_note(&key).is_some() {
            continue;
        }
        doc.entity_notes.push(EntityNote {
            entity: key,
            note: note.clone(),
            created: "2024-05-01T12:30:00Z".into(),
            modified: "2024-05-01T12:31:10Z".into(),
        });
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn export_of_any_store_round_trips(
        text in news_text().prop_filter("an article", |t| !t.trim().is_empty()),
        cuts in proptest::collection::vec((any::<usize>(), any::<usize>(), news_text(), any::<u8>()), 0..8),
        names in proptest::collection::vec((any::<u8>(), news_text(), news_text()), 0..4),
    ) {
        let article = Article::from_text("p.txt", text.clone());
        let entities = extract(&article);
        let doc = notes_file(&text, &cuts, &names);
        let notes = Notes::from_file(&article, doc.clone());
        let src = Source { article: &article, notes: &notes, entities: &entities };

        // JSON: every highlight and entity note comes back, with its place and text.
        let json: serde_json::Value =
            serde_json::from_slice(&export::render(Format::Json, &src).unwrap()).unwrap();
        let hs = json["highlights"].as_array().unwrap();
        prop_assert_eq!(hs.len(), doc.highlights.len());
        for h in &doc.highlights {
            let out = hs.iter().find(|o| o["id"] == h.id.as_str()).unwrap();
            prop_assert_eq!(out["color"].as_str().unwrap(), h.color.as_str());
            prop_assert_eq!(out["anchoring"].as_str().unwrap(), "exact");
            prop_assert_eq!(out["start"].as_u64().unwrap() as usize, h.position.start);
            prop_assert_eq!(out["end"].as_u64().unwrap() as usize, h.position.end);
            prop_assert_eq!(out["text"].as_str().unwrap(), &h.quote.exact);
            prop_assert_eq!(out["prefix"].as_str().unwrap(), &h.quote.prefix);
            prop_assert_eq!(out["suffix"].as_str().unwrap(), &h.quote.suffix);
            prop_assert_eq!(out["note"].as_str().unwrap_or(""), &h.note);
            let cs = out["char_start"].as_u64().unwrap() as usize;
            let ce = out["char_end"].as_u64().unwrap() as usize;
            let exact: String = text.chars().skip(cs).take(ce - cs).collect();
            prop_assert_eq!(&exact, &h.quote.exact);
        }
        let ns = json["entity_notes"].as_array().unwrap();
        prop_assert_eq!(ns.len(), doc.entity_notes.len());
        for (n, out) in doc.entity_notes.iter().zip(ns) {
            prop_assert_eq!(out["name"].as_str().unwrap(), &n.entity.name);
            prop_assert_eq!(out["kind"].as_str().unwrap(), n.entity.kind.as_str());
            prop_assert_eq!(out["note"].as_str().unwrap(), &n.note);
        }

        // W3C: one annotation per highlight, its quote exact.
        let w3c: serde_json::Value =
            serde_json::from_slice(&export::render(Format::W3c, &src).unwrap()).unwrap();
        let text_of_w3c = w3c.to_string();
        for h in &doc.highlights {
            let exact = serde_json::to_string(&h.quote.exact).unwrap();
            prop_assert!(text_of_w3c.contains(&exact), "W3C lacks {}", exact);
        }

        // Markdown: printable anywhere.
        let md = String::from_utf8(export::render(Format::Markdown, &src).unwrap()).unwrap();
        prop_assert!(!md.chars().any(|c| is_unsafe(c) || c == '\r'), "unsafe Markdown {:?}", md);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// One character out for each character in, nothing a terminal could act on,
    /// and sanitizing twice changes nothing more.
    #[test]
    fn sanitize_maps_char_for_char_to_safe_text(s in ".*", t in news_text()) {
        for s in [s, t] {
            let out = glose::text::sanitize(&s);
            prop_assert_eq!(out.chars().count(), s.chars().count());
            prop_assert!(!out.chars().any(|c| is_unsafe(c) || c == '\t'));
            prop_assert_eq!(glose::text::sanitize(&out), out.clone());
            for (a, b) in s.chars().zip(out.chars()) {
                prop_assert!(a == b || is_unsafe(a) || a == '\t', "{:?} became {:?}", a, b);
            }
        }
    }
}
