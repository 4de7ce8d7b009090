//! The library index in the reader: the open article indexed once its entities
//! are in, "also in N articles" for the selected entity, the list of those
//! articles (`w`), opening one at its first mention of the entity and coming
//! back (Backspace) to where the reader was, the library-wide entity view (`E`
//! in the library), and notes searched across the library. The index is asked
//! through effects ([`Effect::AskIndex`]) answered on the index worker; the
//! answers come back here as [`Msg::Answer`].

use super::action::Action;
use super::app::App;
use super::msg::{Effect, Msg};
use super::overlay::Overlay;
use super::reader::Focus;
use crate::index::identity::fold_name;
use crate::index::{AlsoIn, Index, LibraryEntity, Record, RecordNote, SearchHit, WhereHit};
use crate::EntityKind;
use std::path::PathBuf;

/// A question for the library index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The other articles of the entity `name` of the article at `path`.
    AlsoIn {
        path: String,
        kind: EntityKind,
        name: String,
    },
    /// The articles of a library entity.
    Where { kind: EntityKind, name: String },
    /// Every library entity.
    Entities,
    /// Notes matching a query, across the library.
    Notes { query: String },
}

/// The library's entities and the first and last months of its articles.
pub type LibraryEntities = (Vec<LibraryEntity>, Option<(String, String)>);

/// The index's answer to an [`Ask`]; errors as one line.
#[derive(Debug)]
pub enum Answer {
    AlsoIn {
        path: String,
        kind: EntityKind,
        name: String,
        hits: Result<AlsoIn, String>,
    },
    Where {
        kind: EntityKind,
        name: String,
        hits: Result<Vec<WhereHit>, String>,
    },
    Entities(Result<LibraryEntities, String>),
    Notes {
        query: String,
        hits: Result<Vec<SearchHit>, String>,
    },
}

/// Notes found across the library at most.
const NOTE_HITS: usize = 200;

/// Answers `ask` from an open index (or says why there is none).
pub fn answer(index: Result<&Index, String>, ask: Ask) -> Answer {
    let err = |e: crate::index::IndexError| e.to_string();
    match ask {
        Ask::AlsoIn { path, kind, name } => {
            let hits = index.and_then(|i| i.also_in(&path, kind, &name).map_err(err));
            Answer::AlsoIn {
                path,
                kind,
                name,
                hits,
            }
        }
        Ask::Where { kind, name } => {
            let hits = index.and_then(|i| i.where_(&name, Some(kind)).map_err(err));
            Answer::Where { kind, name, hits }
        }
        Ask::Entities => Answer::Entities(index.and_then(|i| {
            let all = i.entities(None).map_err(err)?;
            Ok((all, i.month_range().map_err(err)?))
        })),
        Ask::Notes { query } => {
            // As in this article's notes, a tag matches the tags it begins.
            let prefixed: Vec<String> = query
                .split_whitespace()
                .map(|w| {
                    if w.starts_with('#') && !w.ends_with('*') {
                        format!("{w}*")
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            let hits =
                index.and_then(|i| i.search_notes(&prefixed.join(" "), NOTE_HITS).map_err(err));
            Answer::Notes { query, hits }
        }
    }
}

/// What the index needs of the open article, taken on the UI thread (cheap:
/// the entities and the notes); the record is built on the index worker.
#[derive(Debug)]
pub struct ToIndex {
    pub article: std::sync::Arc<crate::Article>,
    pub entities: Vec<crate::Entity>,
    pub notes: Vec<RecordNote>,
    pub notes_hash: String,
}

/// Indexes the article unless the index holds it as it is (by the hashes of
/// its text and notes).
pub fn index(index: Result<&mut Index, String>, job: ToIndex) -> Result<(), String> {
    let index = index?;
    let path = crate::index::key_path(&job.article.path);
    let hash = crate::notes::store::content_hash(&job.article.text);
    if index.is_current(&path, &hash, &job.notes_hash) {
        return Ok(());
    }
    let record = Record::build(&job.article, &job.entities, job.notes, job.notes_hash);
    index
        .put(std::slice::from_ref(&record))
        .map_err(|e| e.to_string())
}

/// "Also in": the other articles of the entity selected, as last asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also {
    pub path: String,
    pub kind: EntityKind,
    pub name: String,
    /// `None` while the index is asked.
    pub hits: Option<AlsoIn>,
}

/// Where to land once an article opened by a jump (or a return) has its
/// entities: at an entity's mention, or at a reading position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub entity: Option<(EntityKind, String)>,
    /// The file offset of the mention to land on.
    pub offset: Option<usize>,
    /// The file offset to put at the top (a return).
    pub top: Option<usize>,
    pub focus: Focus,
    /// Done: a reading position restored later is not applied over it.
    pub landed: bool,
}

/// Where Backspace returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Back {
    /// An article, its position, selection and focus.
    Article {
        path: PathBuf,
        top: usize,
        entity: Option<(EntityKind, String)>,
        focus: Focus,
    },
    /// The library (or feeds) view with what was open over it.
    Library { overlay: Overlay },
}

/// The `w` list: the articles of one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticlesList {
    pub kind: EntityKind,
    pub name: String,
    pub hits: Vec<WhereHit>,
    pub selected: usize,
    /// The list leaves out the article open (it lists the *other* articles).
    pub others: bool,
}

/// The library-wide entity view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitiesView {
    pub all: Vec<LibraryEntity>,
    /// The first and last months of the dated articles.
    pub range: Option<(String, String)>,
    pub kind: Option<EntityKind>,
    pub selected: usize,
    /// `/`: names containing this, blind to accents and case.
    pub filter: String,
    /// The filter is being typed.
    pub typing: bool,
}

impl EntitiesView {
    /// The entities shown (of the kind chosen), grouped by kind.
    pub fn shown(&self) -> Vec<&LibraryEntity> {
        let mut out: Vec<&LibraryEntity> = Vec::new();
        let filter = fold_name(&self.filter);
        for kind in EntityKind::ALL {
            if self.kind.is_some_and(|k| k != kind) {
                continue;
            }
            out.extend(
                self.all
                    .iter()
                    .filter(|e| e.kind == kind)
                    .filter(|e| filter.is_empty() || fold_name(&e.name).contains(&filter)),
            );
        }
        out
    }
}

/// The notes search (`/` in the `'` list): this article's notes, or with Tab
/// the library's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteSearch {
    pub query: String,
    pub library: bool,
    pub selected: usize,
    /// The library's notes matching `query` (when `library`).
    pub hits: Vec<SearchHit>,
    /// The query `hits` answer (they may lag while typing).
    pub answered: Option<String>,
}

/// A note of the open article matching a search: its list item and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMatch {
    pub item: super::annotate::ListItem,
    pub about: String,
    pub note: String,
    pub offset: usize,
}

/// Whether a note matches the query: every word found in it (or in what it is
/// about), blind to accents and case; `#tag` words among its tags (or the
/// beginning of one: the search follows typing).
pub fn note_matches(query: &str, note: &str, about: &str) -> bool {
    let tags: Vec<String> = crate::text::tags::tag_names(note)
        .iter()
        .map(|t| fold_name(t))
        .collect();
    let hay = fold_name(&format!("{note} {about}"));
    query.split_whitespace().all(|w| match w.strip_prefix('#') {
        // A tag being typed matches the tags it begins.
        Some(tag) if !tag.is_empty() => {
            let tag = fold_name(tag);
            tags.iter().any(|t| t.starts_with(&tag))
        }
        _ => hay.contains(&fold_name(w)),
    })
}

/// The open article's notes matching the search, in reading order.
pub fn article_matches(app: &App, query: &str) -> Vec<NoteMatch> {
    use super::annotate::ListItem;
    let Some(r) = &app.reader else {
        return Vec::new();
    };
    let Some(notes) = &r.doc.notes else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in r.list_items() {
        let (note, about, offset) = match &item {
            ListItem::Highlight(id) => {
                let Some(h) = notes.highlight(id) else {
                    continue;
                };
                let at = notes
                    .placed_of(id)
                    .and_then(|p| p.range.as_ref().map(|r| r.start))
                    .unwrap_or(h.position.start);
                (h.note.clone(), h.quote.exact.clone(), at)
            }
            ListItem::EntityNote(key) => {
                let Some(n) = notes.entity_note(key) else {
                    continue;
                };
                (n.note.clone(), key.name.clone(), 0)
            }
        };
        if note.trim().is_empty() && !query.trim().is_empty() {
            continue;
        }
        if note_matches(query, &note, &about) {
            out.push(NoteMatch {
                item,
                about,
                note,
                offset,
            });
        }
    }
    out
}

/// The tags of the open article's notes, folded, sorted.
pub fn article_tags(app: &App) -> Vec<String> {
    let Some(notes) = app.reader.as_ref().and_then(|r| r.doc.notes.as_ref()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = notes
        .file()
        .highlights
        .iter()
        .map(|h| h.note.as_str())
        .chain(notes.entity_notes().iter().map(|n| n.note.as_str()))
        .flat_map(crate::text::tags::tag_names)
        .collect();
    tags.sort_by_key(|t| fold_name(t));
    tags.dedup_by_key(|t| fold_name(t));
    tags
}

// ---- update --------------------------------------------------------------------

/// The open article's record for the index, once its entities are in.
pub fn index_effect(app: &App, fx: &mut Vec<Effect>) {
    if app.index_dir.is_none() {
        return;
    }
    if let Some(r) = &app.reader {
        if r.doc.extracted && r.doc.article.path != "-" {
            let (notes, notes_hash) = Record::notes_of(&r.doc);
            fx.push(Effect::Index(Box::new(ToIndex {
                article: std::sync::Arc::clone(&r.doc.article),
                entities: r.doc.entities.clone(),
                notes,
                notes_hash,
            })));
        }
    }
}

/// Asks for "also in" when the selected entity changed.
pub fn sync_also(app: &mut App, fx: &mut Vec<Effect>) {
    if app.index_dir.is_none() {
        return;
    }
    let Some(r) = &app.reader else {
        app.also = None;
        return;
    };
    let Some(e) = r.selected.filter(|_| r.doc.extracted) else {
        app.also = None;
        return;
    };
    let e = &r.doc.entities[e];
    let same = app
        .also
        .as_ref()
        .is_some_and(|a| a.kind == e.kind && a.name == e.name && a.path == r.doc.article.path);
    if same {
        return;
    }
    app.also = Some(Also {
        path: r.doc.article.path.clone(),
        kind: e.kind,
        name: e.name.clone(),
        hits: None,
    });
    fx.push(Effect::AskIndex(Ask::AlsoIn {
        path: r.doc.article.path.clone(),
        kind: e.kind,
        name: e.name.clone(),
    }));
}

/// How many other articles the selected entity is in, when known and not 0.
pub fn also_count(app: &App) -> Option<usize> {
    let r = app.reader.as_ref()?;
    let e = &r.doc.entities[r.selected?];
    let a = app.also.as_ref()?;
    if a.kind != e.kind || a.name != e.name {
        return None;
    }
    a.hits.as_ref().map(Vec::len).filter(|&n| n > 0)
}

/// The messages of the index worker.
pub fn message(app: &mut App, msg: Msg) {
    match msg {
        Msg::Indexed(Ok(())) => {
            // The article's own entities are in the index now: ask again.
            app.also = None;
        }
        Msg::Indexed(Err(e)) => {
            app.message = Some(format!("not indexed: {e}"));
        }
        Msg::Answer(answer) => on_answer(app, *answer),
        _ => {}
    }
}

fn on_answer(app: &mut App, answer: Answer) {
    match answer {
        Answer::AlsoIn {
            path,
            kind,
            name,
            hits,
        } => {
            if let Some(a) = &mut app.also {
                if a.path == path && a.kind == kind && a.name == name {
                    // No index, or a broken one: no line, as with none.
                    a.hits = Some(hits.unwrap_or_default());
                }
            }
        }
        Answer::Where { kind, name, hits } => match hits {
            Ok(hits) if hits.is_empty() => {
                app.message = Some(format!("{name}: in no indexed article"));
            }
            Ok(hits) => {
                let list = ArticlesList {
                    kind,
                    name,
                    hits,
                    selected: 0,
                    others: false,
                };
                app.overlay.open(|under| Overlay::Articles { list, under });
            }
            Err(e) => app.message = Some(e),
        },
        Answer::Entities(Ok((all, range))) => {
            if all.is_empty() {
                app.message = Some("the library index is empty: glose index DIR fills it".into());
                return;
            }
            app.message = None;
            app.overlay = Overlay::Entities(EntitiesView {
                all,
                range,
                kind: None,
                selected: 0,
                filter: String::new(),
                typing: false,
            });
        }
        Answer::Entities(Err(e)) => app.message = Some(e),
        Answer::Notes { query, hits } => {
            if let Some(s) = app.overlay.note_search_mut() {
                if s.query == query {
                    match hits {
                        Ok(h) => s.hits = h,
                        Err(e) => {
                            s.hits.clear();
                            app.message = Some(e);
                        }
                    }
                    s.answered = Some(query);
                }
            }
        }
    }
}

/// `w`: the other articles of the selected entity.
pub fn where_else(app: &mut App) -> Option<String> {
    if app.index_dir.is_none() {
        return Some("no library index here".into());
    }
    let r = app.reader.as_ref()?;
    let Some(e) = r.selected.map(|i| &r.doc.entities[i]) else {
        return Some("no entity selected".into());
    };
    let Some(a) = app
        .also
        .as_ref()
        .filter(|a| a.kind == e.kind && a.name == e.name)
    else {
        return Some("looking in the library…".into());
    };
    match &a.hits {
        None => Some("looking in the library…".into()),
        Some(h) if h.is_empty() => Some(format!(
            "{} is in no other indexed article (glose index DIR adds folders)",
            e.name
        )),
        Some(h) => {
            let list = ArticlesList {
                kind: e.kind,
                name: e.name.clone(),
                hits: h.clone(),
                selected: 0,
                others: true,
            };
            app.overlay.open(|under| Overlay::Articles { list, under });
            None
        }
    }
}

/// `E` in the library or the feeds: the library's entities.
pub fn open_entities(app: &mut App, fx: &mut Vec<Effect>) {
    if app.index_dir.is_none() {
        app.message = Some("no library index here".into());
        return;
    }
    app.message = Some("reading the library index…".into());
    fx.push(Effect::AskIndex(Ask::Entities));
}

/// Whether the open article's notes are saved (leaving it is safe).
fn can_leave(app: &mut App) -> bool {
    let unsaved = app
        .reader
        .as_ref()
        .is_some_and(|r| r.doc.notes.as_ref().is_some_and(|n| n.has_pending()))
        || app.saving;
    if unsaved {
        app.message = Some("notes are not saved yet: try again in a moment".into());
    }
    !unsaved
}

/// Opens an article of a list at its first mention of the entity, remembering
/// where the reader was.
fn open_hit(app: &mut App, hit: &WhereHit, fx: &mut Vec<Effect>) {
    if !can_leave(app) {
        return;
    }
    let here = match &app.reader {
        Some(r) => {
            fx.push(Effect::SavePosition {
                path: PathBuf::from(&r.doc.article.path),
                offset: r.top_offset(),
            });
            Back::Article {
                path: PathBuf::from(&r.doc.article.path),
                top: r.top_offset(),
                entity: r
                    .selected
                    .map(|i| (r.doc.entities[i].kind, r.doc.entities[i].name.clone())),
                focus: r.focus,
            }
        }
        None => Back::Library {
            overlay: app.overlay.clone(),
        },
    };
    app.back.push(here);
    app.overlay = Overlay::None;
    app.jump = Some(Jump {
        entity: Some((hit.kind, hit.entity.clone())),
        offset: Some(hit.first_offset),
        top: None,
        focus: Focus::Article,
        landed: false,
    });
    fx.push(Effect::Open(PathBuf::from(&hit.path)));
}

/// Backspace after a jump: back to the article (or the library view) it was
/// made from. False when there is nowhere to go back to.
pub fn go_back(app: &mut App, fx: &mut Vec<Effect>) -> bool {
    if app.back.is_empty() || !can_leave(app) {
        return !app.back.is_empty();
    }
    let Some(back) = app.back.pop() else {
        return false;
    };
    if let Some(r) = &app.reader {
        fx.push(Effect::SavePosition {
            path: PathBuf::from(&r.doc.article.path),
            offset: r.top_offset(),
        });
    }
    match back {
        Back::Article {
            path,
            top,
            entity,
            focus,
        } => {
            app.jump = Some(Jump {
                entity,
                offset: None,
                top: Some(top),
                focus,
                landed: false,
            });
            fx.push(Effect::Open(path));
        }
        Back::Library { overlay } => {
            app.reader = None;
            app.jump = None;
            app.overlay = overlay;
        }
    }
    true
}

/// Lands a jump once the article's entities are in.
pub fn land(app: &mut App) {
    let Some(j) = app.jump.as_mut().filter(|j| !j.landed) else {
        return;
    };
    let Some(r) = app.reader.as_mut().filter(|r| r.doc.extracted) else {
        return;
    };
    j.landed = true;
    let entity = j.entity.as_ref().and_then(|(kind, name)| {
        let folded = fold_name(name);
        r.doc
            .entities
            .iter()
            .position(|e| e.kind == *kind && e.name == *name)
            .or_else(|| {
                r.doc
                    .entities
                    .iter()
                    .position(|e| e.kind == *kind && fold_name(&e.name) == folded)
            })
            .or_else(|| {
                let at = j.offset?;
                r.doc
                    .entities
                    .iter()
                    .position(|e| e.mentions.iter().any(|m| m.start == at))
            })
    });
    r.focus = j.focus;
    if let Some(top) = j.top {
        r.restore(top);
        if let Some(i) = entity {
            r.select_shown(i);
        }
        return;
    }
    match entity {
        Some(i) => {
            r.select_shown(i);
            let k = j
                .offset
                .and_then(|at| {
                    r.doc.entities[i]
                        .mentions
                        .iter()
                        .position(|m| m.start >= at)
                })
                .unwrap_or(0);
            if let Some(m) = r.mention_index(i, k).or_else(|| r.mention_index(i, 0)) {
                r.go_to_mention(m);
            }
        }
        None => {
            if let Some(at) = j.offset {
                r.restore(at);
            }
        }
    }
}

/// The `w` list's and the entity view's keys.
pub fn articles(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(list) = app.overlay.articles_mut() else {
        return;
    };
    let last = list.hits.len().saturating_sub(1);
    match action {
        Action::SelectNext => list.selected = (list.selected + 1).min(last),
        Action::SelectPrev => list.selected = list.selected.saturating_sub(1),
        Action::SelectFirst => list.selected = 0,
        Action::SelectLast => list.selected = last,
        Action::Wheel { down, .. } => {
            list.selected = if down {
                (list.selected + 1).min(last)
            } else {
                list.selected.saturating_sub(1)
            }
        }
        Action::Open | Action::Accept => {
            if let Some(hit) = list.hits.get(list.selected).cloned() {
                open_hit(app, &hit, fx);
            }
        }
        Action::Back => app.overlay.close(),
        _ => {}
    }
}

pub fn entities(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Overlay::Entities(view) = &mut app.overlay else {
        return;
    };
    if view.typing {
        match action {
            Action::Input(c) => view.filter.push(c),
            Action::DeleteChar => {
                view.filter.pop();
            }
            Action::Accept => view.typing = false,
            Action::Back => {
                view.filter.clear();
                view.typing = false;
            }
            _ => {}
        }
        view.selected = 0;
        return;
    }
    let n = view.shown().len();
    let last = n.saturating_sub(1);
    match action {
        Action::StartFilter => view.typing = true,
        Action::SelectNext => view.selected = (view.selected + 1).min(last),
        Action::SelectPrev => view.selected = view.selected.saturating_sub(1),
        Action::SelectFirst => view.selected = 0,
        Action::SelectLast => view.selected = last,
        Action::PageDown => view.selected = (view.selected + 10).min(last),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::Wheel { down, .. } => {
            view.selected = if down {
                (view.selected + 1).min(last)
            } else {
                view.selected.saturating_sub(1)
            }
        }
        Action::ShowKind(kind) => {
            view.kind = kind;
            view.selected = 0;
        }
        Action::Open | Action::Accept => {
            if let Some(e) = view.shown().get(view.selected) {
                fx.push(Effect::AskIndex(Ask::Where {
                    kind: e.kind,
                    name: e.name.clone(),
                }));
            }
        }
        Action::Back if !view.filter.is_empty() => {
            view.filter.clear();
            view.selected = 0;
        }
        Action::Back => app.overlay = Overlay::None,
        _ => {}
    }
}

/// `/` in the `'` list: the notes search, over the list.
pub fn open_note_search(app: &mut App) {
    app.overlay.open(|under| Overlay::NoteSearch {
        search: NoteSearch::default(),
        under,
    });
}

/// The notes search's keys.
pub fn note_search(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let index = app.index_dir.is_some();
    let n_article = match app.overlay.note_search_mut() {
        Some(s) if !s.library => None,
        _ => Some(()),
    };
    let count = match n_article {
        None => {
            let q = app
                .overlay
                .note_search_mut()
                .map(|s| s.query.clone())
                .unwrap_or_default();
            article_matches(app, &q).len()
        }
        Some(()) => app.overlay.note_search_mut().map_or(0, |s| s.hits.len()),
    };
    let Some(s) = app.overlay.note_search_mut() else {
        return;
    };
    let last = count.saturating_sub(1);
    let mut changed = false;
    match action {
        Action::Input(c) => {
            s.query.push(c);
            s.selected = 0;
            changed = true;
        }
        Action::DeleteChar => {
            s.query.pop();
            s.selected = 0;
            changed = true;
        }
        Action::ClearInput => {
            s.query.clear();
            changed = true;
        }
        Action::SelectNext => s.selected = (s.selected + 1).min(last),
        Action::SelectPrev => s.selected = s.selected.saturating_sub(1),
        Action::ToggleFocus => {
            if !index && !s.library {
                app.message = Some("no library index here".into());
                return;
            }
            s.library = !s.library;
            s.selected = 0;
            changed = true;
        }
        Action::Back => {
            app.overlay.close();
            return;
        }
        Action::Accept => return accept_note(app, fx),
        _ => {}
    }
    if changed && s.library {
        s.hits.clear();
        s.answered = None;
        if s.query.split_whitespace().next().is_some() {
            fx.push(Effect::AskIndex(Ask::Notes {
                query: s.query.clone(),
            }));
        }
    }
}

/// Enter in the notes search: to the note (in this article, or another).
fn accept_note(app: &mut App, fx: &mut Vec<Effect>) {
    let Some(s) = app.overlay.note_search_mut().cloned() else {
        return;
    };
    if s.library {
        let Some(hit) = s.hits.get(s.selected) else {
            return;
        };
        let here = app
            .reader
            .as_ref()
            .map(|r| crate::index::key_path(&r.doc.article.path));
        if here.as_deref() == Some(hit.path.as_str()) {
            app.overlay = Overlay::None;
            if let Some(r) = &mut app.reader {
                r.focus = Focus::Article;
                r.reveal_offset(hit.offset);
            }
            return;
        }
        let hit = WhereHit {
            path: hit.path.clone(),
            title: hit.title.clone(),
            date: None,
            entity: String::new(),
            kind: EntityKind::Person,
            mentions: 0,
            first_offset: hit.offset,
        };
        open_hit(app, &hit, fx);
        if let Some(j) = &mut app.jump {
            // A note's place, not an entity's.
            j.entity = None;
        }
        return;
    }
    let found = article_matches(app, &s.query);
    let Some(m) = found.get(s.selected) else {
        return;
    };
    let item = m.item.clone();
    // Back to the `'` list on that item, then "go there" as Enter does there.
    app.overlay.close();
    let items = app
        .reader
        .as_ref()
        .map(|r| r.list_items())
        .unwrap_or_default();
    if let Overlay::NotesList(l) = &mut app.overlay {
        l.selected = items.iter().position(|i| *i == item).unwrap_or(0);
    }
    let o = &mut app.overlay;
    if let Some(r) = app.reader.as_mut() {
        let message = super::update_notes::list(r, o, Action::Accept);
        if message.is_some() {
            app.message = message;
        }
    }
}
