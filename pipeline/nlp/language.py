"""Language of a sentence, told cheaply by its letters: Latin or Cyrillic."""

from __future__ import annotations

import re

_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[IVXLCDM]+\b")  # links, e-mails, Roman numerals
_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


def language(text: str | None) -> str | None:
    """ "en" when most letters of `text` are Latin, "ru" when most are Cyrillic (ties: "ru");
    None without letters. Links, e-mails and Roman numerals do not count."""
    words = _NOT_WORDS.sub(" ", text or "")
    latin, cyrillic = len(_LATIN.findall(words)), len(_CYRILLIC.findall(words))
    if not latin and not cyrillic:
        return None
    return "en" if latin > cyrillic else "ru"
