"""store.queries and store.industries: the reads that are not plain lookups."""

from __future__ import annotations

import sqlite3

import pytest

from store import industries

TEXAS, OHIO = "48", "39"


# --------------------------------------------------------------------------- best-paying places


def nested(one: tuple[str, str], other: tuple[str, str]) -> bool:
    return industries._naics_nested(
        industries._industry_key(*one), industries._industry_key(*other)
    )


def test_industry_codes_nest_by_their_naics_digits_and_owner() -> None:
    assert nested(("482000", "Rail Transportation"), ("482100", "Rail Transportation"))
    assert nested(("221100", "Electric Power"), ("221111", "Hydroelectric Power Generation"))
    assert not nested(("482000", "Rail"), ("483000", "Water Transportation"))
    assert not nested(("221111", "Hydroelectric"), ("221112", "Fossil Fuel"))
    local = ("622003", "Hospitals, Local Government Owned")
    assert nested(
        local, ("622103", "General Medical and Surgical Hospitals, Local Government Owned")
    )
    assert not nested(local, ("622005", "Hospitals, Privately Owned"))
    assert nested(("622000", "Hospitals"), ("622105", "General Medical ..., Privately Owned"))


@pytest.mark.realdata
async def test_best_paying_industries_are_each_a_different_industry(careerbot) -> None:
    """Bill collectors' list used to show "Rail Transportation" twice (482000 and 482100)."""
    for soc in ["43-3011", "13-2072", "29-1141", "15-1252", "47-2111", "35-2014", "29-1242"]:
        ranked = (await careerbot.store.ranked_wages(soc, kind="I", limit=5)).ranked
        assert len(ranked) == 5
        names = [r.name for r in ranked]
        assert len(set(names)) == len(names), names
        for i, one in enumerate(ranked):
            assert not any(nested((one.code, one.name), (o.code, o.name)) for o in ranked[:i])
        medians = [r.median for r in ranked]
        assert medians == sorted(medians, reverse=True)


@pytest.mark.realdata
async def test_places_above_the_top_code_are_counted_not_left_out(
    careerbot, real_db_url: str
) -> None:
    """Cardiologists' median is top-coded in several states: they cannot be ranked by a
    figure BLS does not give, but they must not vanish from the 'best-paying' list."""
    path = real_db_url.split("///", 1)[1]
    with sqlite3.connect(path) as connection:
        (expected,) = connection.execute(
            "select count(*) from wage w join area a on a.code = w.area_code "
            "where w.soc_code = '29-1212' and a.kind = 'S' and w.industry_code = '000000' "
            "and w.annual_median is null and w.footnotes like '%annual_median=5%'"
        ).fetchone()
    assert expected > 0

    ranking = await careerbot.store.ranked_wages("29-1212", kind="S", limit=5)
    assert ranking.top_coded == expected
    assert len(ranking.ranked) == 5 and all(r.median is not None for r in ranking.ranked)
