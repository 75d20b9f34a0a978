"""Titles as keys (bot.normalize): the plural and the singular of a title are one key."""

from __future__ import annotations

import pytest

from bot.normalize import normalize, singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("nurses", "nurse"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
        ("rns", "rn"),
        ("women", "woman"),
        ("linemen", "lineman"),  # "-men" is the plural of "-man"
        ("firemen", "fireman"),
        ("cameramen", "cameraman"),
        ("sales", "sales"),  # a trailing "s" that is no plural
        ("analysis", "analysis"),
        ("mechanics", "mechanic"),  # people, though the word ends like "physics"
        ("paramedics", "paramedic"),
        ("physics", "physics"),  # fields stay
        ("logistics", "logistics"),
    ],
)
def test_a_plural_reads_as_its_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


@pytest.mark.parametrize("word", ["specimen", "abdomen", "regimen", "acumen", "yemen"])
def test_words_ending_in_men_that_are_no_plural_stay(word: str) -> None:
    assert singular(word) == word


def test_a_title_and_its_plural_share_a_key() -> None:
    assert normalize("Linemen") == normalize("Lineman") == "lineman"


def test_a_trade_named_in_the_plural_meets_its_singular_title() -> None:
    assert normalize("Elevator Mechanics") == normalize("Elevator Mechanic")
