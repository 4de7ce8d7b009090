//! The index's answers: where an entity is mentioned, what matches a search,
//! the library's entities.

use super::identity::fold_name;
use super::{Index, IndexError};
use crate::text::tags::tags;
use crate::EntityKind;
use rusqlite::params;
use std::collections::{HashMap, HashSet};
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

/// A text column borrowed from its row.
fn text<'a>(r: &'a rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'a str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
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

impl Index {
    /// The articles mentioning `name` under any of its names, most mentions
    /// first: the entities called so (by any form, lone surnames included), and
    /// with them every entity of their library entities (sharing a full name).
    pub fn where_(
        &self,
        name: &str,
        kind: Option<EntityKind>,
    ) -> Result<Vec<WhereHit>, IndexError> {
        let q = fold_name(name);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        self.hits(
            "SELECT DISTINCT e.grp FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.key = ?1 AND (?2 IS NULL OR e.kind = ?2)",
            params![q, kind.map(|k| k.as_str())],
            None,
        )
    }

    /// The other articles mentioning the entity called `name` (of `kind`) in
    /// the article at `path`: the sidebar's "also in N articles".
    pub fn also_in(&self, path: &str, kind: EntityKind, name: &str) -> Result<AlsoIn, IndexError> {
        let path = super::key_path(path);
        let hits = self.hits(
            "SELECT DISTINCT e.grp FROM entities e JOIN articles a ON a.id = e.article
             WHERE a.path = ?1 AND e.kind = ?2 AND e.name = ?3",
            params![path, kind.as_str(), name],
            Some(&path),
        )?;
        if !hits.is_empty() || self.is_indexed(&path)? {
            return Ok(hits);
        }
        // Not indexed (yet): by the name alone, full names only.
        self.hits(
            "SELECT grp FROM key_groups WHERE kind = ?1 AND key = ?2",
            params![kind.as_str(), fold_name(name)],
            Some(&path),
        )
    }

    fn is_indexed(&self, path: &str) -> Result<bool, IndexError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM articles WHERE path = ?1")?
            .exists([path])?)
    }

    /// The entity rows of the groups `groups_sql` selects, as one hit per
    /// article and kind (an article that kept "Poutine" apart from "Vladimir
    /// Poutine" counts both), most mentions first; `except` leaves out one
    /// article.
    fn hits(
        &self,
        groups_sql: &str,
        args: impl rusqlite::Params,
        except: Option<&str>,
    ) -> Result<Vec<WhereHit>, IndexError> {
        let sql = format!(
            "SELECT a.id, a.path, a.title, a.date, e.name, e.kind, e.mentions, e.first_offset
             FROM entities e JOIN articles a ON a.id = e.article
             WHERE e.grp IN ({groups_sql})"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut by: HashMap<(i64, EntityKind), (WhereHit, usize)> = HashMap::new();
        while let Some(r) = rows.next()? {
            let article: i64 = r.get(0)?;
            let path = text(r, 1)?;
            if except == Some(path) {
                continue;
            }
            let Some(kind) = EntityKind::parse(text(r, 5)?) else {
                continue;
            };
            let mentions = r.get::<_, i64>(6)? as usize;
            let first = r.get::<_, i64>(7)? as usize;
            let name = text(r, 4)?;
            match by.get_mut(&(article, kind)) {
                Some(slot) => {
                    // The name of the entity mentioned most carries the line.
                    if mentions > slot.1 {
                        slot.0.entity = name.to_string();
                        slot.1 = mentions;
                    }
                    slot.0.mentions += mentions;
                    slot.0.first_offset = slot.0.first_offset.min(first);
                }
                None => {
                    let hit = WhereHit {
                        path: path.to_string(),
                        title: r.get(2)?,
                        date: r.get(3)?,
                        entity: name.to_string(),
                        kind,
                        mentions,
                        first_offset: first,
                    };
                    by.insert((article, kind), (hit, mentions));
                }
            }
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
        self.search_in(query, limit, false)
    }

    /// [`Index::search`] over the notes alone (the reader's notes search).
    pub fn search_notes(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, IndexError> {
        self.search_in(query, limit, true)
    }

    fn search_in(
        &self,
        query: &str,
        limit: usize,
        notes_only: bool,
    ) -> Result<Vec<SearchHit>, IndexError> {
        let parsed = parse_query(query);
        if parsed.fts.is_none() && parsed.tags.is_empty() && parsed.tag_prefixes.is_empty() {
            return Ok(Vec::new());
        }
        let limit = if limit == 0 { i64::MAX } else { limit as i64 };
        let mut tag_filter: String = (0..parsed.tags.len())
            .map(|i| format!(" AND d.id IN (SELECT doc FROM tags WHERE tag = ?{})", i + 3))
            .collect();
        for i in 0..parsed.tag_prefixes.len() {
            let n = i + 3 + parsed.tags.len();
            tag_filter.push_str(&format!(
                " AND d.id IN (SELECT doc FROM tags WHERE tag >= ?{n} AND tag < ?{n} || char(1114111))"
            ));
        }
        if notes_only {
            tag_filter.push_str(" AND d.kind = 'note'");
        }
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
        for t in parsed.tags.iter().chain(&parsed.tag_prefixes) {
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
                tag_snippet(&text, &parsed.tags, &parsed.tag_prefixes)
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
        // The months of the articles, looked up in memory rather than joined
        // for every entity row.
        let mut month_of: HashMap<i64, Option<u32>> = HashMap::new();
        let mut months: Vec<String> = Vec::new();
        {
            let mut stmt = conn.prepare_cached("SELECT id, month FROM articles")?;
            let mut q = stmt.query([])?;
            let mut number: HashMap<String, u32> = HashMap::new();
            while let Some(r) = q.next()? {
                let m = r.get::<_, Option<String>>(1)?.map(|m| {
                    *number.entry(m.clone()).or_insert_with(|| {
                        months.push(m);
                        months.len() as u32 - 1
                    })
                });
                month_of.insert(r.get(0)?, m);
            }
        }
        #[derive(Default)]
        struct Acc {
            kind: Option<EntityKind>,
            names: HashMap<String, usize>,
            articles: HashSet<i64>,
            mentions: usize,
            months: HashMap<u32, usize>,
        }
        let mut accs: HashMap<i64, Acc> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT grp, kind, name, mentions, article FROM entities
                 WHERE ?1 IS NULL OR kind = ?1",
            )?;
            let mut q = stmt.query([kind_s])?;
            while let Some(r) = q.next()? {
                let Some(grp) = r.get::<_, Option<i64>>(0)? else {
                    continue;
                };
                let acc = accs.entry(grp).or_default();
                if acc.kind.is_none() {
                    acc.kind = EntityKind::parse(text(r, 1)?);
                }
                let name = text(r, 2)?;
                match acc.names.get_mut(name) {
                    Some(n) => *n += 1,
                    None => {
                        acc.names.insert(name.to_string(), 1);
                    }
                }
                acc.mentions += r.get::<_, i64>(3)? as usize;
                let article: i64 = r.get(4)?;
                if acc.articles.insert(article) {
                    if let Some(Some(m)) = month_of.get(&article) {
                        *acc.months.entry(*m).or_default() += 1;
                    }
                }
            }
        }
        let mut out: Vec<LibraryEntity> = accs
            .into_values()
            .filter_map(|acc| {
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
                let mut by_month: Vec<Month> = acc
                    .months
                    .into_iter()
                    .map(|(m, n)| (months[m as usize].clone(), n))
                    .collect();
                by_month.sort();
                Some(LibraryEntity {
                    kind: acc.kind?,
                    name,
                    articles: acc.articles.len(),
                    mentions: acc.mentions,
                    months: by_month,
                })
            })
            .collect();
        out.sort_by_cached_key(|e| {
            (
                std::cmp::Reverse(e.articles),
                std::cmp::Reverse(e.mentions),
                e.kind,
                fold_name(&e.name),
                e.name.clone(),
            )
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
    /// `#tag*`: tags beginning so (the reader searches while a tag is typed).
    tag_prefixes: Vec<String>,
}

/// The user's words as an FTS5 query: every word or `"phrase"` quoted (so no
/// FTS5 syntax in them has effect), a trailing `*` kept as a prefix search,
/// all of them required. `#tag` words become tag filters, `#tag*` ones
/// filters on the tags' beginnings.
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
            let (bare, prefix) = match part.strip_suffix('*') {
                Some(b) => (b, true),
                None => (part.as_str(), false),
            };
            let found = tags(bare);
            if let Some(t) = found.first().filter(|t| t.range == (0..bare.len())) {
                if prefix {
                    q.tag_prefixes.push(fold_name(t.name));
                } else {
                    q.tags.push(fold_name(t.name));
                }
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

/// A note's text on one line with its tags among `wanted` (folded), or
/// beginning with one of `prefixes`, marked,
/// cut to about 30 words around the first.
fn tag_snippet(text: &str, wanted: &[String], prefixes: &[String]) -> (String, Vec<Range<usize>>) {
    let mut marked = String::with_capacity(text.len() + 4);
    let mut at = 0;
    for t in tags(text) {
        let folded = fold_name(t.name);
        if wanted.contains(&folded) || prefixes.iter().any(|p| folded.starts_with(p.as_str())) {
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
        let q = parse_query("#éner* gaz");
        assert_eq!(
            (q.tags.len(), q.tag_prefixes.as_slice()),
            (0, &["ener".to_string()][..])
        );
        assert_eq!(q.fts.as_deref(), Some(r#""gaz""#));
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
        let (s, m) = tag_snippet("À suivre : #Énergie et #gaz.", &["energie".into()], &[]);
        assert_eq!(&s[m[0].clone()], "#Énergie");
        assert_eq!(m.len(), 1);
    }
}
