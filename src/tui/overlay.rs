//! [`Overlay`]: what is open over the article, the sidebar or the library, as one
//! value, so two things can never be open at once. A few overlays are opened from
//! another and go back to it when they close (the editor opened from the `'` list,
//! a question asked from the editor, help from anywhere): they hold it as `under`,
//! and only the one on top receives keys.

use super::annotate::{Confirm, NoteEditor, NotesList, Selection};
use super::correct::KindPick;
use super::keymap::Mode;
use super::reader::{Input, InputTarget};
use super::where_else::{ArticlesList, EntitiesView, NoteSearch};

/// The help overlay: which mode's keys it lists, and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub mode: Mode,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    /// Nothing open: the article, the sidebar (by focus) or the library has the keys.
    #[default]
    None,
    /// The line at the bottom: a search, the sidebar's filter, a new name.
    Input(Input),
    /// Sentences being selected (`v`).
    Select(Selection),
    /// The kind picker (`r`; `E` over a selection).
    Kind {
        pick: KindPick,
        under: Box<Overlay>,
    },
    /// The `'` list of highlights and notes.
    NotesList(NotesList),
    /// A note being written (over the list when opened from it).
    Editor {
        editor: NoteEditor,
        under: Box<Overlay>,
    },
    /// A yes/no question, over what asked it.
    Confirm {
        confirm: Confirm,
        under: Box<Overlay>,
    },
    Help {
        help: Help,
        under: Box<Overlay>,
    },
    /// The articles of an entity (`w`; Enter in the library's entity view).
    Articles {
        list: ArticlesList,
        under: Box<Overlay>,
    },
    /// The library-wide entity view (`E` in the library).
    Entities(EntitiesView),
    /// The notes search (`/` in the `'` list), over the list.
    NoteSearch {
        search: NoteSearch,
        under: Box<Overlay>,
    },
}

impl Overlay {
    /// Opens `make(what is open now)` on top.
    pub fn open(&mut self, make: impl FnOnce(Box<Overlay>) -> Overlay) {
        let under = std::mem::take(self);
        *self = make(Box::new(under));
    }

    /// Asks a question over what is open.
    pub fn ask(&mut self, confirm: Confirm) {
        self.open(|under| Overlay::Confirm { confirm, under });
    }

    /// Closes the overlay on top: what it was opened over is open again.
    pub fn close(&mut self) {
        *self = match std::mem::take(self) {
            Overlay::Kind { under, .. }
            | Overlay::Editor { under, .. }
            | Overlay::Confirm { under, .. }
            | Overlay::Help { under, .. }
            | Overlay::Articles { under, .. }
            | Overlay::NoteSearch { under, .. } => *under,
            _ => Overlay::None,
        };
    }

    /// This overlay, then the ones under it, top first.
    pub fn layers(&self) -> impl Iterator<Item = &Overlay> {
        std::iter::successors(Some(self), |o| match o {
            Overlay::Kind { under, .. }
            | Overlay::Editor { under, .. }
            | Overlay::Confirm { under, .. }
            | Overlay::Help { under, .. }
            | Overlay::Articles { under, .. }
            | Overlay::NoteSearch { under, .. } => Some(under.as_ref()),
            _ => None,
        })
    }

    /// The keymap table of the overlay on top; `None`: the view's own.
    pub fn mode(&self) -> Option<Mode> {
        Some(match self {
            Overlay::None => return None,
            Overlay::Input(input) => match input.target {
                InputTarget::Search => Mode::Search,
                InputTarget::Filter => Mode::Filter,
                InputTarget::Rename(..) => Mode::Rename,
            },
            Overlay::Select(_) => Mode::Select,
            Overlay::Kind { .. } => Mode::Kind,
            Overlay::NotesList(_) => Mode::Notes,
            Overlay::Editor { .. } => Mode::Editor,
            Overlay::Confirm { .. } => Mode::Confirm,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Articles { .. } => Mode::Articles,
            Overlay::Entities(v) if v.typing => Mode::EntityFilter,
            Overlay::Entities(_) => Mode::LibraryEntities,
            Overlay::NoteSearch { .. } => Mode::NoteSearch,
        })
    }

    // What is drawn, at any depth: the article keeps showing the selection under
    // the kind picker, the list stays under the editor, the editor under a question.

    pub fn selection(&self) -> Option<&Selection> {
        self.layers().find_map(|o| match o {
            Overlay::Select(s) => Some(s),
            _ => None,
        })
    }

    pub fn editor(&self) -> Option<&NoteEditor> {
        self.layers().find_map(|o| match o {
            Overlay::Editor { editor, .. } => Some(editor),
            _ => None,
        })
    }

    pub fn notes_list(&self) -> Option<&NotesList> {
        self.layers().find_map(|o| match o {
            Overlay::NotesList(l) => Some(l),
            _ => None,
        })
    }

    pub fn kind_pick(&self) -> Option<&KindPick> {
        self.layers().find_map(|o| match o {
            Overlay::Kind { pick, .. } => Some(pick),
            _ => None,
        })
    }

    pub fn confirm(&self) -> Option<&Confirm> {
        self.layers().find_map(|o| match o {
            Overlay::Confirm { confirm, .. } => Some(confirm),
            _ => None,
        })
    }

    pub fn input(&self) -> Option<&Input> {
        self.layers().find_map(|o| match o {
            Overlay::Input(i) => Some(i),
            _ => None,
        })
    }

    pub fn articles(&self) -> Option<&ArticlesList> {
        self.layers().find_map(|o| match o {
            Overlay::Articles { list, .. } => Some(list),
            _ => None,
        })
    }

    /// The `w` list when it is on top.
    pub fn articles_mut(&mut self) -> Option<&mut ArticlesList> {
        match self {
            Overlay::Articles { list, .. } => Some(list),
            _ => None,
        }
    }

    pub fn entities(&self) -> Option<&EntitiesView> {
        self.layers().find_map(|o| match o {
            Overlay::Entities(v) => Some(v),
            _ => None,
        })
    }

    pub fn note_search(&self) -> Option<&NoteSearch> {
        self.layers().find_map(|o| match o {
            Overlay::NoteSearch { search, .. } => Some(search),
            _ => None,
        })
    }

    /// The notes search, wherever it is in the stack (answers arrive while
    /// the help may be open over it).
    pub fn note_search_mut(&mut self) -> Option<&mut NoteSearch> {
        let mut o = self;
        loop {
            match o {
                Overlay::NoteSearch { search, .. } => return Some(search),
                Overlay::Kind { under, .. }
                | Overlay::Editor { under, .. }
                | Overlay::Confirm { under, .. }
                | Overlay::Help { under, .. }
                | Overlay::Articles { under, .. } => o = under,
                _ => return None,
            }
        }
    }

    pub fn help(&self) -> Option<&Help> {
        match self {
            Overlay::Help { help, .. } => Some(help),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlays_stack_and_close_back_to_what_they_were_opened_over() {
        let mut o = Overlay::NotesList(NotesList { selected: 2 });
        o.ask(Confirm::DiscardNote);
        assert_eq!(o.mode(), Some(Mode::Confirm));
        assert_eq!(o.notes_list(), Some(&NotesList { selected: 2 }));
        o.open(|under| Overlay::Help {
            help: Help {
                mode: Mode::Confirm,
                scroll: 0,
            },
            under,
        });
        assert_eq!(o.mode(), Some(Mode::Help));
        o.close();
        assert_eq!(o.mode(), Some(Mode::Confirm));
        o.close();
        assert_eq!(o.mode(), Some(Mode::Notes));
        o.close();
        assert_eq!(o, Overlay::None);
    }
}
