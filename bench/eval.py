"""`make eval`: title-resolution accuracy, on labelled sets and on sets built from the data.

Labelled sets (bench/eval/*.tsv, one line per message): queries.tsv and fresh.tsv (chat-style
messages), employer.tsv (titles as U.S. employers post them; the dev set the rules are tuned
on), employer_fresh.tsv when present (written after tuning, never tuned on), descriptions.tsv
(descriptions of the work), fresh_slang.tsv and fresh_chat*.tsv (chat messages written after
tuning; fresh_chat4-8.tsv and employer_fresh2.tsv and employer_fresh4.tsv were tuned on after
their first runs, which their headers record; employer_fresh3.tsv, employer_fresh5.tsv and
fresh_chat9.tsv are not tuned on). top-1:
every title in the message resolved (matched, or asked about with the right answer first) to
an acceptable occupation. top-3: the right one among the first three offered. group: the first
answer is in the right SOC major group. confident wrong: "matched" (the bot answers without
asking) but wrong; chit-chat that matches anything counts here too. A message whose number of
titles is read wrong counts as wrong.

Sets built from the public data (bench/evalsets.py): every O*NET, OEWS and Employment
Projections title typed as one message must open its occupation alone; and leave-one-out over
O*NET's alternate and reported titles, by SOC major group. `-v` lists the misses.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import open_careerbot
from bench.evalsets import TitleCase, leave_one_out_cases, own_title_cases
from bot.config import Settings
from bot.parsing import MAX_TITLES
from bot.payloads import resolution_json
from bot.reading import choose_reading
from bot.service import Careerbot

EVAL_DIR = Path(__file__).resolve().parent / "eval"
QUERIES = EVAL_DIR / "queries.tsv"
FRESH = EVAL_DIR / "fresh.tsv"
LABELLED = (
    "queries.tsv",
    "fresh.tsv",
    "employer.tsv",
    "employer_fresh.tsv",
    "descriptions.tsv",
    "fresh_slang.tsv",
    "fresh_chat.tsv",
    "fresh_chat2.tsv",
    "fresh_chat3.tsv",
    "fresh_chat4.tsv",
    "fresh_chat5.tsv",
    "fresh_chat6.tsv",
    "fresh_chat7.tsv",
    "fresh_chat8.tsv",
    "fresh_chat9.tsv",
    "employer_fresh2.tsv",
    "employer_fresh3.tsv",
    "employer_fresh4.tsv",
    "employer_fresh5.tsv",
)


@dataclass(frozen=True)
class Case:
    category: str
    query: str
    expected: tuple[frozenset[str], ...] | None  # None: nothing may be matched


@dataclass(frozen=True)
class Verdict:
    top1: bool
    top3: bool
    group: bool  # first answer in the right SOC major group
    confident_wrong: bool
    note: str


def load_cases(path: Path = QUERIES) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("category\t"):
            continue
        category, query, expected = line.split("\t")[:3]
        groups = (
            None
            if expected.strip() == "-"
            else tuple(
                frozenset(code.strip() for code in group.split("|"))
                for group in expected.split(" ; ")
            )
        )
        cases.append(Case(category, query, groups))
    return cases


def verdict(result: dict[str, Any], expected: tuple[frozenset[str], ...] | None) -> Verdict:
    """Score one `Careerbot.match` result against the acceptable codes of each title."""
    sides = result["sides"]
    if expected is None:
        matched = [s for s in sides if s["status"] == "matched"]
        ok = not matched
        note = "ok" if ok else f"matched {[s['candidates'][0]['title'] for s in matched]}"
        return Verdict(ok, ok, ok, not ok, note)
    if len(sides) != len(expected):
        note = f"read as {len(sides)} titles: {[s['text'] for s in sides]}"
        return Verdict(False, False, False, False, note)
    top1 = top3 = group = True
    confident_wrong = False
    notes = []
    for side, acceptable in zip(sides, expected, strict=True):
        codes = [c["code"] for c in side["candidates"]]
        first = bool(codes) and codes[0] in acceptable and side["status"] != "unknown"
        top1 &= first
        top3 &= any(code in acceptable for code in codes[:3])
        group &= (
            bool(codes)
            and side["status"] != "unknown"
            and codes[0][:2] in {code[:2] for code in acceptable}
        )
        confident_wrong |= side["status"] == "matched" and not first
        if not first:
            got = side["candidates"][0]["title"] if codes else "nothing"
            notes.append(f"{side['text']!r} -> {got} ({side['status']})")
    return Verdict(top1, top3, group, confident_wrong, "; ".join(notes) or "ok")


def judge(bot: Careerbot, case: Case) -> tuple[bool, bool, str]:
    """(top-1 right, top-3 right, what happened): the benchmark's accuracy check."""
    found = verdict(bot.match(case.query), case.expected)
    return found.top1, found.top3, found.note


class Tally:
    """Counts per category: n, top-1, top-3, right group, confident wrong."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        self.misses: list[str] = []

    def add(self, category: str, found: Verdict, label: str) -> None:
        row = self.counts[category]
        for i, value in enumerate(
            (True, found.top1, found.top3, found.group, found.confident_wrong)
        ):
            row[i] += value
        if not found.top1:
            self.misses.append(f"  [{category}] {label}: {found.note}")

    def print(self, title: str, verbose: bool) -> None:
        print(
            f"{title}\n{'category':<16}{'n':>6}{'top-1':>9}{'top-3':>9}{'group':>9}{'conf-wrong':>12}"
        )
        total = [0, 0, 0, 0, 0]
        for category, row in sorted(self.counts.items()):
            self._line(category, row)
            total = [a + b for a, b in zip(total, row, strict=True)]
        if len(self.counts) > 1:
            self._line("all", total)
        if verbose and self.misses:
            print("misses:\n" + "\n".join(self.misses))
        print()

    @staticmethod
    def _line(name: str, row: list[int]) -> None:
        n = row[0] or 1
        shares = "".join(f"{100 * v / n:>8.1f}%" for v in row[1:4])
        print(f"{name:<16}{row[0]:>6}{shares}{100 * row[4] / n:>11.1f}%")


def report(bot: Careerbot, path: Path, verbose: bool) -> None:
    tally = Tally()
    for case in load_cases(path):
        tally.add(case.category, verdict(bot.match(case.query), case.expected), case.query)
    tally.print(path.name, verbose)


def match_hiding(bot: Careerbot, case: TitleCase) -> dict[str, Any]:
    """`Careerbot.match` for one title, with the case's hidden strings out of the index."""
    resolver = bot.index.hiding(case.hidden) if case.hidden else bot.index
    intent = bot.parse(case.title)
    sides = [resolution_json(r) for r in choose_reading(intent, resolver)[:MAX_TITLES]]
    return {"query": case.title, "kind": intent.kind, "sides": sides}


def report_generated(
    bot: Careerbot,
    title: str,
    cases: list[TitleCase],
    category: Callable[[TitleCase], str],
    verbose: bool,
    must_open: bool = False,
) -> None:
    tally = Tally()
    started = time.perf_counter()
    for case in cases:
        result = match_hiding(bot, case)
        found = verdict(result, (case.acceptable,))
        if must_open and found.top1 and result["sides"][0]["status"] != "matched":
            found = Verdict(False, found.top3, found.group, False, "asked instead of opening")
        tally.add(category(case), found, case.title)
    seconds = time.perf_counter() - started
    tally.print(f"{title} ({len(cases)} cases, {seconds:.1f} s)", verbose)


def main() -> int:
    verbose = "-v" in sys.argv
    bot = open_careerbot()
    for name in LABELLED:
        if (EVAL_DIR / name).is_file():
            report(bot, EVAL_DIR / name, verbose)
    data_dir = Settings.load().careerbot_data_dir
    print("Own titles: must open the occupation alone (matched, right code); top-1 = opened")
    own = own_title_cases(data_dir)
    report_generated(bot, "own titles", own, lambda c: c.source, verbose, must_open=True)
    loo = leave_one_out_cases(data_dir)
    report_generated(
        bot, "leave-one-out, by SOC major group", loo, lambda c: min(c.acceptable)[:2], verbose
    )
    asyncio.run(bot.close())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
