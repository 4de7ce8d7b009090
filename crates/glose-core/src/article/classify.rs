//! Plain-text heuristics: what a group of lines is (headline, section heading,
//! caption, paragraph) and the agency named in a wire dateline.
//!
//! They look at the block's visible text only, and only when it is short, so a
//! huge paragraph costs nothing here.

/// Longest visible text the heuristics look at; anything longer is a paragraph.
pub const MAX_LOOK: usize = 1000;

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A first line followed by a blank line that reads as a title: not too long,
/// not ending like a sentence or an unfinished clause.
pub fn is_headline(v: &str) -> bool {
    let Some(last) = v.chars().next_back() else {
        return false;
    };
    let ellipsis = v.ends_with("...");
    v.chars().count() <= 200
        && v.chars().any(char::is_alphabetic)
        && (ellipsis || !matches!(last, '.' | ',' | ';'))
}

/// A section heading in running text: a short line with no final punctuation
/// that starts with a capital or a digit (`Evénement rare`, `Sommet vendredi`).
pub fn is_heading(v: &str) -> bool {
    let Some(last) = v.chars().next_back() else {
        return false;
    };
    let first_up = v
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    v.chars().count() <= 72
        && words(v) <= 10
        && first_up
        && (last.is_alphanumeric() || matches!(last, ')' | '%'))
}

fn caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_uppercase()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// A photo caption: text that ends in a credit, `… kirghiz. IMAGO/SNA`,
/// `… à Paris. AP Photo/Michel Euler`, `… (Photo: AFP)` is not (a wire sign-off).
pub fn is_caption(v: &str) -> bool {
    let v = v.trim_end();
    // A credit ends in a letter or digit; most paragraphs end in `.`: cheap no.
    if !v.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    // The credit is what follows the last sentence end.
    let mut next_ws = false;
    let mut end = None;
    for (i, c) in v.char_indices().rev() {
        if next_ws && matches!(c, '.' | '!' | '?' | '»' | '"' | '”' | '…') {
            end = Some(i + c.len_utf8());
            break;
        }
        next_ws = c.is_whitespace();
    }
    let Some(end) = end else {
        return bare_credit(v);
    };
    let tail = v[end..].trim();
    if tail.is_empty() || (tail.starts_with('(') && tail.ends_with(')')) {
        return false;
    }
    if tail.chars().count() > 60 || words(tail) > 8 {
        return false;
    }
    if tail.starts_with('©') || caps(tail) {
        return true;
    }
    let first = tail.split_whitespace().next().unwrap_or("");
    let lead = first.trim_end_matches(':').to_lowercase();
    if matches!(
        lead.as_str(),
        "photo"
            | "photos"
            | "crédit"
            | "crédits"
            | "credit"
            | "credits"
            | "image"
            | "images"
            | "illustration"
    ) {
        return words(tail) >= 2 || first.ends_with(':');
    }
    // `AP Photo/Evan Vucci`, `REUTERS/Gonzalo Fuentes`, `AFP via Getty Images`.
    let agency = first.split('/').next().unwrap_or("");
    caps(agency) && (tail.contains('/') || tail.contains(" via "))
}

/// No sentence end before the credit: only a distinctive `AGENCY/NAME` run at
/// the end counts (`Poutine à Bichkek IMAGO/SNA`), after a few words of text.
fn bare_credit(v: &str) -> bool {
    let toks: Vec<&str> = v.split_whitespace().collect();
    let run = toks
        .iter()
        .rev()
        .take_while(|t| !t.chars().any(char::is_lowercase))
        .count();
    let credit = &toks[toks.len() - run..];
    run < toks.len() && toks.len() - run >= 2 && credit.iter().any(|t| t.contains('/') && caps(t))
}

/// `STRASBOURG (Reuters) - La Cour…`: the agency of a dateline at the start of
/// the lede.
pub fn dateline_source(lede: &str) -> Option<String> {
    let open = lede.find('(')?;
    let place = lede[..open].trim();
    if place.is_empty()
        || place.chars().count() > 60
        || !place.starts_with(char::is_uppercase)
        || place.contains(['.', '!', '?', '"', '«'])
    {
        return None;
    }
    let close = open + lede[open..].find(')')?;
    let agency = lede[open + 1..close].trim();
    if agency.is_empty()
        || agency.chars().count() > 40
        || words(agency) > 4
        || !agency.starts_with(char::is_uppercase)
    {
        return None;
    }
    let after = lede[close + 1..].trim_start();
    let dash = after.chars().next()?;
    let follows = after[dash.len_utf8()..].chars().next();
    (matches!(dash, '-' | '–' | '—') && follows.is_none_or(char::is_whitespace))
        .then(|| agency.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        for h in [
            "Evénement rare",
            "Sommet vendredi",
            "La Palme d'or remise à Justine Triet",
            "2024 en chiffres",
        ] {
            assert!(is_heading(h), "{h}");
        }
        for p in [
            "« Je l'espère, je le crois »",
            "Il pleut.",
            "suite de la phrase",
            "Quoi ?",
        ] {
            assert!(!is_heading(p), "{p}");
        }
    }

    #[test]
    fn captions() {
        for c in [
            "Vladimir Poutine doit s'entretenir jeudi avec ses homologues. IMAGO/SNA",
            "Le président à Paris. AFP",
            "Le président à Paris. AP Photo/Michel Euler",
            "Le président à Paris. KEYSTONE/EPA/JEAN-CHRISTOPHE BOTT",
            "Le président à Paris. Photo: Reuters",
            "Le président à Paris. © Jean Dupont",
            "Le président à Paris IMAGO/SNA",
        ] {
            assert!(is_caption(c), "{c}");
        }
        for p in [
            "Il a rencontré le chef de l'OTAN.",
            "Le texte est adopté. (AFP)",
            "Selon l'AFP, il est parti",
            "IMAGO/SNA",
            "Vingegaard et Pogacar. Ils sont partis ensemble vers le sommet",
        ] {
            assert!(!is_caption(p), "{p}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_source("STRASBOURG (Reuters) - La Cour").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            dateline_source("Paris, 12 oct (AFP) – Le").as_deref(),
            Some("AFP")
        );
        assert_eq!(dateline_source("La Cour européenne (CEDH) a examiné"), None);
        assert_eq!(dateline_source("(Reuters) - x"), None);
    }
}
