"""The Telegram-free core: a message or a button press in, a `Reply` out.

The bot, the console and `careerbot ask` all call `Careerbot.answer` and `Careerbot.press`, so
they show the same thing. This module holds the steps of a request — parse, resolve, find the
place asked about, pick the kind of reply — and `bot.answers` builds each reply from the facts,
handing the wording to `bot.summary`, `bot.views` and `bot.wording` and the buttons to
`bot.layout`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot import callbacks, wording
from bot.answers import Answers
from bot.callbacks import Action, InvalidCallback
from bot.parsing import IntentKind
from bot.payloads import resolution_json
from bot.places import NATIONAL_WORDS, Place, Places, place_name
from bot.render import trim
from bot.replies import Display, Reply, ReplyKind, View
from bot.resolver import Candidate, Status, TitleIndex
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
                titles = await store.titles()
                employment = await store.employment_by_code()
                index = TitleIndex.from_rows(
                    ((t.code, t.title, t.kind) for t in titles), employment
                )
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
        location remembered for `chat_id` (see `set_location`)."""
        intent = self.parse(text)
        if default_area is None and chat_id is not None and intent.titles and not intent.place:
            default_area = await self.store.preferences.area(chat_id)
        if intent.kind == IntentKind.NONE or not intent.titles:
            return self.fallback(greeting=intent.greeting)
        resolutions = [self.index.resolve(title) for title in intent.titles]
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
        note = wording.TOO_MANY if intent.too_many else None
        codes = [c.code for _, c in sides]
        if intent.kind == IntentKind.SWITCH and len(set(codes)) == 2:
            return await self.switch(codes, (sides[0][0], sides[1][0]), place)
        return await self.summary(sides, place=place, note=note)

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

    async def press(self, data: str | None) -> Reply:
        """The reply to a button: the view its payload names, for its occupations and place.

        Detail views are rendered from the table in `bot.views`; the other buttons are
        answered by the methods in `_buttons` (one entry each).
        """
        try:
            action = callbacks.decode(data, self.version)
        except InvalidCallback:
            return self.expired()
        own = self._buttons().get(action.view)
        if own is not None:
            return await own(action, data or "")
        place = self.places.by_code(action.area) if action.area else None
        if action.area and place is None:
            return self.expired()
        ordered = await self._pressed_facts(action, place)
        render = VIEWS[action.view].render
        if ordered is None or render is None:
            return self.expired()
        rendered = await render(ViewContext(self.store, ordered, place, self.top, self.metadata))
        codes = list(dict.fromkeys(action.codes))
        return Reply(
            ReplyKind.DETAIL,
            trim(rendered.text),
            self.keyboards.offers(rendered.offers, len(ordered) > 1)
            + self.keyboards.detail(codes, action.view, action.area),
            extra={"view": action.view, "codes": list(action.codes)},
        )

    def _buttons(self) -> dict[View, Callable[[Action, str], Awaitable[Reply]]]:
        """Buttons that are not detail views: what answers each."""
        return {
            View.SUMMARY: self._press_summary,
            View.CHART: self._press_chart,
            View.LOCATION: self._press_location,
        }

    async def _pressed_facts(
        self, action: Action, place: Place | None
    ) -> list[OccupationFacts] | None:
        """The button's occupations in its place, in order; None if one is unknown (forged)."""
        facts, _ = await self.facts(action.codes, place)
        if len(facts) != len(set(action.codes)):
            return None
        return [facts[c] for c in dict.fromkeys(action.codes)]

    async def _press_summary(self, action: Action, data: str) -> Reply:
        place = self.places.by_code(action.area) if action.area else None
        ordered = (
            None if action.area and place is None else await self._pressed_facts(action, place)
        )
        if ordered is None:
            return self.expired()
        sides = [(f.title, Candidate(f.code, f.title, f.title, 100.0)) for f in ordered]
        return await self.summary(sides, place=place)

    async def _press_chart(self, action: Action, data: str) -> Reply:
        place = self.places.by_code(action.area) if action.area else None
        return await self.chart(action.codes, place, key=data)

    async def _press_location(self, action: Action, data: str) -> Reply:
        return Reply(ReplyKind.NOTICE, wording.LOCATION_HELP, display=Display.ALERT)

    # --- resolution only (careerbot match) -------------------------------------------------
    def match(self, text: str) -> dict[str, Any]:
        intent = self.parse(text)
        sides = [resolution_json(self.index.resolve(t)) for t in intent.titles]
        return {"query": text, "kind": intent.kind, "sides": sides}
