//! A tmux server of the test's own, for end-to-end tests of the real binary in a real
//! terminal. Included with `#[path = "support/tmux.rs"] mod tmux;` by the tests that
//! need it; not every test uses every helper.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Its own socket, so tests run side by side; killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `shell_command` in a detached `width`×`height` session started in the crate
    /// folder, or says why not and returns `None` where tmux is not installed (in CI,
    /// which installs it, a missing tmux fails the test). Windows are never renamed
    /// automatically, and no test reads a window's name: tmux's automatic-rename
    /// follows the running process and made such checks fail at random.
    pub fn start(name: &str, width: u16, height: u16, shell_command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            let what = "tmux is not installed";
            let test = format!("the tmux test {name}");
            if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false") {
                panic!("{what}; CI is set, so {test} fails instead of skipping");
            }
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "notice: SKIPPED {test}: {what}");
            return None;
        }
        let tmux = Tmux {
            socket: format!("glose-test-{name}-{}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            shell_command,
            ";",
            "set-option",
            "-g",
            "automatic-rename",
            "off",
            ";",
            "set-window-option",
            "-t",
            "0",
            "automatic-rename",
            "off",
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
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

    /// One key, in tmux's names ("Enter", "Tab", "C-s", "q").
    pub fn send(&self, key: &str) {
        let out = self.run(&["send-keys", "-t", "0", key]);
        assert!(out.status.success(), "send-keys {key}");
    }

    /// Literal text, typed as is.
    pub fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", "0", "-l", text])
            .status
            .success());
    }

    /// The screen as text.
    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn capture_styled(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "0"]).stdout)
            .into_owned()
    }

    /// A tmux format for the pane ("#{pane_title}", "#{alternate_on}").
    pub fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `ok`, returning it; panics with the screen
    /// after 30 s.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

impl Tmux {
    /// The newest paste buffer (what OSC 52 put on tmux's clipboard with
    /// `set-clipboard on`); panics after 10 s without one.
    pub fn wait_for_buffer(&self) -> String {
        let start = Instant::now();
        loop {
            let out = self.run(&["show-buffer"]);
            if out.status.success() {
                return String::from_utf8_lossy(&out.stdout).into_owned();
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("no paste buffer: {}", String::from_utf8_lossy(&out.stderr));
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

/// The last non-blank line of a screen: the reader's status line.
pub fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}
