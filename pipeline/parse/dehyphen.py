"""Undo hyphenation at line ends, deciding with pymorphy3 whether the hyphen is real."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.morph import is_known, parses

HYPHENS = "-\u00ad\u2010\u2011"
_TAIL = re.compile(r"([^\W\d_]+)[" + HYPHENS + r"]$")
_HEAD = re.compile(r"^([^\W\d_]+)")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")
_URL_BODY = re.compile(r"^(?!https?:|www\.)[^\s\u0400-\u04ff]+")


known = is_known  # is the word (any case) in the pymorphy3 dictionary?


@lru_cache(maxsize=16384)
def _compound_stem(left: str) -> bool:
    """'торгово', 'социально', 'научно': an adjective/adverb stem that starts compounds."""
    if len(left) < 3 or left[-1].lower() not in "ое":
        return False
    return any(
        {"ADJS", "ADVB"} & set(str(p.tag).replace(" ", ",").split(",")) and p.score > 0.3
        for p in parses(left)
    )


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@lru_cache(maxsize=65536)
def keep_hyphen(left: str, right: str) -> bool:
    """Decide whether 'left-' + newline + 'right' is a real hyphenated compound."""
    if right[0].isupper() and not (left.isupper() and right.isupper()):
        return True  # Санкт-Петербург, Северо-Запад
    if _cyrillic(left[-1]) != _cyrillic(right[0]):
        return True  # zip-архив, csv-таблица
    if len(left) == 1 or (len(left) > 1 and left.isupper() and right.islower()):
        return True  # an initial or an abbreviation: А.-Х., ЖКХ-услуги, IT-компания
    left, right = left.lower(), right.lower()
    if known(f"{left}-{right}"):
        return True
    if known(left + right):
        return False
    if known(left) and known(right) and len(right) > 2:
        return True
    return _compound_stem(left) and known(right)


def join_hyphenated(prev: str, nxt: str) -> tuple[str, bool] | None:
    """If `prev` ends in a word hyphen: (prev without a dropped hyphen, hyphen kept?), else None."""
    m = _TAIL.search(prev)
    h = _HEAD.match(nxt)
    if not m or not h:
        return None
    if prev.endswith("\u00ad"):
        return prev[:-1], False
    if _URL_TAIL.search(prev) or keep_hyphen(m.group(1), h.group(1)):
        return prev, True
    return prev[:-1], False


def url_continues(prev: str, nxt: str) -> bool:
    """Does `nxt` carry on a URL broken at the end of `prev`?"""
    tail, head = _URL_TAIL.search(prev), _URL_BODY.match(nxt)
    if not tail or not head:
        return False
    return bool(re.search(r"[/._=%&?#]", head.group())) or tail.group()[-1] in "/._=-?&"


def dehyphenate_cell(lines: list[str]) -> str:
    """Join the lines of a table cell with spaces, undoing hyphenation."""
    out = ""
    for ln in (x.strip() for x in lines):
        if not ln:
            continue
        if not out:
            out = ln
            continue
        out = join_text(out, ln)
    return out


def join_text(prev: str, nxt: str) -> str:
    """Append a continuation line: undo hyphenation, glue broken URLs, else one space."""
    j = join_hyphenated(prev, nxt)
    if j:
        return j[0] + nxt
    return prev + ("" if url_continues(prev, nxt) else " ") + nxt
