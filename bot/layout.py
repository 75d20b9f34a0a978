"""Which buttons go under a reply, and in what order.

Every button carries a versioned, self-contained payload (`bot.callbacks`), so this module only
decides labels and layout. The detail keyboard follows the table in `bot.views`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from bot import callbacks
from bot.callbacks import Action
from bot.replies import Button, Keyboard, View
from bot.views import VIEWS, Offer

DETAIL_ROWS = 3
MAX_OFFERS = 6


def short(text: str, width: int) -> str:
    """A title cut to fit a button, with "…" only when something was cut."""
    return textwrap.shorten(text, width, placeholder="…")


class Keyboards:
    """Buttons for one data release (`version` is written into every payload)."""

    def __init__(self, version: str) -> None:
        self.version = version

    def button(
        self, label: str, view: View, codes: Sequence[str], area: str | None = None
    ) -> Button:
        return Button(label, callbacks.encode(Action(view, tuple(codes), area), self.version))

    def detail(self, codes: Sequence[str], current: View, area: str | None = None) -> Keyboard:
        """The views of these occupations (all but the one shown), then « Summary — or, under
        a summary with no place yet, 📍 Location."""
        rows: list[tuple[Button, ...]] = [
            tuple(
                self.button(spec.label, view, codes, area)
                for view, spec in VIEWS.items()
                if spec.row == row and view != current and (not spec.pairs_only or len(codes) == 2)
            )
            for row in range(DETAIL_ROWS)
        ]
        if current != View.SUMMARY:
            rows.append((self.button(VIEWS[View.SUMMARY].label, View.SUMMARY, codes, area),))
        elif area is None:
            rows.append((self.button(VIEWS[View.LOCATION].label, View.LOCATION, codes),))
        return tuple(row for row in rows if row)

    def offers(self, offers: Iterable[Offer], many: bool) -> Keyboard:
        """A comparison button per offer; with several occupations shown, each names both."""
        return tuple(
            (
                self.button(
                    f"⚖️ {short(offer.base.title, 24)} vs {short(offer.title, 30)}"
                    if many
                    else f"⚖️ vs {short(offer.title, 44)}",
                    View.SUMMARY,
                    [offer.base.code, offer.code],
                ),
            )
            for offer in list(offers)[:MAX_OFFERS]
            if offer.code != offer.base.code
        )
