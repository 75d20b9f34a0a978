"""Shared fixtures: the real career database, built once per test session from ../shared/data;
the bot against the fake Bot API; and settings isolated from the developer's environment.

Building the database takes ~15 s, so it happens once; the title index is built once too and
shared. Tests that need only tiny, hand-written data use `tests/support/fixtures_data.py`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.config import Settings, default_data_dir
from bot.resolver import TitleIndex, load_index
from bot.service import Careerbot
from handlers.app import CareerbotApplication
from store.db import create_engine
from store.importers.build import build_database
from store.queries import CareerStore
from tests.support.apps import (
    GROUP_ID,
    Chat,
    bot_settings,
    check_everything_sent,
    running_bot,
    shared_index,
)
from tests.support.fakebotapi import FakeBotAPI

pytest_plugins = ["tests.support.fakebotapi"]

SETTING_NAMES = [name.upper() for name in Settings.model_fields]


@pytest.fixture(autouse=True)
def no_settings_from_outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests build their own settings: neither the developer's environment nor their .env
    (careerbot's own variables) may leak into them."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    yield


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


# --------------------------------------------------------------------------- the running bot


@pytest.fixture
def settings(fake_bot_api: FakeBotAPI, real_db_url: str) -> Settings:
    """Settings as `careerbot run` would read them, for the fake Bot API and the real data."""
    return bot_settings(fake_bot_api, real_db_url)


@pytest.fixture
async def app(
    settings: Settings, real_db_url: str, real_index: TitleIndex, fake_bot_api: FakeBotAPI
) -> AsyncIterator[CareerbotApplication]:
    """The bot, polling the fake Bot API; afterwards, everything it sent is checked."""
    async with running_bot(settings, shared_index(real_db_url, real_index)) as running:
        yield running
    check_everything_sent(fake_bot_api)


@pytest.fixture
def private(fake_bot_api: FakeBotAPI, app: CareerbotApplication) -> Chat:
    return Chat(fake_bot_api, app)


@pytest.fixture
def group(fake_bot_api: FakeBotAPI, app: CareerbotApplication) -> Chat:
    return Chat(fake_bot_api, app, chat_id=GROUP_ID, chat_type="group")


@pytest.fixture
def username(fake_bot_api: FakeBotAPI) -> str:
    return fake_bot_api.bot_username
