"""Named-entity mentions (the `mentions` table): the NLP layer's ORG/LOC/PER entities without
known noise (headings, lone capitalized words tagged as persons, English affiliation lines)."""

from __future__ import annotations

import re

from pipeline import lexicon
from pipeline.extract.facts import MentionFact
from pipeline.nlp import Analysis, Entity

_NOISE_WORDS = {
    "аннотация",
    "введение",
    "заключение",
    "выводы",
    "литература",
    "таблица",
    "рис",
    "рисунок",
    "источник",
    "примечание",
    "ключевые",
    "abstract",
    "keywords",
    "references",
    "e-mail",
    "email",
}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_AFFILIATION = re.compile(
    r"(University|Professor|Department|Institute|Ph\.?D|Economics|Associate|Faculty|School)", re.I
)


def is_noise_mention(entity: Entity, text: str) -> bool:
    """Headings, single capitalized words tagged as persons, and English affiliation lines."""
    words = entity.text.split()
    if entity.text.strip(" .,:;").lower() in _NOISE_WORDS:
        return True
    if entity.type == "PER" and len(words) == 1 and not _looks_like_surname(entity, text):
        return True
    if lexicon.LATIN_LETTER.search(entity.text) and not _CYRILLIC.search(entity.text):
        line = _line_of(text, entity.start)
        if _AFFILIATION.search(line) or not _CYRILLIC.search(line):
            return True
    return len(entity.text.strip()) < 2


def _looks_like_surname(entity: Entity, text: str) -> bool:
    """A lone PER token counts only after initials ("М. Портеру") or before them."""
    before = text[max(0, entity.start - 6) : entity.start]
    return bool(re.search(r"[А-ЯЁA-Z]\.\s?$", before))


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def extract_mentions(analysis: Analysis) -> list[MentionFact]:
    """ORG/LOC/PER entities without the known noise, with their nominative normal form."""
    return [
        MentionFact(e.start, e.end, e.type, e.text, e.normal)
        for e in analysis.entities
        if not is_noise_mention(e, analysis.text)
    ]
