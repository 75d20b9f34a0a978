"""Detail views behind the buttons: salary, skills, education, duties, demographics, outlook,
similar jobs. Each shows every occupation of the message, in the order asked, and stays well
under Telegram's 4,096 characters (trimmed cleanly if a long source text would push it over).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.render import (
    NOT_PUBLISHED,
    ONE_WAY,
    TopCode,
    count,
    esc,
    hourly,
    money,
    signed_percent,
    thousands,
    wage,
)
from store.queries import CareerStore, OccupationFacts, Ranking, WageFacts

RANKINGS = (  # kind, heading, one, several
    ("S", "Best-paying states", "state", "states"),
    ("M", "Best-paying metro areas", "metro area", "metro areas"),
    ("I", "Best-paying industries", "industry", "industries"),
)
PERCENTILES = (
    ("10th", "p10"),
    ("25th", "p25"),
    ("Median", "median"),
    ("75th", "p75"),
    ("90th", "p90"),
)


def _percent(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:.1f}%"


def _heading(facts: OccupationFacts, many: bool) -> str:
    return f"\n<b>{esc(facts.title)}</b>" if many else ""


def _headline(w: WageFacts, top: TopCode) -> str:
    """Median and mean, yearly (and the hourly mean), or only the way BLS reports the job."""
    if w.paid_the_other_way("annual_median"):
        return (
            f"Median {esc(wage(w, 'hourly_median', top))} · mean "
            f"{esc(wage(w, 'hourly_mean', top))} an hour ({ONE_WAY.format(way='hourly')})"
        )
    text = (
        f"Median {esc(wage(w, 'annual_median', top))} · mean {esc(wage(w, 'annual_mean', top))}/yr"
    )
    if w.paid_the_other_way("hourly_mean"):
        return f"{text} ({ONE_WAY.format(way='yearly')})"
    return f"{text} ({esc(wage(w, 'hourly_mean', top))}/h)"


def _percentile_table(w: WageFacts, top: TopCode) -> str:
    """Yearly and hourly percentiles; a column BLS does not report for this job is left out."""
    columns = [
        (heading, prefix)
        for heading, prefix in (("Yearly", "annual_"), ("Hourly", "hourly_"))
        if not w.paid_the_other_way(prefix + "median")
    ]
    rows = [["Percentile", *(heading for heading, _ in columns)]]
    for label, suffix in PERCENTILES:
        cells = [wage(w, prefix + suffix, top) for _, prefix in columns]
        rows.append([label, *("n/p" if c == NOT_PUBLISHED else c for c in cells)])
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    lines = ["".join(c.ljust(n) for c, n in zip(row, widths, strict=True)).rstrip() for row in rows]
    if any("n/p" in row for row in rows):
        lines.append("n/p: not published by the source")
    return "\n".join(lines)


def _ranking_items(
    ranking: Ranking, kind: str, pay: str, nouns: tuple[str, str], top: TopCode
) -> list[str]:
    """ "Texas $61,230", industries with their jobs, then how many more are top-coded."""
    items = [
        f"{esc(r.name)} {hourly(r.median) if pay == 'hourly' else money(r.median)}"
        + (f" ({count(r.employment)} jobs)" if kind == "I" and r.employment else "")
        for r in ranking.ranked
    ]
    if ranking.top_coded:
        n = ranking.top_coded
        noun = nouns[0] if n == 1 else nouns[1]
        ceiling = top.hourly if pay == "hourly" else top.annual
        more = f"and {n} more {noun}" if items else f"{n} {noun}"
        items.append(f"{more} at {ceiling}+, where BLS gives no exact figure")
    return items


async def salary(
    store: CareerStore,
    occupations: Sequence[OccupationFacts],
    top: TopCode,
    local: dict[str, WageFacts] | None = None,
) -> str:
    """National pay in full, the best-paying places and industries, and the chat's area row.

    `local` holds the area's wages by occupation code when the question named a place or the
    chat remembers one.
    """
    many = len(occupations) > 1
    parts = ["💵 <b>Salary</b> — U.S. national, BLS OEWS"]
    for f in occupations:
        w = f.wages
        lines = [_heading(f, many)]
        if w is None:
            lines.append(f"Pay: {NOT_PUBLISHED} by BLS for this occupation.")
            parts.append("\n".join(lines))
            continue
        if f.wages_from_aggregate and f.wage_title:
            lines.append(f"<i>Pay figures for: {esc(f.wage_title)}</i>")
        lines.append(_headline(w, top))
        lines.append("<pre>" + esc(_percentile_table(w, top)) + "</pre>")
        pay = "hourly" if w.paid_the_other_way("annual_median") else "annual"
        area_wages = (local or {}).get(f.code)
        if area_wages is not None:
            lines.append(
                f"📍 {esc(area_wages.area_name)}: median "
                f"{esc(wage(area_wages, pay + '_median', top))}, "
                f"mean {esc(wage(area_wages, pay + '_mean', top))}, "
                f"{count(area_wages.employment)} jobs"
            )
        elif local is not None:
            lines.append(f"📍 Your area: {NOT_PUBLISHED} for this occupation.")
        if f.wage_code:
            for kind, label, one, several in RANKINGS:
                ranking = await store.ranked_wages(
                    f.wage_code, kind=kind, limit=3 if many else 5, by=pay + "_median"
                )
                items = _ranking_items(ranking, kind, pay, (one, several), top)
                if items:
                    lines.append(f"<b>{label}</b> (median): " + "; ".join(items))
        parts.append("\n".join(lines))
    return "\n".join(parts)


async def skills(store: CareerStore, occupations: Sequence[OccupationFacts]) -> str:
    many = len(occupations) > 1
    parts = ["🧠 <b>Skills</b> — most important first (O*NET importance 1–5)"]
    for f in occupations:
        lines = [_heading(f, many)]
        top_skills = await store.ratings(f.code, "skill", limit=6 if many else 8)
        knowledge = await store.ratings(f.code, "knowledge", limit=4 if many else 6)
        technology = await store.technology(f.code, limit=6 if many else 10)
        if not top_skills and not knowledge:
            lines.append(f"Skills: {NOT_PUBLISHED} by O*NET for this occupation.")
        if top_skills:
            lines.append(
                "Skills: "
                + ", ".join(
                    f"{esc(s.name)} {s.importance:.1f}" if s.importance is not None else esc(s.name)
                    for s in top_skills
                )
            )
        if knowledge:
            lines.append("Knowledge: " + ", ".join(esc(k.name) for k in knowledge))
        if technology:
            lines.append("Hot technology: " + ", ".join(esc(t) for t in technology))
        parts.append("\n".join(lines))
    return "\n".join(parts)


def _level_name(label: str) -> str:
    """O*NET's category without its explanation: "Associate's Degree (or other 2-year ...)"."""
    return label.split(" - ")[0].split(" (")[0]


async def education(store: CareerStore, occupations: Sequence[OccupationFacts]) -> str:
    many = len(occupations) > 1
    parts = ["🎓 <b>Education and experience</b>"]
    for f in occupations:
        e = await store.education(f.code)
        lines = [_heading(f, many)]
        lines.append(f"Typical entry (BLS): {esc(e.typical_entry or NOT_PUBLISHED)}")
        lines.append(f"Experience in a related job: {esc(e.work_experience or NOT_PUBLISHED)}")
        lines.append(f"On-the-job training: {esc(e.training or NOT_PUBLISHED)}")
        if e.levels:
            published = [s for s in e.levels if s.percent is not None][:3]
            withheld = [s for s in e.levels if s.percent is None]
            shares = [f"{esc(_level_name(s.label))} {s.percent:.0f}%" for s in published]
            if withheld:
                names = ", ".join(esc(_level_name(s.label)) for s in withheld)
                shares.append(f"{names}: share withheld by O*NET (low precision)")
            lines.append("What workers have (O*NET): " + "; ".join(shares))
        else:
            lines.append(f"What workers have (O*NET): {NOT_PUBLISHED}")
        if e.job_zone_name:
            lines.append(f"Preparation: {esc(e.job_zone_name)}")
        parts.append("\n".join(lines))
    return "\n".join(parts)


async def duties(store: CareerStore, occupations: Sequence[OccupationFacts]) -> str:
    many = len(occupations) > 1
    parts = ["📋 <b>What they do</b>"]
    for f in occupations:
        tasks = await store.tasks(f.code, limit=4 if many else 6)
        lines = [_heading(f, many), esc(f.description) if f.description else ""]
        lines += [f"• {esc(t)}" for t in tasks]
        if not tasks:
            lines.append(f"Tasks: {NOT_PUBLISHED} by O*NET for this occupation.")
        parts.append("\n".join(line for line in lines if line))
    return "\n".join(parts)


async def demographics(
    store: CareerStore, occupations: Sequence[OccupationFacts], years: tuple[str, str]
) -> str:
    many = len(occupations) > 1
    covered, total = await store.demographics_coverage()
    parts = ["👥 <b>Who works in it</b>"]
    for f in occupations:
        d = await store.demographics(f.code)
        lines = [_heading(f, many)]
        if d is None:
            lines.append(f"Demographics: {NOT_PUBLISHED} (no matching CPS occupation).")
        else:
            lines.append(f"Women: {_percent(d.women)}")
            lines.append(
                f"White {_percent(d.white)} · Black {_percent(d.black)} · "
                f"Asian {_percent(d.asian)} · Hispanic or Latino {_percent(d.hispanic)}"
            )
            age = NOT_PUBLISHED if d.median_age is None else f"{d.median_age:.1f}"
            lines.append(f"Median age: {age}")
            lines.append(f"<i>CPS group: {esc(d.cps_title)}</i>")
        parts.append("\n".join(lines))
    parts.append(
        f"\n<i>BLS Current Population Survey: shares {years[0]}, age {years[1]}. "
        f"Covers {covered} of {total} occupations.</i>"
    )
    return "\n".join(parts)


async def outlook(store: CareerStore, occupations: Sequence[OccupationFacts]) -> str:
    many = len(occupations) > 1
    average = await store.average_growth()
    parts = ["📈 <b>Outlook 2024–34</b> — BLS Employment Projections"]
    for f in occupations:
        p = f.projection
        lines = [_heading(f, many)]
        if p is None:
            lines.append(f"Projections: {NOT_PUBLISHED} for this occupation.")
        else:
            lines.append(
                f"Jobs 2024: {thousands(p.employment_2024)} → 2034: "
                f"{thousands(p.employment_2034)} ({signed_percent(p.percent_change)})"
            )
            if p.percent_change is not None and average is not None:
                pace = (
                    "faster than"
                    if p.percent_change > average + 0.5
                    else "slower than"
                    if p.percent_change < average - 0.5
                    else "about as fast as"
                )
                lines.append(
                    f"{pace.capitalize()} the average for all jobs ({signed_percent(average)})."
                )
            lines.append(f"Openings a year: {thousands(p.openings)}")
            if p.code != f.soc_code:
                lines.append(f"<i>Projection for: {esc(p.title)}</i>")
        parts.append("\n".join(lines))
    return "\n".join(parts)


async def similar(
    store: CareerStore, occupations: Sequence[OccupationFacts]
) -> tuple[str, list[tuple[OccupationFacts, str, str]]]:
    """The text, and (occupation, related code, related title) to offer as comparisons."""
    many = len(occupations) > 1
    parts = ["🔁 <b>Similar jobs</b> — O*NET related occupations"]
    offers: list[tuple[OccupationFacts, str, str]] = []
    for f in occupations:
        related = await store.related(f.code, limit=3 if many else 5)
        lines = [_heading(f, many)]
        if not related:
            lines.append(f"Related occupations: {NOT_PUBLISHED} by O*NET.")
        for r in related:
            lines.append(
                f"• {esc(r.title)} — {money(r.annual_median)}, {signed_percent(r.percent_change)}"
            )
            offers.append((f, r.code, r.title))
        parts.append("\n".join(lines))
    return "\n".join(parts), offers
