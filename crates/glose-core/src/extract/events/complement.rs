//! What pins an event noun down after it: adjectives, then up to three complements
//! introduced by the profile's prepositions (a date, a name, a noun with its
//! adjectives; "entre X et Y").

use super::head::{is_numeric_ordinal, is_year, Head};
use crate::extract::block::BlockText;
use crate::extract::lexicon::{class, fold};
use crate::extract::names::NameCand;
use crate::text::TokenKind;

#[derive(Default)]
pub struct Complement {
    /// Keys of the names in the complement, and folded lowercase argument nouns.
    pub args: Vec<String>,
    /// The names among them.
    pub names: Vec<String>,
    pub has_name: bool,
    pub has_date: bool,
    /// Complements read (at most three).
    pub complements: usize,
    /// Adjectives right after the head, and how many of them are not vague.
    pub adjectives: usize,
    pub pinning_adj: usize,
    /// The span's past-the-last token.
    pub end: usize,
    /// A relative pronoun right after the noun and its adjectives.
    pub relative: bool,
}

impl Complement {
    /// A name (or a title) in the complement: it pins the event down.
    fn add_name(&mut self, key: String) {
        self.args.push(key.clone());
        self.names.push(key);
        self.has_name = true;
    }

    /// The whole complement is a name right after the noun ("mission Artemis",
    /// exposition « Le Trésor »), ending at token `end`.
    fn named(mut self, key: String, end: usize) -> Complement {
        self.add_name(key);
        self.complements += 1;
        self.end = end;
        self
    }
}

/// The longest quoted title read after an event noun, in tokens.
const MAX_TITLE_TOKENS: usize = 24;

fn is_open_quote(s: &str) -> bool {
    matches!(s, "«" | "\"" | "“")
}

fn is_close_quote(s: &str) -> bool {
    matches!(s, "»" | "\"" | "”")
}

pub fn read(
    bt: &BlockText,
    head: &Head,
    names: &[NameCand],
    name_at: &[Option<usize>],
) -> Complement {
    let lex = bt.lex;
    let g = &lex.event_grammar;
    let n = bt.len();
    let mut out = Complement::default();
    let mut k = head.next;
    while k < n && bt.spaced(k - 1) && bt.adjective_after(k) {
        out.adjectives += 1;
        if !bt.is(k, &g.vague) {
            out.pinning_adj += 1;
        }
        k += 1;
    }
    out.end = k;
    // A name right after the noun names the happening: "mission Artemis", "affaire
    // Dreyfus", "opération Barkhane" (the profile's `named_by_name` nouns).
    if let Some(nm) = name_at.get(k).copied().flatten().map(|x| &names[x]) {
        let noun = bt.lc(head.noun_end - 1);
        if k < n
            && k == head.next
            && bt.spaced(k - 1)
            && bt.toks[k].cap
            && !bt.initial[k]
            && lex.grammar.is("named_by_name", noun.as_ref())
        {
            return out.named(nm.key.clone(), nm.b);
        }
    }
    // A title in quotes after such a noun names it too: exposition « Le Trésor ».
    if k < n && k == head.next && bt.spaced(k - 1) && is_open_quote(bt.s(k)) {
        let noun = bt.lc(head.noun_end - 1);
        if lex.grammar.is("named_by_name", noun.as_ref()) {
            if let Some(close) =
                (k + 2..n.min(k + MAX_TITLE_TOKENS)).find(|&j| is_close_quote(bt.s(j)))
            {
                let title = fold(&bt.text[bt.toks[k + 1].start..bt.toks[close - 1].end]);
                return out.named(title, close + 1);
            }
        }
    }
    // A relative clause says which one ("la crise qui frappe l'acier"): the span stays
    // the noun's, the clause pins it down.
    if k < n && bt.spaced(k - 1) && bt.in_class(class!("relative"), k) {
        out.relative = true;
    }
    // A meeting's partner: "rencontre avec ...".
    let with = lex.grammar.words("with");
    let meeting = head.ev.class == "meeting";
    let is_prep = |k: usize| bt.is(k, &g.prep) || (meeting && bt.is(k, with));
    let between = |p: &str| lex.grammar.is("between", p);
    let is_number = |j: usize| j < n && bt.toks[j].kind == TokenKind::Number;
    let is_month = |j: usize| j < n && lex.months.contains(bt.lc(j).as_ref());
    while out.complements < 3 && k < n && bt.spaced(k - 1) && is_prep(k) {
        let prep = bt.lc(k);
        let mut c = k + 1;
        if c < n && bt.is(c, &g.det) && !bt.toks[c].cap {
            c += 1;
        }
        if c >= n {
            break;
        }
        // ordinal inside the noun phrase: "de la 76e édition"
        if is_numeric_ordinal(bt, bt.s(c)) {
            c += 1;
        }
        // A nationality word before its noun is the noun's adjective, not a name: "a
        // ban on Russian oil imports" (in a language that capitalizes it).
        if c + 1 < n
            && bt.is_demonym(c)
            && bt.toks[c].cap
            && bt.spaced(c)
            && bt.word(c + 1)
            && !bt.toks[c + 1].cap
            && !bt.is_function(c + 1)
            && !is_verbish(bt, bt.s(c + 1))
        {
            c += 1;
        }
        if is_number(c) && (is_month(c + 1) || is_year(bt.s(c))) {
            // A date: "du 6 février", "de 2010" (not "de 0,52 %").
            out.args.push(bt.s(c).to_string());
            out.has_date = true;
            c += 1;
            if is_month(c) {
                c += 1;
                if is_number(c) {
                    c += 1;
                }
            }
        } else if let Some(nm) = name_at[c].map(|k| &names[k]) {
            // Even a name the name pass left unclassified pins the event down.
            out.add_name(nm.key.clone());
            c = nm.b;
        } else if c < n && bt.namelike(c) && !bt.is_function(c) {
            // A capitalized word the name pass left out ("Covid-19").
            out.add_name(fold(bt.s(c)));
            c += 1;
        } else if c < n && (is_month(c) || bt.is(c, &g.day)) {
            // "élections de juin", "le débat de mardi".
            out.args.push(bt.lc(c).into_owned());
            out.has_date = true;
            c += 1;
            if is_number(c) {
                c += 1;
            }
        } else if c == k + 1
            && out.complements == 0
            && lex.grammar.is("infinitive_marker", prep.as_ref())
            && bt.word(c)
            && !bt.toks[c].cap
        {
            // "a deal to buy Twitter": a verb whose object is a name pins the event
            // down; "a summit to discuss trade" is the summit's purpose, not its name.
            let Some(nm) = name_at.get(c + 1).copied().flatten().map(|x| &names[x]) else {
                break;
            };
            if !bt.spaced(c) {
                break;
            }
            out.add_name(nm.key.clone());
            c = nm.b;
        } else if c < n
            && bt.word(c)
            && !bt.toks[c].cap
            && !bt.toks[c].elision
            && (!bt.is_function(c) || bt.in_class(class!("noun_after_prep"), c))
            && !is_verbish(bt, bt.s(c))
            && !between(&prep)
            && !is_gerund(bt, &prep, bt.s(c))
            && !(c == k + 1 && lex.grammar.is("infinitive_marker", prep.as_ref()))
        {
            // Adjectives that come before the noun: "l'ancien maire", "la nouvelle loi".
            if bt.is(c, &g.prenominal)
                && c + 1 < n
                && bt.word(c + 1)
                && !bt.toks[c + 1].cap
                && !bt.is_function(c + 1)
            {
                c += 1;
            }
            out.args.push(bt.lc(c).into_owned());
            c += 1;
            while c < n && bt.spaced(c - 1) && bt.adjective_after(c) {
                c += 1;
            }
        } else {
            break;
        }
        // "entre le Hezbollah et Israël"
        if between(&prep) && bt.in_class(class!("and"), c) {
            let mut d = c + 1;
            if bt.is(d, &g.det) {
                d += 1;
            }
            if let Some(nm) = name_at.get(d).copied().flatten().map(|k| &names[k]) {
                out.args.push(nm.key.clone());
                out.names.push(nm.key.clone());
                c = nm.b;
            }
        }
        k = c;
        out.end = c;
        out.complements += 1;
    }
    // "le mandat d'arrêt lancé contre lui": participles followed by a preposition that
    // opens no complement are a verb's, not the event's (they still tell which one).
    let participles = (head.next..out.end).all(|j| is_participle(bt, bt.lc(j).as_ref()));
    if out.complements == 0 && out.adjectives > 0 && participles && k < n && bt.is(k, &g.prep) {
        out.end = head.next;
    }
    out
}

/// A past participle: one of the profile's `participle_ending` endings.
fn is_participle(bt: &BlockText, s: &str) -> bool {
    bt.lex
        .grammar
        .words("participle_ending")
        .iter()
        .any(|e| s.chars().count() > e.chars().count() + 2 && s.ends_with(e))
}

/// Infinitives and finite verbs are not complements ("pour instaurer"): the
/// profile's `verb` words and `infinitive` endings (but not `infinitive_not`).
fn is_verbish(bt: &BlockText, s: &str) -> bool {
    let g = &bt.lex.grammar;
    g.is("verb", s)
        || s.chars().count() > 5
            && g.words("infinitive").iter().any(|e| {
                s.ends_with(e) && !g.words("infinitive_not").iter().any(|x| s.ends_with(x))
            })
}

/// "en visant": the gerund's preposition before a present participle.
fn is_gerund(bt: &BlockText, prep: &str, s: &str) -> bool {
    let g = &bt.lex.grammar;
    g.is("gerund", prep) && g.words("gerund_ending").iter().any(|e| s.ends_with(e))
}
