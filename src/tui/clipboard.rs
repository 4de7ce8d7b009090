//! `y`: the current highlight (or the current sentence) and where it comes from,
//! copied through the terminal's clipboard with OSC 52, and also through the
//! desktop's clipboard command when there is one (terminals and multiplexers that
//! drop OSC 52 are common). The text is article text, so untrusted: control
//! characters are taken out before it is encoded (base64, the `base64` crate,
//! rather than a hand-written encoder), and its size is capped so a huge highlight
//! cannot flood the terminal. The event loop writes [`osc52`]'s bytes to the
//! terminal and runs [`desktop_command`]'s program through [`pipe_to`].

use super::reader::Reader;
use base64::Engine;
use std::ops::Range;

/// The most text one copy carries (bytes, before encoding). Terminals cap OSC 52
/// payloads too (xterm and tmux at about 100 KB of base64).
pub const MAX_COPY: usize = 64 * 1024;

/// The text made safe for the clipboard: line feeds kept, tabs and carriage
/// returns as spaces, other control characters, escape introducers and bidi
/// overrides left out.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\r' => Some(' '),
            c if crate::text::sanitize_char(c) != c || c == '\u{FFFD}' => None,
            c => Some(c),
        })
        .collect()
}

/// At most `max` bytes of `text`, cut at a character boundary with `…`; whether
/// it was cut.
pub fn cap(text: &str, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text.to_string(), false);
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (format!("{}…", &text[..end]), true)
}

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; <base64> BEL`.
/// `text` must already be clean and capped.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(
        base64::engine::general_purpose::STANDARD
            .encode(text.as_bytes())
            .into_bytes(),
    );
    out.push(0x07);
    out
}

/// Writes [`osc52`]'s bytes to the terminal (the event loop's `Effect::Copy`).
pub fn write_osc52(out: &mut dyn std::io::Write, text: &str) -> std::io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

/// The desktop's clipboard program, if this session has one: `wl-copy` under
/// Wayland, `xclip` or `xsel` under X11, `pbcopy` on macOS, `clip.exe` under WSL
/// or Windows. `env` reads an environment variable, `on_path` says whether a
/// program can be run; both are arguments so the choice is testable.
pub fn desktop_command(
    env: impl Fn(&str) -> Option<String>,
    on_path: impl Fn(&str) -> bool,
) -> Option<(&'static str, &'static [&'static str])> {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    let candidates: &[(&str, &[&str], bool)] = &[
        ("wl-copy", &[], set("WAYLAND_DISPLAY")),
        ("xclip", &["-selection", "clipboard"], set("DISPLAY")),
        ("xsel", &["--clipboard", "--input"], set("DISPLAY")),
        ("pbcopy", &[], cfg!(target_os = "macos")),
        (
            "clip.exe",
            &[],
            cfg!(windows) || set("WSL_DISTRO_NAME") || set("WSL_INTEROP"),
        ),
    ];
    candidates
        .iter()
        .find(|(prog, _, usable)| *usable && on_path(prog))
        .map(|&(prog, args, _)| (prog, args))
}

/// Whether `prog` is an executable file in one of `PATH`'s folders.
pub fn on_path(prog: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let file = dir.join(prog);
            std::fs::metadata(&file).is_ok_and(|m| m.is_file() && is_executable(&m))
        })
    })
}

#[cfg(unix)]
fn is_executable(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_: &std::fs::Metadata) -> bool {
    true
}

/// Runs `prog args` with `text` on its standard input, its output discarded so
/// it never reaches the screen. Not waited for: `xclip` stays alive to serve
/// the selection; a thread reaps it when it ends.
pub fn pipe_to(prog: &str, args: &[&str], text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(prog)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(text.as_bytes()));
    std::thread::spawn(move || child.wait());
    written
}

/// What `y` copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The clean, capped text: the passage, a blank line, then its source line.
    pub text: String,
    /// "the highlight" or "the sentence".
    pub what: &'static str,
    pub cut: bool,
}

impl Reader {
    /// The passage `y` copies: the current highlight, else the current sentence,
    /// as the reader shows it (no markup), with its source line.
    pub fn copy(&self) -> Option<Copied> {
        let highlight = self.highlight_under_cursor().and_then(|id| {
            let notes = self.doc.notes.as_ref()?;
            notes.placed_of(&id)?.range.clone()
        });
        let (range, what) = match highlight {
            Some(r) => (r, "the highlight"),
            None => (
                self.current_sentence()
                    .and_then(|s| self.sentence_range(s))?,
                "the sentence",
            ),
        };
        let passage = self.shown_text(range.clone());
        let (line, col) = line_col(&self.doc.article.text, range.start);
        let source = format!(
            "— {}, {}:{line}:{col}",
            self.doc.article.title, self.doc.article.path
        );
        let (text, cut) = cap(&clean(&format!("{}\n\n{source}", passage.trim())), MAX_COPY);
        Some(Copied { text, what, cut })
    }

    /// A file range as the reader shows it: each block's displayed text (markup
    /// left out), blocks separated by a blank line.
    fn shown_text(&self, range: Range<usize>) -> String {
        let blocks = &self.doc.article.blocks;
        let first = blocks.partition_point(|b| b.range.end <= range.start);
        let mut parts = Vec::new();
        for (i, b) in blocks.iter().enumerate().skip(first) {
            if b.range.start >= range.end {
                break;
            }
            let d = &self.block(i).display;
            let lo = (range.start.max(b.range.start)..=b.range.end)
                .find_map(|f| d.from_file(f))
                .unwrap_or(0);
            let hi = (range.start.max(b.range.start)..=range.end.min(b.range.end))
                .rev()
                .find_map(|f| d.from_file(f))
                .unwrap_or(d.text.len());
            if let Some(s) = d.text.get(lo..hi.max(lo)) {
                parts.push(s.to_string());
            }
        }
        parts.join("\n\n")
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_left_out() {
        assert_eq!(
            clean("a\x1b]52;c;x\x07b\r\nc\td\u{202e}e"),
            "a]52;c;xb\nc de"
        );
    }

    #[test]
    fn the_cap_cuts_at_a_character_boundary() {
        let (s, cut) = cap("ééééé", 6);
        assert!(cut);
        assert_eq!(s, "é…");
        assert_eq!(cap("abc", 3), ("abc".to_string(), false));
    }

    #[test]
    fn osc52_bytes() {
        assert_eq!(
            osc52("Poutine é"),
            b"\x1b]52;c;UG91dGluZSDDqQ==\x07".to_vec()
        );
    }

    #[test]
    fn the_desktop_command_follows_the_session() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = |_: &str| true;
        let wayland = desktop_command(env(&[("WAYLAND_DISPLAY", "wayland-0")]), all);
        assert_eq!(wayland.map(|c| c.0), Some("wl-copy"));
        let x11 = desktop_command(env(&[("DISPLAY", ":0")]), all);
        assert_eq!(x11, Some(("xclip", &["-selection", "clipboard"][..])));
        // xclip missing: xsel.
        let xsel = desktop_command(env(&[("DISPLAY", ":0")]), |p| p == "xsel");
        assert_eq!(xsel.map(|c| c.0), Some("xsel"));
        // A display set but empty, or a program but no display: none (on Linux).
        if cfg!(target_os = "linux") {
            assert_eq!(desktop_command(env(&[("DISPLAY", "")]), all), None);
            assert_eq!(desktop_command(env(&[]), all), None);
        }
    }

    #[cfg(unix)]
    #[test]
    fn pipe_to_gives_the_program_the_text() {
        let dir = std::env::temp_dir().join(format!("glose-clip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("clip.txt");
        let script = format!("cat > '{}'", out.display());
        pipe_to("sh", &["-c", &script], "Poutine é\nligne").unwrap();
        let mut got = String::new();
        for _ in 0..200 {
            got = std::fs::read_to_string(&out).unwrap_or_default();
            if got.ends_with("ligne") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(got, "Poutine é\nligne");
        std::fs::remove_dir_all(&dir).ok();
        assert!(pipe_to("glose-no-such-program", &[], "x").is_err());
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("abc", 0), (1, 1));
    }
}
