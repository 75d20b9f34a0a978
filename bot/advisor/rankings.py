"""Rankings with filters: "highest paying jobs without a degree", "fastest growing jobs in
healthcare", "best paying jobs in Texas that need an associate degree".

The rule, which tests/bot/advisor/test_rankings.py checks against the source rows:
- One line per OEWS occupation with figures of its own: O*NET occupations whose wages are an
  aggregate's (BLS publishes only "Computer Occupations, All Other") are not ranked, and of the
  O*NET occupations sharing one OEWS code the .00 one stands for them (else the lowest code).
- Pay and employment are the area's OEWS cross-industry figures; growth and openings are
  Table 1.2's (national). An occupation without the figure is left out, and so is a pay median
  above BLS's top code (no exact figure to sort by); both are counted and said.
- Filters: Table 1.2 typical entry education and work experience (occupations without a
  Table 1.2 row fail them), SOC major group, the area's median against a threshold (a
  top-coded median counts as the top code), O*NET Related Occupations of a given one, with a
  lower Job Zone for "less school".
- Order: the figure, best first; equal figures by code.

Slightly over the ~400-line rule of thumb: a ranking's steps — filters, the measure, the order,
the page, and the wording of what it leaves out — read best in one place, in that order; the
filters' vocabulary already lives in `bot.advisor.filters`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from bot.advisor.context import context, ranking_redo
from bot.advisor.core import Core
from bot.advisor.filters import (
    EDUCATION_NAMES,
    EDUCATION_WORDING,
    Education,
    Filters,
    Measure,
    RankQuery,
)
from bot.advisor.frame import (
    NO_COST_OF_LIVING,
    PAGE_SIZE,
    area_code,
    listed_rows,
    pager,
    pages,
    sources,
)
from bot.payloads import occupation_json
from bot.places import Place
from bot.render import Side, count, esc, money, signed_percent, thousands, trim
from bot.replies import Button, Reply, ReplyKind, View
from store.advisor import AdvisorOccupation, AreaWage
from store.codes import NATIONAL

# SOC 2018 major groups, named as the SOC names them (shortened: "Occupations" dropped).
MAJOR_GROUPS = {
    "11": "management",
    "13": "business and financial operations",
    "15": "computer and mathematical",
    "17": "architecture and engineering",
    "19": "life, physical and social science",
    "21": "community and social service",
    "23": "legal",
    "25": "educational instruction and library",
    "27": "arts, design, entertainment, sports and media",
    "29": "healthcare practitioners and technical",
    "31": "healthcare support",
    "33": "protective service",
    "35": "food preparation and serving",
    "37": "building and grounds cleaning and maintenance",
    "39": "personal care and service",
    "41": "sales",
    "43": "office and administrative support",
    "45": "farming, fishing and forestry",
    "47": "construction and extraction",
    "49": "installation, maintenance and repair",
    "51": "production",
    "53": "transportation and material moving",
    "55": "military specific",
}
HEADINGS = {
    Measure.ANNUAL: "Best-paying jobs",
    Measure.HOURLY: "Best-paying jobs by the hour",
    Measure.GROWTH: "Fastest-growing jobs",
    Measure.OPENINGS: "Jobs with the most openings",
    Measure.EMPLOYMENT: "Most common jobs",
}


class Ranked(NamedTuple):
    occupation: AdvisorOccupation
    value: float


@dataclass(frozen=True)
class Ranking:
    query: RankQuery
    ranked: list[Ranked]
    no_figure: int  # passed the filters, but the source has no figure to rank by
    top_coded: int  # passed the filters, but the median is above BLS's top code
    similar_title: str | None = None


_REPRESENTATIVES: dict[int, tuple[tuple[AdvisorOccupation, ...], list[AdvisorOccupation]]] = {}


def representatives(occupations: tuple[AdvisorOccupation, ...]) -> list[AdvisorOccupation]:
    """One O*NET occupation per OEWS code with figures of its own (see the module rule);
    worked out once per table of occupations (the store's is read once)."""
    known = _REPRESENTATIVES.get(id(occupations))
    if known is not None and known[0] is occupations:
        return known[1]
    chosen: dict[str, AdvisorOccupation] = {}
    for o in occupations:
        if o.wage_code is None or o.wage_code != o.soc_code:
            continue
        current = chosen.get(o.soc_code)
        if current is None or (o.code.endswith(".00") and not current.code.endswith(".00")):
            chosen[o.soc_code] = o
    found = sorted(chosen.values(), key=lambda o: o.code)
    _REPRESENTATIVES.clear()  # one table per running store; never hold on to an old one
    _REPRESENTATIVES[id(occupations)] = (occupations, found)
    return found


# Table 1.2's wording of each entry education -> its rank (none 0 ... doctoral 7).
EDUCATION_RANKS: dict[str | None, int] = {w: level.rank for w, level in EDUCATION_WORDING.items()}


Value = Callable[[AdvisorOccupation, AreaWage | None], float | int | None]
Check = Callable[[AdvisorOccupation, AreaWage | None], bool]


def _value_of(measure: Measure) -> Value:
    """How to read the measure of one occupation (from its row in the area, or Table 1.2)."""
    if measure == Measure.GROWTH:
        return lambda o, w: o.growth
    if measure == Measure.OPENINGS:
        return lambda o, w: o.openings
    if measure == Measure.EMPLOYMENT:
        return lambda o, w: None if w is None else w.employment
    if measure == Measure.ANNUAL:
        return lambda o, w: None if w is None else w.annual_median
    return lambda o, w: None if w is None else w.hourly_median


def _top_coded(wage: AreaWage | None, measure: Measure) -> bool:
    if wage is None:
        return False
    if measure == Measure.ANNUAL:
        return wage.annual_top_coded
    return measure == Measure.HOURLY and wage.hourly_top_coded


def _pays_at_least(minimum: float, ceiling: float, *, hourly: bool) -> Check:
    """A pay threshold on the yearly or hourly median; a top-coded median counts as BLS's top
    figure (`ceiling`), which it is at least."""

    def pays(o: AdvisorOccupation, w: AreaWage | None) -> bool:
        if w is None:
            return False
        if hourly:
            pay = ceiling if w.hourly_top_coded else w.hourly_median
        else:
            pay = ceiling if w.annual_top_coded else w.annual_median
        return pay is not None and pay >= minimum

    return pays


def _checks(
    f: Filters,
    ceilings: tuple[float, float],
    related: frozenset[str] | None,
    base_zone: int | None,
) -> list[Check]:
    """One test per filter that is set (the rule in the module docstring)."""
    checks: list[Check] = []
    levels = EDUCATION_RANKS
    if f.education is not None:
        wanted = f.education.rank
        checks.append(lambda o, w: levels.get(o.education) == wanted)
    if f.education_max is not None:
        most = f.education_max.rank
        checks.append(lambda o, w: levels.get(o.education, 99) <= most)
    if f.education_min is not None:
        least = f.education_min.rank
        checks.append(lambda o, w: levels.get(o.education, -1) >= least)
    if f.experience_none:
        checks.append(lambda o, w: o.experience == "None")
    if f.fields:
        fields = frozenset(f.fields)
        checks.append(lambda o, w: o.code[:2] in fields)
    annual_ceiling, hourly_ceiling = ceilings
    if f.min_pay is not None:
        checks.append(_pays_at_least(f.min_pay, annual_ceiling, hourly=False))
    if f.min_hourly is not None:
        checks.append(_pays_at_least(f.min_hourly, hourly_ceiling, hourly=True))
    if related is not None:
        checks.append(lambda o, w: o.code in related)
        if f.less_school:
            zone = base_zone
            checks.append(
                lambda o, w: o.job_zone is not None and zone is not None and o.job_zone < zone
            )
    return checks


async def rank(core: Core, query: RankQuery) -> Ranking:
    """The ranking a query asks for, computed from the figures in memory."""
    occupations = await core.store.advisor_occupations()
    wages = await core.store.area_wages(query.area)
    f = query.filters
    related: frozenset[str] | None = None
    base_zone: int | None = None
    similar_title = None
    if f.similar_to:
        related = await core.store.related_codes(f.similar_to)
        base = next((o for o in occupations if o.code == f.similar_to), None)
        base_zone = base.job_zone if base else None
        similar_title = base.title if base else f.similar_to
    ceilings = (float(core.top.annual_dollars), float(core.top.hourly.strip("$")))
    checks = _checks(f, ceilings, related, base_zone)
    value_of = _value_of(query.measure)
    ranked: list[Ranked] = []
    missing: list[AreaWage | None] = []
    for o in representatives(occupations):
        wage = wages.get(o.soc_code)
        if checks and not all(check(o, wage) for check in checks):
            continue
        value = value_of(o, wage)
        if value is None:
            missing.append(wage)
        else:
            ranked.append(Ranked(o, float(value)))
    ranked.sort(key=lambda r: (-r.value, r.occupation.code))
    top_coded = sum(1 for wage in missing if _top_coded(wage, query.measure))
    return Ranking(query, ranked, len(missing) - top_coded, top_coded, similar_title)


# --- the answer ------------------------------------------------------------------------------
def heading(ranking: Ranking, place: Place | None) -> str:
    q, f = ranking.query, ranking.query.filters
    if f.similar_to:
        text = f"Jobs like {ranking.similar_title}"
        if f.less_school:
            text += " that need less preparation (a lower O*NET Job Zone)"
        if q.measure != Measure.ANNUAL:
            text += ", " + HEADINGS[q.measure].lower().replace(" jobs", "")
    else:
        text = HEADINGS[q.measure]
    parts = [text]
    if f.fields:
        parts.append("in " + " and ".join(MAJOR_GROUPS.get(g, g) for g in f.fields))
    if f.education is not None:
        parts.append(f"that typically need {EDUCATION_NAMES[f.education]}")
    if f.education_max is not None:
        parts.append(
            "without a degree"
            if f.education_max == Education.POSTSECONDARY
            else f"that need at most {EDUCATION_NAMES[f.education_max]}"
        )
    if f.education_min is not None:
        parts.append(f"that need at least {EDUCATION_NAMES[f.education_min]}")
    if f.experience_none:
        parts.append("with no work experience needed")
    if f.min_pay is not None:
        parts.append(f"with a median of at least {money(f.min_pay)} a year")
    if f.min_hourly is not None:
        parts.append(f"with a median of at least ${f.min_hourly:,.2f} an hour")
    where = place.name if place is not None else "United States"
    return f"📊 <b>{esc(' '.join(parts))}</b> — {esc(where)}"


def _line(number: int, r: Ranked, measure: Measure, wage: AreaWage | None) -> str:
    o = r.occupation
    pay = wage.annual_median if wage else None
    if measure == Measure.ANNUAL:
        figure = f"{money(r.value)}/yr"
        extra = f"growth {signed_percent(o.growth)}"
    elif measure == Measure.HOURLY:
        figure = f"${r.value:,.2f}/h"
        extra = f"{money(pay)}/yr" if pay else f"growth {signed_percent(o.growth)}"
    elif measure == Measure.GROWTH:
        figure = signed_percent(r.value)
        extra = f"{money(pay)}/yr" if pay else f"{thousands(o.openings)} openings/yr"
    elif measure == Measure.OPENINGS:
        figure = f"{thousands(r.value)} openings a year"
        extra = f"{money(pay)}/yr" if pay else f"growth {signed_percent(o.growth)}"
    else:
        figure = f"{count(r.value)} jobs"
        extra = f"{money(pay)}/yr" if pay else f"growth {signed_percent(o.growth)}"
    return f"{number}. {esc(o.title)} — <b>{esc(figure)}</b> · {esc(extra)}"


def ranked_by(core: Core, query: RankQuery, place: Place | None) -> str:
    where = place.name if place is not None else "the U.S."
    if query.measure.national_only:
        what = "projected growth 2024–34" if query.measure == Measure.GROWTH else "openings a year"
        text = f"{what} (BLS Employment Projections {core.metadata.get('release_projections', '')}"
        text += ", national)"
    else:
        what = {
            Measure.ANNUAL: "median annual pay",
            Measure.HOURLY: "median hourly pay",
            Measure.EMPLOYMENT: "number of jobs",
        }[query.measure]
        text = f"{what} in {where} (BLS OEWS {core.period})"
    return f"Ranked by {text}; computed by careerbot from the published figures."


def left_out(core: Core, ranking: Ranking) -> str:
    parts = []
    if ranking.top_coded:
        parts.append(
            f"{ranking.top_coded} with a median above BLS's top code ({core.top.annual}+ a "
            "year), which has no exact figure to rank"
        )
    if ranking.no_figure:
        what = "projection" if ranking.query.measure.national_only else "figure for this"
        parts.append(f"{ranking.no_figure} with no published {what}")
    parts.append("occupations BLS publishes only as part of a group")
    return "Left out: " + "; ".join(parts) + "."


async def rank_reply(
    core: Core,
    query: RankQuery,
    page: int = 0,
    unsupported: tuple[str, ...] = (),
    ranking: Ranking | None = None,
) -> Reply:
    """A page of a ranking, with buttons to each listed occupation and to the next page.

    `unsupported`: what the question asked that the data cannot filter by ("remote"), said
    so under the heading; `ranking`: the query's ranking when the caller has it already."""
    ranking = ranking if ranking is not None else await rank(core, query)
    place = core.places.by_code(query.area) if query.area != NATIONAL else None
    total = len(ranking.ranked)
    page = min(max(page, 0), pages(total) - 1)
    shown = ranking.ranked[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    wages = await core.store.area_wages(query.area)
    lines = [heading(ranking, place), esc(ranked_by(core, query, place))]
    if unsupported:
        asked = ", ".join(f"“{u}”" for u in unsupported)
        lines.append(
            f"<i>The sources publish nothing on {esc(asked)}: this list is not filtered by it.</i>"
        )
    if query.measure.national_only and place is not None:
        lines.append(f"<i>Projections are national; pay filters use {esc(place.name)} figures.</i>")
    if not shown:
        lines.append("\nNo occupation has a published figure under all of these filters.")
    for number, r in enumerate(shown, page * PAGE_SIZE + 1):
        lines.append(_line(number, r, query.measure, wages.get(r.occupation.soc_code)))
    if total:
        lines.append(f"<i>Page {page + 1} of {pages(total)} · {total} occupations.</i>")
    lines.append(f"<i>{esc(left_out(core, ranking))}</i>")
    if query.measure in (Measure.ANNUAL, Measure.HOURLY) or query.filters.min_pay:
        lines.append(f"<i>{esc(NO_COST_OF_LIVING)}</i>")
    lines.append(sources(core))

    codes = [r.occupation.code for r in shown]
    facts, _ = await core.facts(codes, place)
    listed = [
        occupation_json(Side(facts[c].title, facts[c].title, facts[c]), core.period)
        | {"rank": n, "value": r.value}
        for n, (c, r) in enumerate(zip(codes, shown, strict=True), page * PAGE_SIZE + 1)
        if c in facts
    ]
    return Reply(
        ReplyKind.RANK,
        trim("\n".join(lines)),
        _buttons(core, query, place, shown, page, total),
        tuple(listed),
        extra={
            "ranking": {
                "measure": query.measure.value,
                "area": area_code(place),
                "filters": query.filters.json(),
                "ranked_by": ranked_by(core, query, place),
                "left_out": {"no_figure": ranking.no_figure, "top_coded": ranking.top_coded},
                "page": page + 1,
                "pages": pages(total),
                "total": total,
                "release": {
                    "oews": core.period,
                    "projections": core.metadata.get("release_projections", ""),
                },
            },
            "location": core.places.json(place),
        },
        context=context(
            ReplyKind.RANK,
            codes,
            [r.occupation.title for r in shown],
            place,
            ranking_redo(query),
            listed=codes,
        ),
    )


def _buttons(
    core: Core,
    query: RankQuery,
    place: Place | None,
    shown: list[Ranked],
    page: int,
    total: int,
) -> tuple[tuple[Button, ...], ...]:
    listed = [(r.occupation.code, r.occupation.title) for r in shown]
    rows = listed_rows(core, listed, page * PAGE_SIZE + 1, place)
    similar = [query.filters.similar_to] if query.filters.similar_to else []
    area = query.area if query.area != NATIONAL else None
    paging = pager(core, View.RANKING, similar, area, page, total, query.to_state)
    if paging:
        rows.append(paging)
    return tuple(rows)


async def press(core: Core, codes: tuple[str, ...], area: str | None, state: str) -> Reply:
    """A « » button of a ranking: the page its state names."""
    try:
        query, page = RankQuery.from_state(state, area, codes[0] if codes else None)
    except (ValueError, StopIteration, IndexError):
        return core.expired()
    if area is not None and core.places.by_code(area) is None:
        return core.expired()
    return await rank_reply(core, query, page)
