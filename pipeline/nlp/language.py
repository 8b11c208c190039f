"""Language of a sentence, told cheaply by its letters: Latin or Cyrillic."""

from __future__ import annotations

import re
from functools import lru_cache

_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[IVXLCDM]+\b")  # links, e-mails, Roman numerals
_LATIN = re.compile(r"[a-zA-Z]+")  # runs of letters: fewer matches to make than single letters
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]+")


@lru_cache(maxsize=4096)  # the facts of one sentence ask about it once each
def language(text: str | None) -> str | None:
    """ "en" when most letters of `text` are Latin, "ru" when most are Cyrillic (ties: "ru");
    None without letters. Links, e-mails and Roman numerals do not count."""
    words = _NOT_WORDS.sub(" ", text or "")
    latin, cyrillic = _letters(_LATIN, words), _letters(_CYRILLIC, words)
    if not latin and not cyrillic:
        return None
    return "en" if latin > cyrillic else "ru"


def _letters(runs: re.Pattern[str], text: str) -> int:
    """How many letters of `text` the `runs` pattern's runs hold."""
    return sum(map(len, runs.findall(text)))
