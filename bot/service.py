"""The Telegram-free core: a message or a button press in, a `Reply` out.

The bot, the console and `careerbot ask` all call `Careerbot.answer` and `Careerbot.press`, so
they show the same thing. This module holds the steps of a request — parse, resolve, gather the
facts for the place asked about, hand them to the wording (`bot.summary`, `bot.views`,
`bot.wording`) and the buttons (`bot.layout`) — and nothing about how they read.
"""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bot import callbacks, wording
from bot.callbacks import Action, InvalidCallback
from bot.chart import Bar, render_chart
from bot.layout import Keyboards
from bot.parsing import Intent, IntentKind, parse
from bot.payloads import occupation_json, resolution_json
from bot.places import NATIONAL_WORDS, Place, Places, place_name
from bot.render import MAX_CAPTION, Side, TopCode, esc, trim
from bot.replies import Button, Display, Keyboard, Reply, ReplyKind, View
from bot.resolver import Candidate, Resolution, Status, TitleIndex
from bot.summary import source_line, summary_text
from bot.switching import plan_switch, switch_text
from bot.together import shared, what_differs
from bot.views import VIEWS, ViewContext
from store.codes import NATIONAL
from store.db import DatabaseMissing as DatabaseMissing  # re-exported: front ends catch it
from store.facts import OccupationFacts
from store.queries import CareerStore

MAX_CLARIFY = 4


class Careerbot:
    def __init__(
        self, store: CareerStore, index: TitleIndex, metadata: dict[str, str], places: Places
    ) -> None:
        self.store = store
        self.index = index
        self.metadata = metadata
        self.places = places
        self.version = callbacks.data_version(metadata)
        self.keyboards = Keyboards(self.version)
        self.top = TopCode.from_footnote(metadata.get("oews_footnote_5"))
        self.period = metadata.get("release_oews", "")

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
    def parse(self, text: str) -> Intent:
        return parse(text, lambda name: self.places.find(name) is not None)

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

    async def switch(
        self, codes: Sequence[str], asked: tuple[str, str], place: Place | None = None
    ) -> Reply:
        """How to get from the first occupation to the second."""
        facts, _ = await self.facts(codes, place)
        origin, target = facts[codes[0]], facts[codes[1]]
        plan = await plan_switch(self.store, origin.code, target.code, (origin.title, target.title))
        sides = [Side(asked[0], origin.title, origin), Side(asked[1], target.title, target)]
        text = switch_text(plan, origin, target, self.top) + "\n" + self.source_line(target)
        return Reply(
            ReplyKind.SWITCH,
            trim(text),
            self.keyboards.detail(list(codes), View.SWITCH, place.code if place else None),
            tuple(occupation_json(s, self.period) for s in sides),
            extra={"gaps": plan.gaps_json(), "location": self.places.json(place)},
        )

    async def chart(
        self, codes: Sequence[str], place: Place | None = None, key: str | None = None
    ) -> Reply:
        """The pay-range chart of these occupations, with a caption that names the source."""
        facts, _ = await self.facts(codes, place)
        ordered = [facts[c] for c in dict.fromkeys(codes) if c in facts]
        if not ordered:
            return self.expired()
        area = place_name(place)
        bars = [Bar(textwrap.shorten(f.title, 40, placeholder="…"), f.wages) for f in ordered]
        png = await asyncio.to_thread(render_chart, bars, area, self.period, self.top)
        caption = trim(
            "📊 Pay ranges: "
            + " vs ".join(esc(f.title) for f in ordered)
            + f" — {esc(area)}, BLS OEWS {esc(self.period)}",
            MAX_CAPTION,
        )
        return Reply(
            ReplyKind.CHART,
            caption,
            photo=png,
            photo_key=key or ",".join(codes),
            display=Display.PHOTO,
        )

    def fallback(self, *, greeting: bool = False, unknown: Sequence[str] = ()) -> Reply:
        return Reply(
            ReplyKind.NONE,
            wording.fallback(greeting=greeting, unknown=unknown),
            self.example_buttons(),
            extra={"unknown": list(unknown)} if unknown else {},
        )

    def example_buttons(self) -> Keyboard:
        rows = []
        for example in wording.EXAMPLES:
            intent = self.parse(example)
            codes = []
            for title in intent.titles:
                best = self.index.resolve(title).best
                if best is not None:
                    codes.append(best.code)
            if len(codes) == len(intent.titles):
                rows.append((self.keyboards.button(f"▶ {example}", View.SUMMARY, codes),))
        return tuple(rows)

    def clarify(
        self,
        resolutions: Sequence[Resolution],
        position: int,
        view: View = View.SUMMARY,
        place: Place | None = None,
    ) -> Reply:
        """Ask which occupation one unsure title means; a tap answers the whole question."""
        resolution = resolutions[position]
        chosen = [r.best.code if r.best else None for r in resolutions]
        buttons: list[tuple[Button, ...]] = []
        for candidate in resolution.candidates[:MAX_CLARIFY]:
            codes = list(chosen)
            codes[position] = candidate.code
            if all(codes):
                area = place.code if place else None
                picked = [c for c in codes if c]
                buttons.append((self.keyboards.button(candidate.title[:60], view, picked, area),))
        if not buttons:
            return self.fallback(unknown=[resolution.text])
        return Reply(
            ReplyKind.CLARIFY,
            wording.did_you_mean(resolution.text, bool(resolution.candidates)),
            tuple(buttons),
            extra={"sides": [resolution_json(r) for r in resolutions]},
        )

    # --- summary ----------------------------------------------------------------------------
    async def facts(
        self, codes: Sequence[str], place: Place | None
    ) -> tuple[dict[str, OccupationFacts], list[str]]:
        """Facts for an area, falling back to national figures where the area has none.

        Also returns the titles that fell back, so the reply can say so.
        """
        national = await self.store.occupations(codes, NATIONAL)
        if place is None:
            return national, []
        local = await self.store.occupations(codes, place.code)
        fell_back = [
            f.title for code, f in local.items() if f.wages is None and national[code].wages
        ]
        merged = {code: f if f.wages is not None else national[code] for code, f in local.items()}
        return merged, fell_back

    async def summary(
        self,
        sides: Sequence[tuple[str, Candidate]],
        place: Place | None = None,
        note: str | None = None,
    ) -> Reply:
        codes = [c.code for _, c in sides]
        facts, fell_back = await self.facts(codes, place)
        resolved = [
            Side(asked, c.matched_title, facts[c.code]) for asked, c in sides if c.code in facts
        ]
        if not resolved:
            return self.expired()
        differs: list[str] = []
        pair = [s.facts for s in resolved]
        if len(pair) == 2 and pair[0].code != pair[1].code and shared(*pair).everything:
            differs = await what_differs(self.store, *pair)
        kind, text = summary_text(
            resolved,
            place=place,
            fell_back=fell_back,
            average=await self.store.average_growth(),
            top=self.top,
            note=note,
            source=self.source_line(resolved[0].facts),
            differs=differs,
        )
        distinct = list(dict.fromkeys(s.facts.code for s in resolved))
        return Reply(
            kind,
            trim(text),
            self.keyboards.detail(distinct, View.SUMMARY, place.code if place else None),
            tuple(occupation_json(s, self.period) for s in resolved),
            extra={"location": self.places.json(place)},
        )

    def source_line(self, facts: OccupationFacts) -> str:
        return source_line(facts, self.period, self.metadata.get("release_onet", ""))

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
    def expired(self) -> Reply:
        return Reply(ReplyKind.EXPIRED, wording.EXPIRED, display=Display.TOAST)

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

    # --- fixed texts ------------------------------------------------------------------------
    def about(self) -> Reply:
        return Reply(ReplyKind.ABOUT, wording.about_text(self.metadata))

    def help(self) -> Reply:
        return Reply(ReplyKind.HELP, wording.help_text(), self.example_buttons())
