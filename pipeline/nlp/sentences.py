"""Sentence repair shared by every extractor: natasha's splits after abbreviations are re-joined.

natasha splits "692,9 млн. долл. США" after "долл." and "9 тыс. PhD" after "тыс."; a piece
continues the previous one when that ends with ";" or "," or an abbreviation's dot and the piece
does not start with a Cyrillic capital, and always after an initial ("М. Портер"), before a
currency's tail ("США") or a scale's abbreviation before a unit spelled with a capital ("50 тыс.
Гкал", "2 млн. МВт"); a piece starting with a small letter continues one that ends without a full
stop or a colon (a line wrapped mid-sentence). The abbreviations and units come from
`pipeline.lexicon`.
"""

from __future__ import annotations

import re

from pipeline import lexicon

_DOTTED_WORD = re.compile(r"(\w+)\.$")
_ENDS = (".", "!", "?", "…", ":")  # a piece ending so ends its sentence (or leads into a list)
_CAPITAL_START = re.compile(r"[«\"(]?[А-ЯЁ]")
_ABBREVIATIONS = (
    set(lexicon.ABBREVIATIONS)
    | {s.abbr for s in lexicon.SCALES}
    | {lexicon.key(a) for u in lexicon.currency_units() for a in u.abbrs if a.endswith(".")}
)
_TAILS = tuple(t.upper() for t in lexicon.CURRENCY_TAILS if len(t) == len("сша"))
_SCALE_ABBRS = {s.abbr for s in lexicon.SCALES}
_UNIT_SPELLINGS = sorted(map(re.escape, lexicon.exact_codes()), key=len, reverse=True)
_CAPITAL_UNIT = re.compile(r"(?:" + "|".join(_UNIT_SPELLINGS) + r")(?![А-Яа-яЁё])")


def rejoin(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds with the pieces that continue a previous sentence joined to it."""
    out: list[tuple[int, int]] = []
    for a, b in bounds:
        if out and continues(text, out[-1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def continues(text: str, prev: tuple[int, int], start: int) -> bool:
    """Whether the piece at `start` continues the sentence `prev` (see the module docstring)."""
    tail = text[prev[0] : prev[1]].rstrip()
    word = _dotted_word(tail)
    if text.startswith(_TAILS, start) or (word and word.isupper() and len(word) == 1):
        return True
    if word and word.lower() in _SCALE_ABBRS and _CAPITAL_UNIT.match(text, start):
        return True  # "50 тыс. Гкал"
    if _CAPITAL_START.match(text[start : start + 2]):
        return False
    if text[start : start + 1].islower() and not tail.endswith(_ENDS):
        return True  # a line wrapped mid-sentence: "(БИПЦ), исключающий изменения" ⏎ "цен на отдельные …"
    return tail.endswith((";", ",")) or bool(word and word.lower() in _ABBREVIATIONS)


DOTTED_TAIL = 40  # characters at a sentence's end where its last dotted word is looked for first


def _ends_with_abbreviation(tail: str) -> bool:
    """`tail` ends with an abbreviation's full stop ("млн.", "долл.")."""
    word = _dotted_word(tail)
    return bool(word) and word.lower() in _ABBREVIATIONS


def _dotted_word(tail: str) -> str | None:
    """The word before the full stop that ends `tail` (`_DOTTED_WORD`'s group, which the regex
    finds by trying every start from the left: a sentence that pieces are joined to grows long on
    tables and lists). Looked for in the last `DOTTED_TAIL` characters; a match starting at their
    first character may be the end of a longer word, and is looked for again in the whole tail."""
    if not tail.endswith("."):
        return None
    first = max(0, len(tail) - DOTTED_TAIL)
    match = _DOTTED_WORD.search(tail, first)
    if match and first and match.start() == first:
        match = _DOTTED_WORD.search(tail)
    return match.group(1) if match else None


PAGE_CONTEXT = 400  # characters of a neighbour page's sentence carried at most
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_LIST_END = (";",)  # a page ending a list item: the next page starts another


def page_in_context(previous: str, text: str, following: str) -> tuple[str, int]:
    """A page's text with the sentence a page break cut joined back: the unfinished last sentence of
    the page before when this page goes on with it (it starts with a small letter, that page ends
    with no full stop, colon or semicolon), and the head of the next page up to its first sentence
    end when that page goes on with this one's last sentence. Returns the joined text and where the
    page's own text starts in it (its length is the page's)."""
    lead = _unfinished_tail(previous) if _goes_on(previous, text) else ""
    tail = _finishing_head(following) if _goes_on(text, following) else ""
    joined = " ".join(filter(None, [lead, text, tail])) if lead or tail else text
    return joined, len(lead) + 1 if lead else 0


def _goes_on(before: str, after: str) -> bool:
    """`after` (a page) goes on with the last sentence of `before` (the page before it): it starts with
    a small letter and that page ends with no full stop, colon or semicolon, or it starts with a
    currency's tail after a currency's abbreviation ("… 17,5 млн. долл." ⏎ "США при общем …")."""
    end, head = before.rstrip(), after.lstrip()
    if head.startswith(_TAILS) and _ends_with_abbreviation(end):
        return True
    return bool(end) and head[:1].islower() and not end.endswith(_ENDS + _LIST_END)


def _unfinished_tail(text: str) -> str:
    """The last sentence of a page that ends mid-sentence: after its last line break or sentence end
    (not an abbreviation's full stop), at most `PAGE_CONTEXT` characters (from a word's start)."""
    end = text.rstrip()
    stops = [m.end() for m in _SENTENCE_END.finditer(end) if not _abbreviation_dot(end, m.start())]
    start = max([end.rfind("\n") + 1, *stops])
    start = max(start, len(end) - PAGE_CONTEXT)
    if start and not end[start - 1].isspace():
        start = next((k + 1 for k in range(start, len(end)) if end[k].isspace()), len(end))
    return end[start:].strip()


def _abbreviation_dot(text: str, dot: int) -> bool:
    """The full stop at `dot` ends an abbreviation ("17,5 млн. долл. США"), not a sentence (read in
    the words right before it: pages are long)."""
    return _ends_with_abbreviation(text[max(0, dot + 1 - DOTTED_TAIL) : dot + 1])


def _finishing_head(text: str) -> str:
    """The head of a page up to the end of its first sentence (not an abbreviation's full stop) or
    line, at most `PAGE_CONTEXT` characters (up to a word's end)."""
    head = text.lstrip()
    ends = [
        m.end()
        for m in _SENTENCE_END.finditer(head, 0, PAGE_CONTEXT)
        if not _abbreviation_dot(head, m.start())
    ]
    stops = [head.find("\n"), *ends]
    end = min([s for s in stops if s >= 0] or [len(head)])
    if end > PAGE_CONTEXT:
        end = head.rfind(" ", 0, PAGE_CONTEXT) if " " in head[:PAGE_CONTEXT] else PAGE_CONTEXT
    return head[:end].strip()
