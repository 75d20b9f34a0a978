"""Behaviour pinned by the golden file: the same questions get byte-identical answers.

Recorded before the code was restructured (issue 10); see tests/support/golden/record.py (it
keeps a digest of each answer, and how to see what changed). A difference here means behaviour
changed: if on purpose, re-record the file in that commit.
"""

from __future__ import annotations

import json

import pytest

from bot.resolver import TitleIndex
from tests.support.golden.core import open_core
from tests.support.golden.record import GOLDEN, digests, record

pytestmark = pytest.mark.realdata


async def test_answers_buttons_and_views_are_unchanged(
    real_db_url: str, real_index: TitleIndex
) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    core = await open_core(real_db_url, real_index)
    try:
        actual = digests(await record(core))
    finally:
        await core.close()
    for part in expected:
        for key, value in expected[part].items():
            assert actual[part].get(key) == value, f"{part}: {key!r} changed"
    assert actual.keys() == expected.keys()
    assert all(actual[p].keys() == expected[p].keys() for p in expected)
