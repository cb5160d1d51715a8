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


def test_what_the_bundled_book_says_of_losses_counts_listings_and_hong_kong_prices():
    # binding asks the metric, not its id: an analyst's new metric can say the same of itself
    book = load_cue_book()
    assert {m for m, r in book.metrics.items() if r.loss} == {"net_loss", "adjusted_net_loss"}
    assert {m: r.counts for m, r in book.metrics.items() if r.counts} == {
        "daily_token_volume": "tokens/day", "token_volume": "tokens"}
    assert {m for m, r in book.metrics.items() if r.listing_day} == {"ipo_oversubscription"}
    assert {m for m, r in book.metrics.items() if r.hong_kong_yuan} == {"market_cap"}
    custom = load_cue_book("metrics:\n  operating_loss:\n    units: [currency]\n    loss: true\n    before: [经营亏损]\n"
                           "  weekly_token_volume:\n    units: [plain, tokens]\n    counts: tokens/week\n    before: [周调用量]\n")
    assert custom.metrics["operating_loss"].loss and not custom.metrics["weekly_token_volume"].loss
    assert custom.metrics["weekly_token_volume"].counts == "tokens/week"


def test_an_analysts_loss_metric_is_stated_as_a_positive_number(watchlist):
    from datetime import date

    from pipeline.extract import extract_facts

    # the analyst's own cue book in place of the bundled one
    book = load_cue_book("metrics:\n  operating_loss:\n    units: [currency]\n    loss: true\n    before: [经营亏损]\n")
    got = extract_facts("智谱2025年经营亏损为-3.1亿元。", watchlist, published=date(2026, 3, 1), book=book)
    assert [(f.metric, f.period, f.value, f.unit) for f in got] == [("operating_loss", "FY2025", 310000000, "CNY")]


def test_a_cue_books_own_plausibility_limits_apply_to_what_it_reads(watchlist):
    from datetime import date

    from pipeline.extract import extract_facts

    yaml = "metrics:\n  operating_loss:\n    units: [currency]\n    loss: true\n    before: [经营亏损]\n"
    text = "智谱2025年经营亏损为3.1亿元。"
    kept = extract_facts(text, watchlist, published=date(2026, 3, 1), book=load_cue_book(yaml))
    strict = extract_facts(text, watchlist, published=date(2026, 3, 1),
                           book=load_cue_book(yaml + "plausibility:\n  min_amount: 1000000000\n"))
    assert [(f.value, f.reason) for f in kept] == [(310000000, None)]
    assert [f.value for f in strict] == [310000000] and "too small" in strict[0].reason and strict[0].confidence <= 0.2
