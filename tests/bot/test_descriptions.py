"""Descriptions of the work: recognised by their frame, ranked by what workers do."""

from __future__ import annotations

import pytest

from bot.descriptions import DescriptionIndex, is_description, stem
from tests.support.tiny_titles import EMPLOYMENT, EVERYDAY, TASKS


@pytest.mark.parametrize(
    "text",
    [
        "someone who fixes cars",
        "the person who cleans teeth",
        "person who cleans teeth",
        "people who paint houses",
        "a job where I work with animals",
        "job where you repair roofs",
        "what do you call someone who fixes pipes",
    ],
)
def test_descriptions_are_recognised_by_their_frame(text: str) -> None:
    assert is_description(text)


@pytest.mark.parametrize("text", ["nurse", "software engineer", "people operations manager", "who"])
def test_titles_are_not_descriptions(text: str) -> None:
    assert not is_description(text)


def test_one_stem_on_both_sides() -> None:
    assert stem("fixes") == stem("fixing") == stem("fixed") == "fix"
    assert stem("houses") == stem("house")
    assert stem("teacher") == stem("teaching") == stem("teaches")
    assert stem("running") == "run" and stem("filling") == "fill"


@pytest.fixture
def index() -> DescriptionIndex:
    return DescriptionIndex(TASKS, EMPLOYMENT, everyday=EVERYDAY)


def test_everyday_words_find_the_tasks_that_say_it_otherwise(index: DescriptionIndex) -> None:
    """ "fixes cars": the tasks say "repair automobiles"."""
    found = index.search("someone who fixes cars")
    assert found[0][0] == "49-3023.00"


def test_one_clear_winner_answers_otherwise_the_top_few_are_offered(
    index: DescriptionIndex,
) -> None:
    teeth = index.search("the person who cleans teeth")
    assert teeth[0][0] == "29-1292.00" and index.clear_winner(teeth)
    mixed = index.search("someone who repairs electrical wiring in trucks")
    assert {code for code, _ in mixed[:2]} == {"47-2111.00", "49-3023.00"}
    assert not index.clear_winner([("47-2111.00", 90.0), ("49-3023.00", 80.0)])


def test_no_evidence_is_no_answer(index: DescriptionIndex) -> None:
    assert index.search("someone who juggles flaming torches") == []


def test_the_index_is_built_on_first_use(index: DescriptionIndex) -> None:
    assert not index.postings
    index.search("someone who fixes cars")
    assert index.postings and index.codes


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, code",
    [
        ("someone who fixes cars", "49-3023.00"),
        ("the person who cleans teeth", "29-1292.00"),
        ("people who fix air conditioners", "49-9021.00"),
        ("a job where you repair roofs", "47-2181.00"),
    ],
)
def test_real_descriptions_find_the_occupation_within_three(
    real_index, text: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    resolution = real_index.resolve(text)
    assert code in [c.code for c in resolution.candidates[:3]], resolution
