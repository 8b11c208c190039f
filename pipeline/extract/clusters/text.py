"""Clusters of one text with everything the text says about them.

`extract_clusters_from_text` finds named mentions (`mentions`), gathers the sentences about each —
its own sentence, later sentences that refer back to it ("Парк создан в 2017 году", "В его
состав…", its "(далее — ОЭЗ)" alias) and the sentences under a heading that is its name — and
reads the attributes stated there (`attributes`, `counts`, `places`).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.clusters.attributes import Span, field_of, founded_year, urls_in
from pipeline.extract.clusters.counts import fill_from_figures
from pipeline.extract.clusters.mentions import Mention, find_mentions, sentence_of
from pipeline.extract.clusters.places import finish_place, page_region, place_after, place_in
from pipeline.extract.facts import ClusterFact, DateFact, FigureFact
from pipeline.extract.territories import resolve_territory
from pipeline.nlp import segment

LINE_BREAK = re.compile(r"\n(?=\s*[•·▪–—-]|\s*\d+(?:\.\d+)+\.?\s)")
# "(далее — ОЭЗ)", "(далее по тексту — «Кластер»)", or an acronym in brackets: "(БМТК-ТМ)".
ALIAS = re.compile(
    r"\s*\(\s*далее\s*(?:по тексту\s*)?[-–—:]?\s*[«\"“]?(?P<alias>[^()«»\"“”]{1,60}?)[»\"”]?\s*\)"
    r"|\s*\((?P<acronym>[А-ЯЁA-Z][А-ЯЁA-Z0-9-]{1,15})\)"
)
# A sentence that starts by naming a cluster by its kind word or "его", within its first words:
# "Парк создан …", "В его состав входят …", "Численность работников предприятий кластера …".
ANAPHOR = re.compile(
    r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:[А-Яа-яЁё-]+\s+){0,3}?(?:(?:этом|данном|этой|данной)\s+)?"
    r"(?P<word>[Пп]арк\w*|[Тт]ехнопарк\w*|ОЭЗ|[Кк]ластер\w*|[Зз]он[аеуы]\b|его|её|ее)\b"
)
PRONOUNS = ("его", "её", "ее")
PLURALS = ("кластеры", "кластеров", "парки", "технопарки", "технопарков", "зоны")
FAMILIES = {
    "парк": {"technopark", "hitech_zone", "industrial_park"},
    "технопарк": {"technopark", "hitech_zone", "industrial_park"},
    "оэз": {"sez"},
    "зона": {"sez", "hitech_zone"},
    "кластер": {"cluster"},
}
PRONOUN_REACH = 200  # "его" refers to a mention at most this far back
KIND_WORD_REACH = 1500  # "Парк …" refers to a mention of its kind at most this far back
HEADING_PREFIX = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?")
HEADING_TAIL = re.compile(r"^[\s.»\"”]*$")
NUMBERED_HEADING = re.compile(r"\s*\d+(?:\.\d+)+\.?\s")


def extract_clusters_from_text(
    text: str,
    analysis: Any = None,
    figures: list[FigureFact] | None = None,
    dates: list[DateFact] | None = None,
) -> list[ClusterFact]:
    """Named clusters, parks and zones of one text with the attributes stated about them.

    `analysis` (pipeline.nlp.Analysis) supplies sentences and LOC entities; `figures` and `dates`
    are the page's facts from the shared grammars (extracted here when not given). Offsets
    (`char_start`/`char_end`) index `text`.
    """
    if dates is None or figures is None:
        from pipeline.extract.dates import extract_dates
        from pipeline.extract.figures import extract_figures

        dates = extract_dates(text) if dates is None else dates
        figures = extract_figures(text, dates=dates, analysis=analysis) if figures is None else figures
    sentences = _sentences(text, analysis)
    mentions = find_mentions(text, sentences)
    spans = _spans(text, sentences, mentions)
    region = page_region(text)
    for m, own in zip(mentions, spans, strict=True):
        _describe(m, text, own, figures, dates)
        finish_place(m.fact, text, analysis, region)
    return [m.fact for m in mentions]


def _sentences(text: str, analysis: Any) -> list[tuple[int, int]]:
    """Sentence spans of the NLP layer, split further at bullet and numbered-heading line starts."""
    sentences = analysis.sentences if analysis is not None else segment(text)
    out = []
    for s in sentences:
        bounds = [s.start] + [m.start() + 1 for m in LINE_BREAK.finditer(text, s.start, s.end)]
        out.extend((a, b) for a, b in zip(bounds, [*bounds[1:], s.end], strict=True) if b > a)
    return out


def _spans(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[list[Span]]:
    """Per mention: its part of its own sentence, then the later sentences about it."""
    out = []
    for i, m in enumerate(mentions):
        lo, hi = sentence_of(sentences, m.start)
        lo = max(lo, mentions[i - 1].end if i else 0)
        hi = min(hi, mentions[i + 1].start if i + 1 < len(mentions) else len(text))
        out.append([Span(lo, hi, own=True)])
        alias = _alias(text, m.end)
        if alias:
            m.fact.aliases.append(alias)
    for lo, hi, target in _referring_sentences(text, sentences, mentions):
        out[target].append(Span(lo, hi))
    return out


def _alias(text: str, end: int) -> str | None:
    """The alias introduced right after a mention; an acronym that names a territory ("(КНР)") is not one."""
    found = ALIAS.match(text, end)
    if found is None:
        return None
    if found.group("acronym"):
        return None if resolve_territory(found.group("acronym")) else found.group("acronym")
    return found.group("alias").strip()


def _referring_sentences(
    text: str, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> list[tuple[int, int, int]]:
    """(start, end, mention index) of sentences without a mention that are about an earlier one."""
    out = []
    section: int | None = None  # the mention whose name is the heading of the current section
    for lo, hi in sentences:
        inside = [i for i, m in enumerate(mentions) if lo <= m.start < hi]
        if inside:
            section = (
                inside[0] if len(inside) == 1 and _is_heading(text, lo, hi, mentions[inside[0]]) else None
            )
            continue
        if NUMBERED_HEADING.match(text, lo):
            section = None
        target = _antecedent(text, lo, hi, mentions)
        target = section if target is None else target
        if target is not None:
            out.append((lo, hi, target))
    return out


def _is_heading(text: str, lo: int, hi: int, m: Mention) -> bool:
    """The sentence is the mention alone, with a section number ("2.2.1.3. Индустриальный парк …")."""
    return HEADING_PREFIX.fullmatch(text, lo, m.start) is not None and bool(
        HEADING_TAIL.match(text[m.end : hi])
    )


def _antecedent(text: str, lo: int, hi: int, mentions: list[Mention]) -> int | None:
    """The earlier mention a sentence refers to by its alias, its kind word or "его"."""
    previous = [i for i, m in enumerate(mentions) if m.end <= lo]
    for i in reversed(previous):
        if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text[lo:hi]) for a in mentions[i].fact.aliases):
            return i
    found = ANAPHOR.match(text[lo:hi])
    if not previous or found is None:
        return None
    last = previous[-1]
    distance = lo - mentions[last].end
    word = found.group("word").lower()
    if word in PRONOUNS:
        return last if distance < PRONOUN_REACH else None
    if word.startswith(PLURALS):
        return None
    family = next((FAMILIES[k] for k in FAMILIES if word.startswith(k)), set())
    return last if mentions[last].fact.kind in family and distance < KIND_WORD_REACH else None


def _describe(
    m: Mention, text: str, spans: list[Span], figures: list[FigureFact], dates: list[DateFact]
) -> None:
    """Fill a mention's fact from the spans about it."""
    fact = m.fact
    inside = [f for f in figures if any(s.start <= f.char_start < s.end for s in spans)]
    fill_from_figures(fact, inside, text)
    if fact.founded_year is None:
        fact.founded_year = founded_year(text, spans, dates, m.located)
    fact.field = fact.field or field_of(text, spans)
    fact.url = fact.url or urls_in(text, spans)
    place_after(fact, text[m.end : spans[0].end])
    for span in spans:
        place_in(
            fact,
            text[span.start : m.start] + " " + text[m.end : span.end]
            if span.own
            else text[span.start : span.end],
        )
