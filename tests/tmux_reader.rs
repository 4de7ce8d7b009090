//! Issue 14, items 11-14 end to end: the real binary in tmux at 80x24 and 120x35,
//! with a config file in a temporary XDG_CONFIG_HOME (a rebinding and a bad line),
//! kind labels, the mention map, and `y` reaching tmux's clipboard through OSC 52.

use std::path::Path;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{status_line, Tmux};

const CONFIG: &str = "[keys.article]\nnext_mention = [\"o\"]\n\n[colors]\nperson = \"nope\"\n";

#[test]
fn labels_map_copy_and_a_rebinding_from_the_config_file_at_two_sizes() {
    for (w, h) in [(80u16, 24u16), (120, 35)] {
        let bin = env!("CARGO_BIN_EXE_glose");
        let data = tempfile::TempDir::new().unwrap();
        let xdg = tempfile::TempDir::new().unwrap();
        std::fs::create_dir_all(xdg.path().join("glose")).unwrap();
        std::fs::write(xdg.path().join("glose/config.toml"), CONFIG).unwrap();
        let command = format!(
            "GLOSE_DATA_DIR='{}' XDG_CONFIG_HOME='{}' '{bin}' articles/poutine-kirghizstan.txt; echo glose-exit=$?; sleep 60",
            data.path().display(),
            xdg.path().display(),
        );
        let Some(tmux) = Tmux::start(&format!("reader-{w}"), w, h, &command) else {
            return;
        };
        // OSC 52 from the reader goes into a tmux paste buffer.
        assert!(tmux
            .run(&["set-option", "-g", "set-clipboard", "on"])
            .status
            .success());
        let size = format!("{w}x{h}");

        // The bad line is named on the status line, with its line number.
        tmux.wait_for("the config warning", |s| {
            s.contains("config.toml line 5: colors.person")
        });
        tmux.wait_for("the entities", |s| s.contains("▸ "));

        // The rebinding: o goes to the next mention in the article, n no longer does.
        tmux.send("n");
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(
            !status_line(&tmux.capture()).contains("mention 1/"),
            "{size}: n still moves"
        );
        tmux.send("o");
        tmux.wait_for("o: the first mention", |s| {
            status_line(s).contains("mention 1/")
        });

        // The mention map: marks in the column left of the sidebar's border.
        tmux.wait_for("the mention map", |s| s.contains("■│"));

        // Kind labels.
        tmux.send("L");
        let screen = tmux.wait_for("kind labels", |s| {
            s.contains("[per]") && s.contains("kind labels on")
        });
        assert!(screen.contains("Poutine [per]"), "{size}:\n{screen}");

        // y: the sentence and its source, through OSC 52, into tmux's buffer.
        tmux.send("y");
        tmux.wait_for("the copy", |s| s.contains("copied the sentence"));
        let buffer = tmux.wait_for_buffer();
        assert!(
            buffer.contains("Vladimir Poutine")
                && buffer.contains(", articles/poutine-kirghizstan.txt:"),
            "{size}: the clipboard holds {buffer:?}"
        );
        assert!(!buffer.contains("[per]"), "{size}: labels are not text");

        // Help lists the new keys and the rebinding.
        tmux.send("?");
        // Waits for the whole frame: a capture can land in the middle of a redraw.
        let wide = w >= 120;
        tmux.wait_for("help with o and, when wide, the commands' names", |s| {
            s.lines()
                .any(|l| l.contains("│ o ") && l.contains("next mention"))
                && (!wide || s.contains("next_mention"))
        });
        for _ in 0..30 {
            tmux.send("j");
        }
        tmux.wait_for("help's end", |s| {
            s.contains("kind labels after each mention") && s.contains("copy the current highlight")
        });
        // q closes the help (Esc then q, sent at once, can arrive as Alt+q).
        tmux.send("q");
        tmux.wait_for("help closed", |s| !s.contains("Keys: Article"));

        tmux.send("q");
        let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
        assert!(screen.contains("glose-exit=0"), "{size}:\n{screen}");
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).exists());
    }
}
