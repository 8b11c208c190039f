"""Cluster names: cleaning of printed text, display form, normal form, stable ids, variant keys."""

from __future__ import annotations

import hashlib
import re

from pipeline.extract.grammars.clusters import GENERIC_WORDS
from pipeline.nlp.morph import inflect, is_known, lemma, nominative, parses

QUOTE_PAIRS = re.compile(r"[\"“„”]([^\"“„”«»]{1,80})[\"”“]")
QUOTE_CHARS = re.compile(r"[«»\"“”„]")
ASIDE = re.compile(r"\s*\([^()]*\)")
HYPHEN_BREAK_LOWER = re.compile(r"([А-Яа-яЁё]*[а-яё])-\s*\n\s*([а-яё]+)")
LINKING_VOWELS = ("о", "е")  # "химико-|фармацевтический": a compound's first part ends in one
HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
HYPHEN_SPACE = re.compile(r"([а-яё])-\s+([а-яё])")  # "территориаль- ный"
SPLIT_WORD = re.compile(r"([А-Яа-яЁё]+)\n(?=([а-яё]+))")
CITY_ABBREVIATION = re.compile(r"\bв г\.?\s*")
PARK_LOCATIVE = re.compile(r"\b([Пп])арке\b")
PARK_PROXY = re.compile(r"\b([Зз])оопарк")
QUOTED = re.compile(r"«([^»]+)»")
WORD = re.compile(r"[\w-]+")
JOINERS = re.compile(r"[\s\-–]")
SHORT_TAIL = 2  # a split tail this short is a broken word ("промышленност|ь")
ID_HEX = 16
# Latin letters printed for their Cyrillic twins (and back) in one name: "Физтех XXI" / "Физтех ХХI"
LATIN_LOOKALIKES = str.maketrans("aceopxyk", "асеорхук")
STRAY_DOT = re.compile(r"(\w{3,})\.(?=\s+[а-яё])")  # an OCR dot inside a name: "Инновационный. кластер"
ORPHAN = "reference"  # `source` of a record that only refers to a cluster named on an earlier page


def clean_text(text: str) -> str:
    """Undo line breaks of a cell or mention: hyphen breaks, split words, runs of spaces."""
    text = HYPHEN_BREAK_LOWER.sub(_rejoin_hyphen, text)
    text = HYPHEN_BREAK.sub(r"\1-\2", text)
    text = HYPHEN_SPACE.sub(r"\1\2", text)
    text = SPLIT_WORD.sub(_rejoin_split, text)
    return " ".join(text.split())


def _rejoin_hyphen(m: re.Match) -> str:
    """ "террито-|риальный" → "территориальный"; "химико-|фармацевтический" keeps its hyphen (a
    linking vowel before it, an adjective after it, and no known word when joined)."""
    left, right = m.group(1), m.group(2)
    compound = left.endswith(LINKING_VOWELS) and not is_known(left + right)
    if compound and any(p.tag.POS == "ADJF" for p in parses(right)) and is_known(right):
        return f"{left}-{right}"
    return left + right


def _rejoin_split(m: re.Match) -> str:
    """ "промышленност|ь" → "промышленность" when the joined word is known and a part is not."""
    left, right = m.group(1), m.group(2)
    if is_known(left + right) and (not is_known(left) or not is_known(right) or len(right) <= SHORT_TAIL):
        return left
    return left + " "


def normalize_quotes(text: str) -> str:
    """Straight and curly quotes around a name → «»."""
    return QUOTE_PAIRS.sub(r"«\1»", text)


def display_name(surface: str) -> str:
    """A mention as a name: cleaned, «» quotes, head group in the nominative, capitalized."""
    name = normalize_quotes(clean_text(surface))
    name = CITY_ABBREVIATION.sub("в г. ", name)
    return capitalized(_nominative(name))


def capitalized(name: str) -> str:
    return name[:1].upper() + name[1:]


def _nominative(name: str) -> str:
    """`nominative`, with "парке" read as "парк" (pymorphy3 prefers "парка") via an unambiguous proxy."""
    words = name.split()
    if words and words[0].isupper() and len(words[0]) > 1:  # "ОЭЗ технико-внедренческого типа …": an
        return name  # indeclinable abbreviation heads the name, the rest is its genitive
    proxy = PARK_LOCATIVE.sub(lambda m: "Зоопарке" if m.group(1) == "П" else "зоопарке", name)
    if proxy == name:
        return _acronyms_kept(name, nominative(name))
    return PARK_PROXY.sub(lambda m: "Парк" if m.group(1) == "З" else "парк", nominative(proxy))


def _acronyms_kept(original: str, new: str) -> str:
    """The upper-case hyphen parts of `original` upper-case in `new` ("ИТ-кластера" → "ИТ-кластер")."""
    old_words, new_words = original.split(" "), new.split(" ")
    if len(old_words) != len(new_words):
        return new
    return " ".join(_acronym_parts(o, n) for o, n in zip(old_words, new_words, strict=True))


def _acronym_parts(original: str, new: str) -> str:
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new
    return "-".join(n.upper() if o.isupper() else n for o, n in zip(old_parts, new_parts, strict=True))


def normal_name(name: str) -> str:
    """Lowercase nominative name without quotes and asides: "Калужского фармкластера" → "калужский
    фармкластер", "Индустриальный (промышленный) парк «Союз»" → "индустриальный парк союз",
    "Инновационный. кластер" (an OCR dot) → "инновационный кластер"."""
    text = _nominative(normalize_quotes(STRAY_DOT.sub(r"\1", " ".join(name.split()))))
    text = QUOTE_CHARS.sub(" ", ASIDE.sub("", text)).lower().replace("ё", "е")
    return " ".join(text.split())


def cluster_id(name: str, country: str | None) -> str:
    """Stable id of a cluster across documents: sha256 of normal name and country, 16 hex."""
    key = f"{normal_name(name)}|{country or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:ID_HEX]


def core_key(name: str, kind: str | None) -> str:
    """The distinctive part of a name for merging variants: quoted name, else non-generic words."""
    quoted = QUOTED.search(normalize_quotes(name))
    words = [quoted.group(1).lower()] if quoted else WORD.findall(normal_name(name))
    core = "".join(w for w in words if quoted or lemma(w) not in GENERIC_WORDS)
    return "core:" + JOINERS.sub("", core).replace("ё", "е").translate(LATIN_LOOKALIKES) + f"|{kind}"


OBLIQUE_POS = {"ADJF", "NOUN"}


def genitive(place: str) -> str:
    """A place phrase in the genitive, up to its first noun ("Ярославской области", "Краснодарском
    крае" → "Краснодарского края", "Республике Татарстан" → "Республики Татарстан")."""
    out = []
    words = place.split()
    for i, word in enumerate(words):
        found = next((p for p in parses(word) if p.tag.POS in OBLIQUE_POS), None)
        form = inflect(found, {"gent"}) if found else None
        out.append(_shaped(word, form.word) if form else word)
        if found is not None and found.tag.POS == "NOUN":
            return " ".join(out + words[i + 1 :])
    return " ".join(out)


def _shaped(original: str, new: str) -> str:
    """The letter case of each hyphen part of `original` on `new` ("Санкт-Петербурге")."""
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        old_parts, new_parts = [original], [new]
    return "-".join(
        capitalized(n) if o[:1].isupper() else n for o, n in zip(old_parts, new_parts, strict=True)
    )
