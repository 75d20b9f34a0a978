"""`make bench`: how fast the advisor answers from memory, against a comparison in the same run.

Questions: every advisor question of bench/eval/advisor.jsonl (with its context), then every
button under each answer (pages, cards, quiz steps). A cold pass reads the tables from the
database once (what the first question about an area costs); then WARM_PASSES passes answer
from memory, as a bot that has been up a while does. Baseline, same run: the comparison path
("electrician", "nurse vs teacher in Texas") answered as often, also warm. Goal: every advisor
answer from memory in <= 20 ms at p99. Also reported: the sizes of the advisor's in-memory
tables (deep size in MB) and what reading one new area's figures costs.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import sys
import time
from collections import defaultdict
from typing import Any

from bench.advisor import ADVISOR_KINDS, ask, load
from bench.common import careerbot_async
from bench.resolution import RESULTS, percentile
from bot.replies import Reply

WARM_PASSES = 5
GOAL_P99_MS = 20.0
BASELINE = ("electrician", "nurse vs teacher in Texas", "plumber in Seattle, WA")


def deep_size(value: Any, seen: set[int] | None = None) -> int:
    """Bytes of a value and everything it holds (each object counted once)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        size += sum(deep_size(v, seen) for v in value)
    elif hasattr(value, "__slots__"):
        slots = [s for s in value.__slots__ if hasattr(value, s)]
        size += sum(deep_size(getattr(value, s), seen) for s in slots)
    elif hasattr(value, "__dict__"):
        size += deep_size(vars(value), seen)
    return size


async def _timed(work: Any) -> tuple[float, Reply]:
    started = time.perf_counter()
    reply = await work
    return (time.perf_counter() - started) * 1000, reply


async def run() -> dict[str, Any]:
    bot = await careerbot_async()
    try:
        cases = [c for c in load() if c["expect"]["kind"] in ADVISOR_KINDS]
        cold: dict[str, list[float]] = defaultdict(list)
        presses: list[tuple[str, str]] = []
        for case in cases:
            ms, reply = await _timed(ask(bot, case))
            cold[case["expect"]["kind"]].append(ms)
            presses += [(str(reply.kind), b.data) for row in reply.buttons for b in row if b.data]
        for _, data in presses:
            await bot.press(data)  # cold reads of the views behind the buttons
        for text in BASELINE:
            await bot.answer(text)
        gc.collect()

        warm: dict[str, list[float]] = defaultdict(list)
        pressed: list[float] = []
        baseline: list[float] = []
        for _ in range(WARM_PASSES):
            for case in cases:
                ms, _reply = await _timed(ask(bot, case))
                warm[case["expect"]["kind"]].append(ms)
            for _kind, data in presses:
                ms, _reply = await _timed(bot.press(data))
                pressed.append(ms)
            for _ in range(len(cases) // len(BASELINE)):
                for text in BASELINE:
                    ms, _reply = await _timed(bot.answer(text))
                    baseline.append(ms)

        # One new area: the cost of reading its figures (the first question about it).
        metros = [p for _, _, p in bot.places.metros][:20]
        new_area = []
        for place in metros:
            ms, _reply = await _timed(bot.answer(f"highest paying jobs in {place.name}"))
            new_area.append(ms)

        store = bot.store
        tables = {
            "occupations": await store.advisor_occupations(),
            "area figures": dict(getattr(store, "_area_wages", {})),
            "occupation places": dict(getattr(store, "_occupation_places", {})),
            "technology examples": await store.technology_examples(),
        }
        sizes = {name: deep_size(value) / 2**20 for name, value in tables.items()}
        counts = {name: len(value) for name, value in tables.items()}
    finally:
        await bot.close()

    every = [ms for values in warm.values() for ms in values] + pressed
    report = {
        "questions": len(cases),
        "buttons": len(presses),
        "warm_passes": WARM_PASSES,
        "advisor_p50_ms": statistics.median(every),
        "advisor_p99_ms": percentile(every, 99),
        "by_kind_p99_ms": {kind: percentile(v, 99) for kind, v in sorted(warm.items())},
        "buttons_p99_ms": percentile(pressed, 99),
        "cold_p50_ms": statistics.median([ms for v in cold.values() for ms in v]),
        "cold_max_ms": max(ms for v in cold.values() for ms in v),
        "new_area_p50_ms": statistics.median(new_area),
        "baseline_p50_ms": statistics.median(baseline),
        "baseline_p99_ms": percentile(baseline, 99),
        "table_mb": sizes,
        "table_entries": counts,
    }
    report["p99_vs_baseline"] = report["advisor_p99_ms"] / report["baseline_p99_ms"]
    return report


def main() -> int:
    report = asyncio.run(run())
    print(
        f"Advisor answers from memory ({report['questions']} questions, {report['buttons']} "
        f"buttons, {report['warm_passes']} passes):"
    )
    print(
        f"  advisor   p50 {report['advisor_p50_ms']:6.2f} ms   p99 {report['advisor_p99_ms']:6.2f}"
        f" ms   (goal p99 <= {GOAL_P99_MS:.0f} ms)"
    )
    print(
        f"  baseline  p50 {report['baseline_p50_ms']:6.2f} ms   "
        f"p99 {report['baseline_p99_ms']:6.2f} ms   (comparisons and profiles, same run)"
    )
    print(f"  advisor p99 / baseline p99: {report['p99_vs_baseline']:.1f}x")
    by_kind = report["by_kind_p99_ms"].items()
    print("  p99 by kind: " + ", ".join(f"{k} {v:.1f}" for k, v in by_kind))
    print(
        f"  first read: p50 {report['cold_p50_ms']:.1f} ms, max {report['cold_max_ms']:.0f} ms; "
        f"a new area's figures: p50 {report['new_area_p50_ms']:.1f} ms"
    )
    print(
        "  in-memory tables: "
        + ", ".join(
            f"{name} {report['table_entries'][name]:,} ({mb:.1f} MB)"
            for name, mb in report["table_mb"].items()
        )
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "advisor.json").write_text(json.dumps(report, indent=2))
    return 0 if report["advisor_p99_ms"] <= GOAL_P99_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
