"""Two writers (`marketmon run` twice on one DuckDB file, different inboxes) and analysts querying (`marketmon
query`, with and without --live) at the same time: every command exits 0 without a traceback, no write is lost.
And the lock error text DuckDB really raises is the one storage.db recognises and waits out."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb

from storage.db import _is_lock_error, connect, open_db
from tests.faults.conftest import (
    assert_clean,
    copy_samples,
    finish,
    read_db,
    record_figure,
    running,
    start,
    write_config,
)

HOLD = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.close()
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_the_real_lock_error_is_recognised_and_waited_out(tmp_path: Path):
    path = tmp_path / "locked.duckdb"
    duckdb.connect(str(path)).close()
    holder = _hold(path, 3)
    try:
        for read_only in (False, True):
            try:
                duckdb.connect(str(path), read_only=read_only).close()
                raise AssertionError("DuckDB opened a file another process holds")
            except duckdb.Error as exc:
                assert _is_lock_error(exc), f"storage.db._is_lock_error does not match DuckDB's text: {exc}"
        # connect() waits with backoff until the holder lets go, then opens.
        conn = connect(path, lock_timeout=60)
        conn.close()
        # the holder lets go of the file when it closes its connection, a moment before its process ends: wait for
        # the end, which must be a clean one (poll() right away raced with it)
        assert holder.wait(timeout=30) == 0
    finally:
        holder.kill()
        holder.wait()


def test_two_writers_and_analysts_at_once(tmp_path: Path):
    db = tmp_path / "shared.duckdb"
    inbox_a, inbox_b = tmp_path / "inbox-a", tmp_path / "inbox-b"
    samples = copy_samples(inbox_a)
    inbox_b.mkdir()
    for i in range(30):
        (inbox_b / f"b-{i:02d}.txt").write_text(f"截至2032年1月{i + 1}日，MiniMax员工总数为{2000 + i}人。\n",
                                                 encoding="utf-8")
    config_a = write_config(tmp_path, name="a.yaml", db=str(db),
                            sources=[{"kind": "inbox", "id": "inbox-a", "path": str(inbox_a)}])
    config_b = write_config(tmp_path, name="b.yaml", db=str(db),
                            sources=[{"kind": "inbox", "id": "inbox-b", "path": str(inbox_b)}])
    # The database exists (schema applied) before the race, so that the analysts have something to wait for.
    with open_db(db):
        pass

    started = time.monotonic()
    writers = [start(["run", "--config", str(c)], cwd=tmp_path) for c in (config_a, config_b)]
    queries = []
    sql = "SELECT count(*) AS n FROM documents"
    while any(running(w) for w in writers) and len(queries) < 12:
        for extra in ([], ["--live"]):
            queries.append(finish(start(["query", sql, "--config", str(config_a), "--format", "json", *extra],
                                        cwd=tmp_path)))
        time.sleep(0.5)
    runs = [finish(w) for w in writers]
    seconds = time.monotonic() - started
    for result in runs + queries:
        assert_clean(result)
    # Every query answered with a number from a consistent database (the snapshot or the live file).
    counts = [int(q.stdout.strip().splitlines()[-1].split(":")[1].strip(" }")) for q in queries]
    assert all(0 <= n <= len(samples) + 30 for n in counts)
    # No write is lost: both inboxes are stored and processed, both runs recorded as ok.
    assert read_db(db, "SELECT source, count(*) FROM documents WHERE status <> 'new' GROUP BY source ORDER BY 1") == \
        [("inbox-a", len(samples)), ("inbox-b", 30)]
    assert read_db(db, "SELECT count(*) FROM runs WHERE status = 'ok'") == [(2,)]
    assert read_db(db, "SELECT count(*) FROM facts WHERE metric = 'headcount' AND company = 'minimax' "
                       "AND period LIKE '2032-01-%'") == [(30,)]
    assert read_db(db, "SELECT count(*) FROM facts WHERE company = 'zhipu' AND metric = 'revenue' "
                       "AND period = 'FY2024' AND value = 312400000") != [(0,)]
    # And afterwards the analysts see everything, from the snapshot and live.
    for extra in ([], ["--live"]):
        final = finish(start(["query", sql, "--config", str(config_a), "--format", "csv", *extra], cwd=tmp_path))
        assert_clean(final)
        assert final.stdout.split() == ["n", str(len(samples) + 30)]
    record_figure(f"concurrency: 2 writers + {len(queries)} analyst queries (snapshot and --live) at once, all exit 0, "
                  f"0 writes lost; {seconds:.1f} s wall")
