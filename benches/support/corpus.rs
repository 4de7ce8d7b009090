//! Bench inputs: the shared articles repeated to a size (the seed alone when
//! `../shared` is absent). Included by each bench with `#[path]`.

use std::path::Path;

/// At least `min_bytes` of real news text.
pub fn corpus(min_bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(root.join("../shared/articles"))
        .map(|d| {
            let mut paths: Vec<_> = d.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        texts.push(std::fs::read_to_string(root.join("articles/poutine-kirghizstan.txt")).unwrap());
    }
    let one: String = texts.iter().map(|t| format!("{}\n\n", t.trim())).collect();
    let mut out = String::with_capacity(min_bytes + one.len());
    while out.len() < min_bytes {
        out.push_str(&one);
    }
    out
}
