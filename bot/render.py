"""Turning facts into Telegram HTML: numbers, the side-by-side summary, and safe trimming.

Only this module decides how a figure reads. A value the source did not publish is shown as
"not published"; a top-coded wage as "$239,200+" (BLS's own threshold, from its footnote).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from store.facts import OccupationFacts, WageFacts

MAX_TEXT = 4096
MAX_CAPTION = 1024
NOT_PUBLISHED = "not published"
MINUS = "\N{MINUS SIGN}"

SHORT_EDUCATION = {
    "No formal educational credential": "None required",
    "High school diploma or equivalent": "High school",
    "Some college, no degree": "Some college",
    "Postsecondary nondegree award": "Certificate",
    "Associate's degree": "Associate's",
    "Bachelor's degree": "Bachelor's",
    "Master's degree": "Master's",
    "Doctoral or professional degree": "Doctoral/prof.",
}
SHORT_EXPERIENCE = {"None": "None", "Less than 5 years": "< 5 years", "5 years or more": "5+ years"}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class TopCode:
    """BLS's top of the published wage range (footnote 5), read from the data at build time."""

    annual: str = "$239,200"
    hourly: str = "$115.00"

    @property
    def annual_dollars(self) -> int:
        return int(self.annual.strip("$").replace(",", ""))

    @classmethod
    def from_footnote(cls, text: str | None) -> TopCode:
        found = re.search(r"\$([\d.,]+) per hour or \$([\d,]+) per year", text or "")
        return cls(annual=f"${found[2]}", hourly=f"${found[1]}") if found else cls()


# BLS footnote 4, in the bot's words.
ONE_WAY = "BLS reports {way} pay only: often not a year-round, full-time job"


def money(value: float | None) -> str:
    if value is None:
        return NOT_PUBLISHED
    return f"${value:,.0f}" if float(value).is_integer() else f"${value:,.2f}"


def hourly(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"${value:,.2f}"


def thousands_k(value: float | None) -> str:
    """$34,400 -> '$34.4k': fits a phone's table column, exact to $100."""
    if value is None:
        return "n/p"
    return f"${value / 1000:,.1f}k".replace(".0k", "k")


def signed_percent(value: float | None) -> str:
    if value is None:
        return NOT_PUBLISHED
    if value == 0:
        return "0.0%"
    return f"+{value:.1f}%" if value > 0 else f"{MINUS}{abs(value):.1f}%"


def count(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:,.0f}"


def thousands(value: float | None) -> str:
    """Projections publish employment in thousands: 166.9 -> '166,900'."""
    return NOT_PUBLISHED if value is None else f"{value * 1000:,.0f}"


def wage(wages: WageFacts | None, column: str, top: TopCode) -> str:
    """One wage cell: the value, '$239,200+' when top-coded, else 'not published'."""
    if wages is None:
        return NOT_PUBLISHED
    value = getattr(wages, column)
    if value is None and wages.top_coded(column):
        return f"{top.hourly if column.startswith('hourly') else top.annual}+"
    return hourly(value) if column.startswith("hourly") else money(value)


def _dollars(value: float) -> str:
    """17.05 -> '17' (half up), for the short hourly range."""
    return f"{int(value + 0.5):,}"


def median_pay(wages: WageFacts | None, top: TopCode) -> str:
    """ "$63,970/yr"; "$29.05/h" for a job BLS reports only hourly; else why there is none."""
    if wages is not None and wages.paid_the_other_way("annual_median"):
        per_hour = wage(wages, "hourly_median", top)
        if per_hour != NOT_PUBLISHED:
            return f"{per_hour}/h"
    yearly = wage(wages, "annual_median", top)
    return yearly if yearly == NOT_PUBLISHED else f"{yearly}/yr"


def pay_range(wages: WageFacts | None, top: TopCode, short: bool = False) -> str:
    """The 10th-90th percentile range, yearly; hourly for a job BLS reports only hourly."""
    if wages is not None and wages.paid_the_other_way("annual_p10"):
        p10, p90 = wages.hourly_p10, wages.hourly_p90
        if p10 is not None and p90 is not None:
            if short:  # whole dollars fit a phone's column
                return f"${_dollars(p10)}–{_dollars(p90)}/h"
            return f"{hourly(p10)} – {hourly(p90)} an hour"
    if wages is None or (
        wages.annual_p10 is None and wages.annual_p90 is None and not wages.top_coded("annual_p90")
    ):
        return "n/p" if short else NOT_PUBLISHED
    if short:
        low = thousands_k(wages.annual_p10)
        high = (
            f"{thousands_k(top.annual_dollars)}+"
            if wages.annual_p90 is None and wages.top_coded("annual_p90")
            else thousands_k(wages.annual_p90)
        )
        return f"{low}–{high.lstrip('$')}"
    return f"{wage(wages, 'annual_p10', top)} – {wage(wages, 'annual_p90', top)}"


def sentence_case(title: str) -> str:
    """'Bill and Account Collectors' -> 'bill and account collectors' for use mid-sentence.

    Qualifiers after a comma ("…, Except Special Education") are dropped: the table above
    already names the occupation in full.
    """
    title = title.split(",")[0]
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def trim(text: str, limit: int = MAX_TEXT) -> str:
    """Cut at a line boundary below Telegram's limit, closing an open <pre>."""
    if len(text) <= limit:
        return text
    suffix = "\n…"
    cut = text[: limit - len(suffix) - len("</pre>")]
    cut = cut[: cut.rfind("\n")] if "\n" in cut else cut
    if cut.count("<pre>") > cut.count("</pre>"):
        cut += "</pre>"
    # Never leave a half tag or entity at the end.
    cut = re.sub(r"<[^>]*$|&[#\w]*$", "", cut)
    return cut + suffix


@dataclass(frozen=True)
class Side:
    """One title as asked, and the occupation it was matched to."""

    asked_as: str
    matched_title: str
    facts: OccupationFacts


def _cell(text: str, width: int) -> str:
    return text[:width].ljust(width)


def _cell_wage(wages: WageFacts | None, column: str, top: TopCode) -> str:
    """A table cell: the wage, or which way BLS reports an occupation it reports only one way."""
    if wages is not None and wages.paid_the_other_way(column):
        return "yearly only" if column.startswith("hourly") else "hourly only"
    return wage(wages, column, top)


def _short(value: str | None, short_forms: dict[str, str]) -> str:
    """A projection's wording as a table cell: its short form, else as published, else n/p."""
    return short_forms.get(value, value) if value else "n/p"


def summary_table(sides: Sequence[Side], top: TopCode) -> str:
    """Two occupations side by side in a monospace block that fits a phone (~34 columns)."""
    rows: list[tuple[str, list[str]]] = [
        ("Median pay", [_cell_wage(s.facts.wages, "annual_median", top) for s in sides]),
        ("Hourly", [_cell_wage(s.facts.wages, "hourly_median", top) for s in sides]),
        ("Range 10-90", [pay_range(s.facts.wages, top, short=True) for s in sides]),
        (
            "Growth",
            [
                signed_percent(s.facts.projection.percent_change)
                if s.facts.projection
                else NOT_PUBLISHED
                for s in sides
            ],
        ),
        (
            "Jobs",
            [count(s.facts.wages.employment) if s.facts.wages else NOT_PUBLISHED for s in sides],
        ),
        (
            "Education",
            [
                _short(s.facts.projection.typical_education, SHORT_EDUCATION)
                if s.facts.projection
                else "n/p"
                for s in sides
            ],
        ),
        (
            "Experience",
            [
                _short(s.facts.projection.work_experience, SHORT_EXPERIENCE)
                if s.facts.projection
                else "n/p"
                for s in sides
            ],
        ),
    ]
    cells = [
        (label, ["n/p" if v == NOT_PUBLISHED else v for v in values]) for label, values in rows
    ]
    widths = [max(len(values[i]) for _, values in cells) + 2 for i in range(len(sides))]
    lines = [" " * 12 + "".join(str(i + 1).ljust(w) for i, w in enumerate(widths)).rstrip()]
    for label, values in cells:
        lines.append(
            _cell(label, 12)
            + "".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
        )
    if any("n/p" in values for _, values in cells):
        lines.append("n/p: not published by the source")
    return "<pre>" + esc("\n".join(lines)) + "</pre>"


def summary_lines(side: Side, top: TopCode, average_growth: float | None) -> list[str]:
    """One occupation's key figures as labelled lines (profiles and 3-4 way comparisons)."""
    f, w, p = side.facts, side.facts.wages, side.facts.projection
    growth = signed_percent(p.percent_change) if p else NOT_PUBLISHED
    if p and p.percent_change is not None and average_growth is not None:
        growth += f" (all jobs: {signed_percent(average_growth)})"
    median, per_hour = wage(w, "annual_median", top), wage(w, "hourly_median", top)
    if median != NOT_PUBLISHED:
        pay = f"💵 Median pay: <b>{esc(median)}</b>/yr"
        if per_hour != NOT_PUBLISHED:
            pay += f" · {esc(per_hour)}/h"
        elif w is not None and w.paid_the_other_way("hourly_median"):
            pay += f" ({ONE_WAY.format(way='yearly')})"
        else:
            pay += " (hourly not published)"
    elif per_hour != NOT_PUBLISHED and w is not None and w.paid_the_other_way("annual_median"):
        pay = f"💵 Median pay: <b>{esc(per_hour)}</b>/h ({ONE_WAY.format(way='hourly')})"
    else:
        pay = f"💵 Median pay: {NOT_PUBLISHED}"
        if per_hour != NOT_PUBLISHED:
            pay += f" · {esc(per_hour)}/h"
    lines = [
        pay,
        f"↔️ Pay range (10th–90th pct): {esc(pay_range(w, top))}",
        f"📈 Growth 2024–34: {esc(growth)}",
        f"👥 Jobs: {count(w.employment) if w else NOT_PUBLISHED}",
        "🎓 Typical entry education: "
        + esc(p.typical_education or NOT_PUBLISHED if p else NOT_PUBLISHED),
        f"🧰 Experience needed: {esc(p.work_experience or NOT_PUBLISHED if p else NOT_PUBLISHED)}",
    ]
    if f.wages_from_aggregate and f.wage_title:
        lines.append(f"<i>Pay figures for: {esc(f.wage_title)}</i>")
    return lines


def differences(sides: Sequence[Side]) -> list[str]:
    """One or two plain sentences on what differs most, from the source figures only."""
    a, b = sides[0].facts, sides[1].facts
    out: list[str] = []
    ma: float | None = a.wages.annual_median if a.wages else None
    mb: float | None = b.wages.annual_median if b.wages else None
    per_hour = ""
    if ma is None and mb is None and a.wages and b.wages:  # both paid by the hour (footnote 4)
        ma, mb, per_hour = a.wages.hourly_median, b.wages.hourly_median, " an hour"
    if ma is not None and mb is not None and ma != mb:
        high, low, hi_m, lo_m = (a, b, ma, mb) if ma > mb else (b, a, mb, ma)
        gap = hi_m - lo_m
        amount = f"${gap:,.2f}" if per_hour else f"${gap:,}"
        out.append(
            f"{esc(capitalize(sentence_case(high.title)))} earn about {amount}{per_hour} "
            f"({100 * gap / lo_m:.0f}%) more at the median than "
            f"{esc(sentence_case(low.title))}."
        )
    elif ma is not None and ma == mb:
        out.append("Both earn the same median pay.")
    ja = a.wages.employment if a.wages else None
    jb = b.wages.employment if b.wages else None
    ga = a.projection.percent_change if a.projection else None
    gb = b.projection.percent_change if b.projection else None
    jobs_sentence = growth_sentence = None
    jobs_ratio = growth_gap = 0.0
    if ja and jb:
        big, _small, nb, ns = (a, b, ja, jb) if ja >= jb else (b, a, jb, ja)
        jobs_ratio = nb / ns
        if jobs_ratio >= 1.5:
            jobs_sentence = (
                f"{esc(capitalize(sentence_case(big.title)))} have {jobs_ratio:.1f}× as many jobs."
            )
    if ga is not None and gb is not None:
        growth_gap = abs(ga - gb)
        if growth_gap >= 3 or (ga < 0) != (gb < 0):
            fast, slow, gf, gs = (a, b, ga, gb) if ga >= gb else (b, a, gb, ga)
            verb = "shrink" if gs < 0 else "grow"
            growth_sentence = (
                f"By 2034 {esc(sentence_case(fast.title))} are projected to "
                f"{'grow' if gf >= 0 else 'shrink'} {abs(gf):.1f}%, "
                f"{esc(sentence_case(slow.title))} to {verb} {abs(gs):.1f}%."
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
