"""`careerbot run`: the bot until Ctrl-C or SIGTERM, by long polling or in webhook mode.

The one entry point from the CLI into the Telegram layer (`bot.cli` imports it lazily), with
logging set up so that no record, from careerbot or any library, carries a secret.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.config import Settings
from handlers.app import ALLOWED_UPDATES, StartupError, build_application

__all__ = ["StartupError", "configure_logging", "run"]

log = logging.getLogger("careerbot.run")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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


def run(settings: Settings) -> None:
    """`careerbot run`: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise.

    Raises StartupError when webhook mode is asked for but cannot start (no secret, port taken,
    Telegram refused the URL, ...).
    """
    if settings.telegram_webhook_url:
        run_webhook(settings)
    else:
        run_polling(settings)


def run_polling(settings: Settings) -> None:
    """Poll Telegram until Ctrl-C / SIGTERM, then shut down cleanly."""
    configure_logging(settings)
    if settings.telegram_webhook_secret:
        log.info("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: polling")
    application = build_application(settings)
    log.info("careerbot is starting (polling %s)", settings.telegram_api_base_url)
    # PTB deletes a webhook left from webhook mode before it starts polling.
    application.run_polling(allowed_updates=ALLOWED_UPDATES)


def run_webhook(settings: Settings) -> None:
    """Serve Telegram's webhook (see `handlers.webhook`) until Ctrl-C / SIGTERM."""
    configure_logging(settings)
    from handlers.webhook import WebhookConfig, serve_until_signalled  # tornado: webhook only

    config = WebhookConfig.from_settings(settings)  # before anything starts: fail fast
    application = build_application(settings)
    log.info("careerbot is starting (webhook, Bot API %s)", settings.telegram_api_base_url)
    asyncio.run(serve_until_signalled(application, config))
