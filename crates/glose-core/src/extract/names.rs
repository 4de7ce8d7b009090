//! Proper names: capitalized sequences, cut and classified by the word lists and
//! by the cues French news puts around names.

use super::block::BlockText;
use super::classify::classify;
use super::span::sequence;
use crate::EntityKind;
use std::borrow::Cow;

/// A name found in one block, with the votes for each kind and the reasons.
#[derive(Debug, Clone)]
pub struct NameCand {
    /// Token range in the block.
    pub a: usize,
    pub b: usize,
    /// Display byte range in the block.
    pub start: usize,
    pub end: usize,
    /// Folded surface form: mentions with the same key are one entity.
    pub key: String,
    pub votes: [f32; 4],
    /// Static text where the reason needs no detail, so most cost no allocation.
    pub evidence: Vec<Cow<'static, str>>,
    /// Key of the name this acronym was defined for ("CPI" after "Cour pénale internationale").
    pub acronym_of: Option<String>,
    /// Weak candidates (no list, no cue) are kept only if the document backs them.
    pub strong: bool,
}

impl NameCand {
    pub fn vote(&mut self, kind: EntityKind, w: f32, why: impl Into<Cow<'static, str>>) {
        self.votes[kind as usize] += w;
        if w >= 1.0 {
            self.strong = true;
        }
        self.evidence.push(why.into());
    }
}

/// All name candidates of a block, in text order, not overlapping.
pub fn find(bt: &BlockText) -> Vec<NameCand> {
    let mut out: Vec<NameCand> = Vec::new();
    let n = bt.len();
    let mut i = 0;
    while i < n {
        // "ministère de la Défense", "ministère de la protection civile": written lowercase.
        if let Some(c) = lowercase_ministry(bt, i) {
            i = c.b;
            out.push(c);
            continue;
        }
        if !bt.namelike(i) {
            i += 1;
            continue;
        }
        // Titles such as "M." / "Mme" are cues, not names.
        if bt.is(i, &["m", "mme", "mlle", "mm", "dr", "pr", "me", "mgr"]) {
            i += 1;
            continue;
        }
        // A capitalized article inside a sentence starts a name ("le parti Les Engagés").
        let article_name = !bt.initial[i]
            && i > 0
            && bt.word(i - 1)
            && !bt.toks[i - 1].cap
            && bt.is(i, &["le", "la", "les"])
            && bt.namelike(i + 1)
            && bt.spaced(i)
            && !bt.is_function(i + 1);
        if bt.is_function(i) && !article_name {
            i += 1;
            continue;
        }
        let Some(mut c) = sequence(bt, i) else {
            i += 1;
            continue;
        };
        classify(bt, &mut c);
        i = c.b;
        let nested = nested_places(bt, &c);
        out.push(c);
        out.extend(nested);
    }
    define_acronyms(bt, &mut out);
    out
}

/// Places named inside a named event stay places: "Festival d'Avignon" holds "Avignon".
fn nested_places(bt: &BlockText, c: &NameCand) -> Vec<NameCand> {
    let event = c.votes[EntityKind::Event as usize];
    if event == 0.0 || c.votes.iter().any(|&v| v > event) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for j in c.a + 1..c.b {
        if bt.namelike(j) && bt.is(j - 1, &["de", "d'", "du", "à"]) {
            if let Some(_t) = bt.lex.places.get(bt.folded(j, j + 1).as_str()) {
                let mut p = new_cand(bt, j, j + 1);
                p.vote(
                    EntityKind::Place,
                    3.0,
                    "in the place list, inside a named event",
                );
                out.push(p);
            }
        }
    }
    out
}

pub(super) fn new_cand(bt: &BlockText, a: usize, b: usize) -> NameCand {
    NameCand {
        a,
        b,
        start: bt.toks[a].start,
        end: bt.toks[b - 1].end,
        key: bt.folded(a, b),
        votes: [0.0; 4],
        evidence: Vec::new(),
        acronym_of: None,
        strong: false,
    }
}

/// "ministère de la protection civile": French writes ministries in lowercase.
fn lowercase_ministry(bt: &BlockText, i: usize) -> Option<NameCand> {
    if !bt.is(i, &["ministère"]) || bt.toks[i].cap {
        return None;
    }
    let mut c = i + 1;
    if !bt.is(c, &["de", "du", "des", "d'"]) {
        return None;
    }
    c += 1;
    if bt.is(c, &["la", "l'"]) {
        c += 1;
    }
    if c >= bt.len() || !bt.word(c) || bt.is_function(c) {
        return None;
    }
    c += 1;
    while c < bt.len() && bt.spaced(c - 1) && (bt.adjective(c) || bt.namelike(c)) {
        c += 1;
    }
    let mut cand = new_cand(bt, i, c);
    cand.vote(
        EntityKind::Organization,
        3.0,
        "\"ministère de ...\": a ministry",
    );
    Some(cand)
}

/// An acronym starts with the first letter of what it stands for ("CPI", "Cour ...").
fn same_initial(name: &str, acronym: &str) -> bool {
    name.chars().next() == acronym.chars().next()
}

/// "Cour pénale internationale (CPI)": the acronym names the same thing.
fn define_acronyms(bt: &BlockText, cands: &mut [NameCand]) {
    for k in 1..cands.len() {
        let (prev, cur) = (&cands[k - 1], &cands[k]);
        let a = cur.a;
        let in_parens = a >= 1
            && bt.s(a - 1) == "("
            && prev.b == a - 1
            && cur.b < bt.len()
            && bt.s(cur.b) == ")";
        let dateline = cur.b + 1 < bt.len() && matches!(bt.s(cur.b + 1), "-" | "–" | "—");
        if in_parens
            && !dateline
            && cur.b - cur.a == 1
            && !bt.toks[a].upper
            && prev.votes[EntityKind::Place as usize] >= 2.0
        {
            // "Grande-Synthe (Nord)": the region or country of the place before.
            cands[k].vote(
                EntityKind::Place,
                2.0,
                "in parentheses after a place: its region",
            );
            continue;
        }
        if cur.b - cur.a == 1
            && bt.toks[a].upper
            && a >= 1
            && bt.s(a - 1) == "("
            && prev.b == a - 1
            && bt.s(cur.b.min(bt.len() - 1)) == ")"
            && !dateline
            && same_initial(&prev.key, &cur.key)
        {
            let key = prev.key.clone();
            let votes = prev.votes;
            if votes.iter().all(|&v| v == 0.0) && !prev.strong {
                // "Produit intérieur brut (PIB)": the acronym of a common noun phrase.
                cands[k].votes = [0.0; 4];
                continue;
            }
            let c = &mut cands[k];
            c.acronym_of = Some(key);
            for (i, v) in votes.iter().enumerate() {
                c.votes[i] += v;
            }
            c.evidence
                .push("an acronym defined in parentheses after its expansion".into());
            c.strong = true;
        }
    }
}
