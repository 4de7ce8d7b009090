//! The feeds library: each feed with its unread count, then its items (newest
//! first), in one list. A plain model: built from what the library database
//! said, changed by `update`, drawn by `ui::feeds`; the database is read and
//! written by the event loop, never here.

use crate::library::{Feed, Item};
use std::path::PathBuf;

/// Items shown per feed (the newest): the view stays fast with huge feeds.
pub const ITEMS_PER_FEED: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub id: i64,
    pub name: String,
    pub unread: usize,
    pub items: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub feed: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub url: Option<String>,
    pub read: bool,
    pub article: Option<PathBuf>,
    pub error: Option<String>,
    /// Entities per kind once the article was read by the worker.
    pub counts: Option<[usize; 4]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Feed(FeedRow),
    Item(ItemRow),
}

/// Where an update of the feeds stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Updating {
    Idle,
    Running { done: usize, total: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feeds {
    pub rows: Vec<Row>,
    /// Index into `rows`.
    pub selected: usize,
    pub offset: usize,
    pub updating: Updating,
    /// The item being fetched before it opens (Enter on an item not stored yet).
    pub fetching: Option<i64>,
}

impl Feeds {
    /// The view of `feeds` and their `items` (any order: grouped here).
    pub fn new(feeds: &[Feed], items: &[Item]) -> Feeds {
        let mut rows = Vec::new();
        for f in feeds {
            rows.push(Row::Feed(FeedRow {
                id: f.id,
                name: f.name.clone(),
                unread: f.unread,
                items: f.items,
                error: f.error.clone(),
            }));
            rows.extend(
                items
                    .iter()
                    .filter(|i| i.feed_id == f.id)
                    .take(ITEMS_PER_FEED)
                    .map(|i| {
                        Row::Item(ItemRow {
                            id: i.id,
                            feed: i.feed.clone(),
                            title: i.title.clone(),
                            date: i
                                .date
                                .as_deref()
                                .map(|d| d.get(..10).unwrap_or(d).to_string())
                                .unwrap_or_default(),
                            url: i.url.clone(),
                            read: i.read,
                            article: i.article.clone(),
                            error: i.error.clone(),
                            counts: None,
                        })
                    }),
            );
        }
        let mut view = Feeds {
            rows,
            selected: 0,
            offset: 0,
            updating: Updating::Idle,
            fetching: None,
        };
        view.selected = view.next_item(0, 1).unwrap_or(0);
        view
    }

    /// Rebuilt from the database after an update, keeping the selection on the
    /// same item (or feed) when it is still there, and what the worker learned.
    pub fn reload(&mut self, feeds: &[Feed], items: &[Item]) {
        let keep = self.rows.get(self.selected).map(row_key);
        let counts: Vec<(i64, [usize; 4])> = self
            .items()
            .filter_map(|i| i.counts.map(|c| (i.id, c)))
            .collect();
        let mut fresh = Feeds::new(feeds, items);
        for row in &mut fresh.rows {
            if let Row::Item(i) = row {
                i.counts = counts.iter().find(|(id, _)| *id == i.id).map(|(_, c)| *c);
            }
        }
        if let Some(at) = keep.and_then(|k| fresh.rows.iter().position(|r| row_key(r) == k)) {
            fresh.selected = at;
        }
        fresh.offset = self.offset;
        fresh.updating = self.updating.clone();
        fresh.fetching = self.fetching;
        *self = fresh;
    }

    pub fn items(&self) -> impl Iterator<Item = &ItemRow> {
        self.rows.iter().filter_map(|r| match r {
            Row::Item(i) => Some(i),
            Row::Feed(_) => None,
        })
    }

    pub fn unread(&self) -> usize {
        self.rows
            .iter()
            .map(|r| match r {
                Row::Feed(f) => f.unread,
                Row::Item(_) => 0,
            })
            .sum()
    }

    pub fn feed_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, Row::Feed(_)))
            .count()
    }

    pub fn selected_item(&self) -> Option<&ItemRow> {
        match self.rows.get(self.selected) {
            Some(Row::Item(i)) => Some(i),
            _ => None,
        }
    }

    /// The next item row from `from` going `step` (+1 or -1), `from` included.
    fn next_item(&self, from: usize, step: isize) -> Option<usize> {
        let mut i = from as isize;
        while i >= 0 && (i as usize) < self.rows.len() {
            if matches!(self.rows[i as usize], Row::Item(_)) {
                return Some(i as usize);
            }
            i += step;
        }
        None
    }

    /// Moves the selection by `delta` items (feed rows are skipped).
    pub fn move_by(&mut self, delta: isize) {
        let step = delta.signum();
        let mut at = self.selected;
        for _ in 0..delta.unsigned_abs() {
            let from = at as isize + step;
            if from < 0 {
                break;
            }
            match self.next_item(from as usize, step) {
                Some(i) => at = i,
                None => break,
            }
        }
        self.selected = at;
    }

    pub fn first(&mut self) {
        self.selected = self.next_item(0, 1).unwrap_or(0);
    }

    pub fn last(&mut self) {
        let end = self.rows.len().saturating_sub(1);
        self.selected = self.next_item(end, -1).unwrap_or(0);
    }

    /// Selects row `i` when it is an item (a click).
    pub fn click(&mut self, i: usize) {
        if matches!(self.rows.get(i), Some(Row::Item(_))) {
            self.selected = i;
        }
    }

    /// Records an item's read state, keeping its feed's count right.
    pub fn set_read(&mut self, id: i64, read: bool) {
        let mut feed_of = None;
        for row in &mut self.rows {
            if let Row::Item(i) = row {
                if i.id == id && i.read != read {
                    i.read = read;
                    feed_of = Some(i.feed.clone());
                }
            }
        }
        if let Some(name) = feed_of {
            for row in &mut self.rows {
                if let Row::Feed(f) = row {
                    if f.name == name {
                        f.unread = if read {
                            f.unread.saturating_sub(1)
                        } else {
                            f.unread + 1
                        };
                    }
                }
            }
        }
    }

    pub fn item_mut(&mut self, id: i64) -> Option<&mut ItemRow> {
        self.rows.iter_mut().find_map(|r| match r {
            Row::Item(i) if i.id == id => Some(i),
            _ => None,
        })
    }

    /// Keeps the selection on screen in a list `height` rows high.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            // Show the feed's header too when its first item is selected.
            self.offset = match self.selected.checked_sub(1).map(|i| &self.rows[i]) {
                Some(Row::Feed(_)) => self.selected - 1,
                _ => self.selected,
            };
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// What identifies a row across reloads.
fn row_key(r: &Row) -> (bool, i64) {
    match r {
        Row::Feed(f) => (false, f.id),
        Row::Item(i) => (true, i.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::Validators;

    fn feed(id: i64, name: &str, unread: usize, items: usize) -> Feed {
        Feed {
            id,
            url: format!("http://127.0.0.1/{id}.xml"),
            name: name.into(),
            title: None,
            site_url: None,
            validators: Validators::default(),
            added: String::new(),
            checked: None,
            error: None,
            items,
            unread,
        }
    }

    fn item(id: i64, feed_id: i64, feed: &str, read: bool) -> Item {
        Item {
            id,
            feed_id,
            feed: feed.into(),
            url: Some(format!("http://127.0.0.1/{id}.html")),
            title: format!("Item {id}"),
            date: Some("2024-03-05T06:30:00Z".into()),
            author: None,
            read,
            article: None,
            error: None,
        }
    }

    #[test]
    fn selection_skips_feed_rows_and_read_state_keeps_counts() {
        let feeds = [feed(1, "A", 1, 2), feed(2, "B", 1, 1)];
        let items = [
            item(10, 1, "A", false),
            item(11, 1, "A", true),
            item(20, 2, "B", false),
        ];
        let mut v = Feeds::new(&feeds, &items);
        assert_eq!(v.selected, 1);
        v.move_by(1);
        assert_eq!(v.selected_item().unwrap().id, 11);
        v.move_by(1);
        assert_eq!(v.selected_item().unwrap().id, 20);
        v.move_by(1);
        assert_eq!(v.selected_item().unwrap().id, 20);
        v.move_by(-5);
        assert_eq!(v.selected_item().unwrap().id, 10);
        v.set_read(10, true);
        assert_eq!(v.unread(), 1);
        v.set_read(10, true);
        assert_eq!(v.unread(), 1);
        v.set_read(11, false);
        assert_eq!(v.unread(), 2);
        v.last();
        assert_eq!(v.selected_item().unwrap().id, 20);
        v.reload(&feeds, &items);
        assert_eq!(v.selected_item().unwrap().id, 20);
    }

    #[test]
    fn an_empty_library_has_no_selection() {
        let v = Feeds::new(&[feed(1, "A", 0, 0)], &[]);
        assert!(v.selected_item().is_none());
    }
}
