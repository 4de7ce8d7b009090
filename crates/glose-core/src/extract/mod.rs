//! Article -> entities, as stages:
//!
//! - *propose*: candidate spans: capitalized runs, gazetteer places, institutions
//!   (`names`, `span`), event nouns with their complement (`events`);
//! - *features*: named features per candidate (`classify`, `features`), plus what
//!   the rest of the article says about the same form (`doc_features` below);
//! - *score*: log-odds per kind from fitted weights (`model`);
//! - *decide* and *link*: one kind per form, aliases merged (`merge`).
//!
//! Word lists, the language profile and the weights are data (`lexicon`, `assets/`).

mod block;
mod classify;
mod events;
pub mod features;
pub mod lexicon;
mod merge;
pub mod model;
mod names;
mod span;

use crate::text::tokenize_with;
use crate::{Article, Entity, Language};
use block::BlockText;
use features::{Feats, FeatureSpace, F};
use lexicon::Lexicon;
use merge::{Keys, Placed, PlacedEvent};
pub use model::{Example, Model, WeightsFile};
use std::sync::OnceLock;

/// A language's extractor: its word lists, its feature space and its weights.
pub struct Profile {
    pub lex: &'static Lexicon,
    pub space: FeatureSpace,
    pub model: Model,
    /// The language whose profile this is (a language without one uses the nearest).
    pub language: Language,
}

macro_rules! weights {
    ($path:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/weights/",
            $path
        ))
    };
}

/// The profile for a language, built on first use.
pub fn profile(lang: Language) -> &'static Profile {
    static FR: OnceLock<Profile> = OnceLock::new();
    static EN: OnceLock<Profile> = OnceLock::new();
    let build = |lang: Language| {
        let lex = lexicon::lexicon(lang);
        let space = FeatureSpace::new(lex);
        let weights = match lang {
            Language::Fr => weights!("fr.json"),
            Language::En => weights!("en.json"),
        };
        let model = Model::from_json(&space, weights).unwrap_or(Model::zero(&space));
        Profile {
            lex,
            space,
            model,
            language: lang,
        }
    };
    match lang {
        Language::Fr => FR.get_or_init(|| build(Language::Fr)),
        Language::En => EN.get_or_init(|| build(Language::En)),
    }
}

/// Finds the entities an article mentions, in order of first mention, each with its
/// mentions in text order and the evidence behind it.
pub fn extract(article: &Article) -> Vec<Entity> {
    let p = profile(article.language);
    extract_with(article, p, &p.model)
}

/// [`extract`] with other weights (cross-validation fits one model per fold).
pub fn extract_with(article: &Article, profile: &Profile, model: &Model) -> Vec<Entity> {
    let proposed = propose(article, profile, model, false);
    let Proposed {
        mut names,
        keys,
        mut events,
        ..
    } = proposed;
    score_document(&mut names, &keys, &mut events, model);
    merge::resolve(
        &article.text,
        names,
        keys,
        events,
        &profile.space,
        model,
        profile.lex,
    )
}

/// A candidate span with all its features, for fitting: `event` says which
/// proposer made it.
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub event: bool,
    pub feats: Feats,
}

/// Every candidate of an article with its features (document features included).
pub fn candidates(article: &Article, profile: &Profile) -> Vec<Candidate> {
    let zero = Model::zero(&profile.space);
    let p = propose(article, profile, &zero, true);
    let mut out = Vec::new();
    for (i, n) in p.names.iter().enumerate() {
        let mut feats = p.feats[i];
        for f in doc_features(p.keys.flags(n.key)) {
            feats.add(f);
        }
        out.push(Candidate {
            start: n.start,
            end: n.end,
            event: false,
            feats,
        });
    }
    for e in p.events {
        out.push(Candidate {
            start: e.start,
            end: e.end,
            event: true,
            feats: e.cand.feats,
        });
    }
    out
}

struct Proposed {
    names: Vec<Placed>,
    keys: Keys,
    events: Vec<PlacedEvent>,
    /// Each name's own features, when asked for (fitting).
    feats: Vec<Feats>,
}

/// Document flags: cues seen around any mention of a form.
const DOC_FLAGS: [(F, F); 6] = [
    (F::PersonCue, F::DocPersonCue),
    (F::OrgCue, F::DocOrgCue),
    (F::PlaceCue, F::DocPlaceCue),
    (F::AfterArticle, F::DocAfterArticle),
    (F::PrepStrong, F::DocPlacePrep),
    (F::PrepA, F::DocPlacePrep),
];
const FLAG_NOT_INITIAL: u16 = 1 << 8;
const FLAG_SURNAME: u16 = 1 << 9;

fn flags_of(feats: &Feats) -> u16 {
    let mut flags = 0;
    for (k, (f, _)) in DOC_FLAGS.iter().enumerate() {
        if feats.has(*f) {
            flags |= 1 << k;
        }
    }
    if !feats.has(F::SentenceInitial) {
        flags |= FLAG_NOT_INITIAL;
    }
    flags
}

/// The document features a form's flags give each of its mentions.
fn doc_features(flags: u16) -> impl Iterator<Item = F> {
    let mut out: Vec<F> = DOC_FLAGS
        .iter()
        .enumerate()
        .filter(|(k, _)| flags & (1 << k) != 0)
        .map(|(_, (_, d))| *d)
        .collect();
    out.dedup();
    if flags & FLAG_NOT_INITIAL != 0 {
        out.push(F::DocNotInitial);
    }
    if flags & FLAG_SURNAME != 0 {
        out.push(F::SurnameOfPerson);
    }
    out.into_iter()
}

/// Proposes candidates block by block with their own features, scored without the
/// document features (added by [`score_document`]: the score is a sum).
fn propose(article: &Article, profile: &Profile, model: &Model, keep_feats: bool) -> Proposed {
    let blocks = &article.blocks[..];
    // A large article is cut in two runs of blocks proposed on two cores; the
    // document stages run after, on the merged result.
    let total: usize = blocks.iter().map(|b| b.range.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(2);
    if total < PARALLEL_FROM || threads < 2 || blocks.len() < 2 {
        let mut p = propose_blocks(article, blocks, profile, model, keep_feats);
        p.keys.mark_surnames(FLAG_SURNAME);
        return p;
    }
    let mut acc = 0;
    let cut = blocks
        .iter()
        .position(|b| {
            acc += b.range.len();
            acc >= total / 2
        })
        .map_or(blocks.len() / 2, |i| (i + 1).min(blocks.len() - 1));
    let (first, second) = blocks.split_at(cut);
    let (a, b) = std::thread::scope(|scope| {
        let h = std::thread::Builder::new().spawn_scoped(scope, || {
            propose_blocks(article, second, profile, model, keep_feats)
        });
        let a = propose_blocks(article, first, profile, model, keep_feats);
        let b = match h.ok().map(|h| h.join()) {
            Some(Ok(b)) => b,
            // No second thread: propose the rest here.
            _ => propose_blocks(article, second, profile, model, keep_feats),
        };
        (a, b)
    });
    let mut p = a;
    let remap = p.keys.absorb(b.keys);
    p.names.extend(b.names.into_iter().map(|mut n| {
        n.key = remap[n.key as usize];
        n.acronym_of = n.acronym_of.map(|k| remap[k as usize]);
        n
    }));
    p.events.extend(b.events);
    p.feats.extend(b.feats);
    p.keys.mark_surnames(FLAG_SURNAME);
    p
}

/// Articles from this size on are proposed on two cores.
const PARALLEL_FROM: usize = 1 << 20;

fn propose_blocks(
    article: &Article,
    blocks: &[crate::Block],
    profile: &Profile,
    model: &Model,
    keep_feats: bool,
) -> Proposed {
    let lex = profile.lex;
    let space = &profile.space;
    let mut names: Vec<Placed> = Vec::new();
    let mut keys = Keys::default();
    let mut events = Vec::new();
    let mut all_feats = Vec::new();
    for block in blocks {
        let display = block.display(&article.text);
        let bt = BlockText::new(
            &display.text,
            tokenize_with(&display.text, &lex.elisions),
            lex,
        );
        let mut cands = names::find(&bt, space);
        let evs = events::find(&bt, space, &cands);
        // Both in text order; events do not overlap each other.
        let mut e = 0;
        for c in cands.iter_mut() {
            while e < evs.len() && evs[e].end < c.end {
                e += 1;
            }
            if e < evs.len() && evs[e].start < c.start && c.end <= evs[e].end {
                c.feats.add(F::InEvent);
            }
        }
        for ev in evs {
            let (start, end) = (display.to_file(ev.start), display.to_file_end(ev.end));
            events.push(PlacedEvent {
                score: model.log_odds(&ev.feats),
                cand: ev,
                start,
                end,
            });
        }
        let links = enumerations(&bt, &cands);
        list_features(&mut cands, &links);
        for (c, link) in cands.into_iter().zip(links) {
            let (start, end) = (display.to_file(c.start), display.to_file_end(c.end));
            let single = c.b - c.a == 1;
            let acronym_of = c.acronym_of.map(|k| keys.intern(k));
            let key = keys.intern(c.key);
            keys.add_features(key, &c.feats, flags_of(&c.feats));
            names.push(Placed {
                key,
                votes: model.log_odds(&c.feats),
                single,
                start,
                end,
                acronym_of,
                apposition: link.apposition,
            });
            if keep_feats {
                all_feats.push(c.feats);
            }
        }
    }
    Proposed {
        names,
        keys,
        events,
        feats: all_feats,
    }
}

/// How a name candidate is joined to the one before it.
#[derive(Clone, Copy, Default)]
struct Link {
    /// In an enumeration (names separated only by "," or a connector).
    joined: bool,
    /// The first member of its enumeration.
    first: bool,
    /// Joined by a connector and a repeated preposition ("d'Antakya et de Kahramanmaras").
    parallel: bool,
    /// ", l'..." after the name before: a second name of the same thing.
    apposition: bool,
}

/// Enumerations of names in a block: one link per candidate.
fn enumerations(bt: &BlockText, cands: &[names::NameCand]) -> Vec<Link> {
    let g = &bt.lex.grammar;
    let mut links = vec![Link::default(); cands.len()];
    for k in 1..cands.len() {
        let (pb, a) = (cands[k - 1].b, cands[k].a);
        if pb >= a || a - pb > 2 {
            continue;
        }
        let gap: Vec<std::borrow::Cow<str>> = (pb..a).map(|j| bt.lc(j)).collect();
        let gap: Vec<&str> = gap.iter().map(|s| s.as_ref()).collect();
        let parallel =
            gap.len() == 2 && g.is("list_connector", gap[0]) && g.is("parallel_prep", gap[1]);
        links[k].apposition = gap.len() == 2 && gap[0] == "," && bt.lex.articles.contains(gap[1]);
        let joined = parallel
            || match gap.as_slice() {
                [","] => true,
                [w] => g.is("list_connector", w),
                [",", w] => g.is("list_connector", w),
                _ => false,
            };
        if joined {
            links[k].parallel = parallel;
            links[k].joined = true;
            if !links[k - 1].joined {
                links[k - 1].joined = true;
                links[k - 1].first = true;
            }
        }
    }
    links
}

/// Members of an enumeration of three or more (or a parallel pair) learn what the
/// others are: "villages de Kiotari, Gennadi et Pefki".
fn list_features(cands: &mut [names::NameCand], links: &[Link]) {
    let mut i = 0;
    while i < cands.len() {
        if !links[i].first {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < cands.len() && links[j].joined && !links[j].first {
            j += 1;
        }
        let parallel = links[i + 1..j].iter().any(|l| l.parallel);
        if j - i >= 3 || parallel {
            let is_place = |c: &names::NameCand| {
                [
                    F::PlaceCountry,
                    F::PlaceRegion,
                    F::PlaceContinent,
                    F::PlaceCity,
                    F::PlaceCue,
                ]
                .iter()
                .any(|&f| c.feats.has(f))
            };
            let is_person =
                |c: &names::NameCand| c.feats.has(F::FirstNameFirst) || c.feats.has(F::PersonCue);
            let is_org = |c: &names::NameCand| {
                c.feats.has(F::OrgHead) || c.feats.has(F::OrgCue) || c.feats.has(F::OrgSuffix)
            };
            for k in i..j {
                let others = || (i..j).filter(move |&m| m != k);
                let place = others().any(|m| is_place(&cands[m]));
                let person = others().any(|m| is_person(&cands[m]));
                let org = others().any(|m| is_org(&cands[m]));
                let f = &mut cands[k].feats;
                f.add(F::InList);
                if place {
                    f.add(F::ListPlace);
                }
                if person {
                    f.add(F::ListPerson);
                }
                if org {
                    f.add(F::ListOrg);
                }
            }
        }
        i = j;
    }
}

/// Adds the weights of the document features to each name's log-odds.
fn score_document(names: &mut [Placed], keys: &Keys, _events: &mut [PlacedEvent], model: &Model) {
    let mut cache: rustc_hash::FxHashMap<u16, [f32; 4]> = Default::default();
    for n in names.iter_mut() {
        let flags = keys.flags(n.key);
        let add = *cache.entry(flags).or_insert_with(|| {
            let feats = Feats::from_ids(doc_features(flags).map(|f| f as u32));
            model.log_odds(&feats)
        });
        for (v, a) in n.votes.iter_mut().zip(add) {
            *v += a;
        }
    }
}
