"""Where my pay stands: "I make $55,000 as an accountant in Ohio — is that good?" -> between
which of the area's published percentiles (10th, 25th, median, 75th, 90th) the pay falls,
with those figures. The position is careerbot's reading of BLS's percentiles; it says so.

A top-coded percentile (BLS footnote 5: at or above $239,200 a year, no exact figure) still
bounds a pay below that threshold; an unpublished one is named, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.frame import NO_COST_OF_LIVING, area_code, area_name, button, sources
from bot.payloads import occupation_json
from bot.places import Place
from bot.render import Side, esc, trim, wage
from bot.replies import Reply, ReplyKind, View
from store.codes import NATIONAL
from store.facts import WageFacts

PERCENTILES = (10, 25, 50, 75, 90)
_COLUMN = {10: "p10", 25: "p25", 50: "median", 75: "p75", 90: "p90"}


@dataclass(frozen=True)
class Position:
    above: int  # the highest published percentile below the pay (0: below the 10th)
    below: int  # the lowest published percentile above it (100: above the 90th)
    unpublished: tuple[int, ...]  # percentiles in between that BLS does not publish
    exact: bool  # the pay equals the published percentile `above` (== `below`)


def columns(hourly: bool) -> dict[int, str]:
    prefix = "hourly" if hourly else "annual"
    return {p: f"{prefix}_{_COLUMN[p]}" for p in PERCENTILES}


def position(w: WageFacts, pay: float, hourly: bool, ceiling: float) -> Position | None:
    """Where `pay` falls among the row's percentiles; None when none of them is published.

    A top-coded percentile is only known to be at least `ceiling`: above a pay below that,
    unknown otherwise, like an unpublished one.
    """
    above, below = 0, 100
    unknown = []
    for percentile, column in columns(hourly).items():
        value = getattr(w, column)
        if value is None:
            if w.top_coded(column) and pay < ceiling:
                below = min(below, percentile)
            else:
                unknown.append(percentile)
        elif value < pay:
            above = max(above, percentile)
        elif value > pay:
            below = min(below, percentile)
        else:
            return Position(percentile, percentile, (), True)
    if len(unknown) == len(PERCENTILES):
        return None
    return Position(above, below, tuple(p for p in unknown if above < p < below), False)


def _ordinal(percentile: int) -> str:
    return "median" if percentile == 50 else f"{percentile}th percentile"


def _sentence(pos: Position, pay_text: str) -> str:
    if pos.exact:
        return f"{pay_text} is exactly the {_ordinal(pos.above)} of published pay there."
    if pos.unpublished:
        missing = " and the ".join(_ordinal(p) for p in pos.unpublished)
        known = (
            f"above the {_ordinal(pos.above)}" if pos.above else f"below the {_ordinal(pos.below)}"
        )
        if pos.above and pos.below < 100:
            known = f"between the {_ordinal(pos.above)} and the {_ordinal(pos.below)}"
        return (
            f"{pay_text} is {known}. BLS does not publish the {missing} here, so where it "
            "stands against that is not known."
        )
    if pos.above == 0:
        return f"{pay_text} is below the 10th percentile: more than 90% of workers earn more."
    if pos.below == 100:
        return f"{pay_text} is above the 90th percentile: fewer than 10% of workers earn more."
    return (
        f"{pay_text} is between the {_ordinal(pos.above)} and the {_ordinal(pos.below)}: "
        f"about {100 - pos.below}–{100 - pos.above}% of workers earn more."
    )


async def pay_reply(core: Core, code: str, place: Place | None, pay: float, hourly: bool) -> Reply:
    area = place.code if place is not None else NATIONAL
    found = (await core.store.occupations([code], area)).get(code)
    if found is None:
        return core.expired()
    note = None
    if found.wages is None and place is not None:
        note = f"BLS publishes no {place.name} figures for this occupation: national shown."
        place, area = None, NATIONAL
        found = (await core.store.occupations([code], area))[code]
    w = found.wages
    unit = "hour" if hourly else "year"
    pay_text = f"${pay:,.2f} an hour" if hourly else f"${pay:,.0f} a year"
    lines = [f"💵 <b>{esc(pay_text)} as {esc(found.title)}</b> — {esc(area_name(place))}"]
    if note:
        lines.append(f"<i>{esc(note)}</i>")
    pos: Position | None = None
    if w is not None:
        ceiling = float(core.top.hourly.strip("$")) if hourly else float(core.top.annual_dollars)
        pos = position(w, pay, hourly, ceiling)
    if w is None or pos is None:
        other = "annual" if hourly else "hourly"
        lines.append(
            f"BLS publishes no {'hourly' if hourly else 'annual'} percentiles for this "
            f"occupation here" + (f"; ask with {other} pay instead." if w is not None else ".")
        )
    else:
        lines.append(_sentence(pos, esc(pay_text)))
        cells = [f"{_ordinal(p).replace(' percentile', '')} {esc(wage(w, c, core.top))}"
                 for p, c in columns(hourly).items()]  # fmt: skip
        lines.append(f"{esc(area_name(place))}, BLS OEWS {esc(core.period)}: " + " · ".join(cells))
        lines.append(
            "<i>The position is careerbot's reading of BLS's published percentiles. "
            "They cover wage and salary workers, not the self-employed.</i>"
        )
    if found.wages_from_aggregate and found.wage_title:
        lines.append(f"<i>Pay figures for: {esc(found.wage_title)}</i>")
    lines.append(f"<i>{esc(NO_COST_OF_LIVING)}</i>")
    lines.append(sources(core, projections=False))
    area_arg = place.code if place is not None else None
    rows = (
        (
            core.keyboards.button("💵 Salary detail", View.SALARY, [code], area_arg),
            button(core, "📍 Where it pays most", View.PLACES, [code]),
        ),
        (core.keyboards.button("💼 Profile", View.SUMMARY, [code], area_arg),),
    )
    return Reply(
        ReplyKind.PAY_POSITION,
        trim("\n".join(lines)),
        rows,
        (occupation_json(Side(found.title, found.title, found), core.period),),
        extra={
            "position": {
                "pay": int(pay) if float(pay).is_integer() else pay,
                "unit": unit,
                "area": area_code(place),
                "above_percentile": pos.above if pos else None,
                "below_percentile": pos.below if pos else None,
                "unpublished": list(pos.unpublished) if pos else [],
            },
            "location": core.places.json(place),
        },
        context=context(
            ReplyKind.PAY_POSITION,
            [code],
            [found.title],
            place,
            f"$|{pay:g}|{'h' if hourly else 'y'}",
        ),
    )
