"""Territories and organizations named in Russian text, resolved to codes.

Gazetteers are data: `pipeline/data/countries.csv` (ISO 3166-1 alpha-2), `regions.csv` (the 85
federal subjects, ISO 3166-2:RU; Крым and Севастополь, which ISO lists under UA, carry the codes
RU-CR and RU-SEV used in Russian sources), `federal_districts.csv` (ЦФО … ДФО; codes RU-CFD …
RU-FEFD are ours, ISO has none) and `cities.csv` (code `<region or country>/<slug>`,
the subject it lies in, `within` for a district of a city: Пудун → Шанхай). Every name, alias and
adjective is matched by its lemmas (`pipeline.extract.lemmas`): "Курской области", "курские",
"Курская обл." → RU-KRS; "КНР", "Китая", "китайский" → CN.

A country name next to a currency word ("долларов США", "канадских долларов") is a currency, never
a territory; one in the name of a law or an authority ("законодательства Российской Федерации",
"Правительства РФ", «… в Российской Федерации» after "Федеральным законом") is none either.

Municipal units are territories of type "municipality" found by their form (`lexicon.MUNICIPAL_*`):
a proper adjective before a unit noun ("Асиновского района", "Менделеевского муниципального района"
→ "Асиновский район", "Менделеевский район"; "Коморгузинского сельского поселения"), in a heading in
capitals too ("ЮРГАМЫШСКОГО РАЙОНА"), or in quotes after it ("муниципального района «Прилузский»"),
or a unit title before a proper name ("городского округа Муром", "в городе Асино" → "округ Муром",
"город Асино"). Their federal subject comes from `districts.csv` (per federal subject: its municipal
districts' and okrugs' adjectives, and its towns that are municipal units; a name several subjects
share gives none; compiled from a public list of Russia's municipal districts and okrugs, corrected
where it mixed up regions), else from the document: `document_territory` gives the unit a document
is about the federal subject named right after it ("Юргамышского района Курганской области"), else
the one the document names. Their code is "<federal subject or RU>/<name>" ("RU-TOM/томский-район").

A name after a street's or a settlement's noun ("ул. Советская", "с. Томское") is that street or
settlement, not a region. A city that is also a person's name or surname (Владимир, Королёв) needs a
cue ("г.", "город", "в", "из") before it. Organizations (a legal form and a quoted name: "ООО «…»",
"МАОУ «Копыловская СОШ»", "ООО « Шахтер »") get a normalized key (`org_key`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from pipeline import lexicon
from pipeline.extract.lemmas import LemmaIndex, Word, lemma_forms, norm, phrase_lemmas, words
from pipeline.extract.numbers import CURRENCIES, unit_of

__all__ = [
    "Territory",
    "TerritorySpan",
    "document_territory",
    "find_organizations",
    "find_territories",
    "in_quoted_title",
    "is_currency_country",
    "org_key",
    "organization",
    "resolve_territory",
    "territory",
]

DATA = Path(__file__).resolve().parent.parent / "data"
TYPES = ("country", "region", "city", "municipality", "org")
# Words that may stand for the generic word of a subject's name ("Курская обл.").
ABBREVIATED = {"обл": "область", "респ": "республика", "г": "город"}
CITY_CUES = frozenset({"г", "город", "в", "во", "из", "под", "около"})
# Document territory: the title counts this many times; a region must dominate by this factor.
TITLE_WEIGHT = 5
DOMINANCE = 2.0
MIN_MENTIONS = 3
DOCUMENTS_CACHED = 4
_FORMS = rf"{lexicon.organization_form_pattern()}|[Фф]илиал"  # a branch is named like a company
LEGAL_FORMS = re.compile(rf"\b(?:{_FORMS})\b\.?")
# A legal form and a quoted name ('ООО "АПХ "Мираторг"', 'АО «Корпорация развития Курской области»').
_QUOTE_CHARS = re.escape("".join(sorted(lexicon.QUOTES)))  # every quotation mark, for a character class
_OPEN, _CLOSE = f"[{re.escape(lexicon.OPENING_QUOTES)}]", f"[{re.escape(lexicon.CLOSING_QUOTES)}]"
_NAME = f"[^{_QUOTE_CHARS}\n]"
_ORGANIZATION = re.compile(
    rf"\b(?:{_FORMS})(?:\s+[А-ЯЁ]{{2,6}})?\s*{_OPEN}(?:{_NAME}{{1,80}}?(?<=\S)\s*{_CLOSE}(?![А-Яа-яЁёA-Za-z])"
    rf"|{_NAME}{{1,60}}?{_OPEN}{_NAME}{{1,40}}{_CLOSE}{_CLOSE}?)"
)  # a simple quoted name (spaces inside the quotes too: "ООО « Шахтер »"), else one with a quoted
# name inside ('ООО "УК "Агро-Инвест"')
QUOTES = re.compile(f"[{_QUOTE_CHARS}']")  # an apostrophe quotes too
IMPRINT_REST = re.compile(r"[\s\d.,:;–—-]|г\.|год")


@dataclass(frozen=True)
class Territory:
    code: str  # ISO 3166-1 alpha-2, ISO 3166-2:RU, "<parent>/<slug>" for a city, "org:<key>"
    name: str  # canonical Russian name (nominative)
    type: str  # country | region | city | municipality | org
    country: str | None = None  # ISO 3166-1 alpha-2
    region: str | None = None  # federal subject code, for regions, Russian cities and municipalities
    within: str | None = None  # enclosing city of a district ("CN/shanhay" for Пудун)

    @property
    def iso(self) -> str | None:
        """The ISO 3166 code a figure's `subject_code` carries: a city's federal subject or country
        (Курск → RU-KRS, Пудун → CN), a municipality's federal subject when known, none for an
        organization."""
        if self.type == "city":
            return self.region or self.country
        if self.type == "municipality":
            return self.region
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
            out += _named(
                Territory(row["code"], row["name"], "region", lexicon.HOME_COUNTRY, row["code"]), row
            )
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
    """Territories named in a text, left to right, longest first, currencies' countries and
    countries in the names of laws and authorities skipped, municipal units included."""
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
        if _local_place(text, tokens, m.start, m.end, m.value) or in_organization_name(text, start):
            continue
        taken = m.end - 1
        if m.value.territory.type == "country" and is_institutional(text, tokens, m.start):
            continue
        spans.append(TerritorySpan(m.value.territory, start, end, text[start:end]))
    if caseless:
        return spans
    units = _municipalities(text)
    named = [u for u, titled in units if not titled]  # "Томского района" is no "Томская область"
    titled = [u for u, t in units if t and not any(_overlap(u, s) for s in spans)]  # "городе Москве": Moscow
    spans = [s for s in spans if not any(_overlap(u, s) for u in named)]
    return _sharing_heads(text, sorted(spans + named + titled, key=lambda s: s.start))


_LISTED = re.compile(r"\s*(?:,\s*(?:и\s+)?|и\s+)")


def _sharing_heads(text: str, spans: list[TerritorySpan]) -> list[TerritorySpan]:
    """Adjectives listed before one head noun name territories of that head: "Ивановская, Тамбовская и
    Курская области", "Московская и Калужская области" (Московская область, not Москва)."""
    from pipeline.nlp.morph import is_modifier

    out = list(spans)
    head: tuple[str, str] | None = None  # (the head noun, the type of its territory)
    for k in range(len(spans) - 1, -1, -1):
        span = spans[k]
        listed = k + 1 < len(spans) and _LISTED.fullmatch(text, span.end, spans[k + 1].start)
        if " " in span.text:
            head = (span.text.split()[-1], span.territory.type)
            continue
        if not listed or head is None:
            head = None
            continue
        if not is_modifier(span.text, any_reading=True):
            continue
        shared = resolve_territory(f"{span.text} {head[0]}")
        if shared is not None and shared.type == head[1]:
            out[k] = TerritorySpan(shared, span.start, span.end, span.text)
    return out


_LOCAL_NOUNS = frozenset(lexicon.LOCAL_PLACE_NOUNS)
_LOCAL_ABBREVIATION = re.compile(
    rf"(?<![\w-])(?:{'|'.join(map(re.escape, lexicon.LOCAL_PLACE_ABBREVIATIONS))})\.\s*$", re.I
)


def _local_place(text: str, tokens: list[Word], start: int, end: int, entry: _Entry) -> bool:
    """The name at `tokens[start:end]` names a street or a settlement (`lexicon.LOCAL_PLACE_NOUNS`):
    "ул. Советская", "в д. Курской", "поселок Томский", "Московское шоссе"."""
    if start > 0 and lemma_forms(tokens[start - 1].text) & _LOCAL_NOUNS:
        return True
    if _LOCAL_ABBREVIATION.search(text[max(0, tokens[start].start - 8) : tokens[start].start]):
        return True
    following = tokens[end] if end < len(tokens) else None
    return bool(entry.kind == "adjective" and following and lemma_forms(following.text) & _LOCAL_NOUNS)


_INSTITUTION_WORDS = 3  # words before a country that may hold an authority's noun
_INSTITUTION_NOUNS = frozenset(lexicon.INSTITUTION_NOUNS)
_MUNICIPAL_NOUNS = frozenset(lexicon.MUNICIPAL_NOUNS)
_MUNICIPAL_TITLES = frozenset(lexicon.MUNICIPAL_TITLES)
_QUOTED_NAME = 200  # characters before a country searched for the quote of a law's title


def is_institutional(text: str, tokens: list[Word], index: int) -> bool:
    """The country at `tokens[index]` is named in the name of a law or an authority: after one of
    `lexicon.INSTITUTION_NOUNS` ("законодательства Российской Федерации", "Министерства
    экономического развития РФ") or inside a quoted title after one ("Федеральным законом … «Об
    общих принципах … в Российской Федерации»")."""
    nouns = _INSTITUTION_NOUNS
    start = tokens[index].start
    for w in reversed(tokens[max(0, index - _INSTITUTION_WORDS) : index]):
        if text[w.end : start].strip() or _function_word(w.text):
            break  # "с Минэкономразвития и Российской венчурной компанией": not the ministry's name
        if lemma_forms(w.text) & nouns:
            return True
        start = w.start
    return in_quoted_title(text, tokens[index].start)


def in_quoted_title(text: str, start: int) -> bool:
    """`text[start]` is inside a quoted title after a law's or an authority's noun ("Федеральным
    законом … «Об общих принципах … в Российской Федерации»", "программы «Развитие … в Томской
    области»")."""
    titled = _INSTITUTION_NOUNS | lexicon.ACT_NOUNS
    return any(lemma_forms(w.text) & titled for w in _words_before_quote(text, start)[-_INSTITUTION_WORDS:])


def in_organization_name(text: str, start: int) -> bool:
    """`text[start]` is inside a quoted name right after an organization's noun
    (`lexicon.NAMED_ORGANIZATION_NOUNS`: "телерадиокомпания «Петербург — Пятый канал»"): part of
    the name, no territory the text is about."""
    last = _words_before_quote(text, start)[-1:]
    return bool(last) and bool(lemma_forms(last[0].text) & _NAMED_ORGANIZATIONS)


def _words_before_quote(text: str, start: int) -> list[Word]:
    """The words before the «quote» still open at `text[start]` (none when no quote is open)."""
    before = text[max(0, start - _QUOTED_NAME) : start]
    opened = before.rfind("«")
    if opened < 0 or "»" in before[opened:]:
        return []
    return words(before[:opened])


_NAMED_ORGANIZATIONS = frozenset(lexicon.NAMED_ORGANIZATION_NOUNS)


def _function_word(word: str) -> bool:
    from pipeline.nlp.morph import parses

    return parses(word)[0].tag.POS in ("CONJ", "PREP", "PRCL")


def _overlap(a: TerritorySpan, b: TerritorySpan) -> bool:
    return a.start < b.end and b.start < a.end


def _municipalities(text: str) -> list[tuple[TerritorySpan, bool]]:
    """Municipal units ("Асиновского района", "городского округа Муром", "муниципального района
    «Прилузский»": see the module doc), each with whether it is a title before a name; in a heading
    in capitals too ("АДМИНИСТРАЦИЯ ЮРГАМЫШСКОГО РАЙОНА")."""
    cased = _uncapitalized(text)
    tokens = words(cased)
    out: list[tuple[TerritorySpan, bool]] = []
    for i, w in enumerate(tokens):
        forms = lemma_forms(w.text)
        titled = False
        found: list[TerritorySpan] = []
        if forms & _MUNICIPAL_NOUNS:
            found = _named_units(cased, tokens, i) or _quoted_unit(cased, tokens, i)
        if not found and forms & _MUNICIPAL_TITLES and w.text.islower():
            span, titled = _titled_unit(cased, tokens, i), True
            found = [span] if span else []
        for span in found:
            if not (out and _overlap(out[-1][0], span)):
                out.append((replace(span, text=text[span.start : span.end]), titled))
    return out


_CAPITALS = re.compile(r"\b[А-ЯЁ]{4,}(?:-[А-ЯЁ]+)*\b")
_UNIT_WORDS = frozenset(lexicon.MUNICIPAL_NOUNS + lexicon.MUNICIPAL_TITLES + lexicon.MUNICIPAL_QUALIFIERS)


def _uncapitalized(text: str) -> str:
    """The text with words in capitals written as in running text (a unit's words in lower case,
    others capitalized): "ЮРГАМЫШСКОГО РАЙОНА" → "Юргамышского района"; offsets unchanged."""

    def cased(m: re.Match) -> str:
        word = m.group().lower()
        return word if lemma_forms(word) & _UNIT_WORDS else word.capitalize()

    return _CAPITALS.sub(cased, text) if _CAPITALS.search(text) else text


_QUOTE_OPEN = re.compile(rf"\s*{_OPEN}\s*")
_QUOTE_CLOSE = re.compile(rf"\s*{_CLOSE}")


def _quoted_unit(text: str, tokens: list[Word], i: int) -> list[TerritorySpan]:
    """ "муниципального района «Прилузский»": a unit noun, then its proper adjective in quotes."""
    from pipeline.nlp.morph import parses

    noun = _unit_parse(tokens[i].text, lexicon.MUNICIPAL_NOUNS)
    if noun is None or i + 1 >= len(tokens) or not tokens[i].text.islower():
        return []
    name = tokens[i + 1]
    opened = _QUOTE_OPEN.fullmatch(text, tokens[i].end, name.start)
    if opened is None or not _QUOTE_CLOSE.match(text, name.end) or not name.text[:1].isupper():
        return []
    gender = parses(noun.normal_form)[0].tag.gender
    adjective = [p for p in parses(name.text) if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    if not any(p.tag.gender == gender and p.tag.number == "sing" for p in adjective):
        return []
    return [_unit_span(text, f"{name.text} {noun.normal_form}", tokens[i].start, name.end)]


def _adjacent(text: str, a: Word, b: Word) -> bool:
    return text[a.end : b.start].isspace()


def _unit_parse(word: str, lemmas: tuple[str, ...]):  # noqa: ANN202 - a pymorphy3 Parse
    from pipeline.nlp.morph import parses

    return next((p for p in parses(word) if p.normal_form in lemmas), None)


def _named_units(text: str, tokens: list[Word], i: int) -> list[TerritorySpan]:
    """ "Асиновского (муниципального) района", "Коморгузинское сельское поселение"; a plural noun
    after adjectives joined by "и" or commas names one unit each ("Томского и Асиновского районов")."""
    from pipeline.nlp.morph import inflect, nominative

    noun = _unit_parse(tokens[i].text, lexicon.MUNICIPAL_NOUNS)
    if noun is None:
        return []
    single = noun if noun.tag.number == "sing" else inflect(noun, {"sing", noun.tag.case})
    plural = noun is not single
    last = _named_unit(text, tokens, i, noun, single.word if plural else tokens[i].text) if single else None
    if last is None:
        return []
    units, k = [last], next(k for k in range(i, -1, -1) if tokens[k].start == last.start)
    while plural and (prev := _joined_before(text, tokens, k)) is not None:
        if not _unit_adjective(tokens[prev].text, noun):
            break
        name = nominative(f"{tokens[prev].text} {single.word}")
        units.insert(0, _unit_span(text, name[:1].upper() + name[1:], tokens[prev].start, tokens[prev].end))
        k = prev
    return units


def _joined_before(text: str, tokens: list[Word], k: int) -> int | None:
    """The index of the word joined to `tokens[k]` by "и" or a comma ("Томского и Асиновского")."""
    if k >= 2 and tokens[k - 1].text.lower() == "и" and _adjacent(text, tokens[k - 1], tokens[k]):
        return k - 2 if _adjacent(text, tokens[k - 2], tokens[k - 1]) else None
    return k - 1 if k >= 1 and text[tokens[k - 1].end : tokens[k].start].strip() == "," else None


def _unit_adjective(word: str, noun) -> bool:  # noqa: ANN001 - a pymorphy3 Parse
    """A proper adjective ("Асиновского") in the unit noun's case, singular; not a common name."""
    from pipeline.nlp.morph import parses

    if not word[:1].isupper() or word.isupper() or not word.isalpha():
        return False
    forms = parses(word)
    case = noun.tag.case
    agrees = [p for p in forms if p.tag.POS == "ADJF" and p.tag.case == case and p.tag.number == "sing"]
    return bool(agrees) and not any(p.normal_form in lexicon.NOT_MUNICIPAL_NAMES for p in forms)


def _named_unit(text: str, tokens: list[Word], i: int, noun, head: str) -> TerritorySpan | None:  # noqa: ANN001
    """The unit whose noun (its parse `noun`, `head` in the singular) is `tokens[i]`."""
    from pipeline.nlp.morph import nominative

    j, kept = i - 1, []
    while j >= 0 and _adjacent(text, tokens[j], tokens[j + 1]) and tokens[j].text.islower():
        qualifier = _unit_parse(tokens[j].text, lexicon.MUNICIPAL_QUALIFIERS)
        if qualifier is None:
            return None
        if qualifier.normal_form in lexicon.MUNICIPAL_KEPT:
            kept.insert(0, tokens[j].text)
        j -= 1
    if j < 0 or not _adjacent(text, tokens[j], tokens[j + 1]):
        return None
    adjective = tokens[j].text
    if not _unit_adjective(adjective, noun):
        return None
    name = nominative(" ".join([adjective, *kept, head]))
    return _unit_span(text, name[:1].upper() + name[1:], tokens[j].start, tokens[i].end)


def _titled_unit(text: str, tokens: list[Word], i: int) -> TerritorySpan | None:
    """ "(городского) округа Муром", "в городе Асино": a title, then a proper name."""
    from pipeline.nlp.morph import parses

    title = _unit_parse(tokens[i].text, lexicon.MUNICIPAL_TITLES)
    if title is None or i + 1 >= len(tokens) or not _adjacent(text, tokens[i], tokens[i + 1]):
        return None
    proper = tokens[i + 1].text
    if not proper[:1].isupper() or proper.isupper() or not proper.isalpha():
        return None
    if any(p.tag.POS in ("ADJF", "PREP", "CONJ", "NPRO") for p in parses(proper)[:1]):
        return None
    named = [p for p in parses(proper) if "Geox" in p.tag and p.tag.case == title.tag.case]
    nominal = named[0].normal_form.capitalize() if named else proper
    return _unit_span(text, f"{title.normal_form} {nominal}", tokens[i].start, tokens[i + 1].end)


def _unit_span(text: str, name: str, start: int, end: int) -> TerritorySpan:
    """A municipal unit's span; its federal subject from `districts.csv` when its name is there."""
    region = municipal_region(name)
    t = Territory(
        f"{region or lexicon.HOME_COUNTRY}/{norm(name).replace(' ', '-')}",
        name,
        "municipality",
        lexicon.HOME_COUNTRY,
        region,
    )
    return TerritorySpan(t, start, end, text[start:end])


@cache
def _municipal_names() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """`districts.csv`: district adjectives and towns → their federal subject (None for a name that
    several federal subjects have: "Октябрьский район")."""
    districts: dict[str, str | None] = {}
    towns: dict[str, str | None] = {}
    for row in _read("districts.csv"):
        region = row["region"]
        for table, field in ((districts, "districts"), (towns, "towns")):
            for name in _split(row[field]):
                key = norm(name)
                table[key] = region if table.get(key, region) == region else None
    return districts, towns


def municipal_region(name: str) -> str | None:
    """The federal subject of a municipal unit by its normalized name: "Юргамышский район" →
    RU-KGN, "округ Муром" → RU-VLA; None for one not listed or listed in several."""
    districts, towns = _municipal_names()
    first, _, rest = name.partition(" ")
    if norm(first) in _MUNICIPAL_TITLES:
        return towns.get(norm(rest))
    return districts.get(norm(first)) if rest.split()[-1:] != ["поселение"] else None


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
    MIN_MENTIONS times and DOMINANCE times more than the next one, else None; a municipality so
    named (`_municipality`) is what a district's programme is about.
    """
    return _document_territory(tuple(texts))


@lru_cache(maxsize=DOCUMENTS_CACHED)
def _document_territory(texts: tuple[str, ...]) -> Territory | None:
    """`document_territory`, cached: figures, clusters and observations ask for the same pages."""
    counts: Counter[Territory] = Counter()
    stated: dict[str, Territory] = {}  # a municipality's name → the federal subject named right after it
    for i, text in enumerate(texts):
        spans = find_territories(text)
        for span in spans:
            key = _region_of(span.territory) or span.territory
            if key.type in ("region", "country", "municipality") and not _is_imprint(text, span):
                counts[key] += TITLE_WEIGHT if i == 0 else 1
        for unit, after in zip(spans, spans[1:], strict=False):
            region = _subject_of(after.territory)
            if unit.territory.type == "municipality" and region and not text[unit.end : after.start].strip():
                stated.setdefault(unit.territory.name, region)  # "Юргамышского района Курганской области"
    wider = [(t, n) for t, n in counts.most_common() if t.type != "municipality"]
    return _municipality(counts, stated) or _dominant(wider)


def _subject_of(t: Territory) -> Territory | None:
    """The federal subject a region is, or a municipality lies in (when known)."""
    if t.type == "region":
        return t
    return territory(t.region) if t.type == "municipality" and t.region else None


def _dominant(ranked: list[tuple[Territory, int]]) -> Territory | None:
    """The first of `ranked` (most named first) if named MIN_MENTIONS times and DOMINANCE times
    more than the next one."""
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    top, n = ranked[0]
    return top if n >= MIN_MENTIONS and n >= DOMINANCE * second else None


def _municipality(counts: Counter[Territory], stated: dict[str, Territory]) -> Territory | None:
    """The municipality a document names most, dominating the other municipalities, unless a region
    or a country is named DOMINANCE times more (the territories it lies in are no rivals: a
    district's programme speaks of its region's and the country's forecasts too); in the federal
    subject named right after it (`stated`), else the one the document names (one, or a dominant
    one), else the one `districts.csv` gives it (else its region stays unknown)."""
    ranked = counts.most_common()
    top = _dominant([(t, n) for t, n in ranked if t.type == "municipality"])
    wider = max((n for t, n in ranked if t.type != "municipality"), default=0)
    if top is None or wider > DOMINANCE * counts[top]:
        return None
    regions = [(t, n) for t, n in ranked if t.type == "region"]
    region = stated.get(top.name) or (regions[0][0] if len(regions) == 1 else _dominant(regions))
    if region is None:
        return top
    return replace(top, code=f"{region.code}/{top.code.split('/', 1)[1]}", region=region.code)


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


# What only a country has: gross domestic product, the catalog's "gdp" (a region has ВРП, gross
# regional product)
_NATIONAL_INDICATOR = "gdp"


def national_subject(sentence: str | None, default: Territory | None) -> Territory | None:
    """The country of a region or municipality a document is about, for a figure whose sentence
    names a country's measure or economic policy and no territory ("темп роста ВВП не превысит 0,2%",
    "на фоне ослабления рубля … инфляция составит 4,1%" in a district's forecast are Russia's);
    else `default`."""
    if default is None or default.type == "country" or default.country is None:
        return default
    from pipeline.extract.indicators import names_indicator

    if sentence and (names_indicator(sentence, _NATIONAL_INDICATOR) or _names_national_policy(sentence)):
        return territory(default.country) or default
    return default


@cache
def _national_policy() -> LemmaIndex[str]:
    return LemmaIndex([(phrase_lemmas(p), p) for p in lexicon.NATIONAL_POLICY_CUES], max_gap=1)


def _names_national_policy(sentence: str) -> bool:
    """Whether the sentence names a country's economic policy (`lexicon.NATIONAL_POLICY_CUES`)."""
    return bool(_national_policy().matches([w.text for w in words(sentence)]))
