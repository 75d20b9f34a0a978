"""The structured answers `careerbot ask --json` and `careerbot match` print.

The shapes are a promise to scripts and evaluations: fields are only ever added.
"""

from __future__ import annotations

from typing import Any

from bot.render import Side
from bot.resolver import Resolution


def occupation_json(side: Side, period: str) -> dict[str, Any]:
    """One occupation of an answer with its exact source figures (projections in thousands,
    as Table 1.2 publishes them)."""
    f, w, p = side.facts, side.facts.wages, side.facts.projection
    return {
        "code": f.code,
        "title": f.title,
        "asked_as": side.asked_as,
        "matched_title": side.matched_title,
        "wages": None
        if w is None
        else {
            "annual_median": w.annual_median,
            "hourly_median": w.hourly_median,
            "annual_mean": w.annual_mean,
            "annual_p10": w.annual_p10,
            "annual_p25": w.annual_p25,
            "annual_p75": w.annual_p75,
            "annual_p90": w.annual_p90,
            "employment": w.employment,
            "area": w.area_name,
            "area_code": w.area_code,
            "period": period,
            "soc_code": w.soc_code,
            "aggregate_title": f.wage_title,
        },
        "projection": None
        if p is None
        else {
            "percent_change": p.percent_change,
            "employment_2024": p.employment_2024,
            "employment_2034": p.employment_2034,
            "openings": p.openings,
            "self_employed_percent": p.self_employed_percent,
            "unit": "thousands",
            "code": p.code,
        },
        "education": {"typical_entry": p.typical_education if p else None},
    }


def resolution_json(resolution: Resolution) -> dict[str, Any]:
    """One title as resolved: its status and the candidates, best first."""
    return {
        "text": resolution.text,
        "status": resolution.status,
        "candidates": [
            {
                "code": c.code,
                "title": c.title,
                "matched_title": c.matched_title,
                "score": c.score,
            }
            for c in resolution.candidates
        ],
    }
