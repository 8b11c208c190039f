"""Links between neighbouring figures: shared units and scales, parallel kinds, counts."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import Confidence, FigureFact
from pipeline.extract.figures.anaphora import share_of_amount, which_is
from pipeline.extract.figures.words import _WORD, LIST_JOINED, _as_word, _is_verb, _Word, term_start
from pipeline.extract.measures import is_bare, is_change_noun, normal_measure, share_measure
from pipeline.extract.numbers import CURRENCIES
from pipeline.extract.periods import alone_in_brackets, opens_bracket
from pipeline.lexicon import GENERIC_COUNTED
from pipeline.nlp.morph import inflect

# joins the genitive nouns of an elliptical item ("услуг гостиниц и ресторанов")
_AND = frozenset(lexicon.JOINING_CONJUNCTIONS)
_ITEM_LEAD = set(lexicon.ITEM_LEAD_CONJUNCTIONS)
_ITEM_TAIL = {"на", "до"}
_CONNECTOR = re.compile(r"\s*(?:и|или|до|а|,|–|—|-)\s*$")
_OF_WHOLE = re.compile(r"\s*из\s*")  # "11 из 50 компаний": a part of a counted whole
_VERSUS = re.compile(rf"\s*\(?\s*(?:{'|'.join(lexicon.VERSUS_WORDS)})\s*", re.I)
_ALTERNATIVE = re.compile(r"\s+(?:" + "|".join(lexicon.ALTERNATIVE_CONJUNCTIONS) + r")\s+", re.I)

CURRENCY_REACH = 600  # characters before a bare scaled amount searched for a money figure
THOUSANDS = 3  # power of ten from which a bare amount is money-like ("30 миллионов")
COUNT_REACH = 200  # characters between a count and "из которых N" that shares its noun
RELATIVE_REACH = 20  # characters before a number searched for "из которых"


def _inherit_currency(text: str, facts: list[FigureFact], reach: int = CURRENCY_REACH) -> None:
    """A bare "30 миллионов" near a money figure (before, else after) is in its currency."""
    money = _money_stated(text, facts)
    for f in facts:
        if f.unit is not None or f.unit_mult < THOUSANDS:
            continue
        before = [g for g in money if 0 <= f.char_start - g.char_end < reach]
        after = [g for g in money if 0 <= g.char_start - f.char_end < reach // 2]
        near = before[-1] if before else after[0] if after else None
        if near is not None:
            f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, Confidence.GUESS


def _money_stated(text: str, facts: list[FigureFact]) -> list[FigureFact]:
    """The money figures a bare amount may take its currency from: not the equivalents that open the
    bracket right after another figure ("— 316 млн (около 5 млн долларов)": the amount is in the
    currency of the list's "368 млн рублей", its bracket restates it in another)."""
    return [f for i, f in enumerate(facts) if f.money and not (i and opens_bracket(text, facts[i - 1], f))]


def _shares_unit(a: FigureFact, b: FigureFact, between: str, after: str) -> bool:
    """A bare number printed before a figure with a unit (not a count) shares it: a scaled amount
    before money across a connector ("98 млрд и 360 млрд руб.", "от 5 млрд до 7 млрд руб."), any
    number before alternatives ("5 или 7 %") or in values said to go with a list of things or
    years (the sentence `after` them says "соответственно": "74 и 72% соответственно"). Without it
    "1 и 0,6%" is as often two quantities ("– 3 хозяйствующих субъекта, доля 13,9%; … – 1 и 0,6%":
    a count and a share). A longer bare list ("30, 40 и 50 %") is a number row to `rules.keep`."""
    if a.unit is not None or b.unit in (None, "COUNT") or a.value_max is not None:
        return False
    if a.unit_mult and b.unit in CURRENCIES:
        return _CONNECTOR.match(between) is not None
    if _ALTERNATIVE.fullmatch(between):
        return True
    joined = LIST_JOINED.fullmatch(between) is not None
    return joined and (lexicon.RESPECTIVELY.search(after) is not None or _paired_after(after))


_PAIR_PREPOSITIONS = "|".join(p for p in lexicon.PLACE_PREPOSITIONS if p not in lexicon.JOINING_CONJUNCTIONS)
_PAIR_ITEM = r"([А-Яа-яЁё]+|\d{4})"
_PAIR_AFTER = re.compile(
    rf"[^.;:()]{{0,40}}?\b(?:{_PAIR_PREPOSITIONS})\s+{_PAIR_ITEM}\s+и\s+{_PAIR_ITEM}\b", re.I
)


def _paired_after(after: str) -> bool:
    """Two things joined by "и" after a preposition right after the values, alike in part of speech
    ("23 и 27 процентов в Приморской и Амурской областях", "… в 2018 и 2019 годах"): the values go
    with them in turn, so the first shares the unit."""
    m = _PAIR_AFTER.match(after)
    if m is None:
        return False
    first, second = m.groups()
    if first.isdigit() or second.isdigit():
        return first.isdigit() and second.isdigit()
    words = _Word(0, 0, first), _Word(0, 0, second)
    return any(words[0].has(pos) and words[1].has(pos) for pos in ("ADJF", "NOUN"))


def _link(text: str, found: list[FigureFact], end: int) -> None:
    """Share units across "98 млрд и 360 млрд руб.", "74 и 72% соответственно", "11 из 50 компаний",
    "с X до Y" (figures of one sentence, which ends at `end`)."""
    for a, b in reversed(list(zip(found, found[1:], strict=False))):  # a list shares its last unit
        if _shares_unit(a, b, text[a.char_end : b.char_start], text[b.char_end : end]):
            a.unit, a.unit_raw, a.confidence = b.unit, b.unit_raw, Confidence.COUNTED
            a.unit_mult = a.unit_mult or b.unit_mult  # "12 и 15 млрд рублей": the scale printed once
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if a.qualifier == ">" and b.qualifier == "=" and re.fullmatch(r"\s*и\s*", between):
            b.qualifier = ">"
        if a.unit is None and b.unit in {None, "COUNT"} and _OF_WHOLE.fullmatch(between):
            a.unit = b.unit = "COUNT"  # "11 из 50 компаний", "1,33 из 4-х млн.": part of a whole
            a.counted, a.confidence = b.counted, Confidence.DERIVED
            if not a.unit_mult and b.unit_mult and a.value < b.value:
                a.unit_mult = b.unit_mult  # "1,33 из 4-х млн.": the scale is printed once
        if b.unit is None and a.unit is not None and _VERSUS.fullmatch(between):
            b.unit, b.unit_raw, b.counted, b.confidence = a.unit, a.unit_raw, a.counted, Confidence.INFERRED
        from_to = re.search(r"\b[сС]\s*$", text[max(0, a.char_start - len("с ")) : a.char_start])
        if (
            b.qualifier == "<="
            and (a.unit or b.unit)
            and from_to
            and re.match(r"\s*до\b", text[b.char_start :])
        ):
            b.qualifier = "="  # "с 10,63 до 11,29 млрд", "с 40 до 47 организаций": the level reached
            if a.unit is None:
                a.unit, a.unit_raw, a.counted, a.confidence = (
                    b.unit,
                    b.unit_raw,
                    b.counted,
                    Confidence.INFERRED,
                )
            if not a.unit_mult and b.unit_mult:
                a.unit_mult = b.unit_mult  # the scale is printed once
    for f in found:
        if f.unit is None and f.unit_mult:
            cur = _money_stated(text, found)
            if cur:
                near = min(cur, key=lambda g: abs(g.char_start - f.char_start))
                f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, Confidence.INFERRED


def bracketed_parallels(text: str, found: list[FigureFact]) -> None:
    """ "занимают США (46,6 млн чел.), второе – Германия (12,0), третье – Россия (11,6)": a bare
    number alone in brackets after a figure alone in brackets, with no other number between, is in
    the same unit (the unit printed once, in the first bracket). Runs before `rules.keep`, which
    drops a bare bracketed number as a label ("уравнение (1)")."""
    for a, b in zip(found, found[1:], strict=False):
        if (
            a.unit is None
            or b.unit is not None
            or not (alone_in_brackets(text, a) and alone_in_brackets(text, b))
        ):
            continue
        between = text[a.char_end : b.char_start]
        if len(between) <= PARALLEL_REACH and not re.search(r"\d", between):
            b.unit, b.unit_raw, b.unit_mult, b.counted = a.unit, a.unit_raw, a.unit_mult, a.counted
            b.confidence = min(b.confidence, Confidence.INFERRED)


PARALLEL_REACH = 80  # characters between two bracketed figures of one list


def _parallel(text: str, found: list[FigureFact]) -> None:
    """A figure in an elliptical aside, or coordinated right after another, takes the kind of the
    figure it parallels.

    "57,04% от всего объема импорта в 2019 году (в 2018 году – 57,12%)": the second is a share too;
    "на 8 и 4 процентных пункта": the "на" of a change is printed once.
    """
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if b.unit != a.unit or b.kind != "level" or a.kind in {"level", "ratio"}:
            continue
        verbs = any(_is_verb(w) for w in map(_as_word, _WORD.finditer(between)))
        if (re.search(r"[(;]", between) and not verbs) or LIST_JOINED.fullmatch(between):
            b.kind = a.kind


_COUNT_MEASURES = set(lexicon.COUNT_MEASURE_HEADS)


_RELATIVE = re.compile(r"\b" + lexicon.subset_opener_pattern("из", "среди") + r"\s*$")


def _count_bare(text: str, facts: list[FigureFact]) -> None:
    """Bare numbers that count: "их общее число составляет 2543", "..., из которых 1991"."""
    for i, f in enumerate(facts):
        if f.unit is not None:
            continue
        words = (f.measure or "").lower().split()
        prev = next((g for g in reversed(facts[:i]) if g.unit == "COUNT"), None)
        near = prev is not None and f.char_start - prev.char_end < COUNT_REACH
        if any(_Word(0, 0, w).lemma in _COUNT_MEASURES for w in words):
            f.unit, f.confidence = "COUNT", Confidence.INFERRED
        elif near and _RELATIVE.search(text[max(0, f.char_start - RELATIVE_REACH) : f.char_start]):
            f.unit, f.counted, f.confidence = "COUNT", prev.counted, Confidence.INFERRED


_OUNCES = re.compile(r"\s*\d+\s*унц")
_OUNCES_REACH = 12


def _weights(text: str, found: list[FigureFact]) -> None:
    """ "8 фунтов 6 унций" is a weight in pounds, not money."""
    for f in found:
        if f.unit == "GBP" and _OUNCES.match(text[f.char_end : f.char_end + _OUNCES_REACH]):
            f.unit = "LB"


_SEGMENT_START = re.compile(r"[,;(]")
_OR = re.compile(r"\s*,?\s*или\s*(?:на\s*)?", re.I)
_HEAD_END = {"PREP", "CONJ"}  # a measure's head group ends before its first preposition or conjunction
_NAMES = {"Geox", "Name", "Surn", "Orgn"}
_GENERIC_COUNTED = {None, *GENERIC_COUNTED}


_BENCHMARK_ASIDE = re.compile(
    r" *\( *(?:в +)?средн[а-яё]* +(?:по +)?[А-ЯЁа-яё]+(?: +[А-ЯЁа-яё]+){0,3} *[-–—] *"
)  # "(средний по России - ", "(в среднем по Российской Федерации – ": the same measure elsewhere


def _elliptical(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """A figure with no measure in a list that leaves its noun out takes the head group of the
    previous figure's measure in the sentence: "цены на мясо снизились на 0,4%, на 0,3% - молоко"
    → "цены"; "производства мяса - 6 раз, мясных полуфабрикатов - 10 раз" → "производство мясных
    полуфабрикатов"; "(с начала года - выросла на 4,1%)" keeps the sentence's subject. An item that
    names a genitive group varies the last genitive group of the measure its run opened with, even
    where the item's clause gave the figure a measure (`_varied_item`)."""
    first = {id(f): f.measure for f in facts}  # before this pass: "цены на капусту" three times
    leads: dict[int, str] = {}  # a varied item → the measure its run of items opened with
    for k, (a, b) in enumerate(zip(facts, facts[1:], strict=False)):
        if a.unit == b.unit and a.measure and _BENCHMARK_ASIDE.fullmatch(text, a.char_end, b.char_start):
            b.measure = a.measure  # "346,3 тыс. рублей (средний по России - 510,2 тыс. рублей)"
            continue
        if (
            _varied_item(text, a, b, leads)
            or _varied_adjective(text, a, b, sentences)
            or which_is(text, a.char_end, b)
        ):
            continue  # "…, что к уровню 2014 года составило 124,2%": the same measure, whole
        source = share_measure(text, a) or a.measure
        if share_measure(text, b):
            continue  # "дают 43 % ВВП, обеспечивают занятостью 38 % работников": a share of its own
        start = next((s for s, e in sentences if s <= b.char_start < e), b.char_start)
        seen = {None, a.measure, *(first[id(g)] for g in facts[: k + 1] if g.char_start >= start)}
        own = b.measure not in seen and normal_measure(b.measure) is not None
        if own or not source or is_bare(source) or b.counted not in _GENERIC_COUNTED:
            continue
        if not any(s <= a.char_start and b.char_end <= e for s, e in sentences):
            continue
        between = text[a.char_end : b.char_start]
        if LIST_JOINED.fullmatch(between):  # "на 8 и 4 процентных пункта": one measure for both
            b.measure, b.confidence = source, min(b.confidence, Confidence.INFERRED)
            continue
        cut = max((m.end() for m in _SEGMENT_START.finditer(between)), default=0)
        rest = between[cut:]
        words = _item_words([_as_word(m) for m in _WORD.finditer(rest) if _is_item_word(rest, m)])
        if any(_subject_like(w) for w in words) and any(_is_verb(w) for w in words):
            continue  # a clause of its own: "..., а экспорт вырос на 5%"
        if b.measure and any(is_change_noun(w.text) for w in words):
            continue  # "13% при среднегодовом темпе прироста 4%": a change of its own
        if any(_done(w) for w in words):
            continue  # "…, занято более 103 тыс. человек": what is done to the figure's own thing
        if _only_when(words):
            words = []  # "…, в январе-августе 2017г. - 100,8%": another period of the whole measure
        head = _head_group(source)
        remnant = [w for w in words if w.has("NOUN", "gent") or w.has("ADJF", "gent") or w.lemma in _AND]
        genitive = bool(words) and len(remnant) == len(words) and any(w.has("NOUN", "gent") for w in words)
        swapped = _new_object(source, head, words) or _new_instrumental(source, words)
        if swapped or not genitive:  # a new object replaces the measure's; none keeps it whole
            b.measure = swapped or (head if words else source)
        else:
            noun = _head_noun(head)
            named = words[0].lemma == _Word(0, 0, noun.split()[-1]).lemma  # "средства внебюджетных фондов"
            b.measure = " ".join([*([] if named else [noun]), *(w.text for w in words)])
        b.confidence = min(b.confidence, Confidence.INFERRED)


def _varied_item(text: str, a: FigureFact, b: FigureFact, leads: dict[int, str]) -> bool:
    """ "удельный вес обрабатывающих производств составил 55,1%, добычи полезных ископаемых - 25,8%",
    "Индекс производства продукции растениеводства - 104,6%, животноводства - 113,9%": an item
    "<common genitive group> –" right after a figure of the same unit stands for the last genitive
    group of the measure its run of items opened with ("удельный вес добычи полезных ископаемых",
    "индекс производства продукции животноводства"); sets `b.measure` and records the run's
    measure in `leads`."""
    gap = _GENITIVE_ITEM.fullmatch(text, a.char_end, b.char_start)
    whole = leads.get(id(a), a.measure)
    if gap is None or a.unit != b.unit or not whole or is_bare(whole):
        return False
    item = [_as_word(m) for m in _WORD.finditer(gap.group(1))]
    nouns = [w for w in item if w.has("NOUN")]
    if not nouns or nouns[0].tags[0].tag.case != "gent" or any(_is_verb(w) for w in item):
        return False
    if not (item[0] is nouns[0] or item[0].has("ADJF", "gent") or item[0].has("PRTF", "gent")):
        return False
    words = [_Word(0, 0, w) for w in whole.split()]
    group = _last_genitive_group(words)
    if group is None:
        return False
    kept = [w.text for w in words]
    b.measure = " ".join([*kept[: group[0]], gap.group(1), *kept[group[1] :]])
    b.confidence = min(b.confidence, Confidence.INFERRED)
    leads[id(b)] = whole
    return True


def _varied_adjective(text: str, a: FigureFact, b: FigureFact, sentences: list[tuple[int, int]]) -> bool:
    """ "Экспортные поставки сократились на 2,9%…, импортные увеличились на 1,1%" → "импортные
    поставки"; "рост номинальной заработной платы … 110,6%, реальной – 107,6%" → "реальная заработная
    плата …": a clause opened by an adjective standing alone leaves out the noun of the previous
    figure's measure, and replaces the adjective of that measure it contrasts with (one written
    earlier in the sentence in the same case, number and gender). Sets `b.measure`."""
    if not a.measure or b.measure not in {None, a.measure}:
        return False
    between = text[a.char_end : b.char_start]
    cut = max((m.end() for m in _SEGMENT_START.finditer(between)), default=None)
    if cut is None:  # no clause of its own
        return False
    words = [_as_word(m) for m in _WORD.finditer(between[cut:])]
    words = words[1:] if words and words[0].lemma in _ITEM_LEAD else words
    if not words or not _lone_adjective(words):
        return False
    start = next((s for s, e in sentences if s <= a.char_start < e), None)
    if start is None:
        return False
    earlier = [_as_word(m) for m in _WORD.finditer(text[start : a.char_start])]
    measure = [_Word(0, 0, w) for w in a.measure.split()]
    for k, w in enumerate(measure):
        form = _contrasted(w, words[0], earlier)
        if form:
            b.measure = " ".join([*(x.text for x in measure[:k]), form, *(x.text for x in measure[k + 1 :])])
            b.confidence = min(b.confidence, Confidence.INFERRED)
            return True
    return False


def _lone_adjective(words: list[_Word]) -> bool:
    """The first word is a descriptive adjective with no noun or adjective after it."""
    first = words[0]
    if not first.has("ADJF") or {"Apro", "Anum"} & set(first.tags[0].tag.grammemes):
        return False
    return len(words) == 1 or not (words[1].has("NOUN") or words[1].has("ADJF"))


def _contrasted(word: _Word, lone: _Word, earlier: list[_Word]) -> str | None:
    """`lone` in `word`'s form, when `word` is another adjective that `earlier` writes in a form
    `lone` shares ("номинальной" and "реальной": both feminine genitive)."""
    if not word.has("ADJF") or word.lemma == lone.lemma:
        return None
    if not any(w.lemma == word.lemma and _same_form(w, lone) for w in earlier):
        return None
    target = word.tags[0].tag
    grams = {target.case, target.number} | ({target.gender} if target.number == "sing" else set())
    own = next((p for p in lone.tags if p.tag.POS == "ADJF"), None)
    form = own and inflect(own, grams)
    return form.word if form else None


def _same_form(a: _Word, b: _Word) -> bool:
    """Some adjective parses of both words share case, number and (singular) gender."""

    def forms(w: _Word) -> set[tuple]:
        return {
            (p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing" else None)
            for p in w.tags
            if p.tag.POS == "ADJF"
        }

    return bool(forms(a) & forms(b))


_GENITIVE_ITEM = re.compile(
    rf"\s*,\s+([а-яё][^\d()%;:.]*?)\s*{lexicon.DASH}\s*(?:на\s+)?"
)  # ", животноводства - "


def _last_genitive_group(words: list[_Word]) -> tuple[int, int] | None:
    """(start, end) of the last adjective-and-noun group of the genitive run after a measure's head
    noun ("индекс производства продукции [растениеводства]", "удельный вес [обрабатывающих
    производств] в отгруженных товарах"), else None."""
    head = next((k for k, w in enumerate(words) if w.has("NOUN")), None)
    if head is None:
        return None
    end = head + 1
    while end < len(words) and any(words[end].has(pos, "gent") for pos in ("NOUN", "ADJF", "PRTF")):
        end += 1
    if end == head + 1 or not words[end - 1].has("NOUN"):
        return None
    start = end - 1
    while start > head + 1 and not words[start - 1].has("NOUN"):
        start -= 1
    return start, end


def _done(w: _Word) -> bool:
    """A short passive participle that neither links nor changes ("занято", "создано"): the figure
    after it is what it says was done, no item of the list before."""
    return any(p.tag.POS == "PRTS" and p.normal_form not in _LINKS_OR_CHANGES for p in w.tags)


_LINKS_OR_CHANGES = frozenset({*lexicon.LINK_VERBS, *lexicon.CHANGE_VERBS})


def _is_item_word(text: str, m: re.Match) -> bool:
    """A word of a list item: not a number nor an abbreviated time ("(2013г.) до 60 процентов")."""
    return m.group()[:1].isalpha() and not (len(m.group()) == 1 and text[m.end() : m.end() + 1] == ".")


def _new_object(source: str, head: str, words: list[_Word]) -> str | None:
    """ "цены на валидол - на 3,2%, таурин - на 1,4%": the item replaces the object of the
    measure's preposition ("цены на таурин"), when it is a noun group of its own."""
    rest = source[len(head) :].split()
    nouns = [w for w in words if w.has("NOUN")]
    nominal = nouns and all(w.has("NOUN") or w.has("ADJF") for w in words)
    if not rest or not nominal or not _Word(0, 0, rest[0]).has("PREP"):
        return None
    return " ".join([head, rest[0], *(w.text for w in words)])


def _new_instrumental(source: str, words: list[_Word]) -> str | None:
    """ "Укомплектованность врачебными кадрами составляет – 46 %, средними медицинскими работниками –
    59 %": an item in the instrumental replaces the instrumental complement that ends the measure,
    after its head noun ("укомплектованность средними медицинскими работниками", "обеспеченность
    населения средним медицинским персоналом")."""
    measure = [_Word(0, 0, w) for w in source.split()]
    start = len(measure)
    while start > 1 and (measure[start - 1].has("NOUN", "ablt") or measure[start - 1].has("ADJF", "ablt")):
        start -= 1
    complement = measure[start:]
    if not complement or not words or not _instrumental_group(complement) or not _instrumental_group(words):
        return None
    if not any(w.has("NOUN") for w in measure[:start]):
        return None
    return " ".join([*(w.text for w in measure[:start]), *(w.text for w in words)])


def _instrumental_group(words: list[_Word]) -> bool:
    """Adjectives and nouns in the instrumental, ending with a noun."""
    return words[-1].has("NOUN", "ablt") and all(
        w.has("NOUN", "ablt") or w.has("ADJF", "ablt") for w in words
    )


def _only_when(words: list[_Word]) -> bool:
    """The item's words only say when ("в январе-августе"): time nouns and prepositions."""
    times = [w for w in words if all(_Word(0, 0, part).lemma in _TIMES for part in w.text.split("-"))]
    return bool(times) and all(w in times or w.has("PREP") for w in words)


_TIMES = lexicon.time_lemmas()


def _item_words(words: list[_Word]) -> list[_Word]:
    """The words of a list item without its leading "а"/"и" and a trailing "на"/"до" ("а услуг
    гостиниц и ресторанов - на 1,9%"), when any remain."""
    item = words
    while item and item[0].lemma in _ITEM_LEAD:
        item = item[1:]
    while item and item[-1].lemma in _ITEM_TAIL:
        item = item[:-1]
    return item or words  # "на 0,3% - молоко": the "на" alone keeps its say


def _apposition(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """ "31,8 млн. человек, или 44,0% составляли работники": two figures of one thing, the first
    without a measure takes the second's; "прирост населения уменьшился на 40,3 тыс. человек, или
    на 25,2%": the second takes the first's, or is the share of what the first counts in the whole
    it names ("численность работающих … – 5,8 тыс. чел. или 22,2% от численности населения,
    занятого в экономике" → "доля работающих … в численности населения, занятого в экономике")."""
    for a, b in zip(facts, facts[1:], strict=False):
        if not _OR.fullmatch(text[a.char_end : b.char_start]):
            continue
        if a.measure is None and b.measure:
            a.measure = b.measure
        elif a.measure and not is_bare(a.measure):
            bounds = next(((s, e) for s, e in sentences if s <= b.char_start < e), (b.char_start, len(text)))
            b.measure = share_of_amount(text, a, b, bounds) or a.measure


def _part_of_whole(text: str, facts: list[FigureFact]) -> None:
    """ "в 57 из 182 этнических групп": the part counts what its whole counts."""
    for a, b in zip(facts, facts[1:], strict=False):
        if (
            a.unit == "COUNT"
            and a.measure is None
            and b.measure
            and _OF_WHOLE.fullmatch(text[a.char_end : b.char_start])
        ):
            a.measure = b.measure


def _subject_like(w: _Word) -> bool:
    """A common noun whose best parse is nominative: it may be the subject of its own clause."""
    tag = w.tags[0].tag
    return tag.POS == "NOUN" and tag.case == "nomn" and not _NAMES & set(tag.grammemes)


def _head_noun(head: str) -> str:
    """The noun heading a group ("денежные средства" → "средства"; "цены" stays), with the
    adjectives of a fixed term ("среднемесячная заработная плата")."""
    words = [_Word(0, 0, w) for w in head.split()]
    noun = next((i for i, w in enumerate(words) if w.has("NOUN")), 0)
    return " ".join(w.text for w in words[term_start(words, noun) : noun + 1])


def _head_group(measure: str) -> str:
    """A measure up to its first preposition or conjunction ("цены на мясо" → "цены"), without a
    change noun at its head ("рост производства мяса" → "производства мяса")."""
    from pipeline import lexicon

    words = [_Word(0, 0, w) for w in measure.split()]
    while len(words) > 1 and words[0].lemma in lexicon.CHANGE_NOUNS:
        words = words[1:]
    end = next(
        (
            i
            for i, w in enumerate(words)
            if i and w.tags and w.tags[0].tag.POS in _HEAD_END and not _joins_genitives(words, i)
        ),
        None,
    )
    return " ".join(w.text for w in words[:end])


def _joins_genitives(words: list[_Word], i: int) -> bool:
    """words[i] is an "и" between two genitives ("объем экспорта мяса и молока", adjectives of one
    noun: "объем внешней и взаимной торговли"): one group."""
    return (
        words[i].lemma in _AND
        and 0 < i < len(words) - 1
        and (words[i - 1].has("NOUN", "gent") or words[i - 1].has("ADJF", "gent"))
        and (words[i + 1].has("NOUN", "gent") or words[i + 1].has("ADJF", "gent"))
    )
