//! Evaluation: scoring against gold exactly as the kit's `score.py` does
//! (`score`), reading gold corpora (`corpus`), and k-fold cross-validation over
//! articles with the weights fitted on the other folds (`cv`).

pub mod corpus;
pub mod cv;
pub mod score;

pub use corpus::{annotates_events, find_article, gold_files, CorpusError, Doc};
pub use score::{format_table, to_json, Gold, GoldEntity, GoldSpan, Row, Scorer, Tally};
