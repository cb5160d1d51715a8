"""Benchmark inputs: the shared real pages, the project's sample documents, synthetic inboxes and databases."""

from __future__ import annotations

import os
import random
import shutil
import tarfile
from datetime import datetime
from pathlib import Path

import yaml

from pipeline.config import Config, load_config, sample_config_path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PAGES_TARBALL = SHARED / "bench" / "html-pages.tar.gz"
SAMPLE_INBOX = sample_config_path().parent / "inbox"
NOW = datetime(2026, 4, 1, 12, 0)


class MissingInput(RuntimeError):
    """A benchmark input that is not on this machine; the benchmark is skipped with this message."""


def unpack_pages(dest: Path, limit: int | None = None) -> list[Path]:
    """Unpack the shared real HTML pages into dest (never into the repository); return their paths."""
    if not PAGES_TARBALL.is_file():
        raise MissingInput(f"{PAGES_TARBALL} not found: the shared benchmark pages live in <repo>/../shared")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(PAGES_TARBALL) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith((".html", ".htm"))),
                         key=lambda m: m.name)
        if limit is not None:
            members = members[:limit]
        for member in members:
            target = dest / Path(member.name).name
            with tar.extractfile(member) as src, target.open("wb") as out:  # type: ignore[union-attr]
                shutil.copyfileobj(src, out)
    return sorted(dest.iterdir())


def copy_samples(dest: Path) -> list[Path]:
    """Copy the project's sample documents into dest; return their paths."""
    shutil.copytree(SAMPLE_INBOX, dest, dirs_exist_ok=True)
    return sorted(p for p in dest.iterdir() if p.is_file())


def make_config(folder: Path, inbox: Path, db: Path) -> Config:
    """Write a config beside the benchmark's data: the sample watchlist, one inbox source, its own db."""
    data = yaml.safe_load(sample_config_path().read_text(encoding="utf-8"))
    data["db"] = str(db)
    data["sources"] = [{"kind": "inbox", "id": "bench", "path": str(inbox)}]
    data["alerts"] = {"rules_file": None}
    path = folder / "marketmon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_config(path)


def quiet_sender():
    """Return the real console sender (what `marketmon run` uses without Slack), printing to /dev/null."""
    from rich.console import Console

    from pipeline.wiring import make_sender

    return make_sender({}, console=Console(file=open(os.devnull, "w"), width=120))  # noqa: SIM115


_WORDS = (
    "the market city council weather report season players match energy prices school library museum "
    "festival railway harbour election budget hospital vaccine garden recipe concert traffic river bridge "
    "die der und das stadt wetter bericht markt spiel preis schule verkehr le la les ville marché saison "
    "prix école musée il lo della città mercato prezzo scuola el los ciudad mercado precio escuela"
).split()


def _filler(rng: random.Random, paragraphs: int) -> list[str]:
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
            for _ in range(paragraphs)]


def synthetic_html(i: int, relevant: str | None = None) -> bytes:
    """Return one ~3 KB news-like HTML page, unique by i; `relevant` text is embedded when given."""
    rng = random.Random(i)
    paragraphs = _filler(rng, rng.randint(3, 6))
    if relevant:
        paragraphs.insert(1, relevant)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local news {i}</title></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Local news {i}</h1>"
            f"<p class=\"date\">2026-03-{1 + i % 28:02d}</p>\n{body}</article><footer>© Example {i}</footer>"
            f"</body></html>").encode()


def relevant_snippets() -> list[str]:
    """Return the sample documents' sentences that name a watched company (what a relevant page says)."""
    snippets = []
    for path in sorted(SAMPLE_INBOX.iterdir()):
        text = path.read_text(encoding="utf-8")
        for line in text.replace("<", "\n<").splitlines():
            line = line.strip()
            if not line or line.startswith("<") or len(line) < 20:
                continue
            snippets.append(line)
    watchlist = load_config(sample_config_path()).watchlist
    return [s for s in snippets if watchlist.mentions(s)]


def write_synthetic_inbox(folder: Path, count: int, relevant_every: int = 50) -> int:
    """Write `count` synthetic pages; every `relevant_every`-th names a watched company. Return bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    snippets = relevant_snippets()
    written = 0
    for i in range(count):
        relevant = snippets[i // relevant_every % len(snippets)] if i % relevant_every == 0 else None
        raw = synthetic_html(i, relevant)
        # Spread over sub-folders: 10,000 files in one directory is not how anyone keeps an inbox.
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page-{i:06d}.html").write_bytes(raw)
        written += len(raw)
    return written
