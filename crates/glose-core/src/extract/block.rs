//! One block's tokens with the facts every rule asks about them.

use super::lexicon::{
    class, fold, fold_into, place_flag, set, Class, Lexicon, Place, CLASSES_KNOWN,
};
use crate::text::{
    is_upper, more_chars_than, one_char, push_lower, sentences_from_tokens, Token, TokenKind,
};
use std::borrow::Cow;

const KNOWN: u8 = 1;
const COMMON: u8 = 2;
const FUNCTION: u8 = 4;
const DEMONYM: u8 = 8;
/// `first_name()` answered (memoized beside the word-list facts).
const FIRST_NAME_KNOWN: u8 = 16;
const FIRST_NAME: u8 = 32;
/// In a stretch of words in capitals inside ordinary text (a lede's opening words
/// set in capitals, a shouted phrase): set when the block is built.
const SHOUTED: u8 = 64;

pub struct BlockText<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// The token starts a sentence (first word after any opening punctuation).
    pub initial: Vec<bool>,
    pub lex: &'static Lexicon,
    /// Most longer words are capitalized (a Title Case or ALL-CAPS headline, a table
    /// row): capitals say little here.
    pub title_case: bool,
    /// Every longer word is in capitals (an ALL-CAPS headline, "CRICKET - WAUGH HITS
    /// CENTURY."): a headline even when it ends with a period, in any language.
    pub all_caps: bool,
    /// Lowercase form of each token, computed once: the token's own text when it is
    /// lowercase already (most are), else its form in the caller's buffer (see
    /// [`BlockText::new`]). Plain borrows: the rules ask for them tens of times a token.
    lower: Vec<&'a str>,
    /// `facts()` answers, memoized (bit flags below; 0 = not looked up yet).
    facts: Vec<std::cell::Cell<u8>>,
    /// `adjective()` answers, memoized: 0 unknown, 1 no, 2 yes (rules ask often).
    adjectives: Vec<std::cell::Cell<u8>>,
    /// `namelike()` of each token, computed with the lowercase forms: every rule
    /// asks it of the tokens around it, tens of times a token.
    namelike: Vec<bool>,
    /// A buffer a rule may take for a string it builds and drops (a window of
    /// words folded), and give back: one allocation a block, not one a name.
    pub scratch: std::cell::Cell<String>,
    /// `place1()` answers, memoized (`None`: not looked up yet).
    places: Vec<std::cell::Cell<Option<Option<Place>>>>,
    /// The grammar classes of each token's lowercase form (`Grammar::token_classes`
    /// and `CLASSES_KNOWN`; 0: not looked up yet): the rules ask a token's neighbours
    /// about one class after another.
    classes: Vec<std::cell::Cell<u64>>,
    /// The lexicon's word sets each token's lowercase form is in (`TokenSets::of` and
    /// `set::KNOWN`; 0: not looked up yet).
    sets: Vec<std::cell::Cell<u32>>,
    /// `place_run()` answers (`UNKNOWN_RUN`: not computed yet).
    place_runs: Vec<std::cell::Cell<u8>>,
}

/// [`BlockText::place_run`]'s mark for a token not looked at yet.
const UNKNOWN_RUN: u8 = u8::MAX;
const _: () = assert!(super::lexicon::PLACE_MAX_TOKENS < UNKNOWN_RUN as usize);

/// `a` then `b` as one string handed to `f`: joined on the stack when short (the
/// rules try such forms for many words: no allocation each).
fn with_concat<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let n = a.len() + b.len();
    if n <= buf.len() {
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        // Two strings joined are a string.
        if let Ok(w) = std::str::from_utf8(&buf[..n]) {
            return f(w);
        }
    }
    f(&format!("{a}{b}"))
}

/// Appends the lowercase form of `s` to `buf` when it differs from `s` (typographic
/// apostrophes made plain) and returns its range there, else `BORROWED`.
fn lowercase(s: &str, buf: &mut String) -> (usize, usize) {
    let from = buf.len();
    // Most tokens are lowercase ASCII: one pass to their end says so.
    let Some(odd) = s
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    else {
        return (BORROWED, BORROWED);
    };
    if s.as_bytes()[odd].is_ascii() && s[odd..].is_ascii() {
        // ASCII with a capital.
        buf.push_str(s);
        buf[from..].make_ascii_lowercase();
    } else if s.chars().any(|c| is_upper(c) || c == '\u{2019}') {
        if s.contains('\u{3a3}') {
            // A capital sigma lowers by its place in the word: `str::to_lowercase`.
            buf.push_str(&s.to_lowercase().replace('\u{2019}', "'"));
        } else {
            // Else letter by letter, as `str::to_lowercase` does, without a copy.
            for c in s.chars() {
                match c {
                    '\u{2019}' => buf.push('\''),
                    c => push_lower(buf, c),
                }
            }
        }
    } else {
        return (BORROWED, BORROWED);
    }
    (from, buf.len())
}

/// The room [`BlockText::scratch`] starts with, in bytes.
const SCRATCH: usize = 128;

/// [`lowercase`]'s answer for a token whose own text is its lowercase form.
const BORROWED: usize = usize::MAX;

/// The initial facts of a block in ordinary case: `SHOUTED` on each word of a
/// stretch of two or more words in capitals, one of them longer than an acronym
/// usually is (five letters or more). Such a stretch is typography (a lede's
/// opening words, a shouted phrase), not a row of acronyms.
fn shouted_stretches(toks: &[Token], text: &str) -> Vec<std::cell::Cell<u8>> {
    let facts = vec![std::cell::Cell::new(0); toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let caps = |j: usize| toks[j].kind == TokenKind::Word && toks[j].upper && !toks[j].elision;
        if !caps(i) {
            i += 1;
            continue;
        }
        let (mut j, mut long) = (i, false);
        while j < toks.len() && caps(j) && (j == i || toks[j].space_before) {
            long |= more_chars_than(toks[j].text(text), 4);
            j += 1;
        }
        if j - i >= 2 && long {
            for f in &facts[i..j] {
                f.set(SHOUTED);
            }
        }
        i = j;
    }
    facts
}

/// [`BlockText::namelike`] of token `t` of `text`, but for the everyday words of a
/// stretch in capitals (those [`BlockText::new`] sets apart once the facts are known).
fn namelike(t: &Token, text: &str) -> bool {
    if t.elision || t.kind != TokenKind::Word {
        return false;
    }
    if t.cap {
        return true;
    }
    if t.plain {
        // No capital after a prefix either.
        return false;
    }
    // "el-Tiné", "al-Assad", "ex-URSS": a lowercase prefix glued to a capitalized name.
    let s = t.text(text);
    let head = &s.as_bytes()[..s.len().min(4)];
    match head.iter().position(|&b| b == b'-') {
        Some(p) => s[p + 1..].starts_with(char::is_uppercase),
        None => false,
    }
}

impl<'a> BlockText<'a> {
    /// `lower_buf` (empty) receives the lowercase forms that differ from the text,
    /// one after the other: one allocation per block, not one per capitalized word,
    /// and owned by the caller so that every form is a plain borrow.
    pub fn new(
        text: &'a str,
        toks: Vec<Token>,
        lex: &'static Lexicon,
        lower_buf: &'a mut String,
    ) -> BlockText<'a> {
        let mut initial = vec![false; toks.len()];
        let sents = sentences_from_tokens(text, &toks);
        let mut si = 0;
        let mut want = true;
        for (i, t) in toks.iter().enumerate() {
            while si < sents.len() && sents[si].end <= t.start {
                si += 1;
                want = true;
            }
            if si < sents.len() && t.start == sents[si].start {
                want = true;
            }
            if want && t.kind != TokenKind::Punct {
                initial[i] = true;
                want = false;
            }
            // A colon opens a new clause: in a headline ("Tour de France: Duel au
            // sommet") its capitalized word is as much a sentence start as any.
            if t.kind == TokenKind::Punct && t.text(text) == ":" {
                want = true;
            }
        }
        // Roughly the capitalized words' share of news text.
        lower_buf.reserve(text.len() / 8);
        let ranges: Vec<(usize, usize)> = toks
            .iter()
            .map(|t| match t.plain {
                true => (BORROWED, BORROWED),
                false => lowercase(t.text(text), lower_buf),
            })
            .collect();
        // The buffer is complete: its forms can be borrowed. (A range and a borrow
        // have one size: the collect reuses the ranges' allocation.)
        let lower_buf: &'a String = lower_buf;
        let lower = ranges
            .into_iter()
            .enumerate()
            .map(|(i, r)| match r {
                (BORROWED, _) => toks[i].text(text),
                (a, b) => &lower_buf[a..b],
            })
            .collect();
        let namelike = toks.iter().map(|t| namelike(t, text)).collect();
        let title_case = {
            let long = toks
                .iter()
                .filter(|t| t.kind == TokenKind::Word && t.end - t.start >= 4 && !t.elision);
            let (mut words, mut caps, mut upper) = (0, 0, 0);
            for t in long {
                words += 1;
                caps += usize::from(t.cap);
                upper += usize::from(t.upper);
            }
            (
                words >= 2 && caps * 4 >= words * 3,
                words >= 2 && upper == words,
            )
        };
        let (title_case, all_caps) = title_case;
        let adjectives = vec![std::cell::Cell::new(0); toks.len()];
        let places = vec![std::cell::Cell::new(None); toks.len()];
        let classes = vec![std::cell::Cell::new(0); toks.len()];
        let place_runs = vec![std::cell::Cell::new(UNKNOWN_RUN); toks.len()];
        let sets = vec![std::cell::Cell::new(0); toks.len()];
        let facts = if title_case {
            vec![std::cell::Cell::new(0); toks.len()]
        } else {
            shouted_stretches(&toks, text)
        };
        let mut bt = BlockText {
            text,
            toks,
            initial,
            lex,
            title_case,
            all_caps,
            lower,
            adjectives,
            facts,
            namelike,
            // Room for any window of words a rule folds but the longest.
            scratch: std::cell::Cell::new(String::with_capacity(SCRATCH)),
            places,
            classes,
            sets,
            place_runs,
        };
        // In capitals the first letter says nothing: an everyday word in a shouted
        // stretch is read as if in lowercase ("CHELSEA SUBSTITUTE VICTOR Moses").
        // So in a block all in capitals ("WAUGH HITS CENTURY"), even a town named like
        // an everyday word and no one ("CRICKET"; "HALE" may be the body's Mr Hale),
        // except the words of a listed place of several ("SRI LANKA", "NEW YORK CITY").
        let mut in_place = 0;
        for i in 0..bt.len() {
            if bt.namelike[i] && bt.toks[i].cap && bt.shouted(i) && bt.everyday(i) {
                bt.namelike[i] = false;
            }
            if bt.all_caps && in_place == 0 {
                in_place = super::span::place_from(&bt, i);
            }
            if bt.all_caps
                && in_place == 0
                && bt.namelike[i]
                && bt.is_common(i)
                && !bt.first_name(i)
                && bt.place1(i).is_none_or(|p| {
                    p.flags & (place_flag::COMMON | place_flag::WEAK) != 0
                        && p.flags & (place_flag::SURNAME | place_flag::FIRST_NAME) == 0
                })
            {
                bt.namelike[i] = false;
            }
            in_place = in_place.saturating_sub(1);
        }
        bt
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    pub fn s(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Lowercase text of token `i` (borrowed when already lowercase).
    #[inline]
    pub fn lc(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.lower(i))
    }

    /// [`BlockText::lc`] as a plain borrow.
    #[inline]
    pub fn lower(&self, i: usize) -> &'a str {
        self.lower[i]
    }

    /// Token `i`'s lowercase form is in the profile's grammar class `class` (named
    /// by `class!`): the answer of `lex.grammar.is`, the word looked up once.
    #[inline]
    pub fn in_class(&self, class: Class, i: usize) -> bool {
        let mut bits = self.classes[i].get();
        if bits == 0 {
            bits = self.look_up_classes(i);
        }
        bits & class.bit() != 0
    }

    #[inline(never)]
    fn look_up_classes(&self, i: usize) -> u64 {
        let bits = self.lex.grammar.token_classes(self.lower(i)) | CLASSES_KNOWN;
        self.classes[i].set(bits);
        bits
    }

    /// The lexicon's word sets (`set` bits) token `i`'s lowercase form is in: the
    /// answers of their `contains`, the word looked up once.
    #[inline]
    pub fn sets(&self, i: usize) -> u32 {
        let bits = self.sets[i].get();
        if bits != 0 {
            return bits;
        }
        self.look_up_sets(i)
    }

    #[inline(never)]
    fn look_up_sets(&self, i: usize) -> u32 {
        let bits = self.lex.token_sets.of(self.lower(i)) | set::KNOWN;
        self.sets[i].set(bits);
        bits
    }

    /// Token `i`'s lowercase form is in the word set `set` (a `set` bit).
    #[inline]
    pub fn in_set(&self, set: u32, i: usize) -> bool {
        self.sets(i) & set != 0
    }

    /// Token `i` as written is in the grammar class `class`: the memoized lowercase
    /// answer when the token is its own lowercase form.
    pub fn in_class_as_written(&self, class: Class, i: usize) -> bool {
        if std::ptr::eq(self.lower(i), self.s(i)) {
            self.in_class(class, i)
        } else {
            self.lex.grammar.token_classes(self.s(i)) & class.bit() != 0
        }
    }

    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.lc(i).as_ref())
    }

    /// The profile's "of" ("de", "du", "of").
    pub fn is_of(&self, i: usize) -> bool {
        i < self.len() && self.lex.of.contains(self.lc(i).as_ref())
    }

    /// Token `i` and the next one are "of" and an article ("de la", "de l'").
    pub fn of_article(&self, i: usize) -> bool {
        i + 1 < self.len() && {
            let (p, q) = (self.lc(i), self.lc(i + 1));
            self.lex
                .of_article
                .iter()
                .any(|&(x, y)| x == p.as_ref() && y == q.as_ref())
        }
    }

    /// The name after a "former" prefix ("URSS" of "ex-URSS"), or the word itself.
    pub fn strip_former<'s>(&self, s: &'s str) -> &'s str {
        self.lex
            .former
            .iter()
            .find_map(|f| s.strip_prefix(f))
            .unwrap_or(s)
    }

    /// A single capital letter and its period ("W" of "George W. Bush"), or dotted
    /// initials in one token ("J.K.").
    pub fn initial_at(&self, i: usize) -> bool {
        if i >= self.len() || self.toks[i].kind != TokenKind::Word || !self.toks[i].cap {
            return false;
        }
        let s = self.s(i);
        (one_char(s)
            && i + 1 < self.len()
            && self.s(i + 1) == "."
            && !self.toks[i + 1].space_before)
            || (s.ends_with('.') && s.chars().filter(|c| c.is_alphabetic()).count() <= 3)
    }

    /// An abbreviation that opens a name, with its period: "St." in "St. Louis" (the
    /// profile's `name_abbrev`). Unlike an initial, it says nothing about a person.
    pub fn name_abbrev_at(&self, i: usize) -> bool {
        i + 1 < self.len()
            && self.toks[i].cap
            && self.toks[i].kind == TokenKind::Word
            && self.s(i + 1) == "."
            && !self.toks[i + 1].space_before
            && self.in_class(class!("name_abbrev"), i)
    }

    #[inline]
    pub fn word(&self, i: usize) -> bool {
        i < self.len() && self.toks[i].kind == TokenKind::Word
    }

    /// Capitalized word that can be part of a name ("Poutine", "CPI", "el-Tiné", "ex-URSS").
    #[inline]
    pub fn namelike(&self, i: usize) -> bool {
        self.namelike.get(i).copied().unwrap_or(false)
    }

    /// In the first-name list ("Vladimir", also "VLADIMIR" in a dateline). Looked
    /// up once per token (`FIRST_NAME_*` bits of `facts`): the rules ask again and again.
    #[inline]
    pub fn first_name(&self, i: usize) -> bool {
        let memo = self.facts[i].get();
        if memo & FIRST_NAME_KNOWN != 0 {
            return memo & FIRST_NAME != 0;
        }
        self.look_up_first_name(i)
    }

    /// [`BlockText::first_name`] the first time (out of line: the memo's test alone
    /// is inlined where the rules ask).
    #[inline(never)]
    fn look_up_first_name(&self, i: usize) -> bool {
        let yes = self.first_name_uncached(i);
        let bits = FIRST_NAME_KNOWN | if yes { FIRST_NAME } else { 0 };
        self.facts[i].set(self.facts[i].get() | bits);
        yes
    }

    fn first_name_uncached(&self, i: usize) -> bool {
        let s = self.s(i);
        self.lex.first_names.contains(s)
            || compound_first_name(s, |w| self.lex.first_names.contains(w))
            || (self.toks[i].upper && {
                // The lowercase form with its first letter (when one byte) made a capital.
                let t = self.lower(i);
                match t.get(0..1) {
                    Some(c) => with_concat(&c.to_uppercase(), &t[1..], |w| {
                        self.lex.first_names.contains(w)
                    }),
                    None => self.lex.first_names.contains(t),
                }
            })
    }

    /// The word-list facts of token `i`, looked up once: rules ask about the same
    /// words again and again.
    #[inline]
    fn facts(&self, i: usize) -> u8 {
        let f = self.facts[i].get();
        if f & KNOWN != 0 {
            return f;
        }
        self.look_up_facts(i)
    }

    #[inline(never)]
    fn look_up_facts(&self, i: usize) -> u8 {
        // Keep the first-name bits already memoized.
        let memo = self.facts[i].get();
        use super::lexicon::word_fact;
        let listed = self.lex.word_facts.get(self.lower(i)).copied().unwrap_or(0);
        let mut f = KNOWN | memo;
        if listed & word_fact::FUNCTION != 0 {
            f |= FUNCTION | COMMON;
        } else if (listed & word_fact::COMMON != 0 || self.common_unaccented_capital(i))
            && !self.acronym_shaped(i)
        {
            f |= COMMON;
        }
        if listed & word_fact::DEMONYM != 0 {
            f |= DEMONYM;
        }
        self.facts[i].set(f);
        f
    }

    /// A capital often loses its accent ("Etat" for "état"): the profile's
    /// `capital_accent` letters are tried in its place.
    fn common_unaccented_capital(&self, i: usize) -> bool {
        if !self.toks[i].cap {
            return false;
        }
        let lc = self.lc(i);
        let Some(first) = lc.chars().next() else {
            return false;
        };
        let rest = &lc[first.len_utf8()..];
        self.lex
            .capital_accents
            .iter()
            .filter(|(plain, _)| *plain == first)
            .any(|(_, acc)| with_concat(acc, rest, |w| self.lex.common.contains(w)))
    }

    /// A short word in capitals inside ordinary text ("US", "UK", "WHO"): an acronym,
    /// not the common word it spells. In a line written in capitals it says nothing.
    pub fn acronym_shaped(&self, i: usize) -> bool {
        self.toks[i].upper && !self.title_case && !self.shouted(i) && !more_chars_than(self.s(i), 4)
    }

    /// In a stretch of words in capitals inside ordinary text (see `shouted_stretches`).
    fn shouted(&self, i: usize) -> bool {
        self.facts[i].get() & SHOUTED != 0
    }

    /// A common word that is no first name and no place: what capitals cannot make
    /// a name of ("POLICE", "SUBSTITUTE"; not "LONDON", "VICTOR").
    fn everyday(&self, i: usize) -> bool {
        self.is_common(i) && !self.first_name(i) && self.place1(i).is_none()
    }

    #[inline]
    pub fn is_common(&self, i: usize) -> bool {
        self.facts(i) & COMMON != 0
    }

    #[inline]
    pub fn is_function(&self, i: usize) -> bool {
        self.facts(i) & FUNCTION != 0
    }

    #[inline]
    pub fn is_demonym(&self, i: usize) -> bool {
        self.facts(i) & DEMONYM != 0
    }

    pub fn folded(&self, a: usize, b: usize) -> String {
        fold(&self.text[self.toks[a].start..self.toks[b - 1].end])
    }

    /// [`BlockText::folded`] handed to `f`, folded in the block's scratch buffer: no
    /// string allocated for a lookup.
    pub fn with_folded<R>(&self, a: usize, b: usize, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = self.scratch.take();
        buf.clear();
        fold_into(
            &mut buf,
            &self.text[self.toks[a].start..self.toks[b - 1].end],
        );
        let r = f(&buf);
        self.scratch.set(buf);
        r
    }

    /// [`super::span::place_from`] at `a`, computed by `compute` once: the proposers
    /// and the features ask it of the same tokens.
    pub fn place_run(&self, a: usize, compute: impl FnOnce() -> usize) -> usize {
        // (Past the last token: no memo, nothing to keep.)
        let Some(memo) = self.place_runs.get(a) else {
            return compute();
        };
        match memo.get() {
            UNKNOWN_RUN => {
                let n = compute();
                // (A place is a few tokens: `PLACE_MAX_TOKENS` fits a byte.)
                memo.set(n as u8);
                n
            }
            n => usize::from(n),
        }
    }

    /// The folded form of token `i` alone: its lowercase when it is ASCII (the same
    /// thing, without an allocation), else [`fold`].
    pub fn folded1(&self, i: usize) -> Cow<'_, str> {
        let s = self.s(i);
        if s.is_ascii() {
            Cow::Borrowed(self.lower(i))
        } else {
            Cow::Owned(fold(s))
        }
    }

    /// The gazetteer entry of token `i` alone, folded ([`BlockText::folded1`]), looked
    /// up once: the rules ask it of the same words again and again.
    #[inline]
    pub fn place1(&self, i: usize) -> Option<Place> {
        if let Some(known) = self.places[i].get() {
            return known;
        }
        self.look_up_place1(i)
    }

    #[inline(never)]
    fn look_up_place1(&self, i: usize) -> Option<Place> {
        let place = self.lex.places.get(self.folded1(i).as_ref()).copied();
        self.places[i].set(Some(place));
        place
    }

    /// No punctuation or line break between tokens `i` and `i + 1`, only a space.
    #[inline]
    pub fn spaced(&self, i: usize) -> bool {
        i + 1 < self.len() && self.toks[i + 1].space_before
    }

    /// Looks like an adjective: a lowercase word with an adjectival ending, or a
    /// nationality word. Used to extend institutional names and event phrases.
    #[inline]
    pub fn adjective(&self, i: usize) -> bool {
        if i >= self.len() {
            return false;
        }
        match self.adjectives[i].get() {
            1 => false,
            2 => true,
            _ => {
                let yes = self.adjective_uncached(i);
                self.adjectives[i].set(if yes { 2 } else { 1 });
                yes
            }
        }
    }

    /// An adjective that qualifies the noun before it: only in a language whose
    /// adjectives may follow their noun ("sommet européen"; not "talks went").
    pub fn adjective_after(&self, i: usize) -> bool {
        self.lex.adjectives_follow && self.adjective(i)
    }

    #[inline(never)]
    fn adjective_uncached(&self, i: usize) -> bool {
        if !self.word(i) || self.toks[i].cap || self.toks[i].elision || self.is_function(i) {
            return false;
        }
        if self.is_demonym(i) {
            return true;
        }
        let s = self.s(i);
        // The profile's adjectival endings, grouped by their last letter so one lookup
        // picks the few to try.
        let Some(endings) = s
            .chars()
            .next_back()
            .and_then(|c| self.lex.adjective_endings.get(&c))
        else {
            return false;
        };
        more_chars_than(s, 3) && endings.iter().any(|e| ends_with(s, e))
    }
}

/// `s.ends_with(e)`, compared byte by byte in place: endings are a few bytes, and
/// the library's comparison is a call each (tens of thousands a large article).
#[inline]
fn ends_with(s: &str, e: &str) -> bool {
    let (s, e) = (s.as_bytes(), e.as_bytes());
    s.len() >= e.len() && s[s.len() - e.len()..].iter().zip(e).all(|(x, y)| x == y)
}

/// "Jean-Éric", "Hans-Peter", "Marie-Claire": a hyphenated word whose every part is a
/// capitalized first name is a first name.
fn compound_first_name(s: &str, is_first: impl Fn(&str) -> bool) -> bool {
    s.contains('-') && {
        let mut parts = 0;
        s.split('-').all(|p| {
            parts += 1;
            p.starts_with(char::is_uppercase) && is_first(p)
        }) && parts >= 2
    }
}
