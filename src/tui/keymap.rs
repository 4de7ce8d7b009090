//! One table per mode: key -> action. Each action is described once, by its doc
//! ([`Action::doc`]); a binding overrides it only where the action reads
//! differently in that mode. Dispatch, the help overlay and the status-line hints
//! all read these tables, so help never drifts from behaviour.

use super::action::Action;
use crate::notes::Color;
use crate::EntityKind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which table is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Library,
    /// The feeds and their items.
    Feeds,
    Article,
    Sidebar,
    /// Typing a search in the article.
    Search,
    /// Typing a name filter in the sidebar.
    Filter,
    /// Selecting sentences to highlight.
    Select,
    /// Writing a note.
    Editor,
    /// The list of highlights and notes.
    Notes,
    /// A yes/no question (delete? discard? replace?).
    Confirm,
    /// Choosing an entity's kind (`r`, selection `E`).
    Kind,
    /// Typing an entity's new name (`R`).
    Rename,
    Help,
    /// The articles of an entity (`w`).
    Articles,
    /// The library's entities (`E` in the library).
    LibraryEntities,
    /// Searching the notes (`/` in the `'` list).
    NoteSearch,
    /// Typing a name filter in the library's entities.
    EntityFilter,
}

impl Mode {
    pub const ALL: [Mode; 17] = [
        Mode::Library,
        Mode::Feeds,
        Mode::Article,
        Mode::Sidebar,
        Mode::Search,
        Mode::Filter,
        Mode::Select,
        Mode::Editor,
        Mode::Notes,
        Mode::Confirm,
        Mode::Kind,
        Mode::Rename,
        Mode::Help,
        Mode::Articles,
        Mode::LibraryEntities,
        Mode::NoteSearch,
        Mode::EntityFilter,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Library => "Library",
            Mode::Feeds => "Feeds",
            Mode::Article => "Article",
            Mode::Sidebar => "Entities",
            Mode::Search => "Search",
            Mode::Filter => "Filter",
            Mode::Select => "Selection",
            Mode::Editor => "Note",
            Mode::Notes => "Highlights and notes",
            Mode::Confirm => "Question",
            Mode::Kind => "Kind",
            Mode::Rename => "Rename",
            Mode::Help => "Help",
            Mode::Articles => "Articles of an entity",
            Mode::LibraryEntities => "Library entities",
            Mode::NoteSearch => "Notes search",
            Mode::EntityFilter => "Entity filter",
        }
    }

    /// The mode's table in the config file: `[keys.<name>]`.
    pub fn config_name(self) -> &'static str {
        match self {
            Mode::Library => "library",
            Mode::Feeds => "feeds",
            Mode::Article => "article",
            Mode::Sidebar => "entities",
            Mode::Search => "search",
            Mode::Filter => "filter",
            Mode::Select => "selection",
            Mode::Editor => "note",
            Mode::Notes => "notes",
            Mode::Confirm => "question",
            Mode::Kind => "kind",
            Mode::Rename => "rename",
            Mode::Help => "help",
            Mode::Articles => "articles",
            Mode::LibraryEntities => "library_entities",
            Mode::NoteSearch => "note_search",
            Mode::EntityFilter => "entity_filter",
        }
    }

    /// Modes where printable keys are typed text rather than commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::Filter
                | Mode::Editor
                | Mode::Rename
                | Mode::NoteSearch
                | Mode::EntityFilter
        )
    }
}

/// One key of one mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub code: KeyCode,
    /// Only CONTROL and ALT count; SHIFT is part of the character (`G`, `?`).
    pub mods: KeyModifiers,
    pub action: Action,
    pub desc: &'static str,
    /// A short word for the status-line hints, on the few most useful keys.
    pub hint: Option<&'static str>,
}

/// A key for an action, described by the action's doc ([`Action::doc`]).
const fn b(code: KeyCode, action: Action) -> Binding {
    Binding {
        code,
        mods: KeyModifiers::NONE,
        action,
        desc: action.doc(),
        hint: None,
    }
}

const fn c(ch: char, action: Action) -> Binding {
    b(KeyCode::Char(ch), action)
}

impl Binding {
    const fn hint(mut self, word: &'static str) -> Binding {
        self.hint = Some(word);
        self
    }

    /// What the action does in this mode, where it reads differently from its
    /// doc (Esc closes the help, ends a search, cancels a selection...).
    const fn desc(mut self, desc: &'static str) -> Binding {
        self.desc = desc;
        self
    }

    const fn ctrl(mut self) -> Binding {
        self.mods = KeyModifiers::CONTROL;
        self
    }

    const fn alt(mut self) -> Binding {
        self.mods = KeyModifiers::ALT;
        self
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        key_label(self.code, self.mods)
    }
}

const CTRL_C: Binding = c('c', Action::Quit).ctrl();

/// Keys shared by the article and the sidebar.
const READER_COMMON: &[Binding] = &[
    b(KeyCode::Tab, Action::ToggleFocus).hint("focus"),
    c(' ', Action::PageDown),
    b(KeyCode::PageDown, Action::PageDown),
    c('f', Action::PageDown).ctrl(),
    c('b', Action::PageUp),
    b(KeyCode::PageUp, Action::PageUp),
    c('b', Action::PageUp).ctrl(),
    c('d', Action::HalfPageDown).ctrl(),
    c('u', Action::HalfPageUp).ctrl(),
    c('n', Action::NextMention).hint("next"),
    c('N', Action::PrevMention),
    c(']', Action::NextAny),
    c('[', Action::PrevAny),
    c('}', Action::NextHighlight),
    c('{', Action::PrevHighlight),
    c('f', Action::ToggleFocusMode),
    c('L', Action::ToggleLabels),
    c('y', Action::Copy),
    c('w', Action::WhereElse),
    c('\'', Action::NotesList).hint("notes"),
    c('u', Action::Undo),
    c('e', Action::Export),
    b(KeyCode::Backspace, Action::ToLibrary),
    c('?', Action::Help).hint("help"),
    c('q', Action::Quit).hint("quit"),
    CTRL_C,
];

const ARTICLE: &[Binding] = &[
    c('j', Action::ScrollDown),
    b(KeyCode::Down, Action::ScrollDown),
    c('k', Action::ScrollUp),
    b(KeyCode::Up, Action::ScrollUp),
    c('g', Action::Top),
    b(KeyCode::Home, Action::Top),
    c('G', Action::Bottom),
    b(KeyCode::End, Action::Bottom),
    c('/', Action::StartSearch).hint("search"),
    c('v', Action::StartSelection).hint("select"),
    c('H', Action::QuickHighlight),
    c('a', Action::EditNote).desc("write or edit the note on the highlight under the cursor"),
    c('d', Action::Delete).desc("delete the highlight under the cursor (asks first)"),
    c('S', Action::Split),
    b(KeyCode::Esc, Action::Back).desc("end the search, else back where you came from"),
];

const SIDEBAR: &[Binding] = &[
    c('j', Action::SelectNext).desc("select the next entity"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next entity"),
    c('k', Action::SelectPrev).desc("select the previous entity"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous entity"),
    c('g', Action::SelectFirst).desc("select the first entity"),
    b(KeyCode::Home, Action::SelectFirst).desc("select the first entity"),
    c('G', Action::SelectLast).desc("select the last entity"),
    b(KeyCode::End, Action::SelectLast).desc("select the last entity"),
    b(KeyCode::Enter, Action::JumpToEntity).hint("jump"),
    c('1', Action::ShowKind(Some(EntityKind::Person))),
    c('2', Action::ShowKind(Some(EntityKind::Place))),
    c('3', Action::ShowKind(Some(EntityKind::Organization))),
    c('4', Action::ShowKind(Some(EntityKind::Event))),
    c('0', Action::ShowKind(None)),
    c('/', Action::StartFilter).hint("filter"),
    c('s', Action::ToggleSort),
    c('a', Action::EditNote).desc("write or edit a note on the selected entity"),
    c('d', Action::Delete).desc("delete the selected entity's note (asks first)"),
    c('r', Action::Relabel),
    c('m', Action::Mark),
    c('R', Action::Rename),
    c('x', Action::Hide),
    c('X', Action::ToggleHidden),
    b(KeyCode::Esc, Action::Back).desc("clear the mark or the filters, else back to the article"),
];

const SEARCH: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept)
        .desc("keep the search: n/N move between matches")
        .hint("keep"),
    b(KeyCode::Esc, Action::Back)
        .desc("end the search")
        .hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar).desc("delete a character"),
    CTRL_C,
];

const FILTER: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept)
        .desc("keep the filter")
        .hint("keep"),
    b(KeyCode::Esc, Action::Back)
        .desc("clear the filter")
        .hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar).desc("delete a character"),
    CTRL_C,
];

const SELECT: &[Binding] = &[
    c('j', Action::SelectionDown),
    b(KeyCode::Down, Action::SelectionDown),
    c('k', Action::SelectionUp),
    b(KeyCode::Up, Action::SelectionUp),
    c('h', Action::SaveHighlight).hint("save"),
    b(KeyCode::Enter, Action::SaveHighlight),
    c('1', Action::SetColor(Color::Yellow)),
    c('2', Action::SetColor(Color::Green)),
    c('3', Action::SetColor(Color::Blue)),
    c('4', Action::SetColor(Color::Pink)),
    c('5', Action::SetColor(Color::Purple)),
    c('m', Action::SelectMention),
    c('w', Action::EndWordRight),
    c('b', Action::EndWordLeft),
    c('W', Action::StartWordRight),
    c('B', Action::StartWordLeft),
    c('E', Action::MakeEntity).hint("entity"),
    b(KeyCode::Esc, Action::Back)
        .desc("cancel the selection")
        .hint("cancel"),
    c('?', Action::Help).hint("help"),
    CTRL_C,
];

const EDITOR: &[Binding] = &[
    c('s', Action::Save).ctrl().hint("save"),
    b(KeyCode::Esc, Action::Back)
        .desc("cancel (asks first if the note changed)")
        .hint("cancel"),
    b(KeyCode::Enter, Action::Newline),
    b(KeyCode::Backspace, Action::DeleteChar),
    b(KeyCode::Delete, Action::DeleteForward),
    b(KeyCode::Left, Action::CursorLeft),
    b(KeyCode::Right, Action::CursorRight),
    b(KeyCode::Left, Action::WordLeft).ctrl(),
    c('b', Action::WordLeft).alt(),
    b(KeyCode::Right, Action::WordRight).ctrl(),
    c('f', Action::WordRight).alt(),
    b(KeyCode::Up, Action::CursorUp),
    b(KeyCode::Down, Action::CursorDown),
    b(KeyCode::Home, Action::LineStart),
    b(KeyCode::End, Action::LineEnd),
    CTRL_C,
];

const NOTES: &[Binding] = &[
    c('j', Action::SelectNext),
    b(KeyCode::Down, Action::SelectNext),
    c('k', Action::SelectPrev),
    b(KeyCode::Up, Action::SelectPrev),
    c('g', Action::SelectFirst),
    b(KeyCode::Home, Action::SelectFirst),
    c('G', Action::SelectLast),
    b(KeyCode::End, Action::SelectLast),
    b(KeyCode::Enter, Action::Accept)
        .desc("go there")
        .hint("go"),
    c('a', Action::EditNote)
        .desc("write or edit its note")
        .hint("note"),
    c('d', Action::Delete).desc("delete it (asks first)"),
    c('u', Action::Undo).desc("undo the last deletion"),
    c('/', Action::StartSearch)
        .desc("search the notes (#tag filters by tag; Tab: this article / the library)")
        .hint("search"),
    b(KeyCode::Esc, Action::Back)
        .desc("close the list")
        .hint("close"),
    c('\'', Action::Back).desc("close the list"),
    c('q', Action::Back).desc("close the list"),
    c('?', Action::Help).hint("help"),
    CTRL_C,
];

const CONFIRM: &[Binding] = &[
    c('y', Action::Yes).hint("yes"),
    c('n', Action::No).hint("no"),
    b(KeyCode::Esc, Action::Back).desc("no"),
    c('?', Action::Help),
    CTRL_C,
];

const KIND: &[Binding] = &[
    c('p', Action::PickKind(EntityKind::Person)).hint("person"),
    c('1', Action::PickKind(EntityKind::Person)),
    c('l', Action::PickKind(EntityKind::Place)).hint("place"),
    c('2', Action::PickKind(EntityKind::Place)),
    c('o', Action::PickKind(EntityKind::Organization)).hint("organization"),
    c('3', Action::PickKind(EntityKind::Organization)),
    c('e', Action::PickKind(EntityKind::Event)).hint("event"),
    c('4', Action::PickKind(EntityKind::Event)),
    b(KeyCode::Esc, Action::Back).desc("cancel").hint("cancel"),
    c('?', Action::Help),
    CTRL_C,
];

const RENAME: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept)
        .desc("rename the entity")
        .hint("rename"),
    b(KeyCode::Esc, Action::Back).desc("cancel").hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar).desc("delete a character"),
    c('u', Action::ClearInput).ctrl(),
    CTRL_C,
];

const HELP: &[Binding] = &[
    b(KeyCode::Esc, Action::Back)
        .desc("close the help")
        .hint("close"),
    c('q', Action::Back).desc("close the help"),
    c('?', Action::Back).desc("close the help"),
    c('j', Action::ScrollDown)
        .desc("scroll down")
        .hint("scroll"),
    b(KeyCode::Down, Action::ScrollDown).desc("scroll down"),
    c('k', Action::ScrollUp).desc("scroll up"),
    b(KeyCode::Up, Action::ScrollUp).desc("scroll up"),
    c(' ', Action::PageDown),
    b(KeyCode::PageDown, Action::PageDown),
    c('d', Action::PageDown).ctrl(),
    c('b', Action::PageUp),
    b(KeyCode::PageUp, Action::PageUp),
    c('u', Action::PageUp).ctrl(),
    CTRL_C,
];

const LIBRARY: &[Binding] = &[
    c('j', Action::SelectNext).desc("select the next article"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next article"),
    c('k', Action::SelectPrev).desc("select the previous article"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous article"),
    c('g', Action::SelectFirst).desc("select the first article"),
    b(KeyCode::Home, Action::SelectFirst).desc("select the first article"),
    c('G', Action::SelectLast).desc("select the last article"),
    b(KeyCode::End, Action::SelectLast).desc("select the last article"),
    b(KeyCode::Enter, Action::Open).hint("open"),
    c('E', Action::LibraryEntities).hint("entities"),
    c('?', Action::Help).hint("help"),
    c('q', Action::Quit).hint("quit"),
    CTRL_C,
];

const FEEDS: &[Binding] = &[
    c('j', Action::SelectNext).desc("select the next item"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next item"),
    c('k', Action::SelectPrev).desc("select the previous item"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous item"),
    c('g', Action::SelectFirst).desc("select the first item"),
    b(KeyCode::Home, Action::SelectFirst).desc("select the first item"),
    c('G', Action::SelectLast).desc("select the last item"),
    b(KeyCode::End, Action::SelectLast).desc("select the last item"),
    b(KeyCode::Enter, Action::Open)
        .desc("open the item (fetching its page first if it is not stored yet)")
        .hint("open"),
    c('r', Action::ToggleRead).hint("read"),
    c('o', Action::OpenOriginal).hint("browser"),
    c('u', Action::UpdateFeeds).hint("update"),
    c('E', Action::LibraryEntities).hint("entities"),
    c('?', Action::Help).hint("help"),
    c('q', Action::Quit).hint("quit"),
    CTRL_C,
];

const ARTICLES: &[Binding] = &[
    c('j', Action::SelectNext).desc("select the next article"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next article"),
    c('k', Action::SelectPrev).desc("select the previous article"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous article"),
    c('g', Action::SelectFirst).desc("select the first article"),
    b(KeyCode::Home, Action::SelectFirst).desc("select the first article"),
    c('G', Action::SelectLast).desc("select the last article"),
    b(KeyCode::End, Action::SelectLast).desc("select the last article"),
    b(KeyCode::Enter, Action::Open)
        .desc("open it at its first mention of the entity (Backspace comes back)")
        .hint("open"),
    b(KeyCode::Esc, Action::Back)
        .desc("close the list")
        .hint("close"),
    c('q', Action::Back).desc("close the list"),
    c('?', Action::Help).hint("help"),
    CTRL_C,
];

const LIBRARY_ENTITIES: &[Binding] = &[
    c('j', Action::SelectNext).desc("select the next entity"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next entity"),
    c('k', Action::SelectPrev).desc("select the previous entity"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous entity"),
    c('g', Action::SelectFirst).desc("select the first entity"),
    b(KeyCode::Home, Action::SelectFirst).desc("select the first entity"),
    c('G', Action::SelectLast).desc("select the last entity"),
    b(KeyCode::End, Action::SelectLast).desc("select the last entity"),
    c(' ', Action::PageDown),
    b(KeyCode::PageDown, Action::PageDown),
    c('b', Action::PageUp),
    b(KeyCode::PageUp, Action::PageUp),
    b(KeyCode::Enter, Action::Open)
        .desc("list the articles that mention it")
        .hint("articles"),
    c('1', Action::ShowKind(Some(EntityKind::Person))),
    c('2', Action::ShowKind(Some(EntityKind::Place))),
    c('3', Action::ShowKind(Some(EntityKind::Organization))),
    c('4', Action::ShowKind(Some(EntityKind::Event))),
    c('0', Action::ShowKind(None)),
    c('/', Action::StartFilter).hint("filter"),
    b(KeyCode::Esc, Action::Back)
        .desc("clear the filter, else back to the library")
        .hint("close"),
    c('q', Action::Back).desc("back to the library"),
    c('?', Action::Help).hint("help"),
    CTRL_C,
];

const ENTITY_FILTER: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept)
        .desc("keep the filter")
        .hint("keep"),
    b(KeyCode::Esc, Action::Back)
        .desc("clear the filter")
        .hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar).desc("delete a character"),
    CTRL_C,
];

const NOTE_SEARCH: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept)
        .desc("go to the note (in another article: Backspace comes back)")
        .hint("go"),
    b(KeyCode::Tab, Action::ToggleFocus)
        .desc("search this article's notes / the library's")
        .hint("scope"),
    b(KeyCode::Down, Action::SelectNext).desc("select the next note"),
    b(KeyCode::Up, Action::SelectPrev).desc("select the previous note"),
    b(KeyCode::Backspace, Action::DeleteChar).desc("delete a character"),
    c('u', Action::ClearInput).ctrl(),
    b(KeyCode::Esc, Action::Back)
        .desc("back to the list")
        .hint("close"),
    CTRL_C,
];

/// Every binding of a mode, in the order help lists them.
pub fn bindings(mode: Mode) -> Vec<&'static Binding> {
    let (own, common): (&[Binding], &[Binding]) = match mode {
        Mode::Library => (LIBRARY, &[]),
        Mode::Feeds => (FEEDS, &[]),
        Mode::Article => (ARTICLE, READER_COMMON),
        Mode::Sidebar => (SIDEBAR, READER_COMMON),
        Mode::Search => (SEARCH, &[]),
        Mode::Filter => (FILTER, &[]),
        Mode::Select => (SELECT, &[]),
        Mode::Editor => (EDITOR, &[]),
        Mode::Notes => (NOTES, &[]),
        Mode::Confirm => (CONFIRM, &[]),
        Mode::Kind => (KIND, &[]),
        Mode::Rename => (RENAME, &[]),
        Mode::Help => (HELP, &[]),
        Mode::Articles => (ARTICLES, &[]),
        Mode::LibraryEntities => (LIBRARY_ENTITIES, &[]),
        Mode::NoteSearch => (NOTE_SEARCH, &[]),
        Mode::EntityFilter => (ENTITY_FILTER, &[]),
    };
    own.iter().chain(common).collect()
}

/// Strips what is not part of a binding: SHIFT (it is in the character already).
fn normalize(key: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match key.code {
        // Some terminals send Ctrl+C as uppercase when Shift is held too.
        KeyCode::Char(ch) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(ch.to_ascii_lowercase())
        }
        code => code,
    };
    (code, mods)
}

/// A key as a code and its modifiers (CONTROL and ALT only).
pub type Key = (KeyCode, KeyModifiers);

/// A command of a mode: the action, what it does there, its keys.
pub type Command = (Action, &'static str, Vec<Key>);

/// The keys in force: the tables above, with the config file's rebindings.
/// Dispatch, help and hints read it, so a rebinding shows everywhere at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    tables: Vec<(Mode, Vec<Binding>)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            tables: Mode::ALL
                .iter()
                .map(|&m| (m, bindings(m).into_iter().copied().collect()))
                .collect(),
        }
    }
}

impl Keymap {
    /// Every binding of a mode, in the order help lists them.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.tables
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, b)| b.as_slice())
    }

    fn table_mut(&mut self, mode: Mode) -> &mut Vec<Binding> {
        let i = self
            .tables
            .iter()
            .position(|(m, _)| *m == mode)
            .expect("every mode has a table");
        &mut self.tables[i].1
    }

    /// The action a key press means in a mode. In text modes, printable keys that
    /// are not bound are typed.
    pub fn lookup(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let (code, mods) = normalize(key);
        if let Some(binding) = self
            .bindings(mode)
            .iter()
            .find(|bd| bd.code == code && bd.mods == mods)
        {
            return Some(binding.action);
        }
        match code {
            KeyCode::Char(ch) if mode.takes_text() && mods.is_empty() => Some(Action::Input(ch)),
            // AltGr arrives as Ctrl+Alt on some systems: the character is typed.
            KeyCode::Char(ch)
                if mode.takes_text() && mods == KeyModifiers::CONTROL | KeyModifiers::ALT =>
            {
                Some(Action::Input(ch))
            }
            _ => None,
        }
    }

    /// The commands of a mode, each once, in table order: the action, its doc
    /// there, and its keys (what `--print-config` writes).
    pub fn commands(&self, mode: Mode) -> Vec<Command> {
        let mut out: Vec<Command> = Vec::new();
        for bd in self.bindings(mode) {
            match out.iter_mut().find(|(a, ..)| *a == bd.action) {
                Some((_, _, keys)) => keys.push((bd.code, bd.mods)),
                None => out.push((bd.action, bd.desc, vec![(bd.code, bd.mods)])),
            }
        }
        out
    }

    /// Gives `action` exactly the keys `keys` in `mode` (none: unbound). Its
    /// description and hint stay; a key another command of the mode had is taken
    /// from it. An action the mode has no key for cannot be bound there.
    pub fn rebind(
        &mut self,
        mode: Mode,
        action: Action,
        keys: &[(KeyCode, KeyModifiers)],
    ) -> Result<(), String> {
        let table = self.table_mut(mode);
        let Some(first) = table.iter().position(|b| b.action == action) else {
            return Err(format!("not a command of the {} keys", mode.config_name()));
        };
        let current: Vec<(KeyCode, KeyModifiers)> = table
            .iter()
            .filter(|b| b.action == action)
            .map(|b| (b.code, b.mods))
            .collect();
        if current == keys {
            return Ok(());
        }
        let template = table[first];
        let hint = table
            .iter()
            .filter(|b| b.action == action)
            .find_map(|b| b.hint);
        let kept = |b: &Binding| b.action != action && !keys.contains(&(b.code, b.mods));
        let at = table[..first].iter().filter(|b| kept(b)).count();
        table.retain(kept);
        let new = keys.iter().enumerate().map(|(i, &(code, mods))| Binding {
            code,
            mods,
            hint: if i == 0 { hint } else { None },
            ..template
        });
        table.splice(at..at, new);
        Ok(())
    }

    /// The help overlay's lines for a mode: consecutive bindings with the same
    /// action and description share a line.
    pub fn help_rows(&self, mode: Mode) -> Vec<HelpRow> {
        help_rows_of(self.bindings(mode).iter())
    }

    /// The action of each of `help_rows(mode)`, in the same order.
    pub fn help_actions(&self, mode: Mode) -> Vec<Action> {
        help_actions_of(self.bindings(mode).iter())
    }

    /// The status-line hints of a mode: `(key, word)`, help first, then in table
    /// order (the status line keeps as many as fit, from the first).
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        hints_of(self.bindings(mode).iter())
    }
}

/// The action a key press means in a mode, with the default keys.
pub fn lookup(mode: Mode, key: &KeyEvent) -> Option<Action> {
    Keymap::default().lookup(mode, key)
}

/// How a key is written for people: `j`, `Space`, `PgDn`, `↓`, `Ctrl+c`.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift+Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Delete => "Delete".to_string(),
        KeyCode::Insert => "Insert".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl+{base}")
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt+{base}")
    } else {
        base
    }
}

/// One line of the help overlay: the keys that do one thing, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: Vec<String>,
    pub desc: &'static str,
}

/// The help overlay's lines for a mode (default keys): consecutive bindings with
/// the same action and description share a line.
pub fn help_rows(mode: Mode) -> Vec<HelpRow> {
    help_rows_of(bindings(mode).into_iter())
}

fn help_rows_of<'a>(list: impl Iterator<Item = &'a Binding>) -> Vec<HelpRow> {
    let mut rows: Vec<(Action, HelpRow)> = Vec::new();
    for bd in list {
        match rows.last_mut() {
            Some((action, row)) if *action == bd.action && row.desc == bd.desc => {
                row.keys.push(bd.label())
            }
            _ => rows.push((
                bd.action,
                HelpRow {
                    keys: vec![bd.label()],
                    desc: bd.desc,
                },
            )),
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The action of each of `help_rows(mode)`, in the same order.
pub fn help_actions(mode: Mode) -> Vec<Action> {
    help_actions_of(bindings(mode).into_iter())
}

fn help_actions_of<'a>(list: impl Iterator<Item = &'a Binding>) -> Vec<Action> {
    let mut out: Vec<(Action, &'static str)> = Vec::new();
    for bd in list {
        match out.last() {
            Some(&(action, desc)) if action == bd.action && desc == bd.desc => {}
            _ => out.push((bd.action, bd.desc)),
        }
    }
    out.into_iter().map(|(a, _)| a).collect()
}

/// The status-line hints of a mode (default keys): `(key, word)`, help first,
/// then in table order (the status line keeps as many as fit, from the first).
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    hints_of(bindings(mode).into_iter())
}

fn hints_of<'a>(list: impl Iterator<Item = &'a Binding>) -> Vec<(String, &'static str)> {
    let mut hints: Vec<_> = list
        .filter_map(|bd| bd.hint.map(|h| (bd.action, bd.label(), h)))
        .collect();
    hints.sort_by_key(|(action, _, _)| *action != Action::Help);
    hints.into_iter().map(|(_, key, h)| (key, h)).collect()
}

/// A key as the config file writes it: like help's labels, with words for the
/// arrows (`Down`, not `↓`), so the file is plain ASCII where it can be.
pub fn config_label(code: KeyCode, mods: KeyModifiers) -> String {
    let arrow = match code {
        KeyCode::Down => Some("Down"),
        KeyCode::Up => Some("Up"),
        KeyCode::Left => Some("Left"),
        KeyCode::Right => Some("Right"),
        _ => None,
    };
    match arrow {
        Some(word) => key_label(KeyCode::Char('x'), mods).replace('x', word),
        None => key_label(code, mods),
    }
}

/// A key written in the config file: `j`, `G`, `Space`, `Enter`, `Esc`, `Tab`,
/// `Shift+Tab`, `Backspace`, `Delete`, `Up`/`↑` (and the other arrows), `PgUp`,
/// `PgDn`, `Home`, `End`, `F1`-`F12`, with `Ctrl+` or `Alt+` in front.
pub fn parse_key(s: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let bad = || format!("unknown key “{}”", crate::text::escape_line(s));
    let (prefix, key) = if s.len() > 1 && s.ends_with("++") {
        (&s[..s.len() - 2], "+")
    } else {
        match s.rsplit_once('+') {
            Some((p, k)) if !k.is_empty() => (p, k),
            _ => ("", s),
        }
    };
    let mut mods = KeyModifiers::NONE;
    let mut shift = false;
    for m in prefix.split('+').filter(|m| !m.is_empty()) {
        match m.to_ascii_lowercase().as_str() {
            "ctrl" | "control" | "c" => mods |= KeyModifiers::CONTROL,
            "alt" | "meta" | "m" => mods |= KeyModifiers::ALT,
            "shift" | "s" => shift = true,
            _ => return Err(bad()),
        }
    }
    let mut chars = key.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return Err(bad()),
            c if mods.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
            c if shift => KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
            c => KeyCode::Char(c),
        },
        _ => match key.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if shift => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.starts_with('f') => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        },
    };
    Ok((code, mods))
}
