//! The feeds view's keys and the messages its effects bring back. No I/O: the
//! event loop reads and writes the library database and fetches.

use super::action::Action;
use super::app::App;
use super::feeds::{Feeds, Updating};
use super::msg::{Effect, Msg};
use super::ui::Areas;
use ratatui::layout::Position;

pub fn feeds(app: &mut App, action: Action, a: &Areas, fx: &mut Vec<Effect>) {
    let Some(view) = &mut app.feeds else {
        return;
    };
    let height = usize::from(a.library_list.height);
    match action {
        Action::SelectNext => view.move_by(1),
        Action::SelectPrev => view.move_by(-1),
        Action::SelectFirst => view.first(),
        Action::SelectLast => view.last(),
        Action::Wheel { down, .. } => view.move_by(if down { 1 } else { -1 }),
        Action::Click { col, row } if a.library_list.contains(Position::new(col, row)) => {
            view.click(view.offset + usize::from(row - a.library_list.y));
        }
        Action::Open => match view.selected_item().cloned() {
            None => app.message = Some("no item to open".into()),
            Some(item) => match (&item.article, &item.url) {
                (Some(path), _) => fx.push(Effect::OpenItem {
                    id: item.id,
                    path: path.clone(),
                }),
                (None, Some(url)) if view.fetching.is_none() => {
                    view.fetching = Some(item.id);
                    app.message = Some(format!("fetching {url}…"));
                    fx.push(Effect::FetchItem {
                        id: item.id,
                        url: url.clone(),
                    });
                }
                (None, Some(_)) => app.message = Some("already fetching an item".into()),
                (None, None) => app.message = Some("this item has no link and no text".into()),
            },
        },
        Action::ToggleRead => {
            if let Some(item) = view.selected_item() {
                fx.push(Effect::ToggleRead(item.id));
            }
        }
        Action::OpenOriginal => match view.selected_item().and_then(|i| i.url.clone()) {
            Some(url) => fx.push(Effect::Browse(url)),
            None => app.message = Some("this item has no link".into()),
        },
        Action::UpdateFeeds => {
            if view.updating == Updating::Idle {
                view.updating = Updating::Running { done: 0, total: 0 };
                fx.push(Effect::UpdateFeeds);
            } else {
                app.message = Some("the feeds are being updated".into());
            }
        }
        _ => {}
    }
    if let Some(view) = &mut app.feeds {
        view.scroll_into_view(height);
    }
}

pub fn message(app: &mut App, msg: Msg, fx: &mut Vec<Effect>) {
    let Some(view) = &mut app.feeds else {
        return;
    };
    match msg {
        Msg::FeedsLoaded(feeds, items) => view.reload(&feeds, &items),
        Msg::ReadState(id, read) => view.set_read(id, read),
        Msg::ItemInfo(id, info) => {
            if let (Some(item), Ok(info)) = (view.item_mut(id), info) {
                item.counts = Some(info.counts);
            }
        }
        Msg::ItemFetched(id, result) => {
            view.fetching = None;
            match result {
                Ok(path) => {
                    if let Some(item) = view.item_mut(id) {
                        item.article = Some(path.clone());
                        item.error = None;
                    }
                    if app.reader.is_none() {
                        fx.push(Effect::OpenItem { id, path });
                    }
                }
                Err(reason) => {
                    if let Some(item) = view.item_mut(id) {
                        item.error = Some(reason.clone());
                    }
                    app.message = Some(format!("cannot fetch the page: {reason}"));
                }
            }
        }
        Msg::FeedsProgress(done, total) => view.updating = Updating::Running { done, total },
        Msg::FeedsUpdated(result) => {
            view.updating = Updating::Idle;
            app.message = Some(match result {
                Ok(line) => line,
                Err(e) => format!("update failed: {e}"),
            });
            fx.push(Effect::ReloadFeeds);
        }
        _ => {}
    }
}

/// A fresh view (what the event loop builds from the database).
pub fn view(feeds: &[crate::library::Feed], items: &[crate::library::Item]) -> Feeds {
    Feeds::new(feeds, items)
}
