"""Open the DuckDB file, apply migrations, and run writes as single transactions."""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)


class StorageError(RuntimeError):
    """A database file that cannot be opened or used; the message names the file."""


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set lock" in text or "resource temporarily" in text)


def connect(path: str | os.PathLike, *, read_only: bool = False, lock_timeout: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting with backoff while another process holds the file."""
    path = Path(path)
    if read_only and not path.exists():
        raise StorageError(f"{path}: no such database (run `marketmon run` first)")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"{path}: cannot create the folder: {exc.strerror or exc}") from None
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.Error) as exc:
            if _is_lock_error(exc) and time.monotonic() < deadline:
                # Another writer holds the file: writers are short, so back off and retry.
                time.sleep(delay + random.uniform(0, delay))
                delay = min(delay * 2, 2.0)
                continue
            raise StorageError(f"{path}: cannot open the database: {_first_line(exc)}") from None


def migrate(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet applied, in order; return the versions applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in available_migrations():
        if version in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, name]
            )
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def available_migrations() -> list[tuple[int, str, str]]:
    """Return (version, name, sql) for every bundled migration file, in version order."""
    folder = resources.files("storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """Return the highest applied migration version (0 for an empty database)."""
    try:
        row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except duckdb.CatalogException:
        return 0
    return row[0] or 0


@contextmanager
def open_db(path: str | os.PathLike, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, migrate (read-write only) and always close the database."""
    conn = connect(path, read_only=read_only)
    try:
        if not read_only:
            try:
                migrate(conn)
            except duckdb.Error as exc:
                raise StorageError(f"{path}: cannot apply migrations: {_first_line(exc)}") from None
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block as one transaction: all of it is stored, or none of it."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
