"""Context resolution for figures after the grammar and the filters: typed period, comparison base,
territory and indicator, each linked to the fact it came from.

- Period: the date `figures` chose in the figure's clause or sentence (comparison bases excluded),
  else the nearest month, quarter or day named earlier on the page (a statistical bulletin's
  "В августе 2017г. …" sets the period of the sentences after it); a change over a
  range ("за 2010 - 2018 гг. … в 6 раз") is for the range's last unit, its first unit the base;
  `period_start`/`period_end` are its first and last day, `period_precision` its unit, and
  `period_from` the date's offset (→ `date_id`).
- Base period: a date introduced as a comparison base ("к уровню 2018 года", "по сравнению с 2017
  годом", "104,2% к 2018 году") in the figure's sentence, as a compact ISO string ("2018",
  "2018-Q1", "2018-03", "2018-03-15").
- Subject: the last territory named before the figure in its sentence (both sides of "между X и
  Y"), never a currency's country ("долларов США"); its code is ISO 3166 (`territories`).
- Indicator: the catalog id matched from the measure phrase (or the counted noun).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import lexicon
from pipeline.extract.facts import Confidence, DateFact, FigureFact

_WS = r"\s+"
_BASE_CUE = re.compile(
    r"(?:" + "|".join(_WS.join(map(re.escape, c.split())) for c in lexicon.BASE_CUES) + r")\s*$", re.I
)
_DIRECT_BASE = re.compile(r"^\s*к\s*$", re.I)  # "104,2% к 2018 году": a ratio's base
_RATIO_UNITS = {"PERCENT", "TIMES", "PP"}
_BETWEEN = re.compile(r"между\s+\w+(?:\s+\w+)?\s+и\s+\w+(?:\s+\w+)?")
_PARTNER = re.compile(r"\b(?:из|от|со\s+стороны)\s+$", re.I)  # "импорт России из Китая": a partner
_SOURCE = re.compile(r"(?:по\s+данным|данны[ем]|источник\w*:?)\s[^,;]*$", re.I)  # "по данным ГТУ КНР"
_CUE_REACH = 40  # characters before a date searched for a comparison cue
_QUARTER_MONTHS = 3
_CHANGE_KINDS = ("change", "ratio")
_COUNT_HEAD = "число"
_SHARE_HEAD = "доля"
_SURVEY = set(lexicon.SURVEY_VERBS)
_EMPTY_HEADS = lexicon.BARE_MEASURES | set(lexicon.CHANGE_NOUNS)
_TIMES = {*lexicon.TIME_NOUNS, *lexicon.PERIOD_NOUNS, *lexicon.month_lemmas(), "годы"}
_SURVEY_INDICATOR = "survey_share"
_PLACE_LEAD = re.compile(r"(?:\s+(?:" + "|".join(lexicon.PLACE_PREPOSITIONS) + r"))?\s*$", re.I)
_DURATION_HEAD = lexicon.DURATION_HEADS[0]
_SHARE_REACH = 120  # characters after a share searched for what it is a share of
_SHARE_WORDS = 4  # genitive words kept after a share
_OF_ALL = re.compile(r"\s+из\s+всех\s+(?=[а-яё])", re.I)
_NOMINAL = {"NOUN", "ADJF", "PRTF"}
_PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"}  # pymorphy3 grammemes of proper names
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_LEAD_WORDS = 12  # words before a figure searched for an indicator its measure does not name
_NOT_COUNTED_WORDS = {w for s in lexicon.SCALES for w in (s.lemma, s.abbr)}  # "560 тыс. работников"
_JOINING = {"и", "или"}
_FALLBACK_PRECISIONS = ("day", "month", "quarter")  # dates that set a paragraph's reporting period
_DOCUMENT_PAGES = 3  # pages after the title that say what territory a document is about


@dataclass(frozen=True)
class Sentences:
    """Sentence bounds of one text, for "which sentence holds this offset" questions."""

    bounds: Sequence[tuple[int, int]]

    def around(self, offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.bounds if a <= offset < b), None)

    def before(self, offset: int) -> tuple[int, int] | None:
        prior = [(a, b) for a, b in self.bounds if b <= offset]
        return prior[-1] if prior else None


def is_base(text: str, d: DateFact) -> bool:
    """Whether a date is introduced as a comparison base rather than as a period."""
    quote = text[d.char_start : d.char_end]
    lead = text[max(0, d.char_start - _CUE_REACH) : d.char_start]
    if d.kind in ("since", "by") and quote[:2].lower() in ("с ", "к "):
        lead += " " + quote.split()[0]  # "по сравнению с 2017 годом": the date kept its "с"
    return bool(_BASE_CUE.search(lead))


def compact_iso(d: DateFact) -> str:
    """ "2018", "2018-Q1", "2018-03", "2018-03-15" (a range: "2016/2017")."""
    a, b = _compact(d.start, d.precision), _compact(d.end, d.precision)
    return a if a == b or d.kind in ("since", "by") else f"{a}/{b}"


def _compact(iso: str, precision: str) -> str:
    if precision == "quarter":
        return f"{iso[:4]}-Q{(int(iso[5:7]) - 1) // _QUARTER_MONTHS + 1}"
    cut = {"day": 10, "month": 7}.get(precision, 4)
    return iso[:cut]


def set_period(f: FigureFact, d: DateFact | None, text: str) -> None:
    """The figure's `period` string and typed period from a date (None clears nothing)."""
    if d is None:
        return
    f.period = _legacy_period(d)
    f.period_start, f.period_end, f.period_precision = d.start, d.end, d.precision
    f.period_from = d.char_start


def _legacy_period(d: DateFact) -> str:
    cut = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(d.precision, 10)
    a, b = d.start[:cut], d.end[:cut]
    if d.kind == "by":
        return b
    return a if a == b else f"{a}/{b}"


def resolve(text: str, facts: list[FigureFact], dates: list[DateFact], sentences: Sentences) -> None:
    """Previous-sentence periods, base periods, territories and indicators of a page's figures."""
    from pipeline.extract.territories import find_territories

    bases = [d for d in dates if is_base(text, d)]
    periods = [d for d in dates if d not in bases]
    by_start = {d.char_start: d for d in dates}
    named: dict[tuple[int, int], list] = {}  # territories per sentence, found once
    for f in facts:
        bounds = sentences.around(f.char_start) or (f.char_start, f.char_end)
        f.measure = share_measure(text, f) or normal_measure(f.measure) or count_measure(text, f)
        f.measure = duration_measure(f)
        if f.period_from is None:
            set_period(f, previous_sentence_date(text, f, periods, sentences), text)
        f.base_period = _base_period(text, f, bases, bounds)
        period = by_start.get(f.period_from) if f.period_from is not None else None
        if period is not None and period.kind == "range" and f.kind in _CHANGE_KINDS:
            _split_range(f, period)
        if bounds not in named:
            named[bounds] = find_territories(text[bounds[0] : bounds[1]])
        _set_subject(text, f, bounds, named[bounds])
        f.indicator = _indicator(f, text[bounds[0] : bounds[1]]) or _lead_indicator(text, f, bounds)


def previous_sentence_date(
    text: str, f: FigureFact, periods: list[DateFact], sentences: Sentences
) -> DateFact | None:
    """The nearest month, quarter or day named in an earlier sentence of the page: a statistical
    bulletin's "В августе 2017г. …" sets the period of the sentences after it."""
    here = sentences.around(f.char_start)
    start = here[0] if here else f.char_start
    earlier = [d for d in periods if d.char_end <= start and d.kind == "point"]
    earlier = [
        d for d in earlier if d.precision in _FALLBACK_PRECISIONS and d.confidence > Confidence.INFERRED
    ]
    return earlier[-1] if earlier else None


def _split_range(f: FigureFact, d: DateFact) -> None:
    """A change over a range ("за 2010 - 2018 гг. рост в 6 раз") is stated for the range's last
    unit, against its first unit as the base."""
    first = _compact(d.start, d.precision)
    f.period_start, f.period_end = _unit_start(d.end, d.precision), d.end
    f.base_period = f.base_period or first


def _unit_start(iso_end: str, precision: str) -> str:
    """First day of the calendar unit that ends on `iso_end`."""
    if precision == "quarter":
        month = (int(iso_end[5:7]) - 1) // _QUARTER_MONTHS * _QUARTER_MONTHS + 1
        return f"{iso_end[:4]}-{month:02d}-01"
    if precision == "month":
        return iso_end[:8] + "01"
    return iso_end if precision == "day" else iso_end[:4] + "-01-01"


def _base_period(text: str, f: FigureFact, bases: list[DateFact], bounds: tuple[int, int]) -> str | None:
    direct = [
        d
        for d in bases
        if d.char_start >= f.char_end and _DIRECT_BASE.match(text[f.char_end : d.char_start] + " к")
    ]
    inside = [d for d in bases if bounds[0] <= d.char_start and d.char_end <= bounds[1]]
    after = [d for d in inside if d.char_start >= f.char_end]
    chosen = (direct or after or inside[-1:] or [None])[0]
    return compact_iso(chosen) if chosen is not None else None


def _set_subject(text: str, f: FigureFact, bounds: tuple[int, int], named: list) -> None:
    """The last territory named before the figure in its sentence (`named`: the sentence's)."""
    lead = text[bounds[0] : f.char_start]
    spans = [
        s
        for s in named
        if s.end <= len(lead) and not _SOURCE.search(lead[: s.start]) and not _PARTNER.search(lead[: s.start])
    ]
    pair = _BETWEEN.search(lead)
    inside = [s for s in spans if pair and pair.start() <= s.start < pair.end()]
    if len(inside) >= len("ab"):
        a, b = inside[0], inside[1]
        f.subject = f"{_name(a.text)}–{_name(b.text)}"
        f.subject_code, f.subject_type = f"{a.territory.code};{b.territory.code}", "pair"
        f.subject_from = bounds[0] + a.start
    elif spans:
        last = spans[-1]
        f.subject, f.subject_code = last.territory.name, last.territory.code
        f.subject_type, f.subject_from = last.territory.type, bounds[0] + last.start


def normal_measure(phrase: str | None) -> str | None:
    """One spelling per measure: a change noun at its head dropped ("рост экспорта" → "экспорт"),
    the head noun group in the nominative, one space, lower case unless it starts with a proper
    name or an abbreviation ("ВРП"), and without the places it names ("экспорт Курской области" →
    "экспорт": the territory is the subject); a place alone is no measure."""
    if not phrase:
        return phrase
    from pipeline.nlp.morph import nominative, parses

    phrase = _without_change_head(phrase.split())
    if is_bare(phrase):
        return None  # "число", "доля" alone say nothing
    if not phrase.split()[0][:2].isupper():  # an abbreviation heads it: "ВРП" stays as written
        phrase = nominative(phrase)
        first = phrase.split()[0]
        if not (first[:2].isupper() or _PROPER & set(parses(first)[0].tag.grammemes)):
            phrase = phrase[:1].lower() + phrase[1:]
    return _without_places(phrase)


def _without_places(phrase: str) -> str | None:
    """ "экспорт Курской области" → "экспорт", "импорт России из Китая машин" → "импорт машин",
    "ВРП региона" → "ВРП"; None when a place heads the phrase."""
    from pipeline.extract.territories import find_territories
    from pipeline.nlp.morph import lemma

    spans = find_territories(phrase)
    heads = spans and not phrase[: spans[0].start].strip() and not _adjectives(spans[0].text)
    if heads or lemma(phrase.split()[0]) in lexicon.PLACE_NOUNS:
        return None  # "Москва", "области" (an adjective "российский экспорт" is only dropped)
    for span in reversed(spans):
        lead = _PLACE_LEAD.sub("", phrase[: span.start])
        phrase = lead + phrase[span.end :]
    words = phrase.split()
    while len(words) > 1 and lemma(words[-1].strip(",;")) in lexicon.PLACE_NOUNS:
        words.pop()
    out = " ".join(words).strip(" ,;:–—-")
    return out if out and not is_bare(out) else None


def _adjectives(words: str) -> bool:
    from pipeline.nlp.morph import parses

    return all(parses(w)[0].tag.POS == "ADJF" for w in words.split())


def is_bare(phrase: str | None) -> bool:
    """A measure that says nothing: one uninformative word ("число", "доля", "уровень", "объём",
    "прирост"), or a time ("август", "число годов")."""
    from pipeline.nlp.morph import lemma

    words = (phrase or "").split()
    if len(words) == 1 and lemma(words[0]) in _EMPTY_HEADS:
        return True
    return bool(words) and lemma(words[-1]) in _TIMES and (len(words) == 1 or lemma(words[0]) == _COUNT_HEAD)


def share_measure(text: str, f: FigureFact) -> str | None:
    """A share followed by what it is a share of: "57% бизнесменов" → "доля бизнесменов",
    "около 20% отечественного сырья" → "доля отечественного сырья"."""
    if f.kind != "share" or f.unit != "PERCENT":
        return None
    from pipeline.nlp.morph import parses

    words, end = [], f.char_end
    whole = _OF_ALL.match(text, f.char_end)  # "42% из всех опрошенных"
    end = whole.end() if whole else end
    for m in _WORD.finditer(text, end, f.char_end + _SHARE_REACH):
        top = parses(m.group())[0]
        adjacent = not text[end : m.start()].strip()
        if not adjacent or top.tag.POS not in _NOMINAL or top.tag.case != "gent" or m.group()[:1].isupper():
            break
        words.append(m.group())
        end = m.end()
        if len(words) == _SHARE_WORDS:
            break
    nouns = [w for w in words if parses(w)[0].tag.POS == "NOUN" or _is_plural_participle(w)]
    return " ".join([_SHARE_HEAD, *words]) if nouns else None


def _is_plural_participle(word: str) -> bool:
    """ "опрошенных": a participle that stands for the people it names."""
    from pipeline.nlp.morph import parses

    tag = parses(word)[0].tag
    return tag.POS == "PRTF" and tag.number == "plur"


def count_measure(text: str, f: FigureFact) -> str | None:
    """A count measures the number of what it counts: "более 1300 индустриальных кластеров" →
    "число индустриальных кластеров", "в 35 субъектах" → "число субъектов"."""
    if f.unit != "COUNT" or not f.counted:
        return None
    from pipeline.nlp.morph import parses

    words = []
    for word in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", text[f.char_start : f.char_end]):
        top = parses(word)[0]
        if words and word.lower() in _JOINING:
            words.append(word.lower())
        elif top.tag.POS in {"NOUN", "ADJF", "PRTF"} and top.normal_form not in _NOT_COUNTED_WORDS:
            plural = top.inflect({"gent", "plur"})
            words.append(plural.word if plural else word.lower())
    phrase = " ".join([_COUNT_HEAD, *words]) if words else None
    return None if is_bare(phrase) else phrase


def duration_measure(f: FigureFact) -> str | None:
    """A number of days measures the time something takes: "регистрация права собственности (7
    дней)" → "срок регистрации права собственности" (kept when its head already names a time)."""
    if not f.measure or lexicon.unit_kind(f.unit) != "duration":
        return f.measure
    from pipeline.nlp.morph import lemma, parses

    words = f.measure.split()
    if lemma(words[0]) in lexicon.DURATION_HEADS:
        return f.measure
    out = []
    for i, word in enumerate(words):
        form = next((p.inflect({"gent"}) for p in parses(word) if p.tag.case == "nomn"), None)
        if form is None:
            break
        out.append(form.word)
        if parses(word)[0].tag.POS == "NOUN":
            return " ".join([_DURATION_HEAD, *out, *words[i + 1 :]])
    return f.measure


def _without_change_head(words: list[str]) -> str:
    """ "рост российского экспорта" → "российского экспорта": the change is the figure's kind."""
    from pipeline.nlp.morph import lemma

    while len(words) > 1 and lemma(words[0]) in lexicon.CHANGE_NOUNS:
        words = words[1:]
    return " ".join(words)


def _name(words: str) -> str:
    from pipeline.nlp.morph import nominative

    return words if words.isupper() else nominative(words)


def _indicator(f: FigureFact, sentence: str = "") -> str | None:
    """The catalog id the measure (or the counted noun) names; a share of people or companies
    whose sentence reports what they said ("11% компаний положительно оценили ...") is a survey."""
    from pipeline.extract.indicators import match_indicator

    unit = None if f.unit == "COUNT" else f.unit
    words = (f.measure or "").split()
    found = match_indicator(words, unit) if words else None
    if found is None and f.counted:
        found = match_indicator([*words, f.counted], unit)
    of_agents = (
        f.unit == "PERCENT" and words[:1] == [_SHARE_HEAD] and (found is None or found.units == {"count"})
    )
    if of_agents and _SURVEY & {_lemma(w) for w in _WORD.findall(sentence)}:
        return _SURVEY_INDICATOR
    return found.id if found is not None else None


def _lemma(word: str) -> str:
    from pipeline.nlp.morph import lemma

    return lemma(word)


def _lead_indicator(text: str, f: FigureFact, bounds: tuple[int, int]) -> str | None:
    """When the figure has no measure of several words, the indicator named in the figure's clause
    before it ("Так, цены на капусту снизились на 42,6%" → price), specific catalog entries only."""
    from pipeline.extract.indicators import find_indicator, words_of

    if f.measure and len(f.measure.split()) > 1:
        return None  # a measure of its own that the catalog lacks ("доля закупок") is not a neighbour's
    lead = re.split(r"[;:]", text[bounds[0] : f.char_start])[-1]
    words = words_of(lead)[-_LEAD_WORDS:]
    found = find_indicator(words, None if f.unit == "COUNT" else f.unit)
    return found.indicator.id if found is not None and not found.indicator.generic else None


def apply_document_territory(rows: list[dict], texts: Sequence[str]) -> None:
    """Figure rows without a subject take the document's territory (a strategy's region).

    `texts`: the title, then the pages; the first few pages decide."""
    from pipeline.extract.territories import document_territory

    if not any(r.get("subject_code") is None for r in rows):
        return
    t = document_territory(list(texts)[: 1 + _DOCUMENT_PAGES])
    if t is None:
        return
    for r in rows:
        if r.get("subject_code") is None:
            r.update(subject=t.name, subject_code=t.code, subject_type=t.type)
