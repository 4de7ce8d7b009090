//! `update` for corrections: `r` relabel, `m` mark and merge, `R` rename, `x` hide
//! and bring back, `X` the Hidden section, `S` split a mention off, and in the
//! selection `E` (a new entity), `m` and the word motions. Each change goes to the
//! in-memory [`Notes`](crate::notes::Notes), the entities are computed again at
//! once, and the event loop writes the change right after (see [`super::io`]).

use super::action::Action;
use super::annotate::Selection;
use super::app::{App, Help};
use super::correct::{entity_at, first_range, KindPick, PickFor, WordMove};
use super::keymap::Mode;
use super::reader::{Input, InputTarget, Reader};
use crate::notes::{Change, Selector};
use crate::EntityKind;
use std::ops::Range;

const NO_CORRECTIONS: &str = "corrections are off for this article";

/// The sidebar's and the article's correction keys. Returns false for other actions.
pub fn reader_action(app: &mut App, mode: Mode, action: Action) -> bool {
    let Some(r) = &mut app.reader else {
        return false;
    };
    let message = match (mode, action) {
        (Mode::Sidebar, Action::Relabel) => start_relabel(r),
        (Mode::Sidebar, Action::Mark) => mark(r),
        (Mode::Sidebar, Action::Rename) => start_rename(r),
        (Mode::Sidebar, Action::Hide) => hide(r),
        (Mode::Sidebar, Action::ToggleHidden) => toggle_hidden(r),
        (Mode::Article, Action::Split) => split(r),
        _ => return false,
    };
    if message.is_some() {
        app.message = message;
    }
    true
}

/// The selection's correction keys: `E`, `m` and the word motions. Returns false
/// for other actions.
pub fn select_action(app: &mut App, action: Action) -> bool {
    let Some(r) = &mut app.reader else {
        return false;
    };
    let how = match action {
        Action::MakeEntity => {
            app.message = make_entity(r);
            return true;
        }
        Action::SelectMention => {
            app.message = select_mention(r);
            return true;
        }
        Action::EndWordRight => WordMove::EndRight,
        Action::EndWordLeft => WordMove::EndLeft,
        Action::StartWordRight => WordMove::StartRight,
        Action::StartWordLeft => WordMove::StartLeft,
        _ => return false,
    };
    app.message = move_word(r, how);
    true
}

/// The kind picker and the rename line.
pub fn update(app: &mut App, mode: Mode, action: Action) {
    if action == Action::Help {
        app.help = Some(Help { mode, scroll: 0 });
        return;
    }
    let Some(r) = &mut app.reader else {
        return;
    };
    let message = match (mode, action) {
        (Mode::Kind, Action::PickKind(kind)) => pick(r, kind),
        (Mode::Kind, Action::Back) => {
            r.kind_pick = None;
            None
        }
        (Mode::Rename, Action::Input(c)) => {
            if let Some(input) = &mut r.input {
                input.text.push(c);
            }
            None
        }
        (Mode::Rename, Action::DeleteChar) => {
            if let Some(input) = &mut r.input {
                input.text.pop();
            }
            None
        }
        (Mode::Rename, Action::ClearInput) => {
            if let Some(input) = &mut r.input {
                input.text.clear();
            }
            None
        }
        (Mode::Rename, Action::Accept) => rename(r),
        (Mode::Rename, Action::Back) => {
            r.input = None;
            None
        }
        _ => None,
    };
    if message.is_some() {
        app.message = message;
    }
}

/// Why corrections cannot be made now, if they cannot.
fn unavailable(r: &Reader) -> Option<String> {
    if r.doc.notes.is_none() {
        Some(NO_CORRECTIONS.into())
    } else if !r.doc.extracted {
        Some("still finding entities: try again in a moment".into())
    } else {
        None
    }
}

/// The selected shown entity, or why there is none.
fn selected(r: &Reader) -> Result<usize, String> {
    if let Some(why) = unavailable(r) {
        return Err(why);
    }
    if let Some(j) = r.hidden_selected {
        let name = r.doc.hidden.get(j).map_or("", |e| e.name.as_str());
        return Err(format!("{name} is hidden: x brings it back first"));
    }
    r.selected.ok_or_else(|| "no entity selected".to_string())
}

/// Records a change; the text is the article's.
fn correct(r: &mut Reader, change: Change) {
    if let Some(notes) = &mut r.doc.notes {
        notes.correct(&r.doc.article.text, change);
    }
}

fn selector(r: &Reader, range: &Range<usize>) -> Selector {
    Selector::of(&r.doc.article.text, range.clone())
}

fn a_kind(kind: EntityKind) -> String {
    match kind {
        EntityKind::Organization | EntityKind::Event => format!("an {kind}"),
        _ => format!("a {kind}"),
    }
}

fn mentions(n: usize) -> String {
    format!("{n} mention{}", if n == 1 { "" } else { "s" })
}

fn start_relabel(r: &mut Reader) -> Option<String> {
    let i = match selected(r) {
        Ok(i) => i,
        Err(why) => return Some(why),
    };
    let e = &r.doc.entities[i];
    r.kind_pick = Some(KindPick {
        target: PickFor::Relabel(first_range(e)?),
        title: format!("Kind of {}", e.name),
    });
    None
}

fn pick(r: &mut Reader, kind: EntityKind) -> Option<String> {
    let target = r.kind_pick.take()?.target;
    match target {
        PickFor::Relabel(range) => {
            let i = entity_at(&r.doc.entities, &range)?;
            let name = r.doc.entities[i].name.clone();
            if r.doc.entities[i].kind == kind {
                return Some(format!("{name} is {} already", a_kind(kind)));
            }
            let sel = selector(r, &range);
            correct(r, Change::Relabel { entity: sel, kind });
            r.refresh(Some(range));
            Some(format!("{name} is now {} (u undoes)", a_kind(kind)))
        }
        PickFor::Add(range) => {
            let sel = selector(r, &range);
            let text = sel.quote.exact.split_whitespace().collect::<Vec<_>>();
            correct(
                r,
                Change::Add {
                    mention: sel.clone(),
                    kind,
                },
            );
            r.selection = None;
            r.refresh(Some(range.clone()));
            r.set_current_range(&range);
            let n = r.selected.map_or(0, |i| r.doc.entities[i].mentions.len());
            Some(format!(
                "“{}” is now {}, {} (u undoes)",
                text.join(" "),
                a_kind(kind),
                mentions(n)
            ))
        }
    }
}

fn mark(r: &mut Reader) -> Option<String> {
    let i = match selected(r) {
        Ok(i) => i,
        Err(why) => return Some(why),
    };
    let range = first_range(&r.doc.entities[i])?;
    let marked = r
        .marked
        .clone()
        .and_then(|m| Some((entity_at(&r.doc.entities, &m)?, m)));
    match marked {
        Some((j, _)) if j == i => {
            r.marked = None;
            Some("mark cleared".into())
        }
        Some((_, first)) => {
            let (a, b) = (selector(r, &first), selector(r, &range));
            correct(r, Change::Merge { entity: a, with: b });
            r.marked = None;
            r.refresh(Some(first));
            let e = &r.doc.entities[r.selected?];
            Some(format!(
                "merged: {}, {} (u undoes)",
                e.name,
                mentions(e.mentions.len())
            ))
        }
        None => {
            r.marked = Some(range);
            Some(format!(
                "{} marked: m on another entity merges the two, Esc unmarks",
                r.doc.entities[i].name
            ))
        }
    }
}

fn start_rename(r: &mut Reader) -> Option<String> {
    let i = match selected(r) {
        Ok(i) => i,
        Err(why) => return Some(why),
    };
    let range = first_range(&r.doc.entities[i])?;
    r.input = Some(Input {
        target: InputTarget::Rename(range.start, range.end),
        text: r.doc.entities[i].name.clone(),
    });
    None
}

fn rename(r: &mut Reader) -> Option<String> {
    let input = r.input.take()?;
    let InputTarget::Rename(start, end) = input.target else {
        return None;
    };
    let name = input.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let range = start..end;
    let i = entity_at(&r.doc.entities, &range)?;
    if name.is_empty() {
        return Some("a name cannot be empty: unchanged".into());
    }
    if r.doc.entities[i].name == name {
        return Some("same name: unchanged".into());
    }
    let sel = selector(r, &range);
    correct(
        r,
        Change::Rename {
            entity: sel,
            name: name.clone(),
        },
    );
    r.refresh(Some(range));
    Some(format!("renamed {name} (u undoes)"))
}

fn hide(r: &mut Reader) -> Option<String> {
    if let Some(why) = unavailable(r) {
        return Some(why);
    }
    if let Some(j) = r.hidden_selected.filter(|_| r.hidden_open) {
        let e = r.doc.hidden.get(j)?;
        let (name, range) = (e.name.clone(), first_range(e)?);
        let ids = r.doc.hidden_by.get(j)?.clone();
        if let Some(notes) = &mut r.doc.notes {
            notes.uncorrect(&r.doc.article.text, &ids);
        }
        r.refresh(Some(range));
        return Some(format!("{name} is back (u hides it again)"));
    }
    let Some(i) = r.selected else {
        return Some("no entity selected".into());
    };
    let e = &r.doc.entities[i];
    let (name, range) = (e.name.clone(), first_range(e)?);
    // The selection moves to the next entity in the list (else the one before).
    let visible = r.visible_entities();
    let at = visible.iter().position(|&v| v == i);
    let next = at
        .and_then(|p| {
            visible
                .get(p + 1)
                .or_else(|| p.checked_sub(1).map(|q| &visible[q]))
        })
        .and_then(|&n| first_range(&r.doc.entities[n]));
    let sel = selector(r, &range);
    correct(r, Change::Hide { entity: sel });
    if r.marked.as_ref() == Some(&range) {
        r.marked = None;
    }
    r.refresh(next);
    Some(format!(
        "{name} hidden: X lists the hidden entities, u undoes"
    ))
}

fn toggle_hidden(r: &mut Reader) -> Option<String> {
    if r.doc.hidden.is_empty() {
        r.hidden_open = false;
        return Some("no hidden entities: x hides the selected one".into());
    }
    r.hidden_open = !r.hidden_open;
    if r.hidden_open {
        r.select(None);
        r.hidden_selected = Some(0);
        Some("hidden entities: x brings the selected one back".into())
    } else {
        r.hidden_selected = None;
        r.fix_selection();
        None
    }
}

fn split(r: &mut Reader) -> Option<String> {
    if let Some(why) = unavailable(r) {
        return Some(why);
    }
    let Some(m) = r.current.and_then(|c| r.mentions.get(c)).copied() else {
        return Some("no current mention: ] or n goes to one".into());
    };
    let e = &r.doc.entities[m.entity];
    if e.mentions.len() < 2 {
        return Some(format!(
            "this is the only mention of {}: nothing to split off",
            e.name
        ));
    }
    let range = m.start..m.end;
    let sel = selector(r, &range);
    let text = sel
        .quote
        .exact
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    correct(r, Change::Split { mention: sel });
    r.refresh(Some(range.clone()));
    r.set_current_range(&range);
    Some(format!(
        "“{text}” split off into an entity of its own (u undoes)"
    ))
}

/// `range` without white space at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

fn make_entity(r: &mut Reader) -> Option<String> {
    if let Some(why) = unavailable(r) {
        return Some(why);
    }
    let range = trimmed(&r.doc.article.text, r.selection_range()?);
    if range.is_empty() {
        return Some("nothing selected".into());
    }
    let block = r.doc.article.blocks.get(r.block_at(range.start))?;
    if range.end > block.range.end {
        return Some("an entity stays inside one paragraph: b and W shorten the selection".into());
    }
    let text = r.doc.article.text[range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    set_span(r, range.clone());
    r.kind_pick = Some(KindPick {
        target: PickFor::Add(range),
        title: format!("New entity “{text}”"),
    });
    None
}

fn set_span(r: &mut Reader, range: Range<usize>) {
    if let Some(sel) = r.selection {
        r.selection = Some(Selection {
            span: Some((range.start, range.end)),
            ..sel
        });
    }
}

fn select_mention(r: &mut Reader) -> Option<String> {
    let range = match r.search.is_some() {
        true => r.current_match_range(),
        false => None,
    }
    .or_else(|| {
        let m = r.mentions.get(r.current?)?;
        Some(m.start..m.end)
    });
    match range {
        Some(range) => {
            set_span(r, range);
            None
        }
        None => Some("no current mention: Esc, then ] or n goes to one".into()),
    }
}

fn move_word(r: &mut Reader, how: WordMove) -> Option<String> {
    let range = r.selection_range()?;
    match r.move_word(range, how) {
        Some(moved) => {
            let at = match how {
                WordMove::EndRight | WordMove::EndLeft => moved.end,
                WordMove::StartRight | WordMove::StartLeft => moved.start,
            };
            set_span(r, moved);
            r.reveal_offset(at);
            None
        }
        None => Some("no other word that way in this paragraph".into()),
    }
}
