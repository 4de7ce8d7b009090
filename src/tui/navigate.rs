//! Moving between mentions and search matches: `n`/`N`, `]`/`[` and Enter in the
//! sidebar. Each returns a message for the status line, if any.

use super::reader::Reader;

pub fn next_match(r: &mut Reader, forward: bool) -> Option<String> {
    let search = r.search.clone()?;
    if search.query.is_empty() {
        return None;
    }
    let found = match &search.current {
        Some((b, m)) if forward => r.find_forward(*b, m.start + 1, &search.query),
        Some((b, m)) => r.find_backward(*b, m.start, &search.query),
        None => {
            let (b, o) = r.search_start(r.top);
            if forward {
                r.find_forward(b, o, &search.query)
            } else {
                r.find_backward(b, o, &search.query)
            }
        }
    };
    let Some(found) = found else {
        return Some(format!("no match for “{}”", search.query));
    };
    let wrapped = search.current.as_ref().is_some_and(|(b, m)| {
        let here = (*b, m.start);
        let there = (found.0, found.1.start);
        if forward {
            there <= here
        } else {
            there >= here
        }
    });
    r.go_to_match(found);
    wrapped.then(|| {
        if forward {
            "search wrapped to the top".into()
        } else {
            "search wrapped to the end".into()
        }
    })
}

pub fn next_mention(r: &mut Reader, forward: bool) -> Option<String> {
    let Some(e) = r.selected else {
        return Some("no entity selected".into());
    };
    let n = r.doc.entities[e].mentions.len();
    if n == 0 {
        return Some(format!("{} has no mentions", r.doc.entities[e].name));
    }
    let (k, wrapped) = match r.current_k() {
        Some((ce, k)) if ce == e => {
            if forward {
                ((k + 1) % n, k + 1 == n)
            } else {
                ((k + n - 1) % n, k == 0)
            }
        }
        _ => {
            let top = r.top_offset();
            let p = r.doc.entities[e]
                .mentions
                .partition_point(|m| m.start < top);
            if forward {
                (if p < n { p } else { 0 }, p >= n)
            } else {
                (if p > 0 { p - 1 } else { n - 1 }, p == 0)
            }
        }
    };
    let i = r.mention_index(e, k)?;
    r.go_to_mention(i);
    match (wrapped && n > 1, forward) {
        (true, true) => Some("wrapped to the first mention".into()),
        (true, false) => Some("wrapped to the last mention".into()),
        _ => None,
    }
}

pub fn next_any(r: &mut Reader, forward: bool) -> Option<String> {
    let n = r.mentions.len();
    if n == 0 {
        return Some("no entities found in this article".into());
    }
    let i = match r.current {
        Some(c) if forward => (c + 1) % n,
        Some(c) => (c + n - 1) % n,
        None => {
            let top = r.top_offset();
            let p = r.mentions.partition_point(|m| m.start < top);
            if forward {
                if p < n {
                    p
                } else {
                    0
                }
            } else if p > 0 {
                p - 1
            } else {
                n - 1
            }
        }
    };
    r.select_shown(r.mentions[i].entity);
    r.go_to_mention(i);
    None
}

pub fn jump_to_entity(r: &mut Reader) -> Option<String> {
    let Some(e) = r.selected else {
        return Some("no entity selected".into());
    };
    match r.mention_index(e, 0) {
        Some(i) => {
            r.go_to_mention(i);
            None
        }
        None => Some(format!("{} has no mentions", r.doc.entities[e].name)),
    }
}
