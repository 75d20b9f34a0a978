"""`make bench`: end-to-end load on one bot process, against two echo bots in the same run.

What is measured: an update injected into the fake Bot API (tests/fakebotapi.py) -> fetched by
the bot's long poll -> handled -> its reply arriving at the fake as a sendMessage. The fake
runs in its own process (so its HTTP work is not charged to the bot, and ru_maxrss is the
bot's alone) and timestamps both ends on its own clock. Every update comes from a new private
chat, so the flood guard never throttles and each reply is attributed to its update by chat.

Injection is open-loop at a fixed rate (a thread sleeps to each update's due time), whatever
the bot's speed: a bot slower than the offered rate shows it as growing latency. The fake
answers a long poll as soon as updates are queued, in batches of up to 100, like Telegram.

Phases per bot: warm-up (every question once, as in a bot that has been up a while); 50
updates/s; 500 updates/s; a burst of N at once (throughput = N / time from the first
injection to the last reply); the same burst again with the core's memory of questions
emptied (resolutions and rendered summaries), so every distinct question is resolved and
rendered afresh ("unseen questions"); and a burst with Delivery's
throttling to Telegram's rates (30 messages/s overall) on — throughput is then 30/s by design.
Throttling is off for all other phases. Questions: the evaluation set (bench/eval/queries.tsv),
cycled. Every bot runs on the event loop `careerbot run` uses (uvloop where it is installed).

Baselines, same run: a stock python-telegram-bot echo bot (PTB's defaults: httpx, no rate
limiter; same concurrency), and an echo bot on careerbot's own pipeline (its HTTP transport,
Delivery, concurrency; PTB's Updater for polling). The ratio to the latter is the cost of
careerbot's own work: handlers, flood guard, core, and the inbox. careerbot runs twice: with
its inbox in memory only, then as `careerbot run` runs it — every update stored in the database
before it is acknowledged, marked done once answered (handlers/inbox.py) — so the difference
is what the inbox costs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import resource
import statistics
import sys
import threading
import time
from collections.abc import AsyncIterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
WARM_UP_RATE = 200.0  # updates/s
PHASES = {"50/s": (50.0, 250), "500/s": (500.0, 1000)}
BURST = 2000
THROTTLED = 120  # updates in the burst with Telegram-like throttling on
GOAL_RATE, GOAL_P99_MS = 1000.0, 10.0  # updates/s with the inbox on; ms at 50/s (issue 14)
FIRST_CHAT = 10_000_000


# --------------------------------------------------------------------------- the fake's process


def serve(conn: Connection) -> None:
    """The fake Bot API plus the injector, driven by commands from the bot's process."""
    from tests.support.fakebotapi import FakeBotAPI, Request

    replied: dict[int, float] = {}
    extra = [0]
    lock = threading.Lock()

    def listener(request: Request) -> None:
        if request.method == "sendMessage" and request.status == 200:
            now = time.perf_counter()
            chat = request.params.get("chat_id")
            with lock:
                if isinstance(chat, int) and chat not in replied:
                    replied[chat] = now
                else:
                    extra[0] += 1

    with FakeBotAPI() as server:
        server.listen(listener)
        conn.send((server.url, server.token))
        next_chat = FIRST_CHAT
        while True:
            command = conn.recv()
            if command is None:
                return
            rate, texts, timeout = command
            chats = list(range(next_chat, next_chat + len(texts)))
            next_chat += len(texts)
            extra_before = extra[0]
            injected: dict[int, float] = {}
            cpu = time.process_time()
            started = time.perf_counter()
            for number, (chat, text) in enumerate(zip(chats, texts, strict=True)):
                if rate:
                    delay = started + number / rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                injected[chat] = time.perf_counter()
                server.inject_message(text, chat_id=chat, user_id=chat, username=None)
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                with lock:
                    if all(chat in replied for chat in chats):
                        break
                time.sleep(0.01)
            with lock:
                done = [chat for chat in chats if chat in replied]
                latencies = [replied[chat] - injected[chat] for chat in done]
                last = max((replied[chat] for chat in done), default=started)
                conn.send(
                    {
                        "count": len(chats),
                        "answered": len(done),
                        "extra": extra[0] - extra_before,
                        "latencies_ms": [1000 * value for value in latencies],
                        "seconds": last - started,
                        "fake_cpu_s": time.process_time() - cpu,
                    }
                )


# --------------------------------------------------------------------------- the bot's process


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def ask(conn: Connection, rate: float, texts: list[str]) -> dict[str, Any]:
    """Have the fake inject `texts` at `rate` (0: at once) and report on the replies."""
    timeout = 20 + len(texts) / 50  # bounded even for a very slow bot
    cpu = time.process_time()
    await asyncio.to_thread(conn.send, (rate, texts, timeout))
    result: dict[str, Any] = await asyncio.to_thread(conn.recv)
    result["bot_cpu_s"] = time.process_time() - cpu
    return result


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """Latency percentiles, throughput, and CPU per update (steadier than throughput on a
    busy machine). For a burst, `steady_per_second` leaves out the first half of the replies
    (start-up, and the rate limiter's initial allowance when throttling)."""
    latencies = sorted(result["latencies_ms"]) or [float("nan")]
    half = len(latencies) // 2
    steady_ms = latencies[-1] - latencies[half] if len(latencies) > 2 else float("nan")
    return {
        "updates": result["count"],
        "answered": result["answered"],
        "duplicates": result["extra"],
        "p50_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 99),
        "per_second": result["answered"] / result["seconds"] if result["seconds"] else 0.0,
        "steady_per_second": (len(latencies) - 1 - half) / steady_ms * 1000 if steady_ms else 0,
        "bot_cpu_ms_per_update": 1000 * result["bot_cpu_s"] / max(1, result["answered"]),
        "fake_cpu_share": result["fake_cpu_s"] / result["seconds"] if result["seconds"] else 0,
    }


@contextlib.asynccontextmanager
async def polling(app: Any) -> AsyncIterator[None]:
    """What `run_polling` does, in this event loop."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.updater.start_polling(poll_interval=0.0, timeout=10)
    await app.start()
    try:
        yield
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


def echo_application(url: str, token: str, *, same_pipeline: bool) -> Any:
    """An echo bot: PTB's defaults, or careerbot's transport, Delivery and concurrency."""
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    from handlers.app import CONCURRENT_UPDATES
    from handlers.outgoing.delivery import Delivery
    from handlers.outgoing.transport import AiohttpRequest

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await update.effective_message.reply_text(update.effective_message.text)

    builder = (
        Application.builder()
        .token(token)
        .base_url(f"{url}/bot")
        .base_file_url(f"{url}/file/bot")
        .concurrent_updates(CONCURRENT_UPDATES)
    )
    if same_pipeline:
        builder = (
            builder.request(AiohttpRequest())
            .get_updates_request(AiohttpRequest(pool_size=1))
            .rate_limiter(Delivery())
        )
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def careerbot_application(url: str, token: str) -> tuple[Any, Any]:
    """careerbot's Application, and the settings it runs with."""
    from bot.config import Settings
    from handlers.app import build_application

    settings = Settings(
        telegram_bot_token=token,
        telegram_api_base_url=url,
        database_url=Settings.load().database_url,
    )
    return build_application(settings), settings


def careerbot_polling(settings: Any, *, durable: bool) -> Any:
    """What `careerbot run` does in polling mode (handlers.runner.serve_polling), in this
    event loop; `durable=False` keeps the inbox in memory, to measure what storing it costs."""
    from handlers.lifecycle import running
    from handlers.polling import Poller
    from handlers.runner import POLLING_OWNER

    @contextlib.asynccontextmanager
    async def serving(app: Any) -> AsyncIterator[None]:
        stop = asyncio.Event()
        async with running(app, settings, POLLING_OWNER, durable=durable) as inbox:
            task = asyncio.create_task(Poller(app, inbox, timeout=10).run(stop))
            try:
                yield
            finally:
                stop.set()
                await task

    return serving


async def measure(
    app: Any, conn: Connection, texts: list[str], serving: Any = None
) -> dict[str, Any]:
    from handlers.outgoing.delivery import Delivery

    delivery = app.bot.rate_limiter
    report: dict[str, Any] = {}

    def cycle(count: int) -> list[str]:
        return [texts[i % len(texts)] for i in range(count)]

    def throttle(on: bool) -> None:
        """Delivery's defaults (Telegram's limits), or no limits at all."""
        if isinstance(delivery, Delivery):
            delivery.set_limits(*((30, 20) if on else (0, 0)))

    async with (serving or polling)(app):
        throttle(False)
        await ask(conn, WARM_UP_RATE, list(dict.fromkeys(texts)))
        for name, (rate, count) in PHASES.items():
            report[name] = summary(await ask(conn, rate, cycle(count)))
        report["burst"] = summary(await ask(conn, 0, cycle(BURST)))
        careerbot = getattr(app.bot_data, "core", None)  # careerbot's app, not an echo bot
        if careerbot is not None:
            careerbot.forget_answers()
        report["unseen"] = summary(await ask(conn, 0, cycle(BURST)))
        if delivery is not None:
            throttle(True)
            report["throttled"] = summary(await ask(conn, 0, cycle(THROTTLED)))
    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


async def run(conn: Connection, url: str, token: str) -> dict[str, Any]:
    """Each bot in turn, in this process; peak RSS is the process's, so the (smaller) echo
    bots are measured first."""
    import logging

    from bench.eval import load_cases

    logging.basicConfig(level=logging.WARNING)
    texts = [case.query for case in load_cases()]
    stock = await measure(echo_application(url, token, same_pipeline=False), conn, texts)
    echo = await measure(echo_application(url, token, same_pipeline=True), conn, texts)
    app, settings = careerbot_application(url, token)
    volatile = await measure(app, conn, texts, careerbot_polling(settings, durable=False))
    app, settings = careerbot_application(url, token)
    careerbot = await measure(app, conn, texts, careerbot_polling(settings, durable=True))
    return {"stock_echo": stock, "echo": echo, "no_inbox": volatile, "careerbot": careerbot}


TITLES = ["stock PTB echo", "echo, our pipe", "careerbot, no inbox", "careerbot"]


def show(report: dict[str, Any]) -> None:
    bots = [report["stock_echo"], report["echo"], report["no_inbox"], report["careerbot"]]
    echo, volatile, ours = bots[1:]

    def row(label: str, values: list[str], ratio: str = "") -> None:
        print(f"{label:27}" + "".join(f"{v:>20}" for v in values) + f"  {ratio}".rstrip())

    def throughput(bot: dict[str, Any], phase: str) -> float:
        return float(bot[phase]["per_second"])

    def cpu(bot: dict[str, Any], phase: str) -> float:
        return float(bot[phase]["bot_cpu_ms_per_update"])

    print("Load on one bot process: update injected -> its reply at the fake Bot API (loopback")
    print("HTTP, fake in its own process). Echo bots: PTB's defaults, and careerbot's pipeline;")
    print("careerbot with its inbox in memory only, and as it runs (every update stored first).")
    row("", TITLES, "careerbot / echo, our pipe")
    for phase, label in (("burst", "repeat questions"), ("unseen", "unseen questions")):
        row(
            f"throughput, {label}",
            [f"{throughput(b, phase):.0f} u/s" for b in bots],
            f"{throughput(ours, phase) / throughput(echo, phase):.2f}",
        )
        row(
            "  bot CPU per update",
            [f"{cpu(b, phase):.2f} ms" for b in bots],
            f"{cpu(ours, phase) / cpu(echo, phase):.1f}x",
        )
    for name in PHASES:
        row(
            f"latency at {name} p50 / p99",
            [f"{b[name]['p50_ms']:.1f} / {b[name]['p99_ms']:.1f} ms" for b in bots],
            f"{ours[name]['p50_ms'] / echo[name]['p50_ms']:.1f}x / "
            f"{ours[name]['p99_ms'] / echo[name]['p99_ms']:.1f}x",
        )
        row("  achieved", [f"{b[name]['per_second']:.0f} u/s" for b in bots])
    row(
        "peak RSS (ru_maxrss)",
        [f"{b['peak_rss_mb']:.0f} MB" for b in bots],
        f"{ours['peak_rss_mb'] / echo['peak_rss_mb']:.1f}x (the process's peak so far)",
    )
    row(
        "throttled as Telegram",
        ["n/a"] + [f"{b['throttled']['steady_per_second']:.0f} u/s" for b in bots[1:]],
        "(Delivery: Telegram's 30/s)",
    )
    cost = [cpu(ours, p) - cpu(volatile, p) for p in ("burst", "unseen")]
    kept = [throughput(ours, p) / throughput(volatile, p) for p in ("burst", "unseen")]
    print(
        f"The inbox's cost: +{min(cost):.2f}..{max(cost):.2f} ms of CPU per update; it keeps "
        f"{100 * min(kept):.0f}-{100 * max(kept):.0f}% of the throughput without it (same run)."
    )
    rate = min(throughput(ours, "burst"), throughput(ours, "unseen"))
    p99 = ours["50/s"]["p99_ms"]
    met = "met" if rate >= GOAL_RATE else "NOT met"
    print(
        f"Goals: >= {GOAL_RATE:.0f} updates/s with the inbox {met} "
        f"({rate:.0f}/s, the lower burst); p99 <= {GOAL_P99_MS:.0f} ms at 50/s "
        f"{'met' if p99 <= GOAL_P99_MS else 'NOT met'} ({p99:.1f} ms)."
    )
    for title, bot in zip(TITLES, bots, strict=True):
        phases = [p for p in bot.values() if isinstance(p, dict)]
        lost = sum(p["updates"] - p["answered"] for p in phases)
        twice = sum(p["duplicates"] for p in phases)
        fake = max(p["fake_cpu_share"] for p in phases)
        print(
            f"{title}: unanswered {lost}, answered twice {twice}; "
            f"the fake's busiest CPU share {100 * fake:.0f}% of a core."
        )


def main() -> int:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    fake = context.Process(target=serve, args=(child,), daemon=True)
    fake.start()
    try:
        url, token = parent.recv()
        from handlers.runner import event_loop_factory

        with asyncio.Runner(loop_factory=event_loop_factory()) as runner:  # as `careerbot run`
            report = runner.run(run(parent, url, token))
    finally:
        with contextlib.suppress(OSError):
            parent.send(None)
        fake.join(timeout=5)
    show(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
