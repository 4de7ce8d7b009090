//! `update` for corrections: `r` relabel, `m` mark and merge, `R` rename, `x` hide
//! and bring back, `X` the Hidden section, `S` split a mention off, and in the
//! selection `E` (a new entity), `m` and the word motions. Each change goes to the
//! in-memory [`Notes`](crate::notes::Notes), the entities are computed again at
//! once, and `update` returns the save for the event loop to carry out.

use super::action::Action;
use super::annotate::Selection;
use super::correct::{entity_at, first_range, KindPick, PickFor, WordMove};
use super::overlay::Overlay;
use super::reader::{Input, InputTarget, Reader};
use crate::notes::{Change, Selector};
use crate::EntityKind;
use std::ops::Range;

const NO_CORRECTIONS: &str = "corrections are off for this article";

/// The kind picker's keys.
pub fn kind(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    match action {
        Action::PickKind(kind) => pick(r, o, kind),
        Action::Back => {
            o.close();
            None
        }
        _ => None,
    }
}

/// The rename line's keys.
pub fn rename_line(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    let Overlay::Input(input) = o else {
        return None;
    };
    match action {
        Action::Input(c) => input.text.push(c),
        Action::DeleteChar => {
            input.text.pop();
        }
        Action::ClearInput => input.text.clear(),
        Action::Accept => return rename(r, o),
        Action::Back => o.close(),
        _ => {}
    }
    None
}

/// The selection's correction keys: `E`, `m` and the word motions.
pub fn select(r: &mut Reader, o: &mut Overlay, action: Action) -> Option<String> {
    let how = match action {
        Action::MakeEntity => return make_entity(r, o),
        Action::SelectMention => return select_mention(r, o),
        Action::EndWordRight => WordMove::EndRight,
        Action::EndWordLeft => WordMove::EndLeft,
        Action::StartWordRight => WordMove::StartRight,
        Action::StartWordLeft => WordMove::StartLeft,
        _ => return None,
    };
    move_word(r, o, how)
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

/// Sidebar `r`: the kind picker for the selected entity. (This module's `pub`
/// functions are the correction keys the reader's `update` calls from its match.)
pub fn relabel(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    let i = match selected(r) {
        Ok(i) => i,
        Err(why) => return Some(why),
    };
    let e = &r.doc.entities[i];
    let pick = KindPick {
        target: PickFor::Relabel(first_range(e)?),
        title: format!("Kind of {}", e.name),
    };
    o.open(|under| Overlay::Kind { pick, under });
    None
}

fn pick(r: &mut Reader, o: &mut Overlay, kind: EntityKind) -> Option<String> {
    let target = o.kind_pick()?.target.clone();
    o.close();
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
            if let Overlay::Select(_) = o {
                o.close();
            }
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

pub fn mark(r: &mut Reader) -> Option<String> {
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

pub fn start_rename(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    let i = match selected(r) {
        Ok(i) => i,
        Err(why) => return Some(why),
    };
    let range = first_range(&r.doc.entities[i])?;
    let input = Input {
        target: InputTarget::Rename(range.start, range.end),
        text: r.doc.entities[i].name.clone(),
    };
    o.open(|_| Overlay::Input(input));
    None
}

fn rename(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    let input = o.input()?.clone();
    o.close();
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

pub fn hide(r: &mut Reader) -> Option<String> {
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

pub fn toggle_hidden(r: &mut Reader) -> Option<String> {
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

pub fn split(r: &mut Reader) -> Option<String> {
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

fn make_entity(r: &mut Reader, o: &mut Overlay) -> Option<String> {
    if let Some(why) = unavailable(r) {
        return Some(why);
    }
    let range = trimmed(&r.doc.article.text, r.selection_range(o.selection()?)?);
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
    set_span(o, range.clone());
    let pick = KindPick {
        target: PickFor::Add(range),
        title: format!("New entity “{text}”"),
    };
    o.open(|under| Overlay::Kind { pick, under });
    None
}

fn set_span(o: &mut Overlay, range: Range<usize>) {
    if let Overlay::Select(sel) = o {
        *sel = Selection {
            span: Some((range.start, range.end)),
            ..*sel
        };
    }
}

fn select_mention(r: &mut Reader, o: &mut Overlay) -> Option<String> {
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
            set_span(o, range);
            None
        }
        None => Some("no current mention: Esc, then ] or n goes to one".into()),
    }
}

fn move_word(r: &mut Reader, o: &mut Overlay, how: WordMove) -> Option<String> {
    let range = r.selection_range(o.selection()?)?;
    match r.move_word(range, how) {
        Some(moved) => {
            let at = match how {
                WordMove::EndRight | WordMove::EndLeft => moved.end,
                WordMove::StartRight | WordMove::StartLeft => moved.start,
            };
            set_span(o, moved);
            r.reveal_offset(at);
            None
        }
        None => Some("no other word that way in this paragraph".into()),
    }
}
