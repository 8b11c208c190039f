"""A figure alone in brackets after a noun phrase measures that phrase: "черные металлы (7%)" →
"доля черных металлов в экспорте" (the whole taken from the sentence's "доля в ..." or "в
структуре ..."), "сокращается доля продукции верхних переделов (на 11 п.п.)" → that share; after
a place ("Египет (621%)") it repeats the measure of the list's earlier figure."""

from __future__ import annotations

import re
from itertools import takewhile

import yargy  # noqa: F401  (import before pymorphy: yargy patches pymorphy2 for Python 3.11)

from pipeline import lexicon
from pipeline.extract.facts import Confidence, FigureFact
from pipeline.extract.figures.shares import (
    SHARE_HEADS,
    earlier_whole,
    genitive,
    listed_whole,
    thing_of,
    whole_after,
    whole_of,
)
from pipeline.extract.figures.words import _WORD, _as_word, _is_verb, _Word
from pipeline.extract.measures import figure_indicator

_SEGMENT = re.compile(r"[,;:()]|\s[-–—]\s")
_INSIDE = re.compile(r"[\s,]*(?:соответственно\s+)?(?:на\s+)?(?:[\s,]*\bи\b[\s,]*)?", re.I)
_LEADING = {"и", "а", "также", "на", "в", "сам", "-", "–", "—", "•"}  # "сам Дуров (12 %)"
_NOMINAL = {"NOUN", "ADJF", "PRTF"}
_SHARE_UNITS = {"PERCENT", "PP"}
_CLOSED = re.compile(r"\s*\)")
_PART_NOUNS = set(lexicon.PART_NOUNS)
MAX_NP_WORDS = 8  # a longer run before the bracket is a clause, not a list item


def bracket_measures(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """Measures of percentages alone in brackets after a noun phrase (see module doc)."""
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if f.unit not in _SHARE_UNITS or bounds is None:
            continue
        opening = _opening(text, f, facts, bounds)
        if opening is None:
            continue
        words = _item(text, bounds[0], opening)
        if words and _is_place(words):
            measure = _place_item(f, facts[:i], bounds)
        elif words:
            measure = _item_measure(text, f, words, facts[:i], bounds)
        else:
            measure = _share_of_figure(text, f, facts[:i], opening)
        if measure:
            f.measure, f.confidence = measure, min(f.confidence, Confidence.INFERRED)


def _share_of_figure(text: str, f: FigureFact, before: list[FigureFact], opening: int) -> str | None:
    """ "9,4 млн. долл. США (1,4%)": the share of what the amount before the bracket measures."""
    g = before[-1] if before else None
    if g is None or f.kind != "share" or not g.measure or text[g.char_end : opening].strip():
        return None
    if not _CLOSED.match(text, f.char_end):
        return None  # "(0,6% от России в целом)": a share of another whole; the amount's measure stays
    thing = thing_of(g.measure)
    return f"доля {thing}" if thing else None


def _opening(text: str, f: FigureFact, facts: list[FigureFact], bounds: tuple[int, int]) -> int | None:
    """Offset of the "(" the figure opens (alone, after "на", or after other figures joined by "и"
    or commas), when the bracket closes in the sentence."""
    at = text.rfind("(", bounds[0], f.char_start)
    if at < 0 or ")" in text[at : f.char_start] or _closing(text, f, bounds) < 0:
        return None
    inside = list(text[at + 1 : f.char_start])
    for g in facts:
        if at < g.char_start and g.char_end <= f.char_start:
            inside[g.char_start - at - 1 : g.char_end - at - 1] = " " * (g.char_end - g.char_start)
    return at if _INSIDE.fullmatch("".join(inside)) else None


def _item(text: str, start: int, opening: int) -> list[_Word]:
    """The noun phrase right before the bracket: its list item after the last verb, with the noun
    groups it is coordinated with by commas ("сельское хозяйство, охота и лесное хозяйство (25%)");
    none when a figure ends it ("9,4 млн. долл. США (1,4%)": a share of that figure)."""
    marks = [m for m in _SEGMENT.finditer(text, start, opening)]
    words: list[_Word] = []
    for k in range(len(marks), -1, -1):
        lo = marks[k - 1].end() if k else start
        chunk = [
            _as_word(m) for m in _WORD.finditer(text, lo, marks[k].start() if k < len(marks) else opening)
        ]
        verb = max((j for j, w in enumerate(chunk) if _is_verb(w)), default=-1)
        group = chunk[verb + 1 :]
        if any(ch.isdigit() for w in group for ch in w.text) or (words and not _noun_group(group)):
            break
        words = group + ([_Word(marks[k].start(), marks[k].end(), ",")] if words else []) + words
        if verb >= 0 or k == 0 or marks[k - 1].group() != ",":
            break
    return _noun_group(words)


def _noun_group(words: list[_Word]) -> list[_Word]:
    """`words` without a leading conjunction or preposition, when they are a short noun group."""
    while words and words[0].lemma in _LEADING:
        words = words[1:]
    nominal = bool(words) and words[0].tags and words[0].tags[0].tag.POS in _NOMINAL
    if not nominal or len(words) > MAX_NP_WORDS or not any(w.has("NOUN") for w in words):
        return []
    return words


def _item_measure(
    text: str, f: FigureFact, words: list[_Word], before: list[FigureFact], bounds: tuple[int, int]
) -> str | None:
    """The phrase itself when it names a share; "доля" + its genitive + the whole for a share;
    after a bare share word ("наибольшую долю (89,9%) занимают услуги образования") the subject
    after the bracket."""
    if words[-1].lemma in SHARE_HEADS:
        words = _subject_after(text, f, bounds)
        if not words:
            return None
    elif words[-1].lemma in _PART_NOUNS and (members := _members_after(text, f, bounds)):
        return f"доля {members}"  # "Подавляющее большинство (97 %) компаний"
    elif words[0].lemma in SHARE_HEADS:
        return _nominative(words) if len(words) > 1 else None
    if f.kind != "share":
        return _nominative(words)
    lead = [_as_word(m) for m in _WORD.finditer(text, bounds[0], words[0].start)]
    close = _closing(text, f, bounds)
    whole = whole_of(lead) or whole_of(_inside(text, f, bounds)) or whole_after(text, f, close)
    whole = whole or listed_whole(text, f) or earlier_whole(before, bounds)
    return " ".join(filter(None, [lexicon.SHARE_NOUN, genitive(words), whole]))


def listed_shares(text: str, facts: list[FigureFact], sentences: list[tuple[int, int]]) -> None:
    """Once the kinds are settled: a percentage alone in brackets after a list item, after a share in
    brackets with its whole, is a share of that whole too ("озимая и яровая пшеница (52% в структуре
    производства зерна), кукуруза на зерно (соответственно 24%)")."""
    for i, f in enumerate(facts):
        bounds = next(((s, e) for s, e in sentences if s <= f.char_start < e), None)
        if f.kind != "level" or f.unit != "PERCENT" or bounds is None:
            continue
        opening = _opening(text, f, facts, bounds)
        whole = earlier_whole(facts[:i], bounds) if opening is not None else None
        words = _item(text, bounds[0], opening) if whole else []
        if words and not _is_place(words):
            f.kind, f.measure = "share", " ".join([lexicon.SHARE_NOUN, genitive(words), whole])
            f.indicator = figure_indicator(text, f, bounds) or f.indicator


def _place_item(f: FigureFact, before: list[FigureFact], bounds: tuple[int, int]) -> str | None:
    """After a place the list's earlier figure with a measure gives its measure and its kind
    ("Франция (… среднегодовой темп роста экспорта составил более 900%), Египет (621%)": a change,
    not a share)."""
    earlier = [g for g in before if g.char_start >= bounds[0] and g.unit == f.unit and g.measure]
    if not earlier:
        return None
    f.kind = earlier[-1].kind
    return earlier[-1].measure


def _subject_after(text: str, f: FigureFact, bounds: tuple[int, int]) -> list[_Word]:
    """The noun group after the bracket's verb, up to the next punctuation ("занимают услуги
    образования.")."""
    close = _closing(text, f, bounds)
    end = _SEGMENT.search(text, close + 1, bounds[1])
    words = [_as_word(m) for m in _WORD.finditer(text, close + 1, end.start() if end else bounds[1])]
    words = [w for w in words if w.text[:1].isalpha()]
    return _noun_group(words[1:]) if words and _is_verb(words[0]) else []


def _members_after(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """The genitive noun group right after the figure's bracket ("(97 %) компаний")."""
    close = _closing(text, f, bounds)
    words = [_as_word(m) for m in _WORD.finditer(text, close + 1, bounds[1])]
    group = list(takewhile(lambda w: w.has("NOUN", "gent") or w.has("ADJF", "gent"), words))
    while group and not group[-1].has("NOUN"):
        group.pop()
    return " ".join(w.text.lower() for w in group) or None


def _closing(text: str, f: FigureFact, bounds: tuple[int, int]) -> int:
    """Offset of the ")" that closes the figure's bracket in its sentence, else -1."""
    return text.find(")", f.char_end, bounds[1])


def _inside(text: str, f: FigureFact, bounds: tuple[int, int]) -> list[_Word]:
    """The bracket's words after the figure: "от объема инвестиций" names the whole."""
    close = _closing(text, f, bounds)
    return [_as_word(m) for m in _WORD.finditer(text, f.char_end, close)]


def _is_place(words: list[_Word]) -> bool:
    """A proper place name ("Египет", "Республика Беларусь")."""
    from pipeline.extract.territories import find_territories

    phrase = " ".join(w.text for w in words)
    spans = find_territories(phrase)
    return bool(spans) and spans[0].start == 0 and spans[-1].end >= len(phrase) - 1


def _nominative(words: list[_Word]) -> str:
    from pipeline.nlp.morph import nominative

    phrase = nominative(" ".join(w.text for w in words)).replace(" ,", ",")
    return phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase
