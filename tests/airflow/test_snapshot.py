"""DuckDB across processes: writers wait for the lock, analysts read a snapshot published whole."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from storage.db import StorageError, connect, open_db, transaction
from storage.snapshot import publish_snapshot, publish_snapshot_of, snapshot_path

HOLDER = """
import sys, duckdb
conn = duckdb.connect(sys.argv[1])
print("held", flush=True)
sys.stdin.readline()
conn.close()
print("released", flush=True)
"""


class LockHolder:
    """Another process holding the database file read-write until told to let go."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "held"
        self.released = threading.Event()

    def release(self) -> None:
        self.released.set()
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if not self.released.is_set():
            self.release()
        self.proc.wait(timeout=60)


@pytest.fixture
def live(tmp_path) -> Path:
    path = tmp_path / "marketmon.duckdb"
    with open_db(path) as conn, transaction(conn):
        conn.execute("INSERT INTO runs (id, command, started_at, status) VALUES ('r1', 'run', now(), 'ok')")
    return path


def count_runs(path: Path) -> int:
    conn = connect(path, read_only=True, lock_timeout=0)
    try:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        conn.close()


def test_a_writer_waits_for_another_process_to_release_the_file(live):
    holder = LockHolder(live)
    try:
        threading.Timer(0.5, holder.release).start()
        conn = connect(live, lock_timeout=60)  # blocks, retrying with backoff, until the holder lets go
        try:
            assert holder.released.is_set()
            assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        finally:
            conn.close()
    finally:
        holder.close()


def test_a_writer_gives_up_with_a_clear_error(live):
    holder = LockHolder(live)
    try:
        with pytest.raises(StorageError) as err:
            connect(live, lock_timeout=0.3)
        assert str(err.value).startswith(f"{live}: cannot open the database: IO Error: Could not set lock on file")
        assert "Conflicting lock is held" in str(err.value)
    finally:
        holder.close()


def test_the_snapshot_stays_readable_while_a_writer_holds_the_live_file(live):
    target = publish_snapshot_of(live, snapshot_path(live))
    assert target == live.with_name("marketmon.snapshot.duckdb")
    holder = LockHolder(live)
    try:
        assert count_runs(target) == 1
        with pytest.raises(StorageError, match="Conflicting lock"):
            count_runs(live)
    finally:
        holder.close()


def test_publishing_replaces_the_snapshot_whole(live):
    target = snapshot_path(live, live.parent / "analysts" / "copy.duckdb")
    publish_snapshot_of(live, target)
    reader = duckdb.connect(str(target), read_only=True)  # an analyst still reading the old copy
    try:
        with open_db(live) as conn:
            with transaction(conn):
                conn.execute("INSERT INTO runs (id, command, started_at, status) VALUES ('r2', 'run', now(), 'ok')")
            # Uncommitted work at publish time is not in the copy: only what a finished run committed.
            conn.execute("BEGIN TRANSACTION")
            conn.execute("INSERT INTO runs (id, command, started_at, status) VALUES ('r3', 'run', now(), 'running')")
            conn.execute("ROLLBACK")
            publish_snapshot(conn, live, target)
        assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
    finally:
        reader.close()
    assert count_runs(target) == 2
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.duckdb"]  # no temp file, no WAL left


def test_the_live_file_is_never_its_own_snapshot(live):
    with open_db(live) as conn, pytest.raises(StorageError, match="cannot be the live database"):
        publish_snapshot(conn, live, live)


def test_query_reads_the_snapshot_unless_live(cli, tmp_path):
    db = tmp_path / "marketmon.duckdb"
    run = cli("run", "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert db.with_name("marketmon.snapshot.duckdb").is_file()
    with open_db(db) as conn, transaction(conn):  # a write after the run, not yet published
        conn.execute("INSERT INTO runs (id, command, started_at, status) VALUES ('late', 'x', now(), 'running')")
    sql = "SELECT count(*) AS n FROM runs"
    assert cli("query", sql, "--db", str(db), "--format", "csv").stdout == "n\n1\n"
    assert cli("query", sql, "--db", str(db), "--format", "csv", "--live").stdout == "n\n2\n"
    status = cli("status", "--db", str(db), "--live")
    assert status.returncode == 0 and "late" in status.stdout


def test_query_falls_back_to_the_live_file_before_the_first_snapshot(cli, live):
    done = cli("query", "SELECT count(*) AS n FROM runs", "--db", str(live), "--format", "csv")
    assert done.returncode == 0
    assert done.stdout == "n\n1\n"
    assert done.stderr.startswith(f"note: no snapshot at {snapshot_path(live)} yet; reading the live database")
