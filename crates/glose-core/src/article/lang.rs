//! French or English, by a vote of the words: function words first, then the
//! common-word lists when they say too little (short texts, results tables,
//! market reports), then the letters.

use super::Language;
use std::sync::OnceLock;

/// How much of the text the function words see: enough for a confident count on
/// prose, cheap on huge files.
const SAMPLE: usize = 4096;
/// How much of the text the common words see when the function words are not
/// enough (tables, lists of prices: few function words anywhere).
const WIDE_SAMPLE: usize = 64 * 1024;
/// A function-word margin this large settles the vote without the common words.
const CLEAR_MARGIN: f32 = 4.0;
/// Letters needed before the absence of French accents says English.
const ACCENT_SAMPLE: usize = 200;

/// Fx-hashed: a short text builds the common-word sets (125,000 words) at start,
/// and Fx hashing halves that.
type Words = rustc_hash::FxHashSet<&'static str>;

fn list(src: &'static str) -> Words {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

macro_rules! words {
    ($name:ident, $path:literal) => {
        fn $name() -> &'static Words {
            static SET: OnceLock<Words> = OnceLock::new();
            SET.get_or_init(|| list(include_str!(concat!("../../../../assets/", $path))))
        }
    };
}

words!(french, "lang/stopwords.fr.txt");
words!(english, "lang/stopwords.en.txt");
words!(french_common, "gazetteer/common.fr.txt");
words!(english_common, "gazetteer/common.en.txt");

fn sample(text: &str, len: usize) -> &str {
    let mut end = text.len().min(len);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Words of `text`, cut at anything that is not a letter (apostrophes too: `l'un`
/// gives `l` + `un`, `it's` gives `it` + `s`), each with whether it is capitalized.
fn words(text: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w.starts_with(char::is_uppercase)))
}

/// A capitalized word may be a name ("La Paz", "De Bruyne", "Premier League") or a
/// Title Case headline word: it counts for half.
fn weight(capitalized: bool) -> f32 {
    if capitalized {
        0.5
    } else {
        1.0
    }
}

/// English minus French: function words, each counted for the language(s) that
/// list it.
fn function_vote(text: &str) -> f32 {
    words(text)
        .map(|(w, cap)| {
            let (en, fr) = (
                english().contains(w.as_str()),
                french().contains(w.as_str()),
            );
            weight(cap) * (f32::from(u8::from(en)) - f32::from(u8::from(fr)))
        })
        .sum()
}

/// English minus French: words that only one language's common-word list has
/// ("results", "shares", "closed" / "résultats", "hausse", "clôture").
fn common_vote(text: &str) -> f32 {
    words(text)
        .filter(|(w, _)| w.chars().count() >= 3)
        .map(|(w, cap)| {
            let en = english_common().contains(w.as_str());
            let fr = french_common().contains(w.as_str());
            match (en, fr) {
                (true, false) => weight(cap),
                (false, true) => -weight(cap),
                _ => 0.0,
            }
        })
        .sum()
}

/// Letters that French writes and English does not.
fn french_letter(c: char) -> bool {
    matches!(
        c,
        'é' | 'è' | 'ê' | 'à' | 'â' | 'ç' | 'ù' | 'û' | 'ô' | 'î' | 'ï' | 'ë' | 'œ'
    )
}

/// The language of `text`: the function words of its first 4 KB; when they are
/// not clear, also the common words of its first 64 KB; when even those tie, a
/// long enough text without a single French accent is English. French when
/// nothing tells.
pub fn detect(text: &str) -> Language {
    let head = sample(text, SAMPLE);
    let mut vote = function_vote(head);
    if vote.abs() < CLEAR_MARGIN {
        let wide = sample(text, WIDE_SAMPLE);
        vote += common_vote(wide);
        if vote == 0.0 {
            let letters = wide.chars().filter(|c| c.is_alphabetic()).count();
            let accents = wide
                .chars()
                .any(|c| french_letter(c.to_lowercase().next().unwrap_or(c)));
            if letters >= ACCENT_SAMPLE && !accents {
                vote = 1.0;
            }
        }
    }
    if vote > 0.0 {
        Language::En
    } else {
        Language::Fr
    }
}

/// A language named in metadata or on the command line (`fr`, `en-GB`,
/// `French`, `english`…), if glose has a profile for it.
pub fn named(name: &str) -> Option<Language> {
    let n = name.trim().to_lowercase();
    let primary = n.split(['-', '_']).next().unwrap_or("");
    match primary {
        "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Language::Fr),
        "en" | "eng" | "english" | "anglais" => Some(Language::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        assert_eq!(
            detect("Le président a dit qu'il ne viendrait pas à la réunion de lundi."),
            Language::Fr
        );
        assert_eq!(
            detect("The president said he would not come to the meeting on Monday."),
            Language::En
        );
        assert_eq!(detect("Xyz"), Language::Fr);
        assert_eq!(detect(&"é".repeat(5000)), Language::Fr);
    }

    #[test]
    fn short_texts() {
        assert_eq!(detect("Markets close higher"), Language::En);
        assert_eq!(detect("Shares rally after earnings"), Language::En);
        assert_eq!(detect("Les marchés clôturent en hausse"), Language::Fr);
        assert_eq!(detect("Hausse des prix"), Language::Fr);
        assert_eq!(detect("Storm warning"), Language::En);
        assert_eq!(detect("Alerte orange"), Language::Fr);
    }

    #[test]
    fn results_tables_are_english() {
        let table = "Premier League results\n\n\
            Arsenal 2 Chelsea 1\n\
            Liverpool 0 Everton 0\n\
            Manchester City 3 Tottenham Hotspur 1\n\
            Newcastle United 1 Aston Villa 1\n\
            Brighton 2 Fulham 2\n\n\
            Standings: 1. Arsenal 45 pts, 2. Liverpool 44 pts, 3. Manchester City 40 pts\n";
        assert_eq!(detect(table), Language::En);
        let tableau = "Ligue 1 : les résultats\n\n\
            Lens 2 Lille 1\n\
            Marseille 0 Nice 0\n\
            Rennes 3 Nantes 1\n\n\
            Classement : 1. Lens 45 pts, 2. Marseille 44 pts\n";
        assert_eq!(detect(tableau), Language::Fr);
    }

    #[test]
    fn market_reports_are_english() {
        let report = "Market close\n\n\
            FTSE 100 7,512.33 +0.4%\n\
            Dow Jones 38,654.42 -0.1%\n\
            Nasdaq 16,091.92 +0.3%\n\
            Brent crude $82.10 a barrel\n\
            Gold $2,031 an ounce\n\
            Sterling $1.2710\n";
        assert_eq!(detect(report), Language::En);
        let bourse = "Clôture des marchés\n\n\
            CAC 40 7 512,33 +0,4 %\n\
            Dow Jones 38 654,42 -0,1 %\n\
            Pétrole (Brent) 82,10 dollars le baril\n\
            Or 2 031 dollars l'once\n";
        assert_eq!(detect(bourse), Language::Fr);
    }

    #[test]
    fn title_case_headlines_are_english() {
        assert_eq!(
            detect("Champions League Wrap: Holders Crash Out As Rivals Advance"),
            Language::En
        );
    }

    #[test]
    fn a_list_of_names_without_accents_is_english() {
        let names = "Tom Brady, Patrick Mahomes, Josh Allen, Lamar Jackson, Joe Burrow, \
            Justin Herbert, Jalen Hurts, Dak Prescott, Kirk Cousins, Jared Goff, \
            Matthew Stafford, Russell Wilson, Aaron Rodgers, Derek Carr, Geno Smith, \
            Trevor Lawrence, Tua Tagovailoa, Deshaun Watson";
        assert_eq!(detect(names), Language::En);
    }

    #[test]
    fn names_of_languages() {
        for (name, lang) in [
            ("fr", Some(Language::Fr)),
            ("fr-CA", Some(Language::Fr)),
            ("French", Some(Language::Fr)),
            ("en_GB", Some(Language::En)),
            ("EN", Some(Language::En)),
            ("english", Some(Language::En)),
            ("de", None),
            ("", None),
            ("frisian", None),
        ] {
            assert_eq!(named(name), lang, "{name}");
        }
    }
}
