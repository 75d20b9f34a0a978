"""What the advisor needs of the core service, as a Protocol.

`bot.service.Careerbot` satisfies it; the advisor never imports the service (which calls
the advisor), so the two stay one-way and tests can hand the advisor the real service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.layout import Keyboards
from bot.memory import Memory
from bot.places import Place, Places
from bot.render import TopCode
from bot.replies import Reply
from bot.resolver import TitleIndex
from store.facts import OccupationFacts
from store.queries import CareerStore


class Core(Protocol):
    @property
    def store(self) -> CareerStore: ...
    @property
    def index(self) -> TitleIndex: ...
    @property
    def places(self) -> Places: ...
    @property
    def keyboards(self) -> Keyboards: ...
    @property
    def version(self) -> str: ...
    @property
    def top(self) -> TopCode: ...
    @property
    def period(self) -> str:  # the OEWS release ("May 2025")
        ...
    @property
    def metadata(self) -> Mapping[str, str]: ...
    @property
    def memory(self) -> Memory: ...

    async def facts(
        self, codes: Sequence[str], place: Place | None
    ) -> tuple[dict[str, OccupationFacts], list[str]]: ...

    def expired(self) -> Reply: ...
