"""Metro answers from the real data: a metro has its pay range, and its chart real bars."""

from __future__ import annotations

import pytest

from bot.chart import Bar, axis_end
from bot.service import Careerbot
from tests.support.sources import oews_metro_value

pytestmark = pytest.mark.realdata

PLUMBERS = "47-2152.00"


async def test_a_metro_answer_has_its_pay_range_from_the_metro_file(
    careerbot: Careerbot, real_data_dir
) -> None:
    reply = await careerbot.answer("plumber in Seattle, WA")
    assert reply.extra["location"]["oews_area"] == "0042660"
    p10 = int(oews_metro_value(real_data_dir, "OEUM004266000000047215211"))
    p90 = int(oews_metro_value(real_data_dir, "OEUM004266000000047215215"))
    assert f"${p10:,} – ${p90:,}" in reply.text
    assert "not published" not in reply.text.split("Growth")[0]


async def test_a_metro_chart_draws_bars_on_a_real_axis(careerbot: Careerbot) -> None:
    place = careerbot.places.find("Seattle, WA")
    assert place is not None
    facts, _ = await careerbot.facts([PLUMBERS], place)
    wages = facts[PLUMBERS].wages
    assert wages is not None and wages.area_code == place.code
    assert axis_end([Bar("Plumbers", wages)], careerbot.top) > (wages.annual_p90 or 0)
    chart = await careerbot.chart([PLUMBERS], place)
    assert chart.photo is not None and "Seattle" in chart.text
