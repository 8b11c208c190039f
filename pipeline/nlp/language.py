"""Language of a sentence, told cheaply by its letters: Latin or Cyrillic."""

from __future__ import annotations

import re

_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


def language(text: str | None) -> str | None:
    """ "en" when most letters of `text` are Latin, "ru" when most are Cyrillic (ties: "ru");
    None without letters."""
    latin, cyrillic = len(_LATIN.findall(text or "")), len(_CYRILLIC.findall(text or ""))
    if not latin and not cyrillic:
        return None
    return "en" if latin > cyrillic else "ru"
