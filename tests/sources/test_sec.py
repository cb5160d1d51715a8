"""SEC EDGAR: submissions and XBRL company facts over a loopback server, and parse_companyfacts."""

import json
from datetime import datetime
from decimal import Decimal

from pipeline.http import HttpClient, RateLimiter
from pipeline.ingest import ingest_sources
from pipeline.process import process_documents
from pipeline.sources.sec import parse_companyfacts, period_of
from tests.sources.conftest import build_config
from tests.support.http_server import Reply

NOW = datetime(2026, 1, 13, 9, 0)
CIK_PATH = "/submissions/CIK0001990001.json"
FACTS_PATH = "/api/xbrl/companyfacts/CIK0001990001.json"


def usd(val, start, end, fy, fp, form, accn, filed, frame=None):
    entry = {"start": start, "end": end, "val": val, "accn": accn, "fy": fy, "fp": fp, "form": form, "filed": filed}
    return entry | ({"frame": frame} if frame else {})


COMPANYFACTS = {
    "cik": 1990001, "entityName": "Sample Model Labs Inc.",
    "facts": {
        "dei": {"EntityCommonStockSharesOutstanding": {"units": {"shares": [{"end": "2025-06-30", "val": 5}]}}},
        "us-gaap": {
            "Revenues": {"units": {"USD": [
                usd(3460000, "2023-01-01", "2023-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
                usd(30000000, "2024-01-01", "2024-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
                # a later filing restates FY2024: the restated value wins
                usd(30520000, "2024-01-01", "2024-12-31", 2025, "FY", "10-K/A", "0001990001-25-000009", "2025-06-01"),
                usd(14000000, "2025-01-01", "2025-03-31", 2025, "Q1", "10-Q", "0001990001-25-000011", "2025-05-10"),
                usd(53440000, "2025-01-01", "2025-09-30", 2025, "Q3", "10-Q", "0001990001-25-000020", "2025-11-10"),
                usd(2000000, "2025-01-01", "2025-02-28", 2025, "Q1", "8-K", "0001990001-25-000005", "2025-03-05"),
            ], "USD/shares": [usd(1, "2024-01-01", "2024-12-31", 2024, "FY", "10-K", "x", "2025-03-01")]}},
            "RevenueFromContractWithCustomerExcludingAssessedTax": {"units": {"USD": [
                usd(99, "2024-01-01", "2024-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
                usd(25000000, "2025-01-01", "2025-06-30", 2025, "Q2", "10-Q", "0001990001-25-000015", "2025-08-10"),
            ]}},
            "ResearchAndDevelopmentExpense": {"units": {"USD": [
                usd(40000000, "2024-01-01", "2024-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
            ]}},
            "NetIncomeLoss": {"units": {"USD": [
                usd(-46500000, "2024-01-01", "2024-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
                usd(1200000, "2023-01-01", "2023-12-31", 2024, "FY", "10-K", "0001990001-25-000002", "2025-03-01"),
            ]}},
        },
    },
}


def test_parse_companyfacts(tmp_path):
    config = build_config(tmp_path, [])
    facts = parse_companyfacts(json.dumps(COMPANYFACTS).encode(), {"company": "zhipu"}, config)
    got = {(f.metric, f.period): (f.value, f.unit) for f in facts}
    assert got == {
        ("revenue", "FY2023"): (Decimal(3460000), "USD"),
        ("revenue", "FY2024"): (Decimal(30520000), "USD"),
        ("revenue", "2025Q1"): (Decimal(14000000), "USD"),
        ("revenue", "2025Q1-Q3"): (Decimal(53440000), "USD"),
        ("revenue", "2025H1"): (Decimal(25000000), "USD"),  # from the second concept: Revenues lacks 2025H1
        ("rd_expense", "FY2024"): (Decimal(40000000), "USD"),
        ("net_loss", "FY2024"): (Decimal(46500000), "USD"),  # a loss is positive; FY2023's profit is no loss
    }
    fy2024 = next(f for f in facts if (f.metric, f.period) == ("revenue", "FY2024"))
    assert fy2024.quote == ("us-gaap:Revenues 10-K/A FY2025 (accession 0001990001-25-000009, 2024-01-01 to "
                            "2024-12-31): 30520000 USD")
    assert (fy2024.company, fy2024.confidence, fy2024.qualifier) == ("zhipu", 1.0, "eq")


def test_company_resolved_from_cik_when_metadata_lacks_it(tmp_path):
    facts = parse_companyfacts(json.dumps(COMPANYFACTS).encode(), {}, build_config(tmp_path, []))
    assert {f.company for f in facts} == {"zhipu"}


def test_periods_from_dates():
    assert [period_of(*p) for p in [("2024-01-01", "2024-12-31"), ("2024-07-01", "2025-06-30"),
                                    ("2025-04-01", "2025-06-30"), ("2025-07-01", "2025-12-31"),
                                    ("2025-01-01", "2025-09-30"), ("2025-01-01", "2025-02-28"), (None, "2025-01-01")]] \
        == ["FY2024", "FY2025", "2025Q2", "2025H2", "2025Q1-Q3", None, None]


def submissions():
    recent = {"accessionNumber": ["0001990001-26-000001", "0001990001-25-000030", "0001990001-25-000031"],
              "filingDate": ["2026-01-09", "2025-11-10", "2025-11-12"], "reportDate": ["2026-01-08", "2025-09-30", ""],
              "form": ["8-K", "10-Q", "4"], "primaryDocument": ["sml-8k.htm", "sml-10q.htm", "form4.xml"],
              "primaryDocDescription": ["8-K", "10-Q", "FORM 4"]}
    return {"cik": "1990001", "name": "Sample Model Labs Inc.", "filings": {"recent": recent, "files": []}}


def sec_source(server):
    return {"kind": "sec", "id": "sec", "base_url": server.base_url, "archives_url": server.base_url}


def test_fetch_filings_and_company_facts(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.serve(CIK_PATH, json.dumps(submissions()), content_type="application/json", etag='"sub1"')
    s.serve(FACTS_PATH, json.dumps(COMPANYFACTS), content_type="application/json", etag='"facts1"')
    s.serve("/Archives/edgar/data/1990001/000199000126000001/sml-8k.htm",
            "<html><body><p>Zhipu signs a cloud agreement.</p></body></html>", content_type="text/html")
    s.serve("/Archives/edgar/data/1990001/000199000125000030/sml-10q.htm",
            "<html><body><p>Zhipu quarterly report.</p></body></html>", content_type="text/html")
    config = build_config(tmp_path, [sec_source(s)])
    report = ingest_sources(db, config, NOW, http=http)
    assert (report.inserted, report.source_errors) == (3, {})
    rows = db.execute("SELECT metadata->>'filing_type', metadata->>'parser', metadata->>'accession' FROM documents "
                      "ORDER BY url").fetchall()
    assert rows == [("10-Q", None, "0001990001-25-000030"), ("8-K", None, "0001990001-26-000001"),
                    (None, "sec.companyfacts", None)]
    assert s.hits("/Archives/edgar/data/1990001/000199000125000031/form4.xml") == 0  # form 4 is not watched
    process_documents(db, config, NOW)
    facts = db.execute("SELECT metric, period, value, confidence FROM facts WHERE metric = 'net_loss'").fetchall()
    assert facts == [("net_loss", "FY2024", 46500000.0, 1.0)]
    report = ingest_sources(db, config, NOW, http=http)
    assert (report.inserted, report.updated) == (0, 0)
    assert s.requests[-1].headers["If-None-Match"] == '"facts1"'


def test_sec_refuses_to_run_without_a_contact(loopback_server, tmp_path, db):
    anonymous = HttpClient(user_agent="marketmon", limiter=RateLimiter(default_rate=None))
    report = ingest_sources(db, build_config(tmp_path, [sec_source(loopback_server)]), NOW, http=anonymous)
    assert "MARKETMON_USER_AGENT" in report.source_errors["sec"]
    assert loopback_server.requests == []


def test_sec_403_and_wrong_shape_are_recorded(loopback_server, http, tmp_path, db):
    s = loopback_server
    s.route(CIK_PATH)  # 404
    s.serve(FACTS_PATH, '{"facts": []}')
    report = ingest_sources(db, build_config(tmp_path, [sec_source(s)]), NOW, http=http)
    error = report.source_errors["sec"]
    assert "HTTP 404" in error and "company facts: wrong shape" in error
    s.route(CIK_PATH, Reply(status=403))
    s.serve(FACTS_PATH, json.dumps(COMPANYFACTS))
    report = ingest_sources(db, build_config(tmp_path, [sec_source(s)]), NOW, http=http)
    assert report.source_errors == {} and report.fetch_errors == 1
    error = db.execute("SELECT error FROM documents WHERE status = 'failed'").fetchone()[0]
    assert error.startswith("CIK 1990001 submissions: HTTP 403")
