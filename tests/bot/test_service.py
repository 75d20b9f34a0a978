"""The core's replies: summaries, profiles, detail views, clarification and fallbacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.advisor.questions import recognise
from bot.callbacks import MAX_BYTES, decode
from bot.conversation import followups, phrasing
from bot.memory import READ_AT_MOST
from bot.parsing import parse as parsing_parse
from bot.render import MAX_TEXT
from bot.service import Careerbot
from bot.summary import summary_text
from bot.wording import ATTRIBUTION


def all_buttons(reply) -> list[str]:
    return [b.data for row in reply.buttons for b in row]


async def test_comparison_offers_every_detail_view(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("medical collections vs loss mitigation")
    views = {decode(data, careerbot.version).view for data in all_buttons(reply)}
    assert views == {
        "salary",
        "skills",
        "education",
        "duties",
        "demographics",
        "outlook",
        "similar",
        "switch",
        "chart",
        "location",
    }
    assert all(len(d.encode()) <= MAX_BYTES for d in all_buttons(reply))


@pytest.mark.parametrize(
    "view", ["salary", "skills", "education", "duties", "demographics", "outlook", "similar"]
)
async def test_each_detail_view_renders_both_occupations(careerbot: Careerbot, view: str) -> None:
    summary = await careerbot.answer("medical collections vs loss mitigation")
    data = next(d for d in all_buttons(summary) if decode(d, careerbot.version).view == view)
    detail = await careerbot.press(data)
    assert detail.kind == "detail"
    assert "Bill and Account Collectors" in detail.text and "Loan Officers" in detail.text
    assert len(detail.text) <= MAX_TEXT
    back = [d for d in all_buttons(detail) if decode(d, careerbot.version).view == "summary"]
    assert back, "every detail view has « Summary"
    again = await careerbot.press(back[0])
    assert again.kind == "compare" and "$47,030" in again.text
    assert "1. <b>Bill and Account Collectors</b>" in again.text  # not "X → X"


async def test_salary_view_shows_source_percentiles(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("collections specialist")
    data = next(d for d in all_buttons(summary) if decode(d, careerbot.version).view == "salary")
    text = (await careerbot.press(data)).text
    for figure in ("$34,400", "$39,010", "$47,030", "$56,740", "$65,580", "$22.61", "$49,060"):
        assert figure in text


async def test_education_view_says_which_share_o_net_withholds(careerbot: Careerbot) -> None:
    """O*NET flags registered nurses' bachelor's share (its largest) as too imprecise to show;
    listing the rest alone would read as if nurses mostly had certificates."""
    summary = await careerbot.answer("registered nurse")
    data = next(d for d in all_buttons(summary) if decode(d, careerbot.version).view == "education")
    text = (await careerbot.press(data)).text
    assert "Associate's Degree 19%" in text
    assert "Bachelor's Degree: share withheld by O*NET (low precision)" in text
    assert "56%" not in text  # the suppressed figure itself is never shown


async def test_salary_view_of_a_job_bls_reports_only_hourly(careerbot: Careerbot) -> None:
    """Actors are paid by the hour: no yearly column of 'not published', hourly rankings."""
    profile = await careerbot.answer("actor")
    (actors,) = profile.occupations
    median = actors["wages"]["hourly_median"]
    assert actors["wages"]["annual_median"] is None and median is not None
    data = next(d for d in all_buttons(profile) if decode(d, careerbot.version).view == "salary")
    text = (await careerbot.press(data)).text

    assert f"Median ${median:.2f}" in text and "BLS reports hourly pay only" in text
    assert "Percentile  Hourly" in text and "Yearly" not in text
    assert "not published" not in text
    states = text.split("Best-paying states</b> (median): ")[1].split("\n")[0]
    hourly_medians = [float(item.rsplit("$", 1)[1]) for item in states.split("; ")]
    assert len(hourly_medians) == 5 and hourly_medians == sorted(hourly_medians, reverse=True)


async def test_salary_view_counts_places_above_the_top_code(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("cardiologist")
    data = next(d for d in all_buttons(summary) if decode(d, careerbot.version).view == "salary")
    text = (await careerbot.press(data)).text
    ranking = await careerbot.store.ranked_wages("29-1212", kind="S", limit=5)
    assert ranking.top_coded > 0
    assert (
        f"and {ranking.top_coded} more states at $239,200+, where BLS gives no exact figure" in text
    )


async def test_profile_for_one_title(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("what do dental hygienists make?")
    assert reply.kind == "profile"
    (occupation,) = reply.occupations
    assert occupation["code"] == "29-1292.00"
    assert f"${occupation['wages']['annual_median']:,}" in reply.text


async def test_same_occupation_says_so_and_shows_what_differs(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("collections specialist vs medical collections")
    assert reply.kind == "compare"
    assert "same occupation" in reply.text
    assert "25th–75th percentile" in reply.text


async def test_three_titles_compact_view(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("nurse, teacher or plumber")
    assert [o["code"] for o in reply.occupations] == ["29-1141.00", "25-2021.00", "47-2152.00"]
    assert len(reply.text) <= MAX_TEXT


async def test_unknown_titles_get_a_friendly_answer_with_examples(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("asdfgh vs qwerty")
    assert reply.kind == "none"
    assert "asdfgh" in reply.text and "Try" in reply.text
    examples = await careerbot.press(all_buttons(reply)[0])
    assert examples.kind == "compare"


async def test_greetings_are_answered_kindly(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("hello")
    assert reply.kind == "smalltalk" and reply.text.startswith("Hi!")


async def test_unsure_title_asks_did_you_mean_and_a_tap_answers(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("nurse vs forklift")
    assert reply.kind == "clarify", reply.text
    choice = await careerbot.press(all_buttons(reply)[0])
    assert choice.kind == "compare"
    assert choice.occupations[0]["code"] == "29-1141.00"


async def test_user_text_is_escaped(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("<b>nurse</b> & <i>teacher</i> vs plumber")
    assert "<b>nurse</b> &" not in reply.text


@pytest.mark.parametrize("data", ["garbage", "1.zzzz.s.43301100", "1.abcd.s.99999999", ""])
async def test_forged_or_stale_buttons_expire_politely(careerbot: Careerbot, data: str) -> None:
    reply = await careerbot.press(data)
    assert reply.kind == "expired" and "expired" in reply.text


async def test_about_names_releases_and_onet_attribution(careerbot: Careerbot) -> None:
    text = careerbot.about().text
    for fact in (
        "O*NET 29.3",
        "May 2025",
        "2024-34",
        "CC BY 4.0",
        "USDOL/ETA",
        "U.S. Bureau of Labor Statistics",
    ):
        assert fact in text
    assert ATTRIBUTION.split(".")[0].format(onet="29.3") in text


async def test_repeated_questions_and_presses_are_served_from_memory(careerbot: Careerbot) -> None:
    """The career data only changes by a rebuild: a second identical read touches no table."""
    first = await careerbot.answer("welder vs machinist")
    data = next(b.data for row in first.buttons for b in row if "Salary" in b.label)
    first_detail = await careerbot.press(data)
    await careerbot.store.engine.dispose()  # any further query would open a new connection
    opened: list[object] = []
    from sqlalchemy import event

    event.listen(careerbot.store.engine.sync_engine, "connect", lambda *a: opened.append(a))
    assert (await careerbot.answer("welder vs machinist")).text == first.text
    assert (await careerbot.press(data)).text == first_detail.text
    assert opened == []


class Counting:
    """Wraps a function and counts its calls."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.function(*args, **kwargs)


async def test_a_summary_asked_again_is_rendered_once_per_place(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A popular comparison is asked again and again: its figures only change by a rebuild, so
    it is rendered once; another place is another summary; forgetting renders afresh."""
    first = await careerbot.answer("welder vs machinist")
    rendered = Counting(summary_text)
    monkeypatch.setattr("bot.answers.summary_text", rendered)
    assert await careerbot.answer("welder vs machinist") == first
    assert await careerbot.answer("machinists vs welders") != first  # another order
    assert rendered.calls == 1
    in_ohio = await careerbot.answer("welder vs machinist in ohio")
    assert rendered.calls == 2 and "Ohio" in in_ohio.text and in_ohio.text != first.text
    careerbot.forget_answers()
    assert (await careerbot.answer("welder vs machinist")).text == first.text
    assert rendered.calls == 3


async def test_a_message_sent_again_is_read_from_memory_unless_it_is_long(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = Counting(phrasing.read)
    moves = Counting(followups.recognize)
    parsed = Counting(parsing_parse)
    advice = Counting(recognise)
    monkeypatch.setattr("bot.advisor.recognise", advice)
    monkeypatch.setattr("bot.service.phrasing.read", read)
    monkeypatch.setattr("bot.service.followups.recognize", moves)
    monkeypatch.setattr("bot.answers.parse", parsed)
    first = await careerbot.answer("plumber vs electrician")
    counts = (read.calls, moves.calls, parsed.calls, advice.calls)
    assert all(counts)
    assert await careerbot.answer("plumber vs electrician") == first
    assert (read.calls, moves.calls, parsed.calls, advice.calls) == counts
    long = "plumber vs electrician " + "please " * (READ_AT_MOST // 7)
    for _ in range(2):
        await careerbot.answer(long)
    assert read.calls == counts[0] + 2  # a long message is not kept: read each time


async def test_other_phrasings_are_tried_only_when_the_text_does_not_read_right(
    careerbot: Careerbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = Counting(phrasing.place_in_words)
    monkeypatch.setattr("bot.service.phrasing.place_in_words", moved)
    await careerbot.answer("nurse vs teacher")
    assert moved.calls == 0  # titles as written: nothing to move
    reply = await careerbot.answer("nurse salary texas")
    assert moved.calls >= 1 and "Texas" in reply.text


async def test_similar_jobs_compare_each_with_the_occupation_it_relates_to(
    careerbot: Careerbot,
) -> None:
    summary = await careerbot.answer("medical collections vs loss mitigation")
    data = next(b.data for row in summary.buttons for b in row if "Similar" in b.label)
    similar = await careerbot.press(data)
    offers = [
        decode(b.data, careerbot.version)
        for row in similar.buttons
        for b in row
        if b.label.startswith("⚖️")
    ]
    assert {o.codes[0] for o in offers} == {"43-3011.00", "13-2072.00"}
    for offer in offers:
        base, related = offer.codes
        assert related in {r.code for r in await careerbot.store.related(base, limit=6)}


async def test_a_title_several_jobs_share_is_answered_as_its_usual_meaning_with_the_others_offered(
    careerbot: Careerbot,
) -> None:
    """ "Forklift operator" is written as such under several O*NET occupations: the answer
    reads it as industrial truck operators (the usual meaning) and offers the others to tap."""
    reply = await careerbot.answer("truck driver vs forklift operator")
    assert reply.kind == "compare"
    assert [o["code"] for o in reply.occupations] == ["53-3032.00", "53-7051.00"]
    assert "“forklift operator” can also mean another job" in reply.text
    other = next(b for row in reply.buttons for b in row if b.label.startswith("↔ Operating"))
    swapped = await careerbot.press(other.data)
    assert [o["code"] for o in swapped.occupations] == ["53-3032.00", "47-2073.00"]
