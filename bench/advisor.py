"""`make eval`: the advisor questions of bench/eval/advisor.jsonl, scored by kind.

Each question goes through `Careerbot.answer`, as in the bot; a question with `context` first
sends those messages in a chat of its own, so the conversation remembers them as it does for
a person. A reply is right when its kind is the expected one and every
field the line gives agrees: rank (measure, area, filters equal, and `top` the first codes of
its list), howto / prospects (the occupation), places (the occupation, state or metro, within,
`top`), pay_position (occupation, area, pay, unit, the two percentiles), tools (the O*NET
example named). Look-alikes (compare, profile, smalltalk, none) must not be taken by the
advisor, and are also scored on the kind the whole bot gives them.

    python -m bench.advisor [-v] [FILE]
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import careerbot_async
from bot.places import POSTAL
from bot.replies import Reply
from bot.service import Careerbot

ADVISOR = Path(__file__).resolve().parent / "eval" / "advisor.jsonl"
# Written after tuning by an engineer who saw neither the bot nor advisor.jsonl (advisor_fresh2:
# a helper, 2026-12-03, tuned on after its first run, as its header says).
FRESH = Path(__file__).resolve().parent / "eval" / "advisor_fresh.jsonl"
ADVISOR_KINDS = {"rank", "howto", "places", "pay_position", "tools", "prospects", "quiz"}


def load(path: Path = ADVISOR) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


_CHATS = itertools.count(int(time.time()) % 100_000 * 1_000 + 1)  # new chats every run


async def ask(bot: Careerbot, case: dict[str, Any]) -> Reply:
    """The reply to `say` after the case's context, as the bot would give it."""
    if not case.get("context"):
        return await bot.answer(case["say"])
    chat = next(_CHATS)
    for message in case["context"]:
        await bot.answer(message, chat_id=chat)
    return await bot.answer(case["say"], chat_id=chat)


def _codes(reply: Reply) -> list[str]:
    return [str(o.get("code")) for o in reply.occupations]


def _group_ok(group: str, code: str | None) -> bool:
    return code is not None and code in group.split("|")


def judge(case: dict[str, Any], reply: Reply) -> list[str]:
    """What is wrong with the reply (nothing: right)."""
    expect, data = case["expect"], reply.to_json()
    kind = expect["kind"]
    wrong = []
    if reply.kind != kind:
        return [f"kind {reply.kind} (expected {kind})"]
    codes = _codes(reply)
    if kind == "rank":
        ranking = data.get("ranking") or {}
        for key in ("measure", "area", "filters"):
            if ranking.get(key) != expect[key]:
                wrong.append(f"{key} {ranking.get(key)!r} (expected {expect[key]!r})")
        top = expect.get("top")  # occupation groups: "a|b" when several codes share a figure
        if top and not all(
            _group_ok(g, codes[i] if i < len(codes) else None) for i, g in enumerate(top)
        ):
            wrong.append(f"top {codes[: len(top)]} (expected {top})")
    elif kind in ("howto", "prospects", "places", "pay_position", "compare", "profile"):
        groups = expect.get("occupations", [])
        if groups and not all(
            _group_ok(g, codes[i] if i < len(codes) else None) for i, g in enumerate(groups)
        ):
            wrong.append(f"occupations {codes} (expected {groups})")
        if kind == "places":
            places = [p["code"] for p in data.get("places", [])]
            if data.get("area_kind") != expect["area_kind"]:
                wrong.append(f"area_kind {data.get('area_kind')} (expected {expect['area_kind']})")
            if data.get("within") != expect.get("within"):
                wrong.append(f"within {data.get('within')} (expected {expect.get('within')})")
            top = expect.get("top")
            if top and places[: len(top)] != top:
                wrong.append(f"top {places[: len(top)]} (expected {top})")
        if kind == "pay_position":
            position = data.get("position") or {}
            for key in ("area", "pay", "unit", "above_percentile", "below_percentile"):
                if position.get(key) != expect[key]:
                    wrong.append(f"{key} {position.get(key)!r} (expected {expect[key]!r})")
        if kind in ("compare", "profile") and "place" in expect:
            location = data.get("location") or {}
            got = str(location.get("code") or "US")
            got = POSTAL.get(got, got) if location.get("kind") == "state" else got
            if got != expect["place"]:
                wrong.append(f"place {got} (expected {expect['place']})")
    elif kind == "tools":
        tool = (data.get("tool") or {}).get("name")
        if tool != expect["tool"]:
            wrong.append(f"tool {tool!r} (expected {expect['tool']!r})")
    return wrong


async def score(path: Path, verbose: bool) -> int:
    bot = await careerbot_async()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    grabbed = 0
    try:
        for case in load(path):
            kind = case["expect"]["kind"]
            reply = await ask(bot, case)
            wrong = judge(case, reply)
            totals[kind][0] += 1
            totals[kind][1] += not wrong
            if kind not in ADVISOR_KINDS and reply.kind in ADVISOR_KINDS:
                grabbed += 1
            if wrong:
                misses.append(f"  {case['id']} [{kind}] {case['say']}: {'; '.join(wrong)}")
    finally:
        await bot.close()
    print(f"{path.name}\n{'kind':<16}{'n':>5}{'right':>9}")
    advisor_n = advisor_right = 0
    for kind, (n, right) in sorted(totals.items()):
        print(f"{kind:<16}{n:>5}{100 * right / n:>8.1f}%")
        if kind in ADVISOR_KINDS:
            advisor_n, advisor_right = advisor_n + n, advisor_right + right
    everything = sum(n for n, _ in totals.values())
    right_all = sum(r for _, r in totals.values())
    print(f"{'advisor kinds':<16}{advisor_n:>5}{100 * advisor_right / max(advisor_n, 1):>8.1f}%")
    print(f"{'all':<16}{everything:>5}{100 * right_all / max(everything, 1):>8.1f}%")
    looks = everything - advisor_n
    print(f"look-alikes taken by the advisor: {grabbed} of {looks}")
    if verbose and misses:
        print("\nmisses:\n" + "\n".join(misses))
    return 0


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "-v"]
    paths = [Path(a) for a in args] or [ADVISOR, *sorted(FRESH.parent.glob("advisor_fresh*.jsonl"))]
    for path in paths:
        asyncio.run(score(path, "-v" in sys.argv))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
