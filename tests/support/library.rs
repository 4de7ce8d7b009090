//! The small fixture library (tests/fixtures/library, written for the tests)
//! copied into a temporary folder, with its own data directory.

use std::path::{Path, PathBuf};

pub struct Lib {
    _tmp: tempfile::TempDir,
    /// The articles (canonical), also the current folder of every command.
    pub root: PathBuf,
    pub data: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn library() -> Lib {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("articles");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library"),
        &root,
    );
    let root = std::fs::canonicalize(&root).unwrap();
    let data = tmp.path().join("data");
    Lib {
        _tmp: tmp,
        root,
        data,
    }
}
