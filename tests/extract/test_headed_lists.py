"""A metric, unit or period named once over a list, carried to every "label: figure" line under it.

A heading, a caption, a lead-in line or a slide title names what the lines under it count ("6月各家日均调用量（万亿
tokens）：", "### Daily tokens (trillion)", "单位：亿美元"); each line names only a company and its figure, with or
without a bullet ("智谱 412", "Zhipu — 405", "DeepSeek | 243"). The caption's metric, its unit and magnitude, and the
period it names apply to every such line until the list ends; a sum over the companies, an estimate, a share price,
a company not watched and the story's prose after the list take nothing from it. Texts of our own.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.extract.conftest import facts, unqualified_facts

T = Decimal(10) ** 12  # 万亿 / trillion
JUL, SEP = date(2031, 7, 10), date(2031, 9, 10)


def test_numbered_list_under_a_colon_lead_in_with_its_unit_in_brackets(watchlist):
    text = "6月各家日均调用量（万亿tokens）：\n1. 智谱 412\n2. DeepSeek 236\n3. MiniMax 151\n4. 月之暗面 139\n"
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-06", 412 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-06", 236 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-06", 151 * T, "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-06", 139 * T, "tokens/day"),
    }


def test_bullets_under_a_markdown_heading_naming_metric_and_magnitude(watchlist):
    text = ("Weekly note, June 2031\n\n### Daily tokens (trillion)\n\n- Zhipu: 398\n- DeepSeek: 228\n- Kimi: 133\n\n"
            "That's all for this week.\n")
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-06", 398 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-06", 228 * T, "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-06", 133 * T, "tokens/day"),
    }


def test_company_dash_figure_lines_under_a_slide_title(watchlist):
    text = ("[Slide 7] Average daily token volume, May 2031 (trillion tokens)\n"
            "Zhipu — 405\nDeepSeek — 231\nMiniMax — 149\nMoonshot AI — 136\n")
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-05", 405 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-05", 231 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-05", 149 * T, "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-05", 136 * T, "tokens/day"),
    }


def test_plain_ranking_under_a_unit_line_takes_the_metric_and_day_of_the_line_above(watchlist):
    text = "截至7月31日收盘，各公司市值如下：\n单位：亿港元\n智谱 10,240\n月之暗面 9,310\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "market_cap", "2031-07-31", Decimal("1024000000000"), "HKD"),
        ("moonshot", "market_cap", "2031-07-31", Decimal("931000000000"), "HKD"),
    }


def test_a_unit_line_naming_what_is_counted_is_the_metric(watchlist):
    text = "8月各家排名如下：\n单位：万亿tokens/日\n智谱 435\nDeepSeek 251\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    }
    # a unit alone, with no metric in sight, says nothing of what the figures are
    assert facts("本周简报\n\n单位：亿美元\n智谱 1,386\nMiniMax 903\n", watchlist, published=SEP) == set()


def test_heading_naming_metric_and_month_over_lines_of_company_and_figure(watchlist):
    text = "2031年5月日均token调用量\n智谱：418万亿\nDeepSeek：240万亿\nMiniMax：156万亿\n"
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-05", 418 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-05", 240 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-05", 156 * T, "tokens/day"),
    }


def test_a_month_in_the_caption_dates_a_rate_held_at_its_end(watchlist):
    text = "2031年7月各家ARR（单位：亿美元）\n月之暗面：61.5\nOpenRouter：13.8\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("moonshot", "arr", "2031-07", Decimal("6150000000"), "USD"),
        ("openrouter", "arr", "2031-07", Decimal("1380000000"), "USD"),
    }


def test_an_earlier_month_in_brackets_after_the_figure(watchlist):
    text = "Daily tokens, August 2031 (trillion)\nZhipu: 435 (July: 421)\nDeepSeek: 251 (July: 244)\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("zhipu", "daily_token_volume", "2031-07", 421 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-07", 244 * T, "tokens/day"),
    }


def test_the_caption_says_what_month_its_brackets_hold(watchlist):
    text = "各家8月日均调用量（括号内为7月，单位：万亿）\n智谱：435（421）\nDeepSeek：251（244）\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("zhipu", "daily_token_volume", "2031-07", 421 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-07", 244 * T, "tokens/day"),
    }


def test_a_bracketed_figure_of_a_month_not_told_is_not_the_captions(watchlist):
    text = "ARR at end of June (US$ million), prior month in brackets:\nMoonshot AI: 6,120 (5,870)\nOpenRouter: 1,340 (1,290)\n"
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("moonshot", "arr", "2031-06", Decimal("6120000000"), "USD"),
        ("openrouter", "arr", "2031-06", Decimal("1340000000"), "USD"),
    }


def test_a_line_naming_its_own_period_after_the_company(watchlist):
    text = "Daily tokens (trillion)\nZhipu, August 2031: 435\nDeepSeek, August 2031: 251\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    }


def test_english_caption_with_currency_and_magnitude_over_quarter_figures(watchlist):
    text = "Revenue, 2Q31 (RMB million)\nZhipu: 2,850\nMiniMax: 1,930\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "revenue", "2031Q2", Decimal("2850000000"), "CNY"),
        ("minimax", "revenue", "2031Q2", Decimal("1930000000"), "CNY"),
    }
    text = "Market value at the July 31 close (HK$ billion)\nZhipu — 1,024\nMiniMax — 702\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "market_cap", "2031-07-31", Decimal("1024000000000"), "HKD"),
        ("minimax", "market_cap", "2031-07-31", Decimal("702000000000"), "HKD"),
    }


def test_pipe_rows_without_a_header_under_a_caption(watchlist):
    text = "6月日均调用量排名（单位：万亿tokens/日）\n智谱 | 420\nDeepSeek | 243\n"
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-06", 420 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-06", 243 * T, "tokens/day"),
    }


def test_sums_estimates_prices_and_companies_not_watched_take_nothing(watchlist):
    text = ("## 8月日均token调用量\n单位：万亿\n- 智谱：435\n- MiniMax：166\n- 合计：601\n- DeepSeek（2031E）：500\n"
            "- MiniMax est.: 300\n- 智谱股价：128港元\n- Doubao：610\n")
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-08", 166 * T, "tokens/day"),
    }
    text = "2031年8月日均调用量（万亿）\n智谱 435\nDeepSeek 251\n四家合计 1,020\nDeepSeek（预测）280\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    }


def test_prose_after_the_list_inherits_nothing(watchlist):
    text = ("2031年8月日均调用量（万亿）\n智谱 435\nDeepSeek 251\n\nMiniMax 300万亿的目标有望年底实现。\n"
            "MiniMax表示，截至8月底公司员工约1,250人。\n")
    got = unqualified_facts(text, watchlist, published=SEP)
    assert {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    } <= got
    assert not any(c == "minimax" and m == "daily_token_volume" for c, m, *_ in got)


def test_one_line_of_companies_and_figures_under_a_lead_in(watchlist):
    text = "Daily token volume in June, trillions:\nZhipu 430, DeepSeek 250, MiniMax 160 and Kimi 140.\n" \
           "Combined, the four reached 980.\n"
    assert unqualified_facts(text, watchlist, published=JUL) == {
        ("zhipu", "daily_token_volume", "2031-06", 430 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-06", 250 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-06", 160 * T, "tokens/day"),
        ("moonshot", "daily_token_volume", "2031-06", 140 * T, "tokens/day"),
    }


def test_a_chart_told_in_prose_gives_its_title_to_the_companies_and_figures_listed_after_it(watchlist):
    text = ('The chart was titled "Daily tokens by lab, August 2031 (trillions; rounded)". From left to right: '
            "Zhipu 435, DeepSeek 251, MiniMax 166.\n")
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
        ("minimax", "daily_token_volume", "2031-08", 166 * T, "tokens/day"),
    }
    text = "各家8月日均调用量（万亿tokens）如下。智谱 435，DeepSeek 251，MiniMax 166。\n"
    assert ("minimax", "daily_token_volume", "2031-08", 166 * T, "tokens/day") in unqualified_facts(text, watchlist, published=SEP)
    # a metric counted in money gives bare figures nothing
    assert unqualified_facts("智谱8月收入32亿元。DeepSeek 251，MiniMax 166。", watchlist, published=SEP) == {
        ("zhipu", "revenue", "2031-08", Decimal("3200000000"), "CNY")}


def test_a_caption_calling_its_figures_approximate_qualifies_each(watchlist):
    text = "Daily tokens, August 2031 (trillion, approx.)\nZhipu: 435\nDeepSeek: 251\n"
    assert facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day", "approx"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day", "approx"),
    }


def test_places_of_a_ranking_are_marks_not_figures(watchlist):
    for text in ("2031年8月日均调用量\nNo.1 智谱：435万亿\nNo.2 DeepSeek：251万亿\n",
                 "2031年8月日均调用量\n第1名 智谱 435万亿\n第2名 DeepSeek 251万亿\n",
                 "2031年8月各家日均调用量\n#1 Zhipu — 435 trillion\n#2 DeepSeek — 251 trillion\n"):
        assert unqualified_facts(text, watchlist, published=SEP) == {
            ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
            ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
        }, text


def test_a_name_run_into_its_figure(watchlist):
    text = "2031年8月日均调用量\n智谱约435万亿\nDeepSeek为251万亿\n"
    assert facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day", "approx"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day", "eq"),
    }


def test_a_note_under_the_list_gives_what_its_heading_leaves_out(watchlist):
    text = "2031年8月\n智谱 435\nDeepSeek 251\n注：单位为万亿tokens/日\n\n智谱预计9月达到450万亿。\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    }


def test_headings_in_bold_numbered_or_naming_a_top_n(watchlist):
    two = {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day"),
    }
    for text in ("**Daily tokens, August 2031 (trillion)**\nZhipu: 435\nDeepSeek: 251\n",
                 "2031年8月日均调用量TOP2（万亿）\n智谱 435\nDeepSeek 251\n",
                 "日均调用量（万亿tokens）\n智谱（8月）：435\nDeepSeek（8月）：251\n"):
        assert unqualified_facts(text, watchlist, published=SEP) == two, text
    text = "1. 2031年8月日均调用量（万亿）\n- 智谱：435\n- DeepSeek：251\n\n2. 2031年8月ARR（亿美元）\n- 月之暗面：61.5\n"
    assert unqualified_facts(text, watchlist, published=SEP) == two | {("moonshot", "arr", "2031-08", Decimal("6150000000"), "USD")}


def test_the_head_noun_of_the_caption_wins_and_a_measure_beside_the_metric_leaves_it_open(watchlist):
    text = "2031年二季度收入同比增速\n智谱 52.3%\nMiniMax 48.1%\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "revenue_growth", "2031Q2", Decimal("52.3"), "%"),
        ("minimax", "revenue_growth", "2031Q2", Decimal("48.1"), "%"),
    }
    # market value or share price: the bare figure could be either
    text = "8月31日市值与股价（港元）\n智谱 128.5\nDeepSeek 96.2\n\n8月31日市值（亿港元）\n智谱 10,240\n"
    assert unqualified_facts(text, watchlist, published=SEP) == {
        ("zhipu", "market_cap", "2031-08-31", Decimal("1024000000000"), "HKD")}


def test_a_signed_change_after_the_figure_is_no_more_than(watchlist):
    text = "8月日均调用量（万亿）及环比\n智谱 435 +3.1%\nDeepSeek 251 +2.4%\n"
    assert facts(text, watchlist, published=SEP) == {
        ("zhipu", "daily_token_volume", "2031-08", 435 * T, "tokens/day", "eq"),
        ("deepseek", "daily_token_volume", "2031-08", 251 * T, "tokens/day", "eq"),
    }
