//! The index's answers: where an entity is mentioned, what matches a search,
//! the library's entities.

use super::identity::{fold_name, group};
use super::{Index, IndexError};
use crate::text::tags::tags;
use crate::EntityKind;
use rusqlite::params;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// An article mentioning an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhereHit {
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    /// The entity's name as this article gives it.
    pub entity: String,
    pub kind: EntityKind,
    pub mentions: usize,
    /// Byte offset of its first mention in the article file.
    pub first_offset: usize,
}

/// The articles other than one that mention one of its entities.
pub type AlsoIn = Vec<WhereHit>;

/// An article or a note matching a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub path: String,
    pub title: String,
    /// `article` or `note`.
    pub kind: &'static str,
    /// A passage around the match, on one line.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub marks: Vec<Range<usize>>,
    /// Where it is in the article file (0 for an article).
    pub offset: usize,
}

impl SearchHit {
    /// The snippet with each match between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.snippet.len() + 8);
        let mut at = 0;
        for m in &self.marks {
            out.push_str(&self.snippet[at..m.start]);
            out.push_str(open);
            out.push_str(&self.snippet[m.clone()]);
            out.push_str(close);
            at = m.end;
        }
        out.push_str(&self.snippet[at..]);
        out
    }
}

/// Articles per month, `YYYY-MM` -> count.
pub type Month = (String, usize);

/// One entity across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntity {
    pub kind: EntityKind,
    /// The name most articles give it.
    pub name: String,
    pub articles: usize,
    pub mentions: usize,
    /// Articles per month (by article date), in month order; undated articles
    /// are not counted.
    pub months: Vec<Month>,
}

/// Entity rows found, with their kind.
type Found = HashSet<i64>;

impl Index {
    /// The articles mentioning `name` under any of its names, most mentions
    /// first: the entities called so (by any form, lone surnames included), and
    /// then every entity of the same kind sharing a full name with them.
    pub fn where_(
        &self,
        name: &str,
        kind: Option<EntityKind>,
    ) -> Result<Vec<WhereHit>, IndexError> {
        let q = fold_name(name);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.conn();
        let mut seeds = Found::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity
                 WHERE k.key = ?1 AND (?2 IS NULL OR e.kind = ?2)",
            )?;
            let rows = stmt.query_map(params![q, kind.map(|k| k.as_str())], |r| r.get(0))?;
            for id in rows {
                seeds.insert(id?);
            }
        }
        let found = self.spread(seeds)?;
        self.hits(&found, None)
    }

    /// The other articles mentioning the entity called `name` (of `kind`) in
    /// the article at `path`: the sidebar's "also in N articles".
    pub fn also_in(&self, path: &str, kind: EntityKind, name: &str) -> Result<AlsoIn, IndexError> {
        let path = super::key_path(path);
        let mut seeds = Found::new();
        {
            let mut stmt = self.conn().prepare_cached(
                "SELECT e.id FROM entities e JOIN articles a ON a.id = e.article
                 WHERE a.path = ?1 AND e.kind = ?2 AND e.name = ?3",
            )?;
            let rows = stmt.query_map(params![path, kind.as_str(), name], |r| r.get(0))?;
            for id in rows {
                seeds.insert(id?);
            }
        }
        if seeds.is_empty() {
            // Not indexed (yet): by the name alone, full names only.
            let mut stmt = self.conn().prepare_cached(
                "SELECT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity
                 WHERE k.key = ?1 AND k.strong = 1 AND e.kind = ?2",
            )?;
            let rows = stmt.query_map(params![fold_name(name), kind.as_str()], |r| r.get(0))?;
            for id in rows {
                seeds.insert(id?);
            }
        }
        let found = self.spread(seeds)?;
        self.hits(&found, Some(&path))
    }

    /// Every entity sharing a strong key (and the kind) with one found, until
    /// nothing new is found.
    fn spread(&self, mut found: Found) -> Result<Found, IndexError> {
        let conn = self.conn();
        let mut keys_of = conn.prepare_cached(
            "SELECT e.kind, k.key FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.entity = ?1 AND k.strong = 1",
        )?;
        let mut with_key = conn.prepare_cached(
            "SELECT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.key = ?1 AND k.strong = 1 AND e.kind = ?2",
        )?;
        let mut seen_keys: HashSet<(String, String)> = HashSet::new();
        let mut todo: Vec<i64> = found.iter().copied().collect();
        while let Some(id) = todo.pop() {
            let keys: Vec<(String, String)> = keys_of
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (kind, key) in keys {
                if !seen_keys.insert((kind.clone(), key.clone())) {
                    continue;
                }
                for other in with_key.query_map(params![key, kind], |r| r.get::<_, i64>(0))? {
                    let other = other?;
                    if found.insert(other) {
                        todo.push(other);
                    }
                }
            }
        }
        Ok(found)
    }

    /// The found entity rows as one hit per article and kind (an article that
    /// kept "Poutine" apart from "Vladimir Poutine" counts both), most
    /// mentions first; `except` leaves out one article.
    fn hits(&self, found: &Found, except: Option<&str>) -> Result<Vec<WhereHit>, IndexError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, a.path, a.title, a.date, e.name, e.kind, e.mentions, e.first_offset
             FROM entities e JOIN articles a ON a.id = e.article WHERE e.id = ?1",
        )?;
        let mut by: HashMap<(i64, String), (WhereHit, usize)> = HashMap::new();
        for id in found {
            let row = stmt.query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)? as usize,
                    r.get::<_, i64>(7)? as usize,
                ))
            })?;
            let (article, path, title, date, name, kind, mentions, first) = row;
            if except == Some(path.as_str()) {
                continue;
            }
            let Some(kind_v) = EntityKind::parse(&kind) else {
                continue;
            };
            let slot = by.entry((article, kind)).or_insert_with(|| {
                (
                    WhereHit {
                        path,
                        title,
                        date,
                        entity: name.clone(),
                        kind: kind_v,
                        mentions: 0,
                        first_offset: first,
                    },
                    0,
                )
            });
            // The name of the entity mentioned most carries the line.
            if mentions > slot.1 {
                slot.0.entity = name;
                slot.1 = mentions;
            }
            slot.0.mentions += mentions;
            slot.0.first_offset = slot.0.first_offset.min(first);
        }
        let mut hits: Vec<WhereHit> = by.into_values().map(|(h, _)| h).collect();
        hits.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| b.date.cmp(&a.date))
                .then_with(|| a.path.cmp(&b.path))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        Ok(hits)
    }

    /// Articles and notes matching `query`, best first, at most `limit` (0: all).
    ///
    /// Words match whole words without case or accents (`president` finds
    /// "Président"), all of them; `"two words"` is a phrase, `word*` a prefix,
    /// and `#tag` keeps the notes carrying that tag.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, IndexError> {
        let parsed = parse_query(query);
        if parsed.fts.is_none() && parsed.tags.is_empty() {
            return Ok(Vec::new());
        }
        let limit = if limit == 0 { i64::MAX } else { limit as i64 };
        let tag_filter: String = (0..parsed.tags.len())
            .map(|i| format!(" AND d.id IN (SELECT doc FROM tags WHERE tag = ?{})", i + 3))
            .collect();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        let sql = match &parsed.fts {
            Some(fts) => {
                values.push(fts.clone().into());
                format!(
                    "SELECT d.kind, a.path, a.title,
                            snippet(text, -1, char(57344), char(57345), '…', 16), d.offset
                     FROM text JOIN docs d ON d.id = text.rowid JOIN articles a ON a.id = d.article
                     WHERE text MATCH ?1{tag_filter}
                     ORDER BY rank, a.path, d.offset LIMIT ?2"
                )
            }
            None => {
                values.push(rusqlite::types::Value::Null);
                format!(
                    "SELECT d.kind, a.path, a.title, text.body, d.offset
                     FROM docs d JOIN articles a ON a.id = d.article JOIN text ON text.rowid = d.id
                     WHERE d.kind = 'note'{tag_filter}
                     ORDER BY a.date DESC, a.path, d.offset LIMIT ?2"
                )
            }
        };
        values.push(limit.into());
        for t in &parsed.tags {
            values.push(t.clone().into());
        }
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)? as usize,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (kind, path, title, text, offset) = row?;
            let (snippet, marks) = if parsed.fts.is_some() {
                unmark(&text)
            } else {
                tag_snippet(&text, &parsed.tags)
            };
            hits.push(SearchHit {
                path,
                title,
                kind: if kind == "note" { "note" } else { "article" },
                snippet,
                marks,
                offset,
            });
        }
        Ok(hits)
    }

    /// The library's entities (of `kind`), most articles first.
    pub fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<LibraryEntity>, IndexError> {
        let conn = self.conn();
        let kind_s = kind.map(|k| k.as_str());
        let mut rows: Vec<(i64, EntityKind, String, usize, Option<String>)> = Vec::new();
        let mut index_of: HashMap<i64, usize> = HashMap::new();
        {
            let mut stmt = conn.prepare(
                "SELECT e.id, e.kind, e.name, e.mentions, a.month, e.article
                 FROM entities e JOIN articles a ON a.id = e.article
                 WHERE ?1 IS NULL OR e.kind = ?1",
            )?;
            let mut q = stmt.query([kind_s])?;
            while let Some(r) = q.next()? {
                let Some(k) = EntityKind::parse(&r.get::<_, String>(1)?) else {
                    continue;
                };
                index_of.insert(r.get(0)?, rows.len());
                rows.push((
                    r.get(5)?,
                    k,
                    r.get(2)?,
                    r.get::<_, i64>(3)? as usize,
                    r.get(4)?,
                ));
            }
        }
        let mut keys: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
        {
            let mut stmt = conn.prepare(
                "SELECT k.entity, k.key FROM entity_keys k JOIN entities e ON e.id = k.entity
                 WHERE k.strong = 1 AND (?1 IS NULL OR e.kind = ?1)",
            )?;
            let mut q = stmt.query([kind_s])?;
            while let Some(r) = q.next()? {
                if let Some(&i) = index_of.get(&r.get::<_, i64>(0)?) {
                    keys[i].push(r.get(1)?);
                }
            }
        }
        let nodes: Vec<(EntityKind, Vec<&str>)> = rows
            .iter()
            .zip(&keys)
            .map(|(r, k)| (r.1, k.iter().map(String::as_str).collect()))
            .collect();
        let groups = group(&nodes);
        #[derive(Default)]
        struct Acc<'a> {
            names: HashMap<&'a str, usize>,
            articles: HashMap<i64, Option<&'a str>>,
            mentions: usize,
        }
        let mut accs: BTreeMap<usize, Acc> = BTreeMap::new();
        for (i, g) in groups.iter().enumerate() {
            let (article, _, name, mentions, month) = &rows[i];
            let acc = accs.entry(*g).or_default();
            *acc.names.entry(name).or_default() += 1;
            acc.articles.insert(*article, month.as_deref());
            acc.mentions += mentions;
        }
        let mut out: Vec<LibraryEntity> = accs
            .into_iter()
            .map(|(g, acc)| {
                let name = acc
                    .names
                    .iter()
                    .max_by(|a, b| {
                        a.1.cmp(b.1)
                            .then_with(|| a.0.chars().count().cmp(&b.0.chars().count()))
                            .then_with(|| b.0.cmp(a.0))
                    })
                    .map_or("", |(n, _)| n)
                    .to_string();
                let mut months: BTreeMap<&str, usize> = BTreeMap::new();
                for m in acc.articles.values().flatten() {
                    *months.entry(m).or_default() += 1;
                }
                LibraryEntity {
                    kind: rows[g].1,
                    name,
                    articles: acc.articles.len(),
                    mentions: acc.mentions,
                    months: months
                        .into_iter()
                        .map(|(m, n)| (m.to_string(), n))
                        .collect(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| b.mentions.cmp(&a.mentions))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| fold_name(&a.name).cmp(&fold_name(&b.name)))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(out)
    }

    /// The first and last months of the dated articles.
    pub fn month_range(&self) -> Result<Option<(String, String)>, IndexError> {
        let r: (Option<String>, Option<String>) =
            self.conn()
                .query_row("SELECT min(month), max(month) FROM articles", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(r.0.zip(r.1))
    }
}

/// A search as FTS5 and tag filters.
#[derive(Debug, Default, PartialEq)]
struct Query {
    fts: Option<String>,
    tags: Vec<String>,
}

/// The user's words as an FTS5 query: every word or `"phrase"` quoted (so no
/// FTS5 syntax in them has effect), a trailing `*` kept as a prefix search,
/// all of them required. `#tag` words become tag filters.
fn parse_query(query: &str) -> Query {
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            parts.push((after[..end].to_string(), true));
            rest = after.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            parts.push((rest[..end].to_string(), false));
            rest = rest[end..].trim_start();
        }
    }
    let mut q = Query::default();
    let mut terms = Vec::new();
    for (part, phrase) in parts {
        if !phrase {
            let found = tags(&part);
            if let Some(t) = found.first().filter(|t| t.range == (0..part.len())) {
                q.tags.push(fold_name(t.name));
                continue;
            }
        }
        let (word, prefix) = match part.strip_suffix('*') {
            Some(w) if !phrase => (w, true),
            _ => (part.as_str(), false),
        };
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let quoted = format!(
            "\"{}\"{}",
            word.replace('"', "\"\""),
            if prefix { "*" } else { "" }
        );
        terms.push(quoted);
    }
    if !terms.is_empty() {
        q.fts = Some(terms.join(" "));
    }
    q
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// An FTS5 snippet with its markers taken out: one line, control characters
/// and the markers' look-alikes gone, the marked ranges apart.
fn unmark(s: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(s.len());
    let mut marks = Vec::new();
    let mut open: Option<usize> = None;
    let mut space = false;
    for c in s.chars() {
        match c {
            OPEN => {
                if space {
                    out.push(' ');
                    space = false;
                }
                open = Some(out.len());
            }
            CLOSE => {
                if let Some(start) = open.take() {
                    if start < out.len() {
                        marks.push(start..out.len());
                    }
                }
            }
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(crate::text::sanitize_char(c));
            }
        }
    }
    (out, marks)
}

/// A note's text on one line with its tags among `wanted` (folded) marked,
/// cut to about 30 words around the first.
fn tag_snippet(text: &str, wanted: &[String]) -> (String, Vec<Range<usize>>) {
    let mut marked = String::with_capacity(text.len() + 4);
    let mut at = 0;
    for t in tags(text) {
        if wanted.contains(&fold_name(t.name)) {
            marked.push_str(&text[at..t.range.start]);
            marked.push(OPEN);
            marked.push_str(&text[t.range.clone()]);
            marked.push(CLOSE);
            at = t.range.end;
        }
    }
    marked.push_str(&text[at..]);
    let words: Vec<&str> = marked.split_whitespace().collect();
    let first = words.iter().position(|w| w.contains(OPEN)).unwrap_or(0);
    let from = first.saturating_sub(10);
    let to = (from + 30).min(words.len());
    let mut s = words[from..to].join(" ");
    if from > 0 {
        s.insert_str(0, "… ");
    }
    if to < words.len() {
        s.push_str(" …");
    }
    unmark(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word() {
        let q = parse_query(r#"président "Asie centrale" gaz* NEAR( #Énergie x"y"#);
        assert_eq!(
            q.fts.as_deref(),
            Some(r#""président" "Asie centrale" "gaz"* "NEAR(" "x""y""#)
        );
        assert_eq!(q.tags, ["energie"]);
        assert_eq!(parse_query("  ").fts, None);
        assert_eq!(parse_query("* - ()").fts, None);
        assert_eq!(parse_query("C#").fts.as_deref(), Some("\"C#\""));
    }

    #[test]
    fn snippets_lose_their_markers_and_control_characters() {
        let s = format!("le {OPEN}Président{CLOSE}\n\n à\u{1b}[31m {OPEN}Bichkek{CLOSE}");
        let (text, marks) = unmark(&s);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert_eq!(&text[marks[0].clone()], "Président");
        assert_eq!(&text[marks[1].clone()], "Bichkek");
        let hit = SearchHit {
            path: String::new(),
            title: String::new(),
            kind: "note",
            snippet: text,
            marks,
            offset: 0,
        };
        assert!(hit.marked("[", "]").starts_with("le [Président] à"));
    }

    #[test]
    fn tag_snippets_mark_the_tag() {
        let (s, m) = tag_snippet("À suivre : #Énergie et #gaz.", &["energie".into()]);
        assert_eq!(&s[m[0].clone()], "#Énergie");
        assert_eq!(m.len(), 1);
    }
}
