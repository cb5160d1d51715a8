"""Small PDFs written by hand for tests and samples (no PDF library): text pages, encrypted, corrupt.

Latin text is set in Helvetica, Chinese in Adobe's STSong-Light (a standard CJK font that readers know
without embedding it: every CJK character one em wide, ASCII half), one line per string, 15 points apart.
"""

from __future__ import annotations


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], *, encrypted: bool = False, cjk: bool = False, fit: bool = False) -> bytes:
    """Return a valid PDF with one text page per list of lines (optionally with an /Encrypt entry).

    cjk sets the text in STSong-Light (UTF-16 strings) instead of Helvetica (Latin-1 strings). fit makes the pages as
    wide as the widest line plus the 72-point margin on both sides, as a typeset page's paragraphs fill its width.
    """
    width = 612
    if fit:
        width = 144 + max(_width(line, cjk) for lines in pages for line in lines)
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        content_id = 4 + 2 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:.2f} 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        shown = (f"<{line.encode('utf-16-be').hex()}>" if cjk else f"({_escape(line)})" for line in lines)
        ops = "BT /F1 11 Tf 72 740 Td 15 TL " + " ".join(f"{text} Tj T*" for text in shown) + " ET"
        stream = ops.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    if cjk:
        objects.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                       f"/DescendantFonts [{font_id + 1} 0 R] >>".encode())
        objects.append(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry "
                       f"(Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {font_id + 2} 0 R /DW 1000 "
                       f"/W [1 95 500] >>".encode())
        objects.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                       b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    else:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    trailer_extra = b""
    if encrypted:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" \
            % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _width(line: str, cjk: bool) -> float:
    """The width of a line at 11 points: Helvetica's metrics, or STSong-Light's one em (half for ASCII)."""
    if cjk:
        return sum(5.5 if ch.isascii() else 11.0 for ch in line)
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica"][1]
    return sum(widths.get(ch, 556) for ch in line) * 11 / 1000


def corrupt_pdf() -> bytes:
    """Return bytes that start like a PDF and then are garbage."""
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n" + bytes(range(256)) * 4
