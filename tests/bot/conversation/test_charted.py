"""A chart asked for in the first message names the titles to draw."""

from __future__ import annotations

import pytest

from bot.conversation.charted import asked_for


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "can u make me a chart comparing welders machinists and millwrights pay in michigan",
            "welders machinists and millwrights in michigan",
        ),
        (
            "graph of bartender vs server vs barista pay in nevada pls",
            "bartender vs server vs barista in nevada",
        ),
        ("show me a chart of nurse vs teacher", "nurse vs teacher"),
        (
            "can you chart pay for roofers, glaziers and plasterers in utah",
            "roofers, glaziers and plasterers in utah",
        ),
        ("chart dietitians vs nutritionists", "dietitians vs nutritionists"),
        ("graph the salaries of bakers and butchers", "bakers and butchers"),
    ],
)
def test_a_chart_request_names_its_titles(text: str, titles: str) -> None:
    assert asked_for(text) == titles


@pytest.mark.parametrize(
    "text",
    ["show the chart", "nurse vs teacher", "chart", "what is a chart", "chart pay", "chart it"],
)
def test_other_messages_ask_for_no_chart_of_titles(text: str) -> None:
    assert asked_for(text) is None
