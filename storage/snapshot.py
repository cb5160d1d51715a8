"""A read-only copy of the database for analysts, published whole after each run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from storage.db import StorageError, open_db

SNAPSHOT_SUFFIX = ".snapshot.duckdb"


def snapshot_path(db: str | os.PathLike, configured: str | os.PathLike | None = None) -> Path:
    """Return where the snapshot of a database lives: the configured path, else `<db stem>.snapshot.duckdb`."""
    if configured:
        return Path(configured)
    db = Path(db)
    return db.with_name(db.stem + SNAPSHOT_SUFFIX)


def publish_snapshot(conn: duckdb.DuckDBPyConnection, db: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Checkpoint the open read-write database and atomically replace the snapshot with a copy of it.

    The caller's connection holds the file's write lock for the whole copy, so no other writer can change
    it half-way; readers of the old snapshot keep their open file until they close it.
    """
    db, target = Path(db), Path(target)
    if db.resolve() == target.resolve():
        raise StorageError(f"{target}: the snapshot cannot be the live database itself")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # Everything committed moves from the WAL into the main file, so the file alone is the whole state.
        conn.execute("CHECKPOINT")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(db, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, length=4 * 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        # A WAL left beside an older snapshot would be replayed onto the new file; it must not survive.
        Path(str(target) + ".wal").unlink(missing_ok=True)
        os.replace(tmp, target)
    except (OSError, duckdb.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"{target}: cannot publish the snapshot: {_first_line(exc)}") from None
    return target


def publish_snapshot_of(db: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Open the live database (waiting for other writers), publish its snapshot, close it."""
    with open_db(db) as conn:
        return publish_snapshot(conn, db, target)


def checkpoint(db: str | os.PathLike) -> None:
    """Fold the write-ahead log into the database file (keeps the WAL short between runs)."""
    with open_db(db) as conn:
        conn.execute("CHECKPOINT")


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.strip().splitlines()[0] if text and text.strip() else type(exc).__name__
