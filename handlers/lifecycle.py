"""Starting and stopping the bot the same way in both modes, with start-up errors as one line.

Start-up, in this order; each failure is a StartupError whose one line names the fix and holds
no secret (`careerbot run` prints it and exits non-zero, without a traceback):

1. Telegram: initialising the Application calls getMe, which checks the token and the Bot API
   URL (rejected token, unreachable or wrong TELEGRAM_API_BASE_URL).
2. The database: `post_init` opens the core. A missing or unreadable database does not stop the
   bot — users are told to build it, and the bot recovers once it exists — but a server that
   cannot be reached, rejects the password or does not answer does: no build would fix that.
3. The inbox (handlers/inbox.py): what previous runs left unfinished is claimed and handled
   first; then PTB starts processing.

Shutdown, in reverse: PTB finishes the updates it has, the inbox marks them done, connections
close — nothing is left pending, so the process exits 0 without "Task was destroyed" warnings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from typing import Any

from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.config import Settings
from handlers.app import CareerbotApplication, StartupError
from handlers.inbox import SWEEP, Inbox, InboxProcessor
from handlers.updates import read_update
from store.db import SERVER_FAULTS, Database, DatabaseFault, reason, where
from store.inbox import InboxStore

log = logging.getLogger(__name__)


def signalled() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM (Ctrl-C, `docker stop`, systemd)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: Ctrl-C only
            loop.add_signal_handler(sig, stop.set)
    return stop


def telegram_refused(error: TelegramError, settings: Settings) -> StartupError:
    """getMe failed: what to tell the operator, in one line without the token."""
    base = settings.telegram_api_base_url
    cause = error.__cause__ if isinstance(error.__cause__, TelegramError) else error
    not_json = isinstance(cause.__cause__, TelegramError) or "Invalid server response" in str(cause)
    if not_json:
        text = f"TELEGRAM_API_BASE_URL {base} does not answer like a Bot API server; check it"
    elif isinstance(error, InvalidToken):
        text = "Telegram rejected TELEGRAM_BOT_TOKEN — check it with @BotFather"
        if "not found" in str(cause).casefold():  # Telegram's answer to a malformed token
            text += f" (and TELEGRAM_API_BASE_URL {base}: it answered 404 Not Found)"
    elif isinstance(error, NetworkError):
        text = f"cannot reach the Bot API at TELEGRAM_API_BASE_URL {base} ({error.message})"
    else:
        text = f"the Bot API at {base} refused to start the bot: {error.message}"
    return StartupError(settings.redact(text))


def database_refused(error: DatabaseFault, settings: Settings) -> StartupError:
    detail = f"; {reason(error)}" if error.__cause__ is not None else ""
    return StartupError(
        settings.redact(f"{error} (database {where(settings.database_url)}{detail})")
    )


@contextlib.asynccontextmanager
async def running(
    application: CareerbotApplication,
    settings: Settings,
    owner: str,
    *,
    sweep: float = SWEEP,
    durable: bool = True,
) -> AsyncIterator[Inbox]:
    """The bot from start-up (see the module docstring) to a clean shutdown; yields its inbox.

    `owner` names this instance in the inbox's claims: the same name after a restart takes over
    its previous run's unfinished updates at once. `sweep`: see handlers.inbox. `durable=False`
    keeps the inbox in memory only — for measuring what storing it costs (bench/load.py).
    """
    async with contextlib.AsyncExitStack() as stack:
        try:
            await application.initialize()  # getMe: the token and the URL
        except TelegramError as error:
            await application.bot.shutdown()  # no "Unclosed client session" on the way out
            raise telegram_refused(error, settings) from None
        stack.push_async_callback(_shutdown, application)
        if application.post_init is not None:
            try:
                await application.post_init(application)
            except DatabaseFault as error:
                if error.kind in SERVER_FAULTS:
                    raise database_refused(error, settings) from None
                raise
        inbox = wire_inbox(application, settings, owner, sweep=sweep, durable=durable)
        stack.push_async_callback(inbox.store.db.close if inbox.store else _nothing)
        await inbox.start()
        await application.start()
        stack.push_async_callback(_stop, application, inbox)
        yield inbox


def wire_inbox(
    application: CareerbotApplication,
    settings: Settings,
    owner: str,
    *,
    sweep: float = SWEEP,
    durable: bool = True,
) -> Inbox:
    """The inbox of this Application: stored in `settings.database_url`, feeding PTB's queue,
    told by the update processor when an update is finished."""
    store = (
        InboxStore(Database(settings.database_url), application.bot.id, owner) if durable else None
    )

    def parse(data: dict[str, Any]) -> object:
        return read_update(data, application.bot)

    inbox = Inbox(store, application.update_queue.put_nowait, parse, sweep=sweep)
    processor = application.update_processor
    if isinstance(processor, InboxProcessor):
        processor.on_finished = inbox.finished
    application.bot_data.inbox = inbox
    return inbox


async def _stop(application: CareerbotApplication, inbox: Inbox) -> None:
    if application.running:
        await application.stop()  # finishes what it has
    await inbox.stop()  # marks it done
    if application.post_stop is not None:
        await application.post_stop(application)


async def _shutdown(application: CareerbotApplication) -> None:
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


async def _nothing() -> None:
    return None
