//! Hostile input: text that tries to drive the terminal, and files that are not
//! what an article should be. Every case is handled or refused with one line, by
//! `extract`, `export` and the reader alike, and nothing reaches the terminal raw.

use glose::text::{is_unsafe, sanitize};
use glose::tui::{ui, App, Theme};
use glose::{extract, Article};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

// ---- an article packed with escape sequences ------------------------------------------

/// Every kind of escape sequence and terminal-driving character, in an article
/// that the parser still reads as a headline and paragraphs.
const HOSTILE: &str = concat!(
    "Titre \u{1b}]0;PWNED-TITLE\u{7} piégé \u{1b}[31mrouge\n",
    "\n",
    "CSI : \u{1b}[31mrouge\u{1b}[0m, \u{1b}[2J\u{1b}[H efface, \u{1b}[?1049l quitte, \u{9b}31m huit bits.\n",
    "\n",
    "OSC : \u{1b}]2;PWNED-TITLE\u{1b}\\ titre, \u{1b}]52;c;cHduZWQ=\u{7} presse-papiers, \u{9d}0;PWNED\u{9c} huit bits.\n",
    "\n",
    "Lien : \u{1b}]8;;http://evil.example/\u{1b}\\cliquez\u{1b}]8;;\u{1b}\\ ici, fenêtre \u{1b}kPWNED-NAME\u{1b}\\ renommée.\n",
    "\n",
    "DCS \u{1b}P1$r\u{1b}\\ et \u{1b}Ptmux;\u{1b}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}\\ APC \u{1b}_Ga=T\u{1b}\\ PM \u{1b}^x\u{1b}\\ SOS \u{1b}Xy\u{1b}\\.\n",
    "\n",
    "Contrôles \u{1}\u{7}\u{8}\u{b}\u{c}\u{e}\u{f}\u{1f}\u{7f}\u{85}\u{9f} et\ttabulation\u{b}.\n",
    "\n",
    "Bidi \u{202e}esrever\u{202c} \u{2066}iso\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068} fin.\n",
    "\n",
    "Texte sûr : l’Élysée, e\u{301}te\u{301}, 👨\u{200d}👩\u{200d}👧, שלום, مرحبا, M. Poutine à Bichkek.\n",
);

/// What a terminal shows for `s`: its graphemes of non-zero width (ratatui skips
/// the others), as one string.
fn shown(s: &str) -> String {
    s.graphemes(true)
        .filter(|g| UnicodeWidthStr::width(*g) > 0)
        .collect()
}

/// Row `y` of a buffer from column `x0` for `w` columns, the cells hidden behind
/// wide characters left out.
fn row(buf: &Buffer, x0: u16, y: u16, w: u16) -> String {
    let mut out = String::new();
    let mut x = x0;
    while x < x0 + w {
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        x += UnicodeWidthStr::width(sym).max(1) as u16;
    }
    out.trim_end().to_string()
}

fn draw(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn an_article_packed_with_escape_sequences_renders_as_its_sanitized_text() {
    // A NUL byte makes a file "binary" for the loader; the parser and the reader
    // must still cope with one.
    let text = HOSTILE.replace("\u{1}", "\u{0}\u{1}");
    let article = Article::from_text("hostile.txt", text);
    let entities = extract(&article);
    for e in &entities {
        assert!(!e.name.chars().any(is_unsafe), "entity name {:?}", e.name);
    }
    let (w, h) = (220, 40);
    let app = App::with_article(article.clone(), entities, Theme::colored(), (w, h));
    let buf = draw(&app);

    // Nothing that could act reaches a cell.
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(is_unsafe),
            "unsafe character drawn: {:?}",
            cell.symbol()
        );
    }

    // The article pane shows each block's text exactly as sanitized (no wrapping at
    // this width), in order, one blank line between blocks.
    let a = ui::areas(buf.area);
    let rows: Vec<String> = (a.text.y..a.text.y + a.text.height)
        .map(|y| row(&buf, a.text.x, y, a.text.width))
        .filter(|r| !r.is_empty())
        .collect();
    let want: Vec<String> = article
        .blocks
        .iter()
        .map(|b| {
            shown(&sanitize(&b.display(&article.text).text))
                .trim_end()
                .to_string()
        })
        .collect();
    assert!(want.len() >= 8, "blocks: {want:#?}");
    assert_eq!(rows, want);
    // The payloads are there as inert text, not acted on.
    assert!(
        rows.iter().any(|r| r.contains("�[31mrouge�[0m")),
        "{rows:#?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("�]52;c;cHduZWQ=�")),
        "{rows:#?}"
    );

    // The title bar shows the sanitized title.
    let title = row(&buf, 0, a.title.y, w);
    let want_title = shown(&sanitize(&article.title));
    assert!(
        title.contains(want_title.trim()),
        "title bar {title:?} lacks {want_title:?}"
    );
}

#[test]
fn the_cli_text_output_carries_no_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile\u{1b}]0;x\u{7}.txt");
    std::fs::write(&path, HOSTILE).unwrap();
    let out = glose_cmd(&["extract", "--format", "text"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.chars().any(|c| is_unsafe(c) || c == '\t'),
        "unsafe character in {text:?}"
    );
    // JSON escapes control characters itself; its mention texts stay exact.
    let out = glose_cmd(&["extract", "--format", "json"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b));
}

// ---- the real binary in tmux ----------------------------------------------------------

/// A tmux server of our own, killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, shell_command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("notice: tmux is not installed; skipping the tmux test");
            return None;
        }
        let tmux = Tmux {
            socket: format!("glose-hostile-{name}-{}", std::process::id()),
        };
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-n",
            "glose-window",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            shell_command,
        ]);
        assert!(out.status.success(), "tmux: {}", stderr(&out));
        // Let applications set the clipboard and rename windows, so a leak shows.
        tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
        tmux.run(&["set-option", "-g", "allow-rename", "on"]);
        tmux.run(&["set-option", "-g", "allow-passthrough", "on"]);
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    fn send(&self, key: &str) {
        assert!(self.run(&["send-keys", "-t", "0", key]).status.success());
    }

    fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "0"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
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

#[test]
fn reading_a_hostile_article_leaves_title_clipboard_and_colours_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).unwrap();
    let bin = env!("CARGO_BIN_EXE_glose");
    let command = format!(
        "printf 'ready\\n'; read _; '{bin}' '{}'; echo glose-exit=$?; sleep 60",
        path.display()
    );
    let Some(tmux) = Tmux::start("escapes", &command) else {
        return;
    };
    tmux.wait_for("the shell", |s| s.contains("ready"));
    let title = tmux.display("#{pane_title}");
    let window = tmux.display("#{window_name}");
    let buffers = tmux.run(&["list-buffers"]).stdout;

    tmux.send("Enter");
    tmux.wait_for("the reader", |s| s.contains("Bidi"));
    tmux.wait_for("the entities", |s| !s.contains("finding entities"));
    // Page through it all, then look at the colours while it is on screen.
    for key in ["Space", "Space", "g"] {
        tmux.send(key);
    }
    let screen = tmux.wait_for("the text", |s| s.contains("[31mrouge"));
    assert!(screen.contains("cHduZWQ="), "{screen}");
    let styled = tmux.capture(true);
    assert!(
        !styled.contains("\u{1b}[31m") && !styled.contains(";31m"),
        "red leaked into the screen:\n{styled}"
    );
    tmux.send("q");
    let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
    assert!(screen.contains("glose-exit=0"), "{screen}");

    assert_eq!(tmux.display("#{pane_title}"), title, "pane title changed");
    assert_eq!(tmux.display("#{window_name}"), window, "window renamed");
    assert_eq!(
        tmux.run(&["list-buffers"]).stdout,
        buffers,
        "a paste buffer (clipboard) was set"
    );
    assert!(!tmux.display("#{pane_title}").contains("PWNED"));
    // Back at the shell, nothing is left coloured or in another mode.
    let styled = tmux.capture(true);
    let last = styled
        .lines()
        .find(|l| l.contains("glose-exit="))
        .unwrap_or_default();
    assert!(!last.contains('\u{1b}'), "styled shell line: {last:?}");
    assert_eq!(tmux.display("#{alternate_on}"), "0");
    assert_eq!(tmux.display("#{cursor_flag}"), "1");
}

// ---- helpers for the binary -------------------------------------------------------------

fn glose_cmd(args: &[&str], path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .arg(path)
        .env(
            "GLOSE_DATA_DIR",
            std::env::temp_dir().join("glose-hostile-data"),
        )
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
