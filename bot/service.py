"""The Telegram-free core: a message or a button press in, a `Reply` out.

The bot, the console and `careerbot ask` all call `Careerbot.answer` and `Careerbot.press`, so
they show the same thing. This module holds the steps of a request — parse, resolve, find the
place asked about, pick the kind of reply — and `bot.answers` builds each reply from the facts,
handing the wording to `bot.summary`, `bot.views` and `bot.wording` and the buttons to
`bot.layout`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any

from bot import across, callbacks, picker, wording
from bot.across import Placed
from bot.answers import Answers
from bot.callbacks import Action, InvalidCallback
from bot.layout import REVERSED
from bot.parsing import MAX_TITLES, IntentKind, split_places
from bot.payloads import resolution_json
from bot.places import NATIONAL_WORDS, Place, Places, place_name
from bot.reading import choose_reading
from bot.render import trim
from bot.replies import Reply, ReplyKind, View
from bot.resolver import Candidate, Status, TitleIndex, load_index
from bot.views import VIEWS, ViewContext
from store.db import DatabaseMissing as DatabaseMissing  # re-exported: front ends catch it
from store.facts import OccupationFacts
from store.queries import CareerStore


class Careerbot(Answers):
    """The core every front end talks to: answer a message, press a button, set a place."""

    @classmethod
    async def open(cls, database_url: str, index: TitleIndex | None = None) -> Careerbot:
        """Open the store and load the title index; DatabaseMissing (naming the fix) if there
        is nothing usable to read.

        `index` lets several bots over the same database share one title index (tests, and
        later several workers in one process).
        """
        store = await CareerStore.open(database_url)
        try:
            metadata = await store.metadata()
            areas = await store.areas()
            if index is None:
                index = await load_index(store)
        except Exception as error:
            await store.close()
            raise DatabaseMissing(
                "The career database is missing or unreadable. Build it with: careerbot data build"
            ) from error
        return cls(store, index, metadata, Places(areas))

    async def close(self) -> None:
        await self.store.close()

    # --- messages -------------------------------------------------------------------------
    async def answer(
        self, text: str, default_area: str | None = None, chat_id: int | None = None
    ) -> Reply:
        """Reply to a message. A place in the message wins; else `default_area`, else the
        location remembered for `chat_id` (see `set_location`). One job in several places
        ("teacher in Texas vs teacher in California") is compared across them."""
        across_places = await self._across_places(text)
        if across_places is not None:
            return across_places
        intent = self.parse(text)
        if default_area is None and chat_id is not None and intent.titles and not intent.place:
            default_area = await self.store.preferences.area(chat_id)
        if intent.kind == IntentKind.NONE or not intent.titles:
            return self.fallback(greeting=intent.greeting)
        resolutions = choose_reading(intent, self.index)
        too_many = len(resolutions) > MAX_TITLES or (intent.too_many and not intent.groups)
        resolutions = resolutions[:MAX_TITLES]
        if all(r.status == Status.UNKNOWN for r in resolutions):
            return self.fallback(unknown=intent.titles)
        place = self.places.find(intent.place) if intent.place else None
        if place is None and default_area:
            place = self.places.by_code(default_area)
        unsure = next((i for i, r in enumerate(resolutions) if r.status != Status.MATCHED), None)
        if unsure is not None:
            switching = intent.kind == IntentKind.SWITCH and len(resolutions) == 2
            return self.clarify(
                resolutions, unsure, View.SWITCH if switching else View.SUMMARY, place
            )
        sides = [(r.text, r.candidates[0]) for r in resolutions]
        note = wording.TOO_MANY if too_many else None
        codes = [c.code for _, c in sides]
        if intent.kind == IntentKind.SWITCH and len(set(codes)) == 2:
            return await self.switch(codes, (sides[0][0], sides[1][0]), place)
        return await self.summary(sides, place=place, note=note)

    async def _across_places(self, text: str) -> Reply | None:
        """The comparison across places a message asks for, if it names a place on every side
        and each title is matched surely; None to answer it the usual way."""
        wanted = split_places(text, lambda name: self.places.find(name) is not None)
        if wanted is None:
            return None
        resolved = {title: self.index.resolve(title) for title, _ in wanted}
        if any(r.status != Status.MATCHED or r.best is None for r in resolved.values()):
            return None
        sides = []
        for title, name in wanted:
            best, place = resolved[title].best, self.places.find(name)
            if best is None or place is None:
                return None
            sides.append((title, best.code, place))
        if not across.fits([c for _, c, _ in sides], [p.code for _, _, p in sides]):
            return None
        placed = await self.placed(sides)
        return None if placed is None else await self.across(placed)

    async def _pressed_across(self, action: Action) -> list[Placed] | None:
        """The sides of a comparison across places a button carries (None: not one, or
        forged)."""
        pairs = across.unpack(action.codes, action.state)
        if pairs is None:
            return None
        sides = []
        for code, area in pairs:
            place = self.places.by_code(area)
            if place is None:
                return None
            sides.append(("", code, place))
        placed = await self.placed(sides)
        if placed is None:
            return None
        return [replace(p, asked=p.facts.title) for p in placed]

    # --- the chat's place -------------------------------------------------------------------
    async def set_location(self, chat_id: int, text: str) -> Reply:
        """`/state TX`, `/state Seattle`: remember where this chat wants pay figures for."""
        wanted = text.strip()
        if not wanted:
            current = await self.store.preferences.area(chat_id)
            place = self.places.by_code(current) if current else None
            where = place_name(place)
            return Reply(ReplyKind.LOCATION, wording.location_shown(where))
        if wanted.casefold() in NATIONAL_WORDS:
            await self.store.preferences.set_area(chat_id, None)
            return Reply(ReplyKind.LOCATION, wording.LOCATION_RESET)
        place = self.places.find(wanted)
        if place is None:
            return Reply(ReplyKind.LOCATION, wording.location_unknown(wanted))
        await self.store.preferences.set_area(chat_id, place.code)
        return Reply(
            ReplyKind.LOCATION,
            wording.location_saved(place.name),
            extra={"location": self.places.json(place)},
        )

    # --- buttons ----------------------------------------------------------------------------

    async def press(self, data: str | None, chat_id: int | None = None) -> Reply:
        """The reply to a button: the view its payload names, for its occupations and place.

        Detail views are rendered from the table in `bot.views`; the other buttons are
        answered by the methods in `_buttons` (one entry each). `chat_id` is the chat of the
        pressed message (None for inline-mode messages): the place picker saves the chosen
        place for it.
        """
        try:
            action = callbacks.decode(data, self.version)
        except InvalidCallback:
            return self.expired()
        own = self._buttons().get(action.view)
        if own is not None:
            return await own(action, data or "", chat_id)
        place = self.places.by_code(action.area) if action.area else None
        if action.area and place is None:
            return self.expired()
        return await self.view(action.view, action.codes, place, action.state)

    async def view(
        self, view: View, codes: Sequence[str], place: Place | None, state: str | None = None
    ) -> Reply:
        """A detail view (`state`: its own, e.g. How to switch's direction) or the summary."""
        if view == View.SUMMARY:
            return await self._summary_of(codes, place)
        area = place.code if place else None
        ordered = await self._pressed_facts(codes, place)
        render = VIEWS[view].render
        if ordered is None or render is None:
            return self.expired()
        if view == View.SWITCH and state == REVERSED:
            ordered = ordered[::-1]
        rendered = await render(ViewContext(self.store, ordered, place, self.top, self.metadata))
        places = across.is_across(state)
        distinct = list(dict.fromkeys(codes))
        return Reply(
            ReplyKind.DETAIL,
            trim(rendered.text),
            self.keyboards.offers(rendered.offers, len(ordered) > 1)
            + self.keyboards.detail(
                distinct,
                view,
                area,
                shown=None if places else state,
                state=state if places else None,  # back to the comparison across places
                picker=not places,
            ),
            extra={"view": view, "codes": list(codes)},
        )

    def _buttons(self) -> dict[View, Callable[[Action, str, int | None], Awaitable[Reply]]]:
        """Buttons that are not detail views: what answers each."""
        return {
            View.SUMMARY: self._press_summary,
            View.CHART: self._press_chart,
            View.LOCATION: self._press_location,
        }

    async def _pressed_facts(
        self, codes: Sequence[str], place: Place | None
    ) -> list[OccupationFacts] | None:
        """The button's occupations in its place, in order; None if one is unknown (forged)."""
        facts, _ = await self.facts(codes, place)
        if len(facts) != len(set(codes)):
            return None
        return [facts[c] for c in dict.fromkeys(codes)]

    async def _summary_of(self, codes: Sequence[str], place: Place | None) -> Reply:
        ordered = await self._pressed_facts(codes, place)
        if ordered is None:
            return self.expired()
        sides = [(f.title, Candidate(f.code, f.title, f.title, 100.0)) for f in ordered]
        return await self.summary(sides, place=place)

    async def _press_summary(self, action: Action, data: str, chat_id: int | None) -> Reply:
        if across.is_across(action.state):
            placed = await self._pressed_across(action)
            return self.expired() if placed is None else await self.across(placed)
        place = self.places.by_code(action.area) if action.area else None
        if action.area and place is None:
            return self.expired()
        return await self._summary_of(action.codes, place)

    async def _press_chart(self, action: Action, data: str, chat_id: int | None) -> Reply:
        if across.is_across(action.state):
            placed = await self._pressed_across(action)
            return self.expired() if placed is None else await self.across_chart(placed, data)
        place = self.places.by_code(action.area) if action.area else None
        return await self.chart(action.codes, place, key=data)

    async def _press_location(self, action: Action, data: str, chat_id: int | None) -> Reply:
        """📍 Location: a page of the place picker, or the chosen place's answer (saved for
        the chat when there is one)."""
        picking = picker.decode(action.state)
        place = self.places.by_code(action.area) if action.area else None
        if picking is None or (action.area and place is None):
            return self.expired()
        if picking.step != picker.Step.CHOSEN:
            page = picker.Picker(self.places, self.keyboards).page(
                picking, action.codes, action.area
            )
            if page is None:
                return self.expired()
            return Reply(ReplyKind.LOCATION, page[0], page[1], extra={"picking": True})
        reply = await self.view(picking.view, action.codes, place, picking.own)
        if reply.kind == ReplyKind.EXPIRED:
            return reply
        if chat_id is not None:
            await self.store.preferences.set_area(chat_id, place.code if place else None)
        note = wording.place_chosen(
            place_name(place), saved=chat_id is not None, national=place is None
        )
        return replace(
            reply,
            text=trim(f"{note}\n{reply.text}"),
            extra={
                **reply.extra,
                "location": self.places.json(place),
                "saved": chat_id is not None,
            },
        )

    # --- resolution only (careerbot match) -------------------------------------------------
    def match(self, text: str) -> dict[str, Any]:
        intent = self.parse(text)
        sides = [resolution_json(r) for r in choose_reading(intent, self.index)[:MAX_TITLES]]
        one = intent.kind == IntentKind.COMPARE and len(sides) == 1  # "Operator, Forklift"
        kind = IntentKind.PROFILE if one else intent.kind
        return {"query": text, "kind": kind, "sides": sides}
