//! End to end: the real binary in a real terminal (tmux). Skips, with a notice,
//! where tmux is not installed; CI installs it.

use std::path::Path;
use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{status_line, Tmux};

#[test]
fn reader_opens_the_seed_walks_mentions_and_quits_cleanly() {
    let bin = env!("CARGO_BIN_EXE_glose");
    let seed = Path::new("articles/poutine-kirghizstan.txt");
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(seed).exists());
    // Notes go to a data dir of the test's own, never the user's.
    let data = tempfile::TempDir::new().unwrap();
    let command = format!(
        "GLOSE_DATA_DIR='{}' '{bin}' {}; echo glose-exit=$?; sleep 60",
        data.path().display(),
        seed.display()
    );
    let Some(tmux) = Tmux::start("reader", 100, 30, &command) else {
        return;
    };

    // The reader is up: the status line shows the reading position.
    tmux.wait_for("the reader", |s| status_line(s).contains('%'));
    // Extraction runs on a worker; the first sidebar row is selected when it is done.
    // (The rest needs the extractor to find an entity with two mentions or more.)
    tmux.wait_for("the entities", |s| s.contains("▸ "));
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "1",
        "runs in the alternate screen"
    );

    // Tab to the sidebar, Enter on the first entity (whatever extraction found), n.
    tmux.send("Tab");
    tmux.wait_for("the sidebar focus", |s| status_line(s).contains("jump"));
    tmux.send("Enter");
    tmux.wait_for("the first mention", |s| {
        status_line(s).contains("mention 1/")
    });
    tmux.send("n");
    let screen = tmux.wait_for("the second mention", |s| {
        status_line(s).contains("mention 2/")
    });

    // The selected sidebar row (▸) names the entity the status line shows.
    let row = screen
        .lines()
        .find_map(|l| l.split_once("▸ ").map(|(_, rest)| rest))
        .expect("a selected sidebar row");
    let name = row
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let name = name.trim_end_matches('…');
    assert!(!name.is_empty());
    assert!(
        status_line(&screen).contains(name),
        "status line lacks {name:?}:\n{screen}"
    );

    // q quits with status 0, and the terminal is restored.
    tmux.send("q");
    let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
    assert!(screen.contains("glose-exit=0"), "{screen}");
    assert!(
        !screen.contains("mention 2/"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "alternate screen left"
    );
    assert_eq!(
        tmux.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting off"
    );
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "cursor visible");
}

#[test]
fn a_missing_file_is_one_line_on_stderr_and_exit_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("no/such/article.txt")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("glose: no/such/article.txt:"), "{err}");
}
