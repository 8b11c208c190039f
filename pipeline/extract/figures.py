"""Figures (quantities) in running text: normalized values plus kind, measure, subject, period.

Conventions: "почти" → qualifier "~" (an approximation from below; "почти до 2 трлн" is "~ 2 трлн");
"до" is "<=" except after a change verb or "с X", where it marks the level reached ("=").
Durations ("три года", "10 лет") and other time spans are not figures. Years, dates, ordinals,
reference markers, document/figure/table/page numbers and codes are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import DateFact, FigureFact
from pipeline.extract.figure_context import Sentences, is_base, resolve, set_period
from pipeline.extract.grammars.figures import ADJ_UNIT, Figure, match_at, number_words_value
from pipeline.extract.numbers import CURRENCIES, coin_shift, parse_number, scale_of, unit_of
from pipeline.extract.territories import is_currency_country
from pipeline.nlp import segment
from pipeline.nlp.morph import nominative, parses

_SIGNS = re.escape(lexicon.SIGNS)
# A digit not glued to a word, code or call ("alert(1)"), a currency sign, or a scale word.
_TRIGGER = re.compile(
    rf"(?<![\w/.=%\[,:#-])(?<!\w\()\d|[{_SIGNS}]|процент|тысяч|миллион|миллиард|триллион|цент\b", re.I
)
_PHONE = re.compile(r"\+\d[\d\s()-]{9,16}\d|\(\d{3,5}\)\s?\d{1,3}-\d{2}-\d{2}")
_ANCHOR_WORD = re.compile(rf"(?<![\w{_SIGNS}])[\w{_SIGNS}]")
_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁё]+)*|\S")
_MONTHS = "|".join(
    sorted({f for forms in lexicon.month_forms().values() for f in forms}, key=len, reverse=True)
)
_MONTHS_EN = "|".join(m.english for m in lexicon.MONTHS)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_FALLBACK_DATE = re.compile(
    rf"(?:\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})[а-я]*\s+)?"
    rf"\b{_YEAR}(?:\s*[-–—]\s*{_YEAR})?(?:-?[а-я]{{1,3}}\b|\s*(?:г\.|гг\.?|год[а-я]*))"
    rf"|(?<=\b[вксВКС] ){_YEAR}\b|(?<=\b(?:до|по|от|на|за) ){_YEAR}\b",
)
_REF_BEFORE = re.compile(
    r"(?:\b(?i:" + "|".join(lexicon.REFERENCE_ABBRS) + r")\.|№|\bN"
    r"|\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}\\w*" for w in lexicon.REFERENCE_STEMS)
    + r"|Table|Figure|ISO|ГОСТ|[A-Z]{2,}))\s*$"
)
_CONNECTOR = re.compile(r"\s*(?:и|или|до|а|,|–|—|-)\s*$")
_CHANGE = {
    "вырасти", "возрасти", "увеличиться", "снизиться", "сократиться", "уменьшиться", "упасть",
    "повыситься", "понизиться", "подорожать", "подешеветь", "прибавить", "потерять", "рост",
    "прирост", "снижение", "увеличение", "сокращение", "падение", "повышение", "понижение",
    "расти", "увеличивать", "увеличить", "сократить", "снизить", "уменьшить", "вырастать",
    "подняться", "подниматься", "опуститься", "опускаться", "возрастать", "увеличиваться",
    "сокращаться", "снижаться", "уменьшаться", "повышаться", "понижаться",
}  # fmt: skip
_TARGET = {
    "планироваться", "планировать", "план", "цель", "прогноз", "прогнозироваться", "ожидаться",
    "предполагаться", "намереваться", "запланировать", "целевой", "стратегия",
}  # fmt: skip
_SHARE = {"доля", "удельный", "процент"}
_PREP = {"PREP"}


@dataclass
class _Word:
    start: int
    end: int
    text: str

    @property
    def tags(self) -> tuple:
        return parses(self.text) if self.text[:1].isalpha() else ()

    @property
    def lemma(self) -> str:
        p = self.tags
        return p[0].normal_form if p else self.text.lower()

    def has(self, pos: str, *grams: str) -> bool:
        """The best parse is `pos`, and some parse with that part of speech has `grams`."""
        tags = self.tags
        if not tags or pos != tags[0].tag.POS:
            return False
        return any(pos == p.tag.POS and all(g in p.tag for g in grams) for p in tags)


def extract_figures(text: str, dates: list[DateFact] | None = None, analysis=None) -> list[FigureFact]:
    """Figures in `text` (offsets index it); `dates` give periods and exclude years."""
    dates = _fallback_dates(text) if dates is None else dates
    facts: list[FigureFact] = []
    sentences = _sentences(text, analysis)
    for start, end in sentences:
        chunk = text[start:end]
        if not _TRIGGER.search(chunk):
            continue
        found = _scan(chunk, start, dates)
        found = [f for f in found if _keep(text, f, dates)]
        _link(text, found)
        for f in found:
            _add_context(text, f, (start, end), dates, analysis, found)
        _parallel(text, found)
        facts.extend(found)
    if analysis is not None and getattr(analysis, "sentences", None):
        _syntax_measures(facts, analysis)
    _inherit_currency(facts)
    _count_bare(text, facts)
    facts = [f for f in facts if f.unit is not None]  # a bare number is not a figure
    resolve(text, facts, dates, Sentences(sentences))
    return facts


def _inherit_currency(facts: list[FigureFact], reach: int = 600) -> None:
    """A bare "30 миллионов" near a money figure (before, else after) is in its currency."""
    money = [f for f in facts if f.unit in CURRENCIES]
    for f in facts:
        if f.unit is not None or f.unit_mult < 3:
            continue
        before = [g for g in money if 0 <= f.char_start - g.char_end < reach]
        after = [g for g in money if 0 <= g.char_start - f.char_end < reach // 2]
        near = before[-1] if before else after[0] if after else None
        if near is not None:
            f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, 0.5


# --- sentences -------------------------------------------------------------------------------


def _sentences(text: str, analysis) -> list[tuple[int, int]]:
    """The NLP layer's sentences (segmented here when no analysis is given)."""
    sentences = analysis.sentences if analysis is not None else segment(text)
    return [(s.start, s.end) for s in sentences]


def _scan(chunk: str, offset: int, dates: list[DateFact]) -> list[FigureFact]:
    """Parse from a few anchors before each trigger (a digit, a currency sign, a scale word)."""
    found: list[FigureFact] = []
    covered = 0
    for m in _TRIGGER.finditer(chunk):
        if m.start() < covered or _in_date(offset + m.start(), dates):
            continue
        for a in _anchors(chunk, m.start()):
            if a < covered:
                continue
            end = chunk.rfind(" ", m.end(), m.end() + 90)
            match = match_at(chunk[a : end if end > 0 and m.end() + 90 < len(chunk) else None])
            if match is None or a + match.span.stop <= m.start():
                continue
            fact = _to_fact(match, offset + a)
            covered = a + match.span.stop
            if fact is not None:
                found.append(fact)
            break
    return found


# Words a figure can start with before its number: qualifiers, "от ... до", "в N раз".
_START_WORDS = lexicon.qualifier_words() | set(lexicon.FIGURE_OPENERS)


def _anchors(chunk: str, pos: int, words: int = 3) -> list[int]:
    """Starts of up to `words` words before `pos` that can begin a figure, then `pos` itself.

    The chart parse per anchor is the extractor's main cost, so words that cannot start a figure
    (anything but a qualifier, "от"/"в", a currency sign or a number word) are not tried."""
    starts = [w.start() for w in _ANCHOR_WORD.finditer(chunk, max(0, pos - 40), pos)][-words:]
    return [a for a in starts if _can_start(chunk, a)] + [pos]


_START_WORD = re.compile(rf"[\w{_SIGNS}]+")


def _can_start(chunk: str, start: int) -> bool:
    word = _START_WORD.match(chunk, start)
    if word is None:
        return False
    w = word.group().lower()
    return w in _START_WORDS or not w.isalpha() or _is_number_word(w)


@lru_cache(maxsize=50_000)
def _is_number_word(word: str) -> bool:
    return any(p.tag.POS == "NUMR" or p.normal_form in {"один", "полтора"} for p in parses(word))


def _in_date(pos: int, dates: list[DateFact]) -> bool:
    return any(d.char_start <= pos < d.char_end for d in dates)


# --- normalization ---------------------------------------------------------------------------


def _value(raw: str | None) -> float | None:
    if not raw:
        return None
    return parse_number(raw) if raw[:1].isdigit() else number_words_value(raw)


def _to_fact(match, offset: int) -> FigureFact | None:
    fig: Figure = match.fact
    start, end = offset + match.span.start, offset + match.span.stop
    if fig.amount and ADJ_UNIT.search(fig.amount):
        return _compound(fig.amount, start, end)
    value = _value(fig.amount) if fig.amount else 1.0 if fig.scale else None
    value_max = _value(fig.amount_max)
    if value is None or (fig.amount_max and value_max is None):
        return None
    mult = scale_of(fig.scale) if fig.scale else None
    mult_max = scale_of(fig.scale_max) if fig.scale_max else None
    if mult is None:
        mult = mult_max or 0
    if value_max is not None:
        value_max *= 10 ** ((mult_max if mult_max is not None else mult) - mult)
    unit_raw = fig.prefix or fig.unit
    unit = "TIMES" if fig.unit == "раз" else unit_of(unit_raw) if unit_raw else None
    if unit_raw and unit in CURRENCIES:
        mult += coin_shift(unit_raw)
    if fig.counted and re.search(r"\s[А-ЯЁ][а-яё]", match.tokens[-1].value[:1] + " " + _tail(match)):
        fig.counted = None  # "3 Официальный сайт": a capitalized word starts a new line or cell
    if fig.counted:
        unit = "COUNT"
    qualifier = "range" if value_max is not None else fig.qualifier or "="
    words = not (fig.amount or "1")[:1].isdigit()
    if words and (unit in {None, "COUNT"} and not fig.scale and not fig.scale_max):
        return None  # "двух стран", "одна треть": number words count only with a unit
    return FigureFact(
        char_start=start,
        char_end=end,
        value=value,
        unit=unit,
        unit_mult=mult,
        value_max=value_max,
        unit_raw=unit_raw,
        counted=fig.counted,
        qualifier=qualifier,
        kind="ratio" if unit == "TIMES" else "level",
        confidence=(0.4 if unit is None else 0.8 if unit == "COUNT" else 0.9) - 0.1 * words,
    )


def _tail(match) -> str:
    """The first word after the amount and scale of a match."""
    words = [t.value for t in match.tokens if t.type == "RU"]
    return next((w for w in words if w[:1].isupper() and w.lower() not in _QUALIFIER_WORDS), "")


_QUALIFIER_WORDS = lexicon.qualifier_words() | set(lexicon.FIGURE_OPENERS) - {"в"}


def _compound(raw: str, start: int, end: int) -> FigureFact | None:
    """ "70-процентное", "20-долларовой": an adjective made of a number and a unit."""
    number, suffix = raw.split("-", 1)
    units = lexicon.compound_units()
    unit = next((u for stem, u in units.items() if suffix.lower().startswith(stem)), None)
    value = parse_number(number)
    if unit is None or value is None:
        return None
    return FigureFact(start, end, value, unit, unit_raw=suffix, confidence=0.7)


# --- what is not a figure --------------------------------------------------------------------


def _keep(text: str, f: FigureFact, dates: list[DateFact]) -> bool:
    if f.unit == "GBP" and re.match(r"\s*\d+\s*унц", text[f.char_end : f.char_end + 12]):
        f.unit = "LB"  # "8 фунтов 6 унций" is a weight
    if any(d.char_start < f.char_end and f.char_start < d.char_end for d in dates):
        return False
    before = text[max(0, f.char_start - 30) : f.char_start]
    near = _PHONE.search(text, max(0, f.char_start - 20), f.char_end + 20)
    if near and near.start() <= f.char_start and f.char_end <= near.end():
        return False
    if re.search(
        r"\b(?:" + _MONTHS + "|" + _MONTHS_EN + r")[а-я]*\s*$",
        before,
        re.I,
    ):
        return False  # the year of a date: "1 December 2019"
    if _REF_BEFORE.search(before) or _in_brackets(text, f.char_start):
        return False
    return f.unit is not None or _keep_bare(text, f, before)


def _keep_bare(text: str, f: FigureFact, before: str) -> bool:
    after = text[f.char_end : f.char_end + 20]
    line_start = text.rfind("\n", 0, f.char_start) + 1
    if not text[line_start : f.char_start].strip():  # list items, page numbers, footnote bodies
        return False
    if _layout_number(text, f, before, after):
        return False
    if re.match(r"-|\s*(?:" + _MONTHS + ")", after, re.I):  # "20 декабря", "4-\nх"
        return False
    if 1800 <= f.value <= 2100 and f.value.is_integer() and not re.match(r"\s+[а-яё]", after):
        return False  # a year in a table row or a list: "2005 Науки о жизни"
    if _next_lemma(after) in _SPAN_WORDS:
        return False  # durations and frequencies: "13 лет", "6 раз в год"
    heading = re.fullmatch(r"\s*(?:[А-ЯЁA-Z]\w*|[\d\s.]*)\s*", text[line_start : f.char_start])
    if heading and re.match(r"\.\s+[А-ЯЁA-Z]", after):
        return False  # a heading or list number: "Выводы 1. Развитие ..."
    if re.search(r"[»\")”]\s*$", before) and f.value < 100 and re.match(r"\s*[.,;:\n]|$", after):
        return False  # footnote marker after a quote: "до 2020 года» 3."
    return not re.search(r"[A-Za-z]\s*$", before)


_NUMBER_TOKEN = re.compile(r"(?<![\w.,])[-−]?\d+(?:[.,]\d+)?(?![\w])")


def _layout_number(text: str, f: FigureFact, before: str, after: str) -> bool:
    """Page numbers of contents lines, pages of references, "(1)" labels and rows of numbers."""
    if re.search(r"[.…]{2,}\s*$", before) or re.search(r"\b(?:[CcPp]|pp|Paper|Vol)[.:]\s*$", before):
        return True  # "Анализ ....... 33", "C. 201–216", "Paper: 7–14"
    if before.endswith("<") and after.startswith(">") or re.search(r"https?://|doi", after[:40], re.I):
        return True  # footnote markers "<14>"; numbers of a reference before its link
    section = re.match(r"\d+\.\d+\.", text[f.char_start : f.char_end + 1])
    if section or re.search(r"\d\s*\(\d+\),\s*$", before):
        return True  # pages of a reference "40(5), 49—73"; section numbers "2.2."
    if re.match(r"\(\d", after) or re.search(r"\)[,:]\s*$", before):
        return True  # volume(issue) and the pages after it: "85(4), 485–499", "(4 (48)), 123—129"
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return True  # "№ 4 (71)", equation labels "(1) (2)"
    line_start = text.rfind("\n", 0, f.char_start) + 1
    line_end = text.find("\n", f.char_end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    numbers = len(_NUMBER_TOKEN.findall(line))
    return numbers >= 3 and numbers >= len(re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", line))


_SPAN_WORDS = set(lexicon.TIME_NOUNS) | {"раз"}


def _next_lemma(after: str) -> str:
    m = re.match(r"[\s-]*([А-Яа-яЁё]+)", after)
    return "" if m is None else "лет" if m.group(1).lower() == "лет" else _Word(0, 0, m.group(1)).lemma


def _in_brackets(text: str, pos: int) -> bool:
    """Inside a reference list like "[9, 10]" or "[2-6]"."""
    left = text.rfind("[", max(0, pos - 40), pos)
    if left < 0 or "]" in text[left:pos]:
        return False
    right = text.find("]", pos, pos + 40)
    return right >= 0 and re.fullmatch(r"[\d\s,;–—-]*", text[left + 1 : right]) is not None


def _fallback_dates(text: str) -> list[DateFact]:
    """Year mentions ("2019 г.", "в 2018 году", "1990–1994 годов") when no dates are given."""
    out = []
    for m in _FALLBACK_DATE.finditer(text):
        years = re.findall(_YEAR, m.group())
        before = text[max(0, m.start() - 3) : m.start()].lower()
        kind = "by" if re.search(r"\b(?:к|до)\s$", before) else "range" if len(years) > 1 else "point"
        out.append(DateFact(m.start(), m.end(), f"{years[0]}-01-01", f"{years[-1]}-12-31", "year", kind, 0.6))
    return out


# --- links between neighbouring figures -------------------------------------------------------


def _link(text: str, found: list[FigureFact]) -> None:
    """Share units across "98 млрд и 360 млрд руб.", "11 из 50 компаний", "с X до Y"."""
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if a.unit is None and a.unit_mult and b.unit in CURRENCIES and _CONNECTOR.match(between):
            a.unit, a.unit_raw, a.confidence = b.unit, b.unit_raw, 0.8
        if a.qualifier == ">" and b.qualifier == "=" and re.fullmatch(r"\s*и\s*", between):
            b.qualifier = ">"
        if a.unit is None and b.unit in {None, "COUNT"} and re.fullmatch(r"\s*из\s*", between):
            a.unit = b.unit = "COUNT"  # "11 из 50 компаний", "1,33 из 4-х млн.": part of a whole
            a.counted, a.confidence = b.counted, 0.7
            if not a.unit_mult and b.unit_mult and a.value < b.value:
                a.unit_mult = b.unit_mult  # "1,33 из 4-х млн.": the scale is printed once
        from_to = re.search(r"\b[сС]\s*$", text[max(0, a.char_start - 3) : a.char_start])
        if b.qualifier == "<=" and a.unit and from_to and re.match(r"\s*до\b", text[b.char_start :]):
            b.qualifier = "="  # "с 10,63 до 11,29 млрд": the level reached
    for f in found:
        if f.unit is None and f.unit_mult:
            cur = [g for g in found if g.unit in CURRENCIES]
            if cur:
                near = min(cur, key=lambda g: abs(g.char_start - f.char_start))
                f.unit, f.unit_raw, f.confidence = near.unit, near.unit_raw, 0.6


# --- context ---------------------------------------------------------------------------------


def _clause(text: str, f: FigureFact, s_start: int, s_end: int, outer: bool = False) -> list[_Word]:
    """Words of the clause around a figure: its parenthesis, or the sentence without others.

    With `outer`, the clause that holds the figure's parenthesis, up to the parenthesis.
    """
    depth_open: list[int] = []
    groups: list[tuple[int, int]] = []
    for i in range(s_start, s_end):
        if text[i] == "(":
            depth_open.append(i)
        elif text[i] == ")" and depth_open:
            groups.append((depth_open.pop(), i))
    inner = [g for g in groups if g[0] < f.char_start and f.char_end <= g[1]]
    if inner and outer:
        lo, hi = min(inner, key=lambda g: g[0])
        f = FigureFact(lo, hi + 1, 0.0, None)
    elif inner:
        lo, hi = max(inner, key=lambda g: g[0])
        s_start, s_end = lo + 1, hi
    skip = [g for g in groups if g[0] >= s_start and g[1] < s_end and not inner_of(g, f)]
    words = []
    for m in _WORD.finditer(text, s_start, s_end):
        if not any(a <= m.start() <= b for a, b in skip):
            words.append(_Word(m.start(), m.end(), m.group()))
    semi = [w.start for w in words if w.text == ";"]
    lo = max([p for p in semi if p < f.char_start], default=s_start)
    hi = min([p for p in semi if p > f.char_end], default=s_end)
    return [w for w in words if lo <= w.start < hi]


def inner_of(group: tuple[int, int], f: FigureFact) -> bool:
    return group[0] < f.char_start and f.char_end <= group[1]


def _add_context(
    text: str, f: FigureFact, bounds: tuple[int, int], dates: list[DateFact], analysis, found: list
) -> None:
    """Period, kind, measure, subject and a qualifier implied by the verb ("превысил 51%")."""
    s_start, s_end = bounds
    words = _clause(text, f, s_start, s_end)
    left = [w for w in words if w.end <= f.char_start]
    right = [w for w in words if w.start >= f.char_end]
    set_period(f, _period(text, f, words, [d for d in dates if not is_base(text, d)], s_start, s_end), text)
    f.kind = _kind(text, f, left, right, dates, words)
    if f.unit != "COUNT":
        f.measure = _measure(left, right)
    if f.measure is None and f.unit != "COUNT" and not any(_is_verb(w) for w in left):
        outer = _clause(text, f, s_start, s_end, outer=True)
        if outer != words:
            up = [w for w in outer if w.end <= f.char_start]
            f.measure = _measure(up, [])
            f.kind = _kind(text, f, up, right, dates, outer) if f.kind == "level" else f.kind
    f.subject = _subject(text, f, words, left, s_start, s_end, analysis)
    if f.kind == "change" and f.qualifier == "<=" and re.match(r"\s*до\b", text[f.char_start :]):
        f.qualifier = "="
    if f.qualifier == "=":
        f.qualifier = _verb_qualifier(text, f, left, dates, found) or f.qualifier


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


def _parallel(text: str, found: list[FigureFact]) -> None:
    """A figure in an elliptical aside takes the kind of the figure it parallels.

    "57,04% от всего объема импорта в 2019 году (в 2018 году – 57,12%)": the second is a share too.
    """
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.char_end : b.char_start]
        if b.unit != a.unit or b.kind != "level" or a.kind in {"level", "ratio"}:
            continue
        verbs = any(_is_verb(w) for w in map(_as_word, _WORD.finditer(between)))
        if re.search(r"[(;]", between) and not verbs:
            b.kind = a.kind


def _as_word(m: re.Match) -> _Word:
    return _Word(m.start(), m.end(), m.group())


def _kind(text, f, left, right, dates, words) -> str:
    lemmas = {w.lemma for w in left}
    if f.unit == "TIMES":
        return "ratio"
    na_before = re.search(r"\bна\s*$", text[max(0, f.char_start - 4) : f.char_start])
    if (na_before or re.match(r"\w+\s+(?:чем\s+)?на\b", text[f.char_start :])) and lemmas & _CHANGE:
        return "change"
    if f.unit == "PERCENT" and (_share_after(right) or lemmas & _SHARE or _alone_in_brackets(text, f)):
        return "share"
    if lemmas & _CHANGE and any(w.lemma in _CHANGE and w.has("NOUN", "nomn") for w in left):
        return "change"
    by = [d for d in dates if d.kind == "by" and words and words[0].start <= d.char_start]
    if lemmas & _TARGET or any(d.char_end <= f.char_start for d in by) or _future(left):
        return "target"
    return "level"


def _future(left: list[_Word]) -> bool:
    """The governing verb is in the future tense ("позволит увеличить ... до 2,5 млн. тонн")."""
    verb = next((w for w in reversed(left) if _is_verb(w)), None)
    return verb is not None and verb.tags[0].tag.tense == "futr"


def _alone_in_brackets(text: str, f: FigureFact) -> bool:
    """A percentage alone in brackets after a noun phrase ("привлеченные средства (55 - 60%)")."""
    return bool(re.search(r"[А-Яа-яЁё]\s*\(\s*$", text[max(0, f.char_start - 4) : f.char_start])) and bool(
        re.match(r"\s*\)", text[f.char_end :])
    )


def _share_after(right: list[_Word]) -> bool:
    if not right:
        return False
    if right[0].lemma == "от" or right[0].has("NOUN", "gent") and not right[0].text[:1].isupper():
        return True
    adjectives = next((i for i, w in enumerate(right) if not w.has("ADJF", "gent")), len(right))
    return right[0].lemma in {"весь", "общий"} or (
        0 < adjectives < len(right) and right[adjectives].has("NOUN", "gent")
    )  # "около 20% отечественного железорудного сырья"


def _period(text, f, words, dates, s_start, s_end) -> DateFact | None:
    lo = words[0].start if words else s_start
    hi = words[-1].end if words else s_end
    inside = [d for d in dates if lo <= d.char_start and d.char_end <= hi]
    after = [
        d
        for d in inside
        if d.char_start >= f.char_end and not re.search(r"[,;–—]", text[f.char_end : d.char_start])
    ]
    before = [d for d in inside if d.char_end <= f.char_start]
    if not (after or before):
        before = [d for d in dates if s_start <= d.char_start and d.char_end <= f.char_start]
    if after:
        return min(after, key=lambda d: d.char_start)
    return max(before, key=lambda d: d.char_end) if before else None


def _measure(left: list[_Word], right: list[_Word]) -> str | None:
    """The subject noun phrase of the governing verb, else a genitive phrase after the figure."""
    verb = next((i for i in range(len(left) - 1, -1, -1) if _is_verb(left[i])), None)
    if verb is not None:
        for i in range(verb):
            if _agrees(left[i], left[verb]) and not _in_pp(left, i):
                return _phrase(left, i)
    if right and right[0].has("NOUN", "gent") or len(right) > 1 and right[0].has("ADJF", "gent"):
        np = _genitive_run(right, 0)
        if np:
            return nominative(" ".join(w.text for w in right[:np]))
    return None


def _is_verb(w: _Word) -> bool:
    tags = w.tags
    return bool(tags) and tags[0].tag.POS in {"VERB", "PRTS"}


def _agrees(noun: _Word, verb: _Word) -> bool:
    v = verb.tags[0].tag
    if noun.text.isupper() or not noun.tags or noun.tags[0].tag.POS != "NOUN":
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


def _genitive_run(words: list[_Word], i: int) -> int:
    j = i
    while j < len(words) and j - i < 4 and (words[j].has("ADJF", "gent") or words[j].has("NOUN", "gent")):
        j += 1
    return j


def _phrase(words: list[_Word], i: int) -> str:
    end = _genitive_run(words, i + 1)
    text = " ".join(w.text for w in words[i:end])
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


# --- measure from syntax, and bare numbers that count something -------------------------------

_NOUNS = {"NOUN", "PROPN"}
_FRAME = {"уровень", "размер", "сумма", "величина", "объем", "объём", "показатель", "значение", "отметка"}
_TIME_NOUNS = set(lexicon.PERIOD_NOUNS)
_CLIMB_RELS = {"conj", "xcomp", "csubj", "csubj:pass", "advcl", "acl", "ccomp", "parataxis"}
_NOUN_RELS = {"nmod", "appos", "nummod", "nummod:gov"}


def _syntax_measures(facts: list[FigureFact], analysis) -> None:
    """Measure = the subject of the governing verb, or the noun the figure depends on (one parse call).

    Syntax is the slow part of the NLP layer, so it runs only on prose sentences (not number-dense
    chart labels or table remnants) holding a figure with a unit that is not a count of a noun."""
    wanted = [f for f in facts if f.unit and not (f.unit == "COUNT" and f.counted)]
    index = {id(f): analysis.sentence_index(f.char_start) for f in wanted}
    index = {k: i for k, i in index.items() if _is_prose(analysis.sentences[i].text)}
    parsed = analysis.parse(sorted(set(index.values())))
    spans = [(f.char_start, f.char_end) for f in facts]
    for f in wanted:
        if id(f) not in index:
            continue
        tokens = parsed.get(index[id(f)], [])
        found = _syntax_measure(f, tokens, spans) if tokens else None
        f.measure = found or f.measure
        if f.measure and _Word(0, 0, f.measure.split()[0]).lemma in _TIME_NOUNS:
            f.measure = None  # "до 2014 года (около 25 - 30%)": a date is not what is measured


_SYNTAX_MAX_CHARS = 500


def _is_prose(sentence: str) -> bool:
    """Short enough to parse, and mostly words rather than numbers."""
    digits = sum(ch.isdigit() for ch in sentence)
    return len(sentence) <= _SYNTAX_MAX_CHARS and digits <= 0.15 * len(sentence)


def _syntax_measure(f: FigureFact, tokens: list, spans: list[tuple[int, int]]) -> str | None:
    by_id = {t.id: t for t in tokens}
    inside = [t for t in tokens if f.char_start <= t.start < f.char_end]
    ids = {t.id for t in inside}
    node = next((t for t in inside if t.head_id not in ids), None)
    for _ in range(4):
        head = by_id.get(node.head_id) if node is not None else None
        if head is None or node.rel.startswith("nsubj") or any(a <= head.start < b for a, b in spans):
            return None  # a figure that is itself the subject is measured by its genitive (morphology)
        in_pp = any(t.head_id == head.id and t.rel == "case" for t in tokens)
        if head.pos in _NOUNS and node.rel in _NOUN_RELS and head.start < node.start and not in_pp:
            return None if head.lemma in _FRAME | _TIME_NOUNS else _noun_phrase(head, tokens)
        if head.pos in {"VERB", "AUX"} or head.lemma in _FRAME:
            subject = _subject_of(head, tokens, spans)
            if subject is not None:
                return _noun_phrase(subject, tokens)
        if head.rel not in _CLIMB_RELS and head.lemma not in _FRAME and not in_pp:
            return None
        node = head
    return None


def _subject_of(verb, tokens: list, spans: list[tuple[int, int]]):
    """The nominal subject of a verb nearest to it, outside figures."""
    subjects = [t for t in tokens if t.head_id == verb.id and t.rel.startswith("nsubj") and t.pos in _NOUNS]
    subjects = [
        t for t in subjects if t.lemma not in _TIME_NOUNS and not any(a <= t.start < b for a, b in spans)
    ]
    return min(subjects, key=lambda t: abs(t.start - verb.start), default=None)


def _noun_phrase(noun, tokens: list) -> str:
    """The noun with its adjectives before it and up to three genitive words after, nominative."""
    i = tokens.index(noun)
    lo = i
    while lo > 0 and tokens[lo - 1].rel == "amod" and tokens[lo - 1].head_id == noun.id:
        lo -= 1
    hi = i + 1
    while hi < len(tokens) and hi - i <= 3 and tokens[hi].feats.get("Case") == "Gen" and tokens[hi].pos in {
        "NOUN", "ADJ", "PROPN"
    }:  # fmt: skip
        hi += 1
    phrase = " ".join(t.text for t in tokens[lo:hi])
    if noun.feats.get("Case") not in {None, "Nom"}:
        phrase = nominative(phrase)
    return phrase if phrase[:2].isupper() or noun.pos == "PROPN" else phrase[:1].lower() + phrase[1:]


_COUNT_MEASURES = {"число", "количество", "численность"}


_RELATIVE = re.compile(r"\b(?:из|среди)\s+(?:которых|них)\s*$")


def _count_bare(text: str, facts: list[FigureFact]) -> None:
    """Bare numbers that count: "их общее число составляет 2543", "..., из которых 1991"."""
    for i, f in enumerate(facts):
        if f.unit is not None:
            continue
        words = (f.measure or "").lower().split()
        prev = next((g for g in reversed(facts[:i]) if g.unit == "COUNT"), None)
        near = prev is not None and f.char_start - prev.char_end < 200
        if any(_Word(0, 0, w).lemma in _COUNT_MEASURES for w in words):
            f.unit, f.confidence = "COUNT", 0.6
        elif near and _RELATIVE.search(text[max(0, f.char_start - 20) : f.char_start]):
            f.unit, f.counted, f.confidence = "COUNT", prev.counted, 0.6


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
        ]
        return ents[-1].normal if ents else None
    geo = [i for i, w in enumerate(left) if _is_geo(w)]
    loc = [i for i in geo if i and left[i - 1].lemma in {"в", "во"}]
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
