"""The extraction lexicon: every unit, currency, sign, scale word, qualifier, month, time noun,
counted-noun exclusion and abbreviation is one typed entry here.

The figure grammar (`grammars.figures`), the date grammar's month forms (`grammars.dates`), the
normalizers (`numbers`), the table-label unit parser (`tables`) and the figure filters are all
built from these tables, so adding a unit or a currency sign is one entry (plus a test row).
Spellings are lower case unless an entry lists them under `exact` (case matters: "кВ" is a
kilovolt, "кв." a quarter or "квадратный").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Unit:
    """One unit word: its code, class and every spelling that names it."""

    code: str  # ISO 4217 for currencies; PERCENT, PP, TIMES, KM2, MW, ...
    kind: (
        str  # currency | percent | points | ratio | area | length | mass | volume | energy | power | voltage
        # | duration | score | data | yield | freight
    )
    lemmas: tuple[str, ...] = ()  # dictionary words, matched by lemma ("рубль")
    abbrs: tuple[str, ...] = ()  # abbreviations, caseless; a written final dot is optional ("руб.")
    signs: tuple[str, ...] = ()  # one-character symbols ("₽"); a currency sign may precede the amount
    codes: tuple[str, ...] = ()  # Latin codes, exact case ("USD")
    # one-token spellings with non-letters or significant case ("км²", "кв. км", "кВ"); case
    # matters only when the spelling holds a capital
    exact: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()  # lemma sequences ("процентный", "пункт")
    english: tuple[str, ...] = ()  # English words, every form listed, caseless ("dollars", "tonnes")
    compound: str | None = None  # stem of a number-unit adjective ("70-процентный")
    coin: bool = False  # a hundredth of the currency ("коп.", "центов")
    free: bool = True  # may follow any amount; False: only in its own grammar rule ("в 2 раза")


def _en(*singulars: str) -> tuple[str, ...]:
    """English singular and plural ("dollar" → "dollar", "dollars")."""
    return tuple(w for s in singulars for w in (s, s + "s"))


UNITS: tuple[Unit, ...] = (
    # currencies
    Unit(
        "RUB",
        "currency",
        ("рубль",),
        ("руб.", "р."),
        ("₽",),
        ("RUB",),
        compound="рубл",
        english=_en("rouble", "ruble"),
    ),
    Unit("RUB", "currency", ("копейка",), ("коп.",), coin=True),
    Unit(
        "USD", "currency", ("доллар",), ("долл.",), ("$",), ("USD",), compound="доллар", english=_en("dollar")
    ),
    Unit("USD", "currency", ("цент",), coin=True),
    Unit("EUR", "currency", ("евро",), (), ("€",), ("EUR",), compound="евро", english=_en("euro")),
    Unit("EUR", "currency", ("евроцент",), coin=True),
    Unit("CNY", "currency", ("юань",), (), ("¥",), ("CNY",), compound="юан"),
    Unit("GBP", "currency", ("фунт",), (), ("£",), ("GBP",)),
    Unit("JPY", "currency", ("иена", "йена"), codes=("JPY",)),
    Unit("UAH", "currency", ("гривна",)),
    Unit("KZT", "currency", ("тенге",), signs=("₸",)),
    Unit("CHF", "currency", ("франк",)),
    Unit("INR", "currency", ("рупия",)),
    Unit("SEK", "currency", ("крона",)),
    Unit("ILS", "currency", ("шекель",), signs=("₪",)),
    # shares and ratios
    Unit(
        "PERCENT",
        "percent",
        ("процент", "процентный"),
        ("проц.",),
        ("%",),
        compound="процент",
        english=("percent",),
    ),
    Unit("PP", "points", abbrs=("п.п.", "пп."), phrases=(("процентный", "пункт"),)),
    Unit("TIMES", "ratio", ("раз",), free=False),
    Unit("POINT", "score", ("балл",)),  # rating and index points ("253,7 балла")
    # a stated number of days is a quantity ("срок - 136 дней"); years and months stay time spans
    Unit("DAY", "duration", ("день", "сутки"), ("дн.", "сут."), english=_en("day")),
    Unit("HOUR", "duration", ("час",), ("ч.",), english=_en("hour")),
    # years: in running text a number of years is a time span, no figure ("за 13 лет", "старше 18
    # лет", `TIME_NOUNS`); only a table label stating years as its unit ("Ожидаемая продолжительность
    # жизни, лет", `tables.unit_tail`) makes its cells durations
    Unit("YEAR", "duration", ("год",), free=False),
    # physical quantities
    Unit("KM2", "area", exact=("км²", "км2", "кв. км", "кв.км")),
    Unit(
        "M2",
        "area",
        exact=("м²", "м2", "кв. м", "кв.м", "кв. метров", "кв. метра", "кв. метр"),
        phrases=(("квадратный", "метр"),),
    ),
    Unit(
        "M3",
        "volume",  # also timber's dense cubic metres ("Щепа технологическая, тыс.плотн.м³")
        ("кубометр",),  # "478 млрд кубометров" (of gas)
        exact=("м³", "м3", "куб. м", "куб.м", "плотн. м³", "плотн.м³", "плотн. м3", "плотн.м3"),
        phrases=(("кубический", "метр"),),
    ),
    Unit("DAL", "volume", ("декалитр",), ("дкл",)),  # beverages: "Водка, млн.дкл"
    Unit("CM3", "volume", exact=("см³", "см3", "куб. см", "куб.см")),
    Unit("HA", "area", ("гектар",), ("га",)),
    Unit("ARE", "area", ("сотка",)),  # a land plot's hundred square metres ("участки по 15 соток")
    # a crop's yield: quintals (центнеры, 100 kg) per hectare ("урожайность зерновых - 25,3 ц/га")
    Unit("Q_HA", "yield", exact=("ц/га", "ц / га")),
    Unit("KM", "length", ("километр",), ("км",), english=("km", *_en("kilometre", "kilometer"))),
    Unit("KMH", "speed", exact=("км/ч", "км/час", "км в час")),  # "на скорости 140 км/ч"
    # metres, also running metres of pipes and networks ("3750 пог. м", "119076 п.м"); a bare "м"
    # is no unit: it is often an area or volume whose "²"/"³" the parse lost ("Млн.м общей площади")
    Unit(
        "M",
        "length",
        ("метр",),
        exact=("пог. м", "пог.м", "п.м", "п. м", "пог. метров", "пог. метра"),
        phrases=(("погонный", "метр"),),
    ),
    Unit("TONNE", "mass", ("тонна",), ("т",), english=_en("tonne", "ton")),
    Unit("KG", "mass", ("килограмм",), ("кг",)),
    # freight turnover: tonne-kilometres ("грузооборот … составил 3326,6 млрд.т-км")
    Unit(
        "TONNE_KM",
        "freight",
        exact=("т-км", "т.км", "т·км", "тонно-км", "ткм"),
        phrases=(("тонно-километр",),),
    ),
    Unit("MW", "power", ("мегаватт",), exact=("МВт",)),
    Unit("KW", "power", ("киловатт",), exact=("кВт",)),
    Unit("TWH", "energy", ("тераватт-час",), exact=("ТВт·ч", "ТВт∙ч", "ТВт*ч", "ТВт-ч", "ТВт.ч", "ТВтч")),
    Unit("GWH", "energy", ("гигаватт-час",), exact=("ГВт·ч", "ГВт∙ч", "ГВт*ч", "ГВт-ч")),
    Unit("MWH", "energy", exact=("МВт·ч", "МВт∙ч", "МВт*ч", "МВт-ч", "МВт.ч", "МВтч")),
    Unit("KWH", "energy", exact=("кВт·ч", "кВт∙ч", "кВт*ч", "кВт-ч", "кВт.ч", "кВтч")),
    # heat: gigacalories (heat supplied) and gigacalories per hour (the output of a boiler house)
    Unit("GCAL", "energy", ("гигакалория",), exact=("Гкал",)),
    Unit("GCAL_H", "power", exact=("Гкал/ч", "Гкал/час", "Гкал в час")),
    Unit("KV", "voltage", ("киловольт",), exact=("кВ",)),
    Unit("MVA", "power", exact=("МВА",)),
    Unit("KVA", "power", exact=("кВ·А", "кВА", "кВ∙А")),  # transformers: "млн кВ·А"
    # data volumes ("Гб" is read as a gigabyte, the usual sense in Russian prose)
    Unit("BYTE", "data", ("байт",), english=_en("byte")),
    Unit("KB", "data", exact=("КБ", "Кбайт")),
    Unit("MB", "data", exact=("МБ", "Мбайт", "Мб")),
    Unit("GB", "data", exact=("ГБ", "Гбайт", "Гб")),
    Unit("TB", "data", exact=("ТБ", "Тбайт", "Тб")),
)

# Adjectives that turn a generic currency word into a specific one ("гонконгских долларов").
CURRENCY_ADJECTIVES: dict[str, str] = {
    "гонконгский": "HKD", "сингапурский": "SGD", "австралийский": "AUD", "канадский": "CAD",
    "новозеландский": "NZD", "тайваньский": "TWD", "норвежский": "NOK", "шведский": "SEK",
    "датский": "DKK", "чешский": "CZK", "швейцарский": "CHF", "белорусский": "BYN",
}  # fmt: skip
# Words after a currency that belong to it ("долл. США", "фунтов стерлингов").
CURRENCY_TAILS: tuple[str, ...] = ("сша", "стерлинг")


@dataclass(frozen=True)
class Scale:
    power: int  # power of ten
    lemma: str
    abbr: str
    english: tuple[str, ...] = ()  # English words and abbreviations, caseless ("billion", "bn")


SCALES: tuple[Scale, ...] = (
    Scale(3, "тысяча", "тыс", ("thousand", "thousands")),
    Scale(6, "миллион", "млн", ("million", "millions", "mn", "mln")),
    Scale(9, "миллиард", "млрд", ("billion", "billions", "bn", "bln")),
    Scale(12, "триллион", "трлн", ("trillion", "trillions", "tn")),
)


# Prefixes that halve a scale word: "полмиллиона", "полумиллиона", "полтысячи" (0.5 × scale).
HALF_PREFIXES: tuple[str, ...] = ("полу", "пол")


@dataclass(frozen=True)
class Qualifier:
    """Words before an amount that bound it: "более" → ">" (`before`/`after`: optional words)."""

    code: str  # = ~ > >= < <=
    heads: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()  # fixed word sequences


QUALIFIERS: tuple[Qualifier, ...] = (
    Qualifier(">", ("более", "свыше", "больше", "сверх", "выше"), ("чуть",), ("чем",)),
    Qualifier(
        ">=",
        after=("чем",),  # "не менее чем на 200 голов"
        phrases=(("не", "менее"), ("не", "меньше"), ("не", "ниже"), ("минимум",), ("как", "минимум"))
        + (("по", "меньшей", "мере"),),
    ),
    Qualifier("<", ("менее", "меньше", "ниже"), after=("чем",)),
    Qualifier(
        "<=",
        after=("чем",),  # "не более чем 10%"
        phrases=(("не", "более"), ("не", "больше"), ("не", "выше"), ("не", "свыше"), ("до",), ("максимум",)),
    ),
    Qualifier(
        "~", ("около", "порядка", "примерно", "приблизительно", "почти", "ориентировочно"), after=("до",)
    ),
)
# Words other than qualifiers that may open a figure: "от 5 до 7", "в 2 раза".
FIGURE_OPENERS: tuple[str, ...] = ("от", "в")
# An amount "from" which, with no "до" after it: a lower bound ("по цене от 10 долларов" → ">=").
LOWER_BOUND_OPENER = Qualifier(">=", ("от",))


@dataclass(frozen=True)
class Month:
    number: int
    stem: str
    declension: str  # soft ("январь"), hard ("март") or may ("май")
    english: str


MONTH_ENDINGS: dict[str, tuple[str, ...]] = {  # nomn, gent, datv, ablt, loct
    "soft": ("ь", "я", "ю", "ём|ем", "е"),
    "hard": ("", "а", "у", "ом", "е"),
    "may": ("й", "я", "ю", "ем", "е"),
}
MIN_STEM = 2  # a month stem this short ("ма") needs an ending letter to be told from other words
MONTHS: tuple[Month, ...] = (
    Month(1, "январ", "soft", "January"), Month(2, "феврал", "soft", "February"),
    Month(3, "март", "hard", "March"), Month(4, "апрел", "soft", "April"),
    Month(5, "ма", "may", "May"), Month(6, "июн", "soft", "June"), Month(7, "июл", "soft", "July"),
    Month(8, "август", "hard", "August"), Month(9, "сентябр", "soft", "September"),
    Month(10, "октябр", "soft", "October"), Month(11, "ноябр", "soft", "November"),
    Month(12, "декабр", "soft", "December"),
)  # fmt: skip

# Words for a part of a period ("в конце 2018 г."): the date keeps the period's span.
# Seasons and the months they span, by word form: "осенью 2010 года" → September-November 2010;
# winter is December-February, its year the one of January and February ("зимой 2015 года").
# Forms per season: nomn, gent, datv, ablt (the adverb "осенью"), accs, loct.
SEASON_FORMS: dict[tuple[int, int], tuple[str, ...]] = {
    (3, 5): ("весна", "весны", "весне", "весной", "весну", "весне"),
    (6, 8): ("лето", "лета", "лету", "летом", "лето", "лете"),
    (9, 11): ("осень", "осени", "осени", "осенью", "осень", "осени"),
    (12, 2): ("зима", "зимы", "зиме", "зимой", "зиму", "зиме"),
}
SEASONS: dict[str, tuple[int, int]] = {form: span for span, forms in SEASON_FORMS.items() for form in forms}
SEASON_ADVERBS: tuple[str, ...] = tuple(forms[3] for forms in SEASON_FORMS.values())  # "осенью"
DATE_PARTS: dict[str, str] = {
    "начале": "start", "начала": "start", "начало": "start",
    "середине": "middle", "середины": "middle", "середина": "middle",
    "конце": "end", "конца": "end", "конец": "end", "концу": "end",
    "исходе": "end",
}  # fmt: skip

# Caption words that cite a source: the year closing the caption is a date ("Source: Rosstat, 2018").
SOURCE_CUES: tuple[str, ...] = ("source", "sources", "источник", "источники")

# Nouns of time spans: "13 лет", "3 месяца" are durations, not figures.
TIME_NOUNS: tuple[str, ...] = (
    "год", "лет", "лето", "день", "сутки", "неделя", "месяц", "квартал", "полугодие", "час", "минута",
    "секунда", "век", "столетие", "десятилетие",
)  # fmt: skip
TIME_ABBRS: tuple[str, ...] = ("г", "гг", "ч", "с")
# Nouns that name a period or a frame, never what a figure measures ("в 2019 году (около 25%)").
PERIOD_NOUNS: tuple[str, ...] = (
    "год", "г", "гг", "период", "месяц", "квартал", "день", "время", "итог", "конец", "начало", "середина",
)  # fmt: skip

# Nouns that frame a value ("достиг уровня 5%", "в размере 3 млрд"): the syntax looks through them.
FRAME_NOUNS: tuple[str, ...] = (
    "уровень", "размер", "сумма", "величина", "объем", "объём", "показатель", "значение", "отметка",
)  # fmt: skip
# The country whose federal subjects, cities and municipalities the gazetteer knows (ISO 3166-1).
HOME_COUNTRY = "RU"
# A year as printed in running text or a label ("2017"): the regex of its digits, and of one standing
# as a word.
YEAR_DIGITS = r"(?:19|20)\d\d"
YEAR_WORD = re.compile(rf"\b{YEAR_DIGITS}\b")
# Words that put a value a year before the period its text reports ("год назад к этому времени было
# убрано 48,6% посевов", "(к этому времени в предыдущем году - на 71,8%)").
YEAR_EARLIER_CUES: tuple[str, ...] = (
    "год назад",
    "годом ранее",
    "годом раньше",
    "в предыдущем году",
    "в прошлом году",
    "в минувшем году",
)
# Cues of the whole year before ("По итогам прошлого года оборот вырос на 5%" under a news item's
# date); "в прошлом году" after a day (a dateline, "на 1 сентября") is that whole year too, unless
# the clause says "к этому времени".
WHOLE_YEAR_EARLIER_CUES: tuple[str, ...] = (
    "по итогам прошлого года", "по итогам минувшего года", "по итогам предыдущего года",
    "за прошлый год", "за минувший год", "за предыдущий год",
)  # fmt: skip
SAME_DAY_CUES: tuple[str, ...] = ("к этому времени", "к этой дате", "на эту дату", "на ту же дату")
# Conjunctions that open a subordinate clause after a comma ("Учитывая, что доля … равна 10,7%").
SUBORDINATORS: tuple[str, ...] = ("что", "поскольку", "если", "хотя")
# The head of a share's measure ("доля экспорта в ВРП"), and the lemmas that open one ("удельный вес").
SHARE_NOUN = "доля"
SHARE_HEADS: frozenset[str] = frozenset({SHARE_NOUN, "удельный"})
# Words of a sentence that speaks of shares ("наибольший вес имели кредиты банков – 49%").
SHARE_CUES: tuple[str, ...] = (SHARE_NOUN, "удельный", "процент", "вес", "структура")
# Verbs of which a percentage is the part of a whole ("27,7% принадлежит коммерческим предприятиям",
# "35% оборота приходится на малые предприятия").
SHARE_VERBS: tuple[str, ...] = ("принадлежать", "приходиться")
# Nouns of a proportion of two parts: "соотношение городского и сельского населения составляло 60,8% и
# 39,2%" states the share of each ("доля городского населения", "доля сельского населения").
PROPORTION_NOUNS: tuple[str, ...] = ("соотношение",)
# Heads of a measure that is a ratio itself: a percentage of "степень износа" is no share of a part.
RATIO_HEADS: tuple[str, ...] = (
    "процент", "коэффициент", "степень", "износ", "соотношение", "индекс", "уровень", "показатель",
    "значение", "темп",
)  # fmt: skip
# Heads of a rate: a percentage they make up in the plural is no share of them ("Процентные ставки
# составляют 15%", "Страховые взносы составляют 30%", unlike "Населенные пункты … составляют 15
# процентов"); in a sentence about a structure they are parts ("налоги на имущество – 40%").
RATE_NOUNS: tuple[str, ...] = (*RATIO_HEADS, "ставка", "тариф", "цена", "норма", "взнос", "налог", "пошлина")
# The pronoun that opens a sentence comparing what the sentence before stated: "Это на 1,4% больше,
# чем годом ранее", "Это в 1,5 раза больше уровня 2010 года".
THIS_PRONOUN = "это"
# Heads a text writes alone for the phrase it named just before: "Внешнеторговый оборот области
# составил 293 млн долларов. … оборот превысил прошлогодний результат на 47,2%" (the foreign trade
# turnover, not a company's revenue).
ELLIPTIC_HEADS: tuple[str, ...] = ("оборот", "производство", "выработка", "выпуск")
# Heads that say nothing alone: "число", "доля", "объём" is a measure only with what follows it.
BARE_MEASURES: frozenset[str] = frozenset(
    {*FRAME_NOUNS, "число", "количество", "численность", "доля", "вес", "удельный", "темп"}
)

# Properties stated in the instrumental right before a figure ("цех мощностью 130 тонн").
PROPERTY_NOUNS: tuple[str, ...] = (
    "мощность", "площадь", "стоимость", "протяжённость", "протяженность", "ёмкость", "емкость",
    "вместимость", "производительность", "напряжение", "объём", "объем", "вес", "масса",
)  # fmt: skip
# Properties that are amounts of an activity, not a thing's size: the year of their sentence dates
# them ("с объемом софинансирования не менее 300 млн руб. ежегодно на 2021–2024 гг."); a thing's
# cost is its size in money ("начато строительство корпуса стоимостью 1,2 млрд руб.": the whole
# project's, not the year's).
AMOUNT_PROPERTY_NOUNS: tuple[str, ...] = ("объём", "объем")

# Nouns of places: a measure never is one, nor ends with one ("ВРП региона" measures "ВРП").
PLACE_NOUNS: tuple[str, ...] = (
    "регион", "область", "край", "республика", "страна", "город", "район", "округ", "государство",
    "федерация",
)  # fmt: skip
# Words that introduce a place inside a measure ("товарооборот между РФ и КНР", "импорт из Китая").
PLACE_PREPOSITIONS: tuple[str, ...] = ("между", "и", "в", "во", "из", "на", "по", "с", "со", "от", "для")
# Prepositions of where people or things are ("работающих в частном секторе", "на крупных предприятиях").
LOCATIVE_PREPOSITIONS: tuple[str, ...] = ("в", "во", "на")
IN_PREPOSITIONS: tuple[str, ...] = ("в", "во")  # "в" and its spelling before consonant clusters
# pymorphy3 grammemes of proper names (places, people, organizations, trade marks).
PROPER_NAME_GRAMMEMES: frozenset[str] = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})
PERSON_NAME_GRAMMEMES: frozenset[str] = frozenset({"Name", "Surn", "Patr"})  # of them, a person's
NOUN_GROUP_POS: frozenset[str] = frozenset({"NOUN", "ADJF", "PRTF"})  # the parts of a noun group

# Municipal units (`territories`): a proper adjective before a unit noun ("Асиновского района",
# "Менделеевского муниципального района", "Коморгузинское сельское поселение"), a unit title before a
# proper name ("городской округ Муром", "в городе Асино"). Qualifiers between are dropped from the
# name but for a settlement's kind ("сельское поселение").
MUNICIPAL_NOUNS: tuple[str, ...] = ("район", "округ", "поселение")
MUNICIPAL_TITLES: tuple[str, ...] = ("округ", "город")
MUNICIPAL_QUALIFIERS: tuple[str, ...] = ("муниципальный", "городской", "сельский")
MUNICIPAL_KEPT: tuple[str, ...] = ("городской", "сельский")  # kept in a settlement's name
# Words that point back to a thing named before: "эта доля", "данный показатель" (`figures.anaphora`).
REFERRING_WORDS: tuple[str, ...] = ("данный", "этот", "указанный", "такой", "названный")
# Adjectives before a unit noun that are no name ("данного района", "Городской округ", "Федеральный округ").
NOT_MUNICIPAL_NAMES: tuple[str, ...] = (
    *REFERRING_WORDS, "тот", "наш", "весь", "каждый", "любой", "другой", "соседний",
    "который", "свой", "муниципальный", "городской", "сельский", "районный", "федеральный",
    "автономный", "административный", "национальный", "внутригородской", "отдельный", "какой",
)  # fmt: skip
# A place's name after a street's or a settlement's noun, or an adjective before a street's, names
# that street or settlement, not the region or country ("ул. Советская", "с. Томское", "Московское
# шоссе"); abbreviations count only with their full stop ("с Китаем" is a partner).
LOCAL_PLACE_NOUNS: tuple[str, ...] = (
    "улица", "проспект", "переулок", "бульвар", "шоссе", "набережная", "микрорайон", "проезд", "тракт",
    "деревня", "посёлок", "поселок", "станица", "хутор", "аул", "вокзал",
)  # fmt: skip
LOCAL_PLACE_ABBREVIATIONS: tuple[str, ...] = (
    "ул", "пр", "пр-т", "пер", "б-р", "наб", "мкр", "м/р", "с", "п", "д", "пос", "дер", "ст-ца", "х", "пгт",
)  # fmt: skip
# Nouns of laws and authorities: a country named in their name ("законодательства Российской
# Федерации", "Правительства РФ", "Бюджетного кодекса РФ") is no territory a text is about.
INSTITUTION_NOUNS: tuple[str, ...] = (
    "закон", "законодательство", "кодекс", "конституция", "правительство", "президент", "указ",
    "постановление", "распоряжение", "приказ", "министерство", "госдума", "дума", "собрание", "совет",
    "служба", "агентство", "комитет", "казначейство", "банк", "суд", "прокуратура", "программа",
    "стратегия", "концепция", "послание", "мвд", "мчс", "фнс", "фсб", "минфин", "минэкономразвития",
    "минтруд", "минздрав", "минпромторг", "минсельхоз", "минобрнауки", "минприроды", "цб", "фз",
)  # fmt: skip
# Nouns of legal acts: "постановлением Администрации … от 23 августа 2016 года № 253" dates the act,
# never a figure.
ACT_NOUNS: frozenset[str] = frozenset((
    "закон", "постановление", "распоряжение", "решение", "приказ", "указ", "протокол", "соглашение",
    "договор", "письмо", "положение", "порядок", "регламент",
))  # fmt: skip

# Verbs that report what respondents said: a share of companies or people stated with one is a
# survey result ("24% компаний отрицательно оценили ...").
SURVEY_VERBS: tuple[str, ...] = (
    "оценить", "оценивать", "считать", "жаловаться", "пожаловаться", "назвать", "называть", "заявить",
    "сослаться", "ответить", "опросить", "признаться", "указать",
)  # fmt: skip

# Words saying that something became dearer or cheaper: what they say it of is measured by its price.
PRICE_WORDS: tuple[str, ...] = (
    "подешеветь", "подорожать", "дешеветь", "дорожать", "дороже", "дешевле", "удорожание", "удешевление",
)  # fmt: skip

# Verbs whose object an amount is, and the noun of their action: "произведено 290 тыс. тонн
# молока" measures "производство молока".
# Verbs whose money "на N рублей" after a genitive group names the amount of what was done, as
# statistics word it ("отгружено товаров собственного производства на 160,2 млрд. рублей" → "объем
# отгруженных товаров собственного производства"), not the action ("отгрузка товаров").
AMOUNT_DONE_VERBS: tuple[str, ...] = ("отгрузить", "выполнить", "оказать", "продать", "реализовать")
ACTION_NOUNS: dict[str, str] = {
    "произвести": "производство", "производить": "производство", "выработать": "выработка",
    "вырабатывать": "выработка", "добыть": "добыча", "добывать": "добыча", "собрать": "сбор",
    "собирать": "сбор", "переработать": "переработка", "перерабатывать": "переработка",
    "экспортировать": "экспорт",
    "импортировать": "импорт", "отгрузить": "отгрузка", "поставить": "поставки",
    "построить": "строительство", "ввести": "ввод", "вывезти": "вывоз", "ввезти": "ввоз",
    "намолотить": "намолот", "накопать": "накопка",  # harvests: "зерна … намолочено 93,3 млн.тонн"
    # money spent or invested: "компания инвестировала в завод 5 млрд рублей" → "инвестиции"
    "инвестировать": "инвестиции", "вложить": "инвестиции", "вкладывать": "инвестиции",
    "потратить": "расходы", "тратить": "расходы", "израсходовать": "расходы", "затратить": "затраты",
    # money bought for, lost or owed: "завод ежемесячно закупает газа на 200 млн рублей" → "закупка"
    "закупить": "закупки", "закупать": "закупки", "потерять": "потери", "терять": "потери",
    "задолжать": "задолженность",
    # money a court or an agency fines, saved: "Совет оштрафовал боксёра на 50 тысяч долларов" → "штраф"
    "оштрафовать": "штраф", "штрафовать": "штраф", "сэкономить": "экономия", "экономить": "экономия",
    # the reflexive passive: "Ежегодно производится около 5 млн. тонн зерна" → "производство зерна"
    "производиться": "производство", "вырабатываться": "выработка", "добываться": "добыча",
    "перерабатываться": "переработка", "экспортироваться": "экспорт", "импортироваться": "импорт",
    "отгружаться": "отгрузка", "поставляться": "поставки", "вывозиться": "вывоз", "ввозиться": "ввоз",
}  # fmt: skip
# Verbs of allocating money, lemma → the noun of what money they allocate: "Правительство выделит на
# поддержку автопрома 10 млрд рублей" → "финансирование на поддержку автопрома" (only of money:
# "выделено 5 земельных участков", "направлено 50 человек" allocate no funding).
ALLOCATION_NOUNS: dict[str, str] = {
    "выделить": "финансирование", "выделять": "финансирование", "выделяться": "финансирование",
    "направить": "финансирование", "направлять": "финансирование", "направляться": "финансирование",
    "ассигновать": "финансирование",
}  # fmt: skip

# Sales and purchases, verb or noun lemma → the noun a price is of: "продает свою долю за 28 млрд
# долларов" → "цена продажи" (`figures.frames`).
TRANSACTIONS: dict[str, str] = {
    "продать": "продажа", "продавать": "продажа", "продажа": "продажа", "купить": "покупка",
    "покупать": "покупка", "покупка": "покупка", "приобрести": "приобретение", "приобретать": "приобретение",
    "приобретение": "приобретение", "выкупить": "выкуп", "выкупать": "выкуп", "выкуп": "выкуп",
    "поглотить": "поглощение", "поглощать": "поглощение", "поглощение": "поглощение",
}  # fmt: skip
# The noun of a price: "за 28 млрд долларов" after a transaction.
PRICE_NOUN = "цена"
# The preposition of a price each: "купить билеты у перекупщиков по 3-4 тыс. рублей" → "цена билетов".
EACH_PRICE_PREPOSITION = "по"
# Verbs of paying: "заплатит за каждую акцию NYSE Euronext 33,1 доллара" → "цена за акцию".
PAYMENT_VERBS: tuple[str, ...] = ("заплатить", "платить", "выплатить", "выплачивать", "уплатить")
EACH_WORDS: tuple[str, ...] = ("каждый", "один")
# Verbs and nouns that value something in money: "была оценена в 56 млрд долларов" → "оценка стоимости".
VALUATION_LEMMAS: tuple[str, ...] = ("оценить", "оценивать", "оцениваться", "оценка")
VALUATION_MEASURE = "оценка стоимости"
# "в виде дивидендов … получила 19 млрд": the form money takes names what it is.
FORM_CUES: tuple[str, ...] = ("в виде", "в форме", "в качестве")
# Verbs of what a thing costs: "Строительство моста обойдется в 5 млрд рублей" → "стоимость
# строительства моста" (`WORTH_NOUN` of the verb's subject).
COST_VERBS: tuple[str, ...] = ("стоить", "обойтись", "обходиться")
# Deals whose worth follows "на": "в рамках сделки на 9,5 млрд долларов" → "стоимость сделки".
VALUED_DEALS: tuple[str, ...] = ("сделка", "контракт", "договор", "соглашение", "заказ")
WORTH_NOUN = "стоимость"
# Phrases that introduce an amount of the noun group before them: "обеспечить ежегодное производство
# концентрата в объеме не менее 17,0 млн. тонн" measures "ежегодное производство концентрата".
AMOUNT_FRAMES: tuple[str, ...] = (
    "в размере", "в объеме", "в объёме", "в сумме", "на сумму", "на общую сумму",
)  # fmt: skip
# Nouns of keeping or reaching a level: before an amount frame they name no thing ("при сохранении
# положительного торгового сальдо в размере …" measures the balance).
KEEPING_NOUNS: tuple[str, ...] = ("сохранение", "обеспечение", "достижение", "поддержание")
# Heads of a deal's wording that measure no money ("официальное предложение о покупке … за 28 млрд",
# "опцион на покупку … за 112,5 млн"): a deal's frame replaces them.
DEAL_NOUNS: tuple[str, ...] = (
    "сделка", "предложение", "опцион", "пакет", *dict.fromkeys(TRANSACTIONS.values()),
)  # fmt: skip

# Verbs that only link a figure to what it measures ("численность составила 521 человек"): their
# participle never names the people counted ("проживает 521 человек" → "число проживающих").
LINK_VERBS: tuple[str, ...] = (
    "составить", "составлять", "достигнуть", "достичь", "достигать", "равняться", "насчитываться",
    "насчитывать", "быть", "являться", "стать", "становиться", "оставаться", "остаться", "сохраниться",
    "сохраняться", "приходиться", "превысить", "превышать", "находиться",
    "ускориться", "замедлиться",  # "Рост цен … ускорился до 8,2%": the rate of the change reached
)  # fmt: skip
# Short adjectives that link like those verbs ("доля Беларуси равна 2,84%", "уровень равен 1,2%").
LINK_ADJECTIVES: tuple[str, ...] = ("равный",)

# Prepositions of a measure's object: "инвестиции в основной капитал", "цены на капусту".
OBJECT_PREPOSITIONS: tuple[str, ...] = ("в", "на")

# Roles of an organization in a project, stated right after the project's figures on its line:
# "Объем инвестиций - 1,2 млрд. рублей. Инициатор - ООО «Луч»" (the figures are the organization's).
PROJECT_ROLES: tuple[str, ...] = ("инициатор", "инвестор", "заказчик", "застройщик")
# Common nouns that refer back to a company named before ("Комбинат производит около 20% …", "На
# комбинате реализуется проект … 11 млрд. рублей"), singular only: "число предприятий" counts them.
COMPANY_NOUNS: tuple[str, ...] = (
    "компания", "комбинат", "предприятие", "завод", "фабрика", "холдинг", "корпорация", "концерн",
)  # fmt: skip
# Lemmas of who acts (with `COMPANY_NOUNS` and names pymorphy tags "Orgn"): an amount is never the
# actor itself ("Правительство выделит 10 млрд рублей", "консорциум может получить 28 млрд").
AGENT_NOUNS: tuple[str, ...] = (
    *COMPANY_NOUNS, "правительство", "консорциум", "банк", "фонд", "инвестор", "министерство",
    "ведомство", "администрация", "власть", "акционер", "владелец", "совладелец", "покупатель", "продавец",
    "руководство",
)  # fmt: skip
# People and courts who act, never what an amount measures ("Женщина работала …, зарабатывая около 70
# тысяч долларов", "Семья Обамы приобрела дом … за 8,1 млн долларов", "Суд постановил выплатить …").
PERSON_ACTOR_NOUNS: tuple[str, ...] = (
    "человек", "женщина", "мужчина", "семья", "президент", "премьер-министр", "губернатор", "суд", "судья",
)  # fmt: skip
# Nouns of an organization whose quoted name may hold a place: the place is part of the name, not
# a territory the text is about ("телерадиокомпания «Петербург — Пятый канал»", "банк «Возрождение»").
NAMED_ORGANIZATION_NOUNS: tuple[str, ...] = (
    *COMPANY_NOUNS, "банк", "телерадиокомпания", "телеканал", "газета", "журнал", "агентство", "издание",
    "издательство", "медиахолдинг",
)  # fmt: skip
# Lemmas of what an owner holds: a share of them ("50 % акций", "пакет акций", "доля в уставном
# капитале") is a stake in a company, which takes no indicator from the words around it.
OWNERSHIP_NOUNS: tuple[str, ...] = ("акция", "пакет", "капитал")
# Verbs of owning: a percentage they govern is an owner's stake ("будут владеть приблизительно 36 %
# ICE", "владеют Mail.ru Group (39,9 %) и …") with the owner in the measure (`figures.shares`).
OWNING_VERBS: tuple[str, ...] = ("владеть", "принадлежать")
STAKE_MEASURE = "доля в капитале"  # a stake whose owner the clause does not name
# Marks inside a name in Latin letters ("Mail.ru", "ТНК-BP", "Hong Kong Exchanges & Clearing").
NAME_JOINS: tuple[str, ...] = (".", "-", "&")
# Prepositions before a rate noun that names the figure right after it ("под ставку 23,63%", "по цене").
RATE_PREPOSITIONS: tuple[str, ...] = ("под", "по", "с")
# Physical sizes a preposition frames right before the figure: "на скорости 140 км/ч", "на расстоянии
# 5 км от города", "со скоростью 800 км/ч", "на глубину 120 метров" measure the size, not the thing.
FRAMED_SIZES: tuple[str, ...] = ("скорость", "расстояние", "глубина", "высота", "длина", "ширина")
SIZE_PREPOSITIONS: tuple[str, ...] = ("на", "с", "со")
# Prepositions before a share noun that names the percentage closing its phrase ("при средней доле в
# экспорте Российской Федерации 24,2%", "с долей экспорта в Российской Федерации 8%").
SHARE_FRAME_PREPOSITIONS: tuple[str, ...] = ("при", "с")
# Prepositions of a reporting point: a day after them ("на 1 марта 2015 года", "по состоянию на
# 01.01.2019", "к концу года") dates stocks beyond its paragraph; any other day is an event's.
POINT_PREPOSITIONS: tuple[str, ...] = ("на", "к")
# Prepositions of a time phrase before an amount frame ("на 2020 год в размере", "в 2018 году в объеме").
TIME_PREPOSITIONS: tuple[str, ...] = ("на", "в")
# Nouns that name a time taken: a number of days measures the first ("срок регистрации").
DURATION_HEADS: tuple[str, ...] = ("срок", "продолжительность", "длительность", "время")
# The noun that names a quantity of each unit kind (`Unit.kind`).
QUANTITY_NOUNS: dict[str, str] = {
    "duration": DURATION_HEADS[0], "area": "площадь", "power": "мощность", "length": "протяженность",
}  # fmt: skip
# What a number of days, an area or a power of a thing measures, when its measure names only the
# thing: "регистрация права (7 дней)" → "срок регистрации права", "Территория парка (103 Га)" →
# "площадь территории парка", "электроснабжение 22,2 МВт" → "мощность электроснабжения".
QUANTITY_HEADS: dict[str, str] = {kind: QUANTITY_NOUNS[kind] for kind in ("duration", "area", "power")}
# A stock is measured in its own unit: "Земельный фонд региона составляет 3 млн. га" is the fund.
STOCK_NOUNS: tuple[str, ...] = ("фонд",)

# Comparatives: after "на N%" a change ("на 3,5% больше, чем в 2014 году"), before a date its base.
COMPARATIVES: tuple[str, ...] = ("выше", "ниже", "больше", "меньше", "дороже", "дешевле")

# Words that set a compared value against a figure ("220 тыс. человек против 145 тыс. в декабре 2014
# года"): the value shares the figure's unit, and its date is its own, no reporting period of later
# sentences; right before a date, a base.
VERSUS_WORDS: tuple[str, ...] = ("против",)

# Phrases before a date that make it a comparison base, not a period ("к уровню 2018 года",
# "превосходит уровень 2017 года", "превосходит соответствующий показатель 2017 года").
# Prepositions that compare with a base, before a date or a relative period ("относительно
# предыдущего месяца", "по сравнению с соответствующим периодом предыдущего года").
COMPARISON_PREPOSITIONS: tuple[str, ...] = (
    "по сравнению с", "в сравнении с", "сравнительно с", "относительно", "по отношению к", *VERSUS_WORDS,
)  # fmt: skip
BASE_CUES: tuple[str, ...] = (
    "к уровню", "от уровня", "с уровнем", *COMPARISON_PREPOSITIONS, "к соответствующему периоду",
    "к аналогичному периоду",
    "чем в", "чем", "превосходит", "превосходят", "превышает", "превышают", "превысит", "превысят",
    "соответствующий показатель", *COMPARATIVES, "к показателю", "на уровне", "к оценке",
)  # fmt: skip
# What a base cue may name before the date, after an adjective or not: "относительно уровня
# 2018 года", "к среднемесячному значению 2016г." ("к" with one of them is a cue itself).
# уровень, показатель, значение, цены ("по отношению к ценам II квартала 2016г.")
BASE_NOUN_STEMS: tuple[str, ...] = ("уров", "показател", "значени", "цен")
BASE_NOUN_ADJECTIVE = r"[а-яё]+(?:ому|ему|ого|его|ым|им|ый|ий|ое|ее)"  # "среднемесячному", "базового"

# Lemmas of plan and forecast words: a figure in their clause is a target ("планируется",
# "прогнозный", "предусмотрено").
PLAN_WORDS: tuple[str, ...] = (
    "планироваться", "планировать", "план", "цель", "прогноз", "прогнозироваться", "ожидаться",
    "предполагаться", "намереваться", "запланировать", "целевой", "стратегия", "ожидать",
    "прогнозировать", "предусмотреть", "предусматривать", "предусматриваться", "наметить",
    "намечаться", "плановый", "прогнозный", "спрогнозировать", "предполагать",
)  # fmt: skip
# Words that name a source of data: a territory right after one ("по данным ГТУ КНР") is where the
# data come from, not the subject (`subjects._SOURCE`); regex stems, one phrase each.
DATA_SOURCE_CUES: tuple[str, ...] = (r"по\s+данным", r"данны[ем]", r"источник\w*:?")
# With words that attribute what follows to someone: an organization the NLP layer names right after
# one ("согласно отчету Минфина", "по оценке", "по расчетам Gregory") is who reports, not the subject
# of a figure (a speaker is not: "как сообщил глава ВТБ, прибыль банка …" is the bank's).
ATTRIBUTION_CUES: tuple[str, ...] = (
    *DATA_SOURCE_CUES, r"согласно", r"по\s+оценк\w*", r"по\s+информации", r"по\s+сведениям",
    r"по\s+мнению", r"по\s+прогноз\w*", r"по\s+расч[её]т\w*",
)  # fmt: skip
# Lemmas of a source of data: a paragraph-opening sentence with a year that names one ("Осенью 2020
# года журнал выпустил статью, основанную на итогах опроса") introduces that year's data, it tells no
# event (`periods._opens_with_event`).
DATA_SOURCE_NOUNS: tuple[str, ...] = (
    "итог", "опрос", "данные", "исследование", "обследование", "перепись", "отчёт", "отчет",
    "статистика", "мониторинг", "анкетирование", "рейтинг",
)  # fmt: skip
# Lemmas of estimating: a value estimated in the present tense for a period its clause names ("В 2018
# году оборот розничной торговли оценивается в сумме 101,7 млрд. рублей") is a forecast, a target;
# an undated estimate ("Его стоимость оценивается в $176 млн.") a level.
ESTIMATE_VERBS: tuple[str, ...] = ("оцениваться",)
# Lemmas of building or renewing an object: a clause that opens with one and its object, states no
# verb in the past and is about a project (a cue word in it or its lead-in) names a planned project
# ("реализуются следующие проекты:" ⏎ "- строительство фермы на 240 голов (…, ориентировочная
# стоимость проекта – 117 млн. рублей)"); not an industry ("- строительство – 40,2 млн. руб.").
PROJECT_NOUNS: tuple[str, ...] = (
    "строительство", "реконструкция", "создание", "модернизация", "возведение", "техперевооружение",
)  # fmt: skip
PROJECT_CUES: tuple[str, ...] = ("проект", "перспектива")
# Facilities whose size an amount after "на" right after them states: "строительство молочного
# комплекса на 1800 голов", "элеватор на 150 тыс. тонн" measure "мощность молочного комплекса" (the
# capacity, `CAPACITY_NOUN`) when the amount is of a unit class of output (`CAPACITY_UNIT_CLASSES`)
# or counts livestock heads (`CAPACITY_COUNTED`); places stay counted ("детский сад на 220 мест").
FACILITY_NOUNS: tuple[str, ...] = (
    "ферма", "комплекс", "свинокомплекс", "коровник", "свиноферма", "птицефабрика",
    "птичник", "завод", "цех", "фабрика", "комбинат", "элеватор", "хранилище", "овощехранилище",
    "зернохранилище", "склад", "теплица", "котельная", "электростанция", "подстанция", "бойня",
)  # fmt: skip
CAPACITY_NOUN = "мощность"
CAPACITY_UNIT_CLASSES: tuple[str, ...] = ("mass", "power", "energy", "volume")
CAPACITY_COUNTED: tuple[str, ...] = ("голова", "гол", "скотоместо", "скотоместа")
# Places, beds and visits a facility is built for ("школа на 1600 мест"): a property of the facility, which
# the year of its building does not date (counted, not a "мощность").
SEAT_COUNTED: tuple[str, ...] = ("место", "койка", "посещение")
# Lemmas of carrying out a plan: a percentage of it is a share ("выполнил план … на 97%").
FULFILMENT_WORDS: tuple[str, ...] = (
    "выполнить",
    "выполнять",
    "выполнение",
    "исполнить",
    "исполнять",
    "исполнение",
)

# Lemmas of a measure that is the part of a norm or capacity met: its percentage is a share
# ("Укомплектованность врачебными кадрами составляет – 46 %", "использование расчетной лесосеки
# составило 47,0 %").
NORM_SHARE_WORDS: tuple[str, ...] = (
    "укомплектованность", "охват", "загрузка", "загруженность", "использование",
)  # fmt: skip
# What a percentage may be the part of even above 100 ("стационара на дому выше нормы (110%)").
NORM_NOUNS: tuple[str, ...] = ("норма", "норматив", "план")
# Lemmas of an index: a percentage they state is the value against a base, not a change
# ("индекс промышленного производства – 109,0%"); "рост" stated as 100 % or more is one too
# ("рост к 2014 году составил 122,5%").
INDEX_NOUNS: tuple[str, ...] = ("индекс",)
INDEX_CHANGE_NOUNS: tuple[str, ...] = ("рост",)

# Prepositions of a change's amount after its noun: "рост на 4,1%", "рост в 2 раза".
CHANGE_PREPOSITIONS: tuple[str, ...] = ("на", "в")
# Words of change: a figure after them is a change ("вырос на 3,4%"); as the head of a measure
# they name the change, not the measured thing ("рост экспорта" measures "экспорт").
CHANGE_NOUNS: tuple[str, ...] = (
    "рост", "прирост", "снижение", "увеличение", "сокращение", "падение", "повышение", "понижение",
    "изменение", "темп", "уменьшение", "ускорение", "замедление",
)  # fmt: skip
# What a length or an area of a thing named after it measures: "заменены 21,8 км водопроводных
# сетей" → "протяженность водопроводных сетей", "38 600 м2 покрытий" → "площадь покрытий".
EXTENT_NOUNS: dict[str, str] = {kind: QUANTITY_NOUNS[kind] for kind in ("length", "area")}
# Adjectives of the whole before a measure's head: "общий объем платных услуг" is "объем платных
# услуг", "общая численность работающих" is "численность работающих", "80% всего экспорта" a share
# of the export.
TOTAL_ADJECTIVES: tuple[str, ...] = ("общий", "совокупный", "суммарный", "весь")
# Adjectives that rank the thing measured among others, not part of what it is: "наибольший объем
# продукции был поставлен в Словакию (203 млн)" measures the "объем продукции", "с наибольшей долей
# Беларуси 46,6%" the "доля Беларуси".
RANKING_ADJECTIVES: tuple[str, ...] = ("наибольший", "наименьший", "крупнейший")
# Words that mark a row or a label's tail as the whole: "Всего", "Численность … - итого".
TOTAL_WORDS: tuple[str, ...] = ("всего", "итого")
# Heads that only frame the noun group after them: "показатель расходов бюджета" measures "расходы
# бюджета", "наличие основных фондов" the "основные фонды", "распределение объема инвестиций" the
# "объем инвестиций", "величина фонда заработной платы" the "фонд заработной платы".
FRAMING_HEADS: tuple[str, ...] = ("показатель", "наличие", "распределение", "величина")
# Heads that say a quantity is estimated or forecast: "Оценка оборота розничной торговли в 2017 году
# составит 988,4 млн. руб." measures the turnover (the estimate is the figure's kind), "прогноз объема
# платных услуг" the volume; a valuation ("оценка стоимости компании", `VALUATION_MEASURE`) stays.
ESTIMATE_HEADS: tuple[str, ...] = ("оценка", "прогноз")
# Spellings of the count head: "количество учреждений" is "число учреждений".
COUNT_HEADS: tuple[str, ...] = ("количество",)
# Heads of a measure that counts ("число учреждений", "численность работников").
COUNT_MEASURE_HEADS: tuple[str, ...] = ("число", *COUNT_HEADS, "численность")
# The relative pronoun: "налог, удельный вес которого …", "согласно которому …".
RELATIVE_PRONOUN = "который"
# Nouns of a course over time that name no measure of their own: "положительная динамика индекса
# производства составит 101,2 %" measures the index.
TREND_NOUNS: tuple[str, ...] = ("динамика", "тенденция")
# Heads that name an amount, a change, a count, an estimate or a share of what follows them
# ("численность населения", "прирост населения", "с объемом экспортных поставок 15 млн. долл."):
# the noun after them is what is measured, not an owner.
AMOUNT_HEADS: frozenset[str] = frozenset(
    {*BARE_MEASURES, *CHANGE_NOUNS, *TREND_NOUNS, *ESTIMATE_HEADS, *COUNT_MEASURE_HEADS, *SHARE_CUES}
)
# Adjectives that make a change noun the name of a level indicator: "естественный прирост
# населения составил 157 человек" is that indicator's level, not a change.
INDICATOR_CHANGE_ADJECTIVES: tuple[str, ...] = ("естественный", "миграционный")
CHANGE_VERBS: tuple[str, ...] = (
    "вырасти", "возрасти", "увеличиться", "снизиться", "сократиться", "уменьшиться", "упасть",
    "повыситься", "понизиться", "подорожать", "подешеветь", "прибавить", "потерять", "расти",
    "увеличивать", "увеличить", "сократить", "снизить", "уменьшить", "вырастать", "подняться",
    "подниматься", "опуститься", "опускаться", "возрастать", "увеличиваться", "сокращаться",
    "снижаться", "уменьшаться", "повышаться", "понижаться",
    "повысить", "понизить", "повышать", "понижать", "снижать", "сокращать", "уменьшать", "нарастить",
    "довести", "доводить",  # "довести объем торговли до 200 млрд долларов": the level to reach
)  # fmt: skip

# Nouns that a number counts although they also occur inside a unit phrase ("5 пунктов").
COUNTED_NOUNS: tuple[str, ...] = ("пункт",)
# Counted nouns that name no concept: what "76,9 млн. человек" measures is said by the sentence
# ("численность рабочей силы составила ...").
# "голов" of cattle: pymorphy3's best lemma is "гол" ("численность скота составила 1198 голов").
GENERIC_COUNTED: tuple[str, ...] = ("человек", "единица", "штука", "голова", "гол")
# Other words after a number that are never what it counts (references, layout).
NOT_COUNTED_WORDS: tuple[str, ...] = ("п", "стр", "рис", "число")  # "до 10 числа" is a day
# Latin capitals after a number that are not a counted abbreviation ("9 тыс. PhD" is counted).
NOT_COUNTED_LATIN: tuple[str, ...] = ("ISO", "GDP")
# Terms whose adjectives belong to the name: a measure never shrinks to their noun ("плата"), with
# the longer spellings of the genre spelled out.
FIXED_TERMS: tuple[str, ...] = (
    "заработная плата", "среднемесячная заработная плата", "средняя заработная плата",
    "среднемесячная начисленная заработная плата", "начисленная заработная плата",
    "валовой продукт", "валовой региональный продукт", "валовой внутренний продукт",
    "основной капитал", "прожиточный минимум", "основные фонды", "основные средства",
    "розничная торговля", "общественное питание", "платные услуги", "сельское хозяйство",
    "естественный прирост", "естественная убыль", "миграционный прирост", "миграционная убыль",
    "ожидаемая продолжительность жизни", "внешнеторговый оборот", "внешняя торговля", "оптовая торговля",
    "удельный вес",
)  # fmt: skip
# Phrases of a country's economic policy: a figure after one in its sentence is the country's even in
# a region's or a district's document ("На фоне ослабления рубля … инфляция … 4,1%", "инфляция
# достигнет целевого уровня", "Минэкономразвития России … до 3,1%"), as after "ВВП".
NATIONAL_POLICY_CUES: tuple[str, ...] = (
    "Минэкономразвития", "Министерство экономического развития Российской Федерации", "Банк России",
    "Центральный банк", "денежно-кредитная политика", "инфляционное таргетирование", "курс рубля",
    "ослабление рубля", "укрепление рубля", "целевой уровень инфляции", "инфляция достигнет целевого уровня",
)  # fmt: skip
# Quotation marks: an opening quote → the quotes that close it ("«Нива»", "„Нива“", "“Нива”"); a
# straight quote opens and closes alike.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "„": "“”", "“": "”", '"': '"'}
QUOTES: frozenset[str] = frozenset("".join([*QUOTE_PAIRS, *QUOTE_PAIRS.values()]))
OPENING_QUOTES: str = "".join(QUOTE_PAIRS)
CLOSING_QUOTES: str = "".join(dict.fromkeys("".join(QUOTE_PAIRS.values())))
# The end of a lead-in: a line or a sentence introducing a list or a table ends with a colon
# ("… достичь следующих результатов:", "… распределилась следующим образом:").
LEAD_IN = re.compile(r":\s*$")
LATIN_LETTER = re.compile(r"[A-Za-z]")  # a name in Latin letters: "Mail.ru Group", an English line
# Captions as the text writes them: a table's opens with one of `TABLE_WORDS` ("Таблица N 3", "Табл. 2",
# "Table 1"), a continued table's with one of `CONTINUED_TABLE_WORDS` ("Окончание табл. 2"), a chart's
# with one of `CHART_WORDS`, a source or note under either with one of `NOTE_WORDS`; a sentence refers
# to a table by a form of the word and its number ("(таблица N 3)", "в табл. 2").
TABLE_WORDS: tuple[str, ...] = ("Таблица", "Табл", "Table")
CONTINUED_TABLE_WORDS: tuple[str, ...] = ("Продолжение", "Окончание")
CHART_WORDS: tuple[str, ...] = ("Рисунок", "Рис", "Диаграмма", "График", "Схема")
NOTE_WORDS: tuple[str, ...] = ("Источник", "Примечание")
NUMBER_SIGNS: tuple[str, ...] = ("N", "№")


def _any_word(words: tuple[str, ...]) -> str:
    """One of `words` as a word of its own, an abbreviation's full stop included ("Табл. 2", "Таблица1",
    not "Таблицами")."""
    return "(?:" + "|".join(words) + r")(?![^\W\d_])\.?"


TABLE_WORD = _any_word(TABLE_WORDS)
TABLE_CAPTION = re.compile(r"^\s*" + TABLE_WORD, re.I)
CONTINUED_TABLE = re.compile(r"^\s*" + _any_word(CONTINUED_TABLE_WORDS), re.I)
CAPTION_LINE = re.compile(r"^\s*" + _any_word(TABLE_WORDS + CHART_WORDS + NOTE_WORDS), re.I)
NUMBER_SIGN = "(?:" + "|".join(NUMBER_SIGNS) + ")"
TABLE_NUMBER = NUMBER_SIGN + r"?\s*(\d+)"  # "N 3", "№3", "3": group 1 the number
TABLE_REFERENCE = re.compile(r"\bтабл(?:иц[аеуы]|\.)\s*" + TABLE_NUMBER, re.I)
# Dashes as printed (hyphen, en and em dash): "сельское хозяйство – 500,0 тыс. руб.".
DASHES: tuple[str, ...] = ("-", "–", "—")
DASH = "[" + "".join(DASHES) + "]"  # the regex class of one (the hyphen first: a literal)
# Nouns of a part of a group whose members a genitive after them names: "большинство (97 %) компаний"
# is the share of companies.
PART_NOUNS: tuple[str, ...] = ("большинство", "меньшинство", "часть", "половина", "треть", "четверть")
# The sign of an increase printed before a number: "Руды" (+175 млн. долл. США) is a change.
PLUS_SIGNS: tuple[str, ...] = ("+",)
MINUS_SIGNS: tuple[str, ...] = ("-", "\u2212", "\u2013", "\u2014")  # hyphen, minus, en and em dash
# The number of a section ("2.2.1.3. Индустриальный парк …"): it opens a heading or a list item.
NUMBERED_HEADING = re.compile(r"\s*\d+(?:\.\d+)+\.?\s")
# "… 0,9% и 0,2% соответственно": the i-th figure of a list goes with the i-th item named before it.
RESPECTIVELY = re.compile(r"\bсоответственно\b", re.I)
# Openers of a clause naming a part of a counted whole; a count there may follow a dash ("из них
# 15 - несовершеннолетних", "в том числе 3 – дети").
SUBSET_OPENERS: tuple[str, ...] = (
    "из них", "из которых", "среди них", "среди которых", "в том числе", "в т.ч.", "в т. ч.",
    "из него", "из нее", "из неё",
)  # fmt: skip
# Abbreviations of counted nouns in table labels ("тыс. чел.").
COUNTED_ABBRS: dict[str, str] = {"чел": "человек", "шт": "штука"}
# Heads of a caption naming a relation whose table holds a statistic of it, and that statistic:
# "Корреляция между …" → "Коэффициент корреляции между …".
STATISTIC_HEADS: dict[str, str] = {"корреляция": "коэффициент"}
# Nouns (lemmas) a table label states as the unit of a count, alone or after a scale word ("штук",
# "тыс.штук", "млн.флаконов", "млн. пар", "тыс. голов").
COUNTING_UNITS: frozenset[str] = frozenset({
    *GENERIC_COUNTED, "пара", "упаковка", "флакон", "ампула", "экземпляр", "комплект", "штука",
})  # fmt: skip
# Heads of a table's caption that present, not name, the quantity after them ("Динамика
# грузооборота", "Распределение умерших по причинам смерти", "Размер и структура задолженности");
# the first is what a label led by its unit stands for ("Млн.м общей площади" → "динамика общей
# площади").
PRESENTATION_HEADS: tuple[str, ...] = (TREND_NOUNS[0], "размер", "структура", "распределение")
# Heads that present only joined to a presentation head ("Величина и структура численности"); alone
# they name the quantity ("Величина прожиточного минимума").
JOINED_VALUE_HEADS: tuple[str, ...] = ("величина",)
# Conjunctions that join words of one role: "максимальные и минимальные индексы" (no adjective
# narrows), "Размер и структура …" (two presentation heads).
JOINING_CONJUNCTIONS: tuple[str, ...] = ("и", "или")
# Conjunctions that open a list item or an elliptical clause ("…, а общая площадь страны — 17 тыс.
# кв. км"): no part of what the item names.
ITEM_LEAD_CONJUNCTIONS: tuple[str, ...] = ("а", "и")
# What stands between two figures of one list (a regex part): "0,6% и 0,9%", "4,5%, 5,1% и 5,3%".
LIST_JOIN = r"(?:,|и|,\s*и)"
# Conjunctions between alternative values of one quantity: "5 или 7 %" (not "5, или 7%": apposition).
ALTERNATIVE_CONJUNCTIONS: tuple[str, ...] = ("или", "либо")
# Adjectives (lemmas) before an indicator in a table label that do not narrow it: "совокупный объем
# экспорта" is all exports, "Среднегодовая численность занятых" the employed.
NEUTRAL_ADJECTIVES: tuple[str, ...] = (
    *TOTAL_ADJECTIVES, "итоговый", "годовой", "ежегодный", "среднегодовой", "фактический", "региональный",
    "номинальный", "реальный", "средний", "среднемесячный", "текущий", "абсолютный",
)  # fmt: skip
# Adjectives of how often a change recurs: "ежегодный прирост объемов производства на 18,5%" is the
# change of the volume each year (`kind` change of "объем производства"), unlike an average change
# ("среднегодовой рост импорта"), a measure of its own.
PERIODIC_ADJECTIVES: tuple[str, ...] = ("ежегодный", "ежемесячный", "ежеквартальный")
# Adjectives of how large a change was: "Наиболее значительное снижение цен и тарифов … на 1,3%"
# measures "цены и тарифы" (the change is the figure's kind, its size the figure).
DEGREE_ADJECTIVES: tuple[str, ...] = (
    "значительный", "существенный", "незначительный", "небольшой", "резкий", "заметный", "умеренный",
)  # fmt: skip
# Adjectives that judge a level and name no part of a measure: "высокая доля экономически активного
# населения … составила 57,18%" measures "доля экономически активного населения".
EVALUATIVE_ADJECTIVES: tuple[str, ...] = ("высокий", "низкий", *DEGREE_ADJECTIVES)
# Prepositions opening what an item is for, which a label does not measure ("Шины для автобусов").
PURPOSE_PREPOSITIONS: tuple[str, ...] = ("для",)
# Words opening a table's rows given for reference, not parts of its quantity ("Справочно: …").
REFERENCE_GROUPINGS: tuple[str, ...] = ("справочно",)
# How a caption says its table is cut, not what it holds: nouns after "по" as written there ("по
# видам экономической деятельности", "по причинам смерти"), a selection ("отдельных видов",
# "основных групп") and phrases whose last word may go on ("в разрезе …", "в каждом …", "на конец …").
DIMENSION_NOUNS: tuple[str, ...] = (
    "видам", "субъектам", "группам", "округам", "отраслям", "категориям", "причинам",
)  # fmt: skip
SELECTION_ADJECTIVES: tuple[str, ...] = ("отдельных", "основных")
SELECTION_NOUNS: tuple[str, ...] = ("видов", "групп")
DIMENSION_PHRASES: tuple[str, ...] = ("в разрезе", "в кажд", "на конец")
# A label naming an age group, whose years are the unit of the ages in the labels under it, not of
# its cells ("Численность населения в возрасте, лет: моложе 16 …", "Возрастные группы, лет"); last
# words may go on, as in DIMENSION_PHRASES.
AGE_GROUP_PHRASES: tuple[str, ...] = ("в возраст", "по возраст", "возрастн")

# Abbreviations that end with a dot inside a sentence (no sentence break after them).
ABBREVIATIONS: tuple[str, ...] = (
    "т", "рис", "табл", "им", "ул", "с", "стр", "ср", "см", "пр", "тел", "п", "ст", "обл", "кв",
    "пос", "ред", "англ", "франц", "нем", "проф", "акад", "ч",
)  # fmt: skip
# Reference words before a number that make it a label, not a figure ("рис. 3", "Таблица 2").
REFERENCE_ABBRS: tuple[str, ...] = (
    "рис", "табл", "стр", "с", "п", "ст", "гл", "ч", "прил", "вып", "разд", "илл", "сх", "т", "vol",
    "no", "pp", "p", "fig",
)  # fmt: skip
# Classification labels before a code that is no figure ("УДК 911.3", "ББК 65.9", "ОКВЭД 01.11").
CODE_LABELS: tuple[str, ...] = ("УДК", "ББК", "ГРНТИ", "ОКВЭД", "ОКПД", "ОКАТО", "ОКТМО", "ТН ВЭД")
REFERENCE_STEMS: tuple[str, ...] = (
    "рисун", "табли", "страниц", "глав", "раздел", "пункт", "стать", "приложени", "схем", "график",
    "диаграмм", "формул",
)  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "полтораста": 150,
}  # fmt: skip
# Oblique forms of the small cardinals a count of months takes ("за первых пяти месяцев", "в первых двух
# месяцах"): the nominative of `NUMBER_WORDS` each stands for.
NUMBER_WORD_FORMS: dict[str, str] = {
    "двух": "два", "трех": "три", "трёх": "три", "четырех": "четыре", "четырёх": "четыре",
    "пяти": "пять", "шести": "шесть", "семи": "семь", "восьми": "восемь", "девяти": "девять",
    "десяти": "десять", "одиннадцати": "одиннадцать",
}  # fmt: skip


# --- views derived from the tables above ------------------------------------------------------


def free_units() -> tuple[Unit, ...]:
    return tuple(u for u in UNITS if u.free)


def currency_units() -> tuple[Unit, ...]:
    return tuple(u for u in UNITS if u.kind == "currency")


CURRENCIES = frozenset(u.code for u in currency_units()) | frozenset(CURRENCY_ADJECTIVES.values())
SIGNS = "".join(s for u in UNITS for s in u.signs if u.kind == "currency")


RELATIVE_UNIT_KINDS = frozenset({"percent", "points", "ratio"})  # a value against a base or a whole
# Lemmas of the units of a study's method or a text ("27 признаков", "5 факторов", "44 показателей",
# "35-40 экспертов", "10 вопросов", "20 версий", "20-50 наблюдений"): a count
# of them is no territory's and of no reporting period; the document's territory and a section's
# year do not apply to it. Not a stage ("в 2 этапа" of a district's programme is the district's).
METHOD_COUNTED_NOUNS: frozenset[str] = frozenset({
    "признак", "фактор", "показатель", "критерий", "вопрос", "версия", "индикатор", "параметр",
    "метод", "подход", "принцип", "эксперт", "респондент", "наблюдение",
})  # fmt: skip
# Sizes of files and datasets ("200 Гб", "634 Мб"): a document's territory is not what they measure.
ARTEFACT_UNIT_KINDS = frozenset({"data"})


def relative_unit(code: str | None) -> bool:
    """A unit of a value against a base or a whole, not of an amount: percent, points, times."""
    return unit_kind(code) in RELATIVE_UNIT_KINDS


def unit_kind(code: str | None) -> str | None:
    """Class of a unit code: "currency" for every currency, else the entry's kind ("area", ...)."""
    if code in CURRENCIES:
        return "currency"
    return next((u.kind for u in UNITS if u.code == code), None)


def key(word: str) -> str:
    """Look-up form of a unit or scale spelling: lower case, one space, no final dot."""
    word = word.lower().replace("ё", "е").replace("&nbsp;", " ")
    return re.sub(r"\.\s+", ".", " ".join(word.split())).rstrip(".")


@cache
def unit_codes() -> dict[str, str]:
    """Code by look-up form of every caseless spelling (lemma, abbreviation, sign, code)."""
    out: dict[str, str] = {}
    for u in UNITS:
        caseless = [s for s in u.exact if s == s.lower()]
        spellings = (*u.lemmas, *u.abbrs, *u.signs, *u.codes, *u.english, *caseless)
        for spelling in (*spellings, *map(" ".join, u.phrases)):
            out[key(spelling)] = u.code
    return out


@cache
def exact_codes() -> dict[str, str]:
    """Code by spelling for the entries whose case matters ("кВ", "МВт")."""
    return {s: u.code for u in UNITS for s in u.exact if s != s.lower()}


@cache
def coin_words() -> frozenset[str]:
    return frozenset(key(s) for u in UNITS if u.coin for s in (*u.lemmas, *u.abbrs))


@cache
def compound_units() -> dict[str, str]:
    """Unit code by the stem of a number-unit adjective ("процент" → PERCENT)."""
    return {u.compound: u.code for u in UNITS if u.compound}


@cache
def scale_powers() -> dict[str, int]:
    return {k: s.power for s in SCALES for k in (s.lemma, s.abbr, *s.english)}


@cache
def month_forms() -> dict[str, dict[str, int]]:
    """Month number by word form, per case ("nomn", "gent", "datv", "ablt", "loct"), and "en" for
    the English names (lower case)."""
    cases = ("nomn", "gent", "datv", "ablt", "loct")
    out: dict[str, dict[str, int]] = {case: {} for case in cases}
    for m in MONTHS:
        for case, ending in zip(cases, MONTH_ENDINGS[m.declension], strict=True):
            out[case].update(dict.fromkeys((m.stem + e for e in ending.split("|")), m.number))
    out["en"] = {m.english.lower(): m.number for m in MONTHS}
    return out


def base_cue_pattern() -> str:
    """Alternation of the comparison-base cues, each optionally followed by a `BASE_NOUN_STEMS` noun with
    or without an adjective ("относительно уровня", "по сравнению с уровнем", "относительно
    показателя"), and "к" with such a noun ("к среднемесячному значению"): the date after it is a
    base, not a period."""
    cues = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in BASE_CUES)
    nouns = "|".join(f"{stem}[а-яё]*" for stem in BASE_NOUN_STEMS)
    noun = rf"(?:{BASE_NOUN_ADJECTIVE}\s+)?(?:{nouns})"
    return rf"(?:(?:{cues})(?:\s+{noun})?|к\s+{noun})"


def month_stem_pattern() -> str:
    """Regex alternation of the month stems; a stem too short to stand alone ("ма") takes the first
    letters of its endings ("ма[йяюе]")."""
    parts = []
    for m in MONTHS:
        firsts = "".join(dict.fromkeys(e[0] for e in MONTH_ENDINGS[m.declension] if e))
        parts.append(m.stem if len(m.stem) > MIN_STEM else f"{m.stem}[{firsts}]")
    return "|".join(parts)


def scale_stems() -> tuple[str, ...]:
    """Scale words without their ending ("тысяч", "миллион"): they match every case form."""
    return tuple(s.lemma.rstrip("ая") for s in SCALES)


def month_lemmas() -> tuple[str, ...]:
    return tuple(m.stem + MONTH_ENDINGS[m.declension][0] for m in MONTHS)


def subset_opener_pattern(*first_words: str) -> str:
    """Alternation of the subset openers (those starting with one of `first_words`, default all),
    spaces as any whitespace, dots optional ("в т.ч экспорт"), not followed by a letter."""
    openers = [o for o in SUBSET_OPENERS if not first_words or o.split()[0] in first_words]
    spelled = (re.escape(o).replace(r"\ ", r"\s+").replace(r"\.", r"\.?") for o in openers)
    return rf"(?:{'|'.join(spelled)})(?![а-яёa-z])"


def time_lemmas() -> frozenset[str]:
    """Lemmas of words that name a time, never a measured thing or a subject ("За 2015 год …
    составил", "за январь"): time and period nouns, months, "годы"."""
    return frozenset({*TIME_NOUNS, *PERIOD_NOUNS, *month_lemmas(), "годы"})


def qualifier_words() -> frozenset[str]:
    """Every word a qualifier phrase can hold."""
    words = {w for q in QUALIFIERS for w in (*q.heads, *q.before, *q.after)}
    return frozenset(words | {w for q in QUALIFIERS for p in q.phrases for w in p})


@cache
def not_counted() -> frozenset[str]:
    """Lemmas a number never counts: time nouns, months, scale words, unit words, references."""
    words = {*TIME_NOUNS, *TIME_ABBRS, *month_lemmas(), *NOT_COUNTED_WORDS}
    words |= {w for s in SCALES for w in (s.lemma, s.abbr, *s.english)}
    words |= {key(w) for u in UNITS for w in (*u.lemmas, *u.abbrs, *u.english) if "." not in key(w)}
    words |= {w for u in UNITS for p in u.phrases for w in p} | set(CURRENCY_TAILS)
    return frozenset(words - set(COUNTED_NOUNS))


# Legal forms written before an organization's name ("ООО «…»", "МАОУ «Копыловская СОШ»"), as
# written (case matters).
ORGANIZATION_FORMS = (
    *("ООО", "ОАО", "ЗАО", "ПАО", "НАО", "АО", "ИП", "ФГУП", "ГУП", "МУП", "ГК", "АНО", "НКО", "НП"),
    # state institutions and universities
    *("ФГБУ", "ФГБОУ", "ФГАОУ", "НИУ", "ГБУ", "ГАУ", "ГКУ", "ОГБУ", "ОКУ", "ВО", "ДПО"),
    # schools, hospitals, libraries and farms of municipal programmes
    *("МБОУ", "МАОУ", "МКОУ", "МБДОУ", "МАДОУ", "МКДОУ", "МБУ", "МКУ", "МАУ", "МБУК", "МКУК", "МАУК"),
    *("МБУДО", "МАУДО", "МКУДО", "ОГБУЗ", "ГБУЗ", "ГАУЗ", "ОГАУЗ", "ОГБОУ", "ГБОУ", "ГАОУ", "ГБПОУ"),
    *("ГАПОУ", "ОГБПОУ", "ОГКУ", "ОГАУ", "СПК", "СХПК"),
)


def organization_form_pattern() -> str:
    """A regex alternation of `ORGANIZATION_FORMS`, longest first."""
    return "|".join(sorted(ORGANIZATION_FORMS, key=len, reverse=True))


# Measure heads that take an instrumental complement, which is part of the measure
# ("обеспеченность населения спортивными сооружениями", "охват детей дошкольным образованием").
INSTRUMENTAL_HEADS: tuple[str, ...] = ("обеспеченность", "охват", "укомплектованность", "оснащенность")
