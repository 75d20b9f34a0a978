"""Switching paths: gaps come from O*NET levels; missing ratings are 'not published'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.callbacks import decode
from bot.service import Careerbot
from bot.switching import Gap, SwitchPlan, render_switch
from store.facts import EducationFacts


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


async def test_how_to_switch_is_offered_both_ways(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("RN vs LPN")
    labels = {b.label: b.data for row in summary.buttons for b in row}
    forward = await careerbot.press(labels["🔀 Switch 1 → 2"])
    backward = await careerbot.press(labels["🔀 Switch 2 → 1"])
    assert "From Registered Nurses to Licensed Practical" in forward.text
    assert "From Licensed Practical and Licensed Vocational Nurses to Registered" in backward.text
    # Each direction offers the other, not itself.
    back_labels = {b.label for row in backward.buttons for b in row}
    assert "🔀 Switch 1 → 2" in back_labels and "🔀 Switch 2 → 1" not in back_labels


async def test_switching_names_the_scales_and_quotes_no_other_occupation(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("switch from lpn to rn")
    assert "O*NET level (scale 0–7)" in reply.text and "importance 3 or more (scale 1–5)" in (
        reply.text
    )
    assert "accountant" not in reply.text.lower() and "For example" not in reply.text


async def test_switching_within_one_bls_occupation_does_not_repeat_figures(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("switch from registered nurse to clinical nurse specialist")
    assert "Bachelor's degree → Bachelor's degree" not in reply.text
    assert "Bachelor's degree for both" in reply.text
    assert "for both (BLS publishes them together" in reply.text


def test_a_level_o_net_does_not_give_says_why_and_levels_round_half_up() -> None:
    empty = EducationFacts(None, None, None, [], None, None, None, None)
    plan = SwitchPlan(
        "Cashiers",
        "Accountants and Auditors",
        skills=[Gap("Mathematics", None, 4.25), Gap("Writing", 2.35, 4.0)],
        knowledge=[],
        technology=[],
        education_from=empty,
        education_to=empty,
    )
    text = render_switch(plan)
    assert "Mathematics n/r → 4.3" in text and "Writing 2.4 → 4.0" in text
    assert "n/r: O*NET gives no level for the current job" in text
