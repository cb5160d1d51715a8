"""Guards that skip a search by the character before a period rely on how the searched pattern ends: pinned here, so
that a pattern changed to end otherwise fails a test instead of being skipped in silence."""

import re

import pytest

from pipeline.extract import binding, periods


@pytest.mark.parametrize(("pattern", "ends"), [
    (binding._PART_BEFORE, (r"\s$",)),
    (binding._EVENT_BEFORE, (r"\s$",)),
    (binding._BACK_BEFORE, (r")\s|早在\s?)$",)),
    (periods._FROM_LEVEL, (r"\s)$",)),
])
def test_a_guarded_pattern_ends_on_what_its_guard_tests(pattern: re.Pattern, ends: tuple[str, ...]):
    assert pattern.pattern.endswith(ends)


def test_the_guards_answer_as_the_searches_do():
    text = "Revenue, of which 40% came in 2024. The model released in March. Back in 2022, 早在2021年, from 3% in 2020."
    for at in range(1, len(text)):
        p = periods.PeriodMention(at, at + 4, "flow", "2024", (2024,))
        assert binding._event_month(text, p) == bool(binding._EVENT_BEFORE.search(text, max(0, at - 14), at))
        assert binding._looks_back(text, p) == bool(binding._BACK_BEFORE.search(text, max(0, at - 22), at))
        assert periods._from_level(text, at) == bool(periods._FROM_LEVEL.search(text, max(0, at - 40), at))
