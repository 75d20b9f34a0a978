"""Where to go and where my pay stands, against the OEWS rows (and the metro flat file)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from bot.advisor.frame import PAGE_SIZE
from bot.advisor.pay import pay_reply
from bot.advisor.where import place_ranking, places_reply
from bot.service import Careerbot
from store.codes import NATIONAL

pytestmark = pytest.mark.realdata

OCCUPATIONS = ["47-2111.00", "29-1141.00", "51-4121.00", "15-1252.00", "25-2021.00", "27-2011.00"]


@pytest.mark.parametrize("code", OCCUPATIONS)
@pytest.mark.parametrize(("metros", "within"), [(False, None), (True, None), (True, "TX")])
async def test_places_are_the_areas_sorted_by_their_published_median(
    careerbot: Careerbot,
    source: Any,
    checker: ModuleType,
    code: str,
    metros: bool,
    within: str | None,
) -> None:
    facts = (await careerbot.store.occupations([code]))[code]
    assert facts.wage_code is not None
    state = careerbot.places.find(within) if within else None
    ranked, hourly, _ = await place_ranking(careerbot, facts.wage_code, metros, state)
    expected = checker.place_ranking(source, code, "metro" if metros else "state", within)
    if hourly:  # actors: BLS publishes hourly pay only, and the checker ranks annual medians
        assert expected == []
        assert ranked
        return
    assert [(r.code, r.median) for r in ranked] == [(p, float(v)) for p, v in expected]


async def test_places_reply_shows_concentration_and_says_pay_is_nominal(
    careerbot: Careerbot, source: Any
) -> None:
    reply = await places_reply(careerbot, "47-2111.00")
    data = reply.to_json()
    first = data["places"][0]
    assert set(first) >= {
        "code",
        "name",
        "kind",
        "annual_median",
        "hourly_median",
        "employment",
        "jobs_per_1000",
        "location_quotient",
    }
    area = next(a for a, info in source.areas.items() if info["name"] == first["name"])
    row = source.wage("47-2111", area)
    assert first["annual_median"] == row["annual_median"]
    assert first["employment"] == row["employment"]
    assert first["jobs_per_1000"] is not None and first["location_quotient"] is not None
    assert "no cost-of-living adjustment" in reply.text
    assert data["area_kind"] == "state" and first["kind"] == "state"


async def test_metro_places_of_a_state_page_on(careerbot: Careerbot) -> None:
    texas = careerbot.places.find("TX")
    reply = await places_reply(careerbot, "51-4121.00", True, texas)
    assert reply.to_json()["within"] == "TX"
    assert all(", " in p["name"] and "TX" in p["name"] for p in reply.to_json()["places"])
    more = next(b.data for row in reply.buttons for b in row if b.label.startswith("Next"))
    page_two = await careerbot.press(more)
    assert page_two.kind == "places"
    assert page_two.to_json()["places"][0]["rank"] == PAGE_SIZE + 1


PAYS = [
    ("13-2011.00", "OH", [30_000, 55_000, 70_000, 90_000, 120_000, 400_000], False),
    ("31-1131.00", "TX", [10, 16, 18.5, 22, 30], True),
    ("15-1252.00", "42660", [90_000, 120_000, 170_000, 220_000], False),  # a metro
    ("29-1141.00", "16980", [30, 45, 60], True),
    ("25-2021.00", "FL", [40_000, 48_000, 75_000], False),
    ("11-3031.00", "US", [100_000, 250_000], False),
]


@pytest.mark.parametrize(("code", "area", "pays", "hourly"), PAYS)
async def test_a_pay_falls_between_the_published_percentiles_of_its_area(
    careerbot: Careerbot,
    source: Any,
    checker: ModuleType,
    code: str,
    area: str,
    pays: list[float],
    hourly: bool,
) -> None:
    oews_area = source.area_code(area)
    place = careerbot.places.by_code(oews_area) if oews_area != NATIONAL else None
    if place is not None and place.kind == "metro":
        source.want_metro_percentiles(code[:7], oews_area)
        source._metro_percentiles = None  # read them again, with this row wanted
    for pay in pays:
        reply = await pay_reply(careerbot, code, place, pay, hourly)
        position = reply.to_json()["position"]
        pair, _ = checker.percentile_pair(
            source, code, oews_area, pay, "hour" if hourly else "year"
        )
        assert pair is not None, (code, area, pay)
        assert (position["above_percentile"], position["below_percentile"]) == pair, pay
        assert position["area"] == area
        assert "careerbot's reading" in reply.text


async def test_a_top_coded_percentile_bounds_a_pay_below_it_and_is_unknown_above(
    careerbot: Careerbot, source: Any
) -> None:
    # Family medicine physicians in this metro: the 90th percentile is top-coded (footnote 5).
    area = "0024340"
    row = source.wage("29-1211", area)
    assert row["annual_p90"] is None and row["footnotes"]["annual_p90"] == "5"
    place = careerbot.places.by_code(area)
    below_top = await pay_reply(careerbot, "29-1211.00", place, row["annual_median"] + 1, False)
    assert below_top.to_json()["position"]["above_percentile"] == 50
    above_p75 = await pay_reply(careerbot, "29-1211.00", place, row["annual_p75"] + 1, False)
    position = above_p75.to_json()["position"]
    assert (position["above_percentile"], position["below_percentile"]) == (75, 100)
    assert position["unpublished"] == [90]
    assert "does not publish the 90th percentile" in above_p75.text
    assert "$239,200+" in above_p75.text  # the percentile row says what is known of it


def test_counts_of_places_read_as_english() -> None:
    from bot.advisor.where import _many

    assert _many(1, "states") == "1 state" and _many(1, "metro areas") == "1 metro area"
    assert _many(54, "states") == "54 states and territories"
    assert _many(12, "metro areas") == "12 metro areas"
