"""Switching paths: gaps come from O*NET levels; missing ratings are 'not published'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.callbacks import decode
from bot.service import Careerbot


def level(db: Path, code: str, name: str) -> float:
    with sqlite3.connect(db) as connection:
        (value,) = connection.execute(
            "select level from rating where code=? and name=? and domain='skill'", (code, name)
        ).fetchone()
    return float(value)


async def test_switch_lists_skills_the_target_needs_more_of(
    careerbot: Careerbot, real_db_url: str
) -> None:
    reply = await careerbot.answer("switch from cashier to accountant")
    assert reply.kind == "switch"
    assert [o["code"] for o in reply.occupations] == ["41-2011.00", "13-2011.00"]
    gaps = reply.extra["gaps"]
    db = Path(real_db_url.split("///", 1)[1])
    assert gaps["skills"], "an accountant needs skills a cashier rates lower"
    for gap in gaps["skills"]:
        assert gap["to_level"] == level(db, "13-2011.00", gap["name"])
        assert gap["to_level"] - (gap["from_level"] or 0) >= 0.75
    assert gaps["education"]["to"] == "Bachelor's degree"
    cashier_tech = {
        t.casefold()
        for t in await careerbot.store.technology("41-2011.00", hot_only=False, limit=500)
    }
    assert gaps["technology"]
    assert not {t.casefold() for t in gaps["technology"]} & cashier_tech


async def test_unrated_occupations_say_not_published(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("how do I go from nurse to software developer?")
    assert reply.kind == "switch"
    assert reply.extra["gaps"]["skills"] is None
    assert "not published" in reply.text


async def test_how_to_switch_button_on_two_way_comparisons(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("cashier vs accountant")
    switch = [
        b.data
        for row in summary.buttons
        for b in row
        if decode(b.data, careerbot.version).view == "switch"
    ]
    assert switch
    detail = await careerbot.press(switch[0])
    assert detail.kind == "detail" and "From Cashiers to Accountants" in detail.text
    three = await careerbot.answer("cashier vs accountant vs nurse")
    views = {decode(b.data, careerbot.version).view for row in three.buttons for b in row}
    assert "switch" not in views
