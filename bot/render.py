"""Turning facts into Telegram HTML: numbers, the side-by-side summary, and safe trimming.

Only this module decides how a figure reads. A value the source did not publish is shown as
"not published"; a top-coded wage as "$239,200+" (BLS's own threshold, from its footnote).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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


# Never echoed back: control characters, and the invisible marks that reorder or hide text
# (bidi embeddings, overrides and isolates, zero-width spaces and joiners, the BOM).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
MAX_ECHO = 80


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, ending with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


def echo(text: str, limit: int = MAX_ECHO) -> str:
    """What a person typed, safe to show back: no control or bidi characters, one line, cut
    to `limit` characters at a word boundary, HTML-escaped."""
    return esc(clip(_UNSAFE.sub("", text), limit))


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
    """Projections publish employment in thousands to one decimal: 166.9 -> '166,900'; 0.0
    means fewer than 50, not none."""
    if value is None:
        return NOT_PUBLISHED
    return FEWER_THAN_50 if value == 0 else f"{value * 1000:,.0f}"


FEWER_THAN_50 = "fewer than 50"


def onet_value(value: float) -> str:
    """An O*NET rating to one decimal, half up as people round (3.25 -> 3.3): a float's own
    formatting would give 3.2, since 3.25 is stored a hair below."""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


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
    if wages.top_coded("annual_p10"):  # every percentile at or above BLS's top code
        return (
            f"{thousands_k(top.annual_dollars)}+" if short else f"{top.annual}+ (all percentiles)"
        )
    if short:
        low, high = (_short_wage(wages, column, top) for column in ("annual_p10", "annual_p90"))
        return f"{low}–{high.lstrip('$')}"
    return f"{wage(wages, 'annual_p10', top)} – {wage(wages, 'annual_p90', top)}"


def _short_wage(wages: WageFacts, column: str, top: TopCode) -> str:
    """A yearly figure in thousands for the table: "$34.4k", "$239.2k+" when top-coded."""
    if getattr(wages, column) is None and wages.top_coded(column):
        return f"{thousands_k(top.annual_dollars)}+"
    return thousands_k(getattr(wages, column))


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
        lines.append(gap_legend([s.facts.wages for s in sides]))
    if any("k" in v for v in cells[2][1]):
        lines.append("k: thousands, rounded to $100")
    return "<pre>" + esc("\n".join(lines)) + "</pre>"


def gap_legend(wages: Sequence[WageFacts | None]) -> str:
    """What "n/p" means here: BLS footnote 8 where it marks a gap, the source's silence else."""
    if any(w is not None and "8" in w.footnotes.values() for w in wages):
        return "n/p: not published (BLS: estimate not released)"
    return "n/p: not published by the source"


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
        lines.append(f"<i>Pay, jobs and growth: BLS's figures for {esc(f.wage_title)}</i>")
    return lines
