"""`careerbot run` (handlers.runner): logging that never carries a secret, and its event loop."""

from __future__ import annotations

import asyncio
import io
import logging
import sys

import pytest

from bot.config import Settings
from handlers.runner import RedactingFilter, event_loop_factory, serve
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


def test_the_event_loop_is_uvloops_where_installed_else_asyncios(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uvloop = pytest.importorskip("uvloop")
    assert event_loop_factory() is uvloop.new_event_loop
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if not installed (Windows)
    assert event_loop_factory() is None


def test_serve_runs_the_bot_on_that_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    uvloop = pytest.importorskip("uvloop")
    seen: list[type] = []

    async def main() -> None:
        seen.append(type(asyncio.get_running_loop()))

    serve(main())
    monkeypatch.setitem(sys.modules, "uvloop", None)
    serve(main())
    assert seen[0] is uvloop.Loop and not issubclass(seen[1], uvloop.Loop)
