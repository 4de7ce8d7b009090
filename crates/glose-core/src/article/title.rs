//! A title from the lede when the file has none: its first clause, cut at a
//! word boundary at about 80 columns (at most 85, so that a long word ending
//! just past 80 is kept whole rather than dropped).

use unicode_width::UnicodeWidthChar;

/// Columns a derived title may take, `…` included.
const WIDTH: usize = 85;
/// A comma or semicolon clause shorter than this is too thin to be a title
/// (`En Haïti,`); cut at a word boundary instead.
const MIN_CLAUSE: usize = 40;

/// Abbreviations whose period does not end a sentence (`M. Poutine`).
const ABBREV: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "Mr", "Mrs", "Ms",
    "Jr", "Sr", "etc", "cf", "vs", "av", "bd", "No", "n°", "p", "ex",
];

/// Runs of whitespace (tabs, line breaks) become one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lede's first clause: the first sentence if it ends within [`WIDTH`]
/// columns (its final period dropped), else the last comma/semicolon clause end
/// within them, else the words that fit followed by `…`.
pub fn lede_clause(lede: &str) -> String {
    let s = collapse(lede);
    let mut col = 0;
    let mut last_space = None;
    let mut clause = None;
    let mut fit = 0; // bytes that fit in WIDTH - 1 columns (leaves room for `…`)
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        col += c.width().unwrap_or(0);
        if col > WIDTH {
            break;
        }
        let end = i + c.len_utf8();
        if col < WIDTH {
            fit = end;
        }
        let at_break = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if c == ' ' {
            last_space = Some(i);
        } else if at_break
            && matches!(c, '.' | '!' | '?' | '…')
            && !(c == '.' && abbreviation(&s[..i]))
        {
            let sentence = if c == '.' { &s[..i] } else { &s[..end] };
            return sentence.trim_end().to_string();
        } else if at_break && matches!(c, ',' | ';' | ':') && col >= MIN_CLAUSE {
            clause = Some(i);
        }
        if chars.peek().is_none() {
            return s; // the whole lede fits
        }
    }
    if let Some(i) = clause {
        return s[..i].trim_end().to_string();
    }
    let cut = last_space.unwrap_or(fit);
    format!("{}…", s[..cut].trim_end())
}

fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    word.is_empty()
        || ABBREV.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lede_cut_at_word_boundary() {
        let lede = "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens militaires avec l'un de ses rares alliés, pour son premier déplacement.";
        assert_eq!(
            lede_clause(lede),
            "Vladimir Poutine a prôné jeudi au Kirghizstan un renforcement des liens militaires…"
        );
    }

    #[test]
    fn sentence_and_clause() {
        assert_eq!(lede_clause("Le Festival s'est terminé. Le jury a distribué les récompenses ce soir à Cannes, en France."), "Le Festival s'est terminé");
        assert_eq!(lede_clause("M. Poutine est arrivé. Puis il est reparti vers une destination inconnue de tous les observateurs."), "M. Poutine est arrivé");
        assert_eq!(
            lede_clause("Comme attendu, l'Assemblée nationale a rejeté, mardi 8 octobre, la motion de censure déposée par le Nouveau Front populaire."),
            "Comme attendu, l'Assemblée nationale a rejeté, mardi 8 octobre"
        );
        assert_eq!(lede_clause("Court."), "Court");
        assert_eq!(lede_clause("Vraiment ?"), "Vraiment ?");
    }

    #[test]
    fn no_space_at_all() {
        let t = lede_clause(&"x".repeat(200));
        assert_eq!(t.chars().count(), WIDTH);
        assert!(t.ends_with('…'));
    }
}
