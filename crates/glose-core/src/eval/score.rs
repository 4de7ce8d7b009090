//! Scoring against gold annotations, exactly as the reference scorer
//! `score.py` of the evaluation kit does: strict, lenient and entity-level
//! precision/recall/F1 per kind, micro-averaged, plus fragmentation.

use crate::{Entity, EntityKind};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    #[serde(default)]
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub mentions: Vec<GoldSpan>,
    #[serde(default)]
    pub optional_mentions: Vec<GoldSpan>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub article: Option<String>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub optional: Vec<GoldSpan>,
}

type Span = (usize, usize);

fn overlap(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Raw counts for one kind, named as in `score.py`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    s_tp: usize,
    s_fp: usize,
    s_fn: usize,
    l_tp: usize,
    l_fp: usize,
    l_fn: usize,
    e_tp_g: usize,
    e_fn: usize,
    e_tp_p: usize,
    e_fp: usize,
    frag: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.s_tp += o.s_tp;
        self.s_fp += o.s_fp;
        self.s_fn += o.s_fn;
        self.l_tp += o.l_tp;
        self.l_fp += o.l_fp;
        self.l_fn += o.l_fn;
        self.e_tp_g += o.e_tp_g;
        self.e_fn += o.e_fn;
        self.e_tp_p += o.e_tp_p;
        self.e_fp += o.e_fp;
        self.frag += o.frag;
    }
}

/// Counts for the four kinds, accumulated over any number of articles.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    tally: [Tally; 4],
}

impl Scorer {
    pub fn new() -> Scorer {
        Scorer::default()
    }

    /// Adds one article: its gold annotation and the predicted entities.
    pub fn add(&mut self, gold: &Gold, pred: &[Entity]) {
        self.add_with(gold, pred, false)
    }

    /// Same as [`Scorer::add`]; with `drop_events`, predicted events are left out
    /// first (for golds that annotate names only, such as WikiNEuRal).
    pub fn add_with(&mut self, gold: &Gold, pred: &[Entity], drop_events: bool) {
        let kept: Vec<&Entity> = pred
            .iter()
            .filter(|e| !(drop_events && e.kind == EntityKind::Event))
            .collect();
        let mut optional: Vec<Span> = gold.optional.iter().map(|m| (m.start, m.end)).collect();
        let mut gold_ents = Vec::new();
        for e in &gold.entities {
            optional.extend(e.optional_mentions.iter().map(|m| (m.start, m.end)));
            if e.optional {
                optional.extend(e.mentions.iter().map(|m| (m.start, m.end)));
            } else if EntityKind::parse(&e.kind).is_some() {
                gold_ents.push(e);
            }
        }
        for (ki, kind) in EntityKind::ALL.into_iter().enumerate() {
            let t = &mut self.tally[ki];
            let g: Vec<Span> = gold_ents
                .iter()
                .filter(|e| e.kind == kind.as_str())
                .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
                .collect();
            let p: Vec<Span> = kept
                .iter()
                .filter(|e| e.kind == kind)
                .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
                .collect();
            let gset: HashSet<Span> = g.iter().copied().collect();
            let near_optional = |s: Span| optional.iter().any(|&o| overlap(s, o));
            // strict
            t.s_tp += p.iter().filter(|s| gset.contains(s)).count();
            t.s_fp += p
                .iter()
                .filter(|&&s| !gset.contains(&s) && !near_optional(s))
                .count();
            let found: HashSet<Span> = p.iter().filter(|s| gset.contains(s)).copied().collect();
            t.s_fn += gset.len() - found.len();
            // lenient: greedy one-to-one by position
            let mut sorted = p.clone();
            sorted.sort();
            let mut used = vec![false; g.len()];
            let mut l_tp = 0;
            let mut l_fp = 0;
            for s in sorted {
                if let Some(k) = (0..g.len()).find(|&k| !used[k] && overlap(s, g[k])) {
                    used[k] = true;
                    l_tp += 1;
                } else if !near_optional(s) && !g.iter().any(|&gs| overlap(s, gs)) {
                    l_fp += 1;
                }
            }
            t.l_tp += l_tp;
            t.l_fp += l_fp;
            t.l_fn += g.len() - l_tp;
            // entity level
            let gk: Vec<&&GoldEntity> = gold_ents
                .iter()
                .filter(|e| e.kind == kind.as_str())
                .collect();
            let pk: Vec<&Entity> = kept.iter().copied().filter(|e| e.kind == kind).collect();
            let spans_g = |e: &GoldEntity| {
                e.mentions
                    .iter()
                    .map(|m| (m.start, m.end))
                    .collect::<Vec<_>>()
            };
            let spans_p = |e: &Entity| {
                e.mentions
                    .iter()
                    .map(|m| (m.start, m.end))
                    .collect::<Vec<_>>()
            };
            for ge in &gk {
                let sg = spans_g(ge);
                let hits = pk
                    .iter()
                    .filter(|pe| {
                        sg.iter()
                            .any(|&a| spans_p(pe).iter().any(|&b| overlap(a, b)))
                    })
                    .count();
                if hits > 0 {
                    t.e_tp_g += 1;
                    t.frag += hits;
                } else {
                    t.e_fn += 1;
                }
            }
            for pe in &pk {
                let sp = spans_p(pe);
                if gk.iter().any(|ge| {
                    spans_g(ge)
                        .iter()
                        .any(|&a| sp.iter().any(|&b| overlap(a, b)))
                }) {
                    t.e_tp_p += 1;
                } else if !sp.iter().all(|&b| near_optional(b)) {
                    t.e_fp += 1;
                }
            }
        }
    }

    /// Pools another scorer's counts into this one (folds of a cross-validation).
    pub fn merge(&mut self, other: &Scorer) {
        for (t, o) in self.tally.iter_mut().zip(other.tally.iter()) {
            t.add(o);
        }
    }

    /// Per kind (in the order person, place, organization, event) then `all`.
    pub fn summary(&self) -> Vec<Row> {
        let mut all = Tally::default();
        for t in &self.tally {
            all.add(t);
        }
        let mut rows: Vec<Row> = EntityKind::ALL
            .iter()
            .zip(self.tally.iter())
            .map(|(k, t)| Row::from_tally(k.as_str(), t))
            .collect();
        rows.push(Row::from_tally("all", &all));
        rows
    }
}

/// Python's `round(x, n)`: correctly rounded through the decimal string.
fn round_to(x: f64, n: usize) -> f64 {
    format!("{x:.n$}").parse().unwrap_or(x)
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (round_to(p, 4), round_to(r, 4), round_to(f, 4))
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub strict: (f64, f64, f64),
    pub lenient: (f64, f64, f64),
    pub entity: (f64, f64, f64),
    pub fragmentation: Option<f64>,
    pub gold_mentions: usize,
}

impl Row {
    fn from_tally(name: &str, t: &Tally) -> Row {
        let ep = prf(t.e_tp_p, t.e_fp, 0).0;
        let er = prf(t.e_tp_g, 0, t.e_fn).1;
        let ef = if ep == 0.0 || er == 0.0 {
            0.0
        } else {
            round_to(2.0 / (1.0 / ep + 1.0 / er), 4)
        };
        Row {
            name: name.to_string(),
            strict: prf(t.s_tp, t.s_fp, t.s_fn),
            lenient: prf(t.l_tp, t.l_fp, t.l_fn),
            entity: (ep, er, ef),
            fragmentation: (t.e_tp_g > 0).then(|| round_to(t.frag as f64 / t.e_tp_g as f64, 3)),
            gold_mentions: t.s_tp + t.s_fn,
        }
    }
}

/// Python's `str(float)` for the values this table prints ("1.0", "1.045").
fn py_float(x: f64) -> String {
    let s = format!("{x}");
    if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

/// The table exactly as `score.py` prints it.
pub fn format_table(rows: &[Row]) -> String {
    let cell = |v: (f64, f64, f64)| format!("{:.2}/{:.2}/{:.2}", v.0, v.1, v.2);
    let mut out = format!(
        "{:13} {:22} {:22} {:22} frag  gold\n",
        "kind", "strict P/R/F1", "lenient P/R/F1", "entity P/R/F1"
    );
    for r in rows {
        let frag = r.fragmentation.map_or("-".to_string(), py_float);
        out.push_str(&format!(
            "{:13} {:22} {:22} {:22} {:<5} {}\n",
            r.name,
            cell(r.strict),
            cell(r.lenient),
            cell(r.entity),
            frag,
            r.gold_mentions
        ));
    }
    out
}

/// The table as JSON, in the shape of `score.py --json`.
pub fn to_json(rows: &[Row]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for r in rows {
        let t = |v: (f64, f64, f64)| serde_json::json!([v.0, v.1, v.2]);
        map.insert(
            r.name.clone(),
            serde_json::json!({
                "strict": t(r.strict),
                "lenient": t(r.lenient),
                "entity": t(r.entity),
                "fragmentation": r.fragmentation,
                "gold_mentions": r.gold_mentions,
            }),
        );
    }
    serde_json::Value::Object(map)
}
