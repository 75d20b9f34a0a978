"""The core's memory of readings and summaries: made once, bounded, long texts never kept."""

from __future__ import annotations

from bot.memory import READ_AT_MOST, Kept, Memory


def test_a_reading_is_made_once_per_text_and_kind_until_forgotten() -> None:
    memory, made = Memory(), []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    assert memory.recall(Kept.SAID, "nurse", lambda: make("nurse")) == "NURSE"
    assert memory.recall(Kept.SAID, "nurse", lambda: make("nurse")) == "NURSE"
    assert memory.recall(Kept.MOVE, "nurse", lambda: make("nurse")) == "NURSE"  # another kind
    assert memory.recall(Kept.ADVICE, "nurse", lambda: make("nurse"), True) == "NURSE"
    assert memory.recall(Kept.ADVICE, "nurse", lambda: make("nurse"), False) == "NURSE"
    assert made == ["nurse"] * 4
    memory.forget()
    memory.recall(Kept.SAID, "nurse", lambda: make("nurse"))
    assert len(made) == 5


def test_a_none_reading_is_remembered_too() -> None:
    memory, made = Memory(), []
    for _ in range(3):
        assert memory.recall(Kept.MOVE, "hello", lambda: made.append(1)) is None
    assert made == [1]


def test_long_texts_are_read_every_time() -> None:
    memory, made = Memory(), []
    long = "x" * (READ_AT_MOST + 1)
    for _ in range(2):
        memory.recall(Kept.SAID, long, lambda: made.append(long))
    assert len(made) == 2


async def test_a_summary_is_awaited_only_the_first_time() -> None:
    memory, made = Memory(), []

    async def render() -> str:
        made.append(1)
        return "summary"

    key = (("nurse", "29-1141.00"), None)
    assert await memory.recall_async(Kept.SUMMARY, key, render) == "summary"
    assert await memory.recall_async(Kept.SUMMARY, key, render) == "summary"
    assert made == [1]
