//! The library index: identity across articles, corrections applied, full-text
//! search over articles and notes, tags, incremental re-indexing, rebuilding.
//! Articles are the small library in tests/fixtures/library (written for these
//! tests) or built by hand.

use glose::index::{article_files, index_paths, Index, Summary};
use glose::notes::{Change, Color, Notes, Selector};
use glose::{Article, Document, Entity, EntityKind, Mention, NotesStore};
use std::path::{Path, PathBuf};

#[path = "support/library.rs"]
mod library_fixture;
use library_fixture::{library, Lib};

impl Lib {
    fn index(&self) -> (Index, Summary) {
        let mut index = Index::open_in(&self.data).unwrap();
        let files = article_files(&self.root).unwrap();
        let store = NotesStore::in_dir(&self.data).read_only();
        let summary = index_paths(&mut index, &files, 2, false, &store, &mut |_| {}).unwrap();
        (index, summary)
    }

    fn path(&self, rel: &str) -> String {
        self.root.join(rel).to_string_lossy().into_owned()
    }

    /// Opens an article's notes in the data directory, changes them and saves.
    fn with_notes(&self, rel: &str, change: impl FnOnce(&str, &mut Notes, &Document)) {
        let store = NotesStore::in_dir(&self.data);
        let (doc, _) = Document::open(Path::new(&self.path(rel)), &store).unwrap();
        let (mut notes, _) = Notes::open_in(&self.data, &doc.article);
        let text = doc.article.text.clone();
        change(&text, &mut notes, &doc);
        notes.flush(&text).unwrap();
    }
}

fn file_name(p: &str) -> &str {
    p.rsplit('/').next().unwrap()
}

// ---- identity, with entities built by hand -----------------------------------------

fn doc(path: &str, date: &str, text: &str, entities: &[(EntityKind, &str, &[&str])]) -> Document {
    let mut article = Article::from_text(path, text.to_string());
    article.date = Some(date.to_string());
    article.title = format!("About {path}");
    let raw = entities
        .iter()
        .enumerate()
        .map(|(i, (kind, name, forms))| {
            let mut mentions: Vec<Mention> = Vec::new();
            for f in *forms {
                for (at, _) in text.match_indices(f) {
                    let m = Mention::new(at, at + f.len());
                    if !mentions.iter().any(|o| o.overlaps(&m)) {
                        mentions.push(m);
                    }
                }
            }
            mentions.sort();
            Entity {
                id: format!("e{}", i + 1),
                kind: *kind,
                name: name.to_string(),
                mentions,
                evidence: Vec::new(),
            }
        })
        .collect();
    Document::new(article, raw, None)
}

fn hand_made_index(dir: &Path) -> Index {
    use EntityKind::*;
    let mut index = Index::open_in(dir).unwrap();
    let docs = [
        doc(
            "/lib/a.txt",
            "2024-01-10",
            "Vladimir Poutine est venu. Poutine a parlé. POUTINE encore. Donald Trump aussi.",
            &[
                (
                    Person,
                    "Vladimir Poutine",
                    &["Vladimir Poutine", "Poutine", "POUTINE"],
                ),
                (Person, "Donald Trump", &["Donald Trump"]),
            ],
        ),
        doc(
            "/lib/b.txt",
            "2024-02-10",
            "Poutine a répondu. Trump a ri.",
            &[
                (Person, "Poutine", &["Poutine"]),
                (Person, "Trump", &["Trump"]),
            ],
        ),
        doc(
            "/lib/c.txt",
            "2024-02-20",
            "Vladimir Poutine, Vladimir Poutine. Melania Trump et Trump.",
            &[
                (Person, "Vladimir Poutine", &["Vladimir Poutine"]),
                (Person, "Melania Trump", &["Melania Trump", "Trump"]),
            ],
        ),
        doc(
            "/lib/d.txt",
            "2024-03-01",
            "Donald Trump. Trump. Trump. Le restaurant Poutine.",
            &[
                (Person, "Donald Trump", &["Donald Trump", "Trump"]),
                (Organization, "Poutine", &["Poutine"]),
            ],
        ),
    ];
    for d in &docs {
        index.index_document(d).unwrap();
    }
    index
}

fn where_names(
    index: &Index,
    name: &str,
    kind: Option<EntityKind>,
) -> Vec<(String, String, usize)> {
    index
        .where_(name, kind)
        .unwrap()
        .into_iter()
        .map(|h| (file_name(&h.path).to_string(), h.entity, h.mentions))
        .collect()
}

fn owned(v: &[(&str, &str, usize)]) -> Vec<(String, String, usize)> {
    v.iter()
        .map(|(a, b, n)| (a.to_string(), b.to_string(), *n))
        .collect()
}

#[test]
fn a_name_finds_every_article_under_any_form_most_mentions_first() {
    let tmp = tempfile::tempdir().unwrap();
    let index = hand_made_index(tmp.path());
    // "poutine" is a form in a, the name in b and d (an organization there), and
    // a's full name brings c.
    assert_eq!(
        where_names(&index, "poutine", None),
        owned(&[
            ("a.txt", "Vladimir Poutine", 3),
            ("c.txt", "Vladimir Poutine", 2),
            ("d.txt", "Poutine", 1),
            ("b.txt", "Poutine", 1),
        ])
    );
    assert_eq!(
        where_names(&index, "Poutine", Some(EntityKind::Person)).len(),
        3
    );
}

#[test]
fn a_lone_surname_joins_a_full_name_only_within_its_article() {
    let tmp = tempfile::tempdir().unwrap();
    let index = hand_made_index(tmp.path());
    // b's lone "Poutine" is not Vladimir Poutine; neither is "Trump" Donald.
    assert_eq!(
        where_names(&index, "VLADIMIR poutine", None),
        owned(&[
            ("a.txt", "Vladimir Poutine", 3),
            ("c.txt", "Vladimir Poutine", 2)
        ])
    );
    assert_eq!(
        where_names(&index, "Donald Trump", None),
        owned(&[("d.txt", "Donald Trump", 3), ("a.txt", "Donald Trump", 1)])
    );
    // Library-wide, Donald and Melania Trump stay apart and the lone names too.
    let all = index.entities(Some(EntityKind::Person)).unwrap();
    let listed: Vec<(&str, usize)> = all.iter().map(|e| (e.name.as_str(), e.articles)).collect();
    assert_eq!(
        listed,
        [
            ("Vladimir Poutine", 2),
            ("Donald Trump", 2),
            ("Melania Trump", 1),
            ("Poutine", 1),
            ("Trump", 1),
        ]
    );
    let putin = &all[0];
    assert_eq!(putin.mentions, 5);
    assert_eq!(
        putin.months,
        [("2024-01".to_string(), 1), ("2024-02".to_string(), 1)]
    );
}

#[test]
fn also_in_lists_the_other_articles_of_an_entity() {
    let tmp = tempfile::tempdir().unwrap();
    let index = hand_made_index(tmp.path());
    let also = index
        .also_in("/lib/a.txt", EntityKind::Person, "Vladimir Poutine")
        .unwrap();
    let files: Vec<&str> = also.iter().map(|h| file_name(&h.path)).collect();
    assert_eq!(files, ["c.txt"]);
    assert_eq!(also[0].first_offset, 0);
    let also = index
        .also_in("/lib/b.txt", EntityKind::Person, "Poutine")
        .unwrap();
    assert!(also.is_empty(), "{also:?}");
}

#[test]
fn indexing_an_unchanged_document_again_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut index = hand_made_index(tmp.path());
    let d = doc(
        "/lib/b.txt",
        "2024-02-10",
        "Poutine a répondu. Trump a ri.",
        &[],
    );
    // Same text: kept as it was indexed (its entities too).
    index.index_document(&d).unwrap();
    assert_eq!(where_names(&index, "Trump", None).len(), 4);
    let d = doc("/lib/b.txt", "2024-02-10", "Poutine n'a pas répondu.", &[]);
    index.index_document(&d).unwrap();
    assert_eq!(where_names(&index, "Trump", None).len(), 3);
    assert_eq!(index.article_count().unwrap(), 4);
}

#[test]
fn an_article_that_bridges_two_names_joins_them_and_removing_it_splits_them_again() {
    use EntityKind::*;
    let tmp = tempfile::tempdir().unwrap();
    let mut index = Index::open_in(tmp.path()).unwrap();
    let onu = doc(
        "/lib/onu.txt",
        "2024-01-01",
        "L'ONU a voté.",
        &[(Organization, "ONU", &["ONU"])],
    );
    let nu = doc(
        "/lib/nu.txt",
        "2024-02-01",
        "Les Nations unies ont voté.",
        &[(Organization, "Nations unies", &["Nations unies"])],
    );
    let both = doc(
        "/lib/both.txt",
        "2024-03-01",
        "Les Nations unies (ONU) ont voté.",
        &[(Organization, "Nations unies", &["Nations unies", "ONU"])],
    );
    for d in [&onu, &nu] {
        index.index_document(d).unwrap();
    }
    assert_eq!(where_names(&index, "ONU", None).len(), 1);
    index.index_document(&both).unwrap();
    // The acronym and the full name are one organization now, in three articles.
    assert_eq!(where_names(&index, "ONU", None).len(), 3);
    assert_eq!(where_names(&index, "nations unies", None).len(), 3);
    let all = index.entities(None).unwrap();
    assert_eq!((all.len(), all[0].articles), (1, 3), "{all:?}");
    let also = index.also_in("/lib/onu.txt", Organization, "ONU").unwrap();
    assert_eq!(also.len(), 2);
    // The bridge goes: two organizations again.
    index.remove(&["/lib/both.txt".to_string()]).unwrap();
    assert_eq!(
        where_names(&index, "ONU", None),
        owned(&[("onu.txt", "ONU", 1)])
    );
    assert_eq!(index.entities(None).unwrap().len(), 2);
    // And it comes back through re-indexing an edited article.
    index.index_document(&both).unwrap();
    assert_eq!(where_names(&index, "ONU", None).len(), 3);
    // Edited again without the acronym: apart again, in one write.
    let edited = doc(
        "/lib/both.txt",
        "2024-03-01",
        "Les Nations unies ont voté.",
        &[(Organization, "Nations unies", &["Nations unies"])],
    );
    index.index_document(&edited).unwrap();
    assert_eq!(where_names(&index, "ONU", None).len(), 1);
    assert_eq!(where_names(&index, "Nations unies", None).len(), 2);
    assert_eq!(index.entities(None).unwrap().len(), 2);
}

// ---- the fixture library through Document::open -------------------------------------

#[test]
fn the_library_is_indexed_with_its_dates_and_entities() {
    let lib = library();
    let (index, summary) = lib.index();
    assert_eq!(summary.indexed, 6, "{summary:?}");
    assert!(summary.errors.is_empty(), "{summary:?}");
    let hits = index.where_("scholz", None).unwrap();
    let got: Vec<(&str, &str, Option<&str>, &str)> = hits
        .iter()
        .map(|h| {
            (
                file_name(&h.path),
                h.title.as_str(),
                h.date.as_deref(),
                h.entity.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "scholz-budget.txt",
                "À Berlin, le budget d'Olaf Scholz sous le feu des critiques",
                Some("2024-05-03"),
                "Olaf Scholz"
            ),
            (
                "macron-berlin.txt",
                "Emmanuel Macron à Berlin pour relancer le couple franco-allemand",
                Some("2024-03-12"),
                "Olaf Scholz"
            ),
        ]
    );
    // Both languages, one entity: the French and the English article.
    let macron: Vec<String> = index
        .where_("Emmanuel Macron", Some(EntityKind::Person))
        .unwrap()
        .iter()
        .map(|h| file_name(&h.path).to_string())
        .collect();
    assert_eq!(macron, ["macron-berlin.txt", "paris-olympics.txt"]);
    // The first offset is the article file's own.
    let text = std::fs::read_to_string(lib.path("fr/macron-berlin.txt")).unwrap();
    let first = hits
        .iter()
        .find(|h| h.path.ends_with("macron-berlin.txt"))
        .unwrap();
    assert!(text[first.first_offset..].starts_with("Olaf Scholz"));
}

#[test]
fn corrections_made_in_the_reader_are_what_the_index_holds() {
    let lib = library();
    let (index, _) = lib.index();
    drop(index);
    // Whatever the extractor made of "Mayor Anne Hidalgo", the reader makes it
    // the person Anne Hidalgo (and when it was right already, there is nothing to
    // correct and nothing to index again).
    let corrected = std::cell::Cell::new(false);
    lib.with_notes("en/paris-olympics.txt", |text, notes, doc| {
        let e = doc
            .entities
            .iter()
            .find(|e| e.name.contains("Hidalgo"))
            .expect("the extractor finds something of Anne Hidalgo");
        let m = e.mentions[0];
        let sel = Selector::of(text, m.start..m.end);
        if e.kind != EntityKind::Person {
            corrected.set(true);
            notes.correct(
                text,
                Change::Relabel {
                    entity: sel.clone(),
                    kind: EntityKind::Person,
                },
            );
        }
        if e.name != "Anne Hidalgo" {
            corrected.set(true);
            notes.correct(
                text,
                Change::Rename {
                    entity: sel,
                    name: "Anne Hidalgo".into(),
                },
            );
        }
    });
    let (index, summary) = lib.index();
    let again = usize::from(corrected.get());
    assert_eq!(
        (summary.indexed, summary.unchanged),
        (again, 6 - again),
        "{summary:?}"
    );
    let files: Vec<String> = index
        .where_("anne hidalgo", Some(EntityKind::Person))
        .unwrap()
        .iter()
        .map(|h| file_name(&h.path).to_string())
        .collect();
    assert_eq!(files, ["hidalgo-seine.txt", "paris-olympics.txt"]);
}

#[test]
fn search_folds_accents_and_case_and_marks_the_match() {
    let lib = library();
    let (index, _) = lib.index();
    let hits = index.search("CHANCELIERE* budget", 0).unwrap();
    assert!(hits.is_empty(), "{hits:?}");
    let hits = index.search("chancelier budget", 0).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(file_name(&hits[0].path), "scholz-budget.txt");
    assert_eq!(hits[0].kind, "article");
    let hits = index.search("elysee", 0).unwrap();
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(h.marks.len(), 1);
    assert_eq!(&h.snippet[h.marks[0].clone()], "Élysée");
    assert!(h.marked("[", "]").contains("l'[Élysée], Macron"), "{h:?}");
    // English too, and a phrase.
    let hits = index.search("\"interest rate\"", 0).unwrap();
    assert_eq!(file_name(&hits[0].path), "lagarde-rates.txt");
    assert!(index.search("\"rate interest\"", 0).unwrap().is_empty());
    // FTS5 syntax in a query is text, never an error.
    assert!(index.search("AND OR NOT ( ) ^ : \"", 0).is_ok());
}

#[test]
fn notes_and_their_tags_are_searched() {
    let lib = library();
    lib.with_notes("fr/hidalgo-seine.txt", |text, notes, _| {
        let at = text.find("qualité de l'eau").unwrap();
        let id = notes.add_highlight(text, at..at + "qualité de l'eau".len(), Color::Blue);
        notes.set_note(
            text,
            &id,
            "Mesures bactériologiques à vérifier #Pollution #JO2024",
        );
    });
    lib.with_notes("fr/scholz-budget.txt", |text, notes, _| {
        let at = text.find("chemins de fer").unwrap();
        let id = notes.add_highlight(text, at..at + "chemins de fer".len(), Color::Yellow);
        notes.set_note(text, &id, "Comparer avec la SNCF. #ferroviaire");
    });
    let (index, _) = lib.index();
    let hits = index.search("bacteriologiques", 0).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, "note");
    assert_eq!(hits[0].title, "Anne Hidalgo s'est baignée dans la Seine");
    let text = std::fs::read_to_string(lib.path("fr/hidalgo-seine.txt")).unwrap();
    assert!(text[hits[0].offset..].starts_with("qualité de l'eau"));

    let hits = index.search("#pollution", 0).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0].marked("[", "]"),
        "Mesures bactériologiques à vérifier [#Pollution] #JO2024"
    );
    assert!(index.search("#eau", 0).unwrap().is_empty());
    // A tag and a word: both must hold.
    assert_eq!(index.search("#ferroviaire sncf", 0).unwrap().len(), 1);
    assert!(index.search("#ferroviaire seine", 0).unwrap().is_empty());
    // `#tag*`: the tags beginning so (the reader's search while typing).
    let hits = index.search("#pollu*", 0).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].marked("[", "]").contains("[#Pollution]"));
    assert!(index.search("#pollux*", 0).unwrap().is_empty());
}

#[test]
fn only_what_changed_is_indexed_again_and_deleted_files_are_forgotten() {
    let lib = library();
    let (index, first) = lib.index();
    assert_eq!((first.indexed, first.unchanged), (6, 0));
    drop(index);
    let (index, again) = lib.index();
    assert_eq!((again.indexed, again.unchanged), (0, 6));
    drop(index);
    let p = lib.path("fr/marseille-visite.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("lundi", "dimanche")).unwrap();
    std::fs::remove_file(lib.path("en/lagarde-rates.txt")).unwrap();
    let (mut index, changed) = lib.index();
    assert_eq!((changed.indexed, changed.unchanged), (1, 4));
    let present: Vec<String> = article_files(&lib.root)
        .unwrap()
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(index.prune(&lib.root, &present).unwrap(), 1);
    assert_eq!(index.article_count().unwrap(), 5);
    assert!(index.where_("Christine Lagarde", None).unwrap().is_empty());
    assert_eq!(index.search("dimanche", 0).unwrap().len(), 1);
}

#[test]
fn the_index_is_a_cache_deleting_it_loses_no_note_and_rebuilding_gives_the_same_answers() {
    let lib = library();
    lib.with_notes("fr/macron-berlin.txt", |text, notes, _| {
        let at = text.find("premier soutien").unwrap();
        let id = notes.add_highlight(text, at..at + 15, Color::Green);
        notes.set_note(text, &id, "À recouper #Ukraine");
    });
    let (index, _) = lib.index();
    let before = (
        index.where_("Olaf Scholz", None).unwrap(),
        index.search("#ukraine", 0).unwrap(),
        index.entities(None).unwrap(),
    );
    let db = index.path().to_path_buf();
    drop(index);
    let notes_before: Vec<PathBuf> = walk(&lib.data);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let (index, summary) = lib.index();
    assert_eq!(summary.indexed, 6);
    let after = (
        index.where_("Olaf Scholz", None).unwrap(),
        index.search("#ukraine", 0).unwrap(),
        index.entities(None).unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(before.1.len(), 1);
    let notes_after: Vec<PathBuf> = walk(&lib.data);
    let notes = |v: &[PathBuf]| -> Vec<PathBuf> {
        v.iter()
            .filter(|p| !p.to_string_lossy().contains("index.db"))
            .cloned()
            .collect()
    };
    assert_eq!(notes(&notes_before), notes(&notes_after));
    assert!(!notes(&notes_after).is_empty());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out.sort();
    out
}

#[test]
fn a_later_index_is_refused_with_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    rusqlite_free_bump(tmp.path());
    let err = Index::open_in(tmp.path()).unwrap_err().to_string();
    assert!(err.contains("later glose") && !err.contains('\n'), "{err}");
}

/// Writes an index file with a schema version from the future, through the
/// SQLite file header (user_version is a big-endian u32 at byte 60).
fn rusqlite_free_bump(dir: &Path) {
    let index = Index::open_in(dir).unwrap();
    let path = index.path().to_path_buf();
    drop(index);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&path, bytes).unwrap();
}
