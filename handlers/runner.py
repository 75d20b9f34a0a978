"""`careerbot run`: the bot until Ctrl-C or SIGTERM, by long polling or in webhook mode.

The one entry point from the CLI into the Telegram layer (`bot.cli` imports it lazily), with
logging set up so that no record, from careerbot or any library, carries a secret.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import TelegramError

from bot.config import Settings
from handlers.app import CareerbotApplication, StartupError, build_application
from handlers.lifecycle import running, signalled
from handlers.polling import Poller
from store.db import sqlite_threads_done

__all__ = ["StartupError", "configure_logging", "event_loop_factory", "run"]

log = logging.getLogger("careerbot.run")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Only one getUpdates consumer per bot can exist (Telegram answers 409 to a second), so the
# poller's name in inbox claims is the same wherever it runs: a restart takes over at once.
POLLING_OWNER = "polling"


class RedactingFilter(logging.Filter):
    """Removes secrets from every record: message, arguments and formatted traceback.

    HTTP clients may log request URLs (httpx does, at INFO), and Telegram URLs contain the bot
    token (`/bot<token>/getMe`); errors can quote them too. Put on the root *handlers*, it sees
    records from every logger, including ones that propagate from libraries.
    """

    def __init__(self, redact: Callable[[str], str]) -> None:
        super().__init__("redact")
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(settings: Settings) -> None:
    """Redact the token from whatever is logged, by careerbot or any library."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=settings.careerbot_log_level, format=LOG_FORMAT)
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter(settings.redact))


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed (Linux, macOS), else None: asyncio's own.

    Most of what one update costs the bot is the event loop and its sockets (the long poll,
    the sendMessage, the inbox's thread hops); on uvloop that takes about a fifth less CPU per
    update in `make bench` (bench/load.py runs on the same loop). Nothing in careerbot depends
    on which loop runs it.
    """
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def serve(main: Coroutine[Any, Any, None]) -> None:
    """asyncio.run, on the event loop `event_loop_factory` names."""
    factory = event_loop_factory()
    log.info("event loop: %s", "uvloop" if factory is not None else "asyncio")
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(main)


def run(settings: Settings) -> None:
    """`careerbot run`: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise.

    Returns when stopped by SIGINT/SIGTERM. Raises StartupError (one line, no secret) when the
    bot cannot start — a rejected token, an unreachable Bot API or database, a wrong password,
    webhook settings it cannot use — or cannot go on (Telegram keeps rejecting the token).
    """
    configure_logging(settings)
    if settings.telegram_webhook_url:
        run_webhook(settings)
    else:
        run_polling(settings)


def run_polling(settings: Settings) -> None:
    """Poll Telegram (handlers/polling.py) until Ctrl-C / SIGTERM, then shut down cleanly."""
    if settings.telegram_webhook_secret:
        log.info("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: polling")
    application = build_application(settings)
    log.info("careerbot is starting (polling %s)", settings.telegram_api_base_url)
    serve(serve_polling(application, settings))


async def serve_polling(application: CareerbotApplication, settings: Settings) -> None:
    stop = signalled()
    async with running(application, settings, POLLING_OWNER) as inbox:
        try:  # a webhook left from webhook mode would make every getUpdates fail (409)
            await application.bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as error:
            log.warning("could not delete a webhook left from webhook mode: %s", error)
        log.info("careerbot is polling for updates")
        await Poller(application, inbox).run(stop)
    await sqlite_threads_done()
    log.info("careerbot stopped")


def run_webhook(settings: Settings) -> None:
    """Serve Telegram's webhook (see `handlers.webhook`) until Ctrl-C / SIGTERM."""
    from handlers.webhook import WebhookConfig, serve_until_signalled  # tornado: webhook only

    config = WebhookConfig.from_settings(settings)  # before anything starts: fail fast
    application = build_application(settings)
    log.info("careerbot is starting (webhook, Bot API %s)", settings.telegram_api_base_url)
    serve(serve_until_signalled(application, config, settings))
