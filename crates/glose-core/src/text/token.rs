//! Tokens for French and English news text.
//!
//! A word keeps its internal hyphens ("Kassym-Jomart", "ex-URSS", "Covid-19") and
//! apostrophes ("aujourd'hui", "O'Brien"), but a French elided article or pronoun is
//! its own token: "l'Ukraine" is `l'` + `Ukraine`, "jusqu’à" is `jusqu’` + `à`.
//! Offsets are byte offsets into the text given.

use super::case::{is_lower, is_upper};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, inner apostrophes, `&` or `.` in
    /// acronyms.
    Word,
    /// Digits, with inner `.`/`,` separators ("7.290,80", "4,4").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// First letter uppercase.
    pub cap: bool,
    /// At least two letters and no lowercase letter ("CPI", "G20", "CD&V").
    pub upper: bool,
    /// A French elision ("l'", "d’", "qu'"): always followed directly by a word.
    pub elision: bool,
    /// Whitespace (or nothing, at the start) right before the token.
    pub space_before: bool,
    /// ASCII without a capital: the token is its own lowercase form (most are;
    /// the extractor lowers every other token).
    pub plain: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Word-internal characters other than letters and digits.
fn is_word_char(c: char) -> bool {
    is_latin_letter(c) || c.is_alphanumeric() || is_combining(c)
}

/// Accented Latin letters (U+00C0-U+017F but for `×` and `÷`): every one is
/// alphabetic, and French text is full of them; the Unicode tables are asked for
/// the others only.
fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x17F) && c != '\u{D7}' && c != '\u{F7}'
}

/// [`char::is_alphabetic`], answered without the Unicode tables for ASCII and
/// accented Latin letters.
fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || is_latin_letter(c) || (!c.is_ascii() && c.is_alphabetic())
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x200D)
}

/// Words that elide before a vowel (what comes before the apostrophe), from the
/// language profile (`elision` class): the tokenizer knows no language.
fn is_elision(word: &str, elisions: &[&str]) -> bool {
    elisions.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Splits `s` into tokens without splitting elisions (no language known).
pub fn tokenize(s: &str) -> Vec<Token> {
    tokenize_with(s, &Clitics::default())
}

/// What a language glues to its words, from its profile: elided words before
/// ("l" of "l'Ukraine") and possessive endings after ("'s" of "China's").
#[derive(Debug, Clone, Default)]
pub struct Clitics<'a> {
    pub elisions: &'a [&'a str],
    pub possessives: &'a [&'a str],
    /// Lowercase words after a hyphen that make an adjective of the capitalized word
    /// before it ("based" in "Paris-based").
    pub compound_tails: &'a [&'a str],
}

/// A possessive ending of `w` ("'s", "’s"), when something comes before it.
fn possessive_len(w: &str, possessives: &[&str]) -> Option<usize> {
    possessives
        .iter()
        .filter(|p| super::more_chars_than(p, 1))
        .find(|p| {
            w.len() > p.len()
                && w.is_char_boundary(w.len() - p.len())
                && w[w.len() - p.len()..].eq_ignore_ascii_case(p)
        })
        .map(|p| p.len())
}

/// The end of a dotted acronym or initials starting at `i` ("U.S.", "J.K."): single
/// capital letters each followed by a period, two at least.
fn dotted_acronym(s: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    loop {
        let c = s[j..].chars().next()?;
        if !c.is_uppercase() || !s[j + c.len_utf8()..].starts_with('.') {
            break;
        }
        let after = j + c.len_utf8() + 1;
        groups += 1;
        j = after;
        if !s[j..].starts_with(char::is_uppercase) {
            break;
        }
    }
    // "U.S." but not "A.Bcd" (the next letters would be a word glued to it).
    (groups >= 2 && !s[j..].starts_with(char::is_alphanumeric)).then_some(j)
}

/// Splits `s` into tokens, an elided word ("l" of "l'Ukraine") and a possessive
/// ending ("'s") being tokens of their own. Linear in the length of `s`.
pub fn tokenize_with(s: &str, clitics: &Clitics) -> Vec<Token> {
    let elisions = clitics.elisions;
    // News text has a token every four to five bytes: room for all at once.
    let mut out = Vec::with_capacity(s.len() / 4 + 4);
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    while i < s.len() {
        if matches!(bytes[i], b' ' | b'\n' | b'\t' | b'\r') {
            i += 1;
            space_before = true;
            continue;
        }
        let c = next_char(s, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            space_before = true;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < s.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    j += 1;
                } else if (b == b'.' || b == b',')
                    && j + 1 < s.len()
                    && bytes[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // "20e", "6e", "G20" handled as words: a number glued to letters is a word.
            if j < s.len() && is_alphabetic(next_char(s, j)) {
                let (end, _) = scan_word(s, j);
                out.push(word_token(s, start, end, space_before));
                i = end;
            } else {
                out.push(Token {
                    start,
                    end: j,
                    kind: TokenKind::Number,
                    cap: false,
                    upper: false,
                    elision: false,
                    space_before,
                    plain: true,
                });
                i = j;
            }
        } else if let Some(end) = is_upper(c).then(|| dotted_acronym(s, i)).flatten() {
            out.push(word_token(s, start, end, space_before));
            i = end;
        } else if is_alphabetic(c) {
            let (end, shape) = scan_word(s, i);
            // "China's": the possessive ending is a token of its own.
            let possessive = match clitics.possessives {
                [] => None,
                ps => possessive_len(&s[start..end], ps),
            };
            if let Some(p) = possessive {
                out.push(word_token(s, start, end - p, space_before));
                out.push(Token {
                    start: end - p,
                    end,
                    kind: TokenKind::Punct,
                    cap: false,
                    upper: false,
                    elision: false,
                    space_before: false,
                    plain: is_plain(&s[end - p..end]),
                });
                i = end;
                space_before = false;
                continue;
            }
            // Split a leading elision: "l'Ukraine" -> "l'" + "Ukraine".
            let w = &s[start..end];
            if let Some(pos) = shape.apostrophe {
                let head = &w[..pos];
                if is_elision(head, elisions) {
                    let apos = next_char(w, pos).len_utf8();
                    let el_end = start + pos + apos;
                    out.push(Token {
                        start,
                        end: el_end,
                        kind: TokenKind::Word,
                        cap: head.starts_with(char::is_uppercase),
                        upper: false,
                        elision: true,
                        space_before,
                        plain: is_plain(&s[start..el_end]),
                    });
                    if el_end < end {
                        // The rest may itself start with an elision ("qu'l'..." is not French; one level is enough).
                        out.push(word_token(s, el_end, end, false));
                    }
                    i = end;
                    space_before = false;
                    continue;
                }
            }
            // "Paris-based", "US-led", "Hyderabad-born": a capitalized word and a
            // lowercase one after its last hyphen is a compound adjective; the name
            // in it is a word of its own ("Paris" + "-" + "based").
            if let Some(h) = compound_tail(w, clitics.compound_tails) {
                out.push(word_token(s, start, start + h, space_before));
                out.push(Token {
                    start: start + h,
                    end: start + h + 1,
                    kind: TokenKind::Punct,
                    cap: false,
                    upper: false,
                    elision: false,
                    space_before: false,
                    plain: true,
                });
                out.push(word_token(s, start + h + 1, end, false));
                i = end;
                space_before = false;
                continue;
            }
            // The whole word as scanned, which starts with a letter.
            out.push(shape.token(start, end, true, space_before));
            i = end;
        } else {
            let end = i + c.len_utf8();
            out.push(Token {
                start,
                end,
                kind: TokenKind::Punct,
                cap: false,
                upper: false,
                elision: false,
                space_before,
                // (Not a letter: ASCII is enough.)
                plain: c.is_ascii(),
            });
            i = end;
        }
        space_before = false;
    }
    out
}

fn next_char(s: &str, i: usize) -> char {
    // ASCII, most of the text, needs no decoding.
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => b as char,
        _ => s[i..].chars().next().unwrap_or(' '),
    }
}

/// What [`word_token`] needs of a word's letters, gathered while it is scanned.
#[derive(Default)]
struct Shape {
    /// The first letter's case, when there is a letter.
    first_upper: Option<bool>,
    letters: usize,
    lower: bool,
    digit: bool,
    /// Where the first apostrophe joining two parts is, from the word's start
    /// ([`scan_word`] only; an apostrophe is in a word only as such a joint).
    apostrophe: Option<usize>,
    /// A capital or a character outside ASCII: not [`Token::plain`].
    odd: bool,
}

/// [`Token::plain`] of a token's text.
fn is_plain(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// ASCII byte classes for [`scan_word`]: one table load a byte instead of several
/// range tests (a word is read byte by byte, and most of its bytes are ASCII letters).
const ALPHA: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
/// `-`, `'`, `&`, `/`: may join two parts of a word.
const JOIN: u8 = 8;
const NON_ASCII: u8 = 16;
const UPPER: u8 = 32;

const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            ALPHA | LOWER
        } else if c.is_ascii_uppercase() {
            ALPHA | UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'-' | b'\'' | b'&' | b'/') {
            JOIN
        } else if !c.is_ascii() {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

impl Shape {
    fn add_ascii(&mut self, b: u8) {
        let class = BYTE_CLASS[b as usize];
        if class & ALPHA != 0 {
            self.letters += 1;
            self.lower |= class & LOWER != 0;
            self.first_upper.get_or_insert(class & LOWER == 0);
        }
        self.digit |= class & DIGIT != 0;
        self.odd |= class & UPPER != 0;
    }

    /// A character outside ASCII.
    fn add(&mut self, c: char) {
        self.odd = true;
        if is_alphabetic(c) {
            self.letters += 1;
            self.lower |= is_lower(c);
            self.first_upper.get_or_insert_with(|| is_upper(c));
        }
    }

    /// The word token of `start..end`, whose letters these are; `starts_ok`: it
    /// begins with a letter or a digit.
    fn token(&self, start: usize, end: usize, starts_ok: bool, space_before: bool) -> Token {
        Token {
            start,
            end,
            kind: TokenKind::Word,
            cap: self.first_upper == Some(true) && starts_ok,
            upper: self.letters >= 1 && !self.lower && (self.letters >= 2 || self.digit),
            elision: false,
            space_before,
            plain: !self.odd,
        }
    }
}

/// The end of a word starting at `i` on a letter: letters and digits, joined by
/// single inner hyphens, apostrophes, `&` between capitals ("CD&V"), or dots in
/// dotted acronyms. With the [`Shape`] of `i..end`, read on the way (the word is not
/// read twice; its first letter is the one at `i`).
fn scan_word(s: &str, i: usize) -> (usize, Shape) {
    let bytes = s.as_bytes();
    let mut j = i;
    let mut shape = Shape {
        first_upper: Some(is_upper(next_char(s, i))),
        ..Shape::default()
    };
    // The ASCII letters' and digits' classes, or-ed, and the letters counted, in
    // locals: the tight loop below reads most of the text.
    let (mut classes, mut letters) = (0u8, 0usize);
    loop {
        // ASCII letters and digits, the bulk of French text, need no decoding: a
        // loop of their own, whose state stays in registers (sharing one loop with
        // the rare cases below spilled it to the stack at every byte).
        while j < bytes.len() {
            let class = BYTE_CLASS[bytes[j] as usize];
            if class & (ALPHA | DIGIT) == 0 {
                break;
            }
            classes |= class;
            letters += usize::from(class & ALPHA);
            j += 1;
        }
        if j >= bytes.len() {
            break;
        }
        // Other ASCII characters end the word unless they may join two parts.
        if BYTE_CLASS[bytes[j] as usize] & (JOIN | NON_ASCII) == 0 {
            break;
        }
        match other_part(s, i, j, &mut shape) {
            Some(next) => j = next,
            None => break,
        }
    }
    shape.letters += letters;
    shape.lower |= classes & LOWER != 0;
    shape.digit |= classes & DIGIT != 0;
    shape.odd |= classes & UPPER != 0;
    (j, shape)
}

/// [`scan_word`] at `j`, on a character outside ASCII or a possible joint: where the
/// word goes on after it (the shape told), or `None` when the word ends before it.
#[inline(never)]
fn other_part(s: &str, i: usize, j: usize, shape: &mut Shape) -> Option<usize> {
    let c = next_char(s, j);
    if is_word_char(c) {
        shape.add(c);
        return Some(j + c.len_utf8());
    }
    let joins = match s[j + c.len_utf8()..].chars().next() {
        Some(n) if is_word_char(n) => {
            // "CD&V", and photo credits such as "IMAGO/SNA" or "KEYSTONE/EPA".
            // (What comes before a joint is a word character: the word starts
            // on a letter, and a joint is followed by one.)
            is_hyphen(c)
                || is_apostrophe(c)
                || ((c == '&' || c == '/')
                    && s[..j].chars().next_back().is_some_and(char::is_uppercase)
                    && n.is_uppercase())
        }
        _ => false,
    };
    if !joins {
        return None;
    }
    shape.odd |= !c.is_ascii();
    // A joint is no letter and no digit: nothing for the shape but where the
    // first apostrophe is (an elision ends there).
    if is_apostrophe(c) {
        shape.apostrophe.get_or_insert(j - i);
    }
    Some(j + c.len_utf8())
}

/// The word token of `s[start..end]` (a word cut from a longer scan, or read by
/// another rule: [`scan_word`] gives the shape of the words it reads itself).
/// The offset of the last `-` of a word that starts with a capital and ends, after
/// that hyphen, in one of the profile's `compound_tail` words ("Paris-based"); none
/// for names, even with a lowercase syllable ("Lee Teng-hui", "Tiglath-pileser").
fn compound_tail(w: &str, tails: &[&str]) -> Option<usize> {
    if tails.is_empty() || !w.starts_with(char::is_uppercase) {
        return None;
    }
    let h = w.rfind('-')?;
    (h > 0 && tails.contains(&&w[h + 1..])).then_some(h)
}

fn word_token(s: &str, start: usize, end: usize, space_before: bool) -> Token {
    let w = &s[start..end];
    let mut shape = Shape::default();
    let bytes = w.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii() {
            shape.add_ascii(b);
            k += 1;
            continue;
        }
        let c = next_char(w, k);
        shape.add(c);
        k += c.len_utf8();
    }
    let starts_ok = w.starts_with(|c: char| is_alphabetic(c) || c.is_ascii_digit());
    shape.token(start, end, starts_ok, space_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The French profile's elisions (a test cannot read the profile from here).
    const ELISIONS: &[&str] = &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "presqu",
    ];

    #[test]
    fn a_plain_token_is_ascii_without_a_capital() {
        let s = "L'Élysée d’Emmanuel Macron, l’ex-URSS et China's U.S. 20e G20 \
                 Covid-19 à 7.290,80 € « aujourd'hui » CD&V IMAGO/SNA ‐ jusqu’à l'été.";
        let c = Clitics {
            elisions: ELISIONS,
            possessives: &["'s", "’s"],
            compound_tails: &["based", "led"],
        };
        for t in tokenize_with(s, &c) {
            assert_eq!(t.plain, is_plain(t.text(s)), "{:?}", t.text(s));
        }
    }

    fn words(s: &str) -> Vec<&str> {
        let c = Clitics {
            elisions: ELISIONS,
            possessives: &["'s", "’s"],
            compound_tails: &["based", "led"],
        };
        tokenize_with(s, &c).iter().map(|t| t.text(s)).collect()
    }

    /// The fast letter tests answer as the Unicode tables do.
    #[test]
    fn latin_letters_agree_with_unicode() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_combining(c),
                "{c:?}"
            );
        }
    }

    /// A word's flags read while scanning it are those [`word_token`] reads anew.
    #[test]
    fn scanned_words_flagged_as_read_anew() {
        let s = "Kassym-Jomart ex-URSS Covid-19 G20 CD&V IMAGO/SNA l'Ukraine ÉTATS-UNIS \
                 Évry aujourd'hui O’Brien ŒUVRE œuvre ß İstanbul Ǆemal x×y";
        let c = Clitics {
            elisions: ELISIONS,
            possessives: &["'s", "’s"],
            compound_tails: &["based", "led"],
        };
        for t in tokenize_with(s, &c) {
            if t.kind == TokenKind::Word && !t.elision {
                assert_eq!(
                    t,
                    word_token(s, t.start, t.end, t.space_before),
                    "{}",
                    t.text(s)
                );
            }
        }
    }

    /// The apostrophe a word is scanned with is the first `'` or `’` in it.
    #[test]
    fn apostrophes_found_while_scanning() {
        for w in [
            "l'a",
            "d’Asie",
            "abc",
            "aujourd'hui",
            "qu’aujourd'hui",
            "é’a",
            "ab-c’d",
        ] {
            let (end, shape) = scan_word(w, 0);
            assert_eq!(end, w.len(), "{w}");
            assert_eq!(shape.apostrophe, w.find(['\'', '\u{2019}']), "{w}");
        }
    }

    #[test]
    fn possessives_dotted_acronyms_and_initials() {
        assert_eq!(
            words("China's Xi’s U.S. J.K. Rowling A.B"),
            ["China", "'s", "Xi", "’s", "U.S.", "J.K.", "Rowling", "A", ".", "B"]
        );
        let t = tokenize("U.S. J.K.");
        assert!(t[0].upper && t[0].cap && t[1].upper);
    }

    #[test]
    fn no_elisions_without_a_language() {
        let s = "l'Ukraine";
        let t: Vec<&str> = tokenize(s).iter().map(|t| t.text(s)).collect();
        assert_eq!(t, ["l'Ukraine"]);
    }

    #[test]
    fn elisions_split_both_apostrophes() {
        assert_eq!(words("l'Ukraine d’Asie"), ["l'", "Ukraine", "d’", "Asie"]);
        assert_eq!(
            words("jusqu'à lorsqu’il qu'elle"),
            ["jusqu'", "à", "lorsqu’", "il", "qu'", "elle"]
        );
        assert_eq!(words("aujourd'hui O'Brien"), ["aujourd'hui", "O'Brien"]);
    }

    #[test]
    fn a_compound_adjective_keeps_its_name_apart() {
        assert_eq!(
            words("the Paris-based firm"),
            ["the", "Paris", "-", "based", "firm"]
        );
        assert_eq!(words("a US-led push"), ["a", "US", "-", "led", "push"]);
        assert_eq!(words("Lee Teng-hui"), ["Lee", "Teng-hui"]);
        assert_eq!(words("a well-based plan"), ["a", "well-based", "plan"]);
    }

    #[test]
    fn hyphens_acronyms_numbers() {
        assert_eq!(
            words("Kassym-Jomart ex-URSS Covid-19 G20 CD&V"),
            ["Kassym-Jomart", "ex-URSS", "Covid-19", "G20", "CD&V"]
        );
        assert_eq!(
            words("7.290,80 points, 4,4%"),
            ["7.290,80", "points", ",", "4,4", "%"]
        );
        let t = tokenize("CPI G20 Paris");
        assert!(t[0].upper && t[1].upper && !t[2].upper && t[2].cap);
        assert_eq!(words("«déportation»"), ["«", "déportation", "»"]);
        assert_eq!(words("s'est-il - oui"), ["s'", "est-il", "-", "oui"]);
    }
}
