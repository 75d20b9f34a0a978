"""BLS's stated reasons for an occupation's projected change (Employment Projections
Table 1.12, "Factors affecting occupational utilization"), quoted as published: the Outlook
view and the advisor's "is it a good bet?" card both show them."""

from __future__ import annotations

from bot.render import esc
from store.advisor import Factor

MAX_FACTORS = 3


def factor_lines(factors: tuple[Factor, ...], limit: int = MAX_FACTORS) -> list[str]:
    """The factors, all industries first, then by industry; the rest counted."""
    lines = []
    for factor in factors[:limit]:
        where = "All industries" if factor.industry_code == "TE1000" else f"In {factor.industry}"
        lines.append(f"• {esc(where)}: “{esc(factor.text)}”")
    if len(factors) > limit:
        lines.append(f"<i>…and {len(factors) - limit} more industries in Table 1.12.</i>")
    return lines
