#!/usr/bin/env python3
"""Check advisor.jsonl: its shape, codes and places, and every figure it claims.

Standalone (Python 3, standard library only). It validates each line against the format of
bench/eval/advisor.jsonl and then RECOMPUTES, from the source figures, every `top` list
(rank and places) and every pay_position percentile pair, failing on any difference. It also
refuses a `top` that a tie could reorder (two equal figures inside the list or across its end),
so that the labels do not depend on a tie-break rule.

Figures come from the read-only careerbot database (built from the public files and audited
equal to the source rows) and, for metropolitan percentiles, which that database does not hold,
straight from the OEWS flat file bls/oews-metro/oe.data.2025A01.

    python -m bench.eval.check_advisor [advisor.jsonl] [--db careerbot.sqlite3] [--data shared/data] [-v]

Exit status 0 when every line passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "advisor.jsonl"
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "var" / "careerbot.sqlite3"  # `make data` builds it
DEFAULT_DATA = ROOT.parent / "shared" / "data"

NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"

# Table 1.2 "Typical education needed for entry" wording -> the filter enum, in order.
EDUCATION = {
    "No formal educational credential": "none",
    "High school diploma or equivalent": "high_school",
    "Some college, no degree": "some_college",
    "Postsecondary nondegree award": "postsecondary_nondegree",
    "Associate's degree": "associate",
    "Bachelor's degree": "bachelor",
    "Master's degree": "master",
    "Doctoral or professional degree": "doctoral",
}
EDUCATION_ORDER = list(EDUCATION.values())

# Postal code -> FIPS state code, for every OEWS state-type area (50 states, DC, territories).
STATES = {
    "AL": "01",
    "AK": "02",
    "AZ": "04",
    "AR": "05",
    "CA": "06",
    "CO": "08",
    "CT": "09",
    "DE": "10",
    "DC": "11",
    "FL": "12",
    "GA": "13",
    "HI": "15",
    "ID": "16",
    "IL": "17",
    "IN": "18",
    "IA": "19",
    "KS": "20",
    "KY": "21",
    "LA": "22",
    "ME": "23",
    "MD": "24",
    "MA": "25",
    "MI": "26",
    "MN": "27",
    "MS": "28",
    "MO": "29",
    "MT": "30",
    "NE": "31",
    "NV": "32",
    "NH": "33",
    "NJ": "34",
    "NM": "35",
    "NY": "36",
    "NC": "37",
    "ND": "38",
    "OH": "39",
    "OK": "40",
    "OR": "41",
    "PA": "42",
    "RI": "44",
    "SC": "45",
    "SD": "46",
    "TN": "47",
    "TX": "48",
    "UT": "49",
    "VT": "50",
    "VA": "51",
    "WA": "53",
    "WV": "54",
    "WI": "55",
    "WY": "56",
    "GU": "66",
    "PR": "72",
    "VI": "78",
}
FIPS_TO_POSTAL = {fips: postal for postal, fips in STATES.items()}
TERRITORIES = {"GU", "PR", "VI"}

SOC_MAJOR_GROUPS = {
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
}
KINDS = {
    "compare",
    "profile",
    "clarify",
    "none",
    "smalltalk",
    "detail",
    "switch",
    "chart",
    "fact",
    "howto",
    "rank",
    "places",
    "pay_position",
    "tools",
    "prospects",
    "quiz",
    "location",
    "help",
    "about",
}
ADVISOR_KINDS = {"rank", "howto", "places", "pay_position", "tools", "prospects", "quiz"}
MEASURES = {"annual_median", "hourly_median", "growth", "openings", "employment"}
PERCENTILES = (10, 25, 50, 75, 90)
TOP_CODED_ANNUAL = 239200  # OEWS footnote 5: at or above $239,200 a year / $115.00 an hour
TOP_CODED_HOURLY = 115.00

# Keys each kind may carry in `expect` (besides `kind`), and the ones it must carry.
ALLOWED = {
    "rank": {"measure", "area", "filters", "top"},
    "howto": {"occupations"},
    "prospects": {"occupations"},
    "places": {"occupations", "area_kind", "within", "top"},
    "pay_position": {
        "occupations",
        "area",
        "pay",
        "unit",
        "above_percentile",
        "below_percentile",
    },
    "tools": {"tool"},
    "quiz": set(),
    "compare": {"occupations", "place"},
    "profile": {"occupations", "place"},
    "smalltalk": set(),
    "none": set(),
    "help": set(),
    "about": set(),
}
REQUIRED = {
    "rank": {"measure", "area", "filters"},
    "howto": {"occupations"},
    "prospects": {"occupations"},
    "places": {"occupations", "area_kind"},
    "pay_position": ALLOWED["pay_position"],
    "tools": {"tool"},
    "compare": {"occupations"},
    "profile": {"occupations"},
}
FILTER_KEYS = {
    "education",
    "education_max",
    "education_min",
    "experience",
    "field",
    "min_pay",
    "min_hourly",
    "similar_to",
    "less_school",
}
CODE_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")
ID_RE = re.compile(r"^a(\d{3})$")


class Data:
    """The source figures the answers are computed from."""

    def __init__(self, db: Path, data_dir: Path) -> None:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.occupations: dict[str, dict] = {}
        for code, title, soc, wage_code, projection_code, job_zone in con.execute(
            "select code, title, soc_code, wage_code, projection_code, job_zone from occupation"
        ):
            self.occupations[code] = {
                "title": title,
                "soc": soc,
                "wage_code": wage_code,
                "projection_code": projection_code,
                "job_zone": job_zone,
            }
        # One occupation per OEWS code whose figures are its own (not an aggregate): the .00
        # code, or failing that the lowest-numbered O*NET code under it.
        reps: dict[str, str] = {}
        for code in sorted(self.occupations):
            occ = self.occupations[code]
            if occ["wage_code"] is None or occ["wage_code"] != occ["soc"]:
                continue
            current = reps.get(occ["soc"])
            if current is None or (code.endswith(".00") and not current.endswith(".00")):
                reps[occ["soc"]] = code
        self.representatives = sorted(reps.values())

        self.wages: dict[tuple[str, str], dict] = {}
        cols = [
            "employment",
            "hourly_p10",
            "hourly_p25",
            "hourly_median",
            "hourly_p75",
            "hourly_p90",
            "annual_p10",
            "annual_p25",
            "annual_median",
            "annual_p75",
            "annual_p90",
            "footnotes",
        ]
        for row in con.execute(
            f"select soc_code, area_code, {', '.join(cols)} from wage where industry_code = ?",
            (ALL_INDUSTRIES,),
        ):
            rec = dict(zip(cols, row[2:]))
            rec["footnotes"] = dict(
                item.split("=", 1) for item in (rec["footnotes"] or "").split(";") if item
            )
            self.wages[(row[0], row[1])] = rec

        self.projections: dict[str, dict] = {}
        for code, pct, openings, edu, exp in con.execute(
            "select code, percent_change, openings, typical_education, work_experience "
            "from projection"
        ):
            self.projections[code] = {
                "percent_change": pct,
                "openings": openings,
                "education": EDUCATION.get(edu) if edu else None,
                "experience": exp,
            }
            if edu and edu not in EDUCATION:
                raise SystemExit(f"unknown Table 1.2 education wording: {edu!r}")

        self.related: dict[str, set[str]] = {}
        for code, related in con.execute("select code, related_code from related_occupation"):
            self.related.setdefault(code, set()).add(related)

        self.tools = {example for (example,) in con.execute("select example from technology")}

        self.areas: dict[str, dict] = {}
        for code, kind, state_code, name in con.execute(
            "select code, kind, state_code, name from area"
        ):
            self.areas[code] = {"kind": kind, "state": state_code, "name": name}
        con.close()
        self.metro_file = data_dir / "bls" / "oews-metro" / "oe.data.2025A01"
        self._metro_percentiles: dict[tuple[str, str], dict] | None = None
        self._metro_wanted: set[tuple[str, str]] = set()

    # ---- places -------------------------------------------------------------------------
    def area_code(self, place: str) -> str | None:
        """OEWS 7-digit area code of a place as the format writes it, or None if unknown."""
        if place == "US":
            return NATIONAL
        if place in STATES:
            code = STATES[place] + "00000"
        elif re.fullmatch(r"\d{5}", place):
            code = "00" + place
        else:
            return None
        return code if code in self.areas else None

    def is_metro(self, code: str) -> bool:
        area = self.areas[code]
        return area["kind"] == "M" and "nonmetropolitan" not in area["name"].lower()

    @staticmethod
    def metro_states(name: str) -> set[str]:
        """Postal codes after the comma of an OEWS metro name ("Texarkana, TX-AR")."""
        return set(name.rsplit(", ", 1)[1].split("-")) if ", " in name else set()

    # ---- wages --------------------------------------------------------------------------
    def wage(self, soc: str, area: str) -> dict | None:
        return self.wages.get((soc, area))

    def want_metro_percentiles(self, soc: str, area: str) -> None:
        self._metro_wanted.add((soc, area))

    def metro_percentiles(self, soc: str, area: str) -> dict:
        """p10/p25/p75/p90 (hourly and annual) of a metro row, read from the OEWS flat file."""
        if self._metro_percentiles is None:
            fields = {
                "06": "hourly_p10",
                "07": "hourly_p25",
                "09": "hourly_p75",
                "10": "hourly_p90",
                "11": "annual_p10",
                "12": "annual_p25",
                "14": "annual_p75",
                "15": "annual_p90",
            }
            wanted = {
                "OEUM" + a + ALL_INDUSTRIES + s.replace("-", "") for s, a in self._metro_wanted
            }
            found: dict[tuple[str, str], dict] = {}
            with self.metro_file.open(encoding="utf-8") as handle:
                next(handle)
                for line in handle:
                    series = line[:25]
                    if series[:-2] not in wanted:
                        continue
                    parts = line.rstrip("\n").split("\t")
                    field = fields.get(series[-2:])
                    if field is None:
                        continue
                    key = (series[17:19] + "-" + series[19:23], series[4:11])
                    rec = found.setdefault(key, {"footnotes": {}})
                    value = parts[3].strip()
                    rec[field] = None if value in ("-", "") else float(value)
                    if parts[4].strip():
                        rec["footnotes"][field] = parts[4].strip()
            self._metro_percentiles = found
        return self._metro_percentiles.get((soc, area), {"footnotes": {}})


# ---- computations ---------------------------------------------------------------------------
def rank_value(data: Data, code: str, measure: str, area: str) -> float | None:
    occ = data.occupations[code]
    if measure in ("growth", "openings"):
        proj = data.projections.get(occ["projection_code"] or "")
        if proj is None:
            return None
        return proj["percent_change" if measure == "growth" else "openings"]
    wage = data.wage(occ["wage_code"], area)
    if wage is None:
        return None
    if measure == "employment":
        return wage["employment"]
    # Missing and top-coded medians are NULL in the database; top-coded ones carry footnote 5.
    return wage[measure]


def passes(data: Data, code: str, area: str, filters: dict) -> bool:
    occ = data.occupations[code]
    proj = data.projections.get(occ["projection_code"] or "")
    education = proj["education"] if proj else None
    if "education" in filters and education != filters["education"]:
        return False
    for key, keep in (
        ("education_max", lambda a, b: a <= b),
        ("education_min", lambda a, b: a >= b),
    ):
        if key in filters:
            if education is None or not keep(
                EDUCATION_ORDER.index(education), EDUCATION_ORDER.index(filters[key])
            ):
                return False
    if filters.get("experience") == "none" and (proj is None or proj["experience"] != "None"):
        return False
    if "field" in filters and code[:2] not in filters["field"]:
        return False
    wage = data.wage(occ["wage_code"], area)
    for key, column, ceiling in (
        ("min_pay", "annual_median", TOP_CODED_ANNUAL),
        ("min_hourly", "hourly_median", TOP_CODED_HOURLY),
    ):
        if key in filters:
            if wage is None:
                return False
            value = wage[column]
            if value is None and wage["footnotes"].get(column) == "5":
                value = ceiling  # top-coded: at least the ceiling
            if value is None or value < filters[key]:
                return False
    if "similar_to" in filters:
        base = filters["similar_to"]
        if code not in data.related.get(base, set()):
            return False
        if filters.get("less_school"):
            mine, theirs = occ["job_zone"], data.occupations[base]["job_zone"]
            if mine is None or theirs is None or mine >= theirs:
                return False
    return True


def ranking(data: Data, measure: str, area: str, filters: dict, drop_all_other: bool = False):
    """[(code, value)] best first; ties by code. Occupations without the figure are left out."""
    rows = []
    for code in data.representatives:
        if drop_all_other and "All Other" in data.occupations[code]["title"]:
            continue
        if not passes(data, code, area, filters):
            continue
        value = rank_value(data, code, measure, area)
        if value is not None:
            rows.append((code, value))
    rows.sort(key=lambda item: (-item[1], item[0]))
    return rows


def place_ranking(data: Data, code: str, area_kind: str, within: str | None, variant: str = ""):
    """[(place, annual median)] best first, published medians only."""
    soc = data.occupations[code]["wage_code"]
    rows = []
    for area, info in data.areas.items():
        if area_kind == "state":
            if info["kind"] != "S":
                continue
            place = FIPS_TO_POSTAL[info["state"]]
            if variant == "no_territories" and place in TERRITORIES:
                continue
        else:
            if info["kind"] != "M":
                continue
            if variant != "with_nonmetro" and not data.is_metro(area):
                continue
            if within:
                if variant == "state_code":
                    if info["state"] != STATES[within]:
                        continue
                elif within not in data.metro_states(info["name"]):
                    continue
            # a nonmetropolitan area has no CBSA code: keep its 7-digit OEWS code
            place = area[2:] if data.is_metro(area) else area
        wage = data.wage(soc, area)
        if wage and wage["annual_median"] is not None:
            rows.append((place, wage["annual_median"]))
    rows.sort(key=lambda item: (-item[1], item[0]))
    return rows


def percentile_pair(data: Data, code: str, area: str, pay: float, unit: str):
    """(above, below): the published percentiles of the area the pay falls between."""
    soc = data.occupations[code]["wage_code"]
    wage = data.wage(soc, area)
    if wage is None:
        return None, f"no OEWS row for {soc} in {area}"
    prefix = "annual" if unit == "year" else "hourly"
    values = {}
    metro = data.areas[area]["kind"] == "M"
    extra = data.metro_percentiles(soc, area) if metro else None
    for pct in PERCENTILES:
        field = f"{prefix}_{'median' if pct == 50 else f'p{pct}'}"
        if metro and pct != 50:
            value, note = extra.get(field), extra["footnotes"].get(field)
        else:
            value, note = wage[field], wage["footnotes"].get(field)
        values[pct] = (value, note)
    bounds = [(0, float("-inf"))] + [(p, v) for p, (v, _) in values.items()] + [(100, float("inf"))]
    for (lo, lo_value), (hi, hi_value) in zip(bounds, bounds[1:]):
        if lo_value is None or hi_value is None:
            continue
        if pay == lo_value or pay == hi_value:
            return None, f"pay equals a published percentile ({values})"
        if lo_value < pay < hi_value:
            # every percentile at or below `lo` and at or above `hi` must be published, else
            # an unpublished one could sit between them.
            gaps = [p for p, (v, _) in values.items() if v is None]
            if gaps:
                return None, f"unpublished percentiles {gaps} ({values})"
            return (lo, hi), values
    return None, f"cannot place pay among {values}"


# ---- validation -----------------------------------------------------------------------------
class Checker:
    def __init__(self, data: Data, verbose: bool) -> None:
        self.data = data
        self.verbose = verbose
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.recomputed = Counter()

    def error(self, case_id: str, message: str) -> None:
        self.errors.append(f"{case_id}: {message}")

    def group(self, case_id: str, group) -> list[str]:
        if not isinstance(group, str) or not group:
            self.error(case_id, f"occupation group must be a non-empty string: {group!r}")
            return []
        codes = group.split("|")
        for code in codes:
            if not CODE_RE.match(code):
                self.error(case_id, f"malformed code {code!r}")
            elif code not in self.data.occupations:
                self.error(case_id, f"unknown O*NET code {code}")
        if len(set(codes)) != len(codes):
            self.error(case_id, f"repeated code in {group}")
        return [c for c in codes if c in self.data.occupations]

    def occupations(self, case_id: str, expect: dict) -> list[list[str]]:
        groups = expect.get("occupations")
        if not isinstance(groups, list) or not groups:
            self.error(case_id, "occupations must be a non-empty list of groups")
            return []
        return [self.group(case_id, g) for g in groups]

    def place(self, case_id: str, place) -> str | None:
        if not isinstance(place, str) or self.data.area_code(place) is None:
            self.error(case_id, f"unknown place {place!r} (US, a state postal code or a CBSA)")
            return None
        return self.data.area_code(place)

    def check_line(self, case: dict, expected_id: str) -> None:
        case_id = case.get("id", "?")
        if case_id != expected_id:
            self.error(case_id, f"ids must run a001, a002, … without gaps (expected {expected_id})")
        extra = set(case) - {"id", "say", "expect", "context", "note"}
        if extra:
            self.error(case_id, f"unknown keys {sorted(extra)}")
        if not isinstance(case.get("say"), str) or not case["say"].strip():
            self.error(case_id, "say must be a non-empty string")
        if "context" in case and (
            not isinstance(case["context"], list)
            or not case["context"]
            or not all(isinstance(m, str) and m.strip() for m in case["context"])
        ):
            self.error(case_id, "context must be a non-empty list of messages")
        expect = case.get("expect")
        if not isinstance(expect, dict) or expect.get("kind") not in KINDS:
            self.error(case_id, f"expect.kind must be one of the reply kinds: {expect!r}")
            return
        kind = expect["kind"]
        if kind not in ALLOWED:
            self.error(case_id, f"kind {kind} is not used in this set")
            return
        keys = set(expect) - {"kind"}
        if keys - ALLOWED[kind]:
            self.error(case_id, f"keys {sorted(keys - ALLOWED[kind])} not allowed for {kind}")
        if REQUIRED.get(kind, set()) - keys:
            self.error(case_id, f"{kind} needs {sorted(REQUIRED[kind] - keys)}")
            return
        getattr(self, f"check_{kind}", lambda *_: None)(case_id, expect)

    # kinds -------------------------------------------------------------------------------
    def check_compare(self, case_id: str, expect: dict) -> None:
        groups = self.occupations(case_id, expect)
        if not 2 <= len(groups) <= 4:
            self.error(case_id, "compare lists 2-4 occupation groups")
        if "place" in expect:
            self.place(case_id, expect["place"])

    def check_profile(self, case_id: str, expect: dict) -> None:
        if len(self.occupations(case_id, expect)) != 1:
            self.error(case_id, "profile lists one occupation group")
        if "place" in expect:
            self.place(case_id, expect["place"])

    def check_howto(self, case_id: str, expect: dict) -> None:
        if len(self.occupations(case_id, expect)) != 1:
            self.error(case_id, "howto lists one occupation group")

    check_prospects = check_howto

    def check_tools(self, case_id: str, expect: dict) -> None:
        if expect["tool"] not in self.data.tools:
            self.error(
                case_id, f"tool {expect['tool']!r} is not an O*NET Technology Skills example"
            )

    def check_filters(self, case_id: str, filters) -> bool:
        if not isinstance(filters, dict):
            self.error(case_id, "filters must be an object")
            return False
        ok = True
        for key, value in filters.items():
            if key not in FILTER_KEYS:
                self.error(case_id, f"unknown filter {key}")
                ok = False
            elif key.startswith("education") and value not in EDUCATION_ORDER:
                self.error(case_id, f"{key} must be one of {EDUCATION_ORDER}")
                ok = False
            elif key == "experience" and value != "none":
                self.error(case_id, 'experience must be "none"')
                ok = False
            elif key == "field" and (
                not isinstance(value, list)
                or not value
                or not all(v in SOC_MAJOR_GROUPS for v in value)
                or len(set(value)) != len(value)
            ):
                self.error(case_id, f"field must list 2-digit SOC major groups: {value!r}")
                ok = False
            elif key in ("min_pay", "min_hourly") and (
                isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0
            ):
                self.error(case_id, f"{key} must be a positive number")
                ok = False
            elif key == "similar_to" and value not in self.data.occupations:
                self.error(case_id, f"similar_to {value!r} is not an O*NET code")
                ok = False
            elif key == "less_school" and value is not True:
                self.error(case_id, "less_school is true when given")
                ok = False
        if "education" in filters and ({"education_max", "education_min"} & set(filters)):
            self.error(case_id, "education and education_max/min exclude each other")
            ok = False
        if "less_school" in filters and "similar_to" not in filters:
            self.error(case_id, "less_school needs similar_to")
            ok = False
        return ok

    def check_top(self, case_id: str, top, rows, label) -> bool:
        if not isinstance(top, list) or not 3 <= len(top) <= 5 or len(set(top)) != len(top):
            self.error(case_id, "top lists 3-5 distinct entries")
            return False
        got = [code for code, _ in rows[: len(top)]]
        if got != top:
            shown = ", ".join(f"{label(c)} {v:g}" for c, v in rows[: len(top) + 2])
            self.error(case_id, f"top is {top}, the source figures give {got} ({shown})")
            return False
        values = [v for _, v in rows[: len(top) + 1]]
        for i in range(len(values) - 1):
            if values[i] == values[i + 1]:
                self.error(
                    case_id,
                    f"tie at positions {i + 1}/{i + 2} ({rows[i][0]} = {rows[i + 1][0]} = "
                    f"{values[i]:g}): pick a top no tie-break can change",
                )
                return False
        self.recomputed["top"] += 1
        if self.verbose:
            print(
                f"  {case_id}: " + ", ".join(f"{label(c)} {v:g}" for c, v in rows[: len(top) + 1])
            )
        return True

    def check_rank(self, case_id: str, expect: dict) -> None:
        if expect["measure"] not in MEASURES:
            self.error(case_id, f"measure must be one of {sorted(MEASURES)}")
            return
        area = self.place(case_id, expect["area"])
        if area is None or not self.check_filters(case_id, expect["filters"]):
            return
        if expect["measure"] in ("growth", "openings") and expect["area"] != "US":
            self.error(case_id, "growth and openings are national (Table 1.2): area must be US")
        if "top" not in expect:
            return
        for code in expect["top"]:
            if code not in self.data.representatives:
                self.error(case_id, f"{code} in top is not a ranked occupation (own OEWS code)")
        filters = expect["filters"]
        rows = ranking(self.data, expect["measure"], area, filters)
        if not self.check_top(
            case_id,
            expect["top"],
            rows,
            lambda c: f"{c} {self.data.occupations[c]['title'][:28]}",
        ):
            return
        # Robustness: a bot that leaves out the "All Other" residual occupations should agree.
        other = [c for c, _ in ranking(self.data, expect["measure"], area, filters, True)]
        if other[: len(expect["top"])] != expect["top"]:
            self.warnings.append(f"{case_id}: top changes if 'All Other' occupations are left out")

    def check_places(self, case_id: str, expect: dict) -> None:
        groups = self.occupations(case_id, expect)
        if len(groups) != 1 or not groups[0]:
            self.error(case_id, "places lists one occupation group")
            return
        kind, within = expect["area_kind"], expect.get("within")
        if kind not in ("state", "metro"):
            self.error(case_id, 'area_kind must be "state" or "metro"')
            return
        if within is not None and (within not in STATES or kind != "metro"):
            self.error(case_id, "within is a state postal code, for metro rankings")
            return
        if "top" not in expect:
            return
        code = groups[0][0]
        if self.data.occupations[code]["wage_code"] != self.data.occupations[code]["soc"]:
            self.error(case_id, f"{code} has no OEWS figures of its own")
        rows = place_ranking(self.data, code, kind, within)
        label = (
            (lambda p: p)
            if kind == "state"
            else (lambda p: self.data.areas[p if len(p) == 7 else "00" + p]["name"][:24])
        )
        if not self.check_top(case_id, expect["top"], rows, label):
            return
        variants = (
            ["no_territories"]
            if kind == "state"
            else ["with_nonmetro"] + (["state_code"] if within else [])
        )
        for variant in variants:
            other = [p for p, _ in place_ranking(self.data, code, kind, within, variant)]
            if other[: len(expect["top"])] != expect["top"]:
                self.warnings.append(f"{case_id}: top differs under variant {variant}")

    def check_pay_position(self, case_id: str, expect: dict) -> None:
        groups = self.occupations(case_id, expect)
        area = self.place(case_id, expect["area"])
        pay, unit = expect["pay"], expect["unit"]
        if unit not in ("year", "hour"):
            self.error(case_id, 'unit must be "year" or "hour"')
            return
        if isinstance(pay, bool) or not isinstance(pay, (int, float)) or pay <= 0:
            self.error(case_id, "pay must be a positive number")
            return
        above, below = expect["above_percentile"], expect["below_percentile"]
        steps = (0,) + PERCENTILES + (100,)
        if above not in steps or below not in steps or steps.index(below) != steps.index(above) + 1:
            self.error(case_id, f"percentiles must be neighbours among {steps}")
            return
        if not groups or not groups[0] or area is None:
            return
        # The first (most correct) code decides; every other code in the group with figures
        # of its own must agree, so the label does not hinge on which reading the bot picks.
        for n, code in enumerate(groups[0]):
            if n and self.data.occupations[code]["wage_code"] != self.data.occupations[code]["soc"]:
                continue
            pair, info = percentile_pair(self.data, code, area, pay, unit)
            if pair is None:
                self.error(case_id, f"{code}: {info}")
            elif pair != (above, below):
                self.error(
                    case_id,
                    f"{code}: pay {pay}/{unit} falls between {pair}, not {(above, below)} ({info})",
                )
            elif n == 0:
                self.recomputed["pay_position"] += 1
                if self.verbose:
                    print(
                        f"  {case_id}: {code} {pay}/{unit} in {pair} of "
                        + ", ".join(f"p{p}={v}" for p, (v, _) in info.items())
                    )

    def prepare(self, cases: list[dict]) -> None:
        """Tell the data which metro percentile rows to read from the flat file (one pass)."""
        for case in cases:
            expect = case.get("expect") or {}
            if expect.get("kind") != "pay_position":
                continue
            area = self.data.area_code(str(expect.get("area")))
            if area is None or self.data.areas[area]["kind"] != "M":
                continue
            for group in expect.get("occupations") or []:
                for code in str(group).split("|"):
                    occ = self.data.occupations.get(code)
                    if occ and occ["wage_code"]:
                        self.data.want_metro_percentiles(occ["wage_code"], area)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="print recomputed figures")
    args = parser.parse_args()

    data = Data(args.db, args.data)
    checker = Checker(data, args.verbose)
    cases, header = [], False
    for number, line in enumerate(args.file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            header = True
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            checker.errors.append(f"line {number}: not JSON ({exc})")
            continue
        if not isinstance(case, dict):
            checker.errors.append(f"line {number}: not an object")
            continue
        cases.append(case)
    if not header:
        checker.errors.append("the file needs a # header explaining it")
    checker.prepare(cases)
    says = Counter(case.get("say", "").strip().lower() for case in cases if not case.get("context"))
    for say, count in says.items():
        if count > 1:
            checker.errors.append(f"question repeated {count} times: {say!r}")
    for n, case in enumerate(cases, 1):
        checker.check_line(case, f"a{n:03d}")
    kinds = Counter(case.get("expect", {}).get("kind") for case in cases)
    advisor = sum(kinds[k] for k in ADVISOR_KINDS)
    if len(cases) < 110:
        checker.errors.append(f"{len(cases)} questions; at least 110 wanted")

    print(
        f"{len(cases)} questions ({advisor} advisor, {len(cases) - advisor} look-alikes): "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    )
    print(
        f"recomputed: {checker.recomputed['top']} top lists, "
        f"{checker.recomputed['pay_position']} percentile pairs"
    )
    for warning in checker.warnings:
        print("warning:", warning)
    for error in checker.errors:
        print("FAIL:", error)
    print("OK" if not checker.errors else f"{len(checker.errors)} problem(s)")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
