"""yargy grammar for named clusters, technoparks, industrial parks and economic zones.

In the style of natasha's grammars: small named rules interpret into one fact, `Cluster` (the
`kind` phrase, a quoted or capitalized `name`, a `region` in the genitive, the `base` organization
of "кластер на базе АО «X»", the `place` of "зона … в г. X"). `CLUSTER` matches a kind phrase with
an optional tail; the extractor keeps it as a record only when something names it (a tail, or a
leading region adjective: "Калужский фармкластер"), so "инновационный кластер" stays generic.
The grammar runs on a plain tokenizer; word classes come from cached pymorphy3 look-ups.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import custom, eq, in_, in_caseless
from yargy.predicates import type as token_type
from yargy.tokenizer import EOL, Tokenizer

from pipeline import lexicon
from pipeline.extract.territories import resolve_territory
from pipeline.nlp.morph import is_known, lemma, parses

__all__ = [
    "CLUSTER",
    "GENERIC_WORDS",
    "KIND_HEADS",
    "KIND_WORD_FAMILIES",
    "TOKENIZER",
    "Cluster",
    "is_region_adjective",
    "kind_of",
]

# Words that do not tell one cluster from another ("индустриальный парк «Союз»" → "союз").
GENERIC_WORDS = frozenset({
    "кластер", "технопарк", "парк", "зона", "высокий", "технология", "открытый", "особый", "экономический",
    "инновационный", "территориальный", "промышленный", "индустриальный", "научный", "технологический",
    "оэз", "ппт", "тор", "тосэр", "в", "г", "промышленно-производственный", "тип",
})  # fmt: skip

STEM = 4  # letters of a kind lemma that every form of it starts with (fewer for short lemmas)
TERRITORY_TYPES = {"country", "region", "city"}  # adjectives of these name a cluster ("Калужский …")

# Kind words a later sentence may refer back by, and the kinds each can refer to.
KIND_WORD_FAMILIES = {
    "парк": {"technopark", "hitech_zone", "industrial_park"},
    "технопарк": {"technopark", "hitech_zone", "industrial_park"},
    "оэз": {"sez"},
    "тосэр": {"sez"},
    "тор": {"sez"},
    "зона": {"sez", "hitech_zone"},
    "кластер": {"cluster"},
}

# Kind nouns that end compound names ("химфармкластер", "медтехнопарк"), longest first.
KIND_HEADS = ("технопарк", "кластер", "парк")

# --- grammar -----------------------------------------------------------------------------------

Cluster = fact("Cluster", ["kind", "name", "region", "base", "place"])

TOKENIZER = Tokenizer().remove_types(EOL)
RU, LATIN, INT = token_type("RU"), token_type("LATIN"), token_type("INT")
QUOTES = lexicon.QUOTES
OPEN, CLOSE = in_(set(lexicon.OPENING_QUOTES)), in_(set(lexicon.CLOSING_QUOTES))

CLUSTER_LEMMAS = {"кластер", "фармкластер", "биофармкластер", "химфармкластер", "медтехкластер"}
TECHNOPARK_LEMMAS = {"технопарк", "агротехнопарк", "биотехнопарк", "медтехнопарк", "индустрипарк"}
INDUSTRIAL_ADJ = {"индустриальный", "промышленный", "агропромышленный", "агроиндустриальный"}
IT_PREFIXES = {"it", "ит"}  # "IT-парк" is a technopark
SEZ_ABBR = {"ОЭЗ", "ТОР", "ТОСЭР", "СЭЗ", "ПЭЗ"}
SEZ_TYPE = {"ППТ", "ТВТ", "ТРТ", "ПЭТ"}


def _pos(word: str, tags: set[str]) -> bool:
    return any(p.tag.POS in tags for p in parses(word))


def _singular_of(lemmas: set[str]) -> custom:
    """A noun with one of the lemmas, in a singular form ("кластеры" is a generic plural)."""
    stems = tuple({w[: min(STEM, len(w) - 1)] for w in lemmas})  # "зон" of "зона", "зоны"

    def check(word: str) -> bool:
        low = word.lower()
        if not (low.startswith(stems) or "кластер" in low or "парк" in low):
            return False
        found = [p for p in parses(word) if p.normal_form in lemmas or low.endswith("кластер")]
        return bool(found) and any(p.tag.number != "plur" for p in found)

    return custom(check)


def _nominal_name(word: str) -> bool:
    """A capitalized word that can be a name: unknown, or nominative and not a place in the genitive."""
    if not word[:1].isupper():
        return False
    return not is_known(word) or any(p.tag.case == "nomn" for p in parses(word))


ADJ = custom(lambda w: _pos(w, {"ADJF", "PRTF"}))
ADJ_PART = custom(lambda w: _pos(w, {"ADJF", "PRTF", "ADVB"}) or w.lower().endswith(("о", "е")))
HYPHEN_ADJ = rule(ADJ_PART, eq("-"), ADJ)
PAREN_ADJ = rule(eq("("), ADJ, eq(")"))
MODIFIER = or_(HYPHEN_ADJ, PAREN_ADJ, rule(ADJ))
MODIFIERS = MODIFIER.repeatable(max=4)

CLUSTER_HEAD = _singular_of(CLUSTER_LEMMAS)
TECHNOPARK_HEAD = _singular_of(TECHNOPARK_LEMMAS)
PARK, ZONE = _singular_of({"парк"}), _singular_of({"зона"})
HIGH_TECH = rule(in_caseless({"высоких", "высокой"}), custom(lambda w: lemma(w) == "технология"))
FUNCTION_POS = {"CONJ", "PREP", "PRCL", "NPRO", "VERB", "INFN"}  # "и" (a letter), "стали" (сталь)


def _genitive_noun(word: str) -> bool:
    """A lowercase genitive noun that reads as no function word or verb ("автомобилестроения", not
    "и", "стали")."""
    found = parses(word)
    return (
        word.islower()
        and not any(p.tag.POS in FUNCTION_POS for p in found)
        and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in found)
    )


FIELDS_FILE = Path(__file__).resolve().parents[2] / "data" / "cluster_fields.csv"


@cache
def name_fields() -> dict[str, str]:
    """Field per name word (lemma, hyphen part or compound prefix, "ё" read as "е") from the data
    file `pipeline/data/cluster_fields.csv` (read by `clusters.fields` too)."""
    with open(FIELDS_FILE, encoding="utf-8", newline="") as f:
        return {row["word"].replace("ё", "е"): row["field"] for row in csv.DictReader(f)}


@cache
def field_nouns() -> frozenset[str]:
    """Lemmas of the one-word fields of the data file ("автомобилестроение", "биотехнология")."""
    fields = {f for value in name_fields().values() for f in value.split(", ")}
    return frozenset(lemma(f).replace("ё", "е") for f in fields if " " not in f)


def _field_noun(word: str) -> bool:
    """A genitive noun that names a field of the data file ("кластер автомобилестроения"), not any
    noun ("кластер предприятий", "кластер развития")."""
    return _genitive_noun(word) and lemma(word).replace("ё", "е") in field_nouns()


GEN_NOUN = custom(_genitive_noun)
FIELD_NOUN = custom(_field_noun)
# "химической и фармацевтической", "медицинского, экологического" before a genitive noun
GEN_ADJS = rule(ADJ, rule(in_({",", "и"}), ADJ).repeatable(max=3).optional())
# "IT-кластер", "ИТ-парк": an upper-case acronym joined to the kind word by a hyphen
ACRONYM_PREFIX = rule(and_(or_(RU, LATIN), custom(lambda w: len(w) > 1 and w.isupper())), eq("-"))
TYPE_PHRASE = rule(or_(HYPHEN_ADJ, rule(ADJ)), in_caseless({"типа"}))  # "портового типа"
HEAD = or_(
    rule(or_(PARK, ZONE), HIGH_TECH),
    # "кластер биомедицинских технологий", "кластер автомобилестроения"
    rule(CLUSTER_HEAD, or_(rule(GEN_ADJS, GEN_NOUN), rule(FIELD_NOUN)).optional()),
    rule(
        TECHNOPARK_HEAD, rule(rule(eq("в"), in_caseless({"сфере"})).optional(), HIGH_TECH).optional()
    ),  # "Технопарк (в сфере) высоких технологий"
    rule(PARK),  # "индустриальный парк": the modifier is checked by `kind_of`
    rule(ZONE, TYPE_PHRASE.optional()),  # "… зона промышленно-производственного типа"
)
# "ОЭЗ ППТ", "ОЭЗ технико-внедренческого типа"
SEZ_ABBREVIATION = rule(in_(SEZ_ABBR), or_(rule(in_(SEZ_TYPE)), TYPE_PHRASE).optional())
TOR_WORDS = rule(
    in_caseless({"территория", "территории", "территорию", "территорией"}),
    in_caseless({"опережающего"}),
    HYPHEN_ADJ.optional(),
    in_caseless({"развития"}),
)
KIND = or_(
    rule(MODIFIERS.optional(), ACRONYM_PREFIX.optional(), HEAD), SEZ_ABBREVIATION, TOR_WORDS
).interpretation(Cluster.kind)

WORDS_IN_QUOTES = not_(in_(QUOTES)).repeatable(max=8)
# «Технополис «Москва»», also printed with one closing quote: «Технополис «Москва»
NESTED = rule(eq("«"), WORDS_IN_QUOTES, eq("«"), WORDS_IN_QUOTES, eq("»"), eq("»").optional())
QUOTED = or_(rule(OPEN, WORDS_IN_QUOTES, CLOSE), NESTED)
LATIN_CODE = and_(LATIN, custom(str.isupper))
CAPITALIZED = rule(custom(_nominal_name), rule(eq("-").optional(), LATIN_CODE).optional())
NAME = or_(QUOTED, CAPITALIZED).interpretation(Cluster.name)

REGION_WORD = custom(lambda w: is_region_adjective(w))
REGION_GEN = or_(
    rule(REGION_WORD, in_caseless({"области", "края", "округа"})),
    rule(in_caseless({"республики"}), custom(lambda w: w[:1].isupper())),
).interpretation(Cluster.region)

LEGAL_FORM = in_(lexicon.ORGANIZATION_FORMS)
BASE = rule(
    eq("на"), eq("базе"), rule(LEGAL_FORM.optional(), or_(QUOTED, CAPITALIZED)).interpretation(Cluster.base)
)
PLACE = rule(
    eq("в"),
    in_caseless({"г", "городе"}),
    eq(".").optional(),
    custom(lambda w: w[:1].isupper()).interpretation(Cluster.place),
)

# A kind phrase with what names it; without a tail it is named only by a leading region
# adjective ("Калужский фармкластер"), which the extractor checks.
CLUSTER = rule(KIND, or_(NAME, REGION_GEN, BASE, PLACE).optional()).interpretation(Cluster)


def is_region_adjective(word: str) -> bool:
    """A capitalized adjective of a territory ("Калужский", "Волгоградского", "Московский")."""
    if not word[:1].isupper() or not _pos(word, {"ADJF"}):
        return False
    found = resolve_territory(lemma(word))
    return found is not None and found.type in TERRITORY_TYPES


def _head_lemma(word: str) -> str:
    """The lemma, preferring a kind word among the readings ("парке" → "парк", not "парка")."""
    kinds = CLUSTER_LEMMAS | TECHNOPARK_LEMMAS | {"парк", "зона"}
    return next((p.normal_form for p in parses(word) if p.normal_form in kinds), lemma(word))


def kind_of(words: str) -> str | None:
    """The contract kind of a kind phrase ("технопарк" → technopark, "ОЭЗ ППТ" → sez), or None."""
    cleaned = words.lower().replace("-", " ").replace("(", " ").replace(")", " ").replace("«", " ")
    lemmas = [_head_lemma(w) for w in cleaned.split()]
    if "технология" in lemmas and ("парк" in lemmas or "зона" in lemmas):
        return "hitech_zone"
    first = {w: i for i, w in reversed(list(enumerate(lemmas)))}
    heads = {
        "technopark": min((first[w] for w in first if w in TECHNOPARK_LEMMAS), default=99),
        "cluster": min((first[w] for w in first if w.endswith("кластер")), default=99),
    }
    if min(heads.values()) < 99:
        return min(heads, key=lambda k: heads[k])
    if "парк" in lemmas:
        if IT_PREFIXES & set(lemmas):
            return "technopark"
        return "industrial_park" if INDUSTRIAL_ADJ & set(lemmas) else None
    if "экономический" in lemmas and "зона" in lemmas or set(words.upper().split()) & SEZ_ABBR:
        return "sez"
    return "sez" if "опережающий" in lemmas or "опережать" in lemmas else None
