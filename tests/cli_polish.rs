//! Issue 14, item 9: the CLI's small refusals and hints.

use std::path::Path;
use std::process::{Command, Output};

fn glose_in(dir: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(dir)
        .env("GLOSE_DATA_DIR", data)
        .env_remove("GLOSE_EXPORT_DIR")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn seed() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("articles/poutine-kirghizstan.txt")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn export_o_refuses_to_replace_a_file_glose_did_not_write_unless_force() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("mine.md");
    std::fs::write(&out, "my own notes\n").unwrap();
    let o = glose_in(
        dir.path(),
        dir.path(),
        &["export", &seed(), "-o", "mine.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.trim(),
        "glose: mine.md: exists and was not written by glose's export; --force replaces it"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own notes\n");

    let o = glose_in(
        dir.path(),
        dir.path(),
        &["export", &seed(), "-o", "mine.md", "--force"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "my own notes\n");

    // A file glose's Markdown export wrote is replaced without asking.
    let o = glose_in(
        dir.path(),
        dir.path(),
        &["export", &seed(), "-o", "mine.md"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A new file needs nothing.
    let o = glose_in(
        dir.path(),
        dir.path(),
        &["export", &seed(), "--format", "json", "-o", "new.json"],
    );
    assert!(o.status.success());
    assert!(dir.path().join("new.json").exists());
}

#[test]
fn plain_glose_with_nothing_to_open_prints_a_usage_hint() {
    let dir = tempfile::TempDir::new().unwrap();
    let o = glose_in(dir.path(), dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("glose: nothing to open: glose FILE"),
        "{err}"
    );
    assert!(!err.contains("no such file"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn eval_says_no_such_file_like_the_other_commands() {
    let dir = tempfile::TempDir::new().unwrap();
    let o = glose_in(dir.path(), dir.path(), &["eval", "missing.gold"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "glose: missing.gold: no such file"
    );
}

/// `glose eval --json | head -1` panicked ("failed printing to stdout: Broken
/// pipe") when the reader closed the pipe before the scores were written.
#[test]
fn eval_into_a_closed_pipe_panicked() {
    use std::process::Stdio;
    let dir = tempfile::TempDir::new().unwrap();
    let text = "Vladimir Poutine est arrivé à Bichkek jeudi.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let gold = r#"{"entities": [{"name": "Vladimir Poutine", "kind": "person",
        "mentions": [{"start": 0, "end": 16, "text": "Vladimir Poutine"}]}]}"#;
    std::fs::write(dir.path().join("a.gold.json"), gold).unwrap();
    for json in [true, false] {
        let mut args = vec!["eval", "a.gold.json"];
        if json {
            args.push("--json");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
            .current_dir(dir.path())
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
