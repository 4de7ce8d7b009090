//! What the proposers hand to the document stages (*decide*, *link*): the name
//! mentions placed in the file, their interned forms and votes, the placed events.

use super::events::EventCand;
use super::features::Feats;
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

impl std::ops::IndexMut<usize> for Names {
    fn index_mut(&mut self, i: usize) -> &mut Placed {
        let n = self.parts[0].len();
        if i < n {
            &mut self.parts[0][i]
        } else {
            &mut self.parts[1][i - n]
        }
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

/// An index of interned things by hash, the things held once by their owner (in a
/// `Vec`, by id): a hash -> the last id with that hash, each id chained to the one
/// before it with the same hash ([`NO_KEY`] ends the chain).
#[derive(Default)]
struct HashChains {
    last: HashMap<u64, u32>,
    prev: Vec<u32>,
}

impl HashChains {
    /// The id with this hash that `same` accepts.
    fn find(&self, hash: u64, mut same: impl FnMut(u32) -> bool) -> Option<u32> {
        let mut id = *self.last.get(&hash)?;
        while id != NO_KEY {
            if same(id) {
                return Some(id);
            }
            id = self.prev[id as usize];
        }
        None
    }

    /// Records the next id (`ids so far`) under `hash`.
    fn push(&mut self, hash: u64) {
        let id = self.prev.len() as u32;
        self.prev.push(self.last.insert(hash, id).unwrap_or(NO_KEY));
    }
}

fn fx_hash(x: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    x.hash(&mut h);
    h.finish()
}

/// Distinct folded forms, each with the union of its mentions' features and its
/// document flags.
#[derive(Default)]
pub struct Keys {
    /// The forms by hash; the forms are held once, in `names`.
    ids: HashChains,
    names: Vec<String>,
    feats: Vec<Feats>,
    flags: Vec<u16>,
    /// The form the first mention defined as this acronym stands for ([`NO_KEY`]).
    acronym_of: Vec<u32>,
}

impl Keys {
    /// The id of a form already interned.
    fn find(&self, key: &str) -> Option<u32> {
        self.ids
            .find(fx_hash(key), |id| self.names[id as usize] == key)
    }

    pub fn intern(&mut self, key: String) -> u32 {
        if let Some(id) = self.find(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.push(fx_hash(key.as_str()));
        self.names.push(key);
        self.feats.push(Feats::default());
        self.flags.push(0);
        self.acronym_of.push(NO_KEY);
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

    /// Each form with its features and the form it is a defined acronym of
    /// ([`NO_KEY`]), in id order.
    pub fn take(&mut self) -> impl Iterator<Item = (String, Feats, u32)> + '_ {
        self.names
            .drain(..)
            .zip(self.feats.drain(..))
            .zip(self.acronym_of.drain(..))
            .map(|((n, f), a)| (n, f, a))
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
                let end = &name[i + 1..];
                if let Some(e) = self.find(end) {
                    endings.push(e);
                }
            }
        }
        for e in endings {
            self.flags[e as usize] |= flag;
        }
    }
}

/// An event mention placed in the file (24 bytes): its form is shared with every
/// mention written alike (see [`EventForms`]).
pub struct PlacedEvent {
    pub start: usize,
    pub end: usize,
    /// Index in [`EventForms::forms`].
    pub form: u32,
}

/// An event candidate without its place, with its score.
pub struct EventForm {
    /// Its `start` and `end` are left at 0 (the mentions hold the places).
    pub cand: EventCand,
    /// Log-odds against "no entity" (only the event's counts).
    pub score: [f32; 4],
}

/// Distinct event forms: head, class, arguments, features and score. A large
/// article repeats its event mentions, and each candidate is a few hundred bytes
/// (its features, its strings): they are held once each.
#[derive(Default)]
pub struct EventForms {
    /// The forms by hash.
    ids: HashChains,
    pub forms: Vec<EventForm>,
}

impl EventForms {
    pub fn intern(&mut self, mut cand: EventCand, score: [f32; 4]) -> u32 {
        (cand.start, cand.end) = (0, 0);
        let hash = fx_hash((
            (
                cand.class,
                &cand.head,
                &cand.args,
                &cand.names,
                cand.numbered,
            ),
            (&cand.feats, score.map(f32::to_bits)),
        ));
        let same = |f: &EventForm| {
            let c = &f.cand;
            c.class == cand.class
                && c.head == cand.head
                && c.args == cand.args
                && c.names == cand.names
                && c.numbered == cand.numbered
                && c.feats == cand.feats
                && f.score.map(f32::to_bits) == score.map(f32::to_bits)
        };
        if let Some(id) = self.ids.find(hash, |id| same(&self.forms[id as usize])) {
            return id;
        }
        let id = self.forms.len() as u32;
        self.ids.push(hash);
        self.forms.push(EventForm { cand, score });
        id
    }

    /// Takes in another table's forms; returns each of its ids' id here.
    pub fn absorb(&mut self, other: EventForms) -> Vec<u32> {
        other
            .forms
            .into_iter()
            .map(|f| self.intern(f.cand, f.score))
            .collect()
    }

    pub fn get(&self, e: &PlacedEvent) -> &EventForm {
        &self.forms[e.form as usize]
    }
}
