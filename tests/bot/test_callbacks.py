"""Button payloads: self-contained, versioned, never over 64 bytes, forged data rejected."""

from __future__ import annotations

import pytest

from bot.callbacks import MAX_BYTES, Action, InvalidCallback, decode, encode
from bot.replies import View

FOUR = ("43-3011.00", "13-2072.00", "29-1141.03", "15-1299.08")


@pytest.mark.parametrize("view", list(View))
def test_every_view_round_trips_within_64_bytes(view: View) -> None:
    action = Action(view, FOUR, "0042660")
    data = encode(action, "a1b2")
    assert len(data.encode()) <= MAX_BYTES
    assert decode(data, "a1b2") == action


def test_a_button_from_another_release_has_expired() -> None:
    data = encode(Action(View.SALARY, FOUR[:2]), "a1b2")
    with pytest.raises(InvalidCallback):
        decode(data, "ffff")


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "garbage",
        "1.a1b2",
        "1.a1b2.s.",
        "1.a1b2.q.43301100",
        "1.a1b2.s.4330110",
        "1.a1b2.s.43301100-43301100-43301100-43301100-43301100",
        "2.a1b2.s.43301100",
        "1.a1b2.s.43301100.texas",
        "1.a1b2.s.43301100\x00",
        "é" * 64,
        "1.a1b2.s.4330110a",
    ],
)
def test_forged_data_is_rejected(data: str | None) -> None:
    with pytest.raises(InvalidCallback):
        decode(data, "a1b2")


def test_encoding_refuses_what_a_button_cannot_carry() -> None:
    with pytest.raises(ValueError):
        encode(Action(View.SALARY, ()), "a1b2")
    with pytest.raises(ValueError):
        encode(Action(View.SALARY, (*FOUR, "11-1011.00")), "a1b2")


def test_a_view_may_carry_its_own_state_with_or_without_an_area() -> None:
    for action in (
        Action(View.SALARY, FOUR[:1], None, "p2"),
        Action(View.SALARY, FOUR, "0042660", "a~b-c_9"),
    ):
        data = encode(action, "a1b2")
        assert len(data.encode()) <= MAX_BYTES and decode(data, "a1b2") == action
    with pytest.raises(ValueError):
        encode(Action(View.SALARY, FOUR[:1], None, "no.dots"), "a1b2")
    for forged in ("1.a1b2.s.43301100.", "1.a1b2.s.43301100..", "1.a1b2.s.43301100..a.b"):
        with pytest.raises(InvalidCallback):
            decode(forged, "a1b2")


def test_only_views_not_about_occupations_may_name_none() -> None:
    with pytest.raises(ValueError):
        encode(Action(View.SALARY, ()), "a1b2")
    with pytest.raises(InvalidCallback):
        decode("1.a1b2.s.", "a1b2")
