"""Airflow event trigger: fire when a new document lands in an inbox folder (an AssetWatcher's trigger).

Kept free of the pipeline's heavy imports: DAG files import it at parse time and the triggerer runs it.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from airflow.triggers.base import BaseEventTrigger, TriggerEvent

# The inbox source's file types (pipeline/sources/inbox.py SUFFIXES; a test keeps the two equal).
DOCUMENT_SUFFIXES = frozenset({".html", ".htm", ".txt", ".md", ".pdf"})

Stamp = tuple[int, int]  # (mtime_ns, size): a changed file is a new version of it


def scan_inbox(folder: str | os.PathLike) -> dict[str, Stamp]:
    """Return {relative path: (mtime_ns, size)} of the document files in a folder (hidden ones skipped)."""
    root = Path(folder)
    found: dict[str, Stamp] = {}
    if not root.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            path = Path(dirpath) / name
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between listing and stat: nothing to announce
            found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


class InboxTrigger(BaseEventTrigger):
    """Poll an inbox folder and fire once per new (or changed) document file, without touching the file.

    A file fires when it has looked the same on two polls in a row, so a half-copied file is not
    announced. What has fired is remembered in the asset's state store when the triggerer provides one
    (it survives a triggerer restart), else in memory.
    """

    def __init__(self, folder: str, poll_interval: float = 5.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = str(folder)
        self.poll_interval = float(poll_interval)
        self.seen: dict[str, Stamp] = {}

    def serialize(self) -> tuple[str, dict[str, Any]]:
        """Return the classpath and arguments the triggerer rebuilds this trigger from."""
        return ("pipeline.triggers.InboxTrigger", {"folder": self.folder, "poll_interval": self.poll_interval})

    @property
    def state_key(self) -> str:
        """Return the state-store key for this folder (several folders may feed one asset)."""
        return "inbox_seen:" + hashlib.sha256(self.folder.encode()).hexdigest()[:16]

    async def run(self) -> AsyncIterator[TriggerEvent]:
        """Yield one TriggerEvent per new document file, forever."""
        self.seen = await self._load_seen()
        candidates: dict[str, Stamp] = {}
        while True:
            current = await asyncio.to_thread(scan_inbox, self.folder)
            for rel, stamp in sorted(current.items()):
                if self.seen.get(rel) == stamp:
                    continue
                if candidates.get(rel) != stamp:
                    continue  # first sighting of this version: wait one poll for it to settle
                self.seen[rel] = stamp
                self.log.info("New document in the inbox: %s", rel)
                yield TriggerEvent({"folder": self.folder, "path": rel, "size": stamp[1], "mtime_ns": stamp[0]})
                # Remembered only once the event has been taken: a crash in between fires it again
                # (at least once; ingesting a file twice changes nothing).
                await self._save_seen()
            candidates = {rel: stamp for rel, stamp in current.items() if self.seen.get(rel) != stamp}
            # Forget deleted files, so a file dropped again under the same name fires again.
            forgotten = set(self.seen) - set(current)
            for rel in forgotten:
                del self.seen[rel]
            if forgotten:
                await self._save_seen()
            await asyncio.sleep(self.poll_interval)

    async def _load_seen(self) -> dict[str, Stamp]:
        store = self.asset_state_store
        if store is None:
            return dict(self.seen)
        try:
            saved = await store.aget(self.state_key, default=None)
        except Exception as exc:  # the store is an optimisation: without it the memory is per process
            self.log.warning("Cannot read the inbox memory from the asset state store: %s", exc)
            return dict(self.seen)
        return {rel: (int(v[0]), int(v[1])) for rel, v in (saved or {}).items()}

    async def _save_seen(self) -> None:
        store = self.asset_state_store
        if store is None:
            return
        try:
            await store.aset(self.state_key, {rel: list(stamp) for rel, stamp in self.seen.items()})
        except Exception as exc:
            self.log.warning("Cannot save the inbox memory to the asset state store: %s", exc)
