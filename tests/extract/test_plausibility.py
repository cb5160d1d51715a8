"""Plausibility: impossible numbers are flagged, not stored as truth."""

from decimal import Decimal

import pytest

from pipeline.extract import extract_facts
from pipeline.extract.plausibility import check_history
from pipeline.models import Fact


def test_share_above_100_is_flagged(watchlist):
    (f,) = extract_facts("2024年，智谱本地化部署的收入占比为185%。", watchlist)
    assert f.metric == "revenue_share.on_premise" and f.value == Decimal("185")
    assert f.reason and "100" in f.reason and f.confidence <= 0.2


def test_truncated_revenue_is_flagged(watchlist):
    (f,) = extract_facts("智谱2024年收入为21.9元。", watchlist)
    assert f.metric == "revenue" and f.value == Decimal("21.9")
    assert f.reason and "truncated" in f.reason and f.confidence <= 0.2


def test_history_check_flags_a_collapse():
    fact = Fact("zhipu", "daily_token_volume", "2025H2", Decimal("46000000"), "tokens/day", confidence=0.9)
    flagged = check_history(fact, Decimal("4600000000000"))
    assert flagged.confidence <= 0.2 and "100,000x below" in flagged.reason
    assert check_history(fact, Decimal("50000000")) == fact
    assert check_history(fact, None) == fact


def test_history_check_ignores_percentages():
    fact = Fact("zhipu", "revenue_share.cloud", "2025H1", Decimal("15.2"), "%")
    assert check_history(fact, Decimal("0.01")) == fact


def test_the_limits_are_read_as_decimals_once_and_a_word_for_a_limit_is_a_clear_error():
    from pipeline.extract.cues import load_cue_book

    book = load_cue_book("plausibility:\n  min_amount: 1000\n  flagged_confidence: 0.2\n")
    assert book.plausibility == {"min_amount": Decimal(1000), "flagged_confidence": Decimal("0.2")}
    with pytest.raises(ValueError, match="plausibility max_percent: 'a hundred' is not a number"):
        load_cue_book("plausibility:\n  max_percent: a hundred\n")
