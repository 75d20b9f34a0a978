"""The recording harness (tests/support/recording.py) around the real core, for handler tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.service import Careerbot
from tests.support.recording import Bot, make_bot


@pytest.fixture
async def bot(careerbot: Careerbot) -> AsyncIterator[Bot]:
    harness = await make_bot(careerbot)
    yield harness
    await harness.app.shutdown()
