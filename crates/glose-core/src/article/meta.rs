//! Metadata found before the body: a front-matter block and the seed's
//! `date YYYY-MM` line prefix.

use super::lines::{trim, Line};

/// Values from a `---` front-matter block (only the keys glose uses).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Front {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub lang: Option<String>,
}

/// If `lines` opens with front matter, its values and how many lines it spans.
///
/// Every line between the fences must look like YAML (`key: value`, a comment,
/// an indented or `- ` continuation, blank); otherwise the `---` is taken as a
/// Markdown rule and the text as body.
pub fn front_matter(text: &str, lines: &[Line]) -> Option<(Front, usize)> {
    let line = |l: &Line| {
        let (s, e) = trim(text, l.start, l.end);
        &text[s..e]
    };
    if line(lines.first()?) != "---" {
        return None;
    }
    let mut front = Front::default();
    for (j, l) in lines.iter().enumerate().skip(1) {
        let s = line(l);
        if s == "---" || s == "..." {
            return Some((front, j + 1));
        }
        let raw = &text[l.start..l.end];
        if s.is_empty() || s.starts_with('#') || s.starts_with("- ") || raw.starts_with([' ', '\t'])
        {
            continue;
        }
        let (key, value) = s.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let value = unquote(value.trim());
        // `|` and `>` start YAML block scalars, which glose does not read.
        let value = (!value.is_empty() && !matches!(value, "|" | ">" | "|-" | ">-"))
            .then(|| value.to_string());
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" => &mut front.title,
            "date" => &mut front.date,
            "source" => &mut front.source,
            "url" => &mut front.url,
            "author" => &mut front.author,
            "lang" | "language" => &mut front.lang,
            _ => continue,
        };
        *slot = value;
    }
    None
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].trim();
        }
    }
    v
}

/// The leading `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of `s`, as precise as given
/// (`2023-10-12T08:00:00Z` gives `2023-10-12`). None if `s` does not start so.
pub fn iso_prefix(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let num = |from: usize, n: usize| s[from..from + n].parse::<u32>().unwrap_or(0);
    if !digits(0, 4) {
        return None;
    }
    let mut len = 4;
    if b.get(4) == Some(&b'-') && digits(5, 2) && (1..=12).contains(&num(5, 2)) {
        len = 7;
        if b.get(7) == Some(&b'-') && digits(8, 2) && (1..=31).contains(&num(8, 2)) {
            len = 10;
        }
    }
    // `20231` or `2023-10-123` is not a date.
    if b.get(len).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(&s[..len])
}

/// The seed's first line, ` date 2023-10 Vladimir Poutine a…`: the date and
/// where the text after it starts (the line's end if nothing follows).
pub fn date_line(text: &str, line: Line) -> Option<(String, usize)> {
    let (s, e) = trim(text, line.start, line.end);
    let rest = &text[s..e];
    if !rest.get(..4)?.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut p = 4;
    if rest[p..].starts_with(':') {
        p += 1;
    }
    let after = rest[p..].trim_start_matches([' ', '\t']);
    if after.len() == rest.len() - p {
        return None; // `dates…`, `date:2023`: no separating space
    }
    let date = iso_prefix(after)?;
    let tail = &after[date.len()..];
    if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) {
        return None; // `date 2023-10-12T…` or `date 2023abc`
    }
    let body = tail.trim_start();
    Some((date.to_string(), e - body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::lines::split;

    #[test]
    fn dates_keep_precision() {
        assert_eq!(iso_prefix("2023"), Some("2023"));
        assert_eq!(iso_prefix("2023-10"), Some("2023-10"));
        assert_eq!(iso_prefix("2023-10-12T08:00:00Z"), Some("2023-10-12"));
        assert_eq!(iso_prefix("2023-13"), Some("2023"));
        assert_eq!(iso_prefix("20231"), None);
        assert_eq!(iso_prefix("12 oct"), None);
    }

    #[test]
    fn seed_date_line() {
        let t = " date 2023-10 Vladimir";
        assert_eq!(date_line(t, split(t, 0)[0]), Some(("2023-10".into(), 14)));
        let t = "Date: 2023-10-05";
        assert_eq!(
            date_line(t, split(t, 0)[0]),
            Some(("2023-10-05".into(), 16))
        );
        for t in [
            "dated 2023",
            "date 2023x",
            "date",
            "data 2023 x",
            "daté 2023",
        ] {
            assert_eq!(date_line(t, split(t, 0)[0]), None, "{t}");
        }
    }

    #[test]
    fn front_matter_values() {
        let t =
            "---\ntitle: \"Le titre\"\ndate: 2023-10-12\ntags:\n  - a\nurl: 'http://x'\n---\nBody";
        let (f, n) = front_matter(t, &split(t, 0)).unwrap();
        assert_eq!(n, 7);
        assert_eq!(f.title.as_deref(), Some("Le titre"));
        assert_eq!(f.url.as_deref(), Some("http://x"));
        let t = "---\nJust prose here.\n---\n";
        assert_eq!(front_matter(t, &split(t, 0)), None);
        let t = "---\ntitle: unclosed\n";
        assert_eq!(front_matter(t, &split(t, 0)), None);
    }
}
