//! Everything a user can do in the reader. Keys map to actions through the keymap
//! table; mouse and resize events become actions in the event loop.

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
