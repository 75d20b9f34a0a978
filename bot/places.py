"""Places people name ("in Texas", "in TX", "in Seattle, WA", "in NYC") -> OEWS areas.

OEWS names states in full and metro areas by their principal cities and postal codes
("Seattle-Tacoma-Bellevue, WA"); people type a state, its postal code, or one city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from store.codes import NATIONAL
from store.facts import AreaFacts

POSTAL = {
    "01": "AL",
    "02": "AK",
    "04": "AZ",
    "05": "AR",
    "06": "CA",
    "08": "CO",
    "09": "CT",
    "10": "DE",
    "11": "DC",
    "12": "FL",
    "13": "GA",
    "15": "HI",
    "16": "ID",
    "17": "IL",
    "18": "IN",
    "19": "IA",
    "20": "KS",
    "21": "KY",
    "22": "LA",
    "23": "ME",
    "24": "MD",
    "25": "MA",
    "26": "MI",
    "27": "MN",
    "28": "MS",
    "29": "MO",
    "30": "MT",
    "31": "NE",
    "32": "NV",
    "33": "NH",
    "34": "NJ",
    "35": "NM",
    "36": "NY",
    "37": "NC",
    "38": "ND",
    "39": "OH",
    "40": "OK",
    "41": "OR",
    "42": "PA",
    "44": "RI",
    "45": "SC",
    "46": "SD",
    "47": "TN",
    "48": "TX",
    "49": "UT",
    "50": "VT",
    "51": "VA",
    "53": "WA",
    "54": "WV",
    "55": "WI",
    "56": "WY",
    "66": "GU",
    "72": "PR",
    "78": "VI",
}
# Everyday names for places whose OEWS name differs.
NICKNAMES = {
    "nyc": "new york, ny",
    "new york city": "new york, ny",
    "manhattan": "new york, ny",
    "brooklyn": "new york, ny",
    "la": "los angeles",
    "sf": "san francisco",
    "bay area": "san francisco",
    "silicon valley": "san jose",
    "philly": "philadelphia",
    "vegas": "las vegas",
    "washington dc": "washington, dc",
    "dc": "district of columbia",
    "d c": "district of columbia",
    "nola": "new orleans",
    "atl": "atlanta",
    "chi": "chicago",
    "slc": "salt lake city",
    "the bay": "san francisco",
    "socal": "los angeles",
    "dfw": "dallas",
}
# What people send to mean "the whole country" (/state US).
NATIONAL_WORDS = {"us", "usa", "u.s.", "national", "nationwide", "united states", "none", "reset"}
_CLEAN = re.compile(r"[^a-z ,]+")


class PlaceKind(StrEnum):
    STATE = "state"
    METRO = "metro"
    NATIONAL = "national"


@dataclass(frozen=True)
class Place:
    code: str  # the OEWS area code
    kind: PlaceKind
    name: str
    state_code: str = ""  # FIPS of the state (of a metro: its first state)


NATIONAL_NAME = "United States"


def place_name(place: Place | None) -> str:
    """How every answer names a place: OEWS's own name ("Texas", "Seattle-Tacoma-Bellevue,
    WA"), and "United States" for national figures (never "National" or "the whole U.S.")."""
    return NATIONAL_NAME if place is None else place.name


class Places:
    def __init__(self, areas: Iterable[AreaFacts]) -> None:
        self._found: dict[str, Place | None] = {}
        self.states: dict[str, Place] = {}
        self.metros: list[tuple[list[str], set[str], Place]] = []
        for area in areas:
            if area.kind == "S":
                place = Place(area.code, PlaceKind.STATE, area.name, area.state_code)
                self.states[area.name.lower()] = place
                if area.state_code in POSTAL:
                    self.states[POSTAL[area.state_code].lower()] = place
            elif area.kind == "M" and "nonmetropolitan" not in area.name.lower():
                cities_part, _, states_part = area.name.rpartition(", ")
                cities = [c.strip().lower() for c in re.split(r"[-/]", cities_part)]
                self.metros.append(
                    (
                        cities,
                        set(states_part.lower().split("-")),
                        Place(area.code, PlaceKind.METRO, area.name, area.state_code),
                    )
                )

    def json(self, place: Place | None) -> dict[str, str]:
        """`location` for `ask --json`: state FIPS ("48"), metro CBSA code ("42660"), or US."""
        if place is None:
            return {
                "kind": PlaceKind.NATIONAL,
                "code": "US",
                "name": NATIONAL_NAME,
                "oews_area": NATIONAL,
            }
        code = place.code[:2] if place.kind == PlaceKind.STATE else place.code[2:]
        return {"kind": place.kind, "code": code, "name": place.name, "oews_area": place.code}

    def state_list(self) -> list[Place]:
        """Every state (and DC and the territories OEWS covers), by name."""
        return sorted(set(self.states.values()), key=lambda p: p.name)

    def postal(self, state: Place) -> str:
        return POSTAL.get(state.state_code, "")

    def metros_of(self, state: Place) -> list[Place]:
        """The metro areas in a state, by name; one spanning states is in each ("Texarkana,
        TX-AR" is in Texas and in Arkansas)."""
        postal = self.postal(state).lower()
        return sorted(
            (p for _, states, p in self.metros if postal and postal in states),
            key=lambda p: p.name,
        )

    def by_code(self, area_code: str) -> Place | None:
        for place in self.states.values():
            if place.code == area_code:
                return place
        return next((p for _, _, p in self.metros if p.code == area_code), None)

    def find(self, text: str) -> Place | None:
        """The place a name means, or None; remembered, as every message asks about a few."""
        key = text[:80]
        if key not in self._found:
            if len(self._found) >= 10_000:
                self._found.clear()
            self._found[key] = self._find(key)
        return self._found[key]

    def _find(self, text: str) -> Place | None:
        name = " ".join(_CLEAN.sub(" ", text.lower().replace(".", "")).split()).strip(" ,")
        name = NICKNAMES.get(name, name)
        if "," not in name and name in self.states:
            return self.states[name]
        city, _, state = name.partition(",")
        city, state = NICKNAMES.get(city.strip(), city.strip()), state.strip()
        if state and state not in self.states:
            return None
        postal = ""
        if state:
            state_place = self.states[state]
            postal = next(
                (p.lower() for fips, p in POSTAL.items() if state_place.code.startswith(fips)),
                state,
            )
        best: Place | None = None
        best_rank = 99
        for cities, states, place in self.metros:
            if city in cities and (not postal or postal in states):
                rank = cities.index(city)
                if rank < best_rank:
                    best, best_rank = place, rank
        if best is None and not state and city in self.states:
            return self.states[city]
        return best
