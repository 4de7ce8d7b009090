//! One table per mode: key -> action + description. Dispatch, the help overlay and
//! the status-line hints all read these tables, so help never drifts from behaviour.

use super::action::Action;
use crate::notes::Color;
use crate::EntityKind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which table is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Library,
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
}

impl Mode {
    pub const ALL: [Mode; 12] = [
        Mode::Library,
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
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Library => "Library",
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
        }
    }

    /// Modes where printable keys are typed text rather than commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Filter | Mode::Editor | Mode::Rename
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

const fn b(code: KeyCode, action: Action, desc: &'static str) -> Binding {
    Binding {
        code,
        mods: KeyModifiers::NONE,
        action,
        desc,
        hint: None,
    }
}

const fn c(ch: char, action: Action, desc: &'static str) -> Binding {
    b(KeyCode::Char(ch), action, desc)
}

impl Binding {
    const fn hint(mut self, word: &'static str) -> Binding {
        self.hint = Some(word);
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

const CTRL_C: Binding = c('c', Action::Quit, "quit").ctrl();

/// Keys shared by the article and the sidebar.
const READER_COMMON: &[Binding] = &[
    b(
        KeyCode::Tab,
        Action::ToggleFocus,
        "switch focus: article / entities",
    )
    .hint("focus"),
    c(' ', Action::PageDown, "page down"),
    b(KeyCode::PageDown, Action::PageDown, "page down"),
    c('b', Action::PageUp, "page up"),
    b(KeyCode::PageUp, Action::PageUp, "page up"),
    c(
        'n',
        Action::NextMention,
        "next mention of the selected entity (next match while searching)",
    )
    .hint("next"),
    c(
        'N',
        Action::PrevMention,
        "previous mention of the selected entity (previous match while searching)",
    ),
    c(']', Action::NextAny, "next mention of any entity"),
    c('[', Action::PrevAny, "previous mention of any entity"),
    c(
        'f',
        Action::ToggleFocusMode,
        "focus mode: dim paragraphs without the selected entity",
    ),
    c('\'', Action::NotesList, "list the highlights and notes").hint("notes"),
    c('u', Action::Undo, "undo the last deletion or correction"),
    c(
        'e',
        Action::Export,
        "export the notes to <article>.notes.md (Markdown)",
    ),
    b(KeyCode::Backspace, Action::ToLibrary, "back to the library"),
    c('?', Action::Help, "help").hint("help"),
    c('q', Action::Quit, "quit").hint("quit"),
    CTRL_C,
];

const ARTICLE: &[Binding] = &[
    c('j', Action::ScrollDown, "scroll down a line"),
    b(KeyCode::Down, Action::ScrollDown, "scroll down a line"),
    c('k', Action::ScrollUp, "scroll up a line"),
    b(KeyCode::Up, Action::ScrollUp, "scroll up a line"),
    c('g', Action::Top, "go to the top"),
    b(KeyCode::Home, Action::Top, "go to the top"),
    c('G', Action::Bottom, "go to the end"),
    b(KeyCode::End, Action::Bottom, "go to the end"),
    c('/', Action::StartSearch, "search the text").hint("search"),
    c(
        'v',
        Action::StartSelection,
        "select the current sentence to highlight it",
    )
    .hint("select"),
    c(
        'H',
        Action::QuickHighlight,
        "highlight the current mention's sentence",
    ),
    c(
        'a',
        Action::EditNote,
        "write or edit the note on the highlight under the cursor",
    ),
    c(
        'd',
        Action::Delete,
        "delete the highlight under the cursor (asks first)",
    ),
    c(
        'S',
        Action::Split,
        "split the current mention off into an entity of its own",
    ),
    b(
        KeyCode::Esc,
        Action::Back,
        "end the search, else back to the library",
    ),
];

const SIDEBAR: &[Binding] = &[
    c('j', Action::SelectNext, "select the next entity"),
    b(KeyCode::Down, Action::SelectNext, "select the next entity"),
    c('k', Action::SelectPrev, "select the previous entity"),
    b(
        KeyCode::Up,
        Action::SelectPrev,
        "select the previous entity",
    ),
    c('g', Action::SelectFirst, "select the first entity"),
    b(
        KeyCode::Home,
        Action::SelectFirst,
        "select the first entity",
    ),
    c('G', Action::SelectLast, "select the last entity"),
    b(KeyCode::End, Action::SelectLast, "select the last entity"),
    b(
        KeyCode::Enter,
        Action::JumpToEntity,
        "jump to the entity's first mention",
    )
    .hint("jump"),
    c(
        '1',
        Action::ShowKind(Some(EntityKind::Person)),
        "show people only",
    ),
    c(
        '2',
        Action::ShowKind(Some(EntityKind::Place)),
        "show places only",
    ),
    c(
        '3',
        Action::ShowKind(Some(EntityKind::Organization)),
        "show organizations only",
    ),
    c(
        '4',
        Action::ShowKind(Some(EntityKind::Event)),
        "show events only",
    ),
    c('0', Action::ShowKind(None), "show every kind"),
    c('/', Action::StartFilter, "filter entities by name").hint("filter"),
    c(
        's',
        Action::ToggleSort,
        "sort by first appearance / most mentioned",
    ),
    c(
        'a',
        Action::EditNote,
        "write or edit a note on the selected entity",
    ),
    c(
        'd',
        Action::Delete,
        "delete the selected entity's note (asks first)",
    ),
    c(
        'r',
        Action::Relabel,
        "relabel: person, place, organization or event",
    ),
    c(
        'm',
        Action::Mark,
        "mark the entity; m on another one merges the two",
    ),
    c('R', Action::Rename, "rename the entity"),
    c(
        'x',
        Action::Hide,
        "hide a wrong entity (in the Hidden section: bring it back)",
    ),
    c('X', Action::ToggleHidden, "open / close the Hidden section"),
    b(
        KeyCode::Esc,
        Action::Back,
        "clear the mark or the filters, else back to the article",
    ),
];

const SEARCH: &[Binding] = &[
    b(
        KeyCode::Enter,
        Action::Accept,
        "keep the search: n/N move between matches",
    )
    .hint("keep"),
    b(KeyCode::Esc, Action::Back, "end the search").hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar, "delete a character"),
    CTRL_C,
];

const FILTER: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept, "keep the filter").hint("keep"),
    b(KeyCode::Esc, Action::Back, "clear the filter").hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar, "delete a character"),
    CTRL_C,
];

const SELECT: &[Binding] = &[
    c(
        'j',
        Action::SelectionDown,
        "move the selection's end a sentence down",
    ),
    b(
        KeyCode::Down,
        Action::SelectionDown,
        "move the selection's end a sentence down",
    ),
    c(
        'k',
        Action::SelectionUp,
        "move the selection's end a sentence up",
    ),
    b(
        KeyCode::Up,
        Action::SelectionUp,
        "move the selection's end a sentence up",
    ),
    c(
        'h',
        Action::SaveHighlight,
        "save the selection as a highlight",
    )
    .hint("save"),
    b(
        KeyCode::Enter,
        Action::SaveHighlight,
        "save the selection as a highlight",
    ),
    c('1', Action::SetColor(Color::Yellow), "colour: yellow"),
    c('2', Action::SetColor(Color::Green), "colour: green"),
    c('3', Action::SetColor(Color::Blue), "colour: blue"),
    c('4', Action::SetColor(Color::Pink), "colour: pink"),
    c('5', Action::SetColor(Color::Purple), "colour: purple"),
    c(
        'm',
        Action::SelectMention,
        "select just the current mention (or search match)",
    ),
    c('w', Action::EndWordRight, "move the end a word right"),
    c('b', Action::EndWordLeft, "move the end a word left"),
    c('W', Action::StartWordRight, "move the start a word right"),
    c('B', Action::StartWordLeft, "move the start a word left"),
    c(
        'E',
        Action::MakeEntity,
        "make the selected text an entity (and every other occurrence)",
    )
    .hint("entity"),
    b(KeyCode::Esc, Action::Back, "cancel the selection").hint("cancel"),
    c('?', Action::Help, "help").hint("help"),
    CTRL_C,
];

const EDITOR: &[Binding] = &[
    c('s', Action::Save, "save the note").ctrl().hint("save"),
    b(
        KeyCode::Esc,
        Action::Back,
        "cancel (asks first if the note changed)",
    )
    .hint("cancel"),
    b(KeyCode::Enter, Action::Newline, "new line"),
    b(
        KeyCode::Backspace,
        Action::DeleteChar,
        "delete the character before the cursor",
    ),
    b(
        KeyCode::Delete,
        Action::DeleteForward,
        "delete the character under the cursor",
    ),
    b(KeyCode::Left, Action::CursorLeft, "previous character"),
    b(KeyCode::Right, Action::CursorRight, "next character"),
    b(KeyCode::Left, Action::WordLeft, "previous word").ctrl(),
    c('b', Action::WordLeft, "previous word").alt(),
    b(KeyCode::Right, Action::WordRight, "next word").ctrl(),
    c('f', Action::WordRight, "next word").alt(),
    b(KeyCode::Up, Action::CursorUp, "line up"),
    b(KeyCode::Down, Action::CursorDown, "line down"),
    b(KeyCode::Home, Action::LineStart, "start of the line"),
    b(KeyCode::End, Action::LineEnd, "end of the line"),
    CTRL_C,
];

const NOTES: &[Binding] = &[
    c('j', Action::SelectNext, "next item"),
    b(KeyCode::Down, Action::SelectNext, "next item"),
    c('k', Action::SelectPrev, "previous item"),
    b(KeyCode::Up, Action::SelectPrev, "previous item"),
    c('g', Action::SelectFirst, "first item"),
    b(KeyCode::Home, Action::SelectFirst, "first item"),
    c('G', Action::SelectLast, "last item"),
    b(KeyCode::End, Action::SelectLast, "last item"),
    b(KeyCode::Enter, Action::Accept, "go there").hint("go"),
    c('a', Action::EditNote, "write or edit its note").hint("note"),
    c('d', Action::Delete, "delete it (asks first)"),
    c('u', Action::Undo, "undo the last deletion"),
    b(KeyCode::Esc, Action::Back, "close the list").hint("close"),
    c('\'', Action::Back, "close the list"),
    c('q', Action::Back, "close the list"),
    c('?', Action::Help, "help").hint("help"),
    CTRL_C,
];

const CONFIRM: &[Binding] = &[
    c('y', Action::Yes, "yes").hint("yes"),
    c('n', Action::No, "no").hint("no"),
    b(KeyCode::Esc, Action::Back, "no"),
    c('?', Action::Help, "help"),
    CTRL_C,
];

const KIND: &[Binding] = &[
    c('p', Action::PickKind(EntityKind::Person), "person").hint("person"),
    c('1', Action::PickKind(EntityKind::Person), "person"),
    c('l', Action::PickKind(EntityKind::Place), "place").hint("place"),
    c('2', Action::PickKind(EntityKind::Place), "place"),
    c(
        'o',
        Action::PickKind(EntityKind::Organization),
        "organization",
    )
    .hint("organization"),
    c(
        '3',
        Action::PickKind(EntityKind::Organization),
        "organization",
    ),
    c('e', Action::PickKind(EntityKind::Event), "event").hint("event"),
    c('4', Action::PickKind(EntityKind::Event), "event"),
    b(KeyCode::Esc, Action::Back, "cancel").hint("cancel"),
    c('?', Action::Help, "help"),
    CTRL_C,
];

const RENAME: &[Binding] = &[
    b(KeyCode::Enter, Action::Accept, "rename the entity").hint("rename"),
    b(KeyCode::Esc, Action::Back, "cancel").hint("cancel"),
    b(KeyCode::Backspace, Action::DeleteChar, "delete a character"),
    c('u', Action::ClearInput, "clear the line").ctrl(),
    CTRL_C,
];

const HELP: &[Binding] = &[
    b(KeyCode::Esc, Action::Back, "close the help").hint("close"),
    c('q', Action::Back, "close the help"),
    c('?', Action::Back, "close the help"),
    c('j', Action::ScrollDown, "scroll down"),
    b(KeyCode::Down, Action::ScrollDown, "scroll down"),
    c('k', Action::ScrollUp, "scroll up"),
    b(KeyCode::Up, Action::ScrollUp, "scroll up"),
    CTRL_C,
];

const LIBRARY: &[Binding] = &[
    c('j', Action::SelectNext, "select the next article"),
    b(KeyCode::Down, Action::SelectNext, "select the next article"),
    c('k', Action::SelectPrev, "select the previous article"),
    b(
        KeyCode::Up,
        Action::SelectPrev,
        "select the previous article",
    ),
    c('g', Action::SelectFirst, "select the first article"),
    b(
        KeyCode::Home,
        Action::SelectFirst,
        "select the first article",
    ),
    c('G', Action::SelectLast, "select the last article"),
    b(KeyCode::End, Action::SelectLast, "select the last article"),
    b(KeyCode::Enter, Action::Open, "open the article").hint("open"),
    c('?', Action::Help, "help").hint("help"),
    c('q', Action::Quit, "quit").hint("quit"),
    CTRL_C,
];

/// Every binding of a mode, in the order help lists them.
pub fn bindings(mode: Mode) -> Vec<&'static Binding> {
    let (own, common): (&[Binding], &[Binding]) = match mode {
        Mode::Library => (LIBRARY, &[]),
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

/// The action a key press means in a mode. In text modes, printable keys that are
/// not bound are typed.
pub fn lookup(mode: Mode, key: &KeyEvent) -> Option<Action> {
    let (code, mods) = normalize(key);
    if let Some(binding) = bindings(mode)
        .into_iter()
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

/// The help overlay's lines for a mode: consecutive bindings with the same action
/// and description share a line.
pub fn help_rows(mode: Mode) -> Vec<HelpRow> {
    let mut rows: Vec<(Action, HelpRow)> = Vec::new();
    for bd in bindings(mode) {
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

/// The status-line hints of a mode: `(key, word)`, help first, then in table order
/// (the status line keeps as many as fit, from the first).
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut hints: Vec<_> = bindings(mode)
        .into_iter()
        .filter_map(|bd| bd.hint.map(|h| (bd.action, bd.label(), h)))
        .collect();
    hints.sort_by_key(|(action, _, _)| *action != Action::Help);
    hints.into_iter().map(|(_, key, h)| (key, h)).collect()
}
