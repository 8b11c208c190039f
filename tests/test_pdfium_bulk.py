"""Differential test: the bulk pdfium char reader gives exactly the chars of the per-char reader
it replaced (`tests/pdfium_reference.py`), on every fixture page and on corpus pages."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pr
import pytest
from pdfium_reference import page_chars as reference_chars

from pipeline.parse import pdfium_chars
from pipeline.parse.pdfium_chars import page_chars

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
HELD_OUT = {
    "syomin_fts_open_data_geobulletin_2024",
    "kursk_export_strategy_2030",
    "hse_coursework_gravity_migration_2021",
    "cegr_2012_volgograd_pharma_cluster",
}
CORPUS_STEP = 4  # every 4th corpus page: the whole corpus is bench/diff_parse.py's job
BOX_TOLERANCE = 1e-6  # pt
KEYS = ("text", "fontname", "upright", "size")
BOX = ("x0", "x1", "top", "bottom")


def _readable(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        try:
            pdfium.PdfDocument(p).close()
        except pdfium.PdfiumError:  # empty, encrypted, not a PDF: nothing to read
            continue
        out.append(p)
    return out


def _assert_same(path: Path, step: int = 1) -> int:
    """Compare both readers on every `step`-th page of `path`; the number of chars compared."""
    doc = pdfium.PdfDocument(path)
    n = 0
    try:
        for i in range(0, len(doc), step):
            page = doc[i]
            h = page.get_height()
            new, old = page_chars(page, h), reference_chars(page, h)
            page.close()
            assert [[c[k] for k in KEYS] for c in new] == [[c[k] for k in KEYS] for c in old], (path.name, i)
            assert all(abs(a[k] - b[k]) <= BOX_TOLERANCE for a, b in zip(new, old, strict=True) for k in BOX)
            n += len(new)
    finally:
        doc.close()
    return n


@pytest.mark.skipif(not FIX.is_dir(), reason="fixtures not generated")
@pytest.mark.parametrize(
    "path", _readable(sorted(FIX.glob("*.pdf"))) if FIX.is_dir() else [], ids=lambda p: p.stem
)
def test_bulk_reader_matches_per_char_reader_on_fixtures(path: Path) -> None:
    n = _assert_same(path)
    assert n or path.stem in {"scanned", "seed_gertsik_2020_scanned"}  # scans have no text layer


@pytest.mark.corpus
@pytest.mark.skipif(not REAL.is_dir(), reason="shared corpus not available")
def test_bulk_reader_matches_per_char_reader_on_corpus() -> None:
    paths = [p for p in sorted(REAL.glob("*.pdf")) if p.stem not in HELD_OUT]
    assert sum(_assert_same(p, CORPUS_STEP) for p in paths) > 100_000


def _fixture_text_pages() -> list[tuple[Path, int]]:
    paths = _readable(sorted(FIX.glob("*.pdf"))) if FIX.is_dir() else []
    return [(p, i) for p in paths for i in range(len(pdfium.PdfDocument(p)))]


@pytest.mark.skipif(not FIX.is_dir(), reason="fixtures not generated")
def test_page_text_codes_are_the_per_char_unicodes() -> None:
    """`_codes` (the page's text in one call, 0xFFFE units asked again) gives pdfium's unicode of
    every char, line-end hyphens (code 2) included; the fixtures hold such chars."""
    asked = 0
    for path, i in _fixture_text_pages():
        doc = pdfium.PdfDocument(path)
        textpage = doc[i].get_textpage()
        tp, n = ctypes.cast(textpage.raw, ctypes.c_void_p).value, textpage.count_chars()
        per_char = [pr.FPDFText_GetUnicode(textpage.raw, k) for k in range(n)]
        assert pdfium_chars._codes(tp, n) == per_char, (path.name, i)
        asked += sum(u in (0, 2) for u in per_char)
        doc.close()
    assert asked  # the 0xFFFE path ran


@pytest.mark.skipif(not FIX.is_dir(), reason="fixtures not generated")
def test_chars_read_without_the_page_text_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """When pdfium leaves chars out of the page's text (fewer units than chars), every char's
    unicode is asked: the chars are the reference reader's."""
    monkeypatch.setattr(pdfium_chars, "_PAGE_TEXT", lambda tp, start, n, buf: 0)
    assert sum(_assert_same(p) for p in _readable(sorted(FIX.glob("*.pdf")))) > 1000


def _helvetica_pdf(path: Path, contents: list[bytes], to_unicode: bytes | None = None) -> Path:
    """A PDF of one page per content stream, its font /F1 Helvetica (with a ToUnicode CMap if given)."""
    pdf = pikepdf.new()
    name = pikepdf.Name
    font = pikepdf.Dictionary(Type=name.Font, Subtype=name.Type1, BaseFont=name.Helvetica)
    if to_unicode is not None:
        font.ToUnicode = pdf.make_stream(to_unicode)
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    for content in contents:
        page = pikepdf.Dictionary(
            Type=name.Page, MediaBox=[0, 0, 612, 792], Resources=resources, Contents=pdf.make_stream(content)
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def _blank_object_page(path: Path) -> Path:
    """A page whose word gap is a text object of one space (zero-size bounds: pdfium skips it)."""
    content = (
        b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET BT /F1 12 Tf 101.35 700 Td ( ) Tj ET "
        b"BT /F1 12 Tf 104.7 700 Td (world) Tj ET BT /F1 12 Tf 72 680 Td (Next line ) Tj ET"
    )
    return _helvetica_pdf(path, [content])


def test_blank_objects_are_looked_for_only_among_objects_pdfium_skipped(tmp_path: Path) -> None:
    """`_blanks` skips the text objects whose chars pdfium read: the blanks found are those of the
    check over every text object, and the page's chars are the reference reader's."""
    doc = pdfium.PdfDocument(_blank_object_page(tmp_path / "blank.pdf"))
    page = doc[0]
    h, textpage = page.get_height(), page.get_textpage()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    r = pdfium_chars._Reader(textpage.raw, h, pdfium_chars._fetch(tp, textpage.count_chars(), h))
    pdfium_chars._read_chars(r)
    found = pdfium_chars._blanks(r, page)
    r.raw.objects = []  # no object known as read: every text object is checked
    assert found == pdfium_chars._blanks(r, page) and [c["text"] for c in found] == [" "]
    textpage.close()
    assert "".join(c["text"] for c in page_chars(page, h)).startswith("Hello world")
    assert _assert_same(tmp_path / "blank.pdf")


@pytest.mark.skipif(not FIX.is_dir(), reason="fixtures not generated")
def test_an_object_ends_with_a_space_when_pdfium_says_its_text_does() -> None:
    """`_object_ends_with_space`, answered from the chars' codes, is what pdfium's own object text
    says for every text object of the fixtures; with the last char's unicode missing, pdfium is asked."""
    answers = set()
    for path, i in _fixture_text_pages():
        doc = pdfium.PdfDocument(path)
        page = doc[i]
        h, textpage = page.get_height(), page.get_textpage()
        tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        r = pdfium_chars._Reader(textpage.raw, h, pdfium_chars._fetch(tp, textpage.count_chars(), h))
        for obj in set(r.raw.objects) - {0}:
            text = pdfium_chars._object_text(r, pr.FPDFText_GetTextObject(r.tp, r.raw.objects.index(obj)))
            said = text.rstrip("\x00").endswith(" ")
            assert pdfium_chars._object_ends_with_space(r, obj) == said, (path.name, i, text)
            last = r.last_of[obj]
            code, r.raw.codes[last] = r.raw.codes[last], 0
            assert pdfium_chars._object_ends_with_space(r, obj) == said
            r.raw.codes[last] = code
            answers.add(said)
        doc.close()
    assert answers == {True, False}


_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def
1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <48> <D835DC00> <65> <0001> <6C> <0000> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _odd_unicode_pdf(path: Path) -> Path:
    """A page whose 'H' maps to U+1D400 (beyond the BMP), 'e' to a control code and 'l' to no
    unicode (ToUnicode CMap), then a page without any text."""
    return _helvetica_pdf(path, [b"BT /F1 12 Tf 72 700 Td (Hello world) Tj ET", b""], _CMAP)


def test_chars_beyond_the_bmp_without_unicode_and_no_text(tmp_path: Path) -> None:
    """Inputs the corpus lacks: pdfium gives a char beyond the BMP as two chars (its UTF-16 pair),
    in the page text as per char; a control code and chars without unicode; a page without text.
    `_codes` is pdfium's per-char unicode and the chars are the reference reader's."""
    path = _odd_unicode_pdf(tmp_path / "odd.pdf")
    doc = pdfium.PdfDocument(path)
    codes = []
    for page in doc:
        textpage = page.get_textpage()
        tp, n = ctypes.cast(textpage.raw, ctypes.c_void_p).value, textpage.count_chars()
        codes.append(pdfium_chars._codes(tp, n))
        assert codes[-1] == [pr.FPDFText_GetUnicode(textpage.raw, k) for k in range(n)]
        textpage.close()
    doc.close()
    assert codes[0][:4] == [0xD835, 0xDC00, 1, 0] and codes[1] == []
    assert _assert_same(path) == 11  # the pair is one char, "𝐀"
