"""bot.summary: the first answer's wording — what was asked, echoed safely, and the notes that
keep the figures honest (whose pay it is, where it is from)."""

from __future__ import annotations

from bot.places import Place, PlaceKind
from bot.render import Side, TopCode
from bot.replies import ReplyKind
from bot.summary import summary_text
from tests.support.facts import occupation, wages
from tests.support.telegram_html import assert_telegram_html

TOP = TopCode()
TEXAS = Place("4800000", PlaceKind.STATE, "Texas")
ENGINEERS = occupation(
    "Industrial Engineers", wages(annual_median=101140, employment=330000), code="17-2112.00"
)
NURSES = occupation(
    "Registered Nurses", wages(annual_median=93600, employment=3300000), code="29-1141.00"
)


def text_of(sides: list[Side], **notes: object) -> str:
    kind, text = summary_text(
        sides,
        place=notes.get("place"),  # type: ignore[arg-type]
        fell_back=notes.get("fell_back", []),  # type: ignore[arg-type]
        average=3.1,
        top=TOP,
        note=None,
        source="<i>Sources</i>",
    )
    assert kind == (ReplyKind.COMPARE if len(sides) > 1 else ReplyKind.PROFILE)
    assert_telegram_html(text)
    return text


def test_what_was_asked_is_escaped_in_the_heading_and_the_numbered_lines() -> None:
    text = text_of(
        [Side("R&D engineer", "x", ENGINEERS), Side("nurse <3", "y", NURSES)],
    )
    assert text.startswith("⚖️ <b>R&amp;D engineer</b> vs <b>nurse &lt;3</b>\n")
    assert "1. R&amp;D engineer → <b>Industrial Engineers</b>" in text
    assert "2. nurse &lt;3 → <b>Registered Nurses</b>" in text


def test_pay_from_an_aggregate_names_the_aggregate() -> None:
    web = occupation(
        "Web Administrators",
        wages(annual_median=109040),
        code="15-1299.01",
        aggregate="Computer Occupations, All Other",
    )
    text = text_of([Side("nurse", "x", NURSES), Side("web admin", "y", web)])
    assert (
        "<i>2. pay, jobs and growth: BLS's figures for Computer Occupations, All Other</i>" in text
    )
    assert "1. pay, jobs and growth" not in text


def test_an_occupation_without_local_pay_says_national_figures_are_shown() -> None:
    text = text_of(
        [Side("nurse", "x", NURSES), Side("engineer", "y", ENGINEERS)],
        place=TEXAS,
        fell_back=["Industrial Engineers"],
    )
    assert "📍 Pay and jobs in Texas; growth and education are national." in text
    assert "<i>No Texas pay figures for Industrial Engineers: national figures shown.</i>" in text


def test_when_no_pay_is_local_the_answer_does_not_claim_it_is() -> None:
    text = text_of(
        [Side("nurse", "x", NURSES), Side("engineer", "y", ENGINEERS)],
        place=TEXAS,
        fell_back=["Registered Nurses", "Industrial Engineers"],
    )
    assert "📍 Pay and jobs in Texas" not in text
    assert "No Texas pay figures for Registered Nurses, Industrial Engineers" in text
