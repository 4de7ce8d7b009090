//! The config file, `$XDG_CONFIG_HOME/glose/config.toml` (else
//! `~/.config/glose/config.toml`): keys per mode by command name, the colours of
//! the four kinds and of the highlights, the sidebar's default order.
//!
//! Read as TOML with the `toml` crate (serde) into a table, then setting by
//! setting, so that one bad line costs only that setting: it is reported (a
//! warning for the status line) and its default kept, never a crash (gitui's key
//! config is the model). [`defaults`] writes the complete file with every
//! default (`glose --print-config`); reading it back changes nothing.

use super::keymap::{config_label, parse_key, Key, Keymap, Mode};
use super::reader::Sort;
use super::theme::Palette;
use ratatui::style::Color;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::str::FromStr;
use toml::{Table, Value};

/// What the config file sets; `Config::default()` is what glose does without one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    pub sort: Sort,
}

/// Where the config file is: `$XDG_CONFIG_HOME/glose/config.toml`, else
/// `~/.config/glose/config.toml`.
pub fn path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("glose").join("config.toml"))
}

/// The config file read, with a warning for each setting it could not use. No
/// file: the defaults, without a warning.
pub fn load() -> (Config, Vec<String>) {
    let Some(path) = path() else {
        return (Config::default(), Vec::new());
    };
    match read_capped(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!(
                "{}: {e}; using the defaults",
                crate::text::escape_line(&path.display().to_string())
            )],
        ),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text),
            Err(_) => (
                Config::default(),
                vec!["config.toml is not UTF-8; using the defaults".into()],
            ),
        },
    }
}

/// The largest config file read: the complete defaults are about 8 KB.
const MAX_BYTES: u64 = 1 << 20;

/// The file's bytes, refusing one larger than [`MAX_BYTES`] (a config path
/// pointing at a huge file or a device must not stall the reader's start).
fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(std::io::Error::other("larger than 1 MiB"));
    }
    Ok(bytes)
}

/// Reads a config file's text: every setting it can use, and a warning (with
/// its line) for each it cannot, whose default stays.
pub fn parse(text: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let table: Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let at = line.map_or(String::new(), |l| format!(" line {l}"));
            let msg = e.message().lines().next().unwrap_or("").to_string();
            warnings.push(clean(&format!(
                "config.toml{at}: {msg}; using the defaults"
            )));
            return (config, warnings);
        }
    };
    let lines = Lines::of(text);
    let mut warn = |section: &str, key: &str, what: String| {
        let line = lines.find(section, key);
        let at = line.map_or(String::new(), |l| format!(" line {l}"));
        let name = if section.is_empty() {
            key.to_string()
        } else if key.is_empty() {
            section.to_string()
        } else {
            format!("{section}.{key}")
        };
        warnings.push(clean(&format!("config.toml{at}: {name}: {what}")));
    };
    for (name, value) in &table {
        match (name.as_str(), value) {
            ("sidebar", Value::Table(t)) => sidebar(&mut config, t, &mut warn),
            ("colors", Value::Table(t)) => colors(&mut config.palette, t, &mut warn),
            ("keys", Value::Table(t)) => keys(&mut config.keymap, t, &mut warn),
            ("sidebar" | "colors" | "keys", _) => warn("", name, "should be a table".into()),
            _ => warn("", name, "unknown setting (ignored)".into()),
        }
    }
    (config, warnings)
}

/// One line, for the status line: untrusted text from the file escaped.
fn clean(s: &str) -> String {
    crate::text::escape_line(s)
}

type Warn<'a> = dyn FnMut(&str, &str, String) + 'a;

fn sidebar(config: &mut Config, t: &Table, warn: &mut Warn) {
    for (key, value) in t {
        match (key.as_str(), value.as_str()) {
            ("order", Some("first")) => config.sort = Sort::FirstAppearance,
            ("order", Some("mentions")) => config.sort = Sort::MostMentioned,
            ("order", _) => warn(
                "sidebar",
                key,
                format!("{value} is not \"first\" or \"mentions\"; kept \"first\""),
            ),
            _ => warn("sidebar", key, "unknown setting (ignored)".into()),
        }
    }
}

const KIND_NAMES: [&str; 4] = ["person", "place", "organization", "event"];
const HUE_NAMES: [&str; 5] = ["yellow", "green", "blue", "pink", "purple"];

fn colors(p: &mut Palette, t: &Table, warn: &mut Warn) {
    for (key, value) in t {
        match (key.as_str(), value) {
            ("on_highlight", Value::Table(sub)) => set_colors(
                &mut p.kinds_on_highlight,
                &KIND_NAMES,
                "colors.on_highlight",
                sub,
                warn,
            ),
            ("highlight", Value::Table(sub)) => {
                set_colors(&mut p.highlights, &HUE_NAMES, "colors.highlight", sub, warn)
            }
            ("on_highlight" | "highlight", _) => warn("colors", key, "should be a table".into()),
            _ => {
                let mut one = Table::new();
                one.insert(key.clone(), value.clone());
                set_colors(&mut p.kinds, &KIND_NAMES, "colors", &one, warn);
            }
        }
    }
}

fn set_colors<const N: usize>(
    slots: &mut [Color; N],
    names: &[&str; N],
    section: &str,
    t: &Table,
    warn: &mut Warn,
) {
    for (key, value) in t {
        let Some(i) = names.iter().position(|n| n == key) else {
            warn(
                section,
                key,
                format!("unknown setting (ignored; one of {})", names.join(", ")),
            );
            continue;
        };
        match parse_color(value) {
            Some(c) => slots[i] = c,
            None => warn(
                section,
                key,
                format!(
                    "{value} is not a colour (a name, a number 0-255 or \"#rrggbb\"); kept \"{}\"",
                    color_text(slots[i])
                ),
            ),
        }
    }
}

/// A colour: a 256-colour number (`33` or `"33"`), `"#rrggbb"` or a name
/// (`"red"`, `"light-blue"`...), as ratatui reads them.
fn parse_color(v: &Value) -> Option<Color> {
    match v {
        Value::Integer(n) => u8::try_from(*n).ok().map(Color::Indexed),
        Value::String(s) => match s.trim().parse::<u8>() {
            Ok(n) => Some(Color::Indexed(n)),
            Err(_) => Color::from_str(s.trim()).ok(),
        },
        _ => None,
    }
}

/// A colour as the config file writes it (read back by [`parse_color`]).
fn color_text(c: Color) -> String {
    match c {
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => other.to_string().to_lowercase(),
    }
}

fn keys(keymap: &mut Keymap, t: &Table, warn: &mut Warn) {
    for (mode_name, value) in t {
        let section = format!("keys.{mode_name}");
        let Some(mode) = Mode::ALL.into_iter().find(|m| m.config_name() == mode_name) else {
            let names: Vec<&str> = Mode::ALL.iter().map(|m| m.config_name()).collect();
            warn(
                "keys",
                mode_name,
                format!("no such mode (ignored; one of {})", names.join(", ")),
            );
            continue;
        };
        let Value::Table(commands) = value else {
            warn("keys", mode_name, "should be a table".into());
            continue;
        };
        // The keys this file gave in this mode, and to which command.
        let mut given: Vec<(Key, String)> = Vec::new();
        for (name, keys) in commands {
            let Some(action) = keymap
                .commands(mode)
                .into_iter()
                .map(|(a, ..)| a)
                .find(|a| a.name() == Some(name.as_str()))
            else {
                let elsewhere: Vec<&str> = Mode::ALL
                    .into_iter()
                    .filter(|&m| {
                        keymap
                            .commands(m)
                            .iter()
                            .any(|(a, ..)| a.name() == Some(name.as_str()))
                    })
                    .map(|m| m.config_name())
                    .collect();
                let what = if elsewhere.is_empty() {
                    format!("no such command in the {mode_name} keys (ignored; `glose --print-config` lists them)")
                } else {
                    format!(
                        "not a command of the {mode_name} keys (ignored; it is one of the {} keys)",
                        elsewhere.join(", ")
                    )
                };
                warn(&section, name, what);
                continue;
            };
            let list: Vec<&Value> = match keys {
                Value::String(_) => vec![keys],
                Value::Array(a) => a.iter().collect(),
                _ => {
                    warn(
                        &section,
                        name,
                        "should be a key or a list of keys; kept the default".into(),
                    );
                    continue;
                }
            };
            let mut parsed = Vec::new();
            let mut bad = None;
            for k in list {
                match k.as_str().map(parse_key) {
                    Some(Ok(key)) => {
                        if let Some((_, other)) = given.iter().find(|(g, _)| *g == key) {
                            bad = Some(format!(
                                "{} is already given to {other}; kept the default",
                                config_label(key.0, key.1)
                            ));
                        } else if !parsed.contains(&key) {
                            parsed.push(key);
                        }
                    }
                    Some(Err(e)) => bad = Some(format!("{e}; kept the default")),
                    None => bad = Some(format!("{k} is not a key; kept the default")),
                }
            }
            if let Some(what) = bad {
                warn(&section, name, what);
                continue;
            }
            match keymap.rebind(mode, action, &parsed) {
                Ok(()) => given.extend(parsed.into_iter().map(|k| (k, name.clone()))),
                Err(e) => warn(&section, name, e),
            }
        }
    }
}

/// Where each `[section]` and `key =` is in the file, for the warnings' line numbers.
struct Lines {
    /// (section, key, line): key "" for a section's header.
    entries: Vec<(String, String, usize)>,
}

impl Lines {
    fn of(text: &str) -> Lines {
        let mut entries = Vec::new();
        let mut section = String::new();
        for (i, line) in text.lines().enumerate() {
            let l = line.trim();
            if let Some(h) = l.strip_prefix('[').and_then(|h| h.split(']').next()) {
                section = h.trim().to_string();
                entries.push((section.clone(), String::new(), i + 1));
            } else if let Some((k, _)) = l.split_once('=') {
                let k = k.trim().trim_matches('"').to_string();
                entries.push((section.clone(), k, i + 1));
            }
        }
        Lines { entries }
    }

    fn find(&self, section: &str, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .find(|(s, k, _)| s == section && k == key)
            .or_else(|| {
                // `[colors]`'s `on_highlight` written as a table header.
                let full = format!("{section}.{key}");
                let full = full.trim_start_matches('.');
                self.entries
                    .iter()
                    .find(|(s, k, _)| s == full && k.is_empty())
            })
            .map(|e| e.2)
    }
}

/// The complete config file with every default, commented (`glose --print-config`).
pub fn defaults() -> String {
    let c = Config::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# glose's configuration: $XDG_CONFIG_HOME/glose/config.toml, else
# ~/.config/glose/config.toml. Written by `glose --print-config` with every
# default: delete what you do not change. A setting glose cannot use is reported
# on the status line when the reader starts, and its default kept.

[sidebar]
# The entities' order in each kind: \"first\" (first appearance) or \"mentions\"
# (most mentioned first). `s` switches between them while reading.
order = \"first\"

# Colours: a 256-colour number (\"33\"), \"#rrggbb\", or a name (\"red\",
# \"light-blue\"...). NO_COLOR set in the environment turns every colour off.
[colors]
# The four kinds, on the terminal's background."
    );
    for (i, name) in KIND_NAMES.iter().enumerate() {
        let _ = writeln!(out, "{name} = \"{}\"", color_text(c.palette.kinds[i]));
    }
    let _ = writeln!(
        out,
        "
[colors.on_highlight]
# The four kinds inside a highlight: darker tones, readable on its light background."
    );
    for (i, name) in KIND_NAMES.iter().enumerate() {
        let _ = writeln!(
            out,
            "{name} = \"{}\"",
            color_text(c.palette.kinds_on_highlight[i])
        );
    }
    let _ = writeln!(
        out,
        "
[colors.highlight]
# The highlights' backgrounds: the colours 1-5 of a selection."
    );
    for (i, name) in HUE_NAMES.iter().enumerate() {
        let _ = writeln!(out, "{name} = \"{}\"", color_text(c.palette.highlights[i]));
    }
    let _ = writeln!(
        out,
        "
# Keys, mode by mode: a command's name and its keys, as help (?) lists them:
# \"j\", \"G\", \"Space\", \"Enter\", \"Esc\", \"Tab\", \"Shift+Tab\", \"Backspace\",
# \"Delete\", \"Up\", \"Down\", \"Left\", \"Right\", \"PgUp\", \"PgDn\", \"Home\", \"End\",
# \"F1\"-\"F12\", with \"Ctrl+\" or \"Alt+\" in front. A command listed here has
# exactly these keys in that mode ([] leaves it without one); a key listed here
# is taken from the command that had it. The keys shared by the article and the
# entity list are under both [keys.article] and [keys.entities]."
    );
    for mode in Mode::ALL {
        let _ = writeln!(out, "\n[keys.{}]", mode.config_name());
        for (action, desc, keys) in c.keymap.commands(mode) {
            let Some(name) = action.name() else { continue };
            let keys: Vec<String> = keys
                .iter()
                .map(|&(code, mods)| toml_string(&config_label(code, mods)))
                .collect();
            let _ = writeln!(out, "# {desc}");
            let _ = writeln!(out, "{name} = [{}]", keys.join(", "));
        }
    }
    out
}

/// A TOML basic string (`"'"`, `"\""`, `"\\"` written so they read back).
fn toml_string(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_read_back_to_the_defaults() {
        let (c, w) = parse(&defaults());
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c, Config::default());
    }

    #[test]
    fn a_file_larger_than_a_mebibyte_is_refused() {
        let dir = tempfile::TempDir::new().unwrap();
        let big = dir.path().join("config.toml");
        std::fs::write(&big, "#".repeat((MAX_BYTES + 1) as usize)).unwrap();
        assert_eq!(
            read_capped(&big).unwrap_err().to_string(),
            "larger than 1 MiB"
        );
        std::fs::write(&big, "[sidebar]\n").unwrap();
        assert_eq!(read_capped(&big).unwrap(), b"[sidebar]\n");
    }

    #[test]
    fn keys_parse() {
        use crossterm::event::{KeyCode as K, KeyModifiers as M};
        assert_eq!(parse_key("j"), Ok((K::Char('j'), M::NONE)));
        assert_eq!(parse_key("Ctrl+D"), Ok((K::Char('d'), M::CONTROL)));
        assert_eq!(parse_key("alt+b"), Ok((K::Char('b'), M::ALT)));
        assert_eq!(parse_key("Space"), Ok((K::Char(' '), M::NONE)));
        assert_eq!(parse_key("↓"), Ok((K::Down, M::NONE)));
        assert_eq!(parse_key("PgDn"), Ok((K::PageDown, M::NONE)));
        assert_eq!(parse_key("Shift+Tab"), Ok((K::BackTab, M::NONE)));
        assert_eq!(parse_key("+"), Ok((K::Char('+'), M::NONE)));
        assert_eq!(parse_key("Ctrl++"), Ok((K::Char('+'), M::CONTROL)));
        assert_eq!(parse_key("F5"), Ok((K::F(5), M::NONE)));
        assert!(parse_key("Hyper+x").is_err());
        assert!(parse_key("F13").is_err());
        assert!(parse_key("jk").is_err());
        assert!(parse_key("").is_err());
    }
}
