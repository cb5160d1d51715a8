"""Every file in a folder: .html .htm .txt .md .pdf (the embedded default's only source)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.config import SourceConfig
from pipeline.models import FetchedDocument
from pipeline.sources import FetchContext, SourceError

SUFFIXES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".md": "text/markdown",
            ".pdf": "application/pdf"}
MAX_FILE_BYTES = 50 * 1024 * 1024


def list_inbox(folder: Path) -> list[tuple[str, os.DirEntry]]:
    """Return the inbox's document files as (path relative to the folder, entry), in a stable order.

    Hidden files and folders are skipped. os.scandir, not Path.rglob: a no-op run over a large inbox is mostly
    this listing, and directory entries carry their type without a stat per file.
    """
    found: list[tuple[str, os.DirEntry]] = []
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):  # as rglob: symlinked folders are not walked
                    pending.append((rel + "/", entry.path))
                elif os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                    found.append((rel, entry))
    return sorted(found, key=lambda item: item[0].split("/"))


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield new or changed files; unchanged ones (same size and mtime) are not even read."""
    folder = source.path()
    if folder is None or not folder.is_dir():
        raise SourceError(f"inbox folder not found: {folder}")
    seen = dict(ctx.state.validators or {})
    current = {}
    root = folder.resolve()
    for rel, entry in list_inbox(folder):
        path = Path(entry.path)
        try:
            stat = entry.stat()
        except OSError as exc:
            yield FetchedDocument(source.id, _url(root, rel, entry), b"", error=f"unreadable: {exc.strerror or exc}")
            continue
        stamp = [stat.st_mtime_ns, stat.st_size]
        current[rel] = stamp
        if seen.get(rel) == stamp:
            continue
        url = _url(root, rel, entry)
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


def _url(root: Path, rel: str, entry: os.DirEntry) -> str:
    """Return the file's URL: under the resolved folder, or where a symlinked file really is."""
    return (Path(entry.path).resolve() if entry.is_symlink() else root / rel).as_uri()
