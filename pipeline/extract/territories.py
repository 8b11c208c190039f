"""Territories and organizations named in Russian text, resolved to codes.

Gazetteers are data: `pipeline/data/countries.csv` (ISO 3166-1 alpha-2), `regions.csv` (the 85
federal subjects, ISO 3166-2:RU; Крым and Севастополь, which ISO lists under UA, carry the codes
RU-CR and RU-SEV used in Russian sources), `federal_districts.csv` (ЦФО … ДФО; codes RU-CFD …
RU-FEFD are ours, ISO has none) and `cities.csv` (code `<region or country>/<slug>`,
the subject it lies in, `within` for a district of a city: Пудун → Шанхай). Every name, alias and
adjective is matched by its lemmas (`pipeline.extract.lemmas`): "Курской области", "курские",
"Курская обл." → RU-KRS; "КНР", "Китая", "китайский" → CN.

A country name next to a currency word ("долларов США", "канадских долларов") is a currency, never
a territory. A city that is also a person's name or surname (Владимир, Королёв) needs a cue
("г.", "город", "в", "из") before it. Organizations get a normalized key (`org_key`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pipeline.extract.lemmas import LemmaIndex, Word, norm, phrase_lemmas, words
from pipeline.extract.numbers import CURRENCIES, unit_of

__all__ = [
    "Territory",
    "TerritorySpan",
    "document_territory",
    "find_organizations",
    "find_territories",
    "is_currency_country",
    "org_key",
    "organization",
    "resolve_territory",
    "territory",
]

DATA = Path(__file__).resolve().parent.parent / "data"
TYPES = ("country", "region", "city", "org")
# Words that may stand for the generic word of a subject's name ("Курская обл.").
ABBREVIATED = {"обл": "область", "респ": "республика", "г": "город"}
CITY_CUES = frozenset({"г", "город", "в", "во", "из", "под", "около"})
# Document territory: the title counts this many times; a region must dominate by this factor.
TITLE_WEIGHT = 5
DOMINANCE = 2.0
MIN_MENTIONS = 3
DOCUMENTS_CACHED = 4
_FORMS = (
    r"ООО|ОАО|ЗАО|ПАО|НАО|АО|ИП|ФГУП|ГУП|МУП|ФГБУ|ФГБОУ|ФГАОУ|ГБУ|ГАУ|ГКУ|ОГБУ|ОКУ|АНО|НКО|НП|ГК|ВО|ДПО"
    r"|Филиал|филиал"
)
LEGAL_FORMS = re.compile(rf"\b(?:{_FORMS})\b\.?")
# A legal form and a quoted name ('ООО "АПХ "Мираторг"', 'АО «Корпорация развития Курской области»').
_OPEN, _CLOSE, _NAME = '[«"“„]', '[»"”]', '[^«»"“”„\n]'
_ORGANIZATION = re.compile(
    rf"\b(?:{_FORMS})(?:\s+[А-ЯЁ]{{2,6}})?\s*{_OPEN}(?:{_NAME}{{1,80}}?(?<=\S){_CLOSE}(?![А-Яа-яЁёA-Za-z])"
    rf"|{_NAME}{{1,60}}?{_OPEN}{_NAME}{{1,40}}{_CLOSE}{_CLOSE}?)"
)  # a simple quoted name, else one with a quoted name inside ('ООО "УК "Агро-Инвест"')
QUOTES = re.compile(r"[«»\"“”„']")
IMPRINT_REST = re.compile(r"[\s\d.,:;–—-]|г\.|год")


@dataclass(frozen=True)
class Territory:
    code: str  # ISO 3166-1 alpha-2, ISO 3166-2:RU, "<parent>/<slug>" for a city, "org:<key>"
    name: str  # canonical Russian name (nominative)
    type: str  # country | region | city | org
    country: str | None = None  # ISO 3166-1 alpha-2
    region: str | None = None  # federal subject code, for regions and Russian cities
    within: str | None = None  # enclosing city of a district ("CN/shanhay" for Пудун)

    @property
    def iso(self) -> str | None:
        """The ISO 3166 code a figure's `subject_code` carries: a city's federal subject or country
        (Курск → RU-KRS, Пудун → CN), none for an organization."""
        if self.type == "city":
            return self.region or self.country
        return None if self.type == "org" else self.code


@dataclass(frozen=True)
class TerritorySpan:
    territory: Territory
    start: int  # character offsets in the text
    end: int
    text: str


@dataclass(frozen=True)
class _Entry:
    territory: Territory
    kind: str  # name | adjective | abbreviation
    needs_cue: bool = False


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(field: str | None) -> list[str]:
    return [item.strip() for item in (field or "").split("|") if item.strip()]


def _kind(phrase: str) -> str:
    return "abbreviation" if phrase.isupper() and len(phrase) > 1 else "name"


def _named(t: Territory, row: dict[str, str], needs_cue: bool = False) -> list[tuple[str, _Entry]]:
    names = [(p, _Entry(t, _kind(p), needs_cue)) for p in [row["name"], *_split(row.get("aliases"))]]
    return names + [(a, _Entry(t, "adjective")) for a in _split(row.get("adjectives"))]


@cache
def _entries() -> list[tuple[str, _Entry]]:
    out: list[tuple[str, _Entry]] = []
    for row in _read("countries.csv"):
        out += _named(Territory(row["code"], row["name"], "country", row["code"]), row)
    for name in ("regions.csv", "federal_districts.csv"):
        for row in _read(name):
            out += _named(Territory(row["code"], row["name"], "region", "RU", row["code"]), row)
    for row in _read("cities.csv"):
        region, within = row["region"] or None, row["within"] or None
        t = Territory(row["code"], row["name"], "city", row["country"], region, within)
        out += _named(t, row, needs_cue=row["needs_cue"] == "yes")
    return out


@cache
def _index() -> LemmaIndex[_Entry]:
    return LemmaIndex([(phrase_lemmas(p), e) for p, e in _entries()])


@cache
def _by_code() -> dict[str, Territory]:
    return {e.territory.code: e.territory for _, e in _entries()}


def territory(code: str) -> Territory | None:
    """The territory with this code ("RU-KRS", "CN", "RU-KLU/kaluga")."""
    return _by_code().get(code)


_HOMOGLYPHS = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _token(w: Word) -> str:
    """The word as matched: an abbreviation's full word; Latin look-alike letters in a Cyrillic word
    read as Cyrillic ("Hижегородской" with a Latin H)."""
    text = w.text.translate(_HOMOGLYPHS) if _CYRILLIC.search(w.text) else w.text
    return ABBREVIATED.get(norm(text), text)


def _cased_right(entry: _Entry, found: list[Word], caseless: bool) -> bool:
    """Names start with a capital, abbreviations are upper case (unless the input is all lower case)."""
    if caseless or entry.kind == "adjective":
        return True
    first = found[0].text
    return first.isupper() if entry.kind == "abbreviation" else first[:1].isupper()


def _cued(entry: _Entry, tokens: list[Word], start: int) -> bool:
    return not entry.needs_cue or (start > 0 and norm(tokens[start - 1].text) in CITY_CUES)


def find_territories(text: str) -> list[TerritorySpan]:
    """Territories named in a text, left to right, longest first, currencies' countries skipped."""
    tokens = words(text)
    caseless = text == text.lower()
    spans: list[TerritorySpan] = []
    taken = -1
    for m in _index().matches([_token(w) for w in tokens]):
        found = tokens[m.start : m.end]
        if m.start <= taken or not _cased_right(m.value, found, caseless):
            continue
        start, end = found[0].start, found[-1].end
        if not _cued(m.value, tokens, m.start) or is_currency_country(text, start, end):
            continue
        spans.append(TerritorySpan(m.value.territory, start, end, text[start:end]))
        taken = m.end - 1
    return spans


def resolve_territory(text_or_words: str | Sequence[str]) -> Territory | None:
    """The first territory a phrase names ("Курской области" → RU-KRS), or None."""
    text = text_or_words if isinstance(text_or_words, str) else " ".join(text_or_words)
    spans = find_territories(text)
    return spans[0].territory if spans else None


_CURRENCY_BEFORE = re.compile(r"([А-Яа-яЁёA-Za-z$€£¥₽]+)\.?\s*$")
_CURRENCY_AFTER = re.compile(r"^\s*([А-Яа-яЁё]+)")


def is_currency_country(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a currency's country: "долл. США", "канадских долларов"."""
    before = _CURRENCY_BEFORE.search(text[max(0, start - 20) : start])
    after = _CURRENCY_AFTER.match(text[end : end + 20])
    return any(m is not None and unit_of(m.group(1)) in CURRENCIES for m in (before, after))


def _region_of(t: Territory) -> Territory | None:
    if t.type == "region":
        return t
    return territory(t.region) if t.type == "city" and t.region else None


def document_territory(texts: Sequence[str]) -> Territory | None:
    """The region or country a document is about, from its title and first pages.

    `texts[0]` (the title or first page) weighs TITLE_WEIGHT times. Cities count for their region;
    an imprint line ("Москва 2017") does not count. The most named territory must be named
    MIN_MENTIONS times and DOMINANCE times more than the next one, else None.
    """
    return _document_territory(tuple(texts))


@lru_cache(maxsize=DOCUMENTS_CACHED)
def _document_territory(texts: tuple[str, ...]) -> Territory | None:
    """`document_territory`, cached: figures, clusters and observations ask for the same pages."""
    counts: Counter[Territory] = Counter()
    for i, text in enumerate(texts):
        for span in find_territories(text):
            key = _region_of(span.territory) or span.territory
            if key.type in ("region", "country") and not _is_imprint(text, span):
                counts[key] += TITLE_WEIGHT if i == 0 else 1
    ranked = counts.most_common(2)
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    top, n = ranked[0]
    return top if n >= MIN_MENTIONS and n >= DOMINANCE * second else None


def _is_imprint(text: str, span: TerritorySpan) -> bool:
    """The span is alone on its line but for a year: a publisher's city."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    rest = line.replace(span.text, "", 1)
    return span.territory.type != "country" and not IMPRINT_REST.sub("", rest)


def org_key(name: str) -> str:
    """Normalized key of an organization's name: legal form, quotes, case and "ё" removed.

    'ООО "АПХ "Мираторг"' → "апх мираторг"; 'АО «Корпорация развития Курской области»' →
    "корпорация развития курской области".
    """
    text = QUOTES.sub(" ", LEGAL_FORMS.sub(" ", name))
    return " ".join(norm(text).split())


def find_organizations(text: str) -> list[TerritorySpan]:
    """Organizations named with a legal form and a quoted name, left to right."""
    found = _ORGANIZATION.finditer(text)
    return [TerritorySpan(organization(m.group()), m.start(), m.end(), m.group()) for m in found]


def organization(name: str) -> Territory:
    """An organization as a Territory of type "org" with code "org:<key>"."""
    cleaned = " ".join(QUOTES.sub(" ", LEGAL_FORMS.sub(" ", name)).split())
    return Territory(f"org:{org_key(name)}", cleaned, "org")
