"""Evaluation on the shared corpus (when present), the labelled set and the bundled samples."""

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, fact_matches, format_report
from pipeline.models import Fact

from .conftest import LABELLED, REPO, SHARED_CORPUS


def test_shared_corpus(watchlist):
    if not (SHARED_CORPUS / "expected_facts.csv").is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (it lives beside the repository)")
    report = evaluate(SHARED_CORPUS / "expected_facts.csv", SHARED_CORPUS, watchlist)
    assert report.core_total >= 20
    assert report.recall >= 0.95, format_report(report)
    assert report.precision >= 0.95, format_report(report)


def test_labelled_set(watchlist):
    report = evaluate(LABELLED / "expected_facts.csv", LABELLED / "docs", watchlist)
    assert report.documents >= 12 and report.core_total >= 60
    assert report.recall >= 0.95, format_report(report)
    assert report.precision >= 0.95, format_report(report)


def test_bundled_samples(watchlist):
    samples = REPO / "pipeline" / "samples"
    if not (samples / "expected_facts.csv").is_file():
        pytest.skip("bundled samples not present")
    report = evaluate(samples / "expected_facts.csv", samples / "inbox", watchlist)
    assert report.recall >= 0.95, format_report(report)
    assert report.precision >= 0.95, format_report(report)


def test_report_lists_misses_and_extras(tmp_path: Path, watchlist):
    (tmp_path / "a.txt").write_text("智谱2024年收入为3.124亿元，2023年收入为1亿元。", encoding="utf-8")
    (tmp_path / "expected.csv").write_text(
        "doc,company,metric,period,value,unit,qualifier,core\n"
        "a.txt,zhipu,revenue,FY2024,312400000,CNY,eq,1\n"
        "a.txt,zhipu,revenue,FY2022,57400000,CNY,eq,1\n",
        encoding="utf-8",
    )
    report = evaluate(tmp_path / "expected.csv", tmp_path, watchlist)
    assert (report.recall, report.precision) == (0.5, 0.5)
    text = format_report(report)
    assert "a.txt,zhipu,revenue,FY2022,57400000,CNY,eq,1" in text
    assert "a.txt,zhipu,revenue,FY2023,100000000,CNY,eq,0" in text


def test_matching_rules():
    row = {"doc": "d", "company": "zhipu", "metric": "revenue", "period": "*", "value": Decimal("312400000"),
           "unit": "CNY", "qualifier": "eq", "core": True}
    fact = Fact("zhipu", "revenue", "FY2024", Decimal("313000000"), "CNY", "approx")
    assert fact_matches(row, fact)  # within 0.5%, any period, approx ~ eq
    assert not fact_matches(row, Fact("zhipu", "revenue", "FY2024", Decimal("320000000"), "CNY"))
    assert not fact_matches({**row, "qualifier": "gt"}, fact)


def test_a_document_the_extractor_raises_on_is_reported_and_the_others_still_scored(tmp_path: Path, watchlist,
                                                                                     monkeypatch):
    # fault injection: the real extractor, made to raise on one document (as a bug once did on a blind set)
    import pipeline.evaluate as ev

    real = ev.extract_facts

    def faulty(text, *args, **kwargs):
        if "BOOM" in text:
            raise IndexError("list assignment index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ev, "extract_facts", faulty)
    (tmp_path / "a.txt").write_text("智谱2024年收入为3.124亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM 智谱2023年收入为1.245亿元。", encoding="utf-8")
    (tmp_path / "expected.csv").write_text(
        "doc,company,metric,period,value,unit,qualifier,core\n"
        "a.txt,zhipu,revenue,FY2024,312400000,CNY,eq,1\n"
        "b.txt,zhipu,revenue,FY2023,124500000,CNY,eq,1\n",
        encoding="utf-8",
    )
    report = evaluate(tmp_path / "expected.csv", tmp_path, watchlist)
    assert (report.recall, report.precision, report.documents) == (0.5, 1.0, 2)
    text = format_report(report)
    assert "extractor failed on b.txt: IndexError: list assignment index out of range" in text
    assert "b.txt,zhipu,revenue,FY2023,124500000,CNY,eq,1" in text  # its rows are misses
