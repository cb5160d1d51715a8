"""Load and validate the YAML configuration (shared/spec/cli.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from pipeline.watchlist import Company, Watchlist

SOURCE_KINDS = ("inbox", "rss", "page", "hkex", "sec", "openrouter")
SAMPLE_CONFIG = "marketmon.yaml"
# When alert charts are drawn (`alerts: {charts: ...}`): "auto" only for a sender that shows them (the Slack
# bot uploads them), "always" also to disk for the console or a webhook, "never" (alerts/delivery.py).
CHART_POLICIES = ("auto", "always", "never")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the problem."""


@dataclass(slots=True)
class SourceConfig:
    """One configured source: its kind, a stable id, and the kind's own options."""

    kind: str
    id: str
    options: dict = field(default_factory=dict)

    def path(self, key: str = "path") -> Path | None:
        """Return an option that names a file or folder, as a Path."""
        value = self.options.get(key)
        return Path(value) if value else None


@dataclass(slots=True)
class Config:
    """The whole configuration, with relative paths resolved against the config file's folder."""

    path: Path
    db: Path
    watchlist: Watchlist
    sources: list[SourceConfig]
    alerts: dict = field(default_factory=dict)
    fx: dict = field(default_factory=dict)
    reporting_currency: str = "CNY"
    snapshot: Path | None = None

    @property
    def charts(self) -> str:
        """Return the alert chart policy (`alerts: {charts: auto|always|never}`, default auto)."""
        return self.alerts.get("charts", "auto")


def sample_config_path() -> Path:
    """Return the bundled sample config (the embedded default)."""
    return Path(str(resources.files("pipeline") / "samples" / SAMPLE_CONFIG))


def find_config(explicit: str | os.PathLike | None = None) -> Path:
    """Pick the config: --config, then $MARKETMON_CONFIG, then ./marketmon.yaml, then the sample."""
    for candidate in (explicit, os.environ.get("MARKETMON_CONFIG")):
        if candidate:
            return Path(candidate)
    local = Path("marketmon.yaml")
    return local if local.is_file() else sample_config_path()


def load_config(path: str | os.PathLike | None = None, db: str | os.PathLike | None = None) -> Config:
    """Read and validate a config file; --db, then $MARKETMON_DB, override its `db`."""
    cfg_path = find_config(path)
    try:
        data = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{cfg_path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{cfg_path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{cfg_path}: invalid YAML: {_one_line(exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{cfg_path}: expected a mapping at the top level, got {type(data).__name__}")
    return parse_config(data, cfg_path, db)


def parse_config(data: dict, cfg_path: Path, db: str | os.PathLike | None = None) -> Config:
    """Validate an already-loaded mapping into a Config."""
    base = cfg_path.resolve().parent

    def resolve(p: str | os.PathLike) -> Path:
        p = Path(os.path.expanduser(str(p)))
        return p if p.is_absolute() else base / p

    def fail(msg: str) -> ConfigError:
        return ConfigError(f"{cfg_path}: {msg}")

    unknown = set(data) - {"db", "watchlist", "sources", "alerts", "fx", "reporting_currency", "snapshot"}
    if unknown:
        raise fail(f"unknown top-level key(s): {', '.join(sorted(unknown))}")

    companies = []
    for i, item in enumerate(data.get("watchlist") or []):
        if not isinstance(item, dict) or not item.get("id"):
            raise fail(f"watchlist[{i}]: each company needs an 'id'")
        names = item.get("names") or []
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise fail(f"watchlist[{i}] ({item['id']}): 'names' must be a list of non-empty strings")
        companies.append(
            Company(
                id=str(item["id"]),
                names=tuple(names),
                hkex=_opt_str(item.get("hkex")),
                cik=_opt_str(item.get("cik")),
                openrouter=_opt_str(item.get("openrouter")),
            )
        )
    ids = [c.id for c in companies]
    if len(ids) != len(set(ids)):
        raise fail("watchlist: duplicate company id")

    sources = []
    for i, item in enumerate(data.get("sources") or []):
        if not isinstance(item, dict) or item.get("kind") not in SOURCE_KINDS:
            raise fail(f"sources[{i}]: 'kind' must be one of {', '.join(SOURCE_KINDS)}")
        options = {k: v for k, v in item.items() if k not in ("kind", "id")}
        if item["kind"] == "inbox":
            if not options.get("path"):
                raise fail(f"sources[{i}]: an inbox needs a 'path'")
            options["path"] = str(resolve(options["path"]))
        if item["kind"] in ("rss", "page") and not options.get("url"):
            raise fail(f"sources[{i}]: a {item['kind']} source needs a 'url'")
        _check_network_options(item["kind"], options, lambda msg, i=i: fail(f"sources[{i}]: {msg}"))
        for key in ("recorded", "fixtures"):
            if options.get(key):
                options[key] = str(resolve(options[key]))
        default_id = f"{item['kind']}:{options.get('url') or Path(options.get('path', '')).name or i}"
        sources.append(SourceConfig(kind=item["kind"], id=str(item.get("id") or default_id), options=options))
    sids = [s.id for s in sources]
    if len(sids) != len(set(sids)):
        raise fail("sources: two sources have the same id; give one an explicit 'id'")

    alerts = data.get("alerts") or {}
    if not isinstance(alerts, dict):
        raise fail("alerts: expected a mapping")
    if alerts.get("rules_file"):
        alerts = {**alerts, "rules_file": str(resolve(alerts["rules_file"]))}
    if "charts" in alerts:
        # YAML reads a bare on/off/yes/no as a boolean: take true as always and false as never.
        charts = alerts["charts"]
        if isinstance(charts, bool):
            charts = "always" if charts else "never"
        if charts not in CHART_POLICIES:
            raise fail(f"alerts.charts: expected one of {', '.join(CHART_POLICIES)}, got {alerts['charts']!r}")
        alerts = {**alerts, "charts": charts}

    db_path = db or os.environ.get("MARKETMON_DB") or data.get("db") or "data/marketmon.duckdb"
    # A relative db path means "relative to where marketmon runs", like every CLI tool's file arguments.
    db_path = Path(os.path.expanduser(str(db_path)))
    snapshot = data.get("snapshot")
    return Config(
        path=cfg_path,
        db=db_path,
        watchlist=Watchlist(companies),
        sources=sources,
        alerts=alerts,
        fx=dict(data.get("fx") or {}),
        reporting_currency=str(data.get("reporting_currency") or "CNY"),
        snapshot=Path(snapshot) if snapshot else None,
    )


def _check_network_options(kind: str, options: dict, fail) -> None:
    """Validate the options of network sources (pipeline/sources/feeds, hkex, sec, openrouter)."""
    for key in ("url", "base_url", "archives_url"):
        value = options.get(key)
        if value is not None and not (isinstance(value, str) and value.lower().startswith(("http://", "https://"))):
            raise fail(f"'{key}' must be an http or https URL")
    for key in ("allow_private", "articles", "title_search", "latest", "ipo", "documents", "companyfacts"):
        if key in options and not isinstance(options[key], bool):
            raise fail(f"'{key}' must be true or false")
    for key in ("max_articles", "max_filings", "max_bytes", "lookback_days", "max_attempts"):
        value = options.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
            raise fail(f"'{key}' must be a positive whole number")
    rate = options.get("rate_limit")
    if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0):
        raise fail("'rate_limit' must be a positive number of requests per second")
    if kind == "openrouter" and options.get("granularity") not in (None, "day", "week"):
        raise fail("'granularity' must be day or week")
    if kind == "sec" and options.get("forms") is not None and not isinstance(options["forms"], list):
        raise fail("'forms' must be a list of form types, e.g. [8-K, 10-K]")


def _opt_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
