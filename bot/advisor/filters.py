"""What a ranking is asked for: a measure, an area and filters — as one value object.

`RankQuery` is what the recogniser reads from a message, what a « » button carries in its
state (`to_state` / `from_state`, within Telegram's 64 bytes), what `ask --json` prints
(`json`, in the names of bench/eval/advisor.jsonl) and what the conversation layer changes for
a follow-up ("what about in Texas?" is the same query with another area).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from store.codes import NATIONAL


class Measure(StrEnum):
    ANNUAL = "annual_median"
    HOURLY = "hourly_median"
    GROWTH = "growth"
    OPENINGS = "openings"
    EMPLOYMENT = "employment"

    @property
    def national_only(self) -> bool:
        """Employment Projections publish growth and openings for the nation only."""
        return self in (Measure.GROWTH, Measure.OPENINGS)


class Education(StrEnum):
    """Table 1.2 "Typical education needed for entry", lowest first."""

    NONE = "none"
    HIGH_SCHOOL = "high_school"
    SOME_COLLEGE = "some_college"
    POSTSECONDARY = "postsecondary_nondegree"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORAL = "doctoral"

    @property
    def rank(self) -> int:
        return _EDUCATION_RANKS[self]


_EDUCATION_RANKS = {level: rank for rank, level in enumerate(Education)}
# Table 1.2's wording of each level.
EDUCATION_WORDING = {
    "No formal educational credential": Education.NONE,
    "High school diploma or equivalent": Education.HIGH_SCHOOL,
    "Some college, no degree": Education.SOME_COLLEGE,
    "Postsecondary nondegree award": Education.POSTSECONDARY,
    "Associate's degree": Education.ASSOCIATE,
    "Bachelor's degree": Education.BACHELOR,
    "Master's degree": Education.MASTER,
    "Doctoral or professional degree": Education.DOCTORAL,
}
# How a list heading names a level ("jobs that need a bachelor's degree").
EDUCATION_NAMES = {
    Education.NONE: "no formal credential",
    Education.HIGH_SCHOOL: "a high school diploma",
    Education.SOME_COLLEGE: "some college",
    Education.POSTSECONDARY: "a certificate (postsecondary nondegree award)",
    Education.ASSOCIATE: "an associate's degree",
    Education.BACHELOR: "a bachelor's degree",
    Education.MASTER: "a master's degree",
    Education.DOCTORAL: "a doctoral or professional degree",
}
SOC_MAJOR_GROUPS = [
    "11",
    "13",
    "15",
    "17",
    "19",
    "21",
    "23",
    "25",
    "27",
    "29",
    "31",
    "33",
    "35",
    "37",
    "39",
    "41",
    "43",
    "45",
    "47",
    "49",
    "51",
    "53",
    "55",
]

_MEASURE_KEYS = {m: m.value[0] for m in Measure}  # a h g o e
_EDUCATION_OPS = {"education": "x", "education_max": "m", "education_min": "n"}
# The tokens of a state (see `to_state`): a letter, then what its value may be.
_TOKENS = {
    "E": re.compile(r"[xmn][0-7]"),
    "X": re.compile(r""),
    "F": re.compile(r"[0-9a-f]{1,6}"),
    "P": re.compile(r"\d{1,7}"),
    "H": re.compile(r"\d{1,6}"),
    "L": re.compile(r""),
    "N": re.compile(r"\d{1,4}"),
}


@dataclass(frozen=True)
class Filters:
    """Which occupations a ranking keeps. Unset filters keep everything."""

    education: Education | None = None  # exactly this typical entry education
    education_max: Education | None = None  # at most this ("without a degree": postsecondary)
    education_min: Education | None = None
    experience_none: bool = False  # Table 1.2: no work experience in a related occupation
    fields: tuple[str, ...] = ()  # SOC major groups ("29", "31" for healthcare)
    min_pay: int | None = None  # the area's annual median at least this
    min_hourly: float | None = None
    similar_to: str | None = None  # an O*NET code: only its O*NET Related Occupations
    less_school: bool = False  # with similar_to: a lower Job Zone than it

    def json(self) -> dict[str, Any]:
        """The filters in bench/eval/advisor.jsonl's names; unset ones left out."""
        out: dict[str, Any] = {}
        for key in ("education", "education_max", "education_min"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value.value
        if self.experience_none:
            out["experience"] = "none"
        if self.fields:
            out["field"] = list(self.fields)
        if self.min_pay is not None:
            out["min_pay"] = self.min_pay
        if self.min_hourly is not None:
            out["min_hourly"] = self.min_hourly
        if self.similar_to:
            out["similar_to"] = self.similar_to
        if self.less_school:
            out["less_school"] = True
        return out

    def merged(self, newer: Filters) -> Filters:
        """These filters with every filter `newer` sets put in their place (a follow-up:
        "only ones without a degree"). A new education filter replaces any old one."""
        changes: dict[str, Any] = {}
        if newer.education or newer.education_max or newer.education_min:
            changes |= {
                "education": newer.education,
                "education_max": newer.education_max,
                "education_min": newer.education_min,
            }
        if newer.experience_none:
            changes["experience_none"] = True
        if newer.fields:
            changes["fields"] = newer.fields
        if newer.min_pay is not None:
            changes["min_pay"] = newer.min_pay
        if newer.min_hourly is not None:
            changes["min_hourly"] = newer.min_hourly
        if newer.similar_to:
            changes |= {"similar_to": newer.similar_to, "less_school": newer.less_school}
        return replace(self, **changes)

    @property
    def empty(self) -> bool:
        return not self.json()


@dataclass(frozen=True)
class RankQuery:
    """A ranking: which measure, in which OEWS area, under which filters."""

    measure: Measure = Measure.ANNUAL
    area: str = NATIONAL  # OEWS area code
    filters: Filters = field(default_factory=Filters)

    def to_state(self, page: int = 0) -> str:
        """The button state for one page: tokens joined by "~" (the similar-to code and
        the area travel in the payload's own code and area parts)."""
        f = self.filters
        tokens = [_MEASURE_KEYS[self.measure]]
        for key, op in _EDUCATION_OPS.items():
            level: Education | None = getattr(f, key)
            if level is not None:
                tokens.append(f"E{op}{level.rank}")
        if f.experience_none:
            tokens.append("X")
        if f.fields:
            bits = sum(1 << SOC_MAJOR_GROUPS.index(g) for g in f.fields)
            tokens.append(f"F{bits:x}")
        if f.min_pay is not None:
            tokens.append(f"P{f.min_pay}")
        if f.min_hourly is not None:
            tokens.append(f"H{round(f.min_hourly * 100)}")
        if f.less_school:
            tokens.append("L")
        if page:
            tokens.append(f"N{page}")
        return "~".join(tokens)

    @classmethod
    def from_state(
        cls, state: str, area: str | None, similar_to: str | None
    ) -> tuple[RankQuery, int]:
        """The query and page a button's state names; ValueError if it is malformed."""
        first, *rest = state.split("~")
        measures = [m for m, key in _MEASURE_KEYS.items() if key == first]
        if not measures:
            raise ValueError(f"bad measure {first!r}")
        changes: dict[str, Any] = {"similar_to": similar_to}
        page = 0
        for token in rest:
            key, value = token[:1], token[1:]
            if key not in _TOKENS or not _TOKENS[key].fullmatch(value):
                raise ValueError(f"bad token {token!r}")
            if key == "E":
                name = next(k for k, op in _EDUCATION_OPS.items() if op == value[0])
                changes[name] = list(Education)[int(value[1:])]
            elif key == "X":
                changes["experience_none"] = True
            elif key == "F":
                bits = int(value, 16)
                changes["fields"] = tuple(
                    g for i, g in enumerate(SOC_MAJOR_GROUPS) if bits & (1 << i)
                )
            elif key == "P":
                changes["min_pay"] = int(value)
            elif key == "H":
                changes["min_hourly"] = int(value) / 100
            elif key == "L":
                changes["less_school"] = True
            else:
                page = int(value)
        return cls(measures[0], area or NATIONAL, Filters(**changes)), page
