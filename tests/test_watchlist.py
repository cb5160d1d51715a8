"""The watchlist matcher: the relevance gate's quick path agrees with the full matcher, odd case folds included."""

import random

import pytest

from pipeline.watchlist import Company, Watchlist

WATCHLIST = Watchlist([
    Company("zhipu", ("智谱", "智譜AI", "Zhipu", "Z.ai", "Knowledge Atlas")),
    Company("moonshot", ("月之暗面", "Kimi", "Moonshot AI")),
    Company("deepseek", ("DeepSeek", "深度求索")),
])


def full(text: str) -> set[str]:
    return {cid for _, _, cid in WATCHLIST.find(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>ZHIPU and deepseek</p>", {"zhipu", "deepseek"}),
    ("智譜AI與月之暗面", {"zhipu", "moonshot"}),
    ("xzhipu or zhipux or kimis", set()),  # Latin aliases need word boundaries
    ("\u212aimi (Kelvin sign K)", {"moonshot"}),  # re.IGNORECASE folds these four onto ASCII letters
    ("K\u0130MI with a dotted capital I", {"moonshot"}),
    ("Deep\u017feek with a long s", {"deepseek"}),
    ("KNOWLEDGE ATLAS", {"zhipu"}),
    ("nothing watched here", set()),
])
def test_mentions_agrees_with_the_full_matcher(text, expected):
    assert WATCHLIST.mentions(text) == full(text) == expected


def test_mentions_agrees_on_random_text_with_odd_characters():
    rng = random.Random(11)
    alphabet = list("zhipuZHIPUkimiKIMIdeepsk .-aiAI智谱譜月之暗面深度求索") + ["\u0130", "\u0131", "\u017f", "\u212a", "ß"]
    names = ["Zhipu", "z.ai", "KIMI", "Kİmi", "deepſeek", "\u212aimi", "Moonshot AI", "xzhipu"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        if rng.random() < 0.4:
            text = text[: len(text) // 2] + rng.choice(names) + text[len(text) // 2:]
        assert WATCHLIST.mentions(text) == full(text), text


def test_an_alias_with_a_non_ascii_cased_letter_uses_the_full_matcher():
    accented = Watchlist([Company("acme", ("Ácme Labs",))])
    assert accented.mentions("news about ÁCME LABS today") == {"acme"}
    assert accented.mentions("nothing") == set()


def test_find_over_the_lowered_text_agrees_with_the_full_matcher():
    """find(text, lowered=...) runs the case-sensitive trie over the ASCII-lowered text: same spans, same ids."""
    from pipeline.extract.sentences import lower_ascii

    rng = random.Random(12)
    alphabet = list("zhipuZHIPUkimiKIMIdeepsk .-aiAI智谱譜月之暗面深度求索") + ["\u0130", "\u0131", "\u017f", "\u212a", "ß", "É"]
    names = ["Zhipu", "z.ai", "KIMI", "Kİmi", "deepſeek", "\u212aimi", "Moonshot AI", "MOONSHOT  AI", "xzhipu", "智譜AI"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        if rng.random() < 0.5:
            text = text[: len(text) // 2] + rng.choice(names) + text[len(text) // 2:]
        assert WATCHLIST.find(text, lowered=lower_ascii(text)) == WATCHLIST.find(text), text
    assert WATCHLIST.find("ZHIPU, Kimi", lowered="zhipu, kimi") == [(0, 5, "zhipu"), (7, 11, "moonshot")]


@pytest.mark.parametrize(("text", "expected"), [
    ("DeepSeek2025年营收7900万美元", [(0, 8, "deepseek")]),  # a year glued to the name in Chinese typesetting
    ("据悉Zhipu2024财年收入", [(2, 7, "zhipu")]),
    ("Kimi2 and Kimi2025 and DeepSeek2025x", []),  # a model, a code, not a year of 年
    ("Kimi 2025年", [(0, 4, "moonshot")]),
])
def test_a_latin_alias_glued_to_a_year_of_nian_is_a_mention(text, expected):
    from pipeline.extract.sentences import lower_ascii

    assert WATCHLIST.find(text) == WATCHLIST.find(text, lowered=lower_ascii(text)) == [
        (s, e, cid) for s, e, cid in expected]
