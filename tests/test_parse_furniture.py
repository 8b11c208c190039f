"""Furniture and faux-bold de-duplication in linear time: the same decisions as comparing all
pairs, on OCR-noisy running headers, with a bounded number of difflib comparisons."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from pipeline.parse import furniture
from pipeline.parse.furniture import _near_repeats, strip_furniture
from pipeline.parse.lines import Line
from pipeline.parse.quality import dedupe_chars
from pipeline.parse.settings import LAYOUT

HEIGHT = 800.0
# The scanned seed's running header as Tesseract reads it on its pages (one misread per page).
OCR_HEADERS = [
    "Вестник инновационной экономики. 2020. № 3 Ю. Г. Герцик",
    "Вестник инновационной экономики. 2020. № 3 . Ю. Г. Герцик",
    "Вестник инновационной экономики. 2020. № 3. Ю. Г. Герцик",
    "Вестник инновационной экономики. 2020. № 3 Ю. Г. Герицик",
    "Вестник инновационной экономики. 2020. No.3 a Ю. Г. Герцик",
    "Вестник инновационной экономики. 2020. № 3 ° Ю.. Гериик",
]


def _all_pairs(counts: Counter[str], exact: set[str], need: int) -> set[str]:
    """The former quadratic search: every line against every other (the oracle)."""
    out = set()
    for k in counts:
        if k in exact or len(k) < LAYOUT.repeat_min_chars:
            continue
        if counts[k] + sum(counts[o] for o in counts if furniture._comparable(k, o)) >= need:
            out.add(k)
    return out


def _page(header: str, body: str) -> list[Line]:
    return [Line(header, (50.0, 20.0, 400.0, 30.0), 9.0), Line(body, (50.0, 300.0, 400.0, 311.0), 11.0)]


def test_ocr_noisy_running_header_is_removed_from_every_page() -> None:
    bodies = [f"Текст страницы {k}: доля инвестиций выросла на {k} %." for k in range(len(OCR_HEADERS))]
    out = strip_furniture(
        [_page(h, b) for h, b in zip(OCR_HEADERS, bodies, strict=True)], [HEIGHT] * len(OCR_HEADERS)
    )
    assert [[ln.text for ln in lines] for lines in out] == [[b] for b in bodies]


def test_bucketed_search_decides_like_all_pairs_on_noisy_headers() -> None:
    counts = Counter(furniture._key(h) for h in OCR_HEADERS + OCR_HEADERS[:2])
    counts.update(furniture._key(f"Глава {k}. Инвестиционный климат региона {k}") for k in range(3))
    need = LAYOUT.repeat_pages
    exact = {k for k in counts if counts[k] >= need}
    found = _near_repeats(counts, exact, need)
    assert found == _all_pairs(counts, exact, need)
    assert len(found) == len(set(map(furniture._key, OCR_HEADERS)))  # every variant, no chapter line


def _words(rng: random.Random, n: int) -> list[str]:
    syllables = [
        "ра",
        "зви",
        "ти",
        "е",
        "ин",
        "ве",
        "сти",
        "ци",
        "он",
        "ный",
        "кли",
        "мат",
        "ре",
        "ги",
        "о",
        "на",
        "ль",
        "ной",
        "эко",
        "но",
        "ми",
        "ки",
        "про",
        "из",
        "вод",
        "ст",
        "во",
    ]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 5))) for _ in range(n)]


def _comparisons(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """difflib comparisons made for n distinct body lines (a document without running headers)."""
    rng = random.Random(n)
    vocab = _words(rng, 3000)
    counts = Counter(" ".join(rng.choice(vocab) for _ in range(rng.randint(4, 12))) for _ in range(n))
    calls = 0
    comparable = furniture._comparable

    def counted(k: str, o: str) -> bool:
        nonlocal calls
        calls += 1
        return comparable(k, o)

    monkeypatch.setattr(furniture, "_comparable", counted)
    assert _near_repeats(counts, set(), LAYOUT.repeat_pages) == set()
    return calls


def test_near_repeat_search_is_bounded_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    n = 3000
    calls = _comparisons(n, monkeypatch)
    assert calls <= 10 * LAYOUT.repeat_bucket * n  # ≤ 10 anchors of ≤ repeat_bucket lines each
    assert calls < n * n / 2 / 50  # all pairs: 4.5 M


def _char(text: str, x: float, top: float) -> dict:
    return {"text": text, "x0": x, "x1": x + 5.0, "top": top, "bottom": top + 10.0}


def test_faux_bold_copies_dropped_and_neighbours_kept() -> None:
    chars = [
        _char("А", 100.0, 50.0),
        _char("А", 100.4, 50.3),  # overprinted copy: dropped
        _char("Б", 100.0, 50.0),  # another glyph at the same place: kept
        _char("А", 103.0, 50.0),  # the same letter 3 pt on: kept
        _char("А", 100.0, 62.0),
    ]  # on the next line: kept
    assert dedupe_chars(chars) == [chars[0], *chars[2:]]


def test_faux_bold_copies_found_across_cell_borders_and_below_zero() -> None:
    """The numpy pre-test (`_may_have_copies`) must send every page with a copy to the exact loop:
    copies in neighbouring 1-pt cells, diagonal ones, and ones around 0 (int() snaps toward 0)."""
    pairs = [((100.9, 50.0), (101.1, 50.0)), ((10.9, 20.9), (11.2, 21.1)), ((-0.5, -0.4), (0.4, 0.3))]
    for a, b in pairs:
        chars = [_char("Ж", *a), _char("и", 300.0, 300.0), _char("Ж", *b)]
        assert dedupe_chars(chars) == chars[:2], (a, b)
    far = [_char("Ж", 100.0, 50.0), _char("Ж", 102.1, 50.0), _char("Ж", 100.0, 52.1)]
    assert dedupe_chars(far) == far
