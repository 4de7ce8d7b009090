//! Every style the reader draws with. `NO_COLOR` is handled here and nowhere else:
//! without colour, each entity kind keeps a cue of its own (bold, italic,
//! bold italic, underline) and selection falls back on reverse video.

use crate::notes::Color as Hue;
use crate::EntityKind;
use ratatui::style::{Color, Modifier, Style};
use std::ffi::OsString;

/// The styles of one run of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub fn from_env() -> Theme {
        Theme::from_no_color(std::env::var_os("NO_COLOR"))
    }

    /// The decision `from_env` makes, given the value of `NO_COLOR`.
    pub fn from_no_color(value: Option<OsString>) -> Theme {
        Theme {
            color: value.is_none_or(|v| v.is_empty()),
        }
    }

    pub fn colored() -> Theme {
        Theme { color: true }
    }

    pub fn no_color() -> Theme {
        Theme { color: false }
    }

    pub fn has_color(self) -> bool {
        self.color
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color {
            style.fg(color)
        } else {
            style
        }
    }

    /// The colour of a kind: mid-tone 256-colour entries, legible on dark and on
    /// light backgrounds alike.
    fn kind_color(kind: EntityKind) -> Color {
        match kind {
            EntityKind::Person => Color::Indexed(33),
            EntityKind::Place => Color::Indexed(34),
            EntityKind::Organization => Color::Indexed(166),
            EntityKind::Event => Color::Indexed(133),
        }
    }

    /// The cue that tells a kind apart without colour.
    fn kind_cue(kind: EntityKind) -> Modifier {
        match kind {
            EntityKind::Person => Modifier::BOLD,
            EntityKind::Place => Modifier::ITALIC,
            EntityKind::Organization => Modifier::BOLD | Modifier::ITALIC,
            EntityKind::Event => Modifier::UNDERLINED,
        }
    }

    /// The colour of a kind on a highlight's light background: a darker tone of
    /// it, so every kind stays readable on every highlight (contrast at least
    /// 4.5:1, checked in a test).
    fn kind_color_on_highlight(kind: EntityKind) -> Color {
        match kind {
            EntityKind::Person => Color::Indexed(19),
            EntityKind::Place => Color::Indexed(22),
            EntityKind::Organization => Color::Indexed(88),
            EntityKind::Event => Color::Indexed(90),
        }
    }

    /// A mention inside a highlight or the selection being made.
    pub fn kind_on_highlight(self, kind: EntityKind) -> Style {
        let style = Style::new().add_modifier(Theme::kind_cue(kind));
        self.fg(style, Theme::kind_color_on_highlight(kind))
    }

    /// The colours a test checks for contrast: each highlight background, and
    /// each kind's colour on it.
    pub fn highlight_palette() -> Vec<(Color, Vec<Color>)> {
        Hue::ALL
            .iter()
            .map(|&h| {
                (
                    Theme::hue_bg(h),
                    EntityKind::ALL
                        .iter()
                        .map(|&k| Theme::kind_color_on_highlight(k))
                        .collect(),
                )
            })
            .collect()
    }

    /// A mention of an entity of this kind (also the legend swatch).
    pub fn kind(self, kind: EntityKind) -> Style {
        let style = Style::new().add_modifier(Theme::kind_cue(kind));
        self.fg(style, Theme::kind_color(kind))
    }

    /// A kind label after a mention (`L`): the kind's colour, dimmed without
    /// colour so the label reads as an aside.
    pub fn kind_label(self, kind: EntityKind) -> Style {
        if self.color {
            Style::new().fg(Theme::kind_color(kind))
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Added over a mention of the selected entity.
    pub fn selected_mention(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Added over the current mention (the one `n`, `]` or a click landed on).
    pub fn current_mention(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(220))
                .add_modifier(Modifier::BOLD)
                .remove_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn search_match(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(186))
                .remove_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn search_current(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(208))
                .add_modifier(Modifier::BOLD)
                .remove_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn caption(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Paragraphs without the selected entity, in focus mode.
    pub fn unfocused_block(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The mention map's rows that the screen shows.
    pub fn map_thumb(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(240))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A mark on the mention map: the selected entity's kind.
    pub fn map_mark(self, kind: EntityKind) -> Style {
        self.fg(Style::new(), Theme::kind_color(kind))
    }

    /// The mention map's mark of the current mention.
    pub fn map_current(self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD),
            Color::Indexed(208),
        )
    }

    /// The marker in the left margin of the line holding the current mention or match.
    pub fn margin_marker(self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD),
            Color::Indexed(208),
        )
    }

    pub fn title_bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn status(self) -> Style {
        Style::new()
    }

    pub fn message(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn hint_key(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn hint_text(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(
                Style::new().add_modifier(Modifier::BOLD),
                Color::Indexed(33),
            )
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn section_header(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A feed item not read yet.
    pub fn unread(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list (sidebar, library), when the list has focus.
    pub fn row_selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn help_key(self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD),
            Color::Indexed(33),
        )
    }

    pub fn input(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A highlight colour's background: light tones, under dark text (entity
    /// colours stay legible on them).
    fn hue_bg(hue: Hue) -> Color {
        match hue {
            Hue::Yellow => Color::Indexed(229),
            Hue::Green => Color::Indexed(194),
            Hue::Blue => Color::Indexed(189),
            Hue::Pink => Color::Indexed(224),
            Hue::Purple => Color::Indexed(225),
        }
    }

    /// A highlight colour as a foreground (list swatches, margin bars).
    fn hue_fg(hue: Hue) -> Color {
        match hue {
            Hue::Yellow => Color::Indexed(220),
            Hue::Green => Color::Indexed(114),
            Hue::Blue => Color::Indexed(75),
            Hue::Pink => Color::Indexed(211),
            Hue::Purple => Color::Indexed(141),
        }
    }

    /// Highlighted text, drawn under the entity styles. Without colour: reverse
    /// video, a cue of its own (events are underlined), besides the margin bar.
    pub fn highlight(self, hue: Hue) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Theme::hue_bg(hue))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The sentences being selected. Without colour: reverse video.
    pub fn selection(self, hue: Hue) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Theme::hue_bg(hue))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A swatch or margin bar in a highlight's colour.
    pub fn swatch(self, hue: Hue) -> Style {
        self.fg(Style::new(), Theme::hue_fg(hue))
    }

    /// A note shown under the article.
    pub fn note_text(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The cursor in the note editor.
    pub fn text_cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
