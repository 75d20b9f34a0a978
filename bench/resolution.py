"""`make bench`: title resolution speed and memory, against a naive baseline in the same run.

Baseline: rapidfuzz `process.extractOne(query, every_title_string, scorer=WRatio)`, the
obvious first implementation. Both resolve the same titles (every title in the evaluation
set), on this machine, in this process; the report gives p50/p99 per title and the ratio.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from bench.common import open_careerbot
from bench.eval import judge, load_cases
from bot.descriptions import DescriptionIndex
from bot.resolver import TitleIndex
from store.worktext import bls_titles, work_texts

RESULTS = Path(__file__).resolve().parent / "results"
BASELINE_SAMPLE = 300  # the baseline takes ~50 ms a title; a sample keeps the run short


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(function, items: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for item in items:
        started = time.perf_counter()
        function(item)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> int:
    bot = open_careerbot()
    index = bot.index
    cases = load_cases()
    titles = [t for case in cases for t in bot.parse(case.query).titles]

    async def raw_material() -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
        titles = [(t.code, t.title, t.kind) for t in await bot.store.titles()]
        return titles + await bls_titles(bot.store), await work_texts(bot.store)

    rows, texts = asyncio.run(raw_material())
    started = time.perf_counter()
    TitleIndex.from_rows(rows, index.employment)
    build_s = time.perf_counter() - started
    # The description index is built on first use (off start-up); timed here all the same.
    started = time.perf_counter()
    DescriptionIndex(texts, index.employment).build()
    description_build_s = time.perf_counter() - started

    for title in titles[:50]:  # warm caches the way a running bot has them warm
        index.resolve(title)
    gc.collect()
    # Timed without the resolver's per-text cache: every lookup does the full work.
    ours = timed(lambda title: index._resolve(title, 5), titles * 3)

    strings = list(index.entries)
    display = {text: entry for text, entry in index.entries.items()}
    sample = titles[:: max(1, len(titles) // BASELINE_SAMPLE)][:BASELINE_SAMPLE]
    baseline = timed(lambda q: process.extractOne(q, strings, scorer=fuzz.WRatio), sample)

    ours_accuracy = sum(judge(bot, case)[0] for case in cases) / len(cases)

    def naive_code(title: str) -> str | None:
        best = process.extractOne(title.lower(), strings, scorer=fuzz.WRatio)
        if not best:
            return None
        codes = display[best[0]].codes
        return max(codes, key=lambda code: codes[code])

    naive_right = naive_total = 0
    for case in cases[:: max(1, len(cases) // 150)]:
        if case.expected is None:
            continue
        sides = bot.parse(case.query).titles
        naive_total += 1
        naive_right += len(sides) == len(case.expected) and all(
            naive_code(t) in acceptable for t, acceptable in zip(sides, case.expected, strict=False)
        )
    asyncio.run(bot.close())

    rss = subprocess.run(
        [sys.executable, "-m", "bench.rss"], capture_output=True, text=True, check=True
    )
    peak_mb = json.loads(rss.stdout)["peak_rss_mb"]

    report = {
        "titles": len(ours),
        "index_entries": len(strings),
        "ours_p50_ms": statistics.median(ours),
        "ours_p99_ms": percentile(ours, 99),
        "baseline_titles": len(baseline),
        "baseline_p50_ms": statistics.median(baseline),
        "baseline_p99_ms": percentile(baseline, 99),
        "speedup_p50": statistics.median(baseline) / statistics.median(ours),
        "speedup_p99": percentile(baseline, 99) / percentile(ours, 99),
        "index_build_s": build_s,
        "description_index_build_s": description_build_s,
        "ours_top1_eval": ours_accuracy,
        "baseline_top1_sample": naive_right / naive_total if naive_total else None,
        "bot_peak_rss_mb": peak_mb,
    }
    print(
        f"Title resolution over {len(strings):,} distinct title strings "
        f"({len(ours):,} lookups; baseline {len(baseline)}):"
    )
    print(f"  ours      p50 {report['ours_p50_ms']:7.3f} ms   p99 {report['ours_p99_ms']:7.3f} ms")
    print(
        f"  baseline  p50 {report['baseline_p50_ms']:7.3f} ms   "
        f"p99 {report['baseline_p99_ms']:7.3f} ms   (extractOne, WRatio)"
    )
    print(f"  speed-up  p50 {report['speedup_p50']:.0f}x   p99 {report['speedup_p99']:.0f}x")
    print(
        f"Accuracy: ours {100 * ours_accuracy:.1f}% top-1 on the eval set; baseline "
        f"{100 * (report['baseline_top1_sample'] or 0):.1f}% on a {naive_total}-query sample"
    )
    print(
        f"Index build: {build_s:.2f} s (+ description index {description_build_s:.2f} s, "
        f"built on first description)    Bot peak RSS: {peak_mb:.0f} MB"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "resolution.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
