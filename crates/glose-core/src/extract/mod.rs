//! Article -> entities, as stages:
//!
//! - *propose*: candidate spans: capitalized runs, gazetteer places, institutions
//!   (`names`, `span`), event nouns with their complement (`events`);
//! - *features*: named features per candidate (`classify`, `features`), plus what
//!   the rest of the article says about the same form (`doc_features` below);
//! - *score*: log-odds per kind from fitted weights (`model`);
//! - *decide*: one kind per form, events kept by their score, overlaps (`decide`);
//! - *link*: aliases merged by small document rules, one file each (`link`).
//!
//! Word lists, the language profile and the weights are data (`lexicon`, `assets/`).

mod block;
mod classify;
mod credits;
mod decide;
mod events;
pub mod features;
pub mod lexicon;
mod link;
mod merge;
pub mod model;
mod names;
mod segment;
pub mod shape;
mod span;

use crate::text::tokenize_with;

use crate::{Article, Entity, Language};
use block::BlockText;
use features::{Feats, FeatureSpace, F};
use lexicon::{class, Lexicon};
use merge::{EventForms, Keys, Names, Placed, PlacedEvent, Votes};
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
/// mentions in text order. Their evidence is left empty: only `--explain` shows it,
/// and writing it out was 40% of the work ([`extract_explained`] writes it).
pub fn extract(article: &Article) -> Vec<Entity> {
    let p = profile(article.language);
    run(article, p, &p.model, Explain::No)
}

/// [`extract`], each entity with the evidence behind it (`--explain`): the same
/// entities otherwise.
pub fn extract_explained(article: &Article) -> Vec<Entity> {
    let p = profile(article.language);
    run(article, p, &p.model, Explain::Yes)
}

/// [`extract`] with other weights (cross-validation fits one model per fold).
pub fn extract_with(article: &Article, profile: &Profile, model: &Model) -> Vec<Entity> {
    run(article, profile, model, Explain::No)
}

/// Whether entities carry their evidence (`--explain`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    No,
    Yes,
}

fn run(article: &Article, profile: &Profile, model: &Model, why: Explain) -> Vec<Entity> {
    let proposed = propose(article, profile, model, false);
    let Proposed {
        mut names,
        votes,
        mut keys,
        events,
        mut event_forms,
        ..
    } = proposed;
    let doc = score_document(&keys, model);
    if why == Explain::Yes {
        // The document features count in every mention's score: --explain lists
        // them beside the form's own.
        for key in 0..keys.len() as u32 {
            let feats = Feats::from_ids(doc_features(keys.flags(key)).map(|f| f as u32));
            keys.add_features(key, &feats, 0);
        }
    }
    let text = &article.text;
    let mut forms = decide::forms(&names, &votes, &doc, keys);
    link::names(text, &mut names, &mut forms, profile.lex);
    let mut entities = link::entities(text, names, &forms, &profile.space, model, why);
    let canon = link::canonical_forms(&forms);
    let events = decide::events(events, &event_forms);
    let events = link::same_event::link(
        text,
        events,
        &mut event_forms,
        &canon,
        &profile.space,
        model,
        why,
    );
    decide::overlaps(&mut entities, &events);
    entities.extend(events);
    link::number(&mut entities);
    entities
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
            end: n.end(),
            event: false,
            feats,
        });
    }
    for e in &p.events {
        out.push(Candidate {
            start: e.start,
            end: e.end,
            event: true,
            feats: p.event_forms.get(e).cand.feats,
        });
    }
    out
}

struct Proposed {
    names: Names,
    /// The names' own log-odds.
    votes: Votes,
    keys: Keys,
    /// The event candidates: all of them when fitting, else those taken as events.
    events: Vec<PlacedEvent>,
    /// Their forms.
    event_forms: EventForms,
    /// Each name's own features, when asked for (fitting).
    feats: Vec<Feats>,
    /// How many of the profile's `sport` words the text holds.
    sports: usize,
    /// How many blocks (or segments of a long block) the text holds, and how many of
    /// them name a `sport` word.
    blocks: usize,
    sport_blocks: usize,
}

impl Proposed {
    /// The document marks that need every block: the surnames of people named in
    /// full, and whether the article is about sport.
    fn mark_document(&mut self) {
        self.keys.mark_surnames(FLAG_SURNAME);
        if self.sports >= SPORTS_WORDS {
            self.keys.mark_all(FLAG_SPORTS);
            if self.sport_blocks * 2 >= self.blocks {
                self.keys.mark_all(FLAG_SPORTS_THROUGHOUT);
            }
        }
    }
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
/// A listed place (country, region, city).
const FLAG_LISTED_PLACE: u16 = 1 << 10;
/// Set on every form when the article is about a match (its `sport` words).
const FLAG_SPORTS: u16 = 1 << 11;
/// The profile's `sport` words an article needs to be about a match.
const SPORTS_WORDS: usize = 4;
/// The form is named in a block about a match (a `sport` word, or a results row): a
/// country named in another paragraph of a sports article is still a country.
const FLAG_SPORTS_BLOCK: u16 = 1 << 12;
/// The form ends in one of the profile's `competition` words ("Premier League"): in an
/// article about a match, a competition (an event), elsewhere often the body that runs it.
const FLAG_COMPETITION: u16 = 1 << 13;
/// The form is named in a block that is itself about a match: two of the profile's
/// `sport` words or more, or a results row.
const FLAG_MATCH_BLOCK: u16 = 1 << 14;
/// Set on every form when half the article's blocks or more name a `sport` word: the
/// article is about a match throughout, not a paragraph about one among others.
const FLAG_SPORTS_THROUGHOUT: u16 = 1 << 15;

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
    if [F::PlaceCountry, F::PlaceRegion, F::PlaceCity]
        .iter()
        .any(|&f| feats.has(f))
    {
        flags |= FLAG_LISTED_PLACE;
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
    // A listed place named in a paragraph about a match. One `sport` word is enough
    // in an article about sport throughout; among unrelated paragraphs (a digest, a
    // page of sentences) a single "club" or "joueur" does not make a country a team.
    let match_block = flags & FLAG_MATCH_BLOCK != 0
        || (flags & FLAG_SPORTS_BLOCK != 0 && flags & FLAG_SPORTS_THROUGHOUT != 0);
    if flags & FLAG_SPORTS != 0 && match_block && flags & FLAG_LISTED_PLACE != 0 {
        out.push(F::SportsPlace);
    }
    if flags & FLAG_SPORTS != 0 && flags & FLAG_COMPETITION != 0 {
        out.push(F::SportsCompetition);
    }
    out.into_iter()
}

/// Proposes candidates block by block with their own features, scored without the
/// document features (added by [`score_document`]: the score is a sum).
fn propose(article: &Article, profile: &Profile, model: &Model, keep_feats: bool) -> Proposed {
    let units = units(article, profile.lex);
    // A large article is cut in two runs of blocks (or segments of a long block)
    // proposed on two cores; the document stages run after, on the merged result.
    let total: usize = units.iter().map(|u| u.len).sum();
    // Asked only of a large article: the answer costs system calls (cgroup files),
    // more than a short article's whole extraction on some machines.
    if total < PARALLEL_FROM || units.len() < 2 || cores() < 2 {
        let mut p = propose_units(article, &units, profile, model, keep_feats);
        p.mark_document();
        return p;
    }
    let mut acc = 0;
    let cut = units
        .iter()
        .position(|u| {
            acc += u.len;
            acc >= total / 2
        })
        .map_or(units.len() / 2, |i| (i + 1).min(units.len() - 1));
    let (first, second) = units.split_at(cut);
    let (a, b) = std::thread::scope(|scope| {
        let h = std::thread::Builder::new().spawn_scoped(scope, || {
            propose_units(article, second, profile, model, keep_feats)
        });
        let a = propose_units(article, first, profile, model, keep_feats);
        let b = match h.ok().map(|h| h.join()) {
            Some(Ok(b)) => b,
            // No second thread: propose the rest here.
            _ => propose_units(article, second, profile, model, keep_feats),
        };
        (a, b)
    });
    let mut p = a;
    let remap = p.keys.absorb(b.keys);
    let vremap = p.votes.absorb(b.votes);
    let [mut second, _] = b.names.parts;
    for n in second.iter_mut() {
        n.key = remap[n.key as usize];
        n.votes = vremap[n.votes as usize];
    }
    p.names.parts[1] = second;
    let fremap = p.event_forms.absorb(b.event_forms);
    p.events.extend(b.events.into_iter().map(|mut e| {
        e.form = fremap[e.form as usize];
        e
    }));
    p.feats.extend(b.feats);
    p.sports += b.sports;
    p.blocks += b.blocks;
    p.sport_blocks += b.sport_blocks;
    p.mark_document();
    p
}

/// Articles from this size on are proposed on two cores.
const PARALLEL_FROM: usize = 1 << 20;

/// The cores extraction may use (two at most), asked of the system once.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(2)
    })
}

/// A piece of work: a block, or one segment of a long block.
struct Unit {
    block: usize,
    seg: Option<segment::Segment>,
    /// Bytes, to share the work between cores.
    len: usize,
}

fn units(article: &Article, lex: &Lexicon) -> Vec<Unit> {
    let mut out = Vec::with_capacity(article.blocks.len());
    for (i, b) in article.blocks.iter().enumerate() {
        // The shown text is never longer than the block in the file.
        if b.range.len() > segment::SEGMENT {
            let shown = Shown::new(b, &article.text);
            let segs = segment::segments(&shown.text, &lex.elisions);
            if segs.len() > 1 {
                out.extend(segs.into_iter().map(|s| Unit {
                    block: i,
                    len: s.own.len(),
                    seg: Some(s),
                }));
                continue;
            }
        }
        out.push(Unit {
            block: i,
            seg: None,
            len: b.range.len(),
        });
    }
    out
}

/// A block's text as shown: borrowed from the file when the block is one piece
/// (a long line is not copied), else joined ([`crate::Block::display`]).
struct Shown<'a> {
    text: std::borrow::Cow<'a, str>,
    display: Option<crate::article::Display>,
    /// File offset of the one piece.
    base: usize,
}

impl<'a> Shown<'a> {
    fn new(block: &crate::Block, source: &'a str) -> Shown<'a> {
        match block.pieces.as_slice() {
            [p] => Shown {
                text: source.get(p.clone()).unwrap_or("").into(),
                display: None,
                base: p.start,
            },
            _ => {
                let mut d = block.display(source);
                Shown {
                    text: std::mem::take(&mut d.text).into(),
                    display: Some(d),
                    base: 0,
                }
            }
        }
    }

    fn to_file(&self, x: usize) -> usize {
        match &self.display {
            Some(d) => d.to_file(x),
            None => self.base + x.min(self.text.len()),
        }
    }

    /// [`crate::article::Display::to_file_end`]: for the end of a span.
    fn to_file_end(&self, x: usize) -> usize {
        match &self.display {
            Some(d) => d.to_file_end(x),
            None => self.base + x.min(self.text.len()),
        }
    }
}

fn propose_units(
    article: &Article,
    units: &[Unit],
    profile: &Profile,
    model: &Model,
    keep_feats: bool,
) -> Proposed {
    let mut out = Proposed {
        names: Names::default(),
        votes: Votes::default(),
        keys: Keys::default(),
        events: Vec::new(),
        event_forms: EventForms::default(),
        feats: Vec::new(),
        sports: 0,
        blocks: 0,
        sport_blocks: 0,
    };
    let mut shown: Option<(usize, Shown)> = None;
    for u in units {
        if shown.as_ref().is_none_or(|(b, _)| *b != u.block) {
            shown = Some((u.block, Shown::new(&article.blocks[u.block], &article.text)));
        }
        let Some((_, sh)) = shown.as_ref() else {
            continue;
        };
        let (read, own) = match &u.seg {
            Some(s) => (s.read.clone(), s.own.clone()),
            None => (0..sh.text.len(), 0..sh.text.len()),
        };
        propose_text(sh, read, own, profile, model, keep_feats, &mut out);
    }
    // Held until the end: no unused room (a shrink in place for a large vector).
    out.names.parts[0].shrink_to_fit();
    out.events.shrink_to_fit();
    out
}

/// Proposes the candidates of `sh.text[read]` that start in `own`.
fn propose_text(
    sh: &Shown,
    read: std::ops::Range<usize>,
    own: std::ops::Range<usize>,
    profile: &Profile,
    model: &Model,
    keep_feats: bool,
    out: &mut Proposed,
) {
    let lex = profile.lex;
    let space = &profile.space;
    let base = read.start;
    let text = &sh.text[read];
    let owned = |start: usize| own.contains(&(base + start));
    let clitics = crate::text::Clitics {
        elisions: &lex.elisions,
        possessives: &lex.possessives,
        compound_tails: &lex.compound_tails,
    };
    let mut lower_buf = String::new();
    let bt = BlockText::new(text, tokenize_with(text, &clitics), lex, &mut lower_buf);
    let mut sports_block = false;
    let mut match_block = false;
    if !lex.sport_words.is_empty() {
        let words = (0..bt.len())
            .filter(|&j| owned(bt.toks[j].start) && lex.sport_words.contains(bt.lc(j).as_ref()))
            .count();
        out.sports += words;
        out.blocks += 1;
        out.sport_blocks += usize::from(words > 0);
        let row = results_row(&bt);
        sports_block = words > 0 || row;
        match_block = words >= 2 || row;
    }
    let mut cands = names::find(&bt, space);
    // "a 1-1 draw against Watford", "a win over Leeds": in a paragraph about a match,
    // a town after the opponent's word is its club.
    if sports_block {
        for c in cands.iter_mut() {
            if c.a > 0 && c.feats.has(F::PlaceCity) && bt.in_class(class!("opponent"), c.a - 1) {
                c.feats.add(F::SportsOpponent);
            }
        }
    }
    let evs = events::find(&bt, space, &cands);
    // Names in a photo credit are the picture's, not the story's.
    let credits = credits::spans(text, &credits::words(lex));
    let in_credit = |start: usize| credits.iter().any(|r| r.contains(&start));
    let evs: Vec<_> = if credits.is_empty() {
        evs
    } else {
        cands.retain(|c| !in_credit(c.start));
        evs.into_iter().filter(|e| !in_credit(e.start)).collect()
    };
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
        if !owned(ev.start) {
            continue;
        }
        let score = model.log_odds(&ev.feats);
        // Extraction keeps only the events `decide::events` will keep: a large
        // article holds many more event nouns than events, each candidate a few
        // hundred bytes. Fitting needs them all.
        if !keep_feats && !decide::is_event(&score) {
            continue;
        }
        let (start, end) = (sh.to_file(base + ev.start), sh.to_file_end(base + ev.end));
        let form = out.event_forms.intern(ev, score);
        out.events.push(PlacedEvent { start, end, form });
    }
    let links = enumerations(&bt, &cands);
    list_features(&bt, &mut cands, &links);
    let keys = &mut out.keys;
    for (c, link) in cands.into_iter().zip(links) {
        if !owned(c.start) {
            continue;
        }
        let (start, end) = (sh.to_file(base + c.start), sh.to_file_end(base + c.end));
        let single = c.b - c.a == 1;
        let acronym_of = c.acronym_of.map(|k| keys.intern(k));
        let key = keys.intern(c.key);
        let mut sports = if sports_block { FLAG_SPORTS_BLOCK } else { 0 };
        if match_block {
            sports |= FLAG_MATCH_BLOCK;
        }
        if c.b - c.a >= 2 && bt.in_class(class!("competition"), c.b - 1) {
            sports |= FLAG_COMPETITION;
        }
        keys.add_features(key, &c.feats, flags_of(&c.feats) | sports);
        if let Some(of) = acronym_of {
            keys.set_acronym(key, of);
        }
        out.names.parts[0].push(Placed {
            key,
            votes: out.votes.intern(model.log_odds(&c.feats)),
            single,
            start,
            // A name is a dozen words at most: far below 4 GB.
            len: u32::try_from(end - start).unwrap_or(u32::MAX),
            apposition: link.apposition,
        });
        if keep_feats {
            out.feats.push(c.feats);
        }
    }
}

/// A line of a results table ("Arsenal 2 Chelsea 1"): numbers and names, no
/// lowercase word.
fn results_row(bt: &BlockText) -> bool {
    use crate::text::TokenKind;
    let numbers = bt
        .toks
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .count();
    numbers >= 2 && (0..bt.len()).all(|j| bt.toks[j].kind != TokenKind::Word || bt.toks[j].cap)
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
    let lex = bt.lex;
    let (connectors, parallel_preps) = (&lex.list_connectors[..], &lex.parallel_preps[..]);
    let adverbs = &lex.list_adverbs[..];
    let mut links = vec![Link::default(); cands.len()];
    for k in 1..cands.len() {
        let (pb, a) = (cands[k - 1].b, cands[k].a);
        if pb >= a || a - pb > 3 {
            continue;
        }
        let mut words = [""; 3];
        for (w, j) in words.iter_mut().zip(pb..a) {
            *w = bt.lower(j);
        }
        let gap = &words[..a - pb];
        // "d'Antakya et de Kahramanmaras", "de l'Adour et de la Nive": a connector and
        // the preposition again, maybe with its article.
        let parallel = ((gap.len() == 2 || (gap.len() == 3 && bt.lex.articles.contains(gap[2])))
            && connectors.contains(&gap[0])
            && parallel_preps.contains(&gap[1]))
            || comma_parallel(bt, cands[k - 1].a, gap, parallel_preps);
        links[k].apposition = gap.len() == 2 && gap[0] == "," && bt.lex.articles.contains(gap[1]);
        let joined = parallel
            || match gap {
                [","] => true,
                [w] => connectors.contains(w),
                [",", w] => connectors.contains(w),
                // "Lyon, Tours et enfin Nantes": an adverb after the connector.
                [w, x] | [",", w, x] => connectors.contains(w) && adverbs.contains(x),
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

/// "au Kerala, au Tamil Nadu", "à Lyon, à Tours": a comma and the preposition the name
/// before it also follows (one of the profile's `parallel_prep`).
fn comma_parallel(bt: &BlockText, prev_a: usize, gap: &[&str], preps: &[&str]) -> bool {
    matches!(gap, [",", p] if preps.contains(p) && prev_a >= 1 && bt.lower(prev_a - 1) == *p)
}

/// Members of an enumeration of three or more (or a parallel pair) learn what the
/// others are: "villages de Kiotari, Gennadi et Pefki".
fn list_features(bt: &BlockText, cands: &mut [names::NameCand], links: &[Link]) {
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
        // "Nineveh and Kalhu": one unknown word paired with a listed place by a connector
        // of the profile's `place_pair_connector` is a place too.
        if j - i == 2 && !parallel {
            paired_with_place(bt, cands, i);
            paired_with_person(bt, cands, i);
        }
        if j - i >= 3 || parallel {
            let is_place = |c: &names::NameCand| {
                [
                    F::PlaceCountry,
                    F::PlaceRegion,
                    F::PlaceContinent,
                    F::PlaceCity,
                    F::PlaceNatural,
                    F::PlaceCue,
                    F::PlaceAdjectiveAfter,
                ]
                .iter()
                .any(|&f| c.feats.has(f))
            };
            let is_person = |c: &names::NameCand| {
                [
                    F::FirstNameFirst,
                    F::PersonCue,
                    F::KnownPerson,
                    F::PersonNounOf,
                ]
                .iter()
                .any(|&f| c.feats.has(f))
            };
            let is_org = |c: &names::NameCand| {
                c.feats.has(F::OrgHead) || c.feats.has(F::OrgCue) || c.feats.has(F::OrgSuffix)
            };
            // "les villes de Lyon et de Kahramanmaras": the cue before the first
            // member names what every member is.
            let cues: Vec<F> = [F::PlaceCue, F::OrgCue, F::PersonCue]
                .into_iter()
                .filter(|&f| cands[i].feats.has(f))
                .collect();
            for c in &mut cands[i..j] {
                for &f in &cues {
                    c.feats.add(f);
                }
            }
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

/// A pair of names joined by a connector of the profile's `place_pair_connector`
/// ("Nineveh and Kalhu"): an unknown word there, beside a listed place, is a place.
fn paired_with_place(bt: &BlockText, cands: &mut [names::NameCand], i: usize) {
    let (pb, a) = (cands[i].b, cands[i + 1].a);
    if a != pb + 1 || !bt.word(pb) || !bt.in_class(class!("place_pair_connector"), pb) {
        return;
    }
    let listed = |c: &names::NameCand| {
        [
            F::PlaceCountry,
            F::PlaceRegion,
            F::PlaceContinent,
            F::PlaceCity,
        ]
        .iter()
        .any(|&f| c.feats.has(f))
            && !c.feats.has(F::ListWeak)
    };
    for (k, other) in [(i, i + 1), (i + 1, i)] {
        if cands[k].feats.has(F::UnknownWord) && listed(&cands[other]) {
            cands[k].feats.add(F::PairedWithPlace);
        }
    }
}

/// A pair of names joined by a connector of the profile's `place_pair_connector`
/// ("Odalie and Brenwyn"): an unknown word there, beside a person (a first name, a
/// title before it: "her sisters Odalie and Brenwyn"), is listed with a person.
fn paired_with_person(bt: &BlockText, cands: &mut [names::NameCand], i: usize) {
    let (pb, a) = (cands[i].b, cands[i + 1].a);
    if a != pb + 1 || !bt.word(pb) || !bt.in_class(class!("place_pair_connector"), pb) {
        return;
    }
    let person = |c: &names::NameCand| {
        (c.feats.has(F::FirstNameFirst) && !c.feats.has(F::FirstNameAmbiguous))
            || c.feats.has(F::PersonCue)
            || c.feats.has(F::PersonNounOf)
            || c.feats.has(F::KnownPerson)
    };
    // An unknown word, or words none of which a list knows ("Dorothy Lucey and Rolonda
    // Watts").
    let unknown = |c: &names::NameCand| {
        c.feats.has(F::UnknownWord) || (c.feats.has(F::ProperWords) && !c.listed_place())
    };
    for (k, other) in [(i, i + 1), (i + 1, i)] {
        if unknown(&cands[k]) && person(&cands[other]) {
            cands[k].feats.add(F::ListPerson);
        }
    }
}

/// The weights of each form's document features, added to each of its mentions'
/// log-odds (the score is a sum).
fn score_document(keys: &Keys, model: &Model) -> Vec<[f32; 4]> {
    let mut cache: rustc_hash::FxHashMap<u16, [f32; 4]> = Default::default();
    (0..keys.len() as u32)
        .map(|key| {
            let flags = keys.flags(key);
            *cache.entry(flags).or_insert_with(|| {
                let feats = Feats::from_ids(doc_features(flags).map(|f| f as u32));
                model.log_odds(&feats)
            })
        })
        .collect()
}
