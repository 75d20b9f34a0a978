"""The recording harness (tests/support/recording.py) around the real core, for handler tests;
a small database of a test's own, for the tests that break it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service import Careerbot
from tests.support.recording import Bot, make_bot
from tests.support.smalldb import SmallDatabase


@pytest.fixture
async def bot(careerbot: Careerbot) -> AsyncIterator[Bot]:
    harness = await make_bot(careerbot)
    yield harness
    await harness.app.shutdown()


@pytest.fixture
async def small_db(tmp_path: Path) -> SmallDatabase:
    """A database of this test's own (tests/support/smalldb.py)."""
    return await SmallDatabase.build(tmp_path)
