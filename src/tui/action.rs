//! Everything a user can do in the reader, each with its doc ([`Action::doc`]),
//! written once: the keymap tables, the help overlay and the status-line hints
//! read it. Keys map to actions through the keymap table; mouse and resize events
//! become actions in the event loop.

use crate::notes::Color;
use crate::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Feeds: mark the selected item read or unread.
    ToggleRead,
    /// Feeds: open the selected item's original page in the browser.
    OpenOriginal,
    /// Feeds: fetch the feeds now.
    UpdateFeeds,
    /// Esc: leave the current mode (end a search, clear a filter, close the help...).
    Back,
    /// Back to the library list, when the article was opened from it.
    ToLibrary,
    Help,

    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    /// `Ctrl-d`/`Ctrl-u`: half a page.
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,

    /// Tab: article <-> sidebar.
    ToggleFocus,
    /// In a list (sidebar, library): move the selection.
    SelectNext,
    SelectPrev,
    SelectFirst,
    SelectLast,
    /// Sidebar Enter: jump to the selected entity's first mention.
    JumpToEntity,
    /// Sidebar `1`-`4` and `0`: one kind, or all.
    ShowKind(Option<EntityKind>),
    /// Sidebar `/`: filter entities by name.
    StartFilter,
    ToggleSort,

    /// Article `/`: incremental search.
    StartSearch,
    /// `n`/`N`: the selected entity's next/previous mention (or search match).
    NextMention,
    PrevMention,
    /// `]`/`[`: the next/previous mention of any entity.
    NextAny,
    PrevAny,
    /// `}`/`{`: the next/previous highlight (it becomes the current one).
    NextHighlight,
    PrevHighlight,
    ToggleFocusMode,
    /// `L`: a short kind tag after each mention (`[per]`, `[loc]`...).
    ToggleLabels,
    /// `y`: copy the current highlight (or sentence) with its source line.
    Copy,

    /// Library Enter.
    Open,

    /// Typing into the search or filter line.
    Input(char),
    DeleteChar,
    Accept,

    /// Article `v`: select the current sentence.
    StartSelection,
    /// Article `H`: highlight the current mention's sentence at once.
    QuickHighlight,
    /// Selection `j`/`k`: move the selection's moving end a sentence down or up.
    SelectionDown,
    SelectionUp,
    /// Selection `h`/Enter: save it as a highlight.
    SaveHighlight,
    /// Selection `1`-`5`: the highlight's colour.
    SetColor(Color),
    /// `a`: write or edit the note on the highlight under the cursor, the
    /// selected entity, or the list's item.
    EditNote,
    /// `d`: delete the highlight or note under the cursor (asks first).
    Delete,
    /// `u`: undo the last deletion.
    Undo,
    /// `'`: the list of highlights and notes.
    NotesList,
    /// `e`: export the notes to Markdown.
    Export,
    /// `w`: the other articles that mention the selected entity.
    WhereElse,
    /// Library `E`: every entity of the library.
    LibraryEntities,

    /// Sidebar `r`: choose another kind for the selected entity.
    Relabel,
    /// The kind picker (`r`, selection `E`): the kind chosen.
    PickKind(EntityKind),
    /// Sidebar `m`: mark the selected entity; on another one, merge the two.
    Mark,
    /// Sidebar `R`: rename the selected entity.
    Rename,
    /// Sidebar `x`: hide the selected entity; in the Hidden section, bring it back.
    Hide,
    /// Sidebar `X`: open or close the Hidden section.
    ToggleHidden,
    /// Article `S`: split the current mention off into an entity of its own.
    Split,
    /// Selection `E`: make the selected text an entity (every occurrence).
    MakeEntity,
    /// Selection `m`: select just the current mention (or search match).
    SelectMention,
    /// Selection `w`/`b`: move the selection's end a word right/left.
    EndWordRight,
    EndWordLeft,
    /// Selection `W`/`B`: move the selection's start a word right/left.
    StartWordRight,
    StartWordLeft,
    /// Rename line `Ctrl+u`: clear it.
    ClearInput,
    /// Note editor.
    Save,
    Newline,
    DeleteForward,
    CursorLeft,
    CursorRight,
    WordLeft,
    WordRight,
    CursorUp,
    CursorDown,
    LineStart,
    LineEnd,
    /// Answers to a question.
    Yes,
    No,

    Resize(u16, u16),
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
}

impl Action {
    /// The command's name in the config file's `[keys.<mode>]` tables (and in
    /// `glose --print-config`); `None` for what no key can be bound to.
    pub const fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::ToggleRead => "toggle_read",
            Action::OpenOriginal => "open_original",
            Action::UpdateFeeds => "update_feeds",
            Action::Back => "back",
            Action::ToLibrary => "to_library",
            Action::Help => "help",
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::ToggleFocus => "toggle_focus",
            Action::SelectNext => "select_next",
            Action::SelectPrev => "select_prev",
            Action::SelectFirst => "select_first",
            Action::SelectLast => "select_last",
            Action::JumpToEntity => "jump_to_entity",
            Action::ShowKind(Some(EntityKind::Person)) => "show_people",
            Action::ShowKind(Some(EntityKind::Place)) => "show_places",
            Action::ShowKind(Some(EntityKind::Organization)) => "show_organizations",
            Action::ShowKind(Some(EntityKind::Event)) => "show_events",
            Action::ShowKind(None) => "show_all",
            Action::StartFilter => "filter",
            Action::ToggleSort => "toggle_sort",
            Action::StartSearch => "search",
            Action::NextMention => "next_mention",
            Action::PrevMention => "prev_mention",
            Action::NextAny => "next_any",
            Action::PrevAny => "prev_any",
            Action::NextHighlight => "next_highlight",
            Action::PrevHighlight => "prev_highlight",
            Action::ToggleFocusMode => "focus_mode",
            Action::ToggleLabels => "kind_labels",
            Action::Copy => "copy",
            Action::WhereElse => "where_else",
            Action::LibraryEntities => "library_entities",
            Action::Open => "open",
            Action::DeleteChar => "delete_char",
            Action::Accept => "accept",
            Action::StartSelection => "select",
            Action::QuickHighlight => "quick_highlight",
            Action::SelectionDown => "selection_down",
            Action::SelectionUp => "selection_up",
            Action::SaveHighlight => "save_highlight",
            Action::SetColor(Color::Yellow) => "color_yellow",
            Action::SetColor(Color::Green) => "color_green",
            Action::SetColor(Color::Blue) => "color_blue",
            Action::SetColor(Color::Pink) => "color_pink",
            Action::SetColor(Color::Purple) => "color_purple",
            Action::EditNote => "edit_note",
            Action::Delete => "delete",
            Action::Undo => "undo",
            Action::NotesList => "notes_list",
            Action::Export => "export",
            Action::Relabel => "relabel",
            Action::PickKind(EntityKind::Person) => "person",
            Action::PickKind(EntityKind::Place) => "place",
            Action::PickKind(EntityKind::Organization) => "organization",
            Action::PickKind(EntityKind::Event) => "event",
            Action::Mark => "mark",
            Action::Rename => "rename",
            Action::Hide => "hide",
            Action::ToggleHidden => "toggle_hidden",
            Action::Split => "split",
            Action::MakeEntity => "make_entity",
            Action::SelectMention => "select_mention",
            Action::EndWordRight => "end_word_right",
            Action::EndWordLeft => "end_word_left",
            Action::StartWordRight => "start_word_right",
            Action::StartWordLeft => "start_word_left",
            Action::ClearInput => "clear_line",
            Action::Save => "save",
            Action::Newline => "newline",
            Action::DeleteForward => "delete_forward",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::WordLeft => "word_left",
            Action::WordRight => "word_right",
            Action::CursorUp => "cursor_up",
            Action::CursorDown => "cursor_down",
            Action::LineStart => "line_start",
            Action::LineEnd => "line_end",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Input(_) | Action::Resize(..) | Action::Click { .. } | Action::Wheel { .. } => {
                return None
            }
        })
    }

    /// What the action does, as help lists it (a mode's keymap may say it more
    /// precisely for that mode). Exhaustive: a new action gets its doc here.
    pub const fn doc(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleRead => "mark the item read / unread",
            Action::OpenOriginal => "open the original page in the browser",
            Action::UpdateFeeds => "update the feeds",
            Action::ToggleFocus => "switch focus: article / entities",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::NextHighlight => "next highlight (d and a act on it)",
            Action::PrevHighlight => "previous highlight",
            Action::NextMention => {
                "next mention of the selected entity (next match while searching)"
            }
            Action::PrevMention => {
                "previous mention of the selected entity (previous match while searching)"
            }
            Action::NextAny => "next mention of any entity",
            Action::PrevAny => "previous mention of any entity",
            Action::ToggleFocusMode => "focus mode: dim paragraphs without the selected entity",
            Action::ToggleLabels => "kind labels after each mention: [per] [loc] [org] [evt]",
            Action::Copy => "copy the current highlight (or sentence) and its source",
            Action::NotesList => "list the highlights and notes",
            Action::Undo => "undo the last deletion or correction",
            Action::Export => "export the notes to <article>.notes.md (Markdown)",
            Action::WhereElse => "where else: the other articles that mention the selected entity",
            Action::LibraryEntities => {
                "the library's entities: people, places, organizations, events"
            }
            Action::ToLibrary => "back: to the article a jump came from, else to the library",
            Action::Help => "help",
            Action::ScrollDown => "scroll down a line",
            Action::ScrollUp => "scroll up a line",
            Action::Top => "go to the top",
            Action::Bottom => "go to the end",
            Action::StartSearch => "search the text",
            Action::StartSelection => "select the current sentence to highlight it",
            Action::QuickHighlight => "highlight the current mention's sentence",
            Action::EditNote => "write or edit a note",
            Action::Delete => "delete (asks first)",
            Action::Split => "split the current mention off into an entity of its own",
            Action::Back => "back: close, cancel or clear",
            Action::SelectNext => "next item",
            Action::SelectPrev => "previous item",
            Action::SelectFirst => "first item",
            Action::SelectLast => "last item",
            Action::JumpToEntity => "jump to the entity's first mention",
            Action::ShowKind(Some(EntityKind::Person)) => "show people only",
            Action::ShowKind(Some(EntityKind::Place)) => "show places only",
            Action::ShowKind(Some(EntityKind::Organization)) => "show organizations only",
            Action::ShowKind(Some(EntityKind::Event)) => "show events only",
            Action::ShowKind(None) => "show every kind",
            Action::StartFilter => "filter entities by name",
            Action::ToggleSort => "sort by first appearance / most mentioned",
            Action::Relabel => "relabel: person, place, organization or event",
            Action::Mark => "mark the entity; m on another one merges the two",
            Action::Rename => "rename the entity",
            Action::Hide => "hide a wrong entity (in the Hidden section: bring it back)",
            Action::ToggleHidden => "open / close the Hidden section",
            Action::Accept => "accept what is typed",
            Action::DeleteChar => "delete the character before the cursor",
            Action::SelectionDown => "move the selection's end a sentence down",
            Action::SelectionUp => "move the selection's end a sentence up",
            Action::SaveHighlight => "save the selection as a highlight",
            Action::SetColor(Color::Yellow) => "colour: yellow",
            Action::SetColor(Color::Green) => "colour: green",
            Action::SetColor(Color::Blue) => "colour: blue",
            Action::SetColor(Color::Pink) => "colour: pink",
            Action::SetColor(Color::Purple) => "colour: purple",
            Action::SelectMention => "select just the current mention (or search match)",
            Action::EndWordRight => "move the end a word right",
            Action::EndWordLeft => "move the end a word left",
            Action::StartWordRight => "move the start a word right",
            Action::StartWordLeft => "move the start a word left",
            Action::MakeEntity => "make the selected text an entity (and every other occurrence)",
            Action::Save => "save the note",
            Action::Newline => "new line",
            Action::DeleteForward => "delete the character under the cursor",
            Action::CursorLeft => "previous character",
            Action::CursorRight => "next character",
            Action::WordLeft => "previous word",
            Action::WordRight => "next word",
            Action::CursorUp => "line up",
            Action::CursorDown => "line down",
            Action::LineStart => "start of the line",
            Action::LineEnd => "end of the line",
            Action::Yes => "yes",
            Action::No => "no",
            Action::PickKind(EntityKind::Person) => "person",
            Action::PickKind(EntityKind::Place) => "place",
            Action::PickKind(EntityKind::Organization) => "organization",
            Action::PickKind(EntityKind::Event) => "event",
            Action::ClearInput => "clear the line",
            Action::Open => "open the article",
            Action::Input(_) => "type a character",
            Action::Resize(..) => "the terminal changed size",
            Action::Click { .. } => "click: select what is under the pointer",
            Action::Wheel { .. } => "scroll with the wheel",
        }
    }
}
