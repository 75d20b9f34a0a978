"""One job in several places: the same occupation side by side in each place (table + chart)."""

from __future__ import annotations

import pytest

from bot import across
from bot.callbacks import MAX_BYTES, decode
from bot.replies import Reply
from bot.service import Careerbot
from tests.support.sources import oews_value

pytestmark = pytest.mark.realdata

TEACHERS = "25-2021.00"


def by_view(careerbot: Careerbot, reply: Reply, view: str) -> str:
    return next(
        b.data
        for row in reply.buttons
        for b in row
        if decode(b.data, careerbot.version).view == view
    )


@pytest.mark.parametrize(
    "question",
    [
        "teacher in Texas vs teacher in California",
        "elementary school teacher pay in Texas vs California",
    ],
)
async def test_one_job_in_two_places_is_compared_place_by_place(
    careerbot: Careerbot, question: str, real_data_dir
) -> None:
    reply = await careerbot.answer(question)
    assert reply.kind == "compare"
    assert [o["code"] for o in reply.occupations] == [TEACHERS, TEACHERS]
    assert [p["name"] for p in reply.extra["places"]] == ["Texas", "California"]
    texas = int(oews_value(real_data_dir, "OEUS480000000000025202113"))
    california = int(oews_value(real_data_dir, "OEUS060000000000025202113"))
    assert [o["wages"]["annual_median"] for o in reply.occupations] == [texas, california]
    assert f"${texas:,}" in reply.text and f"${california:,}" in reply.text
    assert "Texas vs California" in reply.text
    gap = california - texas
    assert f"In California, elementary school teachers earn about ${gap:,}" in reply.text
    assert "growth and education are national" in reply.text


async def test_three_places_and_the_colon_form(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("electrician: Ohio vs Florida vs Texas")
    assert [p["name"] for p in reply.extra["places"]] == ["Ohio", "Florida", "Texas"]
    assert reply.text.count("Growth to 2034") == 3


async def test_the_chart_and_the_views_keep_the_places(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("nurse pay in Texas vs California")
    assert all(len(b.data.encode()) <= MAX_BYTES for row in reply.buttons for b in row)
    assert not any("Location" in b.label for row in reply.buttons for b in row)
    chart_data = by_view(careerbot, reply, "chart")
    pairs = across.unpack(*(lambda a: (a.codes, a.state))(decode(chart_data, careerbot.version)))
    assert pairs == [("29-1141.00", "4800000"), ("29-1141.00", "0600000")]
    chart = await careerbot.press(chart_data)
    assert chart.photo is not None and "Texas vs California" in chart.text
    skills = await careerbot.press(by_view(careerbot, reply, "skills"))
    back = await careerbot.press(by_view(careerbot, skills, "summary"))
    assert [p["name"] for p in back.extra["places"]] == ["Texas", "California"]


async def test_forged_places_expire(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("nurse pay in Texas vs California")
    data = by_view(careerbot, reply, "chart")
    for state in ("P48", "P48-99999", "Pxx-06", "P48-06-12-13-15"):
        forged = ".".join([*data.split(".")[:5], state])
        assert (await careerbot.press(forged)).kind == "expired"
