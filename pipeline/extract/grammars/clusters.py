"""yargy grammar and gazetteer for named clusters, technoparks, industrial parks and economic zones.

In the style of natasha's grammars: small named rules interpret into one fact, `Cluster` (the
`kind` phrase, a quoted or capitalized `name`, a `region` in the genitive, the `base` organization
of "кластер на базе АО «X»", the `place` of "зона … в г. X"). `CLUSTER` matches a kind phrase with
an optional tail; the extractor keeps it as a record only when something names it (a tail, or a
leading region adjective: "Калужский фармкластер"), so "инновационный кластер" stays generic.
The grammar runs on a plain tokenizer; word classes come from cached pymorphy3 look-ups.
"""

from __future__ import annotations

from yargy import and_, not_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import custom, eq, in_, in_caseless
from yargy.predicates import type as token_type
from yargy.tokenizer import EOL, Tokenizer

from pipeline.nlp.morph import is_known, lemma, parses

__all__ = [
    "CITIES",
    "CLUSTER",
    "GENERIC_WORDS",
    "REGION_ADJECTIVES",
    "SUBJECTS",
    "TOKENIZER",
    "Cluster",
    "is_region_adjective",
    "kind_of",
]

# --- gazetteer ---------------------------------------------------------------------------------

_SUBJECTS = """Республика Адыгея|Республика Алтай|Республика Башкортостан|Республика Бурятия|
Республика Дагестан|Республика Ингушетия|Кабардино-Балкарская Республика|Республика Калмыкия|
Карачаево-Черкесская Республика|Республика Карелия|Республика Коми|Республика Крым|
Республика Марий Эл|Республика Мордовия|Республика Саха (Якутия)|Республика Северная Осетия — Алания|
Республика Татарстан|Республика Тыва|Удмуртская Республика|Республика Хакасия|Чеченская Республика|
Чувашская Республика|Алтайский край|Забайкальский край|Камчатский край|Краснодарский край|
Красноярский край|Пермский край|Приморский край|Ставропольский край|Хабаровский край|
Амурская область|Архангельская область|Астраханская область|Белгородская область|Брянская область|
Владимирская область|Волгоградская область|Вологодская область|Воронежская область|
Ивановская область|Иркутская область|Калининградская область|Калужская область|Кемеровская область|
Кировская область|Костромская область|Курганская область|Курская область|Ленинградская область|
Липецкая область|Магаданская область|Московская область|Мурманская область|Нижегородская область|
Новгородская область|Новосибирская область|Омская область|Оренбургская область|Орловская область|
Пензенская область|Псковская область|Ростовская область|Рязанская область|Самарская область|
Саратовская область|Сахалинская область|Свердловская область|Смоленская область|Тамбовская область|
Тверская область|Томская область|Тульская область|Тюменская область|Ульяновская область|
Челябинская область|Ярославская область|Москва|Санкт-Петербург|Севастополь|
Еврейская автономная область|Ненецкий автономный округ|Ханты-Мансийский автономный округ — Югра|
Чукотский автономный округ|Ямало-Ненецкий автономный округ"""


def _listed(text: str, sep: str = "|") -> list[str]:
    return [item.strip() for item in text.replace("\n", "").split(sep)]


SUBJECTS = _listed(_SUBJECTS)


def _region_adjectives() -> dict[str, str | None]:
    """Adjective lemma → federal subject ("калужский" → "Калужская область")."""
    out: dict[str, str | None] = {}
    for subject in SUBJECTS:
        first = subject.split()[0]
        if subject.endswith(("область", "край", "округ")) and "-" not in first:
            out[lemma(first)] = subject
    out |= {
        "московский": "Москва",
        "петербургский": "Санкт-Петербург",
        "санкт-петербургский": "Санкт-Петербург",
    }
    out |= {"татарстанский": "Республика Татарстан", "башкирский": "Республика Башкортостан"}
    out |= {"зеленоградский": "Москва", "пущинский": "Московская область", "обнинский": "Калужская область"}
    out |= dict.fromkeys(("уральский", "сибирский", "дальневосточный", "шанхайский", "пекинский"))
    return out


_CITY_TABLE = """Москва:Москва|Зеленоград:Москва|Санкт-Петербург:Санкт-Петербург|Севастополь:Севастополь|
Бийск:Алтайский край|Барнаул:Алтайский край|Новоалтайск:Алтайский край|Калуга:Калужская область|
Обнинск:Калужская область|Долгопрудный:Московская область|Пущино:Московская область|Дубна:Московская область|
Химки:Московская область|Королёв:Московская область|Томск:Томская область|Новосибирск:Новосибирская область|
Кольцово:Новосибирская область|Волгоград:Волгоградская область|Курск:Курская область|
Железногорск:Курская область|Щигры:Курская область|Льгов:Курская область|Самара:Самарская область|
Тольятти:Самарская область|Казань:Республика Татарстан|Иннополис:Республика Татарстан|
Екатеринбург:Свердловская область|Нижний Новгород:Нижегородская область|Саров:Нижегородская область|
Пермь:Пермский край|Уфа:Республика Башкортостан|Красноярск:Красноярский край|Хабаровск:Хабаровский край|
Воронеж:Воронежская область|Белгород:Белгородская область|Ульяновск:Ульяновская область|
Димитровград:Ульяновская область|Челябинск:Челябинская область|Ярославль:Ярославская область|
Ростов-на-Дону:Ростовская область|Краснодар:Краснодарский край|Иркутск:Иркутская область|
Омск:Омская область|Тюмень:Тюменская область|Саратов:Саратовская область|Пенза:Пензенская область|
Липецк:Липецкая область|Тула:Тульская область|Владимир:Владимирская область|Иваново:Ивановская область|
Кемерово:Кемеровская область|Архангельск:Архангельская область|Мурманск:Мурманская область|
Калининград:Калининградская область|Владивосток:Приморский край|Сколково:Москва"""
_CN_CITIES = "Пекин Шанхай Тяньцзинь Нанкин Чэнду Гуанчжоу Шэньчжэнь Ухань Сиань Ханчжоу Сучжоу Чунцин Харбин"
_CN_CITIES += " Далянь Циндао Сямынь Чанша Хэфэй Цзинань"


_DISTRICTS = {"Пудун": "Шанхай"}  # district → the city it belongs to


def _cities() -> dict[str, tuple[str | None, str, str | None]]:
    """City or district → (federal subject or None, ISO country, city of a district or None)."""
    out: dict[str, tuple[str | None, str, str | None]] = {}
    for pair in _CITY_TABLE.replace("\n", "").split("|"):
        city, region = pair.split(":")
        out[city] = (region, "RU", None)
    out |= {city: (None, "CN", None) for city in _CN_CITIES.split()}
    out |= {district: (*out[city][:2], city) for district, city in _DISTRICTS.items()}
    return out


REGION_ADJECTIVES = _region_adjectives()
CITIES = _cities()

# Words that do not tell one cluster from another ("индустриальный парк «Союз»" → "союз").
GENERIC_WORDS = frozenset({
    "кластер", "технопарк", "парк", "зона", "высокий", "технология", "открытый", "особый", "экономический",
    "инновационный", "территориальный", "промышленный", "индустриальный", "научный", "технологический",
    "оэз", "ппт", "тор", "тосэр", "в", "г", "промышленно-производственный", "тип",
})  # fmt: skip

# Kind nouns that end compound names ("химфармкластер", "медтехнопарк"), longest first.
KIND_HEADS = ("технопарк", "кластер", "парк")

# --- grammar -----------------------------------------------------------------------------------

Cluster = fact("Cluster", ["kind", "name", "region", "base", "place"])

TOKENIZER = Tokenizer().remove_types(EOL)
RU, LATIN, INT = token_type("RU"), token_type("LATIN"), token_type("INT")
QUOTES = {"«", "»", '"', "“", "”", "„"}
OPEN, CLOSE = in_({"«", '"', "“", "„"}), in_({"»", '"', "”", "“"})

CLUSTER_LEMMAS = {"кластер", "фармкластер", "биофармкластер", "химфармкластер", "медтехкластер"}
TECHNOPARK_LEMMAS = {"технопарк", "агротехнопарк", "биотехнопарк", "медтехнопарк", "индустрипарк"}
INDUSTRIAL_ADJ = {"индустриальный", "промышленный", "агропромышленный", "агроиндустриальный"}
SEZ_ABBR = {"ОЭЗ", "ТОР", "ТОСЭР", "СЭЗ", "ПЭЗ"}
SEZ_TYPE = {"ППТ", "ТВТ", "ТРТ", "ПЭТ"}


def _pos(word: str, tags: set[str]) -> bool:
    return any(p.tag.POS in tags for p in parses(word))


def _singular_of(lemmas: set[str]) -> custom:
    """A noun with one of the lemmas, in a singular form ("кластеры" is a generic plural)."""
    stems = tuple({w[:4] for w in lemmas})

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
GEN_NOUN = custom(lambda w: any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(w)))
HEAD = or_(
    rule(or_(PARK, ZONE), HIGH_TECH),
    rule(CLUSTER_HEAD, rule(ADJ, GEN_NOUN).optional()),  # "кластер биомедицинских технологий"
    rule(TECHNOPARK_HEAD),
    rule(PARK),  # "индустриальный парк": the modifier is checked by `kind_of`
    rule(ZONE, rule(HYPHEN_ADJ, in_caseless({"типа"})).optional()),  # "… зона промышленно-… типа"
)
SEZ_ABBREVIATION = rule(in_(SEZ_ABBR), in_(SEZ_TYPE).optional())
TOR_WORDS = rule(
    in_caseless({"территория", "территории", "территорию", "территорией"}),
    in_caseless({"опережающего"}),
    HYPHEN_ADJ.optional(),
    in_caseless({"развития"}),
)
KIND = or_(rule(MODIFIERS.optional(), HEAD), SEZ_ABBREVIATION, TOR_WORDS).interpretation(Cluster.kind)

QUOTED = rule(OPEN, not_(in_(QUOTES)).repeatable(max=8), CLOSE)
LATIN_CODE = and_(LATIN, custom(str.isupper))
CAPITALIZED = rule(custom(_nominal_name), rule(eq("-").optional(), LATIN_CODE).optional())
NAME = or_(QUOTED, CAPITALIZED).interpretation(Cluster.name)

REGION_WORD = custom(lambda w: w[:1].isupper() and lemma(w) in REGION_ADJECTIVES)
REGION_GEN = or_(
    rule(REGION_WORD, in_caseless({"области", "края", "округа"})),
    rule(in_caseless({"республики"}), custom(lambda w: w[:1].isupper())),
).interpretation(Cluster.region)

LEGAL_FORM = in_({"АО", "ОАО", "ПАО", "ЗАО", "ООО", "ФГУП", "ГК", "НИУ", "ФГБОУ", "ФГАОУ"})
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
    return word[:1].isupper() and lemma(word) in REGION_ADJECTIVES


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
        return "industrial_park" if INDUSTRIAL_ADJ & set(lemmas) else None
    if "экономический" in lemmas and "зона" in lemmas or set(words.upper().split()) & SEZ_ABBR:
        return "sez"
    return "sez" if "опережающий" in lemmas or "опережать" in lemmas else None
