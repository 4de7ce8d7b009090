//! The name-shape model (`assets/gazetteer/shape.tsv`): what a capitalized word
//! that no list knows looks like, from its character n-grams. Fitted by
//! `scripts/gen_assets.py` on the licensed lists (person names, place names,
//! ordinary words); here it is only read and applied.

use rustc_hash::FxHashMap as HashMap;

/// N-gram lengths of `^word$`, as the generator fits them.
const NGRAMS: [usize; 3] = [2, 3, 4];
/// Longer words are read up to this many characters (names are far shorter).
const MAX_CHARS: usize = 48;
/// Weights are written in hundredths.
const SCALE: f32 = 100.0;

pub struct ShapeModel {
    /// Hash of a gram -> log-odds (person, place) against an ordinary word.
    grams: HashMap<u64, [i16; 2]>,
    bias: [i16; 2],
}

/// Probabilities that a word is a person's name, a place's name or an ordinary word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub person: f32,
    pub place: f32,
    pub common: f32,
}

/// FNV-1a over the characters: the gram's key, without building the gram.
fn hash(chars: impl IntoIterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl ShapeModel {
    /// Reads `gram<TAB>person<TAB>place` lines (comments skipped); the `^bias` line
    /// holds the intercepts.
    pub fn parse(tsv: &str) -> ShapeModel {
        let mut grams = HashMap::default();
        let mut bias = [0; 2];
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut c = line.split('\t');
            let (Some(g), Some(p), Some(l)) = (c.next(), c.next(), c.next()) else {
                continue;
            };
            let (Ok(p), Ok(l)) = (p.parse::<i16>(), l.parse::<i16>()) else {
                continue;
            };
            if g == "^bias" {
                bias = [p, l];
            } else {
                grams.insert(hash(g.chars()), [p, l]);
            }
        }
        ShapeModel { grams, bias }
    }

    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    /// The shape of a lowercase word (no allocation: grams are hashed in place,
    /// each distinct gram counted once, as fitted).
    pub fn shape(&self, lower: &str) -> Shape {
        let mut buf = ['\0'; MAX_CHARS + 2];
        buf[0] = '^';
        let mut n = 1;
        for c in lower.chars().take(MAX_CHARS) {
            buf[n] = if c == '\u{2019}' { '\'' } else { c };
            n += 1;
        }
        buf[n] = '$';
        n += 1;
        let mut keys = [0u64; 3 * (MAX_CHARS + 2)];
        let mut k = 0;
        for len in NGRAMS {
            for i in 0..(n + 1).saturating_sub(len) {
                keys[k] = hash(buf[i..i + len].iter().copied());
                k += 1;
            }
        }
        let keys = &mut keys[..k];
        keys.sort_unstable();
        let (mut p, mut l) = (i32::from(self.bias[0]), i32::from(self.bias[1]));
        let mut last = None;
        for &key in keys.iter() {
            if last == Some(key) {
                continue;
            }
            last = Some(key);
            if let Some(w) = self.grams.get(&key) {
                p += i32::from(w[0]);
                l += i32::from(w[1]);
            }
        }
        let (p, l) = (p as f32 / SCALE, l as f32 / SCALE);
        let m = p.max(l).max(0.0);
        let (ep, el, ec) = ((p - m).exp(), (l - m).exp(), (-m).exp());
        let z = ep + el + ec;
        Shape {
            person: ep / z,
            place: el / z,
            common: ec / z,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{lexicon, Lexicon};
    use crate::Language;

    /// The generator's held-out split: FNV-1a 32 of the word's UTF-8 bytes is 0 mod 10.
    fn held_out(w: &str) -> bool {
        let mut h: u32 = 0x811c_9dc5;
        for b in w.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        h.is_multiple_of(10)
    }

    fn asset(name: &str) -> String {
        let p = format!(
            "{}/../../assets/gazetteer/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    /// One-word capitalized entries of a list (first column), lowercase.
    fn words(file: &str) -> std::collections::BTreeSet<String> {
        asset(file)
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|n| !n.contains(' ') && n.starts_with(char::is_uppercase) && n.len() >= 2)
            .map(|n| n.replace('\u{2019}', "'").to_lowercase())
            .collect()
    }

    /// The held-out words of the generator's split (not fitted on), each in one class.
    fn held_out_sets() -> (Vec<String>, Vec<String>) {
        let mut person = words("firstnames.txt");
        person.extend(words("surnames.txt"));
        let mut place = std::collections::BTreeSet::new();
        for f in [
            "places.fr.tsv",
            "places.en.tsv",
            "places_weak.fr.tsv",
            "places_weak.en.tsv",
            "cities_small.tsv",
            "cities_small_weak.tsv",
        ] {
            place.extend(words(f));
        }
        let common: std::collections::BTreeSet<String> = ["common.fr.txt", "common.en.txt"]
            .iter()
            .flat_map(|f| {
                asset(f)
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.contains(' ') && l.len() >= 2)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let only = |s: &std::collections::BTreeSet<String>,
                    o1: &std::collections::BTreeSet<String>,
                    o2: &std::collections::BTreeSet<String>| {
            s.iter()
                .filter(|w| held_out(w) && !o1.contains(*w) && !o2.contains(*w))
                .cloned()
                .collect::<Vec<_>>()
        };
        (
            only(&person, &place, &common),
            only(&place, &person, &common),
        )
    }

    fn model(lang: Language) -> &'static Lexicon {
        lexicon(lang)
    }

    /// On names it was not fitted on, the shape tells a person from a place far
    /// better than chance (the generator reports 0.80 balanced).
    #[test]
    fn shape_separates_held_out_persons_from_places() {
        let lex = model(Language::Fr);
        let (person, place) = held_out_sets();
        assert!(
            person.len() > 2000 && place.len() > 5000,
            "held-out sets too small"
        );
        let recall = |ws: &[String], want_person: bool| {
            let hit = ws
                .iter()
                .filter(|w| {
                    let s = lex.shape.shape(w);
                    (s.person > s.place) == want_person
                })
                .count();
            hit as f64 / ws.len() as f64
        };
        let (rp, rl) = (recall(&person, true), recall(&place, false));
        let balanced = (rp + rl) / 2.0;
        assert!(
            balanced > 0.77,
            "balanced accuracy {balanced:.3} (person {rp:.3}, place {rl:.3})"
        );
        assert!(rp > 0.7 && rl > 0.7, "person {rp:.3}, place {rl:.3}");
    }

    #[test]
    fn shapes_of_invented_words() {
        let lex = model(Language::En);
        // Invented words with a surname's ending, a town's ending, an ordinary word's.
        let s = lex.shape.shape("brankowski");
        assert!(s.person > s.place && s.person > s.common, "{s:?}");
        let s = lex.shape.shape("kervilleville");
        assert!(s.place > s.person, "{s:?}");
        let s = lex.shape.shape("reconstructionism");
        assert!(s.common > s.person && s.common > s.place, "{s:?}");
        let s = lex.shape.shape("");
        assert!((s.person + s.place + s.common - 1.0).abs() < 1e-4);
    }
}
