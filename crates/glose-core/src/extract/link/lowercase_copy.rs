//! "la grande halle de la Villette" ... "la Grande Halle de la Villette": a name the
//! name pass took alone after lowercase words that, capitals aside, spell a longer
//! name of the article is a mention of that longer name: its mention runs back over
//! those words and its form joins the longer one.

use super::{join, Group};
use crate::extract::lexicon::fold;
use crate::extract::merge::Names;
use rustc_hash::FxHashMap as HashMap;

pub fn link(text: &str, names: &mut Names, groups: &mut [Group]) {
    // The longer names by their last word.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (e, gr) in groups.iter().enumerate() {
        if gr.into.is_none() && gr.kind().is_some() {
            if let Some((_, last)) = gr.key.rsplit_once(' ') {
                by_last.entry(last).or_default().push(e);
            }
        }
    }
    if by_last.is_empty() {
        return;
    }
    let mut joins: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (g, gr) in groups.iter().enumerate() {
        // One mention: a form named again elsewhere is a name of its own there.
        let (Some(m), 1, None) = (gr.first, gr.count, gr.into) else {
            continue;
        };
        let Some(longer) = by_last.get(gr.key.as_str()) else {
            continue;
        };
        let p = &names[m as usize];
        let line = text[..p.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line..p.start];
        let found = longer.iter().find_map(|&e| {
            let prefix = &groups[e].key[..groups[e].key.len() - gr.key.len()];
            let n = prefix.chars().count();
            let (start, _) = before.char_indices().rev().nth(n - 1)?;
            let words = &before[start..];
            // Lowercase words the name pass left out, capitals aside the same.
            let lowercase = words.chars().next().is_some_and(char::is_lowercase);
            let joined = start == 0 || !before[..start].ends_with(char::is_alphanumeric);
            (lowercase && joined && fold(words) == prefix).then_some((e, line + start))
        });
        if let Some((e, start)) = found {
            joins.push((g, e, m as usize, start));
        }
    }
    for (g, e, m, start) in joins {
        let end = names[m].end();
        names[m].start = start;
        names[m].len = (end - start) as u32;
        let why = format!("lowercase copy of \"{}\"", groups[e].key);
        join(groups, g, e, why);
    }
}
