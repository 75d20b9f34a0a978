"""Rankings equal sorting the source rows under the stated filters — checked against an
independent computation (bench/eval/check_advisor.py) and, for pay, the OEWS flat file itself."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.advisor import RankQuery, rank, rank_reply
from bot.advisor.filters import Education, Filters, Measure
from bot.advisor.frame import PAGE_SIZE
from bot.callbacks import decode
from bot.service import Careerbot
from handlers.keyboards import check_callback_data
from store.codes import NATIONAL

pytestmark = pytest.mark.realdata

TEXAS, SEATTLE = "4800000", "0042660"
FILTERS = [
    Filters(),
    Filters(education_max=Education.POSTSECONDARY),
    Filters(education=Education.ASSOCIATE),
    Filters(education_min=Education.MASTER),
    Filters(experience_none=True),
    Filters(fields=("29", "31")),
    Filters(fields=("15",), min_pay=100_000),
    Filters(min_hourly=25.0, education_max=Education.HIGH_SCHOOL),
    Filters(similar_to="29-1051.00", less_school=True),
    Filters(similar_to="13-2011.00"),
    Filters(min_pay=80_000, experience_none=True),
]


@pytest.mark.parametrize(
    ("measure", "area"),
    list(itertools.product(Measure, (NATIONAL, TEXAS, SEATTLE))),
)
async def test_every_ranking_is_the_source_rows_sorted_under_its_filters(
    careerbot: Careerbot, source: Any, checker: ModuleType, measure: Measure, area: str
) -> None:
    for filters in FILTERS:
        ranking = await rank(careerbot, RankQuery(measure, area, filters))
        got = [(r.occupation.code, r.value) for r in ranking.ranked]
        expected = checker.ranking(source, measure.value, area, filters.json())
        assert got == [(code, float(value)) for code, value in expected], filters
    # A filter that keeps something, so the comparison above is not of two empty lists.
    assert await rank(careerbot, RankQuery(measure, area, FILTERS[1]))


async def test_national_pay_ranking_matches_the_oews_flat_file(
    careerbot: Careerbot, real_data_dir: Path
) -> None:
    """Read the published national medians straight from bls/oews/oe.data.2025A01."""
    medians: dict[str, float] = {}
    with (real_data_dir / "bls" / "oews" / "oe.data.2025A01").open(encoding="utf-8") as rows:
        for line in rows:
            if line.startswith("OEUN0000000000000") and line[23:25] == "13":
                series, _year, _period, value, *_ = line.rstrip("\n").split("\t")
                if value not in ("", "-"):
                    medians[f"{series[17:19]}-{series[19:23]}"] = float(value)
    ranking = await rank(careerbot, RankQuery(Measure.ANNUAL, NATIONAL, Filters()))
    ranked_socs = [r.occupation.soc_code for r in ranking.ranked]
    expected = sorted(ranked_socs, key=lambda soc: (-medians[soc], soc))
    assert ranked_socs == expected
    assert [r.value for r in ranking.ranked] == [medians[soc] for soc in ranked_socs]
    # Every published detailed median is ranked: the rest are aggregates (O*NET has no
    # occupation of their own) or the all-occupations row.
    assert len(ranked_socs) > 700


async def test_what_is_left_out_is_counted_not_hidden(careerbot: Careerbot, source: Any) -> None:
    ranking = await rank(careerbot, RankQuery(Measure.ANNUAL, NATIONAL, Filters()))
    top_coded = [
        code
        for code in source.representatives
        if (w := source.wage(source.occupations[code]["wage_code"], NATIONAL))
        and w["annual_median"] is None
        and w["footnotes"].get("annual_median") == "5"
    ]
    assert ranking.top_coded == len(top_coded)
    reply = await rank_reply(careerbot, RankQuery(Measure.ANNUAL, NATIONAL, Filters()))
    assert "Left out:" in reply.text and "no cost-of-living" in reply.text
    assert "BLS OEWS May 2025" in reply.text and "Ranked by median annual pay" in reply.text


async def test_reply_json_names_the_ranking_and_lists_the_page_in_order(
    careerbot: Careerbot,
) -> None:
    query = RankQuery(Measure.ANNUAL, TEXAS, Filters(education=Education.ASSOCIATE))
    reply = await rank_reply(careerbot, query)
    data = reply.to_json()
    assert data["kind"] == "rank"
    assert data["ranking"]["measure"] == "annual_median"
    assert data["ranking"]["area"] == "TX"
    assert data["ranking"]["filters"] == {"education": "associate"}
    ranking = await rank(careerbot, query)
    assert [o["code"] for o in data["occupations"]] == [
        r.occupation.code for r in ranking.ranked[:PAGE_SIZE]
    ]
    first = data["occupations"][0]
    assert first["wages"]["area"] == "Texas"
    assert first["wages"]["annual_median"] == ranking.ranked[0].value


async def test_pages_continue_the_same_ranking(careerbot: Careerbot) -> None:
    query = RankQuery(Measure.GROWTH, NATIONAL, Filters(fields=("29", "31")))
    ranking = await rank(careerbot, query)
    reply = await rank_reply(careerbot, query)
    datas = [b.data for row in reply.buttons for b in row]
    for data in datas:
        check_callback_data(data)
    next_page = next(b.data for row in reply.buttons for b in row if b.label.startswith("Next"))
    page_two = await careerbot.press(next_page)
    assert page_two.kind == "rank"
    assert [o["code"] for o in page_two.occupations] == [
        r.occupation.code for r in ranking.ranked[PAGE_SIZE : 2 * PAGE_SIZE]
    ]
    assert page_two.to_json()["ranking"]["page"] == 2
    back = next(b.data for row in page_two.buttons for b in row if b.label.startswith("«"))
    assert (await careerbot.press(back)).occupations == reply.occupations


@pytest.mark.parametrize("filters", FILTERS)
async def test_a_page_button_carries_the_whole_query(
    careerbot: Careerbot, filters: Filters
) -> None:
    for measure in Measure:
        query = RankQuery(measure, SEATTLE, filters)
        state = query.to_state(page=3)
        assert len(state) <= 40
        assert RankQuery.from_state(state, SEATTLE, filters.similar_to) == (query, 3)
        action = decode(_page_data(careerbot, query), careerbot.version)
        assert action.state == query.to_state(1)


def _page_data(careerbot: Careerbot, query: RankQuery) -> str:
    from bot.advisor.frame import button
    from bot.replies import View

    codes = [query.filters.similar_to] if query.filters.similar_to else []
    return button(careerbot, "»", View.RANKING, codes, query.area, query.to_state(1)).data


async def test_forged_page_states_expire(careerbot: Careerbot) -> None:
    from bot.advisor.frame import button
    from bot.replies import View

    for state in ("z", "a~Q", "a~E", "a~Ex9", "a~Fzz", "a~N-1", "a~Pabc"):
        data = button(careerbot, "»", View.RANKING, [], None, state).data
        assert (await careerbot.press(data)).kind == "expired", state
