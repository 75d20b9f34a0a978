"""Record (or check) the golden answers: what the bot says to a fixed set of questions.

Issue 10 moved code around without changing behaviour; this file pins the behaviour so that
a restructuring can prove it changed nothing. `python -m tests.support.golden.record URL`
rewrites `digests.json` from the real database; `tests/bot/test_golden.py` checks the current
code against it. Retire or re-record it when behaviour changes on purpose.

Only a digest of each answer is kept, not the answer: the answers quote the source figures, and
the project never holds copies of the data (2 MB of them, besides). To see what changed, record
the full answers of both commits with `--full PATH` (PATH outside the repository, e.g. under
var/) and diff the two files.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent / "digests.json"
EVAL = Path(__file__).resolve().parents[3] / "bench" / "eval"
EXTRA_QUESTIONS = (
    "nurse vs teacher in Texas",
    "plumber in Seattle, WA",
    "electrician in Austin, TX",
    "dermatologist vs cardiologist in Maine",
    "actor vs musician",
    "teacher vs professor",
    "registered nurse vs clinical nurse specialist",
    "electrician vs hvac mechanic",
    "compare electricians, plumbers and welders",
    "compare electricians, plumbers, welders, carpenters and roofers",
    "switch from cashier to accountant",
    "switch from registered nurse to licensed practical nurse",
    "R&D engineer vs nurse",
    "what do dental hygienists make?",
    "hi",
    "thanks",
    "asdfghjkl",
    "nurse vs cable guy",
    "",
    "/compare@thebot nurse vs teacher",
    # issue 11: places, seniority, the self-employed
    "teacher in Texas vs teacher in California",
    "nurse pay in Texas vs California",
    "electrician: Ohio vs Florida",
    "senior patient account representative",
    "real estate agent vs rideshare driver",
    "bookkeeper vs accountant vs cashier",
)
# Questions whose every button is pressed too (and the buttons of a did-you-mean).
TOURED = (
    "medical collections vs loss mitigation",
    "nurse vs teacher",
    "nurse vs teacher in Texas",
    "plumber in Seattle, WA",
    "electrician",
    "actor vs musician",
    "registered nurse vs clinical nurse specialist",
    "compare electricians, plumbers and welders",
    "switch from cashier to accountant",
    "software engineer or data scientist?",
    "dermatologist vs cardiologist in Maine",
    "cardiologist",
    "teacher vs professor",
    "rn vs lpn",
    "electrician vs hvac mechanic",
    "bookkeeper vs accountant",
    "nurse vs cable guy",
    "truck driver vs welder",
    "what do dental hygienists make?",
    "kindergarten teacher vs preschool teacher",
    "teacher in Texas vs teacher in California",
)
LOCATED_CHAT = 424242


def questions() -> list[str]:
    """Every other labelled query of the evaluation sets, then the extras."""
    found: list[str] = []
    for name in ("queries.tsv", "fresh.tsv"):
        rows = [
            line.split("\t")[1]
            for line in (EVAL / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "category\t"))
        ]
        found += rows[::2]
    return list(dict.fromkeys([*found, *EXTRA_QUESTIONS]))


def reply_record(reply: Any) -> dict[str, Any]:
    record = reply.to_json()
    if reply.photo is not None:
        record["photo_sha256"] = hashlib.sha256(reply.photo).hexdigest()
        record["photo_key"] = reply.photo_key
    return record


async def record(core: Any) -> dict[str, Any]:
    answers = {q: reply_record(await core.answer(q)) for q in questions()}
    matches = {q: core.match(q) for q in questions()}
    views: dict[str, dict[str, Any]] = {}
    for question in TOURED:
        reply = await core.answer(question)
        pressed = {}
        for row in reply.buttons:
            for button in row:
                pressed[button.data] = reply_record(await core.press(button.data))
        views[question] = pressed
    located = {
        "set": reply_record(await core.set_location(LOCATED_CHAT, "TX")),
        "show": reply_record(await core.set_location(LOCATED_CHAT, "")),
        "answer": reply_record(await core.answer("nurse vs teacher", chat_id=LOCATED_CHAT)),
        "unknown": reply_record(await core.set_location(LOCATED_CHAT, "Atlantis")),
        "reset": reply_record(await core.set_location(LOCATED_CHAT, "US")),
        "after": reply_record(await core.answer("nurse vs teacher", chat_id=LOCATED_CHAT)),
    }
    fixed = {
        "about": reply_record(core.about()),
        "help": reply_record(core.help()),
        "greeting": reply_record(core.fallback(greeting=True)),
        "forged": reply_record(await core.press("1.zzzz.m.43301100")),
    }
    return {
        "answers": answers,
        "matches": matches,
        "views": views,
        "located": located,
        "fixed": fixed,
    }


def digest(value: Any) -> str:
    """A short fingerprint of one answer's JSON, as written (keys sorted)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def digests(golden: dict[str, Any]) -> dict[str, Any]:
    """Each answer of `record` as its digest; a tour's pressed buttons one by one."""
    return {
        part: {
            key: {data: digest(reply) for data, reply in value.items()}
            if part == "views"
            else digest(value)
            for key, value in answers.items()
        }
        for part, answers in golden.items()
    }


async def _record(database_url: str) -> dict[str, Any]:
    from tests.support.golden.core import open_core

    core = await open_core(database_url)
    try:
        return await record(core)
    finally:
        await core.close()


def _write(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    args = sys.argv[1:]
    golden = asyncio.run(_record(args[0]))
    _write(GOLDEN, digests(golden))
    if "--full" in args:  # the answers themselves, to diff two commits' (keep it out of git)
        _write(Path(args[args.index("--full") + 1]), golden)
