"""`make eval`: title-resolution accuracy on the labelled queries, by category.

top-1: every title in the message resolved (matched, or asked about with the right answer
first) to an acceptable occupation. top-3: the right one among the first three offered.
chit-chat: nothing matched. A message whose number of titles is parsed wrong counts as wrong.
"""

from __future__ import annotations

import asyncio
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.common import open_careerbot
from bot.service import Careerbot

QUERIES = Path(__file__).resolve().parent / "eval" / "queries.tsv"
FRESH = Path(__file__).resolve().parent / "eval" / "fresh.tsv"


@dataclass(frozen=True)
class Case:
    category: str
    query: str
    expected: tuple[frozenset[str], ...] | None  # None: nothing may be matched


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


def judge(bot: Careerbot, case: Case) -> tuple[bool, bool, str]:
    """(top-1 right, top-3 right, what happened)."""
    result = bot.match(case.query)
    sides = result["sides"]
    if case.expected is None:
        matched = [s for s in sides if s["status"] == "matched"]
        ok = not matched
        return ok, ok, "ok" if ok else f"matched {[s['candidates'][0]['title'] for s in matched]}"
    if len(sides) != len(case.expected):
        return False, False, f"parsed {len(sides)} titles: {[s['text'] for s in sides]}"
    top1 = top3 = True
    notes = []
    for side, acceptable in zip(sides, case.expected, strict=True):
        codes = [c["code"] for c in side["candidates"]]
        first = bool(codes) and codes[0] in acceptable and side["status"] != "unknown"
        top1 &= first
        top3 &= any(code in acceptable for code in codes[:3])
        if not first:
            got = side["candidates"][0]["title"] if codes else "nothing"
            notes.append(f"{side['text']!r} -> {got} ({side['status']})")
    return top1, top3, "; ".join(notes) or "ok"


async def _close(bot: Careerbot) -> None:
    await bot.close()


def report(bot: Careerbot, path: Path, verbose: bool) -> None:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    failures = []
    for case in load_cases(path):
        top1, top3, note = judge(bot, case)
        counts = totals[case.category]
        counts[0] += 1
        counts[1] += top1
        counts[2] += top3
        if not top1:
            failures.append(f"  [{case.category}] {case.query}: {note}")
    print(f"{path.name}\n{'category':<16}{'n':>5}{'top-1':>9}{'top-3':>9}")
    all_n = all_1 = all_3 = 0
    for category, (n, one, three) in sorted(totals.items()):
        print(f"{category:<16}{n:>5}{100 * one / n:>8.1f}%{100 * three / n:>8.1f}%")
        all_n, all_1, all_3 = all_n + n, all_1 + one, all_3 + three
    print(f"{'all':<16}{all_n:>5}{100 * all_1 / all_n:>8.1f}%{100 * all_3 / all_n:>8.1f}%")
    if verbose:
        print("\nmisses:\n" + "\n".join(failures))


def main() -> int:
    verbose = "-v" in sys.argv
    bot = open_careerbot()
    report(bot, QUERIES, verbose)
    print()
    report(bot, FRESH, verbose)
    asyncio.run(_close(bot))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
