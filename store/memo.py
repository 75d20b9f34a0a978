"""Remembered reads of the career data, and what every group of reads shares.

The career tables only change by a rebuild, and a running instance serves the release it opened
(its button versions name it), so a read can be answered from memory every time after the
first. Chat preferences are user data and are never memoized.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from cachetools import LRUCache
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

MEMO_LIMIT = 20_000  # entries; a few KB each at most, and far fewer in practice

_R = TypeVar("_R")


def memoized(
    method: Callable[..., Awaitable[_R]],
) -> Callable[..., Awaitable[_R]]:
    """Remember an async read of the career data for the life of the store.

    The career tables only change by a rebuild, and a running instance serves the release it
    opened (its button versions name it), so a read can be answered from memory every time
    after the first. Results are frozen dataclasses or lists callers only read. Bounded: the
    least recently used go first. Chat preferences are user data and are never memoized.
    """

    @functools.wraps(method)
    async def remembered(self: Reads, *args: Any, **kwargs: Any) -> _R:
        key = (method.__name__, *args, *sorted(kwargs.items()))
        try:
            return cast(_R, self._memo[key])
        except KeyError:
            pass
        value = await method(self, *args, **kwargs)
        self._memo[key] = value
        return value

    return remembered


class Reads:
    """What a group of reads needs: sessions, and the memory `memoized` keeps its results in."""

    sessions: async_sessionmaker[AsyncSession]
    _memo: LRUCache[tuple[Any, ...], Any]
