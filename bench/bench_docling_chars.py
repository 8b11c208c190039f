"""docling-parse's C++ char cells against the pdfium char reader (`pipeline.parse.pdfium_chars`):
CPU per page for chars with boxes and font names, and whether the two give the same text per line.

Usage (docling-parse lives in a throwaway venv, never in the project's):
  /tmp/venv/bin/python bench/bench_docling_chars.py DIR --docling /tmp/dl.pkl   # docling's chars
  PYTHONPATH=$PWD .venv/bin/python bench/bench_docling_chars.py DIR --compare /tmp/dl.pkl
The first run needs only docling-parse; it decodes char cells only (no words, lines, shapes or
bitmaps) and turns them into pdfplumber-style dicts (what the pipeline would need), timing CPU.
The second times the pdfium reader on the same pages, then groups both readers' chars into rows
with the pipeline's own `cluster_rows` and compares each page's row texts (exact, and with
whitespace removed). docling's cells carry no font size: `size` is its box height.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path


def docling_chars(paths: list[Path]) -> tuple[dict[str, list[list[dict]]], float, int]:
    """Each document's pages as char dicts read by docling-parse; CPU-s; pages."""
    from docling_parse.pdf_parser import ContentConfig, ContentLevel, DecodeConfig, DoclingPdfParser

    skip = ContentLevel.SKIP
    cc = ContentConfig(
        char_cells_content_level=ContentLevel.COMPUTE,
        word_cells_content_level=skip,
        line_cells_content_level=skip,
        shapes_content_level=skip,
        bitmaps_content_level=skip,
    )
    parser, out, cpu, n = DoclingPdfParser(loglevel="fatal"), {}, 0.0, 0
    for path in paths:
        t = time.process_time()
        doc = parser.load(path_or_stream=str(path), decode_config=DecodeConfig(), content_config=cc)
        pages = []
        for no in range(1, doc.number_of_pages() + 1):
            dec = doc._ensure_page_decoder(no, cc)  # the C++ decoder: no pydantic page objects
            h = dec.get_page_dimension().get_crop_bbox()[3]
            pages.append(
                [
                    {
                        "text": c.text,
                        "x0": c.x0,
                        "x1": c.x1,
                        "top": h - c.y1,
                        "bottom": h - c.y0,
                        "size": c.y1 - c.y0,
                        "fontname": c.font_name,
                        "upright": True,
                    }
                    for c in dec.get_char_cells()
                ]
            )
            doc.unload_pages((no, no))
        doc.unload()
        cpu += time.process_time() - t
        out[path.stem], n = pages, n + len(pages)
    return out, cpu, n


def pdfium_chars(paths: list[Path]) -> tuple[dict[str, list[list[dict]]], float]:
    """Each document's pages as char dicts read by the pipeline's pdfium reader; CPU-s."""
    import pypdfium2 as pdfium

    from pipeline.parse.pdfium_chars import page_chars

    out, cpu = {}, 0.0
    for path in paths:
        t = time.process_time()
        doc = pdfium.PdfDocument(str(path))
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            pages.append(page_chars(page, page.get_height()))
            page.close()
        doc.close()
        cpu += time.process_time() - t
        out[path.stem] = pages
    return out, cpu


def row_texts(chars: list[dict]) -> list[str]:
    """The page's rows (the pipeline's vertical clustering), each its chars' text in x order."""
    from pipeline.parse.lines import cluster_rows

    rows = cluster_rows([c for c in chars if c["text"]])
    return ["".join(c["text"] for c in sorted(r, key=lambda c: c["x0"])) for r in rows]


def compare(ours: dict, theirs: dict) -> None:
    pages = same = same_ns = same_n = 0
    for name, pgs in ours.items():
        d_same = 0
        for a, b in zip(pgs, theirs[name], strict=True):
            ra, rb = row_texts(a), row_texts(b)
            pages += 1
            same_n += sum(1 for c in a if c["text"] != " ") == sum(1 for c in b if c["text"] != " ")
            same += ra == rb
            d_same += ra == rb
            same_ns += ["".join(t.split()) for t in ra] == ["".join(t.split()) for t in rb]
        print(f"{name[:45]:45} pages {len(pgs):4d} same row texts {d_same:4d}")
    print(
        f"pages {pages}: same row texts {same}, same without whitespace {same_ns}, "
        f"same count of non-space chars {same_n}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--docling", type=Path, help="read with docling-parse, pickle the chars here")
    ap.add_argument("--compare", type=Path, help="time the pdfium reader, compare with this pickle")
    args = ap.parse_args()
    paths = [p for d in args.dirs for p in sorted(d.glob("*.pdf")) if "scanned" not in p.name]
    if args.docling:
        chars, cpu, n = docling_chars(paths)
        print(f"docling-parse: {n} pages {cpu:.2f} CPU-s ({1000 * cpu / n:.2f} ms per page)")
        args.docling.write_bytes(pickle.dumps(chars))
    if args.compare:
        chars, cpu = pdfium_chars(paths)
        n = sum(map(len, chars.values()))
        print(f"pdfium reader: {n} pages {cpu:.2f} CPU-s ({1000 * cpu / n:.2f} ms per page)")
        compare(chars, pickle.loads(args.compare.read_bytes()))


if __name__ == "__main__":
    main()
