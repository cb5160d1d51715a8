"""The cue book as an analyst extends it: what cues.yaml's keys make of the words listed under them."""

from pipeline.extract.cues import load_cue_book


def test_on_trading_day_cues_are_cues_of_their_metric_and_kept_apart():
    # an analyst adds "valued by the market at" to market_cap's on_trading_day list: a cue of the metric, written
    # before the number, that binding treats as "valued at" (a market value only on a trading day)
    book = load_cue_book("metrics:\n  market_cap:\n    units: [currency]\n    instant: true\n"
                         "    before: [市值]\n    on_trading_day: [Valued by the market at]\n")
    assert book.metrics["market_cap"].on_trading_day == frozenset({"valued by the market at"})
    text = "zhipu was valued by the market at hk$250 billion"
    found = book.find(text, 0, len(text))
    assert [(text[c.start:c.end], c.role, c.names) for c in found] == [
        ("valued by the market at", "metric", ("market_cap",))]
