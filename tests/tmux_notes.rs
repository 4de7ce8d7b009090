//! End to end, in a real terminal (tmux): highlight a sentence, write a note with
//! accents, quit, open the article again and find the note, then `glose export`
//! prints it. Skips, with a notice, where tmux is not installed.

use std::path::Path;
use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{status_line, Tmux};

const SEED: &str = "articles/poutine-kirghizstan.txt";
const NOTE: &str = "Note accentuée : é, à, ç";

fn reader_command(data: &Path) -> String {
    format!(
        "LANG=C.UTF-8 GLOSE_DATA_DIR='{}' GLOSE_EXPORT_DIR='{}' '{}' {SEED}; echo glose-exit=$?; sleep 60",
        data.display(),
        data.display(),
        env!("CARGO_BIN_EXE_glose"),
    )
}

#[test]
fn a_note_with_accents_survives_a_restart_and_is_exported() {
    let dir = tempfile::TempDir::new().unwrap();
    let data = dir.path();

    let Some(tmux) = Tmux::start("notes-write", 110, 32, &reader_command(data)) else {
        return;
    };
    tmux.wait_for("the reader", |s| status_line(s).contains('%'));
    tmux.send("v");
    tmux.wait_for("the selection", |s| {
        status_line(s).contains("selecting 1 sentence")
    });
    tmux.send("h");
    tmux.wait_for("the highlight", |s| status_line(s).contains("highlighted"));
    tmux.send("a");
    tmux.wait_for("the editor", |s| s.contains("Note on the highlight"));
    tmux.type_text(NOTE);
    tmux.wait_for("the typed note", |s| s.contains(NOTE));
    tmux.send("C-s");
    tmux.wait_for("the saved note", |s| status_line(s).contains("note saved"));
    tmux.send("q");
    let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
    assert!(screen.contains("glose-exit=0"), "{screen}");
    drop(tmux);

    // Again: the note is there, in the list.
    let tmux = Tmux::start("notes-read", 110, 32, &reader_command(data)).unwrap();
    tmux.wait_for("the reader", |s| status_line(s).contains('%'));
    tmux.send("'");
    let screen = tmux.wait_for("the list", |s| s.contains("Highlights and notes 1"));
    assert!(screen.contains(NOTE), "{screen}");
    tmux.send("Escape");
    // Esc and q sent together would read as Alt+q: wait for the list to close.
    tmux.wait_for("the list to close", |s| {
        !s.contains("Highlights and notes 1")
    });
    tmux.send("q");
    tmux.wait_for("the exit", |s| s.contains("glose-exit=0"));

    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GLOSE_DATA_DIR", data)
        .args(["export", SEED])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains(NOTE), "{md}");
    assert!(md.contains("> "), "{md}");
    assert!(
        md.contains("Vladimir Poutine a prôné jeudi au Kirghizstan"),
        "{md}"
    );
}
