"""Where a cluster is: country, federal subject and city from table cells, context and the page.

Every gazetteer look-up goes through `subject_named`, `city_entry` and `region_of_adjective`, so the
gazetteer behind them can be swapped in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from pipeline.extract.facts import ClusterFact
from pipeline.extract.grammars.clusters import CITIES, REGION_ADJECTIVES, SUBJECTS
from pipeline.nlp.morph import is_known, lemma

FEDERAL_CITIES = {"Москва", "Санкт-Петербург", "Севастополь"}
CITY_ALIASES = {"С.-Петербург": "Санкт-Петербург", "СПб": "Санкт-Петербург", "Петербург": "Санкт-Петербург"}
PLACE_SEPARATORS = re.compile(r"[,;]")
CITY_PREFIX = re.compile(r"^\s*г\.?\s+")
REGION_IN = re.compile(
    r"\b([А-ЯЁ][а-яё-]+)\s+(област[ьи]|кра[йя]|округа?)\b|\b[Рр]еспублик[аиеу]\s+([А-ЯЁ][а-яё]+)"
)
CITY_IN = re.compile(r"\b(?:в|на\s+территории)\s+(?P<g>г\.\s*|города\s+|городе\s+)?(?P<city>[А-ЯЁ][\w-]+)")
PLACE_AFTER = re.compile(
    r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:(?:расположенн|находящ)\w*\s+)?(?:в|на\s+территории)\s+"
    r"(?:районе\s+(?P<district>[А-ЯЁ][\w-]+)\s+)?(?P<g>г\.?\s*|города\s+|городе\s+)?(?P<city>[А-ЯЁ][\w-]+)"
)
# Words that place a text in a country, besides the gazetteer's cities of that country.
COUNTRY_WORDS = {
    "CN": r"Кита\w*|КНР|китайск\w*|шанхайск\w*|пекинск\w*",
    "RU": r"Росси\w*|\bРФ\b|российск\w*|\bобласт\w*|\bкра[йяе]\b|Подмосковь\w*",
}
COUNTRY_REACH = 600  # characters around a mention searched for a country marker
LOC_GAP = 12  # a LOC entity this close after a mention is its place ("… «Чжунгуньцунь» в Пекине")
PAGE_REGION_MIN = 3  # mentions of one subject that make it the page's region
PAGE_REGION_SHARE = 0.6


# --- gazetteer look-ups ------------------------------------------------------------------------


def subject_named(text: str) -> str | None:
    """The federal subject a text names exactly ("курская область" → "Курская область")."""
    return next((s for s in SUBJECTS if s.lower() == text.lower()), None)


def city_entry(city: str | None) -> tuple[str | None, str, str | None] | None:
    """(federal subject, country, city it is a district of) of a known city or district, or None."""
    return CITIES.get(city or "")


def region_of_adjective(adjective_lemma: str) -> str | None:
    return REGION_ADJECTIVES.get(adjective_lemma)


def subject_with_name(word: str) -> str | None:
    """The republic whose name ends with `word` ("Татарстан" → "Республика Татарстан")."""
    return next((s for s in SUBJECTS if s.endswith(word)), None)


# --- table cells -------------------------------------------------------------------------------


def parse_place(cell: str) -> tuple[str | None, str | None, str | None]:
    """(region, city, country) of a place cell: "г. Зеленоград, г. Москва" → Москва, Зеленоград, RU."""
    regions: list[str] = []
    cities: list[str] = []
    for item in PLACE_SEPARATORS.split(cell):
        item = CITY_PREFIX.sub("", item).strip()
        region, city = _place_item(CITY_ALIASES.get(item, item))
        if region and region not in regions:
            regions.append(region)
        if city and city not in cities:
            cities.append(city)
    cities = [
        c for c in cities if not (c in FEDERAL_CITIES and any(_region_of(o) == c for o in cities if o != c))
    ]
    return (", ".join(regions) or None, ", ".join(cities) or None, country_of(regions, cities))


def _place_item(item: str) -> tuple[str | None, str | None]:
    if not item:
        return None, None
    subject = subject_named(item)
    if subject and subject not in FEDERAL_CITIES:
        return subject, None
    entry = city_entry(item)
    return (entry[0], item) if entry else (None, item)


def _region_of(city: str) -> str | None:
    entry = city_entry(city)
    return entry[0] if entry else None


def country_of(regions: list[str], cities: list[str]) -> str | None:
    """RU when a federal subject is known, else the one country of the known cities."""
    if regions:
        return "RU"
    countries = {entry[1] for entry in map(city_entry, cities) if entry}
    return countries.pop() if len(countries) == 1 else None


# --- running text ------------------------------------------------------------------------------


def regions_in(text: str) -> list[str]:
    """Federal subjects named in a text ("Самарской области", "Курская область", "Республики Коми")."""
    return [r for r in (region_of_words(m.group(0)) for m in REGION_IN.finditer(text)) if r]


def region_of_words(words: str | None) -> str | None:
    """ "Самарской области" → "Самарская область"; "Калужский" → "Калужская область"."""
    if not words:
        return None
    parts = words.split()
    if parts[0].lower().startswith("республик") and len(parts) > 1:
        return subject_with_name(parts[1])
    return region_of_adjective(lemma(parts[0]))


def canonical_city(word: str, nominative_case: bool) -> str:
    """A city as in the gazetteer: "Пекине" → "Пекин"; after "г." the printed form is kept."""
    word = word.strip(" .,;")
    if city_entry(word) or nominative_case and not is_known(word):
        return word
    base = lemma(word)
    title = "-".join(p[:1].upper() + p[1:] for p in base.split("-"))
    return title if city_entry(title) or not nominative_case else word


def set_city(fact: ClusterFact, city: str, district: str | None = None) -> None:
    """The city of a fact; a district ("Пудун") gives its city and is kept as an attribute."""
    entry = city_entry(city)
    parent = entry[2] if entry else None
    fact.city = parent or city
    if district or parent:
        fact.attributes.setdefault("district", district or city)


def place_after(fact: ClusterFact, suffix: str) -> None:
    """ "… в районе Пудун г. Шанхай", "…, расположенный в Пекине" right after the mention."""
    place = PLACE_AFTER.match(suffix)
    if place is None or fact.city is not None:
        return
    city = canonical_city(place.group("city"), nominative_case=bool(place.group("g")))
    if city_entry(city) or place.group("g"):
        set_city(fact, city, place.group("district"))


def place_in(fact: ClusterFact, context: str) -> None:
    """City and region named anywhere in a context (gazetteer cities, "в г. X", "… области")."""
    for found in CITY_IN.finditer(context):
        if fact.city is not None:
            break
        city = canonical_city(found.group("city"), nominative_case=False)
        if city_entry(city) or found.group("g"):
            set_city(fact, city)
    if fact.region is None:
        fact.region = next(iter(regions_in(context)), None)


def finish_place(fact: ClusterFact, text: str, analysis: Any, page_region: str | None) -> None:
    """Country from the place or the nearest country marker; the page's region for Russian ones."""
    if fact.city is None and analysis is not None:
        fact.city = _loc_entity_city(analysis, fact)
    if fact.region is None:
        fact.region = _region_of(fact.city or "")
    if fact.country is None:
        fact.country = country_of([fact.region] if fact.region else [], [fact.city] if fact.city else [])
    start, end = fact.char_start or 0, fact.char_end or 0
    if fact.country is None:
        fact.country = nearest_country(text, start, end) or nearest_country(text, start, end, len(text))
    if fact.country == "RU" and fact.region is None:
        fact.region = page_region


def _loc_entity_city(analysis: Any, fact: ClusterFact) -> str | None:
    for e in analysis.entities:
        if e.type == "LOC" and 0 <= e.start - (fact.char_end or 0) <= LOC_GAP and city_entry(e.normal):
            return e.normal
    return None


def nearest_country(text: str, start: int, end: int, window: int = COUNTRY_REACH) -> str | None:
    """The country whose marker ("Китай", "российский", "области") is nearest to a span."""
    best: tuple[int, str] | None = None
    for country, pattern in _country_markers().items():
        for found in pattern.finditer(text, max(0, start - window), min(len(text), end + window)):
            distance = max(start - found.end(), found.start() - end, 0)
            if best is None or distance < best[0]:
                best = (distance, country)
    return best[1] if best else None


@cache
def _country_markers() -> dict[str, re.Pattern]:
    """Per country: its marker words and its gazetteer cities in any case ending ("Пекине")."""
    out = {}
    for country, words in COUNTRY_WORDS.items():
        cities = [r"\b" + re.escape(c[:-1]) + r"\w*" for c, entry in CITIES.items() if entry[1] == country]
        out[country] = re.compile("|".join([words, *cities]))
    return out


def page_region(text: str) -> str | None:
    """The federal subject that dominates the page's region mentions (≥3 and ≥60 %), if any."""
    counts = Counter(regions_in(text))
    top = counts.most_common(1)
    if not top or top[0][1] < PAGE_REGION_MIN or top[0][1] < PAGE_REGION_SHARE * sum(counts.values()):
        return None
    return top[0][0]
