"""Hostile inputs made at test time: a structure-aware PDF mutator and a few crafted PDFs.

The mutator works on what a PDF is made of rather than on random bytes: it flips bytes inside
streams, deletes or duplicates chunks, swaps the bodies of two objects, and injects lone
surrogates and control characters into text strings (the fonts' ToUnicode maps and the
document title), which is how such characters reach extracted text. Used by tests/test_fuzz.py
(a small sample) and bench/fuzz.py (200 mutants); deterministic for a seed.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from pathlib import Path

OBJECT = re.compile(rb"(\d+) (\d+) obj(.*?)endobj", re.DOTALL)
STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
BFCHAR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>")
BAD_CODE_POINTS = (0xDCBF, 0xD800, 0xDFFF, 0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0xFFFE)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
RUSSIAN = (
    "Объем инвестиций в основной капитал региона составил {n} млрд рублей, что на пять процентов "
    "больше, чем в прошлом году. Предприятия промышленного кластера увеличили выпуск продукции."
)


def stream_flip(data: bytes, rng: random.Random) -> bytes:
    """Flip a few bytes inside one stream (compressed content, fonts, images)."""
    spans = [m.span(1) for m in STREAM.finditer(data)]
    if not spans:
        return chunk_delete(data, rng)
    a, b = rng.choice(spans)
    buf = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        if b > a:
            buf[rng.randrange(a, b)] ^= 1 << rng.randrange(8)
    return bytes(buf)


def chunk_delete(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 4096) :]


def chunk_duplicate(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    chunk = data[at : at + rng.randint(1, 4096)]
    return data[:at] + chunk + data[at:]


def object_swap(data: bytes, rng: random.Random) -> bytes:
    """Swap the bodies of two indirect objects (numbers stay: a page may now point at a font)."""
    found = list(OBJECT.finditer(data))
    if len(found) < 2:
        return chunk_duplicate(data, rng)
    x, y = sorted(rng.sample(found, 2), key=lambda m: m.start())
    (xa, xb), (ya, yb) = x.span(3), y.span(3)
    return data[:xa] + data[ya:yb] + data[xb:ya] + data[xa:xb] + data[yb:]


def text_inject(data: bytes, rng: random.Random, rate: float | None = None) -> bytes:
    """Lone surrogates and control characters in text: a share `rate` (default: random, up to
    30 %) of the fonts' ToUnicode entries, and the title."""
    import pikepdf

    scratch = Path(f"/tmp/.mutate-{rng.random():.12f}.pdf")
    scratch.write_bytes(data)
    try:
        with pikepdf.open(scratch) as pdf:
            _poison_cmaps(pdf, rng, rng.uniform(0.01, 0.3) if rate is None else rate)
            title = "Отчёт " + chr(rng.choice(BAD_CODE_POINTS)) + " 2023"
            pdf.docinfo["/Title"] = pikepdf.String(b"\xfe\xff" + title.encode("utf-16-be", "surrogatepass"))
            out = scratch.with_suffix(".out.pdf")
            pdf.save(out)
        return out.read_bytes()
    except Exception:  # noqa: BLE001 - an input pikepdf cannot open is mutated bytewise instead
        return chunk_duplicate(data, rng)
    finally:
        scratch.unlink(missing_ok=True)
        scratch.with_suffix(".out.pdf").unlink(missing_ok=True)


def _poison_cmaps(pdf, rng: random.Random, rate: float) -> None:
    cmaps = {}
    for page in pdf.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            if font.get("/ToUnicode") is not None:
                cmaps[font.ToUnicode.objgen] = font.ToUnicode
    for cmap in cmaps.values():
        text = cmap.read_bytes()

        def poison(m: re.Match) -> bytes:
            if rng.random() > rate:
                return m.group(0)
            return m.group(1) + b"<%04X>" % rng.choice(BAD_CODE_POINTS)

        cmap.write(BFCHAR.sub(poison, text))


MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    stream_flip,
    chunk_delete,
    chunk_duplicate,
    object_swap,
    text_inject,
)


def mutants(sources: list[Path], out: Path, count: int, seed: int) -> list[Path]:
    """`count` mutants of the source PDFs in `out`, each by one to three mutations."""
    rng = random.Random(seed)
    data = {p.name: p.read_bytes() for p in sources}
    paths = []
    for i in range(count):
        name = rng.choice(sorted(data))
        mutated, names = data[name], []
        for _ in range(rng.randint(1, 3)):
            mutation = MUTATIONS[(i + len(names)) % len(MUTATIONS)]
            mutated, names = mutation(mutated, rng), [*names, mutation.__name__]
        path = out / f"{i:03d}_{'+'.join(names)}_{name}"
        path.write_bytes(mutated)
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------- crafted PDFs


def russian_pdf(path: Path, pages: int, lines: int = 12) -> Path:
    """A PDF of Russian prose (embedded DejaVu Sans), `lines` lines per page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    c = canvas.Canvas(str(path))
    for page in range(1, pages + 1):
        c.setFont("DejaVuSans", 10)
        text = f"Страница {page}. " + RUSSIAN.format(n=page + 10)
        words = text.split()
        for i in range(lines):
            c.drawString(40, 800 - 14 * i, " ".join(words[(i * 7) % len(words) :][:10]))
        c.showPage()
    c.save()
    return path


def shift_cmap(path: Path, target: Path) -> Path:
    """A copy whose fonts map every Cyrillic glyph to the next letter (a shifted ToUnicode CMap)."""
    import pikepdf

    def shifted(m: re.Match) -> bytes:
        code = int(m.group(2), 16)
        if 0x0430 <= code <= 0x044F:
            code = 0x0430 + (code - 0x0430 + 1) % 32
        elif 0x0410 <= code <= 0x042F:
            code = 0x0410 + (code - 0x0410 + 1) % 32
        return m.group(1) + b"<%04X>" % code

    with pikepdf.open(path) as pdf:
        cmaps = {
            f.ToUnicode.objgen: f.ToUnicode
            for p in pdf.pages
            for f in p.Resources.Font.values()
            if "/ToUnicode" in f
        }
        for cmap in cmaps.values():  # shared by the pages: shift each once
            cmap.write(BFCHAR.sub(shifted, cmap.read_bytes()))
        pdf.save(target)
    return target


def flate_bomb(path: Path, size: int = 1_500_000_000) -> Path:
    """A one-page PDF whose 10 MB content stream inflates to `size` bytes of spaces.

    The deflate data is written directly (fixed Huffman codes: one literal, then copies of
    258 bytes at distance 1), so making it costs a second, not a compression of `size` bytes."""
    stream, _ = _deflate_spaces(size)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return write_pdf(path, objects)


def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of the given object bodies (object 1 is the catalog) with a correct xref table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _bits(codes: list[tuple[int, int]]) -> tuple[bytes, int]:
    """Huffman codes (value, width), most significant bit first, packed as deflate does."""
    acc = n = 0
    for value, width in codes:
        acc |= int(format(value, f"0{width}b")[::-1], 2) << n
        n += width
    return acc.to_bytes((n + 7) // 8, "little"), n


def _deflate_spaces(size: int) -> tuple[bytes, int]:
    copy = [(0b11000101, 8), (0, 5)]  # length 258 (symbol 285), distance 1 (code 0)
    head, _ = _bits([(0b1, 1), (0b10, 2), (0x50, 8), *copy])  # final fixed block, literal ' '
    body, _ = _bits(copy * 8)  # 104 bits: whole bytes, so it can be repeated
    repeats = max(1, (size - 2 * 258) // (258 * 8))
    tail, _ = _bits([(0, 7)])  # end of block
    total = 1 + 258 + 258 * 8 * repeats
    adler, chunk, left = 1, b" " * (258 * 8 * 4096), total
    while left:
        part = chunk[: min(left, len(chunk))]
        adler, left = zlib.adler32(part, adler), left - len(part)
    return b"\x78\x01" + head + body * repeats + tail + adler.to_bytes(4, "big"), total
