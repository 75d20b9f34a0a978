"""`careerbot run` (handlers.runner): logging that never carries a secret."""

from __future__ import annotations

import io
import logging

from bot.config import Settings
from handlers.runner import RedactingFilter
from tests.support.recording import (
    TOKEN,
)


def test_log_filter_redacts_the_token_from_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(Settings(telegram_bot_token=TOKEN).redact))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    try:
        logger.warning("HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"url /bot{TOKEN}/x")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)

    assert TOKEN not in stream.getvalue()
    assert stream.getvalue().count("[redacted]") == 2  # the message and the exception text
