//! Where a name starts and ends: capitalized runs with particles, the longest
//! gazetteer place, institutional names with their adjectives and complements.

use super::block::BlockText;
use super::lexicon::{class, PlaceType};
use super::names::new_cand;

/// The longest capitalized run taken as one name.
const MAX_NAME_TOKENS: usize = 12;
use super::features::F;
use super::names::NameCand;

/// Builds the longest plausible name starting at token `i`.
pub(super) fn sequence(bt: &BlockText, i: usize) -> Option<NameCand> {
    let lex = bt.lex;
    let n = bt.len();
    let mut a = i;
    // A nationality noun before a name is a cue, not part of it: "le Kazakh Kassym-Jomart Tokaïev".
    let mut demonym_cue = false;
    // But "American Airlines", "British Museum": a common word after the nationality
    // word makes it part of the name, and "Christian Bale" starts with a first name.
    if bt.is_demonym(a)
        && bt.namelike(a + 1)
        && bt.spaced(a)
        && !bt.toks[a].upper
        && !bt.first_name(a)
        && (!bt.is_common(a + 1) || bt.first_name(a + 1))
        && place_from(bt, a) == 0
    {
        demonym_cue = true;
        a += 1;
    }
    // Longest gazetteer place first ("Afrique du Sud", "Asie centrale").
    let mut best_place = None;
    // The window stops at punctuation inside it; its folded text is built once and
    // each candidate length is a prefix of it.
    let mut maxk = 1;
    while maxk < lex.place_max_tokens.min(n - a) {
        let j = a + maxk;
        // ("St. Louis": the period of a name's abbreviation is part of it.)
        if !bt.toks[j].space_before
            && bt.toks[j].kind == crate::text::TokenKind::Punct
            && !bt.name_abbrev_at(j - 1)
        {
            break;
        }
        maxk += 1;
    }
    // Multi-word places end on a name or an adjective ("Asie centrale").
    let can_end = |b: usize| {
        b == a + 1 || bt.toks[b - 1].cap || bt.namelike(b - 1) || bt.adjective_after(b - 1)
    };
    while maxk > 1 && !can_end(a + maxk) {
        maxk -= 1;
    }
    let base = bt.toks[a].start;
    // The block's scratch buffer, not a new string each time (one window a name).
    let mut folded = bt.scratch.take();
    folded.clear();
    // (Room for the window's text as written: folding seldom makes it longer.)
    folded.reserve(bt.toks[a + maxk - 1].end - base);
    // (`maxk` is at most `place_max_tokens`, capped by PLACE_MAX_TOKENS.)
    let mut ends = [0; super::lexicon::PLACE_MAX_TOKENS];
    let mut filled = 0;
    for (k, end) in ends.iter_mut().enumerate().take(maxk) {
        let t = bt.toks[a + k];
        let from = if k == 0 { base } else { bt.toks[a + k - 1].end };
        super::lexicon::fold_into(&mut folded, &bt.text[from..t.end]);
        *end = folded.len();
        filled += 1;
        // A longer place must begin with this first word and a space or a mark.
        if k == 0 && !lex.place_prefixes.contains(folded.as_str()) {
            break;
        }
    }
    let maxk = filled;
    for k in (1..=maxk).rev() {
        let b = a + k;
        if !can_end(b) {
            continue;
        }
        if let Some(&super::lexicon::Place { kind: t, .. }) = lex.places.get(&folded[..ends[k - 1]])
        {
            // "US", "UK" are not the towns "Us" and "Uk": an acronym matches no
            // place that needs its context.
            if k == 1 && bt.acronym_shaped(a) && lex.doubtful_place(&folded[..ends[0]]) {
                break;
            }
            best_place = Some((b, t));
            break;
        }
    }
    bt.scratch.set(folded);
    if best_place.is_none() && can_end(a + 1) {
        if let Some(t) = prefixed_place(bt, a) {
            best_place = Some((a + 1, t));
        }
    }
    // Capitalized run with particles inside.
    let mut b = a + 1;
    // In a Title Case headline of a language that capitalizes every word of a name,
    // capitals join nothing: a run stops where everyday words meet other words
    // ("Putin | Address Election Meddling Charges"), except a first name's surname.
    // (A headline, not a sentence full of names: it does not end with a period.)
    // In capitals every word looks alike in any language, and a wire headline may
    // end with a period ("CRICKET - WAUGH HITS CENTURY AS AUSTRALIA BEAT SRI LANKA.").
    let headline = bt.all_caps
        || (bt.title_case
            && lex.title_case_names
            && bt
                .toks
                .last()
                .is_some_and(|t| &bt.text[t.start..t.end] != "."));
    let plain = |j: usize| {
        bt.is_common(j)
            && !bt.first_name(j)
            && !lex.surnames.contains(bt.s(j))
            && bt.place1(j).is_none()
    };
    loop {
        // No real name runs past a dozen words; a capitalized run longer than that
        // (a shouted line, a list of names without commas) is cut into pieces.
        if b - a >= MAX_NAME_TOKENS {
            break;
        }
        if headline && b < n && plain(b) != plain(b - 1) && !bt.first_name(b - 1) {
            break;
        }
        // The first name's surname is its one word: an everyday word after a plain
        // surname ends the run ("Ann Bell | Sells Tower"), unless a listed name runs
        // on through it.
        if headline
            && b < n
            && b >= a + 2
            && plain(b)
            && plain(b - 1)
            && bt.first_name(b - 2)
            && !listed_through(bt, a, b)
        {
            break;
        }
        if b < n && bt.spaced(b - 1) && bt.namelike(b) && !bt.is_function(b) {
            b += 1;
            continue;
        }
        // A company's joiner between two capitalized words: "Johnson & Johnson".
        if b + 1 < n
            && bt.spaced(b - 1)
            && bt.spaced(b)
            && bt.in_class_as_written(class!("name_joiner"), b)
            && bt.toks[b + 1].cap
            && bt.namelike(b + 1)
            && !bt.is_function(b + 1)
        {
            b += 2;
            continue;
        }
        // A middle initial and its period: "George W. Bush", "J. K. Rowling"; an
        // abbreviation opening a name: "St. Louis Cardinals".
        if b + 1 < n
            && (bt.initial_at(b - 1) || bt.name_abbrev_at(b - 1))
            && bt.s(b) == "."
            && bt.spaced(b)
            && bt.namelike(b + 1)
            && !bt.is_function(b + 1)
        {
            b += 2;
            continue;
        }
        // Cap function words inside a name: "Marine Le Pen", "Bart De Wever".
        if b + 1 < n
            && bt.spaced(b - 1)
            && bt.toks[b].cap
            && lex.name_particle_cap.contains(bt.lc(b).as_ref())
            && bt.namelike(b + 1)
            && bt.spaced(b)
        {
            b += 2;
            continue;
        }
        // Lowercase particles between two name parts.
        if b + 1 < n
            && bt.spaced(b - 1)
            && !bt.toks[b].cap
            && lex.particles.contains(bt.lc(b).as_ref())
        {
            let mut c = b + 1;
            if bt.of_article(b) {
                c += 1;
            }
            if c < n && bt.namelike(c) && !bt.is_function(c) {
                // Particles that also start a complement ("de") join only after an
                // institution, event or place word, or a first name ("Charles de Gaulle",
                // "Jeanne d'Albret"; an elided one also after a first name and its
                // surname: "Valéry Giscard d'Estaing"; an article before a capitalized
                // epithet: "Alexandre le Grand").
                let head = bt.s(a);
                let joins = if bt.in_class(class!("particle_after_head"), b) {
                    lex.org_heads.contains(head)
                        || lex.event_heads.contains(head)
                        || lex.place_heads.contains(head)
                        || (bt.first_name(a)
                            && bt.in_class(class!("particle_after_first_name"), b)
                            && (b == a + 1 || (b == a + 2 && bt.toks[b].elision)))
                        || (bt.first_name(a)
                            && b == a + 1
                            && bt.in_class(class!("epithet_article"), b)
                            && bt.toks[c].cap)
                        || team_of_place(bt, a, b, c)
                } else {
                    true
                };
                if joins {
                    b = c + 1;
                    continue;
                }
            }
        }
        break;
    }
    // Institutional names: head + lowercase adjectives + "de ..." complements. The head
    // may follow "ex-" or a capitalized adjective ("Nouveau Front populaire").
    let head = head_word(bt, a);
    let institutional = lex.org_heads.contains(head)
        || lex.event_heads.contains(head)
        || lex.place_heads.contains(head);
    if institutional {
        b = extend_institution(bt, a, b);
    }
    if let Some((pb, _)) = best_place {
        if pb >= b {
            b = pb;
        }
    }
    // Split "Parlement Nabih Berry": a known head followed by a first name.
    if b - a >= 3 {
        for k in a + 1..b - 1 {
            // (Not inside a longer listed place: "San Diego Padres" is no "San" and
            // "Diego Padres".)
            if bt.toks[k].cap
                && bt.first_name(k)
                && !bt.first_name(a)
                && best_place.is_none_or(|(pb, _)| pb <= k)
                && (institutional || bt.with_folded(a, k, |w| lex.places.contains_key(w)))
            {
                b = k;
                break;
            }
        }
    }
    // A number after a competition's or an institution's name is part of it: a league,
    // an edition, a year ("Ligue 1", "Euro 2024"); not a score ("6-3") or a date.
    let number_tail = b < n
        && (lex.event_heads.contains(head) || lex.org_heads.contains(head))
        && bt.spaced(b - 1)
        && bt.toks[b].kind == crate::text::TokenKind::Number
        && bt.s(b).len() <= 4
        && bt.toks[b - 1].cap
        && !lex.dates.contains(bt.folded1(b - 1).as_ref())
        && !(b + 1 < n
            && (bt.toks[b + 1].kind == crate::text::TokenKind::Number
                || !bt.spaced(b) && matches!(bt.s(b + 1), "-" | "/")));
    if number_tail {
        b += 1;
    }
    // French puts no article before a person's name: in "le Kazakh Kassym-Jomart Tokaïev"
    // the first word is a nationality or title noun.
    if !demonym_cue
        && !institutional
        && best_place.is_none()
        && a > 0
        && bt.in_class(class!("article_no_person"), a - 1)
        && bt.toks[a].cap
        && !bt.toks[a].upper
    {
        let next_is_first_name = b - a >= 2 && bt.first_name(a + 1);
        if b - a >= 3 || next_is_first_name {
            demonym_cue = true;
            a += 1;
        }
    }
    let mut c = new_cand(bt, a, b);
    if number_tail {
        c.feats.add(F::NumberTail);
    }
    if demonym_cue {
        c.feats.add(F::DemonymCue);
    }
    if let Some((pb, t)) = best_place {
        if pb == b {
            c.feats.add(match t {
                PlaceType::Country => F::PlaceCountry,
                PlaceType::Region => F::PlaceRegion,
                PlaceType::Continent => F::PlaceContinent,
                PlaceType::City => F::PlaceCity,
                PlaceType::Natural => F::PlaceNatural,
            });
            use super::lexicon::place_flag as pf;
            let flags = lex.places.get(c.key.as_str()).map_or(0, |p| p.flags);
            for (bit, f) in [
                (pf::WEAK, F::ListWeak),
                (pf::SMALL, F::ListSmallTown),
                (pf::COMMON, F::ListFlagCommon),
                (pf::FIRST_NAME, F::ListFlagFirstName),
                (pf::SURNAME, F::ListFlagSurname),
            ] {
                if flags & bit != 0 {
                    c.feats.add(f);
                }
            }
            // A town whose name is also a common word, or a "town" after an article
            // (towns take none in French; movements do), needs its context.
            let after_article = a > 0 && lex.determiners.contains(bt.lc(a - 1).as_ref());
            if t == PlaceType::City && b - a == 1 && bt.is_common(a) {
                c.feats.add(F::PlaceCityCommon);
            }
            if t == PlaceType::City && after_article {
                c.feats.add(F::PlaceCityArticle);
            }
        }
    }
    Some(c)
}

/// "Grande-Bretagne", "Haute-Égypte", "Nouvelle-Angleterre": one of the profile's
/// `place_prefix` words (high, new, great) glued by a hyphen to a listed place that
/// is no common word names a place of its own, a region of the one it names or
/// another named after it.
fn prefixed_place(bt: &BlockText, a: usize) -> Option<PlaceType> {
    let (head, rest) = bt.s(a).split_once('-')?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let lex = bt.lex;
    if !lex.grammar.is("place_prefix", &head.to_lowercase()) {
        return None;
    }
    let mut folded = String::new();
    super::lexicon::fold_into(&mut folded, rest);
    let place = lex.places.get(folded.as_str())?;
    (place.flags & super::lexicon::place_flag::COMMON == 0).then_some(PlaceType::Region)
}

/// The tokens of the longest listed place of two words or more starting at `a`
/// ("New Zealand"), 0 if none.
pub(super) fn place_from(bt: &BlockText, a: usize) -> usize {
    bt.place_run(a, || place_from_uncached(bt, a))
}

fn place_from_uncached(bt: &BlockText, a: usize) -> usize {
    let max = bt.lex.place_max_tokens.min(bt.len() - a);
    // A window is a place's only if its words are joined by spaces (or the period
    // of a name's abbreviation): the first break bounds them all.
    let joined = |j: usize| {
        (bt.spaced(j - 1) && bt.toks[j].kind != crate::text::TokenKind::Punct)
            || bt.name_abbrev_at(j - 1)
    };
    let max = (a + 1..a + max)
        .find(|&j| !joined(j))
        .map_or(max, |j| j - a);
    if max < 2 {
        return 0;
    }
    // A longer place must begin with the first word and a space or a mark (a word
    // token always ends before one): most words begin none. An ASCII word's folded
    // form is its lowercase one: told before anything is folded.
    let first_word = bt.word(a) && !bt.toks[a].elision;
    let ascii = bt.s(a).is_ascii();
    if first_word && ascii && !bt.lex.place_prefixes.contains(bt.lower(a)) {
        return 0;
    }
    // Folding goes letter by letter: each window's folded text is a prefix of the
    // longest one's, folded once.
    let mut folded = String::with_capacity(bt.toks[a + max - 1].end - bt.toks[a].start);
    let mut ends = [0; super::lexicon::PLACE_MAX_TOKENS];
    let mut from = bt.toks[a].start;
    for (k, end) in ends.iter_mut().enumerate().take(max) {
        let to = bt.toks[a + k].end;
        super::lexicon::fold_into(&mut folded, &bt.text[from..to]);
        *end = folded.len();
        from = to;
        if k == 0 && first_word && !ascii && !bt.lex.place_prefixes.contains(folded.as_str()) {
            return 0;
        }
    }
    (2..=max)
        .rev()
        .find(|&k| bt.lex.places.contains_key(&folded[..ends[k - 1]]))
        .unwrap_or(0)
}

/// "les Rangers de New York", "aux Magic d'Orlando": a team named by a plural
/// determiner, one unknown name and the place it plays for.
fn team_of_place(bt: &BlockText, a: usize, b: usize, c: usize) -> bool {
    let lex = bt.lex;
    if b != a + 1 || a == 0 || !bt.in_class(class!("team_det"), a - 1) {
        return false;
    }
    if bt.toks[a].upper || bt.with_folded(a, b, |w| lex.places.contains_key(w)) {
        return false;
    }
    let mut e = c + 1;
    while e < bt.len() && bt.spaced(e - 1) && bt.namelike(e) {
        e += 1;
    }
    (c + 1..=e).any(|x| bt.with_folded(c, x, |w| lex.places.contains_key(w)))
}

/// The word that says what a name is: the first, past "ex-" or a capitalized
/// adjective such as "Nouveau" or "Haute".
pub(super) fn head_word<'a>(bt: &BlockText<'a>, a: usize) -> &'a str {
    let first = bt.s(a);
    let first = bt.strip_former(first);
    if a + 1 < bt.len()
        && bt.spaced(a)
        && bt.toks[a + 1].cap
        && bt.is_common(a)
        && (bt.lex.org_heads.contains(bt.s(a + 1)) || bt.lex.place_heads.contains(bt.s(a + 1)))
    {
        return bt.s(a + 1);
    }
    first
}

/// After an institutional head ("Cour", "Banque", "Festival"): adjectives, then up to
/// three "de/du/des (la/l') X" complements where X is a name or a lowercase noun.
fn extend_institution(bt: &BlockText, a: usize, mut b: usize) -> usize {
    let n = bt.len();
    let mut complements = 0;
    // Adjectives right after the head (nationality words allowed: "Banque centrale européenne").
    if b == a + 1 || (b == a + 2 && head_word(bt, a) != bt.s(a)) {
        while b < n && bt.spaced(b - 1) && bt.adjective_after(b) {
            b += 1;
        }
    }
    while complements < 3 && b < n && bt.spaced(b - 1) && bt.is_of(b) {
        let mut c = b + 1;
        if bt.of_article(b) {
            c += 1;
        }
        if c >= n {
            break;
        }
        if bt.namelike(c) && !bt.is_function(c) {
            c += 1;
            while c < n && bt.spaced(c - 1) && bt.namelike(c) && !bt.is_function(c) {
                c += 1;
            }
        } else if bt.word(c)
            && !bt.toks[c].cap
            && !bt.is_function(c)
            && !bt.toks[c].elision
            && bt.is_common(c)
            && c + 1 < n
            && (bt.is_of(c + 1) && bt.namelike(c + 2) || bt.of_article(c + 1) && bt.namelike(c + 3))
        {
            // "des droits de l'Homme": a lowercase noun that leads to a name.
            c += 1;
            continue_after_noun(bt, &mut c);
        } else if complements == 0
            && (bt.lex.org_heads.contains(head_word(bt, a))
                || bt.lex.event_heads.contains(head_word(bt, a)))
            && bt.word(c)
            && !bt.toks[c].cap
            && !bt.toks[c].elision
            && !bt.is_function(c)
            && bt.is_common(c)
        {
            // "Conseil de sécurité", "Organisation mondiale de la santé", "Cour des
            // comptes": one lowercase noun completes an institution's name.
            c += 1;
        } else {
            break;
        }
        b = c;
        complements += 1;
        // Adjectives after a complement, but no nationality words ("Conseil d'Etat français").
        while b < n
            && bt.spaced(b - 1)
            && bt.adjective_after(b)
            && !bt.is_demonym(b)
            && !bt.is_common(b)
        {
            b += 1;
        }
    }
    b
}

fn continue_after_noun(bt: &BlockText, c: &mut usize) {
    // At "de l'Homme" / "de Paris": swallow the preposition, article and name.
    let n = bt.len();
    if bt.is_of(*c) {
        let with_article = bt.of_article(*c);
        *c += 1;
        if with_article {
            *c += 1;
        }
        while *c < n && bt.namelike(*c) && !bt.is_function(*c) {
            *c += 1;
            if !bt.spaced(*c - 1) {
                break;
            }
        }
    }
}

/// A listed place or known name that starts at `a` and runs past token `b`.
fn listed_through(bt: &BlockText, a: usize, b: usize) -> bool {
    let lex = bt.lex;
    (b + 1..=bt.len().min(a + MAX_NAME_TOKENS)).any(|c| {
        let written = &bt.text[bt.toks[a].start..bt.toks[c - 1].end];
        bt.with_folded(a, c, |w| lex.places.contains_key(w)) || lex.known.contains_key(written)
    })
}
