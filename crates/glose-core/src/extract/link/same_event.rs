//! Event mentions about the same thing are one event: the same head noun with a
//! shared argument, or the same class sharing an argument ("invasion de l'Ukraine",
//! "guerre en Ukraine"). A bare head ("le mandat d'arrêt") or a numbered one ("6e
//! étape") joins every mention with that head; so does every mention of a head when
//! all of them together name one thing at most ("la réunion de la Fed", "la réunion de
//! politique monétaire"). A head that is another mention's argument, about the same
//! name, is that mention's event ("la dissolution du collectif", "la procédure de
//! dissolution du collectif").

use super::{explain, fullest};
use crate::extract::features::{Feats, FeatureSpace};
use crate::extract::merge::{EventForms, PlacedEvent};
use crate::extract::model::Model;
use crate::extract::Explain;
use crate::{Entity, EntityKind, Mention};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Groups the kept event candidates into entities. `canon` maps a name's form to its
/// entity's root form, so arguments compare by entity.
/// `forms`: the events' forms (their arguments are made root forms here).
pub fn link(
    text: &str,
    events: Vec<PlacedEvent>,
    forms: &mut EventForms,
    canon: &HashMap<&str, &str>,
    space: &FeatureSpace,
    model: &Model,
    why: Explain,
) -> Vec<Entity> {
    for f in &mut forms.forms {
        for a in f.cand.args.iter_mut().chain(f.cand.names.iter_mut()) {
            if let Some(c) = canon.get(a.as_str()) {
                *a = c.to_string();
            }
        }
    }
    let forms = &*forms;
    let cand = |e: &PlacedEvent| &forms.get(e).cand;
    let n = events.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Buckets instead of comparing every pair: events that meet in a bucket are one.
    let mut open_heads: HashSet<&str> = events
        .iter()
        .map(cand)
        .filter(|c| c.args.is_empty() || c.numbered)
        .map(|c| c.head.as_str())
        .collect();
    // The names each head's mentions hold, all together: one at most opens the head.
    let mut head_names: HashMap<&str, HashSet<&str>> = HashMap::default();
    for c in events.iter().map(cand) {
        let names = head_names.entry(c.head.as_str()).or_default();
        names.extend(c.names.iter().map(String::as_str));
    }
    for (head, names) in &head_names {
        if names.len() <= 1 {
            open_heads.insert(head);
        }
    }
    let mut first_in: HashMap<(u8, &str, &str), usize> = HashMap::default();
    let mut keys: Vec<(u8, &str, &str)> = Vec::new();
    for (i, c) in events.iter().map(cand).enumerate() {
        keys.clear();
        if open_heads.contains(c.head.as_str()) {
            keys.push((0, c.head.as_str(), ""));
        }
        for a in &c.args {
            keys.push((1, c.head.as_str(), a.as_str()));
            keys.push((2, c.class, a.as_str()));
        }
        // Its head with each name, and each of its argument nouns with each name.
        for name in &c.names {
            keys.push((3, c.head.as_str(), name.as_str()));
            for a in c.args.iter().filter(|a| !c.names.contains(a)) {
                keys.push((3, a.as_str(), name.as_str()));
            }
        }
        for &k in &keys {
            match first_in.get(&k) {
                Some(&j) => {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
                None => {
                    first_in.insert(k, i);
                }
            }
        }
    }
    // An event whose complement is another event's noun is part of that one ("the
    // opening of the 43rd congress", "the announcement of the job cuts"): it joins the
    // event with that noun the article mentions most.
    let base = |e: &PlacedEvent| -> &str {
        let c = cand(e);
        let h = c.head.as_str();
        if c.numbered {
            h.split_once(' ').map_or(h, |x| x.1)
        } else {
            h
        }
    };
    let mut by_head: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, e) in events.iter().enumerate() {
        by_head.entry(base(e)).or_default().push(i);
    }
    for (i, c) in events.iter().map(cand).enumerate() {
        let Some(arg) = c.args.first().filter(|a| !c.names.contains(a)) else {
            continue;
        };
        let Some(heads) = by_head.get(arg.as_str()).filter(|h| !h.contains(&i)) else {
            continue;
        };
        // The event with that noun the article mentions most (none on a tie).
        let mut sizes: HashMap<usize, usize> = HashMap::default();
        for &j in heads {
            *sizes.entry(find(&mut parent, j)).or_default() += 1;
        }
        let most = sizes.values().copied().max().unwrap_or(0);
        let top: Vec<usize> = sizes
            .iter()
            .filter(|x| *x.1 == most)
            .map(|x| *x.0)
            .collect();
        if let [rj] = top[..] {
            let ri = find(&mut parent, i);
            parent[ri] = rj;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .map(|idx| {
            let mut e = entity(text, &events, &idx);
            if why == Explain::Yes {
                e.evidence = evidence(&events, forms, &idx, space, model);
            }
            e
        })
        .collect()
}

/// Union-find's root, halving the path.
fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// The event entity of the candidates `idx`, without its evidence.
fn entity(text: &str, events: &[PlacedEvent], idx: &[usize]) -> Entity {
    let mut mentions: Vec<Mention> = idx
        .iter()
        .map(|&i| Mention::new(events[i].start, events[i].end))
        .collect();
    mentions.sort();
    mentions.dedup();
    let name = fullest(text, &mentions);
    Entity {
        id: String::new(),
        kind: EntityKind::Event,
        name,
        mentions,
        evidence: Vec::new(),
    }
}

/// Why the candidates `idx` are one event (`--explain`).
fn evidence(
    events: &[PlacedEvent],
    forms: &EventForms,
    idx: &[usize],
    space: &FeatureSpace,
    model: &Model,
) -> Vec<String> {
    let mut evidence: Vec<String> = Vec::new();
    // A long article repeats the same event mention many times: each distinct
    // one (head, class, score, features) is explained once, which gives the same
    // lines as explaining them all (repeated lines are dropped anyway).
    let mut seen: HashSet<(&str, &str, u32, &Feats)> = Default::default();
    for &i in idx {
        let form = forms.get(&events[i]);
        let c = &form.cand;
        if !seen.insert((&c.head, c.class, form.score[3].to_bits(), &c.feats)) {
            continue;
        }
        let head = format!(
            "event noun \"{}\" ({}), log-odds {:+.2}",
            c.head, c.class, form.score[3]
        );
        for e in std::iter::once(head).chain(explain(&c.feats, space, model)) {
            if !evidence.contains(&e) {
                evidence.push(e);
            }
        }
    }
    if idx.len() > 1 {
        evidence.push(format!(
            "{} mentions of one {} event merged (same head noun or shared argument)",
            idx.len(),
            forms.get(&events[idx[0]]).cand.class
        ));
    }
    evidence
}
