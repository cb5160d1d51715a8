"""Message building: untrusted text is escaped, Slack's limits are kept (pure functions, no network)."""

from __future__ import annotations

import json

import pytest

from alerts.messages import (
    MAX_BLOCKS,
    build_digest_blocks,
    escape_mrkdwn,
    escape_plain,
    format_value,
    safe_link,
    trend_text,
    truncate,
)
from alerts.outbox import Digest, OutboxAlert

HOSTILE = "Big news <!channel> <!here> @everyone @Channel &amp; <http://evil.example|click me> <@U123>"


def _alert(key="k1", title="Zhipu: revenue FY2024 CNY 312.4M", body="Revenue moved +151% since FY2023.",
           quote="智谱2024年收入为3.124亿元", url="https://news.example.org/a", doc_title="An article",
           history=None, kind="change") -> OutboxAlert:
    payload = {"alert": {"unit": "CNY", "previous_period": "FY2023", "previous_value": 124.5e6,
                         "reason": "moved +151% since FY2023"},
               "evidence": [{"quote": quote, "document_url": url, "document_title": doc_title, "value": 312.4e6}],
               "history": history or [["FY2022", 57.4e6], ["FY2023", 124.5e6], ["FY2024", 312.4e6]]}
    return OutboxAlert(key, "amount_jump", "medium", "zhipu", "revenue", "FY2024", 312.4e6, title, body, quote,
                       url, doc_title, payload, 0, kind=kind)


@pytest.mark.parametrize("text, expected", [
    ("<!channel> alert", "&lt;!channel&gt; alert"),
    ("<!here>", "&lt;!here&gt;"),
    ("ping @everyone now", "ping @\u200beveryone now"),
    ("@channel and @HERE", "@\u200bchannel and @\u200bHERE"),
    ("<http://x|y>", "&lt;http://x|y&gt;"),
    ("R&D > 7x revenue", "R&amp;D &gt; 7x revenue"),
    ("email me@everyone.com", "email me@\u200beveryone.com"),
])
def test_escape_mrkdwn(text, expected):
    assert escape_mrkdwn(text) == expected


def test_plain_text_cannot_carry_mention_syntax():
    assert escape_plain("<!channel> @everyone") == "‹!channel› @\u200beveryone"


@pytest.mark.parametrize("url, label, expected", [
    ("https://news.example.org/a?x=1&y=2", "Title", "<https://news.example.org/a?x=1&amp;y=2|Title>"),
    ("https://a.example/p|q>r", "x|<b>", "<https://a.example/p%7Cq%3Er|x¦&lt;b&gt;>"),
    ("javascript:alert(1)", "click", "click (javascript:alert(1))"),
    ("file:///srv/inbox/a.md", "a.md", "a.md (file:///srv/inbox/a.md)"),
    (None, "<!channel>", "&lt;!channel&gt;"),
])
def test_safe_link(url, label, expected):
    assert safe_link(url, label) == expected


def test_a_hostile_article_pings_nobody_and_injects_no_link():
    alert = _alert(title=f"Zhipu: {HOSTILE}", body=HOSTILE, quote=HOSTILE, doc_title=HOSTILE,
                   url="https://news.example.org/a")
    text, blocks = build_digest_blocks(Digest("dg-1", "zhipu", "Zhipu <!channel>", [alert]))
    everything = json.dumps([text, blocks], ensure_ascii=False)
    for bad in ("<!channel>", "<!here>", "@everyone", "@Channel", "<http://evil.example", "<@U123>"):
        assert bad not in everything
    # The one link is ours, to the document, with the hostile title escaped as its label.
    links = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"] if "Source" in e["text"]]
    assert links == ["Source: <https://news.example.org/a|Big news &lt;!channel&gt; &lt;!here&gt; @\u200beveryone "
                     "@\u200bChannel &amp;amp; &lt;http://evil.example¦click me&gt; &lt;@U123&gt;>"]


def test_blocks_show_value_before_trend_quote_and_source():
    text, blocks = build_digest_blocks(Digest("dg-1", "zhipu", "Zhipu", [_alert()]))
    assert text == "Zhipu: revenue FY2024 CNY 312.4M"
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "emoji": True,
                                                    "text": "Zhipu: revenue FY2024 CNY 312.4M"}}
    section = blocks[1]
    assert section["text"]["text"] == (":large_orange_circle: *Zhipu: revenue FY2024 CNY 312.4M*\n"
                                       "Revenue moved +151% since FY2023.\n>智谱2024年收入为3.124亿元")
    fields = [f["text"] for f in section["fields"]]
    assert fields == ["*Value*\nCNY 312.4M (FY2024)", "*Before*\nCNY 124.5M (FY2023)",
                      "*Trend*\nFY2022 CNY 57.4M → FY2023 CNY 124.5M → FY2024 CNY 312.4M",
                      "*Severity*\nmedium"]
    assert blocks[2]["elements"][0]["text"] == "Source: <https://news.example.org/a|An article>"
    assert blocks[-1]["type"] == "context"


def test_slack_limits_hold_for_long_text_and_many_alerts():
    long = "收入" * 4000 + " & <tail>"
    alerts = [_alert(key=f"k{i}", title="T" * 400, body=long, quote=long) for i in range(12)]
    text, blocks = build_digest_blocks(Digest("dg-1", "zhipu", "Z" * 300, alerts))
    assert len(blocks) <= MAX_BLOCKS
    assert len(blocks[0]["text"]["text"]) <= 150
    sections = [b for b in blocks if b["type"] == "section"]
    assert len(sections) == 12
    assert all(len(b["text"]["text"]) <= 3000 for b in sections)
    assert all(len(f["text"]) <= 2000 for b in sections for f in b["fields"])
    assert len(text) <= 3000


def test_truncate_never_cuts_an_entity():
    assert truncate("abc &amp; def", 7) == "abc …"
    assert truncate("short", 10) == "short"


def test_values_and_trends_read_naturally():
    assert format_value(312_400_000, "CNY") == "CNY 312.4M"
    assert format_value(12e12, "tokens/day") == "12T tokens/day"
    assert format_value(84.65, "%") == "84.65%"
    assert format_value(7.0275, "x") == "7.027x"
    assert trend_text([["2025H1", 15.2], ["FY2025", 28.0]], "%") == "2025H1 15.2% → FY2025 28%"
