//! The scoring stage: log-odds per kind (person, place, organization, event, none)
//! as the sum of the candidate's feature weights, fitted by multinomial logistic
//! regression (`fit`). The weights ship in `assets/weights/<lang>.json` with their
//! provenance.

use super::features::{Feats, FeatureSpace};
use crate::EntityKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Classes in weight order: the four kinds, then "none" (not an entity).
pub const CLASSES: [&str; 5] = ["person", "place", "organization", "event", "none"];
pub const NONE: usize = 4;

/// Weights per feature id, aligned with a [`FeatureSpace`].
#[derive(Debug, Clone)]
pub struct Model {
    pub weights: Vec<[f32; 5]>,
}

/// The weights file: the weights by feature name, and where they come from.
#[derive(Debug, Serialize, Deserialize)]
pub struct WeightsFile {
    pub language: String,
    /// When they were fitted (UTC).
    pub fitted: String,
    /// What they were fitted on.
    pub data: String,
    pub method: String,
    /// Cross-validated figures measured when they were fitted.
    #[serde(default)]
    pub figures: serde_json::Value,
    pub classes: Vec<String>,
    pub weights: BTreeMap<String, [f32; 5]>,
}

impl Model {
    /// Every weight zero: everything scores "none" (ties go to none).
    pub fn zero(space: &FeatureSpace) -> Model {
        Model {
            weights: vec![[0.0; 5]; space.len()],
        }
    }

    /// Reads a weights file; features the space does not know are ignored (a
    /// profile may have dropped a word). A feature the file does not name (added
    /// since the last fit; the fit writes every row that is not zero) keeps its
    /// rule's prior, as a fit without examples of it would.
    pub fn from_file(space: &FeatureSpace, file: &WeightsFile) -> Model {
        let mut m = Model {
            weights: prior(space),
        };
        let index: std::collections::HashMap<&str, usize> = space
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        for (name, w) in &file.weights {
            if let Some(&i) = index.get(name.as_str()) {
                m.weights[i] = *w;
            }
        }
        m
    }

    pub fn from_json(space: &FeatureSpace, json: &str) -> Option<Model> {
        let file: WeightsFile = serde_json::from_str(json).ok()?;
        Some(Model::from_file(space, &file))
    }

    /// The weights by name, zero rows left out.
    pub fn named_weights(&self, space: &FeatureSpace) -> BTreeMap<String, [f32; 5]> {
        self.weights
            .iter()
            .enumerate()
            .filter(|(_, w)| w.iter().any(|&x| x != 0.0))
            .map(|(i, w)| {
                let r = w.map(|x| (x * 1000.0).round() / 1000.0);
                (space.names[i].clone(), r)
            })
            .collect()
    }

    /// Raw scores per class.
    pub fn scores(&self, feats: &Feats) -> [f32; 5] {
        let mut s = [0.0f32; 5];
        for &f in feats.ids() {
            if let Some(w) = self.weights.get(f as usize) {
                for k in 0..5 {
                    s[k] += w[k];
                }
            }
        }
        s
    }

    /// Log-odds of each kind against "none": positive means "rather this kind than
    /// no entity".
    pub fn log_odds(&self, feats: &Feats) -> [f32; 4] {
        let s = self.scores(feats);
        [
            s[0] - s[NONE],
            s[1] - s[NONE],
            s[2] - s[NONE],
            s[3] - s[NONE],
        ]
    }
}

/// The prior weights (`assets/weights/prior.tsv`, plus the language profile's
/// `prior.tsv`): the rules' own say, toward which fitting pulls every weight.
pub fn prior(space: &FeatureSpace) -> Vec<[f32; 5]> {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/weights/prior.tsv"
    ));
    let index: std::collections::HashMap<&str, usize> = space
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut w = vec![[0.0f32; 5]; space.len()];
    for line in text
        .lines()
        .chain(space.prior.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut c = line.split('\t');
        let (Some(f), Some(class), Some(v)) = (c.next(), c.next(), c.next()) else {
            continue;
        };
        let (Some(&i), Ok(v)) = (index.get(f), v.trim().parse::<f32>()) else {
            continue;
        };
        for (k, name) in CLASSES.iter().enumerate().take(NONE) {
            if class == "all" || class == *name {
                w[i][k] += v;
            }
        }
    }
    w
}

/// One labelled candidate: its features, the class the gold gives it, and its
/// weight in the loss (1 for the language's own articles; less for another
/// language's articles pooled in).
#[derive(Debug, Clone)]
pub struct Example {
    pub feats: Feats,
    pub class: usize,
    pub weight: f32,
}

/// What a fit pulls the weights toward, and how hard.
#[derive(Debug, Clone, Copy)]
pub struct Penalty<'a> {
    /// The weight each feature would have without data (by feature id).
    pub prior: &'a [[f32; 5]],
    /// L2 strength per weight (the loss is a weighted mean over examples).
    pub l2: f64,
    /// Whether the bias weights are pulled too: not toward the rules' prior (which
    /// says nothing of how often each kind occurs), but toward weights fitted on
    /// another language, which do.
    pub bias: bool,
}

/// Multinomial logistic regression with an L2 penalty toward the rules' prior.
pub fn fit(space: &FeatureSpace, examples: &[Example], l2: f64, iterations: usize) -> Model {
    let p = prior(space);
    let penalty = Penalty {
        prior: &p,
        l2,
        bias: false,
    };
    fit_toward(examples, penalty, iterations)
}

/// Multinomial logistic regression with an L2 penalty toward `penalty.prior`,
/// fitted by full-batch gradient descent with Adam steps: a few thousand sparse
/// examples fit in well under a second, and the same data always gives the same
/// weights. Without examples the prior comes back unchanged.
pub fn fit_toward(examples: &[Example], penalty: Penalty, iterations: usize) -> Model {
    let nf = penalty.prior.len();
    let p: Vec<[f64; 5]> = penalty.prior.iter().map(|r| r.map(f64::from)).collect();
    let l2 = penalty.l2;
    let mut w = p.clone();
    let mut m1 = vec![[0.0f64; 5]; nf];
    let mut m2 = vec![[0.0f64; 5]; nf];
    let (lr, b1, b2, eps): (f64, f64, f64, f64) = (0.05, 0.9, 0.999, 1e-8);
    let n: f64 = examples.iter().map(|e| f64::from(e.weight)).sum();
    let n = if n > 0.0 { n } else { 1.0 };
    let bias = [
        super::features::F::Bias as usize,
        super::features::F::EvBias as usize,
    ];
    for t in 1..=iterations {
        let mut g = vec![[0.0f64; 5]; nf];
        for ex in examples {
            let mut s = [0.0f64; 5];
            for &f in ex.feats.ids() {
                for k in 0..5 {
                    s[k] += w[f as usize][k];
                }
            }
            let max = s.iter().cloned().fold(f64::MIN, f64::max);
            let mut z = 0.0;
            for v in s.iter_mut() {
                *v = (*v - max).exp();
                z += *v;
            }
            let scale = f64::from(ex.weight) / n;
            for k in 0..5 {
                let p = (s[k] / z - if k == ex.class { 1.0 } else { 0.0 }) * scale;
                for &f in ex.feats.ids() {
                    g[f as usize][k] += p;
                }
            }
        }
        for (f, gf) in g.iter_mut().enumerate() {
            if penalty.bias || !bias.contains(&f) {
                for k in 0..5 {
                    gf[k] += l2 * (w[f][k] - p[f][k]);
                }
            }
        }
        let (c1, c2) = (1.0 - b1.powi(t as i32), 1.0 - b2.powi(t as i32));
        for f in 0..nf {
            for k in 0..5 {
                let gk = g[f][k];
                if gk == 0.0 && m1[f][k] == 0.0 {
                    continue;
                }
                m1[f][k] = b1 * m1[f][k] + (1.0 - b1) * gk;
                m2[f][k] = b2 * m2[f][k] + (1.0 - b2) * gk * gk;
                w[f][k] -= lr * (m1[f][k] / c1) / ((m2[f][k] / c2).sqrt() + eps);
            }
        }
    }
    Model {
        weights: w.iter().map(|r| r.map(|x| x as f32)).collect(),
    }
}

/// The class of a kind.
pub fn class_of(kind: EntityKind) -> usize {
    kind as usize
}

/// The kind with the highest positive log-odds, if any.
pub fn kind_of(log_odds: &[f32; 4]) -> Option<EntityKind> {
    let (i, &best) = log_odds
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    (best > 0.0).then(|| EntityKind::ALL[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::profile;
    use crate::Language;

    /// A feature added since the last fit is not silenced: a weights file that does
    /// not name it gives it the rule's prior, one that names it gives its row.
    #[test]
    fn a_feature_the_weights_file_does_not_name_keeps_its_prior() {
        let space = &profile(Language::Fr).space;
        let prior = prior(space);
        let i = space.names.iter().position(|n| n == "name_joiner").unwrap();
        assert!(prior[i].iter().any(|&w| w != 0.0));
        let shipped = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/weights/fr.json"
        ));
        let mut file: WeightsFile = serde_json::from_str(shipped).unwrap();
        file.weights.remove("name_joiner");
        assert_eq!(Model::from_file(space, &file).weights[i], prior[i]);
        file.weights.insert("name_joiner".into(), [0.0; 5]);
        assert_eq!(Model::from_file(space, &file).weights[i], [0.0; 5]);
    }
}
