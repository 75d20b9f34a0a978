"""`make bench`, conversations: what keeping 100,000 active chats' contexts costs.

Memory is measured with tracemalloc around filling one ConversationStore with contexts like
the bot writes (a comparison of two occupations in a metro area, as asked); writing them is
one batched upsert per FLUSH_AT; reading is a dict lookup. Goal: <= 50 MB for 100,000 chats.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from bot.conversation.context import Context, member_key
from store.conversations import ConversationStore
from store.db import create_engine

CHATS = 100_000
GOAL_MB = 50.0


def context(chat: int) -> str:
    return Context(
        "compare",
        ("29-1141.00", "25-2021.00"),
        ("nurse", f"teacher {chat % 97}"),
        "0042660",
        view="salary",
        current="41-2011.00",
    ).dumps()


async def measure() -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'bench.sqlite3'}")
        store = ConversationStore(engine)
        await store.start()
        texts = [context(chat) for chat in range(CHATS)]
        keys = [member_key(chat, chat) for chat in range(CHATS)]
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        started = time.perf_counter()
        for key, text in zip(keys, texts, strict=True):
            store.put(key, text)
        put_us = (time.perf_counter() - started) / CHATS * 1e6
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grown = sum(s.size_diff for s in after.compare_to(before, "filename")) / 1e6
        started = time.perf_counter()
        found = sum(store.get(k) is not None for k in keys)
        get_us = (time.perf_counter() - started) / CHATS * 1e6
        started = time.perf_counter()
        await store.flush()
        flush_s = time.perf_counter() - started
        sizes = [len(t.encode()) for t in texts]
        await store.close()
        await engine.dispose()
    print("Conversation contexts (bench/context.py)")
    print(
        f"  {CHATS:,} chats: {grown:.1f} MB in memory (goal <= {GOAL_MB:.0f} MB), "
        f"{statistics.mean(sizes):.0f} bytes of JSON each"
    )
    print(f"  put {put_us:.2f} us, get {get_us:.2f} us each; {found:,} found")
    print(f"  writing all {CHATS:,} (batched): {flush_s:.2f} s on SQLite")
    print(f"  goal {'met' if grown <= GOAL_MB else 'NOT met'}")


if __name__ == "__main__":
    asyncio.run(measure())
