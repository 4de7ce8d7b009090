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

#[path = "support/tmux.rs"]
mod tmux;
use tmux::Tmux;

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
    let Some(tmux) = Tmux::start("escapes", 120, 40, &command) else {
        return;
    };
    // Let applications set the clipboard and rename windows, so a leak shows.
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.run(&["set-option", "-g", "allow-rename", "on"]);
    tmux.run(&["set-option", "-g", "allow-passthrough", "on"]);
    tmux.wait_for("the shell", |s| s.contains("ready"));
    let title = tmux.display("#{pane_title}");
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
    let styled = tmux.capture_styled();
    assert!(
        !styled.contains("\u{1b}[31m") && !styled.contains(";31m"),
        "red leaked into the screen:\n{styled}"
    );
    tmux.send("q");
    let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
    assert!(screen.contains("glose-exit=0"), "{screen}");

    assert_eq!(tmux.display("#{pane_title}"), title, "pane title changed");
    // No window name is compared (tmux renames windows on its own); the rename
    // escape's payload must simply appear nowhere tmux keeps titles.
    assert!(!tmux.display("#{pane_title}").contains("PWNED-NAME"));
    assert_eq!(
        tmux.run(&["list-buffers"]).stdout,
        buffers,
        "a paste buffer (clipboard) was set"
    );
    assert!(!tmux.display("#{pane_title}").contains("PWNED"));
    // Back at the shell, nothing is left coloured or in another mode.
    let styled = tmux.capture_styled();
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

// ---- input variety ----------------------------------------------------------------------

/// Runs the binary with a deadline (a FIFO or a device must not make it hang),
/// standard input closed and no terminal for the reader to grab.
fn run_with_deadline(mut cmd: Command) -> Output {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env(
            "GLOSE_DATA_DIR",
            std::env::temp_dir().join("glose-hostile-data"),
        )
        .spawn()
        .expect("glose starts");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `glose extract`, `glose export` and the reader (`glose FILE`).
const COMMANDS: [&[&str]; 3] = [&["extract"], &["export"], &[]];

/// Each command refuses `path` with the same single line, `glose: <path>: <reason>`
/// where the reason contains `reason`, exits 1, and prints nothing on standard
/// output (the reader never sets up the terminal).
fn refused_everywhere(path: &Path, reason: &str) {
    refused_by(path, reason, &COMMANDS, None);
}

fn refused_by(path: &Path, reason: &str, commands: &[&[&str]], wrap: Option<&[&str]>) {
    let mut lines = Vec::new();
    for args in commands {
        let mut cmd = match wrap {
            Some(w) => {
                let mut c = Command::new(w[0]);
                c.args(&w[1..]).arg(env!("CARGO_BIN_EXE_glose"));
                c
            }
            None => Command::new(env!("CARGO_BIN_EXE_glose")),
        };
        cmd.args(*args).arg(path);
        let out = run_with_deadline(cmd);
        let err = stderr(&out);
        let what = format!("glose {args:?} {}", path.display());
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(out.stdout.is_empty(), "{what} printed on stdout");
        assert_eq!(err.lines().count(), 1, "{what}: one line, got {err:?}");
        let prefix = format!("glose: {}: ", path.display());
        assert!(err.starts_with(&prefix), "{what}: {err:?}");
        assert!(err.contains(reason), "{what}: {err:?} lacks {reason:?}");
        lines.push(err);
    }
    for l in &lines[1..] {
        assert_eq!(l, &lines[0], "the commands disagree on {}", path.display());
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn utf16(text: &str, bom: bool, big_endian: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if big_endian {
            [0xFE, 0xFF]
        } else {
            [0xFF, 0xFE]
        });
    }
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

const PLAIN: &str = "Vladimir Poutine est arrivé jeudi à Bichkek, au Kirghizstan.\n";

#[test]
fn undecodable_files_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bad = PLAIN.as_bytes().to_vec();
    bad.insert(20, 0xFF);
    refused_everywhere(
        &write(d, "invalid.txt", &bad),
        "invalid UTF-8 at byte offset 20",
    );
    // A truncated multi-byte character at the very end.
    let mut cut = PLAIN.trim_end().as_bytes().to_vec();
    cut.extend([0xC3]);
    refused_everywhere(
        &write(d, "truncated.txt", &cut),
        &format!("invalid UTF-8 at byte offset {}", cut.len() - 1),
    );
    let cp1252 = b"Le pr\xe9sident fran\xe7ais a dit \x93non\x94 \x96 \x80 50.\n";
    refused_everywhere(
        &write(d, "cp1252.txt", cp1252),
        "invalid UTF-8 at byte offset 5; Windows-1252 or Latin-1 text? convert it",
    );
    for (name, bom, be) in [
        ("utf16le-bom.txt", true, false),
        ("utf16be-bom.txt", true, true),
        ("utf16le.txt", false, false),
        ("utf16be.txt", false, true),
    ] {
        refused_everywhere(&write(d, name, &utf16(PLAIN, bom, be)), "UTF-16");
    }
    let mut nul = PLAIN.as_bytes().to_vec();
    nul.insert(10, 0);
    refused_everywhere(
        &write(d, "nul.txt", &nul),
        "binary file (NUL byte at offset 10)",
    );
}

#[test]
fn empty_and_blank_files_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused_everywhere(&write(d, "empty.txt", b""), "file is empty");
    for (name, bytes) in [
        ("spaces.txt", &b"   "[..]),
        ("newlines.txt", b"\n\n\n"),
        ("mixed.txt", b" \t\r\n\x0b\x0c \r"),
        ("bom.txt", b"\xef\xbb\xbf  \n"),
        ("nbsp.txt", "\u{a0}\u{2003}\u{3000}\n".as_bytes()),
    ] {
        refused_everywhere(&write(d, name, bytes), "whitespace");
    }
}

#[test]
fn things_that_are_not_files_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused_everywhere(&d.join("missing.txt"), "no such file");
    refused_everywhere(&d.join("no/such/dir/a.txt"), "no such file");
    // The reader opens a folder as its library: only extract and export refuse it.
    refused_by(d, "is a directory", &COMMANDS[..2], None);
    let a = d.join("loop-a");
    let b = d.join("loop-b");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    refused_everywhere(&a, "too many levels of symbolic links");
    let dangling = d.join("dangling");
    std::os::unix::fs::symlink(d.join("gone.txt"), &dangling).unwrap();
    refused_everywhere(&dangling, "no such file");

    let fifo = d.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        refused_everywhere(&fifo, "not a regular file");
    } else {
        eprintln!("notice: mkfifo failed; skipping the FIFO case");
    }
    // Devices: one never ends, one is always empty.
    refused_everywhere(Path::new("/dev/zero"), "not a regular file");
    refused_everywhere(Path::new("/dev/null"), "not a regular file");
}

#[test]
fn an_unreadable_file_is_refused_with_one_line() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", PLAIN.as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_err() {
        refused_everywhere(&p, "permission denied");
        return;
    }
    // Running as root, which reads anything: drop to nobody for the check, when we can.
    let perms = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(dir.path(), perms).unwrap();
    let nobody = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ];
    let can_drop = Command::new(nobody[0])
        .args(&nobody[1..])
        .arg(env!("CARGO_BIN_EXE_glose"))
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !can_drop {
        eprintln!("notice: running as root without setpriv; skipping the permission case");
        return;
    }
    refused_by(&p, "permission denied", &COMMANDS, Some(&nobody));
}

/// The article in a file, as each front end sees it: `extract` (every mention's
/// text is the file's bytes between its offsets, on char boundaries), `export`,
/// and the reader drawn in a `TestBackend`. Returns the extracted entity names.
fn accepted_everywhere(path: &Path, must_show: &str) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glose"));
    cmd.args(["extract", "--format", "json"]).arg(path);
    let out = run_with_deadline(cmd);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names = Vec::new();
    for e in doc["entities"].as_array().unwrap() {
        names.push(e["name"].as_str().unwrap().to_string());
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let (s, t) = (s as usize, t as usize);
            assert!(s < t && t <= text.len(), "{m}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(t), "{m}");
            assert_eq!(&text[s..t], m["text"].as_str().unwrap());
        }
    }

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glose"));
    cmd.arg("export").arg(path);
    let out = run_with_deadline(cmd);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains('\r'), "export keeps a carriage return: {md:?}");

    let article = Article::load(path).unwrap();
    let entities = extract(&article);
    for b in &article.blocks {
        let shown = b.display(&article.text).text;
        assert!(!shown.contains(['\r', '\n']), "block text {shown:?}");
    }
    let app = App::with_article(article, entities, Theme::colored(), (100, 30));
    let buf = draw(&app);
    let a = ui::areas(buf.area);
    let screen: Vec<String> = (0..buf.area.height)
        .map(|y| row(&buf, a.text.x, y, a.text.width))
        .collect();
    assert!(
        screen.iter().any(|l| l.contains(must_show)),
        "{must_show:?} not on screen:\n{}",
        screen.join("\n")
    );
    names
}

#[test]
fn line_endings_and_unusual_characters_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = "Poutine au Kirghizstan\n\nVladimir Poutine est arrivé jeudi à Bichkek.\n\
                M. Poutine a rencontré Sadyr Japarov.\n\nLa Russie et le Kirghizstan sont alliés.";
    let crlf = body.replace('\n', "\r\n");
    let names = accepted_everywhere(&write(d, "crlf.txt", crlf.as_bytes()), "Bichkek");
    assert!(names.iter().any(|n| n == "Vladimir Poutine"), "{names:?}");
    let cr = body.replace('\n', "\r");
    let names = accepted_everywhere(&write(d, "cr.txt", cr.as_bytes()), "Bichkek");
    assert!(names.iter().any(|n| n == "Vladimir Poutine"), "{names:?}");
    let bom = format!("\u{feff}{crlf}\r\n");
    accepted_everywhere(&write(d, "bom.txt", bom.as_bytes()), "Bichkek");

    let zwj = "Une famille 👨\u{200d}👩\u{200d}👧 et un drapeau 🏳\u{fe0f}\u{200d}🌈 \
               saluent Vladimir Poutine à Bichkek ; \u{200c}zéro\u{200d}largeur.\n";
    accepted_everywhere(
        &write(d, "zwj.txt", zwj.as_bytes()),
        "👨\u{200d}👩\u{200d}👧",
    );

    // Decomposed accents: e + U+0301, a + U+0300.
    let nfd = "Le pre\u{301}sident Emmanuel Macron est arrive\u{301} a\u{300} Orle\u{301}ans \
               pour rencontrer Ame\u{301}lie Oude\u{301}a-Caste\u{301}ra.\n";
    accepted_everywhere(&write(d, "nfd.txt", nfd.as_bytes()), "pre\u{301}sident");

    let rtl = "Le Premier ministre israélien Benyamin Nétanyahou (בנימין נתניהו) a parlé \
               à Jérusalem (القدس) avec Mahmoud Abbas.\n\nשלום עולם. مرحبا بالعالم.\n";
    let names = accepted_everywhere(&write(d, "rtl.txt", rtl.as_bytes()), "שלום");
    assert!(names.iter().any(|n| n.contains("Jérusalem")), "{names:?}");
}

#[test]
fn error_lines_carry_no_escape_sequence_from_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J.txt";
    let missing = dir.path().join(name);
    let nul = write(dir.path(), &format!("nul-{name}"), b"a\0b");
    for path in [&missing, &nul] {
        for args in COMMANDS {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_glose"));
            cmd.args(args).arg(path);
            let out = run_with_deadline(cmd);
            assert_eq!(out.status.code(), Some(1));
            let err = stderr(&out);
            assert!(
                !err.trim_end_matches('\n').chars().any(is_unsafe),
                "glose {args:?}: {err:?}"
            );
        }
    }
}

// ---- issue 11: every line on standard error goes through the sanitizer ------------------

/// The bytes a terminal would act on: ESC, BEL, the C1 introducers.
fn acts_on_terminal(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .any(|c| c != '\n' && (is_unsafe(c) || c == '\u{7}'))
}

/// Issue 11, fault 6: a file named `--x\e]52;c;…\a` passed by a glob set the
/// clipboard through clap's "unexpected argument" message, and `-j "\e]0;T\a"`
/// the window title through its "invalid value" message.
#[test]
fn regression_clap_errors_echo_no_escape_sequence() {
    let cases: [&[&str]; 4] = [
        &["--x\u{1b}]52;c;cHduZWQ=\u{7}"],
        &["extract", "-j", "\u{1b}]0;PWNED\u{7}", "a.txt"],
        &["extract", "--format", "\u{9d}0;PWNED\u{9c}", "a.txt"],
        &["export", "a.txt", "--bogus\u{1b}[2J"],
    ];
    for args in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !acts_on_terminal(&out.stderr),
            "{args:?}: {:?}",
            stderr(&out)
        );
        // What the argument held is still shown, escaped.
        let err = stderr(&out);
        assert!(err.contains("\\x1b") || err.contains("\\u{9d}"), "{err}");
    }
}

/// Issue 11, fault 7: `extract`'s "corrections not applied" line printed a damaged
/// notes file's parse error raw (a value holding OSC 0 and OSC 52).
#[test]
fn regression_a_damaged_notes_files_parse_error_is_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", b"Vladimir Poutine est a Bichkek.\n");
    let data = dir.path().join("data");
    let store = glose::notes::Store::new(&data, &article);
    std::fs::create_dir_all(store.dir()).unwrap();
    let hostile =
        "{\"schema\": \"\\u001b]0;PWNED\\u0007\\u001b]52;c;cHduZWQ=\\u0007\", \"article\": {}}";
    std::fs::write(store.path(), hostile).unwrap();
    for args in [&["extract"][..], &["export"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .arg(&article)
            .env("GLOSE_DATA_DIR", &data)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(err.contains("does not parse"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!acts_on_terminal(&out.stderr), "{args:?}: {err:?}");
        assert_eq!(std::fs::read_to_string(store.path()).unwrap(), hostile);
    }
}

/// Issue 11, fault 16: a file name with a line feed split the error line in two,
/// and bytes that are not UTF-8 came out lossy.
#[cfg(unix)]
#[test]
fn regression_newlines_and_bad_bytes_in_names_are_escaped_in_error_lines() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"two\nlines-\xff\xfe.txt");
    let missing = dir.path().join(name);
    for args in [&["extract"][..], &["export"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err:?}");
        assert!(
            err.contains("two\\nlines-\\xff\\xfe.txt: no such file"),
            "{err:?}"
        );
    }

    // The JSON contract: `path` is lossy, `path_bytes` holds the exact bytes.
    let good = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&good, "Vladimir Poutine est a Bichkek.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["extract", "--format", "json"])
        .arg(&good)
        .env("GLOSE_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["article"]["path"]
        .as_str()
        .unwrap()
        .ends_with("caf\u{FFFD}.txt"));
    let bytes: Vec<u8> = v["article"]["path_bytes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_u64().unwrap() as u8)
        .collect();
    assert_eq!(bytes, good.as_os_str().as_bytes());
}
