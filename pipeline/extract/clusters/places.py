"""Where a cluster is: country, federal subject and city from table cells, context and the page.

Places are resolved by the shared territory gazetteer (`pipeline.extract.territories`); this module
only decides which words of a cell or a sentence name the cluster's place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from pipeline import lexicon
from pipeline.extract.facts import ClusterFact
from pipeline.extract.territories import (
    Territory,
    document_territory,
    find_territories,
    resolve_territory,
    territory,
)
from pipeline.nlp.morph import lemma, parses

FEDERAL_CITY_CODES = {"RU-MOW", "RU-SPE", "RU-SEV"}  # federal subjects that are cities
PLACE_SEPARATORS = re.compile(r"[,;]")
CITY_PREFIX = re.compile(r"^\s*г\.?\s+")
REGION_IN = re.compile(
    r"\b([А-ЯЁ][а-яё-]+)\s+(област[ьи]|кра[йя]|округа?)\b|\b[Рр]еспублик[аиеу]\s+([А-ЯЁ][а-яё]+)"
)
CITY_WORDS = r"[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+){0,2}"  # "Нижний Новгород", "Набережных Челнах"
CITY_IN = re.compile(
    rf"\b(?:[Вв]|[Нн]а\s+территории)\s+(?P<g>г\.\s*|города\s+|городе\s+)?(?P<city>{CITY_WORDS})"
)
PLACE_AFTER = re.compile(
    r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:(?:расположенн|находящ)\w*\s+)?(?:в|на\s+территории)\s+"
    rf"(?:районе\s+(?P<district>[А-ЯЁ][\w-]+)\s+)?(?P<g>г\.?\s*|города\s+|городе\s+)?(?P<city>{CITY_WORDS})"
)
CITY_AT = re.compile(CITY_WORDS)
RU_ADMIN_WORDS = re.compile(r"\bобласт\w*|\bкра[йяе]\b")  # Russian subjects' generic words
COUNTRY_REACH = 600  # characters around a mention searched for a country marker
LOC_GAP = 12  # a LOC entity this close after a mention is its place ("… «Чжунгуньцунь» в Пекине")
PAGE_REGION_MIN = 3  # mentions of one subject that make it the page's region
PAGE_REGION_SHARE = 0.6
DOCUMENT_PAGES = 3  # first pages (after the title) that decide what a document is about


# --- gazetteer look-ups ------------------------------------------------------------------------


def known_city(word: str | None) -> Territory | None:
    """The city (or federal city, or district) a word names in any case: "Пекине" → Пекин."""
    found = resolve_territory(word) if word else None
    if found is None or not (found.type == "city" or found.code in FEDERAL_CITY_CODES):
        return None
    return found


def _name(code: str | None) -> str | None:
    found = territory(code) if code else None
    return found.name if found else None


def region_of_city(city: str | None) -> str | None:
    """The federal subject of a known city ("Бийск" → "Алтайский край", "Москва" → "Москва")."""
    found = known_city(city)
    return _name(found.region) if found else None


def name_region(name: str) -> str | None:
    """The federal subject a cluster's name names ("Фармацевтический кластер Волгоградской области",
    "кластер «Волгоградский химфармкластер»"), through a region or a city of it."""
    for found in find_territories(name):
        code = found.territory.code if found.territory.type == "region" else found.territory.region
        if found.territory.type in ("region", "city") and code:
            return _name(code)
    return None


def region_named(words: str | None) -> str | None:
    """The federal subject a phrase names: "Самарской области", "Калужский", "Республики Коми"."""
    found = resolve_territory(words) if words else None
    return found.name if found is not None and found.type == "region" else None


# --- table cells -------------------------------------------------------------------------------


def parse_place(cell: str) -> tuple[str | None, str | None, str | None]:
    """(region, city, country) of a place cell: "г. Зеленоград, г. Москва" → Москва, Зеленоград, RU."""
    regions: list[str] = []
    cities: list[str] = []
    for item in PLACE_SEPARATORS.split(cell):
        region, city = _place_item(CITY_PREFIX.sub("", item).strip())
        if region and region not in regions:
            regions.append(region)
        if city and city not in cities:
            cities.append(city)
    cities = [
        c for c in cities if not (_federal(c) and any(region_of_city(o) == c for o in cities if o != c))
    ]
    return (", ".join(regions) or None, ", ".join(cities) or None, country_of(regions, cities))


def _federal(name: str) -> bool:
    found = known_city(name)
    return found is not None and found.code in FEDERAL_CITY_CODES


def _place_item(item: str) -> tuple[str | None, str | None]:
    """(region, city) of one place: a subject, a known city with its subject, or an unknown city."""
    if not item:
        return None, None
    city = known_city(item)
    if city is not None:
        return region_of_city(item), city.name
    return region_named(item), None if region_named(item) else item


def country_of(regions: list[str], cities: list[str]) -> str | None:
    """RU when a federal subject is known, else the one country of the known cities."""
    if regions:
        return lexicon.HOME_COUNTRY
    countries = {found.country for found in map(known_city, cities) if found}
    return countries.pop() if len(countries) == 1 else None


# --- running text ------------------------------------------------------------------------------


def regions_in(text: str) -> list[str]:
    """Federal subjects named in a text ("Самарской области", "Курская область", "Республики Коми")."""
    return [r for r in (region_named(m.group(0)) for m in REGION_IN.finditer(text)) if r]


def canonical_city(words: str, nominative_case: bool) -> str:
    """A city as the gazetteer names it, from the most of the capitalized words that name one
    ("Пекине" → "Пекин", "Нижнем Новгороде" → "Нижний Новгород"); an unknown one as its first word
    printed after "г." (`nominative_case`), else that word's lemma."""
    parts = words.strip(" .,;").split()
    for n in range(len(parts), 0, -1):
        found = known_city(" ".join(parts[:n]).strip(" .,;"))
        if found is not None:
            return found.name
    word = parts[0].strip(" .,;") if parts else ""
    if nominative_case:
        return word
    return "-".join(p[:1].upper() + p[1:] for p in lemma(word).split("-"))


def set_city(fact: ClusterFact, city: str, district: str | None = None) -> None:
    """The city of a fact; a district ("Пудун") gives its city and is kept as an attribute."""
    found = known_city(city)
    parent = _name(found.within) if found else None
    fact.city = parent or city
    if district or parent:
        fact.attributes.setdefault("district", district or city)


def place_after(fact: ClusterFact, suffix: str) -> None:
    """ "… в районе Пудун г. Шанхай", "…, расположенный в Пекине" right after the mention."""
    place = PLACE_AFTER.match(suffix)
    if place is None or fact.city is not None:
        return
    if not (place.group("g") or _locative(place.group("city"))):
        return
    city = canonical_city(place.group("city"), nominative_case=bool(place.group("g")))
    if known_city(city) or place.group("g"):
        set_city(fact, city, place.group("district"))


def place_in(fact: ClusterFact, context: str, own: bool = True) -> None:
    """City and region named in a context (gazetteer cities, "в г. X", "… области"): a city "в" +
    the locative ("в Перми", not the direction "в Москву"); in a sentence other than the mention's
    own (`own`), a region only where something is ("расположен в … Курской области", not "с
    предприятиями Самарской области")."""
    for found in CITY_IN.finditer(context):
        if fact.city is not None:
            break
        if not (found.group("g") or _locative(found.group("city"))):
            continue
        city = canonical_city(found.group("city"), nominative_case=False)
        if known_city(city) or found.group("g"):
            set_city(fact, city)
    if fact.region is None:
        found = [m for m in REGION_IN.finditer(context) if not _direction(m.group(0))]
        regions = (
            [r for r in map(region_named, (m.group(0) for m in found)) if r]
            if own
            else _located(context, found)
        )
        fact.region = next(iter(regions), None) or _subject_in(context, own)


LOCATED_AT = re.compile(r"\b(?:[Вв]о?|[Нн]а\s+территории)\s+(?:[^\s.;,:()]+\s+){0,2}$")
LOCATED_REACH = 40
LOCATIVE = {"loct", "loc2"}


def _locative(words: str) -> bool:
    """The first word can be in the locative ("Перми", "Набережных"; not "Москву")."""
    first = words.split()[0] if words.split() else ""
    return any(p.tag.case in LOCATIVE for p in parses(first))


def _direction(words: str) -> bool:
    """The first word is only an accusative: a direction ("в Москву", "в Курскую область")."""
    found = parses(words.split()[0]) if words.split() else []
    return bool(found) and all(p.tag.case == "accs" for p in found)


def _located(context: str, found: Iterable[re.Match]) -> list[str]:
    """Regions of the matches that follow a place preposition ("в …", "на территории …")."""
    out = []
    for m in found:
        before = context[max(0, m.start() - LOCATED_REACH) : m.start()]
        region = region_named(m.group(0))
        if region and LOCATED_AT.search(before):
            out.append(region)
    return out


def _subject_in(context: str, own: bool = True) -> str | None:
    """The one federal subject the gazetteer finds in a context ("В Татарстане", "в Подмосковье")."""
    found = {
        t.territory.name
        for t in find_territories(context)
        if t.territory.type == "region"
        and not _direction(context[t.start : t.end])
        and (own or LOCATED_AT.search(context[max(0, t.start - LOCATED_REACH) : t.start]))
    }
    return found.pop() if len(found) == 1 else None


def finish_place(fact: ClusterFact, text: str, analysis: Any, page_region: str | None) -> None:
    """Country from the place or the nearest country marker; the page's region for Russian ones."""
    if fact.city is None and analysis is not None:
        fact.city = _loc_entity_city(analysis, fact)
    if fact.region is None:
        fact.region = region_of_city(fact.city) or name_region(fact.name)  # ОЭЗ «Калуга», «Нижегородский»
    if fact.country is None:
        fact.country = country_of([fact.region] if fact.region else [], [fact.city] if fact.city else [])
    start, end = fact.char_start or 0, fact.char_end or 0
    if fact.country is None:
        fact.country = nearest_country(text, start, end) or nearest_country(text, start, end, len(text))
    if fact.country == lexicon.HOME_COUNTRY and fact.region is None:
        fact.region = page_region


def _loc_entity_city(analysis: Any, fact: ClusterFact) -> str | None:
    """A known city that natasha tags as LOC right after the mention."""
    for e in analysis.entities:
        near = e.type == "LOC" and 0 <= e.start - (fact.char_end or 0) <= LOC_GAP
        found = known_city(e.normal) if near else None
        if found is not None:
            return found.name
    return None


# Former countries name history, not where a cluster is ("площадки бывших советских гигантов").
FORMER = {"SU"}


def nearest_country(text: str, start: int, end: int, window: int = COUNTRY_REACH) -> str | None:
    """The country of the territory (or Russian subject word) named nearest to a span."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    markers = [(lo + t.start, lo + t.end, t.territory.country) for t in find_territories(text[lo:hi])]
    markers += [(m.start(), m.end(), lexicon.HOME_COUNTRY) for m in RU_ADMIN_WORDS.finditer(text, lo, hi)]
    near = [(max(start - b, a - end, 0), country) for a, b, country in markers if country not in FORMER]
    ranked = sorted(m for m in near if m[1])
    return ranked[0][1] if ranked else None


def page_region(text: str) -> str | None:
    """The federal subject that dominates the page's region mentions (≥3 and ≥60 %), if any."""
    counts = Counter(regions_in(text))
    top = counts.most_common(1)
    if not top or top[0][1] < PAGE_REGION_MIN or top[0][1] < PAGE_REGION_SHARE * sum(counts.values()):
        return None
    return top[0][0]


def document_region(texts: Sequence[str]) -> str | None:
    """The federal subject a document is about (its title first, then its first pages), if any."""
    found = document_territory(list(texts)[: 1 + DOCUMENT_PAGES])
    if found is None:
        return None
    if found.type == "municipality":
        region = territory(found.region) if found.region else None
        return region.name if region else None
    return found.name if found.type == "region" else region_of_city(found.name)


def apply_region(fact: ClusterFact, region: str | None) -> None:
    """A Russian (or unplaced) cluster without a region lies in the document's region."""
    if region and fact.region is None and fact.country in (None, lexicon.HOME_COUNTRY):
        fact.region, fact.country = region, lexicon.HOME_COUNTRY
