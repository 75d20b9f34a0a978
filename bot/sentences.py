"""The plain sentences under a comparison: who earns more, who has more jobs, who grows.

Every figure in them is computed from the source figures shown above them (a difference, a
percentage, a ratio), so each answer that has them also says so (COMPUTED). Occupations are
named by their short plurals (`bot.naming`), told apart when they would read the same. A gap
too small to matter — under 1% or under $1,000 a year ($0.50 an hour) — reads "about the same"
rather than "$450 (0%) more".
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.naming import short_names
from bot.render import Side, esc, signed_percent
from store.facts import OccupationFacts

COMPUTED = "<i>Differences and ratios are computed from the figures shown.</i>"
# Under lines that give ranges in thousands ("$42.6k–108.5k") rather than a table's legend.
COMPUTED_ROUNDED = (
    "<i>Differences and ratios are computed from the figures shown; ranges in k (thousands) "
    "are rounded to $100.</i>"
)
MIN_GAP_YEARLY = 1000
MIN_GAP_HOURLY = 0.5
MIN_GAP_PERCENT = 1.0
END_YEAR = "2034"  # Employment Projections 2024-34


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def median_of(f: OccupationFacts, hourly: bool) -> float | None:
    if f.wages is None:
        return None
    return f.wages.hourly_median if hourly else f.wages.annual_median


def by_the_hour(facts: Sequence[OccupationFacts]) -> bool:
    """Compare by the hour when no side has a yearly median but each has an hourly one (jobs
    BLS reports only hourly, footnote 4)."""
    return all(f.wages is not None and f.wages.annual_median is None for f in facts) and all(
        f.wages is not None and f.wages.hourly_median is not None for f in facts
    )


def median_gap(high: float, low: float, hourly: bool) -> tuple[str, float] | None:
    """The gap as shown ("$2,180", "$4.25 an hour") and in percent; None when too small."""
    gap = high - low
    percent = 100 * gap / low if low else 0.0
    if percent < MIN_GAP_PERCENT or gap < (MIN_GAP_HOURLY if hourly else MIN_GAP_YEARLY):
        return None
    return (f"${gap:,.2f} an hour" if hourly else f"${gap:,.0f}"), percent


def pay_sentence(a: OccupationFacts, b: OccupationFacts, names: Sequence[str]) -> str | None:
    hourly = by_the_hour([a, b])
    ma, mb = median_of(a, hourly), median_of(b, hourly)
    if ma is None or mb is None:
        return None
    (high, low) = (0, 1) if ma >= mb else (1, 0)
    medians = (ma, mb)
    gap = median_gap(medians[high], medians[low], hourly)
    if gap is None:
        return f"{esc(capitalize(names[0]))} earn about the same at the median as {esc(names[1])}."
    amount, percent = gap
    return (
        f"{esc(capitalize(names[high]))} earn about {amount} ({percent:.0f}%) more at the "
        f"median than {esc(names[low])}."
    )


def differences(sides: Sequence[Side]) -> list[str]:
    """One or two plain sentences on what differs most between two occupations."""
    a, b = sides[0].facts, sides[1].facts
    names = short_names([a.title, b.title])
    out: list[str] = []
    if a.wage_code is None or a.wage_code != b.wage_code:  # one BLS figure: nothing to compare
        pay = pay_sentence(a, b, names)
        if pay:
            out.append(pay)
    ja = a.wages.employment if a.wages else None
    jb = b.wages.employment if b.wages else None
    ga = a.projection.percent_change if a.projection else None
    gb = b.projection.percent_change if b.projection else None
    jobs_sentence = growth_sentence = None
    jobs_ratio = growth_gap = 0.0
    if ja and jb:
        big, nb, ns = (0, ja, jb) if ja >= jb else (1, jb, ja)
        jobs_ratio = nb / ns
        if jobs_ratio >= 1.5:
            jobs_sentence = f"{esc(capitalize(names[big]))} have {jobs_ratio:.1f}× as many jobs."
    if ga is not None and gb is not None:
        growth_gap = abs(ga - gb)
        if growth_gap >= 3 or (ga < 0) != (gb < 0):
            fast, slow, gf, gs = (0, 1, ga, gb) if ga >= gb else (1, 0, gb, ga)
            growth_sentence = (
                f"By {END_YEAR} {esc(names[fast])} are projected to {_change(gf)}, "
                f"{esc(names[slow])} to {_change(gs)}."
            )
    # Show the more striking of the two: a big jobs ratio, or a big growth gap.
    extra = (
        growth_sentence
        if growth_sentence and (growth_gap >= 8 or not jobs_sentence)
        else jobs_sentence or growth_sentence
    )
    if extra:
        out.append(extra)
    return out


def _change(percent: float) -> str:
    if percent == 0:
        return "stay the same size"
    return f"{'grow' if percent > 0 else 'shrink'} {abs(percent):.1f}%"


def highest_and_lowest(facts: Sequence[OccupationFacts]) -> str | None:
    """For three or four occupations: who earns the most at the median, and by how much more
    than who earns the least."""
    hourly = by_the_hour(facts)
    priced = [(m, i) for i, f in enumerate(facts) if (m := median_of(f, hourly)) is not None]
    if len(priced) < 2:
        return None
    names = short_names([f.title for f in facts])
    (top, i), (bottom, j) = max(priced), min(priced)
    gap = median_gap(top, bottom, hourly)
    if gap is None:
        return "They earn about the same at the median."
    amount, percent = gap
    return (
        f"{esc(capitalize(names[i]))} earn the most at the median: about {amount} "
        f"({percent:.0f}%) more than {esc(names[j])}, who earn the least of the {len(priced)}."
    )


def growth_sentence(percent: float | None, average: float | None) -> str | None:
    """ "Projected to shrink 10.5% by 2034; all jobs +3.1%." A decline reads as one, never as
    "slower than average"."""
    if percent is None:
        return None
    sentence = f"Projected to {_change(percent)} by {END_YEAR}"
    if average is not None:
        sentence += f"; all jobs {signed_percent(average)}"
    return sentence + "."
