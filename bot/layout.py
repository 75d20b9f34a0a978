"""Which buttons go under a reply, and in what order.

Every button carries a versioned, self-contained payload (`bot.callbacks`), so this module only
decides labels and layout. The detail keyboard follows the table in `bot.views`; "How to
switch" is offered both ways for a pair (its state "r" reads second → first), and 📍 Location
(the place picker, `bot.picker`) sits under the summary and the Salary view, the answers whose
figures depend on the place. A `state` given to `detail` rides on every button, so a
comparison across places (`bot.across`) keeps its places through the views and back.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from bot import callbacks
from bot.callbacks import Action
from bot.render import clip
from bot.replies import Button, Keyboard, View
from bot.views import VIEWS, Offer

DETAIL_ROWS = 3
MAX_OFFERS = 6
REVERSED = "r"  # the How to switch view's state: from the second occupation to the first
SWITCH_LABELS = {None: "🔀 Switch 1 → 2", REVERSED: "🔀 Switch 2 → 1"}
PLACED_VIEWS = (View.SUMMARY, View.SALARY)  # answers whose figures are the place's own


def short(text: str, width: int) -> str:
    """A title cut to fit a button, at a word boundary, with "…" only when something was cut."""
    return clip(text, width)


class Keyboards:
    """Buttons for one data release (`version` is written into every payload)."""

    def __init__(self, version: str) -> None:
        self.version = version
        # Every answer and view lays out ~12 buttons, each payload encoded: the same few
        # thousand keyboards come back again and again, so they are built once.
        self._detail = functools.lru_cache(maxsize=4096)(self._build_detail)

    def button(
        self,
        label: str,
        view: View,
        codes: Sequence[str],
        area: str | None = None,
        state: str | None = None,
    ) -> Button:
        return Button(
            label, callbacks.encode(Action(view, tuple(codes), area, state), self.version)
        )

    def detail(
        self,
        codes: Sequence[str],
        current: View,
        area: str | None = None,
        *,
        shown: str | None = None,
        state: str | None = None,
        picker: bool = True,
    ) -> Keyboard:
        """The views of these occupations (all but the one shown, whose state is `shown`),
        then « Summary and, under the summary and Salary, 📍 Location (unless `picker` is
        off, as for a comparison across places)."""
        return self._detail(tuple(codes), current, area, shown, state, picker)

    def _build_detail(
        self,
        codes: tuple[str, ...],
        current: View,
        area: str | None,
        shown: str | None,
        state: str | None,
        picker: bool,
    ) -> Keyboard:
        pair = len(set(codes)) == 2
        rows: list[list[Button]] = [[] for _ in range(DETAIL_ROWS + 1)]  # + the switch row
        for view, spec in VIEWS.items():
            if spec.row is None or (spec.pairs_only and not pair):
                continue
            if view == View.SWITCH:
                # Both ways; a comparison's own state leaves room for one direction only.
                for direction, label in SWITCH_LABELS.items():
                    if current == View.SWITCH and shown == direction:
                        continue
                    if state is None or direction is None:
                        own = direction if state is None else state
                        rows[DETAIL_ROWS].append(self.button(label, view, codes, area, own))
            elif view != current:
                rows[spec.row].append(self.button(spec.label, view, codes, area, state))
        last: list[Button] = []
        if current != View.SUMMARY:
            last.append(self.button(VIEWS[View.SUMMARY].label, View.SUMMARY, codes, area, state))
        if picker and current in PLACED_VIEWS:
            back = VIEWS[current].key + (f"~{shown}" if shown else "")
            last.append(self.button(VIEWS[View.LOCATION].label, View.LOCATION, codes, area, back))
        return tuple(tuple(row) for row in [*rows, last] if row)

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
