"""Read-only ad-hoc queries for analysts: only SELECT-like statements reach the database."""

from __future__ import annotations

import os

import duckdb

from storage.db import connect

ALLOWED = {"SELECT", "EXPLAIN"}


class QueryError(ValueError):
    """A query that is refused or fails; the message says why."""


def run_query(path: str | os.PathLike, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run read-only SQL against the database; return (column names, rows)."""
    conn = connect(path, read_only=True)
    try:
        # Read-only is not enough: read_csv('/etc/passwd') or a URL would reach outside the database file.
        conn.execute("SET enable_external_access = false")
        try:
            statements = conn.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(f"invalid SQL: {_first_line(exc)}") from None
        if not statements:
            raise QueryError("empty query")
        for stmt in statements:
            kind = stmt.type.name
            if kind not in ALLOWED:
                raise QueryError(f"refused: `marketmon query` is read-only and this is a {kind} statement")
        try:
            result = conn.execute(sql, params or [])
            columns = [d[0] for d in result.description or []]
            return columns, result.fetchall()
        except duckdb.Error as exc:
            raise QueryError(_first_line(exc)) from None
    finally:
        conn.close()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
