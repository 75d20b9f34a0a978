"""What the core remembers of the messages it has read and the summaries it has rendered.

A popular question is asked again and again, and most of answering it again would be reading it
(phrasing, the follow-up move, the parse, the advisor question: regular expressions) and
rendering the same summary. All of that depends only on the words and on the release the core
serves, and the core is replaced when the data changes (handlers/context.py), so each result is
kept here: bounded, the least recently used going first, and only for texts short enough to be
asked again. `forget` drops everything (the load benchmark's unseen questions).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from enum import Enum
from typing import Any, TypeVar, cast

from cachetools import LRUCache

# A message longer than this is read afresh each time: long texts are rarely sent twice, and
# keeping them would cost memory for nothing.
READ_AT_MOST = 300

_V = TypeVar("_V")


class Kept(Enum):
    """Each kind of thing remembered."""

    SAID = "said"  # bot.conversation.phrasing.read: the question and what was said around it
    MOVE = "move"  # bot.conversation.followups.recognize: the follow-up a message asks for
    INTENT = "intent"  # bot.parsing.parse: the titles and place of a question
    ADVICE = "advice"  # bot.advisor.questions.recognise: the advisor question, if any
    SUMMARY = "summary"  # Answers.summary, by sides, place, note and other meanings


READINGS_KEPT = 4096  # of each kind of reading: small objects
SUMMARIES_KEPT = 1024  # rendered replies, ~7 KB each with their buttons and figures: ~7 MB


class Memory:
    """The core's remembered readings and summaries, one bounded cache per `Kept`."""

    def __init__(self) -> None:
        self._kept: dict[Kept, LRUCache[Hashable, Any]] = {
            kind: LRUCache(SUMMARIES_KEPT if kind is Kept.SUMMARY else READINGS_KEPT)
            for kind in Kept
        }

    def recall(self, kind: Kept, text: str, make: Callable[[], _V], *more: Hashable) -> _V:
        """`make()`'s result for `text` (and `more`), made once while it is remembered."""
        if len(text) > READ_AT_MOST:
            return make()
        kept = self._kept[kind]
        key = (text, *more)
        try:
            return cast(_V, kept[key])
        except KeyError:
            value = kept[key] = make()
            return value

    async def recall_async(
        self, kind: Kept, key: Hashable, make: Callable[[], Awaitable[_V]]
    ) -> _V:
        """The same for an answer that reads the store: made once, awaited only then."""
        kept = self._kept[kind]
        try:
            return cast(_V, kept[key])
        except KeyError:
            value = kept[key] = await make()
            return value

    def forget(self) -> None:
        for kept in self._kept.values():
            kept.clear()
