//! The `glose` command line: the JSON contract, JSON Lines, stdin, exit codes and a
//! one-line error for each bad input.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = "articles/poutine-kirghizstan.txt";

fn glose(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// One line on stderr, `glose: <path>: <reason>`, exit 1, no panic or backtrace.
macro_rules! refuses {
    ($path:expr, $reason:expr) => {{
        let owned: PathBuf = PathBuf::from($path);
        let p: &Path = &owned;
        let o = glose(&["extract", "--format", "json", p.to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "stderr: {err}");
        assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
        assert!(
            err.starts_with(&format!("glose: {}: ", p.display())),
            "{err}"
        );
        assert!(
            err.contains($reason),
            "{err:?} should contain {:?}",
            $reason
        );
        assert!(!err.contains("panicked"));
        assert!(stdout(&o).is_empty());
    }};
}

#[test]
fn json_contract_on_the_seed() {
    let o = glose(&["extract", SEED, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let art = &v["article"];
    assert_eq!(art["path"], SEED);
    assert_eq!(art["date"], "2023-10");
    assert_eq!(art["language"], "fr");
    let title = art["title"].as_str().unwrap();
    assert!(
        title.starts_with("Vladimir Poutine"),
        "title from the lede, not the date line: {title}"
    );
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["article", "entities"]);

    let file = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    let ents = v["entities"].as_array().unwrap();
    assert!(!ents.is_empty());
    let mut last_first = 0;
    for (i, e) in ents.iter().enumerate() {
        assert_eq!(e["id"], format!("e{}", i + 1));
        assert!(["person", "place", "organization", "event"].contains(&e["kind"].as_str().unwrap()));
        let ms = e["mentions"].as_array().unwrap();
        assert!(!ms.is_empty());
        let mut prev = 0;
        for m in ms {
            let (s, en) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(s < en && en <= file.len());
            assert_eq!(
                &file[s..en],
                m["text"].as_str().unwrap().as_bytes(),
                "text is the file's bytes"
            );
            assert!(s >= prev, "mentions in text order");
            prev = s;
        }
        let first = ms[0]["start"].as_u64().unwrap() as usize;
        assert!(first >= last_first, "entities in order of first mention");
        last_first = first;
    }
    let poutine = ents
        .iter()
        .find(|e| e["name"] == "Vladimir Poutine")
        .expect("Vladimir Poutine");
    assert_eq!(poutine["kind"], "person");
    assert_eq!(poutine["mentions"][0]["start"], 14);
    assert_eq!(poutine["mentions"][0]["end"], 30);
}

#[test]
fn several_files_give_json_lines_in_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("b.txt");
    std::fs::write(&other, "Emmanuel Macron est arrivé à Berlin.\n").unwrap();
    let o = glose(&["extract", "--format", "json", other.to_str().unwrap(), SEED]);
    assert!(o.status.success());
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["article"]["path"], other.to_str().unwrap());
    assert_eq!(lines[1]["article"]["path"], SEED);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["extract", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("M. Poutine est à Moscou.\n".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["article"]["path"], "-");
    assert!(v["article"]["date"].is_null());
}

#[test]
fn text_format_groups_by_kind_with_counts() {
    let o = glose(&["extract", SEED]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("People ("), "{out}");
    assert!(out.contains("Places ("), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("Vladimir Poutine") && l.contains("mentions")),
        "{out}"
    );
}

#[test]
fn bad_usage_exits_2() {
    let o = glose(&["extract"]);
    assert_eq!(o.status.code(), Some(2));
    let o = glose(&["extract", SEED, "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = glose(&["frobnicate", "--nope"]);
    assert_eq!(o.status.code(), Some(2));
}

fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bad_inputs_get_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refuses!(d.join("missing.txt"), "no such file");
    refuses!(d, "is a directory");
    refuses!(temp_file(d, "empty.txt", b""), "empty");
    refuses!(temp_file(d, "blank.txt", b"  \n\t\r\n  "), "whitespace");
    refuses!(
        temp_file(d, "bin.txt", b"abc\0def"),
        "binary file (NUL byte at offset 3)"
    );
    refuses!(
        temp_file(d, "latin1.txt", b"Caf\xe9 de Paris"),
        "invalid UTF-8 at byte offset 3"
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Bonjour Paris".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    refuses!(temp_file(d, "utf16.txt", &utf16), "UTF-16");
    let bare16: Vec<u8> = "Bonjour Paris, ceci est un texte"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    refuses!(temp_file(d, "utf16-nobom.txt", &bare16), "UTF-16");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = temp_file(d, "secret.txt", b"Paris");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        // root reads anything: only check when the permission really bites.
        if std::fs::read(&p).is_err() {
            refuses!(p, "permission denied");
        }
        let fifo = d.join("fifo");
        if Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            refuses!(fifo, "not a regular file");
        }
        let a = d.join("loop-a");
        let b = d.join("loop-b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        refuses!(a, "symbolic links");
    }
}

#[test]
fn one_bad_file_among_good_ones_still_prints_the_good_ones() {
    let o = glose(&["extract", "--format", "json", "nope.txt", SEED]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert_eq!(stderr(&o).trim(), "glose: nope.txt: no such file");
}

#[test]
fn parallel_jobs_keep_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    let mut args: Vec<String> = vec![
        "extract".into(),
        "--format".into(),
        "json".into(),
        "-j".into(),
        "4".into(),
    ];
    let mut paths = Vec::new();
    for i in 0..12 {
        // Alternate a long and a tiny article so later files often finish first.
        let p = dir.path().join(format!("a{i:02}.txt"));
        if i % 2 == 0 {
            std::fs::write(&p, &seed).unwrap();
        } else {
            std::fs::write(&p, format!("M. Durand est arrivé à Lyon le jour {i}.\n")).unwrap();
        }
        paths.push(p.to_str().unwrap().to_string());
    }
    paths.insert(
        5,
        dir.path().join("missing.txt").to_str().unwrap().to_string(),
    );
    args.extend(paths.iter().cloned());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = glose(&refs);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a missing file makes the run fail"
    );
    let got: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["article"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = paths
        .iter()
        .filter(|p| !p.ends_with("missing.txt"))
        .cloned()
        .collect();
    assert_eq!(got, want);
    assert_eq!(stderr(&o).lines().count(), 1);
}

// ---- issue 11 ------------------------------------------------------------------------------

/// Issue 11, fault 12: there was no size limit (300 MB took minutes and gigabytes).
/// Above 256 MB glose refuses in one line naming the limit and the flag; the file
/// is not read (a sparse file costs nothing here).
#[test]
fn regression_above_the_size_limit_glose_refuses_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    for args in [&["extract"][..], &["export"][..], &[][..]] {
        let o = Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .arg(&big)
            .env("GLOSE_DATA_DIR", dir.path().join("data"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err,
            format!(
                "glose: {}: file is 300 MB, above the 256 MB size limit (--max-size SIZE lifts it)\n",
                big.display()
            ),
            "{args:?}"
        );
    }

    // The flag moves the limit, both ways.
    let small = temp_file(
        dir.path(),
        "small.txt",
        "Vladimir Poutine a Bichkek.\n".repeat(100).as_bytes(),
    );
    let small = small.to_str().unwrap();
    let o = glose(&["extract", "--max-size", "1K", small]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("file is 2.7 KB, above the 1 KB size limit"),
        "{}",
        stderr(&o)
    );
    let o = glose(&["extract", "--max-size", "4K", small]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = glose(&["extract", small, "--max-size", "none"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = glose(&["extract", "--max-size", "lots", small]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 11, fault 12: standard input had no cap (300 MB on stdin used 12 GB). It
/// is read with the same limit, and refused as soon as the limit is passed.
#[test]
fn regression_standard_input_is_read_with_the_size_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["extract", "--max-size", "64K", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // Far more than the limit: glose stops reading, so this write fails.
        let chunk = "Vladimir Poutine à Bichkek. ".repeat(1000);
        for _ in 0..1000 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "glose: -: more than the 64 KB size limit (--max-size SIZE lifts it)\n"
    );
    assert!(o.stdout.is_empty());
}

/// Issue 11, fault 13: `-j 1000` started 1000 threads (and panicked under a process
/// limit). It is capped at 4 per core, with a note.
#[test]
fn regression_jobs_are_capped_with_a_note() {
    let cores = std::thread::available_parallelism().unwrap().get();
    let o = glose(&["extract", "-j", "1000", SEED, SEED]);
    assert!(o.status.success());
    assert_eq!(
        stderr(&o),
        format!(
            "glose: -j 1000 is more than 4 per core; using {} ({cores} core{})\n",
            cores * 4,
            if cores == 1 { "" } else { "s" }
        )
    );
    let o = glose(&["extract", "-j", "2", SEED, SEED]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// Issue 11, fault 13: a thread that cannot be started (a process or memory limit)
/// is one line on standard error, never a panic; the files are still processed.
/// Each thread asks for a 1 GB stack under a 1.5 GB address-space limit, so the
/// second one cannot start.
#[cfg(unix)]
#[test]
fn regression_thread_spawn_failure_is_a_line_not_a_panic() {
    let bin = env!("CARGO_BIN_EXE_glose");
    let o = Command::new("sh")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("-c")
        .arg(format!(
            "ulimit -v 1500000 && exec '{bin}' extract -j 4 --format json {SEED} {SEED} {SEED}"
        ))
        .env("RUST_MIN_STACK", "1000000000")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("cannot start"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(o.status.success(), "{err}");
    assert_eq!(stdout(&o).lines().count(), 3);
}

/// Issue 11, minor: `eval` errors kept "(os error 2)".
#[test]
fn regression_eval_errors_have_no_os_error_tail() {
    let o = glose(&["eval", "no-such.gold.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "glose: no-such.gold.json: no such file\n");
}
