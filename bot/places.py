"""Places people name ("in Texas", "in TX", "in Seattle, WA", "in NYC") -> OEWS areas.

OEWS names states in full and metro areas by their principal cities and postal codes
("Seattle-Tacoma-Bellevue, WA"); people type a state, its postal code, or one city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from cachetools import LRUCache
from rapidfuzz import fuzz, process

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
    # states as people shorten them
    "mass": "massachusetts",
    "cali": "california",
    "calif": "california",
    "jersey": "new jersey",
    "penn": "pennsylvania",
    "wash": "washington",
    "minn": "minnesota",
    "tenn": "tennessee",
    "ariz": "arizona",
    "colo": "colorado",
    "mich": "michigan",
    "wisc": "wisconsin",
    "conn": "connecticut",
    "okla": "oklahoma",
}
# What people send to mean "the whole country" (/state US).
NATIONAL_WORDS = {"us", "usa", "u.s.", "national", "nationwide", "united states", "none", "reset"}
# Names of metro areas as people say them, where the plain name would mean a state.
AREA_NICKNAMES = {
    "dc area": "washington, dc",
    "dmv": "washington, dc",
    "dc metro": "washington, dc",
    "washington dc area": "washington, dc",
    "bay area": "san francisco",
    "tri state area": "new york, ny",
}
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


# How people shorten or spell out the words of city names, as BLS writes them ("St. Louis").
_SHORT = {"ft": "fort", "saint": "st", "mt": "mount"}
_SHORT_WORDS = re.compile(r"\b(?:ft|saint|mt)\b(?=\s+\w)")
# A part of a state, said before its name: the state ("southern california", "upstate ny").
_PART_OF = re.compile(
    r"^(?:southern|northern|eastern|western|central|upstate|downstate|coastal|rural|south|north"
    r"|east|west)\s+(?P<state>[a-z .]{2,20})$"
)
# Regions people name that BLS publishes no figures for ("the" left out).
REGIONS = frozenset(
    [
        "midwest", "new england", "northeast", "southeast", "southwest", "northwest",
        "pacific northwest", "west coast", "east coast", "south", "north", "west", "east",
        "gulf coast", "rust belt", "sun belt", "tri-state area", "mid-atlantic",
        "great plains", "deep south", "mountain west", "new england area",
    ]
)  # fmt: skip


def is_region(text: str) -> bool:
    """Whether `text` names a region of the country ("the midwest"), which has no figures."""
    name = re.sub(r"^(?:in|around|near)\s+", "", " ".join(text.casefold().split()).strip(" ?!.,"))
    return re.sub(r"^the\s+", "", name) in REGIONS


# Words of city names that name no city alone: "the south" is a region, not South Bend.
_NOT_A_CITY = frozenset(
    [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new",
        "old", "port", "fort", "saint", "st", "san", "santa", "los", "las", "el", "la", "lake",
        "city", "beach", "falls", "springs", "grand", "little", "great", "palm", "mount",
        "point", "rock", "river", "valley", "island", "bay", "park", "heights", "hills",
        "harbor", "central", "upper", "lower",
    ]
)  # fmt: skip


class Places:
    def __init__(self, areas: Iterable[AreaFacts], jobs: Mapping[str, int] | None = None) -> None:
        """`jobs`: each area's employment, all occupations: of two metros with the same city
        ("portland"), people mean the bigger."""
        self.jobs = dict(jobs or {})
        self._loose: LRUCache[str, Place | None] = LRUCache(maxsize=20_000)
        self._found: LRUCache[str, Place | None] = LRUCache(maxsize=20_000)
        self._by_city_word: dict[str, list[Place]] = {}
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
                cities = [
                    c.strip().lower().replace(".", "") for c in re.split(r"[-/]", cities_part)
                ]
                metro = Place(area.code, PlaceKind.METRO, area.name, area.state_code)
                self.metros.append((cities, set(states_part.lower().split("-")), metro))
                words = cities[0].split() if cities else []
                for size in range(1, len(words) + 1):  # "boise" in "boise city"
                    for start in range(len(words) - size + 1):
                        phrase = " ".join(words[start : start + size])
                        if phrase != cities[0] and phrase not in _NOT_A_CITY:
                            self._by_city_word.setdefault(phrase, []).append(metro)

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

    def state_of(self, area_code: str) -> str | None:
        """The state a metro area is in (its first state, for one that spans several)."""
        place = self.by_code(area_code)
        if place is None or place.kind != PlaceKind.METRO:
            return None
        first = place.name.rpartition(", ")[2].split("-")[0].strip().casefold()
        state = self.states.get(first)
        return state.code if state else None

    def by_code(self, area_code: str) -> Place | None:
        for place in self.states.values():
            if place.code == area_code:
                return place
        return next((p for _, _, p in self.metros if p.code == area_code), None)

    def find(self, text: str) -> Place | None:
        """The place a name means, or None; remembered, as every message asks about a few."""
        key = text[:80]
        try:
            return self._found[key]
        except KeyError:
            found = self._found[key] = self._find(key)
            return found

    def _find(self, text: str) -> Place | None:
        name = " ".join(_CLEAN.sub(" ", text.lower().replace(".", "")).split()).strip(" ,")
        name = _SHORT_WORDS.sub(lambda m: _SHORT[m.group(0)], name)  # "ft worth", "saint louis"
        name = NICKNAMES.get(name, name)
        if "," not in name and name in self.states:
            return self.states[name]
        if "," not in name:  # "cleveland ohio", "fort worth tx": a city, then its state
            words = name.split()
            for size in (2, 1):
                if len(words) > size and " ".join(words[-size:]) in self.states:
                    name = f"{' '.join(words[:-size])}, {' '.join(words[-size:])}"
                    break
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
        best_rank: tuple[int, int] = (99, 0)
        for cities, states, place in self.metros:
            if city in cities and (not postal or postal in states):
                rank = (cities.index(city), -self.jobs.get(place.code, 0))
                if rank < best_rank:
                    best, best_rank = place, rank
        if best is None and not state and city in self.states:
            return self.states[city]
        return best

    def find_loosely(self, text: str) -> Place | None:
        """`find`, forgiving how people write places in chat: "the dc area", "greater boston",
        "austin tx" (no comma), "washington state", "ohoi" (a typo of a state name).

        Asked several times per message (is this word a place?), so answers are remembered.
        """
        try:
            return self._loose[text]
        except KeyError:
            found = self._find_loosely(text)
            self._loose[text] = found
            return found

    def _find_loosely(self, text: str) -> Place | None:
        name = " ".join(_CLEAN.sub(" ", text.lower().replace(".", "")).split()).strip(" ,")
        name = re.sub(r"^the\s+", "", name)
        if name in AREA_NICKNAMES:
            return self.find(AREA_NICKNAMES[name])
        as_written = self.find(name)  # "kansas city" is a metro before "kansas" is a state
        if as_written is not None:
            return as_written
        name = re.sub(
            r"^(?:greater|metro|downtown)\s+|\s+(?:area|metro(?:\s+area)?|city)$", "", name
        )
        name = re.sub(r"^(?:the\s+)?(?:state\s+of\s+)|\s+state$", "", name)
        if not name:
            return None
        part = _PART_OF.match(name)
        if part and part["state"] in self.states:  # "southern california", "upstate ny"
            return self.states[part["state"]]
        found = self.find(name)
        if found is None and " " in name and "," not in name:
            head, _, last = name.rpartition(" ")
            if last in self.states:
                found = self.find(f"{head}, {last}")
        if found is None and "," not in name:  # "boise": Boise City, ID; "honolulu": Urban Honolulu
            named = self._by_city_word.get(name, [])
            if named:
                found = max(named, key=lambda p: self.jobs.get(p.code, 0))
        if found is None and len(name) >= 4 and "," not in name:
            full_names = [n for n in self.states if len(n) > 2]
            cutoff = 75 if len(name) < 6 else 85
            close = process.extractOne(name, full_names, scorer=fuzz.ratio, score_cutoff=cutoff)
            if close is not None:
                found = self.states[close[0]]
        return found
