"""How filings, newsletters and WeChat posts lay out figures the extractor had not read: rules found on
tests/blind18, pinned on tables and lists of our own.

Each test uses other companies, figures and wording than the article that showed the rule: a Chinese statement
whose last row stands under a heading of its own after a blank line, its labels lined up as a monospace font shows
them (a Chinese character two columns wide).
"""

from datetime import date
from decimal import Decimal

from tests.extract.conftest import unqualified_facts as facts

# --- a row after a blank line and a heading, lined up on screen -------------------------------------------------

STATEMENT_HK = (
    "稀宇極智截至2030年3月31日止三個月之未經審核業績公告\n\n"
    "2030年5月20日\n\n"
    "簡明綜合損益表\n"
    "（以美元千元列示）\n\n"
    "                               截至3月31日止三個月\n"
    "                              2030年        2029年\n"
    "收入                         208,410       151,330\n"
    "研發開支                    (96,200)      (88,750)\n"
    "期內虧損                    (61,900)      (74,020)\n"
    "\n"
    "非國際財務報告準則計量：\n"
    "經調整淨虧損                (33,150)      (45,870)\n"
)

STATEMENT_CN = (
    "月之暗面2030年上半年未经审计业绩\n\n"
    "2030年8月21日\n\n"
    "单位：人民币千元\n\n"
    "                               截至6月30日止六个月\n"
    "                              2030年        2029年\n"
    "营业收入                   4,912,600     2,688,300\n"
    "净亏损                   (1,802,500)   (2,240,900)\n"
    "\n"
    "非国际财务报告准则计量：\n"
    "经调整净亏损             (1,011,700)   (1,390,400)\n"
)


def test_a_row_under_its_own_heading_after_a_blank_line_stays_in_the_statement(watchlist):
    got = facts(STATEMENT_HK, watchlist, published=date(2030, 5, 20))
    assert {
        ("minimax", "adjusted_net_loss", "2030Q1", Decimal("33150000"), "USD"),
        ("minimax", "adjusted_net_loss", "2029Q1", Decimal("45870000"), "USD"),
        ("minimax", "net_loss", "2030Q1", Decimal("61900000"), "USD"),
    } <= got


def test_a_row_after_a_blank_line_lines_up_as_the_screen_shows_chinese_labels(watchlist):
    got = facts(STATEMENT_CN, watchlist, published=date(2030, 8, 21))
    assert {
        ("moonshot", "adjusted_net_loss", "2030H1", Decimal("1011700000"), "CNY"),
        ("moonshot", "adjusted_net_loss", "2029H1", Decimal("1390400000"), "CNY"),
    } <= got
