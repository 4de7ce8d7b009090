//! Library entities kept as they are written: every entity row carries its
//! group (`entities.grp`), the library entity it belongs to, and
//! `key_groups` maps each strong `(kind, key)` to its group. Adding an article
//! joins its entities to the groups of their strong keys (merging groups an
//! entity bridges); removing one splits what it held together by grouping the
//! touched groups' remaining entities again. So `where`, "also in" and
//! `entities` read groups instead of following keys entity by entity.

use super::identity::group;
use crate::EntityKind;
use rusqlite::{params, Transaction};
use std::collections::BTreeSet;

/// The groups of one transaction: numbers handed out (never one still in
/// use) and the groups articles were removed from, grouped again once at the
/// end ([`Batch::finish`]) rather than after every article.
pub struct Batch {
    last: i64,
    touched: BTreeSet<i64>,
}

impl Batch {
    pub fn new(tx: &Transaction<'_>) -> rusqlite::Result<Batch> {
        let max: i64 = tx.query_row(
            "SELECT max(coalesce((SELECT max(grp) FROM entities), 0),
                        coalesce((SELECT max(grp) FROM key_groups), 0))",
            [],
            |r| r.get(0),
        )?;
        Ok(Batch {
            last: max,
            touched: BTreeSet::new(),
        })
    }

    fn next(&mut self) -> i64 {
        self.last += 1;
        self.last
    }

    /// Remembers the groups of an article about to be removed.
    pub fn removing(&mut self, tx: &Transaction<'_>, article: i64) -> rusqlite::Result<()> {
        self.touched.extend(of_article(tx, article)?);
        Ok(())
    }

    /// Groups again what removals may have split.
    pub fn finish(mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let touched: Vec<i64> = std::mem::take(&mut self.touched).into_iter().collect();
        regroup(tx, &mut self, &touched)
    }
}

/// Puts the new entity row `entity` in the group of its strong keys, merging
/// the groups it joins.
pub fn join(
    tx: &Transaction<'_>,
    counter: &mut Batch,
    entity: i64,
    kind: EntityKind,
    strong_keys: &[&str],
) -> rusqlite::Result<()> {
    let mut find = tx.prepare_cached("SELECT grp FROM key_groups WHERE kind = ?1 AND key = ?2")?;
    let mut found = BTreeSet::new();
    for key in strong_keys {
        if let Some(g) = find
            .query_map(params![kind.as_str(), key], |r| r.get::<_, i64>(0))?
            .next()
        {
            found.insert(g?);
        }
    }
    let grp = match found.first() {
        Some(&g) => g,
        None => counter.next(),
    };
    // The groups this entity bridges become one (still to be grouped again
    // if one of them was).
    for &other in found.iter().skip(1) {
        if counter.touched.remove(&other) {
            counter.touched.insert(grp);
        }
        tx.prepare_cached("UPDATE entities SET grp = ?1 WHERE grp = ?2")?
            .execute(params![grp, other])?;
        tx.prepare_cached("UPDATE key_groups SET grp = ?1 WHERE grp = ?2")?
            .execute(params![grp, other])?;
    }
    tx.prepare_cached("UPDATE entities SET grp = ?1 WHERE id = ?2")?
        .execute(params![grp, entity])?;
    let mut put = tx.prepare_cached(
        "INSERT INTO key_groups(kind, key, grp) VALUES (?1, ?2, ?3)
         ON CONFLICT(kind, key) DO UPDATE SET grp = excluded.grp",
    )?;
    for key in strong_keys {
        put.execute(params![kind.as_str(), key, grp])?;
    }
    Ok(())
}

/// The groups of an article's entities (before it is removed).
fn of_article(tx: &Transaction<'_>, article: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached("SELECT DISTINCT grp FROM entities WHERE article = ?1")?;
    let rows = stmt.query_map([article], |r| r.get::<_, Option<i64>>(0))?;
    let mut out = Vec::new();
    for g in rows {
        out.extend(g?);
    }
    Ok(out)
}

/// Groups again the entities left in `groups` (an article holding them
/// together may be gone): each connected part gets a group of its own.
fn regroup(tx: &Transaction<'_>, counter: &mut Batch, groups: &[i64]) -> rusqlite::Result<()> {
    let mut members = tx.prepare_cached("SELECT id, kind FROM entities WHERE grp = ?1")?;
    let mut keys_of = tx.prepare_cached(
        "SELECT key FROM entity_keys WHERE entity = ?1 AND strong = 1 AND key <> ''",
    )?;
    for &g in groups {
        let rows: Vec<(i64, String)> = members
            .query_map([g], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        tx.prepare_cached("DELETE FROM key_groups WHERE grp = ?1")?
            .execute([g])?;
        let mut nodes: Vec<(EntityKind, Vec<String>)> = Vec::with_capacity(rows.len());
        for (id, kind) in &rows {
            let keys: Vec<String> = keys_of
                .query_map([id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            nodes.push((EntityKind::parse(kind).unwrap_or(EntityKind::Event), keys));
        }
        let borrowed: Vec<(EntityKind, Vec<&str>)> = nodes
            .iter()
            .map(|(k, keys)| (*k, keys.iter().map(String::as_str).collect()))
            .collect();
        let parts = group(&borrowed);
        let mut number = std::collections::HashMap::new();
        let mut set = tx.prepare_cached("UPDATE entities SET grp = ?1 WHERE id = ?2")?;
        let mut put = tx.prepare_cached(
            "INSERT OR REPLACE INTO key_groups(kind, key, grp) VALUES (?1, ?2, ?3)",
        )?;
        for (i, part) in parts.iter().enumerate() {
            let grp = *number.entry(*part).or_insert_with(|| counter.next());
            set.execute(params![grp, rows[i].0])?;
            for key in &nodes[i].1 {
                put.execute(params![rows[i].1, key, grp])?;
            }
        }
    }
    Ok(())
}

/// Groups every entity from scratch (a database from before groups).
pub fn regroup_all(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM key_groups", [])?;
    tx.execute("UPDATE entities SET grp = NULL", [])?;
    let mut counter = Batch {
        last: 0,
        touched: BTreeSet::new(),
    };
    let ids: Vec<(i64, String)> = tx
        .prepare("SELECT id, kind FROM entities ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut keys_of = tx.prepare_cached(
        "SELECT key FROM entity_keys WHERE entity = ?1 AND strong = 1 AND key <> ''",
    )?;
    for (id, kind) in ids {
        let keys: Vec<String> = keys_of
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let kind = EntityKind::parse(&kind).unwrap_or(EntityKind::Event);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        join(tx, &mut counter, id, kind, &refs)?;
    }
    Ok(())
}
