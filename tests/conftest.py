"""Shared fixtures: the real career database, built once per test session from ../shared/data.

Building takes ~15 s, so it happens once; the title index is built once too and shared.
Tests that need only tiny, hand-written data use `tests/fixtures_data.py` instead.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answer import Careerbot
from bot.config import default_data_dir
from bot.resolver import TitleIndex, load_index
from store.db import create_engine
from store.importers.build import build_database
from store.queries import CareerStore

pytest_plugins = ["tests.fakebotapi"]


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    path = default_data_dir()
    if not (path / "onet").is_dir():
        if os.environ.get("CI"):  # in CI a missing data folder is a broken set-up, not a skip
            pytest.fail(f"public data not found at {path}")
        pytest.skip(f"public data not found at {path}")
    return path


@pytest.fixture(scope="session")
def real_db_url(real_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('realdb') / 'careerbot.sqlite3'}"
    asyncio.run(build_database(real_data_dir, url))
    return url


@pytest.fixture(scope="session")
def real_index(real_db_url: str) -> TitleIndex:
    async def load() -> TitleIndex:
        store = CareerStore(create_engine(real_db_url))
        try:
            return await load_index(store)
        finally:
            await store.close()

    return asyncio.run(load())


@pytest.fixture
async def careerbot(real_db_url: str, real_index: TitleIndex) -> AsyncIterator[Careerbot]:
    bot = await Careerbot.open(real_db_url, index=real_index)
    yield bot
    await bot.close()
