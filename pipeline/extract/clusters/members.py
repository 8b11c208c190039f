"""Participants listed by name: "Участниками кластера стали АО «Р-Фарм», ООО «Тева» и ООО «Никомед»".

The names go to `attributes["members"]` ("; "-joined) and, when no count is stated, their number to
`participants`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.clusters.names import normalize_quotes
from pipeline.extract.facts import ClusterFact
from pipeline.extract.territories import LEGAL_FORMS  # the one list of legal forms

ORGANIZATION = rf"{LEGAL_FORMS.pattern}(?:\s+ВО)?\s*(?:«[^«»]{{1,60}}»|\"[^\"]{{1,60}}\")"
# A membership cue and the list after it: "Участниками … являются", "В состав … входят", "объединяет".
CUE = re.compile(
    r"(?i:участник\w*\s+(?:[\w-]+\s+){0,3}?(?:стал[иа]?|являются|выступают)|"
    r"в\s+(?:его\s+|её\s+|ее\s+)?состав\s+(?:[\w-]+\s+){0,3}?вош?(?:ли|ходят|ходит)|объединяет|включает)"
    r"\s*:?\s*"
)
LIST = re.compile(rf"{ORGANIZATION}(?:\s*(?:,|\bи\b)\s*{ORGANIZATION})+")
ONE = re.compile(ORGANIZATION)


def fill_members(fact: ClusterFact, text: str, spans: Iterable[tuple[int, int]]) -> None:
    """Named members listed after a membership cue in the spans."""
    for lo, hi in spans:
        for cue in CUE.finditer(text, lo, hi):
            found = LIST.match(text, cue.end(), hi)
            if found is None:
                continue
            names = [normalize_quotes(" ".join(m.group().split())) for m in ONE.finditer(found.group())]
            fact.attributes.setdefault("members", "; ".join(names))
            if fact.participants is None:
                fact.participants = len(names)
            return
