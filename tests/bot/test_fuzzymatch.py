"""Fuzzy matching's ranking: scoring only the titles that can be among the first few never
changes which those are, and the rest are there when asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.fuzzymatch import Ranking
from bot.resolver import TitleIndex
from bot.titletext import analyse
from tests.support.tiny_titles import tiny_index

TYPOS = ["sofware enginer", "constuction worker", "project manger", "truck drivr", "techie"]


def ranking(index: TitleIndex, text: str, top: int) -> Ranking:
    required, optional, head = index.required(analyse(text))
    return index._fuzzy(required, optional, head, frozenset(), top, {})[0]


@pytest.mark.parametrize("text", TYPOS)
def test_the_first_titles_are_those_of_scoring_every_title(
    real_index: TitleIndex, text: str
) -> None:
    everything = ranking(real_index, text, top=10**9)  # the heap never fills: nothing left
    assert everything.complete
    pruned = ranking(real_index, text, top=40)
    assert pruned.ranked[:40] == everything.ranked[:40]
    assert pruned.everything() == everything.ranked


def test_a_typo_of_a_common_word_leaves_most_of_its_titles_unscored(
    real_index: TitleIndex,
) -> None:
    """ "enginer" meets hundreds of engineer titles; few can be among the first 40."""
    pruned = ranking(real_index, "sofware enginer", top=40)
    assert not pruned.complete
    assert pruned.more_than(40)
    assert len(pruned.ranked) < len(pruned.everything()) / 2


@pytest.mark.parametrize("text, top", [("enginer", 1), ("enginer", 3), ("electrical enginer", 2)])
def test_leaving_titles_unscored_keeps_the_first_on_a_small_index(
    tmp_path: Path, text: str, top: int
) -> None:
    """With room for a few titles only, most of a read is left; the first are still first."""
    index = tiny_index(tmp_path)
    everything = ranking(index, text, top=10**9)
    pruned = ranking(index, text, top=top)
    assert not pruned.complete
    assert pruned.ranked[:top] == everything.ranked[:top]
    assert pruned.everything() == everything.ranked


def test_typos_are_not_remembered_word_by_word(real_index: TitleIndex) -> None:
    """The per-word memo of occupations holds title words only, not every typo asked."""
    before = len(real_index._word_code_counts)
    for n in range(20):
        real_index._resolve(f"zqxw{n}vy engineer", 5)
    assert all(word in real_index.postings for word in real_index._word_code_counts)
    assert len(real_index._word_code_counts) <= before + 1


def test_a_short_forms_own_of_does_not_move_the_head_noun(tmp_path: Path) -> None:
    """ "boh cook" is about a cook: "boh" spells out to "back of house", and that "of" must not
    make "back" the head (as "of" does in "director of nursing")."""
    (tmp_path / "words.tsv").write_text("boh\tback of house\tthe kitchen side\n")
    index = tiny_index(tmp_path)
    required, _, head = index.required(analyse("boh cook"))
    assert required[-1] == "cook" and "back" in required
    assert head == "cook"
    assert index.required(analyse("director of nursing"))[2] == "director"
