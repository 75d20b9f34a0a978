#!/usr/bin/env python3
"""Validate conversations.jsonl (the issue-14 conversation evaluation set) against the data.

Standard library only. Usage:

    python3 check_conversations.py [conversations.jsonl] [--db PATH]

Checks, and exits non-zero with one line per problem when any fails:
- shape: one JSON object per non-comment line; ids c001, c002, ... in order; `chat`
  private|group; a non-empty `note`; 2-7 turns; turn keys and `expect` keys as in
  eval-formats.md; kinds and detail views from the documented lists; group turns have `from`,
  reach the bot (a /command@careerbot, an @careerbot mention or a `reply_to` an earlier turn),
  private turns have neither `from` nor `reply_to`;
- codes: every code of every occupation group (occupations, answer, from_/to_occupation)
  exists in the occupation table, with no code twice in a group;
- places: "US", a state's postal code whose area exists, or a 5-digit CBSA code whose
  metropolitan area ("00" + CBSA) exists;
- facts: the measure of every `fact` turn is read from its wording (pay, education, growth,
  jobs or "better"; a bare place follow-up such as "in ohio?" repeats the measure of the
  asker's previous fact, or of the fact it replies to); the figures are recomputed for the turn's place and the turn must carry
  `answer` exactly when the figures single out one occupation (equal to that group), and never
  for "which is better?";
- no did-you-mean (`clarify`) expected on a `nontitle` turn; no two conversations alike.

How an `answer` is computed (stated in the file header too): each group is read as its first,
most-correct code, through the occupation's wage_code (OEWS) and projection_code (EP).
- pay: OEWS annual median, cross-industry, in the place's area; when any of the occupations
  has no annual median (BLS publishes some only hourly) hourly medians are compared instead,
  if all have one. Top-coded values (footnote 5, ">= $239,200") count as that value, so two
  top-coded medians tie. The highest wins.
- education: EP Table 1.2 typical entry education (national), lowest level wins, in the BLS
  order none < high school < some college < postsecondary nondegree award < associate <
  bachelor < master < doctoral/professional.
- growth: EP 2024-34 percent change (national), highest wins.
- jobs: OEWS employment, cross-industry, in the place's area, highest wins.
A missing figure for any occupation of the set, or a tie for first place, means no answer.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "conversations.jsonl"
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "var" / "careerbot.sqlite3"  # `make data` builds it

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
EXPECT_KEYS = {"kind", "occupations", "place", "view", "answer", "from_occupation", "to_occupation"}
TURN_KEYS = {"say", "expect", "nontitle", "from", "reply_to"}
CONV_KEYS = {"id", "chat", "note", "turns"}
BOT = "careerbot"

STATE_FIPS = {
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

EDUCATION_ORDER = {
    "No formal educational credential": 0,
    "High school diploma or equivalent": 1,
    "Some college, no degree": 2,
    "Postsecondary nondegree award": 3,
    "Associate's degree": 4,
    "Bachelor's degree": 5,
    "Master's degree": 6,
    "Doctoral or professional degree": 7,
}

# The measure a fact question asks about, read from its wording. Exactly one must match.
MEASURE_PATTERNS = {
    "better": re.compile(
        r"(?<!pays )(?<!paid )(?<!pay )\bbetter\b|\bbest\b|\bshould i\b|\bwhich (one )?would you\b|\bpick\b|\bchoose\b"
    ),
    "pay": re.compile(
        r"\bpays?\b|\bpaid\b|\bearns?\b|\bmoney\b|\bsalary\b|\bmakes? more\b|\bwages?\b|\bincome\b|💰|💵"
    ),
    "education": re.compile(
        r"\bschool(ing)?\b|\beducation\b|\bdegree\b|\bstudy(ing)?\b|\bcollege\b|\btraining\b|\bschoolin\b"
    ),
    "growth": re.compile(r"\bgrow(s|th|ing)?\b|\bfuture\b"),
    "jobs": re.compile(
        r"\bjobs\b|\bemploy(s|ed|ment)?\b|\bpositions\b|\bmore people\b|\bworkers\b"
    ),
}


def measure_of(text: str) -> set[str]:
    low = text.lower()
    return {name for name, pattern in MEASURE_PATTERNS.items() if pattern.search(low)}


class Data:
    """Read-only access to the figures an answer is computed from."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.codes = {
            row[0]: (row[1], row[2])
            for row in self.con.execute("select code, wage_code, projection_code from occupation")
        }
        self.areas = {row[0]: row[1] for row in self.con.execute("select code, kind from area")}

    def area_code(self, place: str) -> str | None:
        if place == "US":
            return "0000000"
        if place in STATE_FIPS:
            code = STATE_FIPS[place] + "00000"
            return code if self.areas.get(code) == "S" else None
        if re.fullmatch(r"\d{5}", place):
            code = "00" + place
            return code if self.areas.get(code) == "M" else None
        return None

    def wage(self, code: str, area: str) -> tuple | None:
        wage_code = self.codes[code][0]
        if wage_code is None:
            return None
        return self.con.execute(
            "select employment, annual_median, hourly_median, footnotes from wage"
            " where soc_code = ? and area_code = ? and industry_code = '000000'",
            (wage_code, area),
        ).fetchone()

    def projection(self, code: str) -> tuple | None:
        projection_code = self.codes[code][1]
        if projection_code is None:
            return None
        return self.con.execute(
            "select percent_change, typical_education from projection where code = ?",
            (projection_code,),
        ).fetchone()

    def values(self, measure: str, codes: list[str], area: str) -> list[float | None]:
        """One comparable number per code (bigger = favoured), None where unpublished."""
        if measure == "pay":
            rows = [self.wage(code, area) for code in codes]
            annual = [row[1] if row else None for row in rows]
            if all(value is not None for value in annual):
                return [float(value) for value in annual]
            hourly = [row[2] if row else None for row in rows]
            if all(value is not None for value in hourly):
                return [float(value) for value in hourly]
            return [None] * len(codes)
        if measure == "jobs":
            rows = [self.wage(code, area) for code in codes]
            return [float(row[0]) if row and row[0] is not None else None for row in rows]
        if measure == "growth":
            rows = [self.projection(code) for code in codes]
            return [float(row[0]) if row and row[0] is not None else None for row in rows]
        if measure == "education":
            rows = [self.projection(code) for code in codes]
            levels = [EDUCATION_ORDER.get(row[1]) if row else None for row in rows]
            return [-float(level) if level is not None else None for level in levels]
        raise ValueError(measure)

    def winner(self, measure: str, groups: list[str], place: str) -> str | None:
        """The group the figures favour, or None (a figure missing, or a tie for first)."""
        area = self.area_code(place)
        if area is None:
            return None
        firsts = [group.split("|")[0] for group in groups]
        values = self.values(measure, firsts, area)
        if any(value is None for value in values):
            return None
        best = max(values)
        if values.count(best) > 1:
            return None
        return groups[values.index(best)]


def check(path: Path, data: Data) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    stats = {"conversations": 0, "turns": 0, "group": 0, "facts_with_answer": 0}
    seen_ids: list[str] = []
    seen_dialogues: dict[tuple[str, ...], str] = {}

    def problem(where: str, message: str) -> None:
        problems.append(f"{where}: {message}")

    def check_group(where: str, group: object) -> bool:
        if not isinstance(group, str) or not group:
            problem(where, f"occupation group must be a non-empty string, got {group!r}")
            return False
        codes = group.split("|")
        if len(set(codes)) != len(codes):
            problem(where, f"code repeated in group {group!r}")
        ok = True
        for code in codes:
            if not re.fullmatch(r"\d{2}-\d{4}\.\d{2}", code):
                problem(where, f"malformed code {code!r}")
                ok = False
            elif code not in data.codes:
                problem(where, f"code {code} is not in the occupation table")
                ok = False
        return ok

    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        problem(str(path), "the file should start with a '#' header")
    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        where = f"line {number}"
        if not line.strip():
            problem(where, "blank line")
            continue
        try:
            conv = json.loads(line)
        except json.JSONDecodeError as error:
            problem(where, f"not JSON: {error}")
            continue
        if not isinstance(conv, dict):
            problem(where, "not an object")
            continue
        cid = conv.get("id")
        where = f"line {number} ({cid})"
        stats["conversations"] += 1
        if set(conv) - CONV_KEYS or CONV_KEYS - set(conv):
            problem(where, f"keys must be {sorted(CONV_KEYS)}, got {sorted(conv)}")
        expected_id = f"c{len(seen_ids) + 1:03d}"
        if cid != expected_id:
            problem(where, f"id should be {expected_id}")
        seen_ids.append(str(cid))
        chat = conv.get("chat")
        if chat not in ("private", "group"):
            problem(where, f"chat must be private or group, got {chat!r}")
        if chat == "group":
            stats["group"] += 1
        if not isinstance(conv.get("note"), str) or not conv["note"].strip():
            problem(where, "note must be a non-empty string")
        turns = conv.get("turns")
        if not isinstance(turns, list) or not 2 <= len(turns) <= 7:
            problem(where, "turns must be a list of 2-7 turns")
            continue
        says = []
        fact_measures: dict[int | None, str] = {}
        last_fact: dict[str, str] = {}
        for index, turn in enumerate(turns):
            tw = f"{where} turn {index}"
            stats["turns"] += 1
            if not isinstance(turn, dict):
                problem(tw, "turn is not an object")
                continue
            if set(turn) - TURN_KEYS:
                problem(tw, f"unknown turn keys {sorted(set(turn) - TURN_KEYS)}")
            say = turn.get("say")
            if not isinstance(say, str) or not say.strip():
                problem(tw, "say must be a non-empty string")
                say = ""
            says.append(f"{turn.get('from', '')}:{say}")
            if "nontitle" in turn and turn["nontitle"] is not True:
                problem(tw, "nontitle, when present, must be true")
            if chat == "group":
                if not isinstance(turn.get("from"), str) or not turn["from"]:
                    problem(tw, "group turns need `from`")
                reply_to = turn.get("reply_to")
                if reply_to is not None and (
                    not isinstance(reply_to, int)
                    or isinstance(reply_to, bool)
                    or not 0 <= reply_to < index
                ):
                    problem(tw, f"reply_to must be the index of an earlier turn, got {reply_to!r}")
                addressed = (
                    reply_to is not None or re.match(rf"^/\w+@{BOT}\b", say) or f"@{BOT}" in say
                )
                if not addressed:
                    problem(
                        tw,
                        "in a group the bot only sees /cmd@careerbot, @careerbot mentions and replies",
                    )
            elif "from" in turn or "reply_to" in turn:
                problem(tw, "from/reply_to only belong in group chats")
            expect = turn.get("expect")
            if not isinstance(expect, dict):
                problem(tw, "expect must be an object")
                continue
            if set(expect) - EXPECT_KEYS:
                problem(tw, f"unknown expect keys {sorted(set(expect) - EXPECT_KEYS)}")
            kind = expect.get("kind")
            if kind not in KINDS:
                problem(tw, f"unknown kind {kind!r}")
            if kind == "clarify" and turn.get("nontitle"):
                problem(tw, "a did-you-mean list on a non-title is always wrong")
            occupations = expect.get("occupations")
            if occupations is not None:
                if not isinstance(occupations, list) or not occupations:
                    problem(tw, "occupations must be a non-empty list")
                    occupations = None
                else:
                    for group in occupations:
                        check_group(tw, group)
                    if len(set(occupations)) != len(occupations):
                        problem(tw, "the same group twice in occupations")
            if kind == "compare" and occupations is not None and not 2 <= len(occupations) <= 4:
                problem(tw, "compare lists 2-4 occupations")
            if (
                kind in ("profile", "howto", "prospects", "places", "pay_position")
                and occupations is not None
                and len(occupations) != 1
            ):
                problem(tw, f"{kind} is about one occupation")
            if (
                kind in ("compare", "profile", "fact", "howto", "detail", "chart", "prospects")
                and occupations is None
            ):
                problem(tw, f"{kind} needs occupations")
            place = expect.get("place")
            if place is not None and (not isinstance(place, str) or data.area_code(place) is None):
                problem(tw, f"unknown place {place!r}")
            if kind == "detail":
                if expect.get("view") not in VIEWS:
                    problem(tw, f"detail needs a view from {sorted(VIEWS)}")
            elif "view" in expect:
                problem(tw, "view only belongs to detail")
            if kind == "switch":
                for key in ("from_occupation", "to_occupation"):
                    if key not in expect:
                        problem(tw, f"switch needs {key}")
                    else:
                        check_group(tw, expect[key])
            elif "from_occupation" in expect or "to_occupation" in expect:
                problem(tw, "from_/to_occupation only belong to switch")
            if kind == "fact":
                measures = measure_of(say)
                if not measures:
                    # A bare follow-up ("in ohio?") after a fact asks the same question again.
                    inherited = fact_measures.get(
                        turn.get("reply_to"), last_fact.get(turn.get("from", ""))
                    )
                    if inherited is not None:
                        measures = {inherited}
                if len(measures) != 1:
                    problem(
                        tw,
                        f"cannot tell what the fact question asks (matches {sorted(measures)}): {say!r}",
                    )
                    continue
                measure = measures.pop()
                fact_measures[index] = measure
                last_fact[turn.get("from", "")] = measure
                if occupations is None or not isinstance(place, str) or len(occupations) < 2:
                    problem(tw, "fact needs 2+ occupations and a place")
                    continue
                answer = expect.get("answer")
                if measure == "better":
                    if answer is not None:
                        problem(tw, "no answer for 'which is better?'")
                    continue
                if not all(
                    isinstance(g, str) and all(c in data.codes for c in g.split("|"))
                    for g in occupations
                ):
                    continue
                right = data.winner(measure, occupations, place)
                if answer is None:
                    if right is not None:
                        problem(tw, f"{measure}: the figures favour {right}; give it as answer")
                else:
                    stats["facts_with_answer"] += 1
                    if answer not in occupations:
                        problem(tw, f"answer {answer!r} is not one of the turn's occupations")
                    elif right is None:
                        problem(
                            tw,
                            f"{measure}: figures tie or are missing in {place}; leave answer out",
                        )
                    elif answer != right:
                        problem(
                            tw, f"{measure} in {place}: the figures favour {right}, not {answer}"
                        )
            elif "answer" in expect:
                problem(tw, "answer only belongs to fact")
        key = tuple(says)
        if key in seen_dialogues:
            problem(where, f"same turns as {seen_dialogues[key]}")
        seen_dialogues[key] = str(cid)
    return problems, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    data = Data(args.db)
    problems, stats = check(args.file, data)
    for line in problems:
        print(line)
    summary = ", ".join(f"{value} {name}" for name, value in stats.items())
    if problems:
        print(f"FAILED: {len(problems)} problem(s); {summary}")
        return 1
    print(f"OK: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
