//! End to end at 80x24: a library indexed with `glose index`, the reader on one
//! article, "also in" for a person, `w`, Enter to the other article at its
//! first mention, Backspace back. The real binary, the real extractor, tmux.

use std::path::Path;
use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{status_line, Tmux};

const BERLIN: &str = "---
title: Macron à Berlin
date: 2024-03-12
lang: fr
---
Emmanuel Macron est arrivé mardi à Berlin pour rencontrer le chancelier Olaf Scholz.

Les deux dirigeants parlent de l'aide à l'Ukraine.

Olaf Scholz a promis une réponse avant l'été.
";

const BUDGET: &str = "---
title: Le budget de Berlin
date: 2024-05-03
lang: fr
---
Le Bundestag a commencé jeudi l'examen du budget.

Le chancelier Olaf Scholz a défendu son plan devant les députés.

Olaf Scholz a promis de nouveaux investissements dans le rail.
";

#[test]
fn w_jumps_to_another_article_and_backspace_returns() {
    let bin = env!("CARGO_BIN_EXE_glose");
    let tmp = tempfile::TempDir::new().unwrap();
    let lib = tmp.path().join("lib");
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("berlin.txt"), BERLIN).unwrap();
    std::fs::write(lib.join("budget.txt"), BUDGET).unwrap();
    let out = Command::new(bin)
        .args(["index".as_ref(), lib.as_os_str()])
        .env("GLOSE_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");

    let command = format!(
        "GLOSE_DATA_DIR='{}' '{bin}' '{}'; echo glose-exit=$?; sleep 60",
        data.display(),
        Path::new(&lib).join("berlin.txt").display()
    );
    let Some(tmux) = Tmux::start("index", 80, 24, &command) else {
        return;
    };
    tmux.wait_for("the entities", |s| s.contains("▸ "));
    tmux.send("Tab");
    tmux.wait_for("the sidebar focus", |s| status_line(s).contains("jump"));
    for _ in 0..12 {
        if status_line(&tmux.capture()).contains("Olaf Scholz") {
            break;
        }
        tmux.send("j");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let screen = tmux.wait_for("also in", |s| s.contains("also in 1 article"));
    assert!(status_line(&screen).contains("Olaf Scholz"), "{screen}");

    tmux.send("w");
    tmux.wait_for("the list", |s| s.contains("also in 1 other article"));
    tmux.send("Enter");
    let screen = tmux.wait_for("the budget", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Le budget de Berlin"))
            && status_line(s).contains("mention 1/")
    });
    assert!(status_line(&screen).contains("Scholz"), "{screen}");

    tmux.send("BSpace");
    tmux.wait_for("back in Berlin, Olaf Scholz selected", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Macron à Berlin"))
            && status_line(s).contains("Olaf Scholz")
            && s.contains("also in 1 article")
    });

    tmux.send("q");
    let screen = tmux.wait_for("the exit", |s| s.contains("glose-exit="));
    assert!(screen.contains("glose-exit=0"), "{screen}");
}
