"""`observations`: the analyst's table, one row per figure or numeric table cell with an indicator.

Text rows come from `figures` whose `indicator` is set (with their subject, period and base period).
Table rows come from numeric cells as `table_labels.labelled_cells` reads them (header rows, year
sections, unit column). The indicator comes from the row label, then the column label; the caption
names it only when those just say where, when, which product or group, what kind of value, or
"Всего", and a product or group under an indicator named elsewhere becomes a breakdown in
`measure` ("Объем экспорта — Злаки"). Period, territory and kind come from the labels, then the
caption; a date after "к", "против", "относительно" or "по сравнению с" ("в % к августу 2016г.")
is the base period, not the period. `observation_id` is derived from the source row (stable).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from pipeline import lexicon
from pipeline.extract.bases import label_base
from pipeline.extract.dates import extract_dates
from pipeline.extract.facts import DateFact
from pipeline.extract.figure_context import compact_iso
from pipeline.extract.figures.words import DASHES
from pipeline.extract.indicators import (
    ANY_UNIT,
    Indicator,
    IndicatorMatch,
    find_indicators,
    unit_class,
    words_of,
)
from pipeline.extract.lemmas import LemmaIndex, lemma_forms, phrase_lemmas
from pipeline.extract.lemmas import words as caption_words
from pipeline.extract.measures import normal_measure
from pipeline.extract.table_labels import BARE_YEAR, LABEL_JOIN, LETTER, LabelledCell, labelled_cells
from pipeline.extract.tables import caption_unit, label_unit, unit_tail
from pipeline.extract.territories import Territory, find_organizations, find_territories
from pipeline.model import missing
from pipeline.nlp.morph import inflect, parses
from pipeline.schema import conform

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["build_observations", "label_kind", "label_period", "observation_rows"]

Records = list[dict]

ID_LENGTH = 16
LABEL_CACHE = 20_000
BREAKDOWN = " — "  # measure of a product row: "Объем экспорта — Злаки" (views.py skips these in conflicts)
# Adjectives before an indicator that do not narrow it ("совокупный объем экспорта" is all exports)
NEUTRAL = frozenset(lexicon.NEUTRAL_ADJECTIVES)
REFERENCE = "(?:" + "|".join(lexicon.REFERENCE_GROUPINGS) + ")"  # "Справочно: …"
TOTAL_WORD = "(?:" + "|".join(lexicon.TOTAL_WORDS) + ")"  # "всего", "итого"
TOTAL = re.compile(
    r"\W*(?:" + TOTAL_WORD + "|" + lexicon.subset_opener_pattern() + r"|total)\W*", re.I
)  # a row of the whole
COUNTED_TYPES = frozenset({"stock", "flow"})  # a count-only rate ("уровень бедности") is a percent
AMOUNT_KINDS = frozenset({"level", "target"})
YEAR_SPAN = re.compile(r"\d\s*[-–—]\s*\d")
DANGLING = re.compile(r"(?:\s+(?:в|за|на|к|по|с|до)|\s*/)$", re.I)  # left by a removed date
UNREVIEWED = "unreviewed"
BASE_REACH = 30  # characters before a date searched for a base marker ("в % к")
LABEL_PART = re.compile(r"\s*[/\n|]\s*")
# a base cue ("к среднемесячному значению", "по сравнению с") or, in a label, a bare "к" right before a date
BASE_MARKER = re.compile(r"(?:\bк|" + lexicon.base_cue_pattern() + r")\s+$", re.I)
TO_DATE = re.compile(r"к\s", re.I)
# a percent, a ratio or a change right before "к <date>": "в % к 2016г.", "Прирост к 2014 г."
RATIO_BEFORE = re.compile(r"(?:%|процент\w*|раз[а]?|(?:при)?рост\w*|изменени\w*|снижени\w*)\s*$", re.I)
# words after "в % к" naming a period or a level to compare with, not a whole to take a part of
PERIOD_WORDS = (
    r"(?:соответствующ|предыдущ|прошл|аналогичн|среднемесячн|среднегодов|базов|уровн|значени|период|месяц"
    r"|год|квартал|полугоди|дат|началу|концу)"
)
# Label words that tell what kind of value a column holds; checked in this order.
KIND_MARKERS = (
    (
        "share",
        re.compile(
            r"к итогу|%\s*от\b|\bдоля|\bдоли|удельный вес|\bструктур"
            # "в % к площади посева", not "в % к августу 2016г."
            rf"|(?:%|процентах)\s*к\s+(?!{PERIOD_WORDS}|{lexicon.month_stem_pattern()})[а-яё]",
            re.I,
        ),
    ),
    ("target", re.compile(r"план|прогноз|целев|ожида", re.I)),
    (
        "change",
        re.compile(
            r"%\s*к\b|в процентах к|\bтемп|\bприрост|\bиндекс|\bизменени|\bроста?\b|\bдинамик|\bснижени"
            r"|\+\s*\)?\s*[,/]?\s*\(?\s*[-–−]",  # "+, -", "прирост (+), снижение (-)"
            re.I,
        ),
    ),
)
# the lexicon's terms by their words' lemmas: any case form ("миграционного прироста"), no other word
# of a like stem ("естественной природы")
FIXED_TERMS = LemmaIndex((phrase_lemmas(t), t) for t in lexicon.FIXED_TERMS)
# a label part that only states a comparison base or a grouping of rows
ASIDE = re.compile(
    r"\W*(?:(?:в\s*%|в\s+процентах)?\s*к\b.*|(?:соответствующ|предыдущ)\w*\b.*|"
    + REFERENCE
    + "|"
    + lexicon.subset_opener_pattern()
    + r"|\+\s*,?\s*[-–−]|%)\W*",
    re.I,
)
COMPARISON_TAIL = re.compile(r"\s+(?:в\s*%|в\s+процентах)\s+к\b.*$", re.I)  # "… в % к / периоду"
PART_OPENER = re.compile(r"^\W*" + lexicon.subset_opener_pattern(), re.I)  # "В том числе транспорт"
GROUPING = re.compile(r"^(?:" + lexicon.subset_opener_pattern() + "|" + REFERENCE + r")\W*", re.I)
UNIT_HEAD = lexicon.PRESENTATION_HEADS[0]  # "динамика": what a label led by its unit stands for
PURPOSE = frozenset(lexicon.PURPOSE_PREPOSITIONS)  # opens what an item is for, which a label does not measure
INDEX_HEAD = lexicon.INDEX_NOUNS[0]  # the head of an index's name: "Индекс производства бумаги"
# a caption's head that presents, not names, the quantity ("Распределение умерших по причинам смерти")
PRESENTATION_HEADS = frozenset(lexicon.PRESENTATION_HEADS)
COORDINATING = frozenset(lexicon.JOINING_CONJUNCTIONS)  # "максимальные и минимальные": none narrowing
JOINED_HEADS = frozenset(f"и {head}" for head in PRESENTATION_HEADS)  # "Размер и структура …"
# a head that presents only when joined to a presentation head ("Величина и структура численности")
VALUE_HEADS = frozenset(lexicon.JOINED_VALUE_HEADS)
# words of a caption that say how the table is cut or when, not what: "отдельных видов", "по видам
# экономической деятельности", "на конец периода"
DIMENSION = re.compile(
    rf"\s+(?:(?:{'|'.join(lexicon.SELECTION_ADJECTIVES)})\s+(?:{'|'.join(lexicon.SELECTION_NOUNS)})\b"
    rf"|(?:по\s+(?:\w+\s+)?(?:{'|'.join(lexicon.DIMENSION_NOUNS)})|"
    + "|".join(r"\s+".join(p.split()) + r"\w*" for p in lexicon.DIMENSION_PHRASES)
    + r")\b.*$)",
    re.I,
)
ASIDE_BRACKETS = re.compile(r"\s*\([^()]*\)(?=\s+[а-яё])")  # "Темп роста (индекс роста) физического объема"
ACTION_POS = frozenset({"VERB", "INFN", "PRTS"})  # a label opened by these names what was done
CAPS_WORDS = 2  # words in capitals that mark a caption set in capitals
ABBR_MAX = 5
FUNCTION_WORDS = frozenset({"CONJ", "PREP", "PRCL"})
PUNCTUATION = "\"'«».,:;()"
PERIOD_PART = re.compile(
    rf"(?:{lexicon.month_stem_pattern()}|квартал|кв\.|полугоди)", re.I
)  # a yearless period
NOTATION = re.compile(r"^\W*[\u0370-\u03ff]")  # a Greek letter opening a label: a statistic's symbol
SYMBOL_PART = re.compile(NOTATION.pattern + r"\S*\s*,\s*")  # "ρSpearman, " before what it is computed on
ENUMERATION = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[A-Z]:)\s+")  # "1. ", "2.1 ", "A: "
TOTAL_TAIL = re.compile(r"\s*[-–—,:]?\s*\b" + TOTAL_WORD + r"\W*$", re.I)  # "Численность … - всего"
CAPTION_NUMBER = re.compile(
    rf"^{lexicon.TABLE_WORD}\s*{lexicon.NUMBER_SIGN}?\s*[\d.]*\s*(?:{lexicon.DASH}|[.:])?\s*", re.I
)  # "Таблица N 3. ", "Табл. 2 - "
FIGURE_COLUMNS = (
    "measure", "subject_code", "subject", "period_start", "period_end", "period_precision",
    "value_scaled", "unit", "qualifier", "kind", "base_period", "doc_id", "page",
)  # fmt: skip

Found = tuple[str, IndicatorMatch, str | None]  # (label, match, breakdown) of a cell's indicator
CONTENT_POS = frozenset({"NOUN", "ADJF", "PRTF"})  # the words that say what an item is


@dataclass(frozen=True)
class Listing:
    """Items a table's caption lists that its columns name one each ("ОБОРОТ РОЗНИЧНОЙ ТОРГОВЛИ
    ПИЩЕВЫМИ ПРОДУКТАМИ …, НЕПРОДОВОЛЬСТВЕННЫМИ ТОВАРАМИ" over "Пищевые продукты …" and
    "Непродовольственные товары"): column → its item, and the caption up to its first item (the
    quantity they break down)."""

    items: dict[int, str] = field(default_factory=dict)
    whole: str | None = None


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:ID_LENGTH]


def build_observations(
    figures: pd.DataFrame | Records | None,
    table_cells: pd.DataFrame | Records | None,
    tables: pd.DataFrame | Records | None,
    default_subject: Territory | None = None,
) -> pd.DataFrame:
    """The `observations` rows of one or more documents (schema "observations").

    `default_subject` (the document's territory, `territories.document_territory`) is the
    subject of table cells whose labels and caption name none.
    """
    return conform("observations", observation_rows(figures, table_cells, tables, default_subject))


def observation_rows(
    figures: pd.DataFrame | Records | None,
    table_cells: pd.DataFrame | Records | None,
    tables: pd.DataFrame | Records | None,
    default_subject: Territory | None = None,
) -> Records:
    """`build_observations`' rows before the table's contract is applied (a worker's rows are
    conformed when they are committed), from frames or from the rows of the other tables."""
    cells = _table_rows(_records(table_cells), _records(tables), default_subject)
    return _text_rows(_records(figures)) + cells


def _records(rows: pd.DataFrame | Records | None) -> Records:
    if rows is None:
        return []
    return rows if isinstance(rows, list) else rows.to_dict("records")


def _text_rows(figures: Records) -> Records:
    rows = []
    for f in figures:
        if missing(f.get("indicator")):
            continue
        row = {c: f.get(c) for c in FIGURE_COLUMNS}
        row |= {
            "observation_id": _id("obs", "text", f["figure_id"]),
            "indicator": f["indicator"],
            "source": "text",
            "figure_id": f["figure_id"],
            "review_status": f.get("review_status") if not missing(f.get("review_status")) else UNREVIEWED,
        }
        rows.append(row)
    return rows


def _table_rows(cells: Records, tables: Records, default: Territory | None) -> Records:
    if not cells:
        return []
    captions = {t["table_id"]: t.get("caption") for t in tables}
    rows = []
    by_table: dict[str, Records] = {}
    for record in cells:
        by_table.setdefault(record["table_id"], []).append(record)
    for table_id, group in by_table.items():
        caption = captions.get(table_id)
        caption = str(caption) if not missing(caption) and str(caption).strip() else None
        labelled = labelled_cells(group, caption)
        reporting = _reporting_periods(labelled)
        listing = _listing(labelled, caption)
        for cell in labelled:
            row = _cell_row(cell, caption, default, reporting.get(cell.col), listing)
            if row is not None:
                rows.append(row)
    return rows


def _listing(cells: list[LabelledCell], caption: str | None) -> Listing:
    """The caption's items the columns name (`Listing`): a column whose first label part is no
    period, territory, unit or comparison and whose every noun and adjective the caption has after
    the words naming its quantity."""
    if not caption:
        return Listing()
    words = caption_words(caption)
    forms = [lemma_forms(w.text) for w in words]
    items, first = {}, len(words)
    for col, label in sorted({c.col: c.col_label for c in cells if c.col_label}.items()):
        item = LABEL_PART.split(label)[0].strip()
        at = _listed_at(item, forms)
        if at is not None:
            items[col], first = item, min(first, at)
    whole = caption[: words[first].start].rstrip(" ,;:") if items else None
    if whole is None or not _label_matches(whole, ANY_UNIT):
        return Listing()
    return Listing(items, whole)


def _listed_at(item: str, forms: list[frozenset[str]]) -> int | None:
    """The index of the caption word where the item starts, when the caption has all its nouns and
    adjectives; None for a period, territory, unit, comparison or a label naming a quantity."""
    if not LETTER.search(item) or _dates(item) or _territory(item) or _unit_only(item) or _aside_only(item):
        return None
    if _names_indicator(item) or TOTAL.fullmatch(item):
        return None
    content = [w.text for w in caption_words(item) if _content_word(w.text)]
    hits = [next((i for i, f in enumerate(forms) if lemma_forms(w) & f), None) for w in content]
    found = [i for i in hits if i is not None]
    return min(found) if found and len(found) == len(hits) else None


def _content_word(word: str) -> bool:
    forms = parses(word)
    return bool(forms) and forms[0].tag.POS in CONTENT_POS


def _labels(cell: LabelledCell, caption: str | None, listed: bool = False) -> list[str]:
    """Row label, the row it is a part of ("Уголь" over "из него: каменный"), column label, the
    row's unit text and — when neither label names an indicator
    and the column label only says when, where, in what unit or what kind of value — the caption;
    the row label is then an item of it ("Масло сливочное" in "Август 2017г., тыс.тонн" under
    "ПРОИЗВОДСТВО ОТДЕЛЬНЫХ ВИДОВ ПИЩЕВЫХ ПРОДУКТОВ"), as is a column naming an item the caption
    lists (`listed`, see `Listing`), while a column of another quantity ("Место" beside "ВВП")
    keeps the caption out."""
    row = _row_label(cell)
    parent = cell.parent if cell.parent and not (_dates(cell.parent) or _territory(cell.parent)) else None
    own = [t for t in (row, parent, cell.col_label) if t]
    extra = [cell.unit_text] if cell.unit_text else []
    unit = cell.unit if cell.unit is not None else ANY_UNIT
    named = any(_names_indicator(label, unit) for label in own)
    item = row is None or bool(LETTER.search(row) or BARE_YEAR.match(row))  # not a row number ("1", "2.")
    column = cell.col_label
    qualifies = column is None or _qualifies_only(column) or _part(column) or listed
    if caption and not named and item and qualifies:
        return [*own, *extra, caption]
    return [*own, *extra]


@lru_cache(maxsize=LABEL_CACHE)
def _names_indicator(label: str, unit: str | None = ANY_UNIT) -> bool:
    """The label names a specific indicator, or a product with what was done to it ("Намолочено
    зерна", "Убрано сахарной свеклы"): a quantity of its own, not an item of the caption's. With the
    cell's `unit`, one that unit fits: a branch "деятельность гостиниц и предприятий общественного
    питания" (a count of catering outlets) in roubles is an item of the caption "СРЕДНЕМЕСЯЧНАЯ
    НАЧИСЛЕННАЯ ЗАРАБОТНАЯ ПЛАТА"."""
    matches = _label_matches(label, unit)
    return any(_specific(m) for m in matches) or (bool(matches) and _action(label))


def _action(label: str) -> bool:
    """A label opened by a verb or a short participle ("Намолочено", "Скошено", "Введено")."""
    words = words_of(label)
    forms = parses(words[0]) if words else []
    return bool(forms) and forms[0].tag.POS in ACTION_POS


@lru_cache(maxsize=LABEL_CACHE)
def _qualifies_only(label: str) -> bool:
    """The label names a territory, a period, a unit, a product or a kind of value, not a quantity
    ("Курская область", "2019 / I кв.", "Млрд.рублей", "Продукция химической промышленности", "В % к
    соответствующему периоду предыдущего года", "Всего")."""
    matches = _label_matches(label, ANY_UNIT)
    if any(_specific(m) for m in matches):
        return False
    states = bool(matches) or label_kind([label]) != "level" or bool(TOTAL.fullmatch(label))
    kinds = states or _unit_led_only(label) or _aside_only(label) or _bare_quantity(label) or _notation(label)
    if kinds or find_territories(label) or _dates(label):
        return True
    parts = [p for p in LABEL_PART.split(label) if p.strip()]  # "Всего / к предыдущему периоду"
    return len(parts) > 1 and all(_qualifies_only(part) for part in parts)


def _notation(label: str) -> bool:
    """A label opened by a formula's symbol ("ρSpearman, все группы ОКВЭД", "β"): the caption
    names the statistic."""
    return bool(NOTATION.match(label))


def _bare_quantity(label: str) -> bool:
    """A label of a head that says nothing alone and a unit ("Количество, человек", "Объем, млн
    руб.", "Значение"): the caption says what is counted."""
    words = words_of(label)
    bare = [w for w in words if parses(w) and parses(w)[0].normal_form in lexicon.BARE_MEASURES]
    rest = [w for w in words if w not in bare]
    return bool(bare) and all(label_unit(w) != (None, 0) for w in rest)


def _unit_led_only(label: str) -> bool:
    """A label that starts with its unit or scale and names nothing the catalog knows ("Млрд.рублей",
    "млн. долларов США", "Млрд.т-км"), unlike "Сальдо, млн. долларов США"."""
    if not label.split() or label_unit(label.split()[0]) == (None, 0):
        return False
    return not _label_matches(label, ANY_UNIT) and not _territory(label)


def _specific(match: IndicatorMatch | None) -> bool:
    return match is not None and not (match.indicator.breakdown or match.indicator.generic)


@lru_cache(maxsize=LABEL_CACHE)
def _dates(label: str) -> tuple[DateFact, ...]:
    """Dates of a label with its parts in reading order (labels repeat over a table's cells)."""
    return tuple(extract_dates(_dated(label)))


@lru_cache(maxsize=LABEL_CACHE)
def _label_matches(label: str, unit: str | None) -> tuple[IndicatorMatch, ...]:
    """The catalog matches of a label, but none after "для": what a product is for ("Препараты для
    лечения заболеваний кожи", "Шины для автобусов") is not what the label measures."""
    words = words_of(label)
    purpose = next((i for i, w in enumerate(words) if w.lower() in PURPOSE), len(words))
    return tuple(m for m in find_indicators(words, unit) if m.start < purpose)


def _row_label(cell: LabelledCell) -> str | None:
    """The row label with the year of its section ("Январь" under "2016г." → "Январь / 2016г.")."""
    if cell.row_label and cell.section:
        return f"{cell.row_label}{LABEL_JOIN}{cell.section}"
    return cell.row_label


def _indicator(labels: list[str], unit: str | None, caption: str | None = None) -> Found | None:
    """(label, match, breakdown): the first label naming a specific indicator wins over one naming
    a product, branch or group ("Злаки" × "Объем экспорта" → export, broken down by "Злаки"; "Страны
    СНГ / экспорт" → export by "Страны СНГ"); a breakdown or a generic head alone needs a known
    unit that fits it ("Зерно, тыс. т"). The caption is never the breakdown of a label's quantity."""
    found = [(label, m) for label in labels for m in _label_matches(label, unit)]
    specific = [f for f in found if _specific(f[1])]
    if not specific and (not found or unit == ANY_UNIT):
        return None
    label, match = (specific or found)[0]
    grouping = [lb for lb in labels if lb != caption or lb == label]
    groups = [(lb, m) for lb in grouping for m in _label_matches(lb, ANY_UNIT) if m.indicator.breakdown]
    split = next(((lb, m) for lb, m in groups if (lb, m.start) != (label, match.start)), None)
    if split is None:
        return label, match, None
    if split[0] != label:
        return label, match, split[0]
    return _split_parts(label, match, split[1])


def _headed_by_caption(column: str | None, caption: str | None, unit: str | None) -> Found | None:
    """A column naming only a head ("Сальдо, млн. долларов США") of the quantity the caption's
    genitive names ("ДИНАМИКА ВНЕШНЕТОРГОВОГО ОБОРОТА РОССИИ"): the head with that complement,
    "Сальдо внешнеторгового оборота России", when the catalog knows it."""
    head = (column or "").split(",", 1)[0].strip()
    if not caption or len(head.split()) != 1 or not LETTER.search(head):
        return None
    words = re.sub(r"\s*\([^()]*\)", "", CAPTION_NUMBER.sub("", caption)).split()
    words = words[1:] if words and words[0].lower() in PRESENTATION_HEADS else words
    forms = parses(words[0]) if words else []
    if not forms or forms[0].tag.case != "gent":
        return None
    phrase = f"{head} {' '.join(words)}"
    match = next((m for m in _label_matches(phrase, unit) if m.start == 0 and _specific(m)), None)
    return (phrase, match, None) if match else None


def _split_parts(label: str, match: IndicatorMatch, group: IndicatorMatch) -> Found:
    """A label naming both the indicator and a group of it: the indicator's part and the group's
    part when they differ ("Страны дальнего зарубежья / экспорт" → "экспорт", "Страны дальнего
    зарубежья"); no breakdown when the group is a word of the indicator's own phrase ("Индекс
    промышленного производства")."""
    parts = [p for p in LABEL_PART.split(label) if p.strip()]
    ends = list(accumulate(len(words_of(p)) for p in parts))
    if ends[-1] != len(words_of(label)):
        return label, match, None
    at, of = bisect_right(ends, match.start), bisect_right(ends, group.start)
    if at == of:
        return label, match, None
    shift = ends[at - 1] if at else 0
    moved = IndicatorMatch(match.indicator, match.start - shift, match.end - shift)
    return parts[at], moved, parts[of]


def _breakdown_measure(
    label: str,
    breakdown: str | None,
    modifier: str | None,
    within: str | None = None,
    index: str | None = None,
) -> str:
    """ "Объем экспорта — Злаки"; a narrowing adjective moves behind the dash in its dictionary
    form ("Сырьевой экспорт" → "Экспорт — сырьевой"); a part row's item after the item it is a
    part of ("Производство … — Масло растительное — Подсолнечное"). `index`: the name of the index
    the indicator is (`_index_name`), which a "Динамика …" label stands for (`_measure`)."""
    if modifier:
        rest = _text_measure(re.sub(rf"\b{re.escape(modifier)}\b\s*", "", label, count=1), index)
        return f"{rest}{BREAKDOWN}{parses(modifier)[0].normal_form}"
    items = list(dict.fromkeys(_item(x) for x in (within, breakdown) if x))  # a unit row's product once
    return BREAKDOWN.join([_text_measure(label, index), *items])


@lru_cache(maxsize=LABEL_CACHE)
def _text_measure(label: str, index: str | None = None) -> str:
    """The label's measure (`_measure`) spelled as a text figure's is (`measures.normal_measure`): one
    string for one quantity in both ("Количество магазинов" → "число магазинов", "Общий объем
    экспорта" → "объем экспорта", lower case unless an abbreviation or a name heads it); as `_measure`
    gives it when that normalization leaves nothing."""
    measure = _measure(label, index)
    normal = normal_measure(measure)
    return _own_forms(normal, measure) if normal else measure


def _own_forms(normal: str, label: str) -> str:
    """The normalized measure with the label's own forms of its head words (up to its first noun)
    that may be nominative: a label names its quantity in the nominative already ("Коровы", "Яйца",
    "Овцы и козы"), which `normal_measure` reads as a text's genitive after a number ("корова");
    a genitive after the head stays normalized ("Изменение стоимости набора" → "стоимость набора")."""
    own: dict[str, str] = {}  # lemma → the label's own form
    for word in (w.strip(PUNCTUATION) for w in label.split()):
        forms = parses(word)
        if any(p.tag.case == "nomn" for p in forms):
            own.setdefault(forms[0].normal_form, word)
        if forms and forms[0].tag.POS == "NOUN":
            break
    words = normal.split()
    for i, word in enumerate(words):  # the measure's head words, up to its first noun
        forms = parses(word)
        kept = own.get(forms[0].normal_form) if forms else None
        words[i] = word[:1] + kept[1:] if kept and kept[1:].lower() == kept[1:] else word
        if forms and forms[0].tag.POS == "NOUN":
            break
    return " ".join(words)


def _index_name(indicator: Indicator) -> str | None:
    """The indicator's name when the catalog names it an index ("Индекс промышленного производства",
    "Индекс потребительских цен"): its values are index numbers, whatever head a label gives them."""
    words = words_of(indicator.label_ru)
    return indicator.label_ru if words and words[0].lower().startswith(INDEX_HEAD) else None


def _whole(cell: LabelledCell, label: str) -> str | None:
    """The item a part row belongs to ("Масло растительное, тыс.тонн" over "из них подсолнечное"),
    unless it is the label naming the indicator or only names a territory or a period."""
    parent = cell.parent
    if not parent or parent == label or label.startswith(parent) or not LETTER.search(parent):
        return None
    if TOTAL.fullmatch(parent):  # "Всего" over the branches
        return None
    return None if _territory(parent) or _dates(parent) else parent


@lru_cache(maxsize=LABEL_CACHE)
def _item(label: str) -> str:
    """A product, branch or group as its label names it, without dates, grouping words and a unit
    tail, its enumeration kept: "Руды, шлак и зола"; "Часы всех видов, кроме часовых механизмов и
    частей, тыс.штук" → "Часы всех видов, кроме часовых механизмов и частей"."""
    text = DIMENSION.sub("", _sentence_case(_bare(SYMBOL_PART.sub("", label)))).lstrip("".join(DASHES) + " ")
    text = text.rsplit(",", 1)[0].strip() if unit_tail(text) else text
    tail = caption_unit(text)  # "Препараты для лечения заболеваний кожи млн.флаконов"
    text = text[: -len(tail)].rstrip(" ,") if tail and tail != text and text.endswith(tail) else text
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=LABEL_CACHE)
def _modifier(label: str, match: IndicatorMatch) -> str | None:
    """An adjective right before the indicator's words that narrows it ("Сырьевой экспорт",
    "товарного экспорта"), unless it names a territory, is NEUTRAL ("совокупный") or is one of
    adjectives joined by "и" ("МАКСИМАЛЬНЫЕ И МИНИМАЛЬНЫЕ ИНДЕКСЫ")."""
    words = words_of(label)
    if match.start == 0 or match.start > len(words):
        return None
    word = words[match.start - 1]
    if match.start > 1 and words[match.start - 2].lower() in COORDINATING:
        return None
    forms = parses(word)
    if not forms or forms[0].tag.POS != "ADJF" or forms[0].normal_form in NEUTRAL or _territory(word):
        return None
    return word


def _category(row_label: str | None, label: str, parent: str | None = None) -> str | None:
    """The row label as a breakdown of an indicator named elsewhere ("Руды, шлак и зола" under
    the column "Объем экспорта"), unless it only names a territory or a period or is the total
    ("Всего", "Итого": the quantity itself)."""
    if not row_label or row_label == label or not LETTER.search(row_label) or TOTAL.fullmatch(row_label):
        return None
    if _unit_led_only(row_label):  # "млн.упаковок": the product above it, counted in another unit
        return _category(parent, label) if parent else None
    return None if _territory(row_label) or _dates(row_label) else GROUPING.sub("", row_label) or None


def _part(label: str) -> bool:
    """A label opened by a subset opener names a part of the table's quantity ("В том числе
    транспорт / железнодорожный" under "ИНДЕКСЫ ТАРИФОВ НА ГРУЗОВЫЕ ПЕРЕВОЗКИ")."""
    return bool(PART_OPENER.match(label))


def _column_part(cell: LabelledCell, label: str) -> str | None:
    """The column label as the breakdown when it names a part of the quantity named elsewhere, or
    what a statistic's symbol is computed on ("ρSpearman, все группы ОКВЭД")."""
    column = cell.col_label
    if not column or column == label:
        return None
    return column if _part(column) or SYMBOL_PART.match(column) else None


def _plain(labels: list[str]) -> str:
    """Labels as one phrase, their " / " joins dropped ("В % к / предыдущему месяцу")."""
    return " ".join(part for label in labels for part in LABEL_PART.split(label) if part)


def _reporting_periods(cells: list[LabelledCell]) -> dict[int, DateFact]:
    """The reporting period of each comparison column that states only its base: that of the
    nearest column on its left stating a period and no base ("Август 2017г." for "В % к /
    июлю 2017г." in a statistical bulletin's table)."""
    labels = {cell.col: cell.col_label for cell in cells if cell.col_label}
    out, current = {}, None
    for col in sorted(labels):
        period, base = label_period([labels[col]])
        if period is not None and base is None:
            current = period
        elif period is None and base is not None and current is not None:
            out[col] = current
    return out


def _cell_row(
    cell: LabelledCell,
    caption: str | None,
    default: Territory | None,
    reporting: DateFact | None,
    listing: Listing | None = None,
) -> dict | None:
    listing = listing or Listing()
    labels = _labels(cell, caption, cell.col in listing.items)
    unit = cell.unit if cell.unit is not None else ANY_UNIT
    found = _indicator(labels, unit, caption) or _headed_by_caption(cell.col_label, caption, unit)
    if found is None:
        return None
    label, match, product = found
    product = None if product == cell.parent else product  # the part row itself is the breakdown
    modifier = None if product else _modifier(label, match)
    category = _category(_row_label(cell), label, cell.parent)
    breakdown = product or modifier or category or _column_part(cell, label)
    listed = listing.items.get(cell.col) if label == caption and not breakdown else None
    named = listing.whole if listed and listing.whole else label  # "Оборот розничной торговли — …"
    breakdown = breakdown or listed
    within = _whole(cell, label) if breakdown and not (product or modifier) else None
    # the caption says when, where and what kind for every cell, even when it does not say what
    context = labels if caption is None or caption in labels else [*labels, caption]
    period, base = label_period(context)
    period = period or (reporting if base is not None else None)
    relative = label_base(_plain(labels), period) if period and base is None else None
    subject = _subject(context) or default
    kind = _kind(labels, context, cell, caption, base is not None)
    return {
        "observation_id": _id("obs", "table", cell.table_id, cell.row, cell.col),
        "indicator": match.indicator.id,
        "measure": _breakdown_measure(named, breakdown, modifier, within, _index_name(match.indicator)),
        "subject_code": subject.iso if subject else None,
        "territory_code": _finer(subject),
        "subject": subject.name if subject else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "period_precision": period.precision if period else None,
        "value_scaled": cell.value * 10**cell.unit_mult,
        "unit": cell.unit or _implied_unit(match.indicator, kind),
        "qualifier": "=",
        "kind": kind,
        "base_period": compact_iso(base) if base else relative,
        "doc_id": cell.doc_id,
        "page": cell.page,
        "source": "table",
        "table_id": cell.table_id,
        "row": cell.row,
        "col": cell.col,
        "review_status": cell.review_status or UNREVIEWED,
    }


def _implied_unit(indicator: Indicator, kind: str) -> str | None:
    """COUNT for an amount of an indicator that is only ever counted ("Число фирм", "Родившихся"),
    when the labels state no unit, as a figure's counted noun is; else none."""
    counted = indicator.units == {"count"} and indicator.type in COUNTED_TYPES
    return "COUNT" if counted and kind in AMOUNT_KINDS else None


@lru_cache(maxsize=LABEL_CACHE)
def _measure(label: str, index: str | None = None) -> str:
    """The label as a noun phrase naming the quantity: without a table number, the parts that only
    state a unit, a comparison base or a grouping ("В том числе", "Справочно"), its unit tail and
    its dates; a caption in capitals in sentence case, "Динамика" dropped and its noun phrase in
    the nominative: "Таблица N 4 Темпы роста объема экспорта РФ, ЦФО" → "Темпы роста объема
    экспорта РФ"; "ДИНАМИКА ГРУЗООБОРОТА ТРАНСПОРТА" → "Грузооборот транспорта"; "Внешнеторговый
    оборот / предыдущему периоду" → "Внешнеторговый оборот". Of an indicator that is an index (its
    name `index`) the dynamics of a quantity is its index: "ДИНАМИКА ПРОИЗВОДСТВА БУМАГИ" → "Индекс
    производства бумаги"; a dynamics of no quantity is the index named: "ДИНАМИКА ПО ОБРАБАТЫВАЮЩИМ
    ПРОИЗВОДСТВАМ" → "Индекс промышленного производства по обрабатывающим производствам"."""
    text = DIMENSION.sub("", _sentence_case(COMPARISON_TAIL.sub("", _bare(label))))
    text = ASIDE_BRACKETS.sub("", text)
    tail = caption_unit(text)  # "… ЗАРУБЕЖЬЯ (по данным ФТС России) млн.долларов США"
    text = text[: -len(tail)].rstrip() if tail and tail != text and text.endswith(tail) else text
    text = DANGLING.sub("", re.split(r"\s*[,(]\s*", text, maxsplit=1)[0])
    head, _, rest = text.partition(" ")
    if index and rest and head.lower() == UNIT_HEAD:  # the genitive after "индекс" stays
        text = f"{index} {rest}" if _preposition(rest.split()[0]) else f"{INDEX_HEAD} {rest}"
    text = _statistic(text)
    text = _nominative(_unit_led(text)) or label
    return text[:1].upper() + text[1:]


def _bare(label: str) -> str:
    """The label's parts that say what, joined: without dates, a table number, a row's number
    ("1. ", "A: "), a "всего" tail and the parts that only state a unit, a comparison base, a
    grouping or a territory ("Темп роста экспорта / Курская область")."""
    parts = [_undated(p) for p in label.split(LABEL_JOIN.strip())]
    kept = [p for p in parts if LETTER.search(p) and not _unit_only(p) and not _aside_only(p)] or [label]
    kept = [p for p in kept if not _territory_only(p)] or kept
    text = CAPTION_NUMBER.sub("", " ".join(LABEL_JOIN.join(kept).split()))
    text = ENUMERATION.sub("", text)
    return TOTAL_TAIL.sub("", text) if LETTER.search(TOTAL_TAIL.sub("", text)) else text


def _territory_only(part: str) -> bool:
    """A label part that only names territories, a unit tail aside ("Курская область", "РФ")."""
    spans = find_territories(part)
    if not spans:
        return False
    rest, at = [], 0
    for span in spans:
        rest.append(part[at : span.start])
        at = span.end
    text = " ".join([*rest, part[at:]])
    return not LETTER.search(text.rsplit(",", 1)[0] if unit_tail(text) else text)


def _undated(part: str) -> str:
    """A label part without its dates and a leading grouping word ("Справочно январь-июль 2016г."
    → "", "в том числе: экспорт товаров" → "экспорт товаров")."""
    for d in reversed(extract_dates(part)):
        part = part[: d.char_start] + part[d.char_end :]
    return GROUPING.sub("", DANGLING.sub("", " ".join(part.split())))


def _aside_only(part: str) -> bool:
    """A label part that only states a comparison base or a grouping ("к соответствующей дате
    предыдущего года", "В % к", "Справочно", "В том числе")."""
    return not _label_matches(part, ANY_UNIT) and bool(ASIDE.fullmatch(part))


def _unit_led(text: str) -> str:
    """A label led by its unit with the unit as a presentation head ("Млн.м общей площади жилых
    помещений" → "динамика общей площади …", for `_nominative` to drop)."""
    first, _, rest = text.partition(" ")
    return f"{UNIT_HEAD} {rest}" if rest and label_unit(first) != (None, 0) else text


def _sentence_case(text: str) -> str:
    """A caption set in capitals in sentence case, abbreviations kept and names capitalized
    ("ДИНАМИКА ВНЕШНЕТОРГОВОГО ОБОРОТА РОССИИ" → "динамика внешнеторгового оборота России")."""
    worded = [w for w in text.split() if LETTER.search(w)]
    capitals = [w for w in worded if len(w) > 1 and w.isupper()]
    if len(capitals) < CAPS_WORDS or 2 * len(capitals) < len(worded):  # not "… регионов ЦФО, долл. США"
        return text
    return " ".join(_word_case(w) if w.isupper() else w for w in text.split())


def _word_case(word: str) -> str:
    """A word in capitals as it is spelt in running text: "ВВП", "России", "производства"."""
    lower = word.lower()
    tags = parses(lower.strip(PUNCTUATION))
    function = tags and tags[0].tag.POS in FUNCTION_WORDS
    if not function and any("Abbr" in p.tag for p in tags) and len(word.strip(PUNCTUATION)) <= ABBR_MAX:
        return word
    if tags and ({"Geox", "Name", "Surn"} & set(tags[0].tag.grammemes)):
        return lower.replace(lower.strip(PUNCTUATION)[:1], lower.strip(PUNCTUATION)[:1].upper(), 1)
    return lower


def _nominative(text: str) -> str:
    """ "динамика грузооборота транспорта" → "грузооборот транспорта": a presentation head
    ("Динамика") dropped, the words up to its noun's head put in the nominative."""
    words = text.split()
    head = 1 if len(words) > 1 and _adjective(words[0]) else 0  # "Отраслевая динамика экспорта"
    heads = head + 1
    joined = (
        len(words) > heads + 1
        and f"{words[heads]} {words[heads + 1]}".lower() in JOINED_HEADS
        and words[head].lower() in PRESENTATION_HEADS | VALUE_HEADS
    )  # not "Экспорт и структура импорта": a quantity joined to a presentation head stays
    while joined and heads + 1 < len(words) and f"{words[heads]} {words[heads + 1]}".lower() in JOINED_HEADS:
        heads += 2  # "Размер и структура просроченной задолженности"
    if len(words) <= heads or not (joined or words[head].lower() in PRESENTATION_HEADS):
        return text  # "Величина и структура численности": a head joined to one presents too
    out, rest = [], words[heads:]
    for i, word in enumerate(rest):
        form = next((p for p in parses(word) if p.tag.case == "gent"), None)
        nominative = inflect(form, {"nomn"}) if form is not None else None
        if nominative is None:
            return " ".join(out + rest[i:])
        out.append(nominative.word if "ё" in word.lower() else nominative.word.replace("ё", "е"))
        if form.tag.POS == "NOUN":
            tail = rest[i + 1 :]
            if len(tail) > 1 and tail[0].lower() == "и":  # "деятельности и копирования" → both nominative
                return " ".join([*out, "и", _nominative(" ".join([words[head], *tail[1:]]))])
            return " ".join(out + tail)
    return " ".join(out)


def _statistic(text: str) -> str:
    """A relation's statistic named before it ("Корреляция между …" → "коэффициент корреляции между …",
    `lexicon.STATISTIC_HEADS`)."""
    head, _, rest = text.partition(" ")
    forms = parses(head)
    statistic = lexicon.STATISTIC_HEADS.get(forms[0].normal_form) if forms else None
    genitive = inflect(forms[0], {"gent"}) if statistic else None
    return f"{statistic} {genitive.word} {rest}".strip() if genitive else text


def _preposition(word: str) -> bool:
    forms = parses(word)
    return bool(forms) and forms[0].tag.POS == "PREP"


def _adjective(word: str) -> bool:
    forms = parses(word)
    return bool(forms) and forms[0].tag.POS == "ADJF"


def _unit_only(part: str) -> bool:
    """A label part that only states a unit ("млн. долларов США", "тыс. человек")."""
    return label_unit(part)[0] is not None and not _label_matches(part, ANY_UNIT) and not _territory(part)


def _subject(labels: Iterable[str]) -> Territory | None:
    """The first place or organization the labels name, in label order: a row of an organization
    ('ООО "Европа"') is that organization's, even under "Количество магазинов в Курской области"."""
    return next((t for label in labels if (t := _place(label)) is not None), None)


@lru_cache(maxsize=LABEL_CACHE)
def _place(label: str) -> Territory | None:
    spans = sorted([*find_organizations(label), *find_territories(label)], key=lambda s: s.start)
    return spans[0].territory if spans else None


def _finer(t: Territory | None) -> str | None:
    """The territory's own code when its ISO code (`subject_code`, like a figure's) is coarser: a
    city's "RU-ROS/rostov-na-donu" beside "RU-ROS", an organization's "org:<key>"."""
    return t.code if t is not None and t.code != t.iso else None


@lru_cache(maxsize=LABEL_CACHE)
def _territory(label: str) -> Territory | None:
    spans = find_territories(label)
    return spans[0].territory if spans else None


def _dated(label: str) -> str:
    """A label with its parts in reading order, a bare-year part right after the part naming months
    or quarters, else last ("2019 / I кв." → "I кв. 2019 г.")."""
    parts = [p for p in LABEL_PART.split(label.strip()) if p]
    years = [m.group(1) for p in parts if (m := BARE_YEAR.match(p))]
    year = [f"{y} гг." if YEAR_SPAN.search(y) else f"{y} г." for y in years[:1]]
    rest = [p for p in parts if not BARE_YEAR.match(p)]
    at = next((i + 1 for i, p in enumerate(rest) if PERIOD_PART.search(p)), len(rest))
    return " ".join(rest[:at] + year + rest[at:])  # "Январь-июль / на 100 тыс. человек / 2016г."


def label_period(labels: Iterable[str]) -> tuple[DateFact | None, DateFact | None]:
    """(period, base period) stated by the first labels that state them."""
    period = base = None
    for label in labels:
        own_period, own_base = _label_period(label)
        period, base = period or own_period, base or own_base
    return period, base


@lru_cache(maxsize=LABEL_CACHE)
def _label_period(label: str) -> tuple[DateFact | None, DateFact | None]:
    """(period, base period) one label states: its first date that is not a base, its first base."""
    period = base = None
    text, previous_end = _dated(label), None
    for d in _dates(label):
        is_base = _is_base(text, d, previous_end)
        previous_end = d.char_end
        if is_base and base is None:
            base = d
        elif not is_base and period is None:
            period = d
    return period, base


def _is_base(text: str, d: DateFact, previous_end: int | None = None) -> bool:
    """The date follows a comparison marker ("по сравнению с 2016 г."), or is "к <date>" after a
    percent or ratio ("в % к августу 2016г.": the date span itself starts with "к") or right after
    another date ("Август 2017г. к декабрю 2016г.")."""
    lead = text[max(0, d.char_start - BASE_REACH) : d.char_start]
    if BASE_MARKER.search(lead):
        return True
    after_date = previous_end is not None and not text[previous_end : d.char_start].strip()
    return bool(TO_DATE.match(text, d.char_start)) and (after_date or bool(RATIO_BEFORE.search(lead)))


def _kind(labels: list[str], context: list[str], cell: LabelledCell, caption: str | None, based: bool) -> str:
    """The kind the cell's labels state, the caption's included for a percent, a ratio or a
    unitless value ("Отраслевая динамика экспорта"): an amount ("млрд рублей", "Млн.м") under
    "ДИНАМИКА …" stays a level; a value against a base period ("2017г. к 2016г. / %") is a change."""
    amount = cell.unit_mult > 0 or _amount_unit(cell.unit)
    kind = label_kind([lb for lb in labels if not (amount and lb == caption)])
    kind = kind if kind != "level" or amount else label_kind(context)
    return "change" if kind == "level" and based and not amount else kind


def _amount_unit(unit: str | None) -> bool:
    """A unit of an amount ("RUB", "COUNT"), not of a relative value nor a code without a class; a
    caption's kind ("ДИНАМИКА …", "в % к") applies to the others."""
    return unit is not None and unit_class(unit) is not None and not lexicon.relative_unit(unit)


def label_kind(labels: Iterable[str]) -> str:
    """level | change | share | target, from the words of a cell's labels ("в % к итогу" → share);
    the words of a term name the quantity, not its kind (`lexicon.FIXED_TERMS`: "Ожидаемая
    продолжительность жизни" is no target, "Миграционный прирост" no change)."""
    text = _without_terms(_plain(list(labels)))
    return next((kind for kind, marker in KIND_MARKERS if marker.search(text)), "level")


@lru_cache(maxsize=LABEL_CACHE)
def _without_terms(text: str) -> str:
    """The text with each term of `FIXED_TERMS` it has, in any case form, blanked out."""
    words = caption_words(text)
    out, at = [], 0
    for m in FIXED_TERMS.matches([w.text for w in words]):  # by start; a shorter term inside a longer
        start, end = words[m.start].start, words[m.end - 1].end
        out.append(text[at:start] + " " if start >= at else "")
        at = max(at, end)
    return "".join(out) + text[at:]
