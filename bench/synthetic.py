"""A large synthetic store (documents, facts, metrics), bulk-inserted with DuckDB SQL in seconds."""

from __future__ import annotations

import duckdb

from bench.corpus import NOW, relevant_snippets
from pipeline.config import load_config, sample_config_path

# Real metric ids and their units (spec/facts.md); revenue shares feed the revenue_mix view.
METRICS = [
    ("revenue", "CNY"), ("revenue.cloud", "CNY"), ("revenue_share.on_premise", "%"), ("revenue_share.cloud", "%"),
    ("revenue_share.consumer", "%"), ("revenue_growth", "%"), ("gross_margin", "%"), ("rd_expense", "CNY"),
    ("net_loss", "CNY"), ("adjusted_net_loss", "CNY"), ("daily_token_volume", "tokens/day"),
    ("token_volume", "tokens"), ("arr", "USD"), ("market_cap", "HKD"), ("headcount", "count"),
    ("customer_share.top5", "%"),
]
PERIODS = (
    [f"FY{y}" for y in range(2016, 2026)]
    + [f"{y}H1" for y in range(2020, 2026)]
    + [f"{y}Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)]
    + ["2025Q1-Q3"]
)
COMPANY_COUNT = 50  # the watchlist's companies plus synthetic ones, so the real ones are a realistic share


def companies() -> list[str]:
    """Return the company ids the synthetic facts use: the sample watchlist's first, then co005, co006..."""
    watched = [c.id for c in load_config(sample_config_path()).watchlist.companies]
    return watched + [f"co{i:03d}" for i in range(len(watched), COMPANY_COUNT)]


def key_count() -> int:
    """Return how many distinct (company, metric, period) keys the synthetic facts spread over."""
    return COMPANY_COUNT * len(METRICS) * len(PERIODS)


def insert_documents(conn: duckdb.DuckDBPyConnection, count: int, *, status: str, first: int = 0,
                     relevant_every: int = 50) -> None:
    """Insert `count` ~2.5 KB HTML documents (ids syn<n>); every `relevant_every`-th names a watched company."""
    snippets = relevant_snippets()
    conn.execute(
        """INSERT INTO documents (id, source, kind, url, title, published_at, fetched_at, content_hash, content_type,
                                  raw, text, status, metadata, extractor_version, processed_at)
           SELECT printf('syn%013d', i), 'synthetic', CASE WHEN i % 10 = 0 THEN 'filing' ELSE 'news' END,
                  'https://news.example.com/article/' || i, 'Article ' || i,
                  TIMESTAMP '2016-01-01' + to_minutes(i::BIGINT * 5), $now, sha256('synthetic' || i),
                  'text/html', encode(html), CASE WHEN $status = 'new' THEN NULL ELSE 'Article ' || i END, $status,
                  NULL, CASE WHEN $status = 'new' THEN NULL ELSE 'synthetic' END,
                  CASE WHEN $status = 'new' THEN NULL ELSE $now END
           FROM (
               SELECT i, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article ' || i
                   || '</title></head><body><nav><a href="/">Home</a></nav><article><h1>Article ' || i
                   || '</h1><p>' || repeat('The council met on Tuesday to discuss the budget for the new '
                   || 'library, the harbour bridge and the spring festival. ', 12 + i % 12)
                   || '</p><p>' || CASE WHEN i % $every = 0 THEN $snippets[1 + (i // $every) % len($snippets)]
                                        ELSE 'Weather: mild, ' || (i % 30) || ' degrees.' END
                   || '</p><p>Reference ' || md5(i::VARCHAR) || '.</p></article></body></html>' AS html
               FROM range($first, $first + $count) t(i)
           )""",
        {"now": NOW, "status": status, "every": relevant_every, "snippets": snippets, "first": first,
         "count": count},
    )


def insert_facts(conn: duckdb.DuckDBPyConnection, count: int, documents: int) -> None:
    """Insert `count` facts spread over the first `documents` synthetic documents and every key."""
    names = companies()
    metrics = [m for m, _ in METRICS]
    units = [u for _, u in METRICS]
    # Facts of one key come from many documents and agree within a few percent, as real reporting does;
    # one in 100 is doubted by plausibility (reason set).
    conn.execute(
        """INSERT INTO facts
           SELECT printf('syn%013d', i % $documents), c, m, p,
                  CASE WHEN u IN ('%', 'pp') THEN 5 + (k % 90) + (i % 3) * 0.05
                       ELSE (1 + k % 997) * 1000000.0 * (1 + (i % 5) * 0.001) END,
                  u, CASE WHEN i % 7 = 0 THEN 'approx' ELSE 'eq' END,
                  'synthetic quote ' || i, (i // $documents)::INTEGER * 100, (i // $documents)::INTEGER * 100 + 40,
                  0.9, CASE WHEN i % 100 = 99 THEN 'implausible jump' END, 'synthetic'
           FROM (
               SELECT i, k,
                      $names[1 + k % len($names)] AS c,
                      $metrics[1 + (k // len($names)) % len($metrics)] AS m,
                      $units[1 + (k // len($names)) % len($metrics)] AS u,
                      $periods[1 + (k // (len($names) * len($metrics))) % len($periods)] AS p
               FROM (SELECT i, (i * 7919) % $keys AS k FROM range($count) t(i))
           )""",
        {"documents": documents, "names": names, "metrics": metrics, "units": units, "periods": PERIODS,
         "keys": key_count(), "count": count},
    )
