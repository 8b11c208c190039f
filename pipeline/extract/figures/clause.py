"""A figure's clause: period, kind, measure (morphology), subject and verb-implied qualifier."""

from __future__ import annotations

import re

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.bases import has_relative_cue
from pipeline.extract.facts import DateFact, FigureFact
from pipeline.extract.figure_context import (
    base_right_after,
    is_base,
    later_periods,
    reaches_level,
    set_period,
)
from pipeline.extract.figures.frames import money_noun_group
from pipeline.extract.figures.properties import after_preposition, property_measure
from pipeline.extract.figures.words import (
    _WORD,
    DASHES,
    ON_ADJECTIVE_BEFORE,
    ON_ADJECTIVE_REACH,
    ON_BEFORE,
    _as_word,
    _is_verb,
    _Word,
    as_written,
    noun_in_case,
    object_noun,
    term_start,
)
from pipeline.extract.indicators import abbreviated_indicator
from pipeline.extract.periods import (
    after_number_in_brackets,
    alone_in_brackets,
    bracketed,
    bracketed_date,
    earlier_item,
    in_aside,
    in_gerund_phrase,
    in_parenthesis,
    lead_in_above,
    undated_size,
    verb_in,
)
from pipeline.extract.subjects import names_source
from pipeline.extract.territories import is_currency_country
from pipeline.nlp.morph import inflect, nominative

_CHANGE = (set(lexicon.CHANGE_VERBS) | set(lexicon.CHANGE_NOUNS)) - {"изменение", "темп"}

GENITIVE_RUN = 4  # genitive words after a noun kept in its phrase


_TARGET = set(lexicon.PLAN_WORDS)
_ESTIMATE = set(lexicon.ESTIMATE_VERBS)
_PROJECT = set(lexicon.PROJECT_NOUNS)
_PROJECT_CUES = set(lexicon.PROJECT_CUES)
PROGRAMME_FINANCING = "programme_financing"  # the catalog entry of a programme's financing, which plans
LEAD_LINES = 12  # list lines walked back to the lead-in ending in a colon
_ITEM_LINE = re.compile(r"(?:[-–—•·*]|\d{1,2}[.)]\s|[а-яё])")  # a list item: a bullet, "1)", a small letter


_INDEX = set(lexicon.INDEX_NOUNS)
_CHANGE_HEADS = {"темп", *lexicon.TREND_NOUNS}  # their genitive change noun states the change
_INDEX_CHANGE = set(lexicon.INDEX_CHANGE_NOUNS)
_RELATIVE_REACH = 40  # characters after a figure searched for "к предыдущему году"
_FULFILMENT = set(lexicon.FULFILMENT_WORDS)
_NORM_SHARE = set(lexicon.NORM_SHARE_WORDS)  # of a plan: "выполнил план … на 97%" is a share
_SHARE = set(lexicon.SHARE_CUES)
_SUBORDINATORS = frozenset(lexicon.SUBORDINATORS)
_NORMS = set(lexicon.NORM_NOUNS)
_OF_NORM = _NORM_SHARE | _FULFILMENT | _NORMS
# a figure that opens with its qualifier and "на": "не менее чем на 200 голов", "почти на 20%"
_QUALIFIED_BY = re.compile(r"(?:(?:" + "|".join(sorted(lexicon.qualifier_words())) + r")\s+)+на\b", re.I)

BY_REACH = 8  # characters before a figure searched for its "на"
# "Импорт из Китая — на 48,8%": a sentence of a noun group, a dash and "на" (no figure or bracket before)
_DASHED_ON = re.compile(rf"(?:^|[.!?]\s+)[^.!?\d()]{{3,80}}\s{lexicon.DASH}\s*на\s*$")
_DASHED_REACH = 100
_FRAME_WORDS = {"в", "на", "-", "–", "—", ":", *lexicon.FRAME_NOUNS}
_AMOUNT_HEAD = "объем"  # the head of an amount a passive participle reports
_LINKS = set(lexicon.LINK_VERBS) | set(lexicon.CHANGE_VERBS)
COMPLEMENT_WORDS = 4  # words of a verb's complement kept in a participle phrase ("в замене")


_TIMES = lexicon.time_lemmas()  # "За 2015 год ... составил": no subject
_CHANGE_VERBS = frozenset(lexicon.CHANGE_VERBS)
_PURPOSE = "цель"  # "в целях …": for the purpose of
_IN = frozenset(lexicon.IN_PREPOSITIONS)
# "по виду деятельности "Строительство"": a quoted name after it is an activity, no organization
_ACTIVITY_NAMED = re.compile(r"\bвид\w*\s+(?:экономической\s+)?деятельности\s*[«\"„“]?\s*$", re.I)
ACTIVITY_REACH = 40
# never the subject a measure is: a time, or a scale word of an earlier figure ("около 1,5 тысячи
# предприятий, на предприятиях работают более 100 тысяч человек")
_NOT_SUBJECTS = _TIMES | set(lexicon.scale_powers())
_VERBS = ("VERB", "INFN")
_PARTITIVE = {"который", "они"}


_OF_WHOLE = {"в"}  # "доля в общем объеме": the preposition of the whole a share is of
_GENERIC_COUNTED = {None, *lexicon.GENERIC_COUNTED}
_BULLETS = {"-", "–", "—", "•", "·", "*"}
_PARENS = re.compile(r"[()]")


def _clause(text: str, f: FigureFact, s_start: int, s_end: int, outer: bool = False) -> list[_Word]:
    """Words of the clause around a figure: its parenthesis, or the sentence without others.

    With `outer`, the clause that holds the figure's parenthesis, up to the parenthesis.
    """
    depth_open: list[int] = []
    groups: list[tuple[int, int]] = []
    for paren in _PARENS.finditer(text, s_start, s_end):
        if paren.group() == "(":
            depth_open.append(paren.start())
        elif depth_open:
            groups.append((depth_open.pop(), paren.start()))
    inner = [g for g in groups if g[0] < f.char_start and f.char_end <= g[1]]
    if inner and outer:
        lo, hi = min(inner, key=lambda g: g[0])
        f = FigureFact(lo, hi + 1, 0.0, None)
    elif inner:
        lo, hi = max(inner, key=lambda g: g[0])
        s_start, s_end = lo + 1, hi
    skip = [g for g in groups if g[0] >= s_start and g[1] < s_end and not inner_of(g, f)]
    words = [
        _Word(m.start(), m.end(), m.group())
        for m in _WORD.finditer(text, s_start, s_end)
        if not skip or not any(a <= m.start() <= b for a, b in skip)
    ]
    semi = [w.start for w in words if w.text == ";"]
    lo = max([p for p in semi if p < f.char_start], default=s_start)
    hi = min([p for p in semi if p >= f.char_end], default=s_end)
    lo = _own_clause_after_colon(words, lo, f) or lo
    return [w for w in words if lo <= w.start < hi and w.start not in semi]


def _own_clause_after_colon(words: list[_Word], lo: int, f: FigureFact) -> int | None:
    """After the last colon before the figure, a clause with a subject and a finite verb of its own
    ("прирост индекса составил 26,8 баллов: в 2016 году индекс составил 226,9 баллов"): the figure's
    clause starts there, not at the lead-in (a list after a colon, "составит: зерна – 1150 тонн",
    has no verb of its own)."""
    colon = max((w.start for w in words if w.text == ":" and lo <= w.start < f.char_start), default=None)
    if colon is None:
        return None
    after = [w for w in words if colon < w.start < f.char_start]
    verb = next((k for k, w in enumerate(after) if w.has("VERB", "indc")), None)
    if verb is None or not any(_agrees(w, after[verb]) for w in after[:verb]):
        return None
    return colon + 1


def _after_partitive(left: list[_Word]) -> list[_Word]:
    """The words after "из которых" / "из них": the figure's own clause ("..., из которых 9,4 млн
    составляет экспорт услуг")."""
    cut = max(
        (k for k in range(1, len(left)) if left[k].lemma in _PARTITIVE and left[k - 1].lemma == "из"),
        default=-1,
    )
    return left[cut + 1 :]


def _partitive_part(right: list[_Word], before: list[FigureFact]) -> str | None:
    """ "167,55 км, из которых 8 км нуждались в замене": the part of the previous figure's thing
    that the verb after the figure says ("протяженность водопроводных сетей, нуждающихся в
    замене")."""
    whole = before[-1].measure if before else None
    if not whole or not right or not right[0].has("VERB") or right[0].lemma in _LINKS:
        return None
    nouns = [_Word(0, 0, w) for w in whole.split()]
    noun = next((w for w in nouns[1:] if w.has("NOUN", "gent")), nouns[0])
    tag = next((p.tag for p in noun.tags if p.tag.POS == "NOUN"), None)
    if tag is None or tag.case is None:
        return None
    agree = _agreement(tag)
    part = _participle(right[0], {tag.case, *agree})
    end = next((k for k, w in enumerate(right) if not w.text[:1].isalpha()), len(right))
    rest = [w.text for w in right[1 : min(end, 1 + COMPLEMENT_WORDS)]]
    return f"{whole}, {' '.join([part, *rest])}" if part else None


def _participle(verb: _Word, grams: set[str]) -> str | None:
    """The active participle of a verb in the given case and number ("нуждались" → "нуждающихся"),
    the full form of a short passive one ("госпитализированы" → "госпитализированных")."""
    top = verb.tags[0]
    if top.tag.POS == "PRTS":
        form = inflect(top, {"PRTF", *grams})
    else:
        form = inflect(top, {"PRTF", "actv", "pres" if top.tag.aspect == "impf" else "past", *grams})
    return form.word if form is not None else None


def _done_to_counted(right: list[_Word]) -> bool:
    """A verb right after a count that says what befell or what did what it counts: no link,
    intransitive ("12 человек погибли"), transitive with no object after it ("100 тысяч человек
    проголосовали в посольствах"), or a short passive participle ("40 человек госпитализированы")."""
    w = right[0]
    if w.lemma in _LINKS:
        return False
    if w.has("VERB", "intr") or w.has("PRTS", "pssv"):
        return True
    return w.has("VERB") and (len(right) == 1 or right[1].has("PREP") or not right[1].text[:1].isalnum())


def inner_of(group: tuple[int, int], f: FigureFact) -> bool:
    return group[0] < f.char_start and f.char_end <= group[1]


def _add_context(
    text: str,
    f: FigureFact,
    bounds: tuple[int, int],
    dates: list[DateFact],
    analysis,
    found: list,
    before: list[FigureFact],
) -> None:
    """Period, kind, measure, subject and a qualifier implied by the verb ("превысил 51%");
    `before`: the figures before it in its sentence and the list items right before it
    (`periods.run_figures`)."""
    s_start, s_end = bounds
    _lower_bound(text, f)
    words = _clause(text, f, s_start, s_end)
    full = [w for w in words if w.end <= f.char_start]
    left = _after_partitive(full)
    right = [w for w in words if w.start >= f.char_end]
    periods = [d for d in dates if not is_base(text, d)]
    period = _period(text, f, words, periods, s_start, s_end, found)
    if period is None and alone_in_brackets(text, f):  # "Большинство (97 %) компаний за 2016–2023 гг."
        period = _period(
            text, f, _clause(text, f, s_start, s_end, outer=True), periods, s_start, s_end, found
        )
    if period is not None and undated_size(text, f, before):
        period = None  # "В 2015 году введены магазины площадью 200 кв. м": the year of the opening
    set_period(f, period, text)
    lead = _lead_in(text, s_start)
    item = _planned_item(text, f, words, bounds, lead)
    f.kind = _kind(text, f, left, right, dates, words, item)
    if f.kind == "share" and alone_in_brackets(text, f) and _states_change(lead):
        f.kind = "change"  # "увеличение … прогнозируется:" ⏎ "в производстве пищевых продуктов (3,2%)"
    if f.kind == "level" and _list_share(f, [g for g in found if s_start <= g.char_start < f.char_start]):
        f.kind = "share"
    if f.kind == "level" and f.unit == "PERCENT" and _whole_before_list(text, f, s_start):
        f.kind = "share"
    if f.kind == "level" and _part_percent(text, f, bounds):
        f.kind = "share"  # "…, из них 594471 (53,7%) - население в трудоспособном возрасте, 187111 (16,9%) …"
    if f.kind == "share" and _percent_of_change(text, f, found):
        f.kind = "change"
    if f.kind == "share" and _bracketed_index(text, f, found, s_start):
        f.kind = "ratio"  # "молока 464 тонны (107 %)": over a whole, an index against an unstated base
    if f.kind in ("level", "target") and _changed_item(text, f) and _states_change(lead):
        f.kind = "change"  # "наблюдается увеличение объемов … у предприятий:" ⏎ "- АО «Х» - на 78,9 %;"
        # also of a forecast: "положительная динамика производства ожидается:" ⏎ "в производстве … на 10,0%"
    measured = f.unit != "COUNT" or f.counted in _GENERIC_COUNTED  # "76,9 млн. человек"
    if measured:
        f.measure = _measure(left, right, counts=f.unit == "COUNT", money=f.money)
    if measured and _opens_change(left) and in_parenthesis(text, f.char_start, s_start):
        outer = _clause(text, f, s_start, s_end, outer=True)  # "производства (рост на 3,7% …)"
        up = [w for w in outer if w.end <= f.char_start]
        f.measure = _changed_group(up, len(up)) or f.measure
    if f.measure is None and measured and not left and full:
        f.measure = _partitive_part(right, [g for g in found if g.char_end <= f.char_start])
        f.kind = "share" if f.measure and f.unit == "PERCENT" else f.kind  # "из которых 8 км": a level
    if f.measure is None and measured and not any(_is_verb(w) for w in left):
        outer = _clause(text, f, s_start, s_end, outer=True)
        if outer != words:
            up = [w for w in outer if w.end <= f.char_start]
            f.measure = _measure(up, [])
            f.kind = _kind(text, f, up, right, dates, outer, item) if f.kind == "level" else f.kind
    f.subject = _subject(text, f, words, left, s_start, s_end, analysis)
    if f.subject and f.subject in _organizations(text, f, analysis, s_start):
        f.subject_type = "org"  # "Выручка «Газпрома» …": kept over the document's territory
    if f.qualifier == "<=" and _level_reached(text, f, left):
        f.qualifier = "="
    if f.qualifier == "=":
        f.qualifier = _verb_qualifier(text, f, left, dates, found) or f.qualifier


def _part_percent(text: str, f: FigureFact, bounds: tuple[int, int]) -> bool:
    """A percentage up to 100 alone in brackets right after the number of a part of a whole stated
    before "из них" / "из которых" in the clause holding the brackets is that part's share."""
    if f.unit != "PERCENT" or f.value > _INDEX_PERCENT or not after_number_in_brackets(text, f):
        return False
    up = [w for w in _clause(text, f, *bounds, outer=True) if w.end <= f.char_start]
    return len(_after_partitive(up)) < len(up)


def _percent_of_change(text: str, f: FigureFact, found: list[FigureFact]) -> bool:
    """A percentage alone in brackets right after a change states that change ("увеличится на 1164
    человека (1,6 %)")."""
    before = [g for g in found if g.char_end <= f.char_start]
    last = before[-1] if before else None
    return (
        last is not None and last.kind == "change" and bracketed(text, last, f) and alone_in_brackets(text, f)
    )


def _bracketed_index(text: str, f: FigureFact, found: list[FigureFact], s_start: int) -> bool:
    """A percentage over 100 alone in brackets is no part of a whole but an index ("мяса 120 тонн
    (112 %)"), unless it is of a norm or a plan ("выше нормы (110%)") or parallels the change its
    sentence states last out of such brackets ("темп роста … составил более 900%), Египет (621%),
    Румыния (561%)": left to the bracket rule, as a change there would take the last year of the
    first one's span; a percentage with a base right after it, "(102,0% к 2016 году)", is an index)."""
    if (
        f.unit != "PERCENT"
        or f.value <= _INDEX_PERCENT
        or not alone_in_brackets(text, f)
        or _of_norm(text, f)
    ):
        return False
    before = [g for g in found if s_start <= g.char_start < f.char_start and g.unit == "PERCENT"]
    stated = [g for g in before if not alone_in_brackets(text, g)]  # the percentage the list goes on from
    last = stated[-1] if stated else None
    return last is None or last.kind != "change" or _BASE_RIGHT_AFTER.match(text, last.char_end) is not None


CHANGE_REACH = 3  # words right before or after a "на X%" searched for its change verb or comparative


def _amount_of(left: list[_Word], right: list[_Word], f: FigureFact) -> bool:
    """Money after "на" right after a noun naming money is its amount ("после получения кредита на 78
    млрд евро страна сократила расходы", `frames.money_noun_group`) unless a comparative follows
    ("кредиты на 5 млрд рублей больше") or a change word governs the noun ("сократила расходы на")."""
    group = money_noun_group(left, f)
    if not group or any(w.text.lower() in lexicon.COMPARATIVES for w in right[:CHANGE_REACH]):
        return False
    start = len(left) - 1 - len(group)
    return not (start and left[start - 1].lemma in _CHANGE)  # "сократила расходы на 5 млрд рублей"


def _changed_around(left: list[_Word], right: list[_Word]) -> bool:
    """A change verb or a comparative right after the figure ("На 0,4% снизились цены", "на 1,5%
    выросли цены"), a comparative right before it ("стали дороже на 0,1%") or before its "чем" and
    base ("было меньше, чем в июле 2016г. на 835 тыс.человек")."""
    after = right[:CHANGE_REACH]
    if any(w.lemma in _CHANGE or w.text.lower() in lexicon.COMPARATIVES for w in after):
        return True
    if any(w.text.lower() in lexicon.COMPARATIVES for w in left[-CHANGE_REACH:]):
        return True
    # "было меньше, чем в июле 2016г. на 835 тыс.человек": a comparative, then its "чем" and base
    compared = [k for k, w in enumerate(left) if w.text.lower() in lexicon.COMPARATIVES]
    return bool(compared) and any(w.text.lower() == "чем" for w in left[compared[-1] + 1 :])


def _level_reached(text: str, f: FigureFact, left: list[_Word]) -> bool:
    """ "до X" is the level a change reaches, not an upper bound: after a change word in any tense
    ("увеличилась до 99,8%", "Увеличение доли … до 39,5%", "снизить долю … до 5%"), unless "до"
    closes a span opened by "от"."""
    if not re.match(r"\s*до\b", text[f.char_start :]):
        return False
    changed = bool({w.lemma for w in left} & _CHANGE) and not _range_end(text, f, left)
    return f.kind == "change" or changed


_EXCEED = {"превысить", "превышать", "превзойти", "превосходить"}


def _verb_qualifier(text, f, left, dates, found) -> str | None:
    """ ">" after "превысил" (also in an ellipsis: "превысил 51%, в 2019 г. – 12%"); "<=" if negated."""
    verb = next((i for i in range(len(left) - 1, -1, -1) if _is_verb(left[i])), None)
    if verb is None or left[verb].lemma not in _EXCEED:
        return None
    gap = list(text[left[verb].end : f.char_start])
    for other in [*dates, *found]:
        if left[verb].end <= other.char_start and other.char_end <= f.char_start:
            gap[other.char_start - left[verb].end : other.char_end - left[verb].end] = " " * (
                other.char_end - other.char_start
            )
    if re.sub(r"\b(?:в|на|за|к|до)\b|[\s,;:–—-]", "", "".join(gap)):
        return None
    return "<=" if verb > 0 and left[verb - 1].lemma == "не" else ">"


_LOWER_BOUND_BEFORE = re.compile(
    r"(?:^|[^\d%\s])\s*\b(" + "|".join(lexicon.LOWER_BOUND_OPENER.heads) + r")\s+$", re.I
)  # "по цене от ", not "25% от "
_UPPER_BOUND_AFTER = re.compile(r"[^.;]{0,80}?\bдо\s+\d", re.I)  # "от 5,2% в 2017 году … до 18,5%"
_BOUND_REACH = 12  # characters before a figure searched for "от" and what precedes it


def _lower_bound(text: str, f: FigureFact) -> None:
    """An amount or a percentage right after "от" with no "до" after it is a lower bound, "от" its
    qualifier word ("по цене от 10 долларов США за одну американскую карточку" → ">=", quote "от 10
    долларов США", as "до 10 долларов США" is "<="); not the whole of a figure right before ("25% от
    200 тыс. рублей")."""
    bounded = f.money or f.unit == "PERCENT"
    if f.qualifier != "=" or not bounded or _UPPER_BOUND_AFTER.match(text, f.char_end):
        return
    lo = max(0, f.char_start - _BOUND_REACH)
    opened = _LOWER_BOUND_BEFORE.search(text, lo, f.char_start)
    if opened:
        f.char_start = opened.start(1)
        f.qualifier = lexicon.LOWER_BOUND_OPENER.code


def _kind(text, f, left, right, dates, words, item: bool = False) -> str:
    """The figure's kind; `item`: it is an item of a plan (`_planned_item`)."""
    lemmas = {w.lemma for w in left}
    if f.unit == "TIMES":
        return "ratio"
    signed = text[max(0, f.char_start - 1) : f.char_start + 1].strip()[:1] in lexicon.PLUS_SIGNS
    signed = signed or (f.value < 0 and text[f.char_start] in lexicon.MINUS_SIGNS)  # "(-11,2%)"
    if signed and f.unit != "COUNT":  # not "+5 градусов"
        return "change"  # "(+175 млн. долл. США)": an increase by that amount
    na_before = ON_BEFORE.search(text, max(0, f.char_start - BY_REACH), f.char_start) or (
        ON_ADJECTIVE_BEFORE.search(text, max(0, f.char_start - ON_ADJECTIVE_REACH), f.char_start)
    )
    own_amount = _amount_of(left, right, f)  # "кредита на 78 млрд евро": no change by it
    if (na_before or _QUALIFIED_BY.match(text, f.char_start)) and lemmas & _CHANGE and not own_amount:
        return "change"
    if na_before and (lemmas & _EXCEED or _changed_around(left, right)) and not own_amount:
        return "change"  # "на 3,5% больше", "превосходит уровень 2017 года на 59%", "На 0,4% снизились цены"
    if f.unit == "PERCENT" and _DASHED_ON.search(text, max(0, f.char_start - _DASHED_REACH), f.char_start):
        return "change"  # "Импорт из Китая — на 48,8%": the change verb of the sentence before left out
    if _reaches(text, f, left):
        return "target"
    if f.unit == "PERCENT" and (_share_after(right) or lemmas & _SHARE or alone_in_brackets(text, f)):
        return "share"
    if f.unit == "PERCENT" and (_of_whole_before(left) or _plural_part(left)):
        return "share"
    planned = _planned(f, left, right, dates, words) or item or _estimated(text, f, left, dates)
    if f.unit == "PERCENT" and planned and _forecast_growth(text, f, left, dates):
        return "ratio"
    if f.unit == "PERCENT" and _index_value(text, f, left, dates, planned):
        return "target" if planned else "level"  # `figure_context` makes one against a base a ratio
    if item and f.unit != "PERCENT":
        return "target"  # "повышение активности граждан путем поддержки 3 проектов": what is planned
    if any(_change_noun(left, k) for k in range(len(left))):
        return "change"
    if f.unit == "PERCENT" and any(w.lemma in _FULFILMENT and (w.has("VERB") or w.has("NOUN")) for w in left):
        return "share"  # "выполнил план по койко-дням за 2015 год на 97%": the part of a plan done
    if planned:
        return "target"
    if f.unit == "PERCENT" and any(w.lemma in _NORM_SHARE and w.has("NOUN") for w in left):
        return "share"  # "Укомплектованность врачебными кадрами составляет – 46 %": the part of a norm met
    if f.unit == "PERCENT" and _to_norm(left):
        return "share"  # "что составило к плану на 2016 год 116,1%": the part of a plan done
    return "level"


_INDEX_PERCENT = 100  # "рост … составил 122,5%": an index from here up; above it no part of a whole
_BASE_RIGHT_AFTER = re.compile(r"\s*к\s", re.I)  # "51,2% к аналогичному периоду 2016 года"


def _index_value(text: str, f: FigureFact, left: list[_Word], dates: list[DateFact], planned: bool) -> bool:
    """A percentage that is an index: after "индекс" (not "снижение индекса … - 1,1%"), after a past
    or present "рост" from 100 % up against a base its clause states (a growth in a forecast or without a
    base stays a change: "среднегодовой темп роста … более 900%"), or with a base right after it
    ("который составил 51,2% к аналогичному периоду 2016 года")."""
    lemmas = {w.lemma for w in left}
    bases = [d for d in dates if is_base(text, d)]
    index = any(w.lemma in _INDEX and not (k and left[k - 1].lemma in _CHANGE) for k, w in enumerate(left))
    growth = lemmas & _INDEX_CHANGE and f.value >= _INDEX_PERCENT and not planned
    if index or growth and _base_before(text, f, left, dates):
        return True
    if not _BASE_RIGHT_AFTER.match(text, f.char_end):
        return False
    return base_right_after(text, f, bases) or has_relative_cue(
        text[f.char_end : f.char_end + _RELATIVE_REACH]
    )


def _base_before(text: str, f: FigureFact, left: list[_Word], dates: list[DateFact]) -> bool:
    """A base between the clause's start and the figure: a date introduced as one, "к 2014 году" in a
    clause of the past ("рост к 2014 году составил 140%") or a relative one ("по сравнению с прошлым
    годом")."""
    start = left[0].start if left else f.char_start
    before = [d for d in dates if start <= d.char_start < f.char_start]
    to_date = any(d.kind == "by" and text[d.char_start : d.char_start + 2].lower() == "к " for d in before)
    return to_date or _stated_base(text, f, left, dates)


_PERCENT_FIGURE = re.compile(r"\d\s*%")
_LISTED_BEFORE = re.compile(r"(?:\d[\d\s]*(?:,\d+)?\s*%\s*(?:,|и|или)\s*)+$")  # "118,8% и " before the figure


def _forecast_growth(text: str, f: FigureFact, left: list[_Word], dates: list[DateFact]) -> bool:
    """A growth from 100 % up in a forecast against a base its clause states before the figure in
    words, not a bare "к 2019 году" that may be a deadline, is an index ("Темп роста к уровню 2015
    года составит 118,8%", "темп роста … по сравнению с прошлым годом, по оценке, составит 105,8%"),
    unless a percentage other than one listed with it stands between the growth and the figure."""
    growth = [w for w in left if w.lemma in _INDEX_CHANGE]
    if not growth or f.value < _INDEX_PERCENT:
        return False
    between = _LISTED_BEFORE.sub("", text[growth[-1].end : f.char_start])  # "составит 118,8% и 122,1%"
    if _PERCENT_FIGURE.search(between):
        return False
    return _stated_base(text, f, left, dates)


def _stated_base(text: str, f: FigureFact, left: list[_Word], dates: list[DateFact]) -> bool:
    """A base date introduced as one between the clause's start and the figure, or a relative base
    ("по сравнению с прошлым годом")."""
    start = left[0].start if left else f.char_start
    before = [d for d in dates if start <= d.char_start < f.char_start]
    return any(is_base(text, d) for d in before) or has_relative_cue(text[start : f.char_start])


def _change_noun(left: list[_Word], k: int) -> bool:
    """A change noun in the nominative by its first reading ("рост", "снижение"; "роста" only after
    "темп" or a trend noun: "тенденция снижения численности … 20-30 человек"), not the name of a
    level indicator ("естественный прирост населения составил 157 человек") nor a genitive
    ("показатель будет уменьшаться из-за снижения стоимости … и составит")."""
    w = left[k]
    rate = k > 0 and left[k - 1].lemma in _CHANGE_HEADS and w.has("NOUN", "gent")  # "Темп роста составил 5%"
    if rate and after_preposition(left, k - 1) and any(_is_verb(x) for x in left[k + 1 :]):
        return False  # "Портфель товарных групп с позитивной динамикой роста составил …": the portfolio's
    if w.lemma not in _CHANGE or not (rate or w.has("NOUN") and w.tags[0].tag.case == "nomn"):
        return False
    return not (k and left[k - 1].lemma in lexicon.INDICATOR_CHANGE_ADJECTIVES)


def _list_share(f: FigureFact, before: list[FigureFact]) -> bool:
    """A percentage in a list after a share of its sentence ("82% от численности занятых …, из них
    65,6 % занято в частных предприятиях, 0,9 % - в КФХ", "- сельское хозяйство – 500,0 тыс. руб.
    (0,5 % от общего объема инвестиций); - обрабатывающие производства – 59,6 млн. руб. (56,6 %)") is
    a share too, unless a change or another kind of percentage comes between."""
    percents = [g for g in before if g.unit == "PERCENT"]
    first = next((k for k, g in enumerate(percents) if g.kind == "share"), None)
    if f.unit != "PERCENT" or first is None:
        return False
    return all(g.kind in ("share", "level") for g in percents[first:])


def _planned(f: FigureFact, left: list[_Word], right: list[_Word], dates: list[DateFact], words) -> bool:
    """A plan or forecast states the figure: a plan word before it ("планируется", "ожидаемый",
    "предусмотрено"; a plan noun or verb not when a verb in the past other than a plan verb governs
    it: "Прогноз … разработан в 3 вариантах", "выполнил план … средний срок лечения 10,6 дней"), a
    deadline ("к 2024 году") or a verb in the future tense."""
    by = [d for d in dates if d.kind == "by" and words and words[0].start <= d.char_start]
    deadline = any(d.char_end <= f.char_start for d in by) and not _past_verb(left)
    financing = _programme_financing(words) and not _past(words)
    verb = next((w for w in reversed(left) if _is_verb(w)), None)
    done = verb is not None and verb.lemma not in _TARGET and verb.tags[0].tag.tense == "past"
    plan = any(
        w.lemma in _TARGET and (w.has("ADJF") or not done) and not _purpose(left, k)
        for k, w in enumerate(left)
    )  # "целевые показатели"
    return plan or deadline or financing or _future(left, right)


def _purpose(words: list[_Word], k: int) -> bool:
    """ "В целях развития ярмарочной торговли … проводится свыше 350 ярмарок": what is done for a
    purpose, no plan."""
    return words[k].lemma == _PURPOSE and k > 0 and words[k - 1].lemma in _IN and words[k].has("NOUN", "plur")


def _estimated(text: str, f: FigureFact, left: list[_Word], dates: list[DateFact]) -> bool:
    """The figure's verb estimates in the present tense and its clause names the period before the
    figure ("В 2018 году оборот розничной торговли оценивается в сумме 101,7 млрд. рублей"): a
    forecast of that period, not a base ("оценивается ростом на 4,4% к уровню 2017 года")."""
    verb = next((w for w in reversed(left) if _is_verb(w)), None)
    if verb is None or verb.lemma not in _ESTIMATE or verb.tags[0].tag.tense == "past":
        return False
    return any(
        left[0].start <= d.char_start and d.char_end <= f.char_start and not is_base(text, d) for d in dates
    )


def _planned_item(
    text: str, f: FigureFact, words: list[_Word], bounds: tuple[int, int], lead: list[_Word]
) -> bool:
    """The figure's clause, stating nothing in the past tense, is an item of a plan: its lead-in
    plans (`_lead_in`, `_plans`: "будет способствовать достижению следующих результатов:" ⏎
    "улучшение жилищных условий 57 сельских семей;", "предусматривается ввести" ⏎ "275 ученических
    мест, 1 ФАП …"), or the clause (for a figure in brackets the one holding them) opens with a
    project noun and its object, and it or its lead-in names a project ("реализуются следующие
    проекты:" ⏎ "- строительство фермы на 240 голов (…, ориентировочная стоимость проекта – 117 млн.
    рублей)")."""
    outer = _clause(text, f, *bounds, outer=True)
    if _past(words) or _past(outer) or _past(lead):
        return False
    project = {w.lemma for w in [*words, *outer, *lead]} & _PROJECT_CUES and _opens_project(outer, f)
    return (bool(lead) and _plans(lead)) or bool(project) or _listed_project(text, f)


def _listed_project(text: str, f: FigureFact) -> bool:
    """The figure's line is an item of a list whose lead-in names projects and nothing in the past
    ("Наиболее крупные проекты:" ⏎ "1) "Строительство Курской АЭС-2". Объем инвестиций - 376,1 млрд.
    рублей. Инициатор - …;"), and the item tells nothing in the past before the figure: a
    project's amount is planned."""
    line = text.rfind("\n", 0, f.char_start) + 1
    if not _ITEM_LINE.match(text, line):
        return False
    above = lead_in_above(text, line, _list_line, LEAD_LINES)
    lead = [_as_word(m) for m in _WORD.finditer(text, *above)] if above else []
    item = [_as_word(m) for m in _WORD.finditer(text, line, f.char_start)]
    return bool({w.lemma for w in lead} & _PROJECT_CUES) and not _past(lead) and not _past(item)


_CHANGE_OR_COURSE = frozenset(lexicon.CHANGE_VERBS) | frozenset(lexicon.TREND_NOUNS)


def _changed_item(text: str, f: FigureFact) -> bool:
    """The figure of a list item is "на" a percentage or a percentage after a dash ("снижение объемов
    производства … составит:" ⏎ "в производстве текстильных изделий – 12,0%;"): what the item's
    lead-in says changed, if it names a change (`_states_change`); an amount after a dash is a level."""
    before = text[max(0, f.char_start - BY_REACH) : f.char_start]
    return bool(ON_BEFORE.search(before)) or f.unit == "PERCENT" and bool(_DASH_BEFORE.search(before))


def _states_change(lead: list[_Word]) -> bool:
    """The last clause of a lead-in names a change or a course ("…, в том числе увеличение индекса
    производства прогнозируется:", "положительная динамика производства ожидается:"): the percentages
    alone in brackets of its items are that change."""
    cut = max((k for k, w in enumerate(lead[:-1]) if w.text in {".", ",", ";", ":"}), default=-1)
    clause = lead[cut + 1 :]
    return any(_change_noun(clause, k) or clause[k].lemma in _CHANGE_OR_COURSE for k in range(len(clause)))


def _past(words: list[_Word]) -> bool:
    """A verb in the past tense among the words, outside quotes (not "ООО «Спас»")."""
    opened: list[str] = []  # the quotes open at the word
    for w in words:
        if opened and w.text in lexicon.QUOTE_PAIRS[opened[-1]]:
            opened.pop()
        elif w.text in lexicon.QUOTE_PAIRS:
            opened.append(w.text)
        elif not opened and _is_verb(w) and w.tags[0].tag.tense == "past":
            return True
    return False


def _plans(words: list[_Word]) -> bool:
    """Words that state a plan: a plan word, a verb in the future tense or a programme's financing,
    and no verb in the past tense."""
    if _past(words):
        return False
    future = any(_is_verb(w) and verb_in(w.tags[0].tag, "futr") for w in words)
    return bool({w.lemma for w in words} & _TARGET) or future or _programme_financing(words)


def _opens_project(words: list[_Word], f: FigureFact) -> bool:
    """The clause, or its part after a dash before the figure, opens with a project noun in the
    nominative ("- строительство молочного комплекса на 1800 голов", "В планах фермера – строительство
    комплекса по содержанию 3000 мясных коров")."""
    starts = [0, *(k + 1 for k, w in enumerate(words) if w.text in DASHES and w.end <= f.char_start)]
    firsts = [next((j for j in range(k, len(words)) if words[j].text[:1].isalpha()), None) for k in starts]
    return any(j is not None and _project_noun(words, j) for j in firsts)


def _project_noun(words: list[_Word], j: int) -> bool:
    """A project noun in the nominative with its object in the genitive ("реконструкция здания",
    "строительство молочного комплекса")."""
    after = words[j + 1] if j + 1 < len(words) else None
    obj = after is not None and (after.has("NOUN", "gent") or after.has("ADJF", "gent"))
    return words[j].lemma in _PROJECT and words[j].has("NOUN", "nomn") and obj


def _programme_financing(words: list[_Word]) -> bool:
    """The words name a programme's financing as the indicator catalog does (`PROGRAMME_FINANCING`:
    "Общий объем финансирования Программы", "финансового обеспечения муниципальных целевых программ")."""
    from pipeline.extract.indicators import names_indicator

    return names_indicator(" ".join(w.text for w in words), PROGRAMME_FINANCING)


def _lead_in(text: str, start: int) -> list[_Word]:
    """Words of the line that a sentence opening its line goes on from: the lead-in ending in a colon
    before list lines ("…достижения следующих результатов:" ⏎ "улучшение жилищных условий 57 сельских
    семей;" ⏎ …), else the line right before a sentence that opens with a digit or a small letter, that
    line ending without a stop ("предусматривается ввести" ⏎ "6443,2 кв.метров …"); [] if none."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return []
    lead = lead_in_above(text, line_start, _list_line, LEAD_LINES)
    if lead is not None:
        return [_as_word(m) for m in _WORD.finditer(text, *lead)]
    end = line_start - 1
    begin = text.rfind("\n", 0, max(end, 0)) + 1
    above = text[begin:end].strip() if end > 0 else ""
    broken = above[-1:].isalnum() and re.match(r"\s*[\dа-яё]", text[start : start + 2])
    return [_as_word(m) for m in _WORD.finditer(text, begin, end)] if broken else []


def _list_line(line: str) -> bool:
    """A line of a list: an item (a bullet, "1)", a small letter) or one ending with ";" or ","."""
    line = line.strip()
    return bool(line) and (_ITEM_LINE.match(line) is not None or line[-1] in ";,")


def _past_verb(left: list[_Word]) -> bool:
    """The governing verb is in the past tense ("К концу декабря 2015 года … состояло 490 человек")."""
    verb = next((w for w in reversed(left) if _is_verb(w)), None)
    return verb is not None and verb_in(verb.tags[0].tag, "past")


def _reaches(text: str, f: FigureFact, left: list[_Word]) -> bool:
    """ "увеличить долю … до 45 %", "Увеличение доли … до 13,8%", "повысится до уровня 4,3%": a level
    to reach after a change word, unless the change has happened ("увеличился с 98,4% до 99,5%")."""
    if not reaches_level(text, f) or not {w.lemma for w in left} & _CHANGE:
        return False
    return not _past_verb(left) and not _range_end(text, f, left)


_FROM = re.compile(r"\bот\s+\d", re.I)
_TO = re.compile(r"\bдо\b", re.I)


def _range_end(text: str, f: FigureFact, left: list[_Word]) -> bool:
    """ "в диапазоне от 5,2% в 2017 году … до 18,5% в 2019 году": "до" closes a span opened by "от" and a
    figure, it is no level to reach."""
    start = left[0].start if left else f.char_start
    opened = list(_FROM.finditer(text, start, f.char_start))
    return bool(opened) and len(_TO.findall(text, opened[-1].end(), f.char_start + len("до"))) == 1


def _future(left: list[_Word], right: list[_Word]) -> bool:
    """The governing verb (the last before the figure, else the first after it) is in the future
    tense of the third person ("составит", "позволит увеличить ... до 2,5 млн. тонн", "120 мест
    будет создано"), or its auxiliary right before it is ("будет создано 120 рабочих мест")."""
    before = [k for k, w in enumerate(left) if _is_verb(w)]
    if before:
        k = before[-1]
        aux = left[k - 1] if k else None
        helper = aux is not None and aux.lemma == "быть" and verb_in(aux.tags[0].tag, "futr")
        return helper or verb_in(left[k].tags[0].tag, "futr")
    after = bool(right) and _is_verb(right[0])
    return after and verb_in(right[0].tags[0].tag, "futr")  # "… мест будет создано"


_NORM_REACH = 40  # characters before a bracketed percentage searched for the norm it is the part of
_NORM_WORDS = 3  # of them the last words


def _of_norm(text: str, f: FigureFact) -> bool:
    """A norm or a plan is named right before the brackets: "выше нормы (110%)"."""
    words = _WORD.findall(text, max(0, f.char_start - _NORM_REACH), f.char_start)[-_NORM_WORDS:]
    return any(_Word(0, 0, w).lemma in _OF_NORM for w in words)


def _to_norm(left: list[_Word]) -> bool:
    """A norm or a plan the percentage is stated against: "к плану", "от нормы", "к нормативу"."""
    return any(w.lemma in {"к", "от"} and left[k + 1].lemma in _NORMS for k, w in enumerate(left[:-1]))


_OF_WHOLE_BEFORE = frozenset({"в", "из"})  # "в общем объеме", "из общего числа"


def _of_whole_before(left: list[_Word], prepositions: frozenset[str] = _OF_WHOLE_BEFORE) -> bool:
    """ "влияние … в общем объеме отгруженной продукции не существенно – всего 1,3%", "Из общего числа
    занятых 12,5 % …": the whole a percentage is a part of, named before it (after one of
    `prepositions` and "общий")."""
    return any(
        w.lemma in prepositions and left[k + 1].lemma == "общий" and left[k + 2].has("NOUN")
        for k, w in enumerate(left[:-2])
    )


def _whole_before_list(text: str, f: FigureFact, s_start: int) -> bool:
    """The figure is in a list after a colon whose lead-in names the whole, also in brackets
    ("лидирующие позиции в производстве (от общего объема по Российской Федерации): фанеры – 10%"):
    its percentages are parts of that whole."""
    colon = text.rfind(":", s_start, f.char_start)
    if colon < 0:
        return False
    lead = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, s_start, colon)]
    return _of_whole_before(lead, _OF_WHOLE_LEAD)


_OF_WHOLE_LEAD = _OF_WHOLE_BEFORE | {"от"}  # a lead-in's "(от общего объема …):"
_SHARE_VERBS = set(lexicon.SHARE_VERBS)
_PART_VERBS = {"составлять", "составить"}
_RATE_NOUNS = set(lexicon.RATE_NOUNS)


def _plural_part(left: list[_Word]) -> bool:
    """ "Населенные пункты с населением до 10 человек составляют 15 процентов": a percentage that
    things named in the plural make up is their share of all of them."""
    verbs = [k for k, w in enumerate(left) if _is_verb(w)]
    if not verbs or any(w.text[:1].isalpha() for w in left[verbs[-1] + 1 :]):
        return False
    verb = left[verbs[-1]]
    if verb.lemma not in _PART_VERBS or verb.tags[0].tag.number != "plur":
        return False
    heads = [w for w in left[: verbs[-1]] if w.has("NOUN", "nomn", "plur")]
    return bool(heads) and not {w.lemma for w in heads} & (_CHANGE | _RATE_NOUNS | _CHANGE_HEADS)


def _share_after(right: list[_Word]) -> bool:
    if not right:
        return False
    if right[0].lemma in _SHARE_VERBS:
        return True  # "27,7% принадлежит коммерческим предприятиям"
    if right[0].lemma == "от" or right[0].has("NOUN", "gent") and not right[0].text[:1].isupper():
        return True
    if abbreviated_indicator(right[0].text):
        return True  # "малые и средние предприятия дают 43 % ВВП"
    if right[0].has("PRTF", "gent", "plur") and not right[0].text[:1].isupper():
        return True  # "22% опрошенных": a share of the people a participle names
    if right[0].lemma == "в" and len(right) > 1 and right[1].lemma in {"весь", "общий"}:
        return True  # "76% в общем объеме введённого жилья"
    if right[0].lemma == "из" and len(right) > 2 and right[1].lemma == "весь" and _share_after(right[2:]):
        return True  # "42% из всех опрошенных бизнесменов"
    adjectives = next((i for i, w in enumerate(right) if not w.has("ADJF", "gent")), len(right))
    return right[0].lemma in {"весь", "общий"} or (
        0 < adjectives < len(right) and right[adjectives].has("NOUN", "gent")
    )  # "около 20% отечественного железорудного сырья"


def _period(text, f, words, dates, s_start, s_end, found=()) -> DateFact | None:
    """The date of the figure's clause (after it, else the last before it), else the last of its
    sentence before it; a date alone in brackets right after a figure is that figure's only."""
    own = bracketed_date(text, f, dates) or _item_date(text, f, dates)
    if own is not None:
        return own
    others = {id(d) for g in found if g is not f and (d := bracketed_date(text, g, dates)) is not None}
    dates = [d for d in dates if id(d) not in others]
    lo = words[0].start if words else s_start
    hi = words[-1].end if words else s_end
    inside = [d for d in dates if lo <= d.char_start and d.char_end <= hi and _in_clause(text, d, words)]
    after = [d for d in inside if d.char_start >= f.char_end and _own_date_after(text, f, d, words, dates)]
    before = [
        d for d in inside
        if d.char_end <= f.char_start and not _ratio_base(text, d, dates, s_start)
        and _leads(text, d, f, s_start) and not _in_gerund_phrase(text, d, f, s_start)
    ]  # fmt: skip
    if not (after or before):
        before = [
            d for d in dates
            if s_start <= d.char_start and d.char_end <= f.char_start and _leads(text, d, f, s_start)
            and not _in_gerund_phrase(text, d, f, s_start)
        ]  # fmt: skip
    if after:
        return min(after, key=lambda d: d.char_start)
    return max(before, key=lambda d: d.char_end) if before else None


_DASH = lexicon.DASH
_DASH_BEFORE = re.compile(_DASH + r"\s*$")  # "в производстве мебели - 10,0%"
_ITEM_DASH = re.compile(r"\s*" + _DASH + r"\s*")  # "на 2022 год – 1 017,9 млн. рублей"


def _item_date(text: str, f: FigureFact, dates: list[DateFact]) -> DateFact | None:
    """A date with only a dash between it and the figure is the figure's item ("на 2021 год – 1 019,5
    млн. рублей, на 2022 год – 1 017,9 млн. рублей и на 2023-2024 годы – …"), not a date after it."""
    return next((d for d in dates if _ITEM_DASH.fullmatch(text, d.char_end, f.char_start)), None)


def _leads(text: str, d: DateFact, f: FigureFact, s_start: int) -> bool:
    """A date before the figure that may date it: not in an aside closed before it (`_aside`) or in
    an earlier item of a list (`periods.earlier_item`)."""
    return not (_aside(text, d, f, s_start) or earlier_item(text, d, f.char_start))


def _in_gerund_phrase(text: str, d: DateFact, f: FigureFact, s_start: int) -> bool:
    """The date is in an adverbial participle's phrase closed before the figure ("вложив в 2003 году
    … 8 млрд долларов, BP … получила 19 млрд", "В 2016 году учитывая рост с 01.07.2016 …, общий объем
    … составит"): it dates that phrase, not the predicate after it."""
    return in_gerund_phrase(text, d, s_start) and "," in text[d.char_end : f.char_start]


def _aside(text: str, d: DateFact, f: FigureFact, s_start: int) -> bool:
    """The date is in a parenthesis closed before the figure ("(на IV квартал 2015 г. – 10951 руб.)
    почти в 2,7 раза"), the figure itself not in one (parallel brackets share it: "Франция (за период
    2016 - 2018 гг. … более 900%), Египет (621%)")."""
    closed = in_aside(text, d, s_start) and ")" in text[d.char_end : f.char_start]
    return closed and not in_parenthesis(text, f.char_start, s_start)


def _in_clause(text: str, d: DateFact, words: list[_Word]) -> bool:
    """A word of the clause lies in the date, or the date alone makes up a parenthesis of the clause
    ("среднегодовой рост … (с 2015 года) достиг 20%"); not a date of another value's parenthesis ("за
    2015 год на 97% (2014 – 86%), средний срок лечения 10,6 дней": 2015) or a cited year ("Gregory
    (1983)")."""
    if any(d.char_start <= w.start < d.char_end for w in words):
        return True
    alone = in_parenthesis(text, d.char_start, 0) and not in_aside(text, d, 0)
    return alone and bool(re.search(r"[А-Яа-яЁё]", text[d.char_start : d.char_end]))


_PERCENT_BEFORE = re.compile(r"%\s*$")


def _ratio_base(text: str, d: DateFact, dates: list[DateFact], s_start: int) -> bool:
    """ "В 2016 году … составила 17513,1 руб., или 106,8% к 2015 году, … - 19254,4 рублей": "к" and a
    year right after a percentage, in a sentence that names a later year before it
    (`figure_context.later_periods`), is that percentage's base, not a deadline of the figures
    after it."""
    after_percent = _PERCENT_BEFORE.search(text, s_start, d.char_start) is not None
    return after_percent and bool(later_periods(text, d, dates, s_start))


_RANGE_END = re.compile(r"^\s*[-–—]\s*\d[\d\s]*(?:,\d+)?\s*%")  # the upper bound of a percentage range


def _own_date_after(text: str, f: FigureFact, d: DateFact, words: list[_Word], dates) -> bool:
    """A date after the figure is its period unless a comma, dash, bracket or colon, another number
    or a verb comes between ("13% при темпе прироста 4% за период 2015 - 2017 гг.", "вырос в 2,3 раза
    … и продолжил свой рост в 2018 году")."""
    gap = list(text[f.char_end : d.char_start])
    for o in dates:
        if f.char_end <= o.char_start and o.char_end <= d.char_start:
            gap[o.char_start - f.char_end : o.char_end - f.char_end] = " " * (o.char_end - o.char_start)
    between = [w for w in words if f.char_end <= w.start and w.end <= d.char_start]
    gap_text = _RANGE_END.sub("", "".join(gap), count=1)  # "105,0% - 105,4% в 2017 году": the range's year
    return not re.search(r"[,;:–—(]|\d", gap_text) and not any(_is_verb(w) for w in between)


def _measure(left: list[_Word], right: list[_Word], counts: bool = False, money: bool = False) -> str | None:
    """A property of a named thing ("цех мощностью 130 тонн"), the subject noun phrase of the
    governing verb, else a genitive phrase after the figure (the amount of it, after a passive
    participle, unless the figure `counts` a noun); of `money`, a verb allocating it names it too
    (`lexicon.ALLOCATION_NOUNS`)."""
    prop = property_measure(left, right) or _dashed_item(left)
    prop = prop or _dashed_change(left) or _changed_object(left, right) or _dashed_object(left)
    if prop:
        return prop
    if _own_clause_after(left, right):
        left = []  # "…, 50-70 млн рублей город получал в виде налогов": no verb before the comma
    verb = next((i for i in range(len(left) - 1, -1, -1) if _is_verb(left[i])), None)
    action = _action(left[verb], money, left[verb + 1 :]) if verb is not None else None
    verb, action = _acting_infinitive(left, verb, action, money)
    if verb is not None and action is None:  # the subject of "произвела" is who, not what
        for i in range(verb):
            subject = _agrees(left[i], left[verb], i == 0) and not _in_pp(left, i) and not _quoted(left, i)
            if subject and left[i].lemma not in _NOT_SUBJECTS:
                return _phrase(left, i)
    if right and right[0].has("NOUN", "gent") or len(right) > 1 and right[0].has("ADJF", "gent"):
        np = _object_end(right, _genitive_run(right, 0))  # "… рублей инвестиций в основной капитал"
        np = 0 if np and _adjectives_of_next(right, np) else np  # "каждой российской семье"
        if np and action:  # "произведено 289,9 тыс. тонн молока" → "производство молока"
            return " ".join([action, *(w.text for w in right[:np])])
        # right after the participle: "проведён ремонт 1 км тротуаров" has a subject of its own
        alone = verb is not None and verb == len(left) - 1 and not counts
        amount = _passive_amount(left[verb], right[:np]) if np and alone else None
        if amount:
            return amount
        if np:
            return nominative(" ".join(w.text for w in right[:np]))
    spent_on = verb is not None and money and bool(_fronted_object(left[:verb]))
    if action and verb is not None and left[verb].has("PRTS") and not spent_on:  # "На X, …, потрачено"
        done = _done_before(left, verb)
        if done:  # "Сахарной свеклы накопано 4,2 млн.тонн" → "накопка сахарной свеклы"
            return f"{action} {done}"
    fronted = _fronted_action(right, money) if verb is None else None
    if fronted:
        return fronted
    if counts and verb is None and right and _done_to_counted(right):
        part = _participle(right[0], {"gent", "plur"})  # "12 человек погибли" → "число погибших"
        return f"{lexicon.COUNT_MEASURE_HEADS[0]} {part}" if part else None
    if verb is None and right and _is_verb(right[0]):
        return _subject_after(right)
    if counts and verb == len(left) - 1 and left[verb].has("VERB", "intr") and left[verb].lemma not in _LINKS:
        part = _participle(left[verb], {"gent", "plur"})  # "погибли 3 человека" → "число погибших"
        return f"{lexicon.COUNT_MEASURE_HEADS[0]} {part}" if part else None
    if verb is not None and not counts:
        found = _after_verb(left[verb], left[verb + 1 :], action)
        if found:
            return found
    of_whole = bool(left) and left[-1].text in DASHES and bool(right) and right[0].lemma == "от"
    if verb is None and (of_whole or _of_stated_whole([*left, *right[:1]])):
        return None  # "текстиль и обувь - 10,81% от всего объема импорта": the whole's share
    if verb is None:
        return _leading_phrase(left)
    places = (right, _fronted_object(left[:verb])) if money else ()  # where money is spent
    return _with_object(action, left[verb + 1 :], *places)


def _adjectives_of_next(words: list[_Word], end: int) -> bool:
    """The genitive run before `end` is adjectives only, of the noun in another case at `end`
    ("каждой российской семье": a dative group, not a genitive)."""
    nouns = [w for w in words[:end] if w.has("NOUN")]
    return not nouns and end < len(words) and words[end].has("NOUN") and not words[end].has("NOUN", "gent")


def _acting_infinitive(
    left: list[_Word], verb: int | None, action: str | None, money: bool
) -> tuple[int | None, str | None]:
    """Money an infinitive after the verb does something to: "Граждан предлагают штрафовать на суммы
    от 3 до 5 тыс. руб." → (the infinitive, "штраф"); else the verb and its action as they were."""
    if verb is None or action is not None or not money:
        return verb, action
    for i in range(len(left) - 1, verb, -1):
        if left[i].has("INFN"):
            found = _action(left[i], money, left[i + 1 :])
            return (i, found) if found else (verb, action)
    return verb, action


def _fronted_verb(right: list[_Word]) -> int | None:
    """Index of the verb after a figure that opens its clause, past the verb's subject and "было"
    ("… млн руб. администрация тратила", "… рублей было выделено"), else None."""
    k = 0
    while k < len(right) and (right[k].has("NOUN", "nomn") or right[k].has("ADJF", "nomn")):
        k += 1
    if k < len(right) and right[k].lemma == "быть":
        k += 1
    return k if k < len(right) and _is_verb(right[k]) else None


def _own_clause_after(left: list[_Word], right: list[_Word]) -> bool:
    """The figure opens a clause of its own after a comma, with a subject before its verb ("…, 50-70
    млн рублей город получал …"): a verb before the comma is another clause's."""
    k = _fronted_verb(right) if left and left[-1].text == "," else None
    return k is not None and k > 0  # a subject stands before the verb


def _fronted_action(right: list[_Word], money: bool) -> str | None:
    """Money that opens its clause, spent by the verb after it: "Около 200 млн руб. администрация
    тратила на реставрацию собора" → "расходы на реставрацию собора"."""
    k = _fronted_verb(right) if money else None
    action = _action(right[k], money, right[k + 1 :]) if k is not None else None
    return _with_object(action, right[k + 1 :]) if action else None


def _action(verb: _Word, money: bool, after: list[_Word] = ()) -> str | None:
    """The noun of what the verb does to the figure's amount (`lexicon.ACTION_NOUNS`); of money also
    allocating it (`lexicon.ALLOCATION_NOUNS`), unless a noun after the verb names the money ("выделяется
    пособие в размере …") — only a "в/на" complement may come between ("выделит на поддержку …")."""
    named = bool(after) and _object_end(after, 0) < len(after)
    allocation = lexicon.ALLOCATION_NOUNS.get(verb.lemma) if money and not named else None
    return lexicon.ACTION_NOUNS.get(verb.lemma) or allocation


def _with_object(action: str | None, *places: list[_Word]) -> str | None:
    """An action's noun with the "в/на + accusative" complement that opens the first of `places`
    having one: right after its verb ("инвестировала в строительство завода 5 млрд рублей" →
    "инвестиции в строительство завода"), right after the figure ("выделило 5 млрд рублей на
    строительство дорог") or before the verb ("На реставрацию собора было потрачено …")."""
    for words in places if action else ():
        end = _object_end(words, 0)
        if end and not any(w.lemma in lexicon.FRAME_NOUNS for w in words[:end]):  # "на сумму": a frame
            return " ".join([action, words[0].text.lower(), *(w.text for w in words[1:end])])
    return action


def _fronted_object(words: list[_Word]) -> list[_Word]:
    """The words from the first "в/на + accusative" complement that ends before the verb (`words`
    are those before it) after any other verb or a relative pronoun: "На реставрацию собора было
    потрачено …" → "На реставрацию собора было"; none in "жаловалась на угрозы дилеров, которым
    задолжала …"."""
    own = 1 + max((k for k, w in enumerate(words) if _opens_own_clause(w)), default=-1)
    start = next((k for k in range(own, len(words)) if _object_end(words, k) > k), None)
    return words[start:] if start is not None else []


def _opens_own_clause(w: _Word) -> bool:
    """A verb other than "быть", or a relative pronoun: what stands before it is another clause's."""
    return w.lemma == lexicon.RELATIVE_PRONOUN or _is_verb(w) and w.lemma != "быть"


def _changed_object(left: list[_Word], right: list[_Word] = ()) -> str | None:
    """What a transitive change verb right before the figure changes: its accusative noun group
    ("планируется увеличить экспорт продукции агропромышленного комплекса до 272 млн. долл. США",
    "увеличила экспортные поставки на 12%", also right after "на" and the figure: "увеличить на 10%
    зарплату"), not who changed it."""
    verbs = [k for k, w in enumerate(left) if _is_verb(w) or w.has("INFN")]
    verb = left[verbs[-1]] if verbs else None
    if verb is None or verb.lemma not in _CHANGE_VERBS or not any(verb.has(pos, "tran") for pos in _VERBS):
        return None
    start = verbs[-1] + 1
    noun = noun_in_case(left, start, "accs")
    if noun is None and left[-1].lemma == "на" and right:  # "увеличить на 10% зарплату"
        after = noun_in_case(right, 0, "accs")
        if after is None or after >= _OBJECT_AFTER:
            return None
        first = after
        while first and (right[first - 1].has("ADJF") or right[first - 1].has("PRTF")):
            first -= 1
        return " ".join([*(w.text for w in right[first:after]), _phrase(right, after)]).lower()
    if noun is None or _in_pp(left, noun):
        return None
    first = min(start, term_start(left, noun))
    return " ".join([*(w.text for w in left[first : term_start(left, noun)]), _phrase(left, noun)]).lower()


def _done_before(left: list[_Word], verb: int) -> str | None:
    """The genitive noun group before a passive participle of an action, outside a prepositional
    phrase: what was produced ("зерна в первоначально оприходованном весе, по расчетам, намолочено")."""
    for i in range(verb):
        if not left[i].has("NOUN", "gent") or _in_pp(left, i) or left[i].lemma in _TIMES:
            continue
        start = i
        while start and left[start - 1].has("ADJF", "gent"):
            start -= 1
        if start and (left[start - 1].has("NOUN") or left[start - 1].has("PREP")):
            continue  # "в хозяйствах всех категорий": an attribute of another noun
        return " ".join(w.text for w in left[start : _genitive_run(left, i + 1)]).lower()
    return None


def _after_verb(verb: _Word, words: list[_Word], action: str | None) -> str | None:
    """What a passive participle before the figure reports, named right after it: a subject ("были освоены
    денежные средства в сумме 93,5 млн"), or a genitive group after a passive participle ("продано
    товаров на сумму 745,3 млн" → "объем проданных товаров", "отгружено товаров на 14,7 млрд" →
    "объем отгруженных товаров" (`lexicon.AMOUNT_DONE_VERBS`), "добыто угля" → "добыча угля")."""
    if not verb.has("PRTS") or any(w.text[:1].isdigit() for w in words):
        return None  # an active verb's subject after it is the syntax's; another figure between
    adjectives = 0
    while adjectives < len(words) and words[adjectives].has("ADJF", "nomn"):
        adjectives += 1
    head = words[adjectives] if adjectives < len(words) else None
    if head is not None and _agrees(head, verb) and head.lemma not in _TIMES and action is None:
        end = _genitive_run(words, adjectives + 1)
        text = " ".join(w.text for w in words[:end])
        return text[:1].lower() + text[1:] if _frame_only(words[end:]) else None
    group = words[: _genitive_run(words, 0)]
    if not any(w.has("NOUN", "gent") for w in group) or group[0].text[:1].isupper():
        return None
    if verb.lemma in _AMOUNT_DONE:
        group = _done_group(words, len(group))
    if not _frame_only(words[len(group) :]):
        return None
    if action and verb.lemma not in _AMOUNT_DONE:
        return " ".join([action, *(w.text for w in group)])
    return _passive_amount(verb, group)


def _done_group(words: list[_Word], end: int) -> list[_Word]:
    """A genitive group with its coordinated genitives and the instrumental of who did it ("работ и
    услуг собственными силами")."""
    while end + 1 < len(words) and words[end].lemma == "и" and _of_run(words[end + 1]):
        end = _genitive_run(words, end + 1)
    while end < len(words) and (words[end].has("ADJF", "ablt") or words[end].has("NOUN", "ablt")):
        end += 1
    return words[:end]


_AMOUNT_DONE = frozenset(lexicon.AMOUNT_DONE_VERBS)


def _dashed_item(left: list[_Word]) -> str | None:
    """An item of a list after a colon, "NP – figure": "показатели дали рост: индекс промышленного
    производства – 109,0%, производство в обрабатывающей промышленности – 109,2 %" (the item,
    not the subject before the colon), or after another figure ("производство продукции составит
    48,8 млн. руб., индекс производства – 99,6 %")."""
    colon = max((k for k, w in enumerate(left) if w.text == ":"), default=None)
    figure = max((k for k, w in enumerate(left) if w.text[:1].isdigit()), default=colon)
    colon = colon if colon is not None else figure
    if colon is None or len(left) < colon + 3 or left[-1].text not in DASHES:
        return None
    lo = next((k for k in range(max(colon, figure), len(left)) if left[k].text in {":", ",", ";"}), None)
    item = left[lo + 1 : -1] if lo is not None else []  # after the previous item's figure
    while item and item[0].lemma in lexicon.ITEM_LEAD_CONJUNCTIONS:
        item = item[1:]  # "…, а общая площадь страны — 17,363 тыс. кв. км"
    if not item or any(_is_verb(w) or w.text[:1].isdigit() for w in item):
        return None
    head = _list_head_noun(left[:colon]) if left[colon].text == ":" else None
    return _of_head(head, item) or _leading_phrase(item) or _named_abbreviation(item)


def _dashed_object(left: list[_Word]) -> str | None:
    """ "Целевой сценарий также предусматривает рост оборота СМП – 102,4% в 2018году, 102,5% - в 2019
    году": the object of a verb with a subject, set off by a dash before the figures of its list, is
    what they quantify, not the verb's subject (who plans it)."""
    verb = max((k for k, w in enumerate(left) if _is_verb(w)), default=None)
    if verb is None:
        return None
    dash = next((k for k in range(verb + 1, len(left)) if left[k].text in DASHES), None)
    if dash is None or not all(_in_figure_list(w) for w in left[dash + 1 :]):
        return None
    if not any(_agrees(left[i], left[verb], i == 0) for i in range(verb)):
        return None  # "уменьшилось количество выездов – на 1527": the group is the subject itself
    group = left[verb + 1 : dash]
    in_group = [w.text[:1].isalpha() and (w.text.isupper() or w.has("NOUN") or w.has("ADJF")) for w in group]
    if not group or not all(in_group) or not group[0].text[:1].islower():
        return None
    return nominative(" ".join(w.text for w in group))


def _in_figure_list(w: _Word) -> bool:
    """A word of a list of figures and their dates ("102,4% в 2018году, 102,5% -")."""
    text = w.text
    return text[:1].isdigit() or not text[:1].isalnum() or w.lemma in _FIGURE_LIST_WORDS


_FIGURE_LIST_WORDS = frozenset({*lexicon.TIME_PREPOSITIONS, *lexicon.PERIOD_NOUNS})


def _dashed_change(left: list[_Word]) -> str | None:
    """ "в том числе металлургического производства – рост на 4,1%", "обрабатывающие производства
    (рост на 3,7% …)": the noun group before a dash or a bracket that opens a change noun and its
    preposition is what changed, in the nominative."""
    return _changed_group(left, len(left) - 3) if len(left) > 3 and _opened(left) else None


def _changed_group(left: list[_Word], end: int) -> str | None:
    """The noun group ending at `end` (no name, no change noun at its head), in the nominative; it
    opens its clause or list item, or follows a verb or "в том числе" (not "по ликвидации …")."""
    k = end
    while (
        k and left[k - 1].text[:1].isalpha() and any(left[k - 1].has(pos) for pos in lexicon.NOUN_GROUP_POS)
    ):
        k -= 1
    lowered = [w.text.lower() for w in left]
    for opener in _SUBSET_OPENERS:  # "в том числе": no part of the group
        if k and tuple(lowered[k - 1 : k - 1 + len(opener)]) == opener:
            k += len(opener) - 1
    opens = not k or not left[k - 1].text[:1].isalnum() or _is_verb(left[k - 1]) or left[k - 1].has("INFN")
    if not opens and lowered[k - 1] not in _OPENER_ENDS:
        return None
    group = left[k:end]
    nouns = [w for w in group if w.has("NOUN")]
    if not nouns or nouns[0].lemma in _CHANGE_NOUN_SET or any(w.text.isupper() for w in group):
        return None
    if lexicon.PROPER_NAME_GRAMMEMES & set(nouns[0].tags[0].tag.grammemes):
        return None
    phrase = nominative(" ".join(w.text for w in group))
    return phrase[:1].lower() + phrase[1:]


def opened_change(text: str, f: FigureFact) -> bool:
    """A dash or a bracket, a change noun and its preposition right before the figure ("– рост на")."""
    return _opened(
        [_as_word(m) for m in _WORD.finditer(text, max(0, f.char_start - _OPENED_REACH), f.char_start)]
    )


def _opened(words: list[_Word]) -> bool:
    """The words end with a dash or a bracket, a change noun and its preposition ("– рост на")."""
    return len(words) >= 3 and words[-3].text in {*DASHES, "("} and _opens_change(words[-2:])


_OBJECT_AFTER = 3  # words from a change's figure to the noun of its object ("на 10% заработную плату")
_OPENED_REACH = 30  # characters before a figure searched for "– рост на"


def _opens_change(left: list[_Word]) -> bool:
    """The clause before the figure is only a change noun and its preposition ("(рост на")."""
    return len(left) == 2 and left[0].lemma in _CHANGE_NOUN_SET and left[1].lemma in _BY_PREPOSITIONS


_BY_PREPOSITIONS = frozenset(lexicon.CHANGE_PREPOSITIONS)
_CHANGE_NOUN_SET = frozenset(lexicon.CHANGE_NOUNS)
_SUBSET_OPENERS = tuple(tuple(o.split()) for o in lexicon.SUBSET_OPENERS)
_OPENER_ENDS = frozenset(o[-1] for o in _SUBSET_OPENERS)  # "числе" of "в том числе"


def _list_head_noun(head: list[_Word]) -> str | None:
    """The noun opening the clause before a list's colon ("Производство сельскохозяйственной
    продукции составит:" → "производство")."""
    start = max((k + 1 for k, w in enumerate(head) if w.text in {".", ";"}), default=0)
    phrase = _leading_phrase(head[start:])
    return phrase.split()[0] if phrase and _Word(0, 0, phrase.split()[0]).has("NOUN") else None


def _of_head(head: str | None, item: list[_Word]) -> str | None:
    """A list item in the genitive is of the list head's noun: "Производство ... составит: зерна –
    1150 тонн" → "производство зерна"."""
    words = [w for w in item if w.text not in _BULLETS]
    noun = next((k for k, w in enumerate(words) if w.has("NOUN")), None)
    if head is None or noun is None or words[noun].tags[0].tag.case != "gent" or words[0].text[:1].isupper():
        return None
    if not all(w.has("ADJF") or w.has("PRTF") for w in words[:noun]):
        return None
    return " ".join([head, *(w.text for w in words[: _genitive_run(words, noun + 1)])])


def _named_abbreviation(item: list[_Word]) -> str | None:
    """An item that is one abbreviation the indicator catalog knows ("ВРП – 300 млрд рублей")."""
    from pipeline.extract.indicators import match_label

    words = [w for w in item if w.text not in _BULLETS]
    one = len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1
    return words[0].text if one and match_label(words[0].text) else None


def _of_stated_whole(words: list[_Word]) -> bool:
    """A percentage "от" a whole ("10,81% от всего объема импорта") among the words."""
    return any(a.text == "%" and b.lemma == "от" for a, b in zip(words, words[1:], strict=False))


def _frame_only(words: list[_Word]) -> bool:
    """Nothing or only a frame between a noun group and its figure ("в сумме", "на сумму", "–")."""
    return all(w.lemma in _FRAME_WORDS for w in words)


def _passive_amount(verb: _Word, group: list[_Word]) -> str | None:
    """ "было отпущено 1236,9 тыс. м3 воды" → "объем отпущенной воды": after a short passive
    participle, the amount of the genitive group it says was acted on."""
    noun = next((w for w in group if w.has("NOUN", "gent")), None)
    if not verb.has("PRTS", "pssv") or noun is None or noun.text[:1].isupper():
        return None
    tag = next(p.tag for p in noun.tags if p.tag.POS == "NOUN" and p.tag.case == "gent")
    agree = _agreement(tag)
    form = inflect(verb.tags[0], {"PRTF", "pssv", "gent", *agree})
    if form is None:
        return None
    return " ".join([_AMOUNT_HEAD, form.word, *(w.text for w in group)])


def _subject_after(right: list[_Word]) -> str | None:
    """ "12,5% составляли работники сельского хозяйства": the subject right after the verb that
    follows the figure, with its adjectives and genitive words."""
    k = 1
    while k < len(right) and right[k].has("ADJF", "nomn"):
        k += 1
    if k >= len(right) or not _agrees(right[k], right[0]) or right[k].text[:1].isupper():
        return None
    text = " ".join(w.text for w in right[1 : _genitive_run(right, k + 1)])
    return text[:1].lower() + text[1:]


def _leading_phrase(left: list[_Word]) -> str | None:
    """A verbless clause that opens with a noun group in the nominative names what its figures
    measure: "Сумма инвестиций проекта - более 16 млрд. рублей", a list item "- доля закупок у
    малого бизнеса (в 2017 году – 17%)"; never a place ("Москва – 5 млн")."""
    if sum(w.text in lexicon.QUOTES for w in left) % 2:
        return None  # a clause cut inside a quoted name ("Специальные ткани; кружева; гобелены")
    i = _after_subordinator(left)
    while i < len(left) and left[i].text in _BULLETS:
        i += 1
    j = i
    while j < len(left) and (_nominative_modifier(left[j]) or _joins_modifiers(left, j)):
        j += 1  # "обрабатывающие производства", "фармацевтическое и химическое производство"
    if j >= len(left) or not left[j].has("NOUN", "nomn") or left[j].text.isupper():
        return None
    if lexicon.PROPER_NAME_GRAMMEMES & set(left[j].tags[0].tag.grammemes):
        return None
    text = " ".join(w.text for w in left[i : _object_end(left, _genitive_run(left, j + 1))])
    return text[:1].lower() + text[1:]  # with its object: "получение разрешения на строительство"


def _after_subordinator(left: list[_Word]) -> int:
    """Where a clause subordinated by ", что"/", поскольку" … starts ("Учитывая, что доля Казахстана …
    равна 10,7%"), else 0."""
    opened = [
        k + 2 for k in range(len(left) - 1) if left[k].text == "," and left[k + 1].lemma in _SUBORDINATORS
    ]
    return opened[-1] if opened else 0


def _nominative_modifier(w: _Word) -> bool:
    return w.has("ADJF", "nomn") or w.has("PRTF", "nomn")


def _joins_modifiers(words: list[_Word], j: int) -> bool:
    """ "и" between two adjectives of one noun."""
    return 0 < j < len(words) - 1 and words[j].lemma in {"и", "или"} and _nominative_modifier(words[j + 1])


def _quoted(words: list[_Word], i: int) -> bool:
    """The word is inside quotes: a name («Елабуга-Ижевск»), no subject of the clause's verb."""
    return sum(w.text in lexicon.QUOTES for w in words[:i]) % 2 == 1


def _agrees(noun: _Word, verb: _Word, first: bool = False) -> bool:
    """A subject of the verb: a noun in the nominative that agrees with it, or an abbreviated
    indicator opening the clause (`first`: "ВРП на душу населения … составляет"; not "27 пилотных
    ИТК"), which has no case."""
    v = verb.tags[0].tag
    if noun.text.isupper():
        return first and abbreviated_indicator(noun.text)
    if not noun.tags or noun.tags[0].tag.POS != "NOUN":
        return False
    for p in noun.tags:
        t = p.tag
        if t.POS != "NOUN" or t.case != "nomn" or "Abbr" in t:
            continue
        if v.number and t.number and v.number != t.number:
            continue
        if v.number == "sing" and v.gender and t.gender and v.gender != t.gender:
            continue
        return True
    return False


def _in_pp(words: list[_Word], i: int) -> bool:
    for j in range(i - 1, -1, -1):
        w = words[j]
        if w.has("PREP"):
            return True
        if not (w.has("ADJF") or w.has("PRTF") or w.has("NUMR") or w.lemma == "и"):
            return False
    return False


def _genitive(w: _Word) -> bool:
    return w.has("ADJF", "gent") or w.has("NOUN", "gent")


def _genitive_run(words: list[_Word], i: int) -> int:
    """End of the genitive words from `i`, at most GENITIVE_RUN of them, and never after a dangling
    adjective: "величина среднемесячной номинальной начисленной заработной платы" keeps its noun."""
    j = i
    while j < len(words) and j - i < GENITIVE_RUN and _of_run(words[j]):
        j += 1
    while (
        j < len(words)
        and j - i < GENITIVE_RUN + _DANGLING_REACH
        and _attribute(words[j - 1])
        and _of_run(words[j])
    ):
        j += 1
    return j


def _of_run(w: _Word) -> bool:
    """A word of a genitive run: a genitive noun, adjective or participle."""
    return _genitive(w) or w.has("PRTF", "gent")


def _attribute(w: _Word) -> bool:
    return w.has("ADJF") or w.has("PRTF")


def _phrase(words: list[_Word], i: int) -> str:
    end = _genitive_run(words, i + 1)
    if end == i + 1 and words[i].lemma in lexicon.BARE_MEASURES:
        end = _of_whole(words, end)
    end = _object_end(words, _instrumental_end(words, i, _coordinated_end(words, i, end)))
    text = " ".join(w.text for w in words[term_start(words, i) : end])
    activity = _activity_end(words, i, end)
    text += f" {as_written(words[end:activity])}" if activity > end else ""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _coordinated_end(words: list[_Word], head: int, end: int) -> int:
    """End of a genitive joined by "и" to the genitive run ending at `end` ("Индекс производства
    кокса и нефтепродуктов", "машин и оборудования", adjectives of one noun: "Объем внешней и
    взаимной торговли"): both are what is measured; else `end`."""
    joined = end < len(words) and words[end].text == "и" and end - 1 > head
    if not joined or not (words[end - 1].has("NOUN", "gent") or words[end - 1].has("ADJF", "gent")):
        return end
    j = _genitive_run(words, end + 1)
    last = words[j - 1]
    return j if j > end + 1 and last.has("NOUN", "gent") and last.lemma not in _TIMES else end


def _activity_end(words: list[_Word], head: int, end: int) -> int:
    """End of the activity an index is of ("Индекс производства по виду деятельности "Добыча
    полезных ископаемых"", "по обработке древесины и производству изделий"): "по" with its
    dative nouns and a quoted name; never a place ("по Курской области", "по району"); else `end`."""
    if words[head].lemma not in lexicon.INDEX_NOUNS:
        return end
    j = end
    while j < len(words) and words[j].text in ("по", "и") and (j > end or words[j].text == "по"):
        noun = noun_in_case(words, j + 1, "datv")
        if noun is None or words[noun].lemma in lexicon.PLACE_NOUNS or _names(words[j + 1 : noun]):
            break
        j = _genitive_run(words, noun + 1)
    if j > end and j < len(words) and words[j].text in lexicon.QUOTE_PAIRS:
        closers = lexicon.QUOTE_PAIRS[words[j].text]
        close = next((k for k in range(j + 1, len(words)) if words[k].text in closers), None)
        j = close + 1 if close is not None else j
    return j


def _names(words: list[_Word]) -> bool:
    """Some word is capitalized: a name ("Курской")."""
    return any(w.text[:1].isupper() for w in words)


def _instrumental_end(words: list[_Word], head: int, i: int) -> int:
    """End of the instrumental complement at `i` of a head that takes one (`lexicon.INSTRUMENTAL_HEADS`:
    "обеспеченность плавательными бассейнами"), else `i`."""
    if not any(w.lemma in lexicon.INSTRUMENTAL_HEADS for w in words[head:i]):
        return i
    j = i
    while j < len(words) and (words[j].has("ADJF", "ablt") or words[j].has("NOUN", "ablt")):
        j += 1
    return j if j > i and words[j - 1].has("NOUN", "ablt") else i


def _object_end(words: list[_Word], i: int) -> int:
    """End of a "в/на + accusative" complement at `i` with its genitives ("инвестиций в основной
    капитал", "цены на капусту"), else `i`."""
    noun = object_noun(words, i)
    return i if noun is None else _genitive_run(words, noun + 1)


def _of_whole(words: list[_Word], i: int) -> int:
    """End of "в общем объеме экспорта" after a bare head ("доля в общем объеме экспорта"): the
    whole a share is of, never a place or a time."""
    if i >= len(words) or words[i].lemma not in _OF_WHOLE:
        return i
    noun = noun_in_case(words, i + 1, "loct")
    return i if noun is None else _genitive_run(words, noun + 1)


def _organizations(text: str, f: FigureFact, analysis, s_start: int) -> set[str]:
    """Normal forms of the organizations the NLP layer names before the figure in its sentence and
    list item by a quoted or Latin name ("Чистая прибыль «Газпрома»", "Mail.Ru Group получила опцион
    …", "Сама «Роснефть» планирует привлечь …"); not abbreviations, which are as often a country
    group, a classifier or an institution's kind (СНГ, ОКВЭД, ОЭЗ), nor a name after a noun that is
    no actor's (`lexicon.AGENT_NOUNS`), unless it owns the measure: a park's, a department's or a
    counted thing's ("индустриального парка «Юбилейный»", "отделения «Скорой помощи»", "9 тыс. PhD")."""
    entities = getattr(analysis, "entities", None) or []
    item = max(
        [
            s_start,
            *(m.end() for m in _ITEM_END.finditer(text, s_start, f.char_start) if _outside(text, s_start, m)),
        ]
    )
    return {
        e.normal
        for e in entities
        if e.type == "ORG"
        and item <= e.start < f.char_start
        and (_quoted_name(text, e) or lexicon.LATIN_LETTER.search(e.text))
        and (_owns_measure(text, e, f.measure) or not _name_of_thing(text, e))
    }


def _outside(text: str, start: int, m: re.Match) -> bool:
    """The match is outside brackets opened after `start` ("(19,5 млрд долларов США; 14,7 млрд евро)")."""
    before = text[start : m.start()]
    return before.count("(") <= before.count(")")


def _quoted_name(text: str, e) -> bool:
    return text[e.start - 1 : e.start] in lexicon.QUOTES and not e.text.isupper()


def _name_of_thing(text: str, e) -> bool:
    """The name follows a number, a scale word or a genitive noun that is not an actor's
    (`lexicon.AGENT_NOUNS`): "парка «Юбилейный»", not "компании «Роснефть»" nor "Таким образом, ТНК-ВР"."""
    before = [
        w for w in _WORD.findall(text[max(0, e.start - _OWNER_REACH) : e.start]) if w not in lexicon.QUOTES
    ]
    if len(before) > 1 and before[-1] == "." and before[-2].lower() in lexicon.scale_powers():
        before.pop()  # a scale word's dot: "9 тыс. PhD" (not a sentence's end)
    if not before or not before[-1][:1].isalnum():
        return False  # "биржи мира — NYSE Euronext": no noun's name
    if before[-1][:1].isdigit() or before[-1].lower() in lexicon.scale_powers():
        return True
    word = _Word(0, 0, before[-1])
    return word.has("NOUN", "gent") and word.lemma not in _AGENTS


def _owns_measure(text: str, e, measure: str | None) -> bool:
    """The name follows a word of the measure: "прибыль «Газпрома»", "выручка Сбербанка"."""
    before = [w for w in _WORD.findall(text[max(0, e.start - _OWNER_REACH) : e.start]) if w[:1].isalpha()]
    lemmas = {_Word(0, 0, w).lemma for w in (measure or "").split()}
    return bool(before) and _Word(0, 0, before[-1]).lemma in lemmas


_OWNER_REACH = 30  # characters before a name searched for the measure's head
_AGENTS = frozenset(lexicon.AGENT_NOUNS)
_DANGLING_REACH = 3  # genitive words past GENITIVE_RUN that may complete a run ending on an adjective
_ITEM_END = re.compile(r"[;\n]")  # an organization of an earlier list item owns none of this one's figures


def _subject(text, f, words, left, s_start, s_end, analysis) -> str | None:
    m = re.search(r"между\s+(\w+(?:\s+\w+)?)\s+и\s+(\w+(?:\s+\w+)?)", text[s_start : f.char_start])
    if m:
        return f"{_geo_name(m.group(1))}–{_geo_name(m.group(2))}"
    if analysis is not None and getattr(analysis, "entities", None):
        ents = [
            e
            for e in analysis.entities
            if e.type in {"LOC", "ORG"}
            and s_start <= e.start < f.char_start
            and not is_currency_country(text, e.start, e.end)
            and not _ACTIVITY_NAMED.search(text, max(s_start, e.start - ACTIVITY_REACH), e.start)
            and not (e.type == "ORG" and names_source(text[s_start : e.start]))
        ]
        return ents[-1].normal if ents else None
    geo = [i for i, w in enumerate(left) if _is_geo(w)]
    loc = [i for i in geo if i and left[i - 1].lemma in _IN]
    if loc:
        return _geo_name(left[loc[-1]].text)
    geo = [i for i in geo if not (i and left[i - 1].lemma in {"из", "от", "данные"})]
    return _geo_name(left[geo[0]].text) if geo else None


def _is_geo(w: _Word) -> bool:
    return w.text[:1].isupper() and bool(w.tags) and "Geox" in w.tags[0].tag


def _geo_name(words: str) -> str:
    if words.isupper():
        return words
    return nominative(words)


def _agreement(tag) -> set[str]:
    """The grammemes a word agreeing with `tag` carries: plural, else its gender."""
    return {"plur"} if tag.number == "plur" else {tag.gender or "masc"}
