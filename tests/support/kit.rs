//! The shared evaluation kit (`../shared` beside the repository, or `$GLOSE_SHARED`)
//! and how a test that needs it behaves without it: in CI (env `CI` set) it fails,
//! naming the missing kit; elsewhere (a user's clone) it skips with a notice
//! written past the test harness's capture, so the skip is seen.
//! Included with `#[path = "support/kit.rs"] mod kit;`.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// Whether the tests run in CI: `CI` set to anything but "", "0" or "false".
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// The kit's root: `$GLOSE_SHARED`, else `../shared` next to the workspace.
pub fn root() -> PathBuf {
    match std::env::var_os("GLOSE_SHARED").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// `<kit>/<part>` when it exists. Missing: panics in CI with the kit named, else
/// prints a notice for `test` and returns `None`.
pub fn shared(part: &str, test: &str) -> Option<PathBuf> {
    let path = root().join(part);
    if path.exists() {
        return Some(path);
    }
    missing(
        &format!(
            "the shared evaluation kit is missing: {} (put the kit in ../shared beside the \
             repository or set GLOSE_SHARED)",
            path.display()
        ),
        test,
    );
    None
}

/// A test's requirement is missing: fail in CI, else skip with a visible notice.
pub fn missing(what: &str, test: &str) {
    if in_ci() {
        panic!("{what}; CI is set, so {test} fails instead of skipping");
    }
    // Straight to the process's stderr: libtest captures only print!/eprint!.
    let _ = writeln!(std::io::stderr(), "notice: SKIPPED {test}: {what}");
}
