"""A clock the tests move by hand, for the stores that take `clock=` (Unix time)."""

from __future__ import annotations


class Clock:
    """Returns `now`, which a test sets or advances instead of sleeping."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
