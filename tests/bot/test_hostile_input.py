"""Hostile input never breaks the core: any text, any button data, always valid HTML."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.callbacks import MAX_BYTES
from bot.parsing import parse
from bot.render import MAX_TEXT
from bot.service import Careerbot
from tests.support.telegram_html import html_errors

SPECIALS = st.sampled_from(
    [
        "<",
        ">",
        "&",
        "<b>",
        "</i>",
        "&amp;",
        "*",
        "_",
        "`",
        "[x](y)",
        "\u202e",
        "\u200f",
        "\x00",
        "\x1b",
        "\r\n",
        "🙂",
        "👨‍👩‍👧",
        "vs",
        " vs ",
        " or ",
        ",",
        "in Texas",
        "nurse",
        "@careerbot_test_bot",
        "/compare",
        "ﷺ",
        "\ufeff",
    ]
)
MESSAGES = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(SPECIALS, st.text(max_size=12)), max_size=30).map("".join),
    st.text(min_size=4000, max_size=4096),
)
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(MESSAGES)
def test_parsing_any_text_never_raises(text: str) -> None:
    intent = parse(text)
    assert intent.kind in {"compare", "profile", "switch", "none"}
    assert len(intent.titles) <= 4


@pytest.fixture
def loop():  # type: ignore[no-untyped-def]
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture
def sync_bot(real_db_url, real_index, loop):  # type: ignore[no-untyped-def]
    bot = loop.run_until_complete(Careerbot.open(real_db_url, index=real_index))
    yield bot
    loop.run_until_complete(bot.close())


@FAST
@given(text=MESSAGES)
def test_any_message_gets_valid_telegram_html(sync_bot, loop, text: str) -> None:
    reply = loop.run_until_complete(sync_bot.answer(text))
    assert reply.text and len(reply.text) <= MAX_TEXT
    assert html_errors(reply.text) == []
    for row in reply.buttons:
        for button in row:
            assert len(button.data.encode()) <= MAX_BYTES


@FAST
@given(
    data=st.one_of(
        st.text(max_size=64),
        st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
        st.from_regex(r"1\.[0-9a-z]{4}\.[a-z]\.[0-9-]{1,40}", fullmatch=True),
    )
)
def test_any_button_data_expires_politely_or_works(sync_bot, loop, data: str) -> None:
    reply = loop.run_until_complete(sync_bot.press(data))
    assert reply.kind in {"expired", "detail", "compare", "profile", "chart"}
    assert html_errors(reply.text) == []


def test_the_html_checker_catches_what_telegram_rejects() -> None:
    assert html_errors("<b>ok</b> &amp; <code>x</code>") == []
    assert html_errors("<b>unclosed")
    assert html_errors("<div>no</div>")
    assert html_errors("a < b")
    assert html_errors("<b><i>crossed</b></i>")
