"""Pay-range chart: each occupation's 10th-90th percentile band with the median marked.

Drawn with matplotlib's headless Agg backend at a size that stays legible on a phone. Only
published figures are drawn; a missing band is labelled "not published" instead.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from bot.render import TopCode
from store.facts import WageFacts

LIGHT, DARK, INK, GREY = "#9ecae1", "#4292c6", "#08306b", "#555555"


@dataclass(frozen=True)
class Bar:
    label: str
    wages: WageFacts | None


def _published(w: WageFacts | None, column: str, ceiling: int) -> int | None:
    """The annual figure, BLS's top-code threshold where it is top-coded, else None."""
    if w is None:
        return None
    value = getattr(w, column)
    if value is None and w.top_coded(column):
        return ceiling
    return int(value) if value is not None else None


def _gap_note(w: WageFacts | None, median: int | None) -> str:
    """What stands in for a yearly bar: the hourly range of a job BLS reports only hourly
    (footnote 4), the median alone, or that nothing is published."""
    if w is not None and w.paid_the_other_way("annual_p10"):
        low, high = w.hourly_p10, w.hourly_p90
        if low is not None and high is not None:
            return f"paid hourly: ${low:,.2f} – ${high:,.2f} an hour"
    return "pay range not published" if median is None else f"median ${median:,}"


def axis_end(bars: Sequence[Bar], top: TopCode) -> float:
    """Where the pay axis ends: a fifth past the highest 90th percentile drawn, or $10,000
    when no bar has a range (every row is a note)."""
    highs = [
        high
        for bar in bars
        if _published(bar.wages, "annual_p10", top.annual_dollars) is not None
        and (high := _published(bar.wages, "annual_p90", top.annual_dollars)) is not None
    ]
    return max(max(highs, default=0) * 1.2, 10_000)


def render_chart(bars: Sequence[Bar], area: str, period: str, top: TopCode) -> bytes:
    """The chart as PNG bytes.

    Built on a bare `Figure`, as matplotlib advises for servers, rather than pyplot: pyplot
    keeps global state (the current figure, a registry of open figures that leaks unless each
    is closed) shared by the threads that render charts; a Figure shares nothing.
    """
    from matplotlib.figure import Figure

    ceiling = top.annual_dollars
    figure = Figure(figsize=(7.2, 1.7 + 1.0 * len(bars)), dpi=150)
    axes = figure.subplots()
    for row, bar in enumerate(reversed(bars)):
        w = bar.wages
        low = _published(w, "annual_p10", ceiling)
        high = _published(w, "annual_p90", ceiling)
        median = _published(w, "annual_median", ceiling)
        if low is None or high is None:
            note = _gap_note(w, median).replace("$", r"\$")  # two $ would start mathtext
            axes.text(0.0, row, note, va="center", fontsize=10, color=GREY)
            continue
        axes.plot([low, high], [row, row], color=LIGHT, linewidth=16, solid_capstyle="butt")
        q1, q3 = _published(w, "annual_p25", ceiling), _published(w, "annual_p75", ceiling)
        if q1 is not None and q3 is not None:
            axes.plot([q1, q3], [row, row], color=DARK, linewidth=16, solid_capstyle="butt")
        if median is not None:
            axes.plot([median], [row], marker="|", markersize=28, color=INK, markeredgewidth=3)
            axes.annotate(
                f"${median:,}",
                (median, row),
                xytext=(0, 16),
                textcoords="offset points",
                ha="center",
                fontsize=10,
                color=INK,
                fontweight="bold",
            )
        plus = "+" if w is not None and w.annual_p90 is None else ""
        axes.annotate(
            f"${low:,}",
            (low, row),
            xytext=(-6, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=8,
            color=GREY,
        )
        axes.annotate(
            f"${high:,}{plus}",
            (high, row),
            xytext=(6, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=8,
            color=GREY,
        )
    axes.set_yticks(range(len(bars)))
    axes.set_yticklabels([b.label for b in reversed(bars)], fontsize=11)
    axes.set_ylim(-0.7, len(bars) - 0.3)
    axes.set_xlim(0, axis_end(bars, top))
    axes.xaxis.set_major_formatter(lambda value, _: f"${value / 1000:,.0f}k")
    axes.tick_params(axis="x", labelsize=9)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    figure.suptitle(f"Yearly pay — {area}", fontsize=13, x=0.01, ha="left", fontweight="bold")
    axes.set_title(
        "bar: 10th–90th percentile · dark: 25th–75th · tick: median",
        fontsize=9,
        loc="left",
        color=GREY,
    )
    figure.text(
        0.01,
        0.01,
        f"Source: U.S. Bureau of Labor Statistics, OEWS {period}.",
        fontsize=8,
        color=GREY,
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
