"""Which jobs use a tool, how to become X, is X a good bet — and follow-ups on an answer —
each checked against the rows it quotes."""

from __future__ import annotations

from typing import Any

import pytest

from bot import advisor
from bot.advisor.context import Previous
from bot.advisor.filters import Measure
from bot.advisor.frame import PAGE_SIZE
from bot.advisor.tools import tool_index, tools_reply
from bot.service import Careerbot
from store.codes import NATIONAL

pytestmark = pytest.mark.realdata


@pytest.mark.parametrize(
    ("asked", "example"),
    [
        ("python", "Python"),
        ("Excel", "Microsoft Excel"),
        ("sql", "Structured query language SQL"),
        ("autocad", "Autodesk AutoCAD"),
        ("salesforce", "Salesforce software"),
        ("epic", "Epic Systems"),
        ("microsoft word", "Microsoft Word"),
    ],
)
async def test_a_tool_is_found_as_people_write_it(
    careerbot: Careerbot, asked: str, example: str
) -> None:
    found = (await tool_index(careerbot)).find(asked)
    assert found is not None and found.name == example


@pytest.mark.parametrize("asked", ["the most openings", "a bachelors degree", "software", "zzz"])
async def test_words_that_name_no_tool_find_none(careerbot: Careerbot, asked: str) -> None:
    assert (await tool_index(careerbot)).find(asked) is None


async def test_jobs_using_a_tool_are_ranked_by_jobs_from_the_rows(
    careerbot: Careerbot, source: Any, real_db_url: str
) -> None:
    import sqlite3

    tool = (await tool_index(careerbot)).find("excel")
    assert tool is not None
    reply = await tools_reply(careerbot, tool, Measure.EMPLOYMENT)
    with sqlite3.connect(real_db_url.split("///", 1)[1]) as db:
        listing = {code for (code,) in db.execute(
            "select distinct code from technology where example = 'Microsoft Excel'")}  # fmt: skip
    ranked = [c for c in source.representatives if c in listing]
    jobs = {c: source.wage(source.occupations[c]["wage_code"], NATIONAL)["employment"]
            for c in ranked}  # fmt: skip
    expected = sorted((c for c in ranked if jobs[c] is not None), key=lambda c: (-jobs[c], c))
    assert [o["code"] for o in reply.occupations] == expected[:PAGE_SIZE]
    assert reply.to_json()["tool"]["name"] == "Microsoft Excel"
    more = next(b.data for row in reply.buttons for b in row if b.label.startswith("Next"))
    page_two = await careerbot.press(more)
    assert [o["code"] for o in page_two.occupations] == expected[PAGE_SIZE : 2 * PAGE_SIZE]


async def test_how_to_become_quotes_bls_and_o_net_and_sends_to_the_state(
    careerbot: Careerbot, source: Any
) -> None:
    reply = await careerbot.answer("how do i become an electrician")
    assert reply.kind == "howto"
    howto = reply.to_json()["howto"]
    projection = source.projections["47-2111"]
    assert howto["typical_education"] == "High school diploma or equivalent"
    assert projection["education"] == "high_school"
    assert howto["training"] == "Apprenticeship"
    assert "apprenticeship" in reply.text
    assert howto["job_zone"] == source.occupations["47-2111.00"]["job_zone"]
    assert "check your state's requirements" in reply.text
    for code in howto["stepping_stones"]:
        assert code in source.related["47-2111.00"]
        assert source.occupations[code]["job_zone"] < howto["job_zone"]


async def test_is_it_a_good_bet_quotes_tables_1_10_and_1_12(
    careerbot: Careerbot, real_db_url: str
) -> None:
    import sqlite3

    reply = await careerbot.answer("is welding a good career?")
    assert reply.kind == "prospects"
    data = reply.to_json()["prospects"]
    with sqlite3.connect(real_db_url.split("///", 1)[1]) as db:
        exit_rate, transfer_rate = db.execute(
            "select exit_rate, transfer_rate from separation where code = '51-4121'"
        ).fetchone()
        factors = [text for (text,) in db.execute(
            "select factor from utilization_factor where code = '51-4121'")]  # fmt: skip
    assert (data["exit_rate"], data["transfer_rate"]) == (exit_rate, transfer_rate)
    assert [f["text"] for f in data["factors"]] == factors
    assert factors and factors[0] in reply.text
    assert "not a verdict" in reply.text
    assert "all jobs" in reply.text


async def test_the_outlook_view_quotes_the_factors_too(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("welder")
    outlook = next(b.data for row in reply.buttons for b in row if "Outlook" in b.label)
    view = await careerbot.press(outlook)
    assert "Table 1.12" in view.text and "welding robotics" in view.text


async def test_follow_ups_read_the_previous_answer(careerbot: Careerbot) -> None:
    profile = await careerbot.answer("dental assistant")
    previous = Previous.from_reply(profile, careerbot.places)
    howto = await advisor.answer(careerbot, "how do i become one?", previous=previous)
    assert howto is not None and howto.kind == "howto"
    assert howto.occupations[0]["code"] == "31-9091.00"
    places = await advisor.answer(careerbot, "where do they make the most?", previous=previous)
    assert places is not None and places.kind == "places"
    similar = await advisor.answer(
        careerbot, "similar jobs that need less school", previous=previous
    )
    assert similar is not None and similar.to_json()["ranking"]["filters"] == {
        "similar_to": "31-9091.00",
        "less_school": True,
    }

    ranking = await careerbot.answer("highest paying jobs without a degree")
    previous = Previous.from_reply(ranking, careerbot.places)
    texas = await advisor.answer(careerbot, "what about in texas?", previous=previous)
    assert texas is not None
    before, after = ranking.to_json()["ranking"], texas.to_json()["ranking"]
    assert (after["measure"], after["filters"]) == (before["measure"], before["filters"])
    assert (before["area"], after["area"]) == ("US", "TX")
    openings = await advisor.answer(
        careerbot, "and which ones have the most openings", previous=previous
    )
    assert openings is not None and openings.to_json()["ranking"]["measure"] == "openings"
    assert openings.to_json()["ranking"]["filters"] == {"education_max": "postsecondary_nondegree"}


async def test_without_a_previous_answer_a_follow_up_is_not_the_advisors(
    careerbot: Careerbot,
) -> None:
    assert await advisor.answer(careerbot, "what about in texas?") is None
    assert await advisor.answer(careerbot, "how do i become one?") is None
    profile = await careerbot.answer("nurse vs teacher")
    previous = Previous.from_reply(profile, careerbot.places)
    assert await advisor.answer(careerbot, "what about in texas?", previous=previous) is None


async def test_every_button_of_every_advisor_answer_opens_something(
    careerbot: Careerbot,
) -> None:
    for question in (
        "highest paying jobs in ohio",
        "how do i become a paralegal",
        "best cities for welders",
        "i make 50k as a bookkeeper, is that good",
        "jobs that use excel",
        "is plumbing worth it",
    ):
        reply = await careerbot.answer(question)
        for row in reply.buttons:
            for b in row:
                assert len(b.data.encode()) <= 64
                pressed = await careerbot.press(b.data)
                assert pressed.kind != "expired", (question, b.label)


@pytest.mark.parametrize(
    ("asked", "code"),
    [
        ("is dental hygiene a good career", "29-1292.00"),
        ("is data science worth it", "15-2051.00"),
        ("how do i get into graphic design", "27-1024.00"),
        ("is pharmacy a good career", "29-1051.00"),
        ("how to get into software engineering", "15-1252.00"),
    ],
)
async def test_a_field_of_work_is_read_as_its_workers(
    careerbot: Careerbot, asked: str, code: str
) -> None:
    reply = await careerbot.answer(asked)
    assert reply.kind in ("prospects", "howto")
    assert reply.occupations[0]["code"] == code


async def test_a_list_says_what_it_cannot_be_filtered_by(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("best paying remote jobs")
    assert reply.kind == "rank" and "nothing on “remote”" in reply.text
