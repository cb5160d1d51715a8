"""The `marketmon` command line: a thin layer over pipeline/, storage/ and alerts/."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.config import ConfigError, load_config
from storage.db import StorageError

console = Console()
err_console = Console(stderr=True)

CONFIG_HELP = "Config file (default: $MARKETMON_CONFIG, ./marketmon.yaml, then the bundled sample config)."
DB_HELP = "DuckDB file (default: $MARKETMON_DB, then the config's `db`)."
LIVE_HELP = "Read the live database instead of the snapshot published after the last run (may wait for a writer)."


class CliError(click.ClickException):
    """A one-line error for the user: no traceback, exit status 1."""

    def show(self, file=None) -> None:  # click prints "Error: ..."; keep it to one line
        click.echo(f"error: {self.format_message()}", err=True)


def _load(config_path: str | None, db: str | None):
    try:
        return load_config(config_path, db)
    except ConfigError as exc:
        raise CliError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """marketmon: watch LLM companies' news and filings, keep every number with its source, alert on change."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--no-gate", is_flag=True, help="Fully parse and extract every document, even ones naming no watched company.")
def run(config_path: str | None, db: str | None, no_gate: bool) -> None:
    """Fetch every configured source, store, extract, recompute metrics and deliver alerts, once."""
    from pipeline.runner import run_pipeline
    from pipeline.wiring import make_http, make_sender

    config = _load(config_path, db)
    sender = make_sender(console=console)
    progress = Progress(TextColumn("[bold]processing documents"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err_console, transient=True)
    task = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task
        if total < 50:
            return  # a progress bar only where there is something to wait for
        if task is None:
            progress.start()
            task = progress.add_task("process", total=total)
        progress.update(task, completed=done)

    try:
        summary = run_pipeline(config, sender=sender, now=datetime.now(UTC).replace(tzinfo=None),
                               http=make_http(config), gate=not no_gate, on_progress=on_progress)
    except (StorageError, ValueError) as exc:
        raise CliError(str(exc)) from None
    finally:
        if task is not None:
            progress.stop()
    _print_summary(summary, config.db)


def _print_summary(summary, db: Path) -> None:
    ing, proc = summary.ingest, summary.process
    table = Table(title=f"marketmon run {summary.run_id}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("documents", f"{ing.inserted} new, {ing.updated} changed, {ing.unchanged} unchanged "
                               f"({summary.totals.get('documents', 0)} stored)")
    table.add_row("processed", f"{proc.parsed} parsed, {proc.irrelevant} irrelevant, {proc.duplicate} duplicate, "
                               f"{proc.failed} failed")
    table.add_row("facts", f"{proc.facts} extracted ({proc.flagged} flagged implausible), "
                           f"{summary.totals.get('facts', 0)} stored")
    table.add_row("metrics", f"{summary.metrics_changed} changed, {summary.totals.get('metrics', 0)} stored")
    table.add_row("alerts", f"{summary.alerts_new} new, {summary.delivery.sent} delivered, "
                            f"{summary.delivery.failed} failed")
    table.add_row("seconds", f"{summary.seconds:.2f}")
    table.add_row("database", str(db))
    console.print(table)
    for url, reason in proc.failures[:20]:
        console.print(f"[yellow]failed:[/] {escape(f'{url}: {reason}')}", highlight=False)  # untrusted text, not markup
    if len(proc.failures) > 20:
        console.print(f"[yellow]... and {len(proc.failures) - 20} more failed documents[/]")
    for source, reason in ing.source_errors.items():
        console.print(f"[red]source failed:[/] {escape(f'{source}: {reason}')}", highlight=False)
    if not summary.changed_anything:
        console.print("Nothing new: every document was already stored and no alert is sent again.")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
def extract(files: tuple[str, ...], config_path: str | None) -> None:
    """Print the facts found in each FILE (HTML, PDF, text) as JSON lines (spec/facts.md)."""
    from pipeline.extract import extract_facts

    config = _load(config_path, None)
    failed = 0
    for name in files:
        try:
            parsed = _parse_file(name)
        except CliError as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            failed += 1
            continue
        for fact in extract_facts(parsed.text, config.watchlist, published=parsed.published, title=parsed.title):
            click.echo(json.dumps(fact.to_json(), ensure_ascii=False))
    if failed:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
def parse(file: str) -> None:
    """Print one JSON object for FILE: title, published, lang, text."""
    click.echo(json.dumps(_parse_file(file).to_json(), ensure_ascii=False))


def _parse_file(name: str):
    from pipeline.parse import ParseError, parse_document
    from pipeline.sources.inbox import SUFFIXES

    path = Path(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        return parse_document(raw, SUFFIXES.get(path.suffix.lower()), path.name)
    except ParseError as exc:
        raise CliError(f"{name}: {exc}") from None


@main.command()
@click.argument("sql")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--live", is_flag=True, help=LIVE_HELP)
def query(sql: str, db: str | None, config_path: str | None, fmt: str, live: bool) -> None:
    """Run a read-only SQL query (SELECT) against the last run's snapshot (or --live); writes are refused."""
    from storage.query import QueryError, run_query

    config = _load(config_path, db)
    try:
        columns, rows = run_query(_readable_db(config, live), sql)
    except (QueryError, StorageError) as exc:
        raise CliError(str(exc)) from None
    _print_rows(columns, rows, fmt)


def _readable_db(config, live: bool) -> Path:
    """Return the snapshot to read, or the live file with --live or while no snapshot exists yet."""
    from storage.snapshot import snapshot_path

    snapshot = snapshot_path(config.db, config.snapshot)
    if live:
        return config.db
    if not snapshot.is_file():
        if config.db.is_file():
            err_console.print(f"note: no snapshot at {snapshot} yet; reading the live database {config.db}",
                              highlight=False)
        return config.db
    return snapshot


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table(*(escape(c) for c in columns))
        for row in rows:  # stored text (titles, errors) is data, never rich markup
            table.add_row(*("" if v is None else escape(str(v)) for v in row))
        console.print(table)
        console.print(f"{len(rows)} row(s)")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--live", is_flag=True, help=LIVE_HELP)
def status(db: str | None, config_path: str | None, live: bool) -> None:
    """Show the last runs, each source's health, and the alerts waiting for delivery (from the snapshot, or --live)."""
    from storage.query import run_query

    config = _load(config_path, db)
    source = _readable_db(config, live)
    try:
        sections = [
            ("last runs", "SELECT id, status, started_at, round(epoch(finished_at - started_at), 2) AS seconds, "
                          "counts->>'documents_new' AS new_docs, counts->>'facts' AS facts, "
                          "counts->>'alerts_new' AS new_alerts, counts->>'failed' AS failed_docs, error "
                          "FROM runs ORDER BY started_at DESC LIMIT 5"),
            ("sources", "SELECT source, kind, healthy, last_success, consecutive_errors, last_error, last_count "
                        "FROM source_health"),
            ("alerts", "SELECT status, count(*) AS alerts FROM alerts GROUP BY status ORDER BY status"),
            ("undelivered alerts", "SELECT status, title, attempts, error FROM alerts "
                                   "WHERE status IN ('pending', 'failed', 'sending', 'unconfirmed') "
                                   "ORDER BY created_at LIMIT 20"),
        ]
        for title, sql in sections:
            columns, rows = run_query(source, sql)
            console.print(f"[bold]{title}[/]")
            _print_rows(columns, rows, "table")
    except StorageError as exc:
        raise CliError(str(exc)) from None


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only those from an older extractor.")
def reprocess(config_path: str | None, db: str | None, everything: bool) -> None:
    """Re-extract stored documents with the current extractor, without fetching anything, then recompute."""
    from pipeline.extract import EXTRACTOR_VERSION
    from pipeline.runner import run_pipeline
    from pipeline.wiring import make_sender
    from storage.db import open_db, transaction
    from storage.records import reset_for_reprocess

    config = _load(config_path, db)
    try:
        with open_db(config.db) as conn, transaction(conn):
            count = reset_for_reprocess(conn, outdated_than=None if everything else EXTRACTOR_VERSION)
        console.print(f"{count} document(s) queued for re-extraction with extractor {EXTRACTOR_VERSION}")
        summary = run_pipeline(config, sender=make_sender(console=console), fetch=False, command="reprocess",
                               now=datetime.now(UTC).replace(tzinfo=None))
    except (StorageError, ValueError) as exc:
        raise CliError(str(exc)) from None
    _print_summary(summary, config.db)


@main.command(name="eval")
@click.argument("expected", type=click.Path(exists=True, dir_okay=False))
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
def eval_command(expected: str, docs_dir: str, config_path: str | None) -> None:
    """Measure the extractor: recall and precision on EXPECTED.csv's core rows over DOCS_DIR."""
    from pipeline.evaluate import evaluate, format_report

    config = _load(config_path, None)
    click.echo(format_report(evaluate(Path(expected), Path(docs_dir), config.watchlist)))


@main.command()
@click.option("--company", required=True, help="Company id from the watchlist (e.g. zhipu).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--live", is_flag=True, help="Read the live database instead of the last run's snapshot.")
def report(company: str, out: str, db: str | None, config_path: str | None, live: bool) -> None:
    """Write a one-page HTML dashboard for one company: revenue, mix, losses, tokens, conflicts, sources."""
    from alerts.report import ReportError, build_report
    from storage.db import connect

    config = _load(config_path, db)
    company_obj = next((c for c in config.watchlist.companies if c.id == company), None)
    name = company_obj.names[0] if company_obj and company_obj.names else company
    try:
        conn = connect(_readable_db(config, live), read_only=True)
        try:
            page = build_report(conn, company, name, datetime.now(UTC).replace(tzinfo=None))
        finally:
            conn.close()
        Path(out).write_text(page, encoding="utf-8")
    except (ReportError, StorageError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    console.print(f"wrote {out} ({len(page) // 1024} KB)", highlight=False)
