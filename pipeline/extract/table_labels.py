"""The labels a numeric table cell really has, read from the tidy `table_cells` of one table.

`table_cells` keep the parser's view: one header row as `col_label`, the first column as
`row_label`. Tables of Russian papers often have more: header rows parsed as data ("2021 г.",
"2022 г." under a spanning "Значение показателя"), a unit column ("Единица измерения": "млрд
рублей", "% к 2020 году") and percent cells ("0,13%"). `labelled_cells` gives every data cell of a
table its joined column label ("Значение показателя / 2021 г."), its row's unit text, the year of
its section ("2016г." above rows "Январь", "Февраль"), its value (percent cells parsed) and its
unit from those labels, with the header rows left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline import lexicon
from pipeline.extract.tables import TIMES, caption_unit, cell_unit, cell_value, label_unit, times_value
from pipeline.model import missing

__all__ = ["LabelledCell", "labelled_cells"]

# A header that is only a year or a span of years: "2019", "2019 г.", "2018 - 2020".
BARE_YEAR = re.compile(
    rf"^(?:на\s+)?({lexicon.YEAR_DIGITS}(?:\s*[-–—]\s*{lexicon.YEAR_DIGITS})?)\s*(?:г\.?|гг\.?|год|года|годы)?$",
    re.I,
)
UNIT_HEADER = re.compile(r"^\s*ед(?:\.|иниц[аы])?\s*(?:изм|измерения)", re.I)
PERCENT_CELL = re.compile(r"^\s*([-−–+]?\d[\d\s\u00a0,.]*?)\s*%\s*$")
LABEL_JOIN = " / "
UNIT_CACHE = 20_000
PERCENT = "PERCENT"
MIN_NUMBERED = 2  # rows a first column must number to be a column of row numbers
# a row that is a part of the row above: "в том числе: …", "из него: …", "- доля в ЦФО", "бурый рядовой"
PART_ROW = re.compile(r"^(?:[-–—]\s*)?(?:[а-яё]|(?i:" + lexicon.subset_opener_pattern() + "))")
LETTER = re.compile(r"[А-Яа-яЁёA-Za-z]")
MATH_LETTER = re.compile("[\U0001d400-\U0001d7ff]")  # Mathematical Alphanumeric Symbols of a formula
ROW_NUMBER = re.compile(r"^(?:N|№)?\s*\d{1,3}(?:\.\d{1,3})*\.?$")  # "1.", "2.1", "№ 3": a row's number


@dataclass(frozen=True)
class LabelledCell:
    table_id: str
    doc_id: str
    page: int
    row: int
    col: int
    row_label: str | None
    col_label: str | None  # header label joined with the header rows' texts of this column
    unit_text: str | None  # the row's cell in a "Единица измерения" column
    section: str | None  # the year of the section row above ("2016г." over "Январь", "Февраль" …)
    value: float
    unit: str | None
    unit_mult: int
    review_status: str | None = None
    parent: str | None = None  # the row a part row belongs to ("Уголь, млн.тонн" over "из него: каменный")


def _text(value: object) -> str | None:
    """A cell's text in one line, mathematical letters as plain ones ("𝜌𝑆𝑝𝑒𝑎𝑟𝑚𝑎𝑛" → "ρSpearman")."""
    if missing(value):
        return None
    return _line(value) if isinstance(value, str) else _line(str(value))


@lru_cache(maxsize=UNIT_CACHE)
def _line(text: str) -> str | None:
    """`_text` of a string, cached (a cell's text is read for its grid, labels and value)."""
    return " ".join(MATH_LETTER.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text).split()) or None


@lru_cache(maxsize=UNIT_CACHE)
def _value(text: str | None) -> tuple[float | None, str | None]:
    """(number, the unit it states) of a cell text: "41782,1" → (41782.1, None), "0,13%" → (0.13,
    PERCENT), "в 3,0р." → (3.0, TIMES)."""
    if text is None:
        return None, None
    found = PERCENT_CELL.match(text)
    if found:
        return cell_value(found.group(1)), PERCENT
    times = times_value(text)
    return (times, TIMES) if times is not None else (cell_value(text), None)


def _is_header_text(text: str) -> bool:
    return BARE_YEAR.match(text) is not None or _value(text)[0] is None


def _header_rows(grid: dict[int, dict[int, str | None]]) -> list[int]:
    """The leading rows that hold only labels (texts or years), not data."""
    rows = []
    for r in sorted(grid):
        texts = [t for c, t in grid[r].items() if c > 0 and t]
        if not texts or not all(_is_header_text(t) for t in texts):
            break
        rows.append(r)
    return rows


def _column_labels(cells: list[dict], grid: dict, headers: list[int]) -> dict[int, str | None]:
    """Column → its header label and the header rows' texts, joined; a spanning header label
    ("Значение показателя") is carried right over the columns its header rows split."""
    labels: dict[int, str | None] = {}
    for c in cells:
        labels[int(c["col"])] = labels.get(int(c["col"])) or _text(c.get("col_label"))
    texts = _header_texts(grid, headers, sorted(labels))
    out, carried = {}, None
    for col in sorted(labels):
        below = texts.get(col, [])
        label = labels[col] or (carried if below else None)
        carried = label
        out[col] = LABEL_JOIN.join(p for p in [label, *below] if p) or None
    return out


def _header_texts(grid: dict, headers: list[int], cols: list[int]) -> dict[int, list[str]]:
    """Column → the texts of the header rows above it; a header cell spanning columns that a
    lower header row splits is carried right over them ("экспорт" over "млн. долларов США",
    "в % к", and the "предыдущему периоду" under that "в % к")."""
    out: dict[int, list[str]] = {col: [] for col in cols}
    for i, r in enumerate(headers):
        lower = headers[i + 1 :]

        def split(col: int, lower: list[int] = lower) -> bool:
            return any(grid[row].get(col) for row in lower)

        carried = None
        for col in (c for c in cols if c > 0):
            text = grid[r].get(col)
            if text:
                carried = text if split(col) else None  # only a cell over a split spans it
            elif carried and split(col):
                text = carried
            else:
                carried = None
            if text:
                out[col].append(text)
    return out


def _sections(grid: dict[int, dict[int, str | None]], headers: list[int]) -> dict[int, str]:
    """Row → the year of the section it is in: a row whose first cell is only a year and whose
    other cells hold no number ("2016г." above the months of 2016)."""
    out, section = {}, None
    for r in sorted(set(grid) - set(headers)):
        first = grid[r].get(0)
        numbers = [t for c, t in grid[r].items() if c > 0 and t and _value(t)[0] is not None]
        if first and BARE_YEAR.match(first) and not numbers:
            section = first
        elif section:
            out[r] = section
    return out


def _numbered(grid: dict[int, dict[int, str | None]], headers: list[int]) -> int:
    """1 when the first column only numbers the rows ("1.", "2.", blank under a number) and the
    second names them ("Абсолютная потребность в кадрах …", "- программы бакалавриата"): the row
    labels are in the second column; else 0."""
    rows = sorted(set(grid) - set(headers))
    firsts = [grid[r].get(0) for r in rows]
    seconds = [grid[r].get(1) for r in rows]
    numbers = [t for t in firsts if t]
    if len(numbers) < MIN_NUMBERED or not all(ROW_NUMBER.match(t) for t in numbers):
        return 0
    return 1 if all(t and LETTER.search(t) for t in seconds) else 0


def _unit_column(col_labels: dict[int, str | None]) -> int | None:
    return next((c for c, label in col_labels.items() if label and UNIT_HEADER.match(label)), None)


def labelled_cells(cells: list[dict], caption: str | None = None) -> list[LabelledCell]:
    """The data cells of one table (its `table_cells` rows as records) that hold a number, with
    their effective labels and unit."""
    grid: dict[int, dict[int, str | None]] = {}
    for c in cells:
        grid.setdefault(int(c["row"]), {})[int(c["col"])] = _text(c["text"])
    headers = _header_rows(grid)
    col_labels = _column_labels(cells, grid, headers)
    unit_col = _unit_column(col_labels)
    sections = _sections(grid, headers)
    numbered = _numbered(grid, headers)
    if numbered:
        cells = [c | {"row_label": grid[int(c["row"])].get(1)} for c in cells]
    parents = _parents(cells, headers)
    out = []
    for c in cells:
        row, col = int(c["row"]), int(c["col"])
        if row in headers or col == unit_col or (numbered and col < numbered) or _is_row_label(c):
            continue
        unit_text = grid[row].get(unit_col) if unit_col is not None else None
        labels = Labels(col_labels.get(col), unit_text, caption, sections.get(row), parents.get(row))
        cell = _labelled(c, labels)
        if cell is not None:
            out.append(cell)
    return out


def _is_row_label(cell: dict) -> bool:
    """The cell is its row's label ("2019" in a column "Год" heading the years), not a value."""
    return int(cell["col"]) == 0 and _text(cell["text"]) == _text(cell.get("row_label"))


@dataclass(frozen=True)
class Labels:
    """What a cell's table says about it beside its own row label."""

    col_label: str | None
    unit_text: str | None
    caption: str | None
    section: str | None
    parent: str | None


def _parents(cells: list[dict], headers: list[int]) -> dict[int, str]:
    """Row → the label of the row it is a part of: a row whose label starts in lower case or with
    "в том числе", "из него", "из них" belongs to the nearest row above that does not ("Уголь,
    млн.тонн" over "из него: каменный", "бурый"); of a label "X: номинальная" the part before the colon."""
    labels: dict[int, str] = {}
    for c in cells:
        if (text := _text(c.get("row_label"))) is not None:
            labels.setdefault(int(c["row"]), text)
    out, parent = {}, None
    for row in sorted(set(labels) - set(headers)):
        label = labels[row]
        if PART_ROW.match(label):
            if parent is not None:
                out[row] = parent
        elif LETTER.search(label) and not BARE_YEAR.match(label):
            parent = label.split(":", 1)[0].strip()
        else:
            parent = None
    return out


@lru_cache(maxsize=UNIT_CACHE)
def _unit(labels: Labels, row_label: str | None) -> tuple[str | None, int]:
    """The row's unit text ("млрд рублей"), else `tables.cell_unit` (a part row takes the unit its
    parent row ends with); cached (a table's labels repeat over its cells)."""
    stated = label_unit(labels.unit_text)
    if stated != (None, 0):
        return stated
    return cell_unit(labels.col_label, row_label, caption_unit(labels.caption), parent=labels.parent)


def _labelled(c: dict, labels: Labels) -> LabelledCell | None:
    value, stated = _value(_text(c["text"]))
    if value is None:
        return None
    row_label = _text(c.get("row_label"))
    unit, mult = (stated, 0) if stated else _unit(labels, row_label)
    return LabelledCell(
        table_id=c["table_id"],
        doc_id=c["doc_id"],
        page=int(c["page"]),
        row=int(c["row"]),
        col=int(c["col"]),
        row_label=row_label,
        col_label=labels.col_label,
        unit_text=labels.unit_text,
        section=labels.section,
        value=value,
        unit=unit,
        unit_mult=mult,
        review_status=_text(c.get("review_status")),
        parent=labels.parent,
    )
