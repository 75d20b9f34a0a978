"""Reply buttons -> inline keyboards (handlers.keyboards), within Telegram's 64 bytes."""

from __future__ import annotations

import pytest

from bot.replies import Button
from handlers import keyboards


def test_keyboards_refuse_callback_data_over_64_bytes() -> None:
    assert keyboards.markup(()) is None
    assert keyboards.markup(((Button("ok", "x" * 64),),)) is not None
    with pytest.raises(keyboards.CallbackDataTooLong):
        keyboards.markup(((Button("too long", "é" * 33),),))
    with pytest.raises(keyboards.CallbackDataTooLong):  # one byte over: 65
        keyboards.markup(((Button("too long", "x" * 65),),))
