"""A figure's subject: the territory or organization its number is about.

In order: both sides of "между X и Y" (a pair); an organization in the figure's clause (before it,
or right after it: "мощностью 130 тонн в смену (ГК «Курское молоко»)"); the last territory named
before the figure in its sentence (a source "по данным ГТУ КНР", a partner "импорт из Китая" or a
destination "экспорт в Китай" is not the subject); a territory after the figure that modifies its
measure ("40,4% общего объема производства Пудуна"); the organization of the previous sentence of
the paragraph when the sentence names nothing ("Объем инвестиций составил 3,1 млрд. рублей").
`subject_code` is ISO 3166: a city carries its federal subject's or its country's code (Курск →
RU-KRS, Пудун → CN; its name stays the subject); an organization has none (`subject_type` org).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.lemmas import words
from pipeline.extract.territories import (
    Territory,
    TerritorySpan,
    find_organizations,
    find_territories,
    in_quoted_title,
    territory,
)

_BETWEEN = re.compile(r"между\s+\w+(?:\s+\w+)?\s+и\s+\w+(?:\s+\w+)?")
# "Товарооборот России и Китая", "объем торговли КНР и США": the trade of two countries, a pair too
_TRADE_OF_TWO = re.compile(r"\b(?:товарооборот|торговл)\w*\s+\w+\s+и\s+\w+", re.I)
_TRADE = r"(?:экспорт|импорт|поставк|вывоз|ввоз|отгрузк)\w*"
_EXPORTER = r"(?<!экспорт )(?<!экспорта )(?<!вывоз )"  # "экспорт из Курской области": the exporter
_PARTNER = re.compile(
    rf"(?:{_EXPORTER}\b(?:из|от|с|со)|{_TRADE}(?:\s+\w+){{0,3}}\s+(?:в|во|на))\s+$",
    re.I,
)  # "импорт России из Китая", "экспорта в Китай", "в экспорте на Украину", "торговля с Китаем": a partner
# "поставки расширяются в следующие страны: Франция (…900%), Египет (621%)", "Поставки
# осуществляются в 2 страны - Украину и Узбекистан": a list of partners
_TRADE_WORD = re.compile(rf"\b(?:{_TRADE}|товарооборот\w*|(?:внешне)?торгов\w*)", re.I)
_SHARE_OF = re.compile(r"\b(?:дол[яиюе]|удельн\w+\s+вес\w*)\s+$", re.I)
_ON = re.compile(r"\bна\s+$", re.I)
_DIGIT = re.compile(r"\d")
_DASHED_SHARE = re.compile(r"\s*[-–—]\s*\d+(?:[.,]\d+)?\s*%")  # "Украина - 13,0%"
_FALLS = re.compile(r"\s*(?:приход|пришл)\w*", re.I)
_PARTNER_LIST = re.compile(
    rf"{_TRADE}[^.;:]{{0,80}}?\b(?:в|во|на|из)\s+(?:\w+\s+){{0,2}}(?:стран|государств|рынк)\w*\s*[:–—-][^;]*$",
    re.I,
)
_SOURCE = re.compile(rf"(?:{'|'.join(lexicon.DATA_SOURCE_CUES)})\s[^,;]*$", re.I)  # "по данным ГТУ КНР"
_ATTRIBUTED = re.compile(rf"\b(?:{'|'.join(lexicon.ATTRIBUTION_CUES)})\s[^,;]*$", re.I)  # "согласно Минфину"
# "В соответствии со сценарными условиями … развития Российской Федерации": a basis, unless a
# preposition starts a new phrase before the territory ("… соглашением в г. Курске")
_BASIS = re.compile(
    r"\bв\s+соответствии\s+со?\s(?:(?!\b(?:в|во|на|по|для|при|к|ко|от|из|у|до|за|с|со)\s)[^,;])*$", re.I
)
# "швейцарский журнал Bilan оценивал …", "Российские информагентства сообщают": a source's country
_SOURCE_AFTER = re.compile(r"\s+(?:журнал|газет|издани|агентств|информагентств|СМИ|аналитик|эксперт)", re.I)
_PREPOSITION = re.compile(
    r"\b(?:в|во|из|от|на|для|с|со|по|к|ко|до|между|через|при|под|над|за|среди|у|и|или)\s+$", re.I
)
_CLAUSE_END = re.compile(r";|,\s+а\s+также\b", re.I)  # "…130 тонн (ГК …), а также 3 цеха …"
# "в Российской империи за исключением Финляндии проживало …": an excluded territory
_EXCLUDED = re.compile(r"\b(?:за\s+исключением|кроме|без\s+уч[её]та)\s+$", re.I)
_GROUP = re.compile(r"\bсреди(?:\s+\w+)?\s+$", re.I)  # "минимальный среди регионов ЦФО": a comparison group
# "является лидером в ЦФО", "одним из лидеров по экспорту … в России": where it leads, a comparison group
_LEADS_IN = re.compile(r"\b(?:одн\w+\s+из\s+(?:\w+\s+)?)?лидер\w*\b[^,;()]{0,80}?\s(?:в|во)\s+$", re.I)

_WHOLE = re.compile(r"\b(?:в\s+целом|в\s+среднем)\s+по\s+$", re.I)  # "13,5% - в целом по России"
# "Область входит в состав Центрального федерального округа и включает …": what it belongs to
_MEMBER_OF = re.compile(r"\b(?:входит|входят|входящ\w*)\s+в\s+(?:состав|число)\s+$", re.I)
_AFTER_REACH = 100  # characters after a figure searched for whose it is
_JOINED = re.compile(r"^\s*(?:,|и)\s*$")  # territories in one list: "Самарской, Тверской и Московской"
_ORG_AFTER = 40  # characters after a figure in which an organization is still its own
# "…296 человек , в том числе ООО « Шахтер »", "26 объектами , таких предприятий , как ЗАО «…»": an
# organization after a comma or another number starts a phrase of its own ("на 1 650 голов в с.
# Турунтаево (инвестор – ООО «Спас»" is the investor's)
_ORG_GAP = re.compile(r"[;:,]|\d")
# "в 35 субъектах …": a counted set of territories is the subject, not one of them nor the country
_COUNTED_SET = re.compile(r"\bв\s+(\d+)\s+((?:субъект|регион|стран|област|муниципалитет)\w*)", re.I)
# "в развитых странах", "для регионов", "в большинстве регионов": territories in general, a group
# without a code
_SET_NOUN = r"(?:субъект|регион|стран|государств|муниципалитет)"
_ADJ = r"(?:(?!(?:эт|т|данн|указанн|так)(?:их|ых)\b)[а-яё]+(?:ых|их)\s+){0,2}"
_PLURAL_SET = re.compile(
    rf"\b(?:(?:в|во)\s+({_ADJ}{_SET_NOUN}ах|(?:ряде|большинстве|части)\s+{_ADJ}{_SET_NOUN}\w*)"
    rf"|для\s+({_ADJ}{_SET_NOUN}ов|{_ADJ}(?:стран|государств)))\b",
    re.I,
)
# "в мире", "мировой ВВП": the world, a subject without a code, unless it is a share's denominator
_WORLD = re.compile(
    r"\b(?:в\s+мире|по\s+миру|мира|(?:обще)?миров(?:ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми))\b", re.I
)
# "Вторая мировая война", "Нобелевская премия мира": no world as a subject
_NOT_WORLD = re.compile(r"\bмиров\w*\s+войн|\bпреми\w*\s+(?:\w+\s+)?мира\b", re.I)
_SHARE = re.compile(r"\b(?:дол[яиюе]|удельн\w+\s+вес\w*)\b", re.I)
WORLD = "мир"
_PART_OF = re.compile(r"(?:%|процент\w*)\s*$", re.I)  # "73 процента мировых запасов": the world is the whole
# "к общероссийскому показателю, который … составил 55,1%": Russia, when the adjective is in the
# figure's own phrase (no bracket or clause between) and not a comparison base
_NATIONWIDE = re.compile(r"\b(?:обще|средне)российск\w+(?P<gap>[^();]{0,80})$", re.I)
_COMPARED = re.compile(r"(?:сравнению\s+с|чем|относительно)\s+(?:\w+\s+)?$", re.I)
# "до лучших сопоставимых практик ЦФО", "до уровня Москвы": a benchmark, not the subject
_BENCHMARK = re.compile(
    r"\bдо\s+(?:[а-яё]+\s+){0,2}(?:уровн|показател|практик|значени)\w*\s+(?:[а-яё]+\s+){0,2}$", re.I
)
_WHOLE_NOUN = r"(?:объ[её]м|числ|количеств|состав)"  # the stem of a whole a share is of
# "доля в числе МСП, зарегистрированных в ЦФО, составляет 2,8%": the whole of a share
_WHOLE_OF = re.compile(
    rf"\b(?:в|из)\s+(?:общ\w+\s+)?{_WHOLE_NOUN}е\s[^,;]*,"
    r"\s*[а-яё]*(?:нн|вш|[юуая]щ)[а-яё]*\s[^,;]*$",
    re.I,
)
# "лидирующие позиции в производстве (от общего объема по Российской Федерации): фанеры – 10%": the
# territory after "по" is the whole of the shares, not their subject
_WHOLE_BY = re.compile(rf"\b(?:от|в|из)\s+общ\w+\s+{_WHOLE_NOUN}\w*\s+по\s+$", re.I)
# "товаров, обгоняющих по темпам роста уровень РФ, составил …": the level compared with
_OUTPACED = re.compile(r"\b(?:обгоня|опережа|превыша|превосход)\w*\W[^,;]*$", re.I)
# "в 2 раза выше, чем в Белгородской области": a comparison base (unless its own figure follows in brackets)
_COMPARED_WITH = re.compile(r"\bчем\s+(?:в|во|у|по)?\s*$", re.I)
_IN_WHOLE = re.compile(r"\s+(?:в|во)\s+(?:[а-яё]+\s+){0,3}$", re.I)
_IN_FIRST = re.compile(r"\s*(?:в|во)\s", re.I)
_FROM_FIRST = re.compile(r"\s*от\s", re.I)
_BRACKET_OPEN = re.compile(r"^\s*\($")  # "в Брянской (5,2%) … областях": the territory before the bracket
_MUTUAL = re.compile(r"\b(?:взаимн|двусторонн)\w*\s+(?:товарооборот|торговл)", re.I)


def set_subject(
    text: str, f: FigureFact, bounds: tuple[int, int], named: list[TerritorySpan], orgs: list
) -> None:
    """Set the figure's subject from its sentence (`named`, `orgs`: the sentence's territories and
    organizations, offsets relative to the sentence)."""
    origin = bounds[0]
    if f.subject_type == "org":  # "Американская финансовая компания ICE": the company's nationality
        named = [s for s in named if not _adjectival(s)]
        if not named:
            return  # the organization the clause named ("биржи мира — NYSE Euronext": no aggregate)
    clause = _clause_start(text, f, bounds) - origin
    lead, sentence = text[origin : f.char_start], text[origin : bounds[1]]
    spans = _candidates(named, lead, sentence)
    inside = _paired(lead, spans, [s for s in named if s.end <= len(lead)])
    org = _clause_org(text, f, bounds, orgs)
    after = [s for s in named if s.start >= f.char_end - origin and _modifies(text, f, origin, s)]
    near = [s for s in spans if s.start >= clause]
    counted, general = _sets(lead, clause, sentence)
    near = [s for s in near if not any(_of_set(sentence, m, s) for m in counted)]
    own = _bracketed(named, lead, f.char_end - origin) or _set_owner(sentence, after, f.char_end - origin)
    if own is not None and _respective_bracket(sentence, f.char_end - origin):
        own = None  # "Ивановская, Тамбовская и Курская области (9,94%, 9,9% и 9,8% соответственно)"
    if own is not None and own not in _without_partners([*spans, own], lead, sentence):
        own = None  # "у Московской области основным импортером является Германия (24,6%)": a partner
    if own is not None:
        _set(f, own, origin)
    elif len(inside) >= len("ab"):
        _set_pair(f, inside[0], inside[1], origin)
    elif org is not None:
        _set(f, org, origin)
    elif counted and not (near and near[-1].start > counted[-1].start()):
        _set_counted(f, counted[-1], origin)
    elif general and not (near and near[-1].start > general[-1].start()):
        _set_general(f, general[-1], origin)
    elif chosen := (near[-1:] or after[:1] or spans[-1:]):
        _set_group(f, coordinated(text[origin : bounds[1]], named, chosen[0]), origin)
    elif not _SHARE.search(lead[clause:]):
        _set_aggregate(f, lead[clause:], origin + clause)
    if f.subject_type is None and f.subject and find_territories(f.subject):
        f.subject = None  # the parser's place, which the rules above found to be a partner or a source


def _paired(lead: str, spans: list[TerritorySpan], before: list[TerritorySpan]) -> list[TerritorySpan]:
    """The candidates of "между X и Y" before the figure, or the two countries whose trade it names
    among the territories `before` it ("Товарооборот России и Китая вырос на 28,2%": neither is the
    other's partner)."""
    pair = _BETWEEN.search(lead)
    inside = [s for s in spans if pair and pair.start() <= s.start < pair.end()]
    trade = _TRADE_OF_TWO.search(lead) if len(inside) < len("ab") else None
    if trade is None:
        return inside
    two = [s for s in before if trade.start() <= s.start < trade.end()]
    return two if len(two) == len("ab") and all(s.territory.type == "country" for s in two) else inside


def _adjectival(s: TerritorySpan) -> bool:
    """A territory named by an adjective ("американская", "российских")."""
    from pipeline.nlp.morph import parses

    return parses(s.text.split()[0])[0].tag.POS == "ADJF"


def _candidates(named: list[TerritorySpan], lead: str, sentence: str) -> list[TerritorySpan]:
    """The territories before the figure that may be its subject: not a source, a trade partner, a
    comparison group or a region in a programme's or a law's quoted title ("программы «Развитие
    транспортной системы в Томской области»": its scope)."""
    spans = [s for s in named if s.end <= len(lead) and not _not_subject_at(lead, s)]
    spans = [s for s in spans if not (s.territory.type == "region" and in_quoted_title(sentence, s.start))]
    spans = [s for s in spans if not (len(named) > 1 and _partner_share(sentence, s, named))]
    spans = [s for s in spans if not _COMPARED_WITH.search(lead[: s.start]) and not _in_aside(lead, s)]
    spans = [s for s in spans if not _destination(lead, s, named)]
    wholes = {b.start for a, b in zip(spans, spans[1:], strict=False) if _part_of(lead, a, b)}
    spans = [s for s in spans if not _SOURCE_AFTER.match(sentence, s.end) and s.start not in wholes]
    return _without_partners(spans, lead, sentence)


def _without_partners(spans: list[TerritorySpan], lead: str, sentence: str) -> list[TerritorySpan]:
    """In a trade sentence that names a Russian trader, the foreign countries are its partners, never
    the subject ("среди стран … экспорта продукции Курской области находятся Узбекистан (… 175%)",
    "у Московской области основным импортером является Германия (24,6%)"); mutual trade keeps both."""
    if not _TRADE_WORD.search(sentence) or _BETWEEN.search(lead) or _MUTUAL.search(sentence):
        return spans
    home = [s for s in spans if s.territory.country == lexicon.HOME_COUNTRY]
    return [s for s in spans if s.territory.country == lexicon.HOME_COUNTRY] if home else spans


def _in_aside(lead: str, s: TerritorySpan) -> bool:
    """The territory stands in brackets closed before the figure, which state a figure of their own:
    the aside's ("обрабатывающие производства - 18,0% (в среднем по России - 17,4%);" ⏎ "сельское
    хозяйство - 17,5%": not Russia's)."""
    opening = lead.rfind("(", 0, s.start)
    closing = lead.find(")", s.end)
    if opening < 0 or closing < 0 or ")" in lead[opening : s.start]:
        return False
    return _DIGIT.search(lead, opening, closing) is not None


def _destination(lead: str, s: TerritorySpan, named: list[TerritorySpan]) -> bool:
    """A country after "в"/"на" in the accusative, or joined to one ("в Китай и Таиланд"), is where
    something goes, not where the figure is ("экспорт … увеличивался в 3,64 раза, в Нидерланды - в
    3,6 раза", "поездки в Китай и Таиланд подешевели на 1,3% и 0,3%"); the locative ("в Китае") is a
    place."""
    from pipeline.nlp.morph import parses

    if s.territory.type != "country":
        return False
    cases = {p.tag.case for p in parses(s.text.split()[0])}
    if "accs" not in cases or cases & _PLACE_CASES:
        return False
    if _TOWARDS.search(lead[: s.start]):
        return True
    before = [t for t in named if t.end <= s.start]
    joined = before and _JOINED.match(_ASIDE.sub("", lead[before[-1].end : s.start]))
    return bool(joined) and _destination(lead, before[-1], named)


_ASIDE = re.compile(r"\([^()]*\)")  # "в Словакию (203 млн. долл. США), Украину": an amount in brackets
_TOWARDS = re.compile(r"\b(?:в|во|на)\s+$", re.I)
_LOCATIVE = frozenset({"loct", "loc2"})  # "в Китае", "на Украине"
_PLACE_CASES = _LOCATIVE | {"gent"}  # a genitive is another reading of a place


def _part_of(lead: str, part: TerritorySpan, whole: TerritorySpan) -> bool:
    """ "доля Курской области в экспорте России": the whole of a territory's share is not the subject."""
    return bool(_SHARE_OF.search(lead[: part.start]) and _IN_WHOLE.match(lead[part.end : whole.start]))


def _sets(lead: str, clause: int, sentence: str) -> tuple[list[re.Match], list[re.Match]]:
    """Counted sets ("в 35 субъектах") and territories in general ("в развитых странах") before the
    figure; none in a trade sentence, where they are partners ("поставки в 2 страны")."""
    if _TRADE_WORD.search(sentence):
        return [], []
    general = [m for m in _PLURAL_SET.finditer(lead, clause) if not _not_subject(lead[: m.start()])]
    return list(_COUNTED_SET.finditer(lead)), general


def _of_set(sentence: str, m: re.Match, s: TerritorySpan) -> bool:
    """ "в 72 субъектах Российской Федерации": the territory that the counted set belongs to."""
    return s.start >= m.end() and not sentence[m.end() : s.start].strip()


def _respective_bracket(sentence: str, end: int) -> bool:
    """The figure ending at `end` is in a bracket of figures that ends with "соответственно": each is
    about one of the territories listed before it, in order (`respectively`)."""
    close = sentence.find(")", end)
    return (
        close >= 0
        and "(" not in sentence[end:close]
        and bool(lexicon.RESPECTIVELY.search(sentence, end, close))
    )


def _bracketed(named: list[TerritorySpan], lead: str, end: int) -> TerritorySpan | None:
    """ "выше, чем в Орловской (6%), Брянской (5,2%) и Воронежской (8,9%) областях": a figure in
    brackets right after a territory is that territory's."""
    for s in named:
        if _not_subject_at(lead, s) or _destination(lead, s, named):
            continue  # "поставлен … в Словакию (203 млн. долл. США)": the amount sent there
        if s.start < len(lead) < end <= s.end or (s.end <= len(lead) and _BRACKET_OPEN.match(lead[s.end :])):
            return s
    return None


def _set_owner(sentence: str, after: list[TerritorySpan], end: int) -> TerritorySpan | None:
    """ "в 18 субъектах Российской Федерации": a counted set of territories is its owner's; a count
    of federal subjects without one ("в 73 субъектах") is Russia's."""
    counted = next((m for m in _COUNTED_SET.finditer(sentence, 0, end) if m.end() == end), None)
    if counted is None:
        return None
    if after and not sentence[end : after[0].start].strip():
        return after[0]
    russia = territory(lexicon.HOME_COUNTRY)
    federal = counted.group(2).lower().startswith("субъект")
    return TerritorySpan(russia, counted.start(2), end, counted.group(2)) if federal and russia else None


def _set_aggregate(f: FigureFact, lead: str, origin: int) -> None:
    """A clause naming no territory: "численность мигрантов в мире достигла 243,7 млн", "мировой ВВП
    вырос на 2,9%" are about the world (no code), "общероссийский показатель … составил 55,1%" about
    Russia. Not a share, whose whole the world or Russia is ("доля в мировом экспорте")."""
    nation = _NATIONWIDE.search(lead)
    russia = territory(lexicon.HOME_COUNTRY)
    if nation is not None and russia is not None and not _COMPARED.search(lead[: nation.start()]):
        f.subject, f.subject_code, f.subject_type = russia.name, russia.iso, russia.type
        f.subject_from = origin + nation.start()
    elif world := next((m for m in _WORLD.finditer(lead) if _names_world(lead, m)), None):
        f.subject, f.subject_code, f.subject_type = WORLD, None, "group"
        f.subject_from = origin + world.start()


def _names_world(lead: str, m: re.Match) -> bool:
    """The world word names the world the clause is about: not a share's whole ("73 процента мировых
    запасов"), a war or a peace prize."""
    if _PART_OF.search(lead[: m.start()]):
        return False
    return not any(n.start() <= m.start() < n.end() for n in _NOT_WORLD.finditer(lead))


def _set_counted(f: FigureFact, m: re.Match, origin: int) -> None:
    """ "в 35 субъектах цены снизились на 16,0%": about that set of territories (no one code)."""
    from pipeline.nlp.morph import inflect, parses

    noun = inflect(parses(m.group(2))[0], {"gent", "plur"})
    f.subject = f"{m.group(1)} {noun.word if noun else m.group(2)}"
    f.subject_code, f.subject_type, f.subject_from = None, "group", origin + m.start()


def _set_general(f: FigureFact, m: re.Match, origin: int) -> None:
    """ "в развитых странах доля мигрантов составляет 10%", "для регионов с высокой безработицей
    коэффициент равен 0,35": territories in general (no code)."""
    from pipeline.nlp.morph import nominative

    group = next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
    f.subject, f.subject_code, f.subject_type = nominative(m.group(group)), None, "group"
    f.subject_from = origin + m.start(group)


def _partner_share(sentence: str, s: TerritorySpan, named: list[TerritorySpan]) -> bool:
    """ "доля Беларуси в экспорте Курской области", "на Китай приходится 20% экспорта России", "из
    стран СНГ: Украина - 13,0% от общего объема внешнеторгового оборота Курской области, Беларусь -
    8,0%": in a trade sentence that names the trader too, the country whose share is stated is a
    partner (a country's share listed after a dash, when a region trades)."""
    if s.territory.type != "country" or not _TRADE_WORD.search(sentence):
        return False  # "на долю Курской области приходится 4,6% экспорта России": a part's own
    before = sentence[: s.start]
    listed = _DASHED_SHARE.match(sentence, s.end) and any(t.territory.type != "country" for t in named)
    return bool(
        _SHARE_OF.search(before) or (_ON.search(before) and _FALLS.match(sentence[s.end :])) or listed
    )


def _not_subject_at(lead: str, s: TerritorySpan) -> bool:
    """`_not_subject` before the territory, but a place after "в"/"на" (no accusative: "с долей
    экспорта в Российской Федерации 8%") is where the trade is counted, no destination."""
    from pipeline.nlp.morph import parses

    before = lead[: s.start]
    if not _not_subject(before):
        return False
    towards = _TOWARDS.search(before)
    if towards is None or _not_subject(before[: towards.start()]):
        return True
    cases = {p.tag.case for p in parses(s.text.split()[0])}
    return "accs" in cases or not cases & _LOCATIVE


def names_source(before: str) -> bool:
    """The text before a name ends in an attribution ("По данным Росстата", "согласно отчету
    Минфина"): the name is who reports, not what a figure is about."""
    return bool(_ATTRIBUTED.search(before))


@lru_cache(maxsize=4096)
def _not_subject(before: str) -> bool:
    """A cue before a territory says it is no subject (a source, a partner, a whole ...); cached:
    each figure of a sentence asks about the same lead."""
    cues = (
        _SOURCE,
        _BASIS,
        _EXCLUDED,
        _PARTNER,
        _GROUP,
        _LEADS_IN,
        _PARTNER_LIST,
        _BENCHMARK,
        _WHOLE_OF,
        _WHOLE_BY,
        _OUTPACED,
        _MEMBER_OF,
    )
    return any(cue.search(before) for cue in cues)


def _modifies(text: str, f: FigureFact, origin: int, s: TerritorySpan) -> bool:
    """A territory close after the figure in its clause (no comma between: "составил 1453,6 млн. руб.,
    причиной явилось замедление … российской экономики") that names whose it is: in the genitive
    without a preposition ("40,4% общего объема производства Пудуна") or after "в целом по"."""
    from pipeline.nlp.morph import parses

    gap = text[f.char_end : origin + s.start]
    if len(gap) > _AFTER_REACH or re.search(r"[;:,()\n\d]", gap) or _SOURCE.search(gap):
        return False
    if _WHOLE.search(gap):
        return True
    if f.unit == "PERCENT" and (_IN_FIRST.match(gap) or _FROM_FIRST.match(gap)):
        return False  # "с долей 18% в экспорте Российской Федерации", "(0,4% от ВВП России)": the whole's
    genitive = any(p.tag.case == "gent" for p in parses(s.text.split()[0]))
    return genitive and not _PREPOSITION.search(gap[-len(" между ") :])


def _clause_start(text: str, f: FigureFact, bounds: tuple[int, int]) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, bounds[0], f.char_start)]
    return ends[-1] if ends else bounds[0]


def _clause_org(text: str, f: FigureFact, bounds: tuple[int, int], orgs: list) -> TerritorySpan | None:
    """An organization in the figure's clause before it, or right after it."""
    clause_start = _clause_start(text, f, bounds)
    before = [o for o in orgs if clause_start <= bounds[0] + o.start and bounds[0] + o.end <= f.char_start]
    if before:
        return None if _listed(text[bounds[0] : bounds[1]], orgs, before[-1]) else before[-1]
    after = [o for o in orgs if 0 <= bounds[0] + o.start - f.char_end <= _ORG_AFTER]
    gap = text[f.char_end : bounds[0] + after[0].start] if after else ""
    return after[0] if after and not _ORG_GAP.search(gap) else None


def _listed(sentence: str, orgs: list[TerritorySpan], org: TerritorySpan) -> bool:
    """ "ООО «Тандем», ООО «Лесторг», исключены … 4 хозяйствующих субъекта": an organization in a
    list of them owns no figure after the list."""
    i = orgs.index(org)
    return i > 0 and bool(_JOINED.match(sentence[orgs[i - 1].end : org.start]))


def _set(f: FigureFact, s: TerritorySpan, origin: int) -> None:
    t = s.territory
    f.subject, f.subject_code, f.subject_type, f.subject_from = t.name, t.iso, t.type, origin + s.start


def coordinated(sentence: str, named: list[TerritorySpan], last: TerritorySpan) -> list[TerritorySpan]:
    """The run of territories (all countries, or all inside one) joined by commas and "и" that
    ends with `last` ("Республике Ингушетия, Нижегородской, … и Московской областях"), in text
    order (offsets: in `sentence`)."""
    run = [last]
    for s in reversed(named[: named.index(last)]):
        joined = _JOINED.match(sentence[s.end : run[0].start])
        national = (s.territory.type == "country") == (last.territory.type == "country")
        if s.end > run[0].start or not joined or not national:
            break
        run.insert(0, s)
    return run


def _set_group(f: FigureFact, run: list[TerritorySpan], origin: int) -> None:
    if len(run) == 1:
        _set(f, run[0], origin)
        return
    f.subject = ", ".join(s.territory.name for s in run)
    f.subject_code = ";".join(dict.fromkeys(s.territory.iso or "" for s in run)).strip(";") or None
    f.subject_type, f.subject_from = "group", origin + run[0].start


def _set_pair(f: FigureFact, a: TerritorySpan, b: TerritorySpan, origin: int) -> None:
    from pipeline.nlp.morph import nominative

    f.subject = "–".join(s.text if s.text.isupper() else nominative(s.text) for s in (a, b))  # "РФ–КНР"
    f.subject_code, f.subject_type = f"{a.territory.iso};{b.territory.iso}", "pair"
    f.subject_from = origin + a.start


def sentence_names(sentence: str) -> tuple[list[TerritorySpan], list[TerritorySpan]]:
    """Territories and organizations a sentence names (offsets relative to it)."""
    return _located(sentence, find_territories(sentence)), find_organizations(sentence)


def _located(sentence: str, spans: list[TerritorySpan]) -> list[TerritorySpan]:
    """ "Солигаличского муниципального района Костромской области": a federal subject right after a
    municipality locates it; one span, the municipality's, in that federal subject."""
    out: list[TerritorySpan] = []
    for s in spans:
        if out and _locates(sentence, out[-1], s):
            out[-1] = _in_region(sentence, out[-1], s)
        else:
            out.append(s)
    return out


def _locates(sentence: str, unit: TerritorySpan, region: TerritorySpan) -> bool:
    kinds = (unit.territory.type, region.territory.type)
    return kinds == ("municipality", "region") and not sentence[unit.end : region.start].strip()


def _in_region(sentence: str, unit: TerritorySpan, region: TerritorySpan) -> TerritorySpan:
    code = f"{region.territory.code}/{unit.territory.code.split('/', 1)[1]}"
    t = replace(unit.territory, code=code, region=region.territory.code)
    return TerritorySpan(t, unit.start, region.end, sentence[unit.start : region.end])


def previous_org(
    text: str, f: FigureFact, bounds: tuple[int, int], named: tuple, previous: tuple[int, int] | None
) -> None:
    """A figure whose sentence names nothing (`named`: its `sentence_names`) takes the organization
    of the sentence before it in its paragraph ("ООО «Агропромкомплектация-Курск» введен комплекс …
    Объем инвестиций составил …"), when that sentence names one."""
    if previous is None or "\n" in text[previous[1] : bounds[0]] or any(named):
        return
    orgs = find_organizations(text[previous[0] : previous[1]])
    if len({o.territory.code for o in orgs}) == 1:  # of several, none is surely the one meant
        _set(f, orgs[-1], previous[0])


def referred_company(text: str, f: FigureFact, bounds: tuple[int, int], named: tuple) -> None:
    """A figure whose sentence names nothing but speaks of "the company" before it ("Комбинат
    производит около 20% …", `lexicon.COMPANY_NOUNS` in the singular) takes the organization its
    paragraph, or else the one before, names most often before it (the first of a tie: "АО «ГОК»,
    входящее в состав ООО «УК …». … Комбинат …" is the ГОК)."""
    if f.subject_type is not None or any(named):
        return
    if not any(_company_noun(w.text) for w in words(text[bounds[0] : f.char_start])):
        return
    paragraph = text.rfind("\n", 0, bounds[0]) + 1
    start = max(text.rfind("\n", 0, max(paragraph - 1, 0)) + 1, bounds[0] - _COMPANY_REACH)
    orgs = find_organizations(text[start : bounds[0]])
    if orgs:
        counts = Counter(o.territory.code for o in orgs)
        _set(f, max(orgs, key=lambda o: counts[o.territory.code]), start)  # max keeps the first of a tie


def _company_noun(word: str) -> bool:
    from pipeline.nlp.morph import parses

    best = parses(word)[0]
    return best.normal_form in lexicon.COMPANY_NOUNS and best.tag.number == "sing"


_COMPANY_REACH = 2000  # characters before a sentence searched for the company it refers to (its
# paragraph and the one before)


def project_owner(
    text: str, f: FigureFact, bounds: tuple[int, int], named: tuple, following: tuple[int, int] | None
) -> None:
    """A figure whose sentence names nothing (`named`: its `sentence_names`) takes the organization
    that the next sentence of its line names in a role of the project ("Объем инвестиций - 1,2 млрд.
    рублей. Инициатор - ООО «Луч»;", `lexicon.PROJECT_ROLES`)."""
    if following is None or "\n" in text[bounds[1] : following[0]] or any(named):
        return
    if not _ROLE.match(text, following[0]):
        return
    orgs = find_organizations(text[following[0] : following[1]])
    if orgs:
        _set(f, orgs[0], following[0])


_ROLE = re.compile(rf"\s*(?:{'|'.join(lexicon.PROJECT_ROLES)})(?:\s+проекта)?\s*(?:{lexicon.DASH}|:)", re.I)


def mutual_pair(text: str, f: FigureFact, bounds: tuple[int, int], pairs: list[FigureFact]) -> None:
    """ "200 млрд. долл. взаимного товарооборота": the pair named earlier on the page."""
    if f.subject_type is None and pairs and _MUTUAL.search(text[bounds[0] : bounds[1]]):
        p = pairs[-1]
        f.subject, f.subject_code, f.subject_type, f.subject_from = (
            p.subject, p.subject_code, p.subject_type, p.subject_from,
        )  # fmt: skip


_PARAGRAPHS_CACHED = 64
_SENTENCE_END = re.compile(r"[.!?…»\"]\s*$")


def paragraph_country(pages: dict[int, str], page: int, offset: int) -> Territory | None:
    """The last country named before `offset` in its paragraph, which goes on from the previous
    page when this page starts inside a sentence ("гий, созданы …")."""
    text = pages.get(page, "")
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    paragraph = text[start : len(text) if end < 0 else end]
    previous = pages.get(page - 1, "")
    head = ""
    if start == 0 and previous and (text[:1].islower() or not _SENTENCE_END.search(previous)):
        head = previous[previous.rfind("\n") + 1 :] + " "
    before = [t for at, t in _countries(head + paragraph) if at <= len(head) + offset - start]
    return before[-1] if before else None


@lru_cache(maxsize=_PARAGRAPHS_CACHED)
def _countries(paragraph: str) -> tuple[tuple[int, Territory], ...]:
    """(end offset, country) of the countries a paragraph names, found once per paragraph."""
    return tuple((s.end, s.territory) for s in find_territories(paragraph) if s.territory.type == "country")


def respectively(
    text: str, facts: list[FigureFact], bounds_of: Callable[[FigureFact], tuple[int, int]]
) -> None:
    """ "в Хабаровском и Приморском краях … составил 0,9% и 0,2% соответственно": the i-th figure
    about a list of territories is about its i-th territory; so with a list of figures of the same
    length ("в Республике Калмыкия и Тверской области - на 1,3% и 1,2%")."""
    groups: dict[tuple[int, int], list[FigureFact]] = {}
    for f in facts:
        if f.subject_type == "group" and f.subject_from is not None:
            groups.setdefault((f.subject_from, *bounds_of(f)), []).append(f)
    for (start, a, b), members in groups.items():
        if not (lexicon.RESPECTIVELY.search(text, start, b) or _parallel(text, members)):
            continue
        named = find_territories(text[a:b])
        first = next((s for s in named if a + s.start == start), None)
        run = [s for s in named if first and s.start >= first.start][: len(members)]
        run = coordinated(text[a:b], named, run[-1]) if run else []
        if len(run) == len(members):
            for f, s in zip(members, run, strict=True):
                _set(f, s, a)


def _parallel(text: str, members: list[FigureFact]) -> bool:
    """The figures are one list ("1,3% и 1,2%", "99%, 98% и 93%")."""
    pairs = zip(members, members[1:], strict=False)
    return len(members) > 1 and all(_JOINED.match(text[x.char_end : y.char_start]) for x, y in pairs)
