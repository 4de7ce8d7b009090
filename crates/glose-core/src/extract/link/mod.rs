//! *link*: one entity per thing in the world. Each rule is a small document rule in
//! its own file that joins a form into another (its *root*): a surname into the full
//! name, an acronym into its expansion, a name in apposition into the name before it,
//! an acronym into the name its parenthesis follows (even when the name pass cut that
//! name short), an organization's short form into its full name, a short form of a
//! named event into the event, a misspelt full name into the person it misspells;
//! event mentions about the same thing are one event.
//! Aliases take their root's kind.

mod acronym;
mod apposition;
mod event_name;
mod expansion;
mod lowercase_copy;
mod org_short;
pub mod same_event;
mod surname;
mod team_tail;
mod variant;

use super::features::{Feats, FeatureSpace};
use super::lexicon::Lexicon;
use super::merge::Names;
use super::model::Model;
use super::Explain;
use crate::{Entity, EntityKind, Mention};
use rustc_hash::FxHashMap as HashMap;

/// The mentions of one surface form (folded), with their pooled votes.
pub struct Group {
    pub key: String,
    /// Log-odds of each kind against "no entity", summed over the form's mentions.
    pub votes: [f32; 4],
    /// Why this form was joined into another.
    pub evidence: Vec<String>,
    pub feats: Feats,
    /// Its first mention (index in the article's names) and how many it has.
    pub first: Option<u32>,
    pub count: usize,
    /// Index of the group this one was joined into.
    pub into: Option<usize>,
    /// The form the article defined this acronym as.
    pub acronym_of: Option<usize>,
}

impl Group {
    /// The kind the pooled votes say.
    pub fn kind(&self) -> Option<EntityKind> {
        super::model::kind_of(&self.votes)
    }

    /// Several words (a full name, an expansion).
    pub fn multiword(&self) -> bool {
        self.key.contains(' ')
    }
}

/// Joins `g` into `into`, saying why in `g`'s evidence.
fn join(groups: &mut [Group], g: usize, into: usize, why: String) {
    groups[g].into = Some(into);
    groups[g].evidence.push(why);
}

/// Joins each `(g, into)` pair found by a rule, the evidence reading
/// `<relation> "<into's name>"`.
fn join_all(groups: &mut [Group], joins: Vec<(usize, usize)>, relation: &str) {
    for (g, into) in joins {
        let why = format!("{relation} \"{}\"", groups[into].key);
        join(groups, g, into, why);
    }
}

/// Runs the name rules in order: a form joined by one rule is left alone by the
/// later ones.
pub fn names(text: &str, names: &mut Names, groups: &mut [Group], lex: &Lexicon) {
    acronym::link(text, names, groups, lex);
    expansion::link(text, names, groups, lex);
    lowercase_copy::link(text, names, groups);
    apposition::link(names, groups);
    variant::link(text, names, groups, lex);
    surname::link(groups);
    event_name::link(groups);
    org_short::link(groups);
    team_tail::link(groups, lex);
}

/// The group a form ends in, following joins.
pub fn root(groups: &[Group], mut g: usize) -> usize {
    let mut hops = 0;
    while let Some(t) = groups[g].into {
        g = t;
        hops += 1;
        if hops > groups.len() {
            break;
        }
    }
    g
}

/// Every form's root form (event arguments compare by entity, so "mandat d'arrêt de
/// la CPI" and "... de la Cour pénale internationale" agree).
/// A form that is its own root is left out (forms are distinct: looking it up
/// and finding nothing leaves it as it is).
pub fn canonical_forms(groups: &[Group]) -> HashMap<&str, &str> {
    let mut canon: HashMap<&str, &str> = HashMap::default();
    for g in 0..groups.len() {
        let r = root(groups, g);
        if r != g {
            canon.insert(groups[g].key.as_str(), groups[r].key.as_str());
        }
    }
    canon
}

/// One entity per root with the mentions of all its forms; a root whose votes say
/// no kind gives none.
pub fn entities(
    text: &str,
    names: Names,
    groups: &[Group],
    space: &FeatureSpace,
    model: &Model,
    why: Explain,
) -> Vec<Entity> {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for g in 0..groups.len() {
        members.entry(root(groups, g)).or_default().push(g);
    }
    let members: Vec<(usize, Vec<usize>)> = members.into_iter().collect();
    // Each root's mentions, gathered in one pass over the names into vectors of
    // the right size (a dense article has a million mentions).
    let mut slot = vec![0u32; groups.len()];
    let mut found: Vec<Vec<Mention>> = Vec::with_capacity(members.len());
    for (i, (_, gs)) in members.iter().enumerate() {
        for &g in gs {
            slot[g] = i as u32;
        }
        found.push(Vec::with_capacity(
            gs.iter().map(|&g| groups[g].count).sum(),
        ));
    }
    // Each run is freed once read, before the next one fills its share.
    for part in names.parts {
        for p in &part {
            found[slot[p.key as usize] as usize].push(Mention::new(p.start, p.end()));
        }
    }

    let mut entities: Vec<Entity> = Vec::new();
    for ((r, gs), mut mentions) in members.into_iter().zip(found) {
        let mut votes = [0.0f32; 4];
        let mut evidence = Vec::new();
        for &g in &gs {
            // Aliases follow their root's kind: only the root's votes count.
            if g == r {
                votes = groups[g].votes;
            }
            if why == Explain::No {
                continue;
            }
            let lines = explain(&groups[g].feats, space, model);
            for e in groups[g].evidence.iter().chain(lines.iter()) {
                let line = if g == r {
                    e.to_string()
                } else {
                    format!("\"{}\": {e}", groups[g].key)
                };
                if !evidence.contains(&line) {
                    evidence.push(line);
                }
            }
        }
        let Some(kind) = super::model::kind_of(&votes) else {
            continue;
        };
        // Weak guesses (a capitalized word in no list) are kept: measured on the gold
        // files they recover unlisted companies and parties at no cost in precision.
        mentions.sort();
        let name = fullest(text, &mentions);
        if why == Explain::Yes {
            let mut head =
                format!("kind {kind}: log-odds against no entity, summed over mentions: ");
            push_votes(&mut head, &votes, false);
            evidence.insert(0, head);
        }
        entities.push(Entity {
            id: String::new(),
            kind,
            name,
            mentions,
            evidence,
        });
    }
    entities
}

/// The features behind a form with their weights, strongest first (`--explain`).
pub fn explain(feats: &Feats, space: &FeatureSpace, model: &Model) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = feats
        .ids()
        .iter()
        .map(|&f| {
            let w = model.weights.get(f as usize).copied().unwrap_or([0.0; 5]);
            let lo: Vec<f32> = (0..4).map(|k| w[k] - w[4]).collect();
            let strength = lo.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            let mut line = space.describe(f);
            line.push_str(": ");
            push_votes(&mut line, &[lo[0], lo[1], lo[2], lo[3]], true);
            (strength, line)
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    rows.into_iter().map(|(_, l)| l).collect()
}

/// "person 1.20, place -0.50, organization 0.00, event -3.10" (signed: "+1.20"):
/// every entity's evidence says it, so it is written without the exact float
/// formatter (ten times slower), with the same digits.
fn push_votes(out: &mut String, votes: &[f32; 4], signed: bool) {
    for (k, (label, &x)) in ["person", "place", "organization", "event"]
        .iter()
        .zip(votes)
        .enumerate()
    {
        if k > 0 {
            out.push_str(", ");
        }
        out.push_str(label);
        out.push(' ');
        push_2(out, x, signed);
    }
}

/// `{:.2}` (`{:+.2}` when `signed`) of `x`: an f32 times 100 is exact in an f64,
/// so rounding that (ties to even, as the formatter does) gives the same digits.
fn push_2(out: &mut String, x: f32, signed: bool) {
    use std::fmt::Write;
    if !x.is_finite() || x.abs() > 1e15 {
        let _ = if signed {
            write!(out, "{x:+.2}")
        } else {
            write!(out, "{x:.2}")
        };
        return;
    }
    let n = (f64::from(x) * 100.0).round_ties_even().abs() as u64;
    if x.is_sign_negative() {
        out.push('-');
    } else if signed {
        out.push('+');
    }
    let mut digits = [0u8; 20];
    let (mut int, mut len) = (n / 100, 0);
    loop {
        digits[len] = b'0' + (int % 10) as u8;
        len += 1;
        int /= 10;
        if int == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev().map(|&d| d as char));
    out.push('.');
    out.push((b'0' + (n % 100 / 10) as u8) as char);
    out.push((b'0' + (n % 10) as u8) as char);
}

/// The entity's name: its fullest form (longest mention; the first one on ties).
pub fn fullest(text: &str, mentions: &[Mention]) -> String {
    // The best form so far with its length in characters and whether it has no
    // lowercase letter, measured once (a form mentioned again is never better).
    let mut best: Option<(&str, usize, bool)> = None;
    for m in mentions {
        let t = m.text(text);
        let t = t.trim_matches(|c: char| c == '«' || c == '»' || c == '"' || c.is_whitespace());
        if best.is_some_and(|(b, ..)| b == t) {
            continue;
        }
        let (tl, t_upper) = (
            t.chars().count(),
            t.chars().all(|c| !crate::text::is_lower(c)),
        );
        let better = match best {
            None => true,
            // Prefer "Strasbourg" over "STRASBOURG", then the longer form.
            Some((_, bl, b_upper)) => (b_upper && !t_upper) || (t_upper == b_upper && tl > bl),
        };
        if better {
            best = Some((t, tl, t_upper));
        }
    }
    // The form without its guillemets, its whitespace runs made one space (one
    // allocation: an article has thousands of entities).
    let best = best.map_or("", |(b, ..)| b);
    let mut name = String::with_capacity(best.len());
    let mut space = false;
    for c in best.chars() {
        if c == '«' || c == '»' {
            continue;
        }
        if c.is_whitespace() {
            space = !name.is_empty();
            continue;
        }
        if space {
            name.push(' ');
            space = false;
        }
        name.push(c);
    }
    if name.chars().any(crate::text::is_unsafe) {
        crate::text::sanitize(&name)
    } else {
        name
    }
}

/// Sorts entities by first mention and numbers them.
pub fn number(entities: &mut [Entity]) {
    entities.sort_by_key(|e| e.first_offset());
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = entity_id(i + 1);
    }
}

/// "e" and `n` in decimal, as `format!("e{n}")` writes it, without the formatting
/// machinery (an article has thousands of entities; `format!` was most of numbering).
fn entity_id(mut n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - k);
    id.push('e');
    for &d in &digits[k..] {
        id.push(char::from(d));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::entity_id;

    /// Entity ids are written as `format!` writes them.
    #[test]
    fn entity_ids_as_format_writes_them() {
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }
}
