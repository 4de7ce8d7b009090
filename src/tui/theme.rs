//! Every style the reader draws with. `NO_COLOR` is handled here and nowhere else:
//! without colour, each entity kind keeps a cue of its own (bold, italic,
//! bold italic, underline) and selection falls back on reverse video.

use crate::notes::Color as Hue;
use crate::EntityKind;
use ratatui::style::{Color, Modifier, Style};
use std::ffi::OsString;

/// The colours the config file can change: the four kinds (in the order of
/// `EntityKind::ALL`), the kinds inside a highlight, and the highlights'
/// backgrounds (in the order of the notes' colours, keys `1`-`5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub kinds: [Color; 4],
    pub kinds_on_highlight: [Color; 4],
    pub highlights: [Color; 5],
}

impl Default for Palette {
    /// Mid-tone 256-colour entries for the kinds, legible on dark and on light
    /// backgrounds alike; darker tones of them on the highlights' light
    /// backgrounds, so every kind stays readable on every highlight (contrast at
    /// least 4.5:1, checked in a test).
    fn default() -> Palette {
        Palette {
            kinds: [
                Color::Indexed(33),
                Color::Indexed(34),
                Color::Indexed(166),
                Color::Indexed(133),
            ],
            kinds_on_highlight: [
                Color::Indexed(19),
                Color::Indexed(22),
                Color::Indexed(88),
                Color::Indexed(90),
            ],
            highlights: [
                Color::Indexed(229),
                Color::Indexed(194),
                Color::Indexed(189),
                Color::Indexed(224),
                Color::Indexed(225),
            ],
        }
    }
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

fn hue_index(hue: Hue) -> usize {
    Hue::ALL.iter().position(|&h| h == hue).unwrap_or(0)
}

/// The styles of one run of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    palette: Palette,
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
            palette: Palette::default(),
        }
    }

    pub fn colored() -> Theme {
        Theme {
            color: true,
            palette: Palette::default(),
        }
    }

    pub fn no_color() -> Theme {
        Theme {
            color: false,
            palette: Palette::default(),
        }
    }

    pub fn has_color(self) -> bool {
        self.color
    }

    /// The theme with the config file's colours.
    pub fn with_palette(mut self, palette: Palette) -> Theme {
        self.palette = palette;
        self
    }

    pub fn palette(self) -> Palette {
        self.palette
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color {
            style.fg(color)
        } else {
            style
        }
    }

    /// The colour of a kind.
    fn kind_color(self, kind: EntityKind) -> Color {
        self.palette.kinds[kind_index(kind)]
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

    /// The colour of a kind on a highlight's light background.
    fn kind_color_on_highlight(self, kind: EntityKind) -> Color {
        self.palette.kinds_on_highlight[kind_index(kind)]
    }

    /// A mention inside a highlight or the selection being made.
    pub fn kind_on_highlight(self, kind: EntityKind) -> Style {
        let style = Style::new().add_modifier(Theme::kind_cue(kind));
        self.fg(style, self.kind_color_on_highlight(kind))
    }

    /// The colours a test checks for contrast: each highlight background, and
    /// each kind's colour on it (the default palette).
    pub fn highlight_palette() -> Vec<(Color, Vec<Color>)> {
        let p = Palette::default();
        p.highlights
            .iter()
            .map(|&bg| (bg, p.kinds_on_highlight.to_vec()))
            .collect()
    }

    /// A mention of an entity of this kind (also the legend swatch).
    pub fn kind(self, kind: EntityKind) -> Style {
        let style = Style::new().add_modifier(Theme::kind_cue(kind));
        self.fg(style, self.kind_color(kind))
    }

    /// A kind label after a mention (`L`): the kind's colour, dimmed without
    /// colour so the label reads as an aside.
    pub fn kind_label(self, kind: EntityKind) -> Style {
        if self.color {
            Style::new().fg(self.kind_color(kind))
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
        self.fg(Style::new(), self.kind_color(kind))
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
    fn hue_bg(self, hue: Hue) -> Color {
        self.palette.highlights[hue_index(hue)]
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
            Style::new().fg(Color::Black).bg(self.hue_bg(hue))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The sentences being selected. Without colour: reverse video.
    pub fn selection(self, hue: Hue) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(self.hue_bg(hue))
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
