//! Fitting the weights on gold articles and k-fold cross-validation over articles:
//! fit on k-1 folds, score the held-out fold with those weights, rotate, pool.
//!
//! Candidates are labelled by the gold: the kind of the gold mention a candidate
//! overlaps most, "none" when it overlaps nothing, left out when it only overlaps an
//! optional span (the scorer ignores those too).

use super::corpus::Doc;
use super::score::Scorer;
use crate::extract::model::{self, Example, NONE};
use crate::extract::{candidates, extract_with, profile, Model, Profile};
use crate::EntityKind;

/// How the weights are fitted.
#[derive(Debug, Clone, Copy)]
pub struct FitOptions {
    /// L2 penalty per weight (the loss is averaged over examples).
    pub l2: f64,
    pub iterations: usize,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            l2: 0.002,
            iterations: 300,
        }
    }
}

/// Data whose licence forbids building the product from it (WikiNEuRal is CC
/// BY-NC-SA): never fitted on.
pub fn forbidden(doc: &Doc) -> bool {
    let p = doc.gold_path.to_string_lossy().to_lowercase();
    p.contains("wikineural")
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    let (s, e) = (a.0.max(b.0), a.1.min(b.1));
    e.saturating_sub(s)
}

/// The labelled candidates of one article.
pub fn examples(doc: &Doc, profile: &Profile) -> Vec<Example> {
    let mut gold: Vec<((usize, usize), usize)> = Vec::new();
    let mut optional: Vec<(usize, usize)> =
        doc.gold.optional.iter().map(|m| (m.start, m.end)).collect();
    for e in &doc.gold.entities {
        optional.extend(e.optional_mentions.iter().map(|m| (m.start, m.end)));
        let kind = EntityKind::parse(&e.kind);
        match kind {
            Some(k) if !e.optional => gold.extend(
                e.mentions
                    .iter()
                    .map(|m| ((m.start, m.end), model::class_of(k))),
            ),
            _ => optional.extend(e.mentions.iter().map(|m| (m.start, m.end))),
        }
    }
    let mut out = Vec::new();
    for c in candidates(&doc.article, profile) {
        let span = (c.start, c.end);
        let ev = EntityKind::Event as usize;
        // A name inside a gold event ("Covid-19" in "pandémie de Covid-19") is not
        // that event: only a name that starts it ("Festival de Cannes") is.
        let fits = |g: (usize, usize), k: usize| {
            if c.event {
                k == ev
            } else {
                k != ev || g.0 == span.0
            }
        };
        let best = gold
            .iter()
            .filter(|(g, k)| overlap(span, *g) > 0 && fits(*g, *k))
            .max_by_key(|(g, _)| overlap(span, *g));
        let near = |o: (usize, usize)| overlap(span, o) > 0;
        let class = match best {
            Some((_, k)) => *k,
            None if optional.iter().any(|&o| near(o)) => continue,
            None => NONE,
        };
        out.push(Example {
            feats: c.feats,
            class,
        });
    }
    out
}

/// Fits weights on the given articles.
pub fn fit(docs: &[&Doc], profile: &Profile, opts: FitOptions) -> Model {
    let examples: Vec<Example> = docs
        .iter()
        .filter(|d| !forbidden(d))
        .flat_map(|d| examples(d, profile))
        .collect();
    model::fit(&profile.space, &examples, opts.l2, opts.iterations)
}

/// K-fold cross-validation over articles (article `i` is in fold `i % k`, in the
/// order given): every article is scored by weights fitted without it.
pub fn cross_validate(docs: &[Doc], k: usize, drop_events: bool, opts: FitOptions) -> Scorer {
    let mut scorer = Scorer::new();
    let k = k.clamp(2, docs.len().max(2));
    let lang = docs
        .first()
        .map_or(crate::Language::Fr, |d| d.article.language);
    let prof = profile(lang);
    // Each article's examples are computed once and shared by the folds.
    let per_doc: Vec<Vec<Example>> = docs
        .iter()
        .map(|d| {
            if forbidden(d) {
                Vec::new()
            } else {
                examples(d, prof)
            }
        })
        .collect();
    for fold in 0..k {
        let train: Vec<Example> = per_doc
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .flat_map(|(_, ex)| ex.iter().cloned())
            .collect();
        let m = model::fit(&prof.space, &train, opts.l2, opts.iterations);
        for (i, d) in docs.iter().enumerate() {
            if i % k == fold {
                let p = profile(d.article.language);
                scorer.add_with(&d.gold, &extract_with(&d.article, p, &m), drop_events);
            }
        }
    }
    scorer
}
