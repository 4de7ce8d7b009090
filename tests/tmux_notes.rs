//! End to end, in a real terminal (tmux): highlight a sentence, write a note with
//! accents, quit, open the article again and find the note, then `glose export`
//! prints it. Skips, with a notice, where tmux is not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SEED: &str = "articles/poutine-kirghizstan.txt";
const NOTE: &str = "Note accentuée : é, à, ç";

/// A tmux server of our own, killed when the test ends.
struct Tmux {
    socket: String,
}

fn has_tmux() -> bool {
    Command::new("tmux").arg("-V").output().is_ok()
}

impl Tmux {
    fn start(name: &str, shell_command: &str) -> Tmux {
        let socket = format!("glose-notes-{name}-{}", std::process::id());
        let tmux = Tmux { socket };
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "110",
            "-y",
            "32",
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            shell_command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux runs")
    }

    fn send(&self, key: &str) {
        assert!(self.run(&["send-keys", "-t", "0", key]).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", "0", "-l", text])
            .status
            .success());
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

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
    if !has_tmux() {
        eprintln!("notice: tmux is not installed; skipping the notes end-to-end test");
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let data = dir.path();

    let tmux = Tmux::start("write", &reader_command(data));
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
    let tmux = Tmux::start("read", &reader_command(data));
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
