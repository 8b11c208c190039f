"""Text at the parse boundary: invalid characters replaced (and counted), garbled text layers found.

`sanitize` replaces, one character for one (so offsets stay valid), what no output format can
hold or a reader should never see: lone surrogates and noncharacters become U+FFFD, control
characters other than tab, newline and carriage return become a space. `sanitize_document` does
it to every text of a parsed document, `sanitize_rows` to every string of every output row.

`garbled_reason` is the language check: the share of words that are not Russian (pymorphy3's
dictionary) or English (frequent words) in a document whose font maps glyphs to the wrong
letters (a shifted CMap gives "Спттйа" for "Россия"); such text is not `ok`.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Any

REPLACEMENT = "\ufffd"
_INVALID = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ANY_BAD = re.compile(_INVALID.pattern[:-1] + _CONTROL.pattern[1:])  # either class: one scan of clean text

_CYRILLIC_WORD = re.compile(r"\b[А-Яа-яЁё]{4,}\b")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
MIN_WORDS = 40  # fewer words than this: too little text to judge
MIN_KNOWN_RUSSIAN = 0.45  # real Russian prose: 0.8-0.95 of 4+-letter words are in the dictionary
MIN_FREQUENT_ENGLISH = 0.08  # real English prose: 0.3-0.5 of words are among the frequent ones
_FREQUENT_ENGLISH_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been has their one all we can would if will more no "
    "out so said what up its about into than them only other new some could time these two may "
    "then do first any my now such like our over also most after should well between world "
    "economic growth data table figure total year years per cent market trade export import"
)
FREQUENT_ENGLISH = frozenset(_FREQUENT_ENGLISH_WORDS.split())


def sanitize(text: str) -> tuple[str, int]:
    """The text with invalid characters replaced one-for-one, and how many were replaced."""
    count = 0
    if not _ANY_BAD.search(text):
        return text, 0
    if _INVALID.search(text):
        text, n = _INVALID.subn(REPLACEMENT, text)
        count += n
    if _CONTROL.search(text):
        text, n = _CONTROL.subn(" ", text)
        count += n
    return text, count


def sanitize_document(doc: Any) -> int:
    """Sanitize, in place, every string of a parsed document (pages, footnotes, tables, title)."""
    _, count = _clean(doc)
    return count


def _clean(value: Any) -> tuple[Any, int]:
    """(cleaned value, replacements) for strings, lists and dataclasses (frozen ones are copied)."""
    if isinstance(value, str):
        return sanitize(value)
    if isinstance(value, list):
        total = 0
        for i, item in enumerate(value):
            value[i], n = _clean(item)
            total += n
        return value, total
    names = _field_names(type(value))
    if not names:
        return value, 0
    changes, total = {}, 0
    for name in names:
        cleaned, n = _clean(getattr(value, name))
        if n:
            changes[name], total = cleaned, total + n
    if not changes:
        return value, 0
    if type(value).__dataclass_params__.frozen:
        return dataclasses.replace(value, **changes), total
    for name, cleaned in changes.items():
        setattr(value, name, cleaned)
    return value, total


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass (empty for any other type, a dataclass's own class
    included: its type is `type`), asked once per class instead of once per object."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()


def sanitize_rows(rows: dict[str, list[dict]]) -> int:
    """Sanitize, in place, every string value of every output row (each distinct string once:
    ids, paths and sentences repeat across rows)."""
    total = 0
    done: dict[str, tuple[str, int]] = {}
    for table_rows in rows.values():
        for row in table_rows:
            for key, value in row.items():
                if isinstance(value, str):
                    if value not in done:
                        done[value] = sanitize(value)
                    row[key], n = done[value]
                    total += n
    return total


def garbled_reason(texts: list[str]) -> str | None:
    """A one-line reason when the words are not Russian or English words (a garbled text layer)."""
    from pipeline.nlp.morph import is_known

    text = "\n".join(texts)
    russian, english = _CYRILLIC_WORD.findall(text), _LATIN_WORD.findall(text)
    if len(russian) >= MIN_WORDS and len(russian) >= len(english):
        known = sum(is_known(w) for w in russian) / len(russian)
        if known < MIN_KNOWN_RUSSIAN:
            return f"garbled text layer: {known:.0%} of {len(russian)} Cyrillic words are Russian words"
    elif len(english) >= MIN_WORDS:
        frequent = sum(w.lower() in FREQUENT_ENGLISH for w in english) / len(english)
        if frequent < MIN_FREQUENT_ENGLISH:
            share = f"{frequent:.0%} of {len(english)}"
            return f"garbled text layer: {share} Latin words are frequent English words"
    return None
