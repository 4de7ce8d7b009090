//! Fitting the weights on gold articles and k-fold cross-validation over articles:
//! fit on k-1 folds, score the held-out fold with those weights, rotate, pool.
//!
//! Candidates are labelled by the gold: the kind of the gold mention a candidate
//! overlaps most, "none" when it overlaps nothing, left out when it only overlaps an
//! optional span (the scorer ignores those too).

use super::corpus::Doc;
use super::score::Scorer;
use crate::extract::features::FeatureSpace;
use crate::extract::model::{self, Example, Penalty, NONE};
use crate::extract::{candidates, extract_with, profile, Model, Profile};
use crate::EntityKind;
use std::collections::HashMap;

/// How the weights are fitted.
#[derive(Debug, Clone)]
pub struct FitOptions {
    /// L2 penalty per weight toward the prior (the loss is averaged over examples).
    pub l2: f64,
    pub iterations: usize,
    /// What another language brings: never the held-out articles.
    pub borrowed: Borrowed,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            l2: 0.002,
            iterations: 300,
            borrowed: Borrowed::default(),
        }
    }
}

/// What another language's weights and articles bring to a fit, carried into this
/// language's features by name. A language with few gold articles estimates the
/// weights every language shares (shape, lists, position) poorly on its own.
#[derive(Debug, Clone, Default)]
pub struct Borrowed {
    /// Weights fitted on another language, as the prior the fit pulls toward (and
    /// the bias with it) instead of the rules' prior; by feature id.
    pub prior: Option<Vec<[f32; 5]>>,
    /// Another language's labelled candidates, added (down-weighted) to every
    /// training set.
    pub pooled: Vec<Example>,
}

/// Another language's fitted weights as a prior for `target`: each feature both
/// languages have starts from `target`'s rules prior moved by what the other
/// language's data moved it by (fitted minus that language's rules prior), so each
/// language's own rules stay; a feature only `target` has keeps its rules prior.
pub fn carried_prior(
    target: &FeatureSpace,
    source: &FeatureSpace,
    fitted: &Model,
) -> Vec<[f32; 5]> {
    let mut out = model::prior(target);
    let source_rules = model::prior(source);
    let index = by_name(source);
    for (i, name) in target.names.iter().enumerate() {
        if let Some(&j) = index.get(name.as_str()) {
            for k in 0..5 {
                out[i][k] += fitted.weights[j][k] - source_rules[j][k];
            }
        }
    }
    out
}

fn by_name(space: &FeatureSpace) -> HashMap<&str, usize> {
    space
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect()
}

/// The labelled candidates of other articles (any language; each read with its own
/// profile), their features carried into `target` by name (those it lacks
/// dropped), each weighing `weight` in the loss.
pub fn carried_examples(target: &FeatureSpace, docs: &[Doc], weight: f32) -> Vec<Example> {
    let index = by_name(target);
    let mut out = Vec::new();
    for d in docs.iter().filter(|d| !forbidden(d)) {
        let p = profile(d.article.language);
        let map: Vec<Option<u32>> = p
            .space
            .names
            .iter()
            .map(|n| index.get(n.as_str()).map(|&i| i as u32))
            .collect();
        for ex in examples(d, p) {
            let ids = ex.feats.ids().iter().filter_map(|&f| map[f as usize]);
            out.push(Example {
                feats: crate::extract::features::Feats::from_ids(ids),
                class: ex.class,
                weight,
            });
        }
    }
    out
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
            weight: 1.0,
        });
    }
    out
}

/// Fits weights on the given articles (and what `opts` borrows).
pub fn fit(docs: &[&Doc], profile: &Profile, opts: &FitOptions) -> Model {
    let examples: Vec<Example> = docs
        .iter()
        .filter(|d| !forbidden(d))
        .flat_map(|d| examples(d, profile))
        .collect();
    fit_examples(&profile.space, examples, opts)
}

/// Fits on a language's own examples plus the pooled ones, toward the borrowed
/// prior if any, else the rules' prior.
fn fit_examples(space: &FeatureSpace, mut examples: Vec<Example>, opts: &FitOptions) -> Model {
    examples.extend(opts.borrowed.pooled.iter().cloned());
    let rules;
    let prior = match &opts.borrowed.prior {
        Some(p) => p,
        None => {
            rules = model::prior(space);
            &rules
        }
    };
    let penalty = Penalty {
        prior,
        l2: opts.l2,
        bias: opts.borrowed.prior.is_some(),
    };
    model::fit_toward(&examples, penalty, opts.iterations)
}

/// K-fold cross-validation over articles (article `i` is in fold `i % k`, in the
/// order given): every article is scored by weights fitted without it.
pub fn cross_validate(docs: &[Doc], k: usize, drop_events: bool, opts: &FitOptions) -> Scorer {
    cross_validate_loss(docs, k, drop_events, opts).0
}

/// [`cross_validate`], with each article's held-out predictions (in `docs`' order):
/// the entities the weights fitted without that article find in it.
pub fn cross_validate_predictions(
    docs: &[Doc],
    k: usize,
    drop_events: bool,
    opts: &FitOptions,
) -> (Scorer, Vec<Vec<crate::Entity>>) {
    let mut preds = vec![Vec::new(); docs.len()];
    let (scorer, _) = run_folds(docs, k, drop_events, opts, Some(&mut preds));
    (scorer, preds)
}

/// How well held-out candidates are classified: a smoother figure than F1 on a
/// few articles, for choosing the regularisation.
#[derive(Debug, Clone, Copy, Default)]
pub struct HeldOut {
    /// Mean negative log-likelihood of the gold class.
    pub log_loss: f64,
    /// Share of candidates whose best class is the gold one.
    pub accuracy: f64,
    pub candidates: usize,
}

/// [`cross_validate`], with the held-out candidates' log-loss.
pub fn cross_validate_loss(
    docs: &[Doc],
    k: usize,
    drop_events: bool,
    opts: &FitOptions,
) -> (Scorer, HeldOut) {
    run_folds(docs, k, drop_events, opts, None)
}

fn run_folds(
    docs: &[Doc],
    k: usize,
    drop_events: bool,
    opts: &FitOptions,
    mut preds: Option<&mut Vec<Vec<crate::Entity>>>,
) -> (Scorer, HeldOut) {
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
    let (mut nll, mut hits, mut count) = (0.0f64, 0usize, 0usize);
    for fold in 0..k {
        let train: Vec<Example> = per_doc
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .flat_map(|(_, ex)| ex.iter().cloned())
            .collect();
        let m = fit_examples(&prof.space, train, opts);
        for (i, ex) in per_doc.iter().enumerate() {
            if i % k == fold {
                for e in ex {
                    let sc = m.scores(&e.feats).map(f64::from);
                    let max = sc.iter().cloned().fold(f64::MIN, f64::max);
                    let z: f64 = sc.iter().map(|v| (v - max).exp()).sum();
                    nll += z.ln() + max - sc[e.class];
                    let best = (0..5)
                        .max_by(|&a, &b| sc[a].total_cmp(&sc[b]))
                        .unwrap_or(NONE);
                    hits += usize::from(best == e.class);
                    count += 1;
                }
            }
        }
        for (i, d) in docs.iter().enumerate() {
            if i % k == fold {
                let p = profile(d.article.language);
                let found = extract_with(&d.article, p, &m);
                scorer.add_with(&d.gold, &found, drop_events);
                if let Some(out) = preds.as_deref_mut() {
                    out[i] = found;
                }
            }
        }
    }
    let held_out = HeldOut {
        log_loss: nll / count.max(1) as f64,
        accuracy: hits as f64 / count.max(1) as f64,
        candidates: count,
    };
    (scorer, held_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::features::{Feats, F};
    use crate::Language;

    fn fr_to_en_prior() -> Vec<[f32; 5]> {
        let (en, fr) = (profile(Language::En), profile(Language::Fr));
        carried_prior(&en.space, &fr.space, &fr.model)
    }

    /// English data that says "an unknown single word is a person", far more
    /// strongly than French does.
    fn person_heavy() -> Vec<Example> {
        let ids = [F::Bias, F::Tok1, F::UnknownWord].map(|f| f as u32);
        let none = [F::Bias, F::Tok1, F::SentenceInitial].map(|f| f as u32);
        (0..60)
            .map(|i| Example {
                feats: Feats::from_ids(if i % 6 == 0 { none } else { ids }),
                class: if i % 6 == 0 { NONE } else { 0 },
                weight: 1.0,
            })
            .collect()
    }

    fn fit_en(l2: f64, examples: &[Example], prior: &[[f32; 5]]) -> Model {
        let penalty = Penalty {
            prior,
            l2,
            bias: true,
        };
        model::fit_toward(examples, penalty, 300)
    }

    #[test]
    fn without_data_the_prior_comes_back() {
        let prior = fr_to_en_prior();
        let m = fit_en(0.05, &[], &prior);
        assert_eq!(m.weights, prior);
    }

    #[test]
    fn a_feature_both_languages_share_starts_from_the_french_weight() {
        let (en, fr) = (profile(Language::En), profile(Language::Fr));
        let prior = fr_to_en_prior();
        let en_rules = model::prior(&en.space);
        let fr_rules = model::prior(&fr.space);
        let fr_index = by_name(&fr.space);
        let mut shared = 0;
        for (i, name) in en.space.names.iter().enumerate() {
            let Some(&j) = fr_index.get(name.as_str()) else {
                assert_eq!(prior[i], en_rules[i], "{name}: only English has it");
                continue;
            };
            let close =
                |a: [f32; 5], b: [f32; 5]| a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-5);
            if en_rules[i] == fr_rules[j] {
                assert!(close(prior[i], fr.model.weights[j]), "{name}");
                shared += 1;
            } else {
                // English's own rules stay, moved as the French data moved French's.
                let want: [f32; 5] = std::array::from_fn(|k| {
                    en_rules[i][k] + fr.model.weights[j][k] - fr_rules[j][k]
                });
                assert!(close(prior[i], want), "{name}");
            }
        }
        assert!(shared > 100, "{shared}");
        // The context features are named by their word: "prev:," is in both.
        let comma = en.space.names.iter().position(|n| n == "prev:,").unwrap();
        assert_eq!(prior[comma], fr.model.weights[fr_index["prev:,"]]);
    }

    #[test]
    fn a_huge_prior_strength_gives_the_french_weights() {
        let prior = fr_to_en_prior();
        let data = person_heavy();
        let m = fit_en(1e6, &data, &prior);
        for (w, p) in m.weights.iter().zip(&prior) {
            for k in 0..5 {
                assert!((w[k] - p[k]).abs() < 1e-3, "{w:?} {p:?}");
            }
        }
        // A weak prior lets the data speak: an unknown word leans to person.
        let weak = fit_en(1e-4, &data, &prior);
        let person_odds = |m: &Model| m.log_odds(&data[1].feats)[0];
        let french = Model {
            weights: prior.clone(),
        };
        assert!(person_odds(&weak) > person_odds(&french) + 0.5);
        assert!(person_odds(&weak) > 1.0);
    }

    #[test]
    fn pooled_articles_keep_the_features_both_languages_have() {
        let text = "Le président Emmanuel Macron est arrivé à Lyon, puis à Kaboul, \
                    où l'attendait la délégation de l'ONU et de Renault."
            .to_string();
        let mut article = crate::Article::from_text("t.txt", text);
        article.set_language(Language::Fr);
        let doc = Doc {
            gold_path: "t.gold.json".into(),
            gold: serde_json::from_str(r#"{"entities": []}"#).unwrap(),
            article,
        };
        let (en, fr) = (profile(Language::En), profile(Language::Fr));
        let source = examples(&doc, fr);
        let carried = carried_examples(&en.space, std::slice::from_ref(&doc), 0.3);
        assert!(source.len() >= 4, "{}", source.len());
        assert_eq!(source.len(), carried.len());
        let en_index = by_name(&en.space);
        let mut dropped = 0;
        for (s, c) in source.iter().zip(&carried) {
            assert_eq!((s.class, c.weight), (c.class, 0.3));
            let want: Vec<&str> = s
                .feats
                .ids()
                .iter()
                .map(|&f| fr.space.names[f as usize].as_str())
                .filter(|n| en_index.contains_key(n))
                .collect();
            let got: Vec<&str> = c
                .feats
                .ids()
                .iter()
                .map(|&f| en.space.names[f as usize].as_str())
                .collect();
            assert_eq!(want, got);
            dropped += s.feats.ids().len() - got.len();
        }
        // "à" and "de" are French context words: English has no feature for them.
        assert!(dropped > 0);
    }
}
