//! Text -> blocks and metadata. (First version: one block per non-empty line.)

use super::{Article, Block, BlockKind, Language};

pub fn parse(path: &str, text: String) -> Article {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = pos + lead;
            let end = start + trimmed.len();
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                range: start..end,
                pieces: vec![start..end],
            });
        }
        pos += line.len();
    }
    let title = path.to_string();
    Article {
        path: path.to_string(),
        text,
        title,
        date: None,
        source: None,
        url: None,
        author: None,
        language: Language::Fr,
        blocks,
    }
}
