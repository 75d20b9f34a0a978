"""Hand-made facts for rendering tests: the shapes the store returns, with values chosen here."""

from __future__ import annotations

from store.facts import OccupationFacts, ProjectionFacts, WageFacts


def wages(**values: object) -> WageFacts:
    base: dict[str, object] = {c: None for c in WageFacts.__dataclass_fields__}
    base.update(
        soc_code="43-3011",
        area_code="0000000",
        area_name="National",
        industry_code="000000",
        footnotes={},
    )
    base.update(values)
    return WageFacts(**base)  # type: ignore[arg-type]


def occupation(
    title: str,
    w: WageFacts | None,
    growth: float | None = None,
    *,
    code: str = "43-3011.00",
    aggregate: str | None = None,
) -> OccupationFacts:
    """An occupation with these wages; `aggregate` names the BLS group its pay figures are
    for, when they are not its own."""
    projection = ProjectionFacts(
        "43-3011",
        title,
        166.9,
        149.4,
        -17.5,
        growth,
        13.7,
        46040,
        "High school diploma or equivalent",
        "None",
        None,
    )
    soc = code[:7]
    wage_code = soc[:5] + "00" if aggregate else soc  # the broad group, as BLS publishes it
    return OccupationFacts(code, title, "", soc, 2, wage_code, aggregate, soc, w, projection)
