"""Shares of a whole and changes of a named thing, completed from the figure's sentence.

- A share keeps the whole it is a share of: "Доля мяса птицы в структуре выручки предприятий
  выросла на 5%" → "доля мяса птицы в структуре выручки предприятий"; "В структуре продукции
  удельный вес молочной отрасли составляет 10%" → "... в структуре продукции".
- "На долю продукции нижних переделов приходится 28%" → "доля продукции нижних переделов".
- A change that names no thing takes the thing of the sentence's earlier figure: "экспорт
  увеличился на 9,8%, при этом среднегодовой рост ... достиг 20%" → "среднегодовой рост экспорта".
- The amount of a change named by a change noun measures the thing changed: "вызвано увеличением
  числа умерших на 25 человек (на 15,1%)" → "число умерших", both figures.
"""

from __future__ import annotations

import re
from itertools import takewhile

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import FigureFact
from pipeline.extract.figures.words import (
    _WORD,
    DASHES,
    LIST_JOINED,
    _as_word,
    _is_verb,
    _Word,
    as_written,
    object_noun,
)
from pipeline.extract.measures import (
    figure_indicator,
    is_change_noun,
    locative,
    names_people,
    names_share,
    normal_measure,
)
from pipeline.extract.periods import LIST_ITEM_LINES, is_item_line, lead_in_above
from pipeline.nlp.morph import inflect, is_abbreviation, nominative

SHARE_HEADS = lexicon.SHARE_HEADS
_WHOLE_NOUN = "структура"
_STRUCTURE = "структуре"  # "в структуре занятых": a whole of people keeps its structure word
_PROPER = lexicon.PROPER_NAME_GRAMMEMES  # "доля Украины": a name's genitive keeps its capital
_PERSON = lexicon.PERSON_NAME_GRAMMEMES
_FRAMES = set(lexicon.FRAME_NOUNS)  # "объем продукции растениеводства": the part is "продукции …"
_TOTALS = set(lexicon.TOTAL_ADJECTIVES)  # "от общей численности занятых"
_ALL = "весь"  # "от всего объема импорта": "в объеме импорта"
_VOLUME = {"объём", "объем"}
_SHARE_VERB = "приходиться"
_OWNER_VERBS = set(lexicon.SHARE_VERBS)  # "наибольшая доля принадлежит пищевым продуктам"
_BRACKETS = {"(", ")"}
_INSIDE_GROUP = {"и", *_BRACKETS}  # "крупным и средним предприятиям", "крестьянским (фермерским) хозяйствам"
_CHANGE_HEADS = set(lexicon.CHANGE_NOUNS)
_SAME_CHANGE = re.compile(
    r"\s*(?:\(|,?\s*или)\s*(?:на\s*)?", re.I
)  # "на 25 человек (на 15,1%)", "…, или на 0,06%"
_SHARE_CUES = set(lexicon.SHARE_CUES)
_RATIOS = (  # heads of measures of their own: a percentage of them is no share of a part
    lexicon.BARE_MEASURES
    | set(lexicon.CHANGE_NOUNS)
    | set(lexicon.INSTRUMENTAL_HEADS)
    | set(lexicon.RATIO_HEADS)
)
_RATIO_HEADS = frozenset(lexicon.RATIO_HEADS)
WHOLE_WORDS = 4  # genitive words kept in the whole a share is of
PART_WORDS = 5  # genitive words kept after "на долю" ("трех крупнейших экспортируемых товарных групп")


def complete_shares(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """The passes of the module doc, on every figure with a unit."""
    changed: dict[int, str] = {}  # figure index → the thing its change noun names
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if bounds is None or f.unit is None:
            continue
        words = [_as_word(m) for m in _WORD.finditer(text, bounds[0], f.char_start)]
        thing = _changed_thing(words) or _bracketed_change(text, facts, i, changed)
        if thing:
            f.measure = changed[i] = thing
            continue
        if f.unit == "PERCENT":  # "на долю X приходится N%" says what N is a share of
            falls_to = _share_falls_to(text, f, words, bounds[1])
            f.kind = "share" if falls_to and f.kind == "level" else f.kind
            earlier = [g for g in facts[:i] if g.char_start >= bounds[0] and g.measure]
            divided = _whole_falls_to(words) or _given_to(words, earlier)
            f.kind = "share" if divided and f.kind == "level" else f.kind
            f.measure = _share_allotted(words) or falls_to or divided or _share_belongs_to(words) or f.measure
            owned = _stake(words) if f.kind in ("level", "target") and not names_share(f.measure) else None
            f.measure, f.kind = (owned, "share") if owned else (f.measure, f.kind)
        if f.measure and _head(f.measure) in SHARE_HEADS and " в " not in f.measure:
            whole = whole_of(words) or (_opening_whole(words) if f.unit == "PERCENT" and falls_to else None)
            f.measure = f"{f.measure} {whole}" if whole else f.measure
        earlier = [g for g in facts[:i] if g.char_start >= bounds[0] and g.measure]
        if f.measure and earlier and change_without_thing(f.measure):
            thing = thing_of(earlier[-1].measure)
            f.measure = f"{f.measure} {thing}" if thing and thing not in f.measure else f.measure


def proportion_shares(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """ "соотношение городского и сельского населения составляло 60,8% и 39,2%, а на начало 2019 года -
    68,2% и 31,8%": pairs of percentages joined by "и" after a proportion of two parts
    (`lexicon.PROPORTION_NOUNS`) are the shares of its parts in order ("доля городского населения",
    "доля сельского населения"), in the whole stated before it ("В структуре оборота розничной
    торговли соотношение …" → "… в обороте розничной торговли"). Run after the passes that carry a
    measure along a list."""
    for start, end in sentences:
        if sum(start <= f.char_start < end and f.unit == "PERCENT" for f in facts) < _PAIR:
            continue  # no pair of percentages: no word to read
        words = [_as_word(m) for m in _WORD.finditer(text, start, end)]
        at = next((k for k, w in enumerate(words) if w.lemma in _PROPORTIONS), None)
        parts = _proportion_parts(words[at + 1 :]) if at is not None else None
        if not parts:
            continue
        after = [f for f in facts if words[at].end <= f.char_start and f.char_end <= end]
        whole = whole_of(words[:at])
        for pair in _joined_pairs(text, [f for f in after if f.unit == "PERCENT"]):
            for f, part in zip(pair, parts, strict=True):
                f.measure = " ".join([lexicon.SHARE_NOUN, part, *([whole] if whole else [])])
                f.kind = "share"
                f.indicator = figure_indicator(text, f, (start, end)) or f.indicator


_PROPORTIONS = frozenset(lexicon.PROPORTION_NOUNS)
_PAIR = 2  # percentages a proportion of two parts states at a time


def _proportion_parts(words: list[_Word]) -> list[str] | None:
    """The two parts a proportion names in the genitive: "городского и сельского населения" →
    ["городского населения", "сельского населения"], "мужчин и женщин" → ["мужчин", "женщин"]."""
    group = list(takewhile(lambda w: w.lemma == "и" or _genitive(w), words))
    joins = [k for k, w in enumerate(group) if w.lemma == "и"]
    if len(joins) != 1 or joins[0] == 0 or joins[0] == len(group) - 1:
        return None
    first, second = group[: joins[0]], group[joins[0] + 1 :]
    if all(w.has("ADJF") for w in first):  # the noun is printed once, after the second part
        nouns = _from_noun(second)
        if not nouns:
            return None
        first = [*first, *nouns]
    if not any(w.has("NOUN") for w in first) or not any(w.has("NOUN") for w in second):
        return None
    return [" ".join(w.text for w in first), " ".join(w.text for w in second)]


def _from_noun(words: list[_Word]) -> list[_Word]:
    """The words from the first noun on."""
    k = next((i for i, w in enumerate(words) if w.has("NOUN")), len(words))
    return words[k:]


def _joined_pairs(text: str, figures: list[FigureFact]) -> list[tuple[FigureFact, FigureFact]]:
    """Consecutive figures of one list ("N% и M%"), each figure in one pair at most."""
    pairs, k = [], 0
    while k + 1 < len(figures):
        a, b = figures[k], figures[k + 1]
        if LIST_JOINED.fullmatch(text, a.char_end, b.char_start):
            pairs.append((a, b))
            k += 2
        else:
            k += 1
    return pairs


def _changed_thing(words: list[_Word]) -> str | None:
    """ "увеличением числа умерших на", "снижение объемов лесозаготовки, на", "снижением численности
    лиц, систематически занимающихся физической культурой и спортом на": the genitive group right
    after a change noun, when only its participle phrase stands between it and the "на" right before
    the figure, in the nominative."""
    if len(words) < 3 or words[-1].lemma != "на":
        return None
    change = next((k for k in range(len(words) - 2, -1, -1) if is_change_noun(words[k].text)), None)
    if change is None:
        return None
    end = _genitive_end(words[:-1], change)
    group, rest = words[change + 1 : end], words[end:-1]
    if not any(w.has("NOUN", "gent") for w in group) or not _participle_phrase(rest):
        return None
    return nominative(" ".join(w.text for w in group))


def _genitive_end(words: list[_Word], change: int) -> int:
    """Where the common genitive group right after the change noun at `change` ends."""
    end = change + 1
    while end < len(words) and _common_genitive(words[end]) and end - change <= WHOLE_WORDS:
        end += 1
    return end


def lead_change_thing(words: list[_Word]) -> str | None:
    """ "наблюдается увеличение объемов отгруженной продукции … у предприятий:": the thing the last
    change noun of a list's lead-in names (its genitive group, in the nominative), else None."""
    change = next((k for k in range(len(words) - 1, -1, -1) if is_change_noun(words[k].text)), None)
    if change is None:
        return None
    group = words[change + 1 : _genitive_end(words, change)]
    return nominative(" ".join(w.text for w in group)) if any(w.has("NOUN", "gent") for w in group) else None


def _participle_phrase(words: list[_Word]) -> bool:
    """Nothing, a comma, or ", [adverbs] <participle> …" without a verb or another figure's word."""
    if not words or [w.text for w in words] == [","]:
        return True
    k = 1
    while k < len(words) and words[k].has("ADVB"):
        k += 1  # ", систематически занимающихся"
    return (
        words[0].text == ","
        and k < len(words)
        and words[k].has("PRTF")
        and not any(_is_verb(w) or not w.text[:1].isalpha() and w.text != "," for w in words[1:])
    )


def _bracketed_change(text: str, facts: list[FigureFact], i: int, changed: dict[int, str]) -> str | None:
    """ "на 25 человек (на 15,1%)": the same change in other units measures the same thing."""
    if i == 0 or i - 1 not in changed:
        return None
    between = text[facts[i - 1].char_end : facts[i].char_start]
    return changed[i - 1] if _SAME_CHANGE.fullmatch(between) else None


def whole_of(words: list[_Word]) -> str | None:
    """What a share is a share of, the nearest one stated: "в экспорте" after the share word
    ("Наибольшая доля в экспорте на Украину"), "в экспорте" for "в структуре экспорта", "в общем
    объеме услуг", "в объеме инвестиций" for "от объема инвестиций"."""
    found = None
    for k, w in enumerate(words[:-2]):
        if w.lemma in SHARE_HEADS and words[k + 1].lemma == "в" and words[k + 2].has("NOUN", "loct"):
            found = "в " + _run(words, k + 2)
        elif _part_share(words, k) and (j := _past_part(words, k + 1)) > k + 1 and _opens_whole(words, j):
            noun = next(i for i in range(j + 1, len(words)) if words[i].has("NOUN", "loct"))
            adjectives = [x.text.lower() for x in words[j + 1 : noun]]  # "в суммарном экспорте"
            found = " ".join(["в", *adjectives, _run(words, noun)])  # "доля … населения в численности …"
        elif w.lemma == "в" and words[k + 1].lemma == _WHOLE_NOUN and _genitive_or_abbreviation(words[k + 2]):
            found = "в " + _whole_group(_run(words, k + 2))
        elif w.lemma == "от" and words[k + 1].has("NOUN", "gent") and not words[k + 1].text[:1].isupper():
            found = "в " + locative(_run(words, k + 1))
        elif w.lemma == "в" and (j := _volume_at(words, k + 1)) is not None:
            found = " ".join(["в", *(x.text.lower() for x in words[k + 1 : j]), _run(words, j)])
    return found


def _part_share(words: list[_Word], k: int) -> bool:
    """A share word at `k` that names its part after it, not "на долю" (`_share_falls_to`)."""
    return words[k].lemma in SHARE_HEADS and (k == 0 or words[k - 1].lemma != "на")


def _past_part(words: list[_Word], k: int) -> int:
    """After the part named in the genitive right after a share word (an adverb of one of its
    adjectives included: "экономически активного населения")."""
    while k < len(words) and (_common_genitive(words[k]) or words[k].has("ADVB")):
        k += 1
    return k


def _opens_whole(words: list[_Word], j: int) -> bool:
    """ "в" + a common noun in the locative at `j` that is no place, its adjectives before it ("в
    (общей) численности населения", not "в районе")."""
    if j >= len(words) or words[j].lemma != "в":
        return False
    k = j + 1
    while k < len(words) and words[k].has("ADJF", "loct"):
        k += 1
    noun = words[k] if k < len(words) else None
    return (
        noun is not None
        and noun.has("NOUN", "loct")
        and noun.text[:1].islower()
        and noun.lemma not in lexicon.PLACE_NOUNS
    )


def _whole_group(run: str) -> str:
    """The whole of "в структуре X" in the locative ("в структуре экспорта" → "экспорте"); people
    named by a participle keep the structure ("в структуре занятых", not "в занятых")."""
    people = not _Word(0, 0, run.split()[0]).has("NOUN") and names_people(run.split()[-1])
    return f"{_STRUCTURE} {run}" if people else locative(run)


def _opening_whole(words: list[_Word]) -> str | None:
    """ "В обороте розничной торговли 31,5% принадлежит крупным предприятиям": the common noun group
    in the locative that opens the sentence of a share falling to a group is its whole (not a place
    or a time: "В районе", "В 2016 году")."""
    if len(words) < 2 or words[0].lemma != "в":
        return None
    k = 1
    while k < len(words) and words[k].has("ADJF", "loct") and not words[k].text[:1].isupper():
        k += 1
    if k >= len(words) or not words[k].has("NOUN", "loct") or words[k].text[:1].isupper():
        return None
    if words[k].lemma in _NOT_WHOLES:
        return None
    return " ".join(["в", *(w.text.lower() for w in words[1:k]), _run(words, k)])


_NOT_WHOLES = set(lexicon.PLACE_NOUNS) | set(lexicon.LOCAL_PLACE_NOUNS) | lexicon.time_lemmas()


def _volume_at(words: list[_Word], k: int) -> int | None:
    """Index of "объеме" in "общем объеме услуг" (adjectives, "объеме" in the locative, then a
    genitive noun) starting at `k`, else None."""
    while k < len(words) and words[k].has("ADJF", "loct"):
        k += 1
    volume = k + 1 < len(words) and words[k].lemma in _VOLUME and words[k].has("NOUN", "loct")
    after = k + 1
    while volume and after < len(words) - 1 and words[after].has("ADJF", "gent"):
        after += 1  # "в общем объеме внешнеторгового оборота"
    return k if volume and words[after].has("NOUN", "gent") else None


def _run(words: list[_Word], lo: int) -> str:
    """The word at `lo` with the common genitive words after it (no names: places are subjects)."""
    hi = lo + 1
    while hi < len(words) and hi - lo <= WHOLE_WORDS and _common_genitive(words[hi]):
        hi += 1
    return " ".join(
        w.text if _is_abbreviation(w) else w.text.lower() for w in words[lo : _object_end(words, hi)]
    )


def _common_genitive(w: _Word) -> bool:
    return not w.text[:1].isupper() and _genitive(w)


def _object_end(words: list[_Word], i: int) -> int:
    """After a "в/на + accusative" object at `i` ("инвестиций в основной капитал"), else `i`."""
    noun = object_noun(words, i)
    return i if noun is None else noun + 1


_TO_GENITIVE = frozenset({"nomn", "accs", "loct"})


def genitive(words: list[_Word]) -> str:
    """A nominative, accusative or locative noun group in the genitive: its coordinated heads and
    their adjectives ("остатки и отходы пищевой промышленности" → "остатков и отходов пищевой
    промышленности", "пластмассы и изделия из них" → "пластмасс и изделий из них", a share where it
    is made: "в обрабатывающих производствах (15,7%)" → "доля обрабатывающих производств …")."""
    out, zone, after_noun = [], True, False
    nominative_group = any(
        (w.has("ADJF", "nomn") or w.has("ADJF", "accs")) and not w.has("ADJF", "loct") for w in words
    )
    for k, w in enumerate(words):
        joining = w.lemma in {"и", "или", ","}
        zone = zone and (not after_noun or joining or _name_goes_on(words, k)) and not w.has("PREP")
        after_noun = w.has("NOUN") and not _attributive(w, words[k + 1 : k + 2]) if not joining else False
        form = None
        if zone and not joining:
            cases = {p.tag.case for p in w.tags} & _TO_GENITIVE
            # a locative only when no other reading is left, in a group no adjective puts in the
            # nominative or accusative ("озимая и яровая тритикале": the noun only looks locative)
            cases = cases - {"loct"} or (set() if nominative_group else cases)
            form = next((inflect(p, {"gent"}) for p in w.tags if p.tag.case in cases), None)
        named = form is not None and w.text[:1].isupper() and bool(_PROPER & form.tag.grammemes)
        kept = w.text if k and w.text[:1].isupper() else w.text.lower()  # "Mail.ru Group", "Дурова"
        if _is_abbreviation(w):
            out.append(w.text)  # an abbreviation as written ("доля СНГ в экспорте")
            continue
        out.append((form.word.capitalize() if named else form.word) if form is not None else kept)
    return " ".join(out).replace(" ,", ",")


def _name_goes_on(words: list[_Word], k: int) -> bool:
    """A person's name continues with a capitalized surname or patronymic ("Павел Дуров")."""
    if k == 0:
        return False
    before, w = words[k - 1], words[k]
    return (
        before.text[:1].isupper()
        and w.text[:1].isupper()
        and any(_PERSON & p.tag.grammemes for p in before.tags)
        and any(_PERSON & p.tag.grammemes for p in w.tags)
    )


def _attributive(w: _Word, following: list[_Word]) -> bool:
    """A word read as a noun that may be an adjective of the noun after it ("яровая пшеница")."""
    adjective = any(p.tag.POS in {"ADJF", "PRTF"} for p in w.tags)
    return adjective and bool(following) and following[0].has("NOUN")


def _share_allotted(words: list[_Word]) -> str | None:
    """ "на долю X приходится": "доля X" (X a common genitive noun group, not "их", "которого")."""
    verb = next((k for k in range(len(words) - 1, -1, -1) if words[k].lemma == _SHARE_VERB), None)
    if verb is None or verb < 2:
        return None
    at = next((k for k in range(verb - 1, 0, -1) if _allotted(words, k)), None)
    if at is None:
        return None
    if at + 1 < verb and words[at + 1].lemma == lexicon.RELATIVE_PRONOUN:
        return _antecedent_share(words, at - 1)
    end = at + 1
    while end < verb and end - at <= PART_WORDS and _part_word(words[end]):
        end += 1
    part = words[at + 1 : end]
    return (
        f"{lexicon.SHARE_NOUN} " + " ".join(w.text for w in part)
        if any(w.has("NOUN") for w in part)
        else None
    )


def _share_falls_to(text: str, f: FigureFact, before: list[_Word], end: int) -> str | None:
    """ "52% приходилось населению, 2% - бюджетным организациям", "30% приходится на сельское
    хозяйство", "В обороте торговли 31,5% принадлежит крупным предприятиям, 40,2% - малым": the
    share of the group the figure falls to or belongs to ("доля населения")."""
    after = [_as_word(m) for m in _WORD.finditer(text, f.char_end, end)]
    k = 1 if after and after[0].text in DASHES else 0
    said = k < len(after) and after[k].lemma in _OWNER_VERBS
    if not (said or k and any(w.lemma in _OWNER_VERBS for w in before)):
        return None  # an elliptical item needs the verb earlier in its sentence
    k += said
    case = "accs" if k < len(after) and after[k].lemma == "на" else "datv"
    k += case == "accs"
    if not said and k < len(after) and not any(p.tag.case == case for p in after[k].tags):
        case = "nomn"  # "…, 42,8% - малым предприятиям и 1% - продажа товаров на ярмарках"
    hi = k
    while (
        hi < len(after)
        and hi - k < PART_WORDS
        and (_in_case(after[hi], case, hi > k) or hi > k and after[hi].text in _INSIDE_GROUP)
    ):
        hi += 1
    group = [w for w in after[k:hi] if w.text not in _BRACKETS]
    while group and group[-1].text in _INSIDE_GROUP:
        group.pop()
    if not any(w.has("NOUN", case) for w in group) or group[0].text[:1].isupper():
        return None
    return f"{lexicon.SHARE_NOUN} " + _group_genitive(group, case)


def _whole_falls_to(words: list[_Word]) -> str | None:
    """ "Наибольшее количество малых предприятий приходится на торговлю - 35,3%, строительство -
    12,6%": a percentage after a dash in the list of what a whole falls to is that part's share of
    the whole ("доля торговли в числе малых предприятий", "доля строительства в …")."""
    verb = next((k for k in range(len(words) - 1, 0, -1) if words[k].lemma == _SHARE_VERB), None)
    if (
        verb is None
        or verb + 2 >= len(words) - 1
        or words[verb + 1].lemma != "на"
        or words[-1].text not in DASHES
    ):
        return None
    group = words[_item_start(words, verb + 2) : -1]
    if not group or len(group) > PART_WORDS or any(_is_verb(w) for w in group) or group[0].text[:1].isupper():
        return None
    whole = _nominative_whole(words[:verb])
    if whole is None or not any(w.has("NOUN", "accs") for w in group):
        return None
    return f"{lexicon.SHARE_NOUN} {_group_genitive(group, 'accs')} в {whole}"


_ITEM_SEPARATORS = {",", ";"}


def _item_start(words: list[_Word], lo: int) -> int:
    """Where the last item of a list starting at `lo` starts (after its last comma or semicolon)."""
    return max([lo, *(k + 1 for k in range(lo, len(words)) if words[k].text in _ITEM_SEPARATORS)])


def _given_to(words: list[_Word], earlier: list[FigureFact]) -> str | None:
    """ "отпуск тепловой энергии составил 93,76 тыс.Гкал: населению 75%, бюджетофинансируемым
    организациям 11%": a percentage right after a group in the dative (a dash between them or not),
    in the list after the amount of a whole, is that group's share of it ("доля населения в отпуске
    тепловой энергии")."""
    colon = max((k for k, w in enumerate(words) if w.text == ":"), default=None)
    amounts = [g for g in earlier if colon is not None and g.char_end <= words[colon].start]
    if not amounts or amounts[-1].unit == "PERCENT":
        return None
    start = _item_start(words, colon + 1)
    group = words[start:-1] if words[-1].text in DASHES else words[start:]
    if (
        not group
        or len(group) > PART_WORDS
        or not all(_in_case(w, "datv", k > 0) for k, w in enumerate(group))
    ):
        return None
    whole = _nominative_whole(_words(amounts[-1].measure))
    if whole is None or not group[-1].has("NOUN", "datv") or group[0].text[:1].isupper():
        return None
    return f"{lexicon.SHARE_NOUN} {_group_genitive(group, 'datv')} в {whole}"


def _nominative_whole(words: list[_Word]) -> str | None:
    """The noun group in the nominative a clause opens with, in the locative, without the adjectives
    that rank it ("Наибольшее количество малых предприятий" → "числе малых предприятий"); of a part
    noun, its genitive ("Основная часть инвестиций" → "инвестициях")."""
    head = next((k for k, w in enumerate(words) if w.has("NOUN", "nomn")), None)
    if head is None or any(not w.has("ADJF") for w in words[:head]) or words[head].text[:1].isupper():
        return None
    end = head + 1
    while end < len(words) and _common_genitive(words[end]):
        end += 1
    if words[head].lemma in lexicon.PART_NOUNS:
        return locative(" ".join(w.text.lower() for w in words[head + 1 : end])) if end > head + 1 else None
    count = words[head].lemma in lexicon.COUNT_HEADS
    form = inflect(_Word(0, 0, lexicon.COUNT_MEASURE_HEADS[0]).tags[0], {"loct"}) if count else None
    form = form or next((inflect(p, {"loct"}) for p in words[head].tags if p.tag.case == "nomn"), None)
    return " ".join([form.word, *(w.text.lower() for w in words[head + 1 : end])]) if form else None


def _group_genitive(group: list[_Word], case: str) -> str:
    """A noun group in `case` in the genitive: its heads and their adjectives, not the genitive
    words after a head ("хозяйства населения" → "хозяйств населения")."""
    out, head_seen, kept = [], False, False
    for i, w in enumerate(group):
        joins = w.text in _JOINS
        if joins and i + 1 < len(group) and _opens_conjunct(group[i + 1], case):
            head_seen = kept = False  # "услугам системы образования и социальным услугам": a new head
        kept = head_seen and not joins or kept and joins  # "предприятия транспорта и связи"
        out.append(w.text.lower() if kept else _to_genitive(w, case))
        attribute = i + 1 < len(group) and group[i + 1].text not in _JOINS and _adjective_in(w, case)
        head_seen = (head_seen or w.has("NOUN", case) and not attribute) and not (joins and not kept)
    return " ".join(out)


_JOINS = {*lexicon.JOINING_CONJUNCTIONS, ","}


def _opens_conjunct(w: _Word, case: str) -> bool:
    """A word in the group's case that no genitive reading could attach to the head before it."""
    in_case = any(p.tag.POS in {"NOUN", "ADJF", "PRTF"} and p.tag.case == case for p in w.tags)
    return in_case and not _genitive(w)


def _adjective_in(w: _Word, case: str) -> bool:
    """Some parse is an adjective in `case` ("малым": best a noun, "малое")."""
    return any(p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == case for p in w.tags)


def _share_belongs_to(before: list[_Word]) -> str | None:
    """ "наибольшая доля принадлежит пищевым продуктам – 64,8%, бытовым услугам – 14,5%", "…
    приходится на пищевые продукты – 64,8%": the share of the group between the verb (or the
    previous item's comma) and the dash (or a distributive "по": "транспортным и медицинским
    услугам по 1,7 %") before the figure; an item of adjectives only ("санаторно-оздоровительным –
    20,7 %") is of the noun of the item before it."""
    if len(before) < 4 or before[-1].text not in DASHES and before[-1].lemma != _EACH:
        return None
    verb = next((k for k in range(len(before) - 2, 0, -1) if before[k].lemma in _OWNER_VERBS), None)
    if verb is None or not any(w.lemma in SHARE_HEADS for w in before[:verb]):
        return None
    case = "accs" if before[verb + 1].lemma == "на" else "datv"
    k = max([verb + 1, *(i + 1 for i in range(verb, len(before)) if before[i].text == ",")])
    k += before[k].lemma == "на"
    group = before[k:-1]
    if not group or _longest_conjunct(group) > PART_WORDS or group[0].text[:1].isupper():
        return None
    agrees = all(_in_case(w, case, i > 0) or w.lemma in _AND_OR for i, w in enumerate(group))
    if agrees and not any(w.has("NOUN", case) for w in group):
        noun = next((w for w in reversed(before[verb + 1 : k]) if w.has("NOUN", case)), None)
        group = [*group, noun] if noun is not None and all(_adjective_in(w, case) for w in group) else []
    if not agrees or not any(w.has("NOUN", case) for w in group):
        return None
    return f"{lexicon.SHARE_NOUN} " + _group_genitive(group, case)


def _longest_conjunct(group: list[_Word]) -> int:
    """Words of the longest part of a group joined by "и"/"или" ("услугам гостиниц и аналогичным
    местам размещений": 3)."""
    lengths, n = [], 0
    for w in group:
        n = 0 if w.lemma in _AND_OR else n + 1
        lengths.append(n)
    return max(lengths, default=0)


_EACH = "по"  # "услугам связи по 1,7 %": the same share for each item
_AND_OR = frozenset(lexicon.JOINING_CONJUNCTIONS)


def _stake(before: list[_Word]) -> str | None:
    """An owner's stake governed by an owning verb (`lexicon.OWNING_VERBS`) before the figure in its
    clause: "доля" and the owner named right before the figure's bracket ("владеют Mail.ru Group (39,9
    %)"), else the verb's subject ("акционеры NYSE Euronext будут владеть 36 %"), else
    `lexicon.STAKE_MEASURE`."""
    clause = before[max((k + 1 for k, w in enumerate(before) if w.text in _CLAUSE_MARKS), default=0) :]
    verb = next((k for k in range(len(clause) - 1, -1, -1) if clause[k].lemma in _OWNING), None)
    if verb is None:
        return None
    owner = _named_before_bracket(clause[verb + 1 :]) or _owning_subject(clause[:verb])
    return f"{lexicon.SHARE_NOUN} {owner}" if owner else lexicon.STAKE_MEASURE


def _named_before_bracket(words: list[_Word]) -> str | None:
    """The Latin name right before the figure's bracket: "Mail.ru Group (39,9 %)"."""
    if len(words) < 2 or words[-1].text != "(":
        return None
    k = len(words) - 1
    while k > 0 and (_name_word(words[k - 1].text) or words[k - 1].text in _NAME_JOINS):
        k -= 1
    name = as_written(words[k:-1])
    return name if name and lexicon.LATIN_LETTER.search(name) else None


def _name_word(word: str) -> bool:
    return word[:1].isupper() or bool(lexicon.LATIN_LETTER.match(word))


def _owning_subject(words: list[_Word]) -> str | None:
    """The last nominative noun before the verb with the Latin names after it, in the genitive
    ("акционеры NYSE Euronext" → "акционеров NYSE Euronext")."""
    if any(w.lemma == lexicon.RELATIVE_PRONOUN for w in words):
        return None  # "консорциум …, который владеет": too far to tell
    noun = next((k for k in range(len(words) - 1, -1, -1) if words[k].has("NOUN", "nomn")), None)
    if noun is None or not words[noun].text[:1].islower():
        return None
    names = list(takewhile(lambda w: lexicon.LATIN_LETTER.match(w.text), words[noun + 1 :]))
    return " ".join([_to_genitive(words[noun], "nomn"), *(w.text for w in names)])


_OWNING = frozenset(lexicon.OWNING_VERBS)
_CLAUSE_MARKS = {";", ":"}
_NAME_JOINS = frozenset(lexicon.NAME_JOINS)


def _in_case(w: _Word, case: str, later: bool) -> bool:
    """A word of a noun group in `case`; genitive words may follow its head ("отраслям экономики")."""
    return w.has("NOUN", case) or w.has("ADJF", case) or w.has("PRTF", case) or later and _genitive(w)


def _to_genitive(w: _Word, case: str) -> str:
    form = next((inflect(p, {"gent"}) for p in w.tags if p.tag.case == case), None)
    return form.word if form is not None else w.text.lower()


def _antecedent_share(words: list[_Word], at: int) -> str | None:
    """ "преобладает несырьевой экспорт, на долю которого приходится": the share of the nominative
    noun group right before the comma ("доля несырьевого экспорта")."""
    if at < 1 or words[at - 1].text != ",":
        return None
    lo = at - 1
    while lo > 0 and (words[lo - 1].has("NOUN", "nomn") or words[lo - 1].has("ADJF", "nomn")):
        lo -= 1
    group = words[lo : at - 1]
    if not group or not group[-1].has("NOUN", "nomn") or group[-1].text[:1].isupper():
        return None
    return f"{lexicon.SHARE_NOUN} " + genitive(group)


def _allotted(words: list[_Word], k: int) -> bool:
    return words[k].lemma == lexicon.SHARE_NOUN and words[k - 1].lemma == "на"


def _genitive_or_abbreviation(w: _Word) -> bool:
    """A genitive word, or an abbreviation, which has no case ("в структуре ВРП")."""
    return _genitive(w) or _is_abbreviation(w)


def _is_abbreviation(w: _Word) -> bool:
    return is_abbreviation(w.text)


def _genitive(w: _Word) -> bool:
    return w.has("NOUN", "gent") or w.has("ADJF", "gent") or w.has("PRTF", "gent")  # "обрабатывающей"


def _part_word(w: _Word) -> bool:
    """A genitive word of the part after "на долю": also a numeral or participle ("трех
    крупнейших экспортируемых товарных групп")."""
    return _genitive(w) or w.has("NUMR", "gent") or w.has("PRTF", "gent")


def change_without_thing(measure: str) -> bool:
    """ "среднегодовой рост", "темп прироста": adjectives and change nouns only."""
    words = [_Word(0, 0, w) for w in measure.split()]
    return any(w.lemma in _CHANGE_HEADS for w in words) and all(
        w.lemma in _CHANGE_HEADS or w.has("ADJF") for w in words
    )


def thing_of(measure: str) -> str | None:
    """The thing a measure names, in the genitive ("экспорт" → "экспорта", "рост экспорта" →
    "экспорта"), or None when it names no thing."""
    words = [_Word(0, 0, w) for w in measure.split()]
    while words and (words[0].lemma in _CHANGE_HEADS or words[0].has("ADJF") and len(words) > 1):
        if words[0].lemma in _CHANGE_HEADS:
            return " ".join(w.text for w in words[1:]) or None  # already in the genitive
        words = words[1:]
    if not words or not words[0].has("NOUN", "nomn"):
        return None
    head = next(k for k, w in enumerate(words) if w.has("NOUN"))  # the head group ends at its noun
    out = []
    for w in words[: head + 1]:
        form = next((inflect(p, {"gent"}) for p in w.tags if p.tag.case == "nomn"), None)
        out.append(form.word if form is not None else w.text)
    return " ".join([*out, *(w.text for w in words[head + 1 :])])


def _head(measure: str) -> str:
    return _Word(0, 0, measure.split()[0]).lemma


def part_shares(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """After the figures' kinds are settled (`resolve`): a share whose measure names a part, not a
    ratio, is "доля" of the part (with the whole stated), and has that share's indicator, when its
    sentence speaks of shares before it ("Среди привлеченных средств наибольший вес имели кредиты
    банков – 49%", "…, доля объема производства … составляет 13,9%") or states the whole ("Экспортные
    поставки в общем объеме внешнеторгового оборота занимают 56,9%"), when the whole follows it
    ("работают более 100 тысяч человек (20% от общей численности занятых)"), or when it is an item
    of a list whose lead-in names a structure ("В структуре ВРП основными видами деятельности
    являлись:" ⏎ "обрабатывающие производства - 18,0%;": a share, not a level)."""
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if bounds is None or f.unit != "PERCENT" or f.kind not in ("level", "share"):
            continue
        if not f.measure or _head(f.measure) in SHARE_HEADS and " в " not in f.measure:
            _place_share(text, f, facts[:i], bounds)  # "Украина - 13,0% от …", "Швейцария - 14,0% общего …"
        if not f.measure:
            _share_of_whole_only(text, f, bounds)
            continue
        listed = listed_whole(text, f)
        after = whole_after(text, f, bounds[1])
        if f.kind == "level" and listed is None and after is None:
            continue
        f.kind = "share"
        label = _item_label(text, f) if listed is not None else []
        words, framed = (label, False) if label else _part(f.measure)
        nouns = [w for w in words if w.has("NOUN") or w.text.isupper()]
        lead = [_as_word(m) for m in _WORD.finditer(text, bounds[0], f.char_start)]
        if after and {w.lemma for w in nouns} <= {w.lemma for w in _words(after)}:
            continue  # "текстиль и обувь - 10,81% от всего объема импорта": the measure is the whole
        whole = after or whole_of(lead) or listed or None
        cue = whole or listed is not None or any(w.lemma in _SHARE_CUES for w in lead)
        if not nouns or nouns[0].lemma in _RATIOS or _head(f.measure) in _RATIO_HEADS or not cue:
            continue  # "уровень безработицы - 1,2% от активного населения": a rate, no part of it
        part = " ".join(w.text for w in words) if framed else genitive(words)
        f.measure = " ".join(filter(None, [lexicon.SHARE_NOUN, part, whole]))
        f.indicator = figure_indicator(text, f, bounds) or f.indicator


def _place_share(text: str, f: FigureFact, before: list[FigureFact], bounds: tuple[int, int]) -> None:
    """A share listed after a place and a dash, of the whole stated after it or by the list's first
    item ("Украина - 13,0% от общего объема внешнеторгового оборота Курской области, Беларусь - 8,0%")
    is that place's share: "доля Украины в общем объеме внешнеторгового оборота"."""
    from pipeline.extract.territories import find_territories

    if f.kind != "share":
        return
    start = max(bounds[0], *(text.rfind(c, 0, f.char_start) + 1 for c in ",;:("))
    words = [_as_word(m) for m in _WORD.finditer(text, start, f.char_start)]
    if len(words) < 2 or words[-1].text not in DASHES:
        return
    label = " ".join(w.text for w in words[:-1])
    places = find_territories(label)
    if not places or places[0].start > 0 or places[-1].end < len(label):
        return
    whole = (
        whole_after(text, f, bounds[1])
        or _genitive_whole(text, f, bounds[1])
        or earlier_whole(before, bounds)
    )
    if whole:
        f.measure = f"{lexicon.SHARE_NOUN} {genitive(words[:-1])} {whole}"
        f.indicator = figure_indicator(text, f, bounds) or f.indicator


def _genitive_whole(text: str, f: FigureFact, end: int) -> str | None:
    """The whole in the genitive right after a share ("14,0% общего объема внешнеторгового оборота"),
    in the locative ("в общем объеме внешнеторгового оборота")."""
    words = [_as_word(m) for m in _WORD.finditer(text, f.char_end, end)]
    if not words or not _common_genitive(words[0]):
        return None
    run = _run(words, 0)
    return "в " + locative(run) if any(_Word(0, 0, w).has("NOUN") for w in run.split()) else None


def earlier_whole(before: list[FigureFact], bounds: tuple[int, int]) -> str | None:
    """The whole of the sentence's earlier share, for the next items of its list ("руды (51,8% от
    общего объема экспорта), продовольственные товары и сырье (23,4%)")."""
    earlier = [g for g in before if g.char_start >= bounds[0] and g.kind == "share" and g.measure]
    whole = earlier[-1].measure.partition(" в ")[2] if earlier else ""
    return f"в {whole}" if whole and _head(earlier[-1].measure) in SHARE_HEADS else None


def _part(measure: str) -> tuple[list[_Word], bool]:
    """The words of a share's part, and whether they are in the genitive already: without a frame
    head ("объем продукции растениеводства" → "продукции растениеводства")."""
    words = _words(measure)
    framed = len(words) > 1 and words[0].lemma in _FRAMES and words[1].has("NOUN", "gent")
    return (words[1:], True) if framed else (words, False)


def listed_whole(text: str, f: FigureFact) -> str | None:
    """For a figure on an item line of a list ("- образование (9,1%);", "строительство - 12,6%;")
    whose lead-in speaks of a structure or shares ("Наибольший удельный вес в структуре занятых
    занимают следующие отрасли:", "В структуре ВРП … являлись:"), the whole it names ("в структуре
    занятых", "в ВРП"), "" when it names none; None for any other figure."""
    line = text.rfind("\n", 0, f.char_start) + 1
    stop = text.find("\n", f.char_end)
    own = text[line : stop if stop >= 0 else len(text)]
    if not (is_item_line(own) or _after_item(text, line)):
        return None
    if any(_is_verb(w) for w in map(_as_word, _WORD.finditer(text, line, f.char_start))):
        return None  # a clause of its own, not a named item
    above = lead_in_above(text, line, is_item_line, LIST_ITEM_LINES)
    words = [_as_word(m) for m in _WORD.finditer(text, *above)] if above else []
    if not any(w.lemma in _SHARE_CUES for w in words):
        return None
    return whole_of(words) or ""


def _item_label(text: str, f: FigureFact) -> list[_Word]:
    """The words of an item line before the dash of its figure ("сельское хозяйство, охота и лесное
    хозяйство - 17,5%;"), or [] when the figure follows no dash."""
    line = text.rfind("\n", 0, f.char_start) + 1
    words = [_as_word(m) for m in _WORD.finditer(text, line, f.char_start)]
    words = words[1:] if words and words[0].text in DASHES else words  # the bullet
    return words[:-1] if len(words) > 1 and words[-1].text in DASHES else []


def _share_of_whole_only(text: str, f: FigureFact, bounds: tuple[int, int]) -> None:
    """A percentage that names no part but the whole after it ("Это 57,6% от общего объема долга
    регионов") is a share in that whole: "доля в общем объеме долга регионов"."""
    after = whole_after(text, f, bounds[1])
    if after:
        f.measure, f.kind = normal_measure(f"{lexicon.SHARE_NOUN} {after}"), "share"


def _after_item(text: str, line: int) -> bool:
    """The line before `line` is an item of a list (the last item ends with a full stop)."""
    return line > 0 and is_item_line(text[text.rfind("\n", 0, line - 1) + 1 : line - 1])


def whole_after(text: str, f: FigureFact, end: int) -> str | None:
    """The whole a share names right after it: "от общей численности занятых" → "в общей численности
    занятых", "от всего объема импорта" → "в объеме импорта" (a total's adjective is kept unless it
    is "весь"; other adjectives too: "от среднегодовой численности занятых"), "(52% в структуре
    производства зерна" → "в производстве зерна"."""
    words = [_as_word(m) for m in _WORD.finditer(text, f.char_end, end)]
    if len(words) > 2 and words[0].lemma == "в" and words[1].lemma == _WHOLE_NOUN:
        return "в " + _whole_group(_run(words, 2)) if _genitive_or_abbreviation(words[2]) else None
    if not words or words[0].lemma != "от":
        return None
    k = 1
    while k < len(words) and words[k].lemma in _TOTALS and words[k].has("ADJF", "gent"):
        k += 1
    noun = k
    while noun < len(words) and words[noun].has("ADJF", "gent") and not words[noun].text[:1].isupper():
        noun += 1  # "от среднегодовой численности занятых"
    common = noun < len(words) and words[noun].has("NOUN", "gent") and not words[noun].text[:1].isupper()
    if not (common or k == noun < len(words) and _is_abbreviation(words[k])):  # "от ВВП России"
        return None
    totals = [w.text.lower() for w in words[1:k] if w.lemma != _ALL]
    return "в " + locative(" ".join([*totals, _run(words, k)]))


def _words(phrase: str) -> list[_Word]:
    return [_as_word(m) for m in _WORD.finditer(phrase)]
