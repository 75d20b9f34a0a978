#!/usr/bin/env python3
"""Validate the fresh careerbot evaluation sets against the public data they were written from.

Checks, for conversations_fresh.jsonl, employer_fresh.tsv and advisor_fresh.jsonl:
  * shape (ids, kinds, keys, value types, turn counts, group-chat fields);
  * every O*NET-SOC code exists in O*NET 29.3 (the bot's database copy), every place exists
    in OEWS May 2025 (US, a state's postal code, or a metropolitan CBSA code);
  * every fact `answer` is recomputed from the source figures for the turn's place;
  * every ranking `top` is recomputed from the source rows under the filters (and must be the
    same under every reasonable reading of those filters, so a label never depends on a
    convention the bot could legitimately choose differently);
  * every places `top` and every pay_position percentile pair is recomputed from OEWS rows
    (metro percentiles from bls/oews-metro/oe.data.2025A01, which the database lacks).

Python 3 standard library only.  Usage: python3 check.py [--db PATH] [--metro PATH] [-v]
Exit status 0 when every check passes, 1 otherwise (each problem is printed).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "var" / "careerbot.sqlite3"  # `make data` builds it
DEFAULT_METRO = ROOT.parent / "shared" / "data" / "bls" / "oews-metro" / "oe.data.2025A01"

NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"

FIPS_TO_POSTAL = {
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
POSTAL_TO_FIPS = {v: k for k, v in FIPS_TO_POSTAL.items()}
TERRITORIES = {"GU", "PR", "VI"}

MAJOR_GROUPS = [
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
]

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
VIEWS = {"salary", "skills", "education", "duties", "demographics", "outlook", "similar", "switch"}
CONV_EXPECT_KEYS = {
    "kind",
    "occupations",
    "place",
    "view",
    "answer",
    "from_occupation",
    "to_occupation",
}
ADV_EXPECT_KEYS = {
    "kind",
    "measure",
    "area",
    "filters",
    "top",
    "occupations",
    "area_kind",
    "within",
    "pay",
    "unit",
    "above_percentile",
    "below_percentile",
    "tool",
}
MEASURES = {"annual_median", "hourly_median", "growth", "openings", "employment"}
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

# Employment Projections "Typical education needed for entry", in order.
EDUCATION = [
    ("none", "No formal educational credential"),
    ("high_school", "High school diploma or equivalent"),
    ("some_college", "Some college, no degree"),
    ("postsecondary_nondegree", "Postsecondary nondegree award"),
    ("associate", "Associate's degree"),
    ("bachelor", "Bachelor's degree"),
    ("master", "Master's degree"),
    ("doctoral", "Doctoral or professional degree"),
]
EDU_RANK = {key: i for i, (key, _) in enumerate(EDUCATION)}
EDU_LABEL_RANK = {label: i for i, (_, label) in enumerate(EDUCATION)}

PERCENTILES = (10, 25, 50, 75, 90)
CODE_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")

# A fact question's measure is read from its words (first rule that matches wins).
# (pattern, measure, "max" | "min")
FACT_RULES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\bhourly\b|\bper hour\b|\ban hour\b"), "hourly_median", "max"),
    (
        re.compile(
            r"less school|less education|fewer years|less schooling|less training|"
            r"quicker to (get|qualify)|shorter (path|route)|least school|lower degree|"
            r"don'?t need a degree"
        ),
        "education",
        "min",
    ),
    (
        re.compile(
            r"growing faster|grow(s|ing)? (the )?fast|faster growth|more growth|"
            r"better outlook|growing more|growth is (better|higher)"
        ),
        "growth",
        "max",
    ),
    (re.compile(r"more openings|most openings|more job openings|more hiring"), "openings", "max"),
    (
        re.compile(
            r"more jobs|most jobs|more people|more common|employs more|more positions|"
            r"bigger field|more workers"
        ),
        "employment",
        "max",
    ),
    (
        re.compile(
            r"pays? less|lower pay|paid less|makes? less|earns? less|worse pay|"
            r"lowest pay"
        ),
        "annual_median",
        "min",
    ),
    (
        re.compile(
            r"pays? (more|better|the most|most)|paid (more|better)|makes? more|"
            r"earns? (more|the most)|higher (pay|salary)|better pay|more money|"
            r"best paid|highest paid|bigger (pay|salary|paycheck)|make more"
        ),
        "annual_median",
        "max",
    ),
]


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


class Data:
    """The source rows the sets are checked against (read-only)."""

    def __init__(self, db_path: Path, metro_path: Path) -> None:
        uri = f"file:{db_path}?mode=ro"
        self.db = sqlite3.connect(uri, uri=True)
        self.metro_path = metro_path
        cur = self.db.cursor()
        self.occ: dict[str, dict] = {}
        for code, title, soc, jz, wc, pc in cur.execute(
            "select code, title, soc_code, job_zone, wage_code, projection_code from occupation"
        ):
            self.occ[code] = {
                "title": title,
                "soc": soc,
                "job_zone": jz,
                "wage_code": wc,
                "projection_code": pc,
            }
        self.areas: dict[str, tuple[str, str, str]] = {}
        for code, kind, st, name in cur.execute("select code, kind, state_code, name from area"):
            self.areas[code] = (kind, st, name)
        self.proj: dict[str, dict] = {}
        for row in cur.execute(
            "select code, title, employment_2024, percent_change, openings, "
            "typical_education, work_experience from projection"
        ):
            self.proj[row[0]] = {
                "title": row[1],
                "employment_2024": row[2],
                "growth": row[3],
                "openings": row[4],
                "education": row[5],
                "experience": row[6],
            }
        self.related: dict[str, list[tuple[str, str, int]]] = {}
        for code, rel, tier, rank in cur.execute(
            "select code, related_code, tier, rank from related_occupation"
        ):
            self.related.setdefault(code, []).append((rel, tier, rank))
        self.tools = {r[0] for r in cur.execute("select distinct example from technology")}
        self.tool_occ: dict[str, set[str]] = {}
        for ex, code in cur.execute("select example, code from technology"):
            self.tool_occ.setdefault(ex, set()).add(code)
        self._wage_cache: dict[tuple[str, str], dict | None] = {}
        self._metro_pct: dict[tuple[str, str], dict[str, float | None]] | None = None
        self._metro_wanted: set[tuple[str, str]] = set()

    # --- places -------------------------------------------------------------------------
    def area_code(self, place: str) -> str | None:
        """US / postal code / CBSA -> OEWS 7-digit area code, or None when unknown."""
        if place == "US":
            return NATIONAL
        if re.fullmatch(r"[A-Z]{2}", place):
            fips = POSTAL_TO_FIPS.get(place)
            code = f"{fips}00000" if fips else None
            return code if code in self.areas and self.areas[code][0] == "S" else None
        if re.fullmatch(r"\d{5}", place):
            code = "00" + place
            return code if code in self.areas and self.areas[code][0] == "M" else None
        return None

    def place_of(self, area_code: str) -> str:
        if area_code == NATIONAL:
            return "US"
        kind, st, _ = self.areas[area_code]
        return FIPS_TO_POSTAL[st] if kind == "S" else area_code[2:]

    # --- wages --------------------------------------------------------------------------
    def wage(self, soc: str | None, area: str) -> dict | None:
        if soc is None:
            return None
        key = (soc, area)
        if key not in self._wage_cache:
            cur = self.db.execute(
                "select employment, hourly_median, annual_median, hourly_p10, hourly_p25, "
                "hourly_p75, hourly_p90, annual_p10, annual_p25, annual_p75, annual_p90, "
                "footnotes from wage where soc_code=? and area_code=? and industry_code=?",
                (soc, area, ALL_INDUSTRIES),
            )
            row = cur.fetchone()
            self._wage_cache[key] = (
                None
                if row is None
                else dict(
                    zip(
                        [
                            "employment",
                            "hourly_median",
                            "annual_median",
                            "hourly_p10",
                            "hourly_p25",
                            "hourly_p75",
                            "hourly_p90",
                            "annual_p10",
                            "annual_p25",
                            "annual_p75",
                            "annual_p90",
                            "footnotes",
                        ],
                        row,
                    )
                )
            )
        return self._wage_cache[key]

    def value(self, code: str, measure: str, area: str) -> float | None:
        """An O*NET occupation's figure for a measure in an area (None = not published)."""
        o = self.occ[code]
        if measure in ("annual_median", "hourly_median", "employment"):
            w = self.wage(o["wage_code"], area)
            return None if w is None else w[measure]
        p = self.proj.get(o["projection_code"] or "")
        if p is None:
            return None
        if measure == "growth":
            return p["growth"]
        if measure == "openings":
            return p["openings"]
        if measure == "education":
            return EDU_LABEL_RANK.get(p["education"] or "")
        raise ValueError(measure)

    def want_metro(self, area: str, soc: str) -> None:
        self._metro_wanted.add((area, soc.replace("-", "")))

    def metro_percentiles(self, area: str, soc: str) -> dict[str, float | None]:
        """Percentiles of a metro from the oews-metro flat file (datatypes 06-07, 09-12, 14-15)."""
        if self._metro_pct is None:
            self._metro_pct = {}
            dt_names = {
                "06": "hourly_p10",
                "07": "hourly_p25",
                "09": "hourly_p75",
                "10": "hourly_p90",
                "11": "annual_p10",
                "12": "annual_p25",
                "14": "annual_p75",
                "15": "annual_p90",
            }
            with open(self.metro_path, encoding="utf-8") as fh:
                next(fh)
                for line in fh:
                    sid = line[:25]
                    key = (sid[4:11], sid[17:23])
                    if key not in self._metro_wanted or sid[11:17] != ALL_INDUSTRIES:
                        continue
                    name = dt_names.get(sid[23:25])
                    if name is None:
                        continue
                    parts = line.rstrip("\n").split("\t")
                    val = None if parts[3].strip() in ("-", "*", "#", "") else float(parts[3])
                    self._metro_pct.setdefault(key, {})[name] = val
        return self._metro_pct.get((area, soc.replace("-", "")), {})


# --- shared helpers ---------------------------------------------------------------------------
def split_group(group: str) -> list[str]:
    return group.split("|")


def check_group(data: Data, probs: Problems, where: str, group: object) -> bool:
    if not isinstance(group, str) or not group:
        probs.add(where, f"occupation group must be a non-empty string, got {group!r}")
        return False
    codes = split_group(group)
    ok = True
    if len(set(codes)) != len(codes):
        probs.add(where, f"duplicate code in group {group}")
        ok = False
    for c in codes:
        if not CODE_RE.match(c):
            probs.add(where, f"bad code format {c!r}")
            ok = False
        elif c not in data.occ:
            probs.add(where, f"unknown O*NET-SOC code {c}")
            ok = False
        elif c.startswith("55-"):
            probs.add(where, f"military code {c} not used in these sets")
            ok = False
    return ok


def check_place(data: Data, probs: Problems, where: str, place: object) -> str | None:
    if not isinstance(place, str):
        probs.add(where, f"place must be a string, got {place!r}")
        return None
    code = data.area_code(place)
    if code is None:
        probs.add(where, f"unknown place {place!r}")
    return code


def read_jsonl(path: Path, probs: Problems) -> tuple[list[str], list[tuple[int, dict]]]:
    header: list[str] = []
    rows: list[tuple[int, dict]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                probs.add(f"{path.name}:{n}", "blank line")
                continue
            if line.startswith("#"):
                if rows:
                    probs.add(f"{path.name}:{n}", "comment after data lines")
                header.append(line)
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                probs.add(f"{path.name}:{n}", f"invalid JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                probs.add(f"{path.name}:{n}", "line is not a JSON object")
                continue
            rows.append((n, obj))
    if not header:
        probs.add(path.name, "no # header")
    return header, rows


# --- conversations ---------------------------------------------------------------------------
def fact_rule(say: str) -> tuple[str, str] | None:
    text = say.lower()
    for pat, measure, direction in FACT_RULES:
        if pat.search(text):
            return measure, direction
    return None


def compute_fact(data: Data, groups: list[str], place: str, say: str) -> tuple[str | None, str]:
    """The occupation group the figures favour, and a short trace of the figures used."""
    rule = fact_rule(say)
    if rule is None:
        return None, "no measure rule matches the question"
    measure, direction = rule
    area = data.area_code(place)
    if area is None:
        return None, f"unknown place {place}"
    vals = []
    for g in groups:
        first = split_group(g)[0]
        v = data.value(first, measure, area)
        if v is None:
            return None, f"{measure} not published for {first} in {place}"
        vals.append((v, g))
    best = max(v for v, _ in vals) if direction == "max" else min(v for v, _ in vals)
    winners = [g for v, g in vals if v == best]
    trace = f"{measure} {direction} in {place}: " + ", ".join(
        f"{split_group(g)[0]}={v}" for v, g in vals
    )
    if len(winners) != 1:
        return None, "tie: " + trace
    return winners[0], trace


def check_conversations(data: Data, path: Path, probs: Problems, verbose: bool) -> dict:
    header, rows = read_jsonl(path, probs)
    stats: dict[str, int] = {"conversations": 0, "turns": 0, "group": 0, "nontitle": 0, "facts": 0}
    kinds: dict[str, int] = {}
    seen: set[str] = set()
    for n, conv in rows:
        cid = conv.get("id")
        where = f"{path.name}:{n}:{cid}"
        if not isinstance(cid, str) or not re.fullmatch(r"f\d{3}", cid):
            probs.add(where, "id must look like f001")
        if cid in seen:
            probs.add(where, "duplicate id")
        seen.add(cid)
        if set(conv) - {"id", "chat", "note", "turns"}:
            probs.add(
                where, f"unexpected keys {sorted(set(conv) - {'id', 'chat', 'note', 'turns'})}"
            )
        chat = conv.get("chat")
        if chat not in ("private", "group"):
            probs.add(where, "chat must be private or group")
        if not isinstance(conv.get("note"), str) or not conv["note"]:
            probs.add(where, "note missing")
        turns = conv.get("turns")
        if not isinstance(turns, list) or not 2 <= len(turns) <= 6:
            probs.add(where, "turns must be a list of 2-6 turns")
            continue
        stats["conversations"] += 1
        stats["group"] += chat == "group"
        for i, turn in enumerate(turns):
            tw = f"{where}:turn{i}"
            stats["turns"] += 1
            allowed = {"say", "expect", "nontitle", "from", "reply_to"}
            if set(turn) - allowed:
                probs.add(tw, f"unexpected turn keys {sorted(set(turn) - allowed)}")
            if not isinstance(turn.get("say"), str) or not turn["say"].strip():
                probs.add(tw, "say missing")
                continue
            if "nontitle" in turn and turn["nontitle"] is not True:
                probs.add(tw, "nontitle must be true when given")
            stats["nontitle"] += bool(turn.get("nontitle"))
            if chat == "group":
                if not isinstance(turn.get("from"), str):
                    probs.add(tw, "group turns need from")
                say = turn["say"]
                addressed = "@careerbot" in say or say.startswith("/") or "reply_to" in turn
                if not addressed:
                    probs.add(
                        tw, "group turn not addressed to the bot (command, @mention or reply)"
                    )
                if "reply_to" in turn:
                    r = turn["reply_to"]
                    if not isinstance(r, int) or not 0 <= r < i:
                        probs.add(tw, "reply_to must index an earlier turn")
            else:
                if "from" in turn or "reply_to" in turn:
                    probs.add(tw, "from/reply_to only in group chats")
            exp = turn.get("expect")
            if not isinstance(exp, dict):
                probs.add(tw, "expect missing")
                continue
            if set(exp) - CONV_EXPECT_KEYS:
                probs.add(tw, f"unexpected expect keys {sorted(set(exp) - CONV_EXPECT_KEYS)}")
            kind = exp.get("kind")
            if kind not in KINDS:
                probs.add(tw, f"bad kind {kind!r}")
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            groups = exp.get("occupations", [])
            if "occupations" in exp:
                if not isinstance(groups, list) or not groups:
                    probs.add(tw, "occupations must be a non-empty list")
                    groups = []
                for g in groups:
                    check_group(data, probs, tw, g)
                if kind == "compare" and not 1 <= len(groups) <= 4:
                    probs.add(tw, "compare lists 1-4 occupations")
                if kind == "profile" and len(groups) != 1:
                    probs.add(tw, "profile lists exactly one occupation")
            if (
                kind in ("compare", "profile", "fact", "detail", "howto", "switch")
                and "occupations" not in exp
                and kind != "switch"
            ):
                probs.add(tw, f"{kind} should name its occupations")
            if "place" in exp:
                check_place(data, probs, tw, exp["place"])
            if kind == "detail":
                if exp.get("view") not in VIEWS:
                    probs.add(tw, f"detail needs a view in {sorted(VIEWS)}")
            elif "view" in exp:
                probs.add(tw, "view only for detail")
            if kind == "switch":
                for k in ("from_occupation", "to_occupation"):
                    if k not in exp:
                        probs.add(tw, f"switch needs {k}")
                    else:
                        check_group(data, probs, tw, exp[k])
            if kind in ("smalltalk", "none") and "occupations" in exp:
                probs.add(tw, f"{kind} has no occupations")
            if kind == "fact":
                if "place" not in exp or len(groups) < 2:
                    probs.add(tw, "fact needs place and at least two occupations")
                    continue
                if "answer" in exp:
                    stats["facts"] += 1
                    got, trace = compute_fact(data, groups, exp["place"], turn["say"])
                    if verbose:
                        print(f"  {cid} turn{i}: {trace} -> {got}")
                    if got is None:
                        probs.add(tw, f"answer cannot be computed: {trace}")
                    elif got != exp["answer"]:
                        probs.add(tw, f"answer {exp['answer']} but figures favour {got} ({trace})")
                elif fact_rule(turn["say"]) is not None:
                    probs.add(tw, "fact question with a measure but no answer")
            elif "answer" in exp:
                probs.add(tw, "answer only for fact")
    return {"stats": stats, "kinds": kinds, "header": len(header)}


# --- employer titles -------------------------------------------------------------------------
def check_employer(data: Data, path: Path, probs: Problems) -> dict:
    per_group: dict[str, int] = {g: 0 for g in MAJOR_GROUPS}
    queries: set[str] = set()
    n_rows = 0
    header = 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            where = f"{path.name}:{n}"
            if line.startswith("#"):
                if n_rows:
                    probs.add(where, "comment after data lines")
                header += 1
                continue
            if not line.strip():
                probs.add(where, "blank line")
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                probs.add(where, f"expected 3 tab-separated fields, got {len(parts)}")
                continue
            category, query, expected = parts
            n_rows += 1
            if category != "employer":
                probs.add(where, "category must be employer")
            if not query.strip() or query != query.strip():
                probs.add(where, "query empty or padded")
            if query.lower() in queries:
                probs.add(where, f"duplicate query {query!r}")
            queries.add(query.lower())
            if check_group(data, probs, where, expected):
                mg = expected.split("|")[0][:2]
                if mg in per_group:
                    per_group[mg] += 1
                else:
                    probs.add(where, f"major group {mg} not one of the 22")
    if header == 0:
        probs.add(path.name, "no # header")
    if n_rows < 100:
        probs.add(path.name, f"only {n_rows} titles (need 100)")
    for g, c in per_group.items():
        if c < 4:
            probs.add(path.name, f"major group {g} has {c} titles (need >= 4)")
    return {"rows": n_rows, "per_group": per_group}


# --- advisor: rankings -----------------------------------------------------------------------
def occupation_passes(data: Data, code: str, f: dict, area: str, measure: str, v: dict) -> bool:
    o = data.occ[code]
    if code.startswith("55-"):
        return False
    if not v["all_other"] and "All Other" in o["title"]:
        return False
    p = data.proj.get(o["projection_code"] or "")
    edu = EDU_LABEL_RANK.get(p["education"]) if p and p["education"] else None
    if any(k in f for k in ("education", "education_max", "education_min")):
        if edu is None:
            return False
        if "education" in f and edu != EDU_RANK[f["education"]]:
            return False
        if "education_max" in f and edu > EDU_RANK[f["education_max"]]:
            return False
        if "education_min" in f and edu < EDU_RANK[f["education_min"]]:
            return False
    if f.get("experience") == "none":
        if not p or p["experience"] != "None":
            return False
    if "field" in f and o["soc"][:2] not in f["field"]:
        return False
    if "min_pay" in f:
        w = data.value(code, "annual_median", area)
        if w is None or (w < f["min_pay"] if v["inclusive"] else w <= f["min_pay"]):
            return False
    if "min_hourly" in f:
        w = data.value(code, "hourly_median", area)
        if w is None or (w < f["min_hourly"] if v["inclusive"] else w <= f["min_hourly"]):
            return False
    if "similar_to" in f:
        base = f["similar_to"]
        tiers = (
            {"Primary-Short", "Primary-Long", "Supplemental"}
            if v["all_tiers"]
            else {"Primary-Short", "Primary-Long"}
        )
        rel = {r for r, t, _ in data.related.get(base, []) if t in tiers}
        if code not in rel:
            return False
        if f.get("less_school"):
            bz, cz = data.occ[base]["job_zone"], o["job_zone"]
            if bz is None or cz is None or cz >= bz:
                return False
    # The unit's figure must come from its own row, unless aggregates are allowed.
    if not v["aggregates"]:
        unit = (
            o["wage_code"]
            if measure in ("annual_median", "hourly_median", "employment")
            else o["projection_code"]
        )
        if unit != o["soc"]:
            return False
    return True


def ranking(data: Data, measure: str, area: str, f: dict, v: dict) -> list[tuple[str, float]]:
    """Ranked units (groups of O*NET codes sharing one source row) under filters."""
    unit_key = (
        "wage_code"
        if measure in ("annual_median", "hourly_median", "employment")
        else "projection_code"
    )
    units: dict[str, list[str]] = {}
    value: dict[str, float] = {}
    for code in sorted(data.occ):
        if not occupation_passes(data, code, f, area, measure, v):
            continue
        val = data.value(code, measure, area)
        if val is None:
            continue
        key = data.occ[code][unit_key]
        units.setdefault(key, []).append(code)
        value[key] = val
    ranked = sorted(units, key=lambda k: (-value[k], k))
    return [("|".join(units[k]), value[k]) for k in ranked]


VARIANTS = [
    dict(zip(("all_other", "aggregates", "all_tiers", "inclusive"), combo))
    for combo in itertools.product([True, False], repeat=4)
]


def robust_top(data: Data, measure: str, area: str, f: dict) -> tuple[list[str], str]:
    """The ranking prefix that every reading of the filters agrees on (ties end it)."""
    lists = [ranking(data, measure, area, f, v) for v in VARIANTS]
    base = lists[0]
    out: list[str] = []
    for i, (group, val) in enumerate(base):
        # a tie with the next unit makes the order at this place a convention, not a fact
        if i + 1 < len(base) and base[i + 1][1] == val:
            break
        if i > 0 and base[i - 1][1] == val:
            break
        agree = True
        for other in lists[1:]:
            if i >= len(other):
                agree = False
                break
            o_codes = set(split_group(other[i][0]))
            if not (o_codes & set(split_group(group))):
                agree = False
                break
        if not agree:
            break
        out.append(group)
    trace = "; ".join(f"{g}={v}" for g, v in base[:12])
    return out, trace


def same_group(a: str, b: str) -> bool:
    return set(split_group(a)) == set(split_group(b))


# --- advisor: places, pay position -----------------------------------------------------------
def metro_in_state(data: Data, area: str, postal: str, by_name: bool) -> bool:
    kind, st, name = data.areas[area]
    if by_name:
        states = name.rsplit(", ", 1)[-1].split("-") if ", " in name else []
        return postal in states
    return FIPS_TO_POSTAL.get(st) == postal


def place_ranking(
    data: Data, soc: str, area_kind: str, within: str | None, variant: bool
) -> list[tuple[str, float]]:
    out = []
    for code, (kind, st, name) in data.areas.items():
        if area_kind == "state":
            if kind != "S":
                continue
            if not variant and FIPS_TO_POSTAL[st] in TERRITORIES:
                continue
        else:
            if kind != "M" or not code.startswith("00"):
                continue  # nonmetropolitan areas are not cities
            if within and not metro_in_state(data, code, within, by_name=variant):
                continue
        w = data.wage(soc, code)
        if w is None or w["annual_median"] is None:
            continue
        out.append((data.place_of(code), w["annual_median"]))
    out.sort(key=lambda t: (-t[1], t[0]))
    return out


def robust_places(
    data: Data, soc: str, area_kind: str, within: str | None
) -> tuple[list[str], str]:
    a = place_ranking(data, soc, area_kind, within, False)
    b = place_ranking(data, soc, area_kind, within, True)
    out = []
    for i, (p, val) in enumerate(a):
        if i >= len(b) or b[i][0] != p:
            break
        if i + 1 < len(a) and a[i + 1][1] == val:
            break
        out.append(p)
    return out, "; ".join(f"{p}={v}" for p, v in a[:8])


def percentiles(data: Data, soc: str, area: str, unit: str) -> dict[int, float | None]:
    pre = "annual" if unit == "year" else "hourly"
    w = data.wage(soc, area) or {}
    if data.areas[area][0] == "M":
        m = data.metro_percentiles(area, soc)
        src = {**m, f"{pre}_median": w.get(f"{pre}_median")}
    else:
        src = w
    out: dict[int, float | None] = {}
    for p in PERCENTILES:
        key = f"{pre}_median" if p == 50 else f"{pre}_p{p}"
        out[p] = src.get(key)
    return out


def compute_position(
    data: Data, soc: str, area: str, pay: float, unit: str
) -> tuple[tuple[int, int] | None, str]:
    pct = percentiles(data, soc, area, unit)
    trace = ", ".join(f"p{p}={v}" for p, v in pct.items())
    if any(v is None for v in pct.values()):
        return None, "a percentile is not published: " + trace
    if any(v == pay for v in pct.values()):
        return None, "pay equals a published percentile: " + trace
    above = max([p for p, v in pct.items() if v < pay], default=0)
    below = min([p for p, v in pct.items() if v > pay], default=100)
    return (above, below), trace


# --- advisor file ----------------------------------------------------------------------------
def check_filters(data: Data, probs: Problems, where: str, f: object) -> bool:
    if not isinstance(f, dict):
        probs.add(where, "filters must be an object")
        return False
    ok = True
    for k, val in f.items():
        if k not in FILTER_KEYS:
            probs.add(where, f"unknown filter {k}")
            ok = False
        elif k in ("education", "education_max", "education_min") and val not in EDU_RANK:
            probs.add(where, f"bad education value {val!r}")
            ok = False
        elif k == "experience" and val != "none":
            probs.add(where, "experience filter must be 'none'")
            ok = False
        elif k == "field" and not (
            isinstance(val, list) and val and all(g in MAJOR_GROUPS for g in val)
        ):
            probs.add(where, f"field must be a list of SOC major groups, got {val!r}")
            ok = False
        elif k in ("min_pay", "min_hourly") and not isinstance(val, (int, float)):
            probs.add(where, f"{k} must be a number")
            ok = False
        elif k == "similar_to" and not check_group(data, probs, where, val):
            ok = False
        elif k == "less_school" and val is not True:
            probs.add(where, "less_school must be true")
            ok = False
    if f.get("less_school") and "similar_to" not in f:  # type: ignore[union-attr]
        probs.add(where, "less_school needs similar_to")
        ok = False
    return ok


def check_advisor(data: Data, path: Path, probs: Problems, verbose: bool) -> dict:
    header, rows = read_jsonl(path, probs)
    kinds: dict[str, int] = {}
    seen: set[str] = set()
    counts = {"rank_top": 0, "places_top": 0, "positions": 0}
    pending_positions = []
    for n, q in rows:
        qid = q.get("id")
        where = f"{path.name}:{n}:{qid}"
        if not isinstance(qid, str) or not re.fullmatch(r"g\d{3}", qid):
            probs.add(where, "id must look like g001")
        if qid in seen:
            probs.add(where, "duplicate id")
        seen.add(qid)
        if set(q) - {"id", "say", "expect", "context"}:
            probs.add(
                where, f"unexpected keys {sorted(set(q) - {'id', 'say', 'expect', 'context'})}"
            )
        if not isinstance(q.get("say"), str) or not q["say"].strip():
            probs.add(where, "say missing")
        if "context" in q and not (
            isinstance(q["context"], list) and all(isinstance(c, str) for c in q["context"])
        ):
            probs.add(where, "context must be a list of strings")
        exp = q.get("expect")
        if not isinstance(exp, dict):
            probs.add(where, "expect missing")
            continue
        if set(exp) - ADV_EXPECT_KEYS:
            probs.add(where, f"unexpected expect keys {sorted(set(exp) - ADV_EXPECT_KEYS)}")
        kind = exp.get("kind")
        if kind not in KINDS:
            probs.add(where, f"bad kind {kind!r}")
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        for g in exp.get("occupations", []) if isinstance(exp.get("occupations"), list) else []:
            check_group(data, probs, where, g)
        if "occupations" in exp and not isinstance(exp["occupations"], list):
            probs.add(where, "occupations must be a list")
        if kind == "rank":
            if exp.get("measure") not in MEASURES:
                probs.add(where, f"bad measure {exp.get('measure')!r}")
                continue
            area = check_place(data, probs, where, exp.get("area"))
            f = exp.get("filters", {})
            if area is None or not check_filters(data, probs, where, f):
                continue
            if exp["measure"] in ("growth", "openings") and area != NATIONAL:
                probs.add(where, "growth/openings are national (EP) only")
            if "top" in exp:
                counts["rank_top"] += 1
                top = exp["top"]
                if not isinstance(top, list) or not top:
                    probs.add(where, "top must be a non-empty list")
                    continue
                robust, trace = robust_top(data, exp["measure"], area, f)
                if verbose:
                    print(f"  {qid}: robust prefix {len(robust)}: {trace}")
                if len(top) > len(robust):
                    probs.add(
                        where,
                        f"top has {len(top)} items but only {len(robust)} are "
                        f"certain under every reading ({trace})",
                    )
                for i, g in enumerate(top):
                    check_group(data, probs, where, g)
                    if i < len(robust) and not same_group(g, robust[i]):
                        probs.add(where, f"top[{i}] {g} but source rows give {robust[i]} ({trace})")
        elif kind in ("howto", "prospects"):
            if not isinstance(exp.get("occupations"), list) or not exp["occupations"]:
                probs.add(where, f"{kind} needs occupations")
        elif kind == "places":
            occs = exp.get("occupations")
            if not isinstance(occs, list) or len(occs) != 1:
                probs.add(where, "places needs exactly one occupation")
                continue
            ak = exp.get("area_kind")
            if ak not in ("state", "metro"):
                probs.add(where, "area_kind must be state or metro")
                continue
            within = exp.get("within")
            if within is not None:
                if ak != "metro" or data.area_code(within) is None or len(within) != 2:
                    probs.add(where, "within must be a state postal code, with metro")
                    continue
            if "top" in exp:
                counts["places_top"] += 1
                first = split_group(occs[0])[0]
                if first not in data.occ:
                    continue
                soc = data.occ[first]["wage_code"]
                robust, trace = robust_places(data, soc, ak, within)
                if verbose:
                    print(f"  {qid}: {trace}")
                top = exp["top"]
                if len(top) > len(robust):
                    probs.add(where, f"top longer than the certain prefix ({trace})")
                for i, p in enumerate(top):
                    if data.area_code(p) is None:
                        probs.add(where, f"unknown place {p}")
                    elif i < len(robust) and p != robust[i]:
                        probs.add(where, f"top[{i}] {p} but OEWS gives {robust[i]} ({trace})")
        elif kind == "pay_position":
            occs = exp.get("occupations")
            if not isinstance(occs, list) or len(occs) != 1:
                probs.add(where, "pay_position needs exactly one occupation")
                continue
            area = check_place(data, probs, where, exp.get("area"))
            if area is None:
                continue
            if exp.get("unit") not in ("year", "hour") or not isinstance(
                exp.get("pay"), (int, float)
            ):
                probs.add(where, "pay_position needs pay and unit year|hour")
                continue
            first = split_group(occs[0])[0]
            if first not in data.occ:
                continue
            soc = data.occ[first]["wage_code"]
            if data.areas[area][0] == "M":
                data.want_metro(area, soc)
            pending_positions.append((where, qid, soc, area, exp))
        elif kind == "tools":
            tool = exp.get("tool")
            if not isinstance(tool, str) or tool not in data.tools:
                probs.add(where, f"tool {tool!r} is not a Technology Skills example name")
    for where, qid, soc, area, exp in pending_positions:
        counts["positions"] += 1
        got, trace = compute_position(data, soc, area, exp["pay"], exp["unit"])
        if verbose:
            print(f"  {qid}: pay {exp['pay']} {exp['unit']}: {trace} -> {got}")
        if got is None:
            probs.add(where, trace)
        elif got != (exp.get("above_percentile"), exp.get("below_percentile")):
            probs.add(
                where,
                f"percentiles {exp.get('above_percentile')}/"
                f"{exp.get('below_percentile')} but OEWS gives {got} ({trace})",
            )
    return {"kinds": kinds, "counts": counts, "questions": len(rows)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--metro", type=Path, default=DEFAULT_METRO)
    ap.add_argument("--dir", type=Path, default=HERE)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every recomputation")
    args = ap.parse_args()
    data = Data(args.db, args.metro)
    probs = Problems()

    conv = check_conversations(data, args.dir / "conversations_fresh.jsonl", probs, args.verbose)
    if conv["stats"]["conversations"] < 45:
        probs.add("conversations", f"only {conv['stats']['conversations']} conversations (need 45)")
    emp = check_employer(data, args.dir / "employer_fresh.tsv", probs)
    adv = check_advisor(data, args.dir / "advisor_fresh.jsonl", probs, args.verbose)
    if adv["questions"] < 35:
        probs.add("advisor", f"only {adv['questions']} questions (need 35)")

    print(f"conversations: {conv['stats']}  kinds: {dict(sorted(conv['kinds'].items()))}")
    print(f"employer: {emp['rows']} titles; per major group: {emp['per_group']}")
    print(
        f"advisor: {adv['questions']} questions  kinds: {dict(sorted(adv['kinds'].items()))}"
        f"  recomputed: {adv['counts']}"
    )
    if probs.items:
        print(f"\n{len(probs.items)} problem(s):")
        for p in probs.items:
            print("  " + p)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
