//! Article -> entities.

use crate::{Article, Entity};

/// Finds the entities an article mentions, in order of first mention.
pub fn extract(_article: &Article) -> Vec<Entity> {
    Vec::new()
}
