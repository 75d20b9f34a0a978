"""The place picker behind 📍 Location: states a page at a time, then a state's metro areas,
or the United States (national figures).

It is an inline keyboard edited in place. Every button is a Location payload that keeps the
answer's occupations, the area it had, and in its state where the picker is and which view to
return to, so the picker needs no memory on the server and works on any instance:

    state = <view key><step>[~<the view's own state>]
    step  = ""            the first page of states
          | "p<n>"        page n of the states
          | "s<fips>[p<n>]"  the metro areas of one state (page n)
          | "c"           chosen: the payload's area (none: national)

A chosen place is shown in the view the picker was opened from, for the same occupations.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.layout import Keyboards
from bot.places import Place, Places
from bot.render import clip, esc
from bot.replies import Button, Keyboard, View
from bot.views import KEYS, VIEWS

STATES_PER_ROW, STATE_ROWS = 3, 4
METROS_PER_ROW, METRO_ROWS = 2, 5
_STATE = re.compile(r"^(?P<view>[a-z])(?P<step>p\d{1,2}|s\d{2}(?:p\d{1,2})?|c)?(?:~(?P<own>.+))?$")


class Step(StrEnum):
    STATES = "states"
    METROS = "metros"
    CHOSEN = "chosen"


@dataclass(frozen=True)
class Picking:
    """Where a picker button leads."""

    view: View  # the view to show the chosen place in
    step: Step
    page: int = 0
    state_code: str = ""  # FIPS of the state whose metros are listed
    own: str | None = None  # the view's own state (e.g. How to switch's direction)

    def encode(self, step: str) -> str:
        return VIEWS[self.view].key + step + (f"~{self.own}" if self.own else "")


def decode(state: str | None) -> Picking | None:
    """The picker step a Location payload names; a button without state opens the first page
    for the summary (as Location buttons did before the picker)."""
    if state is None:
        return Picking(View.SUMMARY, Step.STATES)
    found = _STATE.match(state)
    if found is None or found["view"] not in KEYS:
        return None
    view, step, own = KEYS[found["view"]], found["step"] or "", found["own"]
    if view == View.LOCATION or (VIEWS[view].render is None and view != View.SUMMARY):
        return None
    if step == "c":
        return Picking(view, Step.CHOSEN, own=own)
    if step.startswith("s"):
        fips, _, page = step[1:].partition("p")
        return Picking(view, Step.METROS, int(page or 0), fips, own)
    return Picking(view, Step.STATES, int(step[1:] or 0), own=own)


def _pages(count: int, size: int) -> int:
    return max(1, math.ceil(count / size))


def _rows(buttons: list[Button], per_row: int) -> list[tuple[Button, ...]]:
    return [tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]


class Picker:
    """The picker's pages for one release's places and buttons."""

    def __init__(self, places: Places, keyboards: Keyboards) -> None:
        self.places = places
        self.keyboards = keyboards

    def _button(self, label: str, codes: tuple[str, ...], area: str | None, state: str) -> Button:
        return self.keyboards.button(label, View.LOCATION, codes, area, state)

    def page(
        self, picking: Picking, codes: tuple[str, ...], area: str | None
    ) -> tuple[str, Keyboard] | None:
        """The text and keyboard of one picker page; None for a state that does not exist."""
        back = self.keyboards.button("« Back", picking.view, codes, area, picking.own)
        if picking.step == Step.METROS:
            state = next(
                (s for s in self.places.state_list() if s.state_code == picking.state_code), None
            )
            return None if state is None else self._metros(picking, state, codes, area, back)
        return self._states(picking, codes, area, back)

    def _states(
        self, picking: Picking, codes: tuple[str, ...], area: str | None, back: Button
    ) -> tuple[str, Keyboard]:
        states = self.places.state_list()
        size = STATES_PER_ROW * STATE_ROWS
        pages = _pages(len(states), size)
        page = min(picking.page, pages - 1)
        shown = states[page * size : (page + 1) * size]
        buttons = [
            self._button(s.name, codes, area, picking.encode(f"s{s.state_code}")) for s in shown
        ]
        nav = [self._button("🇺🇸 United States", codes, None, picking.encode("c"))]
        if page > 0:
            nav.insert(0, self._button("«", codes, area, picking.encode(f"p{page - 1}")))
        if page < pages - 1:
            nav.append(self._button("»", codes, area, picking.encode(f"p{page + 1}")))
        text = (
            "📍 <b>Where should pay figures be for?</b>\n"
            f"Pick a state (page {page + 1} of {pages}), then a metro area in it if you like; "
            "🇺🇸 United States for national figures."
        )
        return text, (*_rows(buttons, STATES_PER_ROW), tuple(nav), (back,))

    def _metros(
        self,
        picking: Picking,
        state: Place,
        codes: tuple[str, ...],
        area: str | None,
        back: Button,
    ) -> tuple[str, Keyboard]:
        metros = self.places.metros_of(state)
        size = METROS_PER_ROW * METRO_ROWS
        pages = _pages(len(metros), size)
        page = min(picking.page, pages - 1)
        shown = metros[page * size : (page + 1) * size]
        here = f"s{state.state_code}"
        rows: list[tuple[Button, ...]] = [
            (self._button(f"📍 All of {state.name}", codes, state.code, picking.encode("c")),)
        ]
        rows += _rows(
            [self._button(clip(m.name, 40), codes, m.code, picking.encode("c")) for m in shown],
            METROS_PER_ROW,
        )
        nav = []
        if page > 0:
            nav.append(self._button("«", codes, area, picking.encode(f"{here}p{page - 1}")))
        if page < pages - 1:
            nav.append(self._button("»", codes, area, picking.encode(f"{here}p{page + 1}")))
        states = self.places.state_list()
        states_page = states.index(state) // (STATES_PER_ROW * STATE_ROWS)
        nav.append(self._button("« States", codes, area, picking.encode(f"p{states_page}")))
        if metros:
            where = f"pick one of its metro areas (page {page + 1} of {pages}), or all of it."
        else:
            where = "OEWS publishes no metro areas there: pick all of it."
        return f"📍 <b>{esc(state.name)}</b>: {where}", (*rows, tuple(nav), (back,))
