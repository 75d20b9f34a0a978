"""A question about a set of titles asked in the same message: found, and split in two."""

from __future__ import annotations

import pytest

from bot.conversation.followups import Measure, Move
from bot.conversation.question_first import set_in, split

TITLES = {"carpenter", "electrician", "nurse", "teacher", "more carpenter", "registered nurse"}


def is_title(text: str) -> bool:
    return text.strip() in TITLES


def no_place(_: str) -> None:
    return None


@pytest.mark.parametrize(
    ("text", "titles", "measure"),
    [
        ("carpenter vs electrician which pays more", "carpenter vs electrician", Measure.PAY),
        ("nurse or teacher, which needs less school?", "nurse or teacher", Measure.EDUCATION),
        ("which pays more carpenter or electrician", "carpenter or electrician", Measure.PAY),
        ("Which is better: nurse or teacher?", "nurse or teacher", Measure.BETTER),
        (
            "who makes more money, registered nurse or teacher",
            "registered nurse or teacher",
            Measure.PAY,
        ),
        ("nurse or teacher whats better", "nurse or teacher", Measure.BETTER),
        ("what pays more, carpenter or electrician", "carpenter or electrician", Measure.PAY),
        (
            "would i make more as a carpenter or electrician",
            "carpenter or electrician",
            Measure.PAY,
        ),
        ("do nurse or teacher earn more", "nurse or teacher", Measure.PAY),
        ("is nurse or teacher better", "nurse or teacher", Measure.BETTER),
    ],
)
def test_the_titles_and_the_question_are_told_apart(
    text: str, titles: str, measure: Measure
) -> None:
    asked = split(text, no_place, is_title)
    assert asked is not None
    assert asked.titles == titles
    assert asked.question.move == Move.ASK and asked.question.measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "which pays more",  # a follow-up: nothing to split
        "carpenter vs electrician",  # no question
        "which pays more, carpenter or juggler",  # a part that is no title
        "which carpenter or electrician",  # no measure: not a question about figures
        "nurse who wants to be a teacher",  # "who" starts no question here
    ],
)
def test_a_message_without_both_is_not_split(text: str) -> None:
    assert split(text, no_place, is_title) is None


def test_the_place_of_a_question_around_the_titles_goes_with_the_question() -> None:
    ohio = object()
    asked = split(
        "would i make less as a nurse or teacher in ohio",
        lambda text: ohio if text == "ohio" else None,  # type: ignore[arg-type, return-value]
        is_title,
    )
    assert asked is not None and asked.titles == "nurse or teacher"
    assert asked.question.place is ohio and asked.question.reverse


def test_a_choice_named_earlier_in_a_long_message_is_found() -> None:
    """ "… maybe electrician or carpenter but idk which one. … which is better": the longest
    words on each side of "or", in its clause, that are titles."""
    text = (
        "im 34 and sick of retail. thinking about the trades, maybe electrician or carpenter "
        "but idk which one. i have a hs diploma. which is better"
    )
    assert set_in(text, is_title) == "electrician or carpenter"
    assert set_in("registered nurse or teacher?", is_title) == "registered nurse or teacher"
    assert set_in("pizza or pasta tonight. which is better", is_title) is None


def test_a_question_before_a_comma_and_then_the_set() -> None:
    asked = split("which is easier to get into, nurse or teacher", no_place, is_title)
    assert asked is not None and asked.titles == "nurse or teacher"
    listed = split("what pays more: carpenter, nurse, or teacher", no_place, is_title)
    assert listed is not None and listed.titles.startswith("carpenter")
