"""What the advisor needs to know about the previous answer to read a follow-up.

"How do I become one?" after a profile, "what about in Texas?" after a ranking: the
conversation layer (which remembers a chat's last answer) hands the advisor a `Previous`;
`Previous.from_reply` builds one from any reply, so the front ends and the evaluation can too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.advisor.filters import Education, Filters, Measure, RankQuery
from bot.places import POSTAL, Places
from bot.replies import Reply, ReplyKind
from store.codes import NATIONAL

_STATE_AREAS = {postal: f"{fips}00000" for fips, postal in POSTAL.items()}


@dataclass(frozen=True)
class Previous:
    kind: ReplyKind
    codes: tuple[str, ...] = ()  # the occupations the answer was about, in its order
    area: str | None = None  # its OEWS area code, None for national
    ranking: RankQuery | None = None  # when it was a ranking

    @property
    def occupation(self) -> str | None:
        """The one occupation the answer was about (a profile, a how-to, ...)."""
        if self.kind == ReplyKind.RANK or len(set(self.codes)) != 1:
            return None
        return self.codes[0]

    @classmethod
    def from_reply(cls, reply: Reply, places: Places) -> Previous:
        codes = tuple(str(o["code"]) for o in reply.occupations if o.get("code"))
        location = reply.extra.get("location") or {}
        area = location.get("oews_area") if isinstance(location, Mapping) else None
        ranking = reply.extra.get("ranking")
        query = rank_query(ranking, places) if isinstance(ranking, Mapping) else None
        return cls(reply.kind, codes, None if area == NATIONAL else area, query)


def area_of(code: str, places: Places) -> str | None:
    """The OEWS area of "US", a postal code or a CBSA code; None if unknown."""
    if code == "US":
        return NATIONAL
    if code.upper() in _STATE_AREAS:
        return _STATE_AREAS[code.upper()]
    place = places.by_code(f"00{code}") if code.isdigit() and len(code) == 5 else None
    return place.code if place is not None else None


def rank_query(data: Mapping[str, Any], places: Places) -> RankQuery | None:
    """A ranking as `ask --json` prints it ({measure, area, filters}) -> its query."""
    try:
        filters = dict(data.get("filters") or {})
        changes: dict[str, Any] = {}
        for key in ("education", "education_max", "education_min"):
            if key in filters:
                changes[key] = Education(filters[key])
        if filters.get("experience") == "none":
            changes["experience_none"] = True
        if "field" in filters:
            changes["fields"] = tuple(filters["field"])
        for key in ("min_pay", "min_hourly", "similar_to", "less_school"):
            if key in filters:
                changes[key] = filters[key]
        area = area_of(str(data.get("area", "US")), places)
        return RankQuery(Measure(data["measure"]), area or NATIONAL, Filters(**changes))
    except (KeyError, ValueError, TypeError):
        return None
