"""Where to go: states or metro areas ranked by one occupation's median pay, with jobs per 1,000
and location quotient. Pay is nominal (there is no cost-of-living data), and the answer says so.

The rule (tests check it against the OEWS rows): the occupation's cross-industry rows of
every OEWS state (50 states, DC and the territories) or metropolitan area (nonmetropolitan
areas left out; "within" a state = metros whose name lists its postal code, as "Cincinnati,
OH-KY-IN" is within OH, KY and IN), published annual medians only (hourly for a job BLS reports
only by the hour), best first, equal medians by code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.frame import (
    NO_COST_OF_LIVING,
    PAGE_SIZE,
    area_code,
    fit,
    pager,
    pages,
    sources,
)
from bot.payloads import occupation_json
from bot.places import POSTAL, Place, PlaceKind
from bot.render import Side, count, esc, money, trim
from bot.replies import Button, Reply, ReplyKind, View
from store.advisor import AreaWage


@dataclass(frozen=True)
class PlacePay:
    place: Place
    code: str  # postal code or CBSA, as `ask --json` prints it
    median: float
    wage: AreaWage


def _areas(core: Core, metros: bool, within: Place | None) -> list[Place]:
    if not metros:
        return list({p.code: p for p in core.places.states.values()}.values())
    postal = POSTAL.get(within.code[:2], "").lower() if within is not None else ""
    return [place for _, states, place in core.places.metros if not postal or postal in states]


async def place_ranking(
    core: Core, wage_code: str, metros: bool, within: Place | None
) -> tuple[list[PlacePay], bool, int]:
    """(places best first, ranked by the hourly median?, places with no published median)."""
    rows = await core.store.occupation_places(wage_code)
    areas = [(p, rows[p.code]) for p in _areas(core, metros, within) if p.code in rows]
    hourly = not any(w.annual_median is not None for _, w in areas) and any(
        w.hourly_median is not None for _, w in areas
    )
    ranked = []
    for place, wage in areas:
        median = wage.hourly_median if hourly else wage.annual_median
        if median is not None:
            ranked.append(PlacePay(place, area_code(place), float(median), wage))
    ranked.sort(key=lambda r: (-r.median, r.code))
    return ranked, hourly, len(areas) - len(ranked)


def _state(metros: bool, page: int) -> str:
    return f"{'m' if metros else 's'}{page}"


async def places_reply(
    core: Core, code: str, metros: bool = False, within: Place | None = None, page: int = 0
) -> Reply:
    facts_by_code, _ = await core.facts([code], None)
    facts = facts_by_code.get(code)
    if facts is None:
        return core.expired()
    metros = metros or within is not None
    kind = "metro areas" if metros else "states"
    ranked: list[PlacePay] = []
    hourly, unpublished = False, 0
    if facts.wage_code is not None:
        ranked, hourly, unpublished = await place_ranking(core, facts.wage_code, metros, within)
    page = min(max(page, 0), pages(len(ranked)) - 1)
    shown = ranked[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    where = f" in {within.name}" if within is not None else ""
    lines = [
        f"📍 <b>Where {esc(facts.title)} make the most</b> — {kind}{esc(where)}",
        f"Ranked by median {'hourly' if hourly else 'annual'} pay (BLS OEWS {esc(core.period)});"
        " computed by careerbot from the published figures.",
    ]
    if facts.wages_from_aggregate and facts.wage_title:
        lines.append(f"<i>Pay figures for: {esc(facts.wage_title)}</i>")
    if not shown:
        lines.append(f"\nBLS publishes no median pay by {kind[:-1]} for this occupation.")
    for number, r in enumerate(shown, page * PAGE_SIZE + 1):
        figure = f"${r.median:,.2f}/h" if hourly else f"{money(r.median)}/yr"
        details = [f"{count(r.wage.employment)} jobs"]
        if r.wage.jobs_per_1000 is not None:
            details.append(f"{r.wage.jobs_per_1000:g} per 1,000 jobs")
        if r.wage.location_quotient is not None:
            details.append(f"LQ {r.wage.location_quotient:g}")
        lines.append(
            f"{number}. {esc(r.place.name)} — <b>{esc(figure)}</b> · {esc(' · '.join(details))}"
        )
    if ranked:
        lines.append(
            f"<i>Page {page + 1} of {pages(len(ranked))} · {_many(len(ranked), kind)}.</i>"
        )
    if unpublished:
        lines.append(f"<i>Left out: {_many(unpublished, kind)} with no published median.</i>")
    lines.append(
        "<i>Location quotient: the job's share of employment there against its national share "
        "(1 = average).</i>"
    )
    lines.append(f"<i>{esc(NO_COST_OF_LIVING)}</i>")
    lines.append(sources(core, projections=False))

    rows: list[tuple[Button, ...]] = []
    buttons = [
        core.keyboards.button(f"{n}. {fit(r.place.name, 24)}", View.SUMMARY, [code], r.place.code)
        for n, r in enumerate(shown, page * PAGE_SIZE + 1)
    ]
    rows += [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    within_area = within.code if within is not None else None
    paging = pager(
        core, View.PLACES, [code], within_area, page, len(ranked), lambda p: _state(metros, p)
    )
    if paging:
        rows.append(paging)
    listed: list[dict[str, Any]] = [
        {
            "code": r.code,
            "name": r.place.name,
            "kind": PlaceKind.METRO.value if metros else PlaceKind.STATE.value,
            "annual_median": r.wage.annual_median,
            "hourly_median": r.wage.hourly_median,
            "employment": r.wage.employment,
            "jobs_per_1000": r.wage.jobs_per_1000,
            "location_quotient": r.wage.location_quotient,
            "rank": n,
        }
        for n, r in enumerate(shown, page * PAGE_SIZE + 1)
    ]
    return Reply(
        ReplyKind.PLACES,
        trim("\n".join(lines)),
        tuple(rows),
        (occupation_json(Side(facts.title, facts.title, facts), core.period),),
        extra={
            "places": listed,
            "area_kind": "metro" if metros else "state",
            "within": area_code(within) if within is not None else None,
            "ranked_by": "hourly_median" if hourly else "annual_median",
            "page": page + 1,
            "pages": pages(len(ranked)),
            "total": len(ranked),
            "left_out": {"no_figure": unpublished},
            "location": core.places.json(within),
        },
        context=context(
            ReplyKind.PLACES, [code], [facts.title], within, f"p|{'m' if metros else 's'}"
        ),
    )


async def press(core: Core, codes: tuple[str, ...], area: str | None, state: str | None) -> Reply:
    """A places button: states (s<page>) or metros (m<page>), within the area if it has one."""
    within = core.places.by_code(area) if area else None
    state = state or "s0"
    if (area and within is None) or state[0] not in "sm" or not state[1:].isdigit():
        return core.expired()
    return await places_reply(core, codes[0], state[0] == "m", within, int(state[1:]))


def _many(count: int, kind: str) -> str:
    """ "1 state", "12 metro areas"; OEWS's states include DC, Puerto Rico, Guam and the
    Virgin Islands: "54 states and territories"."""
    if count == 1:
        return f"1 {kind[:-1]}"
    if kind == "states" and count > 51:
        return f"{count} states and territories"
    return f"{count} {kind}"
