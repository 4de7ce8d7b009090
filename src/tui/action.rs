//! Everything a user can do in the reader. Keys map to actions through the keymap
//! table; mouse and resize events become actions in the event loop.

use crate::notes::Color;
use crate::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Esc: leave the current mode (end a search, clear a filter, close the help...).
    Back,
    /// Back to the library list, when the article was opened from it.
    ToLibrary,
    Help,

    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
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
    ToggleFocusMode,

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
