"""Questions about the set answered from the figures (bot.conversation.facts), quoted."""

from __future__ import annotations

from dataclasses import replace

from bot.conversation.facts import answer
from bot.render import TopCode
from store.facts import ProjectionFacts
from tests.support.facts import occupation, wages
from tests.support.telegram_html import assert_telegram_html

TOP = TopCode()


def projection(growth: float, education: str) -> ProjectionFacts:
    return ProjectionFacts("x", "x", 1.0, 1.0, 0.0, growth, 1.0, None, education, "None", None)


NURSES = replace(
    occupation(
        "Registered Nurses", wages(annual_median=97550, employment=3_300_000), code="29-1141.00"
    ),
    projection=projection(4.9, "Bachelor's degree"),
)
TEACHERS = replace(
    occupation("Teachers", wages(annual_median=63970, employment=1_400_000), code="25-2021.00"),
    projection=projection(-0.4, "Bachelor's degree"),
)
AIDES = replace(
    occupation(
        "Nursing Assistants", wages(annual_median=39530, employment=1_300_000), code="31-1131.00"
    ),
    projection=projection(2.0, "Postsecondary nondegree award"),
)


def ask(*occupations: object, measure: str, where: str = "Ohio") -> tuple[str, str | None]:
    found = answer(list(occupations), measure, where, TOP, "May 2025", 3.1)  # type: ignore[arg-type]
    assert_telegram_html(found.text)
    return found.text, found.favoured


def test_which_pays_more_names_the_figures_and_marks_the_difference_computed() -> None:
    text, favoured = ask(NURSES, TEACHERS, measure="pay")
    assert favoured == "29-1141.00"
    assert "$97,550" in text and "$63,970" in text and "Ohio" in text
    assert "computed from these figures: $33,580 a year (52%)" in text


def test_a_tiny_difference_is_about_the_same() -> None:
    close = replace(TEACHERS, wages=wages(annual_median=97100))
    text, favoured = ask(NURSES, close, measure="pay")
    assert "about the same" in text and favoured == "29-1141.00"


def test_a_missing_figure_is_said_and_nothing_ranked() -> None:
    unknown = replace(TEACHERS, wages=None)
    text, favoured = ask(NURSES, unknown, measure="pay")
    assert favoured is None and "publishes no median pay for <b>Teachers</b>" in text


def test_jobs_growth_and_school() -> None:
    assert ask(NURSES, TEACHERS, measure="jobs")[1] == "29-1141.00"
    text, favoured = ask(NURSES, TEACHERS, AIDES, measure="growth")
    assert favoured == "29-1141.00" and "All jobs: +3.1%" in text
    assert ask(NURSES, AIDES, measure="education")[1] == "31-1131.00"
    assert ask(NURSES, AIDES, measure="education+")[1] == "29-1141.00"
    assert ask(NURSES, TEACHERS, measure="education")[1] is None  # both a bachelor's


def test_the_other_way_round_favours_the_lower_figure() -> None:
    text, favoured = ask(NURSES, TEACHERS, measure="pay-")
    assert favoured == "25-2021.00" and "<b>Teachers</b> earn less" in text
    assert "computed from these figures: $33,580 a year (52%)" in text  # the gap is the same
    assert ask(NURSES, TEACHERS, measure="jobs-")[1] == "25-2021.00"
    assert ask(NURSES, TEACHERS, AIDES, measure="growth-")[1] == "25-2021.00"


def test_openings_are_the_projected_openings_a_year() -> None:
    many = replace(NURSES, projection=replace(NURSES.projection, openings=189.1))  # type: ignore[type-var]
    text, favoured = ask(many, TEACHERS, measure="openings")
    assert favoured == "29-1141.00" and "189,100" in text and "Employment Projections" in text
    assert ask(many, TEACHERS, measure="openings-")[1] == "25-2021.00"


def test_which_is_better_gets_the_trade_off_and_no_verdict() -> None:
    text, favoured = ask(NURSES, TEACHERS, measure="better")
    assert favoured is None and "depends on what matters to you" in text
    assert "$97,550" in text and "+4.9%" in text and "bachelor's degree" in text
