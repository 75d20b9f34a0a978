"""What every detail view is given, and what it gives back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.places import Place
from bot.render import TopCode
from store.facts import OccupationFacts
from store.queries import CareerStore


@dataclass(frozen=True)
class ViewContext:
    """The occupations a button names, in the order asked, with their facts in the button's
    place (national where the place has no figure), plus what views read beyond them."""

    store: CareerStore
    occupations: Sequence[OccupationFacts]
    place: Place | None
    top: TopCode
    metadata: Mapping[str, str]

    @property
    def many(self) -> bool:
        return len(self.occupations) > 1


@dataclass(frozen=True)
class Offer:
    """A comparison a view offers as a button: `base` against the occupation `code`."""

    base: OccupationFacts
    code: str
    title: str


@dataclass(frozen=True)
class Rendered:
    text: str  # Telegram HTML
    offers: tuple[Offer, ...] = ()
