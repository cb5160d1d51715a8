"""Every file in a folder: .html .htm .txt .md .pdf (the embedded default's only source)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.config import SourceConfig
from pipeline.models import FetchedDocument
from pipeline.sources import FetchContext, SourceError

SUFFIXES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".md": "text/markdown",
            ".pdf": "application/pdf"}
MAX_FILE_BYTES = 50 * 1024 * 1024


def list_inbox(folder: Path) -> list[Path]:
    """Return the inbox's document files in a stable order (hidden files skipped)."""
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield new or changed files; unchanged ones (same size and mtime) are not even read."""
    folder = source.path()
    if folder is None or not folder.is_dir():
        raise SourceError(f"inbox folder not found: {folder}")
    seen = dict(ctx.state.validators or {})
    current = {}
    for path in list_inbox(folder):
        rel = path.relative_to(folder).as_posix()
        url = path.resolve().as_uri()
        try:
            stat = path.stat()
        except OSError as exc:
            yield FetchedDocument(source.id, url, b"", error=f"unreadable: {exc.strerror or exc}")
            continue
        stamp = [stat.st_mtime_ns, stat.st_size]
        current[rel] = stamp
        if seen.get(rel) == stamp:
            continue
        content_type = SUFFIXES[path.suffix.lower()]
        if stat.st_size > MAX_FILE_BYTES:
            yield FetchedDocument(source.id, url, b"", content_type,
                                  error=f"too large: {stat.st_size} bytes (limit {MAX_FILE_BYTES})")
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            current.pop(rel, None)  # read it again next time
            yield FetchedDocument(source.id, url, b"", content_type, error=f"unreadable: {exc.strerror or exc}")
            continue
        yield FetchedDocument(source.id, url, raw, content_type, metadata={"path": rel})
    ctx.state.validators = current
