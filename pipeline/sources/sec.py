"""SEC EDGAR: new filings of the watchlist's CIKs (submissions JSON) and XBRL company facts as facts.

- `{base_url}/submissions/CIK##########.json`: `filings.recent` holds parallel arrays (accessionNumber,
  filingDate, reportDate, form, primaryDocument, primaryDocDescription). Each new filing of a watched form
  has its primary document downloaded from `{archives_url}/Archives/edgar/data/<cik>/<accession>/<doc>` and
  stored as a `filing` document with metadata {"event": "new_filing", "company", "filing_type": form, ...}.
- `{base_url}/api/xbrl/companyfacts/CIK##########.json` is stored whole as a document with
  metadata["parser"] = "sec.companyfacts"; `parse_companyfacts` turns it into revenue, R&D and net-loss facts
  whose quote names the concept, form, fiscal period and accession (the filing is the provenance).

SEC answers 403 to clients without a User-Agent that names a contact, so a live run refuses to start
without `MARKETMON_USER_AGENT` containing an e-mail address. Requests are capped at 10 per second.
Options: `base_url`, `archives_url`, `forms`, `max_filings` per run (20), `max_bytes` (50 MB),
`documents` (download primary documents, default true), `companyfacts` (default true),
`lookback_days` for the first run (365), `rate_limit` (at most 10).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from pipeline.config import Config, SourceConfig
from pipeline.http import HttpError, load_json
from pipeline.models import Fact, FetchedDocument
from pipeline.sources import FetchContext, SourceError

BASE_URL = "https://data.sec.gov"
ARCHIVES_URL = "https://www.sec.gov"
FORMS = ("8-K", "10-Q", "10-K", "S-1", "F-1", "20-F", "6-K", "10-K/A", "10-Q/A", "S-1/A", "F-1/A", "20-F/A")
MAX_FILINGS = 20
MAX_BYTES = 50 * 1024 * 1024
SEC_MAX_RATE = 10.0
SEEN_LIMIT = 2000
# metric -> (taxonomy, concept) in order of preference; the first concept reporting a period wins.
CONCEPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "revenue": (
        ("us-gaap", "Revenues"), ("us-gaap", "RevenueFromContractWithCustomerExcludingAssessedTax"),
        ("us-gaap", "RevenueFromContractWithCustomerIncludingAssessedTax"), ("us-gaap", "SalesRevenueNet"),
        ("ifrs-full", "Revenue"), ("ifrs-full", "RevenueFromContractsWithCustomers"),
    ),
    "rd_expense": (
        ("us-gaap", "ResearchAndDevelopmentExpense"),
        ("us-gaap", "ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost"),
        ("ifrs-full", "ResearchAndDevelopmentExpense"),
    ),
    "net_loss": (("us-gaap", "NetIncomeLoss"), ("us-gaap", "ProfitLoss"), ("ifrs-full", "ProfitLoss")),
}


def fetch(source: SourceConfig, ctx: FetchContext) -> Iterator[FetchedDocument]:
    """Yield new filings and changed company facts of every watched company with a CIK."""
    http = ctx.http
    if http is None:
        raise SourceError("sec source needs an HTTP client")
    if getattr(http, "live", True) and "@" not in getattr(http, "user_agent", ""):
        raise SourceError("SEC requires a User-Agent with a contact address: set MARKETMON_USER_AGENT, "
                          "e.g. 'Acme Research research@acme.example'")
    opts = source.options
    base = str(opts.get("base_url") or BASE_URL).rstrip("/")
    archives = str(opts.get("archives_url") or ARCHIVES_URL).rstrip("/")
    rate = min(float(opts.get("rate_limit") or SEC_MAX_RATE), SEC_MAX_RATE)
    for url in (base, archives):
        http.set_rate_limit(_host(url), rate)
    companies = [c for c in ctx.config.watchlist.companies if c.cik]
    if not companies:
        return
    forms = set(opts.get("forms") or FORMS)
    validators = dict(ctx.state.validators or {})
    errors = []
    for company in companies:
        cik = str(int(company.cik))
        mine = dict(validators.get(cik) or {})
        try:
            yield from _fetch_submissions(source, ctx, company.id, cik, base, archives, forms, mine)
        except (HttpError, ValueError) as exc:
            errors.append(f"CIK {cik} submissions: {_reason(exc)}")
        if opts.get("companyfacts", True):
            try:
                doc = _fetch_companyfacts(source, http, company.id, cik, base, mine)
                if doc is not None:
                    yield doc
            except (HttpError, ValueError) as exc:
                errors.append(f"CIK {cik} company facts: {_reason(exc)}")
        validators[cik] = mine
    if errors and len(errors) == len(companies) * (2 if opts.get("companyfacts", True) else 1):
        raise SourceError("; ".join(errors)[:500])
    for reason in errors:
        url = f"{base}/submissions#{reason.split(' ')[1]}"
        yield FetchedDocument(source.id, url, b"", kind="filing", error=reason)
    ctx.state.validators = validators


def _fetch_submissions(source, ctx, company: str, cik: str, base: str, archives: str, forms: set[str],
                       mine: dict) -> Iterator[FetchedDocument]:
    url = f"{base}/submissions/CIK{int(cik):010d}.json"
    response = ctx.http.get(url, etag=mine.get("etag"), last_modified=mine.get("last_modified"),
                            accept="application/json")
    if response.not_modified:
        return
    filings = parse_submissions(response.json())
    seen = list(mine.get("seen") or [])
    first_run = not seen and not mine.get("etag")
    cutoff = (ctx.now.date() - timedelta(days=int(source.options.get("lookback_days") or 365))).isoformat()
    fresh = [f for f in filings if f["form"] in forms and f["accession"] not in set(seen)
             and (not first_run or f["filed"] >= cutoff)]
    fresh.sort(key=lambda f: (f["filed"], f["accession"]))
    limit = int(source.options.get("max_filings") or MAX_FILINGS)
    if first_run:
        fresh = fresh[-limit:]
    for filing in fresh[:limit]:
        doc_url = (f"{archives}/Archives/edgar/data/{cik}/{filing['accession'].replace('-', '')}/"
                   f"{filing['primary_document']}")
        metadata = {
            "event": "new_filing", "exchange": "SEC", "company": company, "cik": cik,
            "filing_type": filing["form"], "accession": filing["accession"], "filed": filing["filed"],
            "report_date": filing.get("report_date") or None, "description": filing.get("description") or None,
            "backfill": first_run,
        }
        metadata = {k: v for k, v in metadata.items() if v is not None}
        title = f"{filing['form']} {filing.get('description') or ''}".strip()
        published = datetime.fromisoformat(filing["filed"]) if filing["filed"] else None
        if source.options.get("documents", True) and filing["primary_document"]:
            try:
                doc = ctx.http.get(doc_url, max_bytes=int(source.options.get("max_bytes") or MAX_BYTES))
            except HttpError as exc:
                yield FetchedDocument(source.id, doc_url, b"", None, title, published, "filing", metadata,
                                      error=exc.reason)
                continue
            yield FetchedDocument(source.id, doc_url, doc.body, doc.content_type, title, published, "filing",
                                  metadata)
        seen.append(filing["accession"])
    mine.update({"etag": response.etag, "last_modified": response.last_modified, "seen": seen[-SEEN_LIMIT:]})


def _fetch_companyfacts(source, http, company: str, cik: str, base: str, mine: dict) -> FetchedDocument | None:
    url = f"{base}/api/xbrl/companyfacts/CIK{int(cik):010d}.json"
    response = http.get(url, etag=mine.get("facts_etag"), last_modified=mine.get("facts_last_modified"),
                        accept="application/json", max_bytes=int(source.options.get("max_bytes") or MAX_BYTES))
    if response.not_modified:
        return None
    data = response.json()
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise ValueError("company facts: expected an object with 'facts'")
    mine.update({"facts_etag": response.etag, "facts_last_modified": response.last_modified})
    return FetchedDocument(
        source.id, url, response.body, "application/json", f"XBRL company facts: {data.get('entityName') or cik}",
        None, "filing", {"parser": "sec.companyfacts", "company": company, "cik": cik},
    )


def parse_submissions(data: object) -> list[dict]:
    """Return the recent filings of a submissions JSON as dicts; raise ValueError on a wrong shape."""
    try:
        recent = data["filings"]["recent"]
        columns = {name: recent[name] for name in ("accessionNumber", "filingDate", "form", "primaryDocument")}
    except (KeyError, TypeError):
        raise ValueError("submissions: expected filings.recent with accessionNumber, filingDate, form, "
                         "primaryDocument") from None
    lengths = {len(v) for v in columns.values() if isinstance(v, list)}
    if len(lengths) != 1 or not all(isinstance(v, list) for v in columns.values()):
        raise ValueError("submissions: filings.recent columns are not lists of one length")
    report_dates = recent.get("reportDate") or []
    descriptions = recent.get("primaryDocDescription") or []
    filings = []
    for i, accession in enumerate(columns["accessionNumber"]):
        filings.append({
            "accession": str(accession), "filed": str(columns["filingDate"][i] or ""), "form": str(columns["form"][i]),
            "primary_document": str(columns["primaryDocument"][i] or ""),
            "report_date": report_dates[i] if i < len(report_dates) else None,
            "description": descriptions[i] if i < len(descriptions) else None,
        })
    return filings


def period_of(start: str | None, end: str | None) -> str | None:
    """Return the spec period of a duration fact from its dates: FY2024, 2025H1, 2025Q3, 2025Q1-Q3."""
    try:
        first, last = date.fromisoformat(start or ""), date.fromisoformat(end or "")
    except ValueError:
        return None
    days = (last - first).days + 1
    quarter = (last.month - 1) // 3 + 1
    if 350 <= days <= 380:
        return f"FY{last.year}"
    if 175 <= days <= 190:
        return f"{last.year}H{1 if last.month <= 6 else 2}"
    if 85 <= days <= 95:
        return f"{last.year}Q{quarter}"
    if 265 <= days <= 280 and quarter == 3:
        return f"{last.year}Q1-Q3"
    return None


def parse_companyfacts(raw: bytes, metadata: dict, config: Config) -> list[Fact]:
    """Turn a companyfacts JSON into revenue, rd_expense and net_loss facts (latest filing per period wins)."""
    data = load_json(raw)
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise ValueError("company facts: expected an object with 'facts'")
    company = metadata.get("company")
    if not company:
        cik = str(data.get("cik") or metadata.get("cik") or "")
        company = next((c.id for c in config.watchlist.companies if c.cik and c.cik.lstrip("0") == cik.lstrip("0")),
                       None)
    if not company:
        return []
    facts: list[Fact] = []
    for metric, concepts in CONCEPTS.items():
        chosen: dict[str, Fact] = {}
        for taxonomy, concept in concepts:
            best: dict[str, tuple[str, Fact]] = {}
            units = (((data["facts"].get(taxonomy) or {}).get(concept) or {}).get("units") or {})
            for unit, entries in units.items():
                if not (len(unit) == 3 and unit.isalpha() and unit.isupper()) or not isinstance(entries, list):
                    continue  # currencies only (not USD/shares)
                for entry in entries:
                    fact = _fact(company, metric, taxonomy, concept, unit, entry)
                    if fact is None:
                        continue
                    filed = str(entry.get("filed") or "")
                    if fact.period not in best or filed > best[fact.period][0]:
                        best[fact.period] = (filed, fact)  # a later filing restates an earlier one
            for period, (_, fact) in best.items():
                chosen.setdefault(period, fact)
        facts += [chosen[p] for p in sorted(chosen)]
    return facts


def _fact(company: str, metric: str, taxonomy: str, concept: str, unit: str, entry: object) -> Fact | None:
    if not isinstance(entry, dict):
        return None
    period = period_of(entry.get("start"), entry.get("end"))
    if period is None:
        return None
    try:
        value = Decimal(str(entry["val"]))
    except (KeyError, InvalidOperation):
        return None
    if metric == "net_loss":
        if value >= 0:
            return None  # a profit is not a loss
        value = -value
    fp, fy = entry.get("fp") or "", entry.get("fy") or ""
    label = f"FY{fy}" if fp == "FY" else f"{fy}{fp}"
    quote = (f"{taxonomy}:{concept} {entry.get('form') or '?'} {label} (accession {entry.get('accn') or '?'}, "
             f"{entry.get('start')} to {entry.get('end')}): {entry['val']} {unit}")
    return Fact(company, metric, period, value, unit, "eq", quote, 0, 0, 1.0)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, HttpError) else f"wrong shape: {exc}"
