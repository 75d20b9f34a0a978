"""store.queries: chat preferences, as two bot instances sharing one database see them."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from store import models, queries
from store.db import create_engine
from store.queries import CareerStore

TEXAS, OHIO = "48", "39"


@pytest.fixture
async def two_instances(tmp_path: Path) -> AsyncIterator[tuple[CareerStore, CareerStore]]:
    """Two stores on one database holding only the chat preference table."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'prefs.sqlite3'}"
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(models.ChatPreference.__table__.create)
    await engine.dispose()
    first, second = CareerStore(create_engine(url)), CareerStore(create_engine(url))
    yield first, second
    await first.close()
    await second.close()


def count_statements(store: CareerStore) -> list[str]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(store.engine.sync_engine, "before_cursor_execute", record)
    return statements


async def test_a_chat_that_never_chose_a_place_has_none(two_instances) -> None:
    store, _ = two_instances
    assert await store.chat_area(1) is None


async def test_new_chats_cost_no_database_round_trip(two_instances) -> None:
    """Most chats never choose a place; asking about them must not query per chat."""
    store, _ = two_instances
    await store.chat_area(1)
    statements = count_statements(store)

    assert [await store.chat_area(chat) for chat in range(2, 500)] == [None] * 498
    assert statements == []


async def test_an_instance_sees_its_own_change_at_once(two_instances) -> None:
    store, _ = two_instances
    await store.chat_area(7)
    await store.set_chat_area(7, TEXAS)
    assert await store.chat_area(7) == TEXAS
    await store.set_chat_area(7, None)
    assert await store.chat_area(7) is None


async def test_another_instances_change_shows_within_the_ttl(
    two_instances, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_instances
    monkeypatch.setattr(queries, "CHAT_AREA_TTL", 0.2)
    await first.set_chat_area(7, TEXAS)
    assert await second.chat_area(7) == TEXAS

    await first.set_chat_area(7, OHIO)
    assert await second.chat_area(7) == TEXAS  # still the copy second read
    await asyncio.sleep(0.25)
    assert await second.chat_area(7) == OHIO


async def test_updates_arriving_before_the_first_read_all_wait_for_it(two_instances) -> None:
    first, second = two_instances
    await first.set_chat_area(7, TEXAS)

    assert await asyncio.gather(*(second.chat_area(7) for _ in range(20))) == [TEXAS] * 20


async def test_a_change_made_during_a_reread_is_not_undone_by_it(
    two_instances, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = two_instances
    await store.set_chat_area(7, TEXAS)
    monkeypatch.setattr(queries, "CHAT_AREA_TTL", 0.0)  # every read re-reads the table
    fetch = store._fetch_chat_areas

    async def slow_fetch() -> dict[int, str]:
        snapshot = await fetch()
        await asyncio.sleep(0.1)  # long enough for the change below to commit meanwhile
        return snapshot

    monkeypatch.setattr(store, "_fetch_chat_areas", slow_fetch)
    reread = asyncio.create_task(store.chat_area(8))
    await asyncio.sleep(0.01)
    await store.set_chat_area(7, OHIO)
    await reread
    monkeypatch.setattr(queries, "CHAT_AREA_TTL", 60.0)
    assert await store.chat_area(7) == OHIO


async def test_a_failed_reread_keeps_the_copy_and_the_first_read_fails_loudly(
    two_instances, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_instances
    await first.set_chat_area(7, TEXAS)

    async def unreachable() -> dict[int, str]:
        raise OSError("database unreachable")

    monkeypatch.setattr(second, "_fetch_chat_areas", unreachable)
    with pytest.raises(OSError):  # nothing to fall back on: the caller reports the fault
        await second.chat_area(7)
    monkeypatch.undo()

    assert await second.chat_area(7) == TEXAS
    monkeypatch.setattr(queries, "CHAT_AREA_TTL", 0.0)
    monkeypatch.setattr(second, "_fetch_chat_areas", unreachable)
    assert await second.chat_area(7) == TEXAS  # a little stale beats no answer


# --------------------------------------------------------------------------- best-paying places


def nested(one: tuple[str, str], other: tuple[str, str]) -> bool:
    return queries._naics_nested(queries._industry_key(*one), queries._industry_key(*other))


def test_industry_codes_nest_by_their_naics_digits_and_owner() -> None:
    assert nested(("482000", "Rail Transportation"), ("482100", "Rail Transportation"))
    assert nested(("221100", "Electric Power"), ("221111", "Hydroelectric Power Generation"))
    assert not nested(("482000", "Rail"), ("483000", "Water Transportation"))
    assert not nested(("221111", "Hydroelectric"), ("221112", "Fossil Fuel"))
    local = ("622003", "Hospitals, Local Government Owned")
    assert nested(
        local, ("622103", "General Medical and Surgical Hospitals, Local Government Owned")
    )
    assert not nested(local, ("622005", "Hospitals, Privately Owned"))
    assert nested(("622000", "Hospitals"), ("622105", "General Medical ..., Privately Owned"))


@pytest.mark.realdata
async def test_best_paying_industries_are_each_a_different_industry(careerbot) -> None:
    """Bill collectors' list used to show "Rail Transportation" twice (482000 and 482100)."""
    for soc in ["43-3011", "13-2072", "29-1141", "15-1252", "47-2111", "35-2014", "29-1242"]:
        ranked = (await careerbot.store.ranked_wages(soc, kind="I", limit=5)).ranked
        assert len(ranked) == 5
        names = [r.name for r in ranked]
        assert len(set(names)) == len(names), names
        for i, one in enumerate(ranked):
            assert not any(nested((one.code, one.name), (o.code, o.name)) for o in ranked[:i])
        medians = [r.median for r in ranked]
        assert medians == sorted(medians, reverse=True)


@pytest.mark.realdata
async def test_places_above_the_top_code_are_counted_not_left_out(
    careerbot, real_db_url: str
) -> None:
    """Cardiologists' median is top-coded in several states: they cannot be ranked by a
    figure BLS does not give, but they must not vanish from the 'best-paying' list."""
    path = real_db_url.split("///", 1)[1]
    with sqlite3.connect(path) as connection:
        (expected,) = connection.execute(
            "select count(*) from wage w join area a on a.code = w.area_code "
            "where w.soc_code = '29-1212' and a.kind = 'S' and w.industry_code = '000000' "
            "and w.annual_median is null and w.footnotes like '%annual_median=5%'"
        ).fetchone()
    assert expected > 0

    ranking = await careerbot.store.ranked_wages("29-1212", kind="S", limit=5)
    assert ranking.top_coded == expected
    assert len(ranking.ranked) == 5 and all(r.median is not None for r in ranking.ranked)
