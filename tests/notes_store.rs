//! The notes store: round trips, re-anchoring after the article changed, crashes,
//! damaged files, two writers, moved articles. Every test has its own data dir.

use glose::export::{self, Format, Source};
use glose::notes::store::{self, Store};
use glose::notes::{Anchoring, Color, EntityKey, Notes, NotesFile, SCHEMA_VERSION};
use glose::{Article, EntityKind};
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const TEXT: &str = "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens \
militaires. Le président russe ne risque pas d'être arrêté lors de ce voyage.\n\n\
Arrivé au petit matin à Bichkek, M. Poutine s'est entretenu avec son homologue Sadyr \
Japarov. «Nos relations se développent avec grand succès», s'est-il félicité.\n";

struct Env {
    _dir: TempDir,
    data: PathBuf,
    article: PathBuf,
}

fn env(text: &str) -> Env {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let article = dir.path().join("poutine.txt");
    fs::write(&article, text).unwrap();
    Env {
        _dir: dir,
        data,
        article,
    }
}

fn load(path: &Path) -> Article {
    Article::load(path).unwrap()
}

fn open(e: &Env) -> (Article, Notes, Vec<String>) {
    let a = load(&e.article);
    let (notes, messages) = Notes::open_in(&e.data, &a);
    (a, notes, messages)
}

fn range_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let s = text.find(needle).unwrap();
    s..s + needle.len()
}

/// One notes file in the data dir.
/// The article opened, one highlight on `SENTENCE` saved, the notes closed: the
/// highlight's id and the notes file.
fn one_saved_highlight(e: &Env) -> (String, PathBuf) {
    let (a, mut notes, _) = open(e);
    let id = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.flush(&a.text).unwrap();
    drop(notes);
    (id, notes_file(e))
}

fn notes_file(e: &Env) -> PathBuf {
    let dir = e.data.join("notes");
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|x| x.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

const SENTENCE: &str = "Le président russe ne risque pas d'être arrêté lors de ce voyage.";

#[test]
fn round_trip() {
    let e = env(TEXT);
    let (a, mut notes, messages) = open(&e);
    assert!(messages.is_empty(), "{messages:?}");
    assert!(notes.is_empty());
    let id = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Blue);
    assert!(notes.set_note(&a.text, &id, "Très important : à vérifier.\nÇa 👍🏽"));
    let key = EntityKey {
        kind: EntityKind::Person,
        name: "Sadyr Japarov".into(),
    };
    notes.set_entity_note(&a.text, &key, "Président kirghiz");
    assert!(notes.has_pending());
    notes.flush(&a.text).unwrap();
    assert!(!notes.has_pending());

    let (_, again, _) = open(&e);
    let h = again.highlight(&id).unwrap();
    assert_eq!(h.color, Color::Blue);
    assert_eq!(h.note, "Très important : à vérifier.\nÇa 👍🏽");
    assert_eq!(h.quote.exact, SENTENCE);
    assert_eq!(h.quote.prefix.chars().count(), 32);
    assert_eq!(h.quote.suffix.chars().count(), 32);
    assert_eq!(&a.text[h.position.start..h.position.end], SENTENCE);
    assert_eq!(again.entity_note(&key).unwrap().note, "Président kirghiz");
    assert_eq!(again.placed()[0].how, Anchoring::Exact);

    // The file says what it is.
    let raw: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(notes_file(&e)).unwrap()).unwrap();
    assert_eq!(raw["schema"], SCHEMA_VERSION);
    assert_eq!(
        raw["article"]["hash"],
        store::content_hash(&a.text).as_str()
    );
    assert_eq!(
        raw["article"]["path"],
        fs::canonicalize(&e.article).unwrap().display().to_string()
    );
}

#[test]
fn opening_without_notes_writes_nothing() {
    let e = env(TEXT);
    let (a, mut notes, _) = open(&e);
    notes.flush(&a.text).unwrap();
    assert!(!e.data.exists());
}

fn highlight_then_edit(edit: impl Fn(&str) -> String) -> (Env, String, Article, Notes) {
    let e = env(TEXT);
    let (a, mut notes, _) = open(&e);
    let id = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.set_note(&a.text, &id, "ma note");
    notes.flush(&a.text).unwrap();
    fs::write(&e.article, edit(TEXT)).unwrap();
    let (a, notes, _) = open(&e);
    (e, id, a, notes)
}

#[test]
fn reanchors_after_text_is_inserted_before() {
    let (e, id, a, mut notes) =
        highlight_then_edit(|t| format!("Un paragraphe ajouté en tête, assez long.\n\n{t}"));
    let p = notes.placed_of(&id).unwrap().clone();
    assert_eq!(p.how, Anchoring::Exact);
    assert_eq!(&a.text[p.range.clone().unwrap()], SENTENCE);
    // The next write records the new place.
    let other = notes.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Green);
    notes.flush(&a.text).unwrap();
    let (_, again, _) = open(&e);
    let h = again.highlight(&id).unwrap();
    assert_eq!(h.position.start, p.range.unwrap().start);
    assert!(again.highlight(&other).is_some());
}

#[test]
fn reanchors_after_a_word_inside_changes() {
    let (_e, id, a, notes) = highlight_then_edit(|t| t.replace("ne risque pas", "ne craint pas"));
    let p = notes.placed_of(&id).unwrap();
    assert_ne!(p.how, Anchoring::Orphaned);
    assert_eq!(
        &a.text[p.range.clone().unwrap()],
        "Le président russe ne craint pas d'être arrêté lors de ce voyage."
    );
    assert_eq!(notes.highlight(&id).unwrap().note, "ma note");
}

#[test]
fn deleted_text_is_orphaned_kept_and_exported() {
    let (e, id, a, mut notes) = highlight_then_edit(|t| t.replace(&format!("{SENTENCE}\n"), "\n"));
    let p = notes.placed_of(&id).unwrap();
    assert_eq!(p.how, Anchoring::Orphaned);
    assert_eq!(p.range, None);
    // Listed last, with its text.
    assert_eq!(notes.placed().last().unwrap().id, id);
    assert_eq!(notes.highlight(&id).unwrap().quote.exact, SENTENCE);

    // Writing something else keeps it as it was.
    notes.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Green);
    notes.flush(&a.text).unwrap();
    let (_, again, _) = open(&e);
    assert_eq!(again.highlight(&id).unwrap().quote.exact, SENTENCE);
    assert_eq!(again.placed_of(&id).unwrap().how, Anchoring::Orphaned);

    // Every export still carries it.
    let src = Source {
        article: &a,
        notes: &again,
        entities: &[],
    };
    for format in [Format::Markdown, Format::Json, Format::W3c] {
        let out = String::from_utf8(export::render(format, &src).unwrap()).unwrap();
        assert!(
            out.contains("ne risque pas d'être arrêté"),
            "{format:?}:\n{out}"
        );
        assert!(out.contains("ma note"), "{format:?}");
    }
    let md = String::from_utf8(export::render(Format::Markdown, &src).unwrap()).unwrap();
    assert!(md.contains("## Orphaned highlights"));
}

#[test]
fn a_crash_between_temp_write_and_rename_leaves_the_old_file() {
    let e = env(TEXT);
    let (id, file) = one_saved_highlight(&e);
    let before = fs::read(&file).unwrap();

    // The next write gets as far as the synced temp file, then the process dies.
    let temp = store::write_temp(&file, b"{\"schema\": 1, \"half\": ").unwrap();
    let temp_path = temp.path().to_path_buf();
    std::mem::forget(temp);
    assert!(temp_path.exists());

    assert_eq!(fs::read(&file).unwrap(), before);
    let (_, again, messages) = open(&e);
    assert!(messages.is_empty(), "{messages:?}");
    assert!(again.highlight(&id).is_some());
    // The leftover temp file is not taken for a notes file.
    assert_eq!(notes_file(&e), file);
}

fn aside_files(e: &Env) -> Vec<PathBuf> {
    fs::read_dir(e.data.join("notes"))
        .unwrap()
        .map(|x| x.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect()
}

/// Issue 11, fault 3: a damaged file is only reported when opened (every time),
/// set aside by the reader's first write, and the file set aside is reported at
/// every later open until the user deletes it.
#[test]
fn regression_damaged_notes_are_told_every_time_until_the_user_acts() {
    let e = env(TEXT);
    let (_, file) = one_saved_highlight(&e);
    fs::write(&file, "{ this is not json").unwrap();

    for _ in 0..2 {
        let (_, notes, messages) = open(&e);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("does not parse"), "{}", messages[0]);
        assert!(
            messages[0].contains("sets the file aside"),
            "{}",
            messages[0]
        );
        assert_eq!(messages[0].lines().count(), 1);
        assert!(notes.is_empty());
        assert_eq!(fs::read_to_string(&file).unwrap(), "{ this is not json");
        assert!(aside_files(&e).is_empty());
    }

    // A command that only reads says so too, and changes nothing.
    let a = load(&e.article);
    let (_, messages) = Notes::open_in_with(&e.data, &a, glose::notes::Access::ReadOnly);
    assert!(
        messages[0].starts_with("damaged notes left unchanged"),
        "{messages:?}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "{ this is not json");

    // The reader's first change sets the damaged file aside and says where.
    let (a, mut notes, _) = open(&e);
    notes.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Green);
    let written = notes.flush(&a.text).unwrap();
    assert!(written[0].contains(".corrupt-"), "{written:?}");
    assert!(
        written[0].starts_with("damaged notes set aside"),
        "{written:?}"
    );
    let aside = aside_files(&e);
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), "{ this is not json");
    drop(notes);

    // Every later open tells, until the user deletes it.
    for _ in 0..2 {
        let (_, notes, messages) = open(&e);
        assert_eq!(notes.placed().len(), 1);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("damaged notes set aside, not shown"),
            "{messages:?}"
        );
        assert!(messages[0].contains(".corrupt-"), "{messages:?}");
    }
    fs::remove_file(&aside[0]).unwrap();
    std::thread::sleep(glose::notes::index::FRESH);
    let (_, _, messages) = open(&e);
    assert!(messages.is_empty(), "{messages:?}");
}

#[test]
fn a_file_damaged_while_open_is_moved_aside_at_the_next_write() {
    let e = env(TEXT);
    let (a, mut notes, _) = open(&e);
    let first = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.flush(&a.text).unwrap();
    let file = notes_file(&e);
    fs::write(&file, "").unwrap();
    let second = notes.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Green);
    let messages = notes.flush(&a.text).unwrap();
    assert_eq!(messages.len(), 1, "{messages:?}");
    // What this process knew is not lost.
    let (_, again, _) = open(&e);
    assert!(again.highlight(&first).is_some());
    assert!(again.highlight(&second).is_some());
}

#[test]
fn two_writers_keep_each_others_notes() {
    let e = env(TEXT);
    let (a, mut one, _) = open(&e);
    let (_, mut two, _) = open(&e);
    let h1 = one.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    one.flush(&a.text).unwrap();
    let h2 = two.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Pink);
    two.flush(&a.text).unwrap();
    // The second writer now shows both.
    assert!(two.highlight(&h1).is_some());
    one.set_note(&a.text, &h1, "note de un");
    one.flush(&a.text).unwrap();
    assert!(one.highlight(&h2).is_some(), "the first sees the second's");

    // A deletion in one is not undone by the other's next write.
    two.delete_highlight(&a.text, &h2);
    two.flush(&a.text).unwrap();
    one.set_note(&a.text, &h1, "note de un, encore");
    one.flush(&a.text).unwrap();
    let (_, again, _) = open(&e);
    assert_eq!(again.highlight(&h1).unwrap().note, "note de un, encore");
    assert!(again.highlight(&h2).is_none());
}

#[test]
fn two_writers_in_threads_lose_nothing() {
    let e = env(TEXT);
    let words = [
        "Vladimir",
        "Kirghizstan",
        "militaires",
        "président",
        "Bichkek",
        "Japarov",
    ];
    let handles: Vec<_> = (0..2)
        .map(|t| {
            let data = e.data.clone();
            let path = e.article.clone();
            std::thread::spawn(move || {
                let a = load(&path);
                let (mut notes, _) = Notes::open_in(&data, &a);
                let mut ids = Vec::new();
                for w in words.iter().skip(t * 3).take(3) {
                    ids.push(notes.add_highlight(&a.text, range_of(&a.text, w), Color::Green));
                    notes.flush(&a.text).unwrap();
                }
                ids
            })
        })
        .collect();
    let ids: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let (_, again, _) = open(&e);
    for id in &ids {
        assert!(again.highlight(id).is_some(), "{id} lost");
    }
    assert_eq!(again.placed().len(), 6);
}

#[test]
fn a_moved_article_is_found_by_its_content() {
    let e = env(TEXT);
    let (id, old_file) = one_saved_highlight(&e);

    let moved = e.article.with_file_name("renamed.txt");
    fs::rename(&e.article, &moved).unwrap();
    let a = load(&moved);
    let (mut notes, messages) = Notes::open_in(&e.data, &a);
    assert!(notes.highlight(&id).is_some());
    assert!(messages[0].contains("found by content"), "{messages:?}");
    // The first write moves the notes under the new name.
    notes.set_note(&a.text, &id, "déplacé");
    notes.flush(&a.text).unwrap();
    let new_file = notes_file(&e);
    assert_ne!(new_file, old_file);
    assert!(!old_file.exists());
    let (again, _) = Notes::open_in(&e.data, &a);
    assert_eq!(again.highlight(&id).unwrap().note, "déplacé");
}

#[test]
fn an_edited_article_keeps_its_notes_by_path() {
    let (_e, id, _a, notes) = highlight_then_edit(|t| t.replace("Bichkek", "Bishkek"));
    assert!(notes.highlight(&id).is_some());
}

#[test]
fn a_failed_write_keeps_the_change_and_the_next_one_saves_it() {
    let e = env(TEXT);
    // The data dir is a file: nothing can be written there.
    fs::write(&e.data, "not a folder").unwrap();
    let (a, mut notes, _) = open(&e);
    let id = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    let err = notes.flush(&a.text).unwrap_err().to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(notes.has_pending());
    assert!(notes.highlight(&id).is_some(), "kept in memory");

    fs::remove_file(&e.data).unwrap();
    notes.set_note(&a.text, &id, "enfin");
    notes.flush(&a.text).unwrap();
    let (_, again, _) = open(&e);
    assert_eq!(again.highlight(&id).unwrap().note, "enfin");
}

#[test]
fn a_newer_schema_is_never_overwritten() {
    let e = env(TEXT);
    let a = load(&e.article);
    let s = Store::new(&e.data, &e.article);
    fs::create_dir_all(s.dir()).unwrap();
    let newer = format!(
        "{{\"schema\": {}, \"article\": {{\"path\": \"x\", \"hash\": \"y\"}}, \"highlights\": []}}",
        SCHEMA_VERSION + 1
    );
    fs::write(s.path(), &newer).unwrap();
    let (mut notes, _) = Notes::open_in(&e.data, &a);
    notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    let err = notes.flush(&a.text).unwrap_err().to_string();
    assert!(err.contains("newer glose"), "{err}");
    assert_eq!(fs::read_to_string(s.path()).unwrap(), newer);
}

/// Issue 11, fault 2: a schema-2 file with a colour this build does not know was
/// taken for damaged, moved aside and replaced.
#[test]
fn regression_newer_schema_with_an_unknown_value_is_read_only_never_moved() {
    let e = env(TEXT);
    let a = load(&e.article);
    let s = Store::new(&e.data, &e.article);
    fs::create_dir_all(s.dir()).unwrap();
    let start = a.text.find(SENTENCE).unwrap();
    let newer = serde_json::json!({
        "schema": SCHEMA_VERSION + 1,
        "article": {"path": e.article.display().to_string(), "hash": "sha256:0", "source": "rss"},
        "highlights": [
            {"id": "h1", "color": "orange", "position": {"start": start, "end": start + SENTENCE.len()},
             "quote": {"exact": SENTENCE}, "created": "2030-01-01T00:00:00Z", "modified": "2030-01-01T00:00:00Z"},
            {"id": "h2", "color": "green", "position": {"start": 0, "end": 8},
             "quote": {"exact": "Vladimir"}, "created": "2030-01-01T00:00:00Z", "modified": "2030-01-01T00:00:00Z",
             "tags": ["x"]}
        ],
        "tags": {"h1": "later"}
    })
    .to_string();
    fs::write(s.path(), &newer).unwrap();
    for _ in 0..2 {
        let (mut notes, messages) = Notes::open_in(&e.data, &a);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("newer glose"), "{messages:?}");
        assert!(messages[0].starts_with("notes read-only"), "{messages:?}");
        assert!(
            messages[0].contains("1 highlight not shown"),
            "{messages:?}"
        );
        // What this build can read is shown.
        assert!(notes.highlight("h2").is_some());
        notes.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Yellow);
        let err = notes.flush(&a.text).unwrap_err().to_string();
        assert!(err.contains("newer glose"), "{err}");
        assert!(notes.has_pending(), "kept in memory");
    }
    assert_eq!(fs::read_to_string(s.path()).unwrap(), newer);
    let names: Vec<String> = fs::read_dir(s.dir())
        .unwrap()
        .map(|x| x.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.ends_with(".lock"))
        .collect();
    assert_eq!(names.len(), 1, "nothing moved aside or added: {names:?}");
}

/// Issue 11, fault 2: values and fields this build does not know survive its writes.
#[test]
fn regression_unknown_values_and_fields_survive_a_round_trip() {
    let e = env(TEXT);
    let a = load(&e.article);
    let s = Store::new(&e.data, &e.article);
    fs::create_dir_all(s.dir()).unwrap();
    let file = serde_json::json!({
        "schema": SCHEMA_VERSION,
        "article": {"path": "x", "hash": "y", "source": "rss"},
        "highlights": [
            {"id": "h1", "color": "orange", "position": {"start": 0, "end": 8},
             "quote": {"exact": "Vladimir"}, "created": "t", "modified": "t"},
            {"id": "h2", "color": "green", "position": {"start": 0, "end": 8},
             "quote": {"exact": "Vladimir"}, "created": "t", "modified": "t", "tags": ["x"]}
        ],
        "entity_notes": [
            {"entity": {"kind": "person", "name": "Sadyr Japarov"}, "note": "n",
             "created": "t", "modified": "t", "pinned": true},
            {"entity": {"kind": "spaceship", "name": "Z"}, "note": "n", "created": "t", "modified": "t"}
        ],
        "later": 1
    });
    fs::write(s.path(), file.to_string()).unwrap();
    let (mut notes, messages) = Notes::open_in(&e.data, &a);
    assert!(messages.is_empty(), "{messages:?}");
    notes.set_note(&a.text, "h2", "changed");
    notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.flush(&a.text).unwrap();
    let raw: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(s.path()).unwrap()).unwrap();
    let hs = raw["highlights"].as_array().unwrap();
    assert_eq!(hs.len(), 3);
    let h1 = hs.iter().find(|h| h["id"] == "h1").unwrap();
    assert_eq!(h1["color"], "orange");
    let h2 = hs.iter().find(|h| h["id"] == "h2").unwrap();
    assert_eq!(h2["tags"][0], "x");
    assert_eq!(h2["note"], "changed");
    let ns = raw["entity_notes"].as_array().unwrap();
    assert_eq!(ns.len(), 2);
    assert!(ns.iter().any(|n| n["pinned"] == true));
    assert!(ns.iter().any(|n| n["entity"]["kind"] == "spaceship"));
    assert_eq!(raw["later"], 1);
    assert_eq!(raw["article"]["source"], "rss");
}

/// Issue 11, fault 4: `mv` then one word changed showed no highlights and said nothing.
#[test]
fn regression_move_plus_edit_finds_notes_by_their_highlights() {
    let e = env(TEXT);
    let (a, mut notes, _) = open(&e);
    let h1 = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    let h2 = notes.add_highlight(
        &a.text,
        range_of(&a.text, "Nos relations se développent avec grand succès"),
        Color::Blue,
    );
    notes.flush(&a.text).unwrap();
    drop(notes);
    let old_file = notes_file(&e);

    let moved = e.article.with_file_name("ailleurs.txt");
    fs::write(&moved, TEXT.replace("Bichkek", "Bishkek")).unwrap();
    fs::remove_file(&e.article).unwrap();
    std::thread::sleep(glose::notes::index::FRESH);
    let a = load(&moved);
    let (mut notes, messages) = Notes::open_in(&e.data, &a);
    assert!(notes.highlight(&h1).is_some(), "{messages:?}");
    assert!(notes.highlight(&h2).is_some());
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("found by their highlights"),
        "{messages:?}"
    );
    assert!(messages[0].contains("2 of 2"), "{messages:?}");
    assert!(messages[0].contains("poutine.txt"), "{messages:?}");
    notes.set_note(&a.text, &h1, "suivi");
    notes.flush(&a.text).unwrap();
    assert_ne!(notes_file(&e), old_file);

    // Another article that shares no passage does not take them.
    let other = e.article.with_file_name("autre.txt");
    fs::write(
        &other,
        "Un tout autre texte, sans rapport avec le premier.\n",
    )
    .unwrap();
    let (notes, messages) = Notes::open_in(&e.data, &load(&other));
    assert!(notes.is_empty() && messages.is_empty(), "{messages:?}");
}

/// Issue 11, fault 4: reader Y, adopting the notes of the moved article, deleted
/// the old notes file that reader X still had open.
#[test]
fn regression_a_notes_file_held_by_another_reader_is_never_deleted() {
    let e = env(TEXT);
    let (a, mut x, _) = open(&e);
    let h = x.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    x.flush(&a.text).unwrap();
    let old_file = notes_file(&e);

    let moved = e.article.with_file_name("renamed.txt");
    fs::rename(&e.article, &moved).unwrap();
    let b = load(&moved);
    let (mut y, _) = Notes::open_in(&e.data, &b);
    assert!(y.highlight(&h).is_some());
    y.set_note(&b.text, &h, "de Y");
    let messages = y.flush(&b.text).unwrap();
    assert!(old_file.exists(), "X still holds it");
    assert!(
        messages[0].contains("open in another glose"),
        "{messages:?}"
    );

    // X's next note goes to the file it has, which still holds everything.
    let h2 = x.add_highlight(&a.text, range_of(&a.text, "Bichkek"), Color::Green);
    x.flush(&a.text).unwrap();
    let kept: NotesFile = serde_json::from_str(&fs::read_to_string(&old_file).unwrap()).unwrap();
    assert!(kept.highlight(&h).is_some() && kept.highlight(&h2).is_some());

    // While X is open, opening the moved article says where X's notes are.
    drop(y);
    let (again, messages) = Notes::open_in(&e.data, &b);
    assert!(again.highlight(&h2).is_none());
    assert!(
        messages[0].contains("also open in another glose"),
        "{messages:?}"
    );
    drop(again);

    // Once X is closed, its later notes join the moved article's, nothing else
    // changes, and the old file goes.
    drop(x);
    let (again, messages) = Notes::open_in(&e.data, &b);
    assert!(again.highlight(&h2).is_some(), "{messages:?}");
    assert_eq!(again.highlight(&h).unwrap().note, "de Y");
    assert!(
        messages[0].contains("1 note written after the article moved merged"),
        "{messages:?}"
    );
    assert!(!again.has_pending());
    assert!(!old_file.exists());
    let (again, messages) = Notes::open_in(&e.data, &b);
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(again.placed().len(), 2);
}

/// Issue 11, fault 5: a symlinked notes file was replaced by a regular file.
#[cfg(unix)]
#[test]
fn regression_a_symlinked_notes_file_is_written_through() {
    let e = env(TEXT);
    let (h, file) = one_saved_highlight(&e);
    let synced = e.data.parent().unwrap().join("synced");
    fs::create_dir_all(&synced).unwrap();
    let target = synced.join("poutine.json");
    fs::rename(&file, &target).unwrap();
    std::os::unix::fs::symlink(&target, &file).unwrap();

    let (a, mut notes, messages) = open(&e);
    assert!(messages.is_empty(), "{messages:?}");
    notes.set_note(&a.text, &h, "par le lien");
    notes.flush(&a.text).unwrap();
    assert!(fs::symlink_metadata(&file)
        .unwrap()
        .file_type()
        .is_symlink());
    let doc: NotesFile = serde_json::from_str(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(doc.highlight(&h).unwrap().note, "par le lien");
    // No temp file left beside the link or the target.
    for dir in [synced.as_path(), file.parent().unwrap()] {
        for x in fs::read_dir(dir).unwrap() {
            let n = x.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!n.contains(".tmp-"), "{n}");
        }
    }
}

/// Issue 11, fault 15: temp files of crashed processes were never removed.
#[test]
fn regression_stale_temp_files_of_dead_processes_are_removed() {
    let e = env(TEXT);
    let (_, file) = one_saved_highlight(&e);
    let dir = file.parent().unwrap().to_path_buf();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    // A dead process: pids above the kernel's maximum never run.
    let dead_old = dir.join(format!(".{name}.tmp-4194305-0"));
    let dead_new = dir.join(format!(".{name}.tmp-4194305-1"));
    let alive_old = dir.join(format!(".{name}.tmp-1-0"));
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&dead_old, &dead_new, &alive_old] {
        fs::write(p, "{").unwrap();
    }
    for p in [&dead_old, &alive_old] {
        fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    std::thread::sleep(glose::notes::index::FRESH);
    let (_, notes, _) = open(&e);
    assert_eq!(notes.placed().len(), 1);
    assert!(
        !dead_old.exists(),
        "a dead process's old temp file is removed"
    );
    assert!(dead_new.exists(), "a recent one is given time");
    assert!(alive_old.exists(), "a live process's is kept");
}

#[test]
fn unknown_fields_survive_a_write() {
    // Corrections (a later schema's addition) live beside the notes.
    let e = env(TEXT);
    let a = load(&e.article);
    let s = Store::new(&e.data, &e.article);
    fs::create_dir_all(s.dir()).unwrap();
    let mut doc = NotesFile::new(Default::default());
    doc.other.insert(
        "corrections".into(),
        serde_json::json!([{"op": "relabel", "name": "Kant", "kind": "place"}]),
    );
    fs::write(s.path(), serde_json::to_string(&doc).unwrap()).unwrap();
    let (mut notes, _) = Notes::open_in(&e.data, &a);
    notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.flush(&a.text).unwrap();
    let raw: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(s.path()).unwrap()).unwrap();
    assert_eq!(raw["corrections"][0]["name"], "Kant");
    assert_eq!(raw["highlights"].as_array().unwrap().len(), 1);
}

#[test]
fn undo_brings_back_the_last_deletion() {
    let e = env(TEXT);
    let (a, mut notes, _) = open(&e);
    let h = notes.add_highlight(&a.text, range_of(&a.text, SENTENCE), Color::Yellow);
    notes.set_note(&a.text, &h, "gardée");
    let key = EntityKey {
        kind: EntityKind::Place,
        name: "Bichkek".into(),
    };
    notes.set_entity_note(&a.text, &key, "capitale");
    notes.delete_highlight(&a.text, &h);
    notes.delete_entity_note(&a.text, &key);
    notes.flush(&a.text).unwrap();
    assert!(notes.is_empty());
    assert!(notes.undo(&a.text).is_some());
    assert!(notes.entity_note(&key).is_some());
    assert!(notes.undo(&a.text).is_some());
    assert_eq!(notes.highlight(&h).unwrap().note, "gardée");
    assert!(notes.undo(&a.text).is_none());
    notes.flush(&a.text).unwrap();
    let (_, again, _) = open(&e);
    assert!(again.highlight(&h).is_some());
}

/// The reader's hold on a notes file leaves nothing behind for an article that
/// has no notes.
#[test]
fn opening_an_article_without_notes_leaves_no_lock_file() {
    let e = env(TEXT);
    fs::create_dir_all(e.data.join("notes")).unwrap();
    let (_, notes, _) = open(&e);
    let held: Vec<String> = fs::read_dir(e.data.join("notes"))
        .unwrap()
        .map(|x| x.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".open"))
        .collect();
    assert_eq!(held.len(), 1, "held while open");
    drop(notes);
    let left: Vec<String> = fs::read_dir(e.data.join("notes"))
        .unwrap()
        .map(|x| x.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".index"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
