"""The advisor in a conversation: what its answers leave behind, and how it reads the last one.

Each advisor reply carries a `Context` (bot.conversation.context): its kind, occupations and
place, the occupations a list showed (`listed`: "the third one"), and in `redo` how to ask the
same question again elsewhere — a ranking's query, a pay, a list of places — so "what about in
Texas?" after a ranking is that ranking in Texas (`show`). The advisor reads the last answer
as a `Previous` (`from_context`, or `from_reply` where only the reply is at hand) for its own
follow-ups: "how do I become one?", "only ones without a degree", "where do they make the most?".

`redo` formats: `n|<RankQuery state>|<similar-to code>`, `p|<s or m>`, `$|<pay>|<h or y>`,
`t|<tool number>|<a or e>`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.advisor.filters import Education, Filters, Measure, RankQuery
from bot.conversation.context import Context
from bot.places import POSTAL, Place, PlaceKind, Places
from bot.replies import Reply, ReplyKind
from store.codes import NATIONAL

_STATE_AREAS = {postal: f"{fips}00000" for fips, postal in POSTAL.items()}
CONTEXT_CODES = 4  # a list's first few stand for it in follow-ups ("which pays more?")


@dataclass(frozen=True)
class Previous:
    kind: ReplyKind
    codes: tuple[str, ...] = ()  # the occupations the answer was about, in its order
    area: str | None = None  # its OEWS area code, None for national
    ranking: RankQuery | None = None  # when it was a ranking
    redo: str | None = None  # how to ask it again elsewhere (see the module docstring)

    @property
    def occupation(self) -> str | None:
        """The one occupation the answer was about (a profile, a how-to, ...; after a switch,
        the job switched to: "what degree do u need for that")."""
        if self.kind == ReplyKind.SWITCH and len(self.codes) == 2:
            return self.codes[1]
        if self.kind in (ReplyKind.RANK, ReplyKind.TOOLS) or len(set(self.codes)) != 1:
            return None
        return self.codes[0]

    @classmethod
    def from_context(cls, ctx: Context) -> Previous:
        try:
            kind = ReplyKind(ctx.kind)
        except ValueError:
            kind = ReplyKind.NONE
        ranking = None
        if ctx.redo and ctx.redo.startswith("n|"):
            ranking = ranking_of(ctx.redo, ctx.area)
        return cls(kind, ctx.codes, ctx.area, ranking, ctx.redo)

    def elsewhere(self, area: str | None) -> Context:
        """This answer's context in another area (None: national)."""
        return Context(self.kind, self.codes, self.codes, area, redo=self.redo)

    @classmethod
    def from_reply(cls, reply: Reply, places: Places) -> Previous:
        if reply.context is not None:
            return cls.from_context(reply.context)
        codes = tuple(str(o["code"]) for o in reply.occupations if o.get("code"))
        location = reply.extra.get("location") or {}
        area = location.get("oews_area") if isinstance(location, Mapping) else None
        ranking = reply.extra.get("ranking")
        query = rank_query(ranking, places) if isinstance(ranking, Mapping) else None
        return cls(reply.kind, codes, None if area == NATIONAL else area, query)


def context(
    kind: ReplyKind,
    codes: Sequence[str],
    titles: Sequence[str],
    place: Place | None,
    redo: str | None = None,
    listed: Sequence[str] = (),
) -> Context:
    """What an advisor answer leaves the conversation about."""
    shown = tuple(codes[:CONTEXT_CODES])
    return Context(
        kind,
        shown,
        tuple(titles[: len(shown)]),
        place.code if place is not None else None,
        listed=tuple(listed) if len(listed) > 1 else (),
        redo=redo,
    )


def ranking_redo(query: RankQuery) -> str:
    return f"n|{query.to_state()}|{query.filters.similar_to or ''}"


def ranking_of(redo: str, area: str | None) -> RankQuery | None:
    """The ranking a `redo` names, in `area` (the conversation's, maybe changed since)."""
    try:
        _, state, similar = redo.split("|")
        query, _page = RankQuery.from_state(state, area, similar or None)
    except ValueError:
        return None
    return query


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


def is_state(place: Place | None) -> bool:
    return place is not None and place.kind == PlaceKind.STATE
