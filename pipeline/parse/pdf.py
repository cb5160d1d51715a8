"""PDF to text with pdfplumber, within page, size and text limits (filings run to hundreds of pages)."""

from __future__ import annotations

import io

MAX_PDF_PAGES = 400
MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_CHARS = 5_000_000


def pdf_text(raw: bytes, max_pages: int = MAX_PDF_PAGES, max_chars: int = MAX_PDF_CHARS) -> str:
    """Return the text of a PDF's first pages; raise ParseError for an empty, encrypted, corrupt or huge file."""
    from pipeline.parse.document import ParseError

    if not raw:
        raise ParseError("empty PDF: zero bytes")
    if len(raw) > MAX_PDF_BYTES:
        raise ParseError(f"PDF too large: {len(raw)} bytes (limit {MAX_PDF_BYTES})")
    if not raw.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in raw[:1024]:
        raise ParseError("not a PDF: no %PDF header")
    import pdfplumber

    pages: list[str] = []
    total = 0
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages[:max_pages]:
                text = page.extract_text() or ""
                pages.append(text)
                total += len(text)
                if total >= max_chars:
                    break
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files; pdfplumber wraps them
        raise ParseError(describe_pdf_error(exc)) from None
    return "\n\n".join(pages)[:max_chars]


def describe_pdf_error(exc: Exception) -> str:
    """Return the reason stored for a PDF that pdfplumber/pdfminer could not read."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc
    # pdfplumber wraps pdfminer's exception as its first argument.
    while type(inner).__name__ == "PdfminerException" and inner.args and isinstance(inner.args[0], Exception):
        inner = inner.args[0]
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or "encrypt" in type(inner).__name__.lower():
        return "encrypted PDF: no password"
    detail = str(inner).strip()
    return f"corrupt PDF: {type(inner).__name__}{': ' + detail if detail else ''}"[:300]
