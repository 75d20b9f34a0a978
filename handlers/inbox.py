"""The inbox: every update is in the database before Telegram is told the bot has it, and it is
marked done once it was answered, so that a crash, a `kill -9` or a restart loses nothing.

In. Both ways updates arrive — long polling (handlers/polling.py) and the webhook
(handlers/webhook.py) — hand what they received to `Inbox.accept` and acknowledge it to
Telegram only when accept says it is stored: polling moves the getUpdates offset past it, the
webhook answers 200. What accept stored is then put on the Application's update queue, once.

Batches. One writer task does every write, in batches (group commit): the updates received
while the previous write ran go in one INSERT … ON CONFLICT DO NOTHING, and the updates finished
meanwhile in one UPDATE in the same transaction. New updates are written at once; finished ones
wait for the next write of new ones, or `DONE_EVERY` (0.1 s) at most. A write costs about the
same whatever it holds (a few ms of CPU, one journal sync on SQLite), and under load a batch
holds a whole getUpdates answer (up to 100) or many webhook requests, so the cost per update is
small (`make bench`).

Done. `InboxProcessor` (PTB's concurrent update processor) reports each update PTB finished —
its replies sent, or the error handler's apology — and the writer marks it done. A crash after
a reply but before its batch was marked done means that update is answered again after the
restart: the one way a user sees an answer twice, bounded by the updates in flight at the crash
(handlers/outgoing/delivery.py explains why no Bot API client can do better).

Start-up and leases. Before the first poll or webhook request, `start` claims unfinished
updates and handles them first: those this instance's name held when its previous run died at
once, others once their lease has run out (store/inbox.py). Every `sweep` seconds the instance
renews the leases of what it holds, takes over updates whose lease ran out (another instance
died), and now and then prunes old rows. An update handled `MAX_ATTEMPTS` times without being
finished is given up, with a log line, rather than crash-looping the bot.

Duplicates. An update id already stored (a re-delivery after a restart, a retry that reached
another instance) is not handled again: only the instance whose INSERT stored it handles it. In
memory, updates are also known by id from being received until marked done.

Polling answers without waiting for its write. Only one poller per bot exists (Telegram answers
a second one 409), and Telegram's update ids only grow, so an update above the highest id the
inbox has stored (`highest`, read at start-up) cannot be a re-delivery: the poller hands it to
PTB at once (`accept(..., early=True)`) while it is being stored, and acknowledges it once it
is. An answer thus costs no journal sync in latency; a crash before the write commits means the
update comes again and is answered again — the same, bounded, case as a crash before "done".

Faults. When the database fails (down, hung, locked, deleted), updates are still handled —
what memory can answer is answered, the rest get the message naming the fix — but not
acknowledged, so Telegram keeps them: polling asks again from the same offset (Telegram then
holds at most 100 updates beyond it), the webhook answers 503 and Telegram retries. Once the
database answers again they are stored (and marked done, if they were answered meanwhile) and
acknowledged. A crash during an outage can therefore repeat answers, but never lose one.

`store=None` keeps everything in memory (no durability): only for measuring what the inbox
costs (bench/load.py).

About 500 lines: receiving, batching, marking done, leases and outages are one contract (an
update is acknowledged only once stored, answered at most once per crash), checked together.

Longer than most modules, on purpose: it is one state machine — received, handed over, stored,
finished, marked done — with the writer that moves it on, and its guarantees are easiest to
check with every transition in one place.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram.ext import SimpleUpdateProcessor

from handlers.updates import id_of
from store.db import DB_TIMEOUT, fault, reason
from store.inbox import MAX_ATTEMPTS, Claimed, InboxStore, Received

log = logging.getLogger(__name__)

SWEEP = 10.0  # seconds between lease renewals and take-overs (a third of store.inbox.LEASE)
RETRY = 1.0  # seconds between attempts to write while the database is failing
PRUNE_EVERY = 600.0  # seconds between prunes of old rows
CLAIM_BATCH = 100
# Finished updates are marked done with the next write of new ones, or after at most this long
# (or once this many wait): each write costs ~3 ms of CPU, whatever it holds.
DONE_EVERY = 0.1
DONE_BATCH = 500
FINAL_WRITE = 5.0  # seconds the last "done" batch may take while the bot stops

Dispatch = Callable[[object], None]


@dataclass
class _Entry:
    """An update between being received and being marked done."""

    payload: str
    stored: bool  # the database has it (ours to mark done once finished)
    finished: bool = False


class InboxProcessor(SimpleUpdateProcessor):
    """PTB's concurrent update processing, telling `on_finished` about each update it finished.

    Cancelled (the bot stopping hard) is not finished: that update stays unfinished in the
    inbox and is handled after the restart.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self.on_finished: Callable[[object], None] | None = None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await coroutine
        finally:
            # Not when cancelled: only an update PTB got to the end of is answered.
            task = asyncio.current_task()
            if self.on_finished is not None and not (task is not None and task.cancelling()):
                self.on_finished(update)


class Inbox:
    """The durable way into PTB (see the module docstring)."""

    def __init__(
        self,
        store: InboxStore | None,
        dispatch: Dispatch,
        parse: Callable[[dict[str, Any]], object],
        *,
        sweep: float = SWEEP,
        retry: float = RETRY,
        wait: float = DB_TIMEOUT,
        done_every: float = DONE_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.wait = wait  # the longest `accept` waits for its write
        self.done_every = done_every
        self.dispatch = dispatch
        self.parse = parse
        self.sweep = sweep
        self.retry = retry
        self.clock = clock
        self.failing: BaseException | None = None  # why the last write failed, if it did
        self._claim_own = True  # until this instance's own leftovers were taken over
        self._highest: int | None = None  # the highest update id stored (None: not known)
        self._closing = False
        self._entries: dict[int, _Entry] = {}
        self._to_store: list[tuple[list[Received], asyncio.Future[set[int]]]] = []
        self._to_finish: set[int] = set()
        self._wake = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self._next_sweep = 0.0
        self._next_prune = 0.0
        self._next_retry = 0.0
        self._last_write = 0.0
        # Updates handed over with no write of theirs to wait for (the database failed, or
        # their write was late): only then has `_store_unstored` anything to do. Without this
        # it would store again, in a transaction of its own, every update handed over early
        # whose write had just committed (its `accept` not yet resumed): two writes an update.
        self._orphans = False

    # ----------------------------------------------------------------------- in

    async def start(self) -> None:
        """Handle what previous runs left unfinished, then start the writer."""
        if self.store is not None:
            await self._take_over()
            await self._learn_highest(self.store)
        now = self.clock()
        self._next_sweep, self._next_prune = now + self.sweep, now
        if self.store is not None:  # in memory only (the load bench's baseline): nothing to write
            self._writer = asyncio.create_task(self._write_forever(), name="inbox writer")

    async def accept(
        self, received: Sequence[Received], updates: Sequence[object] = (), *, early: bool = False
    ) -> bool:
        """Store `received` and hand what is new to PTB; True when all of it is stored (the
        caller may now acknowledge it to Telegram). `updates`, if given, are `received` parsed.
        `early` (the poller only): hand over what is above the highest id stored at once.
        """
        parsed = {id_of(u): u for u in updates}
        if self.store is None:
            for item in received:
                if item.update_id not in self._entries:
                    self._hand_over(item, stored=False, update=parsed.get(item.update_id))
            return True
        if self.failing is not None:
            # The database is failing: answer now, store later (`_store_unstored` retries), and
            # do not wait for it — the poller goes on fetching, the webhook answers 503.
            self._orphans = True
            for item in received:
                if item.update_id not in self._entries:
                    self._hand_over(item, stored=False, update=parsed.get(item.update_id))
            return False
        if early and self._highest is not None:
            for item in received:
                if item.update_id > self._highest and item.update_id not in self._entries:
                    self._hand_over(item, stored=False, update=parsed.get(item.update_id))
        future: asyncio.Future[set[int]] = asyncio.get_running_loop().create_future()
        future.add_done_callback(_seen)  # its outcome may come after we stopped waiting
        self._to_store.append((list(received), future))
        self._wake.set()
        try:
            # At most one write's time limit, even behind another write that hangs.
            await asyncio.wait({future}, timeout=self.wait)
            stored = future.result()  # InvalidStateError if it is not done: not stored (yet)
        except Exception:
            self._orphans = True  # their write failed or is late: `_store_unstored` sees to it
            for item in received:  # answered anyway; acknowledged once stored
                if item.update_id not in self._entries:
                    self._hand_over(item, stored=False, update=parsed.get(item.update_id))
            return False
        for item in received:
            entry = self._entries.get(item.update_id)
            if entry is not None:  # handed over early, or during an outage: stored now
                self._stored(item.update_id, entry)
            elif item.update_id in stored:
                self._hand_over(item, stored=True, update=parsed.get(item.update_id))
            # else: stored before (a re-delivery, or another instance has it): not again
        return True

    def _hand_over(self, item: Received, *, stored: bool, update: object | None = None) -> None:
        """Put the update on PTB's queue, remembering it until it is done."""
        entry = self._entries[item.update_id] = _Entry(item.payload, stored)
        try:
            if update is None:
                update = self.parse(json.loads(item.payload))
        except Exception as error:  # stored, but nothing can handle it: done with it
            log.warning("update %d cannot be read (%s): skipped", item.update_id, error)
            self._finished(item.update_id, entry)
            return
        self.dispatch(update)

    def _stored(self, update_id: int, entry: _Entry) -> None:
        entry.stored = True
        if entry.finished:
            self._mark_done(update_id)

    def _mark_done(self, update_id: int) -> None:
        """To be marked done with the next write, or within `done_every` seconds."""
        self._to_finish.add(update_id)
        if len(self._to_finish) in (1, DONE_BATCH):  # the writer's timer starts, or it is time
            self._wake.set()

    # ----------------------------------------------------------------------- done

    def finished(self, update: object) -> None:
        """PTB finished `update` (InboxProcessor calls this)."""
        number = id_of(update)
        if number is not None and (entry := self._entries.get(number)) is not None:
            self._finished(number, entry)

    def _finished(self, update_id: int, entry: _Entry) -> None:
        entry.finished = True
        if self.store is None:
            del self._entries[update_id]
        elif entry.stored:
            self._mark_done(update_id)
        # else: kept until the database has it (`_store_unstored`)

    @property
    def idle(self) -> bool:
        """Nothing received is waiting to be handled, stored or marked done."""
        return not self._entries and not self._to_store and not self._to_finish

    @property
    def in_flight(self) -> int:
        """Updates received and not yet marked done."""
        return len(self._entries)

    # ----------------------------------------------------------------------- the writer

    async def stop(self) -> None:
        """Write what is left — above all, mark done what was finished — within `FINAL_WRITE`
        seconds, then stop the writer. Call it after PTB stopped, so that everything it was
        handling is finished."""
        writer = self._writer
        if writer is None:
            return
        self._closing = True
        self._wake.set()
        try:
            async with asyncio.timeout(FINAL_WRITE):
                await writer  # it returns after one last round of writes
        except TimeoutError:
            pass  # cancelled: the timeout cancels the writer with it
        self._writer = None
        if self._to_finish:
            log.warning(
                "could not mark %d answered updates done (%s): they are answered again at the "
                "next start",
                len(self._to_finish),
                reason(self.failing) if self.failing else "timed out",
            )
        for _, future in self._to_store:  # not stored: Telegram sends them again
            if not future.done():
                future.set_exception(RuntimeError("the bot is stopping"))

    async def _write_forever(self) -> None:
        while True:
            wait = max(0.0, self._next_wake() - self.clock())
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()
            self._wake.clear()
            try:
                await self._write_once()
            except Exception:  # a bug: keep the bot going, say so
                log.exception("the inbox writer failed; carrying on")
                await asyncio.sleep(self.retry)
            if self._closing and (self.failing is not None or not self._to_finish):
                return

    def _next_wake(self) -> float:
        """When the writer has something to do unasked: while the database fails, only at the
        next retry (nothing is written or swept before then — waking earlier would spin);
        else at the next sweep, or when finished updates have waited `done_every`."""
        if self.failing is not None:
            return self._next_retry
        if self._to_finish:  # finished updates wait a little, to go in one write
            return min(self._next_sweep, self._last_write + self.done_every)
        return self._next_sweep

    async def _write_once(self) -> None:
        """One round: what `accept` waits for and what was finished, in one transaction; while
        the database fails, only every `retry` seconds; then what maintenance is due."""
        store = self.store
        if store is None:
            return
        now = self.clock()
        due = self.failing is None or now >= self._next_retry or self._closing
        batch, self._to_store = self._to_store, []
        finish = due and bool(
            batch
            or self._closing
            or len(self._to_finish) >= DONE_BATCH
            or now >= self._last_write + self.done_every
        )
        done, self._to_finish = (self._to_finish, set()) if finish else (set(), self._to_finish)
        tried = bool(batch or done)
        if tried:
            self._last_write = self.clock()
            await self._write(store, batch, done)
        if not due:
            return
        tried = await self._store_unstored(store) or tried
        if self.failing is not None and not tried:  # nothing to write: is the database back?
            await self._probe(store)
        if self.clock() >= self._next_sweep and not self._closing:
            self._next_sweep = self.clock() + self.sweep
            await self._maintain(store)

    async def _write(
        self,
        store: InboxStore,
        batch: list[tuple[list[Received], asyncio.Future[set[int]]]],
        done: set[int],
    ) -> None:
        try:
            stored = await store.write([item for items, _ in batch for item in items], done)
        except BaseException as error:  # cancelled too: the finished are still to be marked
            self._to_finish |= done
            for _, future in batch:
                if not future.done():
                    future.set_exception(error if isinstance(error, Exception) else RuntimeError())
            if not isinstance(error, Exception):
                raise
            self._failed(error)
            return
        self._recovered()
        self._now_stored(item.update_id for items, _ in batch for item in items)
        for _, future in batch:
            if not future.done():
                future.set_result(stored)
        for update_id in done:
            self._entries.pop(update_id, None)

    async def _store_unstored(self, store: InboxStore) -> bool:
        """Store what was handled while the database failed (Telegram may never send it again:
        a webhook retry can reach another instance); whether there was anything to store."""
        if not self._orphans:
            return False
        self._orphans = False
        unstored = [
            Received(update_id, entry.payload)
            for update_id, entry in self._entries.items()
            if not entry.stored
        ]
        if not unstored:
            return False
        try:
            await store.record(unstored)
        except Exception as error:
            self._orphans = True
            self._failed(error)
            return True
        self._recovered()
        self._now_stored(item.update_id for item in unstored)
        for item in unstored:  # stored now, by us or (a conflict) by whoever had it
            entry = self._entries.get(item.update_id)
            if entry is not None:
                self._stored(item.update_id, entry)  # marked done in the next round
        return True

    async def _probe(self, store: InboxStore) -> None:
        """A write that is harmless to repeat, to learn whether the database is back."""
        try:
            await store.renew()
        except Exception as error:
            self._failed(error)
        else:
            self._recovered()

    def _now_stored(self, update_ids: Iterable[int]) -> None:
        """The database has these ids now: nothing at or below them is new any more."""
        if self._highest is not None:
            self._highest = max(self._highest, *update_ids, 0)

    async def _learn_highest(self, store: InboxStore) -> None:
        try:
            self._highest = await store.highest()
        except Exception as error:  # not known: everything waits for its write until it is
            self._failed(error)

    async def _maintain(self, store: InboxStore) -> None:
        """Renew our leases, take over others' expired ones, prune, notice a replaced file."""
        try:
            await store.db.refresh(every=0)
            await store.renew()
            if not await self._take_over():
                return
            if self._highest is None:
                await self._learn_highest(store)
            if self.clock() >= self._next_prune:
                self._next_prune = self.clock() + PRUNE_EVERY
                await store.prune()
        except Exception as error:
            self._failed(error)
        else:
            self._recovered()

    async def _take_over(self) -> bool:
        """Claim unfinished updates (see store.inbox.InboxStore.claim) and handle them: at
        start-up, first all that our name holds (until that once succeeded), then, in batches,
        any whose lease ran out. False if the database failed."""
        store = self.store
        assert store is not None
        try:
            if self._claim_own:
                self._resume(await store.claim(limit=None, own=True))
                self._claim_own = False
            while True:
                claimed = await store.claim(limit=CLAIM_BATCH)
                self._resume(claimed)
                if len(claimed) < CLAIM_BATCH:
                    return True
        except Exception as error:
            self._failed(error)
            return False

    def _resume(self, rows: list[Claimed]) -> None:
        resumed = 0
        for row in rows:
            if row.update_id in self._entries:
                continue  # being handled here already
            if row.payload is None or row.attempts > MAX_ATTEMPTS:
                log.warning(
                    "update %d was started %d times and never finished: giving it up",
                    row.update_id,
                    row.attempts - 1,
                )
                self._entries[row.update_id] = entry = _Entry("", stored=True)
                self._finished(row.update_id, entry)
                continue
            resumed += 1
            self._hand_over(Received(row.update_id, row.payload), stored=True)
        if resumed:
            log.info("handling %d updates left unfinished before (or by another instance)", resumed)

    # ----------------------------------------------------------------------- faults

    def _failed(self, error: BaseException) -> None:
        found = fault(error)
        if found is None:  # not the database's fault: a bug
            log.error("the inbox could not write: %s", reason(error), exc_info=error)
        elif self.failing is None:
            log.warning(
                "the inbox cannot write to the database (%s: %s). Updates are answered but not "
                "acknowledged to Telegram until it can. %s",
                found.kind,
                reason(error),
                found,
            )
        self.failing = error
        self._next_retry = self.clock() + self.retry
        waiting, self._to_store = self._to_store, []
        for _, future in waiting:  # not tried now: each `accept` answers and moves on
            if not future.done():
                future.set_exception(error)

    def _recovered(self) -> None:
        if self.failing is not None:
            log.warning("the inbox can write to the database again")
            self.failing = None


def _seen(future: asyncio.Future[set[int]]) -> None:
    """Mark a write's outcome as looked at (asyncio would complain about an unread error)."""
    if not future.cancelled():
        future.exception()
