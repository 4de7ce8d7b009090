//! `glose index`, `where`, `search` and `entities` as a user runs them, on the
//! small library in tests/fixtures/library (written for these tests): exact
//! output, exit codes, messages.

use std::process::{Command, Output};

#[path = "support/library.rs"]
mod library_fixture;
use library_fixture::{library, Lib};

impl Lib {
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .current_dir(&self.root)
            .env("GLOSE_DATA_DIR", &self.data)
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    }

    fn indexed(self) -> Lib {
        let o = self.run(&["index", "."]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        self
    }

    fn abs(&self, rel: &str) -> String {
        self.root.join(rel).to_string_lossy().into_owned()
    }
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn index_reports_what_it_did_and_only_reindexes_what_changed() {
    let lib = library();
    let o = lib.run(&["index", "."]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "6 articles indexed, 0 unchanged, 0 removed, 0 failed; 6 articles in the index\n"
    );
    assert_eq!(err(&o), "");
    assert!(lib.data.join("index.db").is_file());

    let o = lib.run(&["index", "."]);
    assert_eq!(
        out(&o),
        "0 articles indexed, 6 unchanged, 0 removed, 0 failed; 6 articles in the index\n"
    );
    // Edited and deleted files; `glose index` alone revisits the folder.
    let p = lib.root.join("fr/marseille-visite.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("lundi", "dimanche")).unwrap();
    std::fs::remove_file(lib.root.join("en/lagarde-rates.txt")).unwrap();
    let o = lib.run(&["index"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "1 article indexed, 4 unchanged, 1 removed, 0 failed; 5 articles in the index\n"
    );
    let o = lib.run(&["index", "--force", "-j", "1", "fr"]);
    assert_eq!(
        out(&o),
        "4 articles indexed, 0 unchanged, 0 removed, 0 failed; 5 articles in the index\n"
    );
}

#[test]
fn index_of_a_missing_folder_or_a_bad_file_is_one_line_and_exit_1() {
    let lib = library();
    std::fs::write(
        lib.root.join("fr/binaire.txt"),
        b"\xff\xfe\x00\x00 pas du texte",
    )
    .unwrap();
    let o = lib.run(&["index", "nulle-part", "."]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert_eq!(lines[0], "glose: nulle-part: no such file or directory");
    assert!(
        lines[1].starts_with("glose: ") && lines[1].contains("binaire.txt"),
        "{e}"
    );
    assert_eq!(
        out(&o),
        "6 articles indexed, 0 unchanged, 0 removed, 1 failed; 6 articles in the index\n"
    );
}

#[test]
fn index_with_nothing_to_index_says_so() {
    let lib = library();
    let o = lib.run(&["index"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        err(&o),
        "glose: nothing to index: give folders of articles (glose index DIR...)\n"
    );
}

#[test]
fn where_before_indexing_says_to_index() {
    let lib = library();
    let o = lib.run(&["where", "Macron"]);
    assert_eq!(code(&o), 1);
    assert_eq!(out(&o), "");
    assert_eq!(
        err(&o),
        "glose: no article is indexed yet: run `glose index DIR...`\n"
    );
}

#[test]
fn where_lists_articles_most_mentions_first() {
    let lib = library().indexed();
    let o = lib.run(&["where", "macron"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "3  2024-03-12  Emmanuel Macron (person)  Emmanuel Macron à Berlin pour relancer le couple franco-allemand  fr/macron-berlin.txt\n\
         2  2024-07-26  Emmanuel Macron (person)  Paris opens the Olympic Games on the Seine  en/paris-olympics.txt\n\
         1  2024-05-20  Macron (person)  Visite éclair à Marseille  fr/marseille-visite.txt\n"
    );
    // A full name does not take in the article that only says "M. Macron".
    let o = lib.run(&["where", "EMMANUEL MACRON", "--format", "json"]);
    assert_eq!(
        out(&o),
        format!(
            "{{\"path\":\"{}\",\"title\":\"Emmanuel Macron à Berlin pour relancer le couple franco-allemand\",\"date\":\"2024-03-12\",\"entity\":\"Emmanuel Macron\",\"kind\":\"person\",\"mentions\":3}}\n\
             {{\"path\":\"{}\",\"title\":\"Paris opens the Olympic Games on the Seine\",\"date\":\"2024-07-26\",\"entity\":\"Emmanuel Macron\",\"kind\":\"person\",\"mentions\":2}}\n",
            lib.abs("fr/macron-berlin.txt"),
            lib.abs("en/paris-olympics.txt")
        )
    );
}

#[test]
fn where_with_a_kind_and_where_nothing_is_found() {
    let lib = library().indexed();
    let o = lib.run(&["where", "Berlin", "--kind", "place"]);
    assert_eq!(code(&o), 0);
    assert_eq!(out(&o).lines().count(), 2);
    let o = lib.run(&["where", "Berlin", "--kind", "person"]);
    assert_eq!(code(&o), 1);
    assert_eq!(out(&o), "");
    assert_eq!(
        err(&o),
        "glose: no indexed article mentions Berlin as a person\n"
    );
    let o = lib.run(&["where", "Berlin", "--kind", "people"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("expected person, place, organization or event"));
    // JSON: nothing on either stream, exit 1.
    let o = lib.run(&["where", "Personne", "--format", "json"]);
    assert_eq!(
        (code(&o), out(&o), err(&o)),
        (1, String::new(), String::new())
    );
}

#[test]
fn search_finds_articles_without_accents_or_case_and_marks_the_match() {
    let lib = library().indexed();
    let o = lib.run(&["search", "ELYSEE"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "fr/macron-berlin.txt  Emmanuel Macron à Berlin pour relancer le couple franco-allemand\n    \
         …Selon l'[Élysée], Macron doit aussi s'entretenir avec des chefs d'entreprise allemands mercredi.\n"
    );
    let o = lib.run(&["search", "interest", "rate", "--format", "json"]);
    assert_eq!(
        out(&o),
        format!(
            "{{\"path\":\"{}\",\"title\":\"ECB cuts rates for the first time since 2019\",\"kind\":\"article\",\"snippet\":\"The European Central Bank cut its main [interest] [rate] on Thursday, its first cut in almost…\"}}\n",
            lib.abs("en/lagarde-rates.txt")
        )
    );
    let o = lib.run(&["search", "berlin", "--limit", "1", "--format", "json"]);
    assert_eq!(out(&o).lines().count(), 1);
    let o = lib.run(&["search", "zzzz"]);
    assert_eq!(code(&o), 1);
    assert_eq!(err(&o), "glose: nothing matches zzzz\n");
}

#[test]
fn search_finds_notes_and_tags() {
    use glose::notes::{Color, Notes};
    let lib = library();
    let path = lib.root.join("fr/hidalgo-seine.txt");
    let article = glose::Article::load(&path).unwrap();
    let text = article.text.clone();
    let (mut notes, _) = Notes::open_in(&lib.data, &article);
    let at = text.find("qualité de l'eau").unwrap();
    let id = notes.add_highlight(&text, at..at + "qualité de l'eau".len(), Color::Blue);
    notes.set_note(&text, &id, "Analyses à vérifier #Pollution");
    notes.flush(&text).unwrap();
    let lib = lib.indexed();
    let o = lib.run(&["search", "#pollution", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        format!(
            "{{\"path\":\"{}\",\"title\":\"Anne Hidalgo s'est baignée dans la Seine\",\"kind\":\"note\",\"snippet\":\"Analyses à vérifier [#Pollution]\"}}\n",
            lib.abs("fr/hidalgo-seine.txt")
        )
    );
    let o = lib.run(&["search", "analyses"]);
    assert_eq!(
        out(&o),
        "fr/hidalgo-seine.txt  Anne Hidalgo s'est baignée dans la Seine  (note)\n    [Analyses] à vérifier #Pollution\n"
    );
}

#[test]
fn entities_lists_the_library_with_a_timeline() {
    let lib = library().indexed();
    let o = lib.run(&["entities", "--kind", "person"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(
        out(&o),
        "Articles per month, 2024-03 to 2024-07 (one column a month; · none)\n\
         \n\
         People (7)\n  \
           Emmanuel Macron    2 articles  █···█\n  \
           Olaf Scholz        2 articles  █·█··\n  \
           Anne Hidalgo       2 articles  ····█\n  \
           Christine Lagarde  1 article   ···█·\n  \
           Friedrich Merz     1 article   ··█··\n  \
           Macron             1 article   ··█··\n  \
           Tony Estanguet     1 article   ····█\n"
    );
    let o = lib.run(&[
        "entities", "--kind", "person", "--limit", "1", "--format", "json",
    ]);
    assert_eq!(
        out(&o),
        "{\"kind\":\"person\",\"name\":\"Emmanuel Macron\",\"articles\":2,\"mentions\":5,\"months\":{\"2024-03\":1,\"2024-07\":1}}\n"
    );
    let o = lib.run(&["entities", "--kind", "person", "--limit", "2"]);
    assert!(
        out(&o).ends_with("  … 5 more (--limit 0 lists all)\n"),
        "{}",
        out(&o)
    );
}

#[test]
fn titles_and_names_with_escape_sequences_are_printed_escaped() {
    let lib = library();
    std::fs::write(
        lib.root.join("fr/piege.txt"),
        "---\ntitle: Piège \u{1b}]0;pwned\u{7} au titre\ndate: 2024-04-01\n---\nOlaf Scholz était à Berlin lundi.\n",
    )
    .unwrap();
    let lib = lib.indexed();
    for args in [
        &["where", "Scholz"][..],
        &["search", "pwned"][..],
        &["search", "Piège"][..],
        &["entities"][..],
    ] {
        let o = lib.run(args);
        let all = out(&o) + &err(&o);
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}'),
            "{args:?}: {all:?}"
        );
    }
}

#[test]
fn deleting_the_index_loses_nothing_and_index_rebuilds_it() {
    let lib = library().indexed();
    let before = out(&lib.run(&["where", "Olaf Scholz", "--format", "json"]));
    for f in ["index.db", "index.db-wal", "index.db-shm"] {
        let _ = std::fs::remove_file(lib.data.join(f));
    }
    let o = lib.run(&["where", "Olaf Scholz"]);
    assert_eq!(code(&o), 1);
    let o = lib.run(&["index", "."]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        out(&lib.run(&["where", "Olaf Scholz", "--format", "json"])),
        before
    );
}

#[test]
fn fetch_indexes_the_page_it_stores() {
    let lib = library();
    let page = lib.root.join("page.html");
    std::fs::write(
        &page,
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Le Bundestag vote</title></head>\
         <body><nav><a href=\"/\">Accueil</a></nav><article><h1>Le Bundestag vote</h1>\
         <p>Le chancelier Olaf Scholz a obtenu jeudi la majorité au Bundestag, après une longue nuit de négociations avec ses partenaires.</p>\
         <p>Olaf Scholz s'est félicité du résultat devant la presse à Berlin, sans répondre aux questions sur le budget de l'an prochain.</p>\
         </article></body></html>",
    )
    .unwrap();
    let o = lib.run(&["fetch", "page.html"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let stored = out(&o).trim().to_string();
    let o = lib.run(&["where", "Olaf Scholz", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(
        out(&o).contains(&format!("\"path\":\"{stored}\"")),
        "{}",
        out(&o)
    );
}
