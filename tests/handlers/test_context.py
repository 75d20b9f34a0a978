"""BotData, the services every handler shares: here, what opening the core does to memory."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from handlers.context import YOUNG_COLLECTION_EVERY, BotData


@pytest.fixture
def default_collector() -> Iterator[None]:
    """Python's own collector settings for the test; the process's own back afterwards."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*threshold)
    gc.freeze()  # what the suite's shared title index had


async def test_opening_the_core_freezes_what_it_loaded_out_of_the_collectors_reach(
    default_collector: None,
) -> None:
    loaded: list[Any] = []

    async def factory() -> Any:
        loaded.extend([{"title": n}] for n in range(1000))  # long-lived, tracked objects
        return object()

    data = BotData()
    data.factory = factory
    assert gc.get_freeze_count() == 0

    await data.careerbot()

    assert gc.get_freeze_count() >= len(loaded)
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_EVERY


async def test_a_core_already_open_changes_nothing(default_collector: None) -> None:
    async def factory() -> Any:
        return object()

    data = BotData()
    data.factory = factory
    await data.careerbot()
    gc.unfreeze()

    await data.careerbot()

    assert gc.get_freeze_count() == 0
