//! The document pass: one entity per thing in the world. Names with the same form
//! pool their votes; surnames join the full name seen in the article; acronyms join
//! their expansion; event mentions about the same thing join.

use super::events::EventCand;
use super::features::{Feats, FeatureSpace};
use super::lexicon::Lexicon;
use super::model::Model;
use crate::{Entity, EntityKind, Mention};
use rustc_hash::FxHashMap as HashMap;

/// A name mention placed in the file, slimmed to what the document pass needs: on a
/// 50 MB article there are millions of them (24 bytes each).
pub struct Placed {
    pub start: usize,
    /// Bytes from `start` to the end.
    pub len: u32,
    /// Interned folded form (see [`Keys`]).
    pub key: u32,
    /// Log-odds of each kind against "no entity", from the name's own features: an
    /// index in [`Votes`] (a few hundred distinct rows on any article).
    pub votes: u32,
    /// One token long (acronym candidates).
    pub single: bool,
    /// In apposition to the name before it (", l'..."): two names of one organization.
    pub apposition: bool,
}

impl Placed {
    pub fn end(&self) -> usize {
        self.start + self.len as usize
    }
}

/// Distinct log-odds rows, interned by their bits (the same row is the same f32s).
#[derive(Default)]
pub struct Votes {
    ids: HashMap<[u32; 4], u32>,
    pub rows: Vec<[f32; 4]>,
}

impl Votes {
    pub fn intern(&mut self, row: [f32; 4]) -> u32 {
        let next = self.rows.len() as u32;
        let id = *self.ids.entry(row.map(f32::to_bits)).or_insert(next);
        if id == next {
            self.rows.push(row);
        }
        id
    }

    /// Takes in another table's rows; returns each of its ids' id here.
    pub fn absorb(&mut self, other: Votes) -> Vec<u32> {
        other.rows.into_iter().map(|r| self.intern(r)).collect()
    }
}

/// No form: a name that is no defined acronym.
pub const NO_KEY: u32 = u32::MAX;

/// The name mentions of an article in text order, in the one or two runs the
/// cores proposed (kept apart: joining them would copy them all while both are held).
#[derive(Default)]
pub struct Names {
    pub parts: [Vec<Placed>; 2],
}

impl Names {
    pub fn len(&self) -> usize {
        self.parts[0].len() + self.parts[1].len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Placed> {
        self.parts[0].iter().chain(self.parts[1].iter())
    }
}

impl std::ops::Index<usize> for Names {
    type Output = Placed;
    fn index(&self, i: usize) -> &Placed {
        let n = self.parts[0].len();
        if i < n {
            &self.parts[0][i]
        } else {
            &self.parts[1][i - n]
        }
    }
}

/// Distinct folded forms, each with the union of its mentions' features and its
/// document flags.
#[derive(Default)]
pub struct Keys {
    ids: HashMap<String, u32>,
    names: Vec<String>,
    feats: Vec<Feats>,
    flags: Vec<u16>,
    /// The form the first mention defined as this acronym stands for ([`NO_KEY`]).
    acronym_of: Vec<u32>,
}

impl Keys {
    pub fn intern(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(key.clone());
        self.feats.push(Feats::default());
        self.flags.push(0);
        self.acronym_of.push(NO_KEY);
        self.ids.insert(key, id);
        id
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// `id` is an acronym of `of` in this mention: kept if no earlier one said so.
    pub fn set_acronym(&mut self, id: u32, of: u32) {
        let a = &mut self.acronym_of[id as usize];
        if *a == NO_KEY {
            *a = of;
        }
    }

    /// Takes in another table's forms; returns each of its ids' id here.
    pub fn absorb(&mut self, other: Keys) -> Vec<u32> {
        let mut remap = Vec::with_capacity(other.names.len());
        for ((name, feats), flags) in other.names.into_iter().zip(other.feats).zip(other.flags) {
            let id = self.intern(name);
            self.add_features(id, &feats, flags);
            remap.push(id);
        }
        // The other table's mentions come after this one's.
        for (i, &of) in other.acronym_of.iter().enumerate() {
            if of != NO_KEY {
                self.set_acronym(remap[i], remap[of as usize]);
            }
        }
        remap
    }

    pub fn add_features(&mut self, id: u32, feats: &Feats, flags: u16) {
        let f = &mut self.feats[id as usize];
        for &x in feats.ids() {
            f.add_id(x);
        }
        self.flags[id as usize] |= flags;
    }

    pub fn flags(&self, id: u32) -> u16 {
        self.flags[id as usize]
    }

    /// Sets `flag` on every form (a fact about the whole article).
    pub fn mark_all(&mut self, flag: u16) {
        for f in &mut self.flags {
            *f |= flag;
        }
    }

    /// Flags the forms that end a longer form starting with a first name ("Poutine"
    /// after "Vladimir Poutine").
    pub fn mark_surnames(&mut self, flag: u16) {
        let first = super::features::F::FirstNameFirst;
        let mut endings: Vec<u32> = Vec::new();
        for (id, name) in self.names.iter().enumerate() {
            if !self.feats[id].has(first) {
                continue;
            }
            for (i, _) in name.match_indices(' ') {
                if let Some(&e) = self.ids.get(&name[i + 1..]) {
                    endings.push(e);
                }
            }
        }
        for e in endings {
            self.flags[e as usize] |= flag;
        }
    }
}

pub struct PlacedEvent {
    pub cand: EventCand,
    /// Log-odds against "no entity" (only the event's counts).
    pub score: [f32; 4],
    pub start: usize,
    pub end: usize,
}

struct Group {
    key: String,
    votes: [f32; 4],
    evidence: Vec<String>,
    feats: Feats,
    /// Its first mention (index in the article's names) and how many it has.
    first: Option<u32>,
    count: usize,
    /// Index of the group this one was merged into.
    into: Option<usize>,
    acronym_of: Option<usize>,
}

use super::model::kind_of;

/// The features behind a form with their weights, strongest first (`--explain`).
fn explain(feats: &Feats, space: &FeatureSpace, model: &Model) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = feats
        .ids()
        .iter()
        .map(|&f| {
            let w = model.weights.get(f as usize).copied().unwrap_or([0.0; 5]);
            let lo: Vec<f32> = (0..4).map(|k| w[k] - w[4]).collect();
            let strength = lo.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            let line = format!(
                "{}: person {:+.2}, place {:+.2}, organization {:+.2}, event {:+.2}",
                space.describe(f),
                lo[0],
                lo[1],
                lo[2],
                lo[3]
            );
            (strength, line)
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    rows.into_iter().map(|(_, l)| l).collect()
}

/// `doc[key]`: the weights of each form's document features, added to each of its
/// mentions' own log-odds.
#[allow(clippy::too_many_arguments)]
pub fn resolve(
    text: &str,
    names: Names,
    votes: &Votes,
    doc: &[[f32; 4]],
    mut keys: Keys,
    events: Vec<PlacedEvent>,
    space: &FeatureSpace,
    model: &Model,
    lex: &Lexicon,
) -> Vec<Entity> {
    // One group per surface form, pooling the votes of its mentions.
    let mut groups: Vec<Group> = keys
        .names
        .drain(..)
        .zip(keys.feats.drain(..))
        .zip(keys.acronym_of.drain(..))
        .map(|((key, feats), acronym_of)| Group {
            key,
            votes: [0.0; 4],
            evidence: Vec::new(),
            feats,
            first: None,
            count: 0,
            into: None,
            acronym_of: (acronym_of != NO_KEY).then_some(acronym_of as usize),
        })
        .collect();
    for (i, p) in names.iter().enumerate() {
        let gr = &mut groups[p.key as usize];
        // The mention's own log-odds plus its form's document features, then pooled.
        let mut v = votes.rows[p.votes as usize];
        for (v, a) in v.iter_mut().zip(doc[p.key as usize]) {
            *v += a;
        }
        for (g, v) in gr.votes.iter_mut().zip(v) {
            *g += v;
        }
        gr.first.get_or_insert(i as u32);
        gr.count += 1;
    }

    // Acronyms defined in parentheses, or matching the initials of a name.
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    for (g, gr) in groups.iter().enumerate() {
        if kind_of(&gr.votes) == Some(EntityKind::Organization) && gr.key.contains(' ') {
            by_initials
                .entry(initials(&gr.key, lex.grammar.words("acronym_skip")))
                .or_insert(g);
        }
    }
    for g in 0..groups.len() {
        let Some(m) = groups[g].first else {
            continue;
        };
        let first = &names[m as usize];
        let is_acr = first.single
            && text[first.start..first.end()]
                .chars()
                .all(|c| !c.is_lowercase());
        let target = match groups[g].acronym_of {
            Some(k) => Some(k),
            None if is_acr && groups[g].key.len() >= 2 => by_initials.get(&groups[g].key).copied(),
            None => None,
        };
        if let Some(t) = target {
            if t != g {
                let why = format!("acronym of \"{}\"", groups[t].key);
                groups[g].into = Some(t);
                groups[g].evidence.push(why);
            }
        }
    }

    // Two organization names in apposition are one organization.
    for m in 1..names.len() {
        if !names[m].apposition {
            continue;
        }
        let (g, prev) = (names[m].key as usize, names[m - 1].key as usize);
        let org = |g: usize| kind_of(&groups[g].votes) == Some(EntityKind::Organization);
        if g != prev
            && org(g)
            && org(prev)
            && groups[g].into.is_none()
            && groups[prev].into.is_none()
        {
            groups[g].into = Some(prev);
            let why = format!("in apposition to \"{}\"", groups[prev].key);
            groups[g].evidence.push(why);
        }
    }

    // Surnames and shorter forms join the full person name ("Poutine" -> "Vladimir
    // Poutine"). Every word-boundary ending of each full name is indexed; an ending
    // shared by two people is ambiguous and joins neither.
    let mut endings: HashMap<String, Option<usize>> = HashMap::default();
    for (f, gr) in groups.iter().enumerate() {
        if kind_of(&gr.votes) != Some(EntityKind::Person) || !gr.key.contains(' ') {
            continue;
        }
        for (i, _) in gr.key.match_indices(' ') {
            endings
                .entry(gr.key[i + 1..].to_string())
                .and_modify(|v| {
                    if *v != Some(f) {
                        *v = None
                    }
                })
                .or_insert(Some(f));
        }
    }
    let mut joins = Vec::new();
    for (g, gr) in groups.iter().enumerate() {
        let full_person = gr.key.contains(' ') && kind_of(&gr.votes) == Some(EntityKind::Person);
        // A form the article itself calls a place or an organization stays one.
        let person = gr.votes[EntityKind::Person as usize];
        let strong_other = [EntityKind::Place, EntityKind::Organization]
            .iter()
            .any(|&k| gr.votes[k as usize] > person + 2.0);
        if gr.into.is_some() || full_person || strong_other {
            continue;
        }
        if let Some(Some(f)) = endings.get(&gr.key) {
            joins.push((g, *f));
        }
    }
    for (g, f) in joins {
        groups[g].into = Some(f);
        let why = format!("surname of \"{}\"", groups[f].key);
        groups[g].evidence.push(why);
    }

    // Named events: a lone "Tour" after "Tour de France".
    let mut event_first: HashMap<String, usize> = HashMap::default();
    for (f, gr) in groups.iter().enumerate() {
        if kind_of(&gr.votes) == Some(EntityKind::Event) && gr.key.contains(' ') {
            if let Some(w) = gr.key.split(' ').next() {
                event_first.entry(w.to_string()).or_insert(f);
            }
        }
    }
    for gr in groups.iter_mut() {
        let weak = gr.votes.iter().all(|&v| v < 1.0);
        if gr.into.is_some() || gr.key.contains(' ') || !weak {
            continue;
        }
        if let Some(&f) = event_first.get(&gr.key) {
            gr.into = Some(f);
        }
    }

    // Follow merges to their root, pooling votes there.
    let root = |groups: &Vec<Group>, mut g: usize| {
        let mut hops = 0;
        while let Some(t) = groups[g].into {
            g = t;
            hops += 1;
            if hops > groups.len() {
                break;
            }
        }
        g
    };
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for g in 0..groups.len() {
        members.entry(root(&groups, g)).or_default().push(g);
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
        let Some(kind) = kind_of(&votes) else {
            continue;
        };
        // Weak guesses (a capitalized word in no list) are kept: measured on the gold
        // files they recover unlisted companies and parties at no cost in precision.
        mentions.sort();
        let name = fullest(text, &mentions, kind);
        evidence.insert(0, format!(
            "kind {kind}: log-odds against no entity, summed over mentions: person {:.2}, place {:.2}, organization {:.2}, event {:.2}",
            votes[0], votes[1], votes[2], votes[3]
        ));
        entities.push(Entity {
            id: String::new(),
            kind,
            name,
            mentions,
            evidence,
        });
    }

    // Event arguments compare by entity, so "mandat d'arrêt de la CPI" and "... de la
    // Cour pénale internationale" agree.
    let mut canon: HashMap<String, String> = HashMap::default();
    for g in 0..groups.len() {
        let r = root(&groups, g);
        canon.insert(groups[g].key.clone(), groups[r].key.clone());
    }
    let mut events = events;
    for e in &mut events {
        for a in &mut e.cand.args {
            if let Some(c) = canon.get(a) {
                *a = c.clone();
            }
        }
    }
    // Decide overlaps: a name taken as an event inside an event phrase ("Grève" in
    // "Grève à la SNCF") is that phrase's mention, not an event of its own.
    let event_ents = group_events(text, events, space, model);
    let mut spans: Vec<Mention> = event_ents
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    spans.sort();
    let covered = |m: &Mention| {
        // Spans sorted by start: the few that start before `m` ends and near it.
        let i = spans.partition_point(|s| s.start < m.end);
        spans[i.saturating_sub(8)..i].iter().any(|s| s.overlaps(m))
    };
    let starts: rustc_hash::FxHashSet<usize> = spans.iter().map(|s| s.start).collect();
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Event) {
        e.mentions
            .retain(|m| !(starts.contains(&m.start) && covered(m)));
    }
    entities.retain(|e| !e.mentions.is_empty());
    entities.extend(event_ents);
    entities.sort_by_key(|e| e.first_offset());
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    entities
}

/// The initials of a name, without the profile's `acronym_skip` words.
fn initials(key: &str, skip: &[&str]) -> String {
    key.split([' ', '\''])
        .filter(|w| !w.is_empty() && !skip.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The entity's name: its fullest form (longest mention; the first one on ties).
fn fullest(text: &str, mentions: &[Mention], kind: EntityKind) -> String {
    let mut best: Option<&str> = None;
    for m in mentions {
        let t = m.text(text);
        let t = t.trim_matches(|c: char| c == '«' || c == '»' || c == '"' || c.is_whitespace());
        let better = match best {
            None => true,
            Some(b) => {
                let (tl, bl) = (t.chars().count(), b.chars().count());
                let t_upper = t.chars().all(|c| !c.is_lowercase());
                let b_upper = b.chars().all(|c| !c.is_lowercase());
                // Prefer "Strasbourg" over "STRASBOURG", then the longer form.
                (b_upper && !t_upper) || (t_upper == b_upper && tl > bl)
            }
        };
        if better {
            best = Some(t);
        }
    }
    let name = best.unwrap_or("").replace(['«', '»'], "");
    let _ = kind;
    crate::text::sanitize(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Event mentions with the same head about the same thing, or of the same class
/// sharing an argument, are one event.
fn group_events(
    text: &str,
    events: Vec<PlacedEvent>,
    space: &FeatureSpace,
    model: &Model,
) -> Vec<Entity> {
    // Decide: an event candidate is kept when its log-odds say event.
    let events: Vec<PlacedEvent> = events.into_iter().filter(|e| e.score[3] > 0.0).collect();
    let n = events.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Buckets instead of comparing every pair: events that meet in a bucket are one.
    // A bare "mandat d'arrêt" (or a numbered "6e étape") opens its head's bucket to
    // every mention with that head.
    let open_heads: rustc_hash::FxHashSet<&str> = events
        .iter()
        .filter(|e| e.cand.args.is_empty() || e.cand.numbered)
        .map(|e| e.cand.head.as_str())
        .collect();
    let mut first_in: HashMap<(u8, &str, &str), usize> = HashMap::default();
    for (i, e) in events.iter().enumerate() {
        let c = &e.cand;
        let mut keys: Vec<(u8, &str, &str)> = Vec::new();
        if open_heads.contains(c.head.as_str()) {
            keys.push((0, c.head.as_str(), ""));
        }
        for a in &c.args {
            keys.push((1, c.head.as_str(), a.as_str()));
            keys.push((2, c.class, a.as_str()));
        }
        for k in keys {
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
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for (_, idx) in groups {
        let mut mentions: Vec<Mention> = idx
            .iter()
            .map(|&i| Mention::new(events[i].start, events[i].end))
            .collect();
        mentions.sort();
        mentions.dedup();
        let mut evidence: Vec<String> = Vec::new();
        // A long article repeats the same event mention many times: each distinct
        // one (head, class, score, features) is explained once, which gives the same
        // lines as explaining them all (repeated lines are dropped anyway).
        let mut seen: rustc_hash::FxHashSet<(&str, &str, u32, &Feats)> = Default::default();
        for &i in &idx {
            let c = &events[i].cand;
            if !seen.insert((&c.head, c.class, events[i].score[3].to_bits(), &c.feats)) {
                continue;
            }
            let head = format!(
                "event noun \"{}\" ({}), log-odds {:+.2}",
                c.head, c.class, events[i].score[3]
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
                events[idx[0]].cand.class
            ));
        }
        let name = fullest(text, &mentions, EntityKind::Event);
        out.push(Entity {
            id: String::new(),
            kind: EntityKind::Event,
            name,
            mentions,
            evidence,
        });
    }
    out
}
