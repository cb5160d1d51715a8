"""The inbox event trigger: fires once per new document file, leaves the file alone, remembers what fired."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from pipeline.triggers import DOCUMENT_SUFFIXES, InboxTrigger, scan_inbox

GUARD = 20.0  # seconds: a hang guard, not a speed assertion


class DictStateStore:
    """The asset state store's async get/set, kept in a dict (the triggerer's store lives in Airflow's DB)."""

    def __init__(self) -> None:
        self.data: dict = {}

    async def aget(self, key, default=None):
        return self.data.get(key, default)

    async def aset(self, key, value) -> None:
        self.data[key] = value


class Collector:
    """Drive a trigger the way the triggerer does: pull its events continuously, queue them for the test."""

    def __init__(self, trigger: InboxTrigger) -> None:
        self.trigger = trigger
        self.events: asyncio.Queue = asyncio.Queue()
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> Collector:
        async def pull():
            async for event in self.trigger.run():
                await self.events.put(event.payload)

        self.task = asyncio.create_task(pull())
        return self

    async def __aexit__(self, *exc) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    async def next(self) -> dict:
        return await asyncio.wait_for(self.events.get(), GUARD)


def trigger_for(folder: Path, store=None) -> InboxTrigger:
    trigger = InboxTrigger(folder=str(folder), poll_interval=0.01)
    trigger.asset_state_store = store
    return trigger


async def until(condition) -> None:
    async with asyncio.timeout(GUARD):
        while not condition():
            await asyncio.sleep(0.01)


def test_suffixes_match_the_inbox_source():
    from pipeline.sources.inbox import SUFFIXES

    assert DOCUMENT_SUFFIXES == set(SUFFIXES)


def test_serialize_round_trip():
    trigger = InboxTrigger(folder="/data/inbox", poll_interval=2)
    classpath, kwargs = trigger.serialize()
    assert classpath == "pipeline.triggers.InboxTrigger"
    assert InboxTrigger(**kwargs).serialize() == (classpath, {"folder": "/data/inbox", "poll_interval": 2.0})


def test_scan_skips_hidden_and_foreign_files(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / ".draft.txt").write_text("x")
    (tmp_path / "table.csv").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.PDF").write_bytes(b"%PDF")
    assert sorted(scan_inbox(tmp_path)) == ["a.html", "sub/c.PDF"]
    assert scan_inbox(tmp_path / "missing") == {}


def test_fires_once_per_new_file_and_keeps_it(tmp_path):
    (tmp_path / "first.txt").write_text("智谱 revenue")

    async def scenario():
        async with Collector(trigger_for(tmp_path)) as inbox:
            got = [await inbox.next()]
            # Files that must never fire go in before the next real one: the next event is the real one.
            (tmp_path / ".partial.txt").write_text("x")
            (tmp_path / "data.csv").write_text("x")
            (tmp_path / "second.html").write_text("<p>MiniMax</p>")
            got.append(await inbox.next())
            (tmp_path / "first.txt").write_text("智谱 revenue, revised and longer")
            got.append(await inbox.next())
            return got

    got = asyncio.run(scenario())
    assert [(e["path"], e["folder"]) for e in got] == [
        ("first.txt", str(tmp_path)), ("second.html", str(tmp_path)), ("first.txt", str(tmp_path))]
    assert got[0]["size"] == len("智谱 revenue".encode())
    assert got[2]["size"] == len("智谱 revenue, revised and longer".encode())
    assert (tmp_path / "first.txt").exists() and (tmp_path / "second.html").exists()


def test_memory_survives_a_restart_through_the_state_store(tmp_path):
    (tmp_path / "old.txt").write_text("already announced")
    store = DictStateStore()
    key = InboxTrigger(folder=str(tmp_path)).state_key

    async def first_life():
        async with Collector(trigger_for(tmp_path, store)) as inbox:
            event = await inbox.next()
            await until(lambda: key in store.data)
            return event

    async def second_life():
        async with Collector(trigger_for(tmp_path, store)) as inbox:
            (tmp_path / "new.md").write_text("# Zhipu")
            return await inbox.next()

    assert asyncio.run(first_life())["path"] == "old.txt"
    assert list(store.data[key]) == ["old.txt"]
    assert asyncio.run(second_life())["path"] == "new.md"


def test_a_deleted_file_dropped_again_fires_again(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("v1")
    stamp = 1_700_000_000_000_000_000
    os.utime(doc, ns=(stamp, stamp))
    store = DictStateStore()
    key = InboxTrigger(folder=str(tmp_path)).state_key

    async def scenario():
        async with Collector(trigger_for(tmp_path, store)) as inbox:
            first = await inbox.next()
            await until(lambda: store.data.get(key))
            doc.unlink()
            await until(lambda: store.data.get(key) == {})  # the trigger saw the empty folder and forgot it
            doc.write_text("v1")
            os.utime(doc, ns=(stamp, stamp))  # the same name, size and mtime as before
            return first, await inbox.next()

    first, second = asyncio.run(scenario())
    assert first == second == {"folder": str(tmp_path), "path": "doc.txt", "size": 2, "mtime_ns": stamp}
    assert doc.exists()
