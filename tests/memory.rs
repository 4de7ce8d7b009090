//! Peak memory and the input size limit (issue 11, fault 12), measured on the
//! `glose` binary. The full sizes are `#[ignore]`d and run in release mode in CI
//! (`.ci/run`): `cargo test --release --test memory -- --include-ignored --nocapture`.
//!
//! This file holds only these tests: a child started from a big process inherits
//! that process's peak (the kernel's count survives `exec`), so the test process
//! must stay small. Inputs are streamed in small chunks, never held.

use std::fs;
use std::path::Path;
use std::time::Instant;

// ---- the size limit and peak memory ------------------------------------------------------
//
// The peak is the kernel's count for the child (`wait4`). A child started from a
// big process inherits that process's peak (the count survives `exec`), so these
// tests never hold their inputs in memory: inputs are streamed, in small chunks, to
// a file or to the child's standard input.

/// What goes to standard input: nothing, or `bytes` bytes of `unit` repeated.
#[derive(Clone, Copy)]
enum Input {
    Null,
    Repeat(&'static str, usize),
}

/// Writes `bytes` bytes of `unit` repeated (cut on a character boundary).
fn stream(out: &mut impl std::io::Write, unit: &str, bytes: usize) -> std::io::Result<()> {
    let chunk = unit.repeat((1 << 16) / unit.len() + 1);
    let mut left = bytes;
    while left > 0 {
        let mut n = left.min(chunk.len());
        while !chunk.is_char_boundary(n) {
            n -= 1;
        }
        if n == 0 {
            break;
        }
        out.write_all(&chunk.as_bytes()[..n])?;
        left -= n;
    }
    Ok(())
}

fn file_of(dir: &Path, unit: &str, bytes: usize) -> std::path::PathBuf {
    let path = dir.join("input.txt");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    stream(&mut f, unit, bytes).unwrap();
    std::io::Write::flush(&mut f).unwrap();
    path
}

/// Runs `glose args` with `input` on standard input (written from a thread, so
/// glose may stop reading early) and returns its exit code, standard error and
/// peak resident memory in bytes.
#[cfg(target_os = "linux")]
#[allow(clippy::zombie_processes)] // reaped by wait4, which gives its rusage
fn run_measured(args: &[&str], input: Input) -> (i32, String, u64) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(match input {
            Input::Null => Stdio::null(),
            Input::Repeat(..) => Stdio::piped(),
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = match input {
        Input::Null => None,
        Input::Repeat(unit, bytes) => {
            let mut stdin = child.stdin.take().unwrap();
            Some(std::thread::spawn(move || {
                let _ = stream(&mut stdin, unit, bytes);
            }))
        }
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid, and wait4 only writes into the two
    // out-parameters, for this child, which nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    if let Some(w) = writer {
        w.join().unwrap();
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // ru_maxrss is in kilobytes on Linux.
    (code, err, usage.ru_maxrss as u64 * 1024)
}

const MB: u64 = 1 << 20;

/// News text: a paragraph of the seed article, repeated.
const NEWS: &str = "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens \
militaires avec ce pays d'Asie centrale. Le président russe ne risque pas d'être arrêté lors \
de ce voyage, le Kirghizstan n'ayant pas ratifié le Statut de Rome.\n\n";

/// Dense text: every other word a name.
const DENSE: &str = "Vladimir Poutine et Sadyr Japarov ont vu Emmanuel Macron à Bichkek, \
Paris et Moscou avec l'OTAN. ";

/// Issue 11, fault 12: 300 MB on standard input used 12.3 GB. It is now refused
/// once the 256 MB limit is passed, holding no more than the limit.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "full size: run in release with --include-ignored"]
fn regression_300_mb_on_standard_input_is_refused_in_bounded_memory() {
    let (code, err, peak) = run_measured(&["extract", "-"], Input::Repeat(NEWS, 300 << 20));
    eprintln!("300 MB on stdin: exit {code}, peak {} MB", peak / MB);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "glose: -: more than the 256 MB size limit (--max-size SIZE lifts it)\n"
    );
    assert!(peak < 256 * MB + 50 * MB, "peak {} MB", peak / MB);
}

/// The smoke version: a limit passed on standard input costs about the limit.
#[cfg(target_os = "linux")]
#[test]
fn standard_input_past_the_limit_costs_about_the_limit() {
    let (code, err, peak) = run_measured(
        &["extract", "--max-size", "8M", "-"],
        Input::Repeat(NEWS, 40 << 20),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("more than the 8 MB size limit"), "{err}");
    assert!(peak < 8 * MB + 50 * MB, "peak {} MB", peak / MB);
}

fn under_4x_plus_50(what: &str, unit: &'static str, size: usize) {
    let dir = tempfile::TempDir::new().unwrap();
    let file = file_of(dir.path(), unit, size);
    let bound = 4 * size as u64 + 50 * MB;
    let path = file.to_str().unwrap();
    for (from, args, input) in [
        (
            "file",
            vec!["extract", "--format", "json", path],
            Input::Null,
        ),
        (
            "stdin",
            vec!["extract", "--format", "json", "-"],
            Input::Repeat(unit, size),
        ),
    ] {
        let t = Instant::now();
        let (code, err, peak) = run_measured(&args, input);
        eprintln!(
            "{} MB of {what} from {from}: {:?}, peak {} MB (bound {} MB)",
            size as u64 / MB,
            t.elapsed(),
            peak / MB,
            bound / MB
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            peak < bound,
            "{what} from {from}: peak {} MB > {} MB",
            peak / MB,
            bound / MB
        );
    }
}

/// Issue 11, fault 12: peak memory under 4x the input + 50 MB, for a file and for
/// standard input (news text).
#[cfg(target_os = "linux")]
#[test]
#[ignore = "full size: run in release with --include-ignored"]
fn peak_memory_of_news_text_is_under_4x_the_input_plus_50_mb() {
    under_4x_plus_50("news text", NEWS, 32 << 20);
}

/// Issue 11, fault 12 on dense text: 50 MB of names took 2 GB, 10 MB 431 MB. Long
/// blocks are now proposed in segments and each mention is held in 24 bytes.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "full size: run in release with --include-ignored"]
fn peak_memory_of_dense_text_is_under_4x_the_input_plus_50_mb() {
    under_4x_plus_50("dense names", DENSE, 10 << 20);
}
