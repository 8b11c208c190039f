"""Clusters, technoparks, industrial parks and economic zones as records.

Three sources of `ClusterFact`: rows of a cluster table (`clusters_from_table`), named mentions in
running text with the attributes stated around them (`extract_clusters_from_text`, yargy grammar in
`grammars/clusters.py`), and their per-document merge (`resolve_clusters`). `normal_name` and
`cluster_id` give the same id to one cluster across papers; `score_clusters` compares with gold.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from yargy import Parser

from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import (
    CITIES,
    CLUSTER,
    REGION_ADJECTIVES,
    SUBJECTS,
    TOKENIZER,
    is_region_adjective,
    kind_of,
)
from pipeline.model import ParsedTable
from pipeline.nlp import segment
from pipeline.nlp.morph import is_known, lemma, nominative

__all__ = [
    "cluster_id",
    "clusters_from_table",
    "extract_clusters_from_text",
    "normal_name",
    "resolve_clusters",
    "score_clusters",
]

QUOTE_PAIRS = re.compile(r"[\"“„”]([^\"“„”«»]{1,80})[\"”“]")
QUOTE_CHARS = re.compile(r"[«»\"“”„]")
ASIDE = re.compile(r"\s*\([^()]*\)")
FEDERAL_CITIES = {"Москва", "Санкт-Петербург", "Севастополь"}
CITY_ALIASES = {"С.-Петербург": "Санкт-Петербург", "СПб": "Санкт-Петербург", "Петербург": "Санкт-Петербург"}
DISTRICTS = {"Пудун": "Шанхай"}

# --- names and ids -----------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Undo line breaks of a cell or mention: hyphen breaks, split words, runs of spaces."""
    text = re.sub(r"([а-яё])-\s*\n\s*([а-яё])", r"\1\2", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    text = re.sub(r"([а-яё])-\s+([а-яё])", r"\1\2", text)  # "территориаль- ный"
    text = re.sub(r"([А-Яа-яЁё]+)\n(?=([а-яё]+))", _rejoin_split, text)
    return " ".join(text.split())


def _rejoin_split(m: re.Match) -> str:
    """ "промышленност|ь" → "промышленность" when the joined word is known and a part is not."""
    left, right = m.group(1), m.group(2)
    if is_known(left + right) and (not is_known(left) or not is_known(right) or len(right) <= 2):
        return left
    return left + " "


def normalize_quotes(text: str) -> str:
    """Straight and curly quotes around a name → «»."""
    return QUOTE_PAIRS.sub(r"«\1»", text)


def display_name(surface: str) -> str:
    """A mention as a name: cleaned, «» quotes, head group in the nominative, capitalized."""
    name = normalize_quotes(clean_text(surface))
    name = re.sub(r"\bв г\.?\s*", "в г. ", name)
    name = _nominative(name)
    return name[:1].upper() + name[1:]


def _nominative(name: str) -> str:
    """`nominative`, with "парке" read as "парк" (pymorphy3 prefers "парка") via an unambiguous proxy."""
    proxy = re.sub(r"\b([Пп])арке\b", lambda m: "Зоопарке" if m.group(1) == "П" else "зоопарке", name)
    if proxy == name:
        return nominative(name)
    return re.sub(r"\b([Зз])оопарк", lambda m: "Парк" if m.group(1) == "З" else "парк", nominative(proxy))


def normal_name(name: str) -> str:
    """Lowercase nominative name without quotes and asides: "Калужского фармкластера" → "калужский
    фармкластер", "Индустриальный (промышленный) парк «Союз»" → "индустриальный парк союз"."""
    text = _nominative(normalize_quotes(" ".join(name.split())))
    text = QUOTE_CHARS.sub(" ", ASIDE.sub("", text)).lower().replace("ё", "е")
    return " ".join(text.split())


def cluster_id(name: str, country: str | None) -> str:
    """Stable id of a cluster across documents: sha256 of normal name and country, 16 hex."""
    key = f"{normal_name(name)}|{country or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


GENERIC = {
    "кластер", "технопарк", "парк", "зона", "высокий", "технология", "открытый", "особый", "экономический",
    "инновационный", "территориальный", "промышленный", "индустриальный", "научный", "технологический",
    "оэз", "ппт", "тор", "тосэр", "в", "г", "промышленно-производственный", "тип",
}  # fmt: skip


def core_key(name: str, kind: str | None) -> str:
    """The distinctive part of a name for merging variants: quoted name, else non-generic words."""
    quoted = re.search(r"«([^»]+)»", normalize_quotes(name))
    words = [quoted.group(1).lower()] if quoted else [w for w in re.findall(r"[\w-]+", normal_name(name))]
    core = "".join(w for w in words if quoted or lemma(w) not in GENERIC)
    return "core:" + re.sub(r"[\s\-–]", "", core).replace("ё", "е") + f"|{kind}"


# --- table rows --------------------------------------------------------------------------------

ROLES: list[tuple[str, re.Pattern]] = [
    ("url", re.compile(r"интернет|сайт|url|веб|web|адрес")),
    ("founded_year", re.compile(r"\bгод|основан|создан|дата")),
    ("size", re.compile(r"размер|участник|количеств|числ|резидент|сотрудник|состав")),
    ("region", re.compile(r"регион|субъект|располож|местонахожд|город|локализац")),
    ("field", re.compile(r"област|специализац|направлен|отрасл|профил|сфер")),
    ("name", re.compile(r"кластер|наименование|название|технопарк|парк|зон[аы]")),
]


def header_roles(header: list[str]) -> dict[str, int]:
    """Column index per role (name, region, founded_year, field, size, url) from header wording."""
    roles: dict[str, int] = {}
    for col, text in enumerate(header):
        low = clean_text(text or "").lower()
        role = next((r for r, pattern in ROLES if pattern.search(low) and r not in roles), None)
        if role:
            roles[role] = col
    return roles


def is_cluster_table(table: ParsedTable) -> bool:
    """A name column plus at least two of region/year/field/size/url, naming clusters or parks."""
    roles = header_roles(table.header)
    if "name" not in roles or len(roles) < 3:
        return False
    if re.search(r"кластер|парк|зон", clean_text(table.header[roles["name"]]).lower()):
        return True
    names = [clean_text(row[roles["name"]]) for row in table.rows()]
    return sum(kind_of(n) is not None for n in names) * 2 >= max(len(names), 1)


def clusters_from_table(table: ParsedTable) -> list[ClusterFact]:
    """One `ClusterFact` per row of a cluster table (empty list for any other table)."""
    if not is_cluster_table(table):
        return []
    roles = header_roles(table.header)
    facts = []
    for row in table.rows():
        fact = _row_fact(row, roles)
        if fact is not None:
            facts.append(fact)
    return facts


def _row_fact(row: list[str], roles: dict[str, int]) -> ClusterFact | None:
    def cell(role: str) -> str:
        return clean_text(row[roles[role]]) if role in roles and roles[role] < len(row) else ""

    name = normalize_quotes(cell("name"))
    if not name:
        return None
    region, city, country = parse_place(cell("region"))
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", cell("founded_year"))
    size = parse_counts(cell("size"))
    fact = ClusterFact(
        name=name,
        kind=kind_of(name) or "cluster",
        source="table",
        country=country,
        region=region,
        city=city,
        founded_year=int(year.group(1)) if year else None,
        field=cell("field") or None,
        url=parse_urls(row[roles["url"]]) if "url" in roles else None,
    )
    return _with_counts(fact, size)


def parse_place(cell: str) -> tuple[str | None, str | None, str | None]:
    """(region, city, country) of a place cell: "г. Зеленоград, г. Москва" → Москва, Зеленоград, RU."""
    regions: list[str] = []
    cities: list[str] = []
    for item in re.split(r"[,;]", cell):
        item = re.sub(r"^\s*г\.?\s+", "", item).strip()
        item = CITY_ALIASES.get(item, item)
        region, city = _place_item(item)
        if region and region not in regions:
            regions.append(region)
        if city and city not in cities:
            cities.append(city)
    cities = [
        c for c in cities if not (c in FEDERAL_CITIES and any(_region_of(o) == c for o in cities if o != c))
    ]
    country = _country_of(regions, cities)
    return (", ".join(regions) or None, ", ".join(cities) or None, country)


def _place_item(item: str) -> tuple[str | None, str | None]:
    if not item:
        return None, None
    subject = next((s for s in SUBJECTS if s.lower() == item.lower()), None)
    if subject and subject not in FEDERAL_CITIES:
        return subject, None
    if item in CITIES:
        return CITIES[item][0], item
    return None, item


def _region_of(city: str) -> str | None:
    return CITIES.get(city, (None, ""))[0]


def _country_of(regions: list[str], cities: list[str]) -> str | None:
    if regions:
        return "RU"
    countries = {CITIES[c][1] for c in cities if c in CITIES}
    return countries.pop() if len(countries) == 1 else None


def parse_urls(cell: str) -> str | None:
    """Web addresses of a cell, rejoined across line breaks and unwrapped from mail redirects."""
    urls: list[str] = []
    for piece in cell.split():
        if re.match(r"(https?://|www\.)", piece, re.I) or not urls:
            urls.append(piece)
        else:
            urls[-1] += piece
    urls = [_unwrap(u) for u in urls if re.search(r"\w\.\w", u)]
    return " ".join(dict.fromkeys(urls)) or None


def _unwrap(url: str) -> str:
    """ "https://mail2.hse.ru/owa/redir.aspx?SURL=…&URL=http%3A%2F%2Fwww.x.ru%2F" → "http://www.x.ru/"."""
    url = url.split("#_blank")[0]
    query = parse_qs(urlsplit(url).query)
    target = query.get("URL") or query.get("url")
    return target[0] if target and "redir" in url.lower() else url


# --- counts ("35 участников, около 3000 сотрудников") -------------------------------------------

QUALIFIERS = {
    "более": ">", "свыше": ">", "больше": ">", "около": "~", "примерно": "~", "порядка": "~",
    "почти": "~", "менее": "<", "до": "<=", "не менее": ">=",
}  # fmt: skip
COUNTED = {
    "participants": r"участник\w*",
    "residents": r"резидент\w*",
    "companies": r"(?:компани|фирм|предприяти)\w*",
    "employees": r"(?:сотрудник|работник)\w*",
    "universities": r"(?:университет|вуз)\w*",
    "technoparks": r"технопарк\w*",
    "students": r"студент\w*",
    "research_centers": r"(?:исследовательск\w+\s+)?центр\w*",
    "laboratories": r"лаборатори\w*",
    "incubators": r"бизнес-инкубатор\w*",
    "jobs": r"рабочих\s+мест\w*",
    "patents": r"патент\w*",
}
WORD_NUMBERS = {"полумиллиона": 500_000, "полумиллион": 500_000, "миллиона": 1_000_000, "миллион": 1_000_000}
_NUMBER = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?|" + "|".join(WORD_NUMBERS)
COUNT = re.compile(
    rf"(?P<q>не менее|{'|'.join(k for k in QUALIFIERS if k != 'не менее')})?\s*(?P<n>{_NUMBER})\s*"
    r"(?P<scale>тыс\.?|млн\.?)?\s+(?P<mods>(?:[а-яё-]+\s+){0,2}?)"
    rf"(?P<noun>{'|'.join(f'(?P<{k}>{v})' for k, v in COUNTED.items())})\b",
    re.I,
)


def parse_counts(text: str) -> dict[str, tuple[int, str]]:
    """Counted things of a text: {"participants": (35, "="), "employees": (3000, "~"), ...}."""
    out: dict[str, tuple[int, str]] = {}
    for m in COUNT.finditer(text):
        what = next(k for k in COUNTED if m.group(k))
        if m.group("mods").strip() and what in ("participants", "employees"):
            continue  # "10 промышленных предприятий" counts companies, "35 новых участников" is rare
        value = _number(m.group("n"), m.group("scale"))
        if value is not None and what not in out:
            out[what] = (value, QUALIFIERS.get((m.group("q") or "").lower(), "="))
    return out


def _number(text: str, scale: str | None) -> int | None:
    if text.lower() in WORD_NUMBERS:
        return WORD_NUMBERS[text.lower()]
    value = float(re.sub(r"[\u00a0\u202f ]", "", text).replace(",", "."))
    mult = {"т": 1_000, "м": 1_000_000}.get((scale or " ")[0].lower(), 1)
    return round(value * mult)


def _with_counts(fact: ClusterFact, counts: dict[str, tuple[int, str]]) -> ClusterFact:
    """Fill participants/employees and count attributes (missing ones only)."""
    for what, (value, qualifier) in counts.items():
        if what in ("participants", "residents") and fact.participants is None:
            fact.participants = value
            fact.participants_qualifier = None if qualifier == "=" else qualifier
        elif what == "employees" and fact.employees is None:
            fact.employees = value
            _qualify(fact, what, qualifier)
        elif what not in ("participants", "residents", "employees") and what not in fact.attributes:
            fact.attributes[what] = value
            _qualify(fact, what, qualifier)
    return fact


def _qualify(fact: ClusterFact, what: str, qualifier: str) -> None:
    if qualifier != "=":
        fact.attributes[f"{what}_qualifier"] = qualifier


# --- mentions in running text ------------------------------------------------------------------


@dataclass
class _Mention:
    fact: ClusterFact
    start: int
    end: int
    located: bool = False  # the mention is an adverbial place ("в Парке …"), not a subject


@cache
def _parser() -> Parser:
    return Parser(CLUSTER, tokenizer=TOKENIZER)


def extract_clusters_from_text(text: str, analysis: Any = None) -> list[ClusterFact]:
    """Named clusters, parks and zones of one text with the attributes stated around them.

    `analysis` (pipeline.nlp.Analysis) supplies sentences and LOC entities; without it the text
    is segmented here. Offsets (`char_start`/`char_end`) index `text`.
    """
    sentences = _sentences(text, analysis)
    matches = _matches(text)
    mentions = _named_mentions(text, matches) + _based_mentions(text, sentences, matches)
    mentions.sort(key=lambda m: m.start)
    region = _page_region(text)
    for i, m in enumerate(mentions):
        lo = max(_sentence_of(sentences, m.start)[0], mentions[i - 1].end if i else 0)
        hi = min(
            _sentence_of(sentences, m.start)[1], mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        )
        _describe(m, text, (lo, m.start), (m.end, hi))
    _anaphora(text, sentences, mentions)
    for m in mentions:
        _finish_place(m, text, analysis, region)
    return [m.fact for m in mentions]


def _sentences(text: str, analysis: Any) -> list[tuple[int, int]]:
    """Sentence spans of the NLP layer (segmented here without an analysis), split further at
    bullet and numbered-heading line starts."""
    sentences = analysis.sentences if analysis is not None else segment(text)
    out = []
    for s in sentences:
        bounds = [s.start] + [m.start() + 1 for m in LINE_BREAK.finditer(text, s.start, s.end)]
        out.extend((a, b) for a, b in zip(bounds, [*bounds[1:], s.end], strict=True) if b > a)
    return out


LINE_BREAK = re.compile(r"\n(?=\s*[•·▪–—-]|\s*\d+(?:\.\d+)+\.?\s)")


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    return next((s for s in sentences if s[0] <= offset < s[1]), (max(0, offset - 300), offset + 300))


# Kind words (any case) and abbreviations (upper case, whole words: "тор" is inside "который").
TRIGGER = re.compile(r"(?i:кластер|парк|зон[аеуыо]|опережающего)|\b(?:ОЭЗ|ТОР|ТОСЭР|СЭЗ)\b")


def _windows(text: str, reach: int = 100) -> list[tuple[int, int]]:
    """Spans around kind words, merged (the chart parser is slow on whole pages)."""
    spans: list[tuple[int, int]] = []
    for m in TRIGGER.finditer(text):
        lo = text.rfind(" ", 0, max(0, m.start() - reach)) + 1
        hi = text.find(" ", min(len(text), m.end() + reach))
        hi = len(text) if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _matches(text: str) -> list[tuple[int, int, Any]]:
    """(start, end, fact) of the grammar's matches in the windows of a text."""
    out = []
    for lo, hi in _windows(text):
        for match in _parser().findall(text[lo:hi]):
            out.append((lo + match.span.start, lo + match.span.stop, match.fact))
    return out


def _is_named(text: str, start: int, fact: Any) -> bool:
    first = re.match(r"[\w-]+", text[start:])
    return bool(
        fact.name or fact.region or fact.base or fact.place or first and is_region_adjective(first.group())
    )


def _named_mentions(text: str, matches: list[tuple[int, int, Any]]) -> list[_Mention]:
    out = []
    for start, end, fact in matches:
        if not _is_named(text, start, fact) or not _acceptable(text, start, end, fact):
            continue
        kind = kind_of(fact.kind or "") or "cluster"
        name = display_name(text[start:end])
        cluster = ClusterFact(name=name, kind=kind, source="text", char_start=start, char_end=end)
        cluster.region = _region_of_words(fact.region or text[start:end])
        if fact.place:
            cluster.city = _canonical_city(fact.place, nominative_case=True)
        out.append(_Mention(cluster, start, end, _is_located(text, start)))
    return out


def _acceptable(text: str, start: int, end: int, fact: Any) -> bool:
    """Reject a capitalized "name" on the next line (a heading) or a kind word without a kind."""
    if fact.name and not QUOTE_CHARS.search(fact.name) and "\n" in text[start:end]:
        return False
    return kind_of(fact.kind or "") is not None or fact.region is not None


def _based_mentions(
    text: str, sentences: list[tuple[int, int]], matches: list[tuple[int, int, Any]]
) -> list[_Mention]:
    """ "На базе АО "КЭАЗ" создан научно-производственный … кластер" → "… кластер на базе АО «КЭАЗ»"."""
    out = []
    for start, end, bare in matches:
        if _is_named(text, start, bare):
            continue
        lo, _ = _sentence_of(sentences, start)
        base = BASE_BEFORE.search(text[lo:start])
        kind = kind_of(bare.kind or "")
        if base is None or kind is None:
            continue
        phrase = display_name(text[start:end])
        name = f"{phrase} на базе {normalize_quotes(clean_text(base.group('org')))}"
        fact = ClusterFact(name=name[:1].upper() + name[1:], kind=kind, source="text")
        fact.char_start, fact.char_end = lo + base.start(), end
        out.append(_Mention(fact, lo + base.start(), end))
    return out


BASE_BEFORE = re.compile(
    r"\b[Нн]а базе\s+(?P<org>(?:(?:АО|ОАО|ПАО|ЗАО|ООО|ФГУП)\s+)?[«\"“][^»\"”]{1,60}[»\"”])"
    r"\s+(?:был\w*\s+)?(?:создан|сформирован|организован|действует)\w*\s+$"
)


def _is_located(text: str, start: int) -> bool:
    return bool(re.search(r"\b(?:[Вв]о?|[Нн]а|территории)\s+$", text[max(0, start - 20) : start]))


# --- attributes around a mention ---------------------------------------------------------------

CREATED = r"(?:созда|основа|образова|учрежд|организова)(?:н|на|но|ны|нный|нная|нное|нного|нной)"
FOUNDED_AFTER = re.compile(rf"\b{CREATED}\b[^.;]{{0,90}}?\b((?:19|20)\d\d)\b", re.I)
FOUNDED_BEFORE = re.compile(rf"\b[Вв]\s+((?:19|20)\d\d)\s*(?:г\.|год\w*)[^.;]{{0,60}}?\b{CREATED}\b")
AREA = re.compile(r"(\d+(?:[.,]\d+)?)\s*(км²|км2|кв\.\s?км|га|Га)(?![а-яё])")
AREA_KM2 = {"км²": 1.0, "км2": 1.0, "га": 0.01}


def _describe(m: _Mention, text: str, before: tuple[int, int], after: tuple[int, int]) -> None:
    """Attributes stated in the mention's sentence: founding year, area, counts, place."""
    prefix, suffix = text[before[0] : before[1]], text[after[0] : after[1]]
    _attributes(m, prefix + " " + text[m.start : m.end] + " " + suffix, allow_year=not m.located)
    place = PLACE_AFTER.match(suffix)
    city = _canonical_city(place.group("city"), nominative_case=bool(place.group("g"))) if place else None
    if place and city and m.fact.city is None and (city in CITIES or city in DISTRICTS or place.group("g")):
        m.fact.city = DISTRICTS.get(city, city)
        district = place.group("district") or (city if city in DISTRICTS else None)
        if district:
            m.fact.attributes.setdefault("district", district)
    _place_from(m, prefix + " " + suffix)


def _attributes(m: _Mention, context: str, allow_year: bool = True) -> None:
    fact = m.fact
    year = FOUNDED_AFTER.search(context) or FOUNDED_BEFORE.search(context)
    if allow_year and year and fact.founded_year is None:
        fact.founded_year = int(year.group(1))
    area = AREA.search(context)
    if area and "area_km2" not in fact.attributes:
        unit = area.group(2).lower().replace("кв. км", "км²").replace("кв.км", "км²")
        value = float(area.group(1).replace(",", ".")) * AREA_KM2.get(unit, 1.0)
        fact.attributes["area_km2"] = round(value, 4)
    _with_counts(fact, parse_counts(context))


PLACE_AFTER = re.compile(
    r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:(?:расположенн|находящ)\w*\s+)?(?:в|на\s+территории)\s+"
    r"(?:районе\s+(?P<district>[А-ЯЁ][\w-]+)\s+)?(?P<g>г\.?\s*|города\s+|городе\s+)?(?P<city>[А-ЯЁ][\w-]+)"
)
CITY_IN = re.compile(r"\b(?:в|на\s+территории)\s+(?P<g>г\.\s*|города\s+|городе\s+)?(?P<city>[А-ЯЁ][\w-]+)")
REGION_IN = re.compile(r"\b([А-ЯЁ][а-яё-]+)\s+(области|края|округа)\b|\b[Рр]еспублик[аиеу]\s+([А-ЯЁ][а-яё]+)")


def _place_from(m: _Mention, context: str) -> None:
    """City and region named in a context (gazetteer cities, "в г. X", "… области")."""
    fact = m.fact
    for found in CITY_IN.finditer(context):
        if fact.city is not None:
            break
        city = _canonical_city(found.group("city"), nominative_case=False)
        if city in CITIES or city in DISTRICTS or found.group("g"):
            fact.city = DISTRICTS.get(city, city)
            if city in DISTRICTS:
                fact.attributes.setdefault("district", city)
    if fact.region is None:
        fact.region = next(iter(_regions_in(context)), None)


def _regions_in(text: str) -> list[str]:
    out = []
    for m in REGION_IN.finditer(text):
        region = _region_of_words(m.group(0))
        if region:
            out.append(region)
    return out


def _region_of_words(words: str | None) -> str | None:
    """ "Самарской области" → "Самарская область"; "Калужский" → "Калужская область"."""
    if not words:
        return None
    parts = words.split()
    if parts[0].lower().startswith("республик") and len(parts) > 1:
        return next((s for s in SUBJECTS if s.endswith(parts[1])), None)
    return REGION_ADJECTIVES.get(lemma(parts[0]))


def _canonical_city(word: str, nominative_case: bool) -> str:
    """A city as in the gazetteer: "Пекине" → "Пекин"; after "г." the printed form is kept."""
    word = word.strip(" .,;")
    if word in CITIES or word in DISTRICTS or nominative_case and not is_known(word):
        return word
    base = lemma(word)
    title = "-".join(p[:1].upper() + p[1:] for p in base.split("-"))
    return title if title in CITIES or title in DISTRICTS or not nominative_case else word


# --- anaphora: "Парк создан в 2017 году", "В его состав входят 17 технопарков" ---------------------

ANAPHOR = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:[Вв]|[Нн]а|Территория|Площадь|Резиденты|Участники)\s+)?"
    r"(?:(?:этом|данном|этой|данной)\s+)?(?P<word>[Пп]арк\w*|[Тт]ехнопарк\w*|ОЭЗ|[Кк]ластер\w*|[Зз]он[аеуы]\b|его|её|ее)"
)
FAMILIES = {
    "парк": {"technopark", "hitech_zone", "industrial_park"},
    "технопарк": {"technopark", "hitech_zone", "industrial_park"},
    "оэз": {"sez"},
    "зона": {"sez", "hitech_zone"},
    "кластер": {"cluster"},
}


def _anaphora(text: str, sentences: list[tuple[int, int]], mentions: list[_Mention]) -> None:
    """Sentences that refer back to the last named mention by its kind word or "его"."""
    for lo, hi in sentences:
        if any(lo <= m.start < hi for m in mentions):
            continue
        found = ANAPHOR.match(text[lo:hi])
        target = _antecedent(found, lo, mentions) if found else None
        if target is not None:
            context = text[lo:hi]
            _attributes(target, context)
            _place_from(target, context)


def _antecedent(found: re.Match, offset: int, mentions: list[_Mention]) -> _Mention | None:
    previous = [m for m in mentions if m.end <= offset]
    if not previous:
        return None
    last = previous[-1]
    word = found.group("word").lower()
    if word in ("его", "её", "ее"):
        return last if offset - last.end < 200 else None
    if word.startswith(("кластеры", "кластеров", "парки", "технопарки", "технопарков", "зоны")):
        return None
    family = next((FAMILIES[k] for k in FAMILIES if word.startswith(k)), set())
    return last if last.fact.kind in family and offset - last.end < 1500 else None


# --- country and the page's region ---------------------------------------------------------------

CN_MARKERS = re.compile(r"Кита\w*|КНР|китайск\w*|Пекин\w*|Шанха\w*|шанхайск\w*|Пудун\w*|Гуанчжоу|Тяньцзин\w*")
RU_MARKERS = re.compile(r"Росси\w*|\bРФ\b|российск\w*|\bобласт\w*|\bкра[йяе]\b|Москв\w*|Подмосковь\w*")


def _finish_place(m: _Mention, text: str, analysis: Any, page_region: str | None) -> None:
    """Country from the place or the nearest country marker; the page's region for Russian ones."""
    fact = m.fact
    if fact.city is None and analysis is not None:
        fact.city = _loc_entity_city(analysis, m)
    if fact.region is None and fact.city in CITIES:
        fact.region = CITIES[fact.city][0]
    if fact.country is None:
        fact.country = _country_of([fact.region] if fact.region else [], [fact.city] if fact.city else [])
    if fact.country is None:
        fact.country = _nearest_country(text, m.start, m.end) or _nearest_country(
            text, m.start, m.end, len(text)
        )
    if fact.country == "RU" and fact.region is None:
        fact.region = page_region


def _loc_entity_city(analysis: Any, m: _Mention) -> str | None:
    """A natasha LOC right after the mention ("… «Чжунгуньцунь» в Пекине") that is a known city."""
    for e in analysis.entities:
        if e.type == "LOC" and 0 <= e.start - m.end <= 12 and e.normal in CITIES:
            return e.normal
    return None


def _nearest_country(text: str, start: int, end: int, window: int = 600) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, country in ((CN_MARKERS, "CN"), (RU_MARKERS, "RU")):
        for found in pattern.finditer(text, max(0, start - window), min(len(text), end + window)):
            distance = max(start - found.end(), found.start() - end, 0)
            if best is None or distance < best[0]:
                best = (distance, country)
    return best[1] if best else None


def _page_region(text: str) -> str | None:
    """The federal subject that dominates the page's region mentions (≥3 and ≥60 %), if any."""
    counts = Counter(_regions_in(text))
    top = counts.most_common(1)
    if not top or top[0][1] < 3 or top[0][1] < 0.6 * sum(counts.values()):
        return None
    return top[0][0]


# --- resolution within a document --------------------------------------------------------------


def merge_keys(fact: ClusterFact) -> set[str]:
    return {"n:" + normal_name(fact.name), core_key(fact.name, fact.kind)}


def resolve_clusters(records: list[tuple[ClusterFact, int]]) -> list[tuple[ClusterFact, list[int]]]:
    """One record per cluster of a document from its table rows and text mentions (with pages)."""
    groups = _group(records)
    out = []
    for members in groups:
        facts = [records[i][0] for i in members]
        pages = sorted({records[i][1] for i in members})
        out.append((_merge(facts), pages))
    return out


def _group(records: list[tuple[ClusterFact, int]]) -> list[list[int]]:
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, list[int]] = {}
    for i, (fact, _) in enumerate(records):
        for key in merge_keys(fact):
            for j in seen.setdefault(key, []):
                if _compatible(records[j][0], fact):
                    parent[find(i)] = find(j)
            seen[key].append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _compatible(a: ClusterFact, b: ClusterFact) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _merge(facts: list[ClusterFact]) -> ClusterFact:
    """The first table row (else first mention) with gaps filled from the others in order."""
    ordered = sorted(facts, key=lambda f: f.source != "table")
    base = replace(ordered[0], attributes=dict(ordered[0].attributes))
    for other in ordered[1:]:
        for name in (
            "country",
            "region",
            "city",
            "founded_year",
            "field",
            "participants",
            "employees",
            "url",
        ):
            if getattr(base, name) is None and getattr(other, name) is not None:
                setattr(base, name, getattr(other, name))
                if name == "participants":
                    base.participants_qualifier = other.participants_qualifier
        if base.char_start is None:
            base.char_start, base.char_end = other.char_start, other.char_end
        for key, value in other.attributes.items():
            base.attributes.setdefault(key, value)
    base.source = "table" if any(f.source == "table" for f in facts) else "text"
    return base


# --- scoring against gold ----------------------------------------------------------------------

SCORED = ("region", "founded_year", "field", "participants", "employees")


def score_clusters(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Recall/precision by name (normal name or distinctive core) and attribute accuracy of matches."""
    pred_rows, gold_rows = pred.to_dict("records"), gold.to_dict("records")
    matches = _match_rows(pred_rows, gold_rows)
    n_match = len(matches)
    accuracy = {}
    for attr in SCORED:
        pairs = [(pred_rows[p].get(attr), gold_rows[g].get(attr)) for g, p in matches.items()]
        pairs = [(a, b) for a, b in pairs if not (_empty(a) and _empty(b))]
        accuracy[attr] = sum(_same(a, b) for a, b in pairs) / len(pairs) if pairs else None
    recall = n_match / len(gold_rows) if gold_rows else 0.0
    precision = n_match / len(pred_rows) if pred_rows else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": 2 * recall * precision / (recall + precision) if recall + precision else 0.0,
        "n_gold": len(gold_rows),
        "n_pred": len(pred_rows),
        "n_matched": n_match,
        "accuracy": accuracy,
        "missed": [gold_rows[g]["name"] for g in range(len(gold_rows)) if g not in matches],
        "spurious": [pred_rows[p]["name"] for p in range(len(pred_rows)) if p not in matches.values()],
    }


def _match_rows(pred: list[dict], gold: list[dict]) -> dict[int, int]:
    """gold index → pred index, one-to-one, by shared merge keys."""
    keys = [_row_keys(r) for r in pred]
    used: set[int] = set()
    out = {}
    for g, row in enumerate(gold):
        wanted = _row_keys(row)
        hit = next((p for p, k in enumerate(keys) if p not in used and k & wanted), None)
        if hit is not None:
            used.add(hit)
            out[g] = hit
    return out


def _row_keys(row: dict) -> set[str]:
    kind = row.get("kind") if isinstance(row.get("kind"), str) else None
    return merge_keys(ClusterFact(name=str(row["name"]), kind=kind or "cluster", source="text"))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value == ""


def _same(a: object, b: object) -> bool:
    if _empty(a) or _empty(b):
        return False
    if isinstance(a, int | float) or isinstance(b, int | float):
        try:
            return int(float(a)) == int(float(b))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return _norm(str(a)) == _norm(str(b))


def _norm(text: str) -> str:
    return " ".join(QUOTE_CHARS.sub(" ", text).lower().replace("ё", "е").split())


def iter_facts(facts: Iterable[ClusterFact]) -> pd.DataFrame:
    """Facts as a frame with the gold columns (for scoring and fixtures)."""
    cols = ["name", "kind", "country", "region", "city", "founded_year", "field", "participants", "employees"]
    return pd.DataFrame([{c: getattr(f, c) for c in [*cols, "url", "source"]} for f in facts])
